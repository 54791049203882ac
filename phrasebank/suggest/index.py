"""The bank's typing index as a suggestion source: completions of mined word sequences and phrases.

A completion's score estimates P(it comes next | context): the longest context with evidence decides,
shorter ones count with a back-off factor (Brants et al.'s "stupid back-off"), and evidence from a
single report or a single sighting is discounted.

The index is a sorted list of entry texts in compact parallel arrays; a prefix look-up is a bisect,
and prefixes shared by many entries have their best entries precomputed.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Phrase, Suggestion
from phrasebank.suggest.context import MAX_CONTEXT, Context
from phrasebank.suggest.ranking import LIST_RATIO, MAX_COMPLETION, SHOW_THRESHOLD, Steps, chain_steps, chained
from phrasebank.text import segment
from phrasebank.text.chars import CLAUSE_END, PLACEHOLDER_RE, SLOT

SECTIONS = list(SectionType)
KINDS = list(PhraseKind)
#: Kinds whose phrases carry slots: offered only once two characters of them are typed.
_SLOT_KINDS = frozenset(KINDS.index(kind) for kind in (PhraseKind.PATTERN, PhraseKind.HEADING, PhraseKind.OPENING))

#: The section types of each section mask (a byte).
_SECTIONS_OF = [tuple(s for bit, s in enumerate(SECTIONS) if mask >> bit & 1) for mask in range(256)]
#: A prefix range up to this size is scanned; larger ones use their precomputed best entries.
SCAN_LIMIT = 48
#: How many best entries a wide prefix keeps.
TOP_PER_PREFIX = 24
#: Prefixes up to this length carry their true character counts (see mining.count_prefixes).
PREFIX_COUNT_LEN = 6
#: Added to every denominator: two sightings out of two is not certainty.
SHRINK = 1.0
#: Each step back from the longest context with evidence multiplies a score by this.
BACKOFF = 0.4
#: A context this far back from the longest with evidence is not looked at: its completions score under any row
#: the popup lists (LIST_RATIO of a best row of at least SHOW_THRESHOLD).
LEAST_WEIGHT = SHOW_THRESHOLD * LIST_RATIO
#: Weight of an entry seen only once, and of one seen in a single report only.
SINGLETON_WEIGHT = 0.2
SINGLE_DOCUMENT_WEIGHT = 0.5
#: Weight of a phrase used in the section the cursor is in.
SECTION_BOOST = 1.25
#: What ends a sighting: a clause mark or a closing quote or bracket.
_ENDS = CLAUSE_END + "”’》）)〕】"
#: Sightings of a text that all went on the same way before a completion runs on with them.
RUN_FROM = 5
#: Sightings of a text that all went on the same way (fewer than RUN_FROM) for it to be no completion of its own:
#: 第六代 was 第六代移动通信 all three times; the longer text is offered on its own evidence.
DROP_FROM = 3
#: `run_of` looks at most at this many longer entries (a text with more goes on in many ways).
CONTINUATIONS_LOOKED_AT = 200
#: Entries whose chain steps are kept between asks: forgotten past this many.
CHAINS_KEPT = 100_000


@dataclass
class Entries:
    """Typing-index entries as sorted, unique, parallel arrays: no object per entry.

    `documents`: 1 when an entry occurs in a single report, 2 when in several; `bounds`: its inner
    word boundaries as bits (see segment.bounds_mask), so that a context never matches across a word
    the corpus split otherwise.
    """

    texts: list[str]
    counts: array
    masks: array
    documents: array
    bounds: array

    @classmethod
    def empty(cls) -> Entries:
        return cls([], array("i"), array("B"), array("i"), array("I"))

    @classmethod
    def build(
        cls,
        texts: Sequence[str],
        counts: Iterable[int],
        masks: Iterable[int],
        documents: Iterable[int],
        bounds: Iterable[int],
    ) -> Entries:
        """Sort by text; entries with one text (different word splits) merge, keeping the commoner split."""
        counts, masks, documents, bounds = list(counts), list(masks), list(documents), list(bounds)
        order = sorted(range(len(texts)), key=texts.__getitem__)
        out = cls.empty()
        for i in order:
            if out.texts and out.texts[-1] == texts[i]:
                if counts[i] > out.counts[-1]:
                    out.counts[-1], out.bounds[-1] = counts[i], bounds[i]
                out.masks[-1] |= masks[i]
                out.documents[-1] = max(out.documents[-1], documents[i])
            else:
                out.texts.append(texts[i])
                out.counts.append(counts[i])
                out.masks.append(masks[i])
                out.documents.append(documents[i])
                out.bounds.append(bounds[i])
        return out

    @classmethod
    def of(cls, phrases: Iterable[Phrase]) -> Entries:
        """Entries for phrases (segmented here); a phrase seen twice counts as seen in two reports."""
        phrases = list(phrases)
        return cls.build(
            [p.text for p in phrases],
            (p.count for p in phrases),
            (section_mask(p.sections) for p in phrases),
            (min(p.count, 2) for p in phrases),
            (segment.bounds_mask(p.text) for p in phrases),
        )

    def __len__(self) -> int:
        return len(self.texts)


class SuggestIndex:
    """Prefix index over phrase texts with counts, kinds, reports, sections and word boundaries."""

    def __init__(
        self,
        phrases: Iterable[Phrase] = (),
        entries: Entries | None = None,
        prefix_counts: dict[str, int] | None = None,
        merged: bool = False,
        wide: dict[str, tuple[int, int, tuple[int, ...]]] | None = None,
    ) -> None:
        """Named `phrases` (with their kinds) merged into the typing `entries`; `merged`: the entries are an
        index's own (`entries()`, as a bank file keeps them), merged with these phrases already, and only the
        phrases' kinds are put back (a bank loads in a fraction of the time); `wide`: such an index's `wide` as
        stored with it (finding them again took the government bank 0.3 s).

        Anonymisation marks (x, XX, ××) are never offered as text: only phrases of the slot kinds keep
        them, where XX is a slot the editor selects.
        """
        self.prefix_counts: dict[str, int] = dict(prefix_counts or {})
        entries = entries or Entries.empty()
        named: dict[str, Phrase] = {}
        for phrase in phrases:
            if _offerable(phrase.text, KINDS.index(phrase.kind)):
                named.setdefault(phrase.text, phrase)
        self.texts: list[str] = []
        self.counts, self.kinds, self.masks = array("i"), array("b"), array("B")
        self.documents, self.bounds = array("i"), array("I")
        as_stored = merged and self._kinds_put_back(entries, named)
        if not as_stored:
            self._merge(entries, named)
        self._chains: dict[int, tuple[int, Steps]] = {}  # entry -> (k, its `chain_steps` past k characters)
        self._runs: dict[int, int] = {}  # entry -> `run_of`
        self.wide: dict[str, tuple[int, int, tuple[int, ...]]] = {}  # prefix -> (lo, hi, best entries)
        if as_stored and wide is not None:
            self.wide = wide
        else:
            self._precompute_wide()

    def _merge(self, entries: Entries, named: dict[str, Phrase]) -> None:
        known = set(entries.texts)
        extra = Entries.of(p for text, p in named.items() if text not in known)
        ngram = KINDS.index(PhraseKind.NGRAM)
        i = j = 0
        while i < len(entries) or j < len(extra):
            if j >= len(extra) or (i < len(entries) and entries.texts[i] < extra.texts[j]):
                source, at = entries, i
                i += 1
            else:
                source, at = extra, j
                j += 1
            text = source.texts[at]
            phrase = named.get(text)
            kind = KINDS.index(phrase.kind) if phrase else ngram
            if not _offerable(text, kind):
                continue
            count = max(source.counts[at], phrase.count if phrase else 0)
            mask = source.masks[at] | (section_mask(phrase.sections) if phrase else 0)
            self.texts.append(text)
            self.counts.append(count)
            self.kinds.append(kind)
            self.masks.append(mask)
            self.documents.append(source.documents[at])
            self.bounds.append(source.bounds[at])

    def _kinds_put_back(self, entries: Entries, named: dict[str, Phrase]) -> bool:
        """The merged entries as they are, with the named phrases' kinds; False when one is not among them."""
        texts = entries.texts
        found: dict[str, int] = {}
        for text in named:
            at = bisect_left(texts, text)
            if at == len(texts) or texts[at] != text:
                return False
            found[text] = at
        self.texts = list(texts)
        self.counts, self.masks = array("i", entries.counts), array("B", entries.masks)
        self.documents, self.bounds = array("i", entries.documents), array("I", entries.bounds)
        self.kinds = array("b", [KINDS.index(PhraseKind.NGRAM)]) * len(texts)
        for text, at in found.items():
            phrase = named[text]
            self.kinds[at] = KINDS.index(phrase.kind)
            self.counts[at] = max(self.counts[at], phrase.count)
            self.masks[at] |= section_mask(phrase.sections)
        return True

    def __len__(self) -> int:
        return len(self.texts)

    def entries(self) -> Entries:
        """The whole index as stored in a bank file."""
        return Entries(self.texts, self.counts, self.masks, self.documents, self.bounds)

    def kind(self, i: int) -> PhraseKind:
        return KINDS[self.kinds[i]]

    def sections(self, i: int) -> tuple[SectionType, ...]:
        return _SECTIONS_OF[self.masks[i]]

    def starting_with(self, prefix: str) -> tuple[int, int, Iterable[int]]:
        """(lo, hi, candidates): the range of entries starting with prefix and the ones worth scoring."""
        wide = self.wide.get(prefix)
        if wide is not None:
            return wide
        lo = bisect_left(self.texts, prefix)
        hi = bisect_left(self.texts, prefix + "\uffff", lo)
        return lo, hi, range(lo, hi)

    def candidates(self, typed: Sequence[Context], section: SectionType | None) -> dict[str, Suggestion]:
        """Every completion the index offers after the typed contexts (longest first), with its score.

        An entry matches a context only when the corpus split it into words the same way up to the
        cursor (上下 typed as one word never matches 上|下功夫).
        """
        bit = 1 << SECTIONS.index(section) if section else 0
        best: dict[str, tuple[float, int]] = {}  # completion -> (score, entry): made Suggestions at the end
        level = -1
        counts: dict[str, int] = {}
        chains, runs = self._chains, self._runs
        if len(chains) > CHAINS_KEPT:
            chains.clear()
            runs.clear()

        def count_of(text: str) -> int:
            n = counts.get(text)
            if n is None:
                at = bisect_left(self.texts, text)
                n = counts[text] = self.counts[at] if at < len(self.texts) and self.texts[at] == text else 0
            return n

        texts, counts_of, bounds_of, masks, kinds, documents = (
            self.texts, self.counts, self.bounds, self.masks, self.kinds, self.documents
        )
        for context in typed:
            prefix, k = context.text, len(context.text)
            lo, hi, candidates = self.starting_with(prefix)
            if lo >= hi:
                continue
            level += 1
            weight = BACKOFF**level
            if weight < LEAST_WEIGHT:
                break  # (and every shorter context after it)
            exact = counts_of[lo] if texts[lo] == prefix else 0  # the context as whole words
            context_count = max(
                exact or self.prefix_counts.get(prefix, 0),
                max((counts_of[i] for i in candidates), default=1),
            )
            crossing, starting = context.crossing, context.starting  # (`context.agrees`, inlined)
            shortest, longest = k + 2, k + MAX_COMPLETION
            for i in candidates:
                text = texts[i]
                if not shortest <= len(text) <= longest or (k < 2 and kinds[i] in _SLOT_KINDS):
                    continue
                bounds = bounds_of[i]
                if bounds & crossing or bounds & starting != starting:
                    continue
                kept = chains.get(i)
                if kept is None or kept[0] > k:
                    kept = chains[i] = (k, chain_steps(text, k, bounds, count_of))
                p = weight * chained(kept[1], k, context_count, counts_of[i], SHRINK)
                if masks[i] & bit:
                    p = min(p * SECTION_BOOST, weight)
                if counts_of[i] == 1:
                    p *= SINGLETON_WEIGHT
                elif documents[i] == 1:
                    p *= SINGLE_DOCUMENT_WEIGHT
                run = runs.get(i)
                if run is None:
                    run = runs[i] = self.run_of(i)
                if run < 0:
                    continue
                completion = texts[run][k:]  # never seen ending earlier: the run's end is the completion
                if len(completion) > MAX_COMPLETION:
                    continue
                old = best.get(completion)
                if old is None or p > old[0]:
                    best[completion] = (p, run)
        return {
            completion: Suggestion(completion, texts[i], KINDS[kinds[i]], _SECTIONS_OF[masks[i]], p)
            for completion, (p, i) in best.items()
        }

    def run_of(self, i: int) -> int:
        """The entry every sighting of entry i (RUN_FROM or more) went on to, word by word, or i itself: 提升和量
        was always 提升和量的合理增长 in the provincial and national reports, 审议地方性 always …法规, 各级领导 always
        …干部. A completion stopping earlier is a fragment; one running to the end of the run is as likely.
        -1 when fewer sightings (DROP_FROM or more) all went on the same way: i is no completion by itself."""
        n, end = self.counts[i], i
        if n < DROP_FROM:
            return i
        while len(self.texts[end]) < len(self.texts[i]) + MAX_COMPLETION:
            text = self.texts[end]
            lo, hi, candidates = self.starting_with(text)
            if hi - lo > CONTINUATIONS_LOOKED_AT and not isinstance(candidates, tuple):
                break
            k = len(text)
            going_on = [j for j in candidates if j != end and self.counts[j] >= n and self.texts[j][k] not in _ENDS]
            if not going_on:
                break
            if n < RUN_FROM:
                return -1
            end = min(going_on, key=lambda j: len(self.texts[j]))
        return end

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


def pooled_entries(first: Entries, second: Entries, weight: int = 1) -> Entries:
    """Both indexes' entries as one, as if mined from both corpora together: counts add up (the second's
    `weight` times), an entry both hold was seen in more than one report, the commoner word split wins."""
    out = Entries.empty()
    i = j = 0
    while i < len(first) or j < len(second):
        take_first = j >= len(second) or (i < len(first) and first.texts[i] <= second.texts[j])
        take_second = i >= len(first) or (j < len(second) and second.texts[j] <= first.texts[i])
        a = first.counts[i] if take_first else 0
        b = second.counts[j] * weight if take_second else 0
        source, at = (first, i) if a >= b else (second, j)
        out.texts.append(source.texts[at])
        out.counts.append(a + b)
        out.masks.append((first.masks[i] if take_first else 0) | (second.masks[j] if take_second else 0))
        out.documents.append(2 if take_first and take_second else source.documents[at])
        out.bounds.append(source.bounds[at])
        i += take_first
        j += take_second
    return out


def pooled_counts(first: dict[str, int], second: dict[str, int], weight: int = 1) -> dict[str, int]:
    """Prefix counts of both corpora together (the second's `weight` times)."""
    pooled = dict(first)
    for prefix, n in second.items():
        pooled[prefix] = pooled.get(prefix, 0) + n * weight
    return pooled


def section_mask(sections: Iterable[SectionType]) -> int:
    """Bit i set for the i-th section type."""
    mask = 0
    for section in sections:
        mask |= 1 << SECTIONS.index(section)
    return mask


_MARK_CHARACTERS = "xX×ｘＸ"


def _offerable(text: str, kind: int) -> bool:
    """Anonymisation marks appear only as the slots of slot-kind phrases."""
    if not any(mark in text for mark in _MARK_CHARACTERS):  # nearly every entry: no regular expression needed
        return True
    if kind in _SLOT_KINDS and SLOT in text:
        return not PLACEHOLDER_RE.search(text.replace(SLOT, "")) and "×" not in text
    return not PLACEHOLDER_RE.search(text) and "×" not in text
