"""Large tables kept in pieces: read back whole, made from the module in a child process, used in its place."""

from __future__ import annotations

import marshal
import sys

from phrasebank.text.tables import PIECE, preload, read_pieces, write_pieces


def test_a_table_comes_back_whole_from_pieces_of_at_most_PIECE_entries(tmp_path):
    table = {
        "B": {chr(0x4E00 + n): -n / 7 for n in range(2 * PIECE + 5)},
        "E": {},
        ("词", 1): {"nested": {"deeper": [1, 2]}, "flat": (3, 4)},
        **{n: f"pinyin{n}" for n in range(PIECE + 1)},
    }
    path = tmp_path / "table.marshal"
    write_pieces(table, path)
    assert read_pieces(path) == table
    with path.open("rb") as file:
        count = marshal.load(file)
        sizes = [len(marshal.load(file)[1]) for _ in range(count)]
    assert max(sizes) == PIECE and count >= 6
    pauses: list[int] = []
    assert read_pieces(path, lambda: pauses.append(1)) == table
    assert len(pauses) == count  # a window beside the reading gets its turn after every piece


def test_a_damaged_or_missing_file_reads_as_none(tmp_path):
    path = tmp_path / "table.marshal"
    assert read_pieces(path) is None
    write_pieces({n: n for n in range(3 * PIECE)}, path)
    path.write_bytes(path.read_bytes()[:-100])
    assert read_pieces(path) is None


def test_a_module_is_replaced_by_its_table_read_from_pieces_made_in_a_child(tmp_path, monkeypatch):
    import builtins

    site = tmp_path / "site"
    package = site / "bigtables_probe"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("from . import data\n", encoding="utf-8")
    entries = ", ".join(f"{n}: 'v{n}'" for n in range(PIECE * 2))
    (package / "data.py").write_text(f"import builtins\nbuiltins.BIGTABLES_RAN = True\ntable = {{{entries}}}\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", str(site))  # (the child that makes the pieces imports it)
    for name in ("bigtables_probe", "bigtables_probe.data"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert preload("bigtables_probe.data", "table", tmp_path)
    import bigtables_probe

    expected = {n: f"v{n}" for n in range(PIECE * 2)}
    assert bigtables_probe.data.table == expected
    assert not hasattr(builtins, "BIGTABLES_RAN")  # the module itself never ran in this process
    assert len(list(tmp_path.glob("table-bigtables_probe-*.marshal"))) == 1
    assert not preload("bigtables_probe.data", "table", tmp_path)  # imported already: left alone
    assert not preload("no_such_package_here.data", "T", tmp_path)


def test_jiebas_dictionary_read_from_pieces_segments_as_jieba_does(tmp_path):
    """jieba's word dictionary, made once and read back from pieces, gives jieba's own words."""
    import jieba

    from phrasebank.text import segment

    segment.warm_up()
    assert jieba.dt.initialized and jieba.dt.total > 0
    fresh = jieba.Tokenizer()
    segment._load_dictionary(fresh, tmp_path / "dictionary.marshal")  # made
    again = jieba.Tokenizer()
    segment._load_dictionary(again, tmp_path / "dictionary.marshal")  # read
    assert again.FREQ == fresh.FREQ and again.total == fresh.total
    text = "下一步，我们将继续推动高质量发展，着力解决群众急难愁盼问题，扒车工作取得新进展。"
    assert again.lcut(text) == jieba.lcut(text)
