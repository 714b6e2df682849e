"""Usage errors as a user meets them: the real ``lzip`` process, in Chinese unless asked otherwise.

These run ``python -m lzip_cli`` because only the console entry point says Typer's usage errors
again in the user's language; ``CliRunner`` calls the Typer app itself.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lzip_cli.cli import ascii_digits, lang_after_command
from lzip_cli.linebreak import cell_width, wrap_cells
from lzip_cli.messages import language
from lzip_cli.usage import localize_help, translate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"


def lzip(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LZIP_LANG", "LZIP_DATA")}
    env["PYTHONIOENCODING"] = "utf-8"
    if lang is not None:
        env["LZIP_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "lzip_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["check", "--yaer", "2024", "x.csv"], "错误：没有选项 --yaer（是否想用 --year？）"),
        (["check"], "错误：缺少参数 'REPORT'"),
        (
            ["check", "x.csv", "--year", "3000"],
            "错误：'--year' / '-y' 的值无效：3000 不在 1900<=x<=2200 之内",
        ),
        (["check", "x.csv", "--year", "去年"], "错误：'--year' / '-y' 的值无效：'去年' 不是整数"),
        (
            ["check", "x.csv", "--year", "9" * 5000],
            f"错误：'--year' / '-y' 的值无效：'{'9' * 20}…' 不是整数",
        ),
        (
            ["validate", "--format", "xml"],
            "错误：'--format' / '-f' 的值无效：'xml' 不是可选的值（可选：'text'、'json'、'github'）",
        ),
        (["chek", "x.csv"], "错误：没有命令 'chek'（是否想用 'check'、'schema'？）"),
        (["check", "x.csv", "--agency"], "错误：选项 '--agency' 后面需要一个值"),
        (
            ["check", "--lang", "fr", "x.csv"],
            "错误：'--lang'（或环境变量 LZIP_LANG）的值无效：'fr' 不是可选的值（可选：'zh'、'en'）",
        ),
        (["indicators", "extra"], "错误：多余的参数（extra）"),
        (["check", "--force=1", "x.csv"], "错误：选项 '--force' 不带值"),
        (["template"], "错误：缺少参数 'YEAR'"),
        (
            ["template", "2024", "--year", "2025"],
            "错误：'--year' / '-y' 的值无效：与参数 YEAR（2024）不同",
        ),
        (["schema"], "错误：缺少参数 'KIND'（可选：indicators、agencies）"),
        (
            ["check", "x.csv", "-o", "结果/"],
            "错误：'--output' / '-o' 的值无效：'结果/' 是文件夹的写法；请给出要写入的文件名",
        ),
    ],
    ids=[
        "unknown-option",
        "missing-argument",
        "out-of-range",
        "not-a-number",
        "too-many-digits",
        "not-a-choice",
        "unknown-command",
        "option-without-value",
        "bad-language",
        "extra-argument",
        "flag-with-a-value",
        "template-without-year",
        "template-years-differ",
        "missing-choice",
        "output-file-as-folder",
    ],
)
def test_usage_errors_are_in_chinese_by_default(args: list[str], error: str) -> None:
    result = lzip(*args)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    if "--lang" in args:  # a language lzip does not speak: the English follows
        assert lines.pop().startswith("Error: Invalid value for '--lang'")
    assert lines[-1] == error
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", str(EXAMPLE), "--format", "pdf"],
            "Error: Invalid value for '--format' / '-f': 'pdf' is not one of "
            "'table', 'json', 'csv', 'markdown', 'md', 'github', 'xlsx'.",
        ),
        (
            ["check", str(EXAMPLE), "--fail-on", "always"],
            "Error: Invalid value for '--fail-on': 'always' is not one of 'shortfall', 'never'.",
        ),
        (
            ["shortfalls", str(EXAMPLE), "--format", "docx"],
            "Error: Invalid value for '--format' / '-f': 'docx' is not one of "
            "'md', 'markdown', 'csv', 'xlsx'.",
        ),
        (
            ["schema", "plan"],
            "Error: Invalid value for 'KIND': 'plan' is not one of 'indicators', 'agencies'.",
        ),
    ],
    ids=["check-format", "fail-on", "shortfalls-format", "schema-kind"],
)
def test_an_option_outside_its_choices_is_said_in_clicks_words_in_english(
    args: list[str], error: str
) -> None:
    result = lzip(*args, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == error


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", str(EXAMPLE), "--format", "pdf"],
            "错误：'--format' / '-f' 的值无效：'pdf' 不是可选的值"
            "（可选：'table'、'json'、'csv'、'markdown'、'md'、'github'、'xlsx'）",
        ),
        (
            ["check", str(EXAMPLE), "--fail-on", "always"],
            "错误：'--fail-on' 的值无效：'always' 不是可选的值（可选：'shortfall'、'never'）",
        ),
        (
            ["schema", "plan"],
            "错误：'KIND' 的值无效：'plan' 不是可选的值（可选：'indicators'、'agencies'）",
        ),
    ],
    ids=["check-format", "fail-on", "schema-kind"],
)
def test_an_option_outside_its_choices_is_said_in_chinese(args: list[str], error: str) -> None:
    result = lzip(*args)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == error


def _choice_parameters() -> list[tuple[str, str, list[str]]]:
    """Every parameter of every command that takes one of an enum's values: the command, the
    parameter's name and how it is given on the command line (its option, or nothing)."""
    import enum
    import typing

    import typer.main

    from lzip_cli.cli import app

    found = []
    for name, command in typer.main.get_command(app).commands.items():
        hints = typing.get_type_hints(command.callback)
        for param in command.params:
            hint = hints.get(param.name)
            # CheckFormat | None: without --format, the format --output's suffix tells
            hint = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
            if isinstance(hint, type) and issubclass(hint, enum.Enum):
                given = [] if param.param_type_name == "argument" else [param.opts[0]]
                found.append((name, param.name, given))
    return found


def test_every_choice_option_of_every_command_is_said_in_clicks_words_in_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from lzip_cli import cli

    monkeypatch.setattr("gc.disable", lambda: None)  # main() is for a process of its own
    monkeypatch.setattr(cli.stdio, "utf8_when_redirected", lambda: None)
    monkeypatch.setenv("LZIP_LANG", "en")  # so that a bad --lang value is said in English too
    parameters = _choice_parameters()
    assert ("check", "output_format", ["--format"]) in parameters  # CheckFormat | None
    assert ("schema", "kind", []) in parameters
    assert {"--format", "--fail-on", "--lang"} <= {g[0] for _, _, g in parameters if g}
    said = {}
    for command, name, given in parameters:
        monkeypatch.setattr(sys, "argv", ["lzip", command, *given, "bogus"])
        with pytest.raises(SystemExit) as exited:
            cli.main()
        assert exited.value.code == 2, (command, name)
        said[command, name] = capsys.readouterr().err.splitlines()[-1]
    wrong = {
        where: line
        for where, line in said.items()
        if not re.fullmatch(r"Error: Invalid value for .+?: 'bogus' is not one of '.+'\.", line)
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["check", str(EXAMPLE), "--year", "2300"], "2300 is not in the range 1900<=x<=2200."),
        (["check", str(EXAMPLE), "-y", "1899"], "1899 is not in the range 1900<=x<=2200."),
        (["check", str(EXAMPLE), "--year", "-2024"], "-2024 is not in the range 1900<=x<=2200."),
        (["check", str(EXAMPLE), "--year", "去年"], "'去年' is not a valid integer."),
        (["check", str(EXAMPLE), "--year", "2024年5月"], "'2024年5月' is not a valid integer."),
        (["check", str(EXAMPLE), "--year", "2024.5"], "'2024.5' is not a valid integer."),
        (["check", str(EXAMPLE), "--year", "2400.0"], "'2400.0' is not a valid integer."),
        (["check", str(EXAMPLE), "--year", "9" * 5000], f"'{'9' * 20}…' is not a valid integer."),
        (["template", "2300"], "2300 is not in the range 1900<=x<=2200."),
        (["template", "--year", "1800"], "1800 is not in the range 1900<=x<=2200."),
    ],
    ids=[
        "above-max",
        "below-min",
        "negative",
        "words",
        "year-and-month",
        "fraction",
        "whole-fraction-out-of-range",
        "too-many-digits",
        "template-argument",
        "template-option",
    ],
)
def test_a_number_option_out_of_range_or_not_a_number_is_said_in_clicks_words_in_english(
    args: list[str], error: str
) -> None:
    result = lzip(*args, "--lang", "en")
    assert result.returncode == 2
    name = "'YEAR'" if args[:2] == ["template", "2300"] else "'--year' / '-y'"
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for {name}: {error}"


def test_every_number_option_of_every_command_is_said_in_clicks_words_in_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typing

    import typer.main

    from lzip_cli import cli

    monkeypatch.setattr("gc.disable", lambda: None)  # main() is for a process of its own
    monkeypatch.setattr(cli.stdio, "utf8_when_redirected", lambda: None)
    monkeypatch.setenv("LZIP_LANG", "en")
    parameters = []
    for command_name, command in typer.main.get_command(cli.app).commands.items():
        hints = typing.get_type_hints(command.callback)
        for param in command.params:
            if int in typing.get_args(hints.get(param.name)) or hints.get(param.name) is int:
                given = [] if param.param_type_name == "argument" else [param.opts[0]]
                parameters.append((command_name, param.name, given))
    assert {command for command, _, _ in parameters} >= {"check", "shortfalls", "validate"}
    said = {}
    for command_name, name, given in parameters:
        for value in ("2201", "1899", "abc"):
            monkeypatch.setattr(sys, "argv", ["lzip", command_name, *given, value])
            with pytest.raises(SystemExit) as exited:
                cli.main()
            assert exited.value.code == 2, (command_name, name)
            said[command_name, name, value] = capsys.readouterr().err.splitlines()[-1]
    wrong = {
        where: line
        for where, line in said.items()
        if not re.fullmatch(
            r"Error: Invalid value for .+?: (?:(?:2201|1899) is not in the range "
            r"1900<=x<=2200|'abc' is not a valid integer)\.",
            line,
        )
    }
    assert wrong == {}


def test_a_usage_error_shows_the_usage_line_and_where_help_is() -> None:
    lines = lzip("check", "--yaer", "2024").stderr.splitlines()
    assert lines[:2] == ["用法：lzip check [OPTIONS] REPORT...", "查看帮助：lzip check --help"]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_usage_errors_in_english_are_clicks_own(how: str) -> None:
    if how == "option":
        result = lzip("check", "--yaer", "2024", "--lang", "en")
    else:
        result = lzip("check", "--yaer", "2024", lang="en")
    assert result.returncode == 2
    assert "Try 'lzip check -h' for help." in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: No such option: --yaer")


def test_no_arguments_show_the_help_not_an_error() -> None:
    result = lzip()
    assert result.returncode == 2
    assert result.stderr.startswith("用法：lzip [OPTIONS] COMMAND [ARGS]...")
    assert "错误" not in result.stderr


def test_help_is_in_chinese_by_default() -> None:
    result = lzip("check", "--help")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "用法：lzip check [OPTIONS] REPORT..."
    assert "  对照方案评估年度报表：按责任单位列出与目标的差距。" in lines
    assert "参数：" in lines and "选项：" in lines
    assert "显示本帮助并退出。" in result.stdout
    assert "[环境变量：LZIP_LANG；默认：zh]" in result.stdout
    assert "Options:" not in result.stdout


@pytest.mark.parametrize("how", ["option", "environment"])
def test_help_in_english_is_typers_own(how: str) -> None:
    if how == "option":
        result = lzip("check", "--help", "--lang", "en")
    else:
        result = lzip("check", "--help", lang="en")
    lines = result.stdout.splitlines()
    assert lines[0] == "Usage: lzip check [OPTIONS] REPORT..."
    assert "Options:" in lines
    assert "Show this message and exit." in result.stdout
    assert "选项" not in result.stdout


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("check", "lzip check [OPTIONS] REPORT..."),
        ("shortfalls", "lzip shortfalls [OPTIONS] REPORT..."),
        ("diff", "lzip diff [OPTIONS] OLD NEW"),
        ("schema", "lzip schema [OPTIONS] KIND"),
        ("validate", "lzip validate [OPTIONS] [FILE]..."),
        ("template", "lzip template [OPTIONS] [YEAR]"),
    ],
)
def test_the_usage_line_shows_a_required_argument_without_braces(command: str, usage: str) -> None:
    # Typer 0.29 wrote {REPORT}...; required arguments are bare, optional ones in brackets.
    assert lzip(command, "--help").stdout.splitlines()[0] == f"用法：{usage}"
    assert lzip(command, "--help", "--lang", "en").stdout.splitlines()[0] == f"Usage: {usage}"


def test_a_usage_error_shows_the_usage_line_without_braces() -> None:
    result = lzip("diff", "git:HEAD", "--lang", "en")
    assert result.stderr.splitlines()[0] == "Usage: lzip diff [OPTIONS] OLD NEW"
    assert result.stderr.splitlines()[-1] == "Error: Missing argument 'NEW'."


def test_a_range_and_required_are_said_together_in_chinese() -> None:
    row = "  YEAR  The year.  [1900<=x<=2200; required]"
    assert localize_help(row, "zh") == "  YEAR  The year.  [1900<=x<=2200；必填]"


@pytest.mark.parametrize(
    ("command", "row"),
    [
        ("check", "  REPORT  年度报表："),
        ("template", "  YEAR  表格填报的年度。"),
        ("validate", "  FILE  除方案外一并检查的报表文件"),
        ("diff", "  OLD  旧方案："),
        ("explain", "  CODE  问题代码"),
        ("schema", "  KIND <indicators|agencies>  哪个方案文件"),  # choices are worth showing
    ],
)
def test_help_names_arguments_without_python_types(command: str, row: str) -> None:
    result = lzip(command, "--help")
    assert row in result.stdout
    assert "<list[" not in result.stdout and " range>" not in result.stdout


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["template", "-h", "--lang", "en"]])
def test_dash_h_is_help(args: list[str]) -> None:
    result = lzip(*args)
    assert result.returncode == 0
    assert result.stdout.startswith(("用法：lzip", "Usage: lzip"))


@pytest.mark.parametrize(
    ("args", "environ_lang", "expected"),
    [
        (["--lang", "en", "check", str(EXAMPLE)], None, "behind"),
        (["--lang", "en", "check", str(EXAMPLE)], "zh", "behind"),  # beats LZIP_LANG
        (["--lang", "en", "check", str(EXAMPLE), "--lang", "zh"], None, "滞后"),  # its own wins
        (["--lang", "zh", "check", str(EXAMPLE)], "en", "滞后"),
    ],
)
def test_lang_before_the_command_is_the_commands_language(
    args: list[str], environ_lang: str | None, expected: str
) -> None:
    result = lzip(*args, "--format", "md", lang=environ_lang)
    assert result.returncode == 1
    assert expected in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "en", "check", "x.csv"], ["check", "--lang", "en", "x.csv"]),
        (["--lang=en", "check", "x.csv"], ["check", "--lang=en", "x.csv"]),
        (["--lang", "en", "--help"], ["--lang", "en", "--help"]),
        (["--lang", "en"], ["--lang", "en"]),
        (["check", "--lang", "en", "x.csv"], ["check", "--lang", "en", "x.csv"]),
        ([], []),
    ],
)
def test_lang_before_the_command_is_handed_to_it(args: list[str], expected: list[str]) -> None:
    assert lang_after_command(args) == expected


def test_lang_takes_any_case() -> None:
    assert "behind" in lzip("check", str(EXAMPLE), "--lang", "EN", "-f", "md").stdout


def test_lang_before_the_command_chooses_the_language_of_the_help() -> None:
    result = lzip("--lang", "en", "-h")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: lzip [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_command_list_cuts_no_description_short(lang: str) -> None:
    result = lzip("-h", "--lang", lang) if lang == "zh" else lzip("--lang", "en", "-h")
    commands = result.stdout.split("命令：" if lang == "zh" else "Commands:")[1]
    rows = [line for line in commands.splitlines() if line.strip()]
    assert len(rows) == 9
    assert not any(row.endswith("...") for row in rows), rows


def test_every_format_option_says_what_it_offers() -> None:
    for command in ["check", "indicators", "agencies", "shortfalls", "template", "diff"]:
        lines = lzip(command, "-h").stdout.splitlines()
        at = next(i for i, line in enumerate(lines) if "-f, --format" in line)
        said = lines[at].split(">", 1)[1].strip() or lines[at + 1].strip()  # or wrapped below
        assert said and not said.startswith("[默认"), (command, lines[at : at + 2])


@pytest.mark.parametrize("columns", [80, 60])
def test_chinese_help_fits_the_terminal_counting_a_chinese_character_as_two(
    columns: int,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LZIP_LANG", "LZIP_DATA")}
    env.update(COLUMNS=str(columns), PYTHONIOENCODING="utf-8")
    for command in ["check", "validate", "shortfalls", "template", "diff", "schema", "explain"]:
        done = subprocess.run(
            [sys.executable, "-m", "lzip_cli", command, "-h"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=True,
        )
        too_wide = [
            line
            for line in done.stdout.splitlines()
            if cell_width(line) > columns
            and not line.lstrip().startswith("-f, --format")  # one long list of choices
        ]
        assert too_wide == [], command


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("报表年度（默认：文件名中的年份）。", 12, ["报表年度（默", "认：文件名中", "的年份）。"]),
        ("写入 FILE 而不是标准输出", 10, ["写入 FILE", "而不是标准", "输出"]),
        ("first paragraph\n\nsecond", 40, ["first paragraph", "", "second"]),
        # an opening bracket goes down to the next line rather than end one
        (
            "有单位欠账时退出码为 1（shortfall），或从不（never）。",
            24,
            ["有单位欠账时退出码为 1", "（shortfall），或从不", "（never）。"],
        ),
        # closing punctuation takes the character before it down rather than start a line
        ("方案的目录（默认：随提供的方案）。", 16, ["方案的目录（默", "认：随提供的方", "案）。"]),
        # so does an English semicolon after a Chinese name
        ("鹿寨县林业局; 林业局", 12, ["鹿寨县林业", "局; 林业局"]),
        # with nothing to go down with, closing punctuation hangs past the edge
        ("ab，cd", 2, ["ab，", "cd"]),
        # a count or a year does not start a line alone: the word before it goes down too
        ("on track 3, achieved 2, tracked 4", 30, ["on track 3, achieved 2,", "tracked 4"]),
        ("progress in 2024", 14, ["progress", "in 2024"]),
    ],
)
def test_wrap_cells(text: str, width: int, lines: list[str]) -> None:
    assert wrap_cells(text, width) == lines


def test_every_command_has_help_in_both_languages() -> None:
    commands = ["validate", "check", "indicators", "agencies", "shortfalls", "template"]
    for command in [*commands, "diff", "schema", "explain"]:
        for lang in ("zh", "en"):
            result = lzip(command, "--help", "--lang", lang)
            assert result.returncode == 0, result.stderr
            assert "help." not in result.stdout  # no key left untranslated


@pytest.mark.parametrize(("args", "code"), [(["check", str(EXAMPLE)], 1), (["validate"], 0)])
def test_commands_keep_their_exit_codes_through_the_entry_point(args: list[str], code: int) -> None:
    assert lzip(*args).returncode == code


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        ([], {}, "zh"),
        ([], {"LZIP_LANG": "en"}, "en"),
        (["check", "--lang", "en"], {}, "en"),
        (["check", "--lang=en"], {"LZIP_LANG": "zh"}, "en"),
        (["check", "--lang", "zh"], {"LZIP_LANG": "en"}, "zh"),
        (["check", "--lang"], {"LZIP_LANG": "en"}, "en"),
        (["check", "--lang", "fr"], {}, "zh"),
        (["check", "--lang", "fr"], {"LZIP_LANG": "en"}, "en"),
        (["check", "--lang=EN"], {"LZIP_LANG": "zh"}, "en"),  # as the option takes it
        (["check"], {"LZIP_LANG": "EN"}, "en"),
    ],
)
def test_the_language_of_a_usage_error(
    args: list[str], environ: dict[str, str], expected: str
) -> None:
    assert language(args, environ) == expected


def test_a_message_lzip_does_not_know_keeps_clicks_words() -> None:
    assert translate("Something new from Click.", "zh") == "Something new from Click."


def test_pydantics_choice_of_values_is_said_in_chinese_without_or() -> None:
    # What Typer's pydantic adapter says of a value outside an enum or Literal option.
    message = "Invalid value for '--kind': Input should be 'flow', 'stock' or 'rate'"
    assert translate(message, "zh") == "'--kind' 的值无效：应为 'flow'、'stock' 或 'rate' 之一"
    assert translate(message, "en") == message


def test_an_abort_exits_1_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    from lzip_cli import cli

    def aborting(**_: object) -> None:
        raise typer.Abort()

    monkeypatch.setattr("gc.disable", lambda: None)  # main() is for a process of its own
    monkeypatch.setattr(cli.stdio, "utf8_when_redirected", lambda: None)
    monkeypatch.setattr(cli, "app", aborting)
    monkeypatch.setattr(sys, "argv", ["lzip", "check", "x.csv"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    assert capsys.readouterr().err == "Aborted!\n"


@pytest.mark.parametrize("command", ["check", "shortfalls", "template", "indicators"])
def test_every_agency_option_is_shown_as_agency_in_help(command: str) -> None:
    # Not Typer's `<list[str]>`: the same word the other commands show.
    shown = lzip(command, "--help", lang="en").stdout
    assert re.search(r"--agency\s+AGENCY", shown)
    assert "list[str]" not in shown


@pytest.mark.parametrize(
    "year_args",
    [
        ["--year", "２０２４"],
        ["--year=２０２４"],
        ["-y", "２０２４"],
        ["--year", "2024年"],  # as the year is written in Chinese
        ["-y", "２０２４年度"],
        ["--year=2024年"],
    ],
    ids=str,
)
def test_a_year_typed_in_full_width_digits_is_read(year_args: list[str]) -> None:
    # A Chinese input method types ２０２４; Typer 0.29 refused it as "not a valid integer".
    result = lzip("check", str(EXAMPLE), *year_args, "-f", "json")
    assert result.returncode == 1, result.stderr
    assert '"year": 2024' in result.stdout


def test_template_takes_its_year_in_full_width_digits(tmp_path: Path) -> None:
    form = tmp_path / "2025.csv"
    result = lzip("template", "２０２５", "-o", str(form))
    assert result.returncode == 0, result.stderr
    assert form.read_text(encoding="utf-8-sig").splitlines()[1].startswith("2025,1.1,")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["check", "２０２４年报.csv", "-y", "２０２４"],
            ["check", "２０２４年报.csv", "-y", "2024"],
        ),
        (["template", "２０２５", "-o", "２０２５"], ["template", "2025", "-o", "2025"]),
        (["check", "a.csv", "--year=２０２４"], ["check", "a.csv", "--year=2024"]),
        (["check", "a.csv", "--year", "2024"], ["check", "a.csv", "--year", "2024"]),
        # 年 after a year's digits, only where a year is asked for: 2024年/ is a folder's name
        (["check", "2024年", "--year", "2024年"], ["check", "2024年", "--year", "2024"]),
        (["check", "a.csv", "--year", "年"], ["check", "a.csv", "--year", "年"]),
    ],
)
def test_only_arguments_made_of_digits_are_changed(args: list[str], expected: list[str]) -> None:
    assert ascii_digits(args) == expected


@pytest.mark.parametrize(
    "args",
    [["--lang", "fr", "check", "x.csv"], ["check", "x.csv", "--lang", "fr"]],
    ids=["before the command", "after it"],
)
def test_a_language_lzip_does_not_speak_is_refused_in_chinese_and_english(args: list[str]) -> None:
    result = lzip(*args)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[-2].startswith("错误：'--lang'") and "'fr'" in lines[-2]
    assert lines[-1] == (
        "Error: Invalid value for '--lang' (env var: 'LZIP_LANG'): 'fr' is not one of 'zh', 'en'."
    )


def test_a_language_lzip_does_not_speak_in_lzip_lang_is_refused_in_both_too() -> None:
    result = lzip("check", "x.csv", lang="fr")
    assert result.returncode == 2
    assert "Error: Invalid value for '--lang' (env var: 'LZIP_LANG'): 'fr'" in result.stderr


def test_other_usage_errors_stay_in_one_language() -> None:
    result = lzip("check", "x.csv", "--year", "abc")
    assert "错误：'--year'" in result.stderr
    assert "Error:" not in result.stderr
