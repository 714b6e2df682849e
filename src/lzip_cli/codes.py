"""Every stable problem code lzip reports, in one registry.

Codes never change meaning: CI logs, ``--format json`` consumers and people searching an error
rely on them. Ranges: ``LZ0xx`` files and YAML, ``LZ1xx`` the plan, ``LZ2xx`` reports, ``LZ3xx``
outputs. Each entry names the message keys (in :mod:`lzip_cli.messages`) that problems with the
code use, and whether the code is an error or a warning. The one-line description of a code is
the message ``code.LZxxx`` in both languages (``lzip explain LZ101``).

``tests/test_codes.py`` checks that every code used in the source is registered and every
registered code is used, and that the README's table matches this registry.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from lzip_cli.messages import Lang, t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Code:
    keys: tuple[str, ...]
    severity: Severity = "error"

    @property
    def key(self) -> str:
        """The main message key."""
        return self.keys[0]


def _c(*keys: str, severity: Severity = "error") -> Code:
    return Code(keys, severity)


CODES: dict[str, Code] = {
    # --- files and YAML ----------------------------------------------------------------------
    "LZ001": _c("file_is_directory", "file_not_regular"),
    "LZ002": _c("file_too_large"),
    "LZ003": _c(
        "file_missing",
        "data_dir_missing",
        "data_dir_is_file",
        "broken_link",
        "reports_dir_missing",
        "reports_dir_is_file",
    ),
    "LZ004": _c("file_unreadable", "file_unreadable_locked", "path_unusable"),
    "LZ005": _c("yaml_not_utf8"),
    "LZ006": _c("nul_byte"),
    "LZ007": _c(
        "yaml_syntax",
        "yaml_tab",
        "yaml_full_width_space",
        "yaml_no_break_space",
        "yaml_full_width_colon",
        "yaml_unpaired_quote",
        "yaml_apostrophe",
        "yaml_unclosed_flow",
    ),
    "LZ008": _c("yaml_too_deep"),
    "LZ009": _c("yaml_empty"),
    "LZ010": _c("yaml_alias"),
    "LZ011": _c("yaml_tag"),
    "LZ012": _c("yaml_bad_scalar"),
    "LZ013": _c("yaml_complex_key"),
    "LZ014": _c("yaml_duplicate_key"),
    "LZ015": _c("plan_file_elsewhere", "plan_files_apart"),
    "LZ016": _c("git_show_failed", "git_show_failed_in", "git_dir_outside"),
    # --- the plan ----------------------------------------------------------------------------
    "LZ100": _c("schema.*", "schema.thousands_separator"),
    "LZ101": _c("unknown_agency"),
    "LZ102": _c("duplicate_agency_id"),
    "LZ103": _c("agency_name_collision", "agency_name_county"),
    "LZ104": _c("duplicate_indicator_id"),
    "LZ105": _c("group_mismatch"),
    "LZ106": _c("group_as_agency"),
    "LZ107": _c("duplicate_reference"),
    "LZ108": _c("year_order"),
    "LZ109": _c("negative_number"),
    "LZ110": _c("rate_out_of_range"),
    "LZ111": _c("rate_unit", "percent_not_rate"),
    "LZ112": _c("target_direction", "target_direction_not_carried_out"),
    "LZ113": _c("milestone_year", "milestone_year_one", "milestone_year_none"),
    "LZ114": _c("milestone_range"),
    "LZ115": _c("milestone_order", "milestone_order_down"),
    "LZ116": _c("plan_value_too_large"),
    "LZ117": _c("milestones_without_target"),
    "LZ118": _c("count_unit_en_without_count_unit"),
    "LZ119": _c("indicator_name_collision"),
    # --- reports -----------------------------------------------------------------------------
    "LZ201": _c("report_empty"),
    "LZ202": _c(
        "report_is_xls",
        "report_is_other_workbook",
        "report_is_markup",
        "report_lock_file",
        "report_apple_double",
    ),
    "LZ203": _c("report_encoding", "report_encoding_byte", "report_utf16", "report_utf8_line"),
    "LZ204": _c("nul_byte"),
    "LZ205": _c("line_too_long"),
    "LZ206": _c("csv_syntax", "csv_unclosed_quote", "cell_too_long"),
    "LZ207": _c("duplicate_column"),
    "LZ208": _c("missing_column", "missing_column_among", "missing_column_other_sheets"),
    "LZ209": _c("ragged_row"),
    "LZ210": _c(
        "duplicate_row",
        "duplicate_county_row",
        "duplicate_row_elsewhere",
        "duplicate_county_row_elsewhere",
    ),
    "LZ211": _c("unknown_indicator", "indicator_is_a_date"),
    "LZ213": _c("year_cells_differ", "year_cells_differ_known"),
    "LZ214": _c(
        "year_unknown", "year_name_ambiguous", "year_name_date", "year_unknown_header_years"
    ),
    "LZ215": _c(
        "year_conflict",
        "year_conflict_option",
        "year_conflict_name",
        "year_differs_between_files",
        "header_year_differs",
        "title_year_differs",
        "header_years_differ",
        "header_years_differ_between_files",
        "sheet_year_differs",
        "sheet_year_after_name",
        "sheet_year_later",
        "sheet_year_after_form",
        "sheet_year_hidden",
        "sheet_year_several",
        "years_named_differ_option",
    ),
    "LZ216": _c("blank_indicator"),
    "LZ217": _c("unknown_agency_cell", "unit_in_agency_column"),
    "LZ218": _c("cell_not_a_number"),
    "LZ219": _c("cell_negative"),
    "LZ220": _c("report_is_xlsx", severity="warning"),
    "LZ221": _c("report_is_csv", severity="warning"),
    "LZ222": _c("ignored_columns", severity="warning"),
    "LZ223": _c("cell_rate_above_100"),
    "LZ224": _c("cell_too_large"),
    "LZ225": _c("cell_count_whole"),
    "LZ226": _c("count_not_compound"),
    "LZ227": _c("cell_not_a_year"),
    "LZ228": _c("cell_value_whole"),
    "LZ230": _c("xlsx_needs_openpyxl"),
    "LZ231": _c(
        "xlsx_cell_damaged",
        "xlsx_sheet_cell_damaged",
        "xlsx_unreadable",
        "xlsx_damaged",
        "xlsx_strict",
    ),
    "LZ232": _c("xlsx_other_sheets", "xlsx_other_sheets_year", severity="warning"),
    "LZ233": _c("too_many_rows"),
    "LZ234": _c("xlsx_too_large", "xlsx_strings_too_large"),
    "LZ240": _c("county_differs_from_sum", "county_count_differs_from_sum", severity="warning"),
    "LZ241": _c(
        "agency_not_responsible",
        "agency_not_responsible_ignored",
        "agency_not_responsible_county_row",
        severity="warning",
    ),
    "LZ242": _c("county_row_each", severity="warning"),
    "LZ243": _c("rate_needs_county_row"),
    "LZ244": _c("year_before_plan", "year_after_plan", severity="warning"),
    "LZ245": _c("year_option_over_name", severity="warning"),
    "LZ246": _c("rate_as_fraction", severity="warning"),
    "LZ247": _c("agency_owns_nothing", severity="warning"),
    "LZ248": _c("total_row", severity="warning"),
    "LZ249": _c("count_without_value", severity="warning"),
    "LZ250": _c("report_no_rows"),
    "LZ251": _c("cell_formula"),
    "LZ252": _c("xlsx_first_sheet_empty"),
    "LZ253": _c("xlsx_merged", "xlsx_merged_too_many"),
    "LZ254": _c("report_dir_empty", "report_dir_of_years"),
    "LZ255": _c("year_column_passed_over", severity="warning"),
    "LZ256": _c(
        "form_no_rows",
        "form_no_rows_agency",
        "form_no_rows_county",
        "form_empty",
        "form_empty_agency",
        "form_empty_county",
        "form_unfilled",
        "form_unfilled_agency",
        "form_unfilled_county",
        "form_blank_copy",
        "form_blank_copy_county",
        "form_blank_county_rows_elsewhere",
        severity="warning",
    ),
    "LZ258": _c("thousands_split", "decimal_comma_split", "comma_split"),
    "LZ259": _c("thousands_split_count", "decimal_comma_split_count", severity="warning"),
    "LZ260": _c("agency_column_unnamed"),
    "LZ261": _c("amount_count_disagree", severity="warning"),
    "LZ262": _c("indicator_name_mismatch"),
    "LZ263": _c(
        "rows_of_titled_agency",
        "rows_of_named_agency",
        "rows_of_titled_agency_county",
        "rows_of_named_agency_county",
        "rows_of_titled_agency_blank",
        "rows_of_named_agency_blank",
        "rows_of_titled_agency_blank_county",
        "rows_of_named_agency_blank_county",
        severity="warning",
    ),
    "LZ264": _c("lzip_output_as_report", "lzip_output_workbook", "lzip_table_as_report"),
    "LZ265": _c("value_without_count", "value_without_count_agency", severity="warning"),
    "LZ266": _c("stock_figure_repeated", severity="warning"),
    "LZ267": _c("headless_column", severity="warning"),
    "LZ268": _c("report_encrypted"),
    "LZ269": _c("cell_scaled_format", "cell_hidden_format"),
    "LZ270": _c("header_repeated"),
    "LZ271": _c("unit_cell_scale", "header_unit_scale", "units_row_scale"),
    "LZ272": _c("unit_cell_other", severity="warning"),
    "LZ273": _c("xlsx_hidden_rows", "xlsx_hidden_columns", severity="warning"),
    "LZ274": _c("report_link_outside"),
    "LZ275": _c("xlsx_other_sheets_hold_figures"),
    "LZ280": _c("report_from_stdin", "report_not_a_file"),
    # --- outputs -----------------------------------------------------------------------------
    "LZ301": _c("output_is_input"),
    "LZ302": _c("output_is_directory"),
    "LZ303": _c("output_exists"),
    "LZ304": _c("out_not_directory", "out_looks_like_a_file"),
    "LZ305": _c("cannot_write", "cannot_write_locked", "output_folder_missing"),
    "LZ306": _c("stdout_failed", "stdout_unencodable"),
    "LZ307": _c("output_format_unknown", "output_format_mismatch"),
    "LZ308": _c("output_in_report_folder"),
    "LZ309": _c(
        "lists_need_out", "xlsx_needs_output", "xlsx_not_to_stdout", "per_agency_needs_output"
    ),
    "LZ312": _c(
        "stale_list",
        "stale_list_format",
        "stale_list_other_year",
        "stale_list_not_rewritten",
        "list_unreadable",
        "list_differs_not_rewritten",
        "not_a_list",
        severity="warning",
    ),
    "LZ313": _c("unknown_agency_option", "group_option", "template_agencies_own_nothing"),
}


def normalize(text: str) -> str:
    """``lz101``, ``101``, ``LZ101`` and full-width ``ＬＺ１０１`` all name LZ101; ``1``, ``lz1``
    and ``LZ01`` name LZ001. Text that names no code comes back as it is: not a code."""
    text = unicodedata.normalize("NFKC", text).strip().upper()
    number = text.removeprefix("LZ")
    if number.isascii() and number.isdigit():
        return "LZ" + number.zfill(3)
    return text


def describe(code: str, lang: Lang = "en") -> str:
    """The one-line description of ``code``."""
    return t(f"code.{code}", lang)


def readme_table() -> str:
    """The README's table of codes, generated from the registry (English)."""
    lines = ["| Code | Severity | Meaning |", "| --- | --- | --- |"]
    for code, entry in CODES.items():
        lines.append(f"| `{code}` | {entry.severity} | {describe(code, 'en')} |")
    return "\n".join(lines) + "\n"
