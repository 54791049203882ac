"""The autosaved draft: written atomically to the data folder, offered back after a crash."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .atomic import write_bytes_atomic
from .paths import data_dir

DRAFT_NAME = "draft.json"


@dataclass(frozen=True)
class Draft:
    text: str
    path: str  # the file the draft belongs to ("" for a new report)
    saved_at: str  # ISO time


class DraftStore:
    """One draft slot per data folder; `save` never leaves a half-written file."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / DRAFT_NAME

    def save(self, text: str, document_path: str = "") -> Draft:
        draft = Draft(text, document_path, datetime.now().isoformat(timespec="seconds"))
        data = json.dumps({"text": draft.text, "path": draft.path, "saved_at": draft.saved_at}, ensure_ascii=False)
        write_bytes_atomic(self.path, data.encode("utf-8"))
        return draft

    def load(self) -> Draft | None:
        """The draft left behind, or None (also for an unreadable one, which is kept aside)."""
        if not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Draft(str(data["text"]), str(data.get("path", "")), str(data["saved_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            os.replace(self.path, self.path.with_suffix(".damaged.json"))
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
