"""The mined sentences kept on disk, not in memory, and short texts counted in them chunk by chunk.

Mining needs the corpus's sentences once more at its end (to count how often each entry's prefix occurs
anywhere in the text). Held as Python strings they would grow with the corpus; written to a temporary
file and read back a chunk at a time, memory stays bounded by the chunk whatever the corpus size.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator

import numpy as np

#: Characters read back per chunk.
CHUNK_CHARACTERS = 2_000_000
_SEPARATOR = "\x00"
_WIDTH = 0x110000  # code points: a character's id is its code point


class SpilledSentences:
    """Sentences appended during a scan, read back later in chunks of about CHUNK_CHARACTERS."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 (closed by close())
        self.characters = 0

    def extend(self, sentences: Iterable[str]) -> None:
        for sentence in sentences:
            self._file.write(sentence.replace(_SEPARATOR, " "))
            self._file.write(_SEPARATOR)
            self.characters += len(sentence) + 1

    def chunks(self, size: int = CHUNK_CHARACTERS) -> Iterator[str]:
        """The sentences joined by NUL, a chunk at a time, never cut inside a sentence."""
        self._file.flush()
        self._file.seek(0)
        rest = ""
        while block := self._file.read(size):
            block = rest + block
            cut = block.rfind(_SEPARATOR) + 1
            rest = block[cut:]
            if cut:
                yield block[:cut]
        if rest:
            yield rest

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SpilledSentences:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def count_texts(chunks: Iterable[str], texts: Iterable[str]) -> dict[str, int]:
    """How often each text occurs in the chunks (NUL-separated sentences; no match spans a NUL).

    Every prefix of a text is counted on the way (level by level, as an n-gram counter would, but only
    for what was asked), so the work is linear in the chunk and memory bounded by the chunk and the texts.
    Texts that never occur are left out.
    """
    asked = set(texts)
    levels: list[tuple[list[str], np.ndarray, np.ndarray]] = []  # per length: texts, sorted keys, order
    ids: dict[str, int] = {}
    for length in range(1, max((len(t) for t in asked), default=0) + 1):
        level = sorted({t[:length] for t in asked if len(t) >= length})
        keys = np.asarray([(ids[t[:-1]] + 1 if length > 1 else 0) * _WIDTH + ord(t[-1]) for t in level], np.int64)
        order = np.argsort(keys, kind="stable")
        ids.update((t, i) for i, t in enumerate(level))
        levels.append((level, keys[order], order))
    totals = [np.zeros(len(level), dtype=np.int64) for level, _, _ in levels]
    for chunk in chunks:
        codes = np.frombuffer(chunk.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        current = np.zeros(len(codes), dtype=np.int64)  # (id + 1) of the text ending ... starting here; 0: none
        for length, (_, keys, order) in enumerate(levels, start=1):
            positions = np.arange(len(codes) - length + 1) if length == 1 else np.nonzero(current[:-1])[0]
            if length > 1:
                positions = positions[positions + length - 1 < len(codes)]
            if not len(positions) or not len(keys):
                break
            wanted = current[positions] * _WIDTH + codes[positions + length - 1]
            at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            hit = keys[at] == wanted
            current = np.zeros(len(codes), dtype=np.int64)
            found = order[at[hit]]
            current[positions[hit]] = found + 1
            totals[length - 1] += np.bincount(found, minlength=len(keys))
    return {
        text: int(n)
        for (level, _, _), counts in zip(levels, totals, strict=True)
        for text, n in zip(level, counts.tolist(), strict=True)
        if n and text in asked
    }
