"""The `phrasebank` command line as a new user runs it, errors included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from phrasebank.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_mine_then_suggest_in_the_problems_section(capsys, tmp_path, corpus_files):
    bank = tmp_path / "bank.db"
    code, out, _ = run(capsys, "mine", str(corpus_files[0].parent), "-o", str(bank), "--quiet")
    assert code == 0 and bank.is_file() and "4 个文件" in out
    code, out, _ = run(capsys, "suggest", "--bank", str(bank), "--section", "problems", "党史")
    assert code == 0 and out.startswith("1. 党史【学习教育】")
    code, out, _ = run(capsys, "suggest", "--bank", str(bank), "--section", "problems", "加强")
    assert code == 0 and "没有把握足够的联想" in out  # what the editor shows: nothing
    code, out, _ = run(capsys, "suggest", "--bank", str(bank), "--section", "problems", "--all", "存在")
    assert code == 0 and "存在【的问题】" in out and "p≈" in out
    assert "存在问题" in out


def test_outline_shows_headings_run_in_heads_and_sections(capsys, corpus_files):
    code, out, _ = run(capsys, "outline", str(corpus_files[3]))
    assert code == 0
    assert "1级 一、取得的成效  [overview 总体情况]" in out
    assert "1级 三、存在的问题  [problems 存在问题]" in out
    assert "分项 一是紧扣“学史明理”，理论武装持续深化" in out


def test_clean_explain_lists_each_drop_with_its_reason(capsys, corpus_files):
    code, out, err = run(capsys, "clean", "--explain", str(corpus_files[2]))
    assert code == 0 and "密码" not in out and "##" not in out
    assert "删除密码行：本文档编辑密码" in err
    assert err.count("删除付费/分段标记") == 2  # one inline mid-sentence, one on its own line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["mine", "{tmp}/missing", "-o", "{tmp}/out.db"], "missing"),
        (["mine", "{tmp}/bad.txt", "-o", "{tmp}/out.db"], "bad.txt"),
        (["mine", "{tmp}/empty", "-o", "{tmp}/out.db"], "没有可用的正文"),
        (["suggest", "--bank", "{tmp}/bad.txt", "加强"], "bad.txt"),
        (["outline", "{tmp}/missing.docx"], "missing.docx"),
    ],
)
def test_errors_print_one_line_naming_the_file_and_write_nothing(capsys, tmp_path, args, expected):
    (tmp_path / "bad.txt").write_bytes(bytes(range(128, 256)) * 50)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.txt").write_text("\n", encoding="utf-8")
    code, _out, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and expected in err and err.startswith("错误：")
    assert not (tmp_path / "out.db").exists()
    assert not list(tmp_path.glob(".out.db.*"))


def test_unknown_section_names_the_valid_ones(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["suggest", "--bank", "x.db", "--section", "foo", "加强"])
    assert exit_.value.code == 2
    assert "problems(存在问题)" in capsys.readouterr().err


def test_console_script_runs(tmp_path, corpus_files):
    result = subprocess.run(
        [sys.executable, "-m", "phrasebank.cli", "outline", str(corpus_files[1])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "标题 关于主题教育进展情况和下步工作安排建议的汇报" in result.stdout


def test_an_unreadable_file_is_skipped_and_named_while_the_rest_is_mined(capsys, tmp_path, corpus_files):
    import shutil

    for path in corpus_files:
        shutil.copy(path, tmp_path)
    (tmp_path / "坏文件.docx").write_bytes(b"not a zip at all")
    (tmp_path / "乱码.txt").write_bytes(bytes(range(128, 256)) * 40)
    code, out, err = run(capsys, "mine", str(tmp_path), "-o", str(tmp_path / "bank.db"), "--quiet")
    assert code == 0 and "4 个文件" in out
    assert "坏文件.docx" in err and "乱码.txt" in err and err.count("跳过") == 2


def test_outline_takes_the_banner_apart_as_the_window_does(capsys):
    from conftest import DOCX_SAMPLES

    code, out, _ = run(capsys, "outline", str(DOCX_SAMPLES / "公文样例_standard.docx"))
    assert code == 0 and out.splitlines()[0] == "标题 关于做好2026年暑期新时代文明实践工作的通知"
    assert "000001" not in out


def test_a_console_without_the_character_shows_a_question_mark_instead_of_failing(tmp_path):
    import os

    path = tmp_path / "通知.txt"
    path.write_text("关于𠮷祥物设计的通知\n各单位：\n请按时完成。\n", encoding="utf-8")  # 𠮷 is not in GBK
    desk = str(Path(sys.executable).parent / "gongwen-desk")
    for command in ([sys.executable, "-m", "phrasebank.cli", "outline", str(path)], [desk, "check", str(path)]):
        result = subprocess.run(
            command,
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "gbk"},  # a zh_CN.GBK console
        )
        assert result.returncode == 0, result.stderr.decode("gbk", "replace")  # no finding, no error
        assert "UnicodeEncodeError" not in result.stderr.decode("gbk", "replace")
    outline = subprocess.run(
        [sys.executable, "-m", "phrasebank.cli", "outline", str(path)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "gbk"},
    ).stdout.decode("gbk")
    assert "关于?祥物设计的通知" in outline


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["library", "foo"], "错误：参数 ACTION 的取值 'foo' 无效，可选："),
        (["mine"], "错误：缺少参数：paths, -o/--output"),
        (["library", "list", "--limit", "x"], "错误：参数 --limit 的取值 'x' 不是有效的整数"),
        (["library", "list", "--personal", "--builtin"], "错误：参数 --builtin 不能和 --personal 同时使用"),
        (["suggest", "--bank", "x.db", "--section", "foo", "加强"], "错误：参数 --section：没有“foo”这一项，可选："),
        (["outline", "--bogus", "x.txt"], "错误：无法识别的参数：--bogus"),
    ],
)
def test_usage_errors_are_told_in_chinese_with_exit_code_2(capsys, args, expected):
    with pytest.raises(SystemExit) as exit_:
        main(args)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and expected in err and err.startswith("用法：")
    assert not any(word in err for word in ("usage", "error", "argument", "invalid", "required", "unknown"))


def test_help_has_chinese_headings(capsys):
    with pytest.raises(SystemExit):
        main(["library", "add", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "\n参数：\n" in out and "\n选项：\n" in out and "显示本帮助并退出" in out
    assert "show this help" not in out and "options:" not in out
