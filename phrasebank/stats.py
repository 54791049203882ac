"""Counts writers ask for: characters with and without punctuation, paragraphs, estimated pages."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from .layout import NATIONAL, Layout


@dataclass(frozen=True)
class TextStats:
    characters: int  # 字数: every character except white space
    without_punctuation: int
    paragraphs: int
    pages: int  # at the layout's lines a page and characters a line


def text_stats(text: str, layout: Layout = NATIONAL) -> TextStats:
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    characters = sum(1 for ch in text if not ch.isspace())
    punctuation = sum(1 for ch in text if unicodedata.category(ch).startswith("P"))
    lines = sum(math.ceil((len(p) + 2) / layout.chars_per_line) for p in paragraphs)
    pages = math.ceil(lines / layout.lines_per_page) if lines else 0
    return TextStats(characters, characters - punctuation, len(paragraphs), pages)
