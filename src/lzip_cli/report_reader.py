"""Read a year's report file (CSV or .xlsx) into checked rows, streaming, with located errors.

A report has a header row and one row per indicator and agency (blank agency: the county-wide
figure). The file's rows come from :mod:`~lzip_cli.report_text` (CSV) or
:mod:`~lzip_cli.xlsx_reader`; :mod:`~lzip_cli.report_form` finds the header and the columns
(in any order, with English or Chinese headers); :mod:`~lzip_cli.report_row` reads each row
below it. Here the rows are read once the report's year is settled, from the file's name, a
year column, the header or ``--year``.
"""

from __future__ import annotations

import itertools
import operator
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lzip_cli.cells import CellError, NotCarriedOut, fold, parse_year
from lzip_cli.errors import LzipError, Problem, ProblemLog, display_path
from lzip_cli.messages import Bilingual
from lzip_cli.models import Plan
from lzip_cli.numbers import WHOLE_UNITS
from lzip_cli.report import Report, ReportRow
from lzip_cli.report_form import (
    Header,
    header_field,
    is_footer_text,
    is_total_row,
    is_units_row,
    names_the_county,
    past_title_rows,
    read_header,
    units_row_unit,
)
from lzip_cli.report_row import FIELDS, TextsSeen, parse_row, thousands_split, unit_mismatch
from lzip_cli.report_text import iter_csv_rows, sniff

if TYPE_CHECKING:  # the xlsx reader is imported only when a workbook is read
    from lzip_cli.xlsx_reader import SheetRead

_YEAR = r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])"
_YEAR_IN_NAME = re.compile(_YEAR)
#: "2024年" and "2024年度", but not the 2025 of "2025年1月10日": the report's own year.
_YEAR_WORD_IN_NAME = re.compile(rf"({_YEAR})年(?:度|(?![0-9０-９]{{1,2}}月))")
#: A span of years: "2023-2024年度", "2023至2024年".
_SPAN_IN_NAME = re.compile(rf"({_YEAR})\s*[-~—–至到]\s*({_YEAR})\s*年")
#: A date in a file name, usually the day the form was filled in or exported: its year is not
#: the report's (鹿寨县2024年报表_2025.01.10.xlsx, 报表(2025年1月10日).csv).
_DATE_IN_NAME = re.compile(
    rf"{_YEAR}(?:(?P<sep>[-._/])[01]?[0-9](?P=sep)[0-3]?[0-9]|[-._/](?:0[1-9]|1[0-2])"
    r"|年[01]?[0-9]月(?:[0-3]?[0-9]日)?)(?![0-9])"
)


@dataclass(slots=True)
class ReportPart:
    """One file's rows before its year is settled: several files may share one year."""

    file: str
    rows: list[ReportRow]
    warnings: list[Problem]
    #: The years the file's name gives (see :func:`years_in_name`), else its folder's.
    name_years: list[int]
    year_cells: dict[int, int]  # year → first row that holds it
    year_column: int | None = None  # 1-based, to locate LZ213
    #: The folder whose name gave ``name_years``; None when the file's own name did.
    name_folder: str | None = None
    #: A year the value column's header names (2023年完成值): year, line, column.
    header_year: tuple[int, int, int] | None = None
    #: The rows not read yet: the header has a value column per year (2023年完成值,
    #: 2024年完成值) and which is read waits for the report's year (see :meth:`settle`).
    pending: _Body | None = None
    #: Why the file holds no figures at all (LZ201: empty, LZ250: a header only), else None.
    #: One file on its own is refused with it; among several forms it is only a warning.
    blank: Problem | None = None
    #: The title rows above the header, each its non-blank cells (``填报单位：县林业局``,
    #: ``填报单位：`` | ``县林业局``).
    titles: list[tuple[int, list[str]]] = field(default_factory=list)
    #: The year a title row names (鹿寨县2024年度…填报表): year, line, column.
    title_year: tuple[int, int, int] | None = None
    #: The notes of rows without a figure (see :attr:`Report.notes`).
    notes: dict[tuple[str, str | None], str] = field(default_factory=dict)
    #: Whether the rows hold no figure, ``—``/未开展 or note: lzip's form sent back unfilled.
    #: They are not read yet (see :meth:`read_unfilled`): beside forms with figures such a form
    #: is passed over (LZ256), alone it is read as any other, every indicator not reported.
    unfilled: bool = False
    #: The year that chooses among yearly value columns as the rows are read (``--year``, the
    #: name's), kept for :meth:`read_unfilled`.
    start_year: int | None = None
    #: Whether the header has an agency column; without one every row is a county-wide row,
    #: unless the form names its agency (see :func:`lzip_cli.report_set.read_reports`).
    agency_column: bool = True
    #: The agencies the agency column names in the rows read, those without a figure too.
    named_agencies: set[str] = field(default_factory=set)
    #: A workbook's sheet that was read and the year its name gives (``2023年``), if any.
    sheet: SheetRead | None = None
    #: The 1-based columns read as ``indicator``, ``agency``, ``value`` and ``count`` (see
    #: :attr:`lzip_cli.report.Report.columns`).
    columns: dict[str, int] = field(default_factory=dict)

    @property
    def header_row(self) -> int | None:
        """The row of the header, while the rows below it are not read."""
        return self.pending.header.row if self.pending is not None else None

    @property
    def name_year(self) -> int | None:
        """The year the name gives, if it gives exactly one."""
        return self.name_years[0] if len(self.name_years) == 1 else None

    def take_folder_years(self, years: list[int], folder: str) -> None:
        """Use the folder's years when the file's own name gives none."""
        if not self.name_years and years:
            self.name_years, self.name_folder = years, folder

    def own_year(self, option: int | None) -> int | None:
        """The year ``--year``, the name and the year column agree on; None if none says.

        ``--year`` wins over the name, with warning LZ245: it is how one judges a form saved
        under last year's name. A year column that disagrees with either is an error (LZ215).
        """
        name_year = self.name_year
        if self.pending is not None and (option is not None or name_year is not None):
            self.settle(option if option is not None else name_year)  # a folder's year
        year = _resolve_year(option, name_year, self.year_cells, self.file, self.year_column)
        # A value header (2024年完成值) or a title (鹿寨县2024年度…) naming a year gives it when
        # nothing above did; naming another is last year's form filled in again (LZ215).
        for named, key, param in (
            (self.header_year, "header_year_differs", "header"),
            (self.title_year, "title_year_differs", "title"),
        ):
            if named is None:
                continue
            if year is None:
                year = named[0]
            elif named[0] != year:
                said, line, column = named
                raise LzipError(
                    [
                        Problem(
                            "LZ215",
                            key,
                            file=self.file,
                            line=line,
                            column=column,
                            params={param: said, "year": year},
                        )
                    ]
                )
        if year is None and self.sheet is not None:  # 报表.xlsx whose sheet is named 2024年
            year = self.sheet[1]
        if year is not None:
            said_by = (
                "option" if option is not None else "name" if name_year is not None else "form"
            )
            self.check_sheet_year(year, said_by)
        if option is not None and name_year is not None and name_year != option:
            params = {"option": option, "name": name_year}
            where = self.name_folder or self.file
            self.warnings.append(
                Problem("LZ245", "year_option_over_name", file=where, params=params)
            )
        return year

    def check_sheet_year(self, year: int, said_by: str = "form") -> None:
        """LZ215 when the workbook's sheet read is named for another year than ``year``: last
        year's sheet left in front of this year's. ``said_by``: what gave ``year`` (``option``,
        ``name``, ``form``: its year cells, header or title, or another file of the report)."""
        if self.sheet is not None and self.sheet[1] is not None and self.sheet[1] != year:
            from lzip_cli.xlsx_reader import sheet_year_differs

            problem = sheet_year_differs(self.file, self.sheet[0], self.sheet[1], year, said_by)
            raise LzipError([problem])

    def start(self, year: int | None) -> None:
        """Read the rows in :attr:`pending`, from the columns of ``year`` where the header has a
        value column per year; without ``year`` the first year cell's, else they wait for the
        report's year (:meth:`settle`)."""
        body = self.pending
        if body is None:
            return
        header = body.header
        if header.by_year:
            if year is None and "value" not in header.by_year:  # 2024年完成值 beside 2023年笔数
                year = header.value_year[0] if header.value_year else None
            if year is None:
                year = body.first_year_cell()
            if year is None:  # the year, and with it the column to read, is settled later
                body.held.extend(body.rows)  # read to the end: the file is closed, errors raised
                return
        self.settle(year)

    def read_unfilled(self) -> None:
        """Read an unfilled form's rows as any other form's (when no form has figures)."""
        if self.unfilled:
            self.unfilled = False
            self.start(self.start_year)

    def agencies_in_rows(self) -> set[str | None]:
        """The agencies an unfilled form's rows name (None: a county-wide row), as lzip's form
        names them in every row; empty when a row names one the plan does not know, or the form
        has no agency column."""
        body = self.pending
        if body is None or "agency" not in body.header.columns:
            return set()
        indicator, agency = body.header.columns["indicator"], body.header.columns["agency"]
        found: set[str | None] = set()
        for _, cells in body.held:
            if (
                indicator >= len(cells)
                or body.plan.find_indicator(cells[indicator].strip()) is None
            ):
                continue  # a footer, a title, a units row
            text = cells[agency].strip() if agency < len(cells) else ""
            if not text or names_the_county(text):
                found.add(None)
            elif (named := body.plan.find_agency(text)) is not None:
                found.add(named.id)
            else:
                return set()
        return found

    def settle(self, year: int | None, year_from: str | None = None) -> None:
        """Read the rows left in :attr:`pending`, from the columns of ``year`` where the header
        has one per year; raise :class:`LzipError` with the rows' problems. ``year_from``: the
        other report file that gave ``year``, named when no column is for it."""
        body, self.pending = self.pending, None
        if body is not None:
            self.rows, self.year_cells, self.header_year = body.read(year, year_from)
            self.notes = body.notes
            self.columns = body.columns
            self.named_agencies = body.named_agencies

    def year_unknown(self) -> Problem:
        """LZ214 for this file, saying which years its name holds if it holds several, or which
        years the headers of its value columns name."""
        if len(self.name_years) > 1:
            years = ", ".join(map(str, self.name_years))
            params = {"years": years, "name": self.name_folder or os.path.basename(self.file)}
            return Problem("LZ214", "year_name_ambiguous", file=self.file, params=params)
        if self.pending is not None:
            return self.pending.year_unknown()
        name = os.path.basename(self.file)
        dates = dates_in_text(name)
        if dates and not self.name_years:  # 2024年12月报表.csv: a month, said as one
            params = {"name": name, "dates": ", ".join(dates)}
            return Problem("LZ214", "year_name_date", file=self.file, params=params)
        return Problem("LZ214", "year_unknown", file=self.file)


def years_in_name(path: Path) -> list[int]:
    """The years the file's name gives for the report, oldest first: one, or none, or several.

    ``鹿寨县2024年报.xlsx`` gives 2024. A year written with 年 wins over bare ones, and dates are
    passed over: ``2024年报表_2025.01.10.xlsx`` and ``2024报表(2025年1月10日).csv`` give 2024,
    ``导出2025-01-10.csv`` none, ``2023-2024.csv`` both.
    """
    return years_in_text(path.name)


def years_in_text(text: str) -> list[int]:
    """The years a name (a file's, a sheet's: ``2024年度``) gives, as :func:`years_in_name`."""
    name = unicodedata.normalize("NFKC", text)  # ２０２４年 is 2024年
    worded = {int(year) for year in _YEAR_WORD_IN_NAME.findall(name)}
    for first, last in _SPAN_IN_NAME.findall(name):  # 2023-2024年度 names both
        worded |= {int(first), int(last)}
    if worded:
        return sorted(worded)
    return sorted({int(year) for year in _YEAR_IN_NAME.findall(_DATE_IN_NAME.sub(" ", name))})


def dates_in_text(text: str) -> list[str]:
    """The dates (a day or a month) :func:`years_in_text` passes over in a name."""
    name = unicodedata.normalize("NFKC", text)
    return [found.group() for found in _DATE_IN_NAME.finditer(name)]


def year_in_titles(titles: list[tuple[int, list[str]]]) -> tuple[int, int, int] | None:
    """The year the title rows name for the report (鹿寨县2024年度知识产权指标完成情况表): the
    year, its row and its column; None when they name none, or several.

    As in a file's name, only a year written with 年 counts, and neither a span of years (the
    plan's 2022-2025年) nor a date (填报日期：2025年1月10日) does.
    """
    found: dict[int, tuple[int, int]] = {}
    for row, cells in titles:
        for index, cell in enumerate(cells):
            text = unicodedata.normalize("NFKC", cell)
            text = _DATE_IN_NAME.sub(" ", _SPAN_IN_NAME.sub(" ", text))
            for year in _YEAR_WORD_IN_NAME.findall(text):
                found.setdefault(int(year), (row, index + 1))
    if len(found) != 1:
        return None
    [(year, (row, column))] = found.items()
    return year, row, column


def read_report(path: Path, plan: Plan, year: int | None = None) -> Report:
    """Read and check a report; raise :class:`LzipError` with every problem found."""
    part = read_part(path, plan, year)
    if part.blank is not None:
        raise LzipError([part.blank])
    part.read_unfilled()  # on its own, an unfilled form is read: nothing is reported
    resolved = part.own_year(year)
    if resolved is None:
        raise LzipError([part.year_unknown()])
    return Report(
        part.file, resolved, part.rows, part.warnings, part.notes, {part.file: part.columns}
    )


def read_part(
    path: Path, plan: Plan, year: int | None = None, *, folder_year: int | None = None
) -> ReportPart:
    """Read and check one report file, leaving its year to the caller.

    ``year`` (``--year``), else the year the file's name gives, else ``folder_year`` (the
    year its folder is named for), chooses a workbook's sheet named for that year and among
    value columns that each name a year as the rows are read (see :func:`parse_part`).

    A file without any figure row (empty, or a header only) is returned with ``blank`` set
    rather than refused: whether that is an error depends on the files read with it.
    """
    name = display_path(path)
    kind = sniff(path, name)
    if kind == "empty":
        blank = Problem("LZ201", "report_empty", file=name)
        return ReportPart(name, [], [], years_in_name(path), {}, blank=blank)
    warnings: list[Problem] = []
    delimiters: list[str] = []  # a CSV's, once read: with a comma, 1,652 may split (LZ258)
    sheet: list[SheetRead] = []  # a workbook's sheet read, and its name's year
    suffix = path.suffix.lower()
    name_years = years_in_name(path)
    year_from_name = year is None  # not --year: the file's or its folder's name, if either
    if year is None and len(name_years) == 1:
        year = name_years[0]
    if year is None and not name_years:
        year = folder_year
    if kind == "xlsx":
        if suffix not in (".xlsx", ".xlsm"):
            warnings.append(Problem("LZ220", "report_is_xlsx", file=name))
        from lzip_cli.xlsx_reader import iter_xlsx_rows

        # The year known before reading chooses the sheet named for it, if one is.
        rows = iter_xlsx_rows(path, name, warnings, year, sheet, year_from_name=year_from_name)
        first = next(rows, None)  # opens the workbook and chooses its sheet
        if sheet:
            name = sheet[0].file  # problems at its cells name the sheet, if there are several
        rows = itertools.chain([first] if first is not None else [], rows)
    else:
        if suffix in (".xlsx", ".xlsm", ".xls", ".et"):  # Excel and WPS names, text inside
            warnings.append(Problem("LZ221", "report_is_csv", file=name))
        rows = iter_csv_rows(path, name, delimiters)
    from lzip_cli.progress import track

    part = parse_part(
        track(rows, name),  # a bar on a terminal when reading takes over a second
        plan,
        name,
        name_years=name_years,
        warnings=warnings,
        delimiters=delimiters,
        year=year,
        sheet=sheet[0] if sheet else None,
    )
    part.sheet = sheet[0] if sheet else None
    said = _year_said(part)
    # (A sheet read that gives another year than the report's is LZ215, said when the year is
    # settled: the other sheets are not this sheet's year's forms to look for.)
    if part.sheet is not None and part.sheet.unread and (year is None or said in (None, year)):
        _refuse_other_forms(path, plan, year if year is not None else said, part.sheet)
    return part


def _year_said(part: ReportPart) -> int | None:
    """The year a sheet's title, value header (2024年完成值) or first year cell gives, before
    the report's year is settled."""
    if part.title_year is not None:
        return part.title_year[0]
    header = part.pending.header if part.pending is not None else None
    if header is not None and header.value_year and not header.by_year:
        return header.value_year[0]
    if part.header_year is not None:
        return part.header_year[0]
    return next(iter(part.year_cells), None)


def _refuse_other_forms(path: Path, plan: Plan, year: int | None, read: SheetRead) -> None:
    """LZ275 when other sheets of the workbook hold figures too (one form per agency, a copy of
    the sheet, a revision): one sheet is read, and the figures of the others would be lost in
    silence, each agency there counted as not reported. Sheets without a form (notes, contacts,
    lists), unfilled forms and forms of another year (by their title, value header or year
    cells) are passed over, as before (LZ232)."""
    from lzip_cli.xlsx_reader import iter_xlsx_rows, open_workbook

    name = display_path(path)
    holding: list[str] = []
    with open_workbook(path, name) as opened:
        for title in read.unread:
            rows = iter_xlsx_rows(path, name, [], year, title=title, opened=opened)
            try:
                if _holds_figures(rows, plan, name, year):
                    holding.append(title)
            except LzipError:
                continue  # a sheet lzip cannot read as a form (merged cells, a damaged cell)
            finally:
                rows.close()  # the sheet, when the form's rows were not all read
    if holding:
        from lzip_cli.xlsx_reader import sheet_titles

        params = {"sheet": read.title, "count": len(holding), "others": sheet_titles(holding)}
        problem = Problem("LZ275", "xlsx_other_sheets_hold_figures", file=name, params=params)
        raise LzipError([problem])


def _holds_figures(
    rows: Iterable[tuple[int, list[str]]], plan: Plan, name: str, year: int | None
) -> bool:
    """Whether ``rows`` are a form with a figure filled in, of ``year`` as far as its title,
    value header and year cells say (any year when ``year`` is None). Its rows' own problems
    are not looked for: a figure beside a mistake is a figure too."""
    titles: list[tuple[int, list[str]]] = []
    try:
        header, numbered = read_header(past_title_rows(rows, titles), name, [])
    except LzipError:
        return False  # no header of a form: notes, a list, a table of something else
    body = _Body(numbered, plan, name, header, [])
    if not body.has_rows() or not body.has_figures():
        return False
    if year is None:
        return True
    title_year, value_year = year_in_titles(titles), header.value_year
    said = (
        title_year[0] if title_year else None,
        value_year[0] if value_year and not header.by_year else None,
        body.first_year_cell(),
    )
    return all(other in (None, year) for other in said)


def parse_part(
    rows: Iterable[tuple[int, list[str]]],
    plan: Plan,
    name: str,
    *,
    name_years: list[int] | None = None,
    warnings: list[Problem] | None = None,
    year: int | None = None,
    delimiters: list[str] | None = None,
    sheet: SheetRead | None = None,
) -> ReportPart:
    """Check header and rows from any tabular source, leaving the year to the caller.

    ``delimiters`` gets a CSV's delimiter as its rows are read: with a comma, an unquoted
    thousands separator (``1,234``) splits a number over two cells. ``sheet``: a workbook's
    sheet read, whose hidden rows and columns are said when figures are read from them (LZ273).

    ``year`` is the report's year when it is known before the rows are read (``--year``, the
    file's name): it chooses among value columns that each name a year. Without it, the first
    year cell chooses; failing that the rows wait, unread, in :attr:`ReportPart.pending` until
    the year is settled (another file's, in a report of several files).
    """
    warnings = [] if warnings is None else warnings
    titles: list[tuple[int, list[str]]] = []
    numbered = past_title_rows(rows, titles)
    try:
        header, numbered = read_header(numbered, name, warnings)
    except LzipError as exc:
        if [problem.code for problem in exc.problems] != ["LZ201"]:
            raise
        blank = exc.problems[0]  # blank rows at most: empty
        return ReportPart(name, [], warnings, name_years or [], {}, blank=blank, titles=titles)
    body = _Body(numbered, plan, name, header, warnings, delimiters=delimiters, sheet=sheet)
    if not body.has_rows():
        blank = Problem("LZ250", "report_no_rows", file=name, line=header.row)
        return ReportPart(name, [], warnings, name_years or [], {}, blank=blank, titles=titles)
    year_column = header.columns.get("year")
    part = ReportPart(
        name,
        [],
        warnings,
        name_years or [],
        {},
        year_column + 1 if year_column is not None else None,
        pending=body,
        titles=titles,
        title_year=year_in_titles(titles),
        agency_column="agency" in header.columns,
    )
    if not body.has_figures():  # read later, or passed over: see ReportPart.unfilled
        part.unfilled, part.start_year = True, year
        return part
    part.start(year)
    return part


class _Body:
    """The rows below a report's header, read once the columns to read are settled.

    Rows looked at before then (for a year cell) are held and read first.
    """

    def __init__(
        self,
        rows: Iterator[tuple[int, list[str]]],
        plan: Plan,
        name: str,
        header: Header,
        warnings: list[Problem],
        *,
        delimiters: list[str] | None = None,
        sheet: SheetRead | None = None,
    ) -> None:
        self.rows = rows
        self.sheet = sheet
        #: The agencies the agency cells of the rows read name, figures or not (not None).
        self.named_agencies: set[str] = set()
        self.delimiters = delimiters or []  # filled in as the rows are read
        self.held: list[tuple[int, list[str]]] = []
        self.plan = plan
        self.name = name
        self.header = header
        self.warnings = warnings
        self.notes: dict[tuple[str, str | None], str] = {}  # of rows without a figure
        self.columns: dict[str, int] = {}  # 1-based, by role: set as the rows are read

    def _look_ahead(self) -> Iterator[tuple[int, list[str]]]:
        """The rows, those held first; each row looked at is held, to be read later."""
        yield from list(self.held)
        for numbered in self.rows:
            self.held.append(numbered)
            yield numbered

    def has_rows(self) -> bool:
        """Whether any row below the header may hold a figure: not blank, not a footer (注：…,
        填表人：…), not a totals row (合计)."""
        return any(
            "".join(cells).strip() and not is_footer_text("", cells) and not is_total_row(cells)
            for _, cells in self._look_ahead()
        )

    def has_figures(self) -> bool:
        """Whether any row holds something filled in: a figure, ``—``/未开展 or a note (in any
        year's column), or a cell past the header. A form sent back unfilled holds only what lzip
        printed in it: indicators, agencies, the year, names and units."""
        header = self.header
        filled = [
            header.columns[name] for name in ("value", "count", "note") if name in header.columns
        ]
        filled += [index for years in header.by_year.values() for index in years.values()]
        width, indicator = len(header.cells), header.columns["indicator"]
        for _, cells in self._look_ahead():
            if not any(cells[i].strip() for i in filled if i < len(cells)) and not any(
                cell.strip() for cell in cells[width:]
            ):
                continue
            if indicator < len(cells) and self.plan.find_indicator(cells[indicator].strip()):
                return True
            if not (
                is_footer_text("", cells) or is_total_row(cells) or is_units_row(cells, self.plan)
            ):
                return True  # a figure without an indicator: an error when the row is read
        return False

    def first_year_cell(self) -> int | None:
        """The year in the first row of an indicator with a year cell; None if no row has one."""
        columns = self.header.columns
        year_index, indicator_index = columns.get("year"), columns["indicator"]
        if year_index is None:
            return None
        for numbered in self._look_ahead():
            cells = numbered[1]
            if max(year_index, indicator_index) >= len(cells):
                continue
            indicator = cells[indicator_index].strip()
            if not indicator or self.plan.find_indicator(indicator) is None:
                continue  # a total or footer row: its year cell is not read either
            try:
                year = parse_year(cells[year_index])
            except CellError:
                continue  # reported when the row is read
            if year is not None:
                return year
        return None

    def year_unknown(self) -> Problem:
        """LZ214 for a report whose yearly columns' headers are all that name a year."""
        by_year = self.header.by_year
        years = by_year.get("value") or by_year["count"]
        return Problem(
            "LZ214",
            "year_unknown_header_years",
            file=self.name,
            line=self.header.line(min(years.values())),
            column=min(years.values()) + 1,
            params={**self.header.listing(years), "last": max(years)},
        )

    def _choose(self, year: int, year_from: str | None = None) -> dict[str, int]:
        """The columns to read for ``year``: of each field's yearly columns, the one naming it;
        the others are passed over with warning LZ255. LZ215 when none names ``year``, naming
        ``year_from``, the other report file that gave it, if one did."""
        header = self.header
        columns = dict(header.columns)
        problems: list[Problem] = []
        passed: list[Problem] = []
        for field_name, years in header.by_year.items():
            index = years.get(year)
            if index is None:
                params = {**header.listing(years), "year": year, "file_a": year_from}
                problems.append(
                    Problem(
                        "LZ215",
                        "header_years_differ_between_files" if year_from else "header_years_differ",
                        file=self.name,
                        line=header.line(min(years.values())),
                        column=min(years.values()) + 1,
                        params=params,
                    )
                )
                continue
            columns[field_name] = index
            for other_year, other in years.items():
                if other == index:
                    continue
                params = {
                    "header": header.cells[other].strip(),
                    "year": other_year,
                    "report_year": year,
                    "read": index + 1,
                    "read_header": header.cells[index].strip(),
                }
                passed.append(
                    Problem(
                        "LZ255",
                        "year_column_passed_over",
                        file=self.name,
                        line=header.line(other),
                        column=other + 1,
                        params=params,
                    )
                )
        if problems:
            raise LzipError(problems)
        self.warnings.extend(sorted(passed, key=Problem.sort_key))
        return columns

    def _split_number(
        self, cells: list[str], columns: dict[str, int], row: int, log: ProblemLog
    ) -> bool:
        """Whether the row holds a number an unquoted thousands separator split (LZ258: the row
        is not read on); where the pieces could be an amount and its count, warning LZ259.

        A piece that lands in a column of its own (another year's value, a count) is that
        column's figure, unless the row is wider than the header: then every value column is
        looked at, the one passed over too (``1,409`` in 2023年完成值).
        """
        header = self.header
        width = len(header.cells)
        # Wider than the header: a piece in a cell past it, or only empty cells past it (the
        # form's empty 备注 pushed out) while the header's last column got a figure (1,200 typed
        # into the form: 200 as the count and the count as the note). A trailing comma alone
        # beside a note in words is not a split.
        ragged = len(cells) > width and (
            any(c.strip() for c in cells[width:]) or cells[width - 1].strip()[:1].isdigit()
        )
        value_column = columns["value"]
        after = cells[value_column + 1] if value_column + 1 < len(cells) else ""
        if not ragged and not after[:3].isdigit():
            return False  # nearly every row: nothing that could be a number's next group
        index = columns["indicator"]
        indicator = self.plan.find_indicator(cells[index].strip()) if index < len(cells) else None
        if indicator is None:
            return False  # a totals row, a footer, an unknown indicator: said as such
        candidates = [value_column]
        if ragged:
            candidates += sorted(set(header.by_year.get("value", {}).values()) - {value_column})
        units = tuple(u for u in (indicator.unit, indicator.count_unit) if u)
        for column in candidates:
            split = thousands_split(cells, column, units)
            if split is None:
                continue  # most rows that get here: a count beside an amount without a comma
            texts = (columns.get("note"), columns.get("name"))
            figures = {i for i in columns.values() if i not in texts}
            figures |= {i for years in header.by_year.values() for i in years.values()}
            if not indicator.compound:  # 4.3 takes no count: 652 in 笔数 is 1,652's piece
                figures.discard(columns.get("count"))
            pieces = range(column + 1, column + 2 + split["rest"].count(","))
            # 0,700 is no thousands grouping: a decimal comma (0.7), if one number at all and
            # the indicator's unit takes fractions (0.700 起 would be LZ228).
            zero = split["value"].lstrip("+-") == "0"
            decimal = zero and len(pieces) == 1 and indicator.unit not in WHOLE_UNITS
            if decimal:
                split = {**split, "decimal": split["number"].replace(",", ".")}
            if not ragged and all(piece in figures for piece in pieces):
                if column + 1 == columns.get("count") and indicator.compound and len(pieces) == 1:
                    # 1 and 234 as amount and count may be what was meant: say so, read on.
                    params = {
                        **split,
                        "unit": indicator.units(),
                        "count_unit": indicator.count_units(),
                    }
                    self.warnings.append(
                        Problem(
                            "LZ259",
                            "decimal_comma_split_count" if decimal else "thousands_split_count",
                            file=self.name,
                            line=row,
                            column=column + 1,
                            params=params,
                        )
                    )
                continue  # the next cell is a figure of its own column
            log.add(
                Problem(
                    "LZ258",
                    "decimal_comma_split"
                    if decimal
                    else "comma_split"
                    if zero
                    else "thousands_split",
                    file=self.name,
                    line=row,
                    column=column + 1,
                    params=split,
                )
            )
            return True
        return False

    def _unnamed_columns(self) -> list[int]:
        """The columns whose header lzip does not know (ignored with warning LZ222)."""
        return [
            index
            for index, cell in enumerate(self.header.cells)
            if fold(cell) and header_field(cell) is None
        ]

    def _warn_headless(self, cells: list[str], headless: list[int], row: int) -> list[int]:
        """LZ267 at the first filled cell of each column without a header, in a row of an
        indicator; the columns not yet warned of."""
        left = []
        for index in headless:
            text = cells[index].strip()
            if not text or not fold(text):
                left.append(index)
                continue
            self.warnings.append(
                Problem(
                    "LZ267",
                    "headless_column",
                    file=self.name,
                    line=row,
                    column=index + 1,
                    params={"text": text if len(text) <= 40 else text[:40] + "…"},
                )
            )
        return left

    def _agency_in(self, cells: list[str], unnamed: list[int], row: int) -> Problem | None:
        """LZ260 when a row of an indicator names an agency of the plan in one of the columns
        ``unnamed`` (a header such as 责任科室 that lzip does not know), else None."""
        indicator = cells[self.header.columns["indicator"]].strip()
        if not indicator or self.plan.find_indicator(indicator) is None:
            return None  # a title, a footer (制表单位：… 县知识产权局), a totals row
        for index in unnamed:
            text = cells[index].strip()
            if text and self.plan.find_agency(text) is not None:
                return Problem(
                    "LZ260",
                    "agency_column_unnamed",
                    file=self.name,
                    line=row,
                    column=index + 1,
                    params={"header": self.header.cells[index].strip(), "text": text},
                )
        return None

    def _warn_hidden_columns(self, columns: dict[str, int], hidden: frozenset[int]) -> None:
        """LZ273 at the first column read that is hidden in the sheet: its figures, or the
        indicators and agencies they are for, are read where nobody sees them."""
        read = sorted({index for role, index in columns.items() if role in _LOCATED})
        unseen = [index for index in read if index + 1 in hidden]
        if not unseen:
            return
        from lzip_cli.render.problems import column_letters

        named = [f"{column_letters(i + 1)} ({self.header.cells[i].strip()})" for i in unseen]
        self.warnings.append(
            Problem(
                "LZ273",
                "xlsx_hidden_columns",
                file=self.name,
                line=self.header.row,
                column=unseen[0] + 1,
                params={
                    "count": len(unseen),
                    "columns": Bilingual("、".join(named), ", ".join(named)),
                },
            )
        )

    def _header_unit_scaled(
        self,
        row: ReportRow,
        unit: str,
        verdicts: dict[str, bool],
        column: int,
        log: ProblemLog,
        units_row: int | None,
    ) -> bool:
        """Whether ``row``'s amount is in another scale of money than its indicator's, as the
        value column's header (数值（元）) or the units row under it (``units_row``: ,,元,笔)
        says where the plan counts 万元: said as LZ271."""
        if row.value is None or isinstance(row.value, NotCarriedOut):
            return False
        indicator = self.plan.indicator(row.indicator_id)
        if (scaled := verdicts.get(indicator.id)) is None:
            scaled = verdicts[indicator.id] = unit_mismatch(unit, indicator) == "scale"
        if scaled:
            log.add(
                Problem(
                    "LZ271",
                    "header_unit_scale" if units_row is None else "units_row_scale",
                    file=self.name,
                    line=row.row,
                    column=column + 1,
                    params={
                        "text": unit,
                        "header": self.header.cells[column].strip(),
                        "row": units_row,
                        "indicator": indicator.id,
                        "amount": indicator.units(),
                    },
                )
            )
        return scaled

    def read(
        self, year: int | None, year_from: str | None = None
    ) -> tuple[list[ReportRow], dict[int, int], tuple[int, int, int] | None]:
        """The rows, the years in the year column (year → first row) and the year the value
        column's header names, reading the columns of ``year`` where the header has several
        (``year_from``: the other report file that gave it, if one did)."""
        header, plan, name, warnings = self.header, self.plan, self.name, self.warnings
        columns = header.columns
        value_year = header.value_year
        if header.by_year:
            assert year is not None, "a header with yearly columns is read for a year"
            columns = self._choose(year, year_from)
            if "value" in header.by_year:
                value_year = (year, header.line(columns["value"]), columns["value"] + 1)
        self.columns = {role: columns[role] + 1 for role in _LOCATED if role in columns}
        hidden_rows = self.sheet.hidden_rows if self.sheet is not None else frozenset()
        if self.sheet is not None and self.sheet.hidden_columns:
            self._warn_hidden_columns(columns, self.sheet.hidden_columns)
        hidden_read: list[int] = []  # hidden rows whose figures are read
        rows = itertools.chain(self.held, self.rows)
        self.held = []
        log = ProblemLog()
        width = len(header.cells)
        parsed: list[ReportRow] = []
        # The first row of each indicator's agencies (None: the county row), by indicator: one
        # small dict an indicator holds less than a (indicator, agency) tuple a row.
        # With a year column, by agency and year: see _same_year_row.
        first_row: dict[str, dict[_RowKey, int]] = {}
        year_read = "year" in columns
        seen = TextsSeen()
        year_cells: dict[int, int] = {}
        data_rows = 0
        # A row's cells of FIELDS in one call; a missing column reads the blank at ``width``.
        fields = operator.itemgetter(*(columns.get(f, width) for f in FIELDS))
        blanks = [""] * (width + 1)
        # (The CSV's delimiter is known once its header is read.) Only a row whose cell after
        # the value's starts with three digits, or a row too wide, may hold a split number.
        comma = "," in self.delimiters
        after_value = columns["value"] + 1
        # Without an agency column every row is a county-wide row: agencies named under a
        # header lzip does not know must stop the reading, not be summed as the county's.
        unnamed = self._unnamed_columns() if "agency" not in columns else []
        misread = False  # an unknown column names agencies: the rows below are not read
        # Columns with no header, whose cells are not read: Excel pads the header line with
        # commas when a figure was typed past it (指标,责任单位,数值, over 4.3,,,1652).
        headless = [i for i, cell in enumerate(header.cells) if not fold(cell)]
        # 数值（元）: the unit a header gives the value column, against each money indicator's.
        header_unit = _bracketed_unit(header.cells[columns["value"]])
        header_unit_scaled: dict[str, bool] = {}
        units_row: int | None = None  # the units row that gave header_unit, if one did
        for row_number, cells in rows:
            if not "".join(cells).strip():  # every cell blank (one string, not a generator)
                continue
            data_rows += 1
            if (
                comma
                and (
                    len(cells) > width
                    or (after_value < len(cells) and cells[after_value][:3].isdigit())
                )
                and self._split_number(cells, columns, row_number, log)
            ):
                continue
            if (
                len(cells) > width
                and any(c.strip() for c in cells[width:])
                and not (is_footer_text("", cells) or is_total_row(cells))  # read past below
            ):
                log.add(
                    Problem(
                        "LZ209",
                        "ragged_row",
                        file=name,
                        line=row_number,
                        column=width + 1,
                        params={"cells": len(cells), "expected": width},
                    )
                )
                continue
            if len(cells) <= width:
                cells = cells + blanks[len(cells) :]
            # (Past ``width`` a row holds only blank cells, or it was refused as ragged above.)
            if misread:
                continue
            if unnamed and (agencies := self._agency_in(cells, unnamed, row_number)) is not None:
                log.add(agencies)
                misread = True
                continue
            texts = fields(cells)
            parsed_row = parse_row(
                cells,
                texts,
                columns,
                row_number,
                plan,
                name,
                log,
                year_cells,
                warnings,
                seen,
            )
            if parsed_row is None:
                # ,,元,笔 under the header: its unit stands for the value column below it.
                if is_units_row(cells, plan) and (unit := units_row_unit(cells, columns["value"])):
                    header_unit, header_unit_scaled, units_row = unit, {}, row_number
                continue
            if header_unit and self._header_unit_scaled(
                parsed_row, header_unit, header_unit_scaled, columns["value"], log, units_row
            ):
                continue
            if headless:
                headless = self._warn_headless(cells, headless, row_number)
            if parsed_row.value is None and parsed_row.count is None:
                # A row left blank is the same as no row ("not reported"); its note, if any,
                # says why, and is kept for the output.
                if parsed_row.note:
                    key = (parsed_row.indicator_id, parsed_row.agency_id)
                    self.notes.setdefault(key, parsed_row.note)
                continue
            indicator_id, agency_id = parsed_row.indicator_id, parsed_row.agency_id
            if (agencies := first_row.get(indicator_id)) is None:
                agencies = first_row[indicator_id] = {}
            if year_read:
                # Last year's row and this year's (2023 and 2024 in the year column) are not one
                # figure given twice: LZ213 says what is wrong with them. (The cell parsed.)
                dated = (agency_id, parse_year(texts[_YEAR_FIELD]))
                key: _RowKey = dated
                first = _same_year_row(agencies, dated)
            else:
                key, first = agency_id, agencies.get(agency_id)
            if first is not None:
                log.add(
                    Problem(
                        "LZ210",
                        "duplicate_row" if agency_id else "duplicate_county_row",
                        file=name,
                        line=row_number,
                        column=self.columns.get("agency") or self.columns["indicator"],
                        params={
                            "first": first,
                            "indicator": indicator_id,
                            "agency": plan.agency(agency_id).names() if agency_id else "—",
                        },
                    )
                )
                continue
            agencies[key] = row_number
            parsed.append(parsed_row)
            if row_number in hidden_rows:
                hidden_read.append(row_number)
        if hidden_read:
            warnings.append(_hidden_rows(hidden_read, name, self.columns["value"]))
        if not data_rows:
            log.add(Problem("LZ250", "report_no_rows", file=name, line=header.row))
        self.named_agencies = {agency.id for _, agency in seen.agencies.values() if agency}
        if log and len(year_cells) > 1:  # said with the rows' problems, not once they are fixed
            year_column = columns.get("year")
            try:
                _resolve_year(
                    None, None, year_cells, name, None if year_column is None else year_column + 1
                )
            except LzipError as exc:
                log.extend(exc.problems)
        log.raise_if_any()
        return parsed, year_cells, value_year


#: The hidden rows LZ273 names; it counts the rest.
HIDDEN_ROWS_NAMED = 10


def _hidden_rows(rows: list[int], name: str, value_column: int) -> Problem:
    """LZ273 at the figure of the first hidden row read, naming the first ten such rows."""
    named = [str(row) for row in rows[:HIDDEN_ROWS_NAMED]]
    more = "…" if len(rows) > HIDDEN_ROWS_NAMED else ""
    return Problem(
        "LZ273",
        "xlsx_hidden_rows",
        file=name,
        line=rows[0],
        column=value_column,
        params={
            "count": len(rows),
            "rows": Bilingual("、".join(named) + more, ", ".join(named) + more),
        },
    )


#: Where the year cell is among a row's :data:`~lzip_cli.report_row.FIELDS`.
_YEAR_FIELD = FIELDS.index("year")

#: A row's key among its indicator's rows: its agency (None: the county row), and where the
#: report has a year column, ``(agency, year)``.
_RowKey = str | None | tuple[str | None, int | None]


def _same_year_row(rows: dict[_RowKey, int], key: tuple[str | None, int | None]) -> int | None:
    """The row that gave the same indicator and agency before, of the same year. A blank year
    cell stands for the report's year, which may be any of them: it matches a row of any year."""
    agency, year = key
    if year is None:
        return next(
            (row for other, row in rows.items() if isinstance(other, tuple) and other[0] == agency),
            None,
        )
    found = rows.get(key)
    return found if found is not None else rows.get((agency, None))


#: The columns a report's rows are located by (see :attr:`ReportPart.columns`).
_LOCATED = ("indicator", "agency", "value", "count")

#: A unit in brackets at the end of a header cell: 数值（元）, 完成值(万元), 完成值【单位：亿元】.
_BRACKETED_UNIT = re.compile(r"[(（\[【]\s*(?:单位[:：]\s*)?([^)）\]】]+?)\s*[)）\]】]$")


def _bracketed_unit(cell: str) -> str:
    """The unit a header cell names in brackets at its end, or ""."""
    found = _BRACKETED_UNIT.search(cell.strip())
    return found[1] if found else ""


def _resolve_year(
    option: int | None,
    from_name: int | None,
    cells: dict[int, int],
    name: str,
    year_column: int | None = None,
) -> int | None:
    """The report's year, or None if nothing says; ``option`` wins over ``from_name``."""
    if len(cells) > 1:
        (year_a, row_a), (year_b, row_b) = sorted(cells.items(), key=lambda item: item[1])[:2]
        ordered = [year for year, _ in sorted(cells.items(), key=lambda item: item[1])]
        known = option if option is not None else from_name
        raise LzipError(
            [
                Problem(
                    "LZ213",
                    "year_cells_differ" if known is None else "year_cells_differ_known",
                    file=name,
                    line=row_b,
                    column=year_column,
                    params={
                        "a": year_a,
                        "b": year_b,
                        "row_a": row_a,
                        "years": Bilingual(
                            "、".join(map(str, ordered)), ", ".join(map(str, ordered))
                        ),
                        "year": known,
                    },
                )
            ]
        )
    from_cells = next(iter(cells), None)
    chosen = option if option is not None else from_name
    if from_cells is not None and chosen is not None and from_cells != chosen:
        given = {"option": option, "name": from_name, "column": from_cells}
        params = {source: "—" if year is None else str(year) for source, year in given.items()}
        # Only the sources that gave a year are named: "--year —" read as if it had been given.
        key = (
            "year_conflict"
            if option is not None and from_name is not None
            else ("year_conflict_option" if option is not None else "year_conflict_name")
        )
        # The column holds one year (else LZ213 above): located at its first cell.
        raise LzipError(
            [
                Problem(
                    "LZ215",
                    key,
                    file=name,
                    line=cells[from_cells],
                    column=year_column,
                    params=params,
                )
            ]
        )
    return chosen if chosen is not None else from_cells


__all__ = [
    "ReportPart",
    "parse_part",
    "read_part",
    "read_report",
    "years_in_name",
    "years_in_text",
]
