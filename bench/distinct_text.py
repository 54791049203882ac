"""Distinct report text of any size for the mining benches, made from the reports of ../shared.

Each copy of a report has its less common words replaced, one for one, by other dictionary words of the
same length (a fresh random mapping per copy; the 300 commonest words — function words, common verbs —
stay), so copies share grammar and common collocations as real reports do but never repeat their content:
the n-grams of the content grow with the text instead of saturating as in repeated text.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KEEP_COMMON = 300
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")


def _reports() -> list[list[str]]:
    from phrasebank.mining.miner import load_documents

    folders = [SHARED / "natreports", SHARED / "govreports", SHARED / "corpus"]
    return [doc.paragraphs for doc in load_documents(folders)]


def _swap(word: str, mapping: dict[str, str], common: set[str], by_length: dict[int, list[str]], rng) -> str:
    if word in common or not _CJK_WORD.match(word) or len(word) not in by_length:
        return word
    if word not in mapping:
        mapping[word] = rng.choice(by_length[len(word)])
    return mapping[word]


def distinct_copies(seed: int = 7) -> Iterator[list[str]]:
    """Copies of the reports of ../shared, one after another without end, each with its own words."""
    import jieba

    reports = _reports()
    tokenised = [[list(jieba.cut(p)) for p in paras] for paras in reports]
    freq = Counter(w for paras in tokenised for words in paras for w in words)
    common = {w for w, _ in freq.most_common(KEEP_COMMON)}
    jieba.initialize()
    by_length: dict[int, list[str]] = {}
    for word, n in jieba.dt.FREQ.items():
        if n > 0 and _CJK_WORD.match(word) and len(word) <= 6:
            by_length.setdefault(len(word), []).append(word)
    for words in by_length.values():
        words.sort()
    rng = random.Random(seed)
    while True:
        for paras in tokenised:
            mapping: dict[str, str] = {}  # this copy's own word for each uncommon word
            yield ["".join(_swap(w, mapping, common, by_length, rng) for w in words) for words in paras]


def write_distinct(folder: Path, characters: int, seed: int = 7) -> int:
    """Write about `characters` characters of distinct text as files of about 1 M characters each; returns
    the number written."""
    return write_parts(folder, distinct_copies(seed), characters)


def write_parts(folder: Path, copies: Iterable[list[str]], characters: int) -> int:
    """Write the paragraphs of successive copies as files of about 1 M characters until `characters` are
    written; returns the number written."""
    written, part, buffer, size = 0, 0, [], 0
    for paragraphs in copies:
        buffer.extend(paragraphs)
        size += sum(map(len, paragraphs))
        if size >= 1_000_000 or written + size >= characters:
            (folder / f"part{part:03d}.txt").write_text("\n".join(buffer), encoding="utf-8")
            written, part, buffer, size = written + size, part + 1, [], 0
        if written >= characters:
            break
    if buffer:
        (folder / f"part{part:03d}.txt").write_text("\n".join(buffer), encoding="utf-8")
        written += size
    return written


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    print(write_distinct(Path(sys.argv[1]), int(float(sys.argv[2]))))
