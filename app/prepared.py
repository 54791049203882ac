"""A report's text made into the editor's document — on any thread, so a long report is built off the GUI
thread and the window only puts it in place (Qt's `setPlainText` of 8 M characters holds the window 0.15 s)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from .highlighter import ReportHighlighter

#: The room around the text on screen (points).
DOCUMENT_MARGIN = 24
#: Characters handed to Qt in one call while a text is set: PySide keeps Python's lock through each call into
#: Qt, so a text set in one call (`setPlainText`) stops the window as long (0.1 s at 8 M characters).
PIECE = 100_000
#: Characters Qt breaks blocks at besides a line feed: where they occur, only Qt's blocks say the paragraphs.
_BLOCK_BREAKS = ("\r", "\u2029", "\u2028", "\ufdd0", "\ufdd1")


@dataclass
class Prepared:
    """A document holding a text, its own highlighter and the text of each of its blocks."""

    document: QTextDocument
    highlighter: ReportHighlighter
    texts: list[str]


def prepare(
    text: str | Sequence[str],
    font: QFont,
    base_size: float,
    is_title: Callable[[int], bool],
    is_editing: Callable[[int], bool],
) -> Prepared:
    """The editor's document for `text`. The highlighter is installed while the document is still empty
    (installed on a full one, Qt highlights every paragraph at once on the GUI thread); nobody is told of
    the text being set; built on another thread, document and highlighter are handed to the GUI thread.
    `text` may be given as its lines (a report read from its file): it is then never joined into one string nor
    split again, each a call over the whole text that the window waits for (23 and 12 ms at 8 M characters)."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(DOCUMENT_MARGIN)
    highlighter = ReportHighlighter(document, is_title, is_editing)
    highlighter.base_size = base_size
    document.blockSignals(True)
    set_text(document, text)
    document.blockSignals(False)
    document.setModified(False)
    prepared = Prepared(document, highlighter, block_texts(document, text))
    application = QCoreApplication.instance()
    if application is not None and document.thread() is not application.thread():
        document.moveToThread(application.thread())  # its highlighter, a child, goes with it
    return prepared


def set_text(document: QTextDocument, text: str | Sequence[str]) -> None:
    """What `setPlainText` does to an empty document (one edit, no undo history), in pieces of PIECE
    characters ending at a line break, so that the GUI thread gets Python's lock between them."""
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for piece in _pieces(text) if isinstance(text, str) else _pieces_of_lines(text):
        cursor.insertText(piece)
    cursor.endEditBlock()
    document.setUndoRedoEnabled(True)


def _pieces(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + PIECE)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _pieces_of_lines(lines: Sequence[str]) -> Iterator[str]:
    """The lines joined by line feeds, a piece of about PIECE characters at a time."""
    chunk: list[str] = []
    size = 0
    for index, line in enumerate(lines):
        chunk.append(line)
        size += len(line) + 1
        if size >= PIECE or index == len(lines) - 1:
            yield "\n".join(chunk) + ("" if index == len(lines) - 1 else "\n")
            chunk, size = [], 0


def block_texts(document: QTextDocument, text: str | Sequence[str]) -> list[str]:
    """The text of every block of `document`, just given `text`: its lines as they are (a no-break space
    stays one), unless it holds other breaks, which only Qt's blocks can say."""
    if isinstance(text, str):
        if not any(mark in text for mark in _BLOCK_BREAKS):
            return text.split("\n")
    elif not any(mark in line for line in text for mark in (*_BLOCK_BREAKS, "\n")):
        return list(text) or [""]
    block, texts = document.begin(), []
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    return texts


def plain_lines(texts: Iterable[str]) -> list[str]:
    """The lines Qt's `toPlainText` gives for blocks of these texts (a no-break space read as a space, a
    line separator as a line break), worked out on any thread from the editor's paragraphs."""
    lines: list[str] = []
    for text in texts:
        lines += text.replace("\xa0", " ").split("\u2028")
    return lines
