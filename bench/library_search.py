"""Library search latency at 100,000 personal phrases: text, full pinyin and initials (target p99 ≤ 5 ms CPU).

    python bench/library_search.py [--phrases N]

Phrases are real word sequences from the government reports and the corpus (jieba n-grams),
added in one transaction to a library in a temporary folder. The reference measured in the same
run is a plain Python loop testing every phrase with `in`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library.entry import Entry
from phrasebank.library.pinyin import keys
from phrasebank.library.store import Library
from phrasebank.mining.miner import load_documents, mine_documents

SHARED = ROOT.parent / "shared"


def phrases(count: int) -> list[str]:
    docs = list(load_documents([SHARED / "govreports", SHARED / "corpus"]))
    result = mine_documents(docs)
    texts = sorted({t for t in result.index.texts if 3 <= len(t) <= 16})
    random.Random(1).shuffle(texts)
    out, n = list(texts[:count]), 0
    while len(out) < count:  # not enough distinct n-grams: number the repeats
        out.append(f"{texts[n % len(texts)]}{n // len(texts)}")
        n += 1
    return out


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=100_000)
    args = parser.parse_args()
    texts = phrases(args.phrases)
    sections = list(SectionType)
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder))
        started = time.perf_counter()
        library.add_many(
            [
                Entry(
                    t, PhraseKind.NGRAM, [sections[i % 7]], created="2026-01-01T00:00:00", updated="2026-01-01T00:00:00"
                )
                for i, t in enumerate(texts)
            ]
        )
        added = time.perf_counter() - started
        started = time.perf_counter()
        library.search("预热")
        library.search("yure")  # builds the pinyin keys too: part of the first search
        first = time.perf_counter() - started
        rng = random.Random(7)
        sample = rng.sample(texts, 200)
        queries = {
            "text": [t[1:3] for t in sample],
            "full pinyin": [keys(t[:2])[0] for t in sample],
            "initials": [keys(t[:4])[1] for t in sample],
        }
        rows, figures = [], {"phrases": len(texts), "add_seconds": added, "first_search_seconds": first}
        for name, qs in queries.items():
            ours, cpu = [], []
            for q in qs:
                t0, c0 = time.perf_counter(), time.process_time()
                library.search(q, limit=50)
                ours.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            plain = []
            for q in qs[:50]:
                t0 = time.perf_counter()
                [t for t in texts if q in t or q in keys(t)[0] or q in keys(t)[1]]
                plain.append((time.perf_counter() - t0) * 1000)
            p50, p99 = percentiles(ours)
            c50, c99 = percentiles(cpu)
            r50, _ = percentiles(plain)
            rows.append((name, p50, p99, c99, r50))
            figures[name] = {"p50_ms": p50, "p99_ms": p99, "cpu_p50_ms": c50, "cpu_p99_ms": c99}
            figures[name]["plain_loop_p50_ms"] = r50
        library.close()
    print(
        f"Library search over {len(texts):,} personal phrases (added in {added:.1f} s; "
        f"first search, building the index, {first * 1000:.0f} ms)"
    )
    print(f"{'query':<12} {'p50 ms':>8} {'p99 ms':>8} {'p99 CPU ms':>11} {'plain loop p50 ms':>18} {'speed-up':>9}")
    for name, p50, p99, c99, r50 in rows:
        print(f"{name:<12} {p50:8.2f} {p99:8.2f} {c99:11.2f} {r50:18.1f} {r50 / p50:8.0f}x")
    worst = max(c99 for _, _, _, c99, _ in rows)
    print(f"target p99 ≤ 5 ms CPU: {'met' if worst <= 5 else 'MISSED'} (worst p99 {worst:.2f} ms CPU)")
    out = ROOT / "bench" / "results" / "library_search.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
