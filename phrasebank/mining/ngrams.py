"""Count frequent word n-grams of a corpus with their section counts, neighbour entropies and cohesion.

Counting is level-wise (apriori): an n-gram is counted only where both of its (n-1)-gram parts
are frequent, so memory holds frequent n-grams only, never every n-gram of the corpus. Each level
is a handful of vectorised numpy passes over one array of token ids.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from phrasebank.kinds import SectionType
from phrasebank.text.segment import BOUND_BITS

#: The most n-grams of one length a table keeps. The reports of an office (a few million characters)
#: stay under it; an archive of tens of millions keeps its most frequent n-grams and the count of what
#: is held, and so the memory, stays bounded however large the corpus.
LEVEL_BUDGET = 250_000
#: Token positions a counting pass handles at once: the arrays of one pass stay about this long.
PASS_POSITIONS = 4_000_000

SECTIONS = list(SectionType)
NO_SECTION = len(SECTIONS)  # code for text outside any section (title block)
N_CODES = NO_SECTION + 1


@dataclass
class TokenStream:
    """A corpus as one array of token ids; -1 separates sentences. Built sentence by sentence."""

    vocab: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    # Compact arrays, not lists of ints: a corpus of millions of words is held in bytes per word.
    _tokens: array = field(default_factory=lambda: array("i"))
    _sections: array = field(default_factory=lambda: array("b"))
    sentence_starts: array = field(default_factory=lambda: array("q"))
    _sentence_documents: array = field(default_factory=lambda: array("i"))
    _sentence_paragraphs: array = field(default_factory=lambda: array("i"))
    characters: int = 0
    section_characters: list[int] = field(default_factory=lambda: [0] * N_CODES)
    _starts: np.ndarray | None = field(default=None, repr=False)

    def add_sentence(self, words: list[str], section: SectionType | None, source: tuple[int, int]) -> None:
        code = NO_SECTION if section is None else SECTIONS.index(section)
        self.sentence_starts.append(len(self._tokens))
        self._sentence_documents.append(source[0])
        self._sentence_paragraphs.append(source[1])
        for word in words:
            token = self.index.get(word)
            if token is None:
                token = self.index[word] = len(self.vocab)
                self.vocab.append(word)
            self._tokens.append(token)
        self._sections.extend([code] * len(words))
        characters = sum(map(len, words))
        self.characters += characters
        self.section_characters[code] += characters
        self._tokens.append(-1)
        self._sections.append(code)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Token ids, section codes and document numbers, one per position (views and 32-bit copies:
        a corpus of tens of millions of words costs a few bytes per word here)."""
        starts = np.append(np.frombuffer(self.sentence_starts, dtype=np.int64), len(self._tokens))
        documents = np.repeat(np.frombuffer(self._sentence_documents, dtype=np.int32), np.diff(starts))
        tokens = np.frombuffer(self._tokens, dtype=np.int32)
        return tokens, np.frombuffer(self._sections, dtype=np.int8), documents

    def source_of(self, position: int) -> tuple[int, int]:
        """(document, paragraph) of the sentence holding a token position."""
        if self._starts is None or len(self._starts) != len(self.sentence_starts):
            self._starts = np.asarray(self.sentence_starts)
        i = int(np.searchsorted(self._starts, position, side="right")) - 1
        i = max(i, 0)
        return self._sentence_documents[i], self._sentence_paragraphs[i]


@dataclass
class NgramTable:
    """Frequent n-grams: entry i is `parent[i]` (an entry, or -1) followed by token `last[i]`."""

    vocab: Sequence[str]
    level: np.ndarray
    parent: np.ndarray
    last: np.ndarray
    count: np.ndarray
    sections: np.ndarray  # entries x N_CODES occurrence counts
    first: np.ndarray  # first token position
    documents: np.ndarray  # 1: all occurrences in one document; 2: in several
    left_entropy: np.ndarray
    right_entropy: np.ndarray
    left_share: np.ndarray  # share of the commonest left neighbour: near 1 means a cut compound
    right_share: np.ndarray
    right_closed: np.ndarray  # share of occurrences followed by a sentence end, a mark (not 、) or 等
    total_tokens: int
    _keys: np.ndarray | None = field(default=None, repr=False)
    _order: np.ndarray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.count)

    def token_ids(self, entry: int) -> list[int]:
        """The token ids of an entry, walking its parent links."""
        ids = []
        while entry >= 0:
            ids.append(int(self.last[entry]))
            entry = int(self.parent[entry])
        return ids[::-1]

    def words(self, entry: int) -> tuple[str, ...]:
        """The tokens of an entry."""
        return tuple(self.vocab[t] for t in self.token_ids(entry))

    def text(self, entry: int) -> str:
        return "".join(self.words(entry))

    def find(self, ids: Sequence[int]) -> int:
        """The entry for a token sequence, or -1 when it is not frequent."""
        if self._keys is None:
            width = max(len(self.vocab), 1) + 1
            keys = (self.parent + 1) * width + self.last
            self._order = np.argsort(keys, kind="stable")
            self._keys = keys[self._order]
        assert self._order is not None
        width = max(len(self.vocab), 1) + 1
        entry = -1
        for token in ids:
            key = (entry + 1) * width + token
            at = int(np.searchsorted(self._keys, key))
            if at >= len(self._keys) or self._keys[at] != key:
                return -1
            entry = int(self._order[at])
        return entry

    def cohesion(self, entry: int) -> float:
        """Minimum pointwise mutual information over the ways to split the entry in two (inf for one token)."""
        ids = self.token_ids(entry)
        if len(ids) < 2:
            return math.inf
        n = self.total_tokens
        joint = self.count[entry] / n
        best = math.inf
        ancestors = [entry]
        while self.parent[ancestors[-1]] >= 0:
            ancestors.append(int(self.parent[ancestors[-1]]))
        ancestors.reverse()  # ancestors[k] holds the first k+1 tokens
        for split in range(1, len(ids)):
            left, right = ancestors[split - 1], self.find(ids[split:])
            if right < 0:
                return -math.inf
            best = min(best, math.log(joint / ((self.count[left] / n) * (self.count[right] / n))))
        return best

    def texts(self) -> list[str]:
        """The text of every entry, built along parent links (cheaper than `words` for many entries)."""
        out: list[str] = []
        vocab = self.vocab
        for parent, last in zip(self.parent.tolist(), self.last.tolist(), strict=True):
            out.append(vocab[int(last)] if parent < 0 else out[parent] + vocab[int(last)])
        return out

    def word_bounds(self) -> list[int]:
        """Each entry's inner word boundaries as bits: bit p-1 set when a word ends after character p.

        Only the first BOUND_BITS characters are described; suggestion contexts are shorter than that.
        """
        out: list[int] = []
        lengths: list[int] = []
        vocab = self.vocab
        for parent, last in zip(self.parent.tolist(), self.last.tolist(), strict=True):
            if parent < 0:
                out.append(0)
                lengths.append(len(vocab[last]))
                continue
            at = lengths[parent]
            out.append(out[parent] | (1 << (at - 1)) if at <= BOUND_BITS else out[parent])
            lengths.append(at + len(vocab[last]))
        return out

    def section_masks(self) -> np.ndarray:
        """Bit i set when the entry occurs in section type i (SectionType order)."""
        present = self.sections[:, : len(SECTIONS)] > 0
        return present.astype(np.int64) @ (1 << np.arange(len(SECTIONS), dtype=np.int64))


def count_ngrams(
    stream: TokenStream, max_n: int = 6, min_count: int = 2, level_budget: int | None = None
) -> NgramTable:
    """All n-grams of 1..max_n tokens occurring at least `min_count` times within sentences (at most
    `level_budget` per length, the most frequent)."""
    tokens, codes, documents = stream.arrays()
    closers = np.asarray([_closes(word) for word in stream.vocab] or [False], dtype=bool)
    return count_arrays(
        tokens, codes, stream.vocab, max_n, min_count, documents=documents, level_budget=level_budget, closers=closers
    )


def _closes(word: str) -> bool:
    """A word after which a phrase is complete: a mark other than 、 (after 、 a shared modifier may
    follow: 推进医疗、医保、医药联动改革), or 等 closing a list."""
    return word == "等" or (word != "、" and not any(ch.isalnum() for ch in word))


def count_arrays(
    tokens: np.ndarray,
    codes: np.ndarray,
    vocab: Sequence[str],
    max_n: int,
    min_count: int,
    neighbours: bool = True,
    documents: np.ndarray | None = None,
    level_budget: int | None = None,
    closers: np.ndarray | None = None,
) -> NgramTable:
    """The counting itself, over token ids (-1 between sentences) and each token's section code.

    `neighbours` False skips the entropy and neighbour-share statistics (zeros instead) and the section
    counts (an empty column set); without `documents` (a document number per position) every entry
    counts as seen in one document. Each level keeps at most `level_budget` (default LEVEL_BUDGET)
    n-grams, the most frequent. `closers` (a flag per token id) marks the tokens that close a phrase
    after it (marks but 、, and 等), for each entry's `right_closed` share.

    A level is counted in passes over ranges of the (n-1)-gram it extends (`_passes`): every statistic
    of an n-gram comes from its own positions, which all fall in one pass, and the passes come in key
    order, so the table is the one a single pass would give while the arrays of a pass stay bounded.
    """
    level_budget = LEVEL_BUDGET if level_budget is None else level_budget
    length = len(tokens)
    vocab_size = max(len(vocab), 1)
    parts: list[dict[str, np.ndarray]] = []
    next_id = 0
    # entry of the frequent (n-1)-gram starting here; 32 bits: a table has far fewer than 2**31 entries
    current = np.full(length, -1, dtype=np.int32)
    for n in range(1, max_n + 1):
        if n == 1:
            heads, valid, n_heads = tokens, tokens >= 0, vocab_size
        else:
            heads = current[: length - n + 1]
            valid = (heads >= 0) & (current[1 : length - n + 2] >= 0)
            n_heads = next_id
        ranges = _passes(heads, valid, n_heads)
        if not ranges:
            break

        def keyed(lo: int, hi: int, heads=heads, valid=valid, n=n) -> tuple[np.ndarray, np.ndarray]:
            positions = np.nonzero(valid & (heads >= lo) & (heads < hi))[0]
            if n == 1:
                return positions, tokens[positions].astype(np.int64)
            return positions, heads[positions].astype(np.int64) * vocab_size + tokens[positions + n - 1]

        if len(ranges) == 1:  # one pass: count once and keep it
            positions, keys = keyed(*ranges[0])
            single = (positions, *np.unique(keys, return_inverse=True, return_counts=True))
            del keys
            threshold = _threshold([single[3]], min_count, level_budget)
        else:  # first the counts of every pass, for the level's budget; then each pass again
            single = None
            threshold = _threshold(
                [np.unique(keyed(lo, hi)[1], return_counts=True)[1] for lo, hi in ranges], min_count, level_budget
            )
        following = np.full(length, -1, dtype=np.int32)
        level_parts = []
        for lo, hi in ranges:
            if single is None:
                positions, keys = keyed(lo, hi)
                unique, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
                del keys
            else:
                positions, unique, inverse, counts = single
                single = None
            frequent = counts >= threshold
            n_new = int(frequent.sum())
            if not n_new:
                continue
            local = np.full(len(unique), -1, dtype=np.int64)
            local[frequent] = np.arange(n_new)
            kept = frequent[inverse]
            kept_positions, kept_local = positions[kept], local[inverse[kept]]
            del positions, inverse, kept
            following[kept_positions] = kept_local + next_id
            part = {
                "level": np.full(n_new, n, dtype=np.int64),
                "parent": (unique[frequent] // vocab_size) if n > 1 else np.full(n_new, -1, dtype=np.int64),
                "last": unique[frequent] % vocab_size if n > 1 else unique[frequent],
                "count": counts[frequent],
            }
            part.update(
                _statistics(
                    kept_local, n_new, kept_positions, n, tokens, vocab_size, codes, documents, neighbours, closers
                )
            )
            level_parts.append(part)
            next_id += n_new
        if not level_parts:
            break
        parts.extend(level_parts)
        current = following
    total_tokens = int((tokens >= 0).sum())
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        none = np.zeros(0)
        return NgramTable(
            vocab, empty, empty, empty, empty, np.zeros((0, N_CODES), dtype=np.int64), empty, empty,
            none, none, none, none, none, total_tokens,
        )  # fmt: skip
    merged = {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}
    return NgramTable(vocab, total_tokens=total_tokens, **merged)


def _passes(heads: np.ndarray, valid: np.ndarray, n_heads: int) -> list[tuple[int, int]]:
    """Ranges [lo, hi) of head values, each covering about PASS_POSITIONS valid positions (a head with
    more positions than that is a range of its own); none when no position is valid."""
    per_head = np.zeros(max(n_heads, 1), dtype=np.int64)
    for at in range(0, len(heads), PASS_POSITIONS):  # in slices: no full-length copy of the heads
        chunk = heads[at : at + PASS_POSITIONS][valid[at : at + PASS_POSITIONS]]
        per_head += np.bincount(chunk, minlength=len(per_head))
    total = int(per_head.sum())
    if not total:
        return []
    cumulative = np.cumsum(per_head)
    cuts = np.searchsorted(cumulative, np.arange(PASS_POSITIONS, total, PASS_POSITIONS), side="left") + 1
    bounds = [0, *sorted(set(cuts.tolist()) - {0, len(per_head)}), len(per_head)]
    return list(itertools.pairwise(bounds))


def _threshold(counts: list[np.ndarray], min_count: int, budget: int) -> int:
    """The least count kept at a level (see `most_frequent`), from the counts of every pass."""
    everything = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    kept = most_frequent(everything, min_count, budget)
    return int(everything[kept].min()) if kept.any() else int(everything.max(initial=0)) + 1


def _statistics(
    kept_local: np.ndarray,
    n_new: int,
    kept_positions: np.ndarray,
    n: int,
    tokens: np.ndarray,
    vocab_size: int,
    codes: np.ndarray,
    documents: np.ndarray | None,
    neighbours: bool,
    closers: np.ndarray | None,
) -> dict[str, np.ndarray]:
    """Section counts, first position, report spread and neighbour statistics of a pass's n-grams."""
    _, first_index = np.unique(kept_local, return_index=True)
    out = {
        "sections": np.bincount(kept_local * N_CODES + codes[kept_positions], minlength=n_new * N_CODES)
        .astype(np.int32)  # counts per section fit 32 bits: half the table's largest array
        .reshape(n_new, N_CODES)
        if neighbours
        else np.zeros((n_new, 0), dtype=np.int64),
        "first": kept_positions[first_index],
        "documents": _one_or_more(kept_local, n_new, kept_positions, first_index, documents)
        if documents is not None
        else np.ones(n_new, dtype=np.int64),
    }
    if neighbours:
        for side, at in (("left", kept_positions - 1), ("right", kept_positions + n)):
            out[f"{side}_entropy"], out[f"{side}_share"] = _neighbours(kept_local, n_new, at, tokens, vocab_size)
    else:
        zeros = np.zeros(n_new)
        out.update(left_entropy=zeros, left_share=zeros, right_entropy=zeros, right_share=zeros)
    if closers is not None:
        after = kept_positions + n
        following = np.where(after < len(tokens), tokens[np.minimum(after, len(tokens) - 1)], -1)
        closed = (following < 0) | closers[np.maximum(following, 0)]
        out["right_closed"] = np.bincount(kept_local, weights=closed, minlength=n_new) / np.bincount(
            kept_local, minlength=n_new
        )
    else:
        out["right_closed"] = np.zeros(n_new)
    return out


def most_frequent(counts: np.ndarray, min_count: int, budget: int) -> np.ndarray:
    """The n-grams kept at a level: seen `min_count` times, and no more than `budget` of them — past it
    the least frequent go (ties at the cut-off go together, so the kept set does not depend on order)."""
    frequent = counts >= min_count
    if int(frequent.sum()) > budget:
        cut = np.partition(counts, len(counts) - budget)[len(counts) - budget]
        frequent &= counts > cut if int((counts >= cut).sum()) > budget else counts >= cut
    return frequent


def _one_or_more(
    entries: np.ndarray, n_entries: int, positions: np.ndarray, first_index: np.ndarray, documents: np.ndarray
) -> np.ndarray:
    """1 when all of an entry's occurrences lie in one document, 2 when they span several.

    Documents are contiguous in the token stream, so comparing the documents of the first and the last
    occurrence suffices (linear, no sort).
    """
    last = np.zeros(n_entries, dtype=np.int64)
    np.maximum.at(last, entries, positions)
    last_doc = documents[last]
    first_doc = documents[positions[first_index]]
    return 1 + (first_doc != last_doc).astype(np.int64)


def _neighbours(
    entries: np.ndarray, n_entries: int, neighbour_positions: np.ndarray, tokens: np.ndarray, vocab_size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Entropy of the tokens next to each entry's occurrences, and the commonest one's share.

    A sentence edge counts as a new neighbour every time: it bounds a phrase as freely as can be.
    """
    inside = (neighbour_positions >= 0) & (neighbour_positions < len(tokens))
    neighbours = np.where(inside, tokens[np.clip(neighbour_positions, 0, len(tokens) - 1)], -1)
    edge = neighbours < 0
    neighbours = np.where(edge, vocab_size + np.arange(len(neighbours)), neighbours)
    pair_keys = entries * (vocab_size + len(neighbours) + 1) + neighbours
    pairs, pair_counts = np.unique(pair_keys, return_counts=True)
    pair_entries = pairs // (vocab_size + len(neighbours) + 1)
    totals = np.bincount(entries, minlength=n_entries).astype(np.float64)
    p = pair_counts / totals[pair_entries]
    entropy = np.bincount(pair_entries, weights=-p * np.log(p), minlength=n_entries)
    share = np.zeros(n_entries)
    np.maximum.at(share, pair_entries, p)
    return entropy, share
