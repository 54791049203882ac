"""Mine the writer's own old reports into candidates that land in the library only after review."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .bank import mine
from .library import Entry, Library, normalise
from .phrase import Phrase
from .types import PhraseKind


@dataclass
class Candidate:
    """A mined phrase offered for review; `duplicate` names the library phrase it repeats."""

    phrase: Phrase
    duplicate: str | None = None


def candidates(library: Library, paths: Iterable[str | Path], progress=None) -> list[Candidate]:
    """Named phrases mined from the reports, best first, duplicates of known phrases recognised."""
    bank = mine(paths, progress=progress)
    known = {normalise(e.text): e.text for e in [*library.personal(), *library.builtins(include_hidden=True)]}
    found = [p for p in bank.phrases if p.kind is not PhraseKind.NGRAM]
    return [Candidate(p, known.get(normalise(p.text))) for p in found]


def accept(library: Library, reviewed: Iterable[tuple[Candidate, str]]) -> int:
    """Add the accepted candidates, each with the text the writer settled on; return how many were added."""
    entries = [
        Entry(text.strip(), c.phrase.kind, list(c.phrase.sections), source=f"挖掘：{c.phrase.source}")
        for c, text in reviewed
        if text.strip() and library.find(text) is None
    ]
    return library.add_many(entries)
