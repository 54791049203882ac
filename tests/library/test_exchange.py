"""Import and export: lossless JSON, CSV for Excel/WPS (BOM; GBK read), all-or-nothing imports."""

from __future__ import annotations

import json

import pytest

from phrasebank.kinds import PhraseKind
from phrasebank.kinds import SectionType as S
from phrasebank.library.exchange import ExchangeError, export_library, import_library
from phrasebank.library.store import Library


@pytest.fixture
def library(data_dir) -> Library:
    lib = Library(data_dir)
    lib.add("以学促干、以干促学", sections=[S.MEASURES, S.NEXT_STEPS], tags=["主题教育", "学习"], note="常用")
    fav = lib.add("往深里走、往心里走、往实里走", kind=PhraseKind.SERIES, sections=[S.NEXT_STEPS])
    lib.set_favourite(fav.id)
    lib.add("坚持把XX作为XX", kind=PhraseKind.PATTERN, source="挖掘：a.txt:3")
    for _ in range(4):
        lib.record_use("以学促干、以干促学")
    yield lib
    lib.close()


def records(lib: Library) -> list[dict]:
    return sorted((e.record() for e in lib.personal()), key=lambda r: r["text"])


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_export_delete_all_import_gives_back_identical_records(library, tmp_path, suffix):
    before = records(library)
    path = tmp_path / f"mine{suffix}"
    assert export_library(library, path) == 3
    library.remove_all()
    assert library.personal() == []
    report = import_library(library, path)
    assert (report.added, report.duplicates) == (3, 0)
    assert records(library) == before


def test_texts_that_start_like_formulas_round_trip_through_csv(data_dir, tmp_path):
    lib = Library(data_dir)
    texts = ["=SUM(A1)", "'=以学促干", "''+以干促学", "-学思用贯通", "@知信行统一", "'普通引号开头"]
    for text in texts:
        lib.add(text)
    path = tmp_path / "mine.csv"
    export_library(lib, path)
    lib.remove_all()
    import_library(lib, path)
    assert sorted(e.text for e in lib.personal()) == sorted(texts)
    lib.close()


def test_csv_opens_as_utf8_with_bom(library, tmp_path):
    path = tmp_path / "mine.csv"
    export_library(library, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "text,kind,sections,tags,note,favourite,usage,created,updated,source"
    assert "以学促干、以干促学,固定搭配,主要做法、下步打算,主题教育;学习,常用,否,4," in text


def test_import_into_an_empty_data_folder(library, tmp_path):
    path = tmp_path / "mine.csv"
    export_library(library, path)
    fresh = Library(tmp_path / "other")
    import_library(fresh, path)
    assert records(fresh) == records(library)
    fresh.close()


def test_gbk_csv_written_by_hand_in_excel(data_dir, tmp_path):
    path = tmp_path / "wps.csv"
    path.write_bytes("text,kind,sections,tags,favourite\r\n提高政治站位,固定搭配,开头,政治,是\r\n".encode("gbk"))
    lib = Library(data_dir)
    import_library(lib, path)
    entry = lib.personal()[0]
    assert (entry.text, entry.sections, entry.tags, entry.favourite) == ("提高政治站位", [S.OPENING], ["政治"], True)
    assert entry.source == "导入"
    lib.close()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "text,kind\r\n好短语,固定搭配\r\n坏短语,不存在的种类\r\n", "第 3 行"),
        ("bad.csv", "text,usage\r\n好短语,1\r\n坏短语,很多\r\n", "第 3 行"),
        ("bad.csv", "text,favourite\r\n,是\r\n", "第 2 行"),
        ("bad.csv", "kind,sections\r\n固定搭配,开头\r\n", "缺少 text 列"),
        (
            "bad.csv",
            'text,kind\r\n好短语,固定搭配\r\n"没闭合的引号,固定搭配\r\n' + "后面的短语,固定搭配\r\n" * 96,
            "第 3 行.*引号没有闭合",  # the line where the quote opened, not the end of the file
        ),
        ("bad.csv", 'text\r\n好短语\r\n"他说"你好""\r\n', "第 3 行.*引号内的引号"),
        ("bad.csv", "text\r\n" + "长" * 400 + "\r\n", "短语过长"),
        ("bad.json", '{"format": "gongwen-desk-library", "version": 1, "phrases": [', "不是有效的 JSON"),
        ("bad.json", '{"format": "other", "version": 1, "phrases": []}', "不是公文写作台"),
        ("bad.json", '{"format": "gongwen-desk-library", "version": 9, "phrases": []}', "不受支持"),
        (
            "bad.json",
            '{"format": "gongwen-desk-library", "version": 1, '
            '"phrases": [{"text": "好"}, {"text": "坏", "sections": ["x"]}]}',
            "第 2 条",
        ),
        (
            "bad.json",
            '{"format": "gongwen-desk-library", "version": 1, "phrases": [{"text": ["列表"]}]}',
            "短语应为文字，而不是",
        ),
        (
            "bad.json",
            '{"format": "gongwen-desk-library", "version": 1, "phrases": [{"text": "好", "note": 123}]}',
            "备注应为文字，而不是 123",
        ),
        (
            "bad.json",
            '{"format": "gongwen-desk-library", "version": 1, "phrases": [{"text": "好", "sections": [1]}]}',
            "章节类型应为文字，而不是 1",
        ),
    ],
)
def test_a_bad_file_is_reported_with_where_and_nothing_is_imported(data_dir, tmp_path, name, content, message):
    """A bad CSV row names its line, bad JSON its entry; the import is refused whole."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    lib = Library(data_dir)
    with pytest.raises(ExchangeError, match=message):
        import_library(lib, path)
    assert lib.personal() == []
    lib.close()


def test_json_export_is_versioned(library, tmp_path):
    path = tmp_path / "mine.json"
    export_library(library, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"], len(document["phrases"])) == ("gongwen-desk-library", 1, 3)


def test_importing_twice_adds_nothing_new(library, tmp_path):
    path = tmp_path / "mine.json"
    export_library(library, path)
    report = import_library(library, path)
    assert (report.added, report.duplicates) == (0, 3)


def test_a_damaged_library_file_gives_back_every_phrase_it_still_holds(tmp_path):
    from phrasebank.library.entry import Entry

    old = Library(tmp_path / "旧")
    old.add_many([Entry(f"第{i}条：坚持以人民为中心的发展思想", PhraseKind.COLLOCATION, []) for i in range(600)])
    old.close()
    data = bytearray((tmp_path / "旧" / "library.db").read_bytes())
    needle, at = "第300条".encode(), 0
    while (at := data.find(needle, at + 1)) > 0:  # the pages holding that row (and its index entry) destroyed
        page = at // 4096
        data[page * 4096 : (page + 1) * 4096] = b"\xff" * 4096
    damaged = tmp_path / "library.damaged-20261206.db"
    damaged.write_bytes(bytes(data))
    fresh = Library(tmp_path / "新")
    report = import_library(fresh, damaged)
    texts = {e.text for e in fresh.personal()}
    assert report.unreadable > 0 and report.added + report.unreadable == 600  # what is lost is counted
    assert "第0条：坚持以人民为中心的发展思想" in texts and "第599条：坚持以人民为中心的发展思想" in texts
    assert "第300条：坚持以人民为中心的发展思想" not in texts
    assert damaged.read_bytes() == bytes(data)  # read from a copy: the set-aside file stays as it was
    fresh.close()


def test_wrong_typed_and_out_of_range_json_values_are_named_not_stored(tmp_path):
    lib = Library(tmp_path / "库")
    path = tmp_path / "坏值.json"
    phrases = [{"text": "甲", "usage": 1e30}, {"text": "乙", "tags": [None]}, {"text": "丙", "usage": float("inf")}]
    path.write_text(json.dumps({"format": "gongwen-desk-library", "version": 1, "phrases": phrases}), encoding="utf-8")
    with pytest.raises(ExchangeError) as error:
        import_library(lib, path)
    said = str(error.value)
    assert "第 1 条：使用次数应在 0 到" in said and "第 2 条：标签应为文字，而不是 null" in said and "第 3 条" in said
    nested = tmp_path / "嵌套.json"
    nested.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(ExchangeError, match="嵌套层次过深"):
        import_library(lib, nested)
    assert lib.personal() == []
    lib.close()
