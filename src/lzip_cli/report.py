"""A year's report as read: its rows, each one reported figure, and the warnings on the way.

What :mod:`lzip_cli.evaluate` judges; :mod:`lzip_cli.report_reader` and
:mod:`lzip_cli.report_set` make it from files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lzip_cli.cells import CellValue
from lzip_cli.errors import Problem


@dataclass(slots=True)
class ReportRow:
    """One reported figure. ``value`` and ``count`` are None when the cell was blank."""

    row: int
    indicator_id: str
    agency_id: str | None
    value: CellValue
    count: CellValue = None
    note: str = ""
    file: str = ""  # the report file it was read from ("": the report's own file)


@dataclass
class Report:
    """A whole report: its year, its rows in file order, and warnings found while reading.

    A report read from several files (one per agency) names the first in ``file``; each row
    names its own.
    """

    file: str
    year: int
    rows: list[ReportRow]
    warnings: list[Problem] = field(default_factory=list)
    #: The 备注 of rows that give no figure (``7.1,县林业局,,,稿件待刊发``), by indicator and
    #: agency (None: the county row): no row for the figures, but why it was not reported.
    notes: dict[tuple[str, str | None], str] = field(default_factory=dict)
    #: By report file (a row's ``file``, or ``file`` for ``""``), the 1-based columns it reads
    #: as ``indicator``, ``agency``, ``value`` and ``count``, to locate problems found in a row's figures.
    columns: dict[str, dict[str, int]] = field(default_factory=dict)

    def column_of(self, row: ReportRow, role: str) -> int | None:
        """The column of ``row``'s file read as ``role``, else its agency's, else its
        indicator's: the cell a problem with the row points at (None where not known)."""
        columns = self.columns.get(row.file or self.file, {})
        return columns.get(role) or columns.get("agency") or columns.get("indicator")
