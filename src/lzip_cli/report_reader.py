"""Read a year's report (CSV or .xlsx) into checked rows, streaming, with located errors.

A report has a header row and one row per indicator and agency (blank agency: the county-wide
figure). Columns may come in any order with English or Chinese headers; see :data:`COLUMNS`.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import operator
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from lzip_cli.cells import (
    NOT_CARRIED_OUT,
    CellError,
    CellValue,
    NotCarriedOut,
    fold,
    parse_figure,
    parse_year,
)
from lzip_cli.errors import LzipError, Problem, ProblemLog, display_path, unreadable
from lzip_cli.messages import Bilingual
from lzip_cli.models import Indicator, Plan
from lzip_cli.numbers import WHOLE_UNITS

#: Canonical column → the header texts that mean it (compared after folding and casefolding).
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "指标", "指标编号", "指标序号"),
    # The indicator's name, printed beside its id on a form: read as the indicator only when no
    # column is the indicator itself (see _map_header).
    "name": ("name", "指标名称", "指标内容"),
    # 单位 alone is a unit of measure on some forms and the agency on others: see _map_header.
    "agency": (
        "agency",
        "责任单位",
        "填报单位",
        "责任部门",
        "牵头单位",
        "牵头部门",
        "报送单位",
        "单位名称",
        "部门",
    ),
    "value": (
        "value",
        "数值",
        "完成值",
        "实际值",
        "实际完成值",
        "本年完成值",
        "完成数",
        "完成数值",
    ),
    "count": ("count", "笔数", "件数", "笔数/件数"),
    "note": ("note", "备注", "说明"),
    "year": ("year", "年度", "年份"),
    # Shown in lzip's report form for the reader's benefit; read past without a warning.
    # (序号 is a running number, 1, 2, 3 …, not an indicator's id.)
    "info": ("unit", "计量单位", "单位", "序号", "no."),
}
REQUIRED = ("indicator", "value")

#: Fields that stand for a required one when it has no column of its own.
_STAND_INS = {"name": "indicator"}


def accepted_headers(field: str) -> list[str]:
    """The Chinese headers read as ``field``'s column, and those that stand in for it."""
    stand_ins = [name for name, stands_for in _STAND_INS.items() if stands_for == field]
    texts = [text for name in (field, *stand_ins) for text in COLUMNS[name]]
    return [text for text in texts if not text.isascii()]


_FIELDS = ("indicator", "agency", "value", "count", "note", "year", "name")
_HEADER_INDEX = {fold(text).casefold(): name for name, texts in COLUMNS.items() for text in texts}

#: The year a header names: 2023年完成值, 2024完成值, 完成值（2023年）, 数值(2024).
_HEADER_YEAR = re.compile(r"(?<![0-9])((?:19|20|21)[0-9]{2})(?![0-9])")
#: Fields a form may give once a year, side by side (2023年完成值, 2024年完成值; 2023年笔数 …).
_YEARLY = ("value", "count")
#: What a form adds around a header word: a unit in brackets, a year before it.
_HEADER_DECORATION = re.compile(r"^(?:19|20|21)[0-9]{2}(?:年度?)?|[(（\[【][^)）\]】]*[)）\]】]$")
#: A date that Excel made of an indicator id typed into a cell: 4.1 → 2024-04-01, 4月1日.
_DATE_FOR_ID = re.compile(
    r"(?:[0-9]{4}[-/])?(?P<month>[0-9]{1,2})[-/月](?P<day>[0-9]{1,2})日?(?:T00:00:00)?"
)
#: Rows above the header that a form may carry (a title, "填报单位：…"), read past unreported.
MAX_TITLE_ROWS = 5
#: A cell like a figure or an indicator id (``4.3``, ``1,700``, ``95%``): no title row has one.
_NUMBER_LIKE = re.compile(r"[-+]?[0-9][0-9,]*(\.[0-9]+)?%?")
#: What a form's footer rows begin with (no indicator's name does).
_FOOTER = re.compile(
    r"(?:(?:注|附|备注|说明|填表说明|填表人|填报人|经办人|填报日期|填表日期|报送日期|日期"
    r"|填报时间|制表时间|统计时间|审核人|审核|负责人|单位负责人|主要负责人"
    r"|联系人|联系电话|制表人|制表单位|制表)[:：0-9.、]|(?:填报)?(?:单位)?[(（]?盖章[)）]?[:：]?$)"
)
#: A totals row's label: 合计, 总计, 小计, 合  计 (spaced out as forms often are), Total.
_TOTAL = re.compile(r"(?:合计|总计|小计|汇总|全县合计|总数|total|sum)[:：]?", re.I)
#: The agency cell of a county row written out instead of left blank (brackets and colons
#: taken off first: （全县合计）, 全县合计：).
_COUNTY_AGENCY = re.compile(
    r"全县(?:合计|总计|汇总)?|合计|总计|小计|汇总|county(?:total)?|total", re.I
)
_COUNTY_DECORATION = re.compile(r"[\s()（）:：]")
SNIFF_BYTES = 1 << 20
#: The start of an HTML page or an XML spreadsheet, after a BOM and blank space.
_MARKUP = re.compile(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|table|\?xml|meta|head)", re.I)
MAX_LINE_CHARS = 1 << 20
MAX_FIELD_CHARS = 1 << 16
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
CELL_CODES = {
    "unknown_indicator": "LZ211",
    "indicator_is_a_date": "LZ211",
    "blank_indicator": "LZ216",
    "unknown_agency_cell": "LZ217",
    "unit_in_agency_column": "LZ217",
    "cell_not_a_number": "LZ218",
    "cell_negative": "LZ219",
    "cell_rate_above_100": "LZ223",
    "cell_too_large": "LZ224",
    "cell_count_whole": "LZ225",
    "count_not_compound": "LZ226",
    "cell_not_a_year": "LZ227",
    "cell_value_whole": "LZ228",
    "cell_formula": "LZ251",
    "indicator_name_mismatch": "LZ262",
}
_UNDECODABLE = re.compile("[\udc80-\udcff]")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


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
    titles: list[list[str]] = field(default_factory=list)
    #: The notes of rows without a figure (see :attr:`Report.notes`).
    notes: dict[tuple[str, str | None], str] = field(default_factory=dict)
    #: Whether the rows hold no figure, ``—``/未开展 or note: lzip's form sent back unfilled.
    #: They are not read yet (see :meth:`read_unfilled`): beside forms with figures such a form
    #: is passed over (LZ256), alone it is read as any other, every indicator not reported.
    unfilled: bool = False
    #: The year that chooses among yearly value columns as the rows are read (``--year``, the
    #: name's), kept for :meth:`read_unfilled`.
    start_year: int | None = None

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
        if year is None and self.header_year is not None:  # 报表.csv headed 2024年完成值
            year = self.header_year[0]
        if year is not None and self.header_year is not None and self.header_year[0] != year:
            # last year's form filled in again: its figures may be last year's
            header, line, column = self.header_year
            raise LzipError(
                [
                    Problem(
                        "LZ215",
                        "header_year_differs",
                        file=self.file,
                        line=line,
                        column=column,
                        params={"header": header, "year": year},
                    )
                ]
            )
        if option is not None and name_year is not None and name_year != option:
            params = {"option": option, "name": name_year}
            where = self.name_folder or self.file
            self.warnings.append(
                Problem("LZ245", "year_option_over_name", file=where, params=params)
            )
        return year

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
            if not text or _COUNTY_AGENCY.fullmatch(_COUNTY_DECORATION.sub("", fold(text))):
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

    def year_unknown(self) -> Problem:
        """LZ214 for this file, saying which years its name holds if it holds several, or which
        years the headers of its value columns name."""
        if len(self.name_years) > 1:
            years = ", ".join(map(str, self.name_years))
            params = {"years": years, "name": self.name_folder or os.path.basename(self.file)}
            return Problem("LZ214", "year_name_ambiguous", file=self.file, params=params)
        if self.pending is not None:
            return self.pending.year_unknown()
        return Problem("LZ214", "year_unknown", file=self.file)


def years_in_name(path: Path) -> list[int]:
    """The years the file's name gives for the report, oldest first: one, or none, or several.

    ``鹿寨县2024年报.xlsx`` gives 2024. A year written with 年 wins over bare ones, and dates are
    passed over: ``2024年报表_2025.01.10.xlsx`` and ``2024报表(2025年1月10日).csv`` give 2024,
    ``导出2025-01-10.csv`` none, ``2023-2024.csv`` both.
    """
    name = unicodedata.normalize("NFKC", path.name)  # ２０２４年 is 2024年
    worded = {int(year) for year in _YEAR_WORD_IN_NAME.findall(name)}
    for first, last in _SPAN_IN_NAME.findall(name):  # 2023-2024年度 names both
        worded |= {int(first), int(last)}
    if worded:
        return sorted(worded)
    return sorted({int(year) for year in _YEAR_IN_NAME.findall(_DATE_IN_NAME.sub(" ", name))})


def read_report(path: Path, plan: Plan, year: int | None = None) -> Report:
    """Read and check a report; raise :class:`LzipError` with every problem found."""
    part = read_part(path, plan, year)
    if part.blank is not None:
        raise LzipError([part.blank])
    part.read_unfilled()  # on its own, an unfilled form is read: nothing is reported
    resolved = part.own_year(year)
    if resolved is None:
        raise LzipError([part.year_unknown()])
    return Report(part.file, resolved, part.rows, part.warnings, part.notes)


def read_part(path: Path, plan: Plan, year: int | None = None) -> ReportPart:
    """Read and check one report file, leaving its year to the caller.

    ``year`` (``--year``), else the year the file's name gives, chooses among value columns
    that each name a year as the rows are read (see :func:`parse_part`).

    A file without any figure row (empty, or a header only) is returned with ``blank`` set
    rather than refused: whether that is an error depends on the files read with it.
    """
    name = display_path(path)
    kind = _sniff(path, name)
    if kind == "empty":
        blank = Problem("LZ201", "report_empty", file=name)
        return ReportPart(name, [], [], years_in_name(path), {}, blank=blank)
    warnings: list[Problem] = []
    delimiters: list[str] = []  # a CSV's, once read: with a comma, 1,652 may split (LZ258)
    suffix = path.suffix.lower()
    if kind == "xlsx":
        if suffix not in (".xlsx", ".xlsm"):
            warnings.append(Problem("LZ220", "report_is_xlsx", file=name))
        from lzip_cli.xlsx_reader import iter_xlsx_rows

        rows = iter_xlsx_rows(path, name, warnings)
    else:
        if suffix in (".xlsx", ".xlsm", ".xls", ".et"):  # Excel and WPS names, text inside
            warnings.append(Problem("LZ221", "report_is_csv", file=name))
        rows = _iter_csv_rows(path, name, delimiters)
    from lzip_cli.progress import track

    name_years = years_in_name(path)
    if year is None and len(name_years) == 1:
        year = name_years[0]
    return parse_part(
        track(rows, name),  # a bar on a terminal when reading takes over a second
        plan,
        name,
        name_years=name_years,
        warnings=warnings,
        delimiters=delimiters,
        year=year,
    )


def _sniff(path: Path, name: str) -> str:
    try:
        if path.is_dir():
            raise LzipError([Problem("LZ001", "file_is_directory", file=name)])
        with path.open("rb") as handle:
            head = handle.read(512)
    except FileNotFoundError:
        raise LzipError([Problem("LZ003", "file_missing", file=name)]) from None
    except OSError as exc:
        raise unreadable(name, exc) from None
    if not head:
        return "empty"
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        raise LzipError([Problem("LZ202", "report_is_xls", file=name)])
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise LzipError([Problem("LZ203", "report_utf16", file=name, line=1)])
    if _MARKUP.match(head):
        # A web system's "Excel" export (an HTML table named .xls), or Excel 2003 XML.
        raise LzipError([Problem("LZ202", "report_is_markup", file=name)])
    return "csv"


def _looks_utf16(sample: bytes) -> bool:
    """Text saved as UTF-16 without a BOM: NUL bytes, all at even or all at odd offsets."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) > 0 or max(even, odd) < 4:
        return False
    try:
        sample[: len(sample) // 2 * 2].decode("utf-16-le" if odd else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return True


def _detect_encoding(path: Path, name: str) -> str:
    """UTF-8 (with or without BOM) or GB18030 (a superset of GBK), judged on the first MiB."""
    with path.open("rb") as handle:
        sample = handle.read(SNIFF_BYTES)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    nul = sample.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(sample):
            raise LzipError([Problem("LZ203", "report_utf16", file=name, line=1)])
        line = sample.count(b"\n", 0, nul) + 1
        raise LzipError([Problem("LZ204", "nul_byte", file=name, line=line)])
    bad = 0
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError as exc:
            bad = max(bad, exc.start)  # the encoding that got furthest was most likely meant
            continue
        return encoding
    line = sample.count(b"\n", 0, bad) + 1
    raise LzipError(
        [
            Problem(
                "LZ203",
                "report_encoding_byte",
                file=name,
                line=line,
                params={"byte": f"{sample[bad]:02X}"},
            )
        ]
    )


def _bounded_lines(handle: TextIO, name: str) -> Iterator[str]:
    """Lines of ``handle``, refusing one longer than :data:`MAX_LINE_CHARS` without reading it all."""
    readline = handle.readline
    number = 0
    while True:
        line = readline(MAX_LINE_CHARS)
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith("\n"):
            raise LzipError([Problem("LZ205", "line_too_long", file=name, line=number)])
        if "\x00" in line:
            raise LzipError([Problem("LZ204", "nul_byte", file=name, line=number)])
        undecodable = _UNDECODABLE.search(line)
        if undecodable:  # decoded with surrogateescape: the byte and its line are known exactly
            raise LzipError(
                [
                    Problem(
                        "LZ203",
                        "report_encoding_byte",
                        file=name,
                        line=number,
                        params={"byte": f"{ord(undecodable.group()) - 0xDC00:02X}"},
                    )
                ]
            )
        yield line


#: Excel's first line naming a CSV's delimiter (``sep=;``): Excel reads it and shows no row for it.
_SEP_LINE = re.compile(r'sep=([^\w\s"]|\t)(?:\r\n|\r|\n)?')


def _delimiter(lines: Iterator[str]) -> tuple[list[str], str, int]:
    """The lines read to tell, the delimiter, and how many lines above the rows are no row.

    Excel's ``sep=;`` first line names the delimiter and is passed over. Else the first line
    that splits into a header lzip knows (指标, 数值, …) decides, by the first of these it holds:
    a comma; a tab (Excel's "text (tab delimited)") only when it holds no comma, so that a CSV
    cell with a tab in it changes nothing; a semicolon (a CSV saved where the list separator is
    ``;``) only when it holds neither. A title line above it may hold any of them, or none.
    With no such line among the first few, the first line holding one of them decides.
    """
    head: list[str] = []
    first: str | None = None
    for line in lines:
        if not head and (named := _SEP_LINE.fullmatch(line)) is not None:
            return [], named[1], 1
        head.append(line)
        delimiter = next((d for d in (",", "\t", ";") if d in line), None)
        if delimiter is not None:
            first = first or delimiter
            cells = (cell.strip().strip('"') for cell in line.split(delimiter))
            if any(_header_field(cell) is not None for cell in cells):
                return head, delimiter, 0
        if len(head) > MAX_TITLE_ROWS:
            break
    return head, first or ",", 0


def _iter_csv_rows(
    path: Path, name: str, delimiters: list[str] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """The file's rows, numbered; ``delimiters`` gets the delimiter once it is told."""
    encoding = _detect_encoding(path, name)
    csv.field_size_limit(MAX_FIELD_CHARS)
    with path.open("r", encoding=encoding, errors="surrogateescape", newline="") as handle:
        lines = _bounded_lines(handle, name)
        head, delimiter, skipped = _delimiter(lines)
        if delimiters is not None:
            delimiters.append(delimiter)
        reader = csv.reader(itertools.chain(head, lines), delimiter=delimiter, strict=True)
        # Rows are numbered as Excel shows them: a cell with a line break in it (Alt+Enter)
        # makes one row of two lines. Errors in the text itself (LZ203–LZ206) give its line.
        # A sep= line is no row: Excel reads it and shows none, so the rows are numbered from
        # the line below it; an error in the text itself still gives the file's line.
        row = 0
        while True:
            start = reader.line_num + 1 + skipped  # where the next record begins
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise LzipError(
                    [
                        Problem(
                            "LZ203",
                            "report_encoding",
                            file=name,
                            line=reader.line_num + 1 + skipped,
                        )
                    ]
                ) from None
            except csv.Error as exc:
                if str(exc).startswith("field larger than field limit"):
                    raise LzipError(
                        [
                            Problem(
                                "LZ206",
                                "cell_too_long",
                                file=name,
                                line=start,
                                params={"limit": MAX_FIELD_CHARS},
                            )
                        ]
                    ) from None
                if str(exc) == "unexpected end of data":
                    raise LzipError(
                        [Problem("LZ206", "csv_unclosed_quote", file=name, line=start)]
                    ) from None
                raise LzipError(
                    [
                        Problem(
                            "LZ206",
                            "csv_syntax",
                            file=name,
                            line=reader.line_num + skipped,
                            params={"reason": str(exc)},
                        )
                    ]
                ) from None
            row += 1
            yield row, cells


def _map_header(
    cells: list[str],
    row: int,
    name: str,
    log: ProblemLog,
    warnings: list[Problem],
    lines: list[int] | None = None,
) -> tuple[dict[str, int], dict[str, dict[int, int]]]:
    """The column of each field, and the fields read from one of several yearly columns.

    Several value (or count) columns that each name another year (2023年完成值, 2024年完成值:
    last year's form filled in again with a column added) are not a duplicate: which one is read
    waits for the report's year (:class:`_Body`). Any other column twice is LZ207.

    ``lines``: the row each cell was read from, for a header of two rows (see
    :func:`two_row_header`); else every cell is on ``row``.
    """
    found: dict[str, list[int]] = {}
    ignored = []
    for index, cell in enumerate(cells):
        if not fold(cell):
            continue
        canonical = _header_field(cell)
        if canonical is None:
            ignored.append(cell.strip())
        elif canonical != "info":
            found.setdefault(canonical, []).append(index)
    for stand_in, required in _STAND_INS.items():
        if stand_in not in found:
            continue
        if required not in found:  # 指标名称 alone: the indicator, by its name
            found[required] = found.pop(stand_in)
        else:  # beside 指标: only checked against it (LZ262), a second one read past
            found[stand_in] = found[stand_in][:1]
    columns: dict[str, int] = {}
    by_year: dict[str, dict[int, int]] = {}
    for canonical, indexes in found.items():
        columns[canonical] = indexes[0]
        if len(indexes) == 1:
            continue
        years = _header_years(cells, indexes) if canonical in _YEARLY else None
        if years is not None:
            by_year[canonical] = years
            continue
        for index in indexes[1:]:
            log.add(
                Problem(
                    "LZ207",
                    "duplicate_column",
                    file=name,
                    line=lines[index] if lines else row,
                    column=index + 1,
                    params={
                        "header": cells[index].strip(),
                        "first": indexes[0] + 1,
                        "column_name": canonical,
                    },
                )
            )
    if "agency" not in columns:
        # 单位 is a unit of measure beside 责任单位, but on many forms it is the agency itself:
        # read it as the agency then, so that names there are not summed as county figures
        # (a unit such as 件 in it is then refused as an unknown agency, not silently dropped).
        for index, cell in enumerate(cells):
            if fold(cell).casefold() == "单位":
                columns["agency"] = index
                break
    for required in REQUIRED:
        if required not in columns:
            log.add(
                Problem(
                    "LZ208",
                    "missing_column_among" if ignored else "missing_column",
                    file=name,
                    line=row,
                    params={
                        "column_name": required,
                        "headers": " / ".join(COLUMNS[required][:2]),
                        "found": "、".join(ignored),
                        "accepted": "、".join(accepted_headers(required)),
                    },
                )
            )
    if ignored:
        warnings.append(
            Problem(
                "LZ222",
                "ignored_columns",
                file=name,
                line=row,
                params={"headers": ", ".join(ignored)},
            )
        )
    return columns, by_year


def _header_field(cell: str) -> str | None:
    """The field a header cell names (``info`` for the form's own columns), or None."""
    text = fold(cell).casefold()
    if not text:
        return None
    canonical = _HEADER_INDEX.get(text)
    if canonical is None:  # 数值（件）, 2024年完成值: the header word with a unit or a year
        canonical = _HEADER_INDEX.get(_HEADER_DECORATION.sub("", text))
    return canonical


def _complete(fields: Iterable[str | None]) -> bool:
    """Whether header cells of these fields have every required column (指标名称 standing for
    the indicator when there is no indicator column)."""
    present = {_STAND_INS.get(field, field) for field in fields if field is not None}
    return all(required in present for required in REQUIRED)


def two_row_header(upper: list[str], lower: list[str]) -> tuple[list[str], list[bool]] | None:
    """The header that ``upper`` and the row below it make together, and for each of its cells
    whether it is the lower row's; None if they make none.

    WPS and Excel forms often head their figures with two rows: ``完成情况`` merged across two
    columns over ``数值`` and ``笔数``, ``指标`` and ``责任单位`` merged down over both rows (saved
    as CSV: the text in the first cell of a merge, the others blank). ``lower`` continues the
    header when each row holds a header word and no figure, ``upper`` lacks a required column,
    and the two rows together have every required column. Each column then takes the lower
    row's text where it is a header word, else the upper row's (else the lower's, unknown).
    """
    if any(_NUMBER_LIKE.fullmatch(fold(cell)) for cell in (*upper, *lower)):
        return None  # a row of figures taken for the header: no header of two rows
    upper_fields = {_header_field(cell) for cell in upper}
    if upper_fields == {None} or _complete(upper_fields):
        return None
    lower_fields = [_header_field(cell) for cell in lower]
    if not any(lower_fields):
        return None
    combined: list[str] = []
    from_lower: list[bool] = []
    year = None  # a year the upper row names over the columns below it (2024年完成情况, 2023年)
    for index in range(max(len(upper), len(lower))):
        above = upper[index] if index < len(upper) else ""
        below = lower[index] if index < len(lower) else ""
        known = index < len(lower) and lower_fields[index] is not None
        if above.strip():  # a merge across columns keeps its text in its first cell only
            found = _HEADER_YEAR.search(fold(above))
            year = found[1] if found else None
        if (
            year is not None
            and known
            and lower_fields[index] in _YEARLY
            and not _HEADER_YEAR.search(fold(below))
        ):
            below = f"{year}年{below.strip()}"  # 2024年 over 数值: 2024年数值
        from_lower.append(known or not above.strip())
        combined.append(below if from_lower[-1] else above)
    return (combined, from_lower) if _complete(map(_header_field, combined)) else None


#: A cell that is a year alone: 2023, 2023年, 2023年度.
_YEAR_CELL = re.compile(r"((?:19|20|21)[0-9]{2})(?:年度?)?")


def _years_below(upper: list[str], lower: list[str]) -> tuple[list[str], list[bool]] | None:
    """The header a complete header row makes with a row of years below its value (or count)
    columns, and for each cell whether the lower row gave its year; None if ``lower`` is not
    such a row.

    ``完成值`` merged across two columns over ``2023年 | 2024年`` (saved as CSV: ``完成值,`` over
    ``2023年,2024年``) is ``2023年完成值 | 2024年完成值``. At least two years, and nothing else
    in the row: a row of figures holds an indicator.
    """
    combined = [*upper, *[""] * (len(lower) - len(upper))]
    from_lower = [False] * len(combined)
    over = ""  # the header text over a cell: a merge's text stands in its first cell only
    for index, text in enumerate(combined):
        if text.strip():
            over = text.strip()
        below = fold(lower[index]).strip() if index < len(lower) else ""
        if not below:
            continue
        year = _YEAR_CELL.fullmatch(below)
        if year is None or _header_field(over) not in _YEARLY:
            return None
        combined[index] = f"{year[1]}年{over}"
        from_lower[index] = True
    return (combined, from_lower) if sum(from_lower) >= 2 else None


def _header_years(cells: list[str], indexes: list[int]) -> dict[int, int] | None:
    """Year → column index when each of the columns' headers names another year, else None."""
    years: dict[int, int] = {}
    for index in indexes:
        found = _HEADER_YEAR.search(fold(cells[index]))
        if found is None or int(found[1]) in years:
            return None
        years[int(found[1])] = index
    return years


#: A cell labelling the form's agency, whose name follows in the next cell: 填报单位,
#: 报送单位：, 单位（盖章）： (as report_set reads title rows).
_AGENCY_LABEL_CELL = re.compile(
    r"(?:填报单位|报送单位|单位名称|填报部门|单位)(?:[(（]盖章[)）])?[:：]?"
)


def is_title_row(cells: list[str]) -> bool:
    """Whether a row could be a form's title above the header: no known header, no figure.

    A label with the agency's name in a cell of its own (``填报单位 | 县林业局``) is a title
    row too, although 填报单位 and 单位 alone are header words.
    """
    folded = [text for text in (fold(cell) for cell in cells) if text]
    if len(folded) > 1 and _AGENCY_LABEL_CELL.fullmatch(folded[0]):
        folded = folded[1:]
    return not any(
        text.casefold() in _HEADER_INDEX or _NUMBER_LIKE.fullmatch(text) for text in folded
    )


def is_footer_row(cells: list[str]) -> bool:
    """Whether a row is a form's footer: its first text is 注：…, 填表人：…, 联系电话：…, and
    no cell holds a header or a figure (a note in the first column of a row of figures is not)."""
    first = next((cell for cell in cells if cell.strip()), "")
    return bool(_FOOTER.match(fold(first))) and is_title_row(cells)


def _is_footer_text(indicator_text: str, cells: list[str]) -> bool:
    """Whether a row without an indicator begins like a form's footer (注：…, 填表人：…), in the
    indicator's cell or the row's first one, whatever other cells hold (a phone number)."""
    first = next((cell for cell in cells if cell.strip()), "")
    return bool(_FOOTER.match(fold(indicator_text)) or _FOOTER.match(fold(first).strip()))


#: What may stand before a unit in a row of units: 单位：万元, 计量单位:件.
_UNIT_LABEL = re.compile(r"^(?:计量)?单位[:：]?")
_BRACKETS = re.compile(r"^[(（\[【](.*)[)）\]】]$")


def _is_units_row(cells: list[str], plan: Plan) -> bool:
    """Whether a row holds nothing but units of measure (万元, (笔), 单位：件): the units a form
    writes under its header."""
    units = plan.units()
    texts = [fold(cell).strip() for cell in cells if cell.strip()]
    for text in texts:
        text = _UNIT_LABEL.sub("", text)
        bracketed = _BRACKETS.fullmatch(text)
        if text and (bracketed[1] if bracketed else text) not in units:
            return False
    return bool(texts)


def is_total_row(cells: list[str]) -> bool:
    """Whether a row is labelled 合计 / 总计 / 小计 (see :func:`_total_label`)."""
    return _total_label(cells) is not None


def _total_label(cells: list[str]) -> tuple[int, str] | None:
    """Where a 合计 / 总计 / 小计 row is labelled (column index, text), or None.

    The label is the row's first text that is not a number (序号, 年度): lzip sums a shared
    indicator's figures itself.
    """
    for index, cell in enumerate(cells):
        text = fold(cell).replace(" ", "")
        if not text or text.isdigit():
            continue
        return (index, cell.strip()) if _TOTAL.fullmatch(text) else None
    return None


def _past_title_rows(
    rows: Iterable[tuple[int, list[str]]], titles: list[list[str]] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """``rows`` from the header on, without the title rows a form has above it.

    Up to :data:`MAX_TITLE_ROWS` rows that :func:`is_title_row` may come before the header.
    Anything else (no header found, a row of figures above it) leaves the rows as they are: the
    first row is taken for the header and judged so. Each title row's non-blank cells go to
    ``titles``.
    """
    iterator = iter(rows)
    held: list[tuple[int, list[str]]] = []
    for numbered in iterator:
        cells = numbered[1]
        if not "".join(cells).strip():
            continue
        held.append(numbered)
        if not is_title_row(cells):
            if any(fold(cell).casefold() in _HEADER_INDEX for cell in cells):
                if titles is not None:
                    titles += [[c.strip() for c in row if c.strip()] for _, row in held[:-1]]
                held = [numbered]  # the header: what came before it was a title
            break
        if len(held) > MAX_TITLE_ROWS:
            break
    yield from held
    yield from iterator


def parse_part(
    rows: Iterable[tuple[int, list[str]]],
    plan: Plan,
    name: str,
    *,
    name_years: list[int] | None = None,
    warnings: list[Problem] | None = None,
    year: int | None = None,
    delimiters: list[str] | None = None,
) -> ReportPart:
    """Check header and rows from any tabular source, leaving the year to the caller.

    ``delimiters`` gets a CSV's delimiter as its rows are read: with a comma, an unquoted
    thousands separator (``1,234``) splits a number over two cells.

    ``year`` is the report's year when it is known before the rows are read (``--year``, the
    file's name): it chooses among value columns that each name a year. Without it, the first
    year cell chooses; failing that the rows wait, unread, in :attr:`ReportPart.pending` until
    the year is settled (another file's, in a report of several files).
    """
    warnings = [] if warnings is None else warnings
    titles: list[list[str]] = []
    numbered = _past_title_rows(rows, titles)
    try:
        header, numbered = _read_header(numbered, name, warnings)
    except LzipError as exc:
        if [problem.code for problem in exc.problems] != ["LZ201"]:
            raise
        blank = exc.problems[0]  # blank rows at most: empty
        return ReportPart(name, [], warnings, name_years or [], {}, blank=blank, titles=titles)
    body = _Body(numbered, plan, name, header, warnings, delimiters=delimiters)
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
    )
    if not body.has_figures():  # read later, or passed over: see ReportPart.unfilled
        part.unfilled, part.start_year = True, year
        return part
    part.start(year)
    return part


@dataclass(slots=True)
class _Header:
    """A report's header row: where it is, its cells, and the column of each field.

    A header of two rows (:func:`two_row_header`) is one row of the cells they make together:
    ``row`` is its first, and ``lines`` names the row each cell was read from.
    """

    row: int
    cells: list[str]
    columns: dict[str, int]
    #: Fields with several columns, each naming another year: field → year → column index.
    by_year: dict[str, dict[int, int]]
    lines: list[int] | None = None

    def line(self, index: int) -> int:
        """The row the header cell of column ``index`` (0-based) was read from."""
        return self.lines[index] if self.lines and index < len(self.lines) else self.row

    @property
    def value_year(self) -> tuple[int, int, int] | None:
        """The year the value column's header names (2023年完成值): year, line, column."""
        index = self.columns["value"]
        found = _HEADER_YEAR.search(fold(self.cells[index]))
        return (int(found[1]), self.line(index), index + 1) if found else None

    def listing(self, years: dict[int, int]) -> dict[str, object]:
        """A message's params naming yearly columns: their headers, and the years they name."""
        headers = [repr(self.cells[index].strip()) for index in years.values()]
        named = [str(year) for year in years]
        return {
            "headers": Bilingual("、".join(headers), ", ".join(headers)),
            "years": Bilingual("、".join(named), ", ".join(named)),
        }


def _read_header(
    numbered: Iterator[tuple[int, list[str]]], name: str, warnings: list[Problem]
) -> tuple[_Header, Iterator[tuple[int, list[str]]]]:
    """The first row that is not blank, read as the header (with the row below it, when the two
    make the header together: see :func:`two_row_header`), and the rows below the header;
    LZ201 when there is none."""
    for row_number, cells in numbered:
        if not "".join(cells).strip():  # every cell blank (one string, not a generator per row)
            continue
        lines = None
        if not _complete(map(_header_field, cells)):  # its second row below?
            try:
                below = next(numbered, None)
            except LzipError:  # a broken row below an incomplete header: the header's error
                below = None
            combined = None
            if below is not None and below[0] == row_number + 1:  # the very next row
                combined = two_row_header(cells, below[1])
            if below is not None and combined is not None:
                cells, from_lower = combined
                lines = [below[0] if lower else row_number for lower in from_lower]
            elif below is not None:
                numbered = itertools.chain([below], numbered)
        elif (below := next(numbered, None)) is not None:  # years under its value columns?
            yearly = _years_below(cells, below[1]) if below[0] == row_number + 1 else None
            if yearly is not None:
                cells, from_lower = yearly
                lines = [below[0] if lower else row_number for lower in from_lower]
            else:
                numbered = itertools.chain([below], numbered)
        log = ProblemLog()
        columns, by_year = _map_header(cells, row_number, name, log, warnings, lines)
        sheets = next((w for w in warnings if w.code == "LZ232"), None)
        if log.problems and sheets is not None:  # a cover sheet before the report's sheet?
            log.add(
                Problem("LZ208", "missing_column_other_sheets", file=name, params=sheets.params)
            )
        log.raise_if_any()
        return _Header(row_number, cells, columns, by_year, lines), numbered
    raise LzipError([Problem("LZ201", "report_empty", file=name)])


class _Body:
    """The rows below a report's header, read once the columns to read are settled.

    Rows looked at before then (for a year cell) are held and read first.
    """

    def __init__(
        self,
        rows: Iterator[tuple[int, list[str]]],
        plan: Plan,
        name: str,
        header: _Header,
        warnings: list[Problem],
        *,
        delimiters: list[str] | None = None,
    ) -> None:
        self.rows = rows
        self.delimiters = delimiters or []  # filled in as the rows are read
        self.held: list[tuple[int, list[str]]] = []
        self.plan = plan
        self.name = name
        self.header = header
        self.warnings = warnings
        self.notes: dict[tuple[str, str | None], str] = {}  # of rows without a figure

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
            "".join(cells).strip() and not _is_footer_text("", cells) and not is_total_row(cells)
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
                _is_footer_text("", cells) or is_total_row(cells) or _is_units_row(cells, self.plan)
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
        ragged = len(cells) > width and any(c.strip() for c in cells[width:])
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
        texts = (columns.get("note"), columns.get("name"))
        figures = {i for i in columns.values() if i not in texts}
        figures |= {i for years in header.by_year.values() for i in years.values()}
        units = tuple(u for u in (indicator.unit, indicator.count_unit) if u)
        for column in candidates:
            split = _thousands_split(cells, column, units)
            if split is None:
                continue
            pieces = range(column + 1, column + 2 + split["rest"].count(","))
            if not ragged and all(piece in figures for piece in pieces):
                if column + 1 == columns.get("count") and indicator.compound and len(pieces) == 1:
                    # 1 and 234 as amount and count may be what was meant: say so, read on.
                    params = {**split, "unit": indicator.unit, "count_unit": indicator.count_unit}
                    self.warnings.append(
                        Problem(
                            "LZ259",
                            "thousands_split_count",
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
                    "thousands_split",
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
            if fold(cell) and _header_field(cell) is None
        ]

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
        rows = itertools.chain(self.held, self.rows)
        self.held = []
        log = ProblemLog()
        width = len(header.cells)
        parsed: list[ReportRow] = []
        first_row: dict[tuple[str, str | None], int] = {}
        year_cells: dict[int, int] = {}
        data_rows = 0
        # A row's cells of _FIELDS in one call; a missing column reads the blank at ``width``.
        fields = operator.itemgetter(*(columns.get(f, width) for f in _FIELDS))
        blanks = [""] * (width + 1)
        # (The CSV's delimiter is known once its header is read.) Only a row whose cell after
        # the value's starts with three digits, or a row too wide, may hold a split number.
        comma = "," in self.delimiters
        after_value = columns["value"] + 1
        # Without an agency column every row is a county-wide row: agencies named under a
        # header lzip does not know must stop the reading, not be summed as the county's.
        unnamed = self._unnamed_columns() if "agency" not in columns else []
        misread = False  # an unknown column names agencies: the rows below are not read
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
                and not (_is_footer_text("", cells) or is_total_row(cells))  # read past below
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
            parsed_row = _parse_row(
                cells, fields(cells), columns, row_number, plan, name, log, year_cells, warnings
            )
            if parsed_row is None:
                continue
            if parsed_row.value is None and parsed_row.count is None:
                # A row left blank is the same as no row ("not reported"); its note, if any,
                # says why, and is kept for the output.
                if parsed_row.note:
                    key = (parsed_row.indicator_id, parsed_row.agency_id)
                    self.notes.setdefault(key, parsed_row.note)
                continue
            key = (parsed_row.indicator_id, parsed_row.agency_id)
            if key in first_row:
                log.add(
                    Problem(
                        "LZ210",
                        "duplicate_row" if key[1] else "duplicate_county_row",
                        file=name,
                        line=row_number,
                        params={
                            "first": first_row[key],
                            "indicator": key[0],
                            "agency": plan.agency(key[1]).names() if key[1] else "—",
                        },
                    )
                )
                continue
            first_row[key] = row_number
            parsed.append(parsed_row)
        if not data_rows:
            log.add(Problem("LZ250", "report_no_rows", file=name, line=header.row))
        log.raise_if_any()
        return parsed, year_cells, value_year


def _figure(text: str, units: tuple[str, ...], *, percent: bool = False) -> CellValue:
    """:func:`parse_figure`, but a formula (``=A1+B1``; also what an uncomputed .xlsx formula
    cell reads as) is refused as such rather than as "not a figure"."""
    if text.lstrip().startswith("="):
        raise CellError("cell_formula", text=text.strip())
    if text.startswith("'"):  # Excel's mark for "keep as text", left in by some exports
        text = text[1:]
    return parse_figure(text, units, percent=percent)


def _fraction_for_percent(value: CellValue, text: str, indicator: Indicator) -> bool:
    """Whether a rate cell looks like a fraction typed for a percentage: ``0.95`` for 95 %.

    Such a cell is read as 0.95 %. It is only flagged: a decimal up to 1 without a % sign, for a
    rate whose plan figures are on the percent scale (a target of 95, not 0.95).
    """
    if not isinstance(value, float) or not 0 < value <= 1:
        return False
    folded = fold(text)
    if "%" in folded or "." not in folded:
        return False
    figures = (indicator.baseline.value, indicator.target.value, *indicator.milestones.values())
    return any(isinstance(figure, float) and figure > 1 for figure in figures)


def _id_made_a_date(text: str, plan: Plan) -> str | None:
    """The indicator id that Excel turned into the date ``text`` (4.1 → 4月1日), or None."""
    found = _DATE_FOR_ID.fullmatch(fold(text))
    if found is None:
        return None
    candidate = f"{int(found['month'])}.{int(found['day'])}"
    return candidate if plan.find_indicator(candidate) is not None else None


def _cell(cells: list[str], columns: dict[str, int], column: str) -> str:
    index = columns.get(column)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


#: The first group of a number written with thousands separators (1,234): one to three digits.
_LEADING_GROUP = re.compile(r"[+-]?[0-9]{1,3}")
#: A later group: three digits; the last may have decimals and a unit (234.5万元).
_NEXT_GROUP = re.compile(r"[0-9]{3}")
_LAST_GROUP = re.compile(r"(?P<digits>[0-9]{3}(?:\.[0-9]+)?)(?P<unit>.*)")


def _thousands_split(
    cells: list[str], value_column: int, units: tuple[str, ...] = ()
) -> dict[str, str] | None:
    """The number ``1,234`` an unquoted CSV split into the value cell and the next ones, or None.

    Excel and WPS quote such numbers when they save CSV; a CSV typed in Notepad does not, and the
    groups after the first land in the count or note column, read as a figure of their own. The
    last group may end in one of ``units`` (``1,234万元``), nothing else (``120人次参训`` is a note).
    """
    following = cells[value_column + 1 : value_column + 4]
    if not following or not following[0][:3].isdigit():  # most rows: the next cell is blank
        return None
    leading = unicodedata.normalize("NFKC", cells[value_column]).strip()
    if _LEADING_GROUP.fullmatch(leading) is None:
        return None
    groups: list[str] = []
    for cell in following:
        text = unicodedata.normalize("NFKC", cell).strip()
        if _NEXT_GROUP.fullmatch(text):
            groups.append(text)
            continue
        last = _LAST_GROUP.fullmatch(text)
        if last is not None and last["unit"].strip() in ("", *units):
            groups.append(text)
        break
    if not groups:
        return None
    number = ",".join([leading, *groups])
    unit = _LAST_GROUP.fullmatch(groups[-1])["unit"]  # type: ignore[index]
    plain = number.replace(",", "").removesuffix(unit)
    return {"value": leading, "rest": ",".join(groups), "number": number, "plain": plain}


def _parse_row(
    cells: list[str],
    texts: tuple[str, ...],
    columns: dict[str, int],
    row: int,
    plan: Plan,
    name: str,
    log: ProblemLog,
    year_cells: dict[int, int],
    warnings: list[Problem],
) -> ReportRow | None:
    def problem(column: str, key: str, **params: object) -> None:
        index = columns.get(column)
        log.add(
            Problem(
                CELL_CODES[key],
                key,
                file=name,
                line=row,
                column=index + 1 if index is not None else None,
                params={"text": _cell(cells, columns, column), **params},
            )
        )

    indicator_text, agency_text, value_text, count_text, note_text, year_text, name_text = texts
    indicator_text = indicator_text.strip()
    indicator = plan.find_indicator(indicator_text) if indicator_text else None
    if indicator is None and _is_footer_text(indicator_text, cells):
        return None  # a form's footer: 注：…, 填表人：…, 联系电话：…, in any column
    if indicator is None and _is_units_row(cells, plan):
        return None  # the units under a header: ,,万元,笔
    if indicator is None and (total := _total_label(cells)) is not None:
        warnings.append(
            Problem(
                "LZ248",
                "total_row",
                file=name,
                line=row,
                column=total[0] + 1,
                params={"text": total[1]},
            )
        )
        return None
    if indicator is None and not value_text.strip() and not count_text.strip():
        return None  # no indicator and no figure (a signature line, a date): nothing reported
    if indicator is None:
        if not indicator_text:
            problem("indicator", "blank_indicator")
        elif (meant := _id_made_a_date(indicator_text, plan)) is not None:
            problem("indicator", "indicator_is_a_date", id=meant)
        elif log.full or (near := plan.closest_indicator(indicator_text)) is None:
            problem("indicator", "unknown_indicator")
        else:
            problem("indicator", "unknown_indicator", suggestion=f"{near.id} {near.name}")
        return None
    if name_text and (named := plan.find_indicator(name_text.strip())) not in (None, indicator):
        # 4.3 beside the name of 4.1: which of the two the figure is for cannot be told.
        problem(
            "name",
            "indicator_name_mismatch",
            named=named.id,
            indicator=indicator.id,
            indicator_name=Bilingual(indicator.name, indicator.name_en),
        )
        return None
    agency_text = agency_text.strip()
    agency_id = None
    if agency_text and _COUNTY_AGENCY.fullmatch(_COUNTY_DECORATION.sub("", fold(agency_text))):
        agency_text = ""  # 合计 / 全县 in the agency column: the county row, as a blank one is
    if agency_text:
        agency = plan.find_agency(agency_text)
        if agency is None:
            if agency_text in (
                indicator.unit,
                indicator.count_unit,
                f"{indicator.unit}/{indicator.count_unit}",
            ):
                problem("agency", "unit_in_agency_column")  # a 单位 column of units of measure
            elif log.full or (nearest := plan.closest_agency(agency_text)) is None:
                problem("agency", "unknown_agency_cell")
            else:
                problem("agency", "unknown_agency_cell", suggestion=nearest.name)
            return None
        agency_id = agency.id
    ok = True
    # Only the amount's own unit: "3笔" in the value column is a count in the wrong place.
    units = (indicator.unit,)
    try:
        value = _figure(value_text, units, percent=indicator.unit == "%")
        if indicator.kind == "rate" and isinstance(value, float) and value > 100:
            raise CellError("cell_rate_above_100")
        if isinstance(value, float) and not value.is_integer() and indicator.unit in WHOLE_UNITS:
            raise CellError("cell_value_whole")
    except CellError as exc:
        problem("value", exc.key, expected=indicator.unit, **exc.params)
        value, ok = None, False
    else:
        if indicator.kind == "rate" and _fraction_for_percent(value, value_text, indicator):
            index = columns["value"]
            warnings.append(
                Problem(
                    "LZ246",
                    "rate_as_fraction",
                    file=name,
                    line=row,
                    column=index + 1,
                    params={"text": value_text.strip(), "value": value, "percent": value * 100},
                )
            )
    count: CellValue = None
    if count_text.strip():
        if not indicator.compound:
            problem("count", "count_not_compound", indicator=indicator.id)
            ok = False
        else:
            try:
                count = _figure(count_text, (indicator.count_unit or "",))
                if isinstance(count, float) and not count.is_integer():
                    raise CellError("cell_count_whole")
            except CellError as exc:
                problem("count", exc.key, expected=indicator.count_unit, **exc.params)
                ok = False
    try:
        year = parse_year(year_text)
    except CellError as exc:
        problem("year", exc.key, **exc.params)
        ok = False
    else:
        if year is not None:
            year_cells.setdefault(year, row)
    if not ok:
        return None
    if value is None and count is not None:  # 3 deals, no amount: judged as not reported
        warnings.append(
            Problem(
                "LZ249",
                "count_without_value",
                file=name,
                line=row,
                column=columns["value"] + 1,
                params={"count": count_text.strip(), "unit": indicator.unit},
            )
        )
    if count is not None and value is not None and _nothing_done(value) != _nothing_done(count):
        # "—" beside 2 deals, or 100 万元 in "—" or 0 deals: one of the two is wrong.
        warnings.append(
            Problem(
                "LZ261",
                "amount_count_disagree",
                file=name,
                line=row,
                column=columns["count"] + 1,
                params={
                    "amount": value_text.strip(),
                    "count": count_text.strip(),
                    "unit": indicator.unit,
                    "count_unit": indicator.count_unit,
                },
            )
        )
    return ReportRow(row, indicator.id, agency_id, value, count, note_text.strip(), name)


def _nothing_done(cell: float | NotCarriedOut) -> bool:
    """Whether an amount or a count says nothing was done: "—" (not carried out) or 0."""
    return isinstance(cell, NotCarriedOut) or cell == 0


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
        raise LzipError(
            [
                Problem(
                    "LZ213",
                    "year_cells_differ",
                    file=name,
                    line=row_b,
                    column=year_column,
                    params={"a": year_a, "b": year_b, "row_a": row_a},
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
    "NOT_CARRIED_OUT",
    "Report",
    "ReportPart",
    "ReportRow",
    "parse_part",
    "read_part",
    "read_report",
]
