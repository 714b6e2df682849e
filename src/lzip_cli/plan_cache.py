"""Keep a large plan, once validated, in a cache, so that the next run does not read its YAML again.

A plan of 100,000 indicators takes about 8 seconds to parse and validate and under one to load
from here; the county's own plan is far below :data:`MIN_BYTES` and never touches the cache.
An entry is found by a hash of both plan files' bytes, of lzip's own code and of the versions of
Python, pydantic and PyYAML: any change to one of them is a different entry, never a stale plan. Only a
plan that validated without a problem is kept. The cache is best-effort: an entry that cannot be
read or written is passed over in silence, and the plan is read from its files as without it.

Where: ``LZIP_CACHE_DIR`` if set (``off`` turns the cache off), else the user's cache folder
(``%LOCALAPPDATA%\\lzip\\Cache`` on Windows, ``~/Library/Caches/lzip`` on macOS,
``$XDG_CACHE_HOME/lzip`` or ``~/.cache/lzip`` elsewhere). At most :data:`KEEP` entries are kept.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lzip_cli.errors import LzipError

if TYPE_CHECKING:
    from lzip_cli.models import Plan

#: Plan files smaller than this together are read from YAML every time (well under 0.1 s).
MIN_BYTES = 1024 * 1024
#: How many plans the cache holds; the least recently used is removed first.
KEEP = 8
#: Changes when the layout of an entry changes.
_FORMAT = b"lzip plan cache 1"
_OFF = frozenset(("", "0", "off", "no", "false"))


def cache_dir() -> Path | None:
    """The folder of the cache, or None when ``LZIP_CACHE_DIR`` turns it off."""
    chosen = os.environ.get("LZIP_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "lzip", "Cache") if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lzip"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "lzip")


def wanted(total_bytes: int) -> bool:
    """Whether a plan of this size is worth caching, and the cache is on."""
    return total_bytes >= MIN_BYTES and cache_dir() is not None


def _code_digest() -> bytes:
    """A hash of lzip's own source: an entry from another version of the code is never used."""
    import hashlib

    import pydantic
    import pydantic_core
    import yaml

    digest = hashlib.sha256(_FORMAT)
    for part in (sys.version, pydantic.VERSION, pydantic_core.__version__, yaml.__version__):
        digest.update(part.encode() + b"\0")
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes() + b"\0")
    return digest.digest()


def key(*contents: bytes) -> str:
    """The name of the entry for plan files with these contents (in a fixed order)."""
    import hashlib

    digest = hashlib.sha256(_code_digest())
    for content in contents:
        digest.update(len(content).to_bytes(8, "little") + content)
    return digest.hexdigest()


def _entry(name: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"plan-{name}.pickle"


def load(name: str) -> Plan | None:
    """The cached plan of this key, or None if there is none or it cannot be used."""
    import pickle

    path = _entry(name)
    if path is None:
        return None
    try:
        with path.open("rb") as file:
            plan = pickle.load(file)
        os.utime(path)  # recently used: kept longest
    except Exception:  # any entry that cannot be read back is only a cache miss
        return None
    from lzip_cli.models import Plan

    return plan if type(plan) is Plan else None


def store(name: str, plan: Plan) -> None:
    """Keep ``plan`` under this key and drop the least recently used entries beyond :data:`KEEP`."""
    import pickle

    path = _entry(name)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from lzip_cli.output import atomic_binary

        with atomic_binary(path) as file:
            pickle.dump(plan, file, protocol=pickle.HIGHEST_PROTOCOL)
        entries = sorted(
            path.parent.glob("plan-*.pickle"), key=lambda entry: entry.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, LzipError, pickle.PicklingError, RecursionError):
        pass  # a cache that cannot be written costs only time
