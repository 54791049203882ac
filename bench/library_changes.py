"""Changing the personal library while the writer types: recording a use and adding a phrase.

At 10 000 and 100 000 personal phrases it times `Library.record_use` (what accepting a suggestion or
inserting from the panel does) and `Library.add` (Ctrl+D), 300 calls each, and prints p50/p99.
Reference in the same run: one bare SQLite UPDATE + COMMIT on the same database file.
Target: p99 < 5 ms for both.

    python bench/library_changes.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phrasebank.library.entry import Entry
from phrasebank.library.store import Library

CALLS = 300


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.99) - 1] * 1000


def timed(call, arguments) -> list[float]:
    out = []
    for argument in arguments:
        started = time.perf_counter()
        call(argument)
        out.append(time.perf_counter() - started)
    return out


def measure(size: int, folder: Path) -> dict:
    library = Library(folder)
    library.add_many([Entry(f"第{n}条短语，以学促干、以干促学") for n in range(size)])
    library.search("以学")  # the search index is built, as in the window
    rng = random.Random(size)
    uses = [f"第{rng.randrange(size)}条短语，以学促干、以干促学" for _ in range(CALLS)]
    use = timed(library.record_use, uses)
    add = timed(library.add, [f"新加入的短语{n}" for n in range(CALLS)])
    db = sqlite3.connect(folder / "library.db", isolation_level=None)
    reference = timed(
        lambda n: (
            db.execute("BEGIN IMMEDIATE"),
            db.execute("INSERT OR REPLACE INTO meta VALUES ('bench', ?)", (n,)),
            db.execute("COMMIT"),
        ),
        range(CALLS),
    )
    db.close()
    library.close()
    return {
        "size": size,
        "record_use_ms": percentiles(use),
        "add_ms": percentiles(add),
        "sqlite_commit_ms": percentiles(reference),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            row = measure(size, Path(folder))
        rows.append(row)
        (u50, u99), (a50, a99), (r50, r99) = row["record_use_ms"], row["add_ms"], row["sqlite_commit_ms"]
        print(
            f"{size:>7} phrases: record_use p50 {u50:.2f} ms p99 {u99:.2f} ms; add p50 {a50:.2f} ms p99 {a99:.2f} ms; "
            f"bare SQLite commit p50 {r50:.2f} ms p99 {r99:.2f} ms",
            flush=True,
        )
    worst = max(max(row["record_use_ms"][1], row["add_ms"][1]) for row in rows)
    print(f"worst p99: {worst:.2f} ms; target < 5 ms: {'meets' if worst < 5 else 'MISSES'}")
    out = ROOT / "bench" / "results" / "library_changes.json"
    out.write_text(json.dumps(rows, indent=1))
    print(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
