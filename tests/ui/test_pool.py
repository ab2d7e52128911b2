"""The worker pool's default size follows the cores: two answers per core, 2 to 16."""

from __future__ import annotations

import pytest

from ui import pool


@pytest.mark.parametrize(("cores", "workers"), [(1, 2), (2, 4), (3, 6), (8, 16), (64, 16)])
def test_two_workers_per_core_within_bounds(
    monkeypatch: pytest.MonkeyPatch, cores: int, workers: int
) -> None:
    monkeypatch.setattr(pool, "usable_cores", lambda: cores)
    assert pool.default_workers() == workers


def test_serve_without_workers_uses_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import cli

    monkeypatch.setattr(pool, "usable_cores", lambda: 3)
    assert cli._limits(None, 10) == pool.Limits(6, 10)
    assert cli._limits(1, 0) == pool.Limits(1, 0)


def test_a_bad_worker_count_is_a_usage_error() -> None:
    from ui import cli

    with pytest.raises(cli.UsageError, match="--workers/--queue: workers must be at least 1"):
        cli._limits(0, 10)
