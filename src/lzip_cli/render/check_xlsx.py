"""``lzip check -o 结果.xlsx``: every agency's table on one worksheet, figures as numbers.

The cells are the table's (the same rounding, 未开展, 按实际), with a column naming the agency so
that Excel's filter shows one agency at a time, and the count of 5.1–5.4 (850 / 3 in the table)
in columns of its own so that amounts can be summed; the progress bar is left to the terminal.
"""

from __future__ import annotations

from lzip_cli.evaluate import AgencyResult, CheckResult, Figure
from lzip_cli.messages import Lang, t
from lzip_cli.numbers import format_number
from lzip_cli.render import view
from lzip_cli.render.xlsx import Sheet, workbook_bytes

#: A reported figure's column → the column of its count, right after it.
_COUNT_AFTER = {"actual": "count", "own": "own_count"}


def _columns() -> tuple[str, ...]:
    """The table's columns without the progress bar, each figure followed by its count."""
    columns: list[str] = []
    for name in view.COLUMNS:
        if name != "progress":
            columns += [name, _COUNT_AFTER[name]] if name in _COUNT_AFTER else [name]
    return tuple(columns)


COLUMNS = _columns()
#: Columns of text; the others hold figures, stored as numbers where they are plain numbers.
_TEXT = frozenset({"id", "name", "unit", "status"})


def _title(column: str, year: int, lang: Lang) -> str:
    if column == "count":
        return t("col_count", lang)
    if column == "own_count":
        return f"{t('col_own', lang)}{t('col_count', lang)}" if lang == "zh" else "Own count"
    return view.column_title(column, year, lang)


def _count(figure: Figure | None) -> str:
    return "" if figure is None or figure.count is None else format_number(figure.count)


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> bytes:
    """The workbook: a title row, the header, one row per agency and indicator."""
    header = [
        t("col_responsible", lang),
        *(_title(column, result.year, lang) for column in COLUMNS),
    ]
    rows: list[list[object]] = []
    for agency in agencies:
        name = result.plan.agency(agency.agency_id).label(lang)
        for line in agency.lines:
            cells = dict(view.line_view(result, line, lang).cells)
            indicator_result = result.indicator(line.indicator_id)
            indicator, milestone = indicator_result.indicator, indicator_result.milestone
            cells.update(  # the amount and the count in columns of their own
                actual=view.amount_text(
                    line.actual, indicator, lang, judged=True, milestone=milestone
                ),
                count=_count(line.actual),
                own=view.amount_text(
                    line.own,
                    indicator,
                    lang,
                    judged=indicator.scope == "each",
                    milestone=milestone,
                ),
                own_count=_count(line.own),
            )
            rows.append([name, *(cells[column] for column in COLUMNS)])
    sheet = Sheet(
        title=str(result.year),
        header=header,
        rows=rows,
        heading=view.title_text(result, lang),
        numeric_columns=frozenset(i + 1 for i, c in enumerate(COLUMNS) if c not in _TEXT),
    )
    return workbook_bytes([sheet])
