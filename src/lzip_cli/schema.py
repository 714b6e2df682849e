"""JSON Schemas of the plan files, generated from the pydantic models.

The loader validates ``indicators.yaml`` and ``agencies.yaml`` in two steps (the top level, then
each entry on its own, so that every broken entry gets its own located error): the top-level
models hold their entries as ``list[dict]``. The schemas substitute the entry models, so that an
editor (``# yaml-language-server: $schema=…``) checks entries as lzip does.

The shipped ``schemas/*.schema.json`` are this module's output; ``tests/test_schema.py`` fails
when they drift from the models. Regenerate them with::

    lzip schema indicators -o schemas/indicators.schema.json --force
    lzip schema agencies -o schemas/agencies.schema.json --force
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from lzip_cli.cells import MAX_VALUE
from lzip_cli.models import (
    AgenciesFile,
    Agency,
    AgencyGroup,
    Indicator,
    IndicatorsFile,
)

Kind = Literal["indicators", "agencies"]
KINDS: tuple[Kind, ...] = ("indicators", "agencies")
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: A milestone's year is a mapping key: text to JSON and to an editor, a number to YAML.
_YEAR_KEY = {"pattern": "^[0-9]{4}$"}
#: Text holding a character other than a space (JSON Schema patterns are not anchored).
_NOT_BLANK = r"\S"


class _IndicatorsSchema(IndicatorsFile):
    """Top level of ``indicators.yaml``: the plan and its quantitative indicators."""

    model_config = ConfigDict(title="lzip indicators.yaml")

    indicators: Annotated[list[Indicator], Field(min_length=1)]  # type: ignore[assignment]


class _AgenciesSchema(AgenciesFile):
    """Top level of ``agencies.yaml``: the responsible agencies and groups of them."""

    model_config = ConfigDict(title="lzip agencies.yaml")

    agencies: Annotated[list[Agency], Field(min_length=1)]  # type: ignore[assignment]
    groups: list[AgencyGroup] = Field(default_factory=list)  # type: ignore[assignment]


def _not_blank(node: Any) -> None:
    """Give every text field (a string of at least one character, no pattern of its own) the
    pattern of a character other than a space: a name of spaces is refused (LZ100)."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength") == 1 and "pattern" not in node:
            node["pattern"] = _NOT_BLANK
        for value in node.values():
            _not_blank(value)
    elif isinstance(node, list):
        for value in node:
            _not_blank(value)


def _figure_rules(defs: dict[str, Any]) -> None:
    """The rules the loader checks of one indicator's fields (:mod:`lzip_cli.rules`) that a JSON
    Schema can say: figures from 0 to the largest lzip reads (LZ109, LZ116), a rate's in %
    and at most 100 (LZ110, LZ111), an English count unit only beside a count unit (LZ118).
    Rules across entries (unique ids, agencies that exist) are the loader's alone."""
    figure = {"minimum": 0, "maximum": int(MAX_VALUE)}
    for name in ("Baseline", "Target"):
        number = next(
            branch
            for branch in defs[name]["properties"]["value"]["anyOf"]
            if branch.get("type") == "number"
        )
        number.update(figure)
    indicator = defs["Indicator"]
    indicator["properties"]["milestones"]["additionalProperties"].update(figure)
    indicator["dependentRequired"] = {"count_unit_en": ["count_unit"]}
    at_most_100 = {"properties": {"value": {"maximum": 100}}}
    indicator["if"] = {"properties": {"kind": {"const": "rate"}}, "required": ["kind"]}
    indicator["then"] = {
        "properties": {
            "unit": {"const": "%"},
            "baseline": at_most_100,
            "target": at_most_100,
            "milestones": {"additionalProperties": {"maximum": 100}},
        }
    }
    indicator["else"] = {"properties": {"unit": {"not": {"const": "%"}}}}


def build(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of ``{kind}.yaml``."""
    model = _IndicatorsSchema if kind == "indicators" else _AgenciesSchema
    schema = model.model_json_schema(mode="validation")
    _not_blank(schema)
    if kind == "indicators":
        schema["$defs"]["Indicator"]["properties"]["milestones"]["propertyNames"] = _YEAR_KEY
        _figure_rules(schema["$defs"])
    return {"$schema": DIALECT, **schema}


def render(kind: Kind) -> str:
    """The schema as the shipped file holds it: indented JSON with a final newline."""
    return json.dumps(build(kind), ensure_ascii=False, indent=2) + "\n"
