"""Phrases written since the library's last full backup, one JSON line each.

A full copy of the library after every change costs time in proportion to its size; a line appended
per change costs nothing. A recovery restores the newest good backup and then adds these phrases back,
so a library damaged in the evening still holds what the writer added or edited that day. The journal
starts afresh with each full backup (daily, after an import), which bounds its size.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library.entry import Entry


def journal_path(folder: Path, stem: str) -> Path:
    return folder / f"{stem}-journal.jsonl"


def append(folder: Path, stem: str, entries: Iterable[Entry]) -> None:
    """Write the entries as they now are at the journal's end (raises OSError when it cannot)."""
    lines = "".join(json.dumps(entry.record(), ensure_ascii=False) + "\n" for entry in entries)
    if not lines:
        return
    folder.mkdir(parents=True, exist_ok=True)
    with journal_path(folder, stem).open("a", encoding="utf-8") as out:
        out.write(lines)
        out.flush()
        os.fsync(out.fileno())


def read(folder: Path, stem: str) -> list[Entry]:
    """The journal's entries, the latest version of each text last; a damaged line is skipped."""
    try:
        lines = journal_path(folder, stem).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    latest: dict[str, Entry] = {}
    for line in lines:
        try:
            record = json.loads(line)
            entry = Entry(
                str(record["text"]),
                PhraseKind(record.get("kind", PhraseKind.COLLOCATION.value)),
                [SectionType(s) for s in record.get("sections", [])],
                [str(t) for t in record.get("tags", [])],
                str(record.get("note", "")),
                bool(record.get("favourite", False)),
                int(record.get("usage", 0)),
                str(record.get("created", "")),
                str(record.get("updated", "")),
                str(record.get("source", "")),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            continue
        latest.pop(entry.text, None)
        latest[entry.text] = entry
    return list(latest.values())


def reset(folder: Path, stem: str) -> None:
    """Start afresh: a full backup now holds everything the journal held."""
    journal_path(folder, stem).unlink(missing_ok=True)
