"""The streaming JSON writer writes exactly what ``json.dumps(obj, ensure_ascii=False, indent=2)``
writes, whatever the shape of the data, and takes generators where the document has lists."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lzip_cli.render.jsonstream import Records, dump


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
        {"rows": Records([{"indicator": "1.1", "actual": 16}, {"indicator": "2.1", "note": None}])},
        id="rows known to be flat",
    ),
    pytest.param({"rows": Records()}, id="no rows known to be flat"),
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
