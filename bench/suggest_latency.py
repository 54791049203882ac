"""Suggestion latency: p50/p99 of PhraseBank.suggest for 10 k, 100 k and 1 M index entries, at the
start, middle and end of a 100,000-character document (target p99 < 2 ms CPU at 1 M, flat in length).

Asked as the editor asks: the paragraph before the cursor, the section, the document's 文种, and the
document's memory, which has learned every paragraph before the region. CPU time of the asking thread beside
wall time.

    python bench/suggest_latency.py

Entries are real word n-grams mined from the government reports and the corpus repeated to 1 M
characters (about 870 k); the 1 M bank adds joined pairs of them. The reference measured in the
same run is a linear scan (every entry tested with startswith) over the 10 k bank.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from mining_throughput import build_input

from phrasebank.mining.miner import load_documents, mine_documents
from phrasebank.suggest.bank import PhraseBank
from phrasebank.suggest.context import current_tail
from phrasebank.suggest.frames import document_genre
from phrasebank.suggest.index import Entries
from phrasebank.suggest.memory import DocumentMemory


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def subset(entries: Entries, size: int, rng: random.Random) -> Entries:
    if size >= len(entries):
        extra = size - len(entries)
        picks = [rng.randrange(len(entries)) for _ in range(2 * extra)]
        texts = entries.texts + [
            entries.texts[a] + entries.texts[b] for a, b in zip(picks[::2], picks[1::2], strict=True)
        ]
        counts = list(entries.counts) + [2] * extra
        masks = list(entries.masks) + [1] * extra
        documents = list(entries.documents) + [2] * extra
        bounds = list(entries.bounds) + [
            (entries.bounds[a] | 1 << (len(entries.texts[a]) - 1)) & 0xFFFF if len(entries.texts[a]) <= 16 else 0
            for a in picks[::2]
        ]
        return Entries.build(texts, counts, masks, documents, bounds)
    chosen = sorted(rng.sample(range(len(entries)), size))
    return Entries(
        [entries.texts[i] for i in chosen],
        array("i", (entries.counts[i] for i in chosen)),
        array("B", (entries.masks[i] for i in chosen)),
        array("i", (entries.documents[i] for i in chosen)),
        array("I", (entries.bounds[i] for i in chosen)),
    )


def main() -> None:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as folder:
        build_input(Path(folder), 1_000_000)
        result = mine_documents(load_documents([folder]))
    held_out = [p for d in load_documents([ROOT.parent / "shared" / "govreports"]) for p in d.paragraphs]
    document = "\n".join(held_out)[:100_000]
    regions = {"start": 2_000, "middle": 50_000, "end": 99_000}
    befores = {
        name: [document[document.rfind("\n", 0, at + k) + 1 : at + k] for k in range(400)]
        for name, at in regions.items()
    }
    genre = document_genre(document)
    memories = {name: DocumentMemory() for name in regions}
    for name, at in regions.items():
        for paragraph in document[:at].split("\n")[:-1]:
            memories[name].learn(paragraph)
    figures, rows = {}, []
    for size in (10_000, 100_000, 1_000_000):
        entries = subset(result.index, size, rng)
        started = time.perf_counter()
        bank = PhraseBank([], entries, result.prefix_counts)
        build = time.perf_counter() - started
        for region, texts in befores.items():
            samples, cpu = [], []
            for before in texts:
                t0, c0 = time.perf_counter(), time.thread_time()
                bank.suggest(before, "measures", 5, memory=memories[region], genre=genre)  # jieba included
                cpu.append((time.thread_time() - c0) * 1000)
                samples.append((time.perf_counter() - t0) * 1000)
            p50, p99 = percentiles(samples)
            cpu50, cpu99 = percentiles(cpu)
            figures[f"{size}/{region}"] = {
                "p50_ms": p50,
                "p99_ms": p99,
                "cpu_p50_ms": cpu50,
                "cpu_p99_ms": cpu99,
                "build_s": build,
            }
            rows.append((size, region, p50, p99, cpu50, cpu99, build))
        if size == 10_000:
            scan = []
            for before in befores["middle"][:100]:
                tail = current_tail(before)
                t0 = time.perf_counter()
                for k in range(1, min(len(tail), 12) + 1):
                    prefix = tail[-k:]
                    sorted((t for t in entries.texts if t.startswith(prefix)), key=len)[:5]
                scan.append((time.perf_counter() - t0) * 1000)
            figures["reference_linear_scan_10k"] = dict(zip(("p50_ms", "p99_ms"), percentiles(scan), strict=True))
    print(f"{'entries':>9} {'where':>7} {'p50 ms':>8} {'p99 ms':>8} {'CPU p50':>8} {'CPU p99':>8}   (index built in)")
    for size, region, p50, p99, cpu50, cpu99, build in rows:
        print(f"{size:>9,} {region:>7} {p50:8.3f} {p99:8.3f} {cpu50:8.3f} {cpu99:8.3f}   ({build:.1f} s)")
    ref = figures["reference_linear_scan_10k"]
    print(f"reference: linear scan over 10 k entries p50 {ref['p50_ms']:.2f} ms, p99 {ref['p99_ms']:.2f} ms")
    worst = max(v["cpu_p99_ms"] for k, v in figures.items() if k.startswith("1000000/"))
    print(f"target CPU p99 < 2 ms at 1 M entries: {'met' if worst < 2 else 'MISSED'} (worst CPU p99 {worst:.3f} ms)")
    (ROOT / "bench" / "results" / "suggest_latency.json").write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
