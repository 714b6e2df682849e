"""The streaming JSON writer writes exactly what ``json.dumps(obj, ensure_ascii=False, indent=2)``
writes, whatever the shape of the data, and takes generators where the document has lists."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lzip_cli.render.jsonstream import Table, dump, scalar_text


def streamed(obj: Any) -> str:
    pieces: list[str] = []
    dump(obj, pieces.append)
    return "".join(pieces)


def standard(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


DOCUMENTS = [
    pytest.param({}, id="empty dict"),
    pytest.param([], id="empty list"),
    pytest.param({"a": 1, "b": "县知识产权局", "c": None, "d": True, "e": 2.5}, id="flat dict"),
    pytest.param([1, "二", None, False, 0.1], id="flat list"),
    pytest.param(
        {"rows": [{"indicator": "1.1", "actual": 16}, {"indicator": "2.1", "actual": None}]},
        id="rows of an agency",
    ),
    pytest.param(
        [{"text": "}\n{", "brace": "},\n    {"}, {"text": '"}, {"'}],
        id="strings that look like the separators between records",
    ),
    pytest.param([{"a": 1}, {}], id="an empty dict among records"),
    pytest.param([{"a": [1, 2]}, {"b": 1}], id="a record that is not flat"),
    pytest.param([[{"a": 1}, {"b": 2}]], id="records one level deeper"),
    pytest.param([{"x": float("nan"), "y": float("inf"), "z": -float("inf")}], id="non-finite"),
    pytest.param({"outer": {"inner": [{"a": 1}, {"a": 2}], "n": 3}}, id="records inside a dict"),
    pytest.param(
        {"a": 1, "rows": [{"x": 1}, [2]], "b": "二", "c": None, "d": {"e": [3]}, "f": 2.5},
        id="scalar items around lists and dicts",
    ),
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_same_text_as_json_dumps(document: Any) -> None:
    assert streamed(document) == standard(document)


def test_generators_are_written_as_lists() -> None:
    rows = ({"id": f"a{i}", "shortfalls": [str(i)]} for i in range(3))
    assert streamed({"agencies": rows}) == standard(
        {"agencies": [{"id": f"a{i}", "shortfalls": [str(i)]} for i in range(3)]}
    )


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


@given(JSON_VALUES)
def test_any_json_value(document: Any) -> None:
    assert streamed(document) == standard(document)


def table_of(records: list[dict[str, Any]]) -> Table:
    table = Table()
    for record in records:
        table.append(tuple(record), tuple(scalar_text(value) for value in record.values()))
    return table


TABLES = [
    pytest.param([], id="no records"),
    pytest.param(
        [
            {"indicator": "1.1", "actual": 16, "status": "on-track", "note": "含专项行动"},
            {"indicator": "4.1", "actual": 850.5, "count": 3, "status": "behind", "note": None},
            {"indicator": "1.2", "actual": None, "status": "not-reported", "note": None},
        ],
        id="records of two shapes, as an agency's rows",
    ),
    pytest.param([{"100%": True, '"quoted"': False, "%s": "%d"}], id="keys with % and quotes"),
    pytest.param([{"text": "}\n{", "brace": "},\n    {"}], id="separator-like strings"),
]


@pytest.mark.parametrize("records", TABLES)
def test_a_table_is_written_as_its_records(records: list[dict[str, Any]]) -> None:
    document = {"agencies": [{"id": "a1", "rows": table_of(records), "shortfalls": ["1.1"]}]}
    expected = {"agencies": [{"id": "a1", "rows": records, "shortfalls": ["1.1"]}]}
    assert streamed(document) == standard(expected)


@pytest.mark.parametrize("records", TABLES)
def test_a_table_reads_back_as_its_records(records: list[dict[str, Any]]) -> None:
    assert table_of(records).records() == records


def test_a_long_table_is_written_whole() -> None:
    records = [{"indicator": f"{i}.1", "actual": i} for i in range(10_000)]
    assert streamed([table_of(records)]) == standard([records])


def test_tables_are_written_as_they_come_not_held() -> None:
    # 3,000 agencies' tables of 40 rows: held among CHUNK pieces, they came out as one 8 MB write.
    rows = [{"indicator": f"{i}.1", "actual": i, "status": "behind"} for i in range(40)]
    agencies = ({"id": f"a{n}", "rows": table_of(rows)} for n in range(3_000))
    pieces: list[str] = []
    dump({"agencies": agencies}, pieces.append)
    assert max(map(len, pieces)) < 50_000
    assert "".join(pieces) == standard(
        {"agencies": [{"id": f"a{n}", "rows": rows} for n in range(3_000)]}
    )


@pytest.mark.parametrize("key", [1, 2.5, True, False, None, float("inf")], ids=repr)
def test_keys_that_are_not_text_are_written_as_json_dumps_writes_them(key: Any) -> None:
    assert streamed({key: [1, {"a": 1}]}) == standard({key: [1, {"a": 1}]})
