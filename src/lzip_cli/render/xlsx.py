"""Writing .xlsx workbooks: readable widths, a frozen header, formula-safe text.

Text is stored as text: a name such as ``=1+1`` or ``-合作`` is a string cell, which Excel and
WPS show as written and never run. (CSV has no cell types, so :mod:`csvout` puts an apostrophe
before such text; in a workbook the apostrophe would show.)

openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import datetime
import io
import math
import os
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len

from lzip_cli.cells import CONTROL, line_break_or_nothing
from lzip_cli.errors import LzipError, Problem
from lzip_cli.render.csvout import SHOWN_NUMBER

MAX_WIDTH = 60
#: A data-validation rule of a form: number kind, maximum, and the prompt its cells show.
_RuleKey = tuple[str, float | None, tuple[str, str] | None]


@dataclass
class Sheet:
    """One worksheet: a title, a header row and data rows."""

    title: str
    header: Sequence[str]
    rows: list[Sequence[object]]
    #: 0-based indexes of columns the reader must not change (shaded grey).
    fixed_columns: frozenset[int] = frozenset()
    #: Per data row, column index → ("decimal" | "whole", maximum or None): Excel data validation.
    validations: list[dict[int, tuple[str, float | None]]] = field(default_factory=list)
    prompt: tuple[str, str] | None = None
    #: Column index → the prompt of its validated cells, where it is not ``prompt``.
    column_prompts: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: A title printed above the header row (the header then sits on row 2).
    heading: str | None = None
    #: 0-based indexes of columns whose plain numeric text is stored as a number, so that
    #: Excel can sum it and shows no "number stored as text" marker.
    numeric_columns: frozenset[int] = frozenset()
    #: A paragraph between the heading and the header, merged across the table and wrapped.
    intro: str | None = None
    #: A paragraph below the table after a blank row, merged across the table and wrapped.
    footnote: str | None = None
    #: Excel's filter buttons on the header row, over the data rows.
    autofilter: bool = False


def cell_value(value: object, numeric: bool) -> object:
    """What goes into a cell: its text, or a number for numeric columns."""
    if numeric and isinstance(value, str) and SHOWN_NUMBER.fullmatch(value):
        number = float(value.replace(",", ""))
        return int(number) if number.is_integer() else number
    return value


def _append(worksheet: Any, values: list[object]) -> None:
    """Append a row, every text in it a string cell (openpyxl takes "=…" for a formula), without
    the control characters a cell cannot hold (a note's, as a report gave it).

    Such a text goes in as a cell made a string beforehand: looking the row up after appending
    it (``worksheet[worksheet.max_row]``) scans every cell, and a 100,000-row sheet never ended.
    """
    from openpyxl.cell.cell import Cell

    cells: list[object] = []
    for value in values:
        if isinstance(value, str) and CONTROL.search(value):  # openpyxl refuses them
            value = CONTROL.sub(line_break_or_nothing, value)
        if isinstance(value, str) and value.startswith("="):
            cell = Cell(worksheet, value=value)
            cell.data_type = "s"
            cells.append(cell)
        else:
            cells.append(value)
    worksheet.append(cells)


def workbook_bytes(sheets: Sequence[Sheet], *, form: bool = False) -> bytes:
    """The .xlsx file for ``sheets``; marked as lzip's output unless it is a ``form`` to fill in
    (see :data:`~lzip_cli.xlsx_reader.LZIP_OUTPUT_KEYWORD`)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation
    except ImportError:  # pragma: no cover - openpyxl is in the xlsx/test extras
        raise LzipError([Problem("LZ230", "xlsx_needs_openpyxl")]) from None

    from lzip_cli.xlsx_reader import LZIP_OUTPUT_KEYWORD

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "lzip"
    if not form:
        workbook.properties.keywords = LZIP_OUTPUT_KEYWORD
    bold = Font(bold=True)
    grey = PatternFill("solid", fgColor="E7E6E6")
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31] or "Sheet")
        header_row = 1
        if sheet.heading:
            _append(worksheet, [sheet.heading])
            worksheet["A1"].font = Font(bold=True, size=14)
            header_row = 2
        if sheet.intro:
            _append(worksheet, [sheet.intro])
            header_row += 1
        _append(worksheet, list(sheet.header))
        for cell in worksheet[header_row]:
            cell.font = bold
        for row in sheet.rows:
            _append(
                worksheet, [cell_value(v, i in sheet.numeric_columns) for i, v in enumerate(row)]
            )
        worksheet.freeze_panes = f"A{header_row + 1}"
        if sheet.autofilter:
            last = get_column_letter(max(1, len(sheet.header)))
            worksheet.auto_filter.ref = f"A{header_row}:{last}{header_row + len(sheet.rows)}"
        # Printable: landscape, as wide as one page, the header repeated on every page.
        worksheet.page_setup.orientation = "landscape"
        worksheet.page_setup.fitToWidth = 1
        worksheet.page_setup.fitToHeight = 0
        worksheet.sheet_properties.pageSetUpPr.fitToPage = True
        worksheet.print_title_rows = f"{header_row}:{header_row}"
        for index, title in enumerate(sheet.header):
            width = max(
                [cell_len(str(title))] + [cell_len(str(row[index] or "")) for row in sheet.rows]
            )
            letter = get_column_letter(index + 1)
            worksheet.column_dimensions[letter].width = min(MAX_WIDTH, width + 2)
            if index in sheet.fixed_columns:
                for (cell,) in worksheet.iter_rows(
                    min_row=header_row + 1, min_col=index + 1, max_col=index + 1
                ):
                    cell.fill = grey
        for row in worksheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if sheet.footnote:
            worksheet.append([])
            _append(worksheet, [sheet.footnote])
        paragraphs = [(header_row - 1, sheet.intro)] if sheet.intro else []
        if sheet.footnote:
            paragraphs.append((worksheet.max_row, sheet.footnote))
        _merge_paragraphs(worksheet, sheet, paragraphs, Alignment, get_column_letter)
        _add_validations(worksheet, sheet, DataValidation, get_column_letter, header_row)
    return _saved(workbook)


#: The time every workbook is dated (its created and modified properties, and each part in the
#: zip) unless ``SOURCE_DATE_EPOCH`` names another: a fixed one, so that the same figures give
#: the same bytes, run after run (a data repository that commits its lists sees a change only
#: where a figure changed).
FIXED_TIME = datetime.datetime(2000, 1, 1)
#: The times a zip entry can hold (MS-DOS dates: 1980 to 2107).
_ZIP_TIMES = (datetime.datetime(1980, 1, 1), datetime.datetime(2107, 12, 31, 23, 59, 58))


def document_time() -> datetime.datetime:
    """When workbooks say they were made (naive, UTC): ``$SOURCE_DATE_EPOCH`` (seconds since
    1970, as reproducible builds set it) within the years a zip can hold, else :data:`FIXED_TIME`.
    """
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text.isascii() or not text.isdigit():  # unset, empty or not a number: ignored
        return FIXED_TIME
    try:
        moment = datetime.datetime.fromtimestamp(int(text), tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return _ZIP_TIMES[1]
    return min(max(moment.replace(tzinfo=None), _ZIP_TIMES[0]), _ZIP_TIMES[1])


class _SteadyZip(zipfile.ZipFile):
    """A zip whose entries carry :attr:`date_time`, not the time they were written (openpyxl
    writes each part by name, and each worksheet from a temporary file of its own)."""

    date_time: tuple[int, int, int, int, int, int] = FIXED_TIME.timetuple()[:6]

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=self.date_time)
        entry.create_system = 3  # as written on Unix, Windows too: the same bytes on either
        entry.external_attr = 0o600 << 16  # what ZipFile.writestr gives a part named
        entry.compress_type = self.compression
        return entry

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]
        self,
        filename: str,
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        entry = self._entry(arcname or os.path.basename(filename))
        entry.file_size = os.path.getsize(filename)  # a sheet past 2 GiB gets ZIP64, as write does
        with open(filename, "rb") as source, self.open(entry, "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)


def _saved(workbook: Any) -> bytes:
    """The .xlsx file of ``workbook``: the same bytes for the same workbook, whenever it is saved
    (``Workbook.save`` dates the document and every part in its zip with the time of the run)."""
    from openpyxl.writer.excel import ExcelWriter

    moment = document_time()
    workbook.properties.created = moment
    workbook.properties.modified = moment
    buffer = io.BytesIO()
    archive = _SteadyZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    archive.date_time = moment.timetuple()[:6]
    ExcelWriter(workbook, archive).save()  # closes the archive
    return buffer.getvalue()


#: Points of height per wrapped line of 11-point text (Chinese glyphs need more than 15).
LINE_HEIGHT = 16


def _merge_paragraphs(worksheet, sheet: Sheet, paragraphs, alignment, column_letter) -> None:  # type: ignore[no-untyped-def]
    """Each (row, text) merged across the table's columns, wrapped, and tall enough to show.

    Excel does not grow a merged row to fit wrapped text, so the height is set from the text's
    width against the table's.
    """
    columns = max(1, len(sheet.header))
    last = column_letter(columns)
    table_width = sum(
        worksheet.column_dimensions[column_letter(i + 1)].width or 8.43 for i in range(columns)
    )
    for row, text in paragraphs:
        worksheet.merge_cells(f"A{row}:{last}{row}")
        worksheet[f"A{row}"].alignment = alignment(wrap_text=True, vertical="top")
        lines = sum(
            max(1, math.ceil(cell_len(part) / max(1.0, table_width - 2)))
            for part in text.splitlines() or [""]
        )
        worksheet.row_dimensions[row].height = LINE_HEIGHT * lines


def _add_validations(worksheet, sheet: Sheet, data_validation, column_letter, header_row) -> None:  # type: ignore[no-untyped-def]
    rules: dict[_RuleKey, object] = {}
    # The cells of each rule, by column: given to the rule at the end as ranges of rows
    # (D3:D40), as adding them one by one checks each against all before it.
    cells: dict[_RuleKey, dict[int, list[int]]] = {}
    for offset, row_rules in enumerate(sheet.validations):
        for column, (kind, maximum) in row_rules.items():
            prompt = sheet.column_prompts.get(column, sheet.prompt)
            key = (kind, maximum, prompt)
            if key not in rules:
                rule = data_validation(
                    type=kind,
                    operator="between" if maximum is not None else "greaterThanOrEqual",
                    formula1="0",
                    formula2=str(maximum) if maximum is not None else None,
                    allow_blank=True,
                    errorStyle="warning",
                    showErrorMessage=True,
                    showInputMessage=prompt is not None,
                )
                if prompt:
                    rule.promptTitle, rule.prompt = prompt
                    rule.errorTitle, rule.error = prompt
                worksheet.add_data_validation(rule)
                rules[key] = rule
            cells.setdefault(key, {}).setdefault(column, []).append(offset + header_row + 1)
    for key, columns in cells.items():
        rules[key].sqref = " ".join(  # type: ignore[attr-defined]
            f"{column_letter(column + 1)}{first}"
            if first == last
            else f"{column_letter(column + 1)}{first}:{column_letter(column + 1)}{last}"
            for column, rows in sorted(columns.items())
            for first, last in _runs(rows)
        )


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as runs of consecutive ones: [3, 4, 5, 9] → [(3, 5), (9, 9)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
