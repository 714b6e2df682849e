"""Shortfall lists and their index as Markdown, CSV or .xlsx, ready to print and hand over."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lzip_cli.evaluate import CheckResult
from lzip_cli.messages import LANGS, Lang, name_list, t
from lzip_cli.numbers import display_milestone, format_number
from lzip_cli.render import markdown, plan_text, view
from lzip_cli.render.csvout import plain_figure, to_csv
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
    "note",
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
    shown = display_milestone(value, item.indicator.unit, increase)
    return format_number(shown, group=plan_text.grouped(item.indicator))


def report_text(item: Shortfall, lang: Lang) -> str:
    """What an unreported figure asks for: the figure, or what is missing of amount and count."""
    indicator = item.indicator
    if not indicator.compound:
        return t("needed_report", lang)
    sent = item.own if item.own is not None else item.actual
    if sent.value is None and sent.count is not None:  # the count came without its amount
        return t("needed_report_amount", lang, unit=indicator.unit_label(lang))
    return t(
        "needed_report_amount_count",
        lang,
        unit=indicator.unit_label(lang),
        count_unit=indicator.count_unit_label(lang),
    )


def requirement_text(item: Shortfall, lang: Lang) -> str:
    """The next milestone as a requirement: the county's for a shared indicator, else the agency's.

    A flow is counted anew each year, so the whole year's figure is asked for; a stock or a
    rate also says how far it still is, once its figure is known.
    """
    indicator = item.indicator
    key = "needed_in_year" if indicator.kind == "flow" else "needed_reach"
    decrease = indicator.direction == "decrease"
    if decrease:
        key = "needed_in_year_down" if indicator.kind == "flow" else "needed_down"
    if indicator.scope == "shared":
        key += "_county"
    text = t(key, lang, year=item.next_year, target=_milestone(item.next_milestone, item))
    if indicator.kind == "flow" or item.actual.status == "not-reported":
        return text  # how far a sum still lacking parts is from it is not known yet
    return t(
        "needed_still_down" if decrease else "needed_still",
        lang,
        requirement=text,
        more=view.gap_text(item.needed or 0.0, indicator),
    )


def needed_text(item: Shortfall, lang: Lang) -> str:
    """What the agency must do next, in words: report what is missing, reach the next milestone.

    An unreported figure is always asked for, even with no next milestone (an indicator tracked
    without a target, or the plan's last year, where the gap to the target says what is owed).
    """
    requirement = None if item.next_milestone is None else requirement_text(item, lang)
    if item.actual.value is None:
        report = report_text(item, lang)
    elif _missing_from_the_sum(item):
        indicator = item.indicator
        if item.own is not None and item.own.count is not None:  # its count came, no amount
            report = t("needed_report_own_amount", lang, unit=indicator.unit_label(lang))
        elif indicator.compound:  # the form's two columns, as the county-wide request says
            report = t(
                "needed_report_own_amount_count",
                lang,
                unit=indicator.unit_label(lang),
                count_unit=indicator.count_unit_label(lang),
            )
        else:
            report = t("needed_report_own", lang)
    else:
        return requirement or ""
    if requirement is None:
        return report
    return t("needed_report_then", lang, report=report, requirement=requirement)


def _missing_from_the_sum(item: Shortfall) -> bool:
    """Whether the county's figure of a shared indicator is the sum of the agencies' rows
    (no county row) and this agency sent none: the sum lacks its part."""
    return (
        item.indicator.scope == "shared"
        and item.actual.row is None
        and (item.own is None or item.own.value is None)
    )


def item_cells(result: CheckResult, item: Shortfall, lang: Lang) -> dict[str, str]:
    indicator = item.indicator
    return {
        "id": indicator.id,
        "name": indicator.label(lang),
        "unit": plan_text.unit_text(indicator, lang),
        "milestone": _milestone(item.milestone, item),
        "target": plan_text.target_text(indicator, lang, compact=True),
        "actual": view.figure_text(
            item.actual, indicator, lang, judged=True, milestone=item.milestone
        ),
        "own": view.figure_text(
            item.own,
            indicator,
            lang,
            judged=view.own_is_judged(item.own, item.actual, indicator),
            milestone=item.milestone,
        ),
        "gap_to_milestone": view.gap_text(item.actual.gap_to_milestone, indicator),
        "gap_to_target": view.gap_text(item.actual.gap_to_target, indicator),
        "status": view.status_text(
            item.actual, lang, indicator, own_figure_owed=item.own_figure_owed
        ),
        "others": name_list((result.plan.agency(a).label(lang) for a in item.others), lang),
        "needed": needed_text(item, lang),
        "note": item.note or "",
    }


def columns(entry: AgencyShortfalls, *, printable: bool) -> tuple[str, ...]:
    """The list's columns: a printable list (Markdown, .xlsx) shows the agency's notes (备注)
    only when it wrote one on some item owed; the CSV list, data, always has the column."""
    if printable and not any(item.note for item in entry.items):
        return COLUMNS[:-1]
    return COLUMNS


def headers(year: int, lang: Lang, shown: tuple[str, ...] = COLUMNS) -> list[str]:
    return [t("sf_col_" + column, lang, year=year) for column in shown]


def list_title(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    agency = result.plan.agency(entry.agency_id)
    return t("sf_title", lang, name=agency.label(lang), year=result.year)


def intro_text(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    """The paragraph above a list: the plan it rests on, how many items, act before assessment."""
    info = result.plan.info
    own_missing = any(item.own_figure_owed for item in entry.items)
    return t(
        "sf_intro_own_missing" if own_missing else "sf_intro",
        lang,
        title=info.title if lang == "zh" else info.title_en,
        # A plan without a document number gets no empty brackets: 《…》量化指标.
        document=t("sf_intro_document", lang, document=info.document) if info.document else "",
        count=len(entry.items),
        year=result.year,
    )


def item_rows(
    result: CheckResult, entry: AgencyShortfalls, lang: Lang, shown: tuple[str, ...] = COLUMNS
) -> list[list[str]]:
    return [[item_cells(result, item, lang)[c] for c in shown] for item in entry.items]


def to_markdown(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    """One agency's list as a printable Markdown document."""
    lines = [f"# {list_title(result, entry, lang)}", "", intro_text(result, entry, lang), ""]
    shown = columns(entry, printable=True)
    lines += markdown.table(
        headers(result.year, lang, shown), item_rows(result, entry, lang, shown)
    )
    lines += ["", t("sf_footer", lang), ""]
    return "\n".join(lines)


def to_csv_text(result: CheckResult, entry: AgencyShortfalls, lang: Lang) -> str:
    """One agency's list as data: a plain table whose first column names the agency.

    A column rather than a title line above the header, so that the file stays one table that
    spreadsheets, csv readers and pandas take as it is, and lists appended one to another still
    say whose each line is. The printable forms (Markdown, .xlsx) carry the title and notes.
    Figures are plain numbers (16030, not 16,030), as the .xlsx list holds them.
    """
    agency = result.plan.agency(entry.agency_id).label(lang)
    rows = [
        [agency, *(plain_figure(c) if i in NUMERIC_COLUMNS else c for i, c in enumerate(row))]
        for row in item_rows(result, entry, lang)
    ]
    return to_csv([t("sf_col_agency", lang), *headers(result.year, lang)], rows)


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
                files.get(
                    entry.agency_id, t("sf_not_written" if entry.items else "sf_clear", lang)
                ),
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


def index_intro(entries: list[AgencyShortfalls], lang: Lang) -> str:
    owing = sum(1 for e in entries if e.items)
    key = "sf_index_intro" if owing else "sf_index_intro_none"  # not "0 of 1 agency have"
    return t(key, lang, owing=owing, total=len(entries))


def index_markdown(
    result: CheckResult, entries: list[AgencyShortfalls], files: dict[str, str], lang: Lang
) -> str:
    lines = [
        f"# {t('sf_index_title', lang, year=result.year)}",
        "",
        index_intro(entries, lang),
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
    result: CheckResult,
    entries: list[AgencyShortfalls],
    extension: str,
    lang: Lang,
    *,
    everyone: list[AgencyShortfalls] | None = None,
    existing: frozenset[str] = frozenset(),
) -> list[tuple[str, bytes]]:
    """Every file ``shortfalls --out`` writes, as (file name, content): the lists, then the index.

    ``extension`` is ``md``, ``csv`` (UTF-8 with a BOM, for Excel) or ``xlsx``. When ``entries``
    are some agencies only (``--agency``), ``everyone`` holds every agency's: the index still
    covers them all, and names the list of an agency left out only when ``existing`` (the files
    already in the folder) holds it.
    """
    listed = everyone if everyone is not None else entries
    names, index_name = file_names(listed, extension)
    chosen = {entry.agency_id for entry in entries}
    names = {agency: name for agency, name in names.items() if agency in chosen or name in existing}
    owing = [e for e in entries if e.items]
    index_rows_ = index_rows(result, listed, names, lang)
    files: list[tuple[str, bytes]] = []
    if extension == "xlsx":
        from lzip_cli.render.xlsx import Sheet, workbook_bytes

        for entry in owing:
            shown = columns(entry, printable=True)
            sheet = Sheet(
                title=t("sf_sheet", lang, year=result.year),
                header=headers(result.year, lang, shown),
                rows=item_rows(result, entry, lang, shown),
                heading=list_title(result, entry, lang),
                numeric_columns=NUMERIC_COLUMNS,
                intro=intro_text(result, entry, lang),
                footnote=t("sf_footer", lang),
            )
            files.append((names[entry.agency_id], workbook_bytes([sheet])))
        index_sheet = Sheet(
            title=t("sf_index_sheet", lang, year=result.year),
            header=index_headers(lang),
            rows=index_rows_,
            heading=t("sf_index_title", lang, year=result.year),
            numeric_columns=frozenset({INDEX_COUNT_COLUMN}),
            intro=index_intro(listed, lang),
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
        files.append((index_name, index_markdown(result, listed, names, lang).encode("utf-8")))
    return files


_YEAR, _NAME = "\x00year\x00", "\x00name\x00"


def _year_patterns(texts: Callable[[Lang], str]) -> list[re.Pattern[str]]:
    """``texts(lang)``, written with the year as :data:`_YEAR` and any agency's name as
    :data:`_NAME`, as a pattern in either language capturing the year."""
    patterns = []
    for lang in LANGS:
        text = re.escape(texts(lang))
        text = text.replace(re.escape(_NAME), ".*").replace(re.escape(_YEAR), r"(\d{4})")
        patterns.append(re.compile(text))
    return patterns


def list_year(path: Path) -> int | None:
    """The year of the list lzip wrote at ``path`` (a Markdown, CSV or .xlsx list), read back
    from its title, its milestone column or its sheet's name; None for a file that is not such a
    list, or cannot be read.

    Lets ``shortfalls --agency`` name in its index only lists left by a run for the same year:
    a folder can still hold last year's list of an agency that this run leaves out.
    """
    import zipfile

    extension = path.suffix.lower()
    try:
        if not path.is_file():  # a folder, or a FIFO that opening would wait on
            return None
        if extension == ".xlsx":
            with zipfile.ZipFile(path) as workbook:
                head = workbook.read("xl/workbook.xml")[:65536].decode("utf-8", "replace")
            texts = re.findall(r'<sheet [^>]*name="([^"]*)"', head)
            patterns = _year_patterns(lambda lang: t("sf_sheet", lang, year=_YEAR))
        else:
            with path.open("rb") as file:
                first = file.readline(65536).decode("utf-8-sig", "replace").rstrip("\r\n")
            texts = [first]
            if extension == ".csv":  # the whole header (it needs no quotes)
                patterns = _year_patterns(
                    lambda lang: ",".join([t("sf_col_agency", lang), *headers(_YEAR, lang)])  # type: ignore[arg-type]
                )
            else:
                patterns = _year_patterns(
                    lambda lang: "# " + t("sf_title", lang, name=_NAME, year=_YEAR)
                )
    except (OSError, KeyError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile):
        return None
    for text in texts:
        for pattern in patterns:
            if matched := pattern.fullmatch(text):
                return int(matched.group(1))
    return None


def stdout_markdown(result: CheckResult, entries: list[AgencyShortfalls], lang: Lang) -> str:
    """All lists and the index as one Markdown document, for ``shortfalls`` without ``--out``."""
    documents = [to_markdown(result, e, lang) for e in entries if e.items]
    above = {e.agency_id: t("sf_above", lang) for e in entries if e.items}
    documents.append(index_markdown(result, entries, above, lang))
    return "\n---\n\n".join(documents)
