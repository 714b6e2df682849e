"""Writing files safely: never over an input, never over an existing file unless asked, atomically.

A file is written to a temporary sibling and renamed over its target, so an interrupted run
leaves either the old file or the new one, never a partial one. A target that is a symlink to a
file is written so (the file it points to is replaced, the link stays a link).

A target that is a stream, not a file (``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``, a
symlink to one of them, or an existing FIFO, terminal or other device such as ``/dev/null``) is
written in place, as ``> target`` would: a stream has nothing to replace, so it needs no
``--force`` and atomicity does not apply. ``/dev/stdout`` and ``/dev/stderr`` are lzip's own
standard output and error, whatever they are redirected to (a file is appended to where the shell
left it, a pipe whose reader left drops the rest).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from lzip_cli.errors import LzipError, Problem

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
MAX_NAME = 64


def safe_filename(text: str, fallback: str = "agency") -> str:
    """A file-name stem made of ``[A-Za-z0-9._-]`` that is safe on Windows, macOS and Linux."""
    stem = _UNSAFE.sub("_", text).strip("._ ")[:MAX_NAME].rstrip("._ ")
    if not stem:
        stem = fallback
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


def unique_names(stems: Iterable[str]) -> list[str]:
    """``stems`` with case-insensitive repeats numbered (``a``, ``a-2``), as Windows needs."""
    seen: set[str] = set()
    result = []
    for stem in stems:
        name, number = stem, 2
        while name.lower() in seen:
            name = f"{stem}-{number}"
            number += 1
        seen.add(name.lower())
        result.append(name)
    return result


#: The paths that name a descriptor of lzip's own.
_DESCRIPTOR_PATH = re.compile(r"/dev/(stdout|stderr)|/dev/fd/(\d+)|/proc/self/fd/(\d+)")


def _descriptor_named(path: Path) -> int | None:
    """The descriptor ``path`` names (``/dev/stdout``: 1), also through symlinks; else None."""
    text = os.fspath(path)
    for _ in range(40):  # as many links as the kernel follows
        found = _DESCRIPTOR_PATH.fullmatch(text)
        if found:
            name, number = found[1], found[2] or found[3]
            return int(number) if number else (1 if name == "stdout" else 2)
        try:
            link = os.readlink(text)
        except (OSError, ValueError):  # not a link, or no such file
            return None
        text = os.path.join(os.path.dirname(text), link)
    return None


def is_stream(path: Path) -> bool:
    """Whether ``path`` is written as a stream, in place: it names a descriptor (``/dev/stdout``)
    or it is an existing file that is neither a regular file nor a directory (a FIFO, a terminal,
    ``/dev/null``, a socket)."""
    if _descriptor_named(path) is not None:
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _resolved(path: Path) -> Path:
    """The file a symlink ``path`` points to (written, so that the link stays); else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextlib.contextmanager
def _stream(path: Path) -> Iterator[BinaryIO]:
    """The stream ``path`` names, open for writing; a failure is LZ305 on ``path``."""
    descriptor = _descriptor_named(path)
    try:
        if descriptor in (1, 2):  # through sys.stdout: what is printed stays in order
            standard = sys.stdout if descriptor == 1 else sys.stderr
            standard.flush()
            yield standard.buffer
            standard.buffer.flush()
        elif descriptor is not None:
            with os.fdopen(os.dup(descriptor), "wb") as handle:
                yield handle
        else:
            with open(path, "wb") as handle:
                yield handle
    except OSError as exc:
        raise cannot_write(path, exc) from None


def _same_file(a: Path, b: Path) -> bool:
    # os.path.realpath, not Path.resolve: on Python 3.11 resolve raises RuntimeError for a loop.
    try:
        return os.path.realpath(a) == os.path.realpath(b) or (
            a.exists() and b.exists() and a.samefile(b)
        )
    except (OSError, ValueError):
        return False


def _refuse_loop(path: Path) -> None:
    """Raise the OSError (ELOOP) of a path the system cannot follow: a symlink that leads back to
    itself (``a.csv -> b.csv -> a.csv``), at the file or in a folder above it. Writing there would
    fail, or, once the link was followed as far as it goes, replace a link with a file."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise
    except ValueError:  # a NUL byte: refused where the file is opened
        pass


def check_folder(target: Path) -> None:
    """Refuse, before any input is read, a file ``target`` that cannot be written for its path
    alone: its folder is missing (LZ305 naming the folder) or is a file, or a symlink loop is on
    the way (LZ305 with the system's reason). A run of a million rows then ends at once, not after
    all of its work. A stream (``/dev/stdout``) has no folder to check."""
    if is_stream(target):
        return
    try:
        _refuse_loop(target)
        mode = os.stat(target.parent).st_mode
    except FileNotFoundError:
        raise _folder_missing(target) from None
    except OSError as exc:  # a file on the way, a folder not searchable, a name too long
        raise cannot_write(target, exc) from None
    except ValueError:  # a NUL byte: said where the file is opened
        return
    if not stat.S_ISDIR(mode):
        raise cannot_write(target, OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)))


def _folder_missing(target: Path) -> LzipError:
    """LZ305 on ``target``, whose folder does not exist."""
    return LzipError(
        [
            Problem(
                "LZ305",
                "output_folder_missing",
                file=str(target),
                params={"folder": str(target.parent)},
            )
        ]
    )


def check_targets(
    targets: Iterable[Path],
    inputs: Iterable[Path],
    *,
    force: bool,
    report_folders: Iterable[Path] = (),
) -> None:
    """Refuse, before anything is written, targets that are inputs or that exist already.

    A target in one of ``report_folders`` (folders read as a report) that the next run would
    read as a report too (``结果.csv`` among the agencies' forms) is refused as well.
    """
    inputs = list(inputs)
    folders = [folder for folder in report_folders if folder.is_dir()]
    read_as_report: tuple[str, ...] = ()
    if folders:  # report_set brings the plan's models; a command without reports needs none
        from lzip_cli.report_set import REPORT_SUFFIXES as read_as_report
    problems = []
    refused_folders: set[Path] = set()
    for target in targets:
        try:
            problem = _target_problem(target, inputs, folders, read_as_report, force=force)
        except OSError as exc:  # a name too long, a folder not searchable, a symlink loop
            raise cannot_write(target, exc) from None
        if problem is None:
            continue
        if problem.code == "LZ308":
            if target.parent in refused_folders:  # once for a folder of shortfall lists
                continue
            refused_folders.add(target.parent)
        problems.append(problem)
    if problems:
        raise LzipError(problems)


def _target_problem(
    target: Path,
    inputs: list[Path],
    folders: list[Path],
    read_as_report: tuple[str, ...],
    *,
    force: bool,
) -> Problem | None:
    """Why ``target`` may not be written, if it may not."""
    _refuse_loop(target)
    if any(_same_file(target, source) for source in inputs):
        return Problem("LZ301", "output_is_input", file=str(target))
    # The file written is the one a symlink points to (outlink.csv -> reports/2024/结果.csv), in
    # the folder it really is in: both sides are compared as real paths.
    written = Path(os.path.realpath(target))
    if written.suffix.lower() in read_as_report and any(
        _same_file(written.parent, folder) for folder in folders
    ):
        return Problem("LZ308", "output_in_report_folder", file=str(target))
    if target.is_dir():
        return Problem("LZ302", "output_is_directory", file=str(target))
    if target.exists() and not force and not is_stream(target):
        return Problem("LZ303", "output_exists", file=str(target))
    return None


def _reason(exc: OSError) -> str:
    """Why an operation failed, in words even when the error carries only a number."""
    if exc.strerror:
        return exc.strerror
    number = exc.errno if exc.errno is not None else (exc.args or (None,))[0]
    return os.strerror(number) if isinstance(number, int) else str(exc) or type(exc).__name__


def cannot_write(path: Path, exc: OSError) -> LzipError:
    """LZ305 on ``path``, with the operating system's reason (the folder's name when that is
    what is missing)."""
    if exc.errno == errno.ENOENT and not os.path.lexists(path.parent):
        return _folder_missing(path)
    return LzipError(
        [
            Problem(
                "LZ305",
                # Windows says "Permission denied" for a file Excel holds open.
                "cannot_write_locked" if isinstance(exc, PermissionError) else "cannot_write",
                file=str(path),
                params={"reason": _reason(exc), "errno": exc.errno},
            )
        ]
    )


def _new_file_mode(path: Path) -> int:
    """The mode ``path`` keeps if it exists, else what a plain ``open`` would give (umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_into_folder(
    directory: Path,
    files: list[tuple[Path, bytes]],
    *,
    replace: bool = True,
    option: str = "--out",
) -> None:
    """``files`` (in ``directory``) written as :func:`atomic_write_all` writes them, into
    ``directory``, created if needed (``option``: the command's option that named it, for
    LZ304). A write cut short (a full disk, SIGTERM/SIGHUP, Ctrl-C) also removes the folders it
    created, while they are empty: nothing left where nothing was."""
    created = prepare_directory(directory, option)
    try:
        atomic_write_all(files, replace=replace)
    except BaseException:  # SystemExit from the signal handler and KeyboardInterrupt too
        _remove_created(created)
        raise


def prepare_directory(directory: Path, option: str = "--out") -> list[Path]:
    """Create ``directory`` if needed; refuse a path that is a file (LZ304, naming ``option``).

    Returns the folders it created, the deepest first.
    """
    if directory.exists() and not directory.is_dir():
        params = {"option": option}
        raise LzipError([Problem("LZ304", "out_not_directory", file=str(directory), params=params)])
    created = [folder for folder in (directory, *directory.parents) if not os.path.lexists(folder)]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(directory, exc) from None
    return created


def _remove_created(folders: list[Path]) -> None:
    """Remove the folders :func:`prepare_directory` created, deepest first, if still empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


@contextlib.contextmanager
def atomic_text(path: Path, *, replace: bool = True) -> Iterator[TextIO]:
    """A UTF-8 text file written in pieces beside ``path``, renamed over it when the block ends.

    For output too large to hold as one string (``check -o`` of a million rows as JSON). If
    the block raises, ``path`` is left as it was and the temporary file is removed. A stream
    (:func:`is_stream`) is written in place. ``replace``: as for :func:`atomic_write_all`.
    """
    with atomic_binary(path, replace=replace) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")  # type: ignore[type-var]
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the file is closed by atomic_binary; standard output stays open


@contextlib.contextmanager
def atomic_binary(path: Path, *, replace: bool = True) -> Iterator[BinaryIO]:
    """A file written in pieces beside ``path``, renamed over it when the block ends; see
    :func:`atomic_text`."""
    if is_stream(path):
        with _stream(path) as raw:
            yield raw
        return
    path = _resolved(path)
    temporaries: list[str] = []
    renamed = False
    try:
        descriptor = _new_temporary(path, temporaries)
        [temporary] = temporaries
        with os.fdopen(descriptor, "wb") as raw:
            os.chmod(temporary, _new_file_mode(path))
            yield raw
            raw.flush()
            os.fsync(raw.fileno())
        with _signals_held():
            _put_in_place(temporary, path, replace=replace)
            renamed = True
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        if not renamed:
            _remove(temporaries)


def atomic_write(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename."""
    atomic_write_all([(path, data)], replace=replace)


def atomic_write_all(files: list[tuple[Path, bytes]], *, replace: bool = True) -> None:
    """Write several files so that a failure while writing changes none of them.

    Every file is first written in full to a temporary sibling (flushed to disk); only then are
    they renamed over their targets. A full disk, a quota or a refused write therefore leaves
    every target as it was, and no temporary file behind. (A rename refused part-way through
    leaves the files before it new and the rest as they were, each one whole.) SIGINT, SIGTERM
    and SIGHUP wait while the files are renamed, so that a run cut short there ends with all of
    them in place, not some. A stream (:func:`is_stream`) is written in place once the files are.

    ``replace`` False (no ``--force``): a target that has appeared since it was checked (another
    run writing the same file at the same time) is not written over but refused, LZ303, and the
    files this call put in place before it, new ones all, are removed again.
    """
    streams = [(path, data) for path, data in files if is_stream(path)]
    files = [(_resolved(path), data) for path, data in files if not is_stream(path)]
    _write_files(files, replace=replace)
    for path, data in streams:
        with _stream(path) as handle:
            handle.write(data)


def _write_files(files: list[tuple[Path, bytes]], *, replace: bool) -> None:
    temporaries: list[str] = []  # one per file of files, in order
    renamed = 0
    path = files[0][0] if files else Path(".")
    try:
        for path, data in files:
            descriptor = _new_temporary(path, temporaries)
            with os.fdopen(descriptor, "wb") as handle:
                # The file is private (0600) until written; give it the mode a plain open would.
                os.chmod(temporaries[-1], _new_file_mode(path))
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        placed: list[tuple[Path, tuple[int, int]]] = []
        with _signals_held():
            try:
                for temporary, (path, _) in zip(temporaries, files, strict=True):
                    _put_in_place(temporary, path, replace=replace)
                    renamed += 1
                    if not replace:
                        placed.append((path, _identity(path)))
            except LzipError:  # LZ303: another run's file; ours, all new, are taken back
                _take_back(placed)
                raise
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        _remove(temporaries[renamed:])


#: Why a hard link could not be made where the file system has none (FAT, some network shares).
_NO_HARD_LINKS = frozenset(
    number
    for number in (
        errno.EPERM,
        errno.EXDEV,
        errno.EMLINK,
        errno.ENOSYS,
        getattr(errno, "ENOTSUP", None),
        getattr(errno, "EOPNOTSUPP", None),
    )
    if number is not None
)


def _put_in_place(temporary: str, path: Path, *, replace: bool) -> None:
    """Rename ``temporary`` to ``path``. With ``replace`` False, never over a file that is there:
    one made since ``path`` was checked, by another run writing it too, is LZ303, not lost."""
    if replace:
        os.replace(temporary, path)
        return
    try:
        if sys.platform == "win32":
            os.rename(temporary, path)  # Windows' rename refuses a target that exists
        else:
            try:
                os.link(temporary, path)  # unlike rename, refuses a target that exists
            except OSError as exc:
                if isinstance(exc, FileExistsError) or exc.errno not in _NO_HARD_LINKS:
                    raise
                if os.path.lexists(path):  # no hard links here: looked at, then renamed
                    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)) from None
                os.replace(temporary, path)
                return
            # The file is in place: a temporary name that cannot be removed is no failure of it.
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    except FileExistsError:
        raise LzipError([Problem("LZ303", "output_exists", file=str(path))]) from None


def _identity(path: Path) -> tuple[int, int]:
    """The device and inode of the file at ``path`` (not following a symlink)."""
    status = os.lstat(path)
    return status.st_dev, status.st_ino


def _take_back(placed: list[tuple[Path, tuple[int, int]]]) -> None:
    """Remove the files this run put in place, each only while it is still the one it put
    there: another run with ``--force`` may have written over it since, and its file stays."""
    for path, identity in placed:
        with contextlib.suppress(OSError):
            if _identity(path) == identity:
                os.unlink(path)


#: The signals that end a run (Windows has no SIGHUP).
_ENDING_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP held back while the block runs, then given to the handler
    they had: renaming a set of files into place (milliseconds) is not cut off half-way, which
    would leave some lists new and the rest last year's. A signal that is ignored stays so."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; lzip writes from it
        return
    received: list[int] = []
    held: dict[int, object] = {}
    for name in _ENDING_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        handler = signal.getsignal(number)
        if handler is signal.SIG_IGN or handler is None:
            continue
        held[number] = handler
        signal.signal(number, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        for number, handler in held.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        if received:
            signal.raise_signal(received[0])  # now, to the handler it had: an exit or Ctrl-C


#: How a temporary file is opened: created here and now, never through a symlink planted there.
_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)


#: The longest file name most file systems take, in bytes (NTFS: 255 UTF-16 units, never more
#: than a name's UTF-8 bytes), where the folder does not say (Windows has no ``pathconf``).
NAME_MAX = 255
#: The random characters in a temporary file's name.
_RANDOM_CHARACTERS = 8


def _new_temporary(path: Path, temporaries: list[str]) -> int:
    """A new file beside ``path``, ``.NAME.x1y2z3w4.tmp``, open for writing (its descriptor).

    Its name is added to ``temporaries`` before the file is made, so that the caller's
    ``finally`` removes it whenever the run is cut short: a SIGTERM (``SystemExit``) that comes
    as the file is being created, which ``tempfile.mkstemp`` would leave behind, removes it too.

    NAME is ``path``'s name, cut short when the whole would be longer than the folder takes: a
    name of 242 to 255 bytes (some 82 Chinese characters) is legal, and its temporary file must
    be too.
    """
    directory = path.parent
    try:
        limit = os.pathconf(directory, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # no pathconf, or no such folder (yet)
        limit = NAME_MAX
    if limit <= 0:  # no limit the system knows of
        limit = NAME_MAX
    room = limit - len(".") - len(".") - _RANDOM_CHARACTERS - len(".tmp")
    name = path.name
    while name and len(os.fsencode(name)) > room:
        name = name[:-1]
    for _ in range(100):
        random = os.urandom(_RANDOM_CHARACTERS // 2).hex()
        temporary = os.path.join(directory, f".{name or 'lzip'}.{random}.tmp")
        temporaries.append(temporary)
        try:
            return os.open(temporary, _NEW_FILE, 0o600)
        except FileExistsError:  # another's: not ours to remove
            temporaries.pop()
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", str(directory))


def _remove(temporaries: list[str]) -> None:
    """Remove the temporary files that were not renamed (a name whose file was never made, or
    was renamed as the run was cut short, is passed over)."""
    for temporary in temporaries:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
