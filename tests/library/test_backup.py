"""The personal library never loses, hides or sets aside a writer's phrases without saying so.

Full disks and read-only folders are real here: a small tmpfs is mounted (the tests run as root, as
CI does) and filled, or remounted read-only.
"""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from phrasebank.library import backup
from phrasebank.library.exchange import export_library, import_library
from phrasebank.library.store import Library, LibraryError

PHRASES = [f"第{n}条常用短语：以学促干" for n in range(40)]


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs of our own (unmounted afterwards)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True)
    if result.returncode:
        pytest.skip(f"cannot mount a tmpfs here (needs root, as the test command runs): {result.stderr.decode()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def texts(entries) -> list[str]:
    return sorted(e.text for e in entries)


def filled(folder: Path) -> Library:
    lib = Library(folder)
    for text in PHRASES:
        lib.add(text)
    return lib


def test_a_data_folder_with_hash_and_question_mark_keeps_its_library(tmp_path):
    folder = tmp_path / "x #7" / "a?b"
    lib = Library(folder)
    lib.add("以学促干、以干促学")
    lib.close()
    again = Library(folder)
    assert texts(again.personal()) == ["以学促干、以干促学"] and again.notice is None
    again.close()
    assert not list(folder.glob("*.damaged*")) and sorted(p.name for p in tmp_path.iterdir()) == ["x #7"]


def test_a_full_disk_is_not_taken_for_damage(small_disk):
    lib = filled(small_disk)
    lib.close()
    ballast = small_disk / "ballast"
    with ballast.open("wb") as out:  # fill the disk to the last byte
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    for _ in range(2):
        opened = Library(small_disk)
        assert texts(opened.personal()) == sorted(PHRASES)
        with pytest.raises(LibraryError):
            for n in range(200):  # a change that needs room fails with a message, never silently
                opened.add(f"新短语{n}" * 30)
        opened.close()
    assert not list(small_disk.glob("*.damaged*"))
    ballast.unlink()
    again = Library(small_disk)
    again.add("有空间以后")
    assert "有空间以后" in texts(again.personal())


def test_a_read_only_folder_shows_the_library_and_refuses_changes(small_disk, tmp_path, capsys, monkeypatch):
    lib = filled(small_disk)
    lib.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    opened = Library(small_disk)
    assert opened.read_only and "只能读取" in opened.notice
    assert texts(opened.personal()) == sorted(PHRASES)
    with pytest.raises(LibraryError, match="没有保存"):
        opened.add("不会保存")
    good = tmp_path / "good.json"
    assert export_library(opened, good) == len(PHRASES)  # an export still carries every phrase
    opened.close()
    from phrasebank.cli.main import main

    monkeypatch.setenv("GONGWEN_DATA_DIR", str(small_disk))
    assert main(["library", "add", "不会保存"]) == 2
    assert "没有保存" in capsys.readouterr().err
    assert main(["library", "import", str(good)]) == 2


def test_three_hundred_byte_flips_never_crash_or_lose_silently(tmp_path):
    source = tmp_path / "source"
    lib = filled(source)
    lib.close()
    original = (source / "library.db").read_bytes()
    rng = random.Random(20261123)
    outcomes = {"intact": 0, "noticed": 0}
    for case in range(300):
        folder = tmp_path / f"case{case}"
        folder.mkdir()
        data = bytearray(original)
        for _ in range(rng.randint(1, 16)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        (folder / "library.db").write_bytes(bytes(data))
        opened = Library(folder)  # never raises
        shown = texts(opened.personal())
        opened.search("yxcg")
        if shown == sorted(PHRASES) and opened.notice is None:
            outcomes["intact"] += 1
        else:
            assert opened.notice, f"case {case}: {len(shown)} phrases shown and no word said"
            outcomes["noticed"] += 1
        aside = list(folder.glob("library.damaged-*.db"))
        if aside:  # what was set aside is the damaged file itself, byte for byte
            assert aside[0].read_bytes() == bytes(data)
        opened.close()
    assert outcomes["noticed"] > 0 and sum(outcomes.values()) == 300


def test_a_restored_backup_says_how_many_phrases_and_when(tmp_path):
    lib = Library(tmp_path)
    assert not list((tmp_path / "backups").glob("*.db"))  # opening takes no backup
    for text in PHRASES[:3]:
        lib.add(text)
    daily = tmp_path / "backups" / f"library-{date.today():%Y-%m-%d}.db"
    assert backup.count_rows(daily) == 0  # the day's starting point, before the first change
    lib.close()
    (tmp_path / "library.db").write_bytes(b"not a database" * 100)
    recovered = Library(tmp_path)
    assert "3 条短语" in recovered.notice and "备份恢复" in recovered.notice
    assert texts(recovered.personal()) == sorted(PHRASES[:3])


def test_an_import_is_followed_by_a_backup(tmp_path, data_dir):
    source = Library(tmp_path / "other")
    source.add("以学促干")
    export_library(source, tmp_path / "mine.json")
    lib = Library(data_dir)
    import_library(lib, tmp_path / "mine.json")
    newest = backup.backups(data_dir / "backups", "library")[0]
    assert "import" in newest.name and backup.count_rows(newest) == 1


def test_csv_export_cannot_run_formulas_and_round_trips(tmp_path):
    lib = Library(tmp_path / "a")
    for text in ('=HYPERLINK("http://x")', "+1 发展", "-号文件", "@某人", "正常短语"):
        lib.add(text, note="=cmd|' /C calc'!A0")
    path = tmp_path / "out.csv"
    export_library(lib, path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[1:]
    cells = [cell for row in rows for cell in row if cell]
    assert len(rows) == 5 and not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert {row[0] for row in rows} >= {'\'=HYPERLINK("http://x")', "'-号文件", "正常短语"}
    again = Library(tmp_path / "b")
    import_library(again, path)
    assert texts(again.personal()) == texts(lib.personal())
    assert {e.note for e in again.personal()} == {"=cmd|' /C calc'!A0"}


def test_a_long_note_exported_to_csv_imports_again(tmp_path):
    lib = Library(tmp_path / "a")
    lib.add("长备注的短语", note="很长" * 100_000)
    export_library(lib, tmp_path / "out.csv")
    again = Library(tmp_path / "b")
    assert import_library(again, tmp_path / "out.csv").added == 1


def test_control_escape_and_bidi_characters_are_not_stored(tmp_path):
    lib = Library(tmp_path)
    entry = lib.add("\x1b[31m红色\x1b[0m\u202e反向\x00短语\n", note="注\x07释", tags=["标\u200b签"])
    assert entry.text == "红色反向短语" and entry.note == "注释" and entry.tags == ["标签"]


@pytest.mark.parametrize(
    "args",
    [["library", "add", "坏\udcff字节"], ["suggest", "--bank", "x.db", "\udcc4\udce3"]],
)
def test_undecodable_arguments_give_one_line(capsys, args):
    from phrasebank.cli.main import main

    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "UTF-8" in err


def test_a_data_folder_that_is_a_file_gives_one_line(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(blocker))
    result = subprocess.run(
        [sys.executable, "-m", "phrasebank.cli", "library", "list"], capture_output=True, text=True, env=os.environ
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "不是文件夹" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE columns SET data = substr(data, 2) WHERE name = 'entry_masks'",
        "UPDATE columns SET data = 'x' WHERE name = 'entry_counts'",
        "UPDATE columns SET data = x'ff' || data WHERE name = 'entry_texts'",
        "DELETE FROM columns WHERE name = 'prefix_counts'",
        "UPDATE columns SET data = x'00' WHERE name = 'wide_ranges'",
        "UPDATE phrases SET sections = '[1, 2]' WHERE rowid = 1",
        "UPDATE phrases SET sections = 'nope' WHERE rowid = 1",
        "UPDATE phrases SET kind = 'bogus' WHERE rowid = 1",
        "UPDATE meta SET value = 'x' WHERE key = 'schema'",
    ],
)
def test_hand_crafted_bank_values_are_a_clear_error(corpus_bank, tmp_path, change):
    from phrasebank import BankError, PhraseBank

    path = tmp_path / "bank.db"
    corpus_bank.save(path)
    db = sqlite3.connect(path)
    db.execute(change)
    db.commit()
    db.close()
    with pytest.raises(BankError):
        PhraseBank.load(path)


def test_backup_temp_files_do_not_collide(tmp_path):
    lib = Library(tmp_path)
    lib.add("一")
    first = lib.backup("a")
    second = lib.backup("a")  # same name, same second: each write has its own temporary file
    assert first == second and backup.count_rows(second) == 1
    assert not list((tmp_path / "backups").glob(".*.tmp"))
    shutil.rmtree(tmp_path / "backups")


def test_temporary_copies_left_by_a_killed_backup_are_swept(tmp_path):
    lib = Library(tmp_path)
    lib.add("一")
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    stale, fresh = folder / ".library-2026-12-05.db.abc.tmp", folder / ".library-2026-12-06.db.def.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a backup")
    os.utime(stale, (0, 0))  # left by a backup killed long ago
    lib.backup("import")
    assert not stale.exists() and fresh.exists()  # a fresh one may be another window's backup under way
    lib.close()
