"""Chinese for Qt's own text: file dialogs, the editor's context menu, message-box buttons.

Qt ships these translations inside PySide6 (qtbase_zh_CN.qm, qt_zh_CN.qm); installing them is
what turns Undo/Copy/Paste/Open/Cancel into 撤销/复制/粘贴/打开/取消.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_installed: list[QTranslator] = []  # kept alive for the application's lifetime


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
    return loaded
