"""The progress bar: silent unless stderr is a terminal, and then only for long work."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli import progress
from lzip_cli.messages import Lang
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


@pytest.mark.parametrize(
    ("lang", "reading", "validating"),
    [("en", "reading", "validating indicators"), ("zh", "读取", "校验 indicators")],
)
def test_loading_a_large_plan_shows_reading_and_validating(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: Lang, reading: str, validating: str
) -> None:
    _write_large_plan(tmp_path, 2000)  # more YAML events and indicators than a bar's check step
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    plan = load_plan(tmp_path, lang=lang)
    assert len(plan.indicators) == 2000
    assert reading in err.getvalue()
    assert validating in err.getvalue()


class _Bars:
    """Stands in for Rich's progress bar: keeps the label of every bar started."""

    def __init__(self) -> None:
        self.labels: list[str] = []

    def __call__(self, *, percent: bool = False) -> _Bars:
        return self

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def add_task(self, description: str, total: int | None = None) -> int:
        self.labels.append(description)
        return 0

    def update(self, task: int, completed: int) -> None:
        pass


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "reading data/agencies.yaml",
                "reading data/indicators.yaml",
                "validating agencies",
                "validating groups",
                "validating indicators",
                "examples/2024.csv",
                "checking indicators",
                "drawing the agencies' tables",  # the table goes to a file here, not a terminal
            ],
        ),
        (
            "zh",
            [
                "读取 data/agencies.yaml",
                "读取 data/indicators.yaml",
                "校验 agencies",
                "校验 groups",
                "校验 indicators",
                "examples/2024.csv",
                "检查指标",
                "绘制各单位表格",
            ],
        ),
    ],
)
def test_every_bar_of_a_check_is_labelled_in_the_chosen_language(
    monkeypatch: pytest.MonkeyPatch, lang: str, expected: list[str]
) -> None:
    bars = _Bars()
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(progress, "enabled", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "CHECK_EVERY", 1)  # a bar from the first item on
    monkeypatch.setattr(progress, "_bar", bars)
    result = run_lzip("check", "examples/2024.csv", "--data", "data", "--lang", lang)
    assert result.exit_code in (0, 1), result.output  # 1: the example has shortfalls
    assert bars.labels == expected


def test_loading_a_large_plan_off_a_terminal_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write_large_plan(tmp_path, 2000)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    assert len(load_plan(tmp_path).indicators) == 2000
    assert err.getvalue() == ""


def test_tables_drawn_on_the_terminal_itself_show_no_bar_among_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On the terminal the tables show as they are drawn; a bar would be drawn among them.
    from rich.console import Console

    from lzip_cli.evaluate import evaluate
    from lzip_cli.render import table
    from lzip_cli.report_set import read_reports

    bars = _Bars()
    monkeypatch.setattr(progress, "enabled", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "_bar", bars)
    plan = load_plan(ROOT / "data")
    result = evaluate(plan, read_reports([ROOT / "examples" / "2024.csv"], plan))
    screen = _Terminal()
    table.render(result, result.agencies, "en", Console(file=screen, force_terminal=True))
    assert "County Intellectual Property Office" in screen.getvalue()
    assert bars.labels == []


def test_a_dumb_terminal_gets_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    # TERM=dumb (Emacs' shell) cannot redraw a line: a bar would leave its lines behind.
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("TERM", "dumb")
    assert list(progress.track(range(5000), "rows", delay=0.0)) == list(range(5000))
    assert err.getvalue() == ""
