"""JSON Schemas of the plan files: generated from the models, shipped, and true to the data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import run_lzip
from lzip_cli.schema import KINDS, build, render

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"


def load_plan_file(kind: str) -> Any:
    """The YAML as an editor sees it: JSON data (a milestone's year key becomes text)."""
    data = yaml.safe_load((ROOT / "data" / f"{kind}.yaml").read_text(encoding="utf-8"))
    return json.loads(json.dumps(data))


def validator(kind: str) -> Any:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_schema_matches_the_models(kind: str) -> None:
    shipped = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert shipped == render(kind), (
        f"schemas/{kind}.schema.json is out of date: "
        f"lzip schema {kind} -o schemas/{kind}.schema.json --force"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_yaml_files_point_at_their_schema(kind: str) -> None:
    first = (ROOT / "data" / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_yaml_is_valid_against_the_schema(kind: str) -> None:
    errors = list(validator(kind).iter_errors(load_plan_file(kind)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_entries_use_the_item_models() -> None:
    indicators = build("indicators")
    assert indicators["properties"]["indicators"]["items"] == {"$ref": "#/$defs/Indicator"}
    assert indicators["$schema"].endswith("2020-12/schema")
    agencies = build("agencies")
    assert agencies["properties"]["agencies"]["items"] == {"$ref": "#/$defs/Agency"}
    assert agencies["properties"]["groups"]["items"] == {"$ref": "#/$defs/AgencyGroup"}


def _errors(kind: str, data: Any) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(data)]


def test_schema_rejects_what_the_loader_rejects() -> None:
    good = load_plan_file("indicators")
    cases = []
    unknown_field = copy.deepcopy(good)
    unknown_field["indicators"][0]["colour"] = "blue"
    cases.append(unknown_field)
    unquoted = copy.deepcopy(good)
    unquoted["indicators"][0]["id"] = 4.3
    cases.append(unquoted)
    no_name = copy.deepcopy(good)
    del no_name["indicators"][0]["name"]
    cases.append(no_name)
    bad_target = copy.deepcopy(good)
    bad_target["indicators"][0]["target"]["value"] = "lots"
    cases.append(bad_target)
    leading_zero = copy.deepcopy(good)
    leading_zero["indicators"][1]["id"] = "1.02"
    cases.append(leading_zero)
    bad_year_key = copy.deepcopy(good)
    bad_year_key["indicators"][0]["milestones"] = {"next": 3}
    cases.append(bad_year_key)
    for case in cases:
        assert _errors("indicators", case)
    agencies = load_plan_file("agencies")
    agencies["agencies"][0]["id"] = "Has Spaces"
    assert _errors("agencies", agencies)
    agencies = load_plan_file("agencies")
    agencies["groups"] = [{"id": "g", "name": "组", "name_en": "G", "members": []}]
    assert _errors("agencies", agencies)


def _set(path: tuple[str | int, ...], value: Any) -> Any:
    """indicators.yaml's data with the field at ``path`` (under ``indicators``) set to ``value``."""
    data = load_plan_file("indicators")
    node = data["indicators"]
    for step in path[:-1]:  # a milestones mapping made where the indicator has none
        node = node.setdefault(step, {}) if isinstance(node, dict) else node[step]
    node[path[-1]] = value
    return data


# (indicator index, field path, value, the code lzip gives): 0 is 1.1 (a flow of 起), 1 is 1.2
# (a rate in %), 7 is 5.1 (an amount with a count of 笔).
ONE_FIELD_MISTAKES = {
    "negative baseline": ((0, "baseline", "value"), -15, "LZ109"),
    "negative milestone": ((0, "milestones", "2024"), -1, "LZ109"),
    "name of spaces": ((1, "name"), "  ", "LZ100"),
    "note of a full-width space": ((0, "note"), "\u3000", "LZ100"),
    "rate target above 100": ((1, "target", "value"), 150, "LZ110"),
    "rate milestone above 100": ((1, "milestones", "2024"), 101, "LZ110"),
    "figure beyond 10^12": ((0, "target", "value"), 2e12, "LZ116"),
    "English count unit without a count unit": ((0, "count_unit_en"), "deals", "LZ118"),
    "rate not in %": ((1, "unit"), "件", "LZ111"),
    "% for a flow": ((0, "unit"), "%", "LZ111"),
}


@pytest.mark.parametrize(
    ("path", "value", "code"), ONE_FIELD_MISTAKES.values(), ids=ONE_FIELD_MISTAKES.keys()
)
def test_an_editor_flags_a_one_field_mistake_lzip_refuses(
    path: tuple[str | int, ...], value: Any, code: str, tmp_path: Path
) -> None:
    data = _set(path, value)
    assert _errors("indicators", data)
    (tmp_path / "agencies.yaml").write_bytes((ROOT / "data" / "agencies.yaml").read_bytes())
    for indicator in data["indicators"]:  # back to YAML: a milestone's year is a number there
        if "milestones" in indicator:
            indicator["milestones"] = {int(y): v for y, v in indicator["milestones"].items()}
    (tmp_path / "indicators.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    result = run_lzip("validate", "--data", tmp_path)
    assert f"错误 {code}" in result.stderr, result.stderr


def test_the_figure_rules_leave_the_shipped_plans_edge_cases_valid() -> None:
    # 0, a "—" baseline, 以实际业务开展为准, a rate at 100 and a figure of 10^12 are all fine.
    data = _set((1, "target", "value"), 100)
    data["indicators"][0]["baseline"]["value"] = 0
    data["indicators"][2]["baseline"]["value"] = "not-carried-out"
    data["indicators"][3]["target"]["value"] = "per-actual"
    data["indicators"][6]["target"]["value"] = 1e12
    assert _errors("indicators", data) == []


def test_cli_prints_and_writes(tmp_path: Path) -> None:
    printed = run_lzip("schema", "indicators")
    assert printed.exit_code == 0
    assert printed.stdout == render("indicators")
    target = tmp_path / "agencies.schema.json"
    written = run_lzip("schema", "agencies", "-o", str(target), "--lang", "en")
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == render("agencies")
    again = run_lzip("schema", "agencies", "-o", str(target), "--lang", "en")
    assert again.exit_code == 2 and "LZ303" in again.stderr
    forced = run_lzip("schema", "agencies", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert run_lzip("schema", "nothing").exit_code == 2
