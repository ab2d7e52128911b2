"""Names a package re-exports but imports only on first use.

`import qa` and `import index.errors` (the CLI's first steps) must not pay for numpy,
FAISS, BM25 or onnxruntime; the packages' public names still read as plain attributes.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


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


def in_background(build: Callable[[], T]) -> Callable[[], T]:
    """Start `build()` on a daemon thread; the returned call waits for it and gives its
    value, or raises what it raised. For loading one model while another loads: each
    onnxruntime session spends most of its start outside the GIL, so two overlap on two
    cores."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, build()))
        except BaseException as error:  # handed to the caller of the result
            outcome.append((False, error))

    thread = threading.Thread(target=run, name="background-load", daemon=True)
    thread.start()

    def result() -> T:
        thread.join()
        succeeded, value = outcome[0]
        if not succeeded:
            raise value
        return value  # type: ignore[no-any-return]

    return result
