"""Rows of the first sheet of an .xlsx workbook as text cells; openpyxl is imported only here."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lzip_cli.errors import LzipError, Problem

MAX_ROWS = 2_000_000


def cell_text(value: Any, number_format: str | None) -> str:
    """A cell's value as the text a person sees: 1700.0 → ``1700``, 0.95 as 0% → ``95%``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            return f"{value * 100:.10g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.15g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def iter_xlsx_rows(
    path: Path, name: str, warnings: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, cell texts)`` of the first sheet, reading cached formula results."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is in the xlsx/test extras
        raise LzipError([Problem("LZ230", "xlsx_needs_openpyxl", file=name)]) from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise LzipError(
            [Problem("LZ231", "xlsx_unreadable", file=name, params={"reason": str(exc)[:200]})]
        ) from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise LzipError(
                [Problem("LZ231", "xlsx_unreadable", file=name, params={"reason": "no worksheet"})]
            )
        if len(sheets) > 1:
            warnings.append(
                Problem(
                    "LZ232",
                    "xlsx_other_sheets",
                    file=name,
                    params={"sheet": sheets[0].title, "count": len(sheets) - 1},
                )
            )
        for number, row in enumerate(sheets[0].iter_rows(), start=1):
            if number > MAX_ROWS:
                raise LzipError([Problem("LZ233", "too_many_rows", file=name, line=number)])
            yield (
                number,
                [cell_text(cell.value, getattr(cell, "number_format", None)) for cell in row],
            )
    finally:
        workbook.close()
