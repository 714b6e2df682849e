"""A CSV report's lines are read and checked in batches: the errors stay where each line is.

A NUL byte or an undecodable byte in the first MiB is found before any line is read (see
``_detect_encoding``); these files put it further down, where the lines' own checks find it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lzip_cli import report_text
from lzip_cli.errors import LzipError
from lzip_cli.report_text import iter_csv_rows

HEADER = "指标,责任单位,数值\n"
ROW = "1.1,林业局,12\n"


def _problem(path: Path) -> tuple[str, int | None]:
    with pytest.raises(LzipError) as caught:
        list(iter_csv_rows(path, path.name))
    problem = caught.value.problems[0]
    return problem.code, problem.line


@pytest.mark.parametrize("rows", [80000, 80001, 85000])
def test_a_nul_byte_far_down_gives_its_own_line(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes((HEADER + ROW * rows + "1.2,林\x00业局,3\n" + ROW * 10).encode("gb18030"))
    assert _problem(path) == ("LZ204", rows + 2)


def test_an_undecodable_byte_far_down_gives_its_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    text = (HEADER + ROW * 90000).encode("utf-8")
    path.write_bytes(text + b"1.2,\xff,3\n" + ROW.encode("utf-8"))
    with pytest.raises(LzipError) as caught:
        list(iter_csv_rows(path, path.name))
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.params["byte"]) == ("LZ203", 90002, "FF")


def test_an_earlier_csv_error_comes_before_a_nul_byte_read_ahead(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes((HEADER + ROW * 80000 + '1.2,"a"b,3\n' + ROW + "1.3,\x00,1\n").encode())
    assert _problem(path) == ("LZ206", 80002)


def test_rows_before_a_bad_line_are_all_given(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes((HEADER + ROW * 80000 + "1.2,\x00,3\n").encode())
    seen = []
    with pytest.raises(LzipError):
        for number, _cells in iter_csv_rows(path, path.name):
            seen.append(number)
    assert seen == list(range(1, 80002))


def test_a_long_line_after_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_text, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "r.csv"
    path.write_bytes((HEADER + ROW * 7000 + "1.2," + "x" * 2000 + "\n").encode())
    assert _problem(path) == ("LZ205", 7002)
