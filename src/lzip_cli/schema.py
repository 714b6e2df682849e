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


class _IndicatorsSchema(IndicatorsFile):
    """Top level of ``indicators.yaml``: the plan and its quantitative indicators."""

    model_config = ConfigDict(title="lzip indicators.yaml")

    indicators: Annotated[list[Indicator], Field(min_length=1)]  # type: ignore[assignment]


class _AgenciesSchema(AgenciesFile):
    """Top level of ``agencies.yaml``: the responsible agencies and groups of them."""

    model_config = ConfigDict(title="lzip agencies.yaml")

    agencies: Annotated[list[Agency], Field(min_length=1)]  # type: ignore[assignment]
    groups: list[AgencyGroup] = Field(default_factory=list)  # type: ignore[assignment]


def build(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of ``{kind}.yaml``."""
    model = _IndicatorsSchema if kind == "indicators" else _AgenciesSchema
    schema = model.model_json_schema(mode="validation")
    milestones = (
        schema.get("$defs", {}).get("Indicator", {}).get("properties", {}).get("milestones")
    )
    if milestones is not None:
        milestones["propertyNames"] = _YEAR_KEY
    return {"$schema": DIALECT, **schema}


def render(kind: Kind) -> str:
    """The schema as the shipped file holds it: indented JSON with a final newline."""
    return json.dumps(build(kind), ensure_ascii=False, indent=2) + "\n"
