"""Issue 5: writing never loses data: bad output paths and full disks give located errors.

Each case asserts the exit code, the located message, that no input changed and that no partial
or temporary file was left behind.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lzip_cli.output
from helpers import run_lzip, snapshot

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
EXAMPLE = ROOT / "examples" / "2024.csv"


@pytest.fixture(autouse=True)
def _example_in_tmp(in_tmp: Path) -> None:
    shutil.copy(EXAMPLE, "2024.csv")
    shutil.copytree(DATA, "plan")


def tree() -> dict[str, str | None]:
    """Every file under the working directory and its digest (symlinks by their target)."""
    return snapshot()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["shortfalls", "2024.csv", "--out", "lists"],
            "lists: 错误 LZ304: --out 应为文件夹，而这是一个文件：请给出文件夹路径",
        ),
        # template's option is -o/--output: the message names the one the user gave
        (
            ["template", "2024", "--per-agency", "-o", "lists"],
            "lists: 错误 LZ304: -o/--output 应为文件夹，而这是一个文件：请给出文件夹路径",
        ),
    ],
)
def test_out_is_a_file(args: list[str], said: str) -> None:
    Path("lists").write_text("my notes\n")
    before = tree()
    result = run_lzip(*args)
    assert result.exit_code == 2
    assert said in result.stderr
    assert tree() == before


@pytest.mark.parametrize("out", ["清单.xlsx", "lists.md", "lists.CSV", "督办清单.json"])
def test_out_named_like_a_file_is_refused_before_any_folder_is_made(out: str) -> None:
    before = tree()
    result = run_lzip("shortfalls", "2024.csv", "--out", out)
    assert result.exit_code == 2
    suffix = Path(out).suffix
    assert (
        f"{out}: 错误 LZ304: --out 是写入清单的目录，而这像是文件名（{suffix}）；"
        "请给出目录，如 --out 督办清单，格式用 --format 指定"
    ) in result.stderr
    assert tree() == before  # no folder called 清单.xlsx holding .md lists


def test_out_named_like_a_file_in_english() -> None:
    result = run_lzip("shortfalls", "2024.csv", "--out", "lists.xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert (
        "lists.xlsx: error LZ304: --out names the folder the lists are written to, and this "
        "looks like a file name (.xlsx); give a folder, such as --out lists, and the format "
        "with --format"
    ) in result.stderr


@pytest.mark.parametrize("out", ["2024.lists", "清单-v1.5"])
def test_out_with_a_dot_in_a_folder_name_is_a_folder(out: str) -> None:
    assert run_lzip("shortfalls", "2024.csv", "--out", out).exit_code == 1  # shortfalls
    assert Path(out).is_dir() and any(Path(out).glob("*.md"))


def test_an_existing_folder_named_like_a_file_takes_the_lists() -> None:
    Path("returns.md").mkdir()
    assert run_lzip("shortfalls", "2024.csv", "--out", "returns.md").exit_code == 1
    assert any(Path("returns.md").glob("*.md"))


def test_out_below_a_file_in_english() -> None:
    Path("lists").write_text("my notes\n")
    before = tree()
    result = run_lzip("shortfalls", "2024.csv", "--out", "lists/2024", "--lang", "en")
    assert result.exit_code == 2
    assert "lists/2024: error LZ305: cannot write: a part of the path is not a directory" in (
        result.stderr
    )
    assert tree() == before


@pytest.mark.parametrize(
    "args",
    [
        ["check", "returns/2024", "-o", "returns/2024/结果.csv"],
        ["check", "returns/2024", "-o", "returns/2024/结果.txt"],
        ["shortfalls", "returns/2024", "--out", "returns/2024", "-f", "csv"],
        ["shortfalls", "returns/2024", "--out", "returns/2024", "-f", "xlsx"],
    ],
    ids=["check-csv", "check-txt", "shortfalls-csv", "shortfalls-xlsx"],
)
def test_nothing_is_written_where_the_next_run_would_read_it_as_a_report(args: list[str]) -> None:
    Path("returns/2024").mkdir(parents=True)
    shutil.move("2024.csv", "returns/2024/forms.csv")
    before = tree()
    result = run_lzip(*args, "--lang", "en")
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if "LZ308" in line]
    assert line.startswith("returns/2024/")
    assert "the next run would read this file as a report too" in line
    assert tree() == before


@pytest.mark.parametrize(
    "args",
    [
        [
            "check",
            "returns/2024/县林业局.csv",
            "returns/2024/县教育局.csv",
            "-o",
            "returns/2024/a.csv",
        ],
        [
            "shortfalls",
            "returns/2024/县林业局.csv",
            "returns/2024/县教育局.csv",
            "--out",
            "returns/2024",
            "-f",
            "csv",
        ],
    ],
    ids=["check", "shortfalls"],
)
def test_forms_named_one_by_one_make_their_folder_a_report_folder(args: list[str]) -> None:
    # returns/2024/*.csv, expanded by the shell: the next run reads that folder again.
    Path("returns/2024").mkdir(parents=True)
    Path("returns/2024/县林业局.csv").write_text("指标,责任单位,数值\n1.1,县林业局,2\n", "utf-8")
    Path("returns/2024/县教育局.csv").write_text("指标,责任单位,数值\n6.1,县教育局,1\n", "utf-8")
    before = tree()
    result = run_lzip(*args)
    assert result.exit_code == 2
    assert "LZ308" in result.stderr
    assert tree() == before


def test_a_file_beside_the_report_named_on_its_own_may_be_written() -> None:
    Path("returns").mkdir()
    shutil.move("2024.csv", "returns/2024.csv")
    result = run_lzip("check", "returns/2024.csv", "-o", "returns/结果-2024.csv")
    assert result.exit_code == 1  # written: the example has shortfalls
    assert Path("returns/结果-2024.csv").exists()


@pytest.mark.parametrize("folder", ["2024年度考核", "知识产权（2022-2025年）", "工作2025"])
def test_a_working_folder_with_a_year_in_its_name_takes_a_result_beside_the_report(
    folder: str,
) -> None:
    Path(folder).mkdir()
    shutil.move("2024.csv", f"{folder}/2024.csv")
    result = run_lzip("check", f"{folder}/2024.csv", "-o", f"{folder}/2024结果.xlsx")
    assert result.exit_code == 1, result.stderr  # written: the example has shortfalls
    assert Path(f"{folder}/2024结果.xlsx").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "returns/2024/forms.csv", "-o", "returns/2024/结果.csv"],
        ["check", "returns/2024年/forms.csv", "-o", "returns/2024年/结果.csv"],
        ["shortfalls", "returns/2024/forms.csv", "--out", "returns/2024", "-f", "csv"],
    ],
    ids=["check", "check-nian", "shortfalls"],
)
def test_a_year_folder_is_a_report_folder_when_one_of_its_forms_is_named(args: list[str]) -> None:
    # returns/2024's files are that year's forms: `lzip check returns/2024` would read 结果.csv.
    folder = Path(args[1]).parent
    folder.mkdir(parents=True)
    shutil.move("2024.csv", folder / "forms.csv")
    before = tree()
    result = run_lzip(*args, "--lang", "en")
    assert result.exit_code == 2
    assert "LZ308" in result.stderr
    assert tree() == before


@pytest.mark.parametrize(
    ("args", "link", "refused"),
    [
        (["check", "returns/2024", "-o", "outlink.csv"], "outlink.csv", "outlink.csv"),
        (["check", "returns/2024", "-o", "outlink.json"], "outlink.json", "outlink.json"),
        (
            ["shortfalls", "returns/2024", "--out", "lists", "-f", "csv"],
            "lists/ip-office.csv",
            "lists/ip-office.csv",
        ),
    ],
    ids=["check", "check-suffix", "shortfalls"],
)
def test_a_symlink_into_the_report_folder_is_refused(
    args: list[str], link: str, refused: str
) -> None:
    # The link is outside the report folder; the file it points to (and that the write replaces)
    # is in it, and the next run would read it as a report (LZ264).
    Path("returns/2024").mkdir(parents=True)
    Path("lists").mkdir()
    shutil.move("2024.csv", "returns/2024/forms.csv")
    os.symlink(Path("returns/2024/result.csv").resolve(), link)
    before = tree()
    result = run_lzip(*args, "--lang", "en")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"{refused}: error LZ308: "), result.stderr
    assert tree() == before
    assert not Path("returns/2024/result.csv").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "returns/2024/forms.csv", "-o", "returns/2024/结果.csv"],
        ["shortfalls", "returns/2024/forms.csv", "--out", "returns/2024", "-f", "csv"],
    ],
    ids=["check", "shortfalls"],
)
def test_a_year_folder_reached_through_a_symlink_is_a_report_folder(args: list[str]) -> None:
    # returns/2024 -> store/final: `lzip check returns/2024` reads the year's forms from there.
    Path("store/final").mkdir(parents=True)
    Path("returns").mkdir()
    os.symlink(Path("store/final").resolve(), "returns/2024")
    shutil.move("2024.csv", "store/final/forms.csv")
    before = tree()
    result = run_lzip(*args, "--year", "2024")
    assert result.exit_code == 2, result.stderr
    assert "returns/2024/" in result.stderr and "错误 LZ308" in result.stderr
    assert tree() == before


def test_json_and_markdown_may_go_into_the_report_folder() -> None:
    Path("returns/2024").mkdir(parents=True)
    shutil.move("2024.csv", "returns/2024/forms.csv")
    assert run_lzip("check", "returns/2024", "-o", "returns/2024/结果.json").exit_code == 1
    assert run_lzip("shortfalls", "returns/2024", "--out", "returns/2024").exit_code == 1
    # Still a clean report:
    assert run_lzip("check", "returns/2024", "-o", "结果.csv").exit_code == 1


def test_template_output_is_a_directory() -> None:
    Path("form.csv").mkdir()
    result = run_lzip("template", "2025", "-o", "form.csv")
    assert result.exit_code == 2
    assert "form.csv: 错误 LZ302: 不能写入：这是一个目录" in result.stderr


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (["check", "2024.csv", "-o", "结果/"], "结果/"),
        (["check", "2024.csv", "--output", "out/", "--format", "json"], "out/"),
        (["template", "2025", "-o", "forms/"], "forms/"),
        (["schema", "indicators", "-o", "schemas/"], "schemas/"),
    ],
)
def test_an_output_file_written_as_a_folder_is_refused(args: list[str], value: str) -> None:
    """``-o out/`` means a folder: no file called ``out`` is written in its place."""
    before = tree()
    result = run_lzip(*args)
    assert result.exit_code == 2
    # (In Click's words here: only the console entry point says them again in Chinese, as
    # test_usage.py checks.)
    assert f"Invalid value for '--output' / '-o': '{value}' names a folder" in result.stderr
    assert tree() == before


def test_an_output_file_written_as_a_folder_in_english() -> None:
    result = run_lzip("check", "2024.csv", "-o", "out/", "--lang", "en")
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for '--output' / '-o': 'out/' names a folder; "
        "give the name of the file to write"
    ) in result.stderr
    assert not Path("out").exists()


def test_a_windows_folder_separator_ends_a_folder_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sep", "\\")
    result = run_lzip("check", "2024.csv", "-o", "结果\\", "--lang", "en")
    assert result.exit_code == 2
    assert "'结果\\' names a folder" in result.stderr
    assert not Path("结果\\").exists() and not Path("结果").exists()


def test_an_output_file_in_a_new_folder_is_still_refused_by_its_folder() -> None:
    """Only the trailing separator is new: ``out/结果.json`` in a missing folder is LZ305's."""
    result = run_lzip("check", "2024.csv", "-o", "out/结果.json")
    assert result.exit_code == 2
    assert "LZ305" in result.stderr


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while a file is being written."""

    def fsync(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(lzip_cli.output.os, "fsync", fsync)


def test_no_space_left_for_a_template(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("form.csv").write_text("last year's form\n")
    before = tree()
    full_disk(monkeypatch)
    result = run_lzip("template", "2025", "-o", "form.csv", "--force")
    assert result.exit_code == 2
    assert "form.csv: 错误 LZ305: 无法写入：磁盘空间不足" in result.stderr
    assert tree() == before  # the old file is intact and no temporary file is left


@pytest.mark.parametrize("name", ["2024.json", "2024结果.csv", "2024.txt"])
def test_no_space_left_for_a_check_output_file(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    Path(name).write_text("last year's result\n", encoding="utf-8")
    before = tree()
    full_disk(monkeypatch)
    result = run_lzip("check", "2024.csv", "-o", name, "--force")
    assert result.exit_code == 2
    assert f"{name}: 错误 LZ305: 无法写入：磁盘空间不足" in result.stderr
    assert tree() == before  # the old file is intact and no temporary file is left


def test_a_check_output_file_in_a_missing_directory() -> None:
    result = run_lzip("check", "2024.csv", "-o", "no/such/dir/2024.json", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.replace("\\", "/") == (
        "no/such/dir/2024.json: error LZ305: cannot write: folder no/such/dir does not exist;"
        " create it first\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", "missing.csv", "-o", "out/结果.json"],
        ["check", "2024.csv", "--data", "no-plan", "-o", "out/结果.xlsx"],
        ["template", "2025", "--data", "no-plan", "-o", "out/结果.csv"],
        ["schema", "indicators", "-o", "out/结果.json"],
    ],
    ids=["check-report", "check-plan", "template", "schema"],
)
def test_a_missing_output_folder_is_said_before_anything_is_read(args: list[str]) -> None:
    # Said after the whole run (30 s at a million rows) as "no such file or directory", which
    # did not say that the folder is what is missing; here nothing is read: the missing report
    # or plan is not even mentioned.
    before = tree()
    result = run_lzip(*args)
    assert result.exit_code == 2
    said = f"{args[-1]}: 错误 LZ305: 无法写入：目录 out 不存在，请先创建它\n"
    assert result.stderr.replace("\\", "/") == said
    assert tree() == before


def test_an_output_folder_that_is_a_file_is_said_before_anything_is_read() -> None:
    Path("out").write_text("notes\n")
    result = run_lzip("check", "missing.csv", "-o", "out/结果.csv", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "out/结果.csv: error LZ305: cannot write: a part of the path is not a directory\n"
    )


def test_no_space_left_for_shortfall_lists_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    full_disk(monkeypatch)
    result = run_lzip("shortfalls", "2024.csv", "--out", "lists", "--lang", "en", "-f", "xlsx")
    assert result.exit_code == 2
    assert "error LZ305: cannot write: no space left on the device" in result.stderr
    assert not Path("lists").exists()  # nothing partial, no .tmp files, no folder it created


def test_no_space_midway_through_the_lists_leaves_last_years_lists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run_lzip("shortfalls", "2024.csv", "--out", "lists").exit_code == 1
    before = tree()
    real_fsync, synced = os.fsync, 0

    def fsync(descriptor: int) -> None:  # the disk fills up on the third list
        nonlocal synced
        synced += 1
        if synced == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(lzip_cli.output.os, "fsync", fsync)
    result = run_lzip("shortfalls", "2024.csv", "--out", "lists", "--force", "--lang", "en")
    assert result.exit_code == 2
    assert "error LZ305: cannot write: no space left on the device" in result.stderr
    assert tree() == before  # every list as it was: none new, none half-written, no temp file


def test_no_space_for_stdout() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    for args, lang_line in (
        (
            ["check", "2024.csv", "-f", "json"],
            "<stdout>: 错误 LZ306: 无法写入标准输出：磁盘空间不足",
        ),
        (
            ["template", "2025", "--lang", "en"],
            "<stdout>: error LZ306: cannot write to standard output: no space left on the device",
        ),
    ):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "lzip_cli", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
                check=False,
            )
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip() == lang_line


def test_an_output_file_that_is_the_report() -> None:
    # The report sits in the output directory under the name the index would get.
    Path("lists").mkdir()
    shutil.copy("2024.csv", "lists/index.md")
    before = tree()
    result = run_lzip("shortfalls", "lists/index.md", "--year", "2024", "--out", "lists", "--force")
    assert result.exit_code == 2
    assert "lists/index.md: 错误 LZ301: 不能写入：这是输入文件" in result.stderr
    assert tree() == before


def test_a_symlink_in_the_output_pointing_back_at_an_input() -> None:
    Path("lists").mkdir()
    os.symlink(Path("plan/indicators.yaml").resolve(), "lists/ip-office.md")
    before = tree()
    result = run_lzip(
        "shortfalls", "2024.csv", "--out", "lists", "--force", "--data", "plan", "--lang", "en"
    )
    assert result.exit_code == 2
    assert "lists/ip-office.md: error LZ301: refusing to write over an input file" in result.stderr
    assert tree() == before


def test_template_over_the_plan_it_reads() -> None:
    os.symlink("plan/agencies.yaml", "form.csv")
    before = tree()
    for target in ("plan/indicators.yaml", "form.csv"):
        result = run_lzip("template", "2025", "-o", target, "--force", "--data", "plan")
        assert result.exit_code == 2
        assert f"{target}: 错误 LZ301" in result.stderr
    assert tree() == before


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["check", "2024.csv", "-o", "a.csv"], "a.csv"),
        (["check", "2024.csv", "-o", "a.csv", "--force"], "a.csv"),
        (["template", "2025", "-o", "a.csv"], "a.csv"),
        (["schema", "indicators", "-o", "a.json"], "a.json"),
        (["schema", "indicators", "-o", "loop/x.json"], "loop/x.json"),
        (["shortfalls", "2024.csv", "--out", "lists"], "lists/ip-office.md"),
    ],
    ids=["check", "check-force", "template", "schema", "schema-folder", "shortfalls"],
)
def test_a_symlink_loop_at_the_output_is_a_located_error(args: list[str], target: str) -> None:
    # a.csv -> b.csv -> a.csv: Path.resolve raised RuntimeError (a traceback, exit 1), and
    # `schema -o` followed the links as far as they go and replaced a.json with a file.
    Path("lists").mkdir()
    for one, other in [
        ("a.csv", "b.csv"),
        ("a.json", "b.json"),
        ("loop", "pool"),
        ("lists/ip-office.md", "lists/b.md"),
    ]:
        os.symlink(os.path.basename(other), one)
        os.symlink(os.path.basename(one), other)
    before = tree()
    for lang, reason in (
        ("zh", "无法写入：符号链接层数过多"),
        ("en", "cannot write: too many levels of symbolic links"),
    ):
        result = run_lzip(*args, "--lang", lang)
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith(f"{target}: "), result.stderr
        assert f" LZ305: {reason}" in result.stderr
        assert tree() == before  # every link still a link, nothing written


def test_an_existing_file_without_force() -> None:
    Path("lists").mkdir()
    Path("lists/index.md").write_text("keep me\n")
    before = tree()
    result = run_lzip("shortfalls", "2024.csv", "--out", "lists")
    assert result.exit_code == 2
    assert "lists/index.md: 错误 LZ303" in result.stderr and "--force" in result.stderr
    assert tree() == before


def installed_lzip() -> list[str]:
    """The ``lzip`` command installed beside this interpreter, as CI runs it."""
    found = shutil.which("lzip", path=os.path.dirname(sys.executable))
    return [found] if found else [sys.executable, "-m", "lzip_cli"]


@pytest.mark.parametrize(
    ("options", "status"),
    [(["--fail-on", "never"], 0), ([], 1)],
    ids=["fail-on-never", "shortfalls-fail"],
)
def test_a_reader_gone_before_the_output_leaves_the_exit_status_to_the_check(
    options: list[str], status: int
) -> None:
    # The pipe's reading end is closed before lzip starts: its first write finds no reader.
    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = subprocess.run(
            [*installed_lzip(), "check", "2024.csv", "-f", "github", *options],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writing)
    assert (done.returncode, done.stderr) == (status, "")


#: What the tests here read; anything else under the working directory was written.
INPUTS = ("2024.csv", "plan")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "2024.csv", "-o", "r.json"],
        ["check", "2024.csv", "-o", "r.xlsx"],
        ["shortfalls", "2024.csv", "--out", "lists"],
        ["template", "2024", "-o", "form.csv"],
        ["template", "2024", "--per-agency", "-o", "forms"],
        ["schema", "indicators", "-o", "indicators.schema.json"],
    ],
    ids=["check-json", "check-xlsx", "shortfalls", "template", "template-per-agency", "schema"],
)
def test_a_file_another_run_writes_meanwhile_is_not_written_over_without_force(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two runs writing the same output at once both find it absent when they look; the one
    # that puts its file in place second must not then write over the first one's.
    made_by_the_other_run: list[Path] = []
    real_new_temporary = lzip_cli.output._new_temporary

    def new_temporary(path: Path, temporaries: list[str]) -> int:
        if not made_by_the_other_run:
            path.write_text("the other run's", encoding="utf-8")
            made_by_the_other_run.append(path)
        return real_new_temporary(path, temporaries)

    monkeypatch.setattr(lzip_cli.output, "_new_temporary", new_temporary)
    result = run_lzip(*args)
    assert result.exit_code == 2
    [theirs] = made_by_the_other_run
    assert f"{theirs}: 错误 LZ303: 文件已存在；如需覆盖请加 --force" in result.stderr
    assert theirs.read_text(encoding="utf-8") == "the other run's"
    # nothing of this run's left beside it: no temporary file, no part of a set of lists
    written = [p for p in Path().rglob("*") if p.is_file() and p.parts[0] not in INPUTS]
    assert written == [theirs]


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])  # SIGINT: Ctrl-C, 130
def test_a_run_ended_by_a_signal_while_writing_leaves_no_temporary_file(name: str) -> None:
    number = getattr(signal, name)
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "1000", "big"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    Path("out").mkdir()
    # The CSV's warnings (some 200 kB of LZ266 here) go to stderr while the file is being
    # written: with nobody reading the pipe, lzip waits there, its temporary file on disk.
    run = subprocess.Popen(
        [*installed_lzip(), "check", "big/report-2024.csv", "--data", "big", "-o", "out/r.csv"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # as from a terminal: a job started in the background of a shell ignores SIGINT
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 60
        while not list(Path("out").iterdir()):
            assert run.poll() is None, "lzip ended before it began to write"
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.01)
        [temporary] = Path("out").iterdir()
        assert temporary.name.startswith(".r.csv.") and temporary.name.endswith(".tmp")
        run.send_signal(number)
        stderr = run.communicate(timeout=60)[1]
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert run.returncode == 128 + number  # 143, 129, 130: not the signal's own end (-15, -1)
    assert b"Traceback" not in stderr
    assert list(Path("out").iterdir()) == []  # no temporary file, no half-written result


def test_head_on_a_pipefail_ci_step_passes_with_fail_on_never() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash")
    command = " ".join([*installed_lzip(), "check", "2024.csv", "-f", "github", "--fail-on never"])
    done = subprocess.run(
        [bash, "-o", "pipefail", "-c", f"{command} | head -1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::warning file=2024.csv,line=")
    assert done.stderr == ""


#: A name longer than any file system takes (255 bytes on Linux and macOS).
TOO_LONG = "鹿寨县知识产权局年度量化指标" * 8


def longest_name(suffix: str) -> str:
    """A Chinese file name ending in ``suffix`` of 255 bytes in UTF-8: as long as a name can be."""
    room = 255 - len(suffix.encode())
    return "量" * (room // 3) + "a" * (room % 3) + suffix


@pytest.mark.parametrize(
    "args",
    [
        ["check", "2024.csv", "-o", longest_name(".json")],
        ["check", "2024.csv", "-o", longest_name(".xlsx")],
        ["check", "2024.csv", "-o", "a" * 238 + ".csv"],  # 242 bytes: the shortest that was refused
        ["template", "2025", "-o", longest_name(".csv")],
        ["schema", "agencies", "-o", longest_name(".json")],
    ],
    ids=["check-json", "check-xlsx", "check-242", "template", "schema"],
)
def test_the_longest_legal_name_is_written(args: list[str]) -> None:
    # Its temporary file, .NAME.x1y2z3w4.tmp, is 14 bytes longer: lzip shortens that one.
    result = run_lzip(*args)
    assert result.exit_code in (0, 1), result.stderr
    target = Path(args[-1])
    assert [path.name for path in Path().iterdir() if path.name.startswith(".")] == []
    assert target.is_file() and target.stat().st_size > 0
    if target.suffix == ".json":
        json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "code", "file"),
    [
        (["schema", "indicators", "-o", TOO_LONG + ".json"], "LZ305", TOO_LONG + ".json"),
        (["check", "2024.csv", "-o", TOO_LONG + ".json"], "LZ305", TOO_LONG + ".json"),
        (["template", "2025", "-o", f"{TOO_LONG}/表.csv"], "LZ305", f"{TOO_LONG}/表.csv"),
        (["shortfalls", "2024.csv", "-o", TOO_LONG], "LZ305", TOO_LONG),
        (["check", TOO_LONG + ".csv"], "LZ004", TOO_LONG + ".csv"),
        (["validate", TOO_LONG + ".csv"], "LZ004", TOO_LONG + ".csv"),
        (["indicators", "--data", TOO_LONG], "LZ004", TOO_LONG),
        (["diff", TOO_LONG, str(DATA)], "LZ004", TOO_LONG),
    ],
    ids=["schema-o", "check-o", "template-o", "shortfalls-o", "check", "validate", "data", "diff"],
)
def test_a_name_too_long_for_the_file_system_is_a_located_error(
    args: list[str], code: str, file: str
) -> None:
    result = run_lzip(*args)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"{file}: 错误 {code}: "), result.stderr
    assert "File name too long" in result.stderr or "文件名" in result.stderr
