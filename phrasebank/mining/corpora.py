"""Built-in report collections by document type (文种): which bundled corpus the suggestions draw on.

A supervision report and a government work report share little phrasing; mixing them makes each
worse (特此 → ，我代表省人民政府 in a supervision report). Each collection is a folder of reports
under `resources/corpus/`; the writer picks one, or lets the document's title decide.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from phrasebank.paths import resource


class Collection(StrEnum):
    """A built-in collection; the value is its folder under resources/corpus."""

    SUPERVISION = "supervision"
    GOVERNMENT = "government"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def folder(self) -> Path:
        return resource("corpus", self.value)

    @classmethod
    def parse(cls, name: str) -> Collection:
        """Accept the English name or the Chinese label; ValueError lists the valid ones."""
        for member in cls:
            if name.strip() in (member.value, member.label):
                return member
        raise ValueError(f"没有“{name}”这一语料，可选：" + ", ".join(f"{m.value}({m.label})" for m in cls))


_LABELS = {
    Collection.SUPERVISION: "主题教育/党建督导报告",
    Collection.GOVERNMENT: "政府工作报告",
}

#: Words in a title (or the first lines) that mark a government work report.
_GOVERNMENT_CUES = ("政府工作报告", "各位代表")

DEFAULT = Collection.SUPERVISION


def detect(paragraphs: list[str]) -> Collection:
    """The collection a document belongs to, from its first lines (title, salutation)."""
    head = "\n".join(p for p in paragraphs[:12] if p.strip())
    return Collection.GOVERNMENT if any(cue in head for cue in _GOVERNMENT_CUES) else DEFAULT
