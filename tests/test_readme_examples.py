"""The README's examples of lzip's output are what lzip prints, so that a change to the plan data
(which moves line numbers) or to a message shows up here rather than in a user's puzzlement."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import run_lzip

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.usefixtures("in_tmp")


def readme_block_starting(first_words: str) -> list[str]:
    """The lines of the README's code block whose first line starts with ``first_words``."""
    for block in re.findall(r"^```\w*\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL):
        if block.startswith(first_words):
            return block.splitlines()
    raise AssertionError(f"README.md has no code block starting {first_words!r}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_validate_example_is_what_validate_prints() -> None:
    # The three mistakes the example shows: a misspelt group member, a milestone in the base
    # year, a target that is not a number.
    shutil.copytree(ROOT / "data", "data")
    edit(Path("data/agencies.yaml"), "      - human-resources\n", "      - human-resource\n")
    indicators = Path("data/indicators.yaml")
    edit(
        indicators,
        "    target: {year: 2025, value: 18}\n",
        "    target: {year: 2025, value: 18}\n    milestones: {2022: 16}\n",
    )
    edit(indicators, "target: {year: 2025, value: 1700}", "target: {year: 2025, value: many}")
    result = run_lzip("validate", "--data", "data", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == readme_block_starting("data/agencies.yaml:")
