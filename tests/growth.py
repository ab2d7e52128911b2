"""How a step's time grows with its input, as a ratio measured in one process.

4x the input should take about 4x the time; quadratic code takes 16x. Each size is
timed at its best of a few runs (garbage collection off), after one warm-up run, so a
busy machine matters little; a ratio over the limit is measured again (up to ATTEMPTS
times) before it counts, since a single stall can inflate one measurement.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable

SCALE = 4
LIMIT = 5.0  # times as long for SCALE times the input
ATTEMPTS = 3

Step = Callable[[], object]


def cold(step: Step) -> Step:
    """`step`, run with Python's compiled-regex cache emptied first.

    pysbd compiles a pattern per abbreviation it meets, more than that cache holds (512):
    a text that needs fewer runs from a warm cache, a bigger one recompiles as it goes,
    and the ratio would measure the cache, not the code.
    """

    def run() -> object:
        re.purge()
        return step()

    return run


def _best_seconds(step: Step, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            step()
            best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], Step], units: int, repeats: int = 3) -> float:
    """How many times as long the step made for SCALE * `units` takes as the one for
    `units` (`make(units)` builds the input and returns the step that processes it)."""
    small, large = make(units), make(SCALE * units)
    small()  # warm up: compiled patterns, caches, lazy imports
    large()
    return _best_seconds(large, repeats) / _best_seconds(small, repeats + 2)


def assert_linear(make: Callable[[int], Step], units: int, repeats: int = 3) -> None:
    """Fail unless SCALE times the input takes under LIMIT times as long (best of three
    measurements: on a shared machine one can be inflated by others' work)."""
    ratio = growth(make, units, repeats)
    for _ in range(ATTEMPTS - 1):
        if ratio < LIMIT:
            break
        ratio = min(ratio, growth(make, units, repeats))
    assert ratio < LIMIT, f"{SCALE}x the input took {ratio:.1f}x as long"
