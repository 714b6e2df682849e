"""Output sent to a file or a pipe is UTF-8, whatever the locale.

On Chinese Windows a redirected stream takes the ANSI code page (GBK): ``lzip check -f json >
out.json`` wrote GBK where JSON must be UTF-8, and the BOM of ``-f csv`` stopped the run with a
traceback. A C locale with Python's UTF-8 coercion turned off gives ASCII streams that fail the
same way, so it stands in for Windows here. An explicit ``PYTHONIOENCODING`` is obeyed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"


def run(*args: str, **environment: str) -> subprocess.CompletedProcess[bytes]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONIOENCODING", "PYTHONUTF8", "LZIP_LANG", "LZIP_DATA"}
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-m", "lzip_cli", *args],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


#: Streams in ASCII, as a redirected stream in a non-UTF-8 code page.
NOT_UTF8_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


@pytest.fixture(scope="module")
def utf8_json() -> dict:
    done = run("check", str(EXAMPLE), "-f", "json", PYTHONIOENCODING="utf-8")
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout.decode("utf-8"))


def test_json_through_a_pipe_is_utf8_in_a_non_utf8_locale(utf8_json: dict) -> None:
    done = run("check", str(EXAMPLE), "-f", "json", **NOT_UTF8_LOCALE)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    assert json.loads(done.stdout.decode("utf-8")) == utf8_json


def test_csv_through_a_pipe_has_its_bom_in_a_non_utf8_locale() -> None:
    done = run("check", str(EXAMPLE), "-f", "csv", **NOT_UTF8_LOCALE)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert "县知识产权局" in done.stdout.decode("utf-8-sig")


def test_messages_on_stderr_are_utf8_in_a_non_utf8_locale() -> None:
    done = run("check", "no-such-report.csv", **NOT_UTF8_LOCALE)
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == "no-such-report.csv: 错误 LZ003: 文件不存在\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_in_gbk_draws_its_progress_bars_with_characters_gbk_has(lang: str) -> None:
    done = run("check", str(EXAMPLE), "--lang", lang, PYTHONIOENCODING="gbk", COLUMNS="200")
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("gbk")
    assert "#######- 89%" in text  # 1.1: 16 of 18
    assert "鹿政办发〔2023〕4号" in text


def test_an_explicit_gbk_encoding_is_obeyed_and_gets_no_bom() -> None:
    utf8 = run("check", str(EXAMPLE), "-f", "csv", PYTHONIOENCODING="utf-8").stdout
    gbk = run("check", str(EXAMPLE), "-f", "csv", PYTHONIOENCODING="gbk").stdout
    assert not gbk.startswith(b"\xef\xbb\xbf")
    assert gbk.decode("gbk") == utf8.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "<stdout>: 错误 LZ306: 无法写入标准输出：其编码 ascii 无法表示"),
        ("en", "<stdout>: error LZ306: cannot write to standard output: its encoding ascii"),
    ],
)
def test_an_encoding_without_chinese_is_a_located_error(lang: str, message: str) -> None:
    done = run("check", str(EXAMPLE), "-f", "csv", "--lang", lang, PYTHONIOENCODING="ascii:strict")
    assert done.returncode == 2
    stderr = done.stderr.decode("ascii").encode().decode("unicode_escape")
    assert "Traceback" not in stderr
    assert stderr.startswith(message)
    assert "PYTHONIOENCODING=utf-8" in stderr


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
@pytest.mark.parametrize(
    "args",
    [
        ["check", "NOTED", "-f", "json"],
        ["validate", "NOTED", "-f", "json"],
        ["agencies", "-f", "json"],
    ],
    ids=["check", "validate", "agencies"],
)
def test_json_escapes_what_the_output_encoding_lacks(
    tmp_path: Path, encoding: str, args: list[str]
) -> None:
    """PYTHONIOENCODING=gbk and a bullet or an emoji in a note: the JSON says them as escapes,
    the same document as in UTF-8, instead of no output at all (LZ306)."""
    noted = tmp_path / "2024.csv"
    noted.write_text("指标,责任单位,数值,备注\n1.1,县林业局,5,• 专项行动 😀\n", encoding="utf-8")
    args = [str(noted) if arg == "NOTED" else arg for arg in args]
    utf8 = run(*args, PYTHONIOENCODING="utf-8")
    other = run(*args, PYTHONIOENCODING=encoding)
    assert other.returncode == utf8.returncode, other.stderr.decode(encoding, "replace")
    assert json.loads(other.stdout.decode(encoding)) == json.loads(utf8.stdout.decode("utf-8"))
    if args[0] == "check":
        assert b"\\u2022" in other.stdout and b"\\ud83d\\ude00" in other.stdout
