"""The editor's document made on another thread: its blocks, its plain text, its highlighter."""

from __future__ import annotations

import random
import threading

from PySide6.QtGui import QFont

from app.prepared import Prepared, plain_lines, prepare

PIECES = ["全年", "完成", "任务", "。", "\xa0", "\u2028", "\n", "\r\n", "\r", " ", "一、", "XX", "“", "”"]


def made_apart(text: str) -> Prepared:
    made: list[Prepared] = []
    never = lambda _: False  # noqa: E731
    thread = threading.Thread(target=lambda: made.append(prepare(text, QFont(), 16.0, never, never)))
    thread.start()
    thread.join()
    return made[0]


def test_a_document_made_apart_says_its_blocks_and_the_plain_text_qt_gives(qapp):
    """On 300 random texts of report words, no-break spaces and every kind of line break: the texts handed
    back are the document's blocks, and `plain_lines` of them is Qt's own plain text (what a save writes)."""
    chance = random.Random(9704)
    for _ in range(300):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randrange(0, 40)))
        prepared = made_apart(text)
        document = prepared.document
        assert document.thread() is qapp.thread() and not document.isModified()
        blocks = [document.findBlockByNumber(n).text() for n in range(document.blockCount())]
        assert prepared.texts == blocks, repr(text)
        assert plain_lines(prepared.texts) == document.toPlainText().split("\n"), repr(text)


def test_its_highlighter_leaves_the_text_alone_until_the_editor_asks(qtbot):
    """Installed while the document was empty: nothing is highlighted on any thread as the text is set,
    and no pass over every paragraph waits to run once it is handed over."""
    prepared = made_apart("\n".join(["一、总体情况", "全年完成各项任务。"] * 2000))
    qtbot.wait(100)
    assert not prepared.document.firstBlock().layout().formats()  # 一、 would be in 黑体


def test_a_long_text_is_set_in_pieces_as_setplaintext_would_set_it(qapp, monkeypatch):
    """Set a few characters at a time (so the window gets Python's lock between the pieces), random texts
    with every kind of line break read back exactly as `setPlainText` makes them: blocks, plain text, no
    undo history."""
    from PySide6.QtGui import QTextDocument

    from app import prepared as module

    monkeypatch.setattr(module, "PIECE", 7)
    chance = random.Random(2012)
    for _ in range(200):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randrange(0, 60)))
        made = made_apart(text).document
        plain = QTextDocument()
        plain.setPlainText(text)
        assert made.blockCount() == plain.blockCount(), repr(text)
        assert made.toRawText() == plain.toRawText(), repr(text)
        assert not made.isUndoAvailable()


def test_a_text_given_as_its_lines_makes_the_same_document_as_the_text_itself(qapp, monkeypatch):
    """A report read from its file is handed over as its lines (never joined into one string and split again,
    each a call over the whole text the window waits for): in pieces of a few characters, random lines with
    every kind of break Qt makes blocks at read back as the joined text does, blocks and texts alike."""
    from app import prepared as module

    monkeypatch.setattr(module, "PIECE", 7)
    chance = random.Random(9705)
    never = lambda _: False  # noqa: E731
    for _ in range(200):
        words = lambda: "".join(chance.choice(PIECES) for _ in range(chance.randrange(0, 8)))  # noqa: E731
        lines = [words() for _ in range(chance.randrange(0, 9))]
        joined = prepare("\n".join(lines), QFont(), 16.0, never, never)
        given = prepare(lines, QFont(), 16.0, never, never)
        assert given.document.toRawText() == joined.document.toRawText(), repr(lines)
        assert given.document.blockCount() == joined.document.blockCount(), repr(lines)
        assert given.texts == joined.texts, repr(lines)
