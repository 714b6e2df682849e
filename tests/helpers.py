"""What many test files share: lzip run in-process, the check that it changed no input, and a
workbook patched as a damaged file or another tool would leave it (``patched``).

Test files import it as ``from helpers import run_lzip`` (``tests`` is not a package: pytest puts
this folder on ``sys.path``). The fixtures that go with it (``LZIP_DATA``/``LZIP_LANG`` cleared for
every test, ``in_tmp``) are in conftest.py.
"""

from __future__ import annotations

import hashlib
import os
import traceback
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from typer.testing import CliRunner, Result

from lzip_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
#: The shipped plan: no command may change it, whatever the test runs.
SHIPPED_PLAN = (ROOT / "data" / "agencies.yaml", ROOT / "data" / "indicators.yaml")
#: A folder with more files than this is not watched: it is not a test's own tmp_path.
MAX_WATCHED = 500
#: The options that name what lzip writes (``check -o``, ``shortfalls --out``, ``template -o``…).
OUTPUT_OPTIONS = ("-o", "--output", "--out")


def digest(path: Path) -> str | None:
    """A file's sha256, a symlink's target (``-> target``), or None where no file can be read."""
    try:
        if path.is_symlink():
            return "-> " + os.readlink(path)
        if not path.is_file():  # a FIFO or device: opening it could wait for ever
            return None
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def files_under(directory: Path | str, limit: int | None = None) -> list[Path] | None:
    """Every file and symlink under ``directory`` (links not followed); None past ``limit``."""
    found: list[Path] = []
    for top, dirs, files in os.walk(directory):
        found += [Path(top, name) for name in files]
        found += [Path(top, name) for name in dirs if os.path.islink(os.path.join(top, name))]
        if limit is not None and len(found) > limit:
            return None
    return sorted(found)


def snapshot(directory: Path | str = ".") -> dict[str, str | None]:
    """Every file under ``directory`` (relative to the working directory) and its digest."""
    return {str(path): digest(path) for path in files_under(directory) or []}


def _named_outputs(args: list[str]) -> list[str]:
    """The paths given to ``-o``/``--output``/``--out`` (``--out X`` or ``--out=X``)."""
    named = []
    for option, value in zip(args, [*args[1:], None], strict=True):
        if option in OUTPUT_OPTIONS and value is not None:
            named.append(value)
        elif option.startswith(("--output=", "--out=")):
            named.append(option.split("=", 1)[1])
    return named


def _watched(args: list[str], inputs: Iterable[Path | str]) -> list[Path]:
    """The files a run must leave as they were, before ``outputs`` are taken out."""
    cwd = Path.cwd()
    paths: list[Path] = [*SHIPPED_PLAN, *map(Path, inputs)]
    if not _in_checkout(cwd):
        paths += files_under(cwd, MAX_WATCHED) or []
    for arg in args:  # reports and plan folders named on the command line, wherever they are
        path = Path(arg)
        try:
            named = len(arg) < 1024 and os.path.lexists(path)
        except ValueError:  # a NUL byte: no file has that name
            named = False
        if named:
            if not path.is_dir() or path.is_symlink():
                paths.append(path)
            elif not ROOT.is_relative_to(path.resolve()):
                paths += files_under(path, MAX_WATCHED) or []
    return paths


def _in_checkout(directory: Path) -> bool:
    """Whether ``directory`` is the checkout, holds it or lies in it: not a test's own folder."""
    directory = directory.resolve()
    return directory.is_relative_to(ROOT) or ROOT.is_relative_to(directory)


def run_lzip(
    *args: str | Path | int,
    env: Mapping[str, str | None] | None = None,
    inputs: Iterable[Path | str] = (),
    outputs: Iterable[Path | str] = (),
) -> Result:
    """Run ``lzip ARGS`` in-process with the real Typer app, as a user would, and return the result.

    ``args`` may be paths or numbers: each is passed as ``str(arg)``. ``env`` goes to
    ``CliRunner.invoke`` (a value of None unsets the variable for the run). Asserts that lzip
    raised nothing but ``SystemExit`` (showing the traceback if it did), that stdout and stderr
    hold no "Traceback", and that every file that existed before the run is byte for byte the
    same after it (symlinks by their target; a file gone counts as changed), of these:

    - every file under the working directory, when that is a test's own folder (``in_tmp``,
      ``monkeypatch.chdir(tmp_path)``): not when it is the checkout, holds it or lies in it, and
      not when it holds more than ``MAX_WATCHED`` files;
    - every file named in ``args``, and every file under a folder named there (a report folder,
      ``--data plan``);
    - the shipped plan, data/agencies.yaml and data/indicators.yaml;
    - ``inputs``: any other file the test wants watched.

    New files may appear. Left out, as what the run may overwrite: the paths in ``outputs``
    (files, or folders and all under them), and, when ``--force`` is given, the paths given to
    ``-o``/``--output``/``--out``. Without ``--force`` lzip must not overwrite anything, so those
    stay watched.
    """
    argv = [str(arg) for arg in args]
    allowed = [Path(path) for path in outputs]
    if "--force" in argv:
        allowed += map(Path, _named_outputs(argv))
    allowed = [Path(os.path.abspath(path)) for path in allowed]
    watched = {
        absolute
        for absolute in (Path(os.path.abspath(path)) for path in _watched(argv, inputs))
        if not any(absolute.is_relative_to(output) for output in allowed)
    }
    before = {path: digest(path) for path in watched if os.path.lexists(path)}

    result = CliRunner().invoke(app, argv, env=env)

    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            "lzip raised " + "".join(traceback.format_exception(*result.exc_info))
        ) from result.exception
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    changed = sorted(str(path) for path, was in before.items() if digest(path) != was)
    assert not changed, f"lzip {' '.join(argv)} changed input files: {changed}"
    return result


def patched(path: Path, member: str, old: bytes, new: bytes) -> Path:
    """``path`` with ``old`` replaced by ``new`` in the zip member ``member``."""
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    assert old in parts[member], (member, old)
    parts[member] = parts[member].replace(old, new)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path
