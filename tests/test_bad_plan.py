"""Issue 5: bad plan data never crashes lzip; every problem is located in the YAML.

Each case copies the shipped plan, breaks one thing and runs `lzip validate --data` (exit 1,
invalid) or `lzip check` (exit 2, unusable), asserting file:line:column and the message.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from helpers import run_lzip

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
INDICATORS = (DATA / "indicators.yaml").read_text(encoding="utf-8")
AGENCIES = (DATA / "agencies.yaml").read_text(encoding="utf-8")


pytestmark = pytest.mark.usefixtures("in_tmp")


def plan(indicators: str | bytes = INDICATORS, agencies: str | bytes = AGENCIES) -> Path:
    directory = Path("plan")
    directory.mkdir(exist_ok=True)
    for name, content in (("indicators.yaml", indicators), ("agencies.yaml", agencies)):
        data = content.encode() if isinstance(content, str) else content
        (directory / name).write_bytes(data)
    return directory


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def validate(directory: Path, *options: str) -> Result:
    return run_lzip("validate", "--data", directory, *options)


def assert_error(result: Result, where: str, code: str, *words: str, exit_code: int = 1) -> None:
    assert result.exit_code == exit_code, result.output + result.stderr
    lines = [
        line for line in result.stderr.splitlines() if line.startswith(where + ":") and code in line
    ]
    assert any(all(word in line for word in words) for line in lines), (where, words, result.stderr)


IND = "plan/indicators.yaml"
AGE = "plan/agencies.yaml"


def test_tabs_for_indentation() -> None:
    text = replace_once(INDICATORS, "    group: 1\n", "\tgroup: 1\n")
    line = line_of(text, "\tgroup")
    assert_error(validate(plan(text)), f"{IND}:{line}:1", "LZ007", "Tab 缩进", "空格")


def test_tabs_for_indentation_in_english() -> None:
    text = replace_once(INDICATORS, "    group: 1\n", "\tgroup: 1\n")
    line = line_of(text, "\tgroup")
    result = validate(plan(text), "--lang", "en")
    assert_error(result, f"{IND}:{line}:1", "LZ007", "indented with a tab")


YAML_SYNTAX_CASES = [
    # (broken line, column, words in Chinese, words in English): libyaml's own descriptions
    ("    group: 1: 2\n", 13, "值里含冒号时要加引号", "mapping values are not allowed"),
    ("   group: 1\n", 4, "应以“- ”开头", "did not find expected '-' indicator"),
    ("    group: 1\x07\n", 13, "控制字符", "control characters are not allowed"),
    ('    group: "1\\q"\n', 14, "未知的转义字符", "found unknown escape character"),
]


@pytest.mark.parametrize(("broken", "column", "zh", "en"), YAML_SYNTAX_CASES)
def test_yaml_syntax_error_is_located_and_in_the_chosen_language(
    broken: str, column: int, zh: str, en: str
) -> None:
    text = replace_once(INDICATORS, "    group: 1\n", broken)
    line = line_of(text, broken)
    assert_error(validate(plan(text)), f"{IND}:{line}:{column}", "LZ007", "YAML 语法错误", zh)
    english = validate(plan(text), "--lang", "en")
    assert_error(english, f"{IND}:{line}:{column}", "LZ007", "YAML syntax error", en)


#: Slips of a Chinese keyboard that the YAML parser notices a line or two later: the error
#: names the slip where it was typed (line offset from the slip's line, column), in both languages.
KEYBOARD_SLIPS = [
    (
        '    unit: "件"\n',
        '    unit："件"\n',
        9,
        "键后面是全角冒号“：”",
        "followed by a full-width colon",
    ),
    ("    kind: stock\n", "\u3000\u3000kind: stock\n", 1, "全角空格", "full-width space"),
    ("    kind: stock\n", "\u00a0   kind: stock\n", 1, "不换行空格（U+00A0", "no-break space"),
    (
        "    name: 战略性新兴产业发明专利拥有量\n",
        '    name: "战略性新兴产业发明专利拥有量\n',
        11,
        '双引号“"”没有配对',
        "is not closed",
    ),
    (  # 4.1's unit is the last quote for a while: the parser stops entries further down
        '    unit: "件"\n',
        '    unit: "件\n',
        11,
        '双引号“"”没有配对',
        "is not closed",
    ),
    (
        "    name_en: Invention patents held in strategic emerging industries\n",
        "    name_en: 'Invention patent's held in strategic emerging industries\n",
        31,
        "撇号“'”结束了引号",
        "an apostrophe inside single quotes ends the quoted text",
    ),
    (
        "    target: {year: 2025, value: 1}\n",
        "    target: {year: 2025, value: 1\n",
        13,
        "“{”在本行没有对应的“}”",
        "this '{' has no '}' on its line",
    ),
    (
        "    agencies: [development-reform, industry-trade, education, ip-office]\n",
        "    agencies: [development-reform, industry-trade, education, ip-office\n",
        15,
        "“[”在本行没有对应的“]”",
        "this '[' has no ']' on its line",
    ),
]


@pytest.mark.parametrize(("good", "slip", "column", "zh", "en"), KEYBOARD_SLIPS)
def test_a_keyboard_slip_is_named_where_it_was_typed(
    good: str, slip: str, column: int, zh: str, en: str
) -> None:
    before_slip = INDICATORS.index('  - id: "4.1"')
    text = INDICATORS[:before_slip] + replace_once(INDICATORS[before_slip:], good, slip)
    line = line_of(text, slip)
    assert_error(validate(plan(text)), f"{IND}:{line}:{column}", "LZ007", zh, "解析器在第")
    english = validate(plan(text), "--lang", "en")
    assert_error(english, f"{IND}:{line}:{column}", "LZ007", en, "the parser stopped at line")


def test_an_unexplained_syntax_error_stays_where_the_parser_stopped() -> None:
    text = replace_once(INDICATORS, "    group: 1\n", "    group: 1: 2\n")
    result = validate(plan(text), "--lang", "en")
    assert_error(result, f"{IND}:{line_of(text, 'group: 1: 2')}:13", "LZ007", "mapping values")
    assert "the parser stopped" not in result.stderr


#: A quote left open runs on to the next quote of its kind, wherever that is: far below, or
#: nowhere (the file ends inside it). The error names the opening quote, whichever kind it is.
OPEN_QUOTES = [
    # (file, line as shipped, with the quote left open, column of the quote, zh, en)
    (
        "indicators.yaml",
        "    name_en: Administrative cases of counterfeit IP investigated\n",
        "    name_en: 'Administrative cases of counterfeit IP investigated\n",
        14,
        "单引号“'”没有配对",
        'a single quote "\'" on this line is not closed',
    ),
    (
        "agencies.yaml",
        "    name: 县林业局\n",
        '    name: "县林业局\n',
        11,
        '双引号“"”没有配对',
        "a double quote '\"' on this line is not closed",
    ),
]


@pytest.mark.parametrize(
    ("name", "good", "slip", "column", "zh", "en"), OPEN_QUOTES, ids=["single", "double-to-eof"]
)
def test_a_quote_left_open_is_named_at_the_quote_however_far_the_parser_ran(
    name: str, good: str, slip: str, column: int, zh: str, en: str
) -> None:
    files = {"indicators.yaml": INDICATORS, "agencies.yaml": AGENCIES}
    files[name] = replace_once(files[name], good, slip)
    directory = plan(files["indicators.yaml"], files["agencies.yaml"])
    where = f"plan/{name}:{line_of(files[name], slip)}:{column}"
    assert_error(validate(directory), where, "LZ007", zh, "解析器在第")
    english = validate(directory, "--lang", "en")
    assert_error(english, where, "LZ007", en, "the parser stopped at line")


#: A file lzip cannot use at all, and the problem it is: the other file is still checked.
UNUSABLE_FILES = [
    # (name, how the file is broken, its problem, the exit code: 2 when a file cannot be read)
    ("syntax", lambda text: text.replace("name: 县林业局", 'name: "县林业局', 1), "LZ007", 1),
    ("anchor", lambda text: text.replace("  - id: forestry", "  - &f id: forestry", 1), "LZ010", 1),
    ("not-utf8", lambda text: text.encode("gbk"), "LZ005", 2),
    ("empty", lambda text: "", "LZ009", 1),
    ("missing", lambda text: None, "LZ003", 2),
    ("not-a-mapping", lambda text: "- agencies\n", "LZ100", 1),
]


@pytest.mark.parametrize(
    ("broken", "code", "exit_code"),
    [case[1:] for case in UNUSABLE_FILES],
    ids=[case[0] for case in UNUSABLE_FILES],
)
def test_an_unusable_file_hides_no_problem_of_the_other(
    broken: Callable[[str], str | bytes | None], code: str, exit_code: int
) -> None:
    indicators = replace_once(INDICATORS, "value: 18}", "value: -18}")
    indicators = replace_once(indicators, "agencies: [ip-office]", "agencies: [ip-ofice]")
    agencies = broken(AGENCIES)
    directory = plan(indicators, agencies if agencies is not None else "")
    if agencies is None:
        (directory / "agencies.yaml").unlink()
    result = validate(directory, "--lang", "en")
    assert_error(result, AGE, code, exit_code=exit_code)
    line = line_of(indicators, "value: -18}")
    where = f"{IND}:{line}:33"
    assert_error(result, where, "LZ109", "target.value", "-18", exit_code=exit_code)
    assert "ip-ofice" not in result.stderr  # which agencies exist is not known


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_plan_file_that_is_no_regular_file_is_refused_without_reading_it(kind: str) -> None:
    # A FIFO would wait for a writer forever; /dev/zero would fill the memory.
    directory = plan()
    (directory / "agencies.yaml").unlink()
    if kind == "fifo":
        os.mkfifo(directory / "agencies.yaml")
    else:
        (directory / "agencies.yaml").symlink_to("/dev/zero")
    result = validate(directory, "--lang", "en")
    assert_error(result, AGE, "LZ001", "not a regular file", exit_code=2)


def test_an_unusable_indicators_file_hides_no_problem_of_agencies_yaml() -> None:
    agencies = replace_once(AGENCIES, "      - health\n", "      - healthcare\n")
    result = validate(plan("indicators: [\n", agencies), "--lang", "en")
    assert_error(result, IND, "LZ007")
    line = line_of(agencies, "- healthcare")
    assert_error(result, f"{AGE}:{line}:9", "LZ101", "group leading-group", "'healthcare'")


@pytest.mark.parametrize("key", ['"2023"', "2023年"])
def test_a_milestone_year_written_as_text_says_to_write_the_year_bare(key: str) -> None:
    text = replace_once(
        INDICATORS,
        "    target: {year: 2025, value: 18}\n",
        f"    target: {{year: 2025, value: 18}}\n    milestones: {{{key}: 16, 2024: 17}}\n",
    )
    line = line_of(text, "    milestones:")
    result = validate(plan(text), "--lang", "en")
    assert_error(result, f"{IND}:{line}:18", "LZ100", "must be a year without quotes")
    assert "[key]" not in result.stderr


@pytest.mark.parametrize(
    ("key", "year"), [("2023.0", "2023.0"), ("yes", "yes"), ("\n      2023.5", "2023.5")]
)
def test_a_milestone_year_yaml_reads_as_no_whole_number_is_shown_and_located_as_written(
    key: str, year: str
) -> None:
    """Not pydantic's '2023.0' at the line of milestones:, nor 1 for yes (YAML's true)."""
    text = replace_once(
        INDICATORS,
        "    target: {year: 2025, value: 18}\n",
        f"    target: {{year: 2025, value: 18}}\n    milestones: {{{key}: 16}}\n",
    )
    line = line_of(text, year)
    column = text.splitlines()[line - 1].index(year) + 1
    result = validate(plan(text), "--lang", "en")
    assert error_lines(result) == [
        f"{IND}:{line}:{column}: error LZ100: indicator 1.1, milestones.{year}: "
        f"the key '{year}' must be a year without quotes, as in {{2023: 16}}"
    ]


def test_duplicate_keys() -> None:
    text = replace_once(INDICATORS, "    group: 1\n", "    group: 1\n    group: 2\n")
    first = line_of(text, "    group: 1\n")
    result = validate(plan(text))
    assert_error(result, f"{IND}:{first + 1}:5", "LZ014", "重复的键 'group'", f"第 {first} 行")


def test_alias_bomb_is_refused_quickly() -> None:
    layers = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        layers.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    result = validate(plan("\n".join(layers) + "\n"), "--lang", "en")
    elapsed = time.perf_counter() - started
    assert_error(result, f"{IND}:1:4", "LZ010", "anchors and aliases", "are not allowed")
    assert result.stderr.count("LZ010") == 9 + 8 * 9  # every anchor and alias, where written
    assert elapsed < 30  # generous: a composed bomb would need 9⁹ nodes, not seconds


@pytest.mark.parametrize(
    ("tag", "shown"),
    [
        ("!!python/object/apply:os.system ['echo hi']", "!!python/object/apply:os.system"),
        ("!!python/object:builtins.dict {}", "!!python/object:builtins.dict"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!custom 1", "!custom"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a: null}", "!!set"),
    ],
)
def test_tags_outside_the_core_schema(tag: str, shown: str) -> None:
    text = replace_once(INDICATORS, "    group: 1\n", f"    group: {tag}\n")
    line = line_of(text, f"group: {tag}")
    assert_error(validate(plan(text)), f"{IND}:{line}:12", "LZ011", f"不允许的 YAML 标签 {shown}")


@pytest.mark.parametrize(
    "text",
    ["[" * 10_000 + "]" * 10_000, "{a: " * 10_000 + "}" * 10_000, "[" * 100_000],
    ids=["brackets", "braces", "unclosed"],
)
def test_very_deep_flow_nesting(text: str) -> None:
    assert_error(validate(plan(text)), f"{IND}:1", "LZ008", "嵌套层级过深")


def test_deep_block_nesting_is_stopped_at_the_limit() -> None:
    text = "".join(" " * i + "-\n" for i in range(500))
    assert_error(validate(plan(text), "--lang", "en"), f"{IND}:65:65", "LZ008", "nested too deep")


@pytest.mark.parametrize("depth", [64, 65, 999])
def test_nesting_near_the_limits_never_crashes(depth: int) -> None:
    result = validate(plan("[" * depth + "]" * depth))
    assert result.exit_code == 1
    assert "LZ008" in result.stderr or "LZ100" in result.stderr


def test_deep_nesting_does_not_crash_the_process() -> None:
    # A segfault in a C parser would take pytest down with it: run it in a child process.
    directory = plan("[" * 200_000 + "]" * 200_000)
    done = subprocess.run(
        [sys.executable, "-m", "lzip_cli", "validate", "--data", str(directory)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "LZ008" in done.stderr and "Traceback" not in done.stderr


def test_wrong_types_in_every_field_all_reported_in_one_run() -> None:
    text = INDICATORS
    for old, new in [
        ('  - id: "1.1"\n', "  - id: [1]\n"),
        ("    group: 1\n", "    group: one\n"),
        ("    name: 查处假冒知识产权行政案件\n", "    name: 12\n"),
        ("    name_en: Administrative cases of counterfeit IP investigated\n", "    name_en: {}\n"),
        ('    unit: "起"\n', "    unit: [1]\n"),
        ("    kind: flow\n", "    kind: 3\n"),
        ("    direction: increase\n", "    direction: {a: 1}\n"),
        ("    baseline: {year: 2022, value: 15}\n", "    baseline: {year: later, value: yes}\n"),
        ("    target: {year: 2025, value: 18}\n", "    target: 18\n"),
        (
            "    agencies: [agriculture, ip-office, forestry, press-publication]\n",
            "    agencies: agriculture\n",
        ),
        ("    scope: shared\n", "    scope: true\n"),
    ]:
        text = replace_once(text, old, new)
    result = validate(plan(text))
    for needle, words in [
        ("id: [1]", "应为文字"),
        ("group: one", "应为整数"),
        ("name: 12", "应为文字"),
        ("name_en: {}", "应为文字"),
        ("unit: [1]", "应为文字"),
        ("kind: 3", "应为"),
        ("direction: {a: 1}", "应为"),
        ("target: 18", "应为映射"),
        ("agencies: agriculture", "应为列表"),
        ("scope: true", "应为"),
    ]:
        line = line_of(text, needle)
        assert_error(result, f"{IND}:{line}", "LZ100", words)
    assert_error(result, f"{IND}:{line_of(text, 'year: later')}", "LZ100", "baseline.year")


LITERAL_CASES = [
    # (field as shipped, broken, Chinese, English): pydantic's "'a' or 'b'" said in each language
    (
        "    direction: increase\n",
        "    direction: up\n",
        "direction: 应为 'increase' 或 'decrease' 之一",
        "direction: must be one of 'increase' or 'decrease'",
    ),
    (
        "    scope: shared\n",
        "    scope: all\n",
        "scope: 应为 'shared' 或 'each' 之一",
        "scope: must be one of 'shared' or 'each'",
    ),
    (
        "    kind: flow\n",
        "    kind: yearly\n",
        "kind: 应为 'flow'、'stock' 或 'rate' 之一",
        "kind: must be one of 'flow', 'stock' or 'rate'",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "zh", "en"), LITERAL_CASES, ids=["direction", "scope", "kind"]
)
def test_a_value_outside_the_choices_names_them_in_the_chosen_language(
    old: str, new: str, zh: str, en: str
) -> None:
    text = replace_once(INDICATORS, old, new)
    where = f"{IND}:{line_of(text, new)}"
    result = validate(plan(text))
    assert_error(result, where, "LZ100", zh)
    assert " or " not in result.stderr
    assert_error(validate(plan(text), "--lang", "en"), where, "LZ100", en)


def test_an_agency_name_where_an_id_belongs_names_the_id() -> None:
    text = replace_once(INDICATORS, "    agencies: [ip-office]\n", "    agencies: [知识产权局]\n")
    where = f"{IND}:{line_of(text, '[知识产权局]')}:16"
    result = validate(plan(text))
    assert_error(
        result,
        where,
        "LZ100",
        "agencies.0: '知识产权局' 是 ip-office（县知识产权局）的名称，不是单位编号：请写 ip-office",
    )
    assert "^[a-z0-9]" not in result.stderr and "引号" not in result.stderr
    english = validate(plan(text), "--lang", "en")
    assert_error(
        english,
        where,
        "LZ100",
        "'知识产权局' is the name of ip-office (County Intellectual Property Office), not an "
        "agency id: write ip-office",
    )


def test_an_agency_id_of_the_wrong_form_says_what_an_id_looks_like() -> None:
    text = replace_once(INDICATORS, "    agencies: [ip-office]\n", "    agencies: [IP_Office]\n")
    where = f"{IND}:{line_of(text, '[IP_Office]')}:16"
    assert_error(
        validate(plan(text)),
        where,
        "LZ100",
        "'IP_Office' 不是单位编号：单位编号由小写字母、数字和连字符组成，如 ip-office",
    )
    assert_error(
        validate(plan(text), "--lang", "en"),
        where,
        "LZ100",
        "'IP_Office' is not an agency id: an agency id is lowercase letters, digits and "
        "hyphens, e.g. ip-office",
    )


def test_an_indicator_id_of_the_wrong_form_says_what_an_id_looks_like() -> None:
    text = replace_once(INDICATORS, '  - id: "8.1"\n', '  - id: "8,1"\n')
    where = f"{IND}:{line_of(text, '8,1')}:9"
    result = validate(plan(text))
    assert_error(
        result, where, "LZ100", "id: '8,1' 不是指标编号：指标编号为任务序号、点和顺序号，如 4.3"
    )
    assert "引号" not in result.stderr and "^[0-9]" not in result.stderr
    english = validate(plan(text), "--lang", "en")
    assert_error(
        english,
        where,
        "LZ100",
        "id: '8,1' is not an indicator id: an indicator id is the group number, a dot and the "
        "position, e.g. 4.3",
    )
    assert "quote" not in english.stderr


def test_an_unquoted_indicator_id_is_quoted_as_written() -> None:
    # YAML reads 6.10 as the number 6.1: the hint quotes what the file says.
    text = replace_once(INDICATORS, '  - id: "6.1"\n', "  - id: 6.10\n")
    where = f"{IND}:{line_of(text, 'id: 6.10')}:9"
    assert_error(validate(plan(text)), where, "LZ100", '编号须加引号，如 "6.10"')
    english = validate(plan(text), "--lang", "en")
    assert_error(english, where, "LZ100", 'must be quoted, e.g. "6.10"')
    assert '"6.1"' not in english.stderr


def test_wrong_types_in_agencies() -> None:
    text = replace_once(
        AGENCIES, "    aliases: [鹿寨县农业农村局, 农业农村局]\n", "    aliases: 农业农村局\n"
    )
    text = replace_once(text, "  - id: ip-office\n", "  - id: 7\n")
    result = validate(plan(agencies=text), "--lang", "en")
    assert_error(result, f"{AGE}:{line_of(text, 'aliases: 农业农村局')}", "LZ100", "must be a list")
    assert_error(result, f"{AGE}:{line_of(text, 'id: 7')}", "LZ100", "must be text")


@pytest.mark.parametrize(
    "content", ["", "# only a comment\n", "\n\n", "---\n", "--- # the plan\n...\n"]
)
def test_an_empty_file(content: str) -> None:
    assert_error(validate(plan(content)), IND, "LZ009", "文件为空")


def test_an_empty_agencies_file_in_english() -> None:
    assert_error(validate(plan(agencies=""), "--lang", "en"), AGE, "LZ009", "the file is empty")


def test_a_list_where_a_mapping_belongs() -> None:
    assert_error(validate(plan("- a\n- b\n")), f"{IND}:1:1", "LZ100", "应为映射")


def test_a_mapping_where_a_list_belongs() -> None:
    text = "agencies: {a: 1}\n"
    assert_error(validate(plan(agencies=text)), f"{AGE}:1:11", "LZ100", "agencies", "应为列表")


def test_an_agency_id_that_is_another_agencys_alias() -> None:
    text = replace_once(
        AGENCIES, "aliases: [鹿寨县林业局, 林业局]", "aliases: [鹿寨县林业局, 林业局, ip-office]"
    )
    line = line_of(text, "林业局, ip-office")
    result = validate(plan(agencies=text), "--lang", "en")
    assert_error(result, f"{AGE}:{line}", "LZ103", "'ip-office' is already the id")


def test_two_indicators_with_the_same_id() -> None:
    text = replace_once(INDICATORS, '  - id: "1.2"\n', '  - id: "1.1"\n')
    second = text.index('  - id: "1.1"\n', text.index('  - id: "1.1"\n') + 1)
    line = text[:second].count("\n") + 1
    assert_error(validate(plan(text)), f"{IND}:{line}:9", "LZ104", "指标编号 '1.1' 重复")


def test_not_utf8_and_binary() -> None:
    result = validate(plan(INDICATORS.encode("utf-16"), b"\x00\x01\x02"))
    # Not text lzip can read: the plan is unusable (2), not merely invalid (1).
    assert_error(result, f"{IND}:1", "LZ005", "UTF-8", exit_code=2)
    assert_error(result, f"{AGE}:1", "LZ006", "NUL", exit_code=2)


def test_a_gbk_file_is_located_at_its_first_character_that_is_not_utf8() -> None:
    """Saved as GBK by a Chinese Windows editor: the line and column of its first Chinese."""
    text = "# the plan, saved by Notepad\nplan:\n  title: 量化指标\n"
    result = validate(plan(text.encode("gbk")), "--lang", "en")
    assert error_lines(result) == [f"{IND}:3:10: error LZ005: a YAML file must be UTF-8 encoded"]
    assert result.exit_code == 2
    # the column counts characters, not bytes: café (UTF-8) before the GBK
    text = "plan:\n  title: café 量化指标\n"
    result = validate(plan(text.encode("utf-8")[:-13] + "量化指标\n".encode("gbk")))
    assert error_lines(result) == [f"{IND}:2:15: 错误 LZ005: YAML 文件须为 UTF-8 编码"]


def test_a_huge_number_is_shown_short() -> None:
    text = replace_once(INDICATORS, "value: 15}", "value: " + "9" * 5000 + "}")
    result = validate(plan(text))
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if "LZ012" in line]
    assert len(line) < 400 and "…" in line


def test_a_bad_plan_makes_check_unusable() -> None:
    report = Path("2024.csv")
    shutil.copy(ROOT / "examples" / "2024.csv", report)
    text = replace_once(INDICATORS, "    group: 1\n", "    group: 1\n    group: 2\n")
    result = run_lzip("check", str(report), "--data", str(plan(text)))
    assert result.exit_code == 2
    assert "LZ014" in result.stderr and result.stdout == ""


def test_a_duplicate_key_is_reported_with_the_plans_other_problems() -> None:
    # A repeated key used to stop validation: the other problems came one run later.
    text = replace_once(INDICATORS, "    group: 1\n", "    group: 1\n    group: 2\n")
    text = replace_once(text, "target: {year: 2025, value: 18}", "target: {year: 2025, value: 1}")
    result = run_lzip("validate", "--data", str(plan(text)), "--lang", "en")
    assert result.exit_code == 1
    codes = re.findall(r"error (LZ\d+)", result.stderr)
    assert codes == ["LZ014", "LZ112"]  # in file order


def test_a_duplicate_keys_first_value_is_the_one_validated() -> None:
    text = replace_once(INDICATORS, "    group: 1\n", "    group: 1\n    group: x\n")
    result = run_lzip("validate", "--data", str(plan(text)), "--lang", "en")
    assert re.findall(r"error (LZ\d+)", result.stderr) == ["LZ014"]


def test_a_missing_data_directory() -> None:
    result = run_lzip("validate", "--data", "nowhere")
    assert result.exit_code == 2
    assert "nowhere: 错误 LZ003: 方案数据目录不存在" in result.stderr


def test_a_data_path_that_is_a_file() -> None:
    Path("2024.csv").write_text("指标,责任单位,数值\n", encoding="utf-8")
    result = run_lzip("check", "2024.csv", "--data", "2024.csv")
    assert result.exit_code == 2
    assert (
        "2024.csv: 错误 LZ003: 这是一个文件；方案数据应为含 indicators.yaml 和 agencies.yaml 的目录"
        in result.stderr
    )


def test_a_data_directory_outside_the_current_one_is_named_as_given(tmp_path: Path) -> None:
    # Not ../../../srv/plan: the path the user typed.
    outside = tmp_path.parent / "srv" / "plan"
    result = run_lzip("validate", "--data", str(outside))
    assert result.stderr.startswith(f"{outside}: 错误 LZ003")


# --- milestone years: which years a milestone may take --------------------------------------

ROW_1_1 = "    target: {year: 2025, value: 18}\n"


def with_milestones(milestones: str, baseline: int = 2022, target: int = 2025) -> str:
    """The shipped plan with indicator 1.1's years and milestones changed."""
    return replace_once(
        INDICATORS,
        "    baseline: {year: 2022, value: 15}\n" + ROW_1_1,
        f"    baseline: {{year: {baseline}, value: 15}}\n"
        f"    target: {{year: {target}, value: 18}}\n    milestones: {milestones}\n",
    )


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if " LZ" in line]


def test_a_milestone_in_the_baseline_or_target_year_says_the_endpoints_are_excluded() -> None:
    text = with_milestones("{2022: 15, 2025: 18}")
    line = line_of(text, "    milestones:")
    assert error_lines(validate(plan(text))) == [
        f"{IND}:{line}:18: 错误 LZ113: 指标 1.1 的 milestones.2022: "
        "阶段值年份 2022 应在 2022 年之后、2025 年之前（2023–2024 年）",
        f"{IND}:{line}:28: 错误 LZ113: 指标 1.1 的 milestones.2025: "
        "阶段值年份 2025 应在 2022 年之后、2025 年之前（2023–2024 年）",
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{IND}:{line}:18: error LZ113: indicator 1.1, milestones.2022: "
        "milestone year 2022 must be after 2022 and before 2025 (2023–2024)",
        f"{IND}:{line}:28: error LZ113: indicator 1.1, milestones.2025: "
        "milestone year 2025 must be after 2022 and before 2025 (2023–2024)",
    ]


def test_a_milestone_with_one_year_between_the_two_names_that_year() -> None:
    text = with_milestones("{2024: 17}", target=2024)
    line = line_of(text, "    milestones:")
    assert error_lines(validate(plan(text))) == [
        f"{IND}:{line}:18: 错误 LZ113: 指标 1.1 的 milestones.2024: "
        "阶段值年份 2024 应在 2022 年之后、2024 年之前（只能是 2023 年）",
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{IND}:{line}:18: error LZ113: indicator 1.1, milestones.2024: "
        "milestone year 2024 must be after 2022 and before 2024 (only 2023)",
    ]


def test_a_milestone_with_no_year_between_the_two_says_there_can_be_none() -> None:
    text = with_milestones("{2025: 17}", baseline=2024)
    line = line_of(text, "    milestones:")
    assert error_lines(validate(plan(text))) == [
        f"{IND}:{line}:18: 错误 LZ113: 指标 1.1 的 milestones.2025: 阶段值年份 2025 无效："
        "基础年 2024 与目标年 2025 之间没有年份，不能设阶段值",
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{IND}:{line}:18: error LZ113: indicator 1.1, milestones.2025: milestone year 2025 "
        "cannot be used: no year lies between the baseline year 2024 and the target year 2025, "
        "so there can be no milestones",
    ]


def test_milestone_years_are_not_judged_against_years_out_of_order() -> None:
    # The baseline year after the target year is the error; every milestone year would be too.
    text = with_milestones("{2023: 16, 2024: 17}", baseline=2026)
    result = validate(plan(text), "--lang", "en")
    assert [line.split(": error ")[1] for line in error_lines(result)] == [
        "LZ108: indicator 1.1, target.year: the baseline year 2026 must come before the target "
        "year 2025"
    ]


def test_a_milestone_year_outside_the_years_lzip_reads_says_so() -> None:
    text = with_milestones("{1023: 16}")
    line = line_of(text, "    milestones:")
    result = validate(plan(text), "--lang", "en")
    assert error_lines(result) == [
        f"{IND}:{line}:18: error LZ100: indicator 1.1, milestones.1023: must be at least 1900"
    ]


# --- where: the entry a problem is in ---------------------------------------------------------


def test_a_problem_in_an_indicator_names_the_indicator_and_points_at_the_year() -> None:
    # The 5th indicator (4.1); the year is the problem, so the year is where it points.
    before = INDICATORS.index('  - id: "4.1"')
    text = INDICATORS[:before] + replace_once(
        INDICATORS[before:],
        "    target: {year: 2025, value: 1}\n",
        "    target: {year: 2025, value: 1}\n    milestones: {2024: 1, 2026: 1}\n",
    )
    line = line_of(text, "    milestones: {2024: 1, 2026: 1}")
    assert error_lines(validate(plan(text))) == [
        f"{IND}:{line}:27: 错误 LZ113: 指标 4.1 的 milestones.2026: "
        "阶段值年份 2026 应在 2022 年之后、2025 年之前（2023–2024 年）",
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{IND}:{line}:27: error LZ113: indicator 4.1, milestones.2026: "
        "milestone year 2026 must be after 2022 and before 2025 (2023–2024)",
    ]


def test_a_problem_in_an_indicator_whose_id_is_broken_names_no_indicator() -> None:
    text = replace_once(INDICATORS, '  - id: "8.1"\n', '  - id: "8,1"\n')
    text = replace_once(text, "    kind: rate\n", "    kind: ratio\n")  # 1.2, id intact
    before = text.index('  - id: "8,1"')
    text = text[:before] + replace_once(text[before:], "    scope: shared\n", "    scope: all\n")
    result = validate(plan(text), "--lang", "en")
    assert [line.split(": error LZ100: ")[1] for line in error_lines(result)] == [
        "indicator 1.2, kind: must be one of 'flow', 'stock' or 'rate'",
        "id: '8,1' is not an indicator id: an indicator id is the group number, a dot and the "
        "position, e.g. 4.3",
        "scope: must be one of 'shared' or 'each'",
    ]


def test_a_problem_in_an_agency_or_a_group_names_it() -> None:
    text = replace_once(AGENCIES, "    aliases: [鹿寨县林业局, 林业局]\n", "    aliases: 林业局\n")
    text = replace_once(text, "      - human-resources\n", "      - human-resources\n      - 7\n")
    result = validate(plan(agencies=text))
    assert [line.split(": 错误 LZ100: ")[1] for line in error_lines(result)] == [
        "单位 forestry 的 aliases: 应为列表",
        "单位组 leading-group 的 members.18: 应为文字",
    ]
    english = validate(plan(agencies=text), "--lang", "en")
    assert [line.split(": error LZ100: ")[1] for line in error_lines(english)] == [
        "agency forestry, aliases: must be a list",
        "group leading-group, members.18: must be text",
    ]


# --- did you mean …? --------------------------------------------------------------------------


def test_an_unknown_agency_id_names_the_closest_id() -> None:
    text = replace_once(INDICATORS, "    agencies: [ip-office]\n", "    agencies: [ip-ofice]\n")
    where = f"{IND}:{line_of(text, '[ip-ofice]')}:16"
    assert error_lines(validate(plan(text))) == [
        f"{where}: 错误 LZ101: 指标 1.2 的 agencies.0: 未知的责任单位 'ip-ofice'；是否指 'ip-office'？"
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{where}: error LZ101: indicator 1.2, agencies.0: unknown agency 'ip-ofice'; "
        "did you mean 'ip-office'?"
    ]


def test_an_unknown_group_member_names_the_closest_id() -> None:
    text = replace_once(AGENCIES, "      - human-resources\n", "      - human-resource\n")
    where = f"{AGE}:{line_of(text, '- human-resource')}:9"
    assert error_lines(validate(plan(agencies=text), "--lang", "en")) == [
        f"{where}: error LZ101: group leading-group, members.17: unknown agency 'human-resource'; "
        "did you mean 'human-resources'?"
    ]


def test_an_unknown_field_names_the_closest_field() -> None:
    text = replace_once(INDICATORS, ROW_1_1, ROW_1_1 + "    milestone: {2023: 16}\n")
    where = f"{IND}:{line_of(text, 'milestone: {')}:5"
    assert error_lines(validate(plan(text))) == [
        f"{where}: 错误 LZ100: 指标 1.1 的 milestone: 未知字段 milestone；是否指 'milestones'？"
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{where}: error LZ100: indicator 1.1, milestone: unknown field milestone; "
        "did you mean 'milestones'?"
    ]


def test_a_field_name_in_full_width_letters_names_the_field() -> None:
    """ｉｄ, typed with a Chinese input method left in full-width mode, is id to the reader."""
    text = replace_once(INDICATORS, '  - id: "1.2"\n', '  - ｉｄ: "1.2"\n')
    where = f"{IND}:{line_of(text, 'ｉｄ:')}:5"
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{where}: error LZ100: id: required field id is missing",
        f"{where}: error LZ100: ｉｄ: unknown field ｉｄ; did you mean 'id'?",
    ]
    assert error_lines(validate(plan(text)))[1] == (
        f"{where}: 错误 LZ100: ｉｄ: 未知字段 ｉｄ；是否指 'id'？"
    )


def test_an_unknown_field_of_a_nested_mapping_names_its_closest_field() -> None:
    text = replace_once(INDICATORS, ROW_1_1, "    target: {year: 2025, valeu: 18}\n")
    result = validate(plan(text), "--lang", "en")
    assert [line.split(": error LZ100: ")[1] for line in error_lines(result)] == [
        "indicator 1.1, target.value: required field value is missing",
        "indicator 1.1, target.valeu: unknown field valeu; did you mean 'value'?",
    ]


def test_a_field_the_entry_already_has_is_not_suggested() -> None:
    text = replace_once(
        INDICATORS, ROW_1_1, ROW_1_1 + "    milestones: {2023: 16}\n    milestone: {2024: 17}\n"
    )
    result = validate(plan(text), "--lang", "en")
    assert [line.split(": error ")[1] for line in error_lines(result)] == [
        "LZ100: indicator 1.1, milestone: unknown field milestone"
    ]


# --- English YAML syntax errors say what the Chinese ones say ---------------------------------


def test_a_key_indented_too_far_gets_the_indentation_hint_in_english_too() -> None:
    text = replace_once(INDICATORS, "    agencies: [ip-office]\n", "      agencies: [ip-office]\n")
    where = f"{IND}:{line_of(text, '      agencies: [ip-office]')}:7"
    assert error_lines(validate(plan(text))) == [
        f"{where}: 错误 LZ007: YAML 语法错误：这里应是一个键：检查缩进是否与上一行对齐"
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{where}: error LZ007: YAML syntax error: did not find expected key — a key belongs "
        "here: check that the indentation lines up with the line above"
    ]


def test_a_key_under_a_list_item_indented_too_little_gets_the_hint_in_english_too() -> None:
    text = replace_once(INDICATORS, "    group: 1\n", "   group: 1\n")
    where = f"{IND}:{line_of(text, '   group: 1')}:4"
    assert error_lines(validate(plan(text))) == [
        f"{where}: 错误 LZ007: YAML 语法错误：列表中这一行应以“- ”开头：检查缩进"
    ]
    assert error_lines(validate(plan(text), "--lang", "en")) == [
        f"{where}: error LZ007: YAML syntax error: did not find expected '-' indicator — this "
        "line of the list should start with '- ': check the indentation"
    ]


def test_every_library_description_said_in_chinese_gets_its_hint_in_english() -> None:
    from lzip_cli.messages import TEXTS

    details = {key: texts for key, texts in TEXTS.items() if key.startswith("detail.")}
    assert len(details) > 30
    for key, (_, english) in details.items():
        words = key.removeprefix("detail.")
        assert english.startswith(words + " — ") and len(english) > len(words) + 8, key
