"""Property-based tests of the HTTP API from its own OpenAPI schema (schemathesis).

The schema is read from the real served app on loopback (the chat and /api/*, real
models; tests/ui/conftest.py's `served`), and every /api operation gets requests built
from it: the schema's examples, its boundary and type-mutation cases ("coverage"), and
generated bodies and parameters, valid and invalid ("fuzzing", a bounded number,
derandomized so every run sends the same requests). Each response must be no 5xx, match
the status codes, content types and bodies the schema documents, accept what the schema
calls valid and reject what it calls invalid; and every error must be {"error": "<one
line>"}. Nothing leaves loopback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.integration

# Generated cases per operation at most, besides the examples and coverage cases (those are
# up to a few dozen per operation, and one request per method no route takes).
FUZZED_EXAMPLES = 50

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(served: str) -> Iterator[schemathesis.BaseSchema]:
    """The served app's OpenAPI schema, its /api operations only, bounded and derandomized."""
    loaded = schemathesis.openapi.from_url(served + "openapi.json")
    loaded.config.generation.update(max_examples=FUZZED_EXAMPLES, deterministic=True)
    yield loaded.include(path_regex="^/api/")


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    # schemathesis 4.32's from_fixture reads and rewrites `node._nodeid` (to name each
    # operation in reports), an attribute pytest 9 no longer has.
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = str(request.node.nodeid)


def _unchecked(case: schemathesis.Case) -> list:
    # What an article is (UTF-8 text with at least one sentence, under 2 MB) is more than a
    # schema for "a string of bytes" can say: valid-looking bytes may be refused with 400.
    if case.operation.path == "/api/articles" and case.method.upper() == "POST":
        return [positive_data_acceptance]
    return []


@schema.parametrize()
def test_the_api_keeps_to_its_schema(case: schemathesis.Case) -> None:
    response = case.call_and_validate(excluded_checks=_unchecked(case), timeout=60)
    if response.status_code >= 400:
        body = json.loads(response.content)
        assert list(body) == ["error"], body
        assert body["error"].strip() and "\n" not in body["error"], body
