"""Mining throughput and memory on 1 M and 10 M characters of real report text.

    python bench/mining_throughput.py [--sizes 1,10]
    python bench/mining_throughput.py --distinct    # growth on distinct text (no repetition)
    python bench/mining_throughput.py --synthetic 1,4,16   # distinct text of any size (bench/distinct_text.py)

The inputs are the 16 government reports and the corpus, cleaned, repeated with the paragraphs of
each copy shuffled (seeded), written as files of about 1 M characters. Each measurement runs in a
fresh child process so that its peak RSS is its own. The reference in the same run is
jieba.analyse.extract_tags over the same text. Targets: 10 M characters in under 60 s and 2 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
kind, folder = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if kind == "engine":
    import phrasebank
    bank = phrasebank.mine([folder])
    extra = {{"phrases": len(bank.phrases), "index_entries": len(bank.index)}}
else:
    import pathlib, jieba.analyse
    text = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(folder).glob("*.txt")))
    extra = {{"keywords": len(jieba.analyse.extract_tags(text, topK=2000))}}
seconds = time.perf_counter() - start
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime  # the segmenting workers' CPU too
peak_mb, worker_peak_mb = own.ru_maxrss / 1024, workers.ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "worker_peak_mb": worker_peak_mb, **extra}}))
"""


def build_input(folder: Path, characters: int) -> int:
    from distinct_text import write_parts

    from phrasebank.mining.miner import load_documents

    docs = list(load_documents([SHARED / "govreports", SHARED / "corpus"]))
    rng = random.Random(42)

    def copies():
        while True:
            for doc in docs:
                paragraphs = list(doc.paragraphs)
                rng.shuffle(paragraphs)
                yield paragraphs

    return write_parts(folder, copies(), characters)


def measure(kind: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), kind, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def distinct_growth() -> None:
    """Growth on distinct text: the first quarter, half and all of the distinct reports in ../shared
    (national, provincial, supervision; no text repeated), mined in fresh processes; CPU, memory and
    index entries per character should stay flat as the text doubles."""
    reports = sorted((SHARED / "natreports").glob("*.txt")) + sorted((SHARED / "govreports").glob("*.txt"))
    reports += sorted((SHARED / "corpus").glob("*.txt"))
    figures = {}
    for share in (4, 2, 1):
        chosen = reports[: len(reports) // share]
        with tempfile.TemporaryDirectory() as folder:
            for path in chosen:
                (Path(folder) / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            chars = sum(len(p.read_text(encoding="utf-8")) for p in chosen)
            engine = measure("engine", Path(folder))
            reference = measure("jieba", Path(folder))
        figures[f"1/{share}"] = {"characters": chars, "engine": engine, "jieba_extract_tags": reference}
        print(
            f"{len(chosen):3} distinct reports, {chars:,} chars: engine {engine['cpu']:.1f} CPU-s "
            f"({engine['cpu'] / chars * 1e5:.2f} per 100 k chars), peak {engine['peak_mb']:.0f} MB, "
            f"{engine['index_entries']:,} index entries ({engine['index_entries'] / chars:.3f} per char) | "
            f"jieba.analyse {reference['cpu']:.1f} CPU-s, peak {reference['peak_mb']:.0f} MB",
            flush=True,
        )
    out = ROOT / "bench" / "results" / "mining_distinct.json"
    out.write_text(json.dumps(figures, indent=1))


def synthetic_growth(sizes: list[float]) -> None:
    """Growth on distinct text of millions of characters (bench/distinct_text.py): CPU per character and
    peak memory as the text grows, beside jieba.analyse.extract_tags over the same files."""
    from distinct_text import write_distinct

    figures = {}
    for millions in sizes:
        with tempfile.TemporaryDirectory() as folder:
            chars = write_distinct(Path(folder), int(millions * 1_000_000))
            engine = measure("engine", Path(folder))
            reference = measure("jieba", Path(folder))
        figures[f"{millions:g}M"] = {"characters": chars, "engine": engine, "jieba_extract_tags": reference}
        print(
            f"{millions:>5g} M distinct chars: engine {engine['cpu']:.1f} CPU-s ({engine['seconds']:.1f} s wall, "
            f"{engine['cpu'] / chars * 1e5:.2f} CPU-s per 100 k chars), peak {engine['peak_mb']:.0f} MB "
            f"(+ {engine['worker_peak_mb']:.0f} MB per segmenting worker), {engine['phrases']:,} phrases, "
            f"{engine['index_entries']:,} index entries | jieba.analyse "
            f"{reference['cpu']:.1f} CPU-s, peak {reference['peak_mb']:.0f} MB | CPU ratio "
            f"{engine['cpu'] / reference['cpu']:.2f}x",
            flush=True,
        )
    out = ROOT / "bench" / "results" / "mining_synthetic.json"
    out.write_text(json.dumps(figures, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="millions of characters, comma-separated")
    parser.add_argument("--distinct", action="store_true", help="growth on the distinct reports of ../shared")
    parser.add_argument("--synthetic", help="millions of distinct characters, comma-separated (e.g. 1,4,16)")
    args = parser.parse_args()
    if args.synthetic:
        synthetic_growth([float(s) for s in args.synthetic.split(",")])
        return
    if args.distinct:
        distinct_growth()
        return
    rows, figures = [], {}
    for millions in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as folder:
            chars = build_input(Path(folder), millions * 1_000_000)
            engine = measure("engine", Path(folder))
            reference = measure("jieba", Path(folder))
        figures[f"{millions}M"] = {"characters": chars, "engine": engine, "jieba_extract_tags": reference}
        rows.append((millions, chars, engine, reference))
        print(
            f"{millions:>3} M chars ({chars:,}): engine {engine['seconds']:.1f} s "
            f"({chars / engine['seconds'] / 1000:.0f} k chars/s), peak {engine['peak_mb']:.0f} MB, "
            f"{engine['phrases']} phrases, {engine['index_entries']:,} index entries | "
            f"jieba.analyse {reference['seconds']:.1f} s, peak {reference['peak_mb']:.0f} MB | "
            f"ratio {engine['seconds'] / reference['seconds']:.2f}x",
            flush=True,
        )
    if "10M" in figures:
        e = figures["10M"]["engine"]
        ok = e["seconds"] < 60 and e["peak_mb"] < 2048
        print(
            f"target 10 M chars < 60 s and < 2 GB: {'met' if ok else 'MISSED'} "
            f"({e['seconds']:.1f} s, {e['peak_mb']:.0f} MB)"
        )
    out = ROOT / "bench" / "results" / "mining_throughput.json"
    out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(whole run {time.perf_counter() - started:.0f} s)")
