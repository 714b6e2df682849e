"""The progress bar: silent unless stderr is a terminal, and then only for long work."""

from __future__ import annotations

import io
import sys

import pytest

from lzip_cli import progress


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


def test_stopping_early_stops_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Terminal())
    for item in progress.track(range(5000), "rows", delay=0.0):
        if item == 3000:
            break  # the generator is closed: the bar's thread must not outlive it
