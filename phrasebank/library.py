"""The writer's personal phrase library, layered over the read-only built-in bank.

SQLite in WAL mode under the user data folder; every change is one transaction, so two editor
windows or a CLI call at the same time never lose a write. The in-memory view is changed only after
a commit succeeds, so a full disk leaves it usable; another process's commits are noticed through
`PRAGMA data_version` and reloaded. A damaged file is set aside and the newest good backup restored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from . import backup
from .errors import PhrasebankError
from .paths import data_dir
from .phrase import Phrase
from .pinyin import keys
from .search import SearchIndex
from .types import PhraseKind, SectionType

FILE_NAME = "library.db"
BACKUP_FOLDER = "backups"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS phrases (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    sections TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    favourite INTEGER NOT NULL DEFAULT 0,
    usage INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    pinyin TEXT NOT NULL DEFAULT '',
    initials TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS hidden_builtins (text TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS builtin_usage (text TEXT PRIMARY KEY, usage INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class LibraryError(PhrasebankError):
    """A library operation that could not be done; the message is one sentence for the writer."""


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


class Library:
    """Personal phrases in SQLite plus the built-in bank's phrases, searchable together."""

    def __init__(self, folder: Path | None = None, builtin: Sequence[Phrase] = ()) -> None:
        self.folder = Path(folder) if folder else data_dir()
        self.path = self.folder / FILE_NAME
        self.notice: str | None = None  # one sentence the writer must read (recovery, read-only)
        self._builtin = list(builtin)
        self._db = self._open()
        self._version = -1
        self._entries: list[Entry] = []
        self._keys: list[tuple[str, str]] = []  # (full pinyin, initials), stored with each row
        self._hidden: set[str] = set()
        self._builtin_usage: dict[str, int] = {}
        self._index: SearchIndex | None = None
        self._refresh()

    # ---- opening, recovery, backups -------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and not backup.is_healthy(self.path):
                self._recover()
            db = sqlite3.connect(self.path, timeout=15, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=15000")
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except (OSError, sqlite3.Error) as exc:
            self.notice = f"短语库文件夹 {self.folder} 无法写入（{_reason(exc)}），本次的修改不会保存。"
            db = sqlite3.connect(":memory:", isolation_level=None)
            db.executescript(_SCHEMA)
            return db
        try:
            backup.daily_backup(db, self.folder / BACKUP_FOLDER, self.path.stem)
        except (OSError, sqlite3.Error) as exc:
            self.notice = f"短语库备份失败（{_reason(exc)}），短语库本身未受影响。"
        return db

    def _recover(self) -> None:
        aside = backup.set_aside(self.path)
        good = backup.newest_good_backup(self.folder / BACKUP_FOLDER, self.path.stem)
        if good is not None:
            backup.restore(good, self.path)
            self.notice = (
                f"短语库文件已损坏，已另存为 {aside.name}，并从 {good.stem[len(self.path.stem) + 1 :]} 的备份恢复。"
            )
        else:
            self.notice = f"短语库文件已损坏，已另存为 {aside.name}；没有可用的备份，已新建空的短语库。"

    def close(self) -> None:
        self._db.close()

    def set_builtin(self, phrases: Sequence[Phrase]) -> None:
        """Replace the built-in phrases (the editor loads the bank after the window is up)."""
        self._builtin = list(phrases)
        self._index = None

    # ---- reading ------------------------------------------------------------------------

    def _refresh(self, force: bool = False) -> None:
        """Reload when another connection has committed since the last load (or after our own commit)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version and self._index is not None and not force:
            return
        rows = self._db.execute(
            "SELECT id, text, kind, sections, tags, note, favourite, usage, created, updated, source, pinyin, initials"
            " FROM phrases ORDER BY id"
        ).fetchall()
        self._entries = [_row_entry(row[:11]) for row in rows]
        self._keys = [(full, initials) for *_, full, initials in rows]
        self._hidden = {text for (text,) in self._db.execute("SELECT text FROM hidden_builtins")}
        self._builtin_usage = dict(self._db.execute("SELECT text, usage FROM builtin_usage").fetchall())
        self._version = version
        self._index = None

    def personal(self) -> list[Entry]:
        self._refresh()
        return list(self._entries)

    def builtins(self, include_hidden: bool = False) -> list[Entry]:
        self._refresh()
        personal = {e.text for e in self._entries}
        return [
            Entry(
                p.text,
                p.kind,
                list(p.sections),
                usage=self._builtin_usage.get(p.text, 0),
                source=p.source,
                count=p.count,
            )
            for p in self._builtin
            if p.text not in personal and (include_hidden or p.text not in self._hidden)
        ]

    def get(self, phrase_id: int) -> Entry:
        self._refresh()
        for entry in self._entries:
            if entry.id == phrase_id:
                return entry
        raise LibraryError(f"短语库中没有编号为 {phrase_id} 的短语。")

    def find(self, text: str) -> Entry | None:
        """The personal entry with this text (duplicates recognised), or None."""
        self._refresh()
        key = normalise(text)
        return next((e for e in self._entries if normalise(e.text) == key), None)

    def search(
        self,
        query: str = "",
        *,
        section: SectionType | None = None,
        kind: PhraseKind | None = None,
        tag: str | None = None,
        favourite: bool | None = None,
        origin: str | None = None,
        limit: int = 200,
    ) -> list[Entry]:
        """Phrases matching text, full pinyin or initials, filtered, best matches first.

        `origin` is "personal", "builtin" or None for both.
        """
        self._refresh()
        if self._index is None:
            builtins = self.builtins()
            self._index = SearchIndex([*self._entries, *builtins], [*self._keys, *([None] * len(builtins))])
        return self._index.search(
            query, section=section, kind=kind, tag=tag, favourite=favourite, origin=origin, limit=limit
        )

    # ---- changes (one transaction each) ---------------------------------------------------

    def add(
        self,
        text: str,
        kind: PhraseKind = PhraseKind.COLLOCATION,
        sections: Iterable[SectionType] = (),
        tags: Iterable[str] = (),
        note: str = "",
        source: str = "手工添加",
    ) -> Entry:
        """Add a phrase; an existing one with the same text is returned unchanged."""
        text = text.strip()
        if not normalise(text):
            raise LibraryError("短语内容不能为空。")
        existing = self.find(text)
        if existing is not None:
            return existing
        stamp = now()
        kind, sections = PhraseKind(kind), [SectionType(s) for s in sections]  # plain strings from widgets too
        entry = Entry(
            text,
            kind,
            list(dict.fromkeys(sections)),
            _clean_tags(tags),
            note,
            created=stamp,
            updated=stamp,
            source=source,
        )
        self._write_many([entry])
        return self.find(text) or entry

    def add_many(self, entries: Sequence[Entry]) -> int:
        """Add entries as they are (import, accepted mining results) in one transaction; return how many."""
        return self._write_many(entries)

    def edit(self, phrase_id: int, **changes) -> Entry:
        """Change fields of a personal phrase (text, kind, sections, tags, note, favourite)."""
        entry = self.get(phrase_id)
        if "tags" in changes:
            changes["tags"] = _clean_tags(changes["tags"])
        if "text" in changes:
            changes["text"] = changes["text"].strip()
            other = self.find(changes["text"])
            if not normalise(changes["text"]):
                raise LibraryError("短语内容不能为空。")
            if other is not None and other.id != phrase_id:
                raise LibraryError(f"短语库中已有“{other.text}”。")
        updated = replace(entry, **changes, updated=now())
        self._execute(
            "UPDATE phrases SET text=?, kind=?, sections=?, tags=?, note=?, favourite=?, updated=?, pinyin=?,"
            " initials=? WHERE id=?",
            (
                updated.text,
                updated.kind.value,
                _json([s.value for s in updated.sections]),
                _json(updated.tags),
                updated.note,
                int(updated.favourite),
                updated.updated,
                *keys(updated.text),
                phrase_id,
            ),
        )
        return self.get(phrase_id)

    def set_favourite(self, phrase_id: int, favourite: bool = True) -> Entry:
        return self.edit(phrase_id, favourite=favourite)

    def remove(self, phrase_id: int) -> None:
        self.get(phrase_id)
        self._execute("DELETE FROM phrases WHERE id=?", (phrase_id,))

    def remove_all(self) -> None:
        self._execute("DELETE FROM phrases", ())

    def hide_builtin(self, text: str, hidden: bool = True) -> None:
        if hidden:
            self._execute("INSERT OR IGNORE INTO hidden_builtins VALUES (?)", (text,))
        else:
            self._execute("DELETE FROM hidden_builtins WHERE text=?", (text,))

    def copy_builtin(self, text: str) -> Entry:
        """Copy a built-in phrase into the personal library (to edit or tag it)."""
        phrase = next((p for p in self._builtin if p.text == text), None)
        if phrase is None:
            raise LibraryError(f"内置短语库中没有“{text}”。")
        return self.add(phrase.text, phrase.kind, phrase.sections, source="内置短语库")

    def record_use(self, text: str) -> None:
        """The writer inserted this phrase: count it (ranking uses the count)."""
        personal = self.find(text)
        if personal is not None:
            self._execute("UPDATE phrases SET usage = usage + 1 WHERE id=?", (personal.id,))
        else:
            self._execute(
                "INSERT INTO builtin_usage VALUES (?, 1) ON CONFLICT(text) DO UPDATE SET usage = usage + 1", (text,)
            )

    def _write_many(self, entries: Sequence[Entry]) -> int:
        rows = [
            (
                e.text.strip(),
                e.kind.value,
                _json([s.value for s in e.sections]),
                _json(e.tags),
                e.note,
                int(e.favourite),
                e.usage,
                e.created or now(),
                e.updated or now(),
                e.source,
                *keys(e.text.strip()),
            )
            for e in entries
        ]
        before = self._db.total_changes
        self._transaction(
            lambda db: db.executemany(
                "INSERT OR IGNORE INTO phrases (text, kind, sections, tags, note, favourite, usage, created, updated, "
                "source, pinyin, initials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        )
        return self._db.total_changes - before

    def _execute(self, sql: str, params: tuple) -> None:
        self._transaction(lambda db: db.execute(sql, params))

    def _transaction(self, work) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            work(self._db)
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:  # SQLite has already rolled back after some errors (disk full)
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise LibraryError(f"短语库无法保存修改：{_reason(exc)}。已有内容不受影响。") from None
            raise
        self._refresh(force=True)  # data_version does not change for this connection's own commits


def _reason(exc: BaseException) -> str:
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == 28:
        return "磁盘已满"
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "文件或文件夹只读"
    if "locked" in text or "busy" in text:
        return "另一个程序正在写入，请稍后再试"
    return str(exc)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _clean_tags(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in tags if t and t.strip()))


def _row_entry(row: tuple) -> Entry:
    phrase_id, text, kind, sections, tags, note, favourite, usage, created, updated, source = row
    return Entry(
        text,
        PhraseKind(kind),
        [SectionType(s) for s in json.loads(sections)],
        json.loads(tags),
        note,
        bool(favourite),
        usage,
        created,
        updated,
        source,
        phrase_id,
    )
