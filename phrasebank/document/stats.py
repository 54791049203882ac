"""Counts writers ask for: characters with and without punctuation, paragraphs, estimated pages."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from phrasebank.document.layout import NATIONAL, Layout


@dataclass(frozen=True)
class TextStats:
    characters: int  # 字数: every character except white space
    without_punctuation: int
    paragraphs: int
    pages: int  # at the layout's lines a page and characters a line


class _Punctuation(dict[int, int | None]):
    """A `str.translate` table that deletes punctuation (Unicode categories P*), each character's category
    looked up the first time it is met: no table of every mark is made beforehand (listing them held the
    window 30 ms when a report was opened right after the start)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)).startswith("P") else code
        self[code] = kept
        return kept


_PUNCTUATION = _Punctuation()
#: What may be punctuation: neither a letter, digit nor space (the underscore, a mark, is a word character).
_MARK_RE = re.compile(r"[^\w\s]|_")
_SPACE_RE = re.compile(r"\s")


def text_stats(paragraphs: Iterable[str], layout: Layout = NATIONAL) -> TextStats:
    """Counts of a document given as its paragraphs, one at a time: counting a long report off the GUI
    thread never holds Python's lock for long (a regular expression over the whole text would), and a
    paragraph counted before is not counted again (the editor recounts after each pause in typing)."""
    characters = punctuation = lines = filled = 0
    for paragraph in paragraphs:
        counts = _paragraph_counts(paragraph, layout.chars_per_line)
        characters += counts[0]
        punctuation += counts[1]
        filled += counts[2]
        lines += counts[3]
    pages = math.ceil(lines / layout.lines_per_page) if lines else 0
    return TextStats(characters, characters - punctuation, filled, pages)


@lru_cache(maxsize=1 << 16)
def _paragraph_counts(paragraph: str, chars_per_line: int) -> tuple[int, int, int, int]:
    """(characters, punctuation marks, filled lines, printed lines) of one paragraph."""
    filled = lines = 0
    for line in paragraph.split("\n"):  # a paragraph given with line breaks counts as several
        if stripped := line.strip():
            filled += 1
            lines += math.ceil((len(stripped) + 2) / chars_per_line)
    characters = len(paragraph) - _SPACE_RE.subn("", paragraph)[1]
    marks = "".join(_MARK_RE.findall(paragraph))  # the regular expression runs in C, over every character
    return characters, len(marks) - len(marks.translate(_PUNCTUATION)), filled, lines
