"""lzip_cli.output: safe file names, refusing to write over inputs or existing files, atomic writes."""

from __future__ import annotations

import errno
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzip_cli import output
from lzip_cli.errors import LzipError
from lzip_cli.output import (
    MAX_NAME,
    atomic_text,
    atomic_write,
    atomic_write_all,
    check_targets,
    prepare_directory,
    safe_filename,
    unique_names,
)

# --- safe_filename ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ip-office", "ip-office"),
        ("../../etc/passwd", "etc_passwd"),
        ("..\\..\\windows\\system32", "windows_system32"),
        ("a/b", "a_b"),
        ("/abs/path", "abs_path"),
        ("", "agency"),
        ("...", "agency"),
        ("   ", "agency"),
        ("县财政局", "agency"),  # nothing ASCII left: the fallback
        ("con", "_con"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("LPT9", "_LPT9"),
        ("aux ", "_aux"),  # Windows ignores trailing spaces: still the device
        ("console", "console"),  # only the exact device names are reserved
        ("a:b*c?d", "a_b_c_d"),
        ("name.", "name"),  # Windows drops a trailing dot
        ("tab\there", "tab_here"),
        ("nul\x00byte", "nul_byte"),
    ],
)
def test_safe_filename(text: str, expected: str) -> None:
    assert safe_filename(text) == expected


def test_safe_filename_caps_very_long_names() -> None:
    name = safe_filename("a" * 300)
    assert name == "a" * MAX_NAME


def test_safe_filename_does_not_end_a_capped_name_with_a_dot() -> None:
    name = safe_filename("b" * (MAX_NAME - 1) + ".md-and-more")
    assert len(name) <= MAX_NAME
    assert not name.endswith((".", "_", " "))


def test_safe_filename_uses_the_given_fallback() -> None:
    assert safe_filename("？？", fallback="list") == "list"


@pytest.mark.parametrize(
    "text",
    ["../../etc/passwd", "con", "a/b", "", "x" * 500, "PRN", "C:\\evil", "..", "-rf", "\n"],
)
def test_safe_filename_never_escapes_or_hides(text: str) -> None:
    name = safe_filename(text)
    assert name
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not name.startswith(".")  # no hidden files
    assert len(name) <= MAX_NAME + 1  # + the "_" before a reserved name


# --- unique_names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stems", "expected"),
    [
        (["a", "b"], ["a", "b"]),
        (["a", "a", "a"], ["a", "a-2", "a-3"]),
        (["Finance", "finance", "FINANCE"], ["Finance", "finance-2", "FINANCE-3"]),
        (["a-2", "a", "a"], ["a-2", "a", "a-3"]),  # a numbered name that exists is skipped
        (["agency", "agency"], ["agency", "agency-2"]),  # two all-Chinese ids' fallback
        ([], []),
    ],
)
def test_unique_names(stems: list[str], expected: list[str]) -> None:
    assert unique_names(stems) == expected


def test_unique_names_are_unique_ignoring_case() -> None:
    names = unique_names(safe_filename(s) for s in ["A/b", "a_B", "a:b", "A_B-2", "a_b"])
    assert len({n.lower() for n in names}) == len(names)


# --- check_targets ------------------------------------------------------------------------


def codes(excinfo: pytest.ExceptionInfo[LzipError]) -> list[tuple[str, str | None]]:
    return [(p.code, p.file) for p in excinfo.value.problems]


def test_check_targets_accepts_new_files(tmp_path: Path) -> None:
    check_targets([tmp_path / "a.md", tmp_path / "b.md"], [tmp_path / "r.csv"], force=False)


def test_check_targets_refuses_existing_files_unless_forced(tmp_path: Path) -> None:
    existing = tmp_path / "a.md"
    existing.write_text("x", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        check_targets([existing, tmp_path / "b.md"], [], force=False)
    assert codes(excinfo) == [("LZ303", str(existing))]
    check_targets([existing], [], force=True)


def test_check_targets_refuses_an_input_even_when_forced(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,数值\n", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        check_targets([tmp_path / "sub" / ".." / "2024.csv"], [report], force=True)
    assert [c for c, _ in codes(excinfo)] == ["LZ301"]


def test_check_targets_sees_an_input_through_a_symlink(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,数值\n", encoding="utf-8")
    link = tmp_path / "out" / "ip-office.csv"
    link.parent.mkdir()
    link.symlink_to(report)
    with pytest.raises(LzipError) as excinfo:
        check_targets([link], [report], force=True)
    assert [c for c, _ in codes(excinfo)] == ["LZ301"]


def test_check_targets_refuses_a_directory(tmp_path: Path) -> None:
    (tmp_path / "index.md").mkdir()
    with pytest.raises(LzipError) as excinfo:
        check_targets([tmp_path / "index.md"], [], force=True)
    assert codes(excinfo) == [("LZ302", str(tmp_path / "index.md"))]


def test_check_targets_reports_every_problem_at_once(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        check_targets([tmp_path / "a.md", tmp_path / "b.md"], [], force=False)
    assert [c for c, _ in codes(excinfo)] == ["LZ303", "LZ303"]


# --- prepare_directory --------------------------------------------------------------------


def test_prepare_directory_creates_missing_parents(tmp_path: Path) -> None:
    prepare_directory(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()


def test_prepare_directory_refuses_a_file(tmp_path: Path) -> None:
    path = tmp_path / "out"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        prepare_directory(path)
    assert codes(excinfo) == [("LZ304", str(path))]


def test_prepare_directory_failure_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        prepare_directory(blocker / "sub")
    problem = excinfo.value.problems[0]
    assert (problem.code, problem.file) == ("LZ305", str(blocker / "sub"))
    assert problem.params["reason"] == os.strerror(errno.ENOTDIR)


# --- atomic_write -------------------------------------------------------------------------


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_writes_new_file(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.md", "清单\n".encode())
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "清单\n"
    assert leftovers(tmp_path) == []


def test_atomic_write_replaces_old_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("old", encoding="utf-8")
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"


def test_atomic_write_gives_new_files_the_usual_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.md", b"x")
    finally:
        os.umask(old_umask)
    # readable by the colleagues the lists are for, not private as a temp file would be
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644


def test_atomic_write_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_failed_rename_leaves_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ip-office.md"
    path.write_text("old", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(LzipError) as excinfo:
        atomic_write(path, b"new")
    assert codes(excinfo) == [("LZ305", str(path))]
    assert excinfo.value.problems[0].params["reason"] == "Permission denied"
    assert excinfo.value.problems[0].key == "cannot_write_locked"  # says: close it in Excel
    assert path.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


class _HalfWriter:
    """A file handle that writes half the data, then finds the disk full."""

    def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
        self._handle = handle

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._handle, name)


def test_disk_full_midway_leaves_old_file_and_no_partial_or_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index.md"
    path.write_text("old index", encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(LzipError) as excinfo:
        atomic_write(path, b"x" * 10_000)
    problem = excinfo.value.problems[0]
    assert (problem.code, problem.file) == ("LZ305", str(path))
    assert problem.params["reason"] == os.strerror(errno.ENOSPC)
    assert path.read_text(encoding="utf-8") == "old index"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.md"]


def test_disk_full_on_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(LzipError):
        atomic_write(tmp_path / "forestry.csv", b"x" * 100)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_on_the_third_of_five_files_changes_none_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["agriculture.md", "ip-office.md", "forestry.md", "education.md", "index.md"]
    (tmp_path / "ip-office.md").write_text("last year's list", encoding="utf-8")
    real_fdopen = os.fdopen
    opened = 0

    def fdopen(fd: int, mode: str):  # type: ignore[no-untyped-def]
        nonlocal opened
        opened += 1
        handle = real_fdopen(fd, mode)
        return _HalfWriter(handle) if opened == 3 else handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(LzipError) as excinfo:
        atomic_write_all([(tmp_path / name, b"new list") for name in names])
    assert codes(excinfo) == [("LZ305", str(tmp_path / "forestry.md"))]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ip-office.md"]  # no temp file either
    assert (tmp_path / "ip-office.md").read_text(encoding="utf-8") == "last year's list"


def test_all_files_written_when_nothing_fails(tmp_path: Path) -> None:
    files = [(tmp_path / f"{n}.csv", f"list {n}".encode()) for n in range(4)]
    atomic_write_all(files)
    assert [path.read_bytes() for path, _ in files] == [data for _, data in files]
    assert leftovers(tmp_path) == []


# --- a run cut short while files are put in place; two runs writing one file ------------------

LISTS = ["agriculture.md", "ip-office.md", "forestry.md", "education.md", "index.md"]


@pytest.fixture
def sigterm_exits() -> Iterator[None]:
    """SIGTERM handled as lzip's main() handles it: an exit with status 143, raised where the
    run is."""

    def end(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, end)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _signalled_at_second_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM arrives just after the first file is put in place."""
    real = output._put_in_place
    placed = 0

    def put_in_place(temporary: str, path: Path, *, replace: bool) -> None:
        nonlocal placed
        real(temporary, path, replace=replace)
        placed += 1
        if placed == 1:
            signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(output, "_put_in_place", put_in_place)


@pytest.mark.usefixtures("sigterm_exits")
def test_a_signal_while_lists_replace_last_years_ends_the_run_with_every_list_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --force over last year's lists: cut off half-way, some lists would be this year's and
    # the rest last year's, a set nobody could tell from a whole one.
    for name in LISTS:
        (tmp_path / name).write_text("last year", encoding="utf-8")
    _signalled_at_second_file(monkeypatch)
    with pytest.raises(SystemExit) as excinfo:
        atomic_write_all([(tmp_path / name, b"this year") for name in LISTS], replace=True)
    assert excinfo.value.code == 143
    assert {(tmp_path / name).read_bytes() for name in LISTS} == {b"this year"}
    assert leftovers(tmp_path) == []


@pytest.mark.usefixtures("sigterm_exits")
def test_a_signal_while_new_lists_are_put_in_place_ends_the_run_with_all_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _signalled_at_second_file(monkeypatch)
    with pytest.raises(SystemExit) as excinfo:
        atomic_write_all([(tmp_path / name, b"list") for name in LISTS], replace=False)
    assert excinfo.value.code == 143
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(LISTS)


@pytest.mark.usefixtures("sigterm_exits")
def test_the_signal_handler_is_given_back_after_the_files_are_in_place(tmp_path: Path) -> None:
    atomic_write_all([(tmp_path / name, b"list") for name in LISTS])
    with pytest.raises(SystemExit):
        signal.raise_signal(signal.SIGTERM)


def test_a_file_another_run_made_since_the_check_is_not_written_over(tmp_path: Path) -> None:
    # Two runs writing the same lists at once: the second finds the first's forestry.md there
    # when it puts its own in place, after both had found the folder empty.
    (tmp_path / "forestry.md").write_text("the other run's", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        atomic_write_all([(tmp_path / name, b"ours") for name in LISTS], replace=False)
    assert codes(excinfo) == [("LZ303", str(tmp_path / "forestry.md"))]
    assert (tmp_path / "forestry.md").read_text(encoding="utf-8") == "the other run's"
    # the two it had put in place before are taken back: no set half this run's
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forestry.md"]


def test_one_file_another_run_made_since_the_check_is_not_written_over(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("the other run's", encoding="utf-8")
    with pytest.raises(LzipError) as excinfo:
        atomic_write(path, b"ours", replace=False)
    assert codes(excinfo) == [("LZ303", str(path))]
    assert path.read_text(encoding="utf-8") == "the other run's"
    assert leftovers(tmp_path) == []


def test_a_streamed_file_another_run_made_since_the_check_is_not_written_over(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.json"
    with pytest.raises(LzipError) as excinfo, atomic_text(path, replace=False) as handle:
        handle.write("ours")
        path.write_text("the other run's", encoding="utf-8")
    assert codes(excinfo) == [("LZ303", str(path))]
    assert path.read_text(encoding="utf-8") == "the other run's"
    assert leftovers(tmp_path) == []


def test_without_hard_links_a_new_file_is_still_written_and_an_existing_one_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FAT on a USB stick, some network shares: no hard links to put a file in place with.
    def no_links(source: str, target: str) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    atomic_write(tmp_path / "new.md", b"new", replace=False)
    assert (tmp_path / "new.md").read_bytes() == b"new"
    with pytest.raises(LzipError) as excinfo:
        atomic_write(tmp_path / "new.md", b"again", replace=False)
    assert codes(excinfo) == [("LZ303", str(tmp_path / "new.md"))]
    assert (tmp_path / "new.md").read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_a_list_another_run_wrote_over_since_is_not_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This run put agriculture.md in place; a run with --force then wrote its own over it; this
    # run then finds forestry.md taken (LZ303). Taking its files back must leave the other's.
    (tmp_path / "forestry.md").write_text("the other run's", encoding="utf-8")
    real = output._put_in_place

    def put_in_place(temporary: str, path: Path, *, replace: bool) -> None:
        if path.name == "ip-office.md":  # meanwhile, the --force run's os.replace
            other = tmp_path / "other.tmp"
            other.write_text("the other run's", encoding="utf-8")
            os.replace(other, tmp_path / "agriculture.md")
        real(temporary, path, replace=replace)

    monkeypatch.setattr(output, "_put_in_place", put_in_place)
    with pytest.raises(LzipError) as excinfo:
        atomic_write_all([(tmp_path / name, b"ours") for name in LISTS], replace=False)
    assert codes(excinfo) == [("LZ303", str(tmp_path / "forestry.md"))]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agriculture.md", "forestry.md"]
    assert (tmp_path / "agriculture.md").read_text(encoding="utf-8") == "the other run's"


def test_a_temporary_name_that_cannot_be_removed_after_the_link_is_no_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlink = os.unlink

    def busy(path: str) -> None:
        if str(path).endswith(".tmp"):
            raise OSError(errno.EBUSY, "Device or resource busy")
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", busy)
    atomic_write(tmp_path / "o.csv", b"ours", replace=False)
    assert (tmp_path / "o.csv").read_bytes() == b"ours"
