"""Plan rules that relate several fields or both files: pure functions returning located problems."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lzip_cli.cells import MAX_VALUE
from lzip_cli.models import Agency, AgencyGroup, Indicator, normalize_text
from lzip_cli.numbers import format_full
from lzip_cli.report_form import names_the_county

Path_ = tuple[str | int, ...]


#: Fields of an entry that failed validation (see :func:`check_indicators`): the checks
#: needing one are skipped. ``baseline`` and ``target`` go by their year and value.
Broken = frozenset[str]


@dataclass(frozen=True, slots=True)
class RuleViolation:
    """A broken rule at ``path`` inside one of the two files (``"agencies"`` or ``"indicators"``)."""

    file: str
    path: Path_
    code: str
    key: str
    params: dict[str, Any]
    on_key: bool = False


def check_agencies(
    agencies: list[tuple[int, Agency]],
    groups: list[tuple[int, AgencyGroup]],
    broken: dict[int, Broken] | None = None,
) -> Iterator[RuleViolation]:
    """Unique ids, names and aliases that name one agency only, groups whose members exist.

    ``broken`` names, for an entry that failed validation, the fields that were wrong (its
    agency holds stand-ins there, or no aliases): they are not checked, the others are. Such an
    entry is no member a group may name (its error is said already).

    An alias that is another agency's id or name is said at the alias, wherever the two stand
    in the file; an alias two agencies hold is said at both (which was added cannot be told).
    """
    seen_ids: set[str] = set()
    broken = broken or {}
    # Every agency's id and names first, then the aliases: what an alias collides with.
    entries: list[tuple[int, Agency, Broken]] = []
    for index, agency in agencies:
        wrong = broken.get(index, frozenset())
        if "id" in wrong:
            continue  # what it names belongs to no id another entry could be told apart from
        if agency.id in seen_ids:
            yield RuleViolation(
                "agencies",
                ("agencies", index, "id"),
                "LZ102",
                "duplicate_agency_id",
                {"id": agency.id},
            )
            continue
        seen_ids.add(agency.id)
        entries.append((index, agency, wrong))
    #: Normalised text → the agency holding it, and where and as what if it is an alias (None:
    #: its id or a name).
    owner: dict[str, tuple[str, tuple[Path_, str] | None]] = {}
    said: set[Path_] = set()

    def collision(at: Path_, text: str, other: str) -> RuleViolation:
        said.add(at)
        return RuleViolation(
            "agencies", at, "LZ103", "agency_name_collision", {"text": text, "other": other}
        )

    for aliases in (False, True):
        for index, agency, wrong in entries:
            if aliases:
                names = [
                    (("aliases", i), alias)
                    for i, alias in enumerate(agency.aliases)
                    if f"aliases.{i}" not in wrong
                ]
            else:
                names = [
                    ((field,), text)
                    for field, text in (
                        ("id", agency.id),
                        ("name", agency.name),
                        ("name_en", agency.name_en),
                    )
                    if field not in wrong
                ]
            for sub, text in names:
                at = ("agencies", index, *sub)
                key = normalize_text(text)
                other = owner.get(key)
                if names_the_county(text):  # a report's row naming it is the county's
                    yield RuleViolation(
                        "agencies", at, "LZ103", "agency_name_county", {"text": text}
                    )
                elif other is None:
                    owner[key] = (agency.id, (at, text) if aliases else None)
                elif other[0] != agency.id:
                    yield collision(at, text, other[0])
                    alias = other[1]
                    if alias is not None and alias[0] not in said:  # another agency's alias
                        yield collision(alias[0], alias[1], agency.id)
    group_ids: set[str] = set()
    every_group = {group.id for _, group in groups} - seen_ids
    unknown = _Unknown(seen_ids)
    for index, group in groups:
        if group.id in seen_ids or group.id in group_ids:
            yield RuleViolation(
                "agencies",
                ("groups", index, "id"),
                "LZ102",
                "duplicate_agency_id",
                {"id": group.id},
            )
        group_ids.add(group.id)
        listed: set[str] = set()
        for position, member in enumerate(group.members):
            if member in listed:
                yield RuleViolation(
                    "agencies",
                    ("groups", index, "members", position),
                    "LZ107",
                    "duplicate_reference",
                    {"id": member},
                )
            listed.add(member)
            if member in every_group:  # itself, or another group: as an indicator would be told
                yield RuleViolation(
                    "agencies",
                    ("groups", index, "members", position),
                    "LZ106",
                    "group_as_agency",
                    {"id": member},
                )
            elif member not in seen_ids:
                yield RuleViolation(
                    "agencies",
                    ("groups", index, "members", position),
                    "LZ101",
                    "unknown_agency",
                    unknown(member),
                )


class _Unknown:
    """The params of an unknown agency id: the id, and the plan's closest id when one is close.

    A renamed agency makes every reference to its old id unknown: each distinct id is compared
    with the plan's ids once.
    """

    def __init__(self, agency_ids: set[str]) -> None:
        self._index = {known: known for known in agency_ids}
        self._near: dict[str, str | None] = {}

    def __call__(self, agency_id: str) -> dict[str, Any]:
        if agency_id not in self._near:
            from lzip_cli.suggest import closest  # difflib: only when an id is unknown

            self._near[agency_id] = closest(agency_id, self._index)
        near = self._near[agency_id]
        return {"id": agency_id} if near is None else {"id": agency_id, "suggestion": near}


def check_indicators(
    indicators: list[tuple[int, Indicator]],
    agency_ids: set[str] | None,
    group_ids: set[str],
    broken: dict[int, Broken] | None = None,
) -> Iterator[RuleViolation]:
    """Every per-indicator and cross-indicator rule of the plan.

    ``broken`` names, for an entry that failed validation, the fields that were wrong (its
    indicator holds stand-ins there): only the checks whose fields are all valid are made, so
    that one wrong field does not hide the entry's other problems. ``agency_ids`` is None when
    ``agencies.yaml`` cannot be read: references to agencies are not checked then.
    """
    seen: set[str] = set()
    # A report may name an indicator by its name: each name must name one indicator only.
    owner: dict[str, str] = {}
    unknown = _Unknown(agency_ids or set())
    broken = broken or {}
    for index, indicator in indicators:
        at = ("indicators", index)
        wrong = broken.get(index, frozenset())
        if "id" not in wrong:
            if indicator.id in seen:
                yield RuleViolation(
                    "indicators",
                    (*at, "id"),
                    "LZ104",
                    "duplicate_indicator_id",
                    {"id": indicator.id},
                )
            seen.add(indicator.id)
            for field in ("id", "name", "name_en"):
                if field in wrong:
                    continue
                text = getattr(indicator, field)
                other = owner.setdefault(normalize_text(text), indicator.id)
                if other != indicator.id:
                    yield RuleViolation(
                        "indicators",
                        (*at, field),
                        "LZ119",
                        "indicator_name_collision",
                        {"text": text, "other": other},
                    )
        yield from _check_one(indicator, at, agency_ids, group_ids, unknown, wrong)


def _check_one(
    indicator: Indicator,
    at: Path_,
    agency_ids: set[str] | None,
    group_ids: set[str],
    unknown: _Unknown,
    wrong: Broken = frozenset(),
) -> Iterator[RuleViolation]:
    def violation(sub: Path_, code: str, key: str, **params: Any) -> RuleViolation:
        return RuleViolation("indicators", (*at, *sub), code, key, params)

    def valid(*fields: str) -> bool:
        """Whether every field named (``target.value``, or a whole one) was valid."""
        if not wrong:  # nearly every entry
            return True
        return not any(field in wrong or field.partition(".")[0] in wrong for field in fields)

    if valid("id", "group") and indicator.id.split(".")[0] != str(indicator.group):
        yield violation(
            ("group",), "LZ105", "group_mismatch", id=indicator.id, group=indicator.group
        )
    listed: set[str] = set()
    for position, agency_id in enumerate(indicator.agencies if valid("agencies") else ()):
        if agency_ids is None or agency_id in agency_ids:
            pass  # a group reusing an agency's id is reported once, at the group
        elif agency_id in group_ids:
            yield violation(("agencies", position), "LZ106", "group_as_agency", id=agency_id)
        else:
            yield violation(("agencies", position), "LZ101", "unknown_agency", **unknown(agency_id))
        if agency_id in listed:
            yield violation(("agencies", position), "LZ107", "duplicate_reference", id=agency_id)
        listed.add(agency_id)

    years = valid("baseline.year", "target.year")
    first, last = indicator.baseline.year, indicator.target.year
    if years and first >= last:
        yield violation(("target", "year"), "LZ108", "year_order", baseline=first, target=last)
    numbers: list[tuple[Path_, float]] = []
    has_baseline, has_target = valid("baseline.value"), valid("target.value")
    if has_baseline and not indicator.baseline.not_carried_out:
        numbers.append((("baseline", "value"), indicator.baseline.number))
    target = indicator.target.number
    if has_target and target is not None:
        numbers.append((("target", "value"), target))
    milestones = indicator.milestones if valid("milestones") else {}
    numbers += [(("milestones", year), value) for year, value in milestones.items()]
    for sub, value in numbers:
        if value < 0:
            yield violation(sub, "LZ109", "negative_number", value=value)
        elif valid("kind") and indicator.kind == "rate" and value > 100:
            yield violation(sub, "LZ110", "rate_out_of_range", value=value)
        elif value > MAX_VALUE:  # as a report's figure may be (LZ224): shown as written
            yield violation(
                sub,
                "LZ116",
                "plan_value_too_large",
                value=format_full(value),
                limit=format_full(MAX_VALUE),
            )
    if valid("kind", "unit") and indicator.kind == "rate" and indicator.unit != "%":
        yield violation(("unit",), "LZ111", "rate_unit", unit=indicator.unit)
    elif valid("kind", "unit") and indicator.kind != "rate" and indicator.unit == "%":
        # The agencies' figures of a stock or flow are added up: percentages must not be.
        yield violation(("kind",), "LZ111", "percent_not_rate", kind=indicator.kind)
    if valid("count_unit", "count_unit_en") and indicator.count_unit_en and not indicator.compound:
        # An English word for a count the indicator does not take: a count_unit left out, or
        # one removed with its translation left behind.
        yield violation(("count_unit_en",), "LZ118", "count_unit_en_without_count_unit")

    baseline = indicator.baseline.number  # "not carried out" counts as 0, as everywhere
    rising = indicator.direction == "increase"
    if (
        has_baseline
        and has_target
        and valid("direction")
        and target is not None
        and ((rising and target < baseline) or (not rising and target > baseline))
    ):
        yield violation(
            ("target", "value"),
            "LZ112",
            "target_direction_not_carried_out"
            if indicator.baseline.not_carried_out
            else "target_direction",
            direction=indicator.direction,
            baseline=baseline,
            target=target,
        )
    if milestones and has_target and target is None:
        # Milestones lead from the baseline to a numeric target: with none, check ignores them.
        yield RuleViolation(
            "indicators", (*at, "milestones"), "LZ117", "milestones_without_target", {}, True
        )
        return
    if not years or first >= last:
        return  # years unknown, or out of order (LZ108): no milestone year could be right
    for year, value in milestones.items():
        sub = ("milestones", year)
        if not first < year < last:
            # The year itself is wrong: point at the key, and name the years that may be used.
            between = last - first - 1
            key = {0: "milestone_year_none", 1: "milestone_year_one"}.get(between, "milestone_year")
            yield RuleViolation(
                "indicators",
                (*at, *sub),
                "LZ113",
                key,
                {"year": year, "first": first, "last": last, "low": first + 1, "high": last - 1},
                on_key=True,
            )
        elif has_baseline and has_target and target is not None:
            low, high = sorted((baseline, target))
            if not low <= value <= high:
                yield violation(
                    sub, "LZ114", "milestone_range", year=year, value=value, low=low, high=high
                )
    if not valid("direction"):
        return
    # Milestones lead from the baseline to the target: each year's is no further back than the
    # year before's (a higher figure after a lower one, for an indicator that must come down).
    previous: tuple[int, float] | None = None
    for year, value in sorted(milestones.items()):
        if not first < year < last:
            continue
        if previous is not None and (value < previous[1] if rising else value > previous[1]):
            yield violation(
                ("milestones", year),
                "LZ115",
                "milestone_order" if rising else "milestone_order_down",
                year=year,
                value=value,
                previous_year=previous[0],
                previous=previous[1],
            )
        previous = (year, value)
