"""Load ``agencies.yaml`` and ``indicators.yaml`` into a validated :class:`~lzip_cli.models.Plan`."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import replace
from importlib import resources
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from lzip_cli import plan_cache
from lzip_cli.errors import LzipError, Problem, ProblemLog, display_path
from lzip_cli.messages import Lang, choices, t
from lzip_cli.models import (
    AGENCY_ID_PATTERN,
    INDICATOR_ID_PATTERN,
    AgenciesFile,
    Agency,
    AgencyGroup,
    Indicator,
    IndicatorsFile,
    Plan,
    normalize_text,
)
from lzip_cli.progress import track
from lzip_cli.rules import check_agencies, check_indicators
from lzip_cli.yamlsource import NUMBER_FORMS, Mark, YamlDocument, decode_yaml, read_yaml_bytes

AGENCIES_FILE = "agencies.yaml"
INDICATORS_FILE = "indicators.yaml"
DATA_ENV = "LZIP_DATA"


def default_data_dir() -> Path:
    """The plan shipped with lzip: inside the installed package, or ``data/`` of a checkout."""
    packaged = Path(str(resources.files("lzip_cli"))) / "data"
    if (packaged / INDICATORS_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def resolve_data_dir(option: Path | None) -> Path:
    """``--data`` if given, else ``$LZIP_DATA``, else the shipped plan."""
    if option is not None:
        return option
    from_env = os.environ.get(DATA_ENV)
    return Path(from_env) if from_env else default_data_dir()


def _pydantic_problems(
    doc: YamlDocument,
    exc: ValidationError,
    prefix: tuple[str | int, ...],
    model: type[BaseModel],
    raw: Any,
    entry: tuple[str, str] | None = None,
) -> list[Problem]:
    """Located problems of a model's validation error; ``raw`` is the data it was given."""
    problems = []
    split_at: set[tuple[int, int]] = set()
    fields: dict[tuple[Any, ...], dict[str, str]] = {}  # see _near_field
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if len(loc) >= 2 and loc[-1] == "[key]":  # pydantic writes a key 2023.0 as '2023.0'
            loc = (*loc[:-2], error["input"], "[key]")  # and yes (True) as 1: the key itself
        path = (*prefix, *loc)
        bare = loc[:-1] if loc and loc[-1] == "[key]" else loc
        # The digits after the comma: 700, or 000 kept as written (YAML 1.1 would read octal).
        digits = bare[-1] if bare else None
        after_comma = type(digits) is int or (isinstance(digits, str) and digits.isdigit())
        if after_comma and (split := _split_figure(doc, (*prefix, *bare))):
            # {value: 1,700} is {value: 1, 700: null} to YAML: one problem, at the figure.
            at, written = split
            if (at.line, at.column) not in split_at:
                split_at.add((at.line, at.column))
                where = (*bare[:-1], *_key_before(raw, bare))
                problems.append(
                    Problem(
                        "LZ100",
                        "schema.thousands_separator",
                        file=doc.file,
                        line=at.line,
                        column=at.column,
                        path=".".join(str(part) for part in where) or None,
                        params={"value": written, "fixed": written.replace(",", "")},
                        entry=entry,
                    )
                )
            continue
        on_key = error["type"] == "extra_forbidden"
        if error["type"] == "missing":
            mark = doc.locate(path[:-1], key=True)
        else:
            mark = doc.locate(path, key=on_key)
        ctx: dict[str, Any] = {
            k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, str | int | float)
        }
        if error["type"] == "literal_error" and "expected" in ctx:
            ctx["expected"] = choices(str(ctx["expected"]))  # 'a' 或 'b' in Chinese
        key = "schema." + error["type"]
        if error["type"] == "string_pattern_mismatch":  # what an id looks like, not a regex
            key = _ID_FORMATS.get(str(ctx.get("pattern")), key)
            ctx["value"] = error["input"]
            if key == "schema.indicator_id_format":
                key = _indicator_id_key(str(error["input"]), ctx)
        elif error["type"] == "quoted_id":
            if mark is not None:
                ctx["value"] = doc.written(mark) or ctx.get("value")  # 6.10, not the float 6.1
            written = str(ctx.get("value"))
            if not re.fullmatch(INDICATOR_ID_PATTERN, written):  # quoting would not help: id: 1
                key = _indicator_id_key(written, ctx)
        elif on_key and loc and (near := _near_field(model, raw, loc, fields)) is not None:
            ctx["suggestion"] = near  # milestone: → did you mean 'milestones'?
        if len(loc) == 2 and loc[0] == "milestones" and error["type"] == "float_type":
            key = "schema.milestone_value"  # the 2024 milestone '1600件' must be a number
            written = doc.written(mark) if mark is not None else None
            ctx.update(year=loc[1], value=written or error["input"])
        if loc and loc[-1] == "[key]":  # a mapping's key, the year of a milestone: "2023": 16
            loc = loc[:-1]
            if error["type"] in ("int_type", "int_parsing"):  # not a year as YAML reads one
                key = "schema.year_key"
                written = doc.written(mark) if mark is not None else None
                if written and not isinstance(loc[-1], str):  # yes, not 1 (True)
                    loc = (*loc[:-1], written.removesuffix(":"))
        given = error["input"]
        if error["type"] in _NUMBER_ERRORS and isinstance(given, str):
            if NUMBER_FORMS.fullmatch(given) and (form := _number_form(given, ctx)):
                key, ctx["value"] = form  # 015, 0x12, 1:30, 1e4: YAML reads another figure
            elif _GROUPED.fullmatch(given):  # value: 1,700 (text, outside a flow mapping)
                key = "schema.thousands_separator"
                ctx.update(value=given, fixed=given.replace(",", ""))
            elif key != "schema.year_key" and _PLAIN_DECIMAL.fullmatch(
                folded := unicodedata.normalize("NFKC", given).strip()
            ):
                key = "schema.number_as_text"  # value: "18", or １８ typed in full width
                ctx.update(value=given, fixed=folded)
        problems.append(
            Problem(
                "LZ100",
                key,
                file=doc.file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                path=".".join(str(part) for part in loc) or None,
                params={"pydantic": error["msg"], "field": str(loc[-1]) if loc else "", **ctx},
                entry=entry,
            )
        )
    return problems


#: A figure written with thousands separators: 1,700 or 1,234,567.5.
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
#: A figure YAML would read as a number, were it not quoted or typed in full-width digits.
_PLAIN_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


def _split_figure(doc: YamlDocument, path: tuple[str | int, ...]) -> tuple[Mark, str] | None:
    """Where a figure with a thousands separator starts, and its text, when the key at ``path``
    is the digits YAML took after its comma: in a flow mapping ``{value: 1,700}`` is
    ``{value: 1, 700: null}``."""
    mark = doc.key_marks.get(path)
    line = doc.line(mark.line) if mark is not None else None
    if mark is None or line is None:
        return None
    before = re.search(r"[-+]?[0-9][0-9,]*,$", line[: mark.column - 1])
    figure = _GROUPED.match(line, before.start()) if before is not None else None
    if before is None or figure is None or figure.end() < mark.column:
        return None
    return Mark(mark.line, before.start() + 1), figure.group()


def _key_before(raw: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The key before the last of ``loc`` in its mapping inside ``raw``: whose figure it split."""
    for part in loc[:-1]:
        raw = raw.get(part) if isinstance(raw, dict) else None
    if isinstance(raw, dict):
        keys = list(raw)
        if loc[-1] in keys and keys.index(loc[-1]) > 0:
            return (keys[keys.index(loc[-1]) - 1],)
    return ()


#: Errors of a value that should have been a number.
_NUMBER_ERRORS = frozenset(
    ("int_type", "int_parsing", "float_type", "float_parsing", "baseline_value", "target_value")
)


def _number_form(written: str, ctx: dict[str, Any]) -> tuple[str, str] | None:
    """The message for a number in one of YAML's :data:`NUMBER_FORMS`, and the text shown; None
    for an exponent whose decimal is too long to be a figure (``1e999``)."""
    sign = written[:1] if written[:1] in "+-" else ""
    digits = written[len(sign) :]
    zero_padded = digits[1:2].isdigit() or digits[1:2] == "_"
    if _EXPONENT.fullmatch(digits) and not zero_padded:  # 1.7e3, 1e4, 1.0e+4
        fixed = _plain_decimal(digits)
        if len(fixed) > _LONGEST_DECIMAL:
            return None
        ctx["fixed"] = sign.replace("+", "") + fixed
        return "schema.number_exponent", written
    if "_" in digits and not digits.startswith("0"):  # 1_700: YAML 1.1 drops the underscores
        ctx["fixed"] = sign.replace("+", "") + digits.replace("_", "")
        return "schema.number_underscore", written
    if zero_padded:  # 015, 012.5
        whole, dot, fraction = digits.partition(".")
        ctx["fixed"] = sign.replace("+", "") + (whole.lstrip("0_") or "0") + dot + fraction
        return "schema.number_leading_zero", written
    read = _in_base(digits)
    if read is None:  # 0b12: no number in that base either
        return "schema.number_base", written
    ctx["read"] = ("-" if sign == "-" else "") + read
    return "schema.number_base_read", written


_BASES = {"0x": 16, "0o": 8, "0b": 2}


def _in_base(digits: str) -> str | None:
    """The decimal of ``0x12`` (18), ``0o17``, ``0b11`` or sexagesimal ``1:30`` (90), as the YAML
    versions that read such forms read them; None where the digits fit no base."""
    digits = digits.replace("_", "")
    try:
        base = _BASES.get(digits[:2].lower())
        if base is not None:
            return str(int(digits[2:], base))
        *whole, last = digits.split(":")
        value = float(last) if "." in last else int(last)
        for position, part in enumerate(reversed(whole), start=1):
            value += int(part) * 60**position
    except ValueError:
        return None
    return str(value) if isinstance(value, int) else f"{value:.6f}".rstrip("0").rstrip(".")


#: The longest decimal an exponent is shown as (a trillion to six places): ``1e999`` is no figure.
_LONGEST_DECIMAL = 20
#: A figure in exponent notation (see :data:`NUMBER_FORMS`), without its sign.
_EXPONENT = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+")


def _plain_decimal(digits: str) -> str:
    """``1.7e3`` as the plain decimal to write: ``1700``; ``2.5e-1``: ``0.25``."""
    from decimal import Decimal

    text = format(Decimal(digits), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _indicator_id_key(value: str, ctx: dict[str, Any]) -> str:
    """The message for a text that is no indicator id: leading zeros (``01.2``), with the id
    to write instead, or else what an id looks like."""
    parts = value.split(".")
    if len(parts) == 2 and all(part.isascii() and part.isdigit() for part in parts):
        ctx["fixed"] = ".".join(str(int(part)) for part in parts)
        return "schema.indicator_id_leading_zero"
    return "schema.indicator_id_format"


def _near_field(
    model: type[BaseModel],
    raw: Any,
    loc: tuple[Any, ...],
    known: dict[tuple[Any, ...], dict[str, str]] | None = None,
) -> str | None:
    """The field of the model at ``loc`` whose name is closest to the unknown key ending it.

    Only a field the mapping lacks is suggested: beside ``milestones``, ``milestone`` is not
    a misspelling of it. ``known`` keeps each mapping's missing fields for its other unknown
    keys (a mapping of 100,000 of them took minutes, every key looking at all the others).
    """
    from lzip_cli.suggest import closest

    key = unicodedata.normalize("NFKC", str(loc[-1]))
    if known is not None and loc[:-1] in known:
        return closest(key, known[loc[:-1]])
    annotation: Any = model
    for part in loc[:-1]:  # down the models: ("baseline", "valeu") → Baseline
        annotation = _unwrap(annotation)
        if isinstance(part, str) and isinstance(annotation, type):
            field = getattr(annotation, "model_fields", {}).get(part)
            if field is None:
                return None
            annotation = field.annotation
        elif isinstance(part, int) and get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        else:
            return None
        if isinstance(raw, dict):
            raw = raw.get(part)
        elif isinstance(raw, list) and isinstance(part, int) and 0 <= part < len(raw):
            raw = raw[part]
        else:
            raw = None
    annotation = _unwrap(annotation)
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return None
    present = raw if isinstance(raw, dict) else {}
    missing = {name: name for name in annotation.model_fields if name not in present}
    if known is not None:
        known[loc[:-1]] = missing
    # ｉｄ typed with a Chinese input method in full-width mode is id, however unlike it looks
    # to difflib (which finds no two characters in common): the key is NFKC-normalised above.
    return closest(key, missing)


def _unwrap(annotation: Any) -> Any:
    """``X`` of ``X | None``: the type a value of the field is validated as."""
    if get_origin(annotation) in (Union, UnionType):
        kinds = [arg for arg in get_args(annotation) if arg is not type(None)]
        return kinds[0] if len(kinds) == 1 else annotation
    return annotation


def _entry(list_name: str, item: Any) -> tuple[str, str] | None:
    """The kind and id of a plan entry whose id is valid, else None (its id is the problem)."""
    kind, pattern, longest = _ENTRIES[list_name]
    entry_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(entry_id, str) and len(entry_id) <= longest and re.fullmatch(pattern, entry_id):
        return kind, entry_id
    return None


#: A pattern an id failed to match → the message saying what such an id looks like.
_ID_FORMATS = {
    AGENCY_ID_PATTERN: "schema.agency_id_format",
    INDICATOR_ID_PATTERN: "schema.indicator_id_format",
}


def _name_the_ids(log: ProblemLog, agencies: list[Agency]) -> None:
    """An agency's name or alias written where its id belongs: say which id to write."""
    wrong = [i for i, p in enumerate(log.problems) if p.key == "schema.agency_id_format"]
    if not wrong:
        return
    by_name: dict[str, Agency] = {}
    for agency in agencies:
        for text in (agency.name, agency.name_en, *agency.aliases):
            by_name.setdefault(normalize_text(text), agency)
    for index in wrong:
        problem = log.problems[index]
        found = by_name.get(normalize_text(str(problem.params.get("value", ""))))
        if found is not None:
            params = {**problem.params, "id": found.id, "name": found.names()}
            log.problems[index] = replace(problem, key="schema.agency_name_for_id", params=params)


def _validate_items(
    doc: YamlDocument,
    items: list[dict[str, Any]],
    model: type[BaseModel],
    key: str,
    log: ProblemLog,
    *,
    lang: Lang = "zh",
    release: bool = False,
    partial: dict[int, tuple[Any, frozenset[str]]] | None = None,
) -> list[tuple[int, Any]]:
    """Validate each entry; ``release``: drop each raw entry from ``items`` once validated.

    With ``partial``, an entry that fails is validated again with stand-ins for its wrong
    fields, and kept there with their names: the rules check what else is valid in it.
    """
    valid = []
    validate = model.model_validate
    label = t("progress_validating", lang, what=key)
    for index, item in enumerate(track(items, label, len(items))):
        if release:
            items[index] = None  # type: ignore[call-overload]
        try:
            valid.append((index, validate(item)))
        except ValidationError as exc:
            entry = _entry(key, item)
            log.extend(_pydantic_problems(doc, exc, (key, index), model, item, entry))
            if partial is not None and (stand_in := _stand_in(item, exc, model)) is not None:
                partial[index] = stand_in
    return valid


#: What stands in for a wrong field of an entry while its other fields are checked: no check
#: reads it (see :mod:`lzip_cli.rules`). Optional fields are dropped.
_AGENCY_STAND_INS: dict[str, Any] = {"id": "0", "name": "-", "name_en": "-"}
_STAND_INS: dict[str, Any] = {
    "id": "0.0",
    "group": 1,
    "name": "-",
    "name_en": "-",
    "unit": "-",
    "kind": "flow",
    "direction": "increase",
    "agencies": ["0"],  # an id as the model wants one
    "scope": "shared",
    "baseline": {"year": 1900, "value": 0},
    "target": {"year": 1900, "value": 0},
}
_PAIRS = ("baseline", "target")  # checked by their year and value apart


def _stand_in(
    item: Any, exc: ValidationError, model: type[BaseModel]
) -> tuple[Any, frozenset[str]] | None:
    """An entry (an :class:`Indicator` or an :class:`Agency`) of ``item``'s valid fields and
    stand-ins for the wrong ones, and the names of those (``target.value``, ``agencies``); None
    if that still does not validate."""
    if not isinstance(item, dict):
        return None
    stand_ins = _STAND_INS if model is Indicator else _AGENCY_STAND_INS
    data = dict(item)
    wrong: set[str] = set()
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        if not loc or not isinstance(loc[0], str):
            return None
        field = loc[0]
        if field not in model.model_fields:  # an unknown field: nothing reads it
            data.pop(field, None)
        elif (
            field in _PAIRS
            and len(loc) == 2
            and loc[1] in ("year", "value")
            and isinstance(data.get(field), dict)
        ):
            data[field] = {**data[field], loc[1]: stand_ins[field][loc[1]]}
            wrong.add(f"{field}.{loc[1]}")
        elif (
            field == "aliases"
            and len(loc) == 2
            and isinstance(loc[1], int)
            and isinstance(data.get(field), list)
        ):  # one wrong alias: the others are still checked, each at its own place
            aliases = list(data[field])
            aliases[loc[1]] = "-"
            data[field] = aliases
            wrong.add(f"{field}.{loc[1]}")
        else:
            if field in stand_ins:
                data[field] = stand_ins[field]
            else:
                data.pop(field, None)
            wrong.add(field)
    try:
        return model.model_validate(data), frozenset(wrong)
    except ValidationError:
        return None


#: The list an entry is in → what the entry is called in a problem, and what its id looks like
#: (the models' pattern and length).
_ENTRIES = {
    "indicators": ("indicator", INDICATOR_ID_PATTERN, 16),
    "agencies": ("agency", AGENCY_ID_PATTERN, 64),
    "groups": ("group", AGENCY_ID_PATTERN, 64),
}


def load_plan(data_dir: Path, shown_as: str | None = None, *, lang: Lang = "zh") -> Plan:
    """Read and validate the plan in ``data_dir``; raise :class:`LzipError` with every problem.

    Problems name the files relative to the current directory, or as ``shown_as/indicators.yaml``
    when the directory stands for something else (``git:HEAD:data`` written out for ``diff``).
    ``lang`` is the language of the progress bars' labels (the problems are said by the CLI).
    """

    def shown(name: str) -> str:
        return f"{shown_as}/{name}" if shown_as else display_path(data_dir / name)

    if not data_dir.is_dir():
        key = "data_dir_is_file" if data_dir.exists() else "data_dir_missing"
        raise LzipError([Problem("LZ003", key, file=shown_as or display_path(data_dir))])
    # A file that cannot be used (unreadable, not YAML, not the shape of its file) does not stop
    # the other: its content is still checked, all but the checks that need both files.
    docs: dict[str, YamlDocument] = {}
    log = ProblemLog()
    raws: dict[str, bytes] = {}
    for name in (AGENCIES_FILE, INDICATORS_FILE):
        try:
            raws[name] = read_yaml_bytes(data_dir / name, shown(name))
        except LzipError as exc:
            log.extend(exc.problems)
            log.omitted += exc.omitted
    sources = (
        (shown(AGENCIES_FILE), shown(INDICATORS_FILE))
        if shown_as
        else (str(data_dir / AGENCIES_FILE), str(data_dir / INDICATORS_FILE))
    )
    cache_key = None
    if len(raws) == 2 and plan_cache.wanted(sum(map(len, raws.values()))):
        cache_key = plan_cache.key(raws[AGENCIES_FILE], raws[INDICATORS_FILE])
        cached = plan_cache.load(cache_key)
        if cached is not None:
            return cached.model_copy(update={"sources": sources})
    for name in (AGENCIES_FILE, INDICATORS_FILE):
        raw = raws.pop(name, None)
        if raw is None:
            continue
        try:
            label = t("progress_reading", lang, file=shown(name))
            docs[name] = decode_yaml(raw, shown(name), label=label)
        except LzipError as exc:
            log.extend(exc.problems)
            log.omitted += exc.omitted
        del raw
    # Duplicate keys leave the data usable (the first value counts): they are reported together
    # with whatever else the plan holds, not alone.
    kept = [problem for doc in docs.values() for problem in doc.problems]

    def stop_if_any() -> None:
        if log or kept:
            log.extend(kept)
            kept.clear()
            log.problems.sort(key=Problem.sort_key)  # in file order, as the user reads the file
            log.raise_if_any()

    tops: dict[str, Any] = {}
    for name, model in ((AGENCIES_FILE, AgenciesFile), (INDICATORS_FILE, IndicatorsFile)):
        doc = docs.get(name)
        if doc is None:
            continue
        try:
            tops[name] = model.model_validate(doc.data)
        except ValidationError as exc:
            log.extend(_pydantic_problems(doc, exc, (), model, doc.data))
        # Validation copied every entry's mapping: the document's own are not needed again (its
        # text still locates problems). For a large plan this is a few hundred MB less at once.
        doc.data = None
    agencies_top: AgenciesFile | None = tops.pop(AGENCIES_FILE, None)
    indicators_top: IndicatorsFile | None = tops.pop(INDICATORS_FILE, None)
    if agencies_top is None and indicators_top is None:
        stop_if_any()
    agencies_doc, indicators_doc = docs.get(AGENCIES_FILE), docs.get(INDICATORS_FILE)
    agencies: list[tuple[int, Agency]] = []
    groups: list[tuple[int, AgencyGroup]] = []
    partial_agencies: dict[int, tuple[Agency, frozenset[str]]] = {}
    if agencies_top is not None and agencies_doc is not None:
        agencies = _validate_items(
            agencies_doc,
            agencies_top.agencies,
            Agency,
            "agencies",
            log,
            lang=lang,
            partial=partial_agencies,
        )
        groups = _validate_items(
            agencies_doc, agencies_top.groups, AgencyGroup, "groups", log, lang=lang
        )
    # Each raw entry is dropped as soon as its model exists: the two are never all held at once.
    partial: dict[int, tuple[Indicator, frozenset[str]]] = {}
    indicators: list[tuple[int, Indicator]] = []
    plan_info = None
    if indicators_top is not None and indicators_doc is not None:
        plan_info, raw_indicators = indicators_top.plan, indicators_top.indicators
        del indicators_top
        indicators = _validate_items(
            indicators_doc,
            raw_indicators,
            Indicator,
            "indicators",
            log,
            lang=lang,
            release=True,
            partial=partial,
        )
        del raw_indicators
    _name_the_ids(log, [agency for _, agency in agencies])
    # Without a usable agencies.yaml, no reference to an agency can be checked.
    agency_ids = {agency.id for _, agency in agencies} if agencies_top is not None else None
    group_ids = {group.id for _, group in groups}
    # An agency whose entry is broken has its own error already; references to it are not
    # reported again as unknown (one typo in agencies.yaml would otherwise flag every indicator).
    raw_ids = (
        item.get("id")
        for item in (agencies_top.agencies if agencies_top is not None else ())
        if isinstance(item, dict)
    )
    broken_ids = {raw for raw in raw_ids if isinstance(raw, str)} - (agency_ids or set())
    violations = [
        violation
        for violation in (
            *check_agencies(
                sorted([*agencies, *((i, found) for i, (found, _) in partial_agencies.items())]),
                groups,
                {index: wrong for index, (_, wrong) in partial_agencies.items()},
            ),
            *check_indicators(
                sorted([*indicators, *((i, found) for i, (found, _) in partial.items())]),
                agency_ids,
                group_ids,
                {index: wrong for index, (_, wrong) in partial.items()},
            ),
        )
        if not (violation.code == "LZ101" and violation.params.get("id") in broken_ids)
    ]
    # A violation is named by its entry's id, unless the id is what is wrong with the entry.
    ids: dict[str, dict[int, str]] = {
        "indicators": {
            **{index: found.id for index, (found, wrong) in partial.items() if "id" not in wrong},
            **{index: indicator.id for index, indicator in indicators},
        },
        "agencies": {
            **{i: found.id for i, (found, wrong) in partial_agencies.items() if "id" not in wrong},
            **{index: agency.id for index, agency in agencies},
        },
        "groups": {index: group.id for index, group in groups},
    }
    for violation in violations:
        doc = agencies_doc if violation.file == "agencies" else indicators_doc
        assert doc is not None  # violations are found only in a file that was read
        mark = doc.locate(violation.path, key=violation.on_key)
        where, index = violation.path[:2]
        entry_id = ids[str(where)].get(int(index))
        log.add(
            Problem(
                violation.code,
                violation.key,
                file=doc.file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                path=".".join(str(p) for p in violation.path[2:]) or None,
                params=violation.params,
                entry=None if entry_id is None else (_ENTRIES[str(where)][0], entry_id),
            )
        )
    stop_if_any()
    assert plan_info is not None  # both files were usable, or a problem was raised
    plan = Plan(
        info=plan_info,
        agencies=[agency for _, agency in agencies],
        groups=[group for _, group in groups],
        indicators=[indicator for _, indicator in indicators],
        sources=sources,
    )
    if cache_key is not None:
        plan_cache.store(cache_key, plan)
    return plan


def plan_source(text: str, scratch: Path) -> tuple[Path, str | None]:
    """A plan directory and the name its files are shown under in a problem.

    ``text`` is a directory, or ``git:REV[:DIR]``: DIR (default ``data``, relative to the current
    directory) at revision REV, written out under ``scratch`` and shown as ``git:REV:DIR``.
    """
    if not text.startswith("git:"):
        return Path(text), None
    import posixpath

    rev, _, directory = text[4:].partition(":")
    rev = rev or "HEAD"
    directory = (directory or "data").rstrip("/") or "."
    # git reads REV:PATH from the top of the repository: PATH is asked (and so named in git's
    # own messages) as the current directory's place in the repository plus DIR.
    prefix, reason = _git(["rev-parse", "--show-prefix"])
    if prefix is not None and os.path.isabs(directory):  # git takes paths from the top only
        top, reason = _git(["rev-parse", "--show-toplevel"])
        if top is not None:
            inside = os.path.relpath(os.path.realpath(directory), os.path.realpath(top))
            if inside == os.pardir or inside.startswith(os.pardir + os.sep):
                params = {"directory": directory, "top": top}
                raise LzipError([Problem("LZ016", "git_dir_outside", file=text, params=params)])
            prefix, directory = "", Path(inside).as_posix()
    scratch.mkdir(parents=True)
    for name in (AGENCIES_FILE, INDICATORS_FILE):
        path = posixpath.normpath(posixpath.join(prefix or "", directory, name))
        if prefix is not None:
            shown, reason = _git(["show", f"{rev}:{path}"], text=False)
            if shown is not None:
                (scratch / name).write_bytes(shown)
                continue
        key, params = "git_show_failed", {"rev": rev, "path": path, "reason": reason}
        if prefix:
            key, params["prefix"] = "git_show_failed_in", prefix
        raise LzipError([Problem("LZ016", key, file=text, params=params)])
    return scratch, f"git:{rev}:{directory}"


def _git(args: list[str], *, text: bool = True) -> tuple[Any, str]:
    """git's output (stripped text, or bytes), or None and the first line of what git said."""
    import subprocess

    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as exc:
        return None, exc.strerror or str(exc)
    if done.returncode == 0:
        return (done.stdout.decode("utf-8", "replace").strip() if text else done.stdout), ""
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return None, said[0] if said else f"git exited with {done.returncode}"
