"""The shape of a report form: its header (one row or two, any order, Chinese or English
words), the title rows above it, and rows that are no figure (units, totals, footers).

See :data:`COLUMNS` for the headers each field may have.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lzip_cli.cells import fold
from lzip_cli.errors import LzipError, Problem, ProblemLog
from lzip_cli.messages import LANGS, TEXTS, Bilingual, t
from lzip_cli.models import Plan

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
    # The form's unit of measure: checked against the indicator's (LZ271, LZ272), never read.
    "unit": ("unit", "计量单位", "单位"),
    # Read past without a warning: 序号 is a running number, 1, 2, 3 …, not an indicator's id.
    "info": ("序号", "no."),
}


REQUIRED = ("indicator", "value")

#: Column titles only lzip's own outputs have: a shortfall list (距阶段值, 本单位填报), its index
#: (欠账项数) and ``check -f csv`` (gap_to_target). Such a file sent back among the reports
#: would have its 完成值, the county's figure, read as an agency's own.
_OUTPUT_ONLY_KEYS = (
    "sf_col_own",
    "sf_col_gap_to_milestone",
    "sf_col_gap_to_target",
    "sf_col_needed",
    "sf_col_count",
    "sf_col_indicators",
    "sf_col_file",
)
_OUTPUT_ONLY_COLUMNS = ("gap_to_milestone", "gap_to_target", "target_per_actual")


#: Fields that stand for a required one when it has no column of its own.
_STAND_INS = {"name": "indicator"}


def accepted_headers(field: str) -> Bilingual:
    """The headers read as ``field``'s column, and those that stand in for it: the Chinese ones
    for a Chinese message, the English ones too for an English one."""
    stand_ins = [name for name, stands_for in _STAND_INS.items() if stands_for == field]
    texts = [text for name in (field, *stand_ins) for text in COLUMNS[name]]
    chinese = [text for text in texts if not text.isascii()]
    english = [text for text in texts if text.isascii()]
    return Bilingual("、".join(chinese), ", ".join(english + chinese))


_HEADER_INDEX = {fold(text).casefold(): name for name, texts in COLUMNS.items() for text in texts}


#: The year a header names: 2023年完成值, 2024完成值, 完成值（2023年）, 数值(2024).
_HEADER_YEAR = re.compile(r"(?<![0-9])((?:19|20|21)[0-9]{2})(?![0-9])")


#: Fields a form may give once a year, side by side (2023年完成值, 2024年完成值; 2023年笔数 …).
_YEARLY = ("value", "count")


#: What a form adds around a header word: a unit in brackets, a year before it.
_HEADER_DECORATION = re.compile(r"^(?:19|20|21)[0-9]{2}(?:年度?)?|[(（\[【][^)）\]】]*[)）\]】]$")


#: Rows above the header that a form may carry (a title, "填报单位：…"), read past unreported.
MAX_TITLE_ROWS = 10


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


def names_the_county(text: str) -> bool:
    """合计, 全县 or （全县合计） in the agency column: the county-wide row, as a blank cell is."""
    return _COUNTY_AGENCY.fullmatch(_COUNTY_DECORATION.sub("", fold(text))) is not None


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
    ignored: list[str] = []
    first_ignored: int | None = None  # the index of the leftmost column not read
    for index, cell in enumerate(cells):
        if not fold(cell):
            continue
        canonical = header_field(cell)
        if canonical is None:
            ignored.append(cell.strip())
            first_ignored = index if first_ignored is None else first_ignored
        elif canonical == "unit":
            found.setdefault(canonical, [index])  # a second unit column is read past
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
        if canonical == "note":  # 说明 added beside the form's 备注: read past, as any other
            primary = [i for i in indexes if fold(cells[i]).casefold() in COLUMNS["note"][:2]]
            columns["note"] = kept = (primary or indexes)[0]
            ignored.extend(cells[i].strip() for i in indexes if i != kept)
            passed = min(i for i in indexes if i != kept)
            first_ignored = passed if first_ignored is None else min(first_ignored, passed)
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
                if columns.get("unit") == index:
                    del columns["unit"]
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
                        "found": _headers_named(ignored, "、"),
                        "accepted": accepted_headers(required),
                    },
                )
            )
    if ignored:
        warnings.append(
            Problem(
                "LZ222",
                "ignored_columns",
                file=name,
                line=lines[first_ignored] if lines and first_ignored is not None else row,
                column=first_ignored + 1 if first_ignored is not None else None,
                params={"headers": _headers_named(ignored, ", ")},
            )
        )
    return columns, by_year


#: How many headers lzip does not know a message names; the rest are counted.
HEADERS_NAMED = 10


def _headers_named(headers: list[str], separator: str) -> str | Bilingual:
    """The first :data:`HEADERS_NAMED` of ``headers`` and how many more (a header of 100,000
    columns made one warning a line of 800 kB); ``separator`` between them in Chinese."""
    shown = headers[:HEADERS_NAMED]
    zh, en = separator.join(shown), ", ".join(shown)
    if len(headers) > HEADERS_NAMED:
        zh, en = f"{zh} 等 {len(headers)} 列", f"{en} and {len(headers) - HEADERS_NAMED} more"
    return zh if zh == en else Bilingual(zh, en)


def _output_only_headers() -> frozenset[str]:
    texts = [t(key, lang) for key in _OUTPUT_ONLY_KEYS for lang in LANGS]
    return frozenset(fold(text).casefold() for text in (*texts, *_OUTPUT_ONLY_COLUMNS))


_OUTPUT_HEADERS = _output_only_headers()


#: How many of those columns make a header lzip's own: every list, index and result has at least
#: three, while a form of the county's own with a 距目标 column or two is still a report.
_OUTPUT_HEADERS_NEEDED = 3


def _check_title_pattern() -> re.Pattern[str]:
    """The first line of ``lzip check``'s table in either language (``{title} · 2024 年度完成情况``)."""
    forms = []
    for template in TEXTS["check_title"]:
        escaped = re.escape(template).replace(r"\{title\}", ".+").replace(r"\{year\}", "[0-9]{4}")
        forms.append(escaped)
    return re.compile("|".join(forms))


_CHECK_TITLE = _check_title_pattern()


def _is_check_title(cells: list[str]) -> bool:
    """Whether a file's first row is the title line of ``lzip check``'s table (one cell)."""
    rest = any(cell.strip() for cell in cells[1:])
    return not rest and _CHECK_TITLE.fullmatch(cells[0].strip().lstrip("\ufeff")) is not None


def refuse_lzip_output(cells: list[str], row: int, name: str, lines: list[int] | None) -> None:
    """LZ264 at the first header cell that only lzip's shortfall lists or results have, when the
    header has enough of them to be one of those files."""
    found = [index for index, cell in enumerate(cells) if fold(cell).casefold() in _OUTPUT_HEADERS]
    if len(found) < _OUTPUT_HEADERS_NEEDED:
        return
    index = found[0]
    where = lines[index] if lines else row
    params = {"header": cells[index].strip()}
    problem = Problem("LZ264", "lzip_output_as_report", name, where, index + 1, params=params)
    raise LzipError([problem])


def header_field(cell: str) -> str | None:
    """The field a header cell names (``info`` for a column read past, 序号), or None."""
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
    upper_fields = {header_field(cell) for cell in upper}
    if upper_fields == {None} or _complete(upper_fields):
        return None
    lower_fields = [header_field(cell) for cell in lower]
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
    return (combined, from_lower) if _complete(map(header_field, combined)) else None


#: A cell that is a year alone: 2023, 2023年, 2023年度.
_YEAR_CELL = re.compile(r"((?:19|20|21)[0-9]{2})(?:年度?)?")


def years_below(upper: list[str], lower: list[str]) -> tuple[list[str], list[bool]] | None:
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
        if year is None or header_field(over) not in _YEARLY:
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


def is_footer_text(indicator_text: str, cells: list[str]) -> bool:
    """Whether a row without an indicator begins like a form's footer (注：…, 填表人：…), in the
    indicator's cell or the row's first one, whatever other cells hold (a phone number)."""
    first = next((cell for cell in cells if cell.strip()), "")
    return bool(_FOOTER.match(fold(indicator_text)) or _FOOTER.match(fold(first).strip()))


#: What may stand before a unit in a row of units: 单位：万元, 计量单位:件.
_UNIT_LABEL = re.compile(r"^(?:计量)?单位[:：]?")


_BRACKETS = re.compile(r"^[(（\[【](.*)[)）\]】]$")


#: Units of money by what they multiply: a figure in one written where the plan counts another
#: is off by a power of ten.
MONEY_SCALES = {
    "元": 1,
    "yuan": 1,
    "rmb": 1,
    "cny": 1,
    "千元": 10**3,
    "万元": 10**4,
    "万": 10**4,
    "10kyuan": 10**4,
    "十万元": 10**5,
    "百万元": 10**6,
    "千万元": 10**7,
    "亿元": 10**8,
    "亿": 10**8,
}


def _unit_in(cell: str) -> str:
    """The unit a cell of a units row names, without its label or brackets: 单位：(元) → 元."""
    text = _UNIT_LABEL.sub("", fold(cell).strip())
    bracketed = _BRACKETS.fullmatch(text)
    return (bracketed[1] if bracketed else text).strip()


def is_units_row(cells: list[str], plan: Plan) -> bool:
    """Whether a row holds nothing but units of measure (万元, (笔), 单位：件): the units a form
    writes under its header, the plan's or money in any scale (元 where the plan counts 万元)."""
    units = plan.units()
    written = [_unit_in(cell) for cell in cells if cell.strip()]
    return bool(written) and all(
        not unit or unit in units or unit.casefold() in MONEY_SCALES for unit in written
    )


def units_row_unit(cells: list[str], column: int) -> str:
    """The unit a units row gives ``column`` (the value column's), or ""."""
    return _unit_in(cells[column]) if column < len(cells) else ""


def is_total_row(cells: list[str]) -> bool:
    """Whether a row is labelled 合计 / 总计 / 小计 (see :func:`total_label`)."""
    return total_label(cells) is not None


def total_label(cells: list[str]) -> tuple[int, str] | None:
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


def past_title_rows(
    rows: Iterable[tuple[int, list[str]]], titles: list[tuple[int, list[str]]] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """``rows`` from the header on, without the title rows a form has above it.

    Up to :data:`MAX_TITLE_ROWS` rows that :func:`is_title_row` may come before the header.
    Anything else (no header found, a row of figures above it) leaves the rows as they are: the
    first row is taken for the header and judged so. Each title row goes to ``titles``, numbered.

    The rows up to the header are looked at when this is called; the rest pass through a chain,
    not a generator of its own (a call saved per row of a large report).
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
                    titles += held[:-1]
                held = [numbered]  # the header: what came before it was a title
            break
        if len(held) > MAX_TITLE_ROWS:
            break
    return itertools.chain(held, iterator)


@dataclass(slots=True)
class Header:
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


def read_header(
    numbered: Iterator[tuple[int, list[str]]], name: str, warnings: list[Problem]
) -> tuple[Header, Iterator[tuple[int, list[str]]]]:
    """The first row that is not blank, read as the header (with the row below it, when the two
    make the header together: see :func:`two_row_header`), and the rows below the header;
    LZ201 when there is none."""
    for row_number, cells in numbered:
        if not "".join(cells).strip():  # every cell blank (one string, not a generator per row)
            continue
        if _is_check_title(cells):  # `check -o result.txt` put back among the forms
            params = {"title": cells[0].strip()}
            raise LzipError(
                [
                    Problem(
                        "LZ264",
                        "lzip_table_as_report",
                        file=name,
                        line=row_number,
                        column=1,
                        params=params,
                    )
                ]
            )
        lines = None
        if not _complete(map(header_field, cells)):  # its second row below?
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
            yearly = years_below(cells, below[1]) if below[0] == row_number + 1 else None
            if yearly is not None:
                cells, from_lower = yearly
                lines = [below[0] if lower else row_number for lower in from_lower]
            else:
                numbered = itertools.chain([below], numbered)
        refuse_lzip_output(cells, row_number, name, lines)
        log = ProblemLog()
        columns, by_year = _map_header(cells, row_number, name, log, warnings, lines)
        # (Not when the sheet named for the report's year was read: the first is no cover.)
        sheets = next((w for w in warnings if w.key == "xlsx_other_sheets"), None)
        missing = any(problem.code == "LZ208" for problem in log.problems)
        if missing and sheets is not None:  # a cover sheet before the report's sheet?
            log.add(
                Problem("LZ208", "missing_column_other_sheets", file=name, params=sheets.params)
            )
        log.raise_if_any()
        return Header(row_number, cells, columns, by_year, lines), numbered
    raise LzipError([Problem("LZ201", "report_empty", file=name)])
