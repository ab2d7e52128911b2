"""The README's examples run as written, in the order a reader meets them, from the
checkout's root with a fresh data folder: every ```python block (each `print(...)` whose
line ends in a comment must print what the comment says), every `article-qa` command in
a ```sh block, and the MCP configuration in the ```json block.

Out of scope, and run elsewhere: `article-qa serve` and `article-qa mcp` serve until
stopped (tests/ui/test_served_chat.py, tests/ui/test_mcp_server.py start them); `make`
targets run this very suite; the developer tools in `python -m tools...` lines train and
benchmark for hours (tests/tools/); the curl example needs a running server.
"""

from __future__ import annotations

import ast
import io
import json
import re
import shlex
import tokenize
from pathlib import Path

import pytest

from ui.cli import main, parser

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SERVERS = {"serve", "mcp"}


def fenced(kind: str) -> list[str]:
    """The README's ```kind blocks, in order."""
    return [body for language, body in FENCE.findall(README.read_text("utf-8")) if language == kind]


def _comments(code: str) -> dict[int, str]:
    """Each line's trailing comment, without the #."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return {t.start[0]: t.string[1:].strip() for t in tokens if t.type == tokenize.COMMENT}


def _is_print(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Name)
        and statement.value.func.id == "print"
    )


def run_python(code: str, namespace: dict[str, object], capsys: pytest.CaptureFixture[str]) -> int:
    """Run one block statement by statement; returns how many printed lines were checked."""
    comments = _comments(code)
    checked = 0
    for statement in ast.parse(code).body:
        capsys.readouterr()
        exec(compile(ast.Module([statement], []), str(README), "exec"), namespace)
        expected = comments.get(statement.end_lineno or statement.lineno)
        if _is_print(statement) and expected:
            printed = capsys.readouterr().out
            assert printed.split() == expected.split(), ast.get_source_segment(code, statement)
            checked += 1
    return checked


def commands(block: str) -> list[list[str]]:
    """The arguments of each `article-qa` command in a ```sh block that does not serve."""
    found = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["article-qa"] and words[1] not in SERVERS:
            found.append(words[1:])
    return found


def test_the_examples_are_found() -> None:
    # The extraction itself must not quietly find nothing.
    sh = [command for block in fenced("sh") for command in commands(block)]
    assert len(fenced("python")) >= 2 and len(sh) >= 7 and len(fenced("json")) == 1


def test_readme_examples_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    text = README.read_text("utf-8")
    examples = [(m.start(), m.group(1), m.group(2)) for m in FENCE.finditer(text)]
    namespace: dict[str, object] = {"__name__": "__readme__"}
    checked = 0
    for _, language, body in sorted(examples):
        if language == "python":
            checked += run_python(body, namespace, capsys)
        elif language == "sh":
            for arguments in commands(body):
                status = main(arguments)
                assert status == 0, f"article-qa {shlex.join(arguments)}\n{capsys.readouterr().err}"
        elif language == "json":
            # The MCP configuration: its command is ours, and its arguments parse.
            for server in json.loads(body)["mcpServers"].values():
                assert server["command"] == "article-qa"
                assert parser().parse_args(server["args"]).command == "mcp"
    assert checked >= 4  # every print in the Python examples says what it prints
