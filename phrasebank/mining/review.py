"""Mine the writer's own old reports into candidates that land in the library only after review."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from phrasebank.kinds import PhraseKind
from phrasebank.library.entry import Entry, normalise
from phrasebank.library.store import Library
from phrasebank.mining.banks import mine
from phrasebank.phrase import Phrase


@dataclass
class ReviewItem:
    """A mined phrase offered for review; `duplicate` names the library phrase it repeats."""

    phrase: Phrase
    duplicate: str | None = None


def mined_phrases(paths: Iterable[str | Path], progress=None) -> list[Phrase]:
    """Named phrases mined from the reports, best first (touches no library: safe in a worker thread)."""
    bank = mine(paths, progress=progress)
    return [p for p in bank.phrases if p.kind is not PhraseKind.NGRAM]


def against_library(library: Library, phrases: Iterable[Phrase]) -> list[ReviewItem]:
    """The phrases as review candidates, each duplicate of a library phrase recognised."""
    known = {normalise(e.text): e.text for e in [*library.personal(), *library.builtins(include_hidden=True)]}
    return [ReviewItem(p, known.get(normalise(p.text))) for p in phrases]


def candidates(library: Library, paths: Iterable[str | Path], progress=None) -> list[ReviewItem]:
    """Mined phrases of the reports as review candidates."""
    return against_library(library, mined_phrases(paths, progress))


def accept(library: Library, reviewed: Iterable[tuple[ReviewItem, str]]) -> int:
    """Add the accepted candidates, each with the text the writer settled on; return how many were added."""
    entries = [
        Entry(text.strip(), c.phrase.kind, list(c.phrase.sections), source=f"挖掘：{c.phrase.source}")
        for c, text in reviewed
        if text.strip() and library.find(text) is None
    ]
    return library.add_many(entries)
