"""What changed between two versions of the plan. Pure functions: no I/O, no wording.

:func:`diff` compares two validated :class:`~lzip_cli.models.Plan` objects and returns a list of
:class:`Change` records in a stable order (plan info, then indicators in the new plan's order with
removed ones where they stood, then agencies, then groups). Values are plain JSON data; the CLI
words them in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal, TypeVar

from lzip_cli.models import Agency, AgencyGroup, Indicator, Plan, normalize_text

ChangeKind = Literal[
    "plan_changed",
    "indicators_reordered",
    "agencies_reordered",
    "indicator_added",
    "indicator_removed",
    "indicator_changed",
    "indicator_id_changed",
    "responsibility_added",
    "responsibility_removed",
    "responsibility_reordered",
    "agency_added",
    "agency_removed",
    "agency_id_changed",
    "agency_changed",
    "alias_added",
    "alias_removed",
    "group_added",
    "group_removed",
    "group_id_changed",
    "group_changed",
    "member_added",
    "member_removed",
]

#: Indicator fields compared one by one, in display order.
INDICATOR_FIELDS = (
    "name",
    "name_en",
    "group",
    "unit",
    "unit_en",
    "count_unit",
    "count_unit_en",
    "kind",
    "direction",
    "scope",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "note",
)


@dataclass(frozen=True, slots=True)
class Change:
    """One change. ``subject`` is an indicator id, an agency or group id, or ``plan``.

    ``field`` names what changed (``target``, ``milestones.2024``, ``name`` …) when the change is
    to a field; ``old`` and ``new`` are None for something added or removed. For added or removed
    responsibilities, aliases and members, ``new`` (or ``old``) is the agency id or alias, as each
    plan writes it. For reordered responsibilities (the first agency listed is the lead agency,
    牵头单位), ``old`` and ``new`` are the two plans' lists of agency ids; so they are, of
    indicator or agency ids, for the plan's indicators or agencies in a new order (subject
    ``plan``): the order of the rows of forms, check tables and catalogs. A plan note
    (``notes.2``, numbered from 1) is ``{"zh": …, "en": …}``, None where a plan has no such note.
    """

    kind: ChangeKind
    subject: str
    field: str | None = None
    old: Any = None
    new: Any = None

    def record(self) -> dict[str, Any]:
        return asdict(self)


def _indicator_value(indicator: Indicator, name: str) -> Any:
    if name == "baseline":
        return indicator.baseline.value
    if name == "baseline_year":
        return indicator.baseline.year
    if name == "target":
        return indicator.target.value
    if name == "target_year":
        return indicator.target.year
    return getattr(indicator, name)


def _listed(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """(removed, added), each in its list's order."""
    return [x for x in old if x not in new], [x for x in new if x not in old]


def _renamed_listed(
    old: list[str], new: list[str], renamed: dict[str, str]
) -> tuple[list[str], list[str]]:
    """(removed, added) agency ids, an old id matching the new id it was given."""
    mapped = [renamed.get(item, item) for item in old]
    return (
        [item for item, now in zip(old, mapped, strict=True) if now not in new],
        [item for item in new if item not in mapped],
    )


def _reordered(old: list[str], new: list[str], renamed: dict[str, str]) -> bool:
    """Whether ``new`` lists its agencies in another order than ``old`` with the removed ones
    left out and the added ones at the end: agencies in both lists swapped, or an added one put
    before them (as the new lead agency, for one)."""
    mapped = [renamed.get(item, item) for item in old]
    kept = [item for item in mapped if item in new]
    return new != kept + [item for item in new if item not in mapped]


def _indicator_changes(old: Indicator, new: Indicator, renamed: dict[str, str]) -> list[Change]:
    changes = []
    for name in INDICATOR_FIELDS:
        before, after = _indicator_value(old, name), _indicator_value(new, name)
        if before != after:
            changes.append(Change("indicator_changed", new.id, name, before, after))
    for year in sorted(set(old.milestones) | set(new.milestones)):
        before, after = old.milestones.get(year), new.milestones.get(year)
        if before != after:
            changes.append(Change("indicator_changed", new.id, f"milestones.{year}", before, after))
    removed, added = _renamed_listed(old.agencies, new.agencies, renamed)
    changes += [Change("responsibility_removed", new.id, "agencies", a, None) for a in removed]
    changes += [Change("responsibility_added", new.id, "agencies", None, a) for a in added]
    if _reordered(old.agencies, new.agencies, renamed):
        changes.append(
            Change(
                "responsibility_reordered",
                new.id,
                "agencies",
                list(old.agencies),
                list(new.agencies),
            )
        )
    return changes


def _merged_order(old_ids: list[str], new_ids: list[str]) -> list[str]:
    """Ids in the new order, each removed id placed after the one it followed in the old order."""
    order = list(new_ids)
    for position, item in enumerate(old_ids):
        if item in order:
            continue
        previous = old_ids[position - 1] if position else None
        order.insert(order.index(previous) + 1 if previous in order else 0, item)
    return order


def _order_changed(old_ids: list[str], new_ids: list[str], renamed: dict[str, str]) -> bool:
    """Whether the ids in both lists stand in another order in ``new_ids`` (an id added or
    removed is a change of its own, wherever it stands)."""
    mapped = [renamed.get(item, item) for item in old_ids]
    return [item for item in mapped if item in new_ids] != [
        item for item in new_ids if item in mapped
    ]


def renumbered_indicators(old: Plan, new: Plan) -> dict[str, str]:
    """Each old indicator id → the id the same indicator has in ``new``; one ``new`` no longer
    has maps to an id no plan can hold, as in :func:`renamed_agencies`.

    An indicator is known by its name, then by its id: an old and a new indicator of the same
    id and name are the same; else the new one of its name is, whatever its id (indicators
    renumbered when one is put before them); else the new one of its id, if no other was
    matched to it (an indicator renamed under the same id).
    """
    return _matched(old.indicators, new.indicators, lambda ind: {normalize_text(ind.name)})


_Item = TypeVar("_Item", Indicator, Agency)


def _matched(
    old_items: list[_Item], new_items: list[_Item], names: Callable[[_Item], set[str]]
) -> dict[str, str]:
    """Each old item's id → the id of the same item among ``new_items``, ``_GONE + id`` for
    one they no longer hold. Three passes: the same id sharing a name; else the first new item
    (in their order) sharing a name, whatever its id; else the same id, if no other was matched
    to it. Each new item is matched once."""
    after = {item.id: item for item in new_items}
    position = {item.id: index for index, item in enumerate(new_items)}
    by_name: dict[str, list[str]] = {}
    for item in new_items:
        for name in names(item):
            by_name.setdefault(name, []).append(item.id)
    matched: dict[str, str] = {}
    for item in old_items:  # the same id and a shared name
        same = after.get(item.id)
        if same is not None and names(item) & names(same):
            matched[item.id] = item.id
    taken = set(matched.values())
    for item in old_items:  # a shared name under another id
        if item.id in matched:
            continue
        sharing = {i for name in names(item) for i in by_name.get(name, ())} - taken
        if sharing:
            matched[item.id] = min(sharing, key=position.__getitem__)
            taken.add(matched[item.id])
    for item in old_items:  # the same id, every name changed
        if item.id not in matched and item.id in after and item.id not in taken:
            matched[item.id] = item.id
            taken.add(item.id)
    return {item.id: matched.get(item.id, _GONE + item.id) for item in old_items}


def _indicators(old: Plan, new: Plan, renamed: dict[str, str]) -> list[Change]:
    before = {ind.id: ind for ind in old.indicators}
    after = {ind.id: ind for ind in new.indicators}
    renumbered = renumbered_indicators(old, new)
    kept = set(renumbered.values())  # the new ids of the indicators both plans have
    changes = []
    # Rows are listed, and read, by id: two indicators that swapped places and ids leave the
    # ids in the order they were (4.2, 4.3), said by their id changes alone.
    same_ids = [i for i in before if renumbered[i] in after] == [i for i in after if i in kept]
    if _order_changed(list(before), list(after), renumbered) and not same_ids:
        changes.append(
            Change("indicators_reordered", "plan", "indicators", list(before), list(after))
        )
    old_of = {new_id: old_id for old_id, new_id in renumbered.items()}
    # In the new plan's order (an indicator renumbered stands at its new id), each removed one
    # after the one it followed.
    for item in _merged_order(list(renumbered.values()), list(after)):
        if item.startswith(_GONE):
            changes.append(Change("indicator_removed", item.removeprefix(_GONE)))
        elif item not in kept:
            changes.append(Change("indicator_added", item))
        else:
            old_id = old_of[item]
            if old_id != item:
                changes.append(Change("indicator_id_changed", item, "id", old_id, item))
            changes += _indicator_changes(before[old_id], after[item], renamed)
    return changes


def _names(agency: Agency) -> set[str]:
    return {normalize_text(text) for text in (agency.name, *agency.aliases)}


def _agency_changes(old: Agency, new: Agency) -> list[Change]:
    changes = []
    for name in ("name", "name_en", "note"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(Change("agency_changed", new.id, name, before, after))
    removed, added = _listed(old.aliases, new.aliases)
    changes += [Change("alias_removed", new.id, "aliases", a, None) for a in removed]
    changes += [Change("alias_added", new.id, "aliases", None, a) for a in added]
    return changes


def renamed_agencies(old: Plan, new: Plan) -> dict[str, str]:
    """Each old agency id → the id the same unit has in ``new``; a unit ``new`` no longer has
    maps to an id no plan can hold (``\0forestry``), so that an id given to another unit is not
    taken for it.

    A unit is known by its names (its name and aliases), then by its id: an old and a new
    agency of the same id sharing a name are the same unit; else a new agency answering to its
    name (or keeping it as an alias) is, whatever its id (ids swapped, or one unit's id given
    to another); else the new agency of its id, if no other unit was matched to it (a unit
    renamed under the same id).
    """
    return _matched(old.agencies, new.agencies, _names)


#: Before an old agency id no unit in the new plan has: no id holds it (ids are checked).
_GONE = "\0"


def _agencies(old: Plan, new: Plan, renamed: dict[str, str]) -> list[Change]:
    before = {a.id: a for a in old.agencies}
    after = {a.id: a for a in new.agencies}
    kept = set(renamed.values())  # the new ids of the units both plans have
    changes = []
    if _order_changed(list(before), list(after), renamed):
        changes.append(Change("agencies_reordered", "plan", "agencies", list(before), list(after)))
    for agency_id in _merged_order(list(before), list(after)):
        if agency_id in before:  # the old unit of this id: kept, given another id, or removed
            new_id = renamed[agency_id]
            if new_id not in after:
                changes.append(Change("agency_removed", agency_id))
            else:
                if new_id != agency_id:
                    changes.append(Change("agency_id_changed", new_id, "id", agency_id, new_id))
                changes += _agency_changes(before[agency_id], after[new_id])
        if agency_id in after and agency_id not in kept:  # the new unit of this id: added
            changes.append(Change("agency_added", agency_id))
    return changes


def _group_changes(old: AgencyGroup, new: AgencyGroup, renamed: dict[str, str]) -> list[Change]:
    changes = []
    for name in ("name", "name_en", "note"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(Change("group_changed", new.id, name, before, after))
    removed, added = _renamed_listed(old.members, new.members, renamed)
    changes += [Change("member_removed", new.id, "members", m, None) for m in removed]
    changes += [Change("member_added", new.id, "members", None, m) for m in added]
    return changes


def renamed_groups(old: Plan, new: Plan, renamed: dict[str, str]) -> dict[str, str]:
    """Old group id → new id, for each group ``new`` gives a new id: an id that disappears while
    a new group has its name, or its members (through the agencies' new ids)."""
    after = {g.id for g in new.groups}
    came = [g for g in new.groups if g.id not in {g.id for g in old.groups}]
    found: dict[str, str] = {}
    for group in old.groups:
        if group.id in after:
            continue
        members = {renamed.get(m, m) for m in group.members}
        match = next(
            (
                c
                for c in came
                if c.id not in found.values()
                and (
                    normalize_text(c.name) == normalize_text(group.name)
                    or set(c.members) == members
                )
            ),
            None,
        )
        if match is not None:
            found[group.id] = match.id
    return found


def _groups(old: Plan, new: Plan, renamed: dict[str, str]) -> list[Change]:
    before = {g.id: g for g in old.groups}
    after = {g.id: g for g in new.groups}
    regrouped = renamed_groups(old, new, renamed)
    changes = []
    for group_id in _merged_order(list(before), list(after)):
        if group_id in regrouped:
            new_id = regrouped[group_id]
            changes.append(Change("group_id_changed", new_id, "id", group_id, new_id))
            changes += _group_changes(before[group_id], after[new_id], renamed)
        elif group_id in regrouped.values():
            continue
        elif group_id not in after:
            changes.append(Change("group_removed", group_id))
        elif group_id not in before:
            changes.append(Change("group_added", group_id))
        else:
            changes += _group_changes(before[group_id], after[group_id], renamed)
    return changes


def _info(old: Plan, new: Plan) -> list[Change]:
    changes = []
    for name in ("title", "title_en", "document"):
        before, after = getattr(old.info, name), getattr(new.info, name)
        if before != after:
            changes.append(Change("plan_changed", "plan", name, before, after))
    before_notes = [note.model_dump() for note in old.info.notes]
    after_notes = [note.model_dump() for note in new.info.notes]
    for number in range(1, max(len(before_notes), len(after_notes)) + 1):
        before = before_notes[number - 1] if number <= len(before_notes) else None
        after = after_notes[number - 1] if number <= len(after_notes) else None
        if before != after:  # either language's text: the Chinese is the plan's own
            changes.append(Change("plan_changed", "plan", f"notes.{number}", before, after))
    return changes


def diff(old: Plan, new: Plan) -> list[Change]:
    """Every change from ``old`` to ``new``; empty when the plans say the same.

    Responsibilities and group members are compared through the agencies' new ids: a unit given
    a new id is one change (``agency_id_changed``), not a responsibility removed and added; so
    is a group given a new id (``group_id_changed``), and an indicator renumbered under its name
    (``indicator_id_changed``), not every indicator after it renamed.
    """
    renamed = renamed_agencies(old, new)
    return [
        *_info(old, new),
        *_indicators(old, new, renamed),
        *_agencies(old, new, renamed),
        *_groups(old, new, renamed),
    ]
