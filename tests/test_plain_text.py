"""Names are data: square brackets in them are printed as written, never read as Rich markup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.plan_loader import default_data_dir

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"


def _plan_copy(directory: Path, old: str, new: str, file: str) -> Path:
    directory.mkdir()
    for name in ("agencies.yaml", "indicators.yaml"):
        shutil.copyfile(default_data_dir() / name, directory / name)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("file", "old", "new", "args"),
    [
        (
            "indicators.yaml",
            "name_en: Valid registered trademarks held\n",
            "name_en: Trademarks held [incl. collective marks]\n",
            ["indicators", "--lang", "en"],
        ),
        (
            "agencies.yaml",
            "name_en: County Forestry Bureau\n",
            "name_en: County Forestry Bureau [/]\n",
            ["agencies", "--lang", "en"],
        ),
        (
            "agencies.yaml",
            "name_en: County Forestry Bureau\n",
            "name_en: County Forestry Bureau [bold]x[/bold]\n",
            ["check", str(EXAMPLE), "--lang", "en"],
        ),
    ],
    ids=["indicators", "agencies-closing-tag", "check"],
)
def test_bracketed_names_print_as_written(
    in_tmp: Path, file: str, old: str, new: str, args: list[str]
) -> None:
    plan = _plan_copy(in_tmp / "plan", old, new, file)
    written = new.split(": ", 1)[1].strip()
    written = written[written.index("[") - 1 :]  # the bracketed part, on one line

    result = run_lzip(*args, "--data", plan, env={"COLUMNS": "250"})

    assert result.exit_code in (0, 1), result.output + result.stderr
    assert written in result.stdout


def test_a_bracketed_name_change_shows_in_the_diff_table(in_tmp: Path) -> None:
    old = _plan_copy(in_tmp / "old", "name: 县林业局\n", "name: 县林业局\n", "agencies.yaml")
    new = _plan_copy(in_tmp / "new", "name: 县林业局\n", "name: 县林业局[lin]\n", "agencies.yaml")

    result = run_lzip("diff", old, new, env={"COLUMNS": "200"})

    assert result.exit_code == 0
    assert "县林业局 → 县林业局[lin]" in result.stdout


def test_a_bracketed_folder_name_shows_in_the_diff_title(in_tmp: Path) -> None:
    old = _plan_copy(in_tmp / "plan [old]", "name: 县林业局\n", "name: 林业局\n", "agencies.yaml")

    result = run_lzip("diff", old.name, default_data_dir(), env={"COLUMNS": "200"})

    assert "plan [old]" in result.stdout
