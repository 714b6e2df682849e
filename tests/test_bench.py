"""The benchmark's comparison with a reference run (the figures themselves are not asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

_spec = importlib.util.spec_from_file_location(
    "bench_run", Path(__file__).resolve().parents[1] / "bench" / "run.py"
)
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


def _results(broken_seconds: float, check_seconds: float, rc: int | None = 1) -> dict[str, Any]:
    return {
        "cold_start": {"lzip --help": {"median_s": 0.07}},
        "scaling": [
            {
                "indicators": 10_000,
                "validate": {"seconds": 1.2, "peak_mb": 90.0, "rc": 0},
                "check": {"seconds": check_seconds, "peak_mb": 130.0, "rc": rc},
            }
        ],
        "broken_report": {"rows": 100_000, "seconds": broken_seconds, "rc": 2},
    }


def _by_figure(now: dict[str, Any], reference: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["figure"]: row for row in run.compare(now, reference)}


def test_a_figure_more_than_the_margin_slower_than_the_reference_is_marked() -> None:
    compared = _by_figure(_results(5.1, 3.0), _results(2.0, 3.0))
    assert compared["broken report 100,000 rows"]["slower"]
    assert round(compared["broken report 100,000 rows"]["ratio"], 2) == 2.55


def test_a_figure_within_the_margin_is_not_marked() -> None:
    compared = _by_figure(_results(2.0, 3.3), _results(2.0, 3.0))
    assert not compared["check 10,000 indicators"]["slower"]
    assert not any(row["slower"] for row in compared.values())


def test_memory_and_cold_start_are_compared_too() -> None:
    compared = _by_figure(_results(2.0, 3.0), _results(2.0, 3.0))
    assert {"cold: lzip --help", "check 10,000 indicators, peak MB"} <= compared.keys()


def test_a_run_that_timed_out_is_not_compared() -> None:
    compared = _by_figure(_results(2.0, 120.0, rc=None), _results(2.0, 3.0))
    assert "check 10,000 indicators" not in compared
    assert "validate 10,000 indicators" in compared


def test_a_figure_the_reference_lacks_is_left_out() -> None:
    reference = _results(2.0, 3.0)
    del reference["broken_report"]
    assert "broken report 100,000 rows" not in _by_figure(_results(2.0, 3.0), reference)


def test_the_benchmark_knows_which_plans_lzip_caches() -> None:
    from lzip_cli import plan_cache

    assert run.PLAN_CACHE_MIN_BYTES == plan_cache.MIN_BYTES


def test_a_cached_plan_s_check_is_a_figure_of_its_own() -> None:
    now = _results(2.0, 3.0)
    now["scaling"][0]["check_plan_cached"] = {"seconds": 1.5, "peak_mb": 120.0, "rc": 1}
    compared = _by_figure(now, now)
    assert compared["check, plan cached, 10,000 indicators"]["now"] == 1.5
    assert compared["check 10,000 indicators"]["now"] == 3.0
