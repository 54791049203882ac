"""The records the engine hands out: a mined phrase and a typing suggestion."""

from __future__ import annotations

from dataclasses import dataclass, field

from .types import PLACEHOLDER_RE, SLOT, PhraseKind, SectionType


@dataclass
class Phrase:
    """A phrase with where it is used: section types with counts, and one source (file, paragraph)."""

    text: str
    kind: PhraseKind
    count: int = 1
    sections: dict[SectionType, int] = field(default_factory=dict)
    source: str = ""

    @property
    def top_section(self) -> SectionType | None:
        return max(self.sections, key=self.sections.__getitem__) if self.sections else None

    def share(self, section: SectionType | None) -> float:
        """Fraction of occurrences in the given section type (0 when unknown)."""
        total = sum(self.sections.values())
        return self.sections.get(section, 0) / total if section and total else 0.0

    @property
    def has_slots(self) -> bool:
        return SLOT in self.text or bool(PLACEHOLDER_RE.search(self.text))


@dataclass(frozen=True)
class Suggestion:
    """What the editor offers at the cursor: `completion` is exactly the text to insert there."""

    completion: str
    phrase: str
    kind: PhraseKind
    sections: tuple[SectionType, ...]
    score: float
