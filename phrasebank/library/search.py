"""Search over library entries by text, full pinyin and pinyin initials.

Each key (text, pinyin, initials) of all entries is joined into one string and indexed by the positions
of every pair of characters in it (numpy, built on the first search), so a query is checked only where
its rarest pair stands rather than by a Python loop over every entry; a binary search over the offsets
maps a hit back to its entry. Pinyin keys are computed once, on the first pinyin query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library.entry import Entry
from phrasebank.library.pinyin import is_latin_query, keys

if TYPE_CHECKING:
    import numpy as np

#: Most hits of a key looked at before ranking.
MAX_HITS = 4000
_SEPARATOR = "\x00"


@dataclass(frozen=True)
class Filters:
    """What a search keeps besides matching the query; None means any. `origin`: "personal" or "builtin"."""

    section: SectionType | None = None
    kind: PhraseKind | None = None
    tag: str | None = None
    favourite: bool | None = None
    origin: str | None = None

    def passes(self, entry: Entry) -> bool:
        if self.section is not None and self.section not in entry.sections:
            return False
        if self.kind is not None and entry.kind is not self.kind:
            return False
        if self.tag is not None and self.tag not in entry.tags:
            return False
        if self.favourite is not None and entry.favourite != self.favourite:
            return False
        return self.origin is None or (self.origin == "builtin") == entry.builtin


class _Joined:
    """One key of every entry joined into a string, with each entry's start offset, and (built on the
    first search) the positions of every character pair in it, so that a query looks only at the places
    where its rarest pair stands."""

    def __init__(self, values: Sequence[str]) -> None:
        self.starts: list[int] = []
        position = 0
        for value in values:
            self.starts.append(position)
            position += len(value) + 1
        self.text = _SEPARATOR.join(values) + _SEPARATOR
        self._index: tuple[np.ndarray, ...] | None = None  # offsets, characters, pair codes sorted, positions

    def _built(self) -> tuple[np.ndarray, ...]:
        import numpy as np

        if self._index is None:
            chars = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
            pairs = chars[:-1] << np.uint64(32) | chars[1:]
            order = np.argsort(pairs, kind="stable")
            self._index = (np.array(self.starts, dtype=np.int64), chars, pairs[order], order.astype(np.int32))
        return self._index

    def hits(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """(entry indexes, 0 where the key starts with the query and 1 where it only contains it) of the
        first MAX_HITS places the query stands (a hit right after a separator is a start)."""
        import numpy as np

        offsets, chars, codes, positions = self._built()
        wanted = np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        if len(wanted) == 1:
            at = np.flatnonzero(chars == wanted[0])
        else:  # the places of the query's rarest pair of characters, each checked for the whole query
            pair_codes = wanted[:-1] << np.uint64(32) | wanted[1:]
            ranges = [(np.searchsorted(codes, c, "left"), np.searchsorted(codes, c, "right")) for c in pair_codes]
            k = min(range(len(ranges)), key=lambda j: ranges[j][1] - ranges[j][0])
            at = np.sort(positions[ranges[k][0] : ranges[k][1]].astype(np.int64)) - k
            at = at[(at >= 0) & (at + len(wanted) <= len(chars))]
            for j, char in enumerate(wanted):
                at = at[chars[at + j] == char]
        at = at[:MAX_HITS]
        entries = np.searchsorted(offsets, at, side="right") - 1
        return entries, (at != offsets[entries]).astype(np.int8)


class SearchIndex:
    """Entries with their text and pinyin keys, searchable with filters."""

    def __init__(self, entries: Sequence[Entry], pinyin: Sequence[tuple[str, str] | None] | None = None) -> None:
        """`pinyin` gives each entry's stored (full, initials) keys; missing ones are computed on first use."""
        self.entries = list(entries)
        self._pinyin = list(pinyin) if pinyin is not None else [None] * len(self.entries)
        self._text = _Joined([e.text for e in self.entries])
        self._texts: dict[str, list[int]] | None = None  # text -> entries, for exact matches
        self._builtins: list[bool] | None = None
        self._latin_text = any(ch.isascii() and ch.isalpha() for ch in self._text.text)  # else pinyin alone
        self._keys: tuple[_Joined, _Joined] | None = None  # built on the first Latin-letter query

    def _pinyin_keys(self) -> tuple[_Joined, _Joined]:
        if self._keys is None:
            pinyin = [stored or keys(e.text) for stored, e in zip(self._pinyin, self.entries, strict=True)]
            self._keys = _Joined([full for full, _ in pinyin]), _Joined([initials for _, initials in pinyin])
        return self._keys

    def search(self, query: str, filters: Filters | None = None, limit: int = 200) -> list[Entry]:
        """Entries matching the query (all when empty) and the filters, ranked.

        Rank: exact text, then the writer's own phrases before built-in ones, then prefix matches
        before inner ones (text, initials, full pinyin), then favourites, then the writer's usage,
        then how often the corpus uses it, then shorter text.
        """
        query = query.strip()
        if filters == Filters():
            filters = None  # nothing to filter: no check per candidate
        if not query:
            return self._ranked(range(len(self.entries)), [3] * len(self.entries), query, filters, limit)
        import numpy as np

        if is_latin_query(query):
            q = query.replace(" ", "").lower()
            full, initials = self._pinyin_keys()
            searched = ((initials, 1), (full, 2), (self._text, 3)) if self._latin_text else ((initials, 1), (full, 2))
        else:
            q, searched = query, ((self._text, 1),)
        found = [joined.hits(q) for joined, _ in searched]
        entries = np.concatenate([hit[0] for hit in found])
        quality = np.concatenate([offset + hit[1] * 3 for hit, (_, offset) in zip(found, searched, strict=True)])
        order = np.lexsort((quality, entries))  # by entry, best quality first
        entries, quality = entries[order], quality[order]
        first = np.ones(len(entries), dtype=bool)
        first[1:] = entries[1:] != entries[:-1]
        return self._ranked(entries[first].tolist(), quality[first].tolist(), query, filters, limit)

    def _ranked(
        self, candidates: Sequence[int], quality: Sequence[int], query: str, filters: Filters | None, limit: int
    ) -> list[Entry]:
        """The best `limit` candidates. The cheap part of the rank (exact, built-in, quality) sorts them
        into tiers; the rest (favourite, usage, count, length) is read only in the tiers that reach the top
        (favourite and usage change on the entries themselves, so they are never cached)."""
        entries = self.entries
        tiers: dict[tuple[bool, bool, int], list[int]] = {}
        exact = set(self._by_text().get(query, ()))
        builtin = self._builtin()
        for i, q in zip(candidates, quality, strict=True):
            if filters is None or filters.passes(entries[i]):
                tiers.setdefault((i not in exact, builtin[i], q), []).append(i)
        results: list[int] = []
        for tier in sorted(tiers):
            members = tiers[tier]
            members.sort(
                key=lambda i: (
                    not entries[i].favourite,
                    -entries[i].usage,
                    -entries[i].count,
                    len(entries[i].text),
                    entries[i].text,
                    i,
                )
            )
            results.extend(members[: limit - len(results)])
            if len(results) >= limit:
                break
        return [entries[i] for i in results]

    def _by_text(self) -> dict[str, list[int]]:
        if self._texts is None:
            self._texts = {}
            for i, entry in enumerate(self.entries):
                self._texts.setdefault(entry.text, []).append(i)
        return self._texts

    def _builtin(self) -> list[bool]:
        if self._builtins is None:
            self._builtins = [entry.builtin for entry in self.entries]
        return self._builtins
