"""A standard stream that is not there: closed by the shell (``>&-``), or None under pythonw or a
Windows service. What was meant for it is dropped, as for a reader that left, files named by
``-o`` are written as ever, and the run ends with the exit status it would have had."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="closes descriptors as a POSIX shell does")


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in {"LZIP_LANG", "LZIP_DATA"}}


def run_closed(*args: str, close: tuple[int, ...] = (1,)) -> subprocess.CompletedProcess[str]:
    """``lzip ARGS`` with the descriptors ``close`` closed, as ``lzip ARGS >&-`` runs it."""
    closing = " ".join(f"{descriptor}>&-" for descriptor in close)
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {closing}', "sh", sys.executable, "-m", "lzip_cli", *args],
        stdout=None if 1 in close else subprocess.PIPE,
        stderr=None if 2 in close else subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_environment(),
        timeout=60,
        check=False,
    )


def test_validate_of_a_valid_plan_exits_0_with_stdout_closed() -> None:
    done = run_closed("validate")
    assert (done.returncode, done.stderr) == (0, "")


def test_check_with_stdout_closed_exits_1_for_the_shortfalls_it_found() -> None:
    done = run_closed("check", str(EXAMPLE))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr


def test_check_with_stdout_closed_and_fail_on_never_exits_0() -> None:
    done = run_closed("check", str(EXAMPLE), "--fail-on", "never")
    assert (done.returncode, done.stderr) == (0, "")


def test_check_with_output_writes_the_file_with_stdout_closed(tmp_path: Path) -> None:
    target = tmp_path / "2024.json"
    done = run_closed("check", str(EXAMPLE), "-o", str(target), "--lang", "en")
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"wrote 1 file to {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2024


def test_an_error_is_still_said_on_stderr_with_stdout_closed() -> None:
    done = run_closed("check", "no-such-report.csv")
    assert done.returncode == 2
    assert done.stderr == "no-such-report.csv: 错误 LZ003: 文件不存在\n"


def test_template_with_stdout_closed_exits_0() -> None:
    done = run_closed("template", "2025")
    assert (done.returncode, done.stderr) == (0, "")


def test_check_with_stdout_and_stderr_closed_keeps_its_exit_status() -> None:
    assert run_closed("check", str(EXAMPLE), close=(1, 2)).returncode == 1
    assert run_closed("check", "no-such-report.csv", close=(1, 2)).returncode == 2


def test_check_without_any_standard_stream_as_under_pythonw() -> None:
    # pythonw and a Windows service start Python with sys.stdout and sys.stderr None.
    program = (
        "import sys\n"
        "sys.stdin = sys.stdout = sys.stderr = None\n"
        f"sys.argv = ['lzip', 'check', {str(EXAMPLE)!r}]\n"
        "from lzip_cli.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        env=_environment(),
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")
