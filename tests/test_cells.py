"""One report cell: every form Excel/WPS users type that lzip accepts, and every one it refuses."""

from __future__ import annotations

import pytest

from lzip_cli.cells import NOT_CARRIED_OUT, CellError, parse_figure, parse_year

CASES_UNIT = ("起",)

#: (cell text, units, percent, expected value)
ACCEPTED: list[tuple[str, tuple[str, ...], bool, object]] = [
    ("1700", (), False, 1700.0),
    ("0", (), False, 0.0),
    ("16.5", (), False, 16.5),
    (".5", (), False, 0.5),
    ("1,700", (), False, 1700.0),
    ("12,345,678", (), False, 12345678.0),
    ("1,700.25", (), False, 1700.25),
    ("１７００", (), False, 1700.0),
    ("１，７００", (), False, 1700.0),
    ("１７．５", (), False, 17.5),
    (" 1700 ", (), False, 1700.0),
    ("\u30001700\u3000", (), False, 1700.0),
    ("95%", ("%",), True, 95.0),
    ("95％", ("%",), True, 95.0),
    ("95 %", ("%",), True, 95.0),
    ("95", ("%",), True, 95.0),
    ("18起", CASES_UNIT, False, 18.0),
    ("18 起", CASES_UNIT, False, 18.0),
    ("１８起", CASES_UNIT, False, 18.0),
    ("850万元", ("万元",), False, 850.0),
    ("3笔", ("笔",), False, 3.0),
    ("—", (), False, NOT_CARRIED_OUT),
    ("——", (), False, NOT_CARRIED_OUT),
    ("-", (), False, NOT_CARRIED_OUT),
    ("－", (), False, NOT_CARRIED_OUT),
    ("–", (), False, NOT_CARRIED_OUT),
    (" — ", (), False, NOT_CARRIED_OUT),
    ("未开展", (), False, NOT_CARRIED_OUT),
    ("未开展该项工作", (), False, NOT_CARRIED_OUT),
    ("无", (), False, NOT_CARRIED_OUT),
    ("/", (), False, NOT_CARRIED_OUT),
    ("／", (), False, NOT_CARRIED_OUT),
    (" 无 ", ("次",), False, NOT_CARRIED_OUT),
    ("—", ("%",), True, NOT_CARRIED_OUT),
    ("", (), False, None),
    ("   ", (), False, None),
    ("\u3000", (), False, None),
    # Characters that show as nothing, as text pasted from the web or WeChat carries them.
    ("\u200b3", (), False, 3.0),
    ("1652\u200b", (), False, 1652.0),
    ("1\u200d652", (), False, 1652.0),
    ("\ufeff95%", ("%",), True, 95.0),
    ("\u2060", (), False, None),
    # Excel writes a negative zero as "-0"; an .xlsx -0.0 already reads as 0.
    ("-0", (), False, 0.0),
    ("-0.00", (), False, 0.0),
    ("－０%", ("%",), True, 0.0),
]


@pytest.mark.parametrize(("text", "units", "percent", "expected"), ACCEPTED)
def test_accepted_cells(text: str, units: tuple[str, ...], percent: bool, expected: object) -> None:
    assert parse_figure(text, units, percent=percent) == expected


#: (cell text, units, percent, error key)
REJECTED: list[tuple[str, tuple[str, ...], bool, str]] = [
    ("1e309", (), False, "cell_not_a_number"),
    ("1e3", (), False, "cell_not_a_number"),
    ("NaN", (), False, "cell_not_a_number"),
    ("nan", (), False, "cell_not_a_number"),
    ("inf", (), False, "cell_not_a_number"),
    ("Infinity", (), False, "cell_not_a_number"),
    ("--5", (), False, "cell_not_a_number"),
    ("1,2,3", (), False, "cell_not_a_number"),
    ("1,70", (), False, "cell_not_a_number"),
    # a group of thousands never starts with 0: a decimal comma (0,85 万元 typed as 0,850)
    ("0,850", (), False, "cell_not_a_number"),
    ("0,001,652", (), False, "cell_not_a_number"),
    ("1.2.3", (), False, "cell_not_a_number"),
    ("5.", (), False, "cell_not_a_number"),
    ("+5", (), False, "cell_not_a_number"),
    ("0x10", (), False, "cell_not_a_number"),
    ("1_000", (), False, "cell_not_a_number"),
    ("abc", (), False, "cell_not_a_number"),
    ("约18", CASES_UNIT, False, "cell_not_a_number"),
    ("起", CASES_UNIT, False, "cell_not_a_number"),
    ("5起起", CASES_UNIT, False, "cell_not_a_number"),
    ("17件", CASES_UNIT, False, "cell_not_a_number"),  # another indicator's unit
    ("95%", CASES_UNIT, False, "cell_not_a_number"),  # % only for % indicators
    ("95%%", ("%",), True, "cell_not_a_number"),
    ("%", ("%",), True, "cell_not_a_number"),
    # digits split by spaces are two numbers, not one
    ("12 3", (), False, "cell_not_a_number"),
    ("1\u3000700", (), False, "cell_not_a_number"),
    # NFKC would fold these into digits: "17²" must not read as 172, "①" as 1
    ("17²", (), False, "cell_not_a_number"),
    ("①", (), False, "cell_not_a_number"),
    ("٣", (), False, "cell_not_a_number"),
    ("-3", (), False, "cell_negative"),
    ("－3", (), False, "cell_negative"),
    ("\u22123", (), False, "cell_negative"),
    ("-1,700", (), False, "cell_negative"),
    ("-5%", ("%",), True, "cell_negative"),
    ("-0.01", (), False, "cell_negative"),
    ("1" + "0" * 13, (), False, "cell_too_large"),
    ("9" * 400, (), False, "cell_too_large"),
]


@pytest.mark.parametrize(("text", "units", "percent", "key"), REJECTED)
def test_rejected_cells(text: str, units: tuple[str, ...], percent: bool, key: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_figure(text, units, percent=percent)
    assert caught.value.key == key
    assert caught.value.params["text"] == text


def test_not_a_number_names_the_units_once() -> None:
    with pytest.raises(CellError) as caught:
        parse_figure("abc", ("%",), percent=True)
    assert caught.value.params["units"] == "%"
    with pytest.raises(CellError) as caught:
        parse_figure("abc", ("万元", "笔"))
    assert caught.value.params["units"] == "万元/笔"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", 2024),
        (" 2024 ", 2024),
        ("2024年", 2024),
        ("2024年度", 2024),
        ("２０２４", 2024),
        ("２０２４年", 2024),
        ("1999", 1999),
        ("2100", 2100),
        ("", None),
        ("  ", None),
    ],
)
def test_years_accepted(text: str, expected: int | None) -> None:
    assert parse_year(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "24",
        "1899",
        "2201",
        "20245",
        "2024.0",
        "2,024",
        "abc",
        "二〇二四",
        "2024-2025",
        "1e309",
        "NaN",
    ],
)
def test_years_rejected(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_year(text)
    assert caught.value.key == "cell_not_a_year"
    assert caught.value.params["text"] == text
