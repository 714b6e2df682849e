"""``-o`` naming standard output or another stream, not a file.

``-o -`` is standard output, as no ``-o`` is. A target that names a descriptor (``/dev/stdout``,
``/dev/stderr``, ``/dev/fd/N``, a symlink to one) or that exists and is no regular file (a FIFO,
``/dev/null``) is written in place, as ``> target`` writes it: never replaced by a rename, and
without ``--force``. A symlink to a regular file is written through: the link stays a link.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.linebreak import cell_width

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"

pytestmark = pytest.mark.usefixtures("in_tmp")
posix = pytest.mark.skipif(os.name == "nt", reason="POSIX descriptors, FIFOs and sockets")


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """``command`` in sh, with ``lzip`` the command line in a process of its own (the real
    descriptors), ``lzip check`` checking examples/2024.csv."""
    env = {k: v for k, v in os.environ.items() if k not in {"LZIP_LANG", "LZIP_DATA"}}
    env["LZIP"] = f"{sys.executable} -m lzip_cli"  # what `lzip` runs, in this environment
    return subprocess.run(
        ["sh", "-c", command.replace("lzip check ", '$LZIP check "$0" '), str(EXAMPLE)],
        cwd=cwd,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_output_dash_is_standard_output_and_creates_no_file(in_tmp: Path) -> None:
    plain = run_lzip("check", EXAMPLE, "-f", "json")
    result = run_lzip("check", EXAMPLE, "-f", "json", "-o", "-")
    assert result.exit_code == plain.exit_code == 1
    assert result.stdout == plain.stdout
    assert json.loads(result.stdout)["year"] == 2024
    assert list(in_tmp.iterdir()) == []


@pytest.mark.parametrize("option", [["-o", "./-"], ["--output=./-"]])
def test_output_dot_slash_dash_is_a_file_named_dash(in_tmp: Path, option: list[str]) -> None:
    result = run_lzip("check", EXAMPLE, "-f", "json", *option)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads((in_tmp / "-").read_text(encoding="utf-8"))["year"] == 2024


def test_output_dash_without_a_format_prints_the_table_as_no_output_does() -> None:
    result = run_lzip("check", EXAMPLE, "-o", "-", "--lang", "en", env={"COLUMNS": "100"})
    assert result.exit_code == 1
    assert (
        result.stdout == run_lzip("check", EXAMPLE, "--lang", "en", env={"COLUMNS": "100"}).stdout
    )


@pytest.mark.parametrize("command", [["check", str(EXAMPLE)], ["template", "2025"]])
def test_a_workbook_to_output_dash_is_refused(command: list[str]) -> None:
    result = run_lzip(*command, "-f", "xlsx", "-o", "-", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "lzip: error LZ309: an xlsx workbook cannot go to standard output (-o -); "
        "name a .xlsx file with -o\n"
    )


def test_template_to_output_dash_prints_the_csv_form(in_tmp: Path) -> None:
    result = run_lzip("template", "2025", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == run_lzip("template", "2025").stdout
    assert result.stdout.startswith("\ufeff年度,指标,")
    assert list(in_tmp.iterdir()) == []


def test_shortfalls_out_dash_prints_the_lists_in_markdown(in_tmp: Path) -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--out", "-")
    assert result.exit_code == 1
    assert result.stdout == run_lzip("shortfalls", EXAMPLE).stdout
    assert list(in_tmp.iterdir()) == []


def test_schema_to_output_dash_prints_the_schema() -> None:
    result = run_lzip("schema", "agencies", "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


@posix
def test_dev_stdout_into_a_pipe_is_written_there_without_force(tmp_path: Path) -> None:
    done = shell("lzip check -f json -o /dev/stdout --lang en | cat", tmp_path)
    assert json.loads(done.stdout)["year"] == 2024
    assert done.stderr == b""  # a stream, not a file: no "wrote 1 file to /dev/stdout"


@posix
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_to_dev_stdout_is_laid_out_as_stdouts(tmp_path: Path, lang: str) -> None:
    # It took a file's width (one line per indicator, 144 columns), past a 60-column terminal.
    to_stdout = shell(f"COLUMNS=60 lzip check --lang {lang} | cat", tmp_path)
    to_dev_stdout = shell(f"COLUMNS=60 lzip check --lang {lang} -o /dev/stdout | cat", tmp_path)
    assert to_dev_stdout.stdout == to_stdout.stdout
    assert max(cell_width(line) for line in to_stdout.stdout.decode().splitlines()) <= 60


@posix
@pytest.mark.parametrize(
    "command",
    [
        "lzip check -f json -o /dev/null",
        "lzip check -f xlsx -o /dev/null",
        "$LZIP template 2025 -o /dev/null",
        "$LZIP schema agencies -o /dev/null",
    ],
)
def test_a_stream_target_is_not_called_a_file_written(tmp_path: Path, command: str) -> None:
    done = shell(command + " --lang en", tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert b"wrote" not in done.stderr


@posix
def test_dev_stdout_appended_to_a_file_keeps_what_the_file_held(tmp_path: Path) -> None:
    (tmp_path / "ci.log").write_text("step 1\n", encoding="utf-8")
    done = shell("lzip check -f json -o /dev/stdout >> ci.log", tmp_path)
    assert done.returncode == 1, done.stderr
    log = (tmp_path / "ci.log").read_text(encoding="utf-8")
    assert log.startswith("step 1\n{")
    assert json.loads(log.removeprefix("step 1\n"))["year"] == 2024


@posix
def test_dev_stdout_to_a_reader_that_leaves_keeps_the_exit_status(tmp_path: Path) -> None:
    done = shell("{ lzip check -f json -o /dev/stdout; echo $? > status; } | head -1", tmp_path)
    assert done.stdout == b"{\n"
    assert b"LZ305" not in done.stderr
    assert (tmp_path / "status").read_text(encoding="utf-8") == "1\n"  # the shortfalls found


@posix
def test_a_descriptor_named_by_number_is_written(tmp_path: Path) -> None:
    done = shell("lzip check -f csv -o /dev/fd/5 5> checked.csv", tmp_path)
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "checked.csv").read_text(encoding="utf-8").startswith("\ufeffyear,agency_id")


@posix
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="Linux /proc")
def test_a_symlink_to_standard_output_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "out").symlink_to("/proc/self/fd/1")
    done = shell("lzip check -f json -o out --force | cat", tmp_path)
    assert json.loads(done.stdout)["year"] == 2024
    assert os.readlink(tmp_path / "out") == "/proc/self/fd/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_symlink_to_a_file_is_written_through_and_stays_a_link(in_tmp: Path) -> None:
    (in_tmp / "results").mkdir()
    real = in_tmp / "results" / "2024.json"
    real.write_text("{}", encoding="utf-8")
    (in_tmp / "latest.json").symlink_to(Path("results") / "2024.json")
    result = run_lzip("check", EXAMPLE, "-o", "latest.json", "--force", outputs=[real])
    assert result.exit_code == 1
    assert os.readlink(in_tmp / "latest.json") == str(Path("results") / "2024.json")
    assert json.loads(real.read_text(encoding="utf-8"))["year"] == 2024
    assert sorted(p.name for p in (in_tmp / "results").iterdir()) == ["2024.json"]


def test_a_symlink_to_a_file_still_needs_force() -> None:
    Path("2024.json").write_text("{}", encoding="utf-8")
    Path("latest.json").symlink_to("2024.json")
    result = run_lzip("check", EXAMPLE, "-o", "latest.json", "--lang", "en")
    assert result.exit_code == 2
    assert "LZ303" in result.stderr
    assert Path("2024.json").read_text(encoding="utf-8") == "{}"


@posix
def test_dev_null_is_written_without_force_and_stays_a_device() -> None:
    result = run_lzip("check", EXAMPLE, "-f", "json", "-o", os.devnull, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == ""  # a device, not a file written
    assert Path(os.devnull).is_char_device()


@posix
def test_a_fifo_is_written_in_place_without_force(in_tmp: Path) -> None:
    os.mkfifo("results.fifo")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(Path("results.fifo").read_bytes()))
    reader.start()
    done = shell("lzip check -f json -o results.fifo", in_tmp)
    reader.join(timeout=60)
    assert done.returncode == 1, done.stderr
    assert json.loads(received[0].decode("utf-8"))["year"] == 2024
    assert Path("results.fifo").is_fifo()


@posix
def test_template_to_dev_stdout_writes_the_csv_form(tmp_path: Path) -> None:
    done = shell("$LZIP template 2025 -o /dev/stdout | cat", tmp_path).stdout.decode("utf-8")
    assert done.startswith("\ufeff年度,指标,")


@posix
def test_a_socket_as_output_is_a_located_error(in_tmp: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("results.sock")
        result = run_lzip("check", EXAMPLE, "-f", "json", "-o", "results.sock", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("results.sock: error LZ305: cannot write: ")
