"""Chinese for Qt's own text: file dialogs, the editor's context menu, message-box buttons.

Qt ships these translations inside PySide6 (qtbase_zh_CN.qm, qt_zh_CN.qm); installing them is
what turns Undo/Copy/Paste/Open/Cancel into 撤销/复制/粘贴/打开/取消.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QStyledItemDelegate, QTreeView

_installed: list[QTranslator] = []  # kept alive for the application's lifetime

#: What Qt's own zh_CN files leave in English or write in the old form (撤消 beside our 撤销).
FIXES = {
    "Folder": "文件夹",
    "File Folder": "文件夹",
    "Alias for %1": "%1 的快捷方式",
    "Look in:": "查找范围：",
    "Files of type:": "文件类型：",
}


#: Sizes in Qt's file dialogs are written with IEC units whatever the language; offices read KB and MB.
SIZE_UNITS = {"KiB": "KB", "MiB": "MB", "GiB": "GB", "TiB": "TB", "bytes": "字节", "byte": "字节"}


class _SizeDelegate(QStyledItemDelegate):
    """The size column of a file dialog in the units Chinese office software shows (12.5 KB, 3 字节)."""

    def displayText(self, value, locale) -> str:
        text = super().displayText(value, locale)
        for iec, plain in SIZE_UNITS.items():
            text = text.replace(iec, plain)
        return text


class _FileDialogSizes(QObject):
    """Gives a Qt file dialog, as it opens, the size column of `_SizeDelegate`."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            for view in watched.findChildren(QTreeView):
                if not isinstance(view.itemDelegateForColumn(1), _SizeDelegate):
                    view.setItemDelegateForColumn(1, _SizeDelegate(view))
        return False


class _Fixes(QTranslator):
    """Chinese for what the shipped translations miss, and 撤销 wherever Qt says 撤消."""

    def __init__(self, parent, base: list[QTranslator]) -> None:
        super().__init__(parent)
        self.base = base

    def translate(self, context, source, disambiguation=None, n=-1):
        if source in FIXES:
            return FIXES[source]
        for translator in self.base:
            found = translator.translate(context, source, disambiguation, n)
            if found:
                return found.replace("撤消", "撤销")
        return ""

    def isEmpty(self) -> bool:
        return False


def install_chinese(app: QApplication) -> bool:
    """Install Qt's zh_CN translations; True when at least the base one loaded."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = False
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded = True
    fixes = _Fixes(app, list(_installed))
    app.installTranslator(fixes)  # the last installed is asked first
    _installed.append(fixes)
    return loaded


@contextmanager
def sizes_in_kb() -> Iterator[None]:
    """While a file dialog is opened in this block, its size column reads KB and MB. Only then: a filter on
    the whole application runs Python for every event Qt sends anywhere, and the first event of one of Qt's
    private objects makes PySide set up some 120 classes it might be (40 ms of the start)."""
    app = QCoreApplication.instance()
    sizes = _FileDialogSizes()
    if app is not None:
        app.installEventFilter(sizes)
    try:
        yield
    finally:
        if app is not None:
            app.removeEventFilter(sizes)
