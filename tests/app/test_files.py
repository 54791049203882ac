"""A long report's save in a child process belongs to the window that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.files import save_report_apart
from phrasebank.atomic import file_stamp
from phrasebank.document.layout import NATIONAL
from phrasebank.document.report import Report
from phrasebank.errors import PhrasebankError

ROOT = Path(__file__).resolve().parents[2]

#: The "window": saves a long report apart and prints its save process's id, then waits to be killed.
EDITOR = textwrap.dedent(
    """
    import os, sys, threading, time
    from pathlib import Path

    def main() -> None:
        sys.path.insert(0, sys.argv[2])
        from app.files import save_report_apart
        from phrasebank.document.layout import NATIONAL
        from phrasebank.document.report import Report

        paragraphs = [f"第{i}段，旧的文字推动工作落实见效{i * 7}。" for i in range(60000)]
        job = (Report(paragraphs), Path(sys.argv[1]), NATIONAL)
        threading.Thread(target=save_report_apart, args=job, daemon=True).start()
        me = os.getpid()
        while True:  # the pool's worker, not multiprocessing's resource tracker
            tasks = Path(f"/proc/{me}/task").iterdir()
            children = [c for task in tasks for c in (task / "children").read_text().split()]
            workers = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
            if workers:
                print(workers[0], flush=True)
                break
            time.sleep(0.05)
        time.sleep(600)

    if __name__ == "__main__":
        main()
    """
)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for the child's id")
def test_a_killed_windows_save_dies_with_it_and_never_overwrites_a_newer_file(tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    editor = subprocess.Popen([sys.executable, str(script), str(target), str(ROOT)], stdout=subprocess.PIPE, text=True)
    assert editor.stdout is not None
    saver = int(editor.stdout.readline())
    deadline = time.monotonic() + 60
    while _cpu_seconds(saver) < 2.5:  # past its imports: the child is building the DOCX (≈ 6 s of work)
        assert time.monotonic() < deadline, "the save never started"
        time.sleep(0.05)
    editor.send_signal(signal.SIGKILL)
    editor.wait()
    target.write_bytes(b"newer, saved by a second window")
    deadline = time.monotonic() + 60
    while _alive(saver) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(saver), "the save process outlived its window"
    time.sleep(0.2)
    assert target.read_bytes() == b"newer, saved by a second window"
    assert not list(tmp_path.glob(".报告.docx.*.tmp"))


def test_a_save_apart_refuses_to_replace_a_file_changed_since_it_began(tmp_path, monkeypatch):
    """The file changes on disk while the report is written (another window saved): left as it is."""
    target = tmp_path / "报告.txt"
    target.write_text("旧的。\n", encoding="utf-8")
    import app.files as files

    real_stamp = files.file_stamp
    monkeypatch.setattr(files, "file_stamp", lambda path: (0, 0, 0, 0))  # the stamp taken at the start
    with pytest.raises(PhrasebankError, match="改写"):
        save_report_apart(Report(["新的。"]), target, NATIONAL)
    monkeypatch.setattr(files, "file_stamp", real_stamp)
    assert target.read_text(encoding="utf-8") == "旧的。\n"


def test_a_save_apart_returns_the_stamp_of_the_written_file(tmp_path):
    target = tmp_path / "报告.docx"
    written = save_report_apart(Report(["关于工作的报告", "正文。"]), target, NATIONAL)
    assert written is not None and written == file_stamp(target)
    assert os.path.getsize(target) > 0


def test_a_long_save_that_fails_says_so_and_keeps_the_text_unsaved(qtbot, window, answers, tmp_path, caplog):
    """Saved apart (a long report) into a folder that does not exist: one message, the status bar says it was
    not saved (not “正在保存”), the document stays modified, and no traceback is logged for it."""
    import logging

    from app.window import BACKGROUND_SAVE_FROM

    body = ["全市各项工作有序推进，重点任务扎实落实。"] * BACKGROUND_SAVE_FROM
    window._load("\n".join(["关于工作的报告", *body]), None)
    window.editor.textCursor().insertText("新")
    target = tmp_path / "不存在的文件夹" / "报告.docx"
    with caplog.at_level(logging.INFO, logger="gongwen_desk"):
        assert window._write(target)  # handed to the background
        qtbot.waitUntil(lambda: not window._saving, timeout=60_000)
    assert [title for title, _ in answers.asked] == ["出错了"] and "报告.docx" in answers.asked[0][1]
    assert window.statusBar().currentMessage().startswith("未能保存 报告.docx")
    assert window.editor.document().isModified() and not target.exists()
    assert not any(record.exc_info for record in caplog.records)


def test_a_long_report_is_searched_for_placeholders_apart_before_the_writer_is_asked(qtbot, window, answers, tmp_path):
    """Saving a long report asks about its unfilled XX only once they were looked for off the GUI thread;
    “取消” then leaves nothing written and nothing under way."""
    from app.window import BACKGROUND_SAVE_FROM

    body = ["全市各项工作有序推进，重点任务扎实落实。"] * BACKGROUND_SAVE_FROM
    window._load("\n".join(["关于工作的报告", *body, "XX督导组"]), None)
    window.editor.textCursor().insertText("新")
    target = tmp_path / "报告.docx"
    answers.plan = ["取消"]
    assert window._write(target) and window._saving == 1 and answers.asked == []  # nothing asked yet
    qtbot.waitUntil(lambda: not window._saving, timeout=60_000)
    assert [title for title, _ in answers.asked] == ["未填写的占位符"] and "XX" in answers.asked[0][1]
    assert not target.exists() and window.editor.document().isModified()
    assert not window.statusBar().currentMessage().startswith("正在保存")
    answers.plan = ["仍然保存"]
    window._write(target)
    qtbot.waitUntil(lambda: not window._saving, timeout=60_000)
    assert target.stat().st_size > 0 and not window.editor.document().isModified()


def test_a_long_report_saved_apart_writes_what_the_editor_shows(qtbot, window, tmp_path):
    """A long report's text for the save is taken from the editor's paragraphs and made into lines off the
    GUI thread: no-break spaces and line separators come out as the editor's plain text has them."""
    from app.window import BACKGROUND_SAVE_FROM

    body = [f"第{n}项工作全面\xa0完成。" for n in range(BACKGROUND_SAVE_FROM)]
    window._load("\n".join(["关于工作的报告", *body, "附件：名单\u2028（另附）"]), None)
    window.editor.textCursor().insertText("新")
    target = tmp_path / "报告.txt"
    assert window._write(target) and window._saving == 1
    qtbot.waitUntil(lambda: not window._saving, timeout=60_000)
    written = target.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    assert written[: len(window.editor.paragraphs())] == window.editor.paragraphs()
    assert "附件：名单" in written and "第1项工作全面 完成。" in written
    assert not window.editor.document().isModified()


def test_the_paragraphs_reach_the_saving_child_as_they_are(tmp_path, monkeypatch):
    """Handed over through a file a thousand at a time: none lost or split at a chunk's edge, a carriage
    return or a line separator inside one kept, an empty report and an empty paragraph kept."""
    from app import files

    monkeypatch.setattr(files, "LINES_AT_A_TIME", 3)
    cases = [[], [""], ["", ""], ["一、总体情况", "全年\r完成。", "附件\u2028名单", "", "特此报告。", "XX督导组", "x"]]
    cases.append([f"第{n}段" for n in range(10)])
    for paragraphs in cases:
        target = tmp_path / "lines.txt"
        files.write_lines(paragraphs, target)
        assert files.read_lines(target) == paragraphs
