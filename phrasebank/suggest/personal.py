"""The writer's own phrases as a suggestion source: what they saved is offered once they start it.

A phrase the writer saved in the personal library is likely wanted when its first word or two are
typed; it is offered with a fixed score above the show threshold, matched at word boundaries like
every other source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Suggestion
from phrasebank.suggest.context import Context
from phrasebank.suggest.ranking import MAX_COMPLETION
from phrasebank.text import segment

#: Score of a personal phrase whose start the writer typed (two characters at least).
PERSONAL_SCORE = 0.6


class PersonalPhrases:
    """Sorted personal phrase texts with their word boundaries."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = sorted({t.strip() for t in texts if len(t.strip()) >= 3})
        self._bounds: list[int] | None = None  # segmented on first use, not when the window starts

    def __len__(self) -> int:
        return len(self.texts)

    def candidates(self, typed: Sequence[Context], section: SectionType | None) -> dict[str, Suggestion]:
        """Completions of personal phrases begun by a typed context of two characters or more."""
        found: dict[str, Suggestion] = {}
        sections = (section,) if section else ()
        if self._bounds is None:
            self._bounds = [segment.bounds_mask(t) for t in self.texts]
        for context in typed:
            prefix, k = context.text, len(context.text)
            if k < 2:
                continue
            i = bisect_left(self.texts, prefix)
            while i < len(self.texts) and self.texts[i].startswith(prefix):
                text, bounds = self.texts[i], self._bounds[i]
                i += 1
                if not 1 <= len(text) - k <= MAX_COMPLETION or not context.agrees(bounds):
                    continue
                found.setdefault(text[k:], Suggestion(text[k:], text, PhraseKind.NGRAM, sections, PERSONAL_SCORE))
        return found
