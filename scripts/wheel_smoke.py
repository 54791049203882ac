"""Run inside the fresh venv of scripts/wheel-check: the installed editor opens with its shipped data.

Prints what the window holds and exits 1 when any of it is missing.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from gongwen_desk.fonts import install_substitutions
from gongwen_desk.translations import install_chinese
from gongwen_desk.window import MainWindow
from phrasebank.check import Checker
from phrasebank.mining.banks import builtin_bank
from phrasebank.structure.templates import template_names

app = QApplication([sys.argv[0]])
install_chinese(app)
install_substitutions()
window = MainWindow(bank=builtin_bank())
window.show()
app.processEvents()
window.new_from_template(template_names()[0])
app.processEvents()
figures = {
    "window shown": int(window.isVisible()),
    "built-in phrases in the phrase panel": len(window.phrases.entries()),
    "templates": len(template_names()),
    "formulations": len(Checker.default().formulations),
    "template paragraphs in the editor": len([p for p in window.editor.paragraphs() if p.strip()]),
}
for name, value in figures.items():
    print(f"{name}: {value}")
window.editor.document().setModified(False)
sys.exit(0 if all(figures.values()) else 1)
