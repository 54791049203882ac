"""The writer's personal phrase library, layered over the read-only built-in bank.

SQLite in WAL mode under the user data folder; every change is one transaction, so two editor
windows or a CLI call at the same time never lose a write. The in-memory view is changed only after
a commit succeeds, so a full disk leaves it usable; another process's commits are noticed through
`PRAGMA data_version` and reloaded. A damaged file is set aside and the newest good backup restored.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from phrasebank.errors import PhrasebankError, known_os_reason, reason_text
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library import backup, journal
from phrasebank.library.entry import (
    Entry,
    as_json,
    checksum,
    clean_tags,
    entry_from_row,
    is_text,
    lenient_text,
    normalise,
    now,
    row_intact,
    text_or_empty,
)
from phrasebank.library.pinyin import keys
from phrasebank.library.search import Filters, SearchIndex
from phrasebank.paths import data_dir, read_only_uri
from phrasebank.phrase import Phrase
from phrasebank.suggest.dock import section_list, sections_of
from phrasebank.text.sanitise import sanitise

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
    initials TEXT NOT NULL DEFAULT '',
    checksum TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS hidden_builtins (text TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS builtin_usage (text TEXT PRIMARY KEY, usage INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


_INSERT = (
    "INSERT OR IGNORE INTO phrases (text, kind, sections, tags, note, favourite, usage, created, updated, "
    "source, pinyin, initials, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _row(e: Entry) -> tuple:
    """An entry as a row of the phrases table, pinyin keys and checksum included."""
    sections, tags = as_json([s.value for s in e.sections]), as_json(e.tags)
    stored = (
        e.text,
        e.kind.value,
        sections,
        tags,
        e.note,
        int(e.favourite),
        e.usage,
        e.created or now(),
        e.updated or now(),
    )
    return (*stored, e.source, *keys(e.text), checksum(*stored))


def _count_use(db, phrase_id: int | None) -> None:
    """One more use of a phrase, its checksum renewed over the row as stored."""
    row = db.execute(
        "SELECT id, text, kind, sections, tags, note, favourite, usage, created, updated, checksum FROM phrases "
        "WHERE id=?",
        (phrase_id,),
    ).fetchone()
    if row is None or not row_intact(row):
        return  # a damaged row is left as it is: it stays set aside
    fields = (*row[1:7], row[7] + 1, *row[8:10])
    db.execute("UPDATE phrases SET usage=?, checksum=? WHERE id=?", (row[7] + 1, checksum(*fields), phrase_id))


#: What the writer can do with a damaged library set aside.
SALVAGE_HINT = "未删除；导入这个文件可找回其中仍读得出的短语"
#: How a phrase of 我的报告库 names its source in the dock.
OWN_SOURCE = "我的报告库："


class LibraryError(PhrasebankError):
    """A library operation that could not be done; the message is one sentence for the writer."""


class Library:
    """Personal phrases in SQLite plus the built-in bank's phrases, searchable together."""

    def __init__(
        self,
        folder: Path | None = None,
        builtin: Sequence[Phrase] = (),
        section_characters: Mapping[SectionType, int] | None = None,
    ) -> None:
        """`builtin`: the bank's phrases; `section_characters`: its text per section type (the dock's baseline)."""
        self.folder = Path(folder) if folder else data_dir()
        self.path = self.folder / FILE_NAME
        self.notice: str | None = None  # one sentence the writer must read (recovery, read-only)
        self.read_only = False
        self.skipped = 0  # damaged rows left out of the view (the file keeps them)
        self._backup_day = ""  # the day whose backup was taken before its first change
        self._builtin = list(builtin)
        self._characters = dict(section_characters or {})
        self._recurring = False
        self._own: list[Phrase] = []  # 我的报告库: phrases mined from the writer's own reports
        self._own_characters: dict[SectionType, int] = {}
        self._own_recurring = False
        self._db = self._open()
        self._version = -1
        self._entries: list[Entry] = []
        self._keys: list[tuple[str, str]] = []  # (full pinyin, initials), stored with each row
        self._hidden: set[str] = set()
        self._builtin_usage: dict[str, int] = {}
        self._index: SearchIndex | None = None
        self._by_key: dict[str, Entry] = {}
        self._indexed_builtins: dict[str, Entry] = {}
        try:
            self._refresh()
        except sqlite3.Error as exc:  # damage quick_check did not see shows when the rows are read
            self._db.close()
            if backup.is_damage(exc) and not self.read_only:
                self._recover()
                self._db = self._open()
            else:
                self._db = self._read_only(_reason(exc))
            try:
                self._refresh()
            except sqlite3.Error as again:  # unreadable even so: an empty view, the file untouched
                self._db.close()
                self.read_only = True
                self.notice = f"短语库 {self.path} 无法读取（{_reason(again)}），文件未改动；本次修改不会保存。"
                self._db = sqlite3.connect(":memory:", isolation_level=None)
                self._db.executescript(_SCHEMA)
                self._refresh()

    # ---- opening, recovery, backups -------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """Open the library: repair real damage from a backup; anything else (a full disk, a read-only
        or locked file) leaves the file untouched and opens it read-only."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._read_only(f"无法使用文件夹 {self.folder}：{_reason(exc)}")
        if self.path.is_dir():
            return self._read_only(f"“{self.path.name}”是一个文件夹，不是短语库文件")
        if self.path.is_symlink() and not self.path.exists():
            return self._read_only("它是一个链接，指向的位置不存在")
        if self.path.exists():
            health, why = backup.check(self.path)
            if health is backup.Health.DAMAGED:
                try:
                    self._recover()
                except OSError as exc:
                    return self._read_only(f"文件已损坏，且无法修复：{_reason(exc)}")
            elif health is backup.Health.UNREADABLE:
                return self._read_only(reason_text(why))
        try:
            db = sqlite3.connect(self.path, timeout=15, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=15000")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"phrases", "meta", "hidden_builtins", "builtin_usage"} <= tables:  # opening writes only when needed
                db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(phrases)")}
            if "checksum" not in columns:  # a library from before checksums: its rows count as unchecked
                db.execute("ALTER TABLE phrases ADD COLUMN checksum TEXT NOT NULL DEFAULT ''")
            written = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if written is None:
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                written = (str(SCHEMA_VERSION),)
        except (OSError, sqlite3.Error) as exc:
            return self._read_only(_reason(exc))
        version = int(written[0]) if written and str(written[0]).isdigit() else SCHEMA_VERSION
        if version > SCHEMA_VERSION:  # a newer program's file: reading is safe, writing could break it
            db.close()
            return self._read_only(f"它由更新版本的公文写作台写入（格式版本 {version}），请升级本软件后再修改")
        db.text_factory = lenient_text
        return db

    def _read_only(self, why: str) -> sqlite3.Connection:
        """The library as it is on disk, for reading only (empty when there is no file); changes are refused."""
        self.read_only = True
        self.notice = f"短语库 {self.path} 现在只能读取，修改无法保存（{why}）。"
        try:
            there = self.path.is_file()
        except OSError:  # the path itself is unusable (too long, a loop of links)
            there = False
        if there:
            # A WAL file without its -shm in a folder we cannot write: read a private copy of both (immutable
            # would ignore the WAL and hide the newest phrases); immutable only when even that fails.
            for uri in (read_only_uri(self.path), self._private_copy, read_only_uri(self.path) + "&immutable=1"):
                try:
                    db = sqlite3.connect(uri() if callable(uri) else uri, uri=True, isolation_level=None)
                    db.text_factory = lenient_text
                    db.execute("SELECT count(*) FROM phrases").fetchone()
                    return db
                except (sqlite3.Error, OSError):
                    continue
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.executescript(_SCHEMA)
        return db

    def _private_copy(self) -> str:
        """The library file and its WAL copied to a private folder, as a read-only URI."""
        wal = self.path.with_name(self.path.name + "-wal")
        if not wal.exists():
            raise OSError("no WAL to read")
        folder = Path(tempfile.mkdtemp(prefix="gongwen-library-"))
        shutil.copyfile(self.path, folder / self.path.name)
        shutil.copyfile(wal, folder / wal.name)
        return read_only_uri(folder / self.path.name)

    def _recover(self) -> None:
        mode = stat.S_IMODE(self.path.stat().st_mode)
        aside = backup.set_aside(self.path)
        good = backup.newest_good_backup(self.folder / BACKUP_FOLDER, self.path.stem)
        later = journal.read(self.folder / BACKUP_FOLDER, self.path.stem)
        if good is not None:
            backup.restore(good, self.path, mode)
            count = backup.count_rows(self.path)
            added = self._replay(later)
            since = f"，又补回此后加入或修改的 {added} 条" if added else ""
            self.notice = (
                f"短语库文件已损坏，已另存为 {aside.name}（{SALVAGE_HINT}），并从 {backup.made_at(good)} 的备份恢复，"
                f"其中有 {count} 条短语{since}，现有 {backup.count_rows(self.path)} 条短语。"
            )
        else:
            self.notice = (
                f"短语库文件已损坏，已另存为 {aside.name}（{SALVAGE_HINT}）；没有可用的备份，已新建空的短语库。"
            )

    def _replay(self, entries: Sequence[Entry]) -> int:
        """Write journal entries into the restored file (the newest version of each text); how many."""
        if not entries:
            return 0
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("BEGIN IMMEDIATE")
            for e in entries:
                db.execute("DELETE FROM phrases WHERE text = ?", (e.text,))
            db.executemany(_INSERT, [_row(e) for e in entries])
            db.execute("COMMIT")
        finally:
            db.close()
        return len(entries)

    def backup(self, label: str = "") -> Path | None:
        """Copy the library to the backups folder now (after an import, say); None when read-only."""
        if self.read_only:
            return None
        try:
            taken = backup.take_backup(self._db, self.folder / BACKUP_FOLDER, self.path.stem, label)
            journal.reset(self.folder / BACKUP_FOLDER, self.path.stem)
            return taken
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(f"短语库备份失败（{_reason(exc)}），短语库本身未受影响。") from None

    def close(self) -> None:
        self._db.close()

    def set_builtin(
        self,
        phrases: Sequence[Phrase],
        section_characters: Mapping[SectionType, int] | None = None,
        recurring: bool = False,
    ) -> None:
        """Replace the built-in phrases (the editor loads the bank after the window is up); `recurring`:
        the bank's corpus is large enough that the dock lists only terms seen in several reports."""
        self._builtin = list(phrases)
        self._characters = dict(section_characters or {})
        self._recurring = recurring
        self._index = None

    def set_own(
        self,
        phrases: Sequence[Phrase],
        section_characters: Mapping[SectionType, int] | None = None,
        recurring: bool = False,
    ) -> None:
        """The phrases of 我的报告库 (the writer's own reports): listed before the built-in ones;
        `recurring`: list only what recurs across the writer's reports."""
        self._own = list(phrases)
        self._own_characters = dict(section_characters or {})
        self._own_recurring = recurring
        self._index = None

    # ---- reading ------------------------------------------------------------------------

    def _refresh(self, force: bool = False) -> None:
        """Reload when another connection has committed since the last load (or after our own commit)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version and not force:
            return
        rows = self._rows("ORDER BY id").fetchall()
        self._entries, self._keys, skipped = [], [], 0
        for row in rows:
            entry = entry_from_row(row)
            if entry is None or not row_intact(row):
                skipped += 1
                continue
            self._entries.append(entry)
            self._keys.append((text_or_empty(row[11]), text_or_empty(row[12])))
        self._hidden = {text for (text,) in self._db.execute("SELECT text FROM hidden_builtins") if is_text(text)}
        self._builtin_usage = {
            text: usage
            for text, usage in self._db.execute("SELECT text, usage FROM builtin_usage").fetchall()
            if is_text(text) and isinstance(usage, int)
        }
        self._by_key = {normalise(e.text): e for e in self._entries}
        if skipped and skipped != self.skipped:
            self.notice = f"短语库中有 {skipped} 条记录已损坏，已跳过不显示（文件中的内容未改动）。"
        self.skipped = skipped
        self._version = version
        self._index = None

    def _rows(self, tail: str, params: tuple = ()) -> sqlite3.Cursor:
        """Phrase rows as `entry_from_row` reads them; a library from before checksums gives '' for one."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(phrases)")}
        checksum_column = "checksum" if "checksum" in columns else "''"
        return self._db.execute(
            "SELECT id, text, kind, sections, tags, note, favourite, usage, created, updated, source, pinyin, "
            f"initials, {checksum_column} FROM phrases {tail}",
            params,
        )

    def personal(self) -> list[Entry]:
        self._refresh()
        return list(self._entries)

    def builtins(self, include_hidden: bool = False, phrases: Sequence[Phrase] | None = None) -> list[Entry]:
        """Built-in phrases as entries (of `phrases`, in their order, when given; else those of 我的报告库
        first, then the bank's), listed under the section types where they are typical; a pattern's
        note shows what it was mined from."""
        self._refresh()
        if phrases is None:
            own = self._entries_of(self._own, self._own_characters, include_hidden, OWN_SOURCE)
            shown = {e.text for e in own}
            bank = self._entries_of(self._builtin, self._characters, include_hidden)
            return own + [e for e in bank if e.text not in shown]
        return self._entries_of(phrases, self._characters, include_hidden)

    def _entries_of(
        self, phrases: Sequence[Phrase], characters: Mapping[SectionType, int], include_hidden: bool, origin: str = ""
    ) -> list[Entry]:
        personal = {e.text for e in self._entries}
        return [
            Entry(
                p.text,
                p.kind,
                list(sections_of(p, characters)),
                note="例：" + "；".join(p.examples) if p.examples else "",
                usage=self._builtin_usage.get(p.text, 0),
                source=f"{origin}{p.source}" if origin else p.source,
                count=p.count,
            )
            for p in phrases
            if p.text not in personal and (include_hidden or p.text not in self._hidden)
        ]

    def for_section(
        self,
        section: SectionType | None,
        *,
        kind: PhraseKind | None = None,
        favourite: bool | None = None,
        origin: str | None = None,
    ) -> list[Entry]:
        """What the phrase dock lists with no search: the writer's own phrases for the section first
        (favourites, then most used), then the built-in ones exactly as `PhraseBank.for_section` orders them."""
        self._refresh()
        mine: list[Entry] = []
        if origin != "builtin":
            mine = [
                e
                for e in self._entries
                if (section is None or section in e.sections or not e.sections)
                and (kind is None or e.kind is kind)
                and (favourite is None or e.favourite == favourite)
            ]
            mine.sort(key=lambda e: (not e.favourite, -e.usage, e.text))
        if origin == "personal" or favourite:
            return mine
        own_texts = {p.text for p in self._own}  # the standard openings the dock always adds are not the office's
        own = [
            p
            for p in section_list(self._own, section, self._own_characters, kind, self._own_recurring)
            if p.text in own_texts
        ]
        listed = section_list(self._builtin, section, self._characters, kind, self._recurring)
        first = self._entries_of(own, self._own_characters, False, OWN_SOURCE)
        shown = {e.text for e in first}
        return mine + first + [e for e in self.builtins(phrases=listed) if e.text not in shown]

    def get(self, phrase_id: int) -> Entry:
        self._refresh()
        for entry in self._entries:
            if entry.id == phrase_id:
                return entry
        raise LibraryError(f"短语库中没有编号为 {phrase_id} 的短语。")

    def find(self, text: str) -> Entry | None:
        """The personal entry with this text (duplicates recognised), or None."""
        self._refresh()
        return self._by_key.get(normalise(text))

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
            self._indexed_builtins = {entry.text: entry for entry in builtins}
            self._index = SearchIndex([*self._entries, *builtins], [*self._keys, *([None] * len(builtins))])
        return self._index.search(query, Filters(section, kind, tag, favourite, origin), limit)

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
        text, note, source = sanitise(text).strip(), sanitise(note), sanitise(source)
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
            clean_tags(tags),
            note,
            created=stamp,
            updated=stamp,
            source=source,
        )
        if not self._write_many([entry], reload=False):
            # A row with this text is there but not shown (its checksum failed): the new one replaces it.
            self._transaction(lambda db: db.execute("DELETE FROM phrases WHERE text = ?", (text,)), reload=False)
            self._write_many([entry], reload=False)
        row = self._rows("WHERE text = ?", (text,)).fetchone()
        added = entry_from_row(row) if row else None
        if added is None:  # read back and not there: never report a phrase as added that is not
            self._refresh(force=True)
            raise LibraryError(f"“{text}”没有存入短语库（写入后读不回来），请重试或检查短语库文件。")
        self._entries.append(added)
        self._keys.append((row[11], row[12]))
        self._by_key[normalise(added.text)] = added
        self._index = None  # searchable from the next search on
        return added

    def add_many(self, entries: Sequence[Entry]) -> int:
        """Add entries as they are (import, accepted mining results) in one transaction; return how many."""
        return self._write_many(entries)

    def edit(self, phrase_id: int, **changes) -> Entry:
        """Change fields of a personal phrase (text, kind, sections, tags, note, favourite)."""
        entry = self.get(phrase_id)
        # Only free text is sanitised: a kind is a str enum too, and sanitising would make it a bare string.
        changes = {key: sanitise(value) if key in ("text", "note") else value for key, value in changes.items()}
        if "tags" in changes:
            changes["tags"] = clean_tags(changes["tags"])
        if "text" in changes:
            changes["text"] = changes["text"].strip()
            other = self.find(changes["text"])
            if not normalise(changes["text"]):
                raise LibraryError("短语内容不能为空。")
            if other is not None and other.id != phrase_id:
                raise LibraryError(f"短语库中已有“{other.text}”。")
        updated = replace(entry, **changes, updated=now())
        row = _row(updated)
        self._execute(
            "UPDATE phrases SET text=?, kind=?, sections=?, tags=?, note=?, favourite=?, usage=?, created=?,"
            " updated=?, pinyin=?, initials=?, checksum=? WHERE id=?",
            (*row[:9], *row[10:], phrase_id),
        )
        self._journal([updated])
        return self.get(phrase_id)

    def set_favourite(self, phrase_id: int, favourite: bool = True) -> Entry:
        return self.edit(phrase_id, favourite=favourite)

    def remove(self, phrase_id: int) -> None:
        self.get(phrase_id)
        self._execute("DELETE FROM phrases WHERE id=?", (phrase_id,))

    def remove_all(self) -> None:
        self._execute("DELETE FROM phrases", ())

    def hidden_builtins(self) -> list[Entry]:
        """The built-in phrases the writer hid, in the bank's order (to show them again)."""
        self._refresh()
        return self.builtins(include_hidden=True, phrases=[p for p in self._builtin if p.text in self._hidden])

    def hide_builtin(self, text: str, hidden: bool = True) -> None:
        """Leave a built-in phrase out of the panel and searches (`hidden=False` shows it again)."""
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
            self._transaction(lambda db: _count_use(db, personal.id), reload=False)
            personal.usage += 1  # the search index holds this very object: its ranking follows
        else:
            self._transaction(
                lambda db: db.execute(
                    "INSERT INTO builtin_usage VALUES (?, 1) ON CONFLICT(text) DO UPDATE SET usage = usage + 1", (text,)
                ),
                reload=False,
            )
            self._builtin_usage[text] = self._builtin_usage.get(text, 0) + 1
            indexed = self._indexed_builtins.get(text)
            if indexed is not None:  # the search index's own object: its ranking follows
                indexed.usage += 1

    def _write_many(self, entries: Sequence[Entry], reload: bool = True) -> int:
        entries = [
            replace(
                e,
                text=sanitise(e.text).strip(),
                note=sanitise(e.note),
                source=sanitise(e.source),
                tags=clean_tags(e.tags),
            )
            for e in entries
        ]
        rows = [_row(e) for e in entries if e.text]
        before = self._db.total_changes
        self._transaction(lambda db: db.executemany(_INSERT, rows), reload=reload)
        written = self._db.total_changes - before
        if written:
            self._journal([e for e in entries if e.text])
        return written

    def _execute(self, sql: str, params: tuple) -> None:
        self._transaction(lambda db: db.execute(sql, params))

    def _transaction(self, work, reload: bool = True) -> None:
        """Run `work` in one write transaction; then reload the view (unless the caller updated it)."""
        if self.read_only:
            raise LibraryError(f"{self.notice or '短语库只能读取。'}这次修改没有保存。")
        self._backup_before_first_change()
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
        if reload:
            self._refresh(force=True)  # data_version does not change for this connection's own commits

    def _journal(self, entries: Sequence[Entry]) -> None:
        """Note the entries as written in the journal (what a recovery adds back to the newest backup)."""
        try:
            journal.append(self.folder / BACKUP_FOLDER, self.path.stem, entries)
        except OSError as exc:
            self.notice = f"短语已保存，但备份记录失败（{_reason(exc)}）：请检查磁盘空间。"

    def _backup_before_first_change(self) -> None:
        """Back the library up before the first change of each day (the day's starting point)."""
        today = datetime.now().strftime("%Y-%m-%d")
        if self._backup_day == today:
            return
        self._backup_day = today
        try:
            if backup.daily_backup(self._db, self.folder / BACKUP_FOLDER, self.path.stem) is not None:
                journal.reset(self.folder / BACKUP_FOLDER, self.path.stem)
        except (OSError, sqlite3.Error) as exc:
            self.notice = f"短语库备份失败（{_reason(exc)}），短语库本身未受影响。"


def _reason(exc: BaseException) -> str:
    if getattr(exc, "errno", None) == errno.EISDIR:
        return "该位置是一个文件夹，不是短语库文件"
    known = known_os_reason(exc)
    if known:
        return known
    if isinstance(exc, PermissionError):
        return "文件或文件夹只读"
    return reason_text(str(exc))
