"""A CSV report as text: what the file is, its encoding, its delimiter and its rows, numbered.

Everything here is about bytes and lines; what the rows mean is
:mod:`lzip_cli.report_form` and :mod:`lzip_cli.report_row`.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from lzip_cli.cells import CONTROL
from lzip_cli.errors import LzipError, Problem, RowNumber, unreadable
from lzip_cli.messages import OTHER_WORKBOOKS
from lzip_cli.report_form import MAX_TITLE_ROWS, header_field

SNIFF_BYTES = 1 << 20


#: The start of an HTML page or an XML spreadsheet, after a BOM and blank space.
_MARKUP = re.compile(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|table|\?xml|meta|head)", re.I)


MAX_LINE_CHARS = 1 << 20


MAX_FIELD_CHARS = 1 << 16


_UNDECODABLE = re.compile("[\udc80-\udcff]")


#: A zip archive's first bytes: a member's header, or the end of the directory of an empty
#: archive (no member), or the marker a split archive starts with.
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
#: The first entry of an OpenDocument spreadsheet, stored uncompressed at its start.
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


#: The streams a workbook with a password to open (an encrypted .xlsx) holds in its OLE
#: container, named as the container's directory spells them (UTF-16LE); an old .xls has none.
_ENCRYPTED_STREAMS = tuple(n.encode("utf-16-le") for n in ("EncryptedPackage", "EncryptionInfo"))
#: An OLE directory entry's size: its sectors (512 or 4096 bytes) hold entries that begin with
#: the stream's name, so a name is only one at a multiple of it.
_OLE_ENTRY = 128
#: The start of an AppleDouble file (``._name``), what macOS writes beside a file copied
#: to a disk that cannot hold its metadata.
_APPLE_DOUBLE_MAGIC = b"\x00\x05\x16\x07"
#: How far into an OLE file its directory is looked for (it may follow the data).
OLE_SCAN_BYTES = 256 << 20


def sniff(path: Path, name: str) -> str:
    try:
        if path.is_dir():
            raise LzipError([Problem("LZ001", "file_is_directory", file=name)])
        with path.open("rb") as handle:
            head = handle.read(512)
    except FileNotFoundError:
        raise LzipError([Problem("LZ003", "file_missing", file=name)]) from None
    except OSError as exc:
        raise unreadable(name, exc) from None
    if path.name.startswith("~$") and b"\x00" in head and not head.startswith(_ZIP_MAGIC):
        # Excel's or WPS's lock file beside a workbook open in it (a user name, padded, in
        # UTF-16 too): named on the command line, as `2024/*.xlsx` names it, it is no report,
        # and no "UTF-16 text" or "NUL byte" either.
        raise LzipError([Problem("LZ202", "report_lock_file", file=name)])
    if head.startswith(_APPLE_DOUBLE_MAGIC):
        # ._forestry.xlsx: macOS's companion of forestry.xlsx on a USB stick or network share
        raise LzipError([Problem("LZ202", "report_apple_double", file=name)])
    if not head:
        return "empty"
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        if suffix not in OTHER_WORKBOOKS and _ODS_MIMETYPE in head:  # an .ods by any name
            suffix = ".ods"
        # An .et, or any of these names holding an .xlsx workbook, is read as one.
        if suffix in OTHER_WORKBOOKS and suffix != ".et" and not _holds_xlsx(path):
            kind = {"kind": OTHER_WORKBOOKS[suffix]}
            raise LzipError([Problem("LZ202", "report_is_other_workbook", file=name, params=kind)])
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        if _ole_encrypted(path):
            raise LzipError([Problem("LZ268", "report_encrypted", file=name)])
        if suffix == ".et":  # WPS's own format: not an .xls to the user who saved it
            kind = {"kind": OTHER_WORKBOOKS[suffix]}
            raise LzipError([Problem("LZ202", "report_is_other_workbook", file=name, params=kind)])
        raise LzipError([Problem("LZ202", "report_is_xls", file=name)])
    if _MARKUP.match(head):
        # A web system's "Excel" export (an HTML table named .xls), or Excel 2003 XML.
        raise LzipError([Problem("LZ202", "report_is_markup", file=name)])
    return "csv"


def _holds_xlsx(path: Path) -> bool:
    """Whether a zip holds an .xlsx workbook (``xl/workbook.xml``), whatever its name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _ole_encrypted(path: Path) -> bool:
    """Whether an OLE file is an encrypted workbook (.xlsx with a password to open), not .xls:
    its directory names the ``EncryptedPackage`` or ``EncryptionInfo`` stream."""
    chunk_size = 1 << 20  # a multiple of _OLE_ENTRY: no entry's name straddles two chunks
    try:
        with path.open("rb") as handle:
            for offset in range(0, OLE_SCAN_BYTES, chunk_size):
                chunk = handle.read(chunk_size)
                for stream in _ENCRYPTED_STREAMS:
                    at = chunk.find(stream)
                    while at >= 0:
                        if (offset + at) % _OLE_ENTRY == 0:
                            return True
                        at = chunk.find(stream, at + 1)
                if len(chunk) < chunk_size:
                    break
    except OSError:
        pass  # read before: refused as an .xls all the same
    return False


def _looks_utf16(sample: bytes) -> bool:
    """Text saved as UTF-16 without a BOM: NUL bytes nearly all at even or all at odd offsets
    (the high byte of ASCII; a character such as 开, U+5F00, or 一, U+4E00, puts one at the
    other), and the sample reads as text, no control character but tab and line ends."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < 4 or min(even, odd) * 4 > max(even, odd):
        return False
    try:
        # (A sample cut off inside a character or a surrogate pair reads to where it is cut.)
        decoder = codecs.getincrementaldecoder("utf-16-le" if odd > even else "utf-16-be")()
        text = decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return not CONTROL.search(text)


def _detect_encoding(path: Path, name: str) -> str:
    """UTF-8 (with or without BOM), GB18030 (a superset of GBK), judged on the first MiB, or
    UTF-16 with its BOM: Excel's "Unicode 文本" and what Windows PowerShell 5 redirects to."""
    with path.open("rb") as handle:
        sample = handle.read(SNIFF_BYTES)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # the BOM says which byte order, and is read past
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


#: About how many characters of lines are read ahead and checked together (NUL, undecodable
#: bytes) before the CSV reader is given them; a line found wrong stops the reading there.
_BATCH_CHARS = 1 << 16


def _bounded_lines(handle: TextIO, name: str) -> Iterator[str]:
    """Lines of ``handle``, refusing one longer than :data:`MAX_LINE_CHARS` without reading it all.

    The lines come in batches, each checked at once; the lines before a wrong one are given
    first, and only then its error raised, as if each line were checked as it is read.
    """
    return itertools.chain.from_iterable(_line_batches(handle, name))


def _line_batches(handle: TextIO, name: str) -> Iterator[list[str]]:
    readline = handle.readline
    gbk = handle.encoding == "gb18030"
    number = 0  # lines given out before this batch
    while True:
        batch: list[str] = []
        size = 0
        failure: Problem | None = None
        end = False
        while size < _BATCH_CHARS:
            try:
                line = readline(MAX_LINE_CHARS)
            except UnicodeDecodeError:  # UTF-16 cut off mid-character, or half a surrogate pair
                failure = Problem(
                    "LZ203", "report_encoding", file=name, line=number + len(batch) + 1
                )
                break
            if line.endswith("\x1a"):
                # DOS's end-of-file mark (Ctrl-Z), which `copy a.csv+b.csv` leaves after the last
                # cell: no part of it. (Inside a line, it is the cell's text, as Excel reads it.)
                line = line.rstrip("\x1a")
            if not line:
                end = True
                break
            length = len(line)
            if length >= MAX_LINE_CHARS and not line.endswith("\n"):
                failure = Problem("LZ205", "line_too_long", file=name, line=number + len(batch) + 1)
                break
            batch.append(line)
            size += length
        text = "".join(batch)
        if "\x00" in text or _UNDECODABLE.search(text) or (gbk and not text.isascii()):
            for index, line in enumerate(batch):
                problem = _line_problem(line, name, number + index + 1, gbk=gbk)
                if problem is not None:
                    yield batch[:index]
                    raise LzipError([problem])
        number += len(batch)
        yield batch
        if failure is not None:
            raise LzipError([failure])
        if end:
            return


def _line_problem(line: str, name: str, number: int, *, gbk: bool = False) -> Problem | None:
    """What is wrong in the text of a line: a NUL byte, a byte its encoding cannot read, or
    (``gbk``: the file was read as GBK) a line that is UTF-8."""
    if "\x00" in line:
        return Problem("LZ204", "nul_byte", file=name, line=number)
    if gbk and _utf8_read_as_gbk(line):
        return Problem("LZ203", "report_utf8_line", file=name, line=number)
    undecodable = _UNDECODABLE.search(line)
    if undecodable:  # decoded with surrogateescape: the byte and its line are known exactly
        return Problem(
            "LZ203",
            "report_encoding_byte",
            file=name,
            line=number,
            params={"byte": f"{ord(undecodable.group()) - 0xDC00:02X}"},
        )
    return None


#: Characters of the CJK blocks and the full-width forms: three bytes each in UTF-8.
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _utf8_read_as_gbk(line: str) -> bool:
    """Whether a line read as GBK is UTF-8 text: a row pasted from a UTF-8 file into one saved
    as GBK (县文体广旅局 reads 鍘挎枃浣撳箍鏃呭眬). Its bytes read as UTF-8 with at least two
    Chinese characters, which GBK text as good as never does."""
    if line.isascii():
        return False
    try:
        text = line.encode("gb18030", errors="surrogateescape").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return len(_CJK.findall(text)) >= 2


#: Excel's first line naming a CSV's delimiter (``sep=;``): Excel reads it and shows no row for it.
_SEP_LINE = re.compile(r'sep=([^\w\s"]|\t)(?:\r\n|\r|\n)?')


def _delimiter(lines: Iterator[str]) -> tuple[list[str], str, int]:
    """The lines read to tell, the delimiter, and how many lines above the rows are no row.

    Excel's ``sep=;`` first line names the delimiter and is passed over. Else the first line
    that splits into a header lzip knows (指标, 数值, …) decides: of a comma, a tab (Excel's "text
    (tab delimited)"), a semicolon (a CSV saved where the list separator is ``;``) and a
    full-width comma (a file typed with a Chinese input method, 指标，责任单位，数值), the one
    that splits it into the most header cells lzip knows, the first of them in that order on a
    tie: so a CSV cell with a tab in it leaves a CSV a CSV, and a header cell with a comma in
    it (备注(如有,请说明)) leaves tab-delimited text tab-delimited. A title line above it may
    hold any of them, or none. With no such line among the first few, the first line holding
    one of them decides, by that order.
    """
    head: list[str] = []
    first: str | None = None
    for line in lines:
        if not head and (named := _SEP_LINE.fullmatch(line)) is not None:
            return [], named[1], 1
        head.append(line)
        best, known = None, 0
        for delimiter in (",", "\t", ";", "\uff0c"):
            if delimiter not in line:
                continue
            first = first or delimiter
            cells = (cell.strip().strip('"') for cell in line.split(delimiter))
            count = sum(header_field(cell) is not None for cell in cells)
            if count > known:
                best, known = delimiter, count
        if best is not None:
            return head, best, 0
        if len(head) > MAX_TITLE_ROWS:
            break
    return head, first or ",", 0


def iter_csv_rows(
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
        # the line below it; an error in the text itself still gives the file's line. Where the
        # row's number is not its first line, it carries that line (for --format github).
        row = 0
        start = reader.line_num + 1 + skipped  # where the next record begins
        try:
            for cells in reader:
                row += 1
                yield (row if row == start else RowNumber(row, start)), cells
                start = reader.line_num + 1 + skipped
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
