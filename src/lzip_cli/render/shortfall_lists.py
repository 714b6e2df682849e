"""Shortfall lists and their index as Markdown, CSV or .xlsx, ready to print and hand over."""

from __future__ import annotations

from lzip_cli.evaluate import CheckResult
from lzip_cli.messages import Lang, name_list, t
from lzip_cli.numbers import display_milestone, format_number
from lzip_cli.render import markdown, plan_text, view
from lzip_cli.render.csvout import to_csv
from lzip_cli.shortfalls import AgencyShortfalls, Shortfall

COLUMNS = (
    "id",
    "name",
    "unit",
    "milestone",
    "target",
    "actual",
    "own",
    "gap_to_milestone",
    "gap_to_target",
    "status",
    "others",
    "needed",
)
#: Columns holding a plain figure (stored as numbers in .xlsx).
NUMERIC_COLUMNS = frozenset(
    COLUMNS.index(c)
    for c in ("milestone", "target", "actual", "own", "gap_to_milestone", "gap_to_target")
)


def _milestone(value: float | None, item: Shortfall) -> str:
    if value is None:
        return "—"
    increase = item.indicator.direction == "increase"
    return format_number(display_milestone(value, item.indicator.unit, increase))


def needed_text(item: Shortfall, lang: Lang) -> str:
    """What the agency must reach by the next milestone, in words."""
    if item.next_milestone is None:
        return ""
    target = _milestone(item.next_milestone, item)
    flow = item.indicator.kind == "flow"  # counted anew each year: this year's carries nothing
    if item.actual.value is None:
        key = "needed_report_first_flow" if flow else "needed_report_first"
        return t(key, lang, year=item.next_year, target=target)
    if flow:
        return t("needed_in_year", lang, year=item.next_year, target=target)
    needed = item.needed or 0.0
    return t(
        "needed_more",
        lang,
        year=item.next_year,
        target=target,
        more=view.gap_text(needed, item.indicator),
    )


def item_cells(result: CheckResult, item: Shortfall, lang: Lang) -> dict[str, str]:
    indicator = item.indicator
    return {
        "id": indicator.id,
        "name": indicator.label(lang),
        "unit": plan_text.unit_text(indicator),
        "milestone": _milestone(item.milestone, item),
        "target": plan_text.target_text(indicator, lang, compact=True),
        "actual": view.figure_text(item.actual, indicator, lang),
        "own": view.figure_text(item.own, indicator, lang),
        "gap_to_milestone": view.gap_text(item.actual.gap_to_milestone, indicator),
        "gap_to_target": view.gap_text(item.actual.gap_to_target, indicator),
        "status": view.status_text(item.actual, lang),
        "others": name_list((result.plan.agency(a).label(lang) for a in item.others), lang),
        "needed": needed_text(item, lang),
    }


def headers(year: int, lang: Lang) -> list[str]:
    return [t("sf_col_" + column, lang, year=year) for column in COLUMNS]


def list_title(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    agency = result.plan.agency(entry.agency_id)
    return t("sf_title", lang, name=agency.label(lang), year=result.year)


def to_markdown(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    """One agency's list as a printable Markdown document."""
    info = result.plan.info
    lines = [
        f"# {list_title(result, entry, lang)}",
        "",
        t(
            "sf_intro",
            lang,
            title=info.title if lang == "zh" else info.title_en,
            document=info.document or "",
            count=len(entry.items),
            year=result.year,
        ),
        "",
    ]
    rows = [[item_cells(result, item, lang)[c] for c in COLUMNS] for item in entry.items]
    lines += markdown.table(headers(result.year, lang), rows)
    lines += ["", t("sf_footer", lang), ""]
    return "\n".join(lines)


def to_csv_text(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    rows = [[item_cells(result, item, lang)[c] for c in COLUMNS] for item in entry.items]
    return to_csv(headers(result.year, lang), rows)


#: The index's column of how many items an agency owes (欠账项数).
INDEX_COUNT_COLUMN = 2


def index_rows(
    result: CheckResult, entries: list[AgencyShortfalls], files: dict[str, str], lang: Lang
) -> list[list[str]]:
    rows = []
    for entry in entries:
        agency = result.plan.agency(entry.agency_id)
        count = len(entry.items)
        rows.append(
            [
                agency.id,
                agency.label(lang),
                str(count),
                ", ".join(item.indicator.id for item in entry.items),
                files.get(entry.agency_id, t("sf_clear", lang)),
            ]
        )
    return rows


def index_headers(lang: Lang) -> list[str]:
    return [
        t(key, lang)
        for key in (
            "col_agency_id",
            "col_agency",
            "sf_col_count",
            "sf_col_indicators",
            "sf_col_file",
        )
    ]


def index_markdown(
    result: CheckResult, entries: list[AgencyShortfalls], files: dict[str, str], lang: Lang
) -> str:
    owing = sum(1 for e in entries if e.items)
    lines = [
        f"# {t('sf_index_title', lang, year=result.year)}",
        "",
        t("sf_index_intro", lang, owing=owing, total=len(entries)),
        "",
    ]
    lines += markdown.table(index_headers(lang), index_rows(result, entries, files, lang))
    lines.append("")
    return "\n".join(lines)


def file_names(entries: list[AgencyShortfalls], extension: str) -> tuple[dict[str, str], str]:
    """Safe, distinct file names for the lists of agencies that owe, and the index's name."""
    from lzip_cli.output import safe_filename, unique_names

    owing = [e for e in entries if e.items]
    stems = unique_names(safe_filename(e.agency_id) for e in owing)
    names = {e.agency_id: f"{stem}.{extension}" for e, stem in zip(owing, stems, strict=True)}
    index_name = f"index.{extension}"
    if index_name.lower() in (n.lower() for n in names.values()):
        index_name = f"_index.{extension}"
    return names, index_name


def list_files(
    result: CheckResult, entries: list[AgencyShortfalls], extension: str, lang: Lang
) -> list[tuple[str, bytes]]:
    """Every file ``shortfalls --out`` writes, as (file name, content): the lists, then the index.

    ``extension`` is ``md``, ``csv`` (UTF-8 with a BOM, for Excel) or ``xlsx``.
    """
    names, index_name = file_names(entries, extension)
    owing = [e for e in entries if e.items]
    index_rows_ = index_rows(result, entries, names, lang)
    files: list[tuple[str, bytes]] = []
    if extension == "xlsx":
        from lzip_cli.render.xlsx import Sheet, workbook_bytes

        for entry in owing:
            sheet = Sheet(
                title=entry.agency_id,
                header=headers(result.year, lang),
                rows=[[item_cells(result, i, lang)[c] for c in COLUMNS] for i in entry.items],
                heading=list_title(result, entry, lang),
                numeric_columns=NUMERIC_COLUMNS,
            )
            files.append((names[entry.agency_id], workbook_bytes([sheet])))
        index_sheet = Sheet(
            title="index",
            header=index_headers(lang),
            rows=index_rows_,
            heading=t("sf_index_title", lang, year=result.year),
            numeric_columns=frozenset({INDEX_COUNT_COLUMN}),
        )
        files.append((index_name, workbook_bytes([index_sheet])))
    elif extension == "csv":
        for entry in owing:
            text = "\ufeff" + to_csv_text(result, entry, lang)
            files.append((names[entry.agency_id], text.encode("utf-8")))
        index = "\ufeff" + to_csv(index_headers(lang), index_rows_)
        files.append((index_name, index.encode("utf-8")))
    else:
        for entry in owing:
            text = to_markdown(result, entry, lang)
            files.append((names[entry.agency_id], text.encode("utf-8")))
        files.append((index_name, index_markdown(result, entries, names, lang).encode("utf-8")))
    return files


def stdout_markdown(result: CheckResult, entries: list[AgencyShortfalls], lang: Lang) -> str:
    """All lists and the index as one Markdown document, for ``shortfalls`` without ``--out``."""
    documents = [to_markdown(result, e, lang) for e in entries if e.items]
    above = {e.agency_id: t("sf_above", lang) for e in entries if e.items}
    documents.append(index_markdown(result, entries, above, lang))
    return "\n---\n\n".join(documents)
