"""``lzip validate --format json``: a machine-readable verdict on the plan and the reports.

::

    {"valid": false,
     "summary": {"errors": 1, "warnings": 0, "omitted": 0, "indicators": null,
                 "agencies": null, "reports": 1, "reports_checked": 0},
     "problems": [{"file": "data/indicators.yaml", "line": 12, "column": 7, "code": "LZ101",
                   "severity": "error", "message": "unknown agency 'nobody'"}],
     "notes": ["1 report not checked: the plan is invalid"]}

``indicators`` and ``agencies`` are null when the plan could not be loaded; the reports are then
not checked (``reports_checked`` is 0, and a note says so). Messages and notes are in the
language of ``--lang``; codes are stable (see ``lzip explain``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from lzip_cli.errors import Problem
from lzip_cli.messages import Lang
from lzip_cli.render.problems import message


def problem_record(problem: Problem, severity: str, lang: Lang) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "severity": severity,
        "message": message(problem, lang),
    }


def document(
    errors: Iterable[Problem],
    warnings: Iterable[Problem],
    omitted: int,
    lang: Lang,
    *,
    indicators: int | None,
    agencies: int | None,
    reports: int,
    reports_checked: int,
    notes: list[str],
) -> dict[str, Any]:
    error_list, warning_list = list(errors), list(warnings)
    problems = [problem_record(p, "error", lang) for p in error_list]
    problems += [problem_record(p, "warning", lang) for p in warning_list]
    return {
        "valid": not error_list and not omitted,
        "summary": {
            "errors": len(error_list) + omitted,
            "warnings": len(warning_list),
            "omitted": omitted,
            "indicators": indicators,
            "agencies": agencies,
            "reports": reports,
            "reports_checked": reports_checked,
        },
        "problems": problems,
        "notes": notes,
    }


def render(*args: Any, **kwargs: Any) -> str:
    return json.dumps(document(*args, **kwargs), ensure_ascii=False, indent=2) + "\n"
