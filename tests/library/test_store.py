"""The personal library: phrases, pinyin search, safety on disk."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from phrasebank.kinds import PhraseKind
from phrasebank.kinds import SectionType as S
from phrasebank.library import backup
from phrasebank.library.pinyin import keys
from phrasebank.library.store import Library, LibraryError
from phrasebank.phrase import Phrase

BUILTIN = [
    Phrase("提高政治站位", PhraseKind.COLLOCATION, 5, {S.OPENING: 3, S.NEXT_STEPS: 2}, "a.txt:1"),
    Phrase("往深里走、往心里走、往实里走", PhraseKind.SERIES, 2, {S.NEXT_STEPS: 2}, "b.txt:3"),
]


@pytest.fixture
def library(data_dir) -> Library:
    lib = Library(data_dir, BUILTIN)
    yield lib
    lib.close()


def texts(entries) -> list[str]:
    return [e.text for e in entries]


def test_add_then_search_by_initials_full_pinyin_and_text(library):
    library.add("以学促干、以干促学", sections=[S.MEASURES])
    assert texts(library.search("yxcg")) == ["以学促干、以干促学"]
    assert texts(library.search("yixuecugan")) == ["以学促干、以干促学"]
    assert texts(library.search("促干")) == ["以学促干、以干促学"]
    assert texts(library.search("zzzw")) == ["提高政治站位"]  # built-in phrases are searched too


@pytest.mark.parametrize(
    ("word", "full", "initials"),
    [
        ("重点", "zhongdian", "zd"),
        ("重新", "chongxin", "cx"),
        ("银行", "yinhang", "yh"),
        ("执行", "zhixing", "zx"),
        ("调研", "diaoyan", "dy"),
        ("调整", "tiaozheng", "tz"),
        ("着力", "zhuoli", "zl"),
        ("干部", "ganbu", "gb"),
    ],
)
def test_polyphones_read_as_this_vocabulary_needs(word, full, initials):
    assert keys(word) == (full, initials)


def test_filters_and_ranking(library):
    a = library.add("加强组织领导", sections=[S.MEASURES], tags=["组织"])
    library.add("加强督促指导", sections=[S.NEXT_STEPS])
    b = library.add("加强理论武装", kind=PhraseKind.COLLOCATION, sections=[S.MEASURES])
    library.set_favourite(b.id)
    for _ in range(3):
        library.record_use("加强组织领导")
    assert texts(library.search("加强"))[:2] == ["加强理论武装", "加强组织领导"]  # favourite, then usage
    assert texts(library.search("加强", section=S.NEXT_STEPS)) == ["加强督促指导"]
    assert texts(library.search("", tag="组织")) == ["加强组织领导"]
    assert texts(library.search("", favourite=True)) == ["加强理论武装"]
    assert texts(library.search("", origin="builtin")) == texts(library.builtins())
    assert library.get(a.id).usage == 3
    assert texts(library.search("jqzzld")) == ["加强组织领导"]


def test_duplicates_are_recognised(library):
    first = library.add("坚持问题导向")
    again = library.add(" 坚持问题导向， ")
    assert again.id == first.id and len(library.personal()) == 1
    other = library.add("坚持目标导向")
    with pytest.raises(LibraryError, match="已有"):
        library.edit(other.id, text="坚持问题导向")


def test_hide_and_copy_builtin_phrases(library):
    library.hide_builtin("提高政治站位")
    assert "提高政治站位" not in texts(library.search("站位"))
    library.hide_builtin("提高政治站位", hidden=False)
    copied = library.copy_builtin("往深里走、往心里走、往实里走")
    assert copied.id is not None and copied.kind is PhraseKind.SERIES and copied.sections == [S.NEXT_STEPS]
    assert texts(library.search("wslz", origin="personal")) == ["往深里走、往心里走、往实里走"]
    assert texts(library.builtins()) == ["提高政治站位"]  # the copy replaces the built-in one


def test_changes_by_another_connection_are_seen(library, data_dir):
    other = Library(data_dir, BUILTIN)
    other.add("建立常态长效机制")
    other.close()
    assert "建立常态长效机制" in texts(library.personal())


def test_truncated_database_is_set_aside_and_the_newest_phrases_come_back(data_dir):
    """A library damaged in the evening comes back with the day's phrases: the day's first state (the
    daily backup) plus the journal of what was written since."""
    lib = Library(data_dir, BUILTIN)
    lib.add("以学促干、以干促学")
    lib.add("这一条是今天最后加入的")
    lib.close()
    assert len(backup.backups(data_dir / "backups", "library")) == 1  # the day's first state (empty)
    assert (data_dir / "backups" / "library-journal.jsonl").exists()  # and what came since
    path = data_dir / "library.db"
    for side in ("library.db-wal", "library.db-shm"):
        (data_dir / side).unlink(missing_ok=True)
    path.chmod(0o644)
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: size // 2])
    damaged_bytes = path.read_bytes()

    recovered = Library(data_dir, BUILTIN)
    assert recovered.notice and "已损坏" in recovered.notice and "补回此后加入或修改的 2 条" in recovered.notice
    aside = list(data_dir.glob("library.damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes
    assert texts(recovered.personal()) == sorted(["以学促干、以干促学", "这一条是今天最后加入的"])
    assert path.stat().st_mode & 0o777 == 0o644  # the file keeps its permission bits
    recovered.close()


def test_corrupt_database_without_backup_starts_empty_and_keeps_the_file(data_dir):
    (data_dir / "library.db").write_bytes(b"garbage" * 1000)
    lib = Library(data_dir, BUILTIN)
    assert "没有可用的备份" in lib.notice
    assert lib.personal() == []
    assert list(data_dir.glob("library.damaged-*.db"))
    lib.close()


def test_backups_are_daily_and_limited(data_dir):
    folder = data_dir / "backups"
    folder.mkdir()
    for day in range(1, 21):
        (folder / f"library-2026-01-{day:02d}.db").write_bytes(b"x")
    lib = Library(data_dir, BUILTIN)
    assert len(list(folder.glob("library-*.db"))) == 20  # opening alone takes no backup
    lib.add("今天的第一处修改")  # the backup is taken before it
    lib.close()
    names = sorted(p.name for p in folder.glob("library-*.db"))
    assert len(names) == backup.KEEP_BACKUPS
    assert names[0] == "library-2026-01-08.db"  # the oldest ones went; today's is the newest
    assert names[-1] == f"library-{date.today():%Y-%m-%d}.db"


def test_two_processes_adding_500_each_end_with_1000(data_dir):
    code = (
        "import sys; from phrasebank.library import Library\n"
        "lib = Library(__import__('pathlib').Path(sys.argv[1]))\n"
        "for i in range(500): lib.add(f'{sys.argv[2]}短语{i:04d}')\n"
    )
    Library(data_dir).close()
    procs = [subprocess.Popen([sys.executable, "-c", code, str(data_dir), name]) for name in ("甲", "乙")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    lib = Library(data_dir)
    assert len(lib.personal()) == 1000
    lib.close()


def test_full_disk_gives_a_clear_message_and_keeps_what_is_there(library):
    library.add("已经保存的短语")
    library._db.execute(f"PRAGMA max_page_count = {library._db.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(LibraryError, match="磁盘已满"):
        library.add_many([type(library.personal()[0])(f"很长的短语{i}" * 20) for i in range(500)])
    assert texts(library.personal()) == ["已经保存的短语"]
    assert texts(library.search("已经")) == ["已经保存的短语"]


def test_unusable_folder_gives_a_notice_and_refuses_changes(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    lib = Library(blocked / "data", BUILTIN)
    assert lib.notice and "只能读取" in lib.notice and lib.read_only
    with pytest.raises(LibraryError, match="没有保存"):
        lib.add("不会保存的短语")
    assert lib.personal() == [] and lib.builtins()  # the built-in phrases are still there to use
    lib.close()


def test_data_folder_follows_gongwen_data_dir(data_dir):
    lib = Library(builtin=BUILTIN)
    lib.add("测试")
    lib.close()
    assert (Path(data_dir) / "library.db").exists()


def test_a_hidden_builtin_is_listed_apart_and_shown_again(data_dir, corpus_bank):
    library = Library(data_dir)
    library.set_builtin(corpus_bank.phrases, corpus_bank.section_characters)
    text = library.builtins()[0].text
    library.hide_builtin(text)
    assert text not in {e.text for e in library.builtins()}
    assert [e.text for e in library.hidden_builtins()] == [text]
    library.hide_builtin(text, hidden=False)
    assert library.hidden_builtins() == [] and text in {e.text for e in library.builtins()}


def test_editing_a_phrase_keeps_its_kind_an_enum(library):
    entry = library.add("精心组织、周密部署", kind=PhraseKind.COLLOCATION)
    edited = library.edit(entry.id, kind=PhraseKind.FORMULA, note="  四字格\u202e ")
    assert edited.kind is PhraseKind.FORMULA and library.get(entry.id).kind is PhraseKind.FORMULA
    assert library.get(entry.id).note.strip() == "四字格"  # the bidi override is gone


def test_re_adding_a_phrase_whose_row_was_damaged_really_stores_it(data_dir):
    lib = Library(data_dir)
    lib.add("以学促干、以干促学")
    lib.close()
    db = sqlite3.connect(data_dir / "library.db")
    db.execute("UPDATE phrases SET note = '被改动' WHERE text = '以学促干、以干促学'")  # checksum no longer fits
    db.commit()
    db.close()
    lib = Library(data_dir)
    assert lib.find("以学促干、以干促学") is None  # a damaged row is not shown
    added = lib.add("以学促干、以干促学")
    assert added.id is not None and added.note == ""
    lib.close()
    again = Library(data_dir)
    assert again.find("以学促干、以干促学") is not None  # there at the next start too
    again.close()


def test_a_library_written_by_a_newer_version_opens_read_only_and_says_so(data_dir):
    lib = Library(data_dir)
    lib.add("以学促干")
    lib.close()
    db = sqlite3.connect(data_dir / "library.db")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    db.execute("ALTER TABLE phrases ADD COLUMN future TEXT NOT NULL DEFAULT 'x'")
    db.commit()
    db.close()
    newer = Library(data_dir)
    assert newer.read_only and "更新版本" in newer.notice
    assert [e.text for e in newer.personal()] == ["以学促干"]
    with pytest.raises(LibraryError):
        newer.add("以干促学")
    newer.close()


def test_opening_and_listing_never_wait_behind_a_writer(data_dir):
    """Opening writes nothing when the library is complete: a list does not wait for another writer."""
    import time

    lib = Library(data_dir)
    lib.add("以学促干")
    lib.close()
    writer = sqlite3.connect(data_dir / "library.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        reader = Library(data_dir)
        assert [e.text for e in reader.personal()] == ["以学促干"] and not reader.read_only
        assert time.monotonic() - started < 3
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.parametrize("kind", ["folder", "dangling link", "long path"])
def test_an_unusable_library_path_is_named_as_it_is(tmp_path, kind):
    """A folder named library.db, a link to nowhere, a path too long: said as such, never "full disk"."""
    import os

    folder = tmp_path / "data"
    folder.mkdir()
    if kind == "folder":
        (folder / "library.db").mkdir()
        expected = "是一个文件夹"
    elif kind == "dangling link":
        os.symlink(tmp_path / "nowhere.db", folder / "library.db")
        expected = "指向的位置不存在"
    else:
        folder = tmp_path / ("很长的文件夹名" * 40)
        expected = "路径太长"
    lib = Library(folder)
    assert lib.read_only and expected in (lib.notice or "") and "磁盘已满" not in (lib.notice or "")
    with pytest.raises(LibraryError):
        lib.add("以学促干")
    lib.close()


def test_a_changed_count_or_date_is_noticed_and_uses_keep_the_row_whole(data_dir):
    lib = Library(data_dir)
    lib.add("以学促干")
    lib.add("以干促学")
    for _ in range(9):
        lib.record_use("以学促干")
    lib.close()
    again = Library(data_dir)
    assert again.find("以学促干").usage == 9  # counted uses renew the checksum: the row stays whole
    again.close()
    db = sqlite3.connect(data_dir / "library.db")
    db.execute("UPDATE phrases SET usage = -32 WHERE text = '以学促干'")  # a flipped bit in the count
    db.execute("UPDATE phrases SET created = '1999-01-01' WHERE text = '以干促学'")
    db.commit()
    db.close()
    damaged = Library(data_dir)
    assert damaged.find("以学促干") is None and damaged.find("以干促学") is None  # set aside, not shown as is
    damaged.close()


def test_rows_written_before_whole_row_checksums_stay_readable(data_dir):
    from phrasebank.library.entry import _text_checksum

    lib = Library(data_dir)
    lib.add("以学促干", note="旧行")
    lib.close()
    db = sqlite3.connect(data_dir / "library.db")
    text, kind, sections, tags, note = db.execute("SELECT text, kind, sections, tags, note FROM phrases").fetchone()
    db.execute("UPDATE phrases SET checksum = ?, usage = 3", (_text_checksum(text, kind, sections, tags, note),))
    db.commit()
    db.close()
    old = Library(data_dir)
    assert old.find("以学促干").usage == 3  # an old digest covers the text fields only
    old.record_use("以学促干")
    old.close()
    renewed = Library(data_dir)
    assert renewed.find("以学促干").usage == 4  # and the next use wrote a whole-row digest that fits
    renewed.close()

