"""Mining the writer's old reports from the window: progress, review, only the accepted phrases kept."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_mining_my_old_reports_with_progress_and_review(qtbot, window, gov_files, tmp_path, monkeypatch):
    folder = tmp_path / "旧报告"
    folder.mkdir()
    for path in gov_files[:2]:
        (folder / path.name).write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    reviewed = []

    def review(candidates):
        reviewed.extend(candidates)
        return [(candidates[0], candidates[0].phrase.text), (candidates[1], "我改过的短语")]

    monkeypatch.setattr(window, "review", review)
    window.mine_reports(folder, wait=True)
    qtbot.waitUntil(lambda: len(window.library.personal()) == 2, timeout=20000)
    assert reviewed and all(c.duplicate is None for c in reviewed)
    texts = {e.text for e in window.library.personal()}
    assert "我改过的短语" in texts and reviewed[0].phrase.text in texts
    assert all(e.source.startswith("挖掘：") for e in window.library.personal())


def test_a_long_mine_can_be_cancelled_and_leaves_the_library_as_it_was(qtbot, window, gov_files, tmp_path, monkeypatch):
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    folder = tmp_path / "旧报告"
    folder.mkdir()
    for path in gov_files[:8]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before = len(window.library.personal())
    reviewed = []
    monkeypatch.setattr(window, "review", lambda candidates: reviewed.extend(candidates) or [])
    window.mine_reports(folder)
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: "正在读取" in dialog.labelText(), timeout=30000)  # reading has begun
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已取消挖掘" in window.statusBar().currentMessage(), timeout=30000)
    QThreadPool.globalInstance().waitForDone()
    assert not dialog.isVisible() and reviewed == [] and len(window.library.personal()) == before
