"""A year's report read from several files: the forms as the agencies send them back.

Each path is a report file, or a directory whose report files (``.csv``, ``.xlsx``, ``.xlsm``,
by name; not Excel's ``~$`` lock files) are read. The files are read as one report: every
file's problems are reported in one run, the year is the one the files agree on (a file without
a year of its own takes it; a year in a directory's name counts for the files in it as their
own name's would), and an indicator and agency reported in two files is an error naming both.

A form that holds no figures (a header only, an empty file, or lzip's form sent back with every
figure and note cell blank) is passed over with warning LZ256 when other forms hold some, naming
the agency its name, title rows or rows tell: one agency's blank return does not hide the
others'. One file alone, or a set of nothing but such forms, is refused when it has no rows
(LZ250, LZ201) and read when it has: its indicators show as not reported.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from lzip_cli.errors import LzipError, Problem, ProblemLog, display_path
from lzip_cli.messages import Bilingual
from lzip_cli.models import Agency, Plan
from lzip_cli.report import Report, ReportRow
from lzip_cli.report_reader import ReportPart, read_part, years_in_name

#: Read from a directory; .txt is Excel's tab-delimited text; .xls, .et, .ods, .numbers and
#: .xlsb are refused with a hint (save as .xlsx), not passed over as if the agency sent nothing.
REPORT_SUFFIXES = (
    ".csv",
    ".tsv",
    ".txt",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".et",
    ".ods",
    ".numbers",
    ".xlsb",
)


def report_files(paths: list[Path]) -> list[Path]:
    """The files ``paths`` name, directories expanded, each file once, in the order given."""
    return [file for file, _ in _expand(paths)]


def report_folders(paths: list[Path]) -> list[Path]:
    """The folders read as a report: those given, those of several files given one by one
    (``returns/2024/*.csv``, expanded by the shell), and the folder of one file when the folder
    is named for a year alone (``returns/2024/all.csv``: a year's folder of forms). Any other
    file alone (``2024.csv``, ``2024年度考核/2024.csv``) makes no folder a report folder: its
    result may go beside it."""
    folders = [path for path in paths if path.is_dir()]
    files = [path for path in paths if not path.is_dir()]
    if len(files) > 1:
        folders += list(dict.fromkeys(path.parent for path in files))
    elif files and is_year_folder(files[0].parent):
        folders.append(files[0].parent)
    return folders


#: A folder named for a year and nothing else: 2024, 2024年, 2024年度.
_YEAR_FOLDER = re.compile(r"(?:19|20|21)[0-9]{2}(?:年度?)?")


def is_year_folder(folder: Path) -> bool:
    """Whether ``folder`` is named for a year alone (``2024``, ``2024年``, ``2024年度``): a
    year's folder of forms, whose files make one report together. Either of its names counts:
    where it really is (``2024`` for ``.`` run in it) and as given (``reports/2024``, a symlink
    to ``/store/final``)."""
    names = (Path(os.path.realpath(folder)).name, folder.name)
    return any(_YEAR_FOLDER.fullmatch(unicodedata.normalize("NFKC", name)) for name in names)


def every_report_in(folder: Path, refused: list[Problem] | None = None) -> list[Path]:
    """``validate --all-reports``: the reports a folder of reports holds, by name: each report file
    (``reports/2024.csv``) and each folder named for a year (``reports/2025/``, one report of its
    forms). Other folders, and year folders without a form, are passed over; a file or folder
    reached twice (through a link) is listed once. Raise :class:`LzipError` if ``folder`` is no
    folder.

    A link to a file outside ``folder`` is left out, its LZ274 added to ``refused`` (raised
    when None): the other reports are still validated, each on its own."""
    if not folder.is_dir():
        key = "reports_dir_is_file" if folder.exists() else "reports_dir_missing"
        raise LzipError([Problem("LZ003", key, file=display_path(folder))])
    found: dict[str, Path] = {}  # by real path: a link to a report or folder listed is not another
    for entry in sorted(folder.iterdir()):
        if (
            _is_report_file(entry)
            or _is_broken_link(entry)  # read, to be named as missing
            or (entry.is_dir() and is_year_folder(entry) and _holds_reports(entry))
        ):
            real = os.path.normcase(os.path.realpath(entry))
            # A link to a folder or file listed (0-latest -> 2025) is not another: the real one
            # is kept, by its own name, as the workflow reads it (links sort first, by name).
            if real not in found or (found[real].is_symlink() and not entry.is_symlink()):
                found[real] = entry
    files = [path for path in found.values() if not path.is_dir()]
    try:
        _refuse_links_outside(folder, files)
    except LzipError as exc:
        if refused is None:
            raise
        refused += exc.problems
        outside = {problem.file for problem in exc.problems}
        return [path for path in found.values() if display_path(path) not in outside]
    return list(found.values())


def _refuse_links_outside(folder: Path, files: list[Path]) -> None:
    """LZ274 for the files of ``folder`` that are symbolic links to a file outside it: a folder
    of reports is read as the forms it holds, and a link committed to a data repository could
    otherwise put the first line of any file the CI job can read (its header, LZ208) in a log."""
    inside = os.path.realpath(folder)
    outside = [
        file
        for file in files
        if file.is_symlink()
        and file.exists()  # a broken link is LZ003 where it is read: there is nothing to copy in
        and os.path.commonpath([inside, os.path.realpath(file)]) != inside
    ]
    if outside:
        raise _links_refused("LZ274", "report_link_outside", outside)


def _links_refused(code: str, key: str, links: list[Path]) -> LzipError:
    """``code`` at each of ``links``, saying where it points."""
    return LzipError(
        [
            Problem(code, key, display_path(link), params={"target": os.readlink(link)})
            for link in links
        ]
    )


def year_groups(paths: list[Path]) -> list[list[Path]]:
    """``validate --all-reports``: the reports among ``paths``, each a list of the paths read
    together. Every file and folder named for one year alone, side by side (``reports/2024/``,
    ``reports/2024.csv``, ``reports/2024年/``), is one report, a folder first, as the CI
    workflow's check step reads them: a row in two of them is then found (LZ210). Every other
    path (``2024_old.csv``) is a report on its own."""
    groups: dict[Path, list[Path]] = {}
    first_of: dict[tuple[Path, int], Path] = {}  # (folder, year) → the group's first path
    for path in paths:
        year = _year_alone(path)
        first = first_of.setdefault((path.parent, year), path) if year is not None else path
        groups.setdefault(first, []).append(path)
    return [sorted(group, key=lambda path: not path.is_dir()) for group in groups.values()]


def with_year_partners(paths: list[Path]) -> list[Path]:
    """``validate --by-folder``: ``paths`` and, beside each file or folder named for one year
    alone, every other one named for that year (a folder once it holds a form): ``reports/2024/``,
    ``reports/2024.csv``, ``reports/2024年/``, so that :func:`year_groups` reads them together as
    the CI workflow does, whichever of them the commit changed."""
    found: dict[Path, None] = dict.fromkeys(paths)
    for path in paths:
        year = _year_alone(path)
        if year is None or not path.parent.is_dir():
            continue
        for entry in sorted(path.parent.iterdir()):
            if _year_alone(entry) == year and (
                _holds_reports(entry) if entry.is_dir() else _is_report_file(entry)
            ):
                found.setdefault(entry, None)
    return list(found)


def _year_alone(path: Path) -> int | None:
    """The year a report file (its name without the suffix) or a folder is named for alone, in
    ASCII digits as the CI workflow's check step (a shell pattern) tells them: ``2024.csv``,
    ``2024年.xlsx``, ``2024/``; None for ``2024_old.csv``, ``2024-模板/``, ``２０２４.csv``."""
    # A folder by its name as given, as the workflow's shell reads it (a link named current/ to
    # store/2025/ is no year's); ``.`` (run in it) by where it really is.
    name = path.name if path.is_dir() else path.stem
    if name in ("", ".", ".."):
        name = Path(os.path.realpath(path)).name
    return int(name[:4]) if _YEAR_FOLDER.fullmatch(name) else None


def _holds_reports(folder: Path) -> bool:
    """Whether a year's folder holds a form yet (an empty one, or one with only a .gitkeep or
    notes, is no report to validate)."""
    return any(_is_report_file(entry) or _is_broken_link(entry) for entry in folder.iterdir())


def _expand(paths: list[Path]) -> list[tuple[Path, Path]]:
    """Each file with the folder it is in (whose name may give the year: ``returns/2024``)."""
    files: list[tuple[Path, Path]] = []
    seen: set[str] = set()
    for path in paths:
        # As many tools read standard input; not lzip. A file named "-" is given as ./- (which
        # the command line passes on as its absolute path) or $PWD/-.
        if str(path) == "-":
            raise LzipError([Problem("LZ280", "report_from_stdin")])
        if path.is_dir():
            entries = sorted(path.iterdir())
            found = [p for p in entries if _is_report_file(p)]
            _refuse_links_outside(path, found)
            broken = [p for p in entries if _is_broken_link(p)]
            if broken:  # a form that is not there would make its agency "not reported"
                raise _links_refused("LZ003", "broken_link", broken)
            if not found:
                years = sorted(p.name for p in path.iterdir() if p.is_dir() and years_in_name(p))
                if years:  # reports/ holding 2023/ and 2024/: one of them is the report
                    said = Bilingual("、".join(years), ", ".join(years))
                    latest = display_path(path / years[-1])
                    params = {"years": said, "latest": latest}
                    problem = Problem(
                        "LZ254", "report_dir_of_years", display_path(path), params=params
                    )
                else:
                    problem = Problem("LZ254", "report_dir_empty", file=display_path(path))
                raise LzipError([problem])
            folder = path
        else:
            if _is_stream(path):  # a pipe (/dev/stdin, <(…)) or FIFO: read once, or never ends
                raise LzipError([Problem("LZ280", "report_not_a_file", file=display_path(path))])
            found, folder = [path], path.parent
        for file in found:
            # The real path: one folder named twice (reports/2024 and a link to it) is read once.
            key = os.path.normcase(os.path.realpath(file))
            if key not in seen:
                seen.add(key)
                files.append((file, folder))
    return files


def _is_stream(path: Path) -> bool:
    """Whether ``path`` exists and is no regular file (nor folder): a pipe, FIFO or device."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False  # not there, or not usable: said when it is read
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _is_broken_link(path: Path) -> bool:
    """A link of a report's name (``林业局.csv``) whose file is not there, or that loops."""
    name = path.name
    if path.suffix.lower() not in REPORT_SUFFIXES or name.startswith(("~$", ".")):
        return False
    return path.is_symlink() and not path.exists()


def _is_report_file(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in REPORT_SUFFIXES
        and not name.startswith(("~$", "."))  # Excel's lock file of an open workbook; hidden
        and path.is_file()
    )


def read_reports(paths: list[Path], plan: Plan, year: int | None = None) -> Report:
    """Read ``paths`` as one report; raise :class:`LzipError` with every problem found."""
    log = ProblemLog()
    read: list[ReportPart] = []
    folder_years: dict[Path, list[int]] = {}
    files = _expand(paths)
    for path, folder in files:
        if folder not in folder_years:
            # The name it was given first: returns/2024 -> /store/final is the 2024 folder (the
            # resolved name stands in for ".", which has none).
            folder_years[folder] = years_in_name(folder) or years_in_name(folder.resolve())
        # A folder named for one year (returns/2024/) chooses a workbook's sheet named for it,
        # as a year in the file's own name does: not last year's sheet left in front.
        folder_year = folder_years[folder][0] if len(folder_years[folder]) == 1 else None
        try:
            part = read_part(path, plan, year, folder_year=folder_year)
        except LzipError as exc:
            _absorb(log, exc)
            continue
        if part.blank is None:
            shown = display_path(folder)  # "." is no name to show: the folder's whole path is
            part.take_folder_years(
                folder_years[folder], shown if shown != "." else str(folder.resolve())
            )
        read.append(part)
    blank = [part for part in read if part.blank is not None]
    # An unfilled form is passed over beside forms with figures (or with errors, which may hold
    # some); else it is read, as one unfilled form alone is, every indicator not reported.
    unfilled = [part for part in read if part.unfilled]
    filled = len(files) - len(blank) - len(unfilled)
    if not filled:
        for part in unfilled:
            try:
                part.read_unfilled()
            except LzipError as exc:
                _absorb(log, exc)
    passed = [part for part in read if part.blank is not None or part.unfilled]
    parts = [part for part in read if part.blank is None and not part.unfilled]
    years: dict[int, ReportPart] = {}  # year → the first file that says so
    for part in parts:
        try:
            own = part.own_year(year)
        except LzipError as exc:
            _absorb(log, exc)
        else:
            if own is not None:
                years.setdefault(own, part)
    if len(blank) == len(files):  # one file alone, or every form blank: nothing to check
        log.extend(part.blank for part in blank if part.blank is not None)
    log.raise_if_any()
    if len(years) > 1:
        (year_a, part_a), (year_b, part_b) = list(years.items())[:2]
        params = {"a": year_a, "file_a": part_a.file, "b": year_b}
        # Located at the second file's year cell when its year column gave the year.
        line = part_b.year_cells.get(year_b)
        column = part_b.year_column if line is not None else None
        raise LzipError(
            [
                Problem(
                    "LZ215",
                    "year_differs_between_files",
                    file=part_b.file,
                    line=line,
                    column=column,
                    params=params,
                )
            ]
        )
    if not years:
        # A name with several years is the likelier cause; its message says which it holds.
        # Then a file whose value columns name years (2023年完成值, 2024年完成值): --year
        # chooses the column.
        unclear = next(
            (part for part in parts if len(part.name_years) > 1),
            next((part for part in parts if part.pending is not None), parts[0]),
        )
        raise LzipError([unclear.year_unknown()])
    resolved = next(iter(years))
    for part in parts:  # a file with a value column per year, and no year of its own
        try:
            part.settle(resolved, years[resolved].file)
            part.check_sheet_year(resolved)  # a workbook's sheet named for last year
        except LzipError as exc:
            _absorb(log, exc)
    log.raise_if_any()
    for part in parts:
        if (said := _rows_of_named_agency(part, plan)) is not None:
            part.warnings.append(said)
    # What was said about a skipped form (other sheets, unknown columns) is still said; whose
    # figures the others give is known once their rows are each agency's (above).
    skipped = [
        warning for part in passed for warning in (*part.warnings, _blank_form(part, plan, parts))
    ]
    if len(parts) == 1:  # its duplicate rows were refused as it was read
        part = parts[0]
        return Report(
            part.file,
            resolved,
            part.rows,
            [*part.warnings, *skipped],
            part.notes,
            {part.file: part.columns},
        )
    rows, warnings = [], skipped
    first: dict[tuple[str, str | None], ReportRow] = {}
    overridden: set[str | None] = set()  # LZ245 about a folder's year: once, not once a file
    for part in parts:
        for warning in part.warnings:
            if warning.code == "LZ245":
                if warning.file in overridden:
                    continue
                overridden.add(warning.file)
            warnings.append(warning)
        for row in part.rows:
            key = (row.indicator_id, row.agency_id)
            seen = first.setdefault(key, row)
            if seen is row:
                rows.append(row)
                continue
            log.add(
                Problem(
                    "LZ210",
                    "duplicate_row_elsewhere"
                    if row.agency_id
                    else "duplicate_county_row_elsewhere",
                    file=part.file,
                    line=row.row,
                    column=part.columns.get("agency") or part.columns.get("indicator"),
                    params={
                        "indicator": row.indicator_id,
                        "agency": plan.agency(row.agency_id).names() if row.agency_id else "—",
                        "first_file": seen.file,
                        "first": seen.row,
                    },
                )
            )
    if log and overridden:
        # Rows repeating each other across files named for different years (reports/2023 and
        # reports/2024 with --year 2024): the years are the cause, said before the repeats.
        named = [w for w in warnings if w.code == "LZ245"]
        log.problems[:0] = [
            Problem("LZ215", "years_named_differ_option", file=w.file, params=w.params)
            for w in named
        ]
    log.raise_if_any()
    notes: dict[tuple[str, str | None], str] = {}
    for part in parts:
        for key, note in part.notes.items():
            notes.setdefault(key, note)
    columns = {part.file: part.columns for part in parts}
    return Report(parts[0].file, resolved, rows, warnings, notes, columns)


#: What a form's name may hold besides its agency: years (``2025年县林业局``) and separators.
_YEARS = re.compile(r"(?<![0-9])(?:19|20|21)[0-9]{2}(?:年度|年)?(?![0-9])")
_EDGES = re.compile(r"^[\s_.,()（）\[\]【】-]+|[\s_.,()（）\[\]【】-]+$")
#: What a name may say for the county-wide rows (``county.csv`` from ``template --per-agency``).
_COUNTY_FORM = frozenset({"county", "全县", "全县合计", "汇总", "合计"})
#: A title cell labelling the form's agency: 填报单位：县林业局, 报送单位：, 单位. A bare 单位 only
#: where a cell or word begins (not 责任单位); a unit (单位：万元) names no agency of the plan.
_AGENCY_LABEL = re.compile(
    r"(?:填报单位|报送单位|单位名称|填报部门|(?<!\S)单位)(?:[(（]盖章[)）])?[:：]?\s*(?P<name>.*)",
    re.DOTALL,
)


def _blank_form(part: ReportPart, plan: Plan, filled: list[ReportPart]) -> Problem:
    """LZ256 for a form without figures, naming the agency it is from when that can be told,
    and the form of ``filled`` its figures come from when another gave them (a blank copy)."""
    if part.blank is None:  # rows, every figure cell blank
        key, line = "form_unfilled", part.header_row
    else:
        key = "form_no_rows" if part.blank.code == "LZ250" else "form_empty"
        line = part.blank.line
    params: dict[str, object] = {}
    stem = _name_stem(part)
    if _names_the_county(stem):
        key += "_county"
    else:
        agency = _agency_named(stem, plan) or next(
            (a for a in (_agency_named(t, plan) for t in _labelled(part.titles)) if a), None
        )
        in_rows = part.agencies_in_rows() if agency is None else set()
        if len(in_rows) == 1:  # lzip's form names its agency in every row
            [agency_id] = in_rows
            if agency_id is None:
                key += "_county"
            else:
                agency = plan.agency(agency_id)
        if agency is not None:
            key += "_agency"
            params["agency"] = agency.names()
            given = _form_giving(filled, agency.id)
            if given is not None:  # not "counts as not reported": its figures came
                key, params["other"] = "form_blank_copy", given.file
    if key.endswith("_county"):  # not "the agencies' sums" where county rows were read
        if (given := _form_giving(filled, None)) is not None:
            key, params["other"] = "form_blank_copy_county", given.file
        elif (rows := next((p for p in filled if _county_rows(p)), None)) is not None:
            key, params["other"] = "form_blank_county_rows_elsewhere", rows.file
    return Problem("LZ256", key, file=part.file, line=line, params=params)


def _county_rows(part: ReportPart) -> bool:
    """Whether ``part`` holds a county-wide row (its rows are each agency's by now, where its
    name or title names the agency: see :func:`_rows_of_named_agency`)."""
    return any(row.agency_id is None for row in part.rows)


def _form_giving(filled: list[ReportPart], agency_id: str | None) -> ReportPart | None:
    """The first of ``filled`` holding a figure of ``agency_id``; for the county (None), the
    first county-wide form: one whose rows are all the county's (a whole report beside the blank
    county form holds a county row or two, not the county's form)."""
    if agency_id is None:
        return next(
            (
                part
                for part in filled
                if part.rows and all(row.agency_id is None for row in part.rows)
            ),
            None,
        )
    return next((p for p in filled if any(row.agency_id == agency_id for row in p.rows)), None)


def _rows_of_named_agency(part: ReportPart, plan: Plan) -> Problem | None:
    """A form without an agency column whose title (填报单位：县林业局) or name names its agency.

    Its rows, county-wide rows until now, become that agency's when it answers for every
    indicator in them, and warning LZ263 says so; else they stay county-wide, and LZ263 says
    why. A form that names no agency, or the county (``county.csv``), is left as it is.
    """
    if not part.rows:
        return None
    if part.agency_column:
        return _blank_agency_cells_of_named_agency(part, plan)
    agency, key = None, "rows_of_titled_agency"
    text = ""
    for text in _labelled(part.titles):
        if (agency := _agency_named(text, plan)) is not None:
            break
    if agency is None:
        text = os.path.basename(part.file)
        stem = _name_stem(part)
        if _names_the_county(stem):
            return None
        agency, key = _agency_named(stem, plan), "rows_of_named_agency"
        if agency is None:
            return None
    params: dict[str, object] = {"agency": agency.names(), "text": text}
    foreign = {
        row.indicator_id
        for row in part.rows
        if agency.id not in plan.indicator(row.indicator_id).agencies
    }
    if foreign:
        ids = [indicator.id for indicator in plan.indicators if indicator.id in foreign]
        params["indicators"] = Bilingual("、".join(ids), ", ".join(ids))
        return Problem("LZ263", key + "_county", file=part.file, params=params)
    for row in part.rows:
        row.agency_id = agency.id
    part.notes = {
        (indicator_id, agency.id if agency_id is None else agency_id): note
        for (indicator_id, agency_id), note in part.notes.items()
    }
    return Problem("LZ263", key, file=part.file, params=params)


def _form_agency(part: ReportPart, plan: Plan) -> tuple[Agency | None, str, str]:
    """The agency a form names by a title row or, failing that, by its file name, the key of
    the message saying which, and the text that named it; None for none or the county."""
    for text in _labelled(part.titles):
        if (agency := _agency_named(text, plan)) is not None:
            return agency, "rows_of_titled_agency", text
    stem = _name_stem(part)
    if _names_the_county(stem):
        return None, "", ""
    return _agency_named(stem, plan), "rows_of_named_agency", os.path.basename(part.file)


def _blank_agency_cells_of_named_agency(part: ReportPart, plan: Plan) -> Problem | None:
    """A form of one agency (``forestry.xlsx`` from ``template --per-agency``, or titled
    填报单位：县林业局) whose agency cells were left blank: those rows are that agency's.

    Only when every agency cell, of a row with a figure or not, names that agency, the agency
    answers for every indicator of the blank rows, and none of them repeats a row of its own;
    else the blank rows stay county-wide, as on a form holding several agencies' rows. Warning
    LZ263 says so, and, when an indicator the agency does not answer for kept them county-wide,
    says that.
    """
    blank = [row for row in part.rows if row.agency_id is None]
    if not blank:
        return None
    agency, key, text = _form_agency(part, plan)
    if agency is None:
        return None
    own = {row.indicator_id for row in part.rows if row.agency_id == agency.id}
    if part.named_agencies - {agency.id} or any(row.indicator_id in own for row in blank):
        return None
    params: dict[str, object] = {"agency": agency.names(), "text": text}
    foreign = {
        row.indicator_id
        for row in blank
        if agency.id not in plan.indicator(row.indicator_id).agencies
    }
    if foreign:
        ids = [indicator.id for indicator in plan.indicators if indicator.id in foreign]
        params["indicators"] = Bilingual("、".join(ids), ", ".join(ids))
        key += "_blank_county"
        return Problem("LZ263", key, file=part.file, line=blank[0].row, params=params)
    for row in blank:
        row.agency_id = agency.id
    part.notes = {
        (indicator_id, agency.id if agency_id is None else agency_id): note
        for (indicator_id, agency_id), note in part.notes.items()
    }
    return Problem("LZ263", key + "_blank", file=part.file, line=blank[0].row, params=params)


def _name_stem(part: ReportPart) -> str:
    """What a form's file name says besides its years: ``2025年县林业局.xlsx`` → ``县林业局``."""
    return _EDGES.sub("", _YEARS.sub("", _folded(Path(part.file).stem)))


def _names_the_county(stem: str) -> bool:
    """Whether a form's name (see :func:`_name_stem`) says it holds the county-wide rows."""
    from lzip_cli.template import COUNTY_STEM

    return stem in _COUNTY_FORM or stem == COUNTY_STEM


def _labelled(titles: list[tuple[int, list[str]]]) -> Iterator[str]:
    """What title rows give as the form's agency: the text after 填报单位：, 单位： …, in its
    cell or, when the label stands alone, the next cell (``填报单位：`` | ``县林业局``)."""
    for _, row in titles:
        cells = [cell.strip() for cell in row if cell.strip()]
        for index, text in enumerate(cells):
            found = _AGENCY_LABEL.search(text)
            if found is None:
                continue
            name = found["name"].strip()
            if not name and index + 1 < len(cells):
                name = cells[index + 1]
            if name:
                yield name


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _agency_named(text: str, plan: Plan) -> Agency | None:
    """The agency whose id, name or alias ``text`` is or holds (``鹿寨县林业局2025年报表``,
    ``forestry_2025``); the longest name found decides, and none when it names two."""
    text = _EDGES.sub("", _folded(text).strip())
    if not text:
        return None
    exact = plan.find_agency(text)
    if exact is not None:
        return exact
    found: dict[str, int] = {}  # agency id → its longest name in the text
    for agency in plan.agencies:
        for name in (agency.name, *agency.aliases):
            name = _folded(name)
            if len(name) > 1 and name in text:
                found[agency.id] = max(found.get(agency.id, 0), len(name))
        if re.search(rf"(?<![a-z]){re.escape(agency.id)}(?![a-z])", text):
            found[agency.id] = max(found.get(agency.id, 0), len(agency.id))
    if not found:
        return None
    longest = max(found.values())
    best = [agency_id for agency_id, length in found.items() if length == longest]
    return plan.agency(best[0]) if len(best) == 1 else None


def _absorb(log: ProblemLog, error: LzipError) -> None:
    log.extend(error.problems)
    log.omitted += error.omitted
