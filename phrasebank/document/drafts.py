"""Autosaved drafts: one per editor window, written atomically, offered back after a crash.

Each window writes `drafts/<id>.json` under the data folder and deletes it when it closes cleanly
(saved, or the writer chose not to save). A draft still there at the next start was left by a
window that did not close cleanly — unless that window is still open, which the editor knows from
the window's lock file. An unreadable draft is renamed aside under a name of its own, never
overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from phrasebank.atomic import write_atomic
from phrasebank.paths import data_dir

FOLDER = "drafts"
#: The single draft file of earlier versions, still offered once.
LEGACY_NAME = "draft.json"


@dataclass(frozen=True)
class Draft:
    text: str
    path: str  # the file the draft belongs to ("" for a new report)
    saved_at: str  # ISO time
    file: Path | None = None  # where the draft is stored
    masthead: dict[str, str] = field(default_factory=dict)  # 版头/版记 fields (Masthead.to_dict)
    carried: dict = field(default_factory=dict)  # what the Word file brought besides text (document.carried)


#: Lines turned into JSON and written in one go: a long report's draft, written off the GUI thread, never
#: holds Python's lock for one long call (splitting, joining or encoding the whole 50,000-paragraph text took
#: 12-38 ms a call, the window waiting for each).
LINES_AT_A_TIME = 500


def _json_pieces(lines: Sequence[str]) -> Iterator[bytes]:
    """The lines joined by newlines, as the inside of a JSON string in UTF-8, a few hundred lines at a time."""
    for start in range(0, len(lines), LINES_AT_A_TIME):
        chunk = lines[start : start + LINES_AT_A_TIME]
        piece = "\\n".join(json.dumps(line, ensure_ascii=False)[1:-1] for line in chunk)
        yield (("\\n" if start else "") + piece).encode("utf-8")


class DraftStore:
    """This window's draft slot, and the drafts other windows left behind."""

    def __init__(self, folder: Path | None = None, draft_id: str | None = None) -> None:
        self.folder = (folder or data_dir()) / FOLDER
        self.id = draft_id or os.urandom(16).hex()  # (not uuid: it imports `platform`, 6 ms of the start)
        self.path = self.folder / f"{self.id}.json"
        self.set_aside: list[Path] = []  # damaged drafts renamed aside by `left_behind`: the window says so

    def lock_path(self, draft_id: str | None = None) -> Path:
        """The lock file a live window holds for its draft."""
        return self.folder / f"{draft_id or self.id}.lock"

    def save(
        self,
        text: str | Sequence[str],
        document_path: str = "",
        masthead: dict[str, str] | None = None,
        carried: dict | None = None,
    ) -> None:
        """Write the draft: the text, or its paragraphs (a long report's, written a few hundred at a time)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = text.split("\n") if isinstance(text, str) else text
        record: dict[str, object] = {"path": document_path, "saved_at": datetime.now().isoformat(timespec="seconds")}
        if masthead:
            record["masthead"] = masthead
        if carried:
            record["carried"] = carried
        rest = json.dumps(record, ensure_ascii=False)

        def write(temp: Path) -> None:
            with temp.open("wb") as out:
                out.write(b'{"text": "')
                for piece in _json_pieces(lines):
                    out.write(piece)
                out.write(('", ' + rest[1:]).encode("utf-8"))

        write_atomic(self.path, write)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def left_behind(self, is_live: Callable[[str], bool] = lambda _id: False) -> list[Draft]:
        """Drafts of windows that are gone (not this one, not live ones), newest first."""
        files = [p for p in self.folder.glob("*.json") if p.stem != self.id and not is_live(p.stem)]
        legacy = self.folder.parent / LEGACY_NAME
        if legacy.is_file():
            files.append(legacy)
        drafts = []
        for path in files:
            draft = self._read(path)
            if draft is None:
                self.set_aside.append(path)
            else:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    def discard(self, draft: Draft) -> None:
        """Delete a draft the writer recovered or chose to throw away."""
        if draft.file is not None:
            draft.file.unlink(missing_ok=True)

    @staticmethod
    def _read(path: Path) -> Draft | None:
        """A draft file's content; an unreadable one is renamed aside (a dated, unique name) and skipped."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            text, where, saved = data["text"], data.get("path", ""), data["saved_at"]
            if not all(isinstance(value, str) for value in (text, where, saved)):
                raise TypeError("a draft's text, path and time are strings")
            masthead = data.get("masthead") if isinstance(data.get("masthead"), dict) else {}
            masthead = {k: v for k, v in masthead.items() if isinstance(k, str) and isinstance(v, str)}
            carried = data.get("carried") if isinstance(data.get("carried"), dict) else {}
            return Draft(text, where, saved, path, masthead, carried)
        except (OSError, ValueError, KeyError, TypeError):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = path.with_name(f"{path.stem}.damaged-{stamp}-{os.urandom(3).hex()}.txt")
            with contextlib.suppress(OSError):
                os.replace(path, target)
            return None
