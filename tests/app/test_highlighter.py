"""The highlighter's looks merged piece by piece, as Qt would merge them character by character."""

from __future__ import annotations

import random

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from app.highlighter import _merged


def looks(fmt: QTextCharFormat | None) -> tuple:
    if fmt is None:
        return (None,)
    return (fmt.fontWeight(), fmt.fontItalic(), fmt.underlineStyle(), fmt.background().color().name())


def test_pieces_carry_what_merging_character_by_character_gives(qapp):
    bold, italic = QTextCharFormat(), QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    italic.setFontItalic(True)
    wavy, slot = QTextCharFormat(), QTextCharFormat()
    wavy.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    slot.setBackground(QColor("#fff1a8"))
    rng = random.Random(3)
    for _ in range(200):
        length = rng.randrange(1, 60)
        spans = [(rng.randrange(-2, length), rng.randrange(0, length + 3)) for _ in range(rng.randrange(0, 5))]
        base = [(s, e, rng.choice([bold, italic])) for s, e in spans]
        starts = rng.sample(range(length), min(length, 6))
        over = [(s, s + rng.randrange(1, 8), rng.choice([wavy, slot])) for s in starts]
        expected: list[QTextCharFormat | None] = []
        for column in range(length):  # the old way: the last base covering it, every overlay merged on
            fmt = None
            for s, e, f in base:
                if s <= column < e:
                    fmt = QTextCharFormat(f)
            for s, e, f in over:
                if s <= column < e:
                    fmt = fmt if fmt is not None else QTextCharFormat()
                    fmt.merge(f)
            expected.append(fmt)
        got: list[QTextCharFormat | None] = [None] * length
        for start, end, fmt in _merged(length, base, over):
            for column in range(start, end):
                got[column] = fmt
        assert [looks(f) for f in got] == [looks(f) for f in expected]
