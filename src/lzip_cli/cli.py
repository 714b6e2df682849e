"""The command line: parses options, calls load → evaluate → render, and turns errors into exits.

Heavy modules (pydantic, YAML, Rich tables, openpyxl) are imported inside the commands so that
``lzip --help`` starts fast.
"""

import enum
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO, TypeVar

import typer
import typer.core

from lzip_cli import stdio
from lzip_cli.messages import LANGS, language, t

#: The language of ``--help``: Typer reads the help texts before it parses ``--lang``.
HELP_LANG = language(sys.argv[1:], os.environ)


def _h(key: str) -> str:
    """A help text in :data:`HELP_LANG`."""
    return t("help." + key, HELP_LANG)


class _Context(typer.Context):
    def make_formatter(self) -> "HelpFormatter":
        # Help as wide as tables and wrapped text are: COLUMNS=0 or 1 falls back as they do.
        return self.formatter_class(width=stdio.help_width(), max_width=self.max_content_width)


class _LocalizedHelp:
    """Typer's own words in ``--help`` (Usage, Options, [default: …]) in :data:`HELP_LANG`."""

    context_class = _Context

    def get_help(self, ctx: typer.Context) -> str:
        from lzip_cli.usage import cell_help_formatter, localize_help

        if HELP_LANG == "zh":
            ctx.formatter_class = cell_help_formatter(ctx.formatter_class)
        return localize_help(super().get_help(ctx), HELP_LANG)  # type: ignore[misc]


class _Group(_LocalizedHelp, typer.core.TyperGroup):
    def invoke(self, ctx: typer.Context) -> object:
        args = [*getattr(ctx, "protected_args", ()), *ctx.args]  # the command's, --lang among them
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.filename is None:  # standard output: main() says what failed
                raise
            _path_failed(exc, language(args, os.environ))


def _named_file(arg: str) -> str:
    """``./-`` (the shell's way to name a file called ``-``) as its absolute path: pathlib would
    read it as ``-``, which lzip takes for standard output (``-o -``) or refuses (a report)."""
    option, equals, value = arg.partition("=")
    if equals and option.startswith("--"):
        return option + equals + _named_file(value)
    if arg != "-" and not arg.startswith("-") and os.path.normpath(arg) == "-":
        return os.path.abspath(arg)
    return arg


def _path_failed(exc: OSError, lang: str) -> NoReturn:
    """A path the operating system would not look at (a name too long for the file system, a
    folder not searchable) where no command expected it: LZ004 on that path, not a traceback."""
    from lzip_cli.errors import Problem
    from lzip_cli.render.problems import format_problem

    problem = Problem(
        "LZ004",
        "path_unusable",
        file=os.fsdecode(exc.filename),
        params={"reason": exc.strerror or str(exc), "errno": exc.errno},
    )
    _fail([format_problem(problem, lang)], EXIT_UNUSABLE)  # type: ignore[arg-type]


class _Command(_LocalizedHelp, typer.core.TyperCommand):
    def get_help(self, ctx: typer.Context) -> str:
        # Typer writes an argument's Python type after its name (REPORT <list[Path]>, YEAR <int
        # range>), which tells a user nothing; its choices (KIND <indicators|agencies>) stay.
        for param in self.params:
            descriptor = getattr(param, "type_descriptor", None)
            if isinstance(param, typer.core.TyperArgument) and not getattr(
                descriptor, "is_choice", True
            ):
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
        return super().get_help(ctx)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        # Checked on the words as typed: a Path option turns "" into "." (the current folder,
        # where `--out "$UNSET"` would write the lists) and "./-" into "-" (standard output).
        if "" in args or any(arg.endswith("=") and arg.startswith("--") for arg in args):
            from lzip_cli.usage import UsageError

            raise UsageError(t("empty_argument", language(args, os.environ)), ctx=ctx)
        return super().parse_args(ctx, [_named_file(arg) for arg in args])

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        # Typer 0.29 writes a required argument in braces (lzip check [OPTIONS] {REPORT}...);
        # the usage line, in help and in usage errors alike, shows it bare, as Click and man
        # pages do: REPORT... required, [FILE]... optional.
        pieces = []
        for piece in super().collect_usage_pieces(ctx):
            if piece.startswith("{") and "}" in piece:
                name, _, rest = piece[1:].partition("}")
                piece = name + rest
            pieces.append(piece)
        return pieces


if TYPE_CHECKING:
    from rich.console import Console
    from typer._click.formatting import HelpFormatter

    from lzip_cli.errors import Problem
    from lzip_cli.evaluate import AgencyResult, CheckResult
    from lzip_cli.models import Plan

app = typer.Typer(
    name="lzip",
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_h("app"),
    cls=_Group,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: Typer's Rich formatter imports rich.markdown, markdown_it and
    # rich.syntax, which doubled the time of `lzip --help` (145 ms → 70 ms on the benchmark).
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from lzip_cli import __version__

        typer.echo(f"lzip {__version__}")
        raise typer.Exit()


class LangChoice(enum.StrEnum):
    zh = "zh"
    en = "en"


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help=_h("version"),
        ),
    ] = False,
    lang: Annotated[
        LangChoice | None,
        typer.Option(
            "--lang", case_sensitive=False, help=_h("lang_before_command"), show_default=False
        ),
    ] = None,
) -> None:
    """Options that come before the command (main() hands ``--lang`` there to the command)."""


class CatalogFormat(enum.StrEnum):
    table = "table"
    json = "json"


class CheckFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    md = "md"  # what shortfalls calls it: read as markdown
    github = "github"
    xlsx = "xlsx"  # with --output only


class FailOn(enum.StrEnum):
    shortfall = "shortfall"
    never = "never"


class ListFormat(enum.StrEnum):
    md = "md"
    markdown = "markdown"  # what check calls it: read as md
    csv = "csv"
    xlsx = "xlsx"


class FormFormat(enum.StrEnum):
    csv = "csv"
    xlsx = "xlsx"


#: ``template -o FILE`` without ``--format``: the format its suffix names.
FORM_SUFFIXES = {".csv": FormFormat.csv, ".xlsx": FormFormat.xlsx}

_Format = TypeVar("_Format", bound=enum.StrEnum)


class ValidateFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"


EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
#: lzip failed in a way it has no message for (a bug): not 1, which a CI step reads as findings.
EXIT_BUG = 3
#: Problem codes that mean a file could not be read at all (exit 2 even for ``validate``):
#: missing, a directory, unreadable, not text in a known encoding, not a workbook.
FILE_CODES = frozenset(
    {"LZ001", "LZ002", "LZ003", "LZ004", "LZ005", "LZ006", "LZ015"}
    | {"LZ202", "LZ203", "LZ204", "LZ205", "LZ230", "LZ231", "LZ268", "LZ274", "LZ280"}
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="LZIP_DATA",
        readable=False,  # lzip says why it cannot read a file (LZ004)
        metavar="DIR",
        help=_h("data"),
        show_default=False,
    ),
]


def _names_folder(value: str) -> bool:
    """Whether a path is written as a folder's: ``out/``, and ``out\\`` on Windows."""
    return value.endswith(("/", os.sep, os.altsep or "/"))


def _file_path(value: str) -> Path:
    """An ``--output FILE`` value as a path; a folder's name written as one (``out/``, and
    ``out\\`` on Windows) is refused, where the path alone would lose the separator and a file
    called ``out`` would be written."""
    if _names_folder(value):
        raise typer.BadParameter(t("usage.value_names_folder", "en", value=value))
    return Path(value)


LangOption = Annotated[
    LangChoice,
    typer.Option("--lang", envvar="LZIP_LANG", case_sensitive=False, help=_h("lang")),
]


def _fail(lines: list[str], code: int) -> NoReturn:
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(code)


def _refuse(
    problem_code: str, key: str, lang: str, *, file: Path | None = None, **params: object
) -> NoReturn:
    """One problem found before any file is read (``lzip: 错误 LZ309: …``, or at ``file``:
    ``清单.xlsx: 错误 LZ304: …``), and exit 2."""
    from lzip_cli.errors import Problem
    from lzip_cli.render.problems import format_problem

    where = str(file) if file is not None else None
    problem = Problem(problem_code, key, file=where, params=params)
    _fail([format_problem(problem, lang)], EXIT_UNUSABLE)  # type: ignore[arg-type]


@contextmanager
def _errors_exit(
    lang: LangChoice,
    exit_code: Callable[[list[str]], int] | None = None,
    *,
    github: bool = False,
) -> Iterator[None]:
    """Turn :class:`LzipError` into located messages on stderr and a non-zero exit; with
    ``github``, also into ``::error`` commands on stdout, which annotate the pull request."""
    from lzip_cli.errors import LzipError

    try:
        yield
    except LzipError as exc:
        from lzip_cli.render.problems import format_problems

        codes = [p.code for p in exc.problems]
        code = exit_code(codes) if exit_code else EXIT_UNUSABLE
        if github:
            from lzip_cli.render.github import problem_commands

            for line in problem_commands(exc.problems, [], exc.omitted, lang.value):
                typer.echo(line)
        _fail(format_problems(exc.problems, exc.omitted, lang.value), code)


def _to_stdout(output: Path | None) -> bool:
    """``-o -``: standard output, as with no ``-o`` (a file named ``-`` is given as ``./-``,
    which :func:`_named_file` passes on as its absolute path, or ``$PWD/-``)."""
    return output is not None and str(output) == "-"


def _say_written(output: Path, lang: str) -> None:
    """ "Wrote 1 file to …" on stderr; nothing for a stream (``-o /dev/stdout``, a pipe), which
    was written in place as ``> target`` writes it, not as a file."""
    from lzip_cli.output import is_stream

    if not is_stream(output):
        typer.echo(_t("wrote_files", lang, count=1, directory=str(output)), err=True)


def _load_plan(data: Path | None, lang: LangChoice) -> "Plan":
    from lzip_cli.plan_loader import load_plan, resolve_data_dir

    return load_plan(resolve_data_dir(data), lang=lang.value)


def _print_json(payload: object) -> None:
    import json

    with stdio.json_escapes(sys.stdout):
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _validate_exit(codes: list[str]) -> int:
    return EXIT_UNUSABLE if any(code in FILE_CODES for code in codes) else EXIT_FINDINGS


YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        "-y",
        min=1900,
        max=2200,
        metavar="YEAR",
        help=_h("year"),
    ),
]
AgencyOption = Annotated[
    list[str] | None,
    typer.Option("--agency", "-a", metavar="AGENCY", help=_h("agency")),
]


@app.command(cls=_Command, help=_h("cmd.validate"), short_help=_h("short.validate"))
def validate(
    ctx: typer.Context,
    reports: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            readable=False,
            help=_h("validate.files"),
            show_default=False,
        ),
    ] = None,
    year: YearOption = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            help=_h("validate.format"),
        ),
    ] = ValidateFormat.text,
    by_folder: Annotated[bool, typer.Option("--by-folder", help=_h("validate.by_folder"))] = False,
    all_reports: Annotated[
        list[Path] | None,
        typer.Option(
            "--all-reports",
            metavar="DIR",
            help=_h("validate.all_reports"),
            show_default=False,
        ),
    ] = None,
    missing_ok: Annotated[
        bool, typer.Option("--missing-ok", help=_h("validate.missing_ok"))
    ] = False,
    data: DataOption = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """Validate the plan data and any reports (exit 0 valid, 1 invalid, 2 unreadable)."""
    from lzip_cli.errors import LzipError, Problem, ProblemLog

    code = lang.value
    errors: list[Problem] = []
    warnings: list[Problem] = []
    omitted = 0
    plan: Plan | None = None
    report_paths: list[Path] = []
    folder_problems: list[Problem] = []  # a folder of --all-reports that is not there
    absent_folders: list[Path] = []  # … passed over under --missing-ok
    try:
        data, report_paths = _plan_arguments(
            reports or [], data, from_environment=_from_env(ctx, "data")
        )
        if by_folder:
            from lzip_cli.report_set import with_year_partners

            report_paths = with_year_partners(_year_folders(report_paths))
        if all_reports:
            from lzip_cli.report_set import every_report_in

            for folder in all_reports:
                if missing_ok and not os.path.lexists(folder):
                    absent_folders.append(folder)
                    continue
                try:
                    report_paths += every_report_in(folder, refused=folder_problems)
                except LzipError as exc:
                    folder_problems += exc.problems
            # One report however it is reached: ./reports and /abs/reports, a link to 2024.csv.
            by_real_path: dict[str, Path] = {}
            for path in report_paths:
                by_real_path.setdefault(os.path.normcase(os.path.realpath(path)), path)
            report_paths = list(by_real_path.values())
        plan = _load_plan(data, lang)
    except LzipError as exc:
        errors, omitted = exc.problems, exc.omitted
    errors = [*folder_problems, *errors]
    if all_reports or by_folder:  # a year's folder with the year's file beside it: one report
        from lzip_cli.report_set import year_groups

        groups = year_groups(report_paths)
    else:
        groups = [[path] for path in report_paths]
    valid_reports: list[list[Path]] = []
    if plan is not None:
        log = ProblemLog()
        log.extend(folder_problems)
        for group in groups:
            try:
                result = _read_and_evaluate(plan, group, year, lang)
            except LzipError as exc:
                log.extend(exc.problems)
                log.omitted += exc.omitted
            else:
                valid_reports.append(group)
                warnings.extend(result.warnings)  # the warnings `check` would show
                if output_format is ValidateFormat.text:
                    _warn(result, code)
        errors, omitted = log.problems, log.omitted
    exit_code = _validate_exit([p.code for p in errors]) if errors or omitted else EXIT_OK
    ok_lines: list[str] = []  # what passed, also beside another file's errors
    if plan is not None:
        ok_lines.append(
            _t("plan_ok", code, indicators=len(plan.indicators), agencies=len(plan.agencies))
        )
        ok_lines += [
            _t("report_ok", code, file=" + ".join(map(str, group))) for group in valid_reports
        ]
    notes: list[str] = []  # what was not done, said beside the errors in every format
    notes += [_t("reports_dir_absent", code, folder=str(folder)) for folder in absent_folders]
    if plan is None and groups:  # e.g. the pre-commit hook after a broken plan edit
        key = (
            "reports_not_checked_unusable" if exit_code == EXIT_UNUSABLE else "reports_not_checked"
        )
        notes.append(_t(key, code, count=len(groups)))
    if output_format is ValidateFormat.json:
        from lzip_cli.render import validate_json

        document = validate_json.render(
            errors,
            warnings,
            omitted,
            code,
            indicators=len(plan.indicators) if plan else None,
            agencies=len(plan.agencies) if plan else None,
            reports=len(groups),
            reports_checked=len(groups) if plan is not None else 0,
            notes=notes,
        )
        with stdio.json_escapes(sys.stdout):
            sys.stdout.write(document)
    elif output_format is ValidateFormat.github:
        from lzip_cli.render import github

        for line in [*github.problem_commands(errors, warnings, omitted, code), *ok_lines]:
            typer.echo(line)
    else:
        for line in ok_lines:
            typer.echo(line)
        if exit_code != EXIT_OK:
            from lzip_cli.render.problems import format_problems

            for line in format_problems(errors, omitted, code):
                typer.echo(line, err=True)
    if output_format is not ValidateFormat.json:
        for note in notes:
            typer.echo(f"lzip: {note}", err=True)
    raise typer.Exit(exit_code)


def _from_env(ctx: typer.Context, parameter: str) -> bool:
    """Whether the command's ``parameter`` came from its environment variable (``LZIP_DATA``)."""
    source = ctx.get_parameter_source(parameter)
    return source is not None and source.name == "ENVIRONMENT"  # (Typer's Click is private)


def _plan_arguments(
    paths: list[Path], data: Path | None, *, from_environment: bool = False
) -> tuple[Path | None, list[Path]]:
    """Split ``validate``'s arguments into the plan directory and the reports.

    A pre-commit hook passes every changed file: a changed ``agencies.yaml`` or
    ``indicators.yaml`` means "validate this plan". Without ``--data`` its directory is the
    plan (over ``$LZIP_DATA``, ``from_environment``: the file named wins over a default); with
    it, the file must be one of that directory's plan files.
    """
    from lzip_cli.errors import LzipError, Problem
    from lzip_cli.plan_loader import AGENCIES_FILE, INDICATORS_FILE, resolve_data_dir

    plan_files = [p for p in paths if p.suffix.lower() in (".yaml", ".yml")]
    reports = [p for p in paths if p.suffix.lower() not in (".yaml", ".yml")]
    if plan_files and (data is None or from_environment):
        first = plan_files[0].parent.resolve()
        apart = [p for p in plan_files if p.parent.resolve() != first]
        if apart:  # one plan at a time: its two files stand in one folder
            raise LzipError(
                [
                    Problem(
                        "LZ015",
                        "plan_files_apart",
                        file=str(p),
                        params={"first": str(plan_files[0])},
                    )
                    for p in apart
                ]
            )
        data = plan_files[0].parent
    directory = resolve_data_dir(data)
    wrong = [
        Problem(
            "LZ015",
            "plan_file_elsewhere",
            file=str(p),
            params={"directory": str(directory)},
        )
        for p in plan_files
        if p.name not in (AGENCIES_FILE, INDICATORS_FILE)
        or p.parent.resolve() != directory.resolve()
    ]
    if wrong:
        raise LzipError(wrong)
    return data, reports


def _year_folders(paths: list[Path]) -> list[Path]:
    """``validate --by-folder``: a file in a folder named for one year (``reports/2025/林业局.csv``)
    stands for its folder, read as one report as ``check reports/2025/`` reads it, so that a row
    repeated in two forms or two forms of different years are found. Other paths stay as given;
    each folder is named once, where its first file was."""
    from lzip_cli.report_set import is_year_folder

    chosen: dict[Path, None] = {}
    for path in paths:
        year_folder = path.is_file() and is_year_folder(path.parent)
        chosen[path.parent if year_folder else path] = None
    return list(chosen)


def _read_and_evaluate(
    plan: "Plan", report_paths: list[Path], year: int | None, lang: LangChoice
) -> "CheckResult":
    from lzip_cli.evaluate import evaluate
    from lzip_cli.report_set import read_reports

    report = read_reports(report_paths, plan, year)
    return evaluate(plan, report, label=_t("progress_indicators", lang.value))


ReportsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="REPORT",
        readable=False,
        help=_h("reports"),
        show_default=False,
    ),
]


@app.command(cls=_Command, help=_h("cmd.check"), short_help=_h("short.check"))
def check(
    reports: ReportsArgument,
    year: YearOption = None,
    agency: AgencyOption = None,
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=_h("check.format"),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            parser=_file_path,
            help=_h("check.output"),
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("check.force"))] = False,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help=_h("fail_on"))] = FailOn.shortfall,
    data: DataOption = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """Judge a year's report against the plan: per-agency gap-to-target tables.

    Exit 0 when no agency has a shortfall, 1 when one has, 2 when an input cannot be used.
    """
    if output_format is CheckFormat.md:
        output_format = CheckFormat.markdown
    dash = _to_stdout(output)
    if dash:
        output = None
    annotate = output_format is CheckFormat.github and output is None
    with _errors_exit(lang, github=annotate):
        if output is not None:  # said at once, not after all the work (and again before writing)
            from lzip_cli.output import check_folder

            check_folder(output)
            _refuse_check_target(output, output_format, reports, data, force)
        plan = _load_plan(data, lang)
        result = _read_and_evaluate(plan, reports, year, lang)
    selected = result.agencies
    if agency:
        ids = _agency_ids(plan, agency, lang, result.warnings)
        selected = [a for a in result.agencies if a.agency_id in ids]
    code = lang.value
    if output is not None:
        with _errors_exit(lang):
            _write_check(result, selected, output_format, output, reports, data, force, code)
    elif output_format is CheckFormat.xlsx:
        _refuse("LZ309", "xlsx_not_to_stdout" if dash else "xlsx_needs_output", code)
    else:
        # A BOM lets Excel on Chinese Windows open a redirected CSV; a terminal needs none.
        bom = not sys.stdout.isatty() and stdio.writes_utf8(sys.stdout)
        _emit_check(result, selected, output_format, reports, code, sys.stdout, None, bom=bom)
    shortfall = any(a.shortfalls for a in selected)
    raise typer.Exit(EXIT_FINDINGS if shortfall and fail_on is FailOn.shortfall else EXIT_OK)


#: ``check --output FILE`` without ``--format``: the format its suffix names.
CHECK_SUFFIXES = {
    ".json": CheckFormat.json,
    ".csv": CheckFormat.csv,
    ".md": CheckFormat.markdown,
    ".markdown": CheckFormat.markdown,
    ".txt": CheckFormat.table,
    ".xlsx": CheckFormat.xlsx,
}


def _emit_check(
    result: "CheckResult",
    selected: list["AgencyResult"],
    output_format: CheckFormat | None,
    reports: list[Path],
    lang: str,
    out: TextIO,
    console: "Console | None",
    *,
    bom: bool,
    fit: bool = True,
) -> None:
    """Write ``check``'s output in ``output_format`` (None: the table) to ``out``.

    ``fit``: the table fits the console's width (else it takes the width it needs).
    """
    if output_format is CheckFormat.json:
        from lzip_cli.render import jsonout

        with stdio.json_escapes(out):
            jsonout.write(result, selected, lang, out)  # streamed: no whole-document string
    elif output_format is CheckFormat.csv:
        from lzip_cli.render import csvout

        text = csvout.render(result, selected, lang)
        _warn(result, lang)
        out.write("\ufeff" + text if bom else text)
    elif output_format is CheckFormat.markdown:
        from lzip_cli.render import markdown

        out.write(markdown.render(result, selected, lang))
    elif output_format is CheckFormat.github:
        from lzip_cli.errors import display_path
        from lzip_cli.render import github

        # A figure not reported has no row: its annotation names the report only when the report
        # is one file (a folder or several forms cannot carry an annotation).
        single = len(reports) == 1 and not reports[0].is_dir()
        report_file = display_path(reports[0]) if single else None
        for line in github.check_commands(result, selected, report_file, lang):
            out.write(line + "\n")
    else:
        from lzip_cli.render import table, terminal

        table.render(result, selected, lang, console or terminal.console(), fit=fit)


def _format_from_suffix(
    output: Path, formats: dict[str, _Format], stream_format: _Format
) -> _Format:
    """The format ``output``'s suffix names; LZ307 when it names none of ``formats``, unless
    ``output`` is a stream (``/dev/stdout``), which takes ``stream_format`` as stdout would."""
    from lzip_cli.errors import LzipError, Problem
    from lzip_cli.output import is_stream

    chosen = formats.get(output.suffix.lower())
    if chosen is None and is_stream(output):
        return stream_format
    if chosen is None:
        from lzip_cli.messages import Bilingual

        params = {"suffixes": Bilingual("、".join(formats), ", ".join(formats))}
        raise LzipError(
            [Problem("LZ307", "output_format_unknown", file=str(output), params=params)]
        )
    return chosen


def _refuse_format_mismatch(
    output: Path,
    suffixes: dict[str, _Format],
    output_format: _Format | None,
    any_text: _Format | None = None,
) -> None:
    """LZ307 when ``--format`` contradicts the format ``output``'s suffix names (a workbook
    written as ``form.csv``); a suffix that names ``any_text`` (.txt) takes any text format."""
    from lzip_cli.errors import LzipError, Problem

    named = suffixes.get(output.suffix.lower())
    if output_format is not None and named not in (None, any_text, output_format):
        raise LzipError(
            [
                Problem(
                    "LZ307",
                    "output_format_mismatch",
                    file=str(output),
                    params={"suffix": output.suffix, "format": output_format.value},
                )
            ]
        )


def _refuse_check_target(
    output: Path,
    output_format: CheckFormat | None,
    reports: list[Path],
    data: Path | None,
    force: bool,
) -> None:
    """Refuse ``check --output FILE`` that contradicts ``--format`` (LZ307), is an input (LZ301),
    lies among the reports a folder holds (LZ308), is a folder (LZ302) or exists without
    ``--force`` (LZ303)."""
    from lzip_cli.errors import LzipError
    from lzip_cli.output import check_targets
    from lzip_cli.plan_loader import resolve_data_dir
    from lzip_cli.report_set import report_files, report_folders

    # .txt takes any text; said before "the file exists", which --force would not cure
    _refuse_format_mismatch(output, CHECK_SUFFIXES, output_format, CheckFormat.table)
    data_dir = resolve_data_dir(data)
    plan_files = [data_dir / "agencies.yaml", data_dir / "indicators.yaml"]
    try:
        inputs = report_files(reports)
    except (LzipError, OSError):  # a report folder that cannot be read: said when it is read
        inputs = list(reports)
    check_targets(
        [output],
        [*inputs, *plan_files],
        force=force,
        report_folders=report_folders(reports),
    )


def _write_check(
    result: "CheckResult",
    selected: list["AgencyResult"],
    output_format: CheckFormat | None,
    output: Path,
    reports: list[Path],
    data: Path | None,
    force: bool,
    lang: str,
) -> None:
    """``check --output``: the text stdout would get, written atomically in UTF-8, or a workbook."""
    from lzip_cli.output import atomic_text

    # Asked again: the file may have been made while the reports were read.
    _refuse_check_target(output, output_format, reports, data, force)
    if output_format is None:
        output_format = _format_from_suffix(output, CHECK_SUFFIXES, CheckFormat.table)
    if output_format is CheckFormat.xlsx:
        from lzip_cli.output import atomic_write
        from lzip_cli.render import check_xlsx

        workbook = check_xlsx.render(result, selected, lang)  # type: ignore[arg-type]
        atomic_write(output, workbook, replace=force)
        _say_written(output, lang)
        _warn(result, lang)
        return
    with atomic_text(output, replace=force) as handle:
        from rich.console import Console

        from lzip_cli.output import is_stream
        from lzip_cli.render import terminal

        if is_stream(output):  # -o /dev/stdout, /dev/tty, a pipe: as `> target` would write it
            console, bom, fit = terminal.console(file=handle), not handle.isatty(), True
        else:  # a file has no width: lines as long as the tables need, nothing wrapped or moved
            console = Console(
                file=handle,
                width=100_000,
                color_system=None,
                force_terminal=False,
                **terminal.PLAIN_TEXT,
            )
            bom, fit = True, False
        _emit_check(
            result, selected, output_format, reports, lang, handle, console, bom=bom, fit=fit
        )
    _say_written(output, lang)
    if output_format is not CheckFormat.csv:  # CSV has no place for them: said on stderr already
        _warn(result, lang)  # in the file, and where the user is looking


@app.command(cls=_Command, help=_h("cmd.indicators"), short_help=_h("short.indicators"))
def indicators(
    agency: Annotated[
        list[str] | None,
        typer.Option("--agency", "-a", metavar="AGENCY", help=_h("indicators.agency")),
    ] = None,
    output_format: Annotated[
        CatalogFormat, typer.Option("--format", "-f", help=_h("catalog.format"))
    ] = CatalogFormat.table,
    data: DataOption = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """List the plan's quantitative indicators."""
    with _errors_exit(lang):
        plan = _load_plan(data, lang)
    chosen = plan.indicators
    if agency:
        ids = _agency_ids(plan, agency, lang)
        chosen = [ind for ind in plan.indicators if any(a in ind.agencies for a in ids)]
    from lzip_cli.render import catalog

    if output_format is CatalogFormat.json:
        _print_json([catalog.indicator_record(ind) for ind in chosen])
    else:
        from lzip_cli.render.terminal import console as new_console
        from lzip_cli.render.terminal import print_plain

        console = new_console()
        print_plain(console, catalog.indicators_table(plan, chosen, lang.value, console.width))


@app.command(cls=_Command, help=_h("cmd.agencies"), short_help=_h("short.agencies"))
def agencies(
    output_format: Annotated[
        CatalogFormat, typer.Option("--format", "-f", help=_h("catalog.format"))
    ] = CatalogFormat.table,
    data: DataOption = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """List the responsible agencies and the indicators each one owns."""
    with _errors_exit(lang):
        plan = _load_plan(data, lang)
    from lzip_cli.render import catalog

    if output_format is CatalogFormat.json:
        _print_json([catalog.agency_record(plan, agency.id) for agency in plan.agencies])
    else:
        from lzip_cli.render.terminal import console as new_console
        from lzip_cli.render.terminal import print_plain

        console = new_console()
        print_plain(console, catalog.agencies_table(plan, lang.value, console.width))


@app.command(cls=_Command, help=_h("cmd.shortfalls"), short_help=_h("short.shortfalls"))
def shortfalls(
    reports: ReportsArgument,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "--output",
            "-o",
            metavar="DIR",
            readable=False,
            help=_h("shortfalls.out"),
        ),
    ] = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help=_h("shortfalls.format"))
    ] = ListFormat.md,
    agency: AgencyOption = None,
    force: Annotated[bool, typer.Option("--force", help=_h("force_files"))] = False,
    year: YearOption = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help=_h("fail_on"))] = FailOn.shortfall,
    data: DataOption = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """Write one shortfall list (督办清单) per agency that owes something, and an index."""
    from lzip_cli import shortfalls as build_lists
    from lzip_cli.plan_loader import resolve_data_dir

    code = lang.value
    if output_format is ListFormat.markdown:
        output_format = ListFormat.md
    if _to_stdout(out):  # --out -: the Markdown of every list on stdout, as without --out
        out = None
    if out is None and output_format is not ListFormat.md:  # before the report is read
        _refuse("LZ309", "lists_need_out", code, format=output_format.value)
    if out is not None and out.suffix.lower() in CHECK_SUFFIXES and not out.exists():
        # --out 清单.xlsx: a folder of that name, holding ten .md lists, is not what was meant.
        _refuse("LZ304", "out_looks_like_a_file", code, file=out, suffix=out.suffix)
    with _errors_exit(lang):
        plan = _load_plan(data, lang)
        result = _read_and_evaluate(plan, reports, year, lang)
    selected = result.agencies
    if agency:
        ids = _agency_ids(plan, agency, lang, result.warnings)
        selected = [a for a in result.agencies if a.agency_id in ids]
    entries = build_lists.build(result, selected)
    everyone = build_lists.build(result, result.agencies) if agency else None
    _warn(result, code)
    with _errors_exit(lang):
        if out is None:
            from lzip_cli.render.shortfall_lists import stdout_markdown

            sys.stdout.write(stdout_markdown(result, entries, code))
        else:
            data_dir = resolve_data_dir(data)
            from lzip_cli.report_set import report_files

            plan_files = (data_dir / name for name in ("agencies.yaml", "indicators.yaml"))
            inputs = [*report_files(reports), *plan_files]
            count = _write_lists(
                result, entries, everyone, out, output_format, inputs, reports, force, code
            )
            typer.echo(_t("wrote_files", code, count=count, directory=str(out)), err=True)
    owing = any(entry.items for entry in entries)
    raise typer.Exit(EXIT_FINDINGS if owing and fail_on is FailOn.shortfall else EXIT_OK)


def _warn(result: "CheckResult", lang: str) -> None:
    """Warnings on stderr, for the formats that have no place for them."""
    from lzip_cli.render.problems import warning_lines

    for line in warning_lines(result.warnings, lang):  # type: ignore[arg-type]
        typer.echo(line, err=True)


def _t(key: str, lang: str, **params: object) -> str:
    return t(key, lang, **params)  # type: ignore[arg-type]


def _write_lists(
    result: "CheckResult",
    entries: list,
    everyone: list | None,
    out: Path,
    output_format: ListFormat,
    inputs: list[Path],
    folders: list[Path],
    force: bool,
    lang: str,
) -> int:
    from lzip_cli.output import (
        cannot_write,
        check_targets,
        safe_filename,
        write_into_folder,
    )
    from lzip_cli.render.shortfall_lists import list_files, list_year

    # With --agency, the index still lists every agency: it replaces the whole folder's index,
    # and names the lists left by an earlier run for the same year (not last year's).
    try:
        in_folder = list(out.iterdir()) if out.is_dir() else []
    except OSError as exc:  # a name too long for the file system
        raise cannot_write(out, exc) from None
    existing = frozenset(
        path.name
        for path in in_folder
        if everyone is not None
        and path.suffix == f".{output_format.value}"
        and list_year(path) == result.year
    )
    lists = list_files(
        result,
        entries,
        output_format.value,
        lang,  # type: ignore[arg-type]
        everyone=everyone,
        existing=existing,
    )
    files = [(out / name, content) for name, content in lists]
    from lzip_cli.report_set import report_folders

    check_targets(
        [path for path, _ in files], inputs, force=force, report_folders=report_folders(folders)
    )
    # All the lists or, when the disk fills up, none of them.
    write_into_folder(out, files, replace=force)
    # A list from an earlier run for an agency that owes nothing now would be sent on unread,
    # in whichever format that run wrote it (forestry.md beside this run's CSV lists). Only
    # named: the user decides, lzip deletes nothing. An agency left out by --agency is judged
    # too, so that a list of one that still owes is not called stale.
    # A list of an agency that still owes, or an index, left in another format by a run before
    # a report or the plan last changed holds that run's figures: it is named beside the file of
    # this run that replaces it. One written since (lists kept in two formats) is left unsaid.
    from lzip_cli.errors import Problem
    from lzip_cli.render.problems import format_problem

    written = {path.name for path, _ in files}
    now = output_format.value
    changed = _last_changed(inputs, out)
    stems = [(safe_filename(judged.agency_id), judged) for judged in result.agencies]
    read = {path.resolve() for path in inputs}
    fresh: dict[str, dict[str, bytes]] | None = None
    for stem, judged in [*stems, ("index", None)]:
        for extension in (ListFormat.md, ListFormat.csv, ListFormat.xlsx):
            name = f"{stem}.{extension.value}"
            if name in written or not (out / name).is_file():
                continue
            if (out / name).resolve() in read:  # an agency's form read as the report, no list
                continue
            year = list_year(out / name) if judged is not None else None  # its first line, once
            if (
                judged is not None
                and (extension is not output_format or not judged.shortfalls)
                and year is None
            ):
                # A file of the user's own named as the agency's list, not one an earlier run
                # wrote. (One in this run's format of an agency left out by --agency that owes:
                # said below as a list the index cannot name.)
                agency = result.plan.agency(judged.agency_id).label(lang)
                stale = Problem("LZ312", "not_a_list", str(out / name), params={"agency": agency})
            elif judged is not None and not judged.shortfalls:
                agency = result.plan.agency(judged.agency_id).label(lang)
                stale = Problem("LZ312", "stale_list", str(out / name), params={"agency": agency})
            elif judged is not None and year not in (None, result.year):
                stale = Problem(
                    "LZ312",
                    "stale_list_other_year",
                    str(out / name),
                    params={"other": year, "year": result.year},
                )
            elif extension is output_format and judged is not None:  # left out by --agency
                # By what it holds, whenever it was written: a list edited by hand after the
                # report changed is not what the index now stands for either.
                if name not in existing:  # not read as a list of this year: the index skips it
                    stale = Problem(
                        "LZ312", "list_unreadable", str(out / name), params={"year": result.year}
                    )
                else:
                    if fresh is None:  # every list as this run's figures make it, both languages
                        fresh = {
                            code: dict(list_files(result, everyone or entries, now, code))  # type: ignore[arg-type]
                            for code in LANGS
                        }
                    if any(_same_list(out / name, f.get(name), now) for f in fresh.values()):
                        continue  # what this run would write: not stale, whatever its time
                    older = (out / name).stat().st_mtime_ns < changed
                    key = "stale_list_not_rewritten" if older else "list_differs_not_rewritten"
                    stale = Problem("LZ312", key, str(out / name))
            elif (out / name).stat().st_mtime_ns >= changed:
                continue  # written since the figures last changed
            elif f"{stem}.{now}" in written:
                replaced_by = str(out / f"{stem}.{now}")
                stale = Problem(
                    "LZ312", "stale_list_format", str(out / name), params={"new": replaced_by}
                )
            else:
                continue
            typer.echo(format_problem(stale, lang, "warning"), err=True)  # type: ignore[arg-type]
    return len(files)


def _same_list(path: Path, content: bytes | None, extension: str) -> bool:
    """Whether the list at ``path`` holds ``content``: the same bytes, or for a workbook the same
    cell values (a workbook's bytes hold the time it was written)."""
    if content is None:
        return False
    try:
        if extension != "xlsx":
            return path.read_bytes() == content
        import io

        import openpyxl

        def values(source: Path | io.BytesIO) -> list[tuple[object, ...]]:
            # Trailing empty cells and rows left out: a cell formatted outside the table
            # widens what the sheet reports as used, not what it holds.
            book = openpyxl.load_workbook(source, read_only=True)
            try:
                sheets = []
                for sheet in book.worksheets:
                    rows = [_without_trailing(row) for row in sheet.iter_rows(values_only=True)]
                    sheets.append(list(_without_trailing(rows, empty=())))
                return sheets
            finally:
                book.close()

        return values(path) == values(io.BytesIO(content))
    except Exception:  # an unreadable list is not known to be the same
        return False


def _without_trailing(items: Sequence[object], empty: object = None) -> tuple[object, ...]:
    """``items`` without the ``empty`` ones at its end."""
    end = len(items)
    while end and items[end - 1] == empty:
        end -= 1
    return tuple(items[:end])


def _last_changed(inputs: list[Path], out: Path) -> int:
    """When the figures last changed (ns): the newest time of the report and plan files and of
    the folders holding them. A form taken out of its folder, or one moved in with the time it
    was saved (``mv``, a copy from a USB stick), changes only its folder's time. The folder of
    the lists (``out``) is left out: lzip's own lists, written beside a report, change its time."""
    times = []
    lists = os.path.realpath(out)
    for path in inputs:
        if not path.is_file():
            continue
        folder = path.parent
        for changed in (path,) if os.path.realpath(folder) == lists else (path, folder):
            with suppress(OSError):
                times.append(changed.stat().st_mtime_ns)
    return max(times, default=0)


def _form_year(ctx: typer.Context, argument: int | None, option: int | None, lang: str) -> int:
    """The form's year, from ``lzip template 2025`` or, as ``check`` takes it, ``--year 2025``."""
    from lzip_cli.usage import usage_error

    if argument is not None and option is not None and argument != option:
        raise usage_error(ctx, "year_option", _t("template_years_differ", lang, year=argument))
    year = argument if argument is not None else option
    if year is None:
        raise usage_error(ctx, "year")
    return year


@app.command(cls=_Command, help=_h("cmd.template"), short_help=_h("short.template"))
def template(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Argument(
            min=1900, max=2200, metavar="YEAR", help=_h("template.year"), show_default=False
        ),
    ] = None,
    year_option: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", min=1900, max=2200, metavar="YEAR", help=_h("template.year_option")
        ),
    ] = None,
    agency: AgencyOption = None,
    output_format: Annotated[
        FormFormat | None,
        typer.Option("--format", "-f", help=_h("template.format")),
    ] = None,
    output_text: Annotated[
        str | None,
        # a str, not _file_path: with --per-agency, -o names a folder and may end in "/"
        typer.Option("--output", "-o", metavar="FILE", help=_h("template.output")),
    ] = None,
    per_agency: Annotated[
        bool,
        typer.Option(
            "--per-agency",
            help=_h("template.per_agency"),
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help=_h("force_file"))] = False,
    data: DataOption = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """Write the report form for YEAR: one row per indicator and responsible agency."""
    from lzip_cli import template as forms
    from lzip_cli.plan_loader import resolve_data_dir

    code = lang.value
    year = _form_year(ctx, year, year_option, code)
    if output_text is not None and not per_agency and _names_folder(output_text):
        from lzip_cli.usage import usage_error

        # in English, as _file_path says it: the entry point says Click's errors in Chinese
        detail = t("usage.value_names_folder", "en", value=output_text)
        raise usage_error(ctx, "output_text", detail)
    output = None if output_text is None else Path(output_text)
    dash = _to_stdout(output)
    if dash:
        output = None
    with _errors_exit(lang):
        if output is not None and not per_agency:  # --per-agency creates its folder
            from lzip_cli.output import check_folder

            check_folder(output)
        plan = _load_plan(data, lang)
    idle: list[Problem] = []  # the agencies named that own no indicator (LZ247)
    ids = _agency_ids(plan, agency, lang, idle) if agency else None
    owned = {a for indicator in plan.indicators for a in indicator.agencies}
    if ids is not None and not owned.intersection(ids):  # a form lzip would refuse as blank
        from lzip_cli.messages import name_list

        _refuse(
            "LZ313",
            "template_agencies_own_nothing",
            code,
            agencies=name_list((plan.agency(a).label(code) for a in dict.fromkeys(ids)), code),
            count=len(idle),
        )
    if idle:
        from lzip_cli.render.problems import format_problem

        for problem in idle:
            typer.echo(format_problem(problem, code, "warning"), err=True)  # type: ignore[arg-type]
    _warn_about_form(plan, year, code)
    if per_agency:
        if output is None:
            _refuse("LZ309", "per_agency_needs_output", code)
        if output.suffix.lower() in FORM_SUFFIXES and not output.is_dir():
            # -o forms.xlsx made a folder of that name full of CSV forms
            from lzip_cli.usage import usage_error

            # the hint only where .xlsx forms were what the name asked for
            key = "per_agency_output_is_a_file"
            if output.suffix.lower() == ".xlsx" and output_format is not FormFormat.xlsx:
                key += "_xlsx"
            raise usage_error(ctx, "output_text", _t(key, code))
        chosen = output_format or FormFormat.csv
        plan_files = [
            resolve_data_dir(data) / name for name in ("agencies.yaml", "indicators.yaml")
        ]
        with _errors_exit(lang):
            from lzip_cli.output import check_targets, write_into_folder

            render = forms.form_xlsx if chosen is FormFormat.xlsx else forms.form_csv
            files = [
                (output / f"{stem}.{chosen.value}", render(plan, year, rows, code))
                for stem, rows in forms.per_agency_rows(plan, ids)
            ]
            check_targets([path for path, _ in files], plan_files, force=force)
            if files:  # --agency naming only agencies that own nothing: no empty directory
                write_into_folder(output, files, replace=force, option="-o/--output")
        typer.echo(_t("wrote_files", code, count=len(files), directory=str(output)), err=True)
        return
    rows = forms.form_rows(plan, ids)
    with _errors_exit(lang):
        if output is not None:
            from lzip_cli.output import check_targets

            _refuse_format_mismatch(output, FORM_SUFFIXES, output_format)

            data_dir = resolve_data_dir(data)
            plan_files = [data_dir / "agencies.yaml", data_dir / "indicators.yaml"]
            check_targets([output], plan_files, force=force)
        if output_format is None:
            output_format = (
                FormFormat.csv
                if output is None
                else _format_from_suffix(output, FORM_SUFFIXES, FormFormat.csv)
            )
        if output_format is FormFormat.xlsx:
            if output is None:
                _refuse("LZ309", "xlsx_not_to_stdout" if dash else "xlsx_needs_output", code)
            content = forms.form_xlsx(plan, year, rows, code)
        else:
            content = forms.form_csv(plan, year, rows, code)
        if output is None:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
            return
        from lzip_cli.output import atomic_write

        atomic_write(output, content, replace=force)
    _say_written(output, code)


def _warn_about_form(plan: "Plan", year: int, lang: str) -> None:
    """Warn on stderr about a form for a year outside the plan."""
    from lzip_cli.evaluate import year_outside_plan
    from lzip_cli.render.problems import format_problem

    outside = year_outside_plan(plan, year)
    if outside is not None:
        typer.echo(format_problem(outside, lang, "warning"), err=True)  # type: ignore[arg-type]


class DiffFormat(enum.StrEnum):
    table = "table"
    text = "text"
    json = "json"


@app.command(cls=_Command, help=_h("cmd.diff"), short_help=_h("short.diff"))
def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help=_h("diff.old"),
            show_default=False,
        ),
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help=_h("diff.new"), show_default=False)],
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=_h("diff.format"))
    ] = DiffFormat.table,
    exit_code: Annotated[bool, typer.Option("--exit-code", help=_h("diff.exit_code"))] = False,
    lang: LangOption = LangChoice.zh,
) -> None:
    """What changed in the plan: indicators, baselines, targets, milestones, agencies."""
    import tempfile

    from lzip_cli.errors import LzipError
    from lzip_cli.plan_diff import diff as plan_changes
    from lzip_cli.plan_loader import load_plan, plan_source
    from lzip_cli.render import plan_diff

    code = lang.value
    plans = []
    with tempfile.TemporaryDirectory(prefix="lzip-diff-") as scratch, _errors_exit(lang):
        problems: list[Problem] = []
        omitted = 0
        for side, text in (("old", old), ("new", new)):  # both loaded: both plans' problems
            try:
                plans.append(load_plan(*plan_source(text, Path(scratch) / side), lang=code))
            except LzipError as exc:
                # the same folder named twice (data, data/) says its problems once
                problems += [p for p in exc.problems if p not in problems]
                omitted += exc.omitted
        if problems or omitted:
            raise LzipError(problems, omitted)
    before, after = plans
    changes = plan_changes(before, after)
    if output_format is DiffFormat.json:
        with stdio.json_escapes(sys.stdout):
            sys.stdout.write(plan_diff.to_json(changes, before, after, code, (old, new)))
    elif output_format is DiffFormat.text or not changes:
        for line in plan_diff.lines(changes, before, after, code):
            typer.echo(line)
    else:
        from lzip_cli.render.terminal import console, print_plain

        title = _t("diff_title", code, old=old, new=new)
        out = console()
        print_plain(out, plan_diff.table(changes, before, after, code, title, out.width))
    raise typer.Exit(EXIT_FINDINGS if exit_code and changes else EXIT_OK)


class SchemaKind(enum.StrEnum):
    indicators = "indicators"
    agencies = "agencies"


@app.command(cls=_Command, help=_h("cmd.schema"), short_help=_h("short.schema"))
def schema(
    kind: Annotated[SchemaKind, typer.Argument(metavar="KIND", help=_h("schema.kind"))],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", parser=_file_path, help=_h("schema.output")),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("force_file"))] = False,
    lang: LangOption = LangChoice.zh,
) -> None:
    """Print the JSON Schema of indicators.yaml or agencies.yaml (for editors and CI)."""
    from lzip_cli.schema import render

    text = render(kind.value)
    if output is None or _to_stdout(output):
        sys.stdout.write(text)
        return
    with _errors_exit(lang):
        from lzip_cli.output import atomic_write, check_folder, check_targets

        check_folder(output)
        check_targets([output], [], force=force)
        atomic_write(output, text.encode("utf-8"), replace=force)
    _say_written(output, lang.value)


@app.command(cls=_Command, help=_h("cmd.explain"), short_help=_h("short.explain"))
def explain(
    codes: Annotated[
        list[str] | None,
        typer.Argument(metavar="CODE", help=_h("explain.codes"), show_default=False),
    ] = None,
    lang: LangOption = LangChoice.zh,
) -> None:
    """Explain problem codes: what LZ101 and the others mean."""
    from lzip_cli.codes import CODES, describe, normalize

    code = lang.value
    typed = codes if codes else list(CODES)
    wanted = [normalize(text) for text in typed]
    for name in wanted:  # the known codes explained, also beside an unknown one
        if name in CODES:
            typer.echo(f"{name}  {_t(CODES[name].severity, code)}  {describe(name, code)}")
    unknown = [text for text, name in zip(typed, wanted, strict=True) if name not in CODES]
    if unknown:  # as typed: the user never wrote LZ000 for ""
        _fail(
            [_t("error_line", code, message=_t("unknown_code", code, code=c)) for c in unknown], 2
        )


def _agency_ids(
    plan: "Plan", texts: list[str], lang: LangChoice, warnings: "list[Problem] | None" = None
) -> list[str]:
    """The agencies ``--agency`` names; an agency that owns no indicator is warned of (LZ247)
    in ``warnings``, where the output carries its warnings, else on stderr."""
    from lzip_cli.messages import Bilingual

    ids = []
    for text in texts:
        found = plan.find_agency(text)
        group = plan.find_group(text) if found is None else None
        if group is not None:  # a group owns no indicator: its members do
            _refuse(
                "LZ313",
                "group_option",
                lang.value,
                text=text,
                id=group.id,
                name=Bilingual(group.name, group.name_en),
                count=len(group.members),
                members=Bilingual("、".join(group.members[:3]), ", ".join(group.members[:3])),
            )
        if found is None:
            near = plan.closest_agency(text)
            # Suggested as it was typed: an id for Latin letters (agricultur), else the name.
            closest = (near.id if text.isascii() else near.name) if near else None
            suggestion = {"suggestion": closest} if closest else {}
            _refuse("LZ313", "unknown_agency_option", lang.value, text=text, **suggestion)
        ids.append(found.id)
        if not any(found.id in indicator.agencies for indicator in plan.indicators):
            # e.g. 县司法局: named in the plan's tasks, owns no quantitative indicator
            from lzip_cli.errors import Problem
            from lzip_cli.render.problems import format_problem

            idle = Problem("LZ247", "agency_owns_nothing", params={"agency": found.names()})
            if warnings is not None:
                warnings.append(idle)
            else:
                typer.echo(format_problem(idle, lang.value, "warning"), err=True)
    return ids


def lang_after_command(args: list[str]) -> list[str]:
    """``lzip --lang en check …`` as ``lzip check --lang en …``: the command's own language.

    Given after the command too, the command's own ``--lang`` comes later and wins; either beats
    ``LZIP_LANG``, as a command-line option does. (Moving it here, not in a callback on every
    command's ``--lang``, keeps ``lzip --help`` from inspecting nine more functions.)
    """
    if not args:
        return args
    if args[0] == "--lang" and len(args) > 2:
        taken, rest = args[:2], args[2:]
    elif args[0].startswith("--lang=") and len(args) > 1:
        taken, rest = args[:1], args[1:]
    else:
        return args
    if rest[0].startswith("-"):  # lzip --lang en --help: the group's own option
        return args
    return [rest[0], *taken, *rest[1:]]


def ascii_digits(args: list[str]) -> list[str]:
    """Numbers typed with a Chinese input method (``--year ２０２４``) as ASCII digits, and a
    year written as Chinese writes it (``--year 2024年``) as the year.

    Click's ``int()`` took full-width digits; Typer 0.29 validates through pydantic, which does
    not. Only an argument (or an ``--option=`` value) made wholly of digits is changed, and 年 or
    年度 after the digits only in the value of ``--year``: a file or folder name with a suffix or
    any other character (``2024年/``) is left as it is.
    """
    import unicodedata

    def plain(text: str) -> str:
        return (
            unicodedata.normalize("NFKC", text) if text.isdigit() and not text.isascii() else text
        )

    def year(text: str) -> str:
        # 2024年, 2024年度: the year as Chinese writes it, where only a year is asked for.
        digits = text.removesuffix("年度").removesuffix("年")
        return plain(digits) if digits and digits.isdigit() else text

    changed = []
    after_year = False  # the argument after --year / -y is its value
    for arg in args:
        option, equals, value = arg.partition("=")
        if after_year:
            changed.append(year(arg))
        elif equals and option.startswith("--"):
            changed.append(option + equals + (year(value) if option == "--year" else plain(value)))
        else:
            changed.append(plain(arg))
        after_year = arg in ("--year", "-y")
    return changed


@contextmanager
def _without_pydantic_plugins() -> Iterator[None]:
    """Build lzip's models without looking for pydantic plugins, as Typer builds its own.

    The first model built makes pydantic read the entry points of every installed distribution
    (12 ms of a 200 ms ``lzip check`` here, more in a large environment) for observability
    plugins, which a short command-line run has no use for. A user who sets
    ``PYDANTIC_DISABLE_PLUGINS`` (even to an empty value) keeps their choice.
    """
    if "PYDANTIC_DISABLE_PLUGINS" in os.environ:
        yield
        return
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    try:
        yield
    finally:
        os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)


def _exit_when_terminated() -> None:
    """SIGTERM and SIGHUP end the run as an exit with status 128 + the signal (143, 129), raised
    where the run is, so that what it was writing is cleaned up as for any failure: the
    ``finally`` blocks of :mod:`lzip_cli.output` remove the temporary files (``.结果.csv.x1y2.tmp``)
    that the signal's default action, ending the process at once, left behind. A signal ignored
    when lzip started (``nohup lzip …``) stays ignored; SIGINT stays Python's KeyboardInterrupt.
    """
    import signal

    names = ("SIGTERM", "SIGHUP")  # Windows has no SIGHUP
    numbers = [getattr(signal, name) for name in names if hasattr(signal, name)]

    def end(signum: int, frame: object) -> NoReturn:
        for number in numbers:  # a second signal does not cut the cleanup short
            signal.signal(number, signal.SIG_IGN)
        raise SystemExit(128 + signum)

    for number in numbers:
        if signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, end)


def _exception_text(exc: BaseException) -> str:
    """``IndexError: list index out of range`` (its first 200 characters)."""
    return f"{type(exc).__name__}: {exc}"[:200]


def main() -> None:
    """Console-script entry point."""
    # One short run that builds large acyclic data (plan, rows, results) and exits: the cyclic
    # collector's passes over it found nothing to free and took ~22% of a 100,000-indicator run.
    import gc

    gc.disable()
    _exit_when_terminated()
    stdio.streams_that_go_somewhere()
    stdio.utf8_when_redirected()
    stdio.quiet_when_the_reader_leaves()
    try:
        try:
            # Not standalone: a usage error comes back here to be said in the user's language.
            with _without_pydantic_plugins():
                exit_code = app(
                    args=lang_after_command(ascii_digits(sys.argv[1:])),
                    prog_name="lzip",
                    standalone_mode=False,
                )
        except typer.Abort:  # what standalone Typer would do; lzip asks nothing, so rare
            typer.echo("Aborted!", err=True)
            exit_code = 1
        except Exception as exc:
            from lzip_cli import usage

            if isinstance(exc, usage.ClickException):
                exit_code = usage.show(exc, language(sys.argv[1:], os.environ))
            elif isinstance(exc, OSError | UnicodeEncodeError) or os.environ.get("LZIP_DEBUG"):
                raise  # an output that cannot be written: said below
            else:  # a bug of lzip's: said in one line, apart from every answer a run can give
                lang = language(sys.argv[1:], os.environ)
                typer.echo(_t("internal_error", lang, error=_exception_text(exc)), err=True)
                exit_code = EXIT_BUG
        finally:
            sys.stdout.flush()  # a full disk shows here, not in a message at interpreter exit
    except OSError as exc:
        stdio.output_failed(exc, EXIT_UNUSABLE)
    except UnicodeEncodeError as exc:
        stdio.cannot_encode(exc, EXIT_UNUSABLE)
    sys.exit(exit_code if isinstance(exit_code, int) else EXIT_OK)
