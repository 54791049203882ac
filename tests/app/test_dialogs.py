"""The window's dialogs: find and replace."""

from __future__ import annotations


def test_find_and_replace(window):
    window.new_from_template("督导情况报告")
    dialog = window.find_dialog
    dialog.find_text.setText("督导组")
    dialog.replace_text.setText("巡回指导组")
    count = dialog.replace_all()
    assert count == window.editor.toPlainText().count("巡回指导组") >= 2
    assert "督导组" not in window.editor.toPlainText()
