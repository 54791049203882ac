"""A trail when something goes wrong: the log, the hook, the draft; the command line without Qt."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

from app import trail
from app.window import rescue_drafts

ROOT = Path(__file__).resolve().parents[2]


def test_an_error_nobody_caught_is_logged_and_rescued(data_dir, monkeypatch):
    path = trail.start_log()
    assert path is not None and path.parent == data_dir / "logs"
    told: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    trail.install_hook(told.append)
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    for handler in trail.LOG.handlers:
        handler.flush()
    assert told == ["ZeroDivisionError: division by zero"]
    logged = path.read_text(encoding="utf-8")
    assert "未处理的错误" in logged and "ZeroDivisionError" in logged and "Traceback" in logged
    for handler in list(trail.LOG.handlers):
        trail.LOG.removeHandler(handler)
        handler.close()


def test_a_grown_log_is_rotated_as_the_editor_starts_and_old_ones_are_dropped(data_dir):
    path = trail.log_path()
    path.parent.mkdir(parents=True)
    for n in range(1, trail.LOG_BACKUPS + 1):
        path.with_name(f"{path.name}.{n}").write_text(f"第 {n} 份旧日志", encoding="utf-8")
    path.write_text("上次的日志" + "x" * trail.LOG_BYTES, encoding="utf-8")
    assert trail.start_log() == path
    trail.LOG.info("启动")
    for handler in list(trail.LOG.handlers):
        trail.LOG.removeHandler(handler)
        handler.close()
    assert path.read_text(encoding="utf-8").rstrip().endswith("启动")
    assert path.with_name(f"{path.name}.1").read_text(encoding="utf-8").startswith("上次的日志")
    kept = [path.with_name(f"{path.name}.{n}").read_text(encoding="utf-8") for n in range(2, trail.LOG_BACKUPS + 1)]
    assert kept == [f"第 {n} 份旧日志" for n in range(1, trail.LOG_BACKUPS)]  # the oldest is gone
    assert not path.with_name(f"{path.name}.{trail.LOG_BACKUPS + 1}").exists()
    trail.start_log()  # a small log is not rotated
    for handler in list(trail.LOG.handlers):
        trail.LOG.removeHandler(handler)
        handler.close()
    assert path.read_text(encoding="utf-8").rstrip().endswith("启动")


def test_the_rescue_saves_the_draft_and_says_where_the_log_is(qtbot, window, answers):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window._load("关于安全生产的报告\n一、总体情况\n全市工作有序推进。", None)
    window.editor.document().setModified(True)
    rescue_drafts("RuntimeError: boom", "/tmp/gongwen-desk.log")
    draft = window.drafts.folder / f"{window.drafts.id}.json"  # this window's own draft
    assert "全市工作有序推进" in draft.read_text(encoding="utf-8")
    title, text = answers.asked[-1]
    assert title == "公文写作台出错" and "/tmp/gongwen-desk.log" in text and "草稿" in text


def test_a_worker_error_reaches_the_log(qtbot, data_dir):
    from app.workers import run_in_background

    path = trail.start_log()
    assert path is not None
    failures: list[Exception] = []
    run_in_background(lambda: {}["missing"], lambda _: None, failures.append, wait=True)
    qtbot.waitUntil(lambda: bool(failures))
    for handler in trail.LOG.handlers:
        handler.flush()
    assert "后台任务出错" in path.read_text(encoding="utf-8") and "KeyError" in path.read_text(encoding="utf-8")
    for handler in list(trail.LOG.handlers):
        trail.LOG.removeHandler(handler)
        handler.close()


def run_desk(*args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from app.main import main; code = main(sys.argv[2:]); "
        "print('Qt loaded' if 'PySide6.QtWidgets' in sys.modules else 'no Qt'); sys.exit(code)"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "QT_QPA_PLATFORM": "xcb"}  # no display at all
    return subprocess.run([sys.executable, "-c", code, str(ROOT), *args], capture_output=True, text=True, env=env)


def test_version_help_and_unknown_options_are_answered_without_starting_qt():
    version = run_desk("--version")
    assert version.returncode == 0 and version.stdout.startswith("gongwen-desk ") and "no Qt" in version.stdout
    helped = run_desk("--help")
    assert helped.returncode == 0 and "export" in helped.stdout and "显示本帮助" in helped.stdout
    assert "Qt loaded" not in helped.stdout
    unknown = run_desk("--frobnicate")
    assert unknown.returncode == 2 and "不认识的选项：--frobnicate" in unknown.stderr and "no Qt" in unknown.stdout
    assert not logging.getLogger("gongwen_desk").handlers
