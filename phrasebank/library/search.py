"""Search over library entries by text, full pinyin and pinyin initials.

Each key (text, pinyin, initials) of all entries is joined into one string, so finding a query is a
few `str.find` calls at C speed rather than a Python loop over every entry; a bisect over the
offsets maps a hit back to its entry. Pinyin keys are computed once, when the index is built.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library.entry import Entry
from phrasebank.library.pinyin import is_latin_query, keys

#: Most hits of each quality (start, inside) looked at per key before ranking.
MAX_HITS = 2000
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
    """One key of every entry joined into a string, with each entry's start offset."""

    def __init__(self, values: Sequence[str]) -> None:
        self.starts: list[int] = []
        position = 0
        for value in values:
            self.starts.append(position)
            position += len(value) + 1
        self.text = _SEPARATOR.join(values) + _SEPARATOR

    def hits(self, query: str) -> dict[int, int]:
        """Entry index -> 0 when the key starts with the query, 1 when it only contains it.

        Starts are found first (the separator followed by the query, so str.find does the work);
        then inner matches, up to MAX_HITS each.
        """
        found: dict[int, int] = {}
        text, starts = self.text, self.starts
        if text.startswith(query):
            found[0] = 0
        position = text.find(_SEPARATOR + query)
        while position >= 0 and len(found) < MAX_HITS:
            found[bisect_right(starts, position + 1) - 1] = 0
            position = text.find(_SEPARATOR + query, position + 1)
        inner = 0
        position = text.find(query)
        while position >= 0 and inner < MAX_HITS:
            entry = bisect_right(starts, position) - 1
            if entry not in found:
                found[entry] = 1
                inner += 1
            position = text.find(query, position + 1)
        return found


class SearchIndex:
    """Entries with their text and pinyin keys, searchable with filters."""

    def __init__(self, entries: Sequence[Entry], pinyin: Sequence[tuple[str, str] | None] | None = None) -> None:
        """`pinyin` gives each entry's stored (full, initials) keys; missing ones are computed on first use."""
        self.entries = list(entries)
        self._pinyin = list(pinyin) if pinyin is not None else [None] * len(self.entries)
        self._text = _Joined([e.text for e in self.entries])
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
        if not query:
            candidates = {i: 3 for i in range(len(self.entries))}
        elif is_latin_query(query):
            q = query.replace(" ", "").lower()
            candidates = {}
            full, initials = self._pinyin_keys()
            for joined, offset in ((initials, 1), (full, 2), (self._text, 3)):
                for i, quality in joined.hits(q).items():
                    candidates[i] = min(candidates.get(i, 99), offset + quality * 3)
        else:
            candidates = {i: 1 + quality * 3 for i, quality in self._text.hits(query).items()}
        if filters == Filters():
            filters = None  # nothing to filter: no check per candidate
        results = []
        for i, quality in candidates.items():
            entry = self.entries[i]
            if filters is not None and not filters.passes(entry):
                continue
            exact = entry.text != query
            results.append(
                (
                    exact,
                    entry.builtin,
                    quality,
                    not entry.favourite,
                    -entry.usage,
                    -entry.count,
                    len(entry.text),
                    entry.text,
                    i,
                )
            )
        results.sort()
        return [self.entries[item[-1]] for item in results[:limit]]
