"""What the writer has already typed in this document, as completions for what comes next.

A report repeats its own terms (巡回指导组, its theme, its units); a predictive keyboard that learns
them saves far more than a static bank alone. The editor feeds finished clauses to `learn`; a query
looks only at the word n-grams seen twice that share the context's first two characters, so its cost
does not grow with the document.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Suggestion
from phrasebank.structure.cleaning import has_latin, has_noise
from phrasebank.suggest.context import Context
from phrasebank.suggest.ranking import MAX_COMPLETION, chain_probability
from phrasebank.text import segment
from phrasebank.text.chars import PLACEHOLDER_RE

#: Longest word sequence remembered.
MAX_WORDS = 8
#: Added to every denominator: a sequence typed once is far from certain to come again.
MEMORY_SHRINK = 2.0
#: A continuation is offered from memory only once the writer has typed it this often (or accepted it).
MIN_SIGHTINGS = 2
#: After a context that more remembered sequences continue than this, only the TOP_SCORED likeliest-looking ones
#: (count times length, as the index does for a wide prefix) and the commonest are scored: 130 follow 发展 in
#: a report of 100,000 characters, most typed twice, each far under a percent.
SCAN_LIMIT = 48
TOP_SCORED = 24
_MARKS = "，、。；：！？,.;:!?“”《》（）()"


class DocumentMemory:
    """Word n-grams of the clauses learned so far with their word boundaries, keyed by first two characters."""

    def __init__(self) -> None:
        self._buckets: dict[str, dict[str, list[int]]] = defaultdict(dict)  # text -> [count, bounds]
        self._often: dict[str, dict[str, list[int]]] = defaultdict(dict)  # those seen MIN_SIGHTINGS times
        self.paragraphs = 0

    def learn(self, paragraph: str, weight: int = 1, pause: Callable[[], None] = segment.nothing) -> None:
        """Remember the word sequences of a paragraph or a finished clause (`weight` times: an accepted
        suggestion counts as seen twice); `pause` runs after each sentence (a report learned beside the
        window gives way within its long paragraphs: one took 5-25 ms)."""
        self._count(paragraph, weight, pause)
        self.paragraphs += 1

    def forget(self, paragraph: str) -> None:
        """Take back what `learn` remembered of a clause the writer undid or deleted."""
        self._count(paragraph, -1)

    def _count(self, paragraph: str, step: int, pause: Callable[[], None] = segment.nothing) -> None:
        for sentence in segment.sentences(paragraph):
            pause()
            words = segment.words(sentence)
            marks = [word in _MARKS for word in words]
            stops = [word.isspace() or "×" in word or PLACEHOLDER_RE.search(word) is not None for word in words]
            # A sentence without noise has none in any part without Latin letters or digits (`has_latin`):
            # most word sequences are not tested one by one.
            noisy, latin = has_noise(sentence), [has_latin(word) for word in words]
            for start in range(len(words)):
                if marks[start] or words[start].isspace():
                    continue
                text, bounds, test = "", 0, noisy
                for end in range(start, min(start + MAX_WORDS, len(words))):
                    if 0 < len(text) <= segment.BOUND_BITS:
                        bounds |= 1 << (len(text) - 1)  # (`segment.boundary_bits` of one position)
                    text += words[end]
                    test = test or latin[end]
                    if stops[end]:
                        break
                    if len(text) >= 2 and not (test and has_noise(text)):
                        bucket = self._buckets[text[:2]]
                        entry = bucket.setdefault(text, [0, bounds])
                        entry[0] += step
                        self._sort(text, entry)
                        if entry[0] <= 0:
                            del bucket[text]
                    if marks[end]:
                        break

    def absorb(self, other: DocumentMemory) -> None:
        """Add what another memory learned (the opened text, learned in the background) to this one."""
        for key, bucket in other._buckets.items():
            mine = self._buckets[key]
            for text, (n, bounds) in bucket.items():
                entry = mine.setdefault(text, [0, bounds])
                entry[0] += n
                self._sort(text, entry)
        self.paragraphs += other.paragraphs

    def _sort(self, text: str, entry: list[int]) -> None:
        """Keep a sequence among those a query looks at exactly while it has been seen often enough."""
        often = self._often[text[:2]]
        if entry[0] >= MIN_SIGHTINGS:
            often[text] = entry
        else:
            often.pop(text, None)

    def count(self, text: str) -> int:
        """How often a word sequence was typed (0 when never, or when shorter than two characters)."""
        entry = self._buckets.get(text[:2], {}).get(text)
        return entry[0] if entry else 0

    def candidates(self, typed: Sequence[Context], section: SectionType | None) -> dict[str, Suggestion]:
        """Completions remembered after the typed contexts, with P(it comes next | context)."""
        best: dict[str, tuple[float, str]] = {}  # completion -> (score, text): made Suggestions at the end
        for context in typed:
            prefix, k = context.text, len(context.text)
            bucket = self._often.get(prefix[:2]) if k >= 2 else None  # (most are typed once: not looked at)
            if not bucket:
                continue
            counted = self._buckets[prefix[:2]]  # every sequence a text here begins with is counted here

            def count_of(text: str, counted: dict[str, list[int]] = counted) -> int:
                entry = counted.get(text)
                return entry[0] if entry else 0

            context_count = max(count_of(prefix), 1)
            following = [
                (text, bounds, seen)
                for text, (seen, bounds) in bucket.items()
                if text.startswith(prefix) and 2 <= len(text) - k <= MAX_COMPLETION
                and context.agrees(bounds) and text[-1] not in "“《（("
            ]
            for text, bounds, _seen in _worth_scoring(following):
                p = chain_probability(text, k, bounds, context_count, count_of, MEMORY_SHRINK)
                completion = text[k:]
                old = best.get(completion)
                if old is None or p > old[0]:
                    best[completion] = (p, text)
        sections = (section,) if section else ()
        return {
            completion: Suggestion(completion, text, PhraseKind.NGRAM, sections, p)
            for completion, (p, text) in best.items()
        }


def _worth_scoring(following: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The (text, bounds, times seen) continuing a context that are scored: all of them up to SCAN_LIMIT, else
    the TOP_SCORED of most times seen by length, and the commonest."""
    if len(following) <= SCAN_LIMIT:
        return following
    commonest = max(following, key=lambda item: item[2])
    chosen = heapq.nlargest(TOP_SCORED, following, key=lambda item: item[2] * len(item[0]))
    return chosen if commonest in chosen else [*chosen, commonest]
