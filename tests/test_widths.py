"""The width lzip lays out to when ``COLUMNS`` is no width: 0 (as some CI runners report), 1,
negative or not a number. Tables, catalogs and help read it alike: a value that is no width
falls back to the terminal's, else 80 columns; one below 40 counts as 40."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lzip_cli.linebreak import cell_width

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"


def lzip(*args: str, columns: str, colour: bool = False) -> subprocess.CompletedProcess[str]:
    """``COLUMNS=columns lzip ARGS`` in a process with no terminal (as in CI), stdout piped;
    ``colour``: with ``FORCE_COLOR=1``, as CI runners often set it (else ``NO_COLOR=1``)."""
    env = {k: v for k, v in os.environ.items() if k not in {"LZIP_LANG", "LZIP_DATA", "NO_COLOR"}}
    env.update(COLUMNS=columns, PYTHONIOENCODING="utf-8")
    env["FORCE_COLOR" if colour else "NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "lzip_cli", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def widest(text: str) -> int:
    return max(cell_width(line) for line in text.splitlines())


@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_check_with_a_columns_that_is_no_width_is_laid_out_to_80(columns: str) -> None:
    done = lzip("check", str(EXAMPLE), columns=columns)
    assert done.returncode == 1, done.stderr
    assert done.stdout == lzip("check", str(EXAMPLE), columns="80").stdout
    assert 70 < widest(done.stdout) <= 80


@pytest.mark.parametrize("columns", ["1", "39"])
def test_check_on_a_tiny_width_is_laid_out_to_40(columns: str) -> None:
    done = lzip("check", str(EXAMPLE), columns=columns)
    assert done.returncode == 1, done.stderr
    assert done.stdout == lzip("check", str(EXAMPLE), columns="40").stdout
    assert widest(done.stdout) == 40
    assert "县林业局（forestry）" in done.stdout  # a heading on one line, not a character a line


def test_check_on_a_wide_terminal_takes_the_width() -> None:
    done = lzip("check", str(EXAMPLE), columns="200")
    assert 80 < widest(done.stdout) <= 200


@pytest.mark.parametrize("command", ["indicators", "agencies"])
@pytest.mark.parametrize(("columns", "like"), [("0", "80"), ("abc", "80"), ("1", "40")])
def test_catalogs_read_columns_as_the_check_table_does(
    command: str, columns: str, like: str
) -> None:
    done = lzip(command, columns=columns)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert done.stdout == lzip(command, columns=like).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("columns", "like"), [("0", "80"), ("-5", "80"), ("1", "40")])
def test_help_reads_columns_as_the_tables_do(lang: str, columns: str, like: str) -> None:
    done = lzip("check", "--help", "--lang", lang, columns=columns)
    assert done.returncode == 0, done.stderr
    assert done.stdout == lzip("check", "--help", "--lang", lang, columns=like).stdout


#: A completion bar, and what must follow it on its line: a space and the percentage.
BAR = re.compile(r"[█░]+(?P<after>.{0,5})")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", ["80", "100", "120", "160"])
def test_a_completion_bar_keeps_its_percentage_on_its_line(columns: str, lang: str) -> None:
    done = lzip("check", str(EXAMPLE), "--lang", lang, columns=columns)
    assert done.returncode == 1, done.stderr
    bars = [(line, m["after"]) for line in done.stdout.splitlines() for m in BAR.finditer(line)]
    assert len(bars) > 20  # every agency's table shows some
    assert [line for line, after in bars if not re.match(r" [0-9]{1,3}%", after)] == []
    assert widest(done.stdout) <= int(columns)


def test_at_160_columns_an_english_row_keeps_its_bar_percentage_and_status_together() -> None:
    done = lzip(
        "check", str(EXAMPLE), "--lang", "en", "-a", "agriculture", "-a", "press-publication",
        columns="160",
    )  # fmt: skip
    lines = done.stdout.splitlines()
    rows = [line for line in lines if re.match(r" (1\.1|8\.1) ", line)]
    assert len(rows) == 4  # in both agencies' tables
    for row in rows:
        assert re.search(r"(███████░ 89% +behind|████████ 100% +achieved)$", row), row
    # a percentage never on a line of its own, under its bar
    assert [line for line in lines if re.fullmatch(r" *[0-9]{1,3}%", line)] == []


@pytest.mark.parametrize(
    "args",
    [("check", str(EXAMPLE)), ("check", str(EXAMPLE), "--lang", "en"), ("indicators",)],
)
def test_colour_forced_on_a_pipe_leaves_no_trailing_spaces(args: tuple[str, ...]) -> None:
    # FORCE_COLOR=1, as CI sets it: Rich's padding ended lines inside the colour codes.
    done = lzip(*args, columns="80", colour=True)
    assert "\x1b[" in done.stdout  # coloured, as asked
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in done.stdout.splitlines()]
    assert [line for line in plain if line.endswith(" ")] == []


def test_the_title_breaks_by_chinese_rules_not_inside_a_year() -> None:
    # Rich folded it at the 40th cell: 鹿寨县…（2022-202 / 5年） · 2024 年度完成情况
    lines = lzip("check", str(EXAMPLE), columns="40").stdout.splitlines()
    assert lines[:2] == ["鹿寨县知识产权强县建设工作方案", "（2022-2025年） · 2024 年度完成情况"]


def test_a_line_owed_as_a_missing_part_is_coloured_as_not_reported() -> None:
    # 5.2 and 5.4 are counted in 县财政局's shortfalls, 5.3 (a county row) is not: the owed
    # lines are not dimmed as plain tracked lines are.
    done = lzip("check", str(EXAMPLE), "-a", "finance", columns="160", colour=True)
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if re.match(r" 5\.", line)}
    assert "\x1b[1;35m缺本单位数据" in rows["5.2"]
    assert "\x1b[1;35m缺本单位数据" in rows["5.4"]
    assert "\x1b[2m仅跟踪" in rows["5.3"]


@pytest.mark.parametrize(
    ("status", "narrowest"),
    [
        ("tracked · own figure missing", "tracked ·"),
        ("仅跟踪 · 缺本单位数据", "缺本单位数据"),
    ],
)
def test_a_status_column_is_never_narrower_than_a_word_with_its_separator(
    status: str, narrowest: str
) -> None:
    # Rich wraps at spaces: a status column as narrow as its first word started a line with
    # "· own" (a status and its marker, as 滞后 · 低于基础值 is one).
    from lzip_cli.render.table import _longest_word

    assert _longest_word(status, "status") == cell_width(narrowest)
