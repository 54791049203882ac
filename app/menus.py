"""The main window's menus: 文件 编辑 结构 版式 视图 帮助, their shortcuts, and the list the 快捷键 help shows."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from phrasebank.document.layout import PRESETS, RunInStyle
from phrasebank.mining.corpora import Collection

#: The collection setting's value for 按文种自动选择.
AUTO = "auto"

#: Keys the editor handles itself (no menu action carries them).
_EDITOR_KEYS = (
    "接受联想：Tab（用方向键选中后也可按回车）",
    "直接选第 N 条联想：Alt+1 … Alt+5",
    "关闭联想：Esc",
    "句式中的下一个空位：Tab；全文下一个待填占位符：F4",
)


def add_action(window, menu, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
    """A menu action; `shortcut` may be a list. Only a checkable action hands `checked` to its slot
    (Qt would otherwise pass False into the slot's first parameter)."""
    action = QAction(text, window)
    shortcuts = shortcut if isinstance(shortcut, list) else [shortcut] if shortcut else []
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    action.triggered.connect(slot if checkable else lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window) -> None:
    """The window's menu bar: every command a writer uses, with the shortcuts of Chinese office suites."""
    bar, editor = window.menuBar(), window.editor
    file = bar.addMenu("文件(&F)")
    add_action(window, file, "从模板新建…", window.new_from_template, QKeySequence.StandardKey.New)
    add_action(window, file, "以旧报告新建…", window.new_from_earlier)
    add_action(window, file, "打开…", window.open_dialog, QKeySequence.StandardKey.Open)
    file.addMenu(window.recent_menu)
    add_action(window, file, "保存", window.save, QKeySequence.StandardKey.Save)
    add_action(window, file, "另存为…", window.save_as, QKeySequence.StandardKey.SaveAs)
    add_action(window, file, "存为模板…", window.save_as_template)
    file.addSeparator()
    add_action(window, file, "版头和版记…", window.edit_masthead, "Ctrl+Shift+M")
    file.addSeparator()
    add_action(window, file, "打印预览…", window.print_preview, "Ctrl+Shift+P")
    add_action(window, file, "打印…", window.print_dialog, QKeySequence.StandardKey.Print)
    file.addSeparator()
    add_action(window, file, "我的报告库…", window.shelf_dialog)
    add_action(window, file, "导入短语…", window.import_phrases)
    add_action(window, file, "导出短语…", window.export_phrases)
    add_action(window, file, "从旧报告挖掘短语…", window.mine_dialog)
    file.addSeparator()
    add_action(window, file, "退出", window.close, QKeySequence.StandardKey.Quit)
    edit = bar.addMenu("编辑(&E)")
    add_action(window, edit, "撤销", editor.undo, QKeySequence.StandardKey.Undo)
    # Ctrl+Y as in every Chinese office suite; a Linux desktop binds only Ctrl+Shift+Z to Redo.
    add_action(window, edit, "重做", editor.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
    edit.addSeparator()
    add_action(window, edit, "剪切", editor.cut, QKeySequence.StandardKey.Cut)
    add_action(window, edit, "复制", editor.copy, QKeySequence.StandardKey.Copy)
    add_action(window, edit, "粘贴", editor.paste, QKeySequence.StandardKey.Paste)
    add_action(window, edit, "全选", editor.selectAll, QKeySequence.StandardKey.SelectAll)
    edit.addSeparator()
    add_action(window, edit, "查找…", window.show_find, QKeySequence.StandardKey.Find)
    add_action(window, edit, "替换…", window.show_find, "Ctrl+H")
    add_action(window, edit, "下一个待填空位", editor.next_placeholder, "F4")
    add_action(window, edit, "把选中文字加入我的短语库…", window.add_selection, "Ctrl+D")
    report = bar.addMenu("结构(&S)")
    add_action(window, report, "重新编号", window.renumber, "Ctrl+Shift+R")
    add_action(window, report, "插入表格…", window.insert_table)
    add_action(window, report, "在下方插入表格行", window.insert_row_below, "Ctrl+Alt+Return")
    _layout_menu(window, bar.addMenu("版式(&L)"))
    view = bar.addMenu("视图(&V)")
    add_action(window, view, "放大", lambda: window.zoom(1), QKeySequence.StandardKey.ZoomIn)
    add_action(window, view, "缩小", lambda: window.zoom(-1), QKeySequence.StandardKey.ZoomOut)
    add_action(window, view, "还原大小", lambda: window.zoom(0), "Ctrl+0")
    view.addSeparator()
    view.addAction(window.outline.toggleViewAction())
    view.addAction(window.phrases.toggleViewAction())
    view.addAction(window.checks.toggleViewAction())
    view.addAction(window.revisions.toggleViewAction())
    add_action(window, report, "立即检查", window.check_now, "F7")
    suggest = add_action(window, view, "输入联想", window.toggle_suggestions, checkable=True)
    suggest.setChecked(True)
    page = add_action(window, view, "按版心宽度显示（每行 28 字）", window.set_page_width, checkable=True)
    page.setChecked(window.flag("view/page_width"))
    window.set_page_width(page.isChecked())
    _collection_menu(window, view.addMenu("联想与短语所用语料"))
    help_menu = bar.addMenu("帮助(&H)")
    add_action(window, help_menu, "快捷键", window.show_shortcuts, "F1")
    add_action(window, help_menu, "关于公文写作台", window.show_about)


def _layout_menu(window, menu) -> None:
    """Layout of saved DOCX: preset, run-in head style, font names; remembered in the settings."""
    for group_key, options in (
        ("layout/preset", [(key, preset.name) for key, preset in PRESETS.items()]),
        (
            "layout/runin",
            [
                (RunInStyle.BOLD.value, "“一是……”分项：加粗"),
                (RunInStyle.KAI.value, "“一是……”分项：楷体"),
                (RunInStyle.PLAIN.value, "“一是……”分项：不变"),
            ],
        ),
    ):
        group = QActionGroup(window)
        current = window.settings.value(group_key, options[0][0])
        for value, label in options:
            action = group.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == current)
            action.triggered.connect(lambda _=False, k=group_key, v=value: window.settings.setValue(k, v))
            menu.addAction(action)
        menu.addSeparator()
    plain = add_action(
        window,
        menu,
        "用“仿宋”“楷体”代替“仿宋_GB2312”“楷体_GB2312”",
        lambda on: window.settings.setValue("layout/plain_fonts", on),
        checkable=True,
    )
    plain.setChecked(window.flag("layout/plain_fonts"))
    menu.addSeparator()
    for key, label in (
        ("layout/seal", "落款加盖印章（署名居中压在日期之上）"),
        ("layout/arabic_date", "成文日期改用阿拉伯数字"),
    ):
        action = add_action(window, menu, label, lambda on, k=key: window.settings.setValue(k, on), checkable=True)
        action.setChecked(window.flag(key))
    add_action(window, menu, "文档作者…", window.edit_author)


def _collection_menu(window, menu) -> None:
    """Which built-in collection suggestions and the phrase panel draw on; remembered."""
    group = QActionGroup(window)
    current = str(window.settings.value("suggest/collection", AUTO))
    for value, label in [(AUTO, "按文种自动选择"), *((c.value, c.label) for c in Collection)]:
        action = group.addAction(label)
        action.setCheckable(True)
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: window.choose_collection(v))
        menu.addAction(action)


def shortcut_lines(window) -> list[str]:
    """Every menu shortcut as the window binds it now, plus the editor's own keys."""
    lines = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if isinstance(menu, QMenu) else []:
            keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                lines.append(f"{action.text().rstrip('…')}：{keys}")
    return lines + list(_EDITOR_KEYS)
