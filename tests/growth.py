"""How a step's time grows with its input, as a ratio measured in one process.

4x the input should take about 4x the time; quadratic code takes 16x. After one
warm-up run of each size, a large and a small run are timed one right after the other
(garbage collection off), a few times, and the growth is the median of their ratios; a
ratio over the limit is measured again (up to ATTEMPTS times) before it counts, since a
single stall can inflate one measurement.

Pairs and a median, not each size's best: on a shared 2-core host a run can be fast or
slow by luck for seconds at a time (qa.dates' question step, 9 runs of the small input:
17 to 29 ms, most near 28), and one size's best divided by the other's read 5.5x for
code whose medians grow 3.8x; tests/qa/dates/test_linear.py failed one `make test` so.
"""

from __future__ import annotations

import gc
import re
import statistics
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


def _seconds(step: Step) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        step()
        return time.perf_counter() - started
    finally:
        gc.enable()


def growth(make: Callable[[int], Step], units: int, repeats: int = 3) -> float:
    """How many times as long the step made for SCALE * `units` takes as the one for
    `units` (`make(units)` builds the input and returns the step that processes it): the
    median of `repeats` ratios, each of a large run and the small run right after it."""
    small, large = make(units), make(SCALE * units)
    small()  # warm up: compiled patterns, caches, lazy imports
    large()
    return statistics.median(_seconds(large) / _seconds(small) for _ in range(repeats))


def assert_linear(make: Callable[[int], Step], units: int, repeats: int = 3) -> None:
    """Fail unless SCALE times the input takes under LIMIT times as long (the lowest of up
    to ATTEMPTS ratios: on a shared machine one can be inflated by others' work)."""
    ratio = growth(make, units, repeats)
    for _ in range(ATTEMPTS - 1):
        if ratio < LIMIT:
            break
        ratio = min(ratio, growth(make, units, repeats))
    assert ratio < LIMIT, f"{SCALE}x the input took {ratio:.1f}x as long"
