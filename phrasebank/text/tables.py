"""Large third-party tables read a piece at a time, so that other threads can run Python between the pieces.

jieba's HMM table (a 1.3 MB dict literal) and pypinyin's two dictionaries (one `json.loads` of 0.8 MB and
one of 2.5 MB) are each built in a single call. That call holds Python's lock for 0.1–0.6 s. Right after
start this happens beside the window, and the window stood still for 1.3–2.4 s in all. So each table is
kept in the app's cache folder as marshal pieces of PIECE entries. The pieces are made once, in a child
process, from the module itself. Before anything imports the module, a module holding the table read from
the pieces takes its place in `sys.modules`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from phrasebank.atomic import write_bytes_atomic

#: Entries of a table in one piece (reading one holds Python's lock about a millisecond).
PIECE = 500
#: Module -> the name of the table it holds, kept in pieces.
TABLES = {
    "jieba.finalseg.prob_emit": "P",
    "pypinyin.pinyin_dict": "pinyin_dict",
    "pypinyin.phrases_dict": "phrases_dict",
}
_MAKE = """
import importlib, sys
from phrasebank.text.tables import write_pieces
write_pieces(getattr(importlib.import_module(sys.argv[1]), sys.argv[2]), sys.argv[3])
"""


def nothing() -> None:
    """What happens between two pieces when nothing else runs beside the reading."""


def preload_all(folder: Path, pause: Callable[[], None] = nothing) -> None:
    """`preload` every table of TABLES (call it off the GUI thread; a window beside it passes its `pause`)."""
    for module, name in TABLES.items():
        preload(module, name, folder, pause)


def preload(module: str, name: str, folder: Path, pause: Callable[[], None] = nothing) -> bool:
    """Put `module`, holding only its table `name` read from pieces in `folder`, into `sys.modules`; the
    pieces are made first when missing. False (the module is left to be imported as usual) when the module is
    imported already, not installed, or its pieces cannot be made. `pause` runs between two pieces: Python
    alone hands its lock to a waiting window only every few pieces (`app.turns.give_way` gives way to it)."""
    if module in sys.modules:
        return False
    source = _source(module)
    if source is None:
        return False
    import importlib.metadata  # (not at start: its import takes a window's start 20 ms)
    import subprocess  # (6 ms)

    top = module.partition(".")[0]
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        top += "-" + importlib.metadata.version(top)
    cache = folder / f"table-{top}-{module}-{source.stat().st_size}.marshal"
    table = read_pieces(cache, pause)
    if table is None:
        root = str(Path(__file__).resolve().parents[2])  # the child finds phrasebank where this process did
        command = [sys.executable, "-c", f"import sys; sys.path.insert(0, {root!r})\n{_MAKE}", module, name]
        try:
            subprocess.run([*command, str(cache)], check=True, capture_output=True, timeout=300)
        except (OSError, subprocess.SubprocessError):
            return False
        table = read_pieces(cache, pause)
        if table is None:
            return False
    loaded = types.ModuleType(module)
    loaded.__file__ = str(source)
    setattr(loaded, name, table)
    sys.modules.setdefault(module, loaded)
    return True


def _source(module: str) -> Path | None:
    """Where `module`'s source is, found without importing its packages (which would import it)."""
    top, *inner = module.split(".")
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*inner).with_suffix(".py")
    return path if path.is_file() else None


def write_pieces(table: dict, path: str | Path) -> None:
    """Write a table (a dict, its values dicts or not) as marshal pieces, replacing `path` whole."""
    records = list(_records(table, ()))
    data = marshal.dumps(len(records)) + b"".join(marshal.dumps(record) for record in records)
    write_bytes_atomic(path, data)


def _records(table: dict, path: tuple) -> Iterator[tuple[tuple, dict]]:
    """(where in the table, a piece of at most PIECE entries) for every entry; a dict value is cut itself."""
    flat = [(key, value) for key, value in table.items() if not isinstance(value, dict)]
    for start in range(0, len(flat), PIECE):
        yield path, dict(flat[start : start + PIECE])
    for key, value in table.items():
        if isinstance(value, dict):
            yield (*path, key), {}  # (an empty one is there too)
            yield from _records(value, (*path, key))


def read_pieces(path: Path, pause: Callable[[], None] = nothing) -> dict[Any, Any] | None:
    """The table written by `write_pieces`, read a piece at a time; None when missing or damaged."""
    table: dict[Any, Any] = {}
    try:
        with path.open("rb") as file:
            for _ in range(marshal.load(file)):
                where, piece = marshal.load(file)
                target = table
                for key in where:
                    target = target.setdefault(key, {})
                target.update(piece)
                pause()
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return table
