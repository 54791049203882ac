"""The records the engine hands out: a mined phrase and a typing suggestion."""

from __future__ import annotations

from dataclasses import dataclass, field

from phrasebank.kinds import PhraseKind, SectionType


@dataclass
class Phrase:
    """A phrase with where it is used: section types with counts, one source (file, paragraph), and
    for a pattern the sentences it was mined from."""

    text: str
    kind: PhraseKind
    count: int = 1
    sections: dict[SectionType, int] = field(default_factory=dict)
    source: str = ""
    examples: list[str] = field(default_factory=list)
    reports: int = 0  # reports it occurs in: 1 one report, 2 several (0 unknown)

    @property
    def top_section(self) -> SectionType | None:
        return max(self.sections, key=self.sections.__getitem__) if self.sections else None


@dataclass(frozen=True)
class Suggestion:
    """What the editor offers at the cursor: `completion` is exactly the text to insert there."""

    completion: str
    phrase: str
    kind: PhraseKind
    sections: tuple[SectionType, ...]
    score: float
