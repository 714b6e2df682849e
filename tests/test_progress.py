"""The progress bar: silent unless stderr is a terminal, and then only for long work."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest

from lzip_cli import progress
from lzip_cli.plan_loader import load_plan

ROOT = Path(__file__).resolve().parents[1]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_not_a_terminal_yields_items_and_prints_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress.track(range(5000), "rows", delay=0.0)) == list(range(5000))
    assert err.getvalue() == ""


def test_terminal_quick_work_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress.track(range(5000), "rows")) == list(range(5000))
    assert err.getvalue() == ""


def test_terminal_long_work_shows_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    items = list(progress.track(range(5000), "rows", 5000, delay=0.0))
    assert items == list(range(5000))
    assert "rows" in err.getvalue()


def test_a_bar_by_position_shows_a_percentage(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    offsets = range(0, 50_000, 10)  # say, where each YAML event starts in a 50,000-character text
    tracked = progress.track(offsets, "reading", 50_000, position=lambda at: at, delay=0.0)
    assert list(tracked) == list(offsets)
    assert "%" in err.getvalue()
    assert "/50000" not in err.getvalue()


def test_stopping_early_stops_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Terminal())
    for item in progress.track(range(5000), "rows", delay=0.0):
        if item == 3000:
            break  # the generator is closed: the bar's thread must not outlive it


def _write_large_plan(directory: Path, indicators: int) -> None:
    """The benchmark's generated plan (bench/generate.py), loaded as a module of its own."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.write_plan(directory, indicators)


def test_loading_a_large_plan_shows_reading_and_validating(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write_large_plan(tmp_path, 2000)  # more YAML events and indicators than a bar's check step
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    plan = load_plan(tmp_path)
    assert len(plan.indicators) == 2000
    assert "reading" in err.getvalue()
    assert "validating indicators" in err.getvalue()


def test_loading_a_large_plan_off_a_terminal_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write_large_plan(tmp_path, 2000)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    assert len(load_plan(tmp_path).indicators) == 2000
    assert err.getvalue() == ""
