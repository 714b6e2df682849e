"""``lzip check -o 结果.xlsx``: what the table says, on worksheets, figures as numbers.

Office staff open only the workbook, so it carries all the table does, on three sheets:

- 汇总 (Summary), first: the title, the document, the status counts as the table's summary line
  says them, a word on the warnings when there are any, and each agency's count of shortfalls
  (the table's 欠账 N 项) as a number, with the indicators it owes;
- the year's sheet: every agency's table on one sheet. The cells are the table's (the same
  rounding, 未开展, 按实际), with a column naming the agency so that Excel's filter shows one
  agency at a time, and the count of 5.1–5.4 (850 / 3 in the table) in columns of its own so
  that amounts can be summed; the progress bar is left to the terminal;
- 警告 (Warnings), only when there are warnings: code, file, row, column and message, the
  fields of the JSON output's ``warnings``.
"""

from __future__ import annotations

from lzip_cli.evaluate import AgencyResult, CheckResult, Figure
from lzip_cli.messages import Lang, t
from lzip_cli.numbers import format_number
from lzip_cli.render import view
from lzip_cli.render.problems import message
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
    """The workbook: the summary sheet, the results sheet, and the warnings sheet if any."""
    sheets = [summary_sheet(result, agencies, lang), results_sheet(result, agencies, lang)]
    if result.warnings:
        sheets.append(warnings_sheet(result, lang))
    return workbook_bytes(sheets)


def summary_sheet(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> Sheet:
    """The title, the status counts and each agency's shortfalls: what the table says above
    and below its tables, with the counts as numbers."""
    intro = [result.plan.info.document or ""]
    intro.append(t("check_summary", lang, counts=view.summary_text(result, lang)))
    if result.warnings:
        intro.append(t("xlsx_warnings_note", lang, count=len(result.warnings)))
    rows: list[list[object]] = []
    for agency in agencies:
        plan_agency = result.plan.agency(agency.agency_id)
        owed = agency.shortfalls
        rows.append([plan_agency.label(lang), plan_agency.id, len(owed), ", ".join(owed)])
    return Sheet(
        title=t("xlsx_summary_sheet", lang),
        header=[
            t("col_responsible", lang),
            t("col_agency_id", lang),
            t("sf_col_count", lang),
            t("sf_col_indicators", lang),
        ],
        rows=rows,
        heading=view.title_text(result, lang),
        intro="\n".join(line for line in intro if line),
        numeric_columns=frozenset({2}),
        autofilter=True,
    )


def warnings_sheet(result: CheckResult, lang: Lang) -> Sheet:
    """One row per warning: code, file, row, column (numbers) and the message in ``lang``."""
    return Sheet(
        title=t("warnings_heading", lang),
        header=[
            t(key, lang)
            for key in ("col_code", "col_file", "col_line", "col_column", "col_message")
        ],
        rows=[[p.code, p.file, p.line, p.column, message(p, lang)] for p in result.warnings],
        autofilter=True,
    )


def results_sheet(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> Sheet:
    """Every agency's table: a title row, the header, one row per agency and indicator."""
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
                    judged=view.own_is_judged(line.own, line.actual, indicator),
                    milestone=milestone,
                ),
                own_count=_count(line.own),
            )
            rows.append([name, *(cells[column] for column in COLUMNS)])
    return Sheet(
        title=str(result.year),
        header=header,
        rows=rows,
        heading=view.title_text(result, lang),
        numeric_columns=frozenset(i + 1 for i, c in enumerate(COLUMNS) if c not in _TEXT),
        autofilter=True,
    )
