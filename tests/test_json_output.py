"""``check --format json`` on a large, varied plan is exactly the text ``json.dumps(data,
ensure_ascii=False, indent=2)`` gives for the data it reads back as: the writer's tables of
pre-encoded records change how the text is made, never what it says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import run_lzip

_spec = importlib.util.spec_from_file_location(
    "bench_generate", Path(__file__).resolve().parents[1] / "bench" / "generate.py"
)
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

INDICATORS = 200  # every shape of bench/generate.py: rate/each, compound, stock, "—", notes


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> str:
    directory = tmp_path_factory.mktemp("plan")
    generate.write_plan(directory, INDICATORS)
    report = directory / "report-2024.csv"
    generate.write_report(report, INDICATORS)
    result = run_lzip("check", str(report), "--data", str(directory), "--format", "json")
    assert result.exit_code == 1, result.output  # the generated report has shortfalls
    return result.stdout


def test_the_text_is_what_json_dumps_writes_of_it(written: str) -> None:
    data = json.loads(written)
    assert written == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for agency in data["agencies"] for row in agency["rows"]]


def test_every_kind_of_record_is_there(written: str) -> None:
    data = json.loads(written)
    indicators = data["indicators"]
    assert any("agencies" in i for i in indicators)  # `each` indicators
    assert any("contributions" in i and "count" in i for i in indicators)  # compound shared
    rows = _rows(data)
    assert {"count", "own_count"} <= set().union(*rows)  # compound rows among plain ones
    assert any(row["note"] for row in rows)
    assert any(row["own_not_carried_out"] for row in rows)
    assert any(isinstance(row["gap_to_milestone"], float) for row in rows)


def test_a_shared_indicator_s_row_shows_the_county_figure(written: str) -> None:
    data = json.loads(written)
    shared = next(i for i in data["indicators"] if i["scope"] == "shared")
    first = shared["contributions"][0]
    agency = next(a for a in data["agencies"] if a["id"] == first["id"])
    row = next(r for r in agency["rows"] if r["indicator"] == shared["id"])
    assert (row["actual"], row["status"], row["own"]) == (
        shared["actual"],
        shared["status"],
        first["actual"],
    )
