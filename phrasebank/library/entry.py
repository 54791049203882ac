"""A library phrase as a record (`Entry`), and how a stored row becomes one or is found damaged."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.text.sanitise import sanitise


@dataclass
class Entry:
    """A phrase as the library shows it: personal (with an id) or built-in (id None)."""

    text: str
    kind: PhraseKind = PhraseKind.COLLOCATION
    sections: list[SectionType] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str = ""
    favourite: bool = False
    usage: int = 0
    created: str = ""
    updated: str = ""
    source: str = ""
    id: int | None = None
    count: int = 0  # how often the corpus uses a built-in phrase (not stored, not exported)

    @property
    def builtin(self) -> bool:
        return self.id is None

    def record(self) -> dict:
        """The fields an export carries (everything but the database id)."""
        return {
            "text": self.text,
            "kind": self.kind.value,
            "sections": [s.value for s in self.sections],
            "tags": list(self.tags),
            "note": self.note,
            "favourite": self.favourite,
            "usage": self.usage,
            "created": self.created,
            "updated": self.updated,
            "source": self.source,
        }


def normalise(text: str) -> str:
    """The form duplicates are recognised by: no surrounding space or trailing clause mark."""
    return text.strip().rstrip("，,、；;。").strip()


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def checksum(text, kind, sections, tags, note, favourite, usage, created, updated) -> str:
    """A short digest of a whole row as stored (its counts and dates too), so that a changed byte inside
    it is noticed. Marked "2:"; rows written before kept a digest of their text fields only (`row_intact`)."""
    joined = "\x1f".join(str(v) for v in (text, kind, sections, tags, note, favourite, usage, created, updated))
    return f"2:{zlib.crc32(joined.encode('utf-8', 'surrogateescape')):08x}"


def _text_checksum(text, kind, sections, tags, note) -> str:
    joined = "\x1f".join(str(v) for v in (text, kind, sections, tags, note))
    return f"{zlib.crc32(joined.encode('utf-8', 'surrogateescape')):08x}"


def row_intact(row: tuple) -> bool:
    """Whether a phrases row (id, text, kind, sections, tags, note, favourite, usage, created, updated, …,
    checksum last) still matches its checksum; a row from before checksums has none and counts as intact."""
    stored = row[-1]
    if not stored:
        return True
    if isinstance(stored, str) and stored.startswith("2:"):
        return stored == checksum(*row[1:10])
    return stored == _text_checksum(*row[1:6])


def lenient_text(data: bytes) -> str:
    """Decode a stored string; bytes that are not UTF-8 survive as surrogates and mark the row bad."""
    return data.decode("utf-8", "surrogateescape")


def text_or_empty(value) -> str:
    return value if isinstance(value, str) and is_text(value) else ""


def is_text(text) -> bool:
    """A string that is valid Unicode text (no undecodable bytes)."""
    if not isinstance(text, str):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def clean_tags(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(sanitise(t).strip() for t in tags if t and sanitise(t).strip()))


def entry_from_row(row: tuple) -> Entry | None:
    """The entry a stored row describes, or None when any field is damaged."""
    phrase_id, text, kind, sections, tags, note, favourite, usage, created, updated, source = row[:11]
    try:
        if not all(is_text(v) for v in (text, kind, sections, tags, note, created, updated, source)):
            return None
        if not text.strip() or not all(isinstance(v, int) for v in (phrase_id, favourite, usage)):
            return None
        section_list, tag_list = json.loads(sections), json.loads(tags)
        if not isinstance(section_list, list) or not isinstance(tag_list, list):
            return None
        if not all(isinstance(t, str) for t in tag_list):
            return None
        return Entry(
            text,
            PhraseKind(kind),
            [SectionType(s) for s in section_list],
            tag_list,
            note,
            bool(favourite),
            usage,
            created,
            updated,
            source,
            phrase_id,
        )
    except (ValueError, TypeError):
        return None
