"""Names a package re-exports but imports only on first use.

`import qa` and `import index.errors` (the CLI's first steps) must not pay for numpy,
FAISS, BM25 or onnxruntime; the packages' public names still read as plain attributes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_attributes(
    package: str, modules: dict[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module `__getattr__` that imports `modules[name]` for `name` on first use and
    keeps the value in the package's `namespace`, so later lookups skip it."""

    def __getattr__(name: str) -> Any:
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(modules[name]), name)
        namespace[name] = value
        return value

    return __getattr__
