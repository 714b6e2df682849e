"""Problems found in input files, each carrying its location, and the exception that carries them.

Code below the CLI never prints: it raises :class:`LzipError` with one or more
:class:`Problem` objects. The CLI renders them in the user's language and picks the exit code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: How many problems one run keeps in full; the rest are only counted.
MAX_PROBLEMS = 200


def display_path(path: Path) -> str:
    """A file as a problem names it: relative to the current directory when it is inside it,
    else as given (``/srv/plan``, not ``../../../srv/plan``)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.split(os.sep, 1)[0] == os.pardir else relative


class RowNumber(int):
    """A CSV report's row number as Excel shows it, knowing the line of the file it begins on.

    The two differ below a ``sep=;`` line (no row) or a cell holding a line break (one row of
    two lines). Messages name the row, as Excel does; ``--format github`` needs the line, to
    put the annotation where the row is in the file. Only such rows are made one of these: it
    is an ``int`` everywhere else, and a plain ``int`` serves wherever the two are the same.
    """

    file_line: int

    def __new__(cls, row: int, file_line: int) -> RowNumber:
        number = super().__new__(cls, row)
        number.file_line = file_line
        return number


class WorkbookFile(str):
    """A workbook's name as problems give it, knowing the sheet read when it has several, and
    the rows that sheet hides.

    A cell is then named with its sheet, as Excel's Name Box takes it (``'2024年'!C5``): in a
    workbook whose ``2023年`` sheet is in front, ``C5`` alone points at the wrong sheet
    (``sheet`` is "" for a workbook of one sheet). A problem at a row in ``hidden_rows`` says
    the row is hidden: Excel shows neither it nor its number. It is the plain name everywhere
    else (JSON's ``file``, ``file:line:col``).
    """

    sheet: str
    hidden_rows: frozenset[int]

    def __new__(
        cls, name: str, sheet: str, hidden_rows: frozenset[int] = frozenset()
    ) -> WorkbookFile:
        file = super().__new__(cls, name)
        file.sheet = sheet
        file.hidden_rows = hidden_rows
        return file


def file_line(number: int | None) -> int | None:
    """The line of the file that a row ``number`` begins on: itself, unless a
    :class:`RowNumber` says otherwise."""
    return getattr(number, "file_line", number)


@dataclass(frozen=True, slots=True)
class Problem:
    """One located finding: an error or a warning.

    ``code`` is a stable identifier (``LZ101``); ``key`` names the message template in
    :mod:`lzip_cli.messages` and ``params`` fills it. ``line`` is a 1-based line (YAML) or row
    (report) number, ``column`` a 1-based column; either may be unknown. ``path`` is the place
    inside a plan entry (``milestones.2026``) and ``entry`` the entry it is in, when its id is
    known: ``("indicator", "1.1")``, ``("agency", "forestry")`` or ``("group", "leading-group")``.

    ``file_line`` is the line of the file a CSV report's row ``line`` begins on, when the two
    differ (see :class:`RowNumber`, which gives it when passed as ``line``); else None.
    """

    code: str
    key: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    entry: tuple[str, str] | None = None
    file_line: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.line, RowNumber):  # a plain row number kept, its line beside it
            if self.file_line is None:
                object.__setattr__(self, "file_line", self.line.file_line)
            object.__setattr__(self, "line", int(self.line))

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file or "", self.line or 0, self.column or 0)


class LzipError(Exception):
    """Input that lzip cannot use. Carries every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem], omitted: int = 0) -> None:
        self.problems = list(problems)
        self.omitted = omitted
        super().__init__(f"{len(self.problems) + omitted} problem(s)")


class ProblemLog:
    """Collects problems, keeping the first :data:`MAX_PROBLEMS` and counting the rest."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.problems: list[Problem] = []
        self.omitted = 0
        self._limit = limit

    def add(self, problem: Problem) -> None:
        if len(self.problems) < self._limit:
            self.problems.append(problem)
        else:
            self.omitted += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    @property
    def full(self) -> bool:
        """Whether a further problem would only be counted (spare work spent on its message)."""
        return len(self.problems) >= self._limit

    def __bool__(self) -> bool:
        return bool(self.problems) or self.omitted > 0

    def raise_if_any(self) -> None:
        if self:
            raise LzipError(self.problems, self.omitted)


def unreadable(file: str, exc: OSError) -> LzipError:
    """The error for a file the operating system would not let lzip read."""
    return LzipError(
        [
            Problem(
                "LZ004",
                # Windows says "Permission denied" for a file Excel holds open.
                "file_unreadable_locked" if isinstance(exc, PermissionError) else "file_unreadable",
                file=file,
                params={"reason": exc.strerror, "errno": exc.errno},
            )
        ]
    )
