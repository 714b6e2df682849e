"""The problem-code registry: every code in the source is registered, and the other way round.

The source is read with :mod:`ast`: a code is a string constant ``LZ`` + three digits; its message
key is the string argument that follows it in a call (``Problem("LZ101", "unknown_agency", …)``,
``RuleViolation(…, "LZ101", "unknown_agency", …)``) or the key of a ``{"key": "LZ211"}`` table.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.codes import CODES, describe, normalize, readme_table
from lzip_cli.messages import LANGS, TEXTS, t

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "lzip_cli"
CODE = re.compile(r"LZ\d{3}")
#: Files that list codes rather than raise them.
REGISTRY_FILES = {"codes.py", "messages.py"}


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
        return [f"{node.left.value}*"]  # "schema." + error["type"]
    return []


def scan_source() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(code → files it appears in, code → message keys used with it)."""
    where: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, set[str]] = defaultdict(set)
    for path in sorted(SRC.rglob("*.py")):
        if path.name in REGISTRY_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.fullmatch(node.value)
            ):
                where[node.value].add(path.name)
            if isinstance(node, ast.Call):
                for arg, following in itertools.pairwise(node.args):
                    if isinstance(arg, ast.Constant) and CODE.fullmatch(str(arg.value)):
                        keys[arg.value].update(_strings(following))
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if (
                        isinstance(value, ast.Constant)
                        and CODE.fullmatch(str(value.value))
                        and isinstance(key, ast.Constant)
                    ):
                        keys[value.value].add(key.value)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
                # key, code = "yaml_syntax", "LZ007"
                items = node.value.elts
                for first, second in itertools.pairwise(items):
                    if isinstance(second, ast.Constant) and CODE.fullmatch(str(second.value)):
                        keys[second.value].update(_strings(first))
    return where, keys


def test_scan_finds_codes() -> None:
    where, keys = scan_source()
    assert len(where) > 60
    assert "unknown_agency" in keys["LZ101"]
    assert "yaml_syntax" in keys["LZ007"]


def test_every_code_in_the_source_is_registered() -> None:
    where, _ = scan_source()
    missing = {code: sorted(files) for code, files in where.items() if code not in CODES}
    assert not missing, f"register these codes in lzip_cli/codes.py: {missing}"


def test_every_registered_code_is_used() -> None:
    where, _ = scan_source()
    unused = sorted(set(CODES) - set(where))
    assert not unused, f"codes registered but never raised: {unused}"


def test_message_keys_match_the_registry() -> None:
    _, keys = scan_source()
    for code, used in keys.items():
        assert used <= set(CODES[code].keys), (code, sorted(used - set(CODES[code].keys)))


def test_registered_keys_and_descriptions_exist_in_both_languages() -> None:
    for code, entry in CODES.items():
        for key in entry.keys:
            if key.endswith("*"):
                assert any(k.startswith(key[:-1]) for k in TEXTS), (code, key)
            else:
                assert key in TEXTS, (code, key)
        zh, en = TEXTS[f"code.{code}"]
        assert zh and en and "\n" not in zh + en, code
        assert "|" not in en, code  # it goes into a Markdown table
        for lang in LANGS:
            assert describe(code, lang)


def test_codes_are_well_formed_and_in_order() -> None:
    assert all(CODE.fullmatch(code) for code in CODES)
    assert list(CODES) == sorted(CODES)
    assert {code[2] for code in CODES} == {"0", "1", "2", "3"}
    stray = [key for key in TEXTS if key.startswith("code.") and key[5:] not in CODES]
    assert not stray


@pytest.mark.parametrize("text", ["LZ101", "lz101", "101", " LZ101 ", "ＬＺ１０１", "１０１"])
def test_normalize(text: str) -> None:
    assert normalize(text) == "LZ101"


@pytest.mark.parametrize("text", ["1", "01", "lz1", "LZ1", "lz01", "ＬＺ１"])
def test_a_short_number_names_the_code_with_or_without_lz(text: str) -> None:
    result = run_lzip("explain", text, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"LZ001  error  {describe('LZ001', 'en')}\n"


@pytest.mark.parametrize("text", ["abc", "lz999", "LZ-1", "1.5"])
def test_an_unknown_code_is_echoed_as_typed(text: str) -> None:
    result = run_lzip("explain", text, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"lzip: error: unknown problem code {text!r}: run lzip explain to list every code\n"
    )


def test_explain_one_code() -> None:
    result = run_lzip("explain", "LZ101", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("LZ101  error  ")
    assert describe("LZ101", "en") in result.stdout
    zh = run_lzip("explain", "lz240")
    assert zh.exit_code == 0 and describe("LZ240", "zh") in zh.stdout


def test_explain_every_code_and_unknown() -> None:
    result = run_lzip("explain", "--lang", "en")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(CODES)
    unknown = run_lzip("explain", "LZ999", "--lang", "en")
    assert unknown.exit_code == 2
    assert "LZ999" in unknown.stderr


def test_explain_known_codes_beside_an_unknown_one() -> None:
    result = run_lzip("explain", "LZ014", "LZ999", "lz101", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"LZ014  error  {describe('LZ014', 'en')}",
        f"LZ101  error  {describe('LZ101', 'en')}",
    ]
    assert result.stderr == (
        "lzip: error: unknown problem code 'LZ999': run lzip explain to list every code\n"
    )


def test_chinese_explanations_say_fangan_and_jichuzhi() -> None:
    # The plan is 方案 (its title: 工作方案) and its baseline 基础值/基础年, everywhere.
    result = run_lzip("explain")
    assert result.exit_code == 0
    assert "计划" not in result.stdout and "基准" not in result.stdout
    assert describe("LZ108", "zh") == "基础年不早于目标年。"
    assert "方案" in describe("LZ211", "zh")


def test_readme_table_lists_every_code() -> None:
    table = readme_table()
    for code in CODES:
        assert f"| `{code}` |" in table


def test_readme_lists_every_code() -> None:
    """The README's table is the registry's; LZIP_UPDATE_GOLDEN=1 rewrites it."""
    import os

    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- codes:start -->\n", "<!-- codes:end -->"
    assert start in text and end in text, "README.md lost its error-code table markers"
    head, rest = text.split(start, 1)
    current, tail = rest.split(end, 1)
    if os.environ.get("LZIP_UPDATE_GOLDEN") == "1" and current != readme_table():
        readme.write_text(head + start + readme_table() + end + tail, encoding="utf-8")
        current = readme_table()
    assert current == readme_table(), (
        "README.md's error codes differ from lzip_cli/codes.py: "
        "LZIP_UPDATE_GOLDEN=1 python -m pytest tests/test_codes.py"
    )


def test_english_texts_agree_with_their_counts_instead_of_writing_s_in_brackets() -> None:
    hedged = [key for key, (_, en) in TEXTS.items() if "(s)" in en]
    assert not hedged


@pytest.mark.parametrize(
    ("key", "count", "expected"),
    [
        ("shortfalls_count", 1, "1 shortfall"),
        ("shortfalls_count", 3, "3 shortfalls"),
        ("wrote_files", 1, "wrote 1 file to out"),
        ("wrote_files", 0, "wrote 0 files to out"),
    ],
)
def test_english_counts_choose_the_word_by_number(key: str, count: int, expected: str) -> None:
    assert t(key, "en", count=count, directory="out") == expected


def test_lz215_in_english_lists_its_cases_as_clauses() -> None:
    result = run_lzip("explain", "LZ215", "--lang", "en")
    assert "several value columns each name a year but none the report's, or" in result.stdout
