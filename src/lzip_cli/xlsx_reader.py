"""Rows of an .xlsx workbook's report sheet as text cells; openpyxl is imported only here.

The sheet read is the first visible one, or the one named for the report's year when that year
is known before reading (``--year``, the file's name) and exactly one sheet's name gives it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings as python_warnings
import zipfile
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple
from xml.etree import ElementTree
from xml.parsers import expat

from lzip_cli.cells import ScaledNumber, UncomputedFormula
from lzip_cli.errors import LzipError, Problem, ProblemLog, WorkbookFile, unreadable
from lzip_cli.messages import TEXTS, Bilingual
from lzip_cli.report_form import MAX_TITLE_ROWS

#: The keyword lzip's result and list workbooks carry in their properties (not its forms): such
#: a workbook read as a report is refused (LZ264), whatever its columns.
LZIP_OUTPUT_KEYWORD = "lzip-output"

MAX_ROWS = 2_000_000
#: The columns looked at in the rows above and at the header, to tell how wide the form is
#: (Excel 2003's 256, far wider than any form). The sheet is read only as wide as the widest of
#: them and :data:`COLUMN_MARGIN` more: openpyxl would otherwise pad every row to the sheet's
#: declared width, which one formatted cell at XFD (column 16,384) makes 16,384 cells wide.
HEAD_COLUMNS = 256
#: Columns read beyond the widest of the first rows (the header). Cells past the header's
#: columns have no header and would be passed over anyway (a workbook's rows are all as wide,
#: so none is ragged, LZ209); the margin is for a header further down than those rows.
COLUMN_MARGIN = 4
#: The rows with text that decide how wide the form is: the title rows, a header of two rows
#: and a row of units (see :data:`~lzip_cli.report_form.MAX_TITLE_ROWS`); and the rows in the
#: file looked through for them at most. Formatted rows without text (a border drawn down the
#: sheet above the form) are passed over on the way, as many as there are up to that.
HEAD_ROWS = MAX_TITLE_ROWS + 3
HEAD_LOOK = 10_000
#: Limits on what a workbook unpacks to, read from the zip's directory before openpyxl opens it
#: (zipfile never inflates a member past its declared size). A real form of 2,000,000 rows
#: unpacks to about 200 MB; openpyxl holds the shared strings in memory, so they get less.
MAX_UNPACKED_BYTES = 1 << 30
MAX_SHARED_STRINGS_BYTES = 128 << 20
_SHARED_STRINGS = "xl/sharedStrings.xml"


def cell_text(value: Any, number_format: str | None) -> str:
    """A cell's value as the text a person sees: 1700.0 → ``1700``, 0.95 as 0% → ``95%``,
    a Boolean as Excel shows it, ``TRUE``/``FALSE``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        percent, another, hidden = (
            _format_shows(number_format, (value > 0) - (value < 0))
            if number_format and number_format != "General"
            else (False, False, False)
        )
        if percent:
            return f"{value * 100:.10g}%"
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = f"{value:.15g}" if isinstance(value, float) else str(value)
        if another or hidden:
            return ScaledNumber(text, number_format, hidden=hidden)
        return text
    if isinstance(value, dt.datetime | dt.date):
        # As Excel and WPS show a date in a Chinese locale: 2024/12/31, 2024/12/31 9:30.
        text = f"{value.year}/{value.month}/{value.day}"
        if isinstance(value, dt.datetime) and (value.hour, value.minute, value.second) != (0, 0, 0):
            text += f" {value.hour}:{value.minute:02d}"
            if value.second:
                text += f":{value.second:02d}"
        return text
    text = str(value)
    if "_x" in text:
        # Excel writes a character no XML may hold (a vertical tab, Word's line break pasted
        # into a cell; an escape) as _x000B_, which openpyxl leaves as it is.
        from openpyxl.utils.escape import unescape

        text = unescape(text)
    return text


@lru_cache(maxsize=256)
def _format_shows(number_format: str, sign: int) -> tuple[bool, bool, bool]:
    """Whether the format shows a number of ``sign`` (-1, 0, 1) as a percentage, multiplied by
    100 (``0%``, ``0.0%``), whether it shows another number than the cell holds, and whether it
    shows none (a blank or a mark)."""
    section = _section(number_format, sign)
    percent = any(char == "%" and not literal for char, literal in section)
    # Zero shown as a mark ("-" in the accounting format) is a common display of 0, not a hiding.
    hidden = sign != 0 and _shows_no_number(section)
    return percent, _shows_another_number(section), hidden


def _section(number_format: str, value: float) -> list[tuple[str, bool]]:
    """The characters of the format's section for ``value``, each with whether it is text.

    Text is what is in quotes, in brackets (``[红色]``), or after ``\\`` or ``!`` (and ``_``
    and ``*``, which take the next character as a space's width or a fill). Of a format in
    sections (``0%;-0%;"—"``) the one for the value's sign counts.
    """
    sections: list[list[tuple[str, bool]]] = [[]]
    quoted = bracket = skip = False
    for char in number_format:
        if skip:
            skip = False
            sections[-1].append((char, True))
        elif quoted:
            quoted = char != '"'
            if quoted:
                sections[-1].append((char, True))
        elif bracket:
            bracket = char != "]"
        elif char == '"':
            quoted = True
        elif char == "[":
            bracket = True
        elif char in "\\!_*":
            skip = True
        elif char == ";":
            sections.append([])
        else:
            sections[-1].append((char, False))
    if len(sections) > 1 and value < 0:
        return sections[1]
    if len(sections) > 2 and value == 0:
        return sections[2]
    return sections[0]


def _shows_another_number(section: list[tuple[str, bool]]) -> bool:
    """Whether the section shows a number other than the cell's: a comma after the last digit
    placeholder divides by 1,000 (``#,##0,``), and a ``.`` written as text between digits moves
    the point (``0!.0000`` shows 8500000 as ``850.0000``, the 万 display of Chinese forms). A
    percent sign that is text (``0"%"``, ``0\\%``) is not one: 80 shown as 80% is 80."""
    digits = [i for i, (char, literal) in enumerate(section) if char in "0#?" and not literal]
    if not digits:
        return False
    first, last = digits[0], digits[-1]
    # Digits written as text beside the number's: 0"000" shows 5 as 5000.
    beside = [section[i] for i in (first - 1, last + 1) if 0 <= i < len(section)]
    if any(literal and char.isdigit() for char, literal in beside):
        return True
    return any(
        (char == "," and not literal and i > last) or (char == "." and literal and first < i < last)
        for i, (char, literal) in enumerate(section)
    )


def _shows_no_number(section: list[tuple[str, bool]]) -> bool:
    """Whether the section shows no number at all: empty (``;;;`` hides the cell) or text only
    (``"—"``), where a person sees a blank or a mark and the cell holds a figure. ``@`` and
    ``General`` show the number."""
    shown = "".join(char for char, literal in section if not literal)
    return not any(char in "0#?@" for char in shown) and "general" not in shown.lower()


class SheetRead(NamedTuple):
    """The sheet of a workbook that is read: its title, the year its name gives, the file's
    name for problems at its cells (a :class:`WorkbookFile` when the workbook has several), and
    the rows and columns (1-based) hidden in it, or of no height or width, which nobody sees."""

    title: str
    year: int | None
    file: str
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    #: The other visible sheets whose names give no year or the report's (see
    #: :func:`_unread_forms`): each may be a form of this year too (LZ275 when it holds figures).
    unread: tuple[str, ...] = ()


def iter_xlsx_rows(
    path: Path,
    name: str,
    warnings: list[Problem],
    year: int | None = None,
    sheet_read: list[SheetRead] | None = None,
    *,
    title: str | None = None,
    year_from_name: bool = False,
    opened: Any = None,
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, cell texts)`` of the report's sheet, reading cached formula results.

    ``year``, the report's year when it is known before reading, chooses the sheet named for it
    (see :func:`_choose_sheet`). ``sheet_read`` gets the sheet read (:class:`SheetRead`) once
    reading starts; a sheet named for another year than ``year`` is refused (LZ215), saying the
    name may be wrong where the file's or folder's name gave ``year`` (``year_from_name``).
    Rows with no cell in the file are not yielded. ``title`` reads that sheet instead, as it is,
    of the workbook ``opened`` (see :func:`open_workbook`) when given, which is left open.
    """
    try:
        from openpyxl.cell.read_only import EmptyCell
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - openpyxl is in the xlsx/test extras
        raise LzipError([Problem("LZ230", "xlsx_needs_openpyxl", file=name)]) from None
    broken = (*_BROKEN, InvalidFileException)
    handle, workbook = opened if opened is not None else _load(path, name)
    formulas: _FormulaRows | None = None
    try:
        if LZIP_OUTPUT_KEYWORD in (workbook.properties.keywords or "").split():
            raise LzipError([Problem("LZ264", "lzip_output_workbook", file=name)])
        # A hidden sheet (the lists behind a form's drop-downs) is no report: the first visible one is.
        sheets = _visible_first(workbook.worksheets)
        if not sheets:
            raise LzipError(
                [Problem("LZ231", "xlsx_unreadable", file=name, params={"reason": "no worksheet"})]
            )
        unread: tuple[str, ...] = ()
        if title is not None:
            sheet, sheet_year = next(s for s in sheets if s.title == title), None
        else:
            sheet, sheet_year = _choose_sheet(sheets, year, name, warnings, year_from_name)
            unread = _unread_forms(sheets, sheet, year)
        if sum(other.sheet_state == "visible" for other in sheets) > 1:
            name = WorkbookFile(name, sheet.title)  # its cells named with the sheet: '2024年'!C5
        merged, hidden_rows, hidden_columns = _sheet_layout(workbook, sheet, name)
        if hidden_rows:  # a problem at a hidden row says so (see render.problems)
            name = WorkbookFile(name, getattr(name, "sheet", ""), hidden_rows)
        if sheet_read is not None:
            sheet_read.append(
                SheetRead(sheet.title, sheet_year, name, hidden_rows, hidden_columns, unread)
            )
        from lzip_cli.report_form import (
            is_footer_row,
            is_title_row,
            is_total_row,
            two_row_header,
            years_below,
        )

        titles: int | None = 0  # title rows so far; None past them (see report_form)
        # From the header down: merged ranges by their first row, refused unless a footer's.
        below: dict[int, list[_Merged]] = {}
        refused: list[_Merged] = []
        #: The header row while the row below it is awaited: the two may make the header.
        header: tuple[int, list[str]] | None = None
        seen_text = False
        rows = _sheet_rows(sheet, name)
        while True:
            try:
                with quiet_openpyxl():  # rows are parsed here, and the sheet's end (extLst)
                    number, row = next(rows)
            except StopIteration:
                break
            except (ValueError, IndexError, KeyError, TypeError):
                # A cell the file stores wrongly: text where it says a number, a shared text
                # past the file's list. openpyxl does not say which (the rows are read ahead).
                params = {"sheet": sheet.title}
                raise LzipError(
                    [Problem("LZ231", "xlsx_sheet_cell_damaged", file=name, params=params)]
                ) from None
            except broken as exc:
                raise _unreadable(name, exc) from None
            texts = [cell_text(cell.value, _number_format(cell, name, number)) for cell in row]
            # A cell present in the file but without a value may be a formula that was never
            # computed (openpyxl writes none): read those cells' formulas in a second pass.
            # One whose saved result is empty text (=IF(…,"",…)) stays blank.
            blank = [
                i for i, c in enumerate(row) if c.value is None and not isinstance(c, EmptyCell)
            ]
            if blank:
                if formulas is None:
                    formulas = _FormulaRows(workbook, sheet, name, broken)
                for index, formula in formulas.row(number, blank).items():
                    texts[index] = UncomputedFormula(formula)
            filled = any(text.strip() for text in texts)
            if not filled:
                continue  # formatted cells without text: no row (its number is kept by the next)
            at_header = False
            if merged and titles is not None and filled:
                if titles < MAX_TITLE_ROWS and is_title_row(texts):
                    titles += 1  # a merged title above the header is what forms look like
                else:
                    below = _merged_below(merged, number, name)
                    titles = None
                    header, at_header = (number, texts), True
            elif header is not None:
                (first, header_texts), header = header, None
                if number == first + 1 and (
                    two_row_header(header_texts, texts) is not None
                    or years_below(header_texts, texts) is not None
                ):
                    # A header of two rows: 指标 merged down over both, 完成情况 across 数值 and
                    # 笔数, 完成值 across 2023年 and 2024年. Merges within the two rows hold no
                    # figure; one reaching below does.
                    for start in (first, number):
                        refused += [
                            m for m in below.pop(start, []) if m[3] is None or m[3] > number
                        ]
                else:
                    refused += below.pop(first, [])  # a header of one row
            # 注：… or 合计 merged across the row is fine (the header's wait for the row below)
            if (
                not at_header
                and number in below
                and filled
                and not (is_footer_row(texts) or is_total_row(texts))
            ):
                refused += below[number]
            seen_text = seen_text or filled
            yield number, texts
        if header is not None:  # the header is the last row
            refused += below.pop(header[0], [])
        if refused:
            _refuse(refused, name)
        if not seen_text and len(sheets) > 1 and sheet is sheets[0]:
            raise LzipError(
                [
                    Problem(
                        "LZ252",
                        "xlsx_first_sheet_empty",
                        file=name,
                        params={"sheet": sheet.title},
                    )
                ]
            )
    finally:
        if formulas is not None:
            formulas.close()
        if opened is None:
            workbook.close()
            handle.close()


def _load(path: Path, name: str) -> tuple[BinaryIO, Any]:
    """The file and its read-only workbook, opened (LZ231, LZ234 when it cannot be)."""
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - openpyxl is in the xlsx/test extras
        raise LzipError([Problem("LZ230", "xlsx_needs_openpyxl", file=name)]) from None
    handle = _open(path, name)
    try:
        _check_archive(handle, name)
        # A file object, not the path: openpyxl refuses a name not ending in .xlsx, and lzip
        # reads a workbook by its content (with a warning when the name says otherwise).
        with quiet_openpyxl(), _sheets_not_measured():
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (*_BROKEN, InvalidFileException) as exc:
        handle.close()
        raise _unreadable(name, exc) from None
    except BaseException:
        handle.close()
        raise
    return handle, workbook


@contextlib.contextmanager
def open_workbook(path: Path, name: str) -> Iterator[tuple[BinaryIO, Any]]:
    """The workbook at ``path`` opened once for reading several of its sheets with
    :func:`iter_xlsx_rows` (``opened=``): a workbook of 3,000 sheets took 0.3 s to open, and
    LZ275 looks at up to 20 of them."""
    handle, workbook = _load(path, name)
    try:
        yield handle, workbook
    finally:
        workbook.close()
        handle.close()


@contextlib.contextmanager
def quiet_openpyxl() -> Iterator[None]:
    """openpyxl's Python warnings silenced ("Data Validation extension is not supported and will
    be removed", "Workbook contains no default style"): they speak of what openpyxl would drop
    on saving, which lzip never does, and would reach the user in English, with a path into
    site-packages. Wrap each call into openpyxl, never a ``yield``: the filter is global."""
    with python_warnings.catch_warnings():
        python_warnings.simplefilter("ignore")
        yield


@contextlib.contextmanager
def _sheets_not_measured() -> Iterator[None]:
    """openpyxl's read-only sheets opened without reading them for their size.

    Opening one looks for its ``<dimension>``, and a sheet without one is parsed whole, every
    row kept in memory: a 2 MB file declaring 60 million rows took 5 GB and a minute before lzip
    read a row. lzip drops the declared size anyway (:func:`_sheet_rows`), and its own scan
    (:func:`_sheet_layout`) refuses such a sheet at row :data:`MAX_ROWS` in constant memory.
    """
    try:
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    except ImportError:  # pragma: no cover - openpyxl internals changed
        yield
        return
    measure = ReadOnlyWorksheet.__dict__.get("_get_size")
    if measure is None:  # pragma: no cover - openpyxl internals changed
        yield
        return
    ReadOnlyWorksheet._get_size = lambda self: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = measure  # type: ignore[method-assign]


_BROKEN: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    KeyError,
    OSError,
    EOFError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
)


def _open(path: Path, name: str) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise unreadable(name, exc) from None


def _unreadable(name: str, exc: Exception) -> LzipError:
    reason = str(exc)[:200] or type(exc).__name__
    if "detail." + reason not in TEXTS:
        # Words lzip cannot put in the user's language (a parser's "unclosed token", a part
        # not found): said as what they mean for the user, the words kept for a specialist.
        if isinstance(exc, KeyError):
            reason = f"{type(exc).__name__}: {reason}"
        return LzipError([Problem("LZ231", "xlsx_damaged", file=name, params={"reason": reason})])
    return LzipError([Problem("LZ231", "xlsx_unreadable", file=name, params={"reason": reason})])


def _check_archive(handle: BinaryIO, name: str) -> None:
    """Refuse, before openpyxl opens it, a workbook that would unpack to more than lzip reads
    (LZ234, a "zip bomb"), a zip that holds no workbook (an empty one) or a workbook saved as
    Strict Open XML (LZ231)."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            _refuse_zip_bomb(members, name)
            names = {member.filename for member in members}
            strict = _is_strict(archive, names)
    except _BROKEN:
        return  # not a readable zip: openpyxl says so in its own words
    finally:
        handle.seek(0)
    if _CONTENT_TYPES not in names:  # where openpyxl (and Excel) look for the workbook first
        raise LzipError([Problem("LZ231", "xlsx_unreadable", file=name, params=_NO_WORKBOOK)])
    if strict:
        raise LzipError([Problem("LZ231", "xlsx_strict", file=name)])


_CONTENT_TYPES = "[Content_Types].xml"
#: openpyxl's words for a zip without a workbook, which messages.py explains.
_NO_WORKBOOK = {"reason": "File contains no valid workbook part"}


def _refuse_zip_bomb(members: list[zipfile.ZipInfo], name: str) -> None:
    """LZ234 when the workbook would unpack to more than lzip reads."""
    total = sum(member.file_size for member in members)
    shared = sum(m.file_size for m in members if m.filename.lstrip("/") == _SHARED_STRINGS)
    for key, size, limit in (
        ("xlsx_too_large", total, MAX_UNPACKED_BYTES),
        ("xlsx_strings_too_large", shared, MAX_SHARED_STRINGS_BYTES),
    ):
        if size > limit:
            params = {"size": _megabytes(size), "limit": _megabytes(limit)}
            raise LzipError([Problem("LZ234", key, file=name, params=params)])


#: What a Strict Open XML workbook ("Strict Open XML 电子表格" in Excel's Save As) names where
#: an ordinary .xlsx names schemas.openxmlformats.org: the package's relationship to its
#: workbook, and the workbook's namespace. openpyxl reads neither (it finds no sheet).
_STRICT = (
    ("_rels/.rels", b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"),
    ("xl/workbook.xml", b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
)


def _is_strict(archive: zipfile.ZipFile, names: set[str]) -> bool:
    for member, namespace in _STRICT:
        if member in names:
            with archive.open(member) as source:
                if namespace in source.read(1 << 16):  # declared at the top
                    return True
    return False


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):,.0f}"


#: A merged range: its reference (``A1:E1``), first column, first row and last row.
_Merged = tuple[str, int | None, int | None, int | None]


def _visible_first(sheets: list[Any]) -> list[Any]:
    """The sheets with the visible ones first, in their order (all of them hidden: as they are)."""
    visible = [sheet for sheet in sheets if getattr(sheet, "sheet_state", "visible") == "visible"]
    return visible + [sheet for sheet in sheets if sheet not in visible] if visible else sheets


def sheet_titles(titles: list[str], *, more: bool = False) -> Bilingual:
    """Sheet names as a list in a message: ``Notes、Contacts`` in Chinese, ``Notes, Contacts``
    in English, with ``…`` after them where more were left out."""
    end = "…" if more else ""
    return Bilingual("、".join(titles) + end, ", ".join(titles) + end)


def _choose_sheet(
    sheets: list[Any],
    year: int | None,
    name: str,
    warnings: list[Problem],
    year_from_name: bool = False,
) -> tuple[Any, int | None]:
    """The sheet to read and the year its name gives, saying which other sheets are not read.

    The first visible sheet, unless ``year`` is known and exactly one visible sheet's name gives
    it (``2024``, ``2024年度``, ``鹿寨县2024年报表``): last year's sheet is often left in front.
    A sheet read whose name gives another year than ``year`` is refused (LZ215).
    """
    from lzip_cli.report_reader import years_in_text

    visible = [sheet for sheet in sheets if sheet.sheet_state == "visible"]
    named = {id(sheet): _one(years_in_text(sheet.title)) for sheet in visible}
    sheet, key = sheets[0], "xlsx_other_sheets"
    if year is not None:
        for_year = [other for other in visible if named[id(other)] == year]
        if len(for_year) == 1 and for_year[0] is not sheets[0]:
            sheet, key = for_year[0], "xlsx_other_sheets_year"
    sheet_year = named.get(id(sheet))
    others = [other for other in visible if other is not sheet]
    if others:
        params = {
            "sheet": sheet.title,
            "count": len(others),
            "others": sheet_titles([other.title for other in others[:5]], more=len(others) > 5),
            "year": year,
        }
        warnings.append(Problem("LZ232", key, file=name, params=params))
    if year is not None and sheet_year is not None and sheet_year != year:
        problem = sheet_year_differs(
            name, sheet.title, sheet_year, year, "name" if year_from_name else "option"
        )
        for_year = [other for other in sheets if _one(years_in_text(other.title)) == year]
        shown = [other.title for other in for_year if other.sheet_state == "visible"]
        if len(shown) > 1:  # which of them is this year's report is not lzip's guess
            params = {**problem.params, "count": len(shown), "titles": sheet_titles(shown)}
            problem = Problem("LZ215", "sheet_year_several", file=name, params=params)
        elif for_year and not shown:  # the right sheet, hidden (by mistake, or to keep it clean)
            params = {**problem.params, "hidden": repr(for_year[0].title)}
            problem = Problem("LZ215", "sheet_year_hidden", file=name, params=params)
        raise LzipError([problem])
    return sheet, sheet_year


#: How many other sheets of a workbook are looked at for figures (LZ275) before the rest are
#: passed over as before.
UNREAD_SHEETS_LOOKED_AT = 20


def _unread_forms(sheets: list[Any], read: Any, year: int | None) -> tuple[str, ...]:
    """The visible sheets besides ``read`` that may be forms of the report's year too: those
    whose names give no year or that year (``year``, else the one ``read``'s name gives):
    Sheet1 (2), 县财政局, 2024年（修订）. A sheet named for another year is that year's."""
    from lzip_cli.report_reader import years_in_text

    this_year = year if year is not None else _one(years_in_text(read.title))
    others = [
        other.title
        for other in sheets
        if other is not read
        and other.sheet_state == "visible"
        and _one(years_in_text(other.title)) in (None, this_year)
    ]
    return tuple(others[:UNREAD_SHEETS_LOOKED_AT])


#: A sheet named for a later year than the report's: the message by what gave the report's.
_LATER_SHEET = {
    "name": "sheet_year_after_name",
    "option": "sheet_year_later",
    "form": "sheet_year_after_form",
}


def sheet_year_differs(
    name: str, sheet: str, sheet_year: int, year: int, said_by: str = "option"
) -> Problem:
    """LZ215: the sheet read is named for another year than the report's. A later year's sheet
    is no "last year's report": the advice follows what gave the report's year (``said_by``:
    ``name``, the file's or folder's, this year's form saved under last year's name;
    ``option``, ``--year``; ``form``, its year cells, header or title, or another file)."""
    params = {"sheet": sheet, "sheet_year": sheet_year, "year": year}
    key = _LATER_SHEET[said_by] if sheet_year > year else "sheet_year_differs"
    return Problem("LZ215", key, file=name, params=params)


def _one(years: list[int]) -> int | None:
    return years[0] if len(years) == 1 else None


def _number_format(cell: Any, name: str, row: int) -> str | None:
    """A cell's number format; LZ231 at the cell when its style is not in the file's list."""
    try:
        return getattr(cell, "number_format", None)
    except (IndexError, KeyError):
        column = getattr(cell, "column", None)
        raise LzipError(
            [Problem("LZ231", "xlsx_cell_damaged", file=name, line=row, column=column)]
        ) from None


def _sheet_rows(sheet: Any, name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The sheet's rows that have a cell in the file, by row number, as wide as the form.

    openpyxl's read-only sheet pads every row to the width the sheet declares (its
    ``<dimension>``, which one formatted cell at XFD1048576 makes ``A1:XFD1048576``) and yields
    a row for every row number up to its height. So the declared size is dropped
    (``reset_dimensions``), and the sheet is read twice: first its rows up to the
    :data:`HEAD_ROWS`-th with text (of the first :data:`HEAD_LOOK` in the file)
    :data:`HEAD_COLUMNS` wide, for the widest of those, then all of it from the top as wide as
    that plus :data:`COLUMN_MARGIN`. Rows with no cell in the file (openpyxl fills the gaps
    between rows with them) are passed over. LZ233 past :data:`MAX_ROWS`.
    """

    sheet.reset_dimensions()
    columns = min(_form_width(sheet) + COLUMN_MARGIN, HEAD_COLUMNS)
    # openpyxl yields one and the same tuple for every row missing from the file: once seen,
    # such rows are told by identity, not cell by cell (a million of them after A1048576).
    gap: tuple[Any, ...] | None = None
    rows = sheet.iter_rows(max_col=columns)
    try:
        for number, row in enumerate(rows, start=1):
            if number > MAX_ROWS:
                raise LzipError([Problem("LZ233", "too_many_rows", file=name, line=number)])
            if row is gap or _no_cells(row):  # a gap between rows, or cells far right only
                gap = row
                continue
            yield number, row
    finally:
        rows.close()


def _form_width(sheet: Any) -> int:
    """The columns of the widest of the sheet's first :data:`HEAD_ROWS` rows with text."""
    gap: tuple[Any, ...] | None = None
    width = filled = looked = 0
    rows = sheet.iter_rows(max_col=HEAD_COLUMNS)
    try:
        for row in rows:
            if row is gap or _no_cells(row):
                gap = row
                continue
            last = max((i for i, c in enumerate(row) if c.value not in (None, "")), default=-1)
            if last >= 0:
                filled += 1
                width = max(width, last + 1)
            looked += 1
            if filled == HEAD_ROWS or looked == HEAD_LOOK:
                break
    finally:
        rows.close()
    return width


def _no_cells(row: tuple[Any, ...]) -> bool:
    """Whether none of the row's cells is in the file (openpyxl's EMPTY_CELL fills the rest)."""
    from openpyxl.cell.read_only import EMPTY_CELL

    return all(cell is EMPTY_CELL for cell in row)


#: How a sheet's XML says a row or column is hidden (``<row r="5" hidden="1">``).
_TRUE = frozenset(("1", "true"))
#: The widest sheet (XFD): a hidden ``<col min="5" max="16384">`` names no more columns.
MAX_COLUMN = 16_384
#: Merged ranges a sheet may have: a form has a handful, in its title and header.
MAX_MERGED = 10_000


def _unseen(attributes: dict[str, str], size: str) -> bool:
    """Whether a ``<row>`` or ``<col>`` is hidden, or ``size`` (``ht``, ``width``) is 0."""
    if attributes.get("hidden") in _TRUE:
        return True
    try:
        return float(attributes.get(size, "1")) == 0
    except ValueError:
        return False


def _sheet_layout(
    workbook: Any, sheet: Any, name: str
) -> tuple[list[_Merged], frozenset[int], frozenset[int]]:
    """The sheet's merged ranges, its hidden rows and its hidden columns (1-based; of no
    height or width too), read from its XML (a read-only sheet lists none of them).

    A row past :data:`MAX_ROWS` is refused here (LZ233), before openpyxl reads any (it keeps
    the attributes of every hidden row it passes), and so are more than :data:`MAX_MERGED`
    merged ranges (LZ253): a file of 2 MB can declare millions of either, which had taken
    gigabytes of memory.
    """
    from openpyxl.utils.cell import range_boundaries

    archive, member = getattr(workbook, "_archive", None), getattr(sheet, "_worksheet_path", None)
    if archive is None or not member:  # pragma: no cover - openpyxl internals changed
        return [], frozenset(), frozenset()
    refs: list[str] = []
    rows: set[int] = set()
    columns: set[int] = set()
    row = 0  # a <row> without its number (r) is the one after the row before, as openpyxl reads it

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal row
        element = tag.rpartition(" ")[2]
        if element == "row":
            number = attributes.get("r", "")
            row = int(number) if number.isdigit() else row + 1
            if row > MAX_ROWS:
                raise LzipError([Problem("LZ233", "too_many_rows", file=name, line=row)])
            if _unseen(attributes, "ht"):
                rows.add(row)
        elif element == "col":
            low, high = attributes.get("min", ""), attributes.get("max", "")
            if low.isdigit() and high.isdigit() and _unseen(attributes, "width"):
                columns.update(range(int(low), min(int(high), MAX_COLUMN) + 1))
        elif element == "mergeCell" and attributes.get("ref"):
            if len(refs) == MAX_MERGED:
                params = {"limit": MAX_MERGED}
                raise LzipError(
                    [Problem("LZ253", "xlsx_merged_too_many", file=name, params=params)]
                )
            refs.append(attributes["ref"])

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    try:
        with archive.open(member) as source:
            parser.ParseFile(source)
    except (expat.ExpatError, *_BROKEN):
        return [], frozenset(), frozenset()  # openpyxl reports a broken sheet itself
    ranges: list[_Merged] = []
    for ref in refs:
        try:
            column, row, _, last_row = range_boundaries(ref)
        except (ValueError, TypeError):
            column = row = last_row = None
        ranges.append((ref, column, row, last_row))
    return ranges, frozenset(rows), frozenset(columns)


def _merged_below(ranges: list[_Merged], header_row: int, name: str) -> dict[int, list[_Merged]]:
    """The merged ranges from ``header_row`` down, by their first row.

    Merged cells there are refused (LZ253), each at its first cell: only that one holds a
    value, the rest read as blank, which would silently turn figures into "not reported". A
    footer row (注：…, 填表人：…) merged across the form is the exception, so ranges are
    refused row by row as the rows are read; one reaching the header from above, or of unknown
    extent, is refused at once.
    """
    at_once: list[_Merged] = []
    by_row: dict[int, list[_Merged]] = {}
    for merged in ranges:
        _, _, row, last_row = merged
        if last_row is None or row is None or (row < header_row <= last_row):
            at_once.append(merged)
        elif row >= header_row:
            by_row.setdefault(row, []).append(merged)
    if at_once:
        _refuse(at_once, name)
    return by_row


def _refuse(ranges: list[_Merged], name: str) -> None:
    log = ProblemLog()
    for ref, column, row, _ in ranges:
        log.add(Problem("LZ253", "xlsx_merged", name, row, column, params={"ref": ref}))
    log.raise_if_any()


class _FormulaRows:
    """The sheet's formulas, read again from its XML row by row on demand.

    openpyxl reads a formula's saved result as blank both when there is none (a workbook a
    program wrote and nothing computed: ``<c><f>1+2</f><v/></c>``) and when the result is
    empty text (``=IF(A2>0,"",…)`` as Excel and WPS save it: ``<c t="str"><f>…</f><v></v>``).
    The first is refused (LZ251), the second is a blank cell: the cell's type (``str``, a
    formula's text result) and its ``<v>`` tell them apart.
    """

    def __init__(
        self, workbook: Any, sheet: Any, name: str, broken: tuple[type[Exception], ...]
    ) -> None:
        from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser

        class Parser(WorkSheetParser):
            """openpyxl's parser of a sheet's XML, reading formulas, not their results."""

            def parse_cell(self, element: Any) -> dict[str, Any]:
                cell: dict[str, Any] = super().parse_cell(element)
                value = element.find(VALUE_TAG)
                if (
                    cell["data_type"] == "f"
                    and element.get("t") == "str"
                    and value is not None
                    and not value.text
                ):
                    cell["data_type"], cell["value"] = "s", ""  # computed: empty text
                return cell

        self._broken = broken
        self._name = name
        try:
            self._source = workbook._archive.open(sheet._worksheet_path)
        except broken as exc:
            raise _unreadable(name, exc) from None
        parser = Parser(self._source, sheet._shared_strings, data_only=False)
        self._rows: Iterator[tuple[int, list[dict[str, Any]]]] = parser.parse()
        self._ahead: tuple[int, list[dict[str, Any]]] | None = None

    def row(self, number: int, indexes: list[int]) -> dict[int, str]:
        """Formula texts (``=1+2``) of the cells ``indexes`` of row ``number`` that hold one
        without a computed result."""
        try:
            while self._ahead is None or self._ahead[0] < number:
                with quiet_openpyxl():
                    self._ahead = next(self._rows, None)
                if self._ahead is None:
                    return {}
        except self._broken as exc:
            raise _unreadable(self._name, exc) from None
        current, cells = self._ahead
        if current != number:
            return {}
        wanted = set(indexes)
        found = {
            cell["column"] - 1: _formula_text(cell)
            for cell in cells
            if cell["column"] - 1 in wanted
        }
        return {i: text for i, text in found.items() if text}

    def close(self) -> None:
        self._source.close()


def _formula_text(cell: dict[str, Any]) -> str:
    if cell.get("data_type") != "f":
        return ""
    value = cell.get("value")
    text = getattr(value, "text", value)  # ArrayFormula keeps its text in .text
    if not isinstance(text, str):
        return "=?"
    return text if text.startswith("=") else "=" + text
