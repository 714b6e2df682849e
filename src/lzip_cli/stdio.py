"""Standard output and error: UTF-8 when redirected, and their failures as located errors.

On Chinese Windows a redirected stream takes the ANSI code page (GBK): ``lzip check -f json >
out.json`` wrote GBK where JSON must be UTF-8, and a CSV's BOM or a rarer character stopped the
run. A full disk under standard output is an error like any other (LZ306).

A reader that stops reading (``lzip check … | head -1``) is no error of lzip's: what it would
still have printed is dropped, quietly, and the run ends with the exit status it would have had
(see :func:`quiet_when_the_reader_leaves`). A standard stream that is missing altogether (closed
with ``>&-``, or None under pythonw or a Windows service) drops what is written to it the same way
(see :func:`streams_that_go_somewhere`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterator
from typing import NoReturn

#: The width laid out to when neither ``COLUMNS`` nor a terminal gives one.
DEFAULT_WIDTH = 80
#: The least width laid out to: a ``COLUMNS`` of 1 would stand every character on a line of its
#: own, and under about 40 columns no table of lzip's can be read.
MIN_WIDTH = 40
#: Help is as wide as :func:`layout_width` less 2, as Click lays it out, within these bounds: an
#: option list with its 30-cell first column is unreadable narrower than 50.
HELP_WIDTHS = (50, 78)


def layout_width() -> int:
    """The width tables, wrapped text and help are laid out to, in terminal cells.

    ``COLUMNS`` when it is a positive whole number; else (unset, 0 as some CI runners report,
    negative, not a number) the width of the terminal on standard input, output or error, as Rich
    looks for one; else :data:`DEFAULT_WIDTH`. Never below :data:`MIN_WIDTH`.
    """
    columns = os.environ.get("COLUMNS", "").strip()
    width = int(columns) if columns.isascii() and columns.isdigit() else 0
    for descriptor in (0, 1, 2):
        if width > 0:
            break
        try:
            width = os.get_terminal_size(descriptor).columns
        except (OSError, ValueError):
            continue
    return max(width or DEFAULT_WIDTH, MIN_WIDTH)


def help_width() -> int:
    """The width of ``--help`` and usage lines: :func:`layout_width` less 2, within
    :data:`HELP_WIDTHS` (Click's own rule, which read ``COLUMNS`` as stdout's terminal only)."""
    least, most = HELP_WIDTHS
    return max(least, min(layout_width() - 2, most))


class _ReaderMayLeave(io.RawIOBase):
    """Standard output's file descriptor, written until its reader goes away, then nothing."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor
        self.reader_left = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._descriptor

    def isatty(self) -> bool:
        return False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if not self.reader_left:
            try:
                return os.write(self._descriptor, data)
            except BrokenPipeError:
                self.reader_left = True
            except OSError as exc:  # Windows says EINVAL for a pipe closed at the other end
                if os.name != "nt" or exc.errno != errno.EINVAL:
                    raise
                self.reader_left = True
        return len(data)  # dropped: nobody reads it


class _Nowhere(io.RawIOBase):
    """A stream that takes everything and keeps nothing, where not even the null device opens."""

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return len(data)


def streams_that_go_somewhere() -> None:
    """Standard output and error that are missing write to the null device instead.

    Python leaves ``sys.stdout`` None when descriptor 1 is closed (``lzip validate >&-``) or when
    there is no console at all (pythonw, a Windows service). What would have been printed there
    is then dropped, as for a reader that left (:func:`quiet_when_the_reader_leaves`), and the run
    ends with the exit status it would have had; a file named by ``-o`` is written as ever, and
    messages still go to standard error if that is open. Opening the null device also takes the
    closed descriptor, so that no file lzip opens later becomes descriptor 1 or 2 by chance.
    """
    for name in ("stdin", "stdout", "stderr"):
        if getattr(sys, name) is not None:
            continue
        mode = "r" if name == "stdin" else "w"
        try:
            descriptor = os.open(os.devnull, os.O_RDONLY if name == "stdin" else os.O_WRONLY)
            # Never closed: quiet_when_the_reader_leaves wraps the descriptor and drops this.
            stream: io.TextIOBase = open(descriptor, mode, encoding="utf-8", closefd=False)  # noqa: SIM115
        except OSError:
            stream = io.TextIOWrapper(io.BufferedWriter(_Nowhere()), encoding="utf-8")
        setattr(sys, name, stream)


def quiet_when_the_reader_leaves() -> None:
    """Standard output on a pipe or in a file drops what is written once the pipe's reader has
    gone (``| head -1``), rather than failing the run, as ``yes | head`` shows the convention.

    The command then runs to its end and exits with the status it would have had: 0 for ``lzip
    check … --fail-on never | head`` under ``set -o pipefail``, 1 for shortfalls otherwise, so
    that a closed pipe neither fails a CI step nor hides what the check found. A terminal keeps
    its own stream. A full disk is still an error (LZ306).
    """
    stream = sys.stdout
    try:
        if stream is None or stream.isatty():
            return
        descriptor = stream.fileno()
        stream.flush()
    except (AttributeError, OSError, ValueError):  # replaced, closed, or already gone
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_ReaderMayLeave(descriptor)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
    )


def utf8_when_redirected() -> None:
    """Standard output and error in UTF-8 when they go to a file or a pipe.

    A terminal keeps its own encoding, and so does an explicit ``PYTHONIOENCODING``.
    """
    if os.environ.get("PYTHONIOENCODING"):
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            if not stream.isatty() and not writes_utf8(stream):
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):  # replaced or closed
            continue


def writes_utf8(stream: object) -> bool:
    """Whether ``stream`` encodes its text as UTF-8."""
    import codecs

    encoding = getattr(stream, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name == "utf-8"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: the characters an encoding lacks as JSON escapes (``\\u2022``,
    a surrogate pair beyond the BMP)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacking = error.object[error.start : error.end].encode("utf-16-be")
    units = (int.from_bytes(lacking[i : i + 2], "big") for i in range(0, len(lacking), 2))
    return "".join(f"\\u{unit:04x}" for unit in units), error.end


@contextlib.contextmanager
def json_escapes(stream: object) -> Iterator[None]:
    """While JSON is written to ``stream`` in an encoding other than UTF-8
    (``PYTHONIOENCODING=gbk``), a character the encoding lacks (a bullet • in a note) is
    written as its JSON escape instead of stopping the output (LZ306). Outside a JSON string
    there is no character beyond ASCII, so the document stays the same JSON."""
    import codecs

    if writes_utf8(stream) or not hasattr(stream, "reconfigure"):
        yield
        return
    codecs.register_error("lzip-json-escape", _json_escape)
    before = getattr(stream, "errors", "strict")
    stream.reconfigure(errors="lzip-json-escape")
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.reconfigure(errors=before)


def output_failed(exc: OSError, exit_code: int) -> NoReturn:
    """Standard output could not be written (a full disk, a closed pipe): say so and exit."""
    if exc.errno not in (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT, errno.EFBIG):
        raise exc
    _discard_stdout()  # keep the interpreter's last flush quiet
    if exc.errno == errno.EPIPE:
        sys.exit(exit_code)  # the reader stopped reading (| head): nothing to report
    _report("stdout_failed", {"reason": exc.strerror, "errno": exc.errno}, exit_code)


def cannot_encode(exc: UnicodeEncodeError, exit_code: int) -> NoReturn:
    """Standard output's encoding (an explicit PYTHONIOENCODING, a terminal's) lacks a character."""
    _discard_stdout()  # what is buffered cannot be written either
    encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
    text = exc.object[exc.start : exc.end][:10]
    _report("stdout_unencodable", {"encoding": encoding, "text": text}, exit_code)


def _discard_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _report(key: str, params: dict[str, object], exit_code: int) -> NoReturn:
    """An LZ306 message on stderr, in the language the command line asked for."""
    from lzip_cli.errors import Problem
    from lzip_cli.render.problems import format_problem

    lang = os.environ.get("LZIP_LANG", "zh")
    argv = sys.argv[1:]
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            lang = arg.partition("=")[2]
        elif arg == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
    problem = Problem("LZ306", key, file="<stdout>", params=params)
    sys.stderr.write(format_problem(problem, "en" if lang == "en" else "zh") + "\n")
    sys.exit(exit_code)
