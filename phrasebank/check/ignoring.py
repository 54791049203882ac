"""Findings the writer chose to ignore: once (this position, this session) or always (every document,
kept in the data folder), each undoable; and the writer's own word lists as text to edit."""

from __future__ import annotations

from pathlib import Path

from phrasebank.atomic import write_bytes_atomic
from phrasebank.check.findings import Finding
from phrasebank.check.lists import USER_AVOID, USER_FORMULATIONS
from phrasebank.errors import PhrasebankError, os_reason

IGNORED_FILE = "ignored.tsv"
#: The writer's lists by name: file in the data folder.
USER_LISTS = {"formulations": USER_FORMULATIONS, "avoid": USER_AVOID}


def always_key(finding: Finding) -> str:
    """What "always ignore" remembers of a finding: its family and the text found."""
    return f"{finding.kind.value}\t{finding.found}"


def split_always_key(key: str) -> tuple[str, str]:
    """(family, text found) of an "always ignore" entry."""
    family, _, found = key.partition("\t")
    return family, found


def once_key(finding: Finding) -> tuple[int, int, str]:
    return (finding.paragraph, finding.column, finding.found)


class IgnoreList:
    """Ignored findings with an undo history; "always" entries live in `folder/ignored.tsv`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / IGNORED_FILE
        self.once: set[tuple[int, int, str]] = set()
        self.always: set[str] = set()
        if self.path.exists():
            self.always = set(self.path.read_text(encoding="utf-8").splitlines()) - {""}
        self._history: list[tuple[int, int, str] | str] = []  # once keys and always keys, newest last

    def __contains__(self, finding: Finding) -> bool:
        return once_key(finding) in self.once or always_key(finding) in self.always

    def kept(self, findings: list[Finding]) -> list[Finding]:
        """The findings not ignored (with nothing ignored, all of them at once: thousands in a long report)."""
        if not self.once and not self.always:
            return list(findings)
        return [f for f in findings if f not in self]

    def ignore_once(self, finding: Finding) -> None:
        key = once_key(finding)
        if key not in self.once:
            self.once.add(key)
            self._history.append(key)

    def ignore_always(self, finding: Finding) -> None:
        """Remember the finding for every document; raises PhrasebankError (nothing changed) when the
        file cannot be written."""
        key = always_key(finding)
        if key in self.always:
            return
        self._save(self.always | {key})
        self.always.add(key)
        self._history.append(key)

    def restore(self, key: str) -> None:
        """Stop ignoring an "always" entry (listed in `always`)."""
        if key in self.always:
            self._save(self.always - {key})
            self.always.discard(key)

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> bool:
        """Take back the newest ignore still in force; False when there is none."""
        while self._history:
            key = self._history.pop()
            if isinstance(key, str):
                if key in self.always:
                    try:
                        self.restore(key)
                    except PhrasebankError:
                        self._history.append(key)  # still ignored: still undoable
                        raise
                    return True
            elif key in self.once:
                self.once.discard(key)
                return True
        return False

    def _save(self, keys: set[str]) -> None:
        data = "".join(f"{key}\n" for key in sorted(keys)).encode("utf-8")
        try:
            write_bytes_atomic(self.path, data)
        except OSError as exc:
            raise PhrasebankError(f"无法保存“总是忽略”的设置（{os_reason(exc)}），本次未改动。") from None


def read_user_list(folder: Path, name: str) -> str:
    """The text of one of the writer's lists ("formulations" or "avoid"); "" when there is none yet."""
    path = folder / USER_LISTS[name]
    return path.read_text(encoding="utf-8-sig") if path.exists() else ""


def save_user_list(folder: Path, name: str, text: str) -> None:
    """Write one of the writer's lists whole (temporary file, then swapped in)."""
    try:
        write_bytes_atomic(folder / USER_LISTS[name], (text.strip() + "\n").encode("utf-8"))
    except OSError as exc:
        raise PhrasebankError(f"无法保存词表 {USER_LISTS[name]}（{os_reason(exc)}），原有内容未改动。") from None
