"""Openings from their first character: after 现 at a paragraph's start, 将有关情况报告如下：.

The typing index completes from word boundaries, and 现 alone is inside the word 现将 — so an input
method that commits 现 first would never see the commonest opening. This source offers the bank's
openings and closings whose text begins with the whole sentence typed so far, while that is short.
"""

from __future__ import annotations

from collections.abc import Sequence

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Phrase, Suggestion
from phrasebank.suggest.context import Context

#: Offered only while the sentence so far is this short (a paragraph just begun).
MAX_TYPED = 3
#: Uses added to the denominator: one opening seen once is far from certain.
SHRINK = 1.0
_KINDS = (PhraseKind.OPENING, PhraseKind.CLOSING)


class Openings:
    """The bank's openings and closings, matched on the start of the sentence being typed."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self.phrases = [p for p in phrases if p.kind in _KINDS]

    def candidates(self, typed: Sequence[Context], section: SectionType | None) -> dict[str, Suggestion]:
        if not typed or not self.phrases:
            return {}
        start = typed[0].text  # the longest context: the whole sentence so far
        if not 1 <= len(start) <= MAX_TYPED:
            return {}
        matching = [p for p in self.phrases if p.text.startswith(start) and len(p.text) > len(start)]
        total = sum(max(p.count, 1) for p in matching)
        return {
            p.text[len(start) :]: Suggestion(
                p.text[len(start) :], p.text, p.kind, tuple(p.sections), max(p.count, 1) / (total + SHRINK)
            )
            for p in matching
        }
