"""Check throughput on distinct text: characters a second of `Checker.check`, beside a reference.

The text is the 40 bundled government reports joined into ~100,000-character documents (distinct text,
never a report repeated). The reference in the same run is one pass of a regular expression over the
same text (`re.findall` of the sentence marks), so a loaded machine shows in both figures; CPU time
is printed beside wall time.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from phrasebank.check import Checker
from phrasebank.document.files import read_paragraphs
from phrasebank.paths import RESOURCES
from phrasebank.structure.cleaning import clean_lines

SIZE = 100_000


def documents() -> list[list[str]]:
    """The bundled government reports cut into documents of about SIZE characters."""
    paragraphs = [
        p
        for path in sorted((RESOURCES / "corpus" / "government").glob("*.txt"))
        for p in clean_lines(read_paragraphs(path)).paragraphs
    ]
    result, current, size = [], [], 0
    for paragraph in paragraphs:
        current.append(paragraph)
        size += len(paragraph)
        if size >= SIZE:
            result.append(current)
            current, size = [], 0
    return result


def timed(work) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    docs = documents()
    chars = sum(len(p) for doc in docs for p in doc)
    checker = Checker.default()
    load_wall, load_cpu = timed(lambda: Checker(checker.formulations).check(["开展检查检查，“四个意实”。"]))
    wall, cpu = timed(lambda: [Checker(checker.formulations, checker.avoid).check(doc) for doc in docs])
    ref_wall, ref_cpu = timed(lambda: [re.findall("[。！？；]", "\n".join(doc)) for doc in docs])
    print(f"{len(docs)} documents, {chars:,} distinct characters")
    print(f"first check: {load_cpu:.2f} s CPU ({load_wall:.2f} s wall) — loads pypinyin and jieba's dictionary once")
    print(
        f"check      : {chars / cpu:>12,.0f} chars/s CPU ({cpu:.2f} s CPU, {wall:.2f} s wall)"
        f" — {cpu / len(docs):.2f} s CPU per 100,000-character document"
    )
    print(
        f"reference  : {chars / ref_cpu:>12,.0f} chars/s CPU ({ref_cpu:.3f} s CPU, {ref_wall:.3f} s wall)"
        " — one regular expression over the same text"
    )


if __name__ == "__main__":
    main()
