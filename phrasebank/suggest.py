"""Typing suggestions: from the text before the cursor to the completions worth offering.

The index is a sorted list of entry texts in compact parallel arrays. A prefix look-up is a bisect;
prefixes shared by many entries have their best entries precomputed, so a look-up costs the same
for ten thousand or a million entries. A query looks only at the current sentence's tail, so its
cost does not grow with the document either.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .phrase import Phrase, Suggestion
from .structure import Role, body_cue, parse_paragraph
from .types import SENTENCE_END, PhraseKind, SectionType

SECTIONS = list(SectionType)
KINDS = list(PhraseKind)
#: Kinds whose phrases carry slots: offered only once two characters of them are typed.
_SLOT_KINDS = frozenset(KINDS.index(kind) for kind in (PhraseKind.PATTERN, PhraseKind.HEADING, PhraseKind.OPENING))

#: How many characters before the cursor may start a phrase.
MAX_CONTEXT = 12
#: A prefix range up to this size is scanned; larger ones use their precomputed best entries.
SCAN_LIMIT = 48
#: How many best entries a wide prefix keeps.
TOP_PER_PREFIX = 24
#: Prefixes up to this length carry their true character counts (see mining.count_prefixes).
PREFIX_COUNT_LEN = 6
#: Added to every denominator: two sightings out of two is not certainty.
SHRINK = 1.0
#: Weight of an entry seen only once: offered only where nothing better is known.
SINGLETON_WEIGHT = 0.2
#: Weight of a phrase used in the section the cursor is in.
SECTION_BOOST = 1.5
#: A completion yields its slot to a longer one extending it that is at least this probable.
NESTED_RATIO = 0.9
#: How far back (paragraphs) section inference looks for a heading.
HEADING_LOOKBACK = 400


@dataclass(frozen=True)
class IndexEntry:
    """One entry of the index as stored: text, count, kind, section counts bitmask."""

    text: str
    count: int
    kind: PhraseKind
    sections: tuple[SectionType, ...]


@dataclass
class Entries:
    """Typing-index entries as sorted, unique, parallel arrays: no object per entry."""

    texts: list[str]
    counts: array
    masks: array

    @classmethod
    def build(cls, texts: Sequence[str], counts: Iterable[int], masks: Iterable[int]) -> Entries:
        """Sort by text; entries with one text (different word splits) merge: max count, union of sections."""
        counts, masks = list(counts), list(masks)
        order = sorted(range(len(texts)), key=texts.__getitem__)
        out = cls([], array("i"), array("B"))
        for i in order:
            if out.texts and out.texts[-1] == texts[i]:
                out.counts[-1] = max(out.counts[-1], counts[i])
                out.masks[-1] |= masks[i]
            else:
                out.texts.append(texts[i])
                out.counts.append(counts[i])
                out.masks.append(masks[i])
        return out

    @classmethod
    def of(cls, phrases: Iterable[Phrase]) -> Entries:
        phrases = list(phrases)
        return cls.build([p.text for p in phrases], (p.count for p in phrases), (_mask(p) for p in phrases))

    def __len__(self) -> int:
        return len(self.texts)


class SuggestIndex:
    """Prefix index over phrase texts with counts, kinds and the sections each is used in."""

    def __init__(
        self,
        phrases: Iterable[Phrase] = (),
        entries: Entries | None = None,
        prefix_counts: dict[str, int] | None = None,
    ) -> None:
        """Named `phrases` (with their kinds) merged into the typing `entries`."""
        self.prefix_counts: dict[str, int] = dict(prefix_counts or {})
        entries = entries or Entries([], array("i"), array("B"))
        named: dict[str, Phrase] = {}
        for phrase in phrases:
            named.setdefault(phrase.text, phrase)
        extra = sorted(named)
        self.texts: list[str] = []
        self.counts, self.kinds, self.masks = array("i"), array("b"), array("B")
        ngram = KINDS.index(PhraseKind.NGRAM)
        i = j = 0
        while i < len(entries) or j < len(extra):
            if j >= len(extra) or (i < len(entries) and entries.texts[i] < extra[j]):
                self._append(entries.texts[i], entries.counts[i], ngram, entries.masks[i])
                i += 1
                continue
            phrase = named[extra[j]]
            count, mask = phrase.count, _mask(phrase)
            if i < len(entries) and entries.texts[i] == extra[j]:
                count, mask = max(count, entries.counts[i]), mask | entries.masks[i]
                i += 1
            self._append(phrase.text, count, KINDS.index(phrase.kind), mask)
            j += 1
        self.wide: dict[str, tuple[int, int, tuple[int, ...]]] = {}  # prefix -> (lo, hi, best entries)
        self._precompute_wide()

    def _append(self, text: str, count: int, kind: int, mask: int) -> None:
        self.texts.append(text)
        self.counts.append(count)
        self.kinds.append(kind)
        self.masks.append(mask)

    def __len__(self) -> int:
        return len(self.texts)

    def entry(self, i: int) -> IndexEntry:
        mask = self.masks[i]
        sections = tuple(s for bit, s in enumerate(SECTIONS) if mask >> bit & 1)
        return IndexEntry(self.texts[i], self.counts[i], KINDS[self.kinds[i]], sections)

    def starting_with(self, prefix: str) -> tuple[int, int, Iterable[int]]:
        """(lo, hi, candidates): the range of entries starting with prefix and the ones worth scoring."""
        wide = self.wide.get(prefix)
        if wide is not None:
            return wide
        lo = bisect_left(self.texts, prefix)
        hi = bisect_left(self.texts, prefix + "\uffff", lo)
        return lo, hi, range(lo, hi)

    def candidates(self, tail: str, section: SectionType | None) -> dict[str, Candidate]:
        """Every completion the index offers for the tail, with P(it comes next | typed prefix).

        The typed prefix may start at any of the last MAX_CONTEXT characters; each start is a
        context, and a completion keeps its best probability over contexts. Thin evidence is
        shrunk (SHRINK), and phrases used in the current section are weighted up.
        """
        bit = 1 << SECTIONS.index(section) if section else 0
        found: dict[str, Candidate] = {}
        for k in range(1, min(len(tail), MAX_CONTEXT) + 1):
            prefix = tail[-k:]
            if prefix[0].isspace():
                break
            lo, hi, candidates = self.starting_with(prefix)
            if lo >= hi:
                continue
            denominator = SHRINK + max(
                self.prefix_counts.get(prefix, 0),
                self.counts[lo] if self.texts[lo] == prefix else 0,
                max((self.counts[i] for i in candidates), default=1),
            )
            for i in candidates:
                text = self.texts[i]
                if len(text) - k < 2 or (k < 2 and self.kinds[i] in _SLOT_KINDS):
                    continue
                in_section = bool(self.masks[i] & bit)
                p = self.counts[i] / denominator * (SECTION_BOOST if in_section else 1.0)
                if self.counts[i] == 1:
                    p *= SINGLETON_WEIGHT
                completion = text[k:]
                old = found.get(completion)
                if old is None or p > old.probability:
                    found[completion] = Candidate(p, self.entry(i), in_section)
        return found

    def _precompute_wide(self) -> None:
        """Best entries of every prefix shared by more than SCAN_LIMIT entries, refined level by level."""
        texts, counts = self.texts, self.counts
        ranges = [(0, len(texts))]
        depth = 1
        while ranges and depth <= MAX_CONTEXT:
            next_ranges = []
            for lo, hi in ranges:
                i = lo
                while i < hi:
                    if len(texts[i]) < depth:
                        i += 1
                        continue
                    prefix = texts[i][:depth]
                    j = bisect_left(texts, prefix + "\uffff", i, hi)
                    if j - i > SCAN_LIMIT:
                        best = sorted(range(i, j), key=lambda e: -counts[e] * len(texts[e]))[:TOP_PER_PREFIX]
                        best.append(max(range(i, j), key=counts.__getitem__))
                        self.wide[prefix] = (i, j, tuple(dict.fromkeys(best)))
                        next_ranges.append((i, j))
                    i = j
            ranges = next_ranges
            depth += 1


@dataclass(frozen=True)
class Candidate:
    """A completion's probability and the entry it comes from."""

    probability: float
    entry: IndexEntry
    in_section: bool


def finish(found: dict[str, Candidate], limit: int, section: SectionType | None) -> list[Suggestion]:
    """The `limit` most probable completions, in-section ones first.

    A completion is left out when a longer one extending it is nearly as probable: the longer one
    is accepted whenever the shorter would be, so the slot serves another continuation better.
    """
    ranked = sorted(found.items(), key=lambda item: -item[1].probability)[: limit * 6]
    chosen: list[tuple[str, Candidate]] = []
    for completion, candidate in ranked:
        if any(
            other != completion
            and other.startswith(completion)
            and rival.probability >= NESTED_RATIO * candidate.probability
            for other, rival in ranked
        ):
            continue
        chosen.append((completion, candidate))
        if len(chosen) == limit:
            break
    chosen.sort(key=lambda item: not item[1].in_section)
    return [
        Suggestion(completion, c.entry.text, c.entry.kind, c.entry.sections, round(c.probability, 4))
        for completion, c in chosen
    ]


def current_tail(before: str) -> str:
    """The text after the last paragraph break and the last sentence end before the cursor."""
    start = max(before.rfind("\n"), *(before.rfind(mark) for mark in SENTENCE_END))
    return before[start + 1 :]


def infer_section(before: str) -> SectionType | None:
    """Section type at the cursor: the current paragraph's own cue, else the nearest heading's type."""
    end = len(before)
    paragraph_start = before.rfind("\n") + 1
    cue = body_cue(before[paragraph_start:])
    if cue in (SectionType.NEXT_STEPS, SectionType.PROBLEMS, SectionType.CLOSING):
        return cue
    end = paragraph_start - 1
    for _ in range(HEADING_LOOKBACK):
        if end < 0:
            return SectionType.OPENING
        start = before.rfind("\n", 0, end) + 1
        para = parse_paragraph(before[start:end])
        if para.role is Role.HEADING and para.heading_types:
            return para.heading_types[0]
        if para.role is Role.BODY and para.cue in (SectionType.NEXT_STEPS, SectionType.PROBLEMS):
            return para.cue
        end = start - 1
    return None


def _mask(phrase: Phrase) -> int:
    mask = 0
    for section in phrase.sections:
        mask |= 1 << SECTIONS.index(section)
    return mask
