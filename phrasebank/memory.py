"""What the writer has already typed in this document, as completions for what comes next.

A report repeats its own terms (巡回指导组, x县, its theme); a predictive keyboard that learns them
saves far more than a static bank alone. The editor feeds finished paragraphs to `learn`; a query
looks only at a bucket of n-grams sharing the typed prefix's first two characters, so its cost does
not grow with the document.
"""

from __future__ import annotations

from collections import defaultdict

from . import tokenize
from .phrase import Suggestion
from .suggest import MAX_CONTEXT, SHRINK, Candidate, IndexEntry, current_tail, finish
from .types import PhraseKind, SectionType

#: Longest word sequence remembered.
MAX_WORDS = 8
#: Weight of a remembered completion against the bank's.
MEMORY_WEIGHT = 0.3


class DocumentMemory:
    """Word n-grams of the paragraphs learned so far, keyed by their first two characters."""

    def __init__(self) -> None:
        self._buckets: dict[str, dict[str, int]] = defaultdict(dict)
        self.paragraphs = 0

    def learn(self, paragraph: str) -> None:
        """Remember the word sequences of one paragraph."""
        from .mining import typable  # mining imports numpy; keep it off the import path of the editor

        for sentence in tokenize.sentences(paragraph):
            words = tokenize.words(sentence)
            for start in range(len(words)):
                text = ""
                for end in range(start, min(start + MAX_WORDS, len(words))):
                    text += words[end]
                    if len(text) >= 3 and typable(text):
                        bucket = self._buckets[text[:2]]
                        bucket[text] = bucket.get(text, 0) + 1
        self.paragraphs += 1

    def candidates(self, tail: str, section: SectionType | None) -> dict[str, Candidate]:
        """Completions remembered for the tail, with P(it comes next | typed prefix)."""
        found: dict[str, Candidate] = {}
        sections = (section,) if section else ()
        for k in range(2, min(len(tail), MAX_CONTEXT) + 1):
            prefix = tail[-k:]
            bucket = self._buckets.get(prefix[:2])
            if not bucket:
                continue
            matches = [(text, n) for text, n in bucket.items() if text.startswith(prefix)]
            if not matches:
                continue
            denominator = SHRINK + max(n for _, n in matches)
            for text, n in matches:
                if len(text) - k < 2:
                    continue
                p = MEMORY_WEIGHT * n / denominator
                completion = text[k:]
                old = found.get(completion)
                if old is None or p > old.probability:
                    found[completion] = Candidate(p, IndexEntry(text, n, PhraseKind.NGRAM, sections), True)
        return found


def merge(*sources: dict[str, Candidate]) -> dict[str, Candidate]:
    """Candidates from several sources; a completion keeps its most probable reading."""
    merged: dict[str, Candidate] = {}
    for source in sources:
        for completion, candidate in source.items():
            old = merged.get(completion)
            if old is None or candidate.probability > old.probability:
                merged[completion] = candidate
    return merged


def suggest_with_memory(
    index, memory: DocumentMemory | None, before: str, section: SectionType | None, limit: int = 5
) -> list[Suggestion]:
    """Suggestions from the bank's index and the document's memory together."""
    tail = current_tail(before)
    found = index.candidates(tail, section)
    if memory is not None:
        found = merge(found, memory.candidates(tail, section))
    return finish(found, limit, section)
