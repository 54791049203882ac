"""Entry point of `gongwen-desk`: the editor window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Start the editor."""
    args = list(sys.argv[1:] if argv is None else argv)
    from phrasebank.desk_cli import COMMANDS

    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help")):
        from phrasebank.desk_cli import main as batch

        return batch(args)
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    window = QMainWindow()
    window.setWindowTitle("公文写作台")
    window.setCentralWidget(QPlainTextEdit())
    window.resize(1200, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
