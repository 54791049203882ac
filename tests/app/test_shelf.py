"""我的报告库 in the window: add a folder, its phrases lead the dock and complete the writer's typing."""

from own_reports import write_reports
from PySide6.QtGui import QTextCursor
from qt_helpers import commit

from phrasebank.library.store import OWN_SOURCE


def test_a_folder_added_to_my_reports_feeds_the_dock_and_the_popup(qtbot, window, tmp_path):
    folder = tmp_path / "本单位报告"
    write_reports(folder)
    editor = window.editor
    commit(qtbot, editor, "关于督查工作情况的报告\n三、下步打算\n")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    commit(qtbot, editor, "一是继续推行")
    qtbot.wait(50)
    before = [s.completion for s in editor.popup.suggestions] if editor.popup.isVisible() else []
    assert "“三单一函”" not in before  # the built-in bank does not know the office's formulation
    dialog = window.shelf_dialog()
    assert dialog.isVisible() and dialog.windowTitle() == "我的报告库"
    dialog.add_folder(folder, wait=True)
    qtbot.waitUntil(lambda: editor.own_bank is not None, timeout=20000)
    qtbot.waitUntil(lambda: dialog.reports.count() == 3)  # the reports it learned from, listed
    assert "3 篇报告" in dialog.status.text()
    window.phrases.follow_section(editor.current_section())
    listed = window.phrases.entries()
    own = [e for e in listed if e.source.startswith(OWN_SOURCE)]
    assert "推行“三单一函”督办机制" in {e.text for e in own}
    rows = [window.phrases.tree.topLevelItem(i) for i in range(window.phrases.tree.topLevelItemCount())]
    shown = [group.child(j).text(0) for group in rows if group for j in range(group.childCount())]
    assert "推行“三单一函”督办机制  · 本单位" in shown  # the dock says where it comes from
    for kind in {e.kind for e in own}:  # in each group of the dock, the office's own phrasing first
        group = [e.source.startswith(OWN_SOURCE) for e in listed if e.kind is kind]
        assert group == sorted(group, reverse=True)
    commit(qtbot, editor, "，二是推行")  # the next word the input method commits
    qtbot.waitUntil(editor.popup.isVisible)
    assert editor.popup.current().completion.startswith("“三单一函”")
    dialog.reports.item(0).setSelected(True)
    dialog.leave_out(wait=True)  # the writer removes one report: the shelf learns again without it
    qtbot.waitUntil(lambda: dialog.reports.count() == 2, timeout=20000)
    dialog.close()
