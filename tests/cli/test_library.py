"""`phrasebank library …` as a new user runs it."""

from __future__ import annotations

import io

from phrasebank.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_find_by_initials(capsys):
    code, out, _ = run(capsys, "library", "add", "以学促干、以干促学", "--section", "measures")
    assert code == 0 and "已添加" in out and "主要做法" in out
    code, out, _ = run(capsys, "library", "search", "yxcg", "--personal")
    assert out.splitlines() == ["    #1   以学促干、以干促学  [固定搭配] 主要做法"]


def test_csv_round_trip_into_an_empty_data_folder(capsys, tmp_path, monkeypatch):
    run(capsys, "library", "add", "以学促干、以干促学", "--section", "measures", "--tag", "主题教育")
    run(capsys, "library", "add", "往深里走、往心里走、往实里走", "--kind", "series", "--section", "next_steps")
    run(capsys, "library", "edit", "2", "--favourite")
    _, before, _ = run(capsys, "library", "list", "--personal")
    path = tmp_path / "mine.csv"
    assert run(capsys, "library", "export", str(path))[0] == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(tmp_path / "empty"))
    _, out, _ = run(capsys, "library", "import", str(path))
    assert "已导入 2 条" in out
    _, after, _ = run(capsys, "library", "list", "--personal")
    assert after == before


def test_bad_import_names_file_and_line(capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,kind\r\n好短语,固定搭配\r\n坏短语,乱写\r\n", encoding="utf-8")
    code, _, err = run(capsys, "library", "import", str(path))
    assert code == 2 and "bad.csv" in err and "第 3 行" in err
    assert run(capsys, "library", "list", "--personal")[1].strip() == "（没有找到）"


def test_mine_own_reports_with_review(capsys, monkeypatch, gov_files, tmp_path):
    folder = tmp_path / "old reports"
    folder.mkdir()
    for path in gov_files[:3]:
        (folder / path.name).write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nn\ne\n我改过的短语\nq\n"))
    code, out, _ = run(capsys, "library", "mine", str(folder), "--limit", "10")
    assert code == 0 and "已加入 2 条短语" in out
    _, listed, _ = run(capsys, "library", "list", "--personal")
    assert len(listed.splitlines()) == 2 and "我改过的短语" in listed


def test_mined_duplicates_of_the_builtin_bank_are_not_offered_again(capsys, monkeypatch, corpus_files):
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    _, out, _ = run(capsys, "library", "mine", str(corpus_files[0].parent))
    assert "没有发现新的短语" in out  # the bundled corpus is exactly what the built-in bank holds


def test_edit_and_remove_unknown_id_is_a_clear_error(capsys):
    code, _, err = run(capsys, "library", "remove", "42")
    assert code == 2 and "42" in err and len(err.strip().splitlines()) == 1


def test_a_change_to_a_library_that_can_only_be_read_is_one_error_line(capsys, data_dir):
    (data_dir / "library.db").mkdir()  # a folder where the library file should be
    code, out, err = run(capsys, "library", "add", "以学促干")
    assert code == 2 and out == ""
    why = "“library.db”是一个文件夹，不是短语库文件"
    expected = f"错误：短语库 {data_dir / 'library.db'} 现在只能读取，修改无法保存（{why}）。这次修改没有保存。"
    assert err.splitlines() == [expected]
    code, out, err = run(capsys, "library", "list", "--personal")
    assert code == 0 and "现在只能读取" in err and "（没有找到）" in out
