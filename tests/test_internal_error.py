"""A bug of lzip's ends the run with one line and exit 3, never a traceback or a findings code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: lzip's entry point with judging broken, as a bug would break it.
BROKEN_RUN = """
import sys
import lzip_cli.evaluate

def broken(*args, **kwargs):
    raise IndexError("list index out of range")

lzip_cli.evaluate.evaluate = broken
sys.argv = ["lzip", *sys.argv[1:]]
from lzip_cli.cli import main
main()
"""


def run_broken(*args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LZIP_DEBUG", "LZIP_LANG")}
    if debug:
        env["LZIP_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-c", BROKEN_RUN, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def test_a_bug_is_one_line_and_exit_3() -> None:
    done = run_broken("check", "examples/2024.csv", "--lang", "en")
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr == (
        "lzip: internal error (IndexError: list index out of range): this is a bug in lzip, not "
        "a problem of the input. Please report the command and the input files to the "
        "maintainers (run again with LZIP_DEBUG=1 for the traceback)\n"
    )


def test_a_bug_is_said_in_chinese_by_default() -> None:
    done = run_broken("validate", "examples/2024.csv")
    assert done.returncode == 3
    assert done.stderr.startswith("lzip: 内部错误（IndexError: list index out of range）")


def test_lzip_debug_shows_the_traceback() -> None:
    done = run_broken("check", "examples/2024.csv", debug=True)
    assert done.returncode == 1  # Python's own exit for an uncaught exception
    assert "Traceback (most recent call last)" in done.stderr
    assert "IndexError: list index out of range" in done.stderr
