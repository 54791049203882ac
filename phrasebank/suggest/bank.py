"""PhraseBank: mined phrases plus the typing index, saved to and loaded from one SQLite file.

Saving writes a temporary file beside the target and swaps it in, so a bank on disk is always
whole: the old one or the new one, never half of either.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from phrasebank.atomic import write_atomic
from phrasebank.errors import BankError, os_reason
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.paths import read_only_uri
from phrasebank.phrase import Phrase, Suggestion
from phrasebank.suggest import ranking
from phrasebank.suggest.context import infer_section
from phrasebank.suggest.dock import section_list
from phrasebank.suggest.frames import Frames, document_genre
from phrasebank.suggest.index import Entries, SuggestIndex, pooled_counts, pooled_entries
from phrasebank.suggest.memory import DocumentMemory
from phrasebank.suggest.openings import Openings
from phrasebank.suggest.personal import PersonalPhrases

SCHEMA_VERSION = 5
#: From this many reports on (the miner's own line between a small and a large corpus), the dock lists a term
#: only when it recurs in more than one of them.
RECURRENCE_FROM = 10
#: 我的报告库's counts weigh this many times the built-in collection's when both are pooled: where the writer's own
#: reports have a way of saying it, it comes first.
OWN_WEIGHT = 2
_MAGIC = "gongwen-desk phrase bank"
#: The typing index's columns, each stored whole: texts joined by a line break (no entry holds one), numbers as
#: little-endian arrays of these types. A row per entry took the government bank (145,000 entries) 0.6 s to read.
_TEXT_COLUMNS = ("entry_texts", "prefix_texts", "wide_prefixes")
_NUMBER_COLUMNS = {
    "entry_counts": "i",
    "entry_masks": "B",
    "entry_documents": "i",
    "entry_bounds": "I",
    "prefix_counts": "q",
    "wide_ranges": "i",  # lo, hi, number of best entries: three per wide prefix
    "wide_best": "i",
}


class PhraseBank:
    """Named phrases for the panel and an index of repeated word sequences for typing."""

    def __init__(
        self,
        phrases: Sequence[Phrase],
        index_entries: Entries | Iterable[Phrase] = (),
        prefix_counts: dict[str, int] | None = None,
        info: dict | None = None,
        merged: bool = False,
        wide: dict[str, tuple[int, int, tuple[int, ...]]] | None = None,
    ) -> None:
        """`index_entries`: the typing index (compact `Entries`, or phrases of kind NGRAM); `merged`: an
        index's own entries, merged with `phrases` already, and `wide` its wide prefixes (a bank file's)."""
        self.phrases: list[Phrase] = list(phrases)
        entries = index_entries if isinstance(index_entries, Entries) else Entries.of(index_entries)
        self.index = SuggestIndex(self.phrases, entries, prefix_counts, merged=merged, wide=wide)
        self.openings = Openings(self.phrases)
        self.info: dict = dict(info or {})
        #: The popup opens only when the best completion scores at least this (benchmarks vary it).
        self.threshold = ranking.SHOW_THRESHOLD
        self._pooled: tuple[PhraseBank, SuggestIndex, Openings] | None = None
        self._frames: dict[str, Frames] = {}  # by 文种

    def suggest(
        self,
        before: str,
        section: str | SectionType | None = None,
        limit: int = 5,
        memory: DocumentMemory | None = None,
        personal: PersonalPhrases | None = None,
        own: PhraseBank | None = None,
        genre: str | None = None,
    ) -> list[Suggestion]:
        """Exactly what the editor's popup shows for the text before the cursor, in its order.

        Empty unless the best completion is likely right (`threshold`). `section` None infers it from
        the nearest heading in `before`; `memory` adds what the writer already typed in this document
        (the editor keeps one per open document); `personal`, the writer's own library phrases; `own`,
        the bank of 我的报告库 (the writer's own past reports); `genre`, the document's 文种 (its set openings
        and closings are offered, another 文种's never: `frames`), None to read it from the top of `before`.
        """
        if isinstance(section, str) and not isinstance(section, SectionType):
            section = SectionType.parse(section)
        if section is None:
            section = infer_section(before)
        index, openings = self.pooled_with(own) if own is not None else (self.index, self.openings)
        genre = document_genre(before) if genre is None else genre
        if genre not in self._frames:
            self._frames[genre] = Frames(genre)
        frames = self._frames[genre]
        sources = (index, openings, frames, memory, personal)
        return ranking.suggest(sources, before, section, limit, self.threshold, unwanted=frames.foreign)

    def pooled_with(self, own: PhraseBank) -> tuple[SuggestIndex, Openings]:
        """One typing index and one set of openings over this bank and the writer's own (their counts OWN_WEIGHT
        times): what follows a context is estimated from both corpora's evidence together, as if mined as one —
        two separate estimates combined would each be sure of its own continuation. Built once per own bank
        (under a second for the built-in collections; the editor builds it in the background before it types
        with the own bank)."""
        pooled = self._pooled
        if pooled is None or pooled[0] is not own:
            index = SuggestIndex(
                [*own.phrases, *self.phrases],
                pooled_entries(self.index.entries(), own.index.entries(), OWN_WEIGHT),
                pooled_counts(self.index.prefix_counts, own.index.prefix_counts, OWN_WEIGHT),
            )
            counts = {p.text: p.count for p in self.openings.phrases}
            for p in own.openings.phrases:
                counts[p.text] = counts.get(p.text, 0) + max(p.count, 1) * OWN_WEIGHT
            mine = {p.text: replace(p, count=counts[p.text]) for p in [*self.openings.phrases, *own.openings.phrases]}
            pooled = self._pooled = (own, index, Openings(list(mine.values())))
        return pooled[1], pooled[2]

    @property
    def reports(self) -> int:
        """How many reports the bank was mined from (0 when it does not say)."""
        return int(self.info.get("documents", 0) or 0)

    @property
    def section_characters(self) -> dict[SectionType, int]:
        """How much body text of the mined corpus each section type holds (the dock's baseline)."""
        return {SectionType(name): int(n) for name, n in self.info.get("section_characters", {}).items()}

    def for_section(self, section: SectionType | None, kind: PhraseKind | None = None) -> list[Phrase]:
        """Exactly the built-in phrases the dock lists for a section type, in its order (`phrasebank.suggest.dock`)."""
        return section_list(self.phrases, section, self.section_characters, kind, self.reports >= RECURRENCE_FROM)

    def save(self, path: str | Path) -> None:
        """Write the bank atomically (temporary file, then replace)."""
        path = Path(path)

        def write(temp: Path) -> None:
            db = sqlite3.connect(temp)
            try:
                with db:
                    self._write(db)
            finally:
                db.close()

        try:
            write_atomic(path, write)
        except FileNotFoundError:
            raise BankError(path, f"无法在 {path.parent} 中写入（文件夹不存在）") from None
        except (OSError, sqlite3.Error, UnicodeError) as exc:
            raise BankError(path, f"保存失败（{os_reason(exc)}）") from None

    @classmethod
    def load(cls, path: str | Path) -> PhraseBank:
        """Read a bank written by `save`; a missing, foreign or damaged file raises BankError."""
        path = Path(path)
        if not path.is_file():
            raise BankError(path, "文件不存在")
        try:
            db = sqlite3.connect(read_only_uri(path), uri=True)
            try:
                meta = dict(db.execute("SELECT key, value FROM meta"))
                if meta.get("magic") != _MAGIC:
                    raise BankError(path, "不是公文写作台的词库文件")
                schema = int(meta.get("schema", 0))
                if schema > SCHEMA_VERSION:
                    raise BankError(path, "词库由更新版本的软件生成，请升级后再打开")
                if schema < SCHEMA_VERSION:
                    raise BankError(path, "词库由旧版本生成，请重新挖掘（phrasebank mine）")
                rows = db.execute(
                    "SELECT text, kind, count, sections, source, examples, reports FROM phrases ORDER BY rowid"
                ).fetchall()
                phrases = _phrases(rows)
                stored = dict(db.execute("SELECT name, data FROM columns"))
                texts = {name: _texts(stored[name]) for name in _TEXT_COLUMNS}
                numbers = {name: _numbers(stored[name], code) for name, code in _NUMBER_COLUMNS.items()}
                parts = [numbers[f"entry_{part}"] for part in ("counts", "masks", "documents", "bounds")]
                if {len(part) for part in parts} != {len(texts["entry_texts"])}:
                    raise BankError(path, "词库内容有误（索引各列长短不一）")
                entries = Entries(texts["entry_texts"], *parts)
                prefixes = dict(zip(texts["prefix_texts"], numbers["prefix_counts"], strict=True))
                wide = _wide(texts["wide_prefixes"], numbers["wide_ranges"], numbers["wide_best"])
                info = json.loads(meta.get("info", "{}"))
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            raise BankError(path, f"文件已损坏或不是词库（{exc}）") from None
        except (ValueError, KeyError, TypeError, OverflowError, AttributeError) as exc:
            raise BankError(path, f"词库内容有误（{exc}）") from None
        return cls(phrases, entries, prefixes, info, merged=True, wide=wide)

    def _write(self, db: sqlite3.Connection) -> None:
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE phrases (text TEXT, kind TEXT, count INTEGER, sections TEXT, source TEXT, examples TEXT,"
            " reports INTEGER);"
            "CREATE TABLE columns (name TEXT PRIMARY KEY, data BLOB);"
        )
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("magic", _MAGIC),
                ("schema", str(SCHEMA_VERSION)),
                ("info", json.dumps(self.info, ensure_ascii=False)),
            ],
        )
        db.executemany(
            "INSERT INTO phrases VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.text,
                    p.kind.value,
                    p.count,
                    json.dumps({s.value: n for s, n in p.sections.items()}),
                    p.source,
                    json.dumps(p.examples, ensure_ascii=False),
                    p.reports,
                )
                for p in self.phrases
            ],
        )
        entries, prefixes = self.index.entries(), self.index.prefix_counts
        values = {f"entry_{name}": part for name, part in vars(entries).items()}
        values.update(prefix_texts=list(prefixes), prefix_counts=array("q", prefixes.values()))
        wide = self.index.wide
        values.update(
            wide_prefixes=list(wide),
            wide_ranges=[n for lo, hi, best in wide.values() for n in (lo, hi, len(best))],
            wide_best=[i for _, _, best in wide.values() for i in best],
        )
        stored = [(name, "\n".join(values[name]).encode("utf-8")) for name in _TEXT_COLUMNS]
        stored += [(name, _stored(values[name], code)) for name, code in _NUMBER_COLUMNS.items()]
        db.executemany("INSERT INTO columns VALUES (?, ?)", stored)


def _stored(values: Iterable[int], code: str) -> bytes:
    """Numbers as stored: their little-endian bytes."""
    numbers = array(code, values)
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tobytes()


def _numbers(data: bytes, code: str) -> array:
    """Numbers read back (see `_stored`)."""
    numbers = array(code)
    numbers.frombytes(data)
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def _texts(data: bytes) -> list[str]:
    """Texts read back: stored joined by line breaks."""
    return data.decode("utf-8").split("\n") if data else []


def _wide(prefixes: list[str], ranges: array, best: array) -> dict[str, tuple[int, int, tuple[int, ...]]]:
    """An index's wide prefixes read back (see `_write`)."""
    if len(ranges) != 3 * len(prefixes) or sum(ranges[2::3]) != len(best):
        raise ValueError("宽前缀各列长短不一")
    wide, at = {}, 0
    for n, prefix in enumerate(prefixes):
        lo, hi, size = ranges[3 * n : 3 * n + 3]
        wide[prefix] = (lo, hi, tuple(best[at : at + size]))
        at += size
    return wide


def _phrases(rows: list[tuple]) -> list[Phrase]:
    """The phrases table's rows as phrases; their JSON columns parsed in one call each (13,500 calls took the
    government bank 0.1 s)."""
    sections = json.loads("[" + ",".join(row[3] for row in rows) + "]")
    examples = json.loads("[" + ",".join(row[5] for row in rows) + "]")
    kinds = {kind.value: kind for kind in PhraseKind}
    names = {section.value: section for section in SectionType}
    return [
        Phrase(
            text,
            kinds[kind],
            int(count),
            {names[name]: int(n) for name, n in parsed.items()},
            source or "",
            [str(e) for e in found],
            int(reports or 0),
        )
        for (text, kind, count, _, source, _, reports), parsed, found in zip(rows, sections, examples, strict=True)
    ]
