"""我的报告库: folders of the writer's reports, learned again when they change."""

import os

from own_reports import write_reports

from phrasebank.kinds import SectionType
from phrasebank.library.store import OWN_SOURCE, Library
from phrasebank.mining.shelf import Shelf


def test_the_shelf_learns_the_offices_reports_and_follows_their_changes(tmp_path):
    reports = write_reports(tmp_path / "报告")
    shelf = Shelf(tmp_path / "data")
    assert shelf.load() is None and not shelf.is_stale()  # nothing chosen yet
    shelf.add_folder(tmp_path / "报告")
    assert shelf.is_stale() and shelf.reports() == sorted(reports)
    bank = shelf.rebuild()
    assert bank is not None and bank.reports == 3
    assert "推行“三单一函”督办机制" in {p.text for p in bank.phrases}
    assert not shelf.is_stale() and shelf.learned() == sorted(reports)
    # the three reports each wrote 推行“三单一函”督办机制: offered whole
    assert [s.completion for s in bank.suggest("一是继续推行", None)][:1] == ["“三单一函”督办机制"]
    reloaded = Shelf(tmp_path / "data").load()
    assert reloaded is not None and {p.text for p in reloaded.phrases} == {p.text for p in bank.phrases}
    stat = reports[0].stat()
    reports[0].write_text(reports[0].read_text(encoding="utf-8") + "新增一段。\n", encoding="utf-8")
    os.utime(reports[0], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert shelf.is_stale()  # a report changed: learn again
    shelf.leave_out(reports[0])
    assert shelf.reports() == sorted(reports[1:])
    assert shelf.rebuild() is not None and shelf.learned() == sorted(reports[1:])
    shelf.remove_folder(shelf.folders()[0])
    assert shelf.rebuild() is None and shelf.load() is None  # nothing left to learn from


def test_the_offices_phrases_come_first_in_the_dock(tmp_path):
    write_reports(tmp_path / "报告")
    shelf = Shelf(tmp_path / "data")
    shelf.add_folder(tmp_path / "报告")
    bank = shelf.rebuild()
    assert bank is not None
    library = Library(tmp_path / "library.sqlite")
    try:
        library.set_own(bank.phrases, bank.section_characters, recurring=True)
        listed = library.for_section(SectionType.NEXT_STEPS)
        own = [e for e in listed if e.source.startswith(OWN_SOURCE)]
        assert own and listed[: len(own)] == own  # the office's own phrasing first
        assert "推行“三单一函”督办机制" in {e.text for e in own}
        assert any(e.text == "推行“三单一函”督办机制" for e in library.search("sandan"))  # pinyin search finds it
    finally:
        library.close()


def test_without_my_reports_nothing_in_the_dock_is_marked_as_the_offices(tmp_path):
    library = Library(tmp_path / "library.sqlite")
    try:
        listed = library.for_section(SectionType.CLOSING)
        assert listed and not [e for e in listed if e.source.startswith(OWN_SOURCE)]  # 特此报告。 is standard
    finally:
        library.close()


def test_a_bank_an_earlier_version_wrote_is_mined_again(tmp_path):
    import sqlite3

    write_reports(tmp_path / "报告")
    shelf = Shelf(tmp_path / "data")
    shelf.add_folder(tmp_path / "报告")
    assert shelf.rebuild() is not None and not shelf.is_stale()
    with sqlite3.connect(shelf.bank_path) as db:
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema'")
    db.close()
    assert shelf.load() is None and shelf.is_stale()  # forgotten, and to be mined again
    assert shelf.rebuild() is not None and shelf.load() is not None and not shelf.is_stale()
