"""Every user-facing text in Chinese and English, and the function that picks one.

Keys name the situation; templates use ``str.format`` fields filled from a problem's params.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from lzip_cli.numbers import format_number

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Bilingual(NamedTuple):
    """A param that reads differently by language, such as an agency: 县林业局 / Forestry Bureau."""

    zh: str
    en: str


TEXTS: dict[str, tuple[str, str]] = {
    # --- files -------------------------------------------------------------------------------
    "file_is_directory": ("这是一个目录，不是文件", "is a directory, not a file"),
    "file_not_regular": (
        "这不是普通文件（而是管道或设备等），无法读取：请指定一个普通的 YAML 文件",
        "is not a regular file (a pipe, a device or the like), so lzip cannot read it: give an "
        "ordinary YAML file",
    ),
    "file_too_large": ("文件过大（{size} 字节）", "file is too large ({size} bytes)"),
    "file_missing": ("文件不存在", "no such file"),
    "broken_link": (
        "符号链接所指的文件 {target} 不存在（或链接成环）",
        "a symbolic link to {target}, which does not exist (or the links loop)",
    ),
    "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "path_unusable": ("无法使用此路径：{reason}", "cannot use this path: {reason}"),
    "file_unreadable_locked": (
        "无法读取文件：{reason}。如文件正在 Excel 或 WPS 中打开，请先关闭它",
        "cannot read the file: {reason}. If it is open in Excel or WPS, close it first",
    ),
    "data_dir_missing": ("方案数据目录不存在", "the plan data directory does not exist"),
    "reports_dir_missing": ("报表目录不存在", "no such folder of reports"),
    "reports_dir_is_file": (
        "这是一个文件；--all-reports 应给出存放报表的目录",
        "is a file; --all-reports takes the folder that holds the reports",
    ),
    "data_dir_is_file": (
        "这是一个文件；方案数据应为含 indicators.yaml 和 agencies.yaml 的目录",
        "is a file; the plan data is a directory holding indicators.yaml and agencies.yaml",
    ),
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
    "schema.year_key": (
        "键 {field!r} 应为不加引号的年份，如 {{2023: 16}}",
        "the key {field!r} must be a year without quotes, as in {{2023: 16}}",
    ),
    "schema.float_type": ("应为数字", "must be a number"),
    "schema.list_type": ("应为列表", "must be a list"),
    "schema.dict_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.model_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.model_attributes_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.literal_error": ("应为 {expected} 之一", "must be one of {expected}"),
    "schema.string_pattern_mismatch": ("格式不符，应匹配 {pattern}", "does not match {pattern}"),
    "schema.agency_id_format": (
        "{value!r} 不是单位编号：单位编号由小写字母、数字和连字符组成，如 ip-office",
        "{value!r} is not an agency id: an agency id is lowercase letters, digits and hyphens, "
        "e.g. ip-office",
    ),
    "schema.agency_name_for_id": (
        "{value!r} 是 {id}（{name}）的名称，不是单位编号：请写 {id}",
        "{value!r} is the name of {id} ({name}), not an agency id: write {id}",
    ),
    "schema.indicator_id_format": (
        "{value!r} 不是指标编号：指标编号为任务序号、点和顺序号，如 4.3",
        "{value!r} is not an indicator id: an indicator id is the group number, a dot and the "
        "position, e.g. 4.3",
    ),
    "schema.indicator_id_leading_zero": (
        "{value!r} 不是指标编号：编号中的数字不能以 0 开头，请写 {fixed}（报表写编号时不带前导零，"
        "两者会被当作同一项指标）",
        "{value!r} is not an indicator id: its numbers must not start with 0; write {fixed} "
        "(report forms write ids without leading zeros, so the two would name one indicator)",
    ),
    "schema.number_leading_zero": (
        "{value!r} 以 0 开头：YAML 会把以 0 开头的数读成八进制数（015 读作 13）或文字；请写 {fixed}",
        "{value!r} starts with 0: YAML reads a number starting with 0 as octal (015 as 13) or as "
        "text; write {fixed}",
    ),
    "schema.number_base": (
        "{value!r} 不是十进制数：YAML 会把 0x、0o、0b 开头或带冒号的数按十六、八、二或六十进制读；"
        "方案中的数字请只用十进制书写",
        "{value!r} is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with "
        "colons, in base 16, 8, 2 or 60; write plan figures in decimal",
    ),
    "schema.number_base_read": (
        "{value!r} 不是十进制数：YAML 会把 0x、0o、0b 开头或带冒号的数按十六、八、二或六十进制读"
        "（此处读作 {read}）；方案中的数字请只用十进制书写，如 {read}",
        "{value!r} is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with "
        "colons, in base 16, 8, 2 or 60 (this one as {read}); write plan figures in decimal, "
        "such as {read}",
    ),
    "schema.number_as_text": (
        "{value!r} 是文字而非数字（加了引号，或用了全角数字）：请写 {fixed}，不加引号",
        "{value!r} is text, not a number (quoted, or in full-width digits): write {fixed}, "
        "without quotes",
    ),
    "schema.number_exponent": (
        "{value!r} 是科学记数法：YAML 对这种写法的读法不一（1.0e+4 读作数字，1e4 读作文本）；"
        "方案中的数字请写成普通小数 {fixed}",
        "{value!r} is in exponent notation, which YAML reads one way or another (1.0e+4 as a "
        "number, 1e4 as text); write plan figures as plain decimals, {fixed}",
    ),
    "schema.number_underscore": (
        "{value!r} 带下划线：YAML 会把下划线略去，读成 {fixed}；方案中的数字请不加分隔符，写成 {fixed}",
        "{value!r} has underscores: YAML drops them and reads {fixed}; write plan figures "
        "without separators, {fixed}",
    ),
    "schema.thousands_separator": (
        "{value!r} 带千位分隔符：方案中的数字请不加分隔符，写成 {fixed}",
        "{value!r} has a thousands separator: write plan figures without separators, {fixed}",
    ),
    "schema.string_too_short": ("不能为空", "must not be empty"),
    "schema.blank_text": ("只有空格，不能为空", "is only spaces: it must not be empty"),
    "schema.unprintable_character": (
        "含不可见字符 {char}：请删去（它会改变文字的显示或比较，常随复制粘贴带入）",
        "holds the invisible character {char}: delete it (it changes how the text shows or "
        "compares, and usually comes with copied text)",
    ),
    "schema.line_break_in_name": (
        "含制表符或换行符（{char}）：名称只能写成一行，请删去该字符",
        "holds a tab or a line break ({char}): a name is on one line; delete that character",
    ),
    "schema.string_too_long": (
        "过长：最多 {max_length} 个字符",
        "is too long: at most {max_length} characters",
    ),
    "schema.too_short": (
        "至少需要 {min_length} 项",
        "needs at least {min_length} {min_length:item|items}",
    ),
    "schema.greater_than_equal": ("应不小于 {ge}", "must be at least {ge}"),
    "schema.less_than_equal": ("应不大于 {le}", "must be at most {le}"),
    "schema.baseline_value": (
        "应为数字或 'not-carried-out'",
        "must be a number or 'not-carried-out'",
    ),
    "schema.target_value": ("应为数字或 'per-actual'", "must be a number or 'per-actual'"),
    "schema.milestone_value": (
        "{year} 年阶段值 {value!r} 应为数字",
        "the {year} milestone {value!r} must be a number",
    ),
    "schema.finite_number": ("应为有限的数字", "must be a finite number"),
    "schema.quoted_id": (
        '编号须加引号，如 "{value}"：不加引号时 YAML 会把它读成数字',
        'must be quoted, e.g. "{value}": unquoted, YAML reads it as a number',
    ),
    "schema.fallback": ("{pydantic}", "{pydantic}"),
    # --- where in the plan: 指标 1.1 的 milestones.2026 ----------------------------------------
    "entry": ("{kind} {id}", "{kind} {id}"),
    "entry_path": ("{entry} 的 {path}", "{entry}, {path}"),
    "entry.indicator": ("指标", "indicator"),
    "entry.agency": ("单位", "agency"),
    "entry.group": ("单位组", "group"),
    # --- plan rules --------------------------------------------------------------------------
    "unknown_agency": ("未知的责任单位 {id!r}", "unknown agency {id!r}"),
    "duplicate_agency_id": ("单位编号 {id!r} 重复", "agency id {id!r} is used twice"),
    "agency_name_county": (
        "{text!r} 在报表的责任单位列中表示全县合计行，不能作单位的编号、名称或别名",
        "{text!r} in a report's agency column means the county-wide row: it cannot be an agency's id, name or alias",
    ),
    "agency_name_collision": (
        "{text!r} 已是单位 {other!r} 的编号、名称或别名",
        "{text!r} is already the id, name or alias of agency {other!r}",
    ),
    "indicator_name_collision": (
        "{text!r} 已是指标 {other} 的编号或名称：报表按名称填写时无法区分两项指标",
        "{text!r} is already the id or name of indicator {other}: a report naming it could mean "
        "either",
    ),
    "duplicate_indicator_id": ("指标编号 {id!r} 重复", "indicator id {id!r} is used twice"),
    "group_mismatch": (
        "指标 {id} 的序号与 group {group} 不符",
        "indicator {id} does not belong to group {group}",
    ),
    "group_as_agency": (
        "{id!r} 是单位组，请列出具体单位",
        "{id!r} is a group of agencies; list the agencies",
    ),
    "duplicate_reference": ("单位 {id!r} 重复列出", "agency {id!r} is listed twice"),
    "year_order": (
        "基础年 {baseline} 应早于目标年 {target}",
        "the baseline year {baseline} must come before the target year {target}",
    ),
    "negative_number": ("数值 {value:g} 不能为负", "the value {value:g} must not be negative"),
    "plan_value_too_large": (
        "数值 {value} 过大：最大为 {limit}",
        "the value {value} is too large: at most {limit}",
    ),
    "rate_out_of_range": (
        "比率 {value:g} 应在 0–100 之间",
        "the rate {value:g} must lie between 0 and 100",
    ),
    "rate_unit": ("比率指标的单位应为 %，而不是 {unit!r}", "a rate's unit must be %, not {unit!r}"),
    "percent_not_rate": (
        "单位为 % 的指标应为比率（kind: rate），而不是 {kind}：{kind} 指标会把各单位的数值相加",
        "an indicator in % must be a rate (kind: rate), not {kind}: the agencies' figures of a "
        "{kind} indicator are added up",
    ),
    "target_direction": (
        "方向为 {direction} 时，目标 {target:g} 不应劣于基础值 {baseline:g}",
        "with direction {direction}, the target {target:g} must not be worse than the baseline "
        "{baseline:g}",
    ),
    "target_direction_not_carried_out": (
        "方向为 {direction} 时，目标 {target:g} 不应劣于基础值：基础值为未开展，按 0 计",
        "with direction {direction}, the target {target:g} must not be worse than the baseline, "
        "which is not-carried-out and counts as 0",
    ),
    "milestone_year": (
        "阶段值年份 {year} 应在 {first} 年之后、{last} 年之前（{low}–{high} 年）",
        "milestone year {year} must be after {first} and before {last} ({low}–{high})",
    ),
    "milestone_year_one": (
        "阶段值年份 {year} 应在 {first} 年之后、{last} 年之前（只能是 {low} 年）",
        "milestone year {year} must be after {first} and before {last} (only {low})",
    ),
    "milestone_year_none": (
        "阶段值年份 {year} 无效：基础年 {first} 与目标年 {last} 之间没有年份，不能设阶段值",
        "milestone year {year} cannot be used: no year lies between the baseline year {first} "
        "and the target year {last}, so there can be no milestones",
    ),
    "milestone_order": (
        "{year} 年阶段值 {value:g} 低于 {previous_year} 年的 {previous:g}：指标须增加，阶段值应逐年不降",
        "the {year} milestone {value:g} is below the {previous_year} one, {previous:g}: the "
        "indicator must increase, so its milestones must not fall from year to year",
    ),
    "milestone_order_down": (
        "{year} 年阶段值 {value:g} 高于 {previous_year} 年的 {previous:g}：指标须降低，阶段值应逐年不升",
        "the {year} milestone {value:g} is above the {previous_year} one, {previous:g}: the "
        "indicator must decrease, so its milestones must not rise from year to year",
    ),
    "milestones_without_target": (
        "目标值为 per-actual（以实际业务开展为准）时不能设阶段值：阶段值须有数值目标，请删除 milestones",
        "milestones need a numeric target: the target is per-actual, so there is none for them "
        "to lead to; remove milestones",
    ),
    "count_unit_en_without_count_unit": (
        "只有填笔数/件数的指标（设了 count_unit）才有英文笔数单位：请补上 count_unit，或删除 count_unit_en",
        "count_unit_en is the English count unit of an indicator that takes a count: add its "
        "count_unit, or remove count_unit_en",
    ),
    "milestone_range": (
        "{year} 年阶段值 {value:g} 应在 {low:g} 与 {high:g} 之间",
        "the {year} milestone {value:g} must lie between {low:g} and {high:g}",
    ),
    # --- progress bars (on a terminal, during long work) --------------------------------------
    "progress_reading": ("读取 {file}", "reading {file}"),
    "progress_validating": ("校验 {what}", "validating {what}"),
    "progress_indicators": ("检查指标", "checking indicators"),
    "progress_tables": ("绘制各单位表格", "drawing the agencies' tables"),
    # --- CLI -----------------------------------------------------------------------------------
    "error": ("错误", "error"),
    "empty_argument": (
        '参数为空（可能是未设置的变量，如 --out "$OUT"）：请给出文件、目录或取值',
        'an argument is empty (an unset variable, such as --out "$OUT"?): give a file, folder '
        "or value",
    ),
    "error_line": ("lzip: 错误：{message}", "lzip: error: {message}"),
    "warning_line": ("lzip: 警告：{message}", "lzip: warning: {message}"),
    "warning": ("警告", "warning"),
    "more_problems": ("……另有 {count:,} 处问题", "… and {count:,} more"),
    "internal_error": (
        "lzip: 内部错误（{error}）：这是 lzip 的缺陷，不是输入的问题。请把所运行的命令和输入文件报告给维护者"
        "（设置 LZIP_DEBUG=1 再运行可看到详细的调用栈）",
        "lzip: internal error ({error}): this is a bug in lzip, not a problem of the input. Please "
        "report the command and the input files to the maintainers (run again with LZIP_DEBUG=1 "
        "for the traceback)",
    ),
    "more_warnings": (
        "……另有 {count:,} 条 {code} 警告未列出（lzip check 该报表 --format json 列出全部）",
        "… and {count:,} more {code} {count:warning|warnings} (lzip check REPORT --format json "
        "lists them all)",
    ),
    "plan_ok": (
        "OK：{indicators} 项指标，{agencies} 个责任单位",
        "OK: {indicators} {indicators:indicator|indicators}, {agencies} {agencies:agency|agencies}",
    ),
    "template_agencies_own_nothing": (
        "{agencies}没有负责的量化指标，没有可填写的表格（lzip 会把只有表头的表当作选错的文件）",
        "{agencies} {count:owns|own} none of the plan's quantitative indicators: there is no form to fill in (lzip would refuse a form with a header only as the wrong file)",
    ),
    "unknown_agency_option": ("未知的责任单位 {text!r}", "unknown agency {text!r}"),
    "group_option": (
        "{text!r} 是单位组“{name}”（{id}），不是责任单位：量化指标由单位负责，不由单位组负责；"
        "请指定其成员单位，如 {members} 等 {count} 个",
        "{text!r} is the agency group '{name}' ({id}), not an agency: indicators are owned by "
        "agencies, not by groups; name one of its {count} {count:member|members}, such as "
        "{members}",
    ),
    "reports_dir_absent": (
        "{folder} 不存在，其中的报表未检查（--missing-ok）",
        "{folder} does not exist: no reports there checked (--missing-ok)",
    ),
    "reports_not_checked": (
        "方案有误，{count} 份报表未检查",
        "{count} {count:report|reports} not checked: the plan is invalid",
    ),
    "reports_not_checked_unusable": (
        "方案无法读取，{count} 份报表未检查",
        "{count} {count:report|reports} not checked: the plan could not be read",
    ),
    # --- usage errors (Click's English, said again; see usage.py) ------------------------------
    "usage_line": ("用法：{usage}", "Usage: {usage}"),
    "usage_help": ("查看帮助：{command} --help", "Try '{command} --help' for help."),
    "usage.no_option": ("没有选项 {option}", "No such option: {option}"),
    "usage.no_option_near": (
        "没有选项 {option}（是否想用 {options}？）",
        "No such option: {option} (Possible options: {options})",
    ),
    "usage.no_command": ("没有命令 '{command}'", "No such command '{command}'."),
    "usage.no_command_near": (
        "没有命令 '{command}'（是否想用 {options}？）",
        "No such command '{command}'. Did you mean {options}?",
    ),
    "usage.missing_argument": ("缺少参数 {name}", "Missing argument {name}."),
    "usage.missing_option": ("缺少选项 {name}", "Missing option {name}."),
    "usage.option_needs_value": (
        "选项 {name} 后面需要一个值",
        "Option {name} requires an argument.",
    ),
    "usage.env_var": ("（或环境变量 {var}）", " (env var: '{var}')"),
    "usage.option_takes_no_value": ("选项 {name} 不带值", "Option {name} does not take a value."),
    "usage.missing_choice": (
        "缺少参数 {name}（可选：{choices}）",
        "Missing argument {name}. Choose from: {choices}",
    ),
    "usage.extra_arguments": ("多余的参数（{args}）", "Got unexpected extra arguments ({args})"),
    "usage.invalid_value": ("{name} 的值无效：{detail}", "Invalid value for {name}: {detail}"),
    "usage.value_at_most": ("应不大于 {limit}", "Input should be less than or equal to {limit}"),
    "usage.value_at_least": (
        "应不小于 {limit}",
        "Input should be greater than or equal to {limit}",
    ),
    "usage.value_not_integer": ("应为整数", "Input should be a valid integer"),
    "usage.value_not_literal": ("应为 {expected} 之一", "Input should be {expected}"),
    "usage.value_not_choice": (
        "'{value}' 不是可选的值（可选：{choices}）",
        "'{value}' is not one of {choices}.",
    ),
    "usage.value_names_folder": (
        "'{value}' 是文件夹的写法；请给出要写入的文件名",
        "'{value}' names a folder; give the name of the file to write",
    ),
    "usage.value_not_valid_integer": ("{value} 不是整数", "{value} is not a valid integer."),
    "usage.value_out_of_range": (
        "{value} 不在 {range} 之内",
        "{value} is not in the range {range}.",
    ),
    "lang_help": ("界面语言：zh 或 en", "language of labels and names: zh or en"),
}


def language(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language the command line asks for: ``--lang``, else ``LZIP_LANG``, else Chinese."""
    chosen = environ.get("LZIP_LANG", "zh").lower()
    for index, arg in enumerate(args):
        given = None
        if arg == "--lang" and index + 1 < len(args):
            given = args[index + 1].lower()
        elif arg.startswith("--lang="):
            given = arg.removeprefix("--lang=").lower()
        if given in ("zh", "en"):  # a bad value is the error being reported: not a language
            chosen = given
    return "en" if chosen == "en" else "zh"


def choices(expected: str) -> Bilingual:
    """pydantic's list of allowed values, ``'a', 'b' or 'c'``, in both languages.

    Chinese joins them as ``'a'、'b' 或 'c'``; a list lzip cannot take apart keeps its English
    commas, with 或 for the last "or".
    """
    import re

    items = re.findall(r"'[^']*'", expected)
    if len(items) >= 2 and expected == ", ".join(items[:-1]) + " or " + items[-1]:
        return Bilingual("、".join(items[:-1]) + " 或 " + items[-1], expected)
    head, said_or, last = expected.rpartition(" or ")
    return Bilingual(head + " 或 " + last if said_or else expected, expected)


def name_list(names: Iterable[str], lang: Lang) -> str:
    """Agency names as one list: joined with 、 in Chinese, and with "; " in English, whose
    names hold commas (County Bureau of Science, Technology, Industry and Trade)."""
    return ("、" if lang == "zh" else "; ").join(names)


class _Count(int):
    """A whole-number param that can also say the English word agreeing with it:
    ``{count:agency|agencies}`` is ``agency`` for 1 and ``agencies`` for any other count, so that
    a template reads ``1 agency has`` and ``2 agencies have``. Without a ``|`` it formats as the
    number does (``{count:,}``)."""

    def __format__(self, spec: str) -> str:
        one, bar, other = spec.partition("|")
        if bar:
            return one if self == 1 else other
        return int.__format__(self, spec)


class _Figure(float):
    """A figure param: ``{value:g}`` writes it in full as the tables do (``2,469,134``, ``16.67``,
    ``0.000001``), never in exponent form (``2.46917e+06``) nor cut to six digits."""

    def __format__(self, spec: str) -> str:
        if spec != "g" or not math.isfinite(self):
            return float.__format__(self, spec)
        return format_number(float(self), digits=6)


def t(key: str, lang: Lang = "zh", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in.

    A schema error type lzip has no text for falls back to pydantic's own (English) message.
    A whole-number param may choose a word by its number (:class:`_Count`).
    """
    pair = TEXTS.get(key)
    if pair is None:
        pair = TEXTS["schema.fallback"] if key.startswith("schema.") else (key, key)
    template = pair[0] if lang == "zh" else pair[1]
    for name, value in params.items():
        if isinstance(value, Bilingual):
            params[name] = value.zh if lang == "zh" else value.en
        elif type(value) is int:
            params[name] = _Count(value)
        elif type(value) is float:
            params[name] = _Figure(value)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


TEXTS.update(
    {
        "not_carried_out_short": ("未开展", "not carried out"),
        "not_reported_short": ("未填报", "not reported"),
        "per_actual_short": ("以实际业务开展为准", "per actual business"),
        "indicators_title": ("量化指标", "Quantitative indicators"),
        "agencies_title": ("责任单位", "Responsible agencies"),
        "col_id": ("序号", "ID"),
        "col_name": ("指标", "Indicator"),
        # 计量单位, not 单位: beside 本单位 (the agency's own figure) 单位 reads as the agency.
        "col_unit": ("计量单位", "Unit"),
        "col_kind": ("类型", "Kind"),
        "col_baseline": ("基础值", "Baseline"),
        "col_target": ("目标值", "Target"),
        "col_scope": ("考核方式", "Scope"),
        "col_agencies": ("责任单位", "Agencies"),
        "col_agency_id": ("编号", "ID"),
        "col_agency": ("单位", "Agency"),
        "col_responsible": ("责任单位", "Agency"),
        "col_aliases": ("别名", "Aliases"),
        "col_indicators": ("负责指标", "Indicators"),
        "kind_flow": ("年度量", "yearly flow"),
        "kind_stock": ("年末存量", "year-end stock"),
        "kind_rate": ("比率", "rate"),
        "scope_shared": ("全县合计", "county-wide"),
        "scope_each": ("各单位分别", "each agency"),
        "direction_increase": ("增加", "increase"),
        "direction_decrease": ("减少", "decrease"),
        "catalog_continued": ("{title}（续）", "{title} (continued)"),
        "catalog_milestones": ("阶段值：", "Milestones:"),
        "catalog_milestone": ("{year}年 {value}", "{year}: {value}"),
        "catalog_milestones_note": (
            "阶段值：只列出方案设定的年份；其余年份按前后相邻的设定值（基础值、阶段值、目标值）线性推算"
            "（目标值以实际业务开展为准的指标不设阶段值）。",
            "Milestones: only those the plan sets are listed; in the other years the milestone "
            "is on the straight line between the figures the plan sets on either side (baseline, "
            "milestones, target; none where the target is per actual business).",
        ),
    }
)

#: Spreadsheets lzip does not read, by suffix, as ``report_is_other_workbook`` names them.
OTHER_WORKBOOKS = {
    ".et": Bilingual("WPS 表格文件（.et）", "a WPS spreadsheet file (.et)"),
    ".ods": Bilingual("OpenDocument 电子表格（.ods）", "an OpenDocument spreadsheet (.ods)"),
    ".numbers": Bilingual("Numbers 表格（.numbers）", "a Numbers spreadsheet (.numbers)"),
    ".xlsb": Bilingual("Excel 二进制工作簿（.xlsb）", "an Excel binary workbook (.xlsb)"),
}

# --- reports ---------------------------------------------------------------------------------
TEXTS.update(
    {
        "report_empty": ("报表为空：没有表头行", "the report is empty: no header row"),
        "report_is_xls": (
            "这是旧版 .xls 工作簿，请另存为 .xlsx 或 CSV",
            "this is an old .xls workbook; save it as .xlsx or CSV",
        ),
        "report_encrypted": (
            "工作簿设有打开密码（已加密），无法读取：请在 Excel 中打开，点“文件 → 信息 → 保护工作簿 → "
            "用密码进行加密”，清空密码后保存（WPS：文件 → 文档加密 → 密码加密），再交给 lzip",
            "the workbook is password-protected (encrypted) and cannot be read: open it in Excel, "
            "choose File → Info → Protect Workbook → Encrypt with Password, clear the password "
            "and save it (WPS: File → Document Encryption → Password Encryption), then give it "
            "to lzip again",
        ),
        "report_lock_file": (
            "这是 Excel 或 WPS 打开工作簿时建立的锁定文件（~$ 开头），不是报表：请指定工作簿本身，"
            "关闭工作簿后此文件会自行消失",
            "this is the lock file Excel or WPS makes while a workbook is open (its name starts "
            "with ~$), not a report: name the workbook itself; the file goes away when the "
            "workbook is closed",
        ),
        "report_apple_double": (
            "这是 macOS 复制文件到 U 盘或网络共享时在旁边建立的附属文件（._ 开头），不是报表："
            "请指定文件本身（名称去掉 ._ 的那个），此文件可以删除",
            "this is the companion file macOS makes beside a file copied to a USB stick or a "
            "network share (its name starts with ._), not a report: name the file itself (the "
            "name without ._); this one can be deleted",
        ),
        "report_is_other_workbook": (
            "这是 {kind}，lzip 不能读取：请用 Excel 或 WPS 打开后另存为 .xlsx",
            "this is {kind}, which lzip cannot read: open it in Excel or WPS and save it as .xlsx",
        ),
        "report_is_markup": (
            "这是网页（HTML）或 XML 表格，不是 CSV 或 .xlsx：请用 Excel 或 WPS 打开后另存为 .xlsx",
            "this is a web page (HTML) or XML table, not CSV or .xlsx: open it in Excel or WPS "
            "and save it as .xlsx",
        ),
        "report_is_xlsx": (
            "文件内容是 .xlsx 工作簿（扩展名不符），按 .xlsx 读取",
            "the file is an .xlsx workbook despite its name; read as .xlsx",
        ),
        "report_is_csv": (
            "文件内容是文本（CSV），不是 Excel 工作簿，按 CSV 读取",
            "the file is text (CSV), not an Excel workbook; read as CSV",
        ),
        "report_encoding": (
            "无法识别编码：请保存为 UTF-8 或 GBK（GB18030）编码的 CSV",
            "unrecognised encoding: save the CSV as UTF-8 or GBK (GB18030)",
        ),
        "line_too_long": (
            "行过长（超过 1 MiB），不像是报表",
            "line longer than 1 MiB: not a report",
        ),
        "csv_syntax": ("CSV 格式错误：{reason}", "malformed CSV: {reason}"),
        "duplicate_column": (
            "列 {header!r} 与第 {first} 列含义相同（{column_name}）",
            "column {header!r} means the same as column {first} ({column_name})",
        ),
        "missing_column": (
            "缺少必需的列 {headers}（可用的表头：{accepted}）",
            "the required column {headers} is missing (headers it may have: {accepted})",
        ),
        "missing_column_among": (
            "缺少必需的列 {headers}（无法识别的表头：{found}；可用的表头：{accepted}）",
            "the required column {headers} is missing (headers not recognised: {found}; "
            "headers it may have: {accepted})",
        ),
        "ignored_columns": (
            "已忽略无法识别的列：{headers}",
            "ignored unrecognised columns: {headers}",
        ),
        "agency_column_unnamed": (
            "{text!r} 是责任单位，但所在列的表头 {header!r} 无法识别，本表又没有责任单位列，"
            "各行会被当作全县数值：请把该列表头改为“责任单位”",
            "{text!r} is an agency, but lzip does not know its column's header {header!r} and "
            "the report has no agency column, so its rows would be taken as county-wide figures: "
            "head the column 责任单位 (or agency)",
        ),
        "thousands_split": (
            "数值 {value} 和其后一列的 {rest} 像是一个带千分位逗号的数 {number}：CSV 里的逗号把它分成了两列。"
            '请去掉逗号写作 {plain}，或给这个数加英文双引号（"{number}"）；用 Excel 或 WPS 另存为 CSV 时会自动加上',
            "{value} and {rest} in the next column look like one number with thousands separators, "
            "{number}: in CSV a comma separates columns. Write it as {plain} without the commas, or "
            'in double quotes ("{number}"); Excel and WPS quote it when they save CSV',
        ),
        "decimal_comma_split": (
            "数值 {value} 和其后一列的 {rest} 像是用逗号作小数点写的 {number}：CSV 里的逗号把它分成了两列。"
            "请改写为 {decimal}（小数点用英文句点“.”）",
            "{value} and {rest} in the next column look like {number} written with a decimal comma: "
            "in CSV a comma separates columns. Write it as {decimal}, with '.' as the decimal point",
        ),
        "comma_split": (
            "数值 {value} 和其后一列的 {rest} 像是被 CSV 的逗号分开的一个数 {number}：请核对，"
            "在数值列只填写一个数（不带逗号）",
            "{value} and {rest} in the next column look like one number, {number}, split by the "
            "CSV's comma: check it and write one number in the value column, without a comma",
        ),
        "decimal_comma_split_count": (
            "金额 {value}{unit}、{rest}{count_unit}也可能是用逗号作小数点写的 {number}{unit}，被 CSV 的逗号"
            "拆成了两列：若是，请改写为 {decimal}（小数点用英文句点“.”）；若填的正是 {value}{unit}、"
            "{rest}{count_unit}，可不理会",
            "{value} {unit} and {rest} {count_unit} may be {number} {unit} written with a decimal "
            "comma, split over two columns by the CSV's comma: if so, write it as {decimal}, with "
            "'.' as the decimal point; if {value} {unit} and {rest} {count_unit} is what was "
            "meant, ignore this",
        ),
        "thousands_split_count": (
            "金额 {value}{unit}、{rest}{count_unit}也可能是带千分位逗号的 {number}{unit}被 CSV 的逗号拆成了两列："
            '若是，请去掉逗号写作 {plain}，或给这个数加英文双引号（"{number}"）；'
            "若填的正是 {value}{unit}、{rest}{count_unit}，可不理会",
            "{value} {unit} and {rest} {count_unit} may be {number} {unit} with a thousands "
            "separator, split over two columns by the CSV's comma: if so, write it as {plain} without "
            'the comma, or in double quotes ("{number}"); if {value} {unit} and {rest} {count_unit} '
            "is what was meant, ignore this",
        ),
        "ragged_row": (
            "本行有 {cells} 个单元格，而表头只有 {expected} 列",
            "this row has {cells} cells but the header has {expected} columns",
        ),
        "duplicate_row": (
            "{agency}的指标 {indicator} 重复：第 {first} 行已填报",
            "indicator {indicator} for {agency} is reported twice: first at row {first}",
        ),
        "duplicate_row_elsewhere": (
            "{agency}的指标 {indicator} 重复：{first_file} 第 {first} 行已填报。"
            "如其中一个文件是被更正的旧报表，请把它移出报表目录",
            "indicator {indicator} for {agency} is reported twice: first in {first_file} "
            "at row {first}. If one of the files is a form since corrected, move it out of the "
            "reports",
        ),
        "duplicate_county_row_elsewhere": (
            "指标 {indicator} 的全县合计行（责任单位为空）重复：{first_file} 第 {first} 行已填报。"
            "如其中一个文件是被更正的旧报表，请把它移出报表目录",
            "indicator {indicator} has two county-wide rows (blank agency): first in {first_file} "
            "at row {first}. If one of the files is a form since corrected, move it out of the "
            "reports",
        ),
        "title_year_differs": (
            "标题写的是 {title} 年度，而报表年度为 {year} 年：如是沿用旧表，请核对数值并改正标题",
            "the title names {title}, but the report is for {year}: if last year's form was "
            "reused, check the figures and correct the title",
        ),
        "header_year_differs": (
            "数值列的表头写的是 {header} 年，而报表年度为 {year} 年：如是沿用旧表，请核对数值并改正表头",
            "the value column's header names {header}, but the report is for {year}: if last "
            "year's form was reused, check the figures and correct the header",
        ),
        "header_years_differ": (
            "表头 {headers} 各写一个年份（{years}），没有一列是报表年度 {year} 年：请核对报表年度"
            "（--year、文件名、年度列），或补上 {year} 年的列",
            "the headers {headers} each name a year ({years}), none the report's year {year}: "
            "check the report's year (--year, the file name, the year column) or add a column "
            "for {year}",
        ),
        "year_column_passed_over": (
            "已跳过 {header!r} 列：报表年度为 {report_year} 年，读取的是第 {read} 列 {read_header!r}",
            "column {header!r} is passed over: the report is for {report_year}, so column {read} "
            "{read_header!r} is read",
        ),
        "header_years_differ_between_files": (
            "各报表文件的年度不一致：{file_a} 为 {year} 年，本文件的表头 {headers} 各写一个年份"
            "（{years}），没有一列是 {year} 年：请核对本文件的年度，或补上 {year} 年的列",
            "the report files are for different years: {file_a} is for {year}, while this file's "
            "headers {headers} each name another year ({years}): check this file's year or add a "
            "column for {year}",
        ),
        "year_differs_between_files": (
            "各报表文件的年度不一致：{file_a} 为 {a} 年，本文件为 {b} 年",
            "the report files are for different years: {file_a} is for {a}, this file for {b}",
        ),
        "report_dir_of_years": (
            "目录中没有报表文件，只有各年度的文件夹（{years}）：请指定其中一个，如 {latest}",
            "the folder holds no report file, only folders of years ({years}): name one of "
            "them, such as {latest}",
        ),
        "report_dir_empty": (
            "目录中没有报表文件（.csv、.tsv、.txt、.xlsx、.xlsm、.xls、.et、.ods、.numbers、.xlsb）",
            "the directory holds no report files (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .et, .ods, "
            ".numbers, .xlsb)",
        ),
        "report_not_a_file": (
            "这不是普通文件（管道、设备或 FIFO）：lzip 只读取报表文件和目录，请先把内容保存为文件",
            "this is no regular file (a pipe, device or FIFO): lzip reads report files and "
            "folders only; save the content to a file first",
        ),
        "report_from_stdin": (
            "不支持从标准输入（-）读取报表：请给出报表的文件名（如 2024.csv）或所在目录（如 "
            "returns/2024/）",
            "reading a report from standard input (-) is not supported: name the report's file "
            "(such as 2024.csv) or its folder (such as returns/2024/)",
        ),
        "form_no_rows": (
            "只有表头，没有填报任何数值：已跳过，其余报表照常检查",
            "the form has a header but no figures: it is skipped and the other forms are checked "
            "as usual",
        ),
        "form_no_rows_agency": (
            "{agency}的报表只有表头，没有填报任何数值：已跳过，其余报表照常检查，"
            "{agency}应填报的指标按未填报计",
            "the form of {agency} has a header but no figures: it is skipped, the other forms are "
            "checked as usual, and what {agency} owes counts as not reported",
        ),
        "form_no_rows_county": (
            "全县合计行的报表只有表头，没有填报任何数值：已跳过，其余报表照常检查，"
            "全县数值按各单位填报的数值合计",
            "the form of the county-wide rows has a header but no figures: it is skipped, the "
            "other forms are checked as usual, and county figures are the sums of the agencies' "
            "rows",
        ),
        "form_empty": (
            "文件为空，没有填报任何数值：已跳过，其余报表照常检查",
            "the file is empty and holds no figures: it is skipped and the other forms are "
            "checked as usual",
        ),
        "form_blank_copy": (
            "{agency}的这份报表未填报任何数值，已跳过（可能是空白副本）；{agency}的数值取自 {other}。"
            "如无用处，可将其移出报表文件夹",
            "this form for {agency} holds no figures and is skipped (probably a blank copy); the "
            "figures for {agency} are read from {other}. If it is not needed, move it out of the "
            "report folder",
        ),
        "form_blank_copy_county": (
            "这份全县合计报表未填报任何数值，已跳过（可能是空白副本）；全县合计数取自 {other}。"
            "如无用处，可将其移出报表文件夹",
            "this county-wide form holds no figures and is skipped (probably a blank copy); the "
            "county totals are read from {other}. If it is not needed, move it out of the report "
            "folder",
        ),
        "form_blank_county_rows_elsewhere": (
            "这份全县合计报表未填报任何数值，已跳过；全县合计数取自其他报表中的全县合计行（如 {other}），"
            "没有合计行的指标按各单位数值合计",
            "this county-wide form holds no figures and is skipped; the county totals are read "
            "from the county-wide rows of other forms (such as {other}), and summed from the "
            "agencies' rows where there is none",
        ),
        "form_empty_agency": (
            "{agency}的报表文件为空，没有填报任何数值：已跳过，其余报表照常检查，"
            "{agency}应填报的指标按未填报计",
            "the form of {agency} is an empty file and holds no figures: it is skipped, the other "
            "forms are checked as usual, and what {agency} owes counts as not reported",
        ),
        "form_empty_county": (
            "全县合计行的报表文件为空，没有填报任何数值：已跳过，其余报表照常检查，"
            "全县数值按各单位填报的数值合计",
            "the form of the county-wide rows is an empty file and holds no figures: it is "
            "skipped, the other forms are checked as usual, and county figures are the sums of the "
            "agencies' rows",
        ),
        "form_unfilled": (
            "各行都没有填报数值（数值、笔数、备注均为空）：已跳过，其余报表照常检查",
            "the form's rows hold no figures (every value, count and note cell is blank): it is "
            "skipped and the other forms are checked as usual",
        ),
        "rows_of_titled_agency": (
            "报表没有责任单位列，标题写明填报单位是{agency}：各行按{agency}的数值读取",
            "the report has no agency column and its title names {agency} as who filled it in: "
            "the rows are read as {agency}'s figures",
        ),
        "rows_of_named_agency": (
            "报表没有责任单位列，文件名 {text!r} 写明了单位：各行按{agency}的数值读取",
            "the report has no agency column and its name {text!r} names an agency: the rows "
            "are read as {agency}'s figures",
        ),
        "header_unit_scale": (
            "表头 {header!r} 写明数值以 {text} 计，而指标 {indicator} 的金额以 {amount} 计，数值会差几个"
            "数量级：请把数值换算为 {amount} 后填写，并把表头的单位改为 {amount}",
            "the header {header!r} gives the figures in {text}, but indicator {indicator} counts its "
            "amount in {amount}, so the figure would be off by a power of ten: convert it to "
            "{amount} and put {amount} in the header",
        ),
        "units_row_scale": (
            "第 {row} 行的单位行写明数值以 {text} 计，而指标 {indicator} 的金额以 {amount} 计，数值会差几个"
            "数量级：请把数值换算为 {amount} 后填写，并把单位行改为 {amount}",
            "the units row (row {row}) gives the figures in {text}, but indicator {indicator} "
            "counts its amount in {amount}, so the figure would be off by a power of ten: convert "
            "it to {amount} and put {amount} in the units row",
        ),
        "unit_cell_scale": (
            "计量单位写作 {text!r}，而指标 {indicator} 的金额以 {amount} 计，数值会差几个数量级："
            "请把数值换算为 {amount} 后填写，并把计量单位改回 {unit}",
            "the unit cell says {text!r}, but indicator {indicator} counts its amount in "
            "{amount}, so the figure would be off by a power of ten: convert it to {amount} and "
            "put {unit} back in the unit cell",
        ),
        "unit_cell_other": (
            "计量单位写作 {text!r}，与指标 {indicator} 的单位 {unit} 不同：数值按 {unit} 读取",
            "the unit cell says {text!r}, but indicator {indicator} is counted in {unit}: the "
            "figure is read in {unit}",
        ),
        "report_link_outside": (
            "这是指向报表目录以外的文件 {target} 的符号链接：lzip 只读取目录中的报表，请把报表文件复制进来",
            "a symbolic link to {target}, outside the folder of reports: lzip reads only the "
            "forms in the folder; copy the form in instead",
        ),
        "xlsx_hidden_rows": (
            "读取了 {count} 个被隐藏的行中的数值（第 {rows} 行）：不是本年度数值的行请删除，"
            "其余请取消隐藏，以便看到读取的是什么",
            "the figures of {count} hidden {count:row|rows} are read ({count:row|rows} {rows}): "
            "delete those that are not this year's figures, and unhide the rest so that what is "
            "read can be seen",
        ),
        "rows_hidden_in_sheet": (
            "（第 {rows} 行在工作表中被隐藏，取消隐藏才能看到）",
            " ({count:row|rows} {rows} {count:is|are} hidden in the sheet: unhide"
            " {count:it|them} to see {count:it|them})",
        ),
        "row_hidden_in_other_sheet": (
            "（{file} 第 {row} 行在工作表中被隐藏，取消隐藏才能看到）",
            " (row {row} of {file} is hidden in its sheet: unhide it to see it)",
        ),
        "xlsx_hidden_columns": (
            "读取的列 {columns} 在工作表中被隐藏：请取消隐藏，以便看到读取的是什么",
            "{count:column|columns} {columns}, read, {count:is|are} hidden in the sheet: unhide "
            "{count:it|them} so that what is read can be seen",
        ),
        "rows_of_titled_agency_blank": (
            "责任单位列留空的行按{agency}的数值读取：标题写明填报单位是{agency}",
            "the rows whose agency cell is blank are read as {agency}'s figures: the title "
            "names {agency} as who filled the form in",
        ),
        "rows_of_named_agency_blank": (
            "责任单位列留空的行按{agency}的数值读取：文件名 {text!r} 写明了单位",
            "the rows whose agency cell is blank are read as {agency}'s figures: the form's "
            "name {text!r} names the agency",
        ),
        "rows_of_titled_agency_blank_county": (
            "标题写明填报单位是{agency}，但责任单位列留空的行中有{agency}不负责的指标 "
            "{indicators}：这些留空的行按全县合计读取。若是{agency}的数值，请在每行填写责任单位",
            "the title names {agency} as who filled the form in, but the rows whose agency "
            "cell is blank hold indicators {agency} is not responsible for ({indicators}): "
            "they are read as county-wide figures. If they are {agency}'s, fill in the agency "
            "cell of every row",
        ),
        "rows_of_named_agency_blank_county": (
            "文件名 {text!r} 写明了{agency}，但责任单位列留空的行中有{agency}不负责的指标 "
            "{indicators}：这些留空的行按全县合计读取。若是{agency}的数值，请在每行填写责任单位",
            "the form's name {text!r} names {agency}, but the rows whose agency cell is blank "
            "hold indicators {agency} is not responsible for ({indicators}): they are read as "
            "county-wide figures. If they are {agency}'s, fill in the agency cell of every row",
        ),
        "rows_of_titled_agency_county": (
            "报表没有责任单位列，标题写明填报单位是{agency}，但表中有{agency}不负责的指标 "
            "{indicators}：各行按全县合计读取。若是{agency}的数值，请加上“责任单位”列",
            "the report has no agency column and its title names {agency} as who filled it "
            "in, but it "
            "holds indicators {agency} is not responsible for ({indicators}): the rows are read "
            "as county-wide figures. If they are {agency}'s, add an agency column (责任单位)",
        ),
        "rows_of_named_agency_county": (
            "报表没有责任单位列，文件名 {text!r} 写明了{agency}，但表中有{agency}不负责的指标 "
            "{indicators}：各行按全县合计读取。若是{agency}的数值，请加上“责任单位”列",
            "the report has no agency column and its name {text!r} names {agency}, but it "
            "holds indicators {agency} is not responsible for ({indicators}): the rows are read "
            "as county-wide figures. If they are {agency}'s, add an agency column (责任单位)",
        ),
        "form_unfilled_agency": (
            "{agency}的报表各行都没有填报数值（数值、笔数、备注均为空）：已跳过，其余报表照常检查，"
            "{agency}应填报的指标按未填报计",
            "the form of {agency} holds no figures (every value, count and note cell is blank): "
            "it is skipped, the other forms are checked as usual, and what {agency} owes counts "
            "as not reported",
        ),
        "form_unfilled_county": (
            "全县合计行的报表各行都没有填报数值（数值、笔数、备注均为空）：已跳过，其余报表照常检查，"
            "全县数值按各单位填报的数值合计",
            "the form of the county-wide rows holds no figures (every value, count and note cell "
            "is blank): it is skipped, the other forms are checked as usual, and county figures "
            "are the sums of the agencies' rows",
        ),
        "duplicate_county_row": (
            "指标 {indicator} 的全县合计行（责任单位为空）重复：第 {first} 行已填报",
            "indicator {indicator} has two county-wide rows (blank agency): first at row {first}",
        ),
        "unknown_indicator": (
            "未知的指标 {text!r}：应为指标序号（如 4.3）或方案中的指标名称",
            "unknown indicator {text!r}: expected an id such as 4.3 or the name in the plan",
        ),
        "indicator_is_a_date": (
            "{text!r} 是日期：Excel 把指标 {id} 当成了日期。请把该列设为“文本”格式后重新填写 {id}",
            "{text!r} is a date: Excel took the indicator {id} for one. Format the column as "
            "Text and type {id} again",
        ),
        "blank_indicator": ("指标为空", "the indicator is blank"),
        "lzip_table_as_report": (
            "这是 lzip check 输出的结果表（{title!r}），不是报表：请检查各单位填报的报表"
            "（lzip 的输出不要放在报表所在的目录中）",
            "this is a table lzip check wrote ({title!r}), not a report: check the agencies' "
            "report instead (and keep lzip's output out of a folder of reports)",
        ),
        "lzip_output_as_report": (
            "这是 lzip 生成的欠账清单或检查结果（列 {header!r}），不是报表：其中的完成值是全县的数，"
            "不是本单位的填报。请用 lzip template 生成的报表填报本单位的数值",
            "this is a shortfall list or check result written by lzip (column {header!r}), not "
            "a report: its actual figures are the county's, not the agency's own. Fill in the "
            "agency's own figures on a form from `lzip template`",
        ),
        "lzip_output_workbook": (
            "这是 lzip 生成的检查结果或欠账清单（工作簿属性如此标明），不是报表：其中的完成值是全县的数，"
            "不是本单位的填报。请用 lzip template 生成的报表填报本单位的数值",
            "this workbook is a check result or shortfall list written by lzip (its properties "
            "say so), not a report: its actual figures are the county's, not the agency's own. "
            "Fill in the agency's own figures on a form from `lzip template`",
        ),
        "indicator_name_mismatch": (
            "指标名称 {text!r} 是指标 {named} 的名称，而本行的指标是 {indicator}（{indicator_name}）："
            "无法判断数值属于哪个指标，请改正其中一个",
            "the indicator name {text!r} is the name of indicator {named}, but the row's "
            "indicator is {indicator} ({indicator_name}): which one the figure is for cannot be "
            "told, correct one of them",
        ),
        "did_you_mean": ("；是否指 {suggestion!r}？", "; did you mean {suggestion!r}?"),
        "unit_in_agency_column": (
            "{text!r} 是计量单位，而这一列被当作责任单位读取：请把责任单位列的表头写作“责任单位”，"
            "计量单位列写作“计量单位”",
            "{text!r} is a unit of measure in the column read as the agency: head the agency "
            "column 责任单位 and the unit column 计量单位",
        ),
        "unknown_agency_cell": (
            "未知的责任单位 {text!r}：应为单位编号、名称或别名（全县合计留空或填“合计”）",
            "unknown agency {text!r}: expected an agency id, name or alias (blank or 'total' for "
            "the county)",
        ),
        "cell_not_a_number": (
            "{text!r} 不是数值：应为数字（可带单位 {units}），或 — 表示未开展，留空表示未填报",
            "{text!r} is not a figure: expected a number (optionally with {units}), — for "
            "not carried out, or blank for not reported",
        ),
        "cell_negative": (
            "{text!r} 为负数：数值不能为负",
            "{text!r} is negative: figures must be ≥ 0",
        ),
        "cell_too_large": (
            "{text!r} 数值过大：数值不能超过 {limit}，请检查是否多填了数字",
            "{text!r} is implausibly large: a figure may be at most {limit}; check for extra "
            "digits",
        ),
        "cell_rate_above_100": (
            "{text!r}：比率不能超过 100%",
            "{text!r}: a rate cannot exceed 100%",
        ),
        "cell_count_whole": (
            "{text!r}：笔数/件数应为整数",
            "{text!r}: a count must be a whole number",
        ),
        "header_repeated": (
            "这一行重复了表头：是否把两个文件拼接在了一起（copy /b a.csv+b.csv）？请删去这一行，"
            "或把各文件分别列出（lzip check a.csv b.csv）",
            "this row repeats the header: were two files joined (copy /b a.csv+b.csv)? Delete "
            "the row, or name the files one by one (lzip check a.csv b.csv)",
        ),
        "cell_hidden_format": (
            "{text!r} 的数字格式 {format!r} 不显示单元格所存的数（显示为空白或文字）："
            "请把单元格格式改为“常规”，填写数值，未开展填 —，未填报留空",
            "{text!r} has the number format {format!r}, which shows no number (a blank or a "
            "mark) for the figure the cell holds: set the cell's format to General and type the "
            "figure, — for not carried out, or leave it blank if not reported",
        ),
        "cell_scaled_format": (
            "{text!r} 的数字格式 {format!r} 显示的不是单元格所存的数（按万、千缩放显示）："
            "请把单元格格式改为“常规”，直接填写以“{expected}”计的数值",
            "{text!r} has the number format {format!r}, which shows another number than the "
            "cell holds (scaled to 万 or thousands): set the cell's format to General and type "
            "the figure in {expected}",
        ),
        "cell_value_whole": (
            "{text!r}：以“{expected}”计的数值应为整数",
            "{text!r}: a figure in {expected} must be a whole number",
        ),
        "count_not_compound": (
            "指标 {indicator} 不填笔数/件数（方案中填笔数/件数的指标：{counted}）",
            "indicator {indicator} takes no count (the plan's indicators with a count: {counted})",
        ),
        "cell_not_a_year": ("{text!r} 不是年份", "{text!r} is not a year"),
        "year_cells_differ": (
            "年度列出现不同年份（{years}）：第 {row_a} 行为 {a}，本行为 {b}：一份报表只填一个年度，"
            "请只保留报表年度的行，其他年度的行请删除",
            "the year column holds different years ({years}): {a} in row {row_a}, {b} in this "
            "row: a report is of one year: keep the rows of the report's year only, and delete "
            "the others",
        ),
        "year_cells_differ_known": (
            "年度列出现不同年份（{years}）：第 {row_a} 行为 {a}，本行为 {b}：报表年度为 {year}，"
            "请只保留 {year} 年的行，其他年度的行请删除",
            "the year column holds different years ({years}): {a} in row {row_a}, {b} in this "
            "row: the report is of {year}: keep its {year} rows only, and delete the others",
        ),
        "year_unknown": (
            "无法确定报表年度：请用 --year 指定，或在文件名中写明年份（如 2024.csv）",
            "cannot tell the report's year: pass --year or put it in the file name (2024.csv)",
        ),
        "year_unknown_header_years": (
            "无法确定报表年度：表头 {headers} 各写一个年份（{years}）。请用 --year 指定报表年度，"
            "读取该年的一列（如 --year {last}）",
            "cannot tell the report's year: the headers {headers} each name a year ({years}); "
            "pass --year to choose the year whose column is read (--year {last})",
        ),
        "amount_count_disagree": (
            "金额 {amount} 与笔数 {count} 不相符：有金额应有笔数，未开展（—）或 0 则两者皆然；"
            "请核对本行",
            "the amount {amount} and the count {count} disagree: an amount comes with deals, and "
            "not carried out (—) or 0 goes for both; check the row",
        ),
        "value_without_count": (
            "金额 {amount}（{unit}）没有填写笔数/件数（{count_unit}）：全县的笔数/件数因此未知；"
            "请填写笔数，或 0",
            "the amount {amount} ({unit}) has no count ({count_unit}) beside it: the county's "
            "count is unknown until it is filled in",
        ),
        "value_without_count_agency": (
            "金额 {amount}（{unit}）没有填写笔数/件数（{count_unit}）：本单位的笔数/件数未知，"
            "没有全县合计行时全县的也未知；请填写笔数，或 0",
            "the amount {amount} ({unit}) has no count ({count_unit}) beside it: this agency's "
            "count is unknown, and so is the county's unless a county-wide row gives it",
        ),
        "count_without_value": (
            "笔数/件数 {count} 没有对应的金额（{unit}）：本行按未填报计；请填写金额（该项工作未开展的，"
            "在金额填 — 并将笔数/件数留空）",
            "the count {count} has no amount ({unit}) beside it: the row counts as not reported; "
            "fill in the amount (if the work was not carried out, — in the amount and the count "
            "left blank)",
        ),
        "total_row": (
            "{text!r} 行已跳过：lzip 自行汇总各单位的数值；全县数值请填在指标对应的行（责任单位留空）",
            "the {text!r} row is skipped: lzip adds up the agencies' figures itself; put a county "
            "figure on the indicator's own row with the agency left blank",
        ),
        "rate_as_fraction": (
            "{text} 按 {value}% 计；如指 {percent}%，请填写 {percent} 或 {percent}%",
            "{text} is read as {value} %; if {percent} % is meant, write {percent} or {percent}%",
        ),
        "year_name_date": (
            "无法确定报表年度：文件名 {name} 中的 {dates} 读作日期（月或日），不作报表年度。"
            "请用 --year 指定",
            "cannot tell the report's year: {dates} in the name {name} reads as a date (a month "
            "or a day), not as the report's year; pass --year",
        ),
        "year_name_ambiguous": (
            "无法确定报表年度：{name} 的名称中有多个年份（{years}）。请用 --year 指定",
            "cannot tell the report's year: the name {name} holds several years ({years}); "
            "pass --year",
        ),
        "year_option_over_name": (
            "--year {option} 与文件名（或所在文件夹名）中的 {name} 年不同：按 {option} 年度评估",
            "--year {option} differs from the year {name} in the file or folder name: judged as "
            "{option}",
        ),
        "years_named_differ_option": (
            "名称中的年份为 {name} 年，而 --year 为 {option}：其中的行与其他报表重复。"
            "不同年度的报表请分别检查",
            "its name gives the year {name}, but --year is {option}, and its rows repeat "
            "another report's: check each year's reports on their own",
        ),
        "year_conflict_option": (
            "报表年度相互矛盾：--year 为 {option}，年度列中为 {column}",
            "the report's year is contradictory: --year {option}, year column {column}",
        ),
        "year_conflict_name": (
            "报表年度相互矛盾：文件（夹）名中为 {name}，年度列中为 {column}",
            "the report's year is contradictory: file or folder name {name}, year column {column}",
        ),
        "year_conflict": (
            "报表年度相互矛盾：--year 为 {option}，文件（夹）名中为 {name}，年度列中为 {column}",
            "the report's year is contradictory: --year {option}, file or folder name {name}, "
            "year column {column}",
        ),
        "xlsx_needs_openpyxl": (
            "读写 .xlsx 需要 openpyxl，它没有装上：pip install openpyxl",
            "reading or writing .xlsx needs openpyxl, which is not installed: pip install openpyxl",
        ),
        "xlsx_unreadable": (
            "无法读取 .xlsx 工作簿：{reason}",
            "cannot read the .xlsx workbook: {reason}",
        ),
        "xlsx_damaged": (
            "工作簿已损坏或不完整，无法读取：请在 Excel 或 WPS 中打开后重新保存，"
            "或请报送单位重新发送（技术信息：{reason}）",
            "the workbook is damaged or incomplete and cannot be read: open it in Excel or WPS "
            "and save it again, or ask the agency that sent it to send it again (details: {reason})",
        ),
        "xlsx_cell_damaged": (
            "此单元格的格式已损坏（指向文件中没有的样式），无法读取：请在 Excel 或 WPS "
            "中打开后重新保存，再交给 lzip",
            "this cell's format is damaged (it points at a style the file does not hold) and "
            "cannot be read: open the workbook in Excel or WPS, save it again, and give that "
            "to lzip",
        ),
        "xlsx_sheet_cell_damaged": (
            "工作表 {sheet!r} 中有单元格已损坏（其值与文件中记录的类型不符，或指向文件中没有的文字），"
            "无法读取：请在 Excel 或 WPS 中打开后重新保存，再交给 lzip",
            "a cell of the sheet {sheet!r} is damaged (its value does not match the type the file "
            "records, or it points at text the file does not hold) and cannot be read: open the "
            "workbook in Excel or WPS, save it again, and give that to lzip",
        ),
        "xlsx_strict": (
            "工作簿保存为“Strict Open XML 电子表格”格式，lzip 不支持：请在 Excel 中打开，"
            "另存为“Excel 工作簿 (*.xlsx)”",
            "the workbook is saved as a Strict Open XML Spreadsheet, which lzip does not read: "
            "open it in Excel and save it as 'Excel Workbook (*.xlsx)'",
        ),
        "missing_column_other_sheets": (
            "lzip 只读取第一个工作表 {sheet!r}，本文件另有 {count} 个工作表（{others}）："
            "如报表在其中，请把它移到第一个工作表",
            "lzip reads only the first sheet {sheet!r}; this file has {count} more ({others}): "
            "if the report is on one of them, move it to the first place",
        ),
        "xlsx_other_sheets": (
            "只读取第一个工作表 {sheet!r}，另有 {count} 个工作表被忽略（{others}）",
            "only the first sheet {sheet!r} is read; {count} other {count:sheet|sheets} ignored "
            "({others})",
        ),
        "xlsx_other_sheets_hold_figures": (
            "除读取的工作表 {sheet!r} 外，另有 {count} 个工作表也填有数值（{others}）：每个工作簿只"
            "读取一个工作表，其余表中的数值会被遗漏。如是副本或旧版，请删除不再使用的工作表；如是"
            "各单位的表格，请分别另存为文件、放在同一文件夹中一起读取，或把各行合并到一个工作表中",
            "besides the sheet {sheet!r} that is read, {count} other {count:sheet holds|sheets "
            "hold} figures too ({others}): one sheet of a workbook is read, and the figures of "
            "the others would be lost. Delete the sheets no longer in use (a copy, an old "
            "version); if they are other agencies' forms, save each as a file of its own and "
            "read the folder, or put all rows on one sheet",
        ),
        "xlsx_other_sheets_year": (
            "读取名称为报表年度 {year} 年的工作表 {sheet!r}，另有 {count} 个工作表被忽略（{others}）",
            "the sheet {sheet!r}, named for the report's year {year}, is read; {count} other "
            "{count:sheet|sheets} ignored ({others})",
        ),
        "sheet_year_differs": (
            "读取的工作表 {sheet!r} 名称为 {sheet_year} 年，而报表年度为 {year}：可能是上一年的报表。"
            "请把 {year} 年的报表移到第一个工作表，或将其工作表命名为 {year}年",
            "the sheet read, {sheet!r}, is named for {sheet_year} but the report is for {year}: it "
            "may be last year's report. Move the {year} report to the first sheet, or name its "
            "sheet {year}",
        ),
        "sheet_year_after_name": (
            "读取的工作表 {sheet!r} 名称中的年份为 {sheet_year} 年，而文件名或文件夹名中为 {year} 年。"
            "若这是 {sheet_year} 年的报表，请更正文件名或文件夹名（表中若填有年份，一并更正）；"
            "若这是 {year} 年的报表，请将此工作表改名为“{year}年”；若 {year} 年的报表在另一个工作表中，"
            "请把那个工作表移到最前面",
            "the sheet read, {sheet!r}, is named for {sheet_year} but the file or folder name says "
            "{year}. If it is the {sheet_year} report, correct the name (and any year the form "
            "gives); if it is the {year} report, rename this sheet {year}; if the {year} report "
            "is on another sheet, move that sheet to the front",
        ),
        "sheet_year_later": (
            "读取的工作表 {sheet!r} 名称中的年份为 {sheet_year} 年，晚于报表年度 {year} 年。"
            "若这是 {sheet_year} 年的报表，请用 --year {sheet_year} 检查（表中若填有年份，一并更正）；"
            "若这是 {year} 年的报表，请将此工作表改名为“{year}年”；若 {year} 年的报表在另一个工作表中，"
            "请把那个工作表移到最前面",
            "the sheet read, {sheet!r}, is named for {sheet_year}, later than the report's year, "
            "{year}. If it is the {sheet_year} report, run with --year {sheet_year} (and correct "
            "any year the form gives); if it is the {year} report, rename this sheet {year}; if "
            "the {year} report is on another sheet, move that sheet to the front",
        ),
        "sheet_year_after_form": (
            "读取的工作表 {sheet!r} 名称中的年份为 {sheet_year} 年，而报表中所填的年份为 {year} 年"
            "（年度列、表头或标题，或同一报表的其他文件）。若这是 {year} 年的报表，请将此工作表改名为"
            "“{year}年”；若是 {sheet_year} 年的，请更正报表中所填的年份",
            "the sheet read, {sheet!r}, is named for {sheet_year} but the report says {year} (its "
            "year column, header or title, or another file of the report). If it is the {year} "
            "report, rename this sheet {year}; if it is the {sheet_year} report, correct the year "
            "the report gives",
        ),
        "sheet_year_hidden": (
            "读取的工作表 {sheet!r} 名称为 {sheet_year} 年，而报表年度为 {year}；名为 {year} 年的工作表 "
            "{hidden} 已隐藏，不会读取。请在 Excel 或 WPS 中取消隐藏该工作表（右键工作表标签 → 取消隐藏）",
            "the sheet read, {sheet!r}, is named for {sheet_year} but the report is for {year}; the "
            "sheet named for {year}, {hidden}, is hidden and is not read. Unhide it in Excel or WPS "
            "(right-click a sheet tab → Unhide)",
        ),
        "sheet_year_several": (
            "读取的工作表 {sheet!r} 名称为 {sheet_year} 年，而报表年度为 {year}；有 {count} 个工作表"
            "名称为 {year} 年（{titles}），无法确定读取哪一个。请只保留一个，或把要读取的移到第一个工作表",
            "the sheet read, {sheet!r}, is named for {sheet_year} but the report is for {year}; "
            "{count} sheets are named for {year} ({titles}), so which one to read is unclear. Keep "
            "only one, or move the one to read to the first sheet",
        ),
        "too_many_rows": ("行数过多", "too many rows"),
        "xlsx_too_large": (
            "工作簿解压后有 {size} MB，超过上限 {limit} MB（可能是“压缩炸弹”）；请只保留报表所在的工作表",
            "the workbook unpacks to {size} MB, more than the {limit} MB lzip reads (it may be a "
            "zip bomb); keep only the report's sheet",
        ),
        "xlsx_strings_too_large": (
            "工作簿的共享文本（xl/sharedStrings.xml）解压后有 {size} MB，超过上限 {limit} MB（可能是“压缩炸弹”）",
            "the workbook's shared strings (xl/sharedStrings.xml) unpack to {size} MB, more than "
            "the {limit} MB lzip reads (it may be a zip bomb)",
        ),
        # --- evaluation ---------------------------------------------------------------------
        "agency_not_responsible": (
            "{agency}不是指标 {indicator} 的责任单位，其数值仍计入",
            "{agency} is not responsible for indicator {indicator}; its figure is counted anyway",
        ),
        "agency_not_responsible_ignored": (
            "{agency}不是指标 {indicator} 的责任单位，其数值不计入考核（该指标由各责任单位分别考核）",
            "{agency} is not responsible for indicator {indicator}; its figure is not counted "
            "(each responsible agency is judged on its own)",
        ),
        "agency_not_responsible_county_row": (
            "{agency}不是指标 {indicator} 的责任单位，其数值不计入：全县数以全县合计行为准",
            "{agency} is not responsible for indicator {indicator}; its figure is not counted: "
            "the county row stands for the county",
        ),
        "county_row_each": (
            "指标 {indicator} 由各单位分别考核，全县合计行被忽略",
            "indicator {indicator} is judged per agency; the county-wide row is ignored",
        ),
        "county_differs_from_sum": (
            "指标 {indicator} 的全县合计 {county:g} 与各单位之和 {total:g} 不一致，以全县合计为准",
            "indicator {indicator}: the county figure {county:g} differs from the agencies' sum "
            "{total:g}; the county figure stands",
        ),
        "headless_column": (
            "{text!r} 所在的列没有表头，该列不被读取：数值请填在“数值”列，或给这一列加上表头",
            "{text!r} is in a column without a header, which is not read: put a figure in the "
            "value column, or give the column a header",
        ),
        "stock_figure_repeated": (
            "指标 {indicator} 是年末存量：{agency}填报的 {value:g} 与{other}相同，全县数按各单位之和"
            "计为 {total:g}；若这是全县数，请只填一行全县合计（责任单位留空）",
            "indicator {indicator} is a year-end stock: {agency} reports {value:g}, as {other} "
            "does, and the county figure is their sum, {total:g}; if {value:g} is the county's, "
            "give it once, on a county row (agency left blank)",
        ),
        "county_count_differs_from_sum": (
            "指标 {indicator} 的全县合计笔数 {county:g} 与各单位笔数之和 {total:g} 不一致，以全县合计为准",
            "indicator {indicator}: the county count {county:g} differs from the agencies' sum "
            "{total:g}; the county count stands",
        ),
        "year_before_plan": (
            "报表年度 {year} 早于方案的基础年 {first} 年：各指标的阶段值按基础值计",
            "report year {year} is before the plan's base year {first}: every milestone is the "
            "baseline",
        ),
        "year_after_plan": (
            "报表年度 {year} 晚于方案的目标年 {last} 年：各指标的阶段值按 {last} 年目标值计",
            "report year {year} is after the plan's target year {last}: every milestone is the "
            "{last} target",
        ),
        "rate_needs_county_row": (
            "指标 {indicator} 是比率，不能相加：有多个单位行（第 {rows} 行），请填写全县合计行（责任单位留空）",
            "indicator {indicator} is a rate and cannot be summed: several agency rows ({rows}); "
            "add a county-wide row (blank agency)",
        ),
    }
)

# --- check output ----------------------------------------------------------------------------
TEXTS.update(
    {
        "status_not-reported": ("未填报", "not reported"),
        "status_tracked": ("仅跟踪", "tracked"),
        "status_own_figure_missing": ("缺本单位数据", "own figure missing"),
        "status_achieved": ("已达标", "achieved"),
        "status_on-track": ("进度正常", "on track"),
        "status_behind": ("滞后", "behind"),
        "regressed": ("低于基础值", "regressed"),
        "regressed_decrease": ("高于基础值", "regressed"),
        "check_title": ("{title} · {year} 年度完成情况", "{title} · progress in {year}"),
        "check_summary": ("指标状态：{counts}", "Indicators by status: {counts}"),
        "milestone_explained": (
            "阶段值：{year} 年应达到的数值（方案未设定时按前后相邻的设定值线性推算）",
            "Milestone: the figure due in {year} (where the plan sets none, on the straight line "
            "between the figures it sets on either side)",
        ),
        "completion_explained": (
            "完成率：完成值占目标值的比例",
            "Of target: the actual figure as a share of the target",
        ),
        "col_milestone": ("阶段值", "Milestone"),
        "col_actual": ("完成值", "Actual"),
        "col_own": ("本单位", "Own"),
        "col_gap_milestone": ("距阶段值", "To milestone"),
        "col_gap_target": ("距目标", "To target"),
        "col_progress": ("完成率", "Of target"),
        "col_status": ("状态", "Status"),
        "col_count": ("笔数/件数", "Count"),
        "col_others": ("共同责任单位", "Shared with"),
        "col_needed": ("下一阶段尚需", "Needed by next milestone"),
        "agency_heading": ("{name}（{id}）", "{name} ({id})"),
        "agency_heading_continued": ("{name}（{id}，续）", "{name} ({id}, continued)"),
        "shortfalls_count": ("欠账 {count} 项", "{count} {count:shortfall|shortfalls}"),
        "no_shortfalls": ("无欠账", "no shortfalls"),
        "warnings_heading": ("警告", "Warnings"),
        # check -o FILE.xlsx: a first sheet that sums the check up, a last one of the warnings
        "xlsx_summary_sheet": ("汇总", "Summary"),
        "xlsx_warnings_note": (
            "另有 {count} 条警告，见“警告”工作表。",
            "{count} {count:warning|warnings}: see the Warnings sheet.",
        ),
        "col_code": ("代码", "Code"),
        "col_file": ("文件", "File"),
        "col_line": ("行", "Row"),
        "col_column": ("列", "Column"),
        "col_message": ("说明", "Message"),
        "agency_owns_nothing": (
            "{agency}没有负责的量化指标",
            "{agency} owns none of the plan's quantitative indicators",
        ),
    }
)

TEXTS["report_ok"] = ("OK：{file}", "OK: {file}")
TEXTS["per_actual_tiny"] = ("按实际", "per actual")

# --- shortfall lists and templates ----------------------------------------------------------
TEXTS.update(
    {
        "sf_title": (
            "{name}{year}年度知识产权量化指标督办清单",
            "{name}: IP indicators still owed for {year}",
        ),
        "sf_intro": (
            "依据《{title}》{document}确定的量化指标，贵单位{year}年度负责或参与的以下{count}项"
            "指标滞后或未填报，请于督查考核前落实。",
            "Under the quantitative indicators of the {title}{document}, your agency has "
            "{count} {count:indicator|indicators} behind or not reported for {year}; please act "
            "on {count:it|them} before the annual assessment.",
        ),
        "sf_intro_own_missing": (
            "依据《{title}》{document}确定的量化指标，贵单位{year}年度负责或参与的以下{count}项"
            "指标滞后、未填报或缺本单位数据，请于督查考核前落实。",
            "Under the quantitative indicators of the {title}{document}, your agency has "
            "{count} {count:indicator|indicators} behind, not reported or missing its own figure "
            "for {year}; please act on {count:it|them} before the annual assessment.",
        ),
        "sf_intro_document": ("（{document}）", " ({document})"),
        "sf_footer": (
            "注：阶段值为本年度按方案应达到的数值；完成值为考核所用的数值，几个单位共同负责的指标为全县合计，"
            "本单位填报为贵单位报送的数值；“未填报”表示没有报送数值，“未开展”表示报送单位注明该项"
            "工作未开展，“缺本单位数据”表示全县数由各单位数据相加而缺贵单位的数据，“—”表示方案"
            "未设定（不同于填报表中表示未开展的“—”）。由 lzip 生成。",
            "Milestone: the figure due this year under the plan; actual: the figure judged, the "
            "county's total where several agencies share the indicator; own figure: the one your "
            "agency sent; not reported: no figure was sent; not carried out: the agency reported "
            "the work as not done; own figure missing: the county's figure is the agencies' "
            'sum, and yours is not in it; "—": the plan sets none (unlike the "—" of a report '
            "form, which means not carried out). Generated by lzip.",
        ),
        "sf_col_agency": ("责任单位", "Agency"),
        "sf_col_id": ("序号", "ID"),
        "sf_col_name": ("指标", "Indicator"),
        "sf_col_unit": ("计量单位", "Unit"),
        "sf_col_milestone": ("{year}年阶段值", "{year} milestone"),
        "sf_col_target": ("目标值", "Target"),
        "sf_col_actual": ("完成值", "Actual"),
        "sf_col_own": ("本单位填报", "Own figure"),
        "sf_col_gap_to_milestone": ("距阶段值", "To milestone"),  # as check says it
        "sf_col_gap_to_target": ("距目标", "To target"),
        "sf_col_status": ("状态", "Status"),
        "sf_col_others": ("共同责任单位", "Shared with"),
        "sf_col_needed": ("下一阶段要求", "Needed by next milestone"),
        "sf_col_note": ("本单位备注", "Your note"),
        "sf_col_count": ("欠账项数", "Shortfalls"),
        "sf_col_indicators": ("欠账指标", "Indicators owed"),
        "sf_col_file": ("清单文件", "List file"),
        "sf_clear": ("无欠账", "no shortfalls, no list"),
        "sf_not_written": ("本次未生成清单", "no list written in this run"),
        "sf_index_title": ("{year}年度督办清单索引", "Shortfall lists for {year}: index"),
        # Sheet names of the .xlsx lists (Excel allows 31 characters and no []:*?/\).
        "sf_sheet": ("{year}年督办清单", "Shortfalls {year}"),
        "sf_index_sheet": ("{year}年索引", "Index {year}"),
        "sf_index_intro": (
            "{total}个责任单位中有{owing}个存在欠账。",
            "{owing} of {total} {total:agency|agencies} {owing:has|have} shortfalls.",
        ),
        "sf_index_intro_none": (
            "{total}个责任单位中没有单位存在欠账。",
            "No agency has shortfalls ({total} {total:agency|agencies} checked).",
        ),
        # What an agency's list asks for by the next milestone (下一阶段要求). A shared
        # indicator's milestone is the county's figure, which several agencies make together:
        # the text says so ("全县…"), and only an each-scope one speaks of the agency's own.
        "needed_reach": ("{year}年应达到{target}", "reach {target} by {year}"),
        "needed_reach_county": (
            "全县{year}年应达到{target}",
            "the county must reach {target} by {year}",
        ),
        "needed_down": ("{year}年应降至{target}", "bring it down to {target} by {year}"),
        "needed_down_county": (
            "全县{year}年应降至{target}",
            "the county must bring it down to {target} by {year}",
        ),
        "needed_in_year": (
            "{year}年全年应达到{target}（按年重新计数）",
            "reach {target} within {year} (counted anew each year)",
        ),
        "needed_in_year_county": (
            "全县{year}年全年应达到{target}（按年重新计数）",
            "the county must reach {target} within {year} (counted anew each year)",
        ),
        "needed_in_year_down": (
            "{year}年全年应不超过{target}（按年重新计数）",
            "at most {target} within {year} (counted anew each year)",
        ),
        "needed_in_year_down_county": (
            "全县{year}年全年应不超过{target}（按年重新计数）",
            "the county must stay at or below {target} within {year} (counted anew each year)",
        ),
        "needed_still": ("{requirement}，尚差{more}", "{requirement}: {more} more"),
        "needed_still_down": (
            "{requirement}，尚需降低{more}",
            "{requirement}: still {more} too high",
        ),
        "needed_report": ("请补报本年数据", "report this year's figure"),
        "needed_report_amount": ("请补报本年金额（{unit}）", "report this year's amount ({unit})"),
        "needed_report_amount_count": (
            "请补报本年金额（{unit}）和{count_unit}数",
            "report this year's amount ({unit}) and count ({count_unit})",
        ),
        "needed_report_own": (
            "请补报本单位本年数据（全县数为各单位数据之和，目前缺贵单位数据）",
            "send your own figure for this year (the county's is the sum of the agencies' "
            "figures, and yours is missing)",
        ),
        "needed_report_own_amount": (
            "请补报本单位本年金额（{unit}）（全县数为各单位数据之和，目前缺贵单位数据）",
            "send your own amount ({unit}) for this year (the county's is the sum of the "
            "agencies' figures, and yours is missing)",
        ),
        "needed_report_own_amount_count": (
            "请补报本单位本年金额（{unit}）和{count_unit}数（全县数为各单位数据之和，目前缺贵单位数据）",
            "send your own amount ({unit}) and count ({count_unit}) for this year (the county's "
            "is the sum of the agencies' figures, and yours is missing)",
        ),
        "needed_report_then": ("{report}；{requirement}", "{report}; {requirement}"),
        "output_is_input": ("不能写入：这是输入文件", "refusing to write over an input file"),
        "output_in_report_folder": (
            "不能写入报表所在的目录：下次读取该目录时，它会被当作报表读入。请写到其他目录",
            "refusing to write into the folder read as the report: the next run would read this "
            "file as a report too; write it somewhere else",
        ),
        "output_is_directory": ("不能写入：这是一个目录", "cannot write: this is a directory"),
        "output_exists": (
            "文件已存在；如需覆盖请加 --force",
            "the file exists already; pass --force to overwrite it",
        ),
        "out_not_directory": (
            "{option} 应为文件夹，而这是一个文件：请给出文件夹路径",
            "{option} must be a folder, not a file: give a folder",
        ),
        "out_looks_like_a_file": (
            "--out 是写入清单的目录，而这像是文件名（{suffix}）；请给出目录，如 --out 督办清单，"
            "格式用 --format 指定",
            "--out names the folder the lists are written to, and this looks like a file name "
            "({suffix}); give a folder, such as --out lists, and the format with --format",
        ),
        "cannot_write": ("无法写入：{reason}", "cannot write: {reason}"),
        "output_folder_missing": (
            "无法写入：目录 {folder} 不存在，请先创建它",
            "cannot write: folder {folder} does not exist; create it first",
        ),
        "cannot_write_locked": (
            "无法写入：{reason}。如文件正在 Excel 或 WPS 中打开，请先关闭它",
            "cannot write: {reason}. If the file is open in Excel or WPS, close it first",
        ),
        "output_format_unknown": (
            "无法从文件后缀判断输出格式：请用 --format 指定，或使用后缀 {suffixes}",
            "cannot tell the output format from the suffix: pass --format, or use {suffixes}",
        ),
        "wrote_files": (
            "已写入 {count} 个文件到 {directory}",
            "wrote {count} {count:file|files} to {directory}",
        ),
        "lists_need_out": (
            "{format} 格式的清单需要 --out 指定写入的目录",
            "lists in {format} need --out naming the directory to write them to",
        ),
        "stale_list": (
            "这是以前生成的清单：{agency}本次没有欠账，请勿发送，或将其删除",
            "a list from an earlier run: {agency} owes nothing now; do not send it, or delete it",
        ),
        "stale_list_format": (
            "这是报表或方案修改前生成的另一格式的清单，数字可能已过时；本次写入的是 {new}",
            "a list in another format from a run before a report or the plan changed; its "
            "figures may be out of date. This run wrote {new}",
        ),
        "stale_list_other_year": (
            "这是以前生成的 {other} 年度清单；本次是 {year} 年度，未重写它，索引也未列入",
            "a list for {other} from an earlier run; this run is for {year}, did not rewrite it "
            "and does not name it in the index",
        ),
        "not_a_list": (
            "文件名与{agency}的督办清单相同，但不是 lzip 生成的清单：请勿作为清单发送；请将其改名或移出此文件夹",
            "has the file name of the list for {agency} but is not a list lzip wrote: do not send "
            "it as one; rename it or move it out of this folder",
        ),
        "list_unreadable": (
            "无法作为 {year} 年度的清单读取，索引也未列出它：请勿作为清单发送；如需该单位的清单，"
            "请在 --agency 中加入该单位（或不加 --agency）重新运行 shortfalls",
            "cannot be read as a list for {year}, and the index does not name it: do not send it "
            "as a list; to have this agency's list, run shortfalls again with the agency in "
            "--agency (or without --agency)",
        ),
        "list_differs_not_rewritten": (
            "与按当前数据生成的清单不同（可能经过手工修改），本次未重写（--agency 未选该单位）；"
            "索引仍指向它",
            "differs from the list the figures now make (edited by hand?), and was not rewritten "
            "by this run (--agency left its agency out); the index still names it",
        ),
        "stale_list_not_rewritten": (
            "这是报表或方案修改前生成的清单，本次未重写（--agency 未选该单位），数字可能已过时；"
            "索引仍指向它",
            "a list from a run before a report or the plan changed, not rewritten by this run "
            "(--agency left its agency out); its figures may be out of date, and the index "
            "still names it",
        ),
        "template_years_differ": (
            "与参数 YEAR（{year}）不同",
            "differs from the YEAR argument ({year})",
        ),
        "per_agency_output_is_a_file": (
            "--per-agency 时 -o 是存放各单位表格的目录，不是文件名",
            "with --per-agency, -o names the folder for the agencies' forms, not a file",
        ),
        "per_agency_output_is_a_file_xlsx": (
            "--per-agency 时 -o 是存放各单位表格的目录，不是文件名；xlsx 表格请加 -f xlsx",
            "with --per-agency, -o names the folder for the agencies' forms, not a file; for "
            ".xlsx forms add -f xlsx",
        ),
        "per_agency_needs_output": (
            "--per-agency 需要 -o 指定写入表格的目录",
            "--per-agency needs -o naming the directory for the forms",
        ),
        "output_format_mismatch": (
            "后缀 {suffix} 与 --format {format} 不符：请改用相应的后缀，或去掉 --format",
            "the suffix {suffix} does not match --format {format}: use the format's suffix, or "
            "leave --format out",
        ),
        "xlsx_needs_output": (
            "xlsx 格式需要 -o/--output 指定写入的文件",
            "the xlsx format needs -o/--output naming the file to write",
        ),
        "xlsx_not_to_stdout": (
            "xlsx 工作簿不能写到标准输出（-o -）；请用 -o 指定 .xlsx 文件",
            "an xlsx workbook cannot go to standard output (-o -); name a .xlsx file with -o",
        ),
        "tpl_col_year": ("年度", "year"),
        "tpl_col_indicator": ("指标", "indicator"),
        "tpl_col_name": ("指标名称", "name"),
        "tpl_col_unit": ("计量单位", "unit"),
        "tpl_col_agency": ("责任单位", "agency"),
        "tpl_col_value": ("数值", "value"),
        "tpl_col_count": ("笔数/件数", "count"),
        "tpl_col_note": ("备注", "note"),
        "tpl_prompt": (
            "填写数字（比率填 0–100）；未开展填 —；未掌握数据请留空",
            "Enter a number (rates 0–100); — for not carried out; leave blank if unknown",
        ),
        "tpl_prompt_count": (
            "填写整数，与金额同时填写；未开展的在金额填 — 并将笔数/件数留空",
            "Enter a whole number, with the amount; if not carried out, — in the amount and this "
            "left blank",
        ),
        "tpl_county_name": (
            "{name}（全县合计，责任单位留空）",
            "{name} (county-wide: leave agency blank)",
        ),
    }
)

TEXTS["sf_above"] = ("见上文", "above")

# --- bad input (issue 5) ---------------------------------------------------------------------
TEXTS.update(
    {
        "report_no_rows": (
            "报表只有表头，没有数据行：是否选错了文件？",
            "the report has a header but no data rows: is it the right file?",
        ),
        "report_utf16": (
            "这是不带字节顺序标记（BOM）的 UTF-16 文本：请另存为“CSV UTF-8”或 .xlsx",
            "this is UTF-16 text without a byte order mark (BOM): save it as 'CSV UTF-8' or .xlsx",
        ),
        "report_utf8_line": (
            "本行是 UTF-8 编码，而文件其余部分按 GBK（GB18030）编码读取（多半是从另一个文件粘贴来的行），"
            "在 Excel 或 WPS 中会显示为乱码：请重新录入此行，或从原文件重新复制，再将整个文件另存为“CSV UTF-8”",
            "this line is UTF-8 while the rest of the file reads as GBK (GB18030), most likely a row "
            "pasted from another file, and Excel or WPS show it garbled: type the row again or copy "
            "it again from its source, then save the whole file as 'CSV UTF-8'",
        ),
        "report_encoding_byte": (
            "字节 0x{byte} 既不是 UTF-8 也不是 GBK（GB18030）编码：请将 CSV 保存为 UTF-8 或 GBK 编码",
            "byte 0x{byte} is neither UTF-8 nor GBK (GB18030): save the CSV as UTF-8 or GBK",
        ),
        "csv_unclosed_quote": (
            "引号未闭合：本行开始的带引号单元格直到文件末尾都没有结束的引号",
            "unclosed quote: the quoted cell that starts on this line never ends",
        ),
        "cell_too_long": (
            "单元格过长（超过 {limit:,} 个字符），不像是报表",
            "a cell longer than {limit:,} characters: not a report",
        ),
        "cell_formula": (
            "{text!r} 是公式，没有计算结果：请在 Excel 或 WPS 中打开并保存文件，或改填数值",
            "{text!r} is a formula without a computed value: open and save the file in Excel or "
            "WPS, or type the figure",
        ),
        "xlsx_merged_too_many": (
            "工作表中的合并单元格区域超过 {limit:,} 个：请取消合并后另存",
            "the sheet has more than {limit:,} merged ranges: unmerge the cells and save it again",
        ),
        "xlsx_merged": (
            "单元格 {ref} 是合并单元格：每行须分别填写，请取消合并并填满每个单元格",
            "cells {ref} are merged: every row must be filled in on its own; unmerge them and "
            "fill in each cell",
        ),
        "xlsx_first_sheet_empty": (
            "第一个工作表 {sheet!r} 为空：lzip 只读取第一个工作表，请把报表移到第一个工作表",
            "the first sheet {sheet!r} is empty: lzip reads only the first sheet; move the report "
            "there",
        ),
        "yaml_full_width_space": (
            "YAML 语法错误：缩进里有全角空格“　”，YAML 只能用半角空格缩进"
            "（解析器在第 {line} 行第 {column} 列停下：{problem}）",
            "YAML syntax error: a full-width space (U+3000) in the indentation; YAML indentation "
            "must be ASCII spaces (the parser stopped at line {line}, column {column}: {problem})",
        ),
        "yaml_no_break_space": (
            "YAML 语法错误：缩进里有不换行空格（U+00A0，常见于从 Word 或网页粘贴的文字），YAML 只能用"
            "半角空格缩进（解析器在第 {line} 行第 {column} 列停下：{problem}）",
            "YAML syntax error: a no-break space (U+00A0, as text pasted from Word or a web page "
            "holds) in the indentation; YAML indentation must be ASCII spaces (the parser stopped "
            "at line {line}, column {column}: {problem})",
        ),
        "yaml_full_width_colon": (
            "YAML 语法错误：键后面是全角冒号“：”，应为半角冒号“:”加空格"
            "（解析器在第 {line} 行第 {column} 列停下：{problem}）",
            "YAML syntax error: the key is followed by a full-width colon '：'; write ':' and a "
            "space (the parser stopped at line {line}, column {column}: {problem})",
        ),
        "yaml_apostrophe": (
            "YAML 语法错误：单引号括起的文字中的撇号“'”结束了引号；请写成两个撇号“''”，"
            "或改用双引号（解析器在第 {line} 行第 {column} 列停下：{problem}）",
            "YAML syntax error: an apostrophe inside single quotes ends the quoted text; write "
            "it twice ('') or use double quotes (the parser stopped at line {line}, column "
            "{column}: {problem})",
        ),
        "yaml_unpaired_quote": (
            "YAML 语法错误：这一行的{quote}没有配对，引号里的文字一直延续到下一个同样的引号"
            "（解析器在第 {line} 行第 {column} 列停下：{problem}）",
            "YAML syntax error: {quote} on this line is not closed, so the quoted text runs on to "
            "the next such quote (the parser stopped at line {line}, column {column}: {problem})",
        ),
        "yaml_unclosed_flow": (
            "YAML 语法错误：这里的“{opening}”在本行没有对应的“{closing}”"
            "（解析器在第 {line} 行第 {column} 列停下：{problem}）",
            "YAML syntax error: this '{opening}' has no '{closing}' on its line (the parser "
            "stopped at line {line}, column {column}: {problem})",
        ),
        'quote."': ('双引号“"”', "a double quote '\"'"),
        "quote.'": ("单引号“'”", 'a single quote "\'"'),
        "yaml_tab": (
            "YAML 语法错误：用了 Tab 缩进，YAML 只能用空格缩进",
            "YAML syntax error: indented with a tab; YAML indentation must be spaces",
        ),
        "stdout_failed": (
            "无法写入标准输出：{reason}",
            "cannot write to standard output: {reason}",
        ),
        "stdout_unencodable": (
            "无法写入标准输出：其编码 {encoding} 无法表示 {text!r} 等字符；"
            "请设置环境变量 PYTHONIOENCODING=utf-8",
            "cannot write to standard output: its encoding {encoding} cannot represent "
            "{text!r}; set PYTHONIOENCODING=utf-8",
        ),
        "os.ENOSPC": ("磁盘空间不足", "no space left on the device"),
        "os.EDQUOT": ("超出磁盘配额", "disk quota exceeded"),
        "os.EACCES": ("没有权限", "permission denied"),
        "os.EPERM": ("不允许此操作", "operation not permitted"),
        "os.EROFS": ("只读文件系统", "read-only file system"),
        "os.ENOENT": ("目录或文件不存在", "no such file or directory"),
        "os.ENOTDIR": ("路径中有一项不是目录", "a part of the path is not a directory"),
        "os.EISDIR": ("这是一个目录", "is a directory"),
        "os.ELOOP": (
            "符号链接层数过多（链接可能指回了自己）",
            "too many levels of symbolic links (a link may lead back to itself)",
        ),
        "os.EIO": ("输入/输出错误", "input/output error"),
        "os.EPIPE": ("管道已关闭", "the pipe was closed"),
    }
)

# Libraries' own fixed descriptions of a problem (libyaml's syntax errors, Python's csv module,
# zipfile): the key is "detail." + the library's English words, which are stable across
# releases. render/problems.py substitutes them; a description not listed stays as it is. Each
# entry is (Chinese, English hint): Chinese says it all in its own words; English keeps the
# library's words, which people search for, and adds the same hint after a dash.
_LIBRARY_DETAILS = {
    # libyaml (syntax errors in the plan's YAML)
    "found character that cannot start any token": (
        "这个字符不能作为任何内容的开头（如 Tab、@、`）",
        "such as a tab, @ or `",
    ),
    "mapping keys are not allowed in this context": (
        "此处不能出现映射的键",
        "a key cannot stand here",
    ),
    "mapping values are not allowed in this context": (
        "此处不能再出现“键: 值”：值里含冒号时要加引号，否则检查缩进",
        "no further 'key: value' can stand here: quote a value that contains a colon, else "
        "check the indentation",
    ),
    "block sequence entries are not allowed in this context": (
        "此处不能出现以“- ”开头的列表项",
        "a list item starting with '- ' cannot stand here",
    ),
    "could not find expected ':'": ("没有找到应有的冒号“:”", "a colon ':' is missing"),
    "did not find expected comment or line break": (
        "这里应是注释或换行",
        "only a comment or the end of the line can come here",
    ),
    "found unexpected end of stream": (
        "文件意外结束：引号或括号没有闭合",
        "the file ends early: a quote or bracket is not closed",
    ),
    "found unexpected document indicator": (
        "出现了意外的文档分隔符（--- 或 ...）",
        "a document separator (--- or ...) where none belongs",
    ),
    "found unknown escape character": (
        "双引号字符串中有未知的转义字符（\\ 后的字符）",
        "a double-quoted string has an unknown escape (the character after \\)",
    ),
    "did not find expected hexdecimal number": (
        "转义序列中应为十六进制数字",
        "an escape sequence needs hexadecimal digits",
    ),
    "found invalid Unicode character escape code": (
        "无效的 Unicode 转义码",
        "the Unicode escape code is invalid",
    ),
    "did not find expected alphabetic or numeric character": (
        "锚点或别名名称应由字母或数字组成",
        "an anchor or alias name must be letters or digits",
    ),
    "did not find expected whitespace or line break": (
        "这里应是空格或换行",
        "a space or the end of the line must come here",
    ),
    "found a tab character that violates indentation": (
        "Tab 字符破坏了缩进；YAML 只能用空格缩进",
        "YAML indentation must be spaces",
    ),
    "found a tab character where an indentation space is expected": (
        "应为缩进空格的位置出现了 Tab；YAML 只能用空格缩进",
        "YAML indentation must be spaces",
    ),
    "found an indentation indicator equal to 0": (
        "块标量的缩进指示符不能为 0",
        "a block scalar's indentation indicator cannot be 0",
    ),
    "did not find expected <document start>": (
        "一个文档结束后又出现了内容（多余的括号或缩进错误）",
        "there is more after the document ended (a bracket too many, or wrong indentation)",
    ),
    "did not find expected node content": (
        "这里缺少内容（值、列表或映射）",
        "a value, list or mapping is missing here",
    ),
    "did not find expected '-' indicator": (
        "列表中这一行应以“- ”开头：检查缩进",
        "this line of the list should start with '- ': check the indentation",
    ),
    "did not find expected key": (
        "这里应是一个键：检查缩进是否与上一行对齐",
        "a key belongs here: check that the indentation lines up with the line above",
    ),
    "did not find expected ',' or ']'": (
        "方括号列表中应是逗号“,”或结束的“]”",
        "in a [ ] list, a comma ',' or the closing ']' belongs here",
    ),
    "did not find expected ',' or '}'": (
        "花括号映射中应是逗号“,”或结束的“}”",
        "in a { } mapping, a comma ',' or the closing '}' belongs here",
    ),
    "found undefined tag handle": ("未定义的标签前缀", "the tag's prefix is not defined"),
    "found duplicate %YAML directive": (
        "重复的 %YAML 指令",
        "a document can have only one %YAML directive",
    ),
    "found incompatible YAML document": ("不兼容的 YAML 版本", "a YAML version lzip cannot read"),
    "found duplicate %TAG directive": (
        "重复的 %TAG 指令",
        "the same %TAG directive is given twice",
    ),
    "control characters are not allowed": (
        "文件中含有控制字符（不可见字符）",
        "the file holds a control character (an invisible one)",
    ),
    "special characters are not allowed": (
        "文件中含有控制字符（不可见字符）",
        "the file holds a control character (an invisible one)",
    ),
    # Python's csv module, zipfile and lzip's own xlsx reader (reports)
    "',' expected after '\"'": (
        '右引号后应紧跟逗号：单元格中的引号要写成两个（""）',
        'a closing quote must be followed by a comma: write a quote inside a cell as two ("")',
    ),
    "File is not a zip file": (
        "文件不是有效的 .xlsx（不是 zip 压缩包）：可能已损坏或没有复制完整，请重新保存或重新索取",
        "not a valid .xlsx (not a zip archive): it may be damaged or not copied whole; save it "
        "again, or ask for it again",
    ),
    "no worksheet": ("工作簿中没有工作表", "the workbook has no sheet"),
    "File contains no valid workbook part": (
        "文件不是有效的 .xlsx 工作簿（是 zip 压缩包，但其中没有工作簿）",
        "not a valid .xlsx workbook (a zip archive, but no workbook in it)",
    ),
}
TEXTS.update(
    {"detail." + words: (zh, f"{words} — {hint}") for words, (zh, hint) in _LIBRARY_DETAILS.items()}
)

# --- CI formats, error codes, schema and plan diffs (issue 7) ---------------------------------
TEXTS.update(
    {
        "plan_files_apart": (
            "与 {first} 不在同一目录：一次检查一个方案，它的 agencies.yaml 和 indicators.yaml 须在同一"
            "目录中；请分别检查",
            "is not in the folder of {first}: one plan is checked at a time, and its "
            "agencies.yaml and indicators.yaml stand in one folder; check them one by one",
        ),
        "plan_file_elsewhere": (
            "不是 {directory} 中的方案文件（agencies.yaml、indicators.yaml）：请用 --data 指定方案目录",
            "is not a plan file (agencies.yaml, indicators.yaml) of {directory}: name the plan "
            "directory with --data",
        ),
        "gh_shortfall": (
            "{agency}：{indicator} {year} 年{status}{gaps}",
            "{agency}: {indicator} is {status} in {year}{gaps}",
        ),
        "gh_own_figure_owed": (
            "{agency}：{indicator} {year} 年未报送本单位数据（全县数为各单位数据之和，目前缺该单位数据）",
            "{agency}: {indicator}: no figure of its own sent for {year} (the county's figure is"
            " the agencies' sum, which lacks its part)",
        ),
        "gh_own_amount_owed": (
            "{agency}：{indicator} {year} 年只报送了本单位的笔数，未报送金额（全县数为各单位数据"
            "之和，目前缺该单位数据）",
            "{agency}: {indicator}: its count for {year} was sent without its amount (the "
            "county's figure is the agencies' sum, which lacks its part)",
        ),
        "gh_gaps": (
            "，距阶段值 {milestone} {unit}，距目标 {target} {unit}",
            # Not "1 cases", nor "2 10k yuan": the unit once, after the figures.
            "; {milestone} to the milestone, {target} to the target (in {unit})",
        ),
        "unknown_code": (
            "未知的问题代码 {code!r}：运行 lzip explain 查看全部代码",
            "unknown problem code {code!r}: run lzip explain to list every code",
        ),
        "diff_plan": ("方案", "plan"),
        "diff_line": ("{subject}：{what}", "{subject}: {what}"),
        "diff_changed": ("{field} {old} → {new}", "{field} {old} → {new}"),
        "diff_none": ("两版方案内容相同", "the two plans say the same"),
        "diff_title": ("方案变更：{old} → {new}", "Plan changes: {old} → {new}"),
        "diff_col_subject": ("对象", "Subject"),
        "diff_col_change": ("变更", "Change"),
        "diff.indicator_added": ("新增指标", "indicator added"),
        "diff.indicator_removed": ("删除指标", "indicator removed"),
        "diff.responsibility_added": ("新增{item}为责任单位", "responsible agency added: {item}"),
        "diff.responsibility_removed": ("不再由{item}负责", "responsible agency removed: {item}"),
        "diff.responsibility_reordered": (
            "责任单位顺序（牵头单位在前）{old} → {new}",
            "order of responsible agencies (lead agency first): {old} → {new}",
        ),
        "diff.indicators_reordered": (
            "指标顺序（报表、核查表和目录的行序）{old} → {new}",
            "order of indicators (the rows of forms, check tables and catalogs): {old} → {new}",
        ),
        "diff.agencies_reordered": (
            "单位顺序（报表、核查表和目录的行序）{old} → {new}",
            "order of agencies (the rows of forms, check tables and catalogs): {old} → {new}",
        ),
        "diff.agency_added": ("新增单位", "agency added"),
        "diff.agency_removed": ("删除单位", "agency removed"),
        "diff.alias_added": ("新增别名“{item}”", "alias added: {item}"),
        "diff.alias_removed": ("删除别名“{item}”", "alias removed: {item}"),
        "diff.group_added": ("新增单位组", "group added"),
        "diff.group_removed": ("删除单位组", "group removed"),
        "diff.member_added": ("新增{item}为成员单位", "member added: {item}"),
        "diff.member_removed": ("{item}不再是成员单位", "member removed: {item}"),
        "diff_field.milestone": ("{year} 年阶段值", "milestone {year}"),
        "diff_not_set": ("未设定", "not set"),
        "diff_not_set_line": (
            "未设定（按前后相邻的设定值线性推算）",
            "not set (straight line between the figures set on either side)",
        ),
        "diff_field.id": ("编号", "id"),
        "diff_field.name": ("名称", "name"),
        "diff_field.name_en": ("英文名称", "English name"),
        "diff_field.group": ("任务序号", "group"),
        "diff_field.unit": ("计量单位", "unit"),
        "diff_field.unit_en": ("英文计量单位", "English unit"),
        "diff_field.count_unit": ("笔数单位", "count unit"),
        "diff_field.count_unit_en": ("英文笔数单位", "English count unit"),
        "diff_field.kind": ("类型", "kind"),
        "diff_field.direction": ("方向", "direction"),
        "diff_field.scope": ("考核方式", "scope"),
        "diff_field.baseline": ("基础值", "baseline"),
        "diff_field.baseline_year": ("基础年", "baseline year"),
        "diff_field.target": ("目标值", "target"),
        "diff_field.target_year": ("目标年", "target year"),
        "diff_field.note": ("备注", "note"),
        "diff_field.title": ("标题", "title"),
        "diff_field.title_en": ("英文标题", "English title"),
        "diff_field.document": ("文号", "document number"),
        "diff_field.plan_note": ("第 {number} 条说明", "note {number}"),
        "git_show_failed": (
            "无法从 git 读取 {rev}:{path}：{reason}",
            "cannot read {rev}:{path} from git: {reason}",
        ),
        "git_show_failed_in": (
            "无法从 git 读取 {rev}:{path}：{reason}（git:REV:DIR 中的 DIR 相对于当前目录 {prefix}）",
            "cannot read {rev}:{path} from git: {reason} (DIR in git:REV:DIR is relative to the "
            "current directory, {prefix})",
        ),
        "git_dir_outside": (
            "{directory} 不在 git 仓库 {top} 之内：git:REV:DIR 中的 DIR 应为仓库内的目录",
            "{directory} is not inside the git repository {top}: DIR in git:REV:DIR must be a "
            "directory in the repository",
        ),
        "code.LZ001": (
            "路径是目录而不是文件，或不是普通文件（管道、设备）。",
            "A path that should be a file is a directory, or is not a regular file (a pipe, a "
            "device).",
        ),
        "code.LZ002": (
            "方案 YAML 文件超过大小上限。",
            "A plan YAML file is larger than lzip accepts.",
        ),
        "code.LZ003": (
            "文件或方案数据目录不存在（或方案数据路径是一个文件）。",
            "A file or the plan data directory does not exist (or the plan data path is a file).",
        ),
        "code.LZ004": (
            "操作系统拒绝读取文件（权限、I/O 错误等）或使用某个路径（文件名超出文件系统的长度限制等）。",
            "The operating system refused to read a file (permission, I/O error) or to use a path"
            " (a name too long for the file system).",
        ),
        "code.LZ005": (
            "YAML 文件不是 UTF-8 编码。",
            "A YAML file is not UTF-8 encoded.",
        ),
        "code.LZ006": (
            "YAML 文件含 NUL 字节，不是文本文件。",
            "A YAML file contains a NUL byte: it is not text.",
        ),
        "code.LZ007": (
            "YAML 语法错误（包括用 Tab 缩进）。",
            "YAML syntax error, including indentation with tabs.",
        ),
        "code.LZ008": (
            "YAML 嵌套层级过深。",
            "YAML nested deeper than lzip accepts.",
        ),
        "code.LZ009": (
            "YAML 文件为空。",
            "A YAML file is empty.",
        ),
        "code.LZ010": (
            "使用了 YAML 锚点、别名或合并键（&、*、<<）。",
            "A YAML anchor, alias or merge key (&, *, <<) is used.",
        ),
        "code.LZ011": (
            "使用了不允许的 YAML 标签（如 !!python）。",
            "A YAML tag outside the core schema (such as !!python) is used.",
        ),
        "code.LZ012": (
            "YAML 中的值无法解析（如非法日期）。",
            "A YAML value cannot be read (such as an invalid date).",
        ),
        "code.LZ013": (
            "YAML 的键不是简单文字。",
            "A YAML key is not plain text.",
        ),
        "code.LZ014": (
            "同一映射中键重复。",
            "A key appears twice in the same YAML mapping.",
        ),
        "code.LZ015": (
            "作为参数给出的 YAML 不是方案目录中的 agencies.yaml 或 indicators.yaml。",
            "A YAML argument is not agencies.yaml or indicators.yaml of the plan directory.",
        ),
        "code.LZ016": (
            "lzip diff 无法从 git 读取某个版本的方案文件。",
            "lzip diff cannot read a revision's plan file from git.",
        ),
        "code.LZ100": (
            "方案条目不符合数据模型：缺字段、未知字段、类型或格式错误。",
            "A plan entry does not fit the model: missing or unknown field, wrong type or format.",
        ),
        "code.LZ101": (
            "引用了 agencies.yaml 中没有的责任单位编号。",
            "An indicator or group names an agency id that agencies.yaml does not define.",
        ),
        "code.LZ102": (
            "单位或单位组编号重复。",
            "An agency or group id is used twice.",
        ),
        "code.LZ103": (
            "单位的名称、英文名或别名与另一单位冲突，或是报表中表示全县合计的词（全县、合计）。",
            "An agency's name, English name or alias is already another agency's, or a word a report uses for the county-wide row (全县, 合计, total).",
        ),
        "code.LZ104": (
            "指标编号重复。",
            "An indicator id is used twice.",
        ),
        "code.LZ105": (
            "指标编号的序号与 group 不符。",
            "An indicator's id does not start with its group number.",
        ),
        "code.LZ106": (
            "指标的责任单位或单位组的成员列出了单位组而不是单位。",
            "An indicator or a group lists an agency group where an agency is expected.",
        ),
        "code.LZ107": (
            "同一单位在列表中出现两次。",
            "The same agency is listed twice in one list.",
        ),
        "code.LZ108": (
            "基础年不早于目标年。",
            "The baseline year is not before the target year.",
        ),
        "code.LZ116": (
            "基础值、目标值或阶段值大于 1,000,000,000,000（报表数值的上限）。",
            "A baseline, target or milestone is larger than 1,000,000,000,000 (the largest "
            "figure a report may give).",
        ),
        "code.LZ109": (
            "基础值、目标值或阶段值为负数。",
            "A baseline, target or milestone is negative.",
        ),
        "code.LZ110": (
            "比率类指标的数值超过 100。",
            "A rate indicator has a figure above 100.",
        ),
        "code.LZ111": (
            "比率类指标的单位不是 %，或单位为 % 的指标不是比率。",
            "A rate indicator's unit is not %, or an indicator in % is not a rate.",
        ),
        "code.LZ112": (
            "目标值与指标方向（增加/减少）相反（基础值未开展时按 0 计）。",
            "The target moves against the indicator's direction (increase/decrease) from the "
            "baseline (not-carried-out counts as 0).",
        ),
        "code.LZ113": (
            "阶段值的年份不在基础年之后、目标年之前。",
            "A milestone year is not after the baseline year and before the target year.",
        ),
        "code.LZ114": (
            "阶段值值不在基础值与目标值之间。",
            "A milestone is not between the baseline and the target.",
        ),
        "code.LZ115": (
            "阶段值逐年倒退：须增加的指标后一年低于前一年（须降低的指标则高于前一年）。",
            "A milestone goes back: lower than the year before's for an indicator that must "
            "increase (higher, for one that must decrease).",
        ),
        "code.LZ117": (
            "目标值为 per-actual 的指标设了阶段值（阶段值须有数值目标）。",
            "An indicator whose target is per-actual has milestones (milestones need a numeric "
            "target).",
        ),
        "code.LZ118": (
            "指标设了英文笔数单位 count_unit_en，却没有笔数单位 count_unit。",
            "An indicator has an English count unit (count_unit_en) but no count_unit.",
        ),
        "code.LZ119": (
            "指标的名称或英文名与另一指标的编号或名称相同。",
            "An indicator's name or English name is already another indicator's id or name.",
        ),
        "code.LZ201": (
            "报表文件为空（由多份报表组成时，仅当没有一份填有数值；否则为警告 LZ256）。",
            "The report file is empty (among several forms, only when none holds figures; else "
            "warning LZ256).",
        ),
        "code.LZ202": (
            "报表是旧版 .xls 工作簿、WPS 的 .et、.ods、.numbers 或 .xlsb 工作簿，或网页（HTML）、XML 表格："
            "需另存为 .xlsx；或是 Excel 的锁定文件（~$ 开头）、macOS 的附属文件（._ 开头）。",
            "The report is an old .xls workbook, a WPS .et, .ods, .numbers or .xlsb workbook, or a "
            "web page (HTML) or XML table: save it as .xlsx; or Excel's lock file (~$…), or macOS's "
            "companion file (._…).",
        ),
        "code.LZ203": (
            "报表既不是 UTF-8、GB18030 编码，也不是带 BOM 的 UTF-16。",
            "The report is neither UTF-8, GB18030 nor UTF-16 with a BOM.",
        ),
        "code.LZ204": (
            "CSV 报表含 NUL 字节。",
            "A CSV report contains a NUL byte.",
        ),
        "code.LZ205": (
            "CSV 报表的某行过长。",
            "A CSV report has an implausibly long line.",
        ),
        "code.LZ206": (
            "CSV 语法错误：引号未闭合、单元格过长等。",
            "CSV syntax error: an unclosed quote, an overlong cell and the like.",
        ),
        "code.LZ207": (
            "报表表头中同一列出现两次（几个数值或笔数列各写一个不同年份时见 LZ255）。",
            "A column appears twice in the report's header (value or count columns that each "
            "name another year: see LZ255).",
        ),
        "code.LZ208": (
            "报表缺少必需的列（指标、数值）。",
            "The report lacks a required column (indicator, value).",
        ),
        "code.LZ258": (
            "CSV 中未加引号的千分位逗号把一个数拆进了两列（1,234 读作 1 和 234）。",
            "An unquoted thousands separator split one number over two columns of a CSV (1,234 "
            "read as 1 and 234).",
        ),
        "code.LZ259": (
            "填笔数/件数的指标（如鹿寨县方案的 5.1–5.4）的金额和笔数/件数（1 和 234）也可能是一个被未加引号的千分位逗号拆开的数（1,234）。",
            "The amount and count of an indicator with a count (such as 5.1–5.4 of Luzhai's plan), "
            "1 and 234, may be one number (1,234) split by an unquoted thousands separator.",
        ),
        "code.LZ260": (
            "报表没有可识别的责任单位列，而一个表头无法识别的列填有方案中的责任单位：请把该列表头改为“责任单位”。",
            "The report has no agency column lzip knows, but a column under a header it does not "
            "know names agencies of the plan: head that column 责任单位.",
        ),
        "code.LZ264": (
            "读取的文件是 lzip 生成的欠账清单、清单索引或检查结果，不是报表。",
            "A file read as a report is a shortfall list, a list index or a check result "
            "written by lzip.",
        ),
        "code.LZ263": (
            "报表没有责任单位列，但标题或文件名写明了单位：各行按该单位的数值读取，"
            "或（表中有该单位不负责的指标时）按全县合计读取。",
            "A report without an agency column whose title or name names an agency: its rows "
            "are read as that agency's, or (when it holds indicators the agency is not "
            "responsible for) as county-wide figures.",
        ),
        "code.LZ262": (
            "一行的指标与指标名称是两个不同的指标。",
            "A row's indicator and indicator name are two different indicators.",
        ),
        "code.LZ265": (
            "复合指标（如融资金额及笔数）的金额旁笔数/件数为空，该行的笔数/件数记为未知"
            "（全县的也未知，除非全县合计行填写了）。",
            "A compound indicator's amount (financing and its deals) has a blank count beside it:"
            " that row's count is unknown (and the county's, unless a county-wide row gives it).",
        ),
        "code.LZ267": (
            "表头为空的列中有内容，未被读取（如数值填到了表头之外的列）。",
            "A column without a header holds text that is not read (a figure typed past the "
            "header, say).",
        ),
        "code.LZ266": (
            "年末存量指标（如有效注册商标拥有量）的两个单位填报了相同的数值，可能各自填了全县数：全县数是各单位之和。",
            "Two agencies report the same figure for a year-end stock (such as trademarks held): "
            "each may have sent the county's figure, which lzip adds up.",
        ),
        "code.LZ261": (
            "填笔数/件数的指标（如鹿寨县方案的 5.1–5.4）一行的金额与笔数/件数不相符：有金额而笔数为 0 或 —，或金额为 0 或 — 而有笔数。",
            "A row of an indicator with a count (such as 5.1–5.4 of Luzhai's plan) whose amount and "
            "count disagree: an amount with 0 or — deals, or deals with an amount of 0 or —.",
        ),
        "code.LZ209": (
            "某行的单元格多于表头的列数。",
            "A row has more cells than the header has columns.",
        ),
        "code.LZ210": (
            "同一指标和单位（或全县合计）填报了两次，在同一文件或两个报表文件中。",
            "The same indicator and agency (or county total) is reported twice, in one file or "
            "in two report files.",
        ),
        "code.LZ211": (
            "报表中的指标不在方案中。",
            "A report row names an indicator the plan does not have.",
        ),
        "code.LZ213": (
            "年度列中出现不同的年份。",
            "The report's year column holds different years.",
        ),
        "code.LZ214": (
            "无法确定报表年度（没有 --year，文件名中没有或有多个年份，也没有年度列；"
            "或只有几个数值列的表头写了年份）。",
            "The report's year cannot be told (no --year, no single year in the file name, no "
            "year column; or only the headers of several value columns name years).",
        ),
        "code.LZ215": (
            "文件名或 --year 与年度列给出的年份相互矛盾，几个报表文件的年度不一致，"
            "数值列的表头写的是另一年（2023年完成值），各写一年的几个数值列中没有报表年度的一列，"
            "或读取的工作表名称为另一年（2023年）。",
            "The file name or --year and the year column give different years, several "
            "report files do, the value column's header names another year (2023年完成值), "
            "several value columns each name a year but none the report's, or the workbook's "
            "sheet read is named for another year (2023年).",
        ),
        "code.LZ216": (
            "某行的指标单元格为空。",
            "A report row has a blank indicator cell.",
        ),
        "code.LZ217": (
            "报表中的责任单位不在方案中。",
            "A report row names an agency the plan does not know.",
        ),
        "code.LZ218": (
            "数值单元格不是数字。",
            "A value cell is not a number.",
        ),
        "code.LZ219": (
            "数值为负数。",
            "A reported figure is negative.",
        ),
        "code.LZ220": (
            "扩展名不是 .xlsx 的文件实为 xlsx 工作簿（仍会读取）。",
            "A file without the .xlsx extension is an xlsx workbook (read anyway).",
        ),
        "code.LZ221": (
            "扩展名为 .xlsx、.xls 或 .et 的文件实为 CSV（仍会读取）。",
            "A file named .xlsx, .xls or .et is CSV text (read anyway).",
        ),
        "code.LZ222": (
            "报表中有无法识别的列，已忽略。",
            "The report has columns lzip does not know; they are ignored.",
        ),
        "code.LZ223": (
            "比率数值超过 100%。",
            "A rate figure is above 100%.",
        ),
        "code.LZ224": (
            "数值大得不合理。",
            "A reported figure is implausibly large.",
        ),
        "code.LZ225": (
            "笔数/件数不是整数。",
            "A count is not a whole number.",
        ),
        "code.LZ226": (
            "为不需要笔数的指标填写了笔数。",
            "A count is given for an indicator that takes none.",
        ),
        "code.LZ227": (
            "年度单元格不是年份。",
            "A year cell is not a year.",
        ),
        "code.LZ228": (
            "以整数计量的指标（起、件、次等）填了小数。",
            "A figure in a whole-number unit (cases, items, times…) has a fractional part.",
        ),
        "code.LZ230": (
            "读写 xlsx 需要安装 openpyxl。",
            "Reading or writing xlsx needs openpyxl (pip install openpyxl).",
        ),
        "code.LZ231": (
            "xlsx 工作簿已损坏或无法读取。",
            "The xlsx workbook is damaged or cannot be read.",
        ),
        "code.LZ232": (
            "工作簿有多个可见的工作表，只读取第一个（隐藏的工作表不算），"
            "或名称为报表年度的那一个。",
            "The workbook has several visible sheets; only the first is read (hidden ones are "
            "passed over), or the one named for the report's year.",
        ),
        "code.LZ233": (
            "报表行数超过上限。",
            "The report has more rows than lzip accepts.",
        ),
        "code.LZ234": (
            "xlsx 工作簿解压后过大（可能是压缩炸弹），未读取。",
            "The xlsx workbook unpacks to more than lzip reads (it may be a zip bomb); not read.",
        ),
        "code.LZ240": (
            "全县合计与各单位数值之和不一致（有责任单位未填报时，只在全县合计小于已填报之和时提示）。",
            "The county total differs from the sum of the agencies' figures (while some "
            "responsible agencies have not reported: only when it is below the sum of those that "
            "did).",
        ),
        "code.LZ241": (
            "填报单位不是该指标的责任单位（数值只在由各单位相加得出全县数时计入）。",
            "A row's agency is not responsible for the indicator (its figure counts only where the "
            "county figure is the agencies' sum).",
        ),
        "code.LZ242": (
            "分别考核的指标有全县合计行（被忽略）。",
            "A per-agency indicator has a county-total row, which is ignored.",
        ),
        "code.LZ243": (
            "比率指标有多个单位行但没有全县合计行。",
            "A rate indicator has several agency rows and no county-total row.",
        ),
        "code.LZ244": (
            "报表年度在方案期限之外（早于基础年或晚于目标年），阶段值取基础值或最终目标值。",
            "The report year lies outside the plan's period (before its base year or after its "
            "target year); milestones are held at the baseline or the final target.",
        ),
        "code.LZ245": (
            "--year 与文件名（或文件夹名）中的年份不同：按 --year 评估。",
            "--year differs from the year in the file or folder name: --year is used.",
        ),
        "code.LZ246": (
            "比率填成了小数（如 0.95）：按百分数计（0.95%），可能本意是 95%。",
            "A rate typed as a fraction (0.95) is read as a percentage (0.95 %); 95 % may be "
            "meant.",
        ),
        "code.LZ247": (
            "--agency 所选单位没有负责的量化指标：它没有表格、行或清单（template 只选了这样的单位时为错误 LZ313）。",
            "An agency chosen with --agency owns no quantitative indicator: it has no table, rows "
            "or list (template given only such agencies refuses, LZ313).",
        ),
        "code.LZ249": (
            "复合指标（金额/笔数）只填了笔数、没有金额：该行按未填报计。",
            "A compound indicator (amount / count) has a count but no amount: the row counts as "
            "not reported.",
        ),
        "code.LZ248": (
            "报表中的合计行（合计、总计、小计、汇总）已跳过：lzip 自行汇总各单位的数值。",
            "A totals row (合计, 总计, 小计, 汇总, Total) in a report is skipped: lzip adds up "
            "the agencies' figures itself.",
        ),
        "code.LZ250": (
            "报表只有表头没有数据行（由多份报表组成时，仅当没有一份填有数值；否则为警告 LZ256）。",
            "The report has a header but no data rows (among several forms, only when none holds "
            "figures; else warning LZ256).",
        ),
        "code.LZ251": (
            "单元格是没有计算结果的公式。",
            "A cell is a formula without a computed value.",
        ),
        "code.LZ252": (
            "第一个工作表为空。",
            "The workbook's first sheet is empty.",
        ),
        "code.LZ253": (
            "报表中有合并单元格。",
            "The report has merged cells.",
        ),
        "code.LZ254": (
            "作为报表给出的目录中没有报表文件（.csv、.tsv、.txt、.xlsx、.xlsm、.xls、.et、.ods、.numbers、.xlsb）。",
            "A directory given as a report holds no report files (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .et, .ods, .numbers, .xlsb).",
        ),
        "code.LZ255": (
            "几个数值（或笔数）列各写一个年份（2023年完成值、2024年完成值）：读取报表年度的一列，"
            "其余跳过。",
            "Several value (or count) columns each name a year (2023年完成值, 2024年完成值): the "
            "column of the report's year is read, the others are passed over.",
        ),
        "code.LZ256": (
            "多份报表中的一份没有填报任何数值（只有表头，文件为空，或各行的数值、笔数、备注均为空）："
            "已跳过，其余报表照常检查。",
            "One of several report forms holds no figures (a header only, an empty file, or rows "
            "whose value, count and note cells are all blank): it is skipped and the other forms "
            "are checked.",
        ),
        "code.LZ268": (
            "报表工作簿设有打开密码（已加密）：需去掉密码后重新保存。",
            "The report workbook is password-protected (encrypted): remove the password and save "
            "it again.",
        ),
        "code.LZ269": (
            '工作簿中数值单元格的数字格式显示的不是所存的数（如“0!.0,"万"”把 8500000 显示为'
            ' 850.0万），或不显示数（“;;;”“"—"”）：需改为“常规”格式，直接填写数值。',
            'A workbook cell\'s number format shows another number than the cell holds (0!.0,"万" '
            'shows 8500000 as 850.0万), or none (`;;;`, `"—"`): set the format to General and '
            "type the figure.",
        ),
        "code.LZ270": (
            "报表的数据行中又出现了表头（多半是两个文件拼接而成）。",
            "The report's header appears again among its rows (two files joined, most likely).",
        ),
        "code.LZ271": (
            "报表的计量单位列、数值列表头（数值（元））或表头下的单位行写的是另一数量级的货币单位"
            "（元、千元、亿元），而指标以万元计。",
            "The report's unit column, value header (数值（元）) or units row under the header "
            "names money in another scale (元, 千元, 亿元) than the indicator's 万元.",
        ),
        "code.LZ272": (
            "报表的计量单位列写的单位与指标的单位不同；数值按指标的单位读取。",
            "The report's unit column names another unit than the indicator's; the figure is read "
            "in the indicator's unit.",
        ),
        "code.LZ273": (
            ".xlsx 报表中读取了被隐藏的行（或高度为 0 的行）中的数值，或读取的列被隐藏："
            "lzip 照常读取它们（例如去年的行被隐藏而未删除）。",
            "Figures were read from hidden rows of the .xlsx report (or rows of no height), or a "
            "column read is hidden: lzip reads them like any other (last year's rows hidden "
            "rather than deleted, say).",
        ),
        "code.LZ274": (
            "报表目录中有指向目录以外文件的符号链接：这样的文件不读取（提交到数据仓库的链接可能让 CI 日志显示其他文件的首行）。",
            "A folder of reports holds a symbolic link to a file outside it: such a file is not "
            "read (a link committed to a data repository could show another file's first line "
            "in CI logs).",
        ),
        "code.LZ275": (
            "工作簿中除读取的工作表外，还有工作表也填有数值（如每个单位一个工作表，或表格的副本）：每个"
            "工作簿只读取一个工作表，其余表中的数值会被遗漏。",
            "Other sheets of the workbook hold figures besides the one read (a sheet per agency, a "
            "copy of the sheet): one sheet of a workbook is read, and the others' figures would "
            "be lost.",
        ),
        "code.LZ280": (
            "报表给成了 -（标准输入）、管道或设备：lzip 只读取报表文件或目录。",
            "A report was given as - (standard input), a pipe or a device: lzip reads report "
            "files and folders only.",
        ),
        "code.LZ301": (
            "输出文件就是输入文件之一。",
            "An output file is one of the inputs.",
        ),
        "code.LZ302": (
            "输出路径是一个目录。",
            "An output path is a directory.",
        ),
        "code.LZ303": (
            "输出文件已存在（用 --force 覆盖）。",
            "An output file exists already (use --force to overwrite).",
        ),
        "code.LZ304": (
            "--out 指向一个文件而不是目录，或是像文件名的新目录（清单.xlsx）。",
            "--out names a file, not a directory, or a new folder named like a file (`lists.xlsx`).",
        ),
        "code.LZ305": (
            "无法写入输出文件或目录。",
            "An output file or directory cannot be written.",
        ),
        "code.LZ306": (
            "无法写入标准输出（如磁盘已满，或其编码无法表示输出中的字符，如 GBK 之于 ✅）。",
            "Standard output cannot be written (a full disk, or an encoding that lacks a character "
            "of the output: ASCII for Chinese, GBK for ✅).",
        ),
        "code.LZ307": (
            "无法从 --output 文件名的后缀判断输出格式，或 --format 与后缀不符。",
            "The output format cannot be told from the --output file's suffix, or --format "
            "contradicts it.",
        ),
        "code.LZ308": (
            "输出文件会写进作为报表读取的目录（下次会被当作报表读入）。",
            "An output file would go into a folder read as the report (the next run would read it "
            "as a report).",
        ),
        "code.LZ312": (
            "输出目录里有以前生成的清单，本次没有重写：该单位已无欠账，清单属于另一年度，"
            "或数字可能已过时；或有文件名与单位清单相同、却不是清单的文件。",
            "The output folder holds a list from an earlier run that this run did not rewrite: "
            "its agency owes nothing now, it was written for another year, or its figures may be "
            "out of date; or a file has an agency's list's file name but is not a list.",
        ),
        "code.LZ313": (
            "--agency 指定的不是方案中的责任单位（未知的名称，或一个单位组），或 template 的 --agency 所指单位都没有负责的指标。",
            "--agency names no agency of the plan (an unknown name, or a group of agencies), or template's --agency only agencies that own no indicator.",
        ),
        "code.LZ309": (
            "所选格式要写入文件（xlsx、csv 清单、各单位表格），但没有用 -o/--out 指定写到哪里"
            "（-o - 即标准输出，也不行）。",
            "The format asked for is written to files (xlsx, CSV lists, the agencies' forms), but "
            "no -o/--out names where (-o -, standard output, does not).",
        ),
    }
)

# --- command-line help (chosen when cli.py is imported: see cli._h) -------------------------
TEXTS.update(
    {
        "help.version": (
            "显示 lzip 的版本并退出。",
            "Print lzip's version and exit.",
        ),
        "help.data": (
            "存放 agencies.yaml 和 indicators.yaml 的目录（默认：随 lzip 提供的方案）。",
            "Directory with agencies.yaml and indicators.yaml (default: the shipped plan).",
        ),
        "help.catalog.format": (
            "输出格式：table（表格）或 json。",
            "Output format: table or json.",
        ),
        "help.shortfalls.format": (
            "清单格式：md（Markdown，可打印）、csv 或 xlsx（用 Excel 打开）。",
            "List format: md (Markdown, printable), csv or xlsx (for Excel).",
        ),
        "help.diff.format": (
            "输出格式：table（表格）、text（逐行文字）或 json。",
            "Output format: table, text (one change a line) or json.",
        ),
        "help.lang_before_command": (
            "界面语言 zh 或 en，对其后的命令有效（命令自己的 --lang 优先）。",
            "Language zh or en for the command that follows (its own --lang wins).",
        ),
        "help.lang": (
            "界面语言：zh（中文）或 en（英文）。",
            "Language of labels and names: zh or en.",
        ),
        "help.year": (
            "报表年度（默认：文件名或文件夹名中的年份，其次为年度列）。",
            "Report year (default: the year in the file or folder name, else the year column).",
        ),
        "help.agency": (
            "只看该责任单位（编号、名称或别名），可重复。",
            "Only this agency (id, name or alias); repeatable.",
        ),
        "help.validate.files": (
            "除方案外一并检查的报表文件（CSV 或 .xlsx）。给出方案文件（agencies.yaml、indicators.yaml）即检查该方案，同 --data。",
            "Report files (CSV or .xlsx) to check as well as the plan. A plan file (agencies.yaml, indicators.yaml) names the plan to validate, as --data does.",
        ),
        "help.validate.by_folder": (
            "年份文件夹中的表（reports/2025/林业局.csv）连同该文件夹的其他表作为一份报表检查，如 check reports/2025/ 所读；pre-commit 钩子即用此项。",
            "Validate a form in a folder named for a year (reports/2025/forestry.csv) together with the folder's other forms, as one report, as check reads reports/2025/; the pre-commit hook uses this.",
        ),
        "help.validate.all_reports": (
            "检查该目录中的每份报表：每个报表文件（reports/2024.csv）各为一份，每个年份文件夹（reports/2025/）作为一份；其他文件夹不读。可重复。方案改动时的 pre-commit 钩子即用此项。",
            "Validate every report in this folder: each report file (reports/2024.csv) on its own, each folder named for a year (reports/2025/) as one report; other folders are passed over. May be repeated. The pre-commit hook for plan changes uses this.",
        ),
        "help.validate.missing_ok": (
            "--all-reports 的目录不存在时跳过并说明，不作为错误（新建的数据仓库还没有 reports/ 时）。目录是文件仍为错误。",
            "Pass over a folder of --all-reports that does not exist, with a note, instead of failing (a new data repository with no reports/ yet). A file named there is still an error.",
        ),
        "help.validate.format": (
            "text（问题写到标准错误，OK 行写到标准输出）、json（标准输出）或 github（标准输出上的工作流命令）。",
            "text (problems on stderr, OK lines on stdout), json (stdout) or github (workflow commands on stdout).",
        ),
        "help.reports": (
            "年度报表：一个 CSV 或 .xlsx 文件、几个文件（每单位一个）或存放它们的目录，合起来作为一份报表读取；其中没有数值的报表（只有表头或为空）在其他报表有数值时跳过并警告，全都没有数值则为错误。",
            "The year's report: a CSV or .xlsx file, several (one per agency), or a directory of them; read together as one report. Forms without figures (a header only, or empty) are skipped with a warning beside forms that have some; a report with no figures at all is an error.",
        ),
        "help.check.format": (
            "输出格式（默认：表格，或 --output 文件后缀所示的格式）。",
            "Output format (default: table, or what the --output file's suffix says).",
        ),
        "help.check.output": (
            "写入 FILE 而不是标准输出（.xlsx、.json、.csv、.md、.txt）：.xlsx 为 Excel 工作簿；其余为 UTF-8 编码，CSV 带 BOM 便于 Excel 打开，不受终端重定向改变编码的影响。-o - 即标准输出；/dev/stdout、管道等流直接写入。",
            "Write to FILE instead of stdout (.xlsx, .json, .csv, .md, .txt): .xlsx is an Excel workbook; the others are UTF-8, CSV with a BOM for Excel, whatever encoding a shell redirection would impose. -o - is stdout; /dev/stdout, a FIFO or another stream is written in place.",
        ),
        "help.check.force": (
            "覆盖已存在的 --output 文件。",
            "Overwrite an existing --output file.",
        ),
        "help.fail_on": (
            "有单位欠账时退出码为 1（shortfall），或从不（never）。",
            "Exit 1 when any agency has a shortfall, or never.",
        ),
        "help.indicators.agency": (
            "只列该单位（编号、名称或别名）负责的指标。",
            "Only indicators this agency (id, name or alias) owns.",
        ),
        "help.shortfalls.out": (
            "清单写入的目录（默认：以 Markdown 输出到标准输出）。",
            "Directory for the lists (default: Markdown on stdout).",
        ),
        "help.force_files": (
            "覆盖已存在的文件。",
            "Overwrite existing files.",
        ),
        "help.template.year": (
            "表格填报的年度。",
            "The year the form reports.",
        ),
        "help.template.year_option": (
            "同 YEAR，与 check 的写法一致。",
            "The same as YEAR, written as check takes it.",
        ),
        "help.template.format": (
            "csv 或 xlsx（默认：-o 的后缀 .csv 或 .xlsx 所示的格式，其他后缀须用本选项指定；不加 -o 时为 csv）。",
            "csv or xlsx (default: what -o's suffix says, .csv or .xlsx; any other suffix needs this option; csv without -o).",
        ),
        "help.template.output": (
            "写入的文件（默认：以 CSV 输出到标准输出）。",
            "File to write (default: CSV on stdout).",
        ),
        "help.template.per_agency": (
            "每个单位一份表格，另有 county.* 填全县合计行，写入 -o 指定的目录。",
            "One form per agency, and county.* for the county-wide rows, written into the directory -o names.",
        ),
        "help.force_file": (
            "覆盖已存在的文件。",
            "Overwrite an existing file.",
        ),
        "help.diff.old": (
            "旧方案：一个目录，或 git:REV[:DIR]（DIR 默认为 data，相对当前目录）。",
            "The old plan: a directory, or git:REV[:DIR] (DIR default data, from the current directory).",
        ),
        "help.diff.new": (
            "新方案，写法同上。",
            "The new plan, likewise.",
        ),
        "help.diff.exit_code": (
            "方案有差异时退出码为 1（同 git diff）。",
            "Exit 1 when the plans differ (as git diff).",
        ),
        "help.schema.kind": (
            "哪个方案文件：indicators 或 agencies。",
            "Which plan file: indicators or agencies.",
        ),
        "help.schema.output": (
            "写入的文件（默认：标准输出）。",
            "File to write (default: stdout).",
        ),
        "help.explain.codes": (
            "问题代码，如 LZ101（默认：全部代码）。",
            "Problem codes such as LZ101 (default: every code).",
        ),
        # The command list of ``lzip --help``: one line each (Click cuts longer ones with "...").
        "help.short.validate": ("检查方案数据及报表。", "Validate the plan data and reports."),
        "help.short.check": (
            "对照方案评估年度报表，按单位列出差距。",
            "Judge a year's report: gaps per agency.",
        ),
        "help.short.indicators": ("列出方案的量化指标。", "List the plan's indicators."),
        "help.short.agencies": (
            "列出责任单位及其指标。",
            "List the agencies and their indicators.",
        ),
        "help.short.shortfalls": (
            "为欠账单位生成督办清单。",
            "Write a shortfall list per agency that owes.",
        ),
        "help.short.template": ("生成年度填报表格。", "Write the report form for a year."),
        "help.short.diff": ("比较两版方案。", "Show what changed between two plans."),
        "help.short.schema": ("输出方案文件的 JSON Schema。", "Print a plan file's JSON Schema."),
        "help.short.explain": ("解释问题代码（LZ101 等）。", "Explain problem codes (LZ101 …)."),
        "help.cmd.validate": (
            "检查方案数据及报表（退出码 0 有效，1 有误，2 无法读取）。",
            "Validate the plan data and any reports (exit 0 valid, 1 invalid, 2 unreadable).",
        ),
        "help.cmd.check": (
            "对照方案评估年度报表：按责任单位列出与目标的差距。\n\n退出码：0 没有单位欠账，1 有单位欠账，2 有输入无法使用。",
            "Judge a year's report against the plan: per-agency gap-to-target tables.\n\nExit 0 when no agency has a shortfall, 1 when one has, 2 when an input cannot be used.",
        ),
        "help.cmd.indicators": (
            "列出方案的量化指标。",
            "List the plan's quantitative indicators.",
        ),
        "help.cmd.agencies": (
            "列出责任单位及各自负责的指标。",
            "List the responsible agencies and the indicators each one owns.",
        ),
        "help.cmd.shortfalls": (
            "为每个欠账单位生成一份督办清单，并生成索引。",
            "Write one shortfall list (督办清单) per agency that owes something, and an index.",
        ),
        "help.cmd.template": (
            "生成 YEAR 年度的填报表格：每个指标和责任单位一行。",
            "Write the report form for YEAR: one row per indicator and responsible agency.",
        ),
        "help.cmd.diff": (
            "方案的变化：指标、基础值、目标值、阶段值、责任单位。",
            "What changed in the plan: indicators, baselines, targets, milestones, agencies.",
        ),
        "help.cmd.schema": (
            "输出 indicators.yaml 或 agencies.yaml 的 JSON Schema（供编辑器和 CI 使用）。",
            "Print the JSON Schema of indicators.yaml or agencies.yaml (for editors and CI).",
        ),
        "help.cmd.explain": (
            "解释问题代码：LZ101 等代码的含义。",
            "Explain problem codes: what LZ101 and the others mean.",
        ),
        "help.app": (
            "对照知识产权工作方案的量化指标审核各单位的年度完成情况（随附鹿寨县知识产权强县建设工作方案）。",
            "Audit a county's IP plan (Luzhai County's IP-strong-county plan ships with lzip) "
            "against each year's reported figures.",
        ),
        "help_frame.usage": ("用法：", "Usage: "),
        "help_frame.arguments": ("参数：", "Arguments:"),
        "help_frame.options": ("选项：", "Options:"),
        "help_frame.commands": ("命令：", "Commands:"),
        "help_frame.help": ("显示本帮助并退出。", "Show this message and exit."),
        "help_frame.required": ("[必填]", "[required]"),
        "help_frame.with_required": ("[{before}；必填]", "[{before}; required]"),
        "help_frame.env_default": (
            "[环境变量：{var}；默认：{default}]",
            "[env var: {var}; default: {default}]",
        ),
        "help_frame.env": ("[环境变量：{var}]", "[env var: {var}]"),
        "help_frame.default": ("[默认：{default}]", "[default: {default}]"),
    }
)
