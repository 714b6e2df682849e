"""Every user-facing text in Chinese and English, and the function that picks one.

Keys name the situation; templates use ``str.format`` fields filled from a problem's params.
"""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # --- files -------------------------------------------------------------------------------
    "file_is_directory": ("这是一个目录，不是文件", "is a directory, not a file"),
    "file_too_large": ("文件过大（{size} 字节）", "file is too large ({size} bytes)"),
    "file_missing": ("文件不存在", "no such file"),
    "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "data_dir_missing": ("计划数据目录不存在", "the plan data directory does not exist"),
    "nul_byte": ("含有 NUL 字节：这不是文本文件", "contains a NUL byte: this is not a text file"),
    # --- YAML --------------------------------------------------------------------------------
    "yaml_not_utf8": ("YAML 文件须为 UTF-8 编码", "a YAML file must be UTF-8 encoded"),
    "yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "yaml_too_deep": ("嵌套层级过深", "nested too deeply"),
    "yaml_empty": ("文件为空", "the file is empty"),
    "yaml_alias": (
        "不支持 YAML 锚点与别名（&、*、<<），请直接写出内容",
        "YAML anchors and aliases (&, *, <<) are not allowed; write the content out",
    ),
    "yaml_tag": ("不允许的 YAML 标签 {tag}", "YAML tag {tag} is not allowed"),
    "yaml_bad_scalar": ("无法解析的值 {text!r}", "cannot read the value {text!r}"),
    "yaml_complex_key": ("键必须是简单的文字", "a key must be plain text"),
    "yaml_duplicate_key": (
        "重复的键 {key!r}（第 {first} 行已出现）",
        "duplicate key {key!r} (first at line {first})",
    ),
    # --- plan schema (pydantic error types) --------------------------------------------------
    "schema.missing": ("缺少必填字段 {field}", "required field {field} is missing"),
    "schema.extra_forbidden": ("未知字段 {field}", "unknown field {field}"),
    "schema.string_type": ("应为文字", "must be text"),
    "schema.int_type": ("应为整数", "must be a whole number"),
    "schema.float_type": ("应为数字", "must be a number"),
    "schema.list_type": ("应为列表", "must be a list"),
    "schema.dict_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.model_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.model_attributes_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.literal_error": ("应为 {expected} 之一", "must be one of {expected}"),
    "schema.string_pattern_mismatch": (
        "格式不符，应匹配 {pattern}（数字编号须加引号，如 \"4.3\"）",
        "does not match {pattern} (quote numeric ids, e.g. \"4.3\")",
    ),
    "schema.string_too_short": ("不能为空", "must not be empty"),
    "schema.string_too_long": ("过长", "is too long"),
    "schema.too_short": ("至少需要 {min_length} 项", "needs at least {min_length} item(s)"),
    "schema.greater_than_equal": ("应不小于 {ge}", "must be at least {ge}"),
    "schema.less_than_equal": ("应不大于 {le}", "must be at most {le}"),
    "schema.baseline_value": (
        "应为数字或 'not-carried-out'", "must be a number or 'not-carried-out'"
    ),
    "schema.target_value": ("应为数字或 'per-actual'", "must be a number or 'per-actual'"),
    "schema.milestone_value": ("阶段目标值应为数字", "every milestone must be a number"),
    "schema.finite_number": ("应为有限的数字", "must be a finite number"),
    "schema.fallback": ("{pydantic}", "{pydantic}"),
    # --- plan rules --------------------------------------------------------------------------
    "unknown_agency": ("未知的责任单位 {id!r}", "unknown agency {id!r}"),
    "duplicate_agency_id": ("单位编号 {id!r} 重复", "agency id {id!r} is used twice"),
    "agency_name_collision": (
        "{text!r} 已是单位 {other!r} 的编号、名称或别名",
        "{text!r} is already the id, name or alias of agency {other!r}",
    ),
    "duplicate_indicator_id": ("指标编号 {id!r} 重复", "indicator id {id!r} is used twice"),
    "group_mismatch": (
        "指标 {id} 的序号与 group {group} 不符", "indicator {id} does not belong to group {group}"
    ),
    "group_as_agency": (
        "{id!r} 是单位组，请列出具体单位", "{id!r} is a group of agencies; list the agencies"
    ),
    "duplicate_reference": ("单位 {id!r} 重复列出", "agency {id!r} is listed twice"),
    "year_order": (
        "基础年 {baseline} 应早于目标年 {target}",
        "the baseline year {baseline} must come before the target year {target}",
    ),
    "negative_number": ("数值 {value:g} 不能为负", "the value {value:g} must not be negative"),
    "rate_out_of_range": (
        "比率 {value:g} 应在 0–100 之间", "the rate {value:g} must lie between 0 and 100"
    ),
    "rate_unit": ("比率指标的单位应为 %，而不是 {unit!r}", "a rate's unit must be %, not {unit!r}"),
    "target_direction": (
        "方向为 {direction} 时，目标 {target:g} 不应劣于基础值 {baseline:g}",
        "with direction {direction}, the target {target:g} must not be worse than the baseline "
        "{baseline:g}",
    ),
    "milestone_year": (
        "阶段目标年份 {year} 应在 {first} 与 {last} 之间",
        "milestone year {year} must lie between {first} and {last}",
    ),
    "milestone_range": (
        "{year} 年阶段目标 {value:g} 应在 {low:g} 与 {high:g} 之间",
        "the {year} milestone {value:g} must lie between {low:g} and {high:g}",
    ),
    # --- CLI -----------------------------------------------------------------------------------
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "more_problems": ("……另有 {count:,} 处问题", "… and {count:,} more"),
    "plan_ok": (
        "OK：{indicators} 项指标，{agencies} 个责任单位",
        "OK: {indicators} indicators, {agencies} agencies",
    ),
    "unknown_agency_option": ("未知的责任单位 {text!r}", "unknown agency {text!r}"),
    "lang_help": ("界面语言：zh 或 en", "language of labels and names: zh or en"),
}


def t(key: str, lang: Lang = "zh", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in.

    A schema error type lzip has no text for falls back to pydantic's own (English) message.
    """
    pair = TEXTS.get(key)
    if pair is None:
        pair = TEXTS["schema.fallback"] if key.startswith("schema.") else (key, key)
    template = pair[0] if lang == "zh" else pair[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template

TEXTS.update(
    {
        "not_carried_out_short": ("未开展", "not carried out"),
        "per_actual_short": ("以实际业务开展为准", "per actual business"),
        "indicators_title": ("量化指标", "Quantitative indicators"),
        "agencies_title": ("责任单位", "Responsible agencies"),
        "col_id": ("序号", "ID"),
        "col_name": ("指标", "Indicator"),
        "col_unit": ("单位", "Unit"),
        "col_kind": ("类型", "Kind"),
        "col_baseline": ("基础值", "Baseline"),
        "col_target": ("目标值", "Target"),
        "col_scope": ("考核方式", "Scope"),
        "col_agencies": ("责任单位", "Agencies"),
        "col_agency_id": ("编号", "ID"),
        "col_agency": ("单位", "Agency"),
        "col_aliases": ("别名", "Aliases"),
        "col_indicators": ("负责指标", "Indicators"),
        "kind_flow": ("年度量", "yearly flow"),
        "kind_stock": ("年末存量", "year-end stock"),
        "kind_rate": ("比率", "rate"),
        "scope_shared": ("全县合计", "county-wide"),
        "scope_each": ("各单位分别", "each agency"),
    }
)
