"""``lzip diff``: plan changes as one line each, a Rich table, or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lzip_cli.linebreak import TEXT_MIN_WIDTH, cell_width, share_spare, wrap_cells
from lzip_cli.messages import Lang, name_list, t
from lzip_cli.models import Indicator, Plan
from lzip_cli.numbers import format_number, json_number
from lzip_cli.plan_diff import Change, renamed_agencies, renumbered_indicators
from lzip_cli.render.plan_text import grouped

if TYPE_CHECKING:
    from rich.table import Table

_WORDS = {"not-carried-out": "not_carried_out_short", "per-actual": "per_actual_tiny"}
_INDICATOR_KINDS = ("indicator", "responsibility")
#: Fields whose values are words of the plan's vocabulary, shown as ``kind_flow`` … says them.
_WORDED_FIELDS = frozenset({"kind", "direction", "scope"})
_GROUP_KINDS = ("group", "member")


#: An indicator's fields that hold its plan figures: written with thousands separators when
#: its figures reach 10,000 (see :func:`~lzip_cli.render.plan_text.grouped`).
_FIGURE_FIELDS = frozenset({"baseline", "target"})


def value_text(value: Any, lang: Lang, *, group: bool = False) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return format_number(float(value), 6, group=group)
    if isinstance(value, list):
        return "; ".join(value_text(item, lang) for item in value) or "—"
    if value in _WORDS:
        return t(_WORDS[value], lang)
    return str(value)


def _indicator_in(plan: Plan, indicator_id: str) -> Indicator | None:
    """The plan's indicator of that id, or None: a change names ids of either plan. (By the
    plan's index: a diff of a large plan has thousands of changes.)"""
    try:
        return plan.indicator(indicator_id)
    except KeyError:
        return None


def _agency_label(agency_id: str, old: Plan, new: Plan, lang: Lang) -> str:
    """The agency's name in ``new``, else in ``old`` (swap them for the old side of a change)."""
    for plan in (new, old):
        try:
            return plan.agency(agency_id).label(lang)
        except KeyError:
            continue
    return agency_id


def subject_text(change: Change, old: Plan, new: Plan, lang: Lang) -> str:
    """``4.3 有效注册商标拥有量``, ``县林业局``, or the plan."""
    kind = change.kind
    if change.subject == "plan" and kind.endswith(("_changed", "_reordered")):
        return t("diff_plan", lang)
    if kind.startswith(_INDICATOR_KINDS):
        # a removed indicator's id may now be another's: named as the old plan does
        for plan in (old, new) if kind == "indicator_removed" else (new, old):
            found = _indicator_in(plan, change.subject)
            if found is not None:
                return f"{found.id} {found.label(lang)}"
        return change.subject
    if kind.startswith(_GROUP_KINDS):
        for plan in (new, old):
            group = next((g for g in plan.groups if g.id == change.subject), None)
            if group is not None:
                return group.name if lang == "zh" else group.name_en
        return change.subject
    if kind == "agency_removed":  # its id may now be another unit's: named as the old plan does
        return _agency_label(change.subject, new, old, lang)
    return _agency_label(change.subject, old, new, lang)


def field_text(field: str, lang: Lang) -> str:
    if field.startswith("milestones."):
        return t("diff_field.milestone", lang, year=field.partition(".")[2])
    if field.startswith("notes."):
        return t("diff_field.plan_note", lang, number=field.partition(".")[2])
    return t(f"diff_field.{field}", lang)


def _note_texts(before: Any, after: Any, lang: Lang) -> tuple[str, str]:
    """A plan note's two versions in ``lang``, or in the other language when only that one's
    text changed (else the two sides would read the same)."""
    shown: Lang = lang
    if before is not None and after is not None and before[lang] == after[lang]:
        shown = "en" if lang == "zh" else "zh"
    return (
        value_text(before[shown] if before else None, lang),
        value_text(after[shown] if after else None, lang),
    )


#: The last pair of plans compared and each new indicator id's old one (see :func:`_old_id`).
_RENUMBERED: list[tuple[Plan, Plan, dict[str, str]]] = []


def _old_id(indicator_id: str, old: Plan, new: Plan) -> str:
    """The id the indicator of ``new`` with ``indicator_id`` had in ``old`` (renumbered when one
    was put before it), to look it up there; computed once for a pair of plans."""
    if not _RENUMBERED or _RENUMBERED[0][0] is not old or _RENUMBERED[0][1] is not new:
        was = {now: before for before, now in renumbered_indicators(old, new).items()}
        _RENUMBERED[:] = [(old, new, was)]
    return _RENUMBERED[0][2].get(indicator_id, indicator_id)


def _grouped(indicator_id: str, old: Plan, new: Plan) -> bool:
    """Whether the indicator's figures take thousands separators, as ``lzip indicators`` writes
    them: when its plan figures reach 10,000 in either plan, so that both sides of a change are
    written alike (``9,409 → 12,000``)."""
    found = (_indicator_in(old, _old_id(indicator_id, old, new)), _indicator_in(new, indicator_id))
    return any(grouped(indicator) for indicator in found if indicator is not None)


def _milestone_text(
    value: Any, indicator_id: str, plan: Plan, lang: Lang, *, group: bool = False
) -> str:
    """A milestone as shown; an absent one is "not set", not the plan's "—" (not carried out).

    Without it the straight line from baseline to target applies, unless the target is
    per-actual.
    """
    if value is not None:
        return value_text(value, lang, group=group)
    indicator = _indicator_in(plan, indicator_id)
    if indicator is None or indicator.target.number is None:
        return t("diff_not_set", lang)
    return t("diff_not_set_line", lang)


def _agency_list(agency_ids: list[str], old: Plan, new: Plan, lang: Lang) -> str:
    return name_list((_agency_label(a, old, new, lang) for a in agency_ids), lang)


def _moved(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """The part of two orders of the same items that differs, "…" standing for the items
    before and after it that stay in place."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return tuple(  # type: ignore[return-value]
        ["…"] * (start > 0) + items[start : len(items) - end] + ["…"] * (end > 0)
        for items in (before, after)
    )


def _order_text(change: Change, old: Plan, new: Plan, lang: Lang) -> str:
    """A new order of the plan's indicators (by id) or agencies (by name): the items in both
    plans, as each orders them, from the first that moved to the last."""
    agencies = change.kind == "agencies_reordered"
    renamed = renamed_agencies(old, new) if agencies else renumbered_indicators(old, new)
    kept = [renamed.get(item, item) for item in change.old]
    before = [item for item in kept if item in change.new]
    after = [item for item in change.new if item in kept]
    shown_before, shown_after = _moved(before, after)
    old_ids = {new_id: old_id for old_id, new_id in renamed.items()}
    shown_before = [old_ids.get(item, item) for item in shown_before]  # the old plan's ids
    if agencies:
        texts = [  # each side in its own plan's names: 县林业局 before it became 县林业和草原局
            _agency_list(shown_before, new, old, lang),
            _agency_list(shown_after, old, new, lang),
        ]
    else:
        texts = [
            ("、" if lang == "zh" else ", ").join(items) for items in (shown_before, shown_after)
        ]
    return t(f"diff.{change.kind}", lang, old=texts[0], new=texts[1])


def what_text(change: Change, old: Plan, new: Plan, lang: Lang) -> str:
    """The change without its subject: ``target 1700 → 1800``, ``indicator added`` …"""
    kind = change.kind
    field = change.field or ""
    if kind in ("indicators_reordered", "agencies_reordered"):
        return _order_text(change, old, new, lang)
    if kind.endswith("_changed"):
        group = (
            kind == "indicator_changed"
            and (field in _FIGURE_FIELDS or field.startswith("milestones."))
            and _grouped(change.subject, old, new)
        )
        if field.startswith("milestones."):
            was = _old_id(change.subject, old, new)
            before = _milestone_text(change.old, was, old, lang, group=group)
            after = _milestone_text(change.new, change.subject, new, lang, group=group)
        elif field.startswith("notes."):
            before, after = _note_texts(change.old, change.new, lang)
        elif field in _WORDED_FIELDS:  # flow, increase, shared: said in the user's language
            before, after = (
                t(f"{field}_{value}", lang) if value else "—" for value in (change.old, change.new)
            )
        else:
            before = value_text(change.old, lang, group=group)
            after = value_text(change.new, lang, group=group)
        return t("diff_changed", lang, field=field_text(field, lang), old=before, new=after)
    if kind == "responsibility_reordered":
        return t(
            "diff.responsibility_reordered",
            lang,
            old=_agency_list(change.old, new, old, lang),
            new=_agency_list(change.new, old, new, lang),
        )
    item = change.new if change.new is not None else change.old
    if kind in ("responsibility_added", "member_added"):
        item = _agency_label(str(item), old, new, lang)
    elif kind in ("responsibility_removed", "member_removed"):  # an old id: the old plan's unit
        item = _agency_label(str(item), new, old, lang)
    return t(f"diff.{kind}", lang, item=item)


def line(change: Change, old: Plan, new: Plan, lang: Lang) -> str:
    subject = subject_text(change, old, new, lang)
    return t("diff_line", lang, subject=subject, what=what_text(change, old, new, lang))


def lines(changes: list[Change], old: Plan, new: Plan, lang: Lang) -> list[str]:
    if not changes:
        return [t("diff_none", lang)]
    return [line(change, old, new, lang) for change in changes]


def _least_width(text: str, keep_first: bool) -> int:
    """The narrowest width ``text`` wraps to without a line wider (its longest word, or a
    Chinese character with the punctuation that stays with it)."""
    width = 2
    while any(cell_width(line) > width for line in wrap_cells(text, width, keep_first=keep_first)):
        width += 1
    return width


def _widths(columns: list[tuple[str, list[str], bool]], width: int) -> list[int]:
    """The columns' widths in a table ``width`` cells wide: each as wide as its longest line when
    they fit, else at least its longest word; two columns share what is spare so that the table
    takes the fewest lines (:func:`_lowest_split`)."""
    room = width - 3 * len(columns) - 1  # rules and padding
    needs = [max(cell_width(text) for text in [title, *cells]) for title, cells, _ in columns]
    if sum(needs) <= room:
        return needs
    widths = [  # a word whole, and a name of five Chinese characters or a few words
        max(
            min(need, TEXT_MIN_WIDTH["en" if "".join(cells).isascii() else "zh"]),
            *(_least_width(text, keep) for text in [title, *cells]),
        )
        for (title, cells, keep), need in zip(columns, needs, strict=True)
    ]
    if len(columns) == 2 and sum(widths) <= room:
        return _lowest_split(columns, widths, needs, room)
    share_spare(widths, needs, list(range(len(columns))), room - sum(widths))
    return widths


def _lowest_split(
    columns: list[tuple[str, list[str], bool]], least: list[int], needs: list[int], room: int
) -> list[int]:
    """Two columns' widths in ``room`` cells that make the table the fewest lines high; of
    equally low ones, the widest first column (names read better whole than a long note).

    Giving each column spare width by how far it is from its need let one long note squeeze
    every name in the first column onto three lines."""
    (_, subjects, keep), (_, whats, _) = columns
    counted: dict[tuple[str, int, bool], int] = {}

    def height(text: str, width: int, keep_first: bool) -> int:
        key = (text, width, keep_first)
        if key not in counted:
            counted[key] = len(wrap_cells(text, width, keep_first=keep_first))
        return counted[key]

    best: tuple[int, int] | None = None
    for first in range(least[0], min(needs[0], room - least[1]) + 1):
        second = min(needs[1], room - first)
        lines = sum(
            max(height(subject, first, keep), height(what, second, False))
            for subject, what in zip(subjects, whats, strict=True)
        )
        if best is None or lines <= best[0]:
            best = (lines, first)
    assert best is not None  # least[0] <= needs[0] and least[0] + least[1] <= room
    first = best[1]
    return [first, min(needs[1], room - first)]


def table(
    changes: list[Change], old: Plan, new: Plan, lang: Lang, title: str, width: int = 80
) -> Table:
    """The changes as a table ``width`` cells wide, wrapped as the catalog wraps: between words
    and Chinese characters, no line starting with closing punctuation, an indicator's id on the
    line of its name."""
    from rich.table import Table

    subjects = [subject_text(change, old, new, lang) for change in changes]
    keep = [change.kind.startswith(_INDICATOR_KINDS) for change in changes]
    whats = [what_text(change, old, new, lang) for change in changes]
    columns = [
        (t("diff_col_subject", lang), subjects, any(keep)),
        (t("diff_col_change", lang), whats, False),
    ]
    subject_width, what_width = _widths(columns, width)
    grid = Table(title=title, title_justify="left")
    grid.add_column(columns[0][0], width=subject_width, overflow="fold")
    grid.add_column(columns[1][0], width=what_width, overflow="fold")
    for subject, keep_id, what in zip(subjects, keep, whats, strict=True):
        grid.add_row(
            "\n".join(wrap_cells(subject, subject_width, keep_first=keep_id)),
            "\n".join(wrap_cells(what, what_width)),
        )
    return grid


def to_json(
    changes: list[Change], old: Plan, new: Plan, lang: Lang, sources: tuple[str, str]
) -> str:
    document = {
        "old": sources[0],
        "new": sources[1],
        "count": len(changes),
        "changes": [
            {
                **change.record(),
                "old": json_number(change.old),
                "new": json_number(change.new),
                "text": line(change, old, new, lang),
            }
            for change in changes
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
