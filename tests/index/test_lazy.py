"""index.lazy.in_background: a value built on another thread, waited for when needed."""

from __future__ import annotations

import threading

import pytest

from index.lazy import in_background


def test_the_value_is_built_on_another_thread_while_this_one_goes_on() -> None:
    going_on = threading.Event()
    built_on: list[str] = []

    def build() -> int:
        # Waits for this thread to pass the call below: run inline, it would never return.
        assert going_on.wait(timeout=10)
        built_on.append(threading.current_thread().name)
        return 42

    result = in_background(build)
    going_on.set()
    assert result() == 42
    assert built_on == ["background-load"]
    assert result() == 42  # asked again, the same value


def test_an_error_while_building_is_raised_to_whoever_asks_for_the_value() -> None:
    def build() -> int:
        raise FileNotFoundError("reader.onnx is missing")

    result = in_background(build)
    with pytest.raises(FileNotFoundError, match="reader.onnx is missing"):
        result()
