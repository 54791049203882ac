"""Where the planned blocks fall on the pages, as Word and LibreOffice set them: each block's lines at
the layout's character advance (hanging closing punctuation at a line end), pages of the layout's
height, page breaks and keep-with-next honoured.

Used to put the 版记 at the foot of the last page when it fits there (GB/T 9704 §7.4).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from phrasebank.document.layout import Layout
from phrasebank.text.chars import CJK_LATIN_EDGE_RE

if TYPE_CHECKING:
    from phrasebank.document.typeset import Block

#: The space LibreOffice sets between Chinese and Latin, in ems (3.52 pt at 16 pt, measured on its render of
#: 吉5吉5… and 吉5555…吉 against 吉吉…).
AUTOSPACE = 0.22
#: Marks that hang past the line end instead of starting the next line (LibreOffice's render: these
#: seven do, closing quotes and brackets do not).
HANGING = "，。、；：！？"
#: Closing quotes and brackets: they never start a line, so they take the character before them along.
CLOSING = "”’）》〕】」"
#: Points a line holds less than the text block's width: LibreOffice wraps a line whose width, summed
#: from these advances, comes within about 1.3 pt of the edge (chosen on the renders of 19 national and
#: 11 provincial reports; the five of each that bench/preview_breaks.py reports were left out).
FIT_SLACK = 1.3


def squeeze_pt(layout: Layout) -> float:
    """How much the DOCX tightens each character (docDefaults w:spacing), in points."""
    per_char = layout.block_width_pt / layout.chars_per_line
    return (math.ceil((layout.body_size - per_char) * 20) + 1) / 20 if layout.body_size > per_char else 0.0


def line_count(block: Block, layout: Layout) -> int:
    """How many lines a block takes (an empty block takes one)."""
    return len(lines_of(block, layout))


def lines_of(block: Block, layout: Layout) -> list[str]:
    """The block's text line by line, broken as Word and LibreOffice break it."""
    return set_lines(block, layout)[0]


def set_lines(block: Block, layout: Layout) -> tuple[list[str], set[int]]:
    """The block's lines, and the offsets (in its text) of the closing marks that hang past a line's end.

    A comma or full stop that does not fit hangs; a closing quote or bracket that does not fit takes
    the character before it to the next line (neither may start a line), as LibreOffice sets them.
    """
    width = layout.block_width_pt - block.left - block.right - FIT_SLACK
    squeeze = squeeze_pt(layout)
    lines: list[list[tuple[str, float]]] = [[]]  # per line: (token, its advance with the gap before it)
    x = block.first_line
    hanging: set[int] = set()
    previous, offset = "", 0
    for span in block.spans:
        if span.line_break:
            lines, x = [*lines, []], 0.0
        for token in _UNBREAKABLE_RE.findall(span.text):
            if token == "\t":
                advance = width - x  # the right tab of 签发人 and 印发日期 runs to the line end
            else:
                befores = [previous, *token[:-1]]
                widths = (_width(ch, before) for before, ch in zip(befores, token, strict=True))
                advance = sum(span.size * width - squeeze for width in widths)
                advance += span.size * AUTOSPACE * len(CJK_LATIN_EDGE_RE.findall(token))
                gap = span.size * AUTOSPACE if _edge(previous, token[0]) else 0.0  # none at a line's start
                if x + gap + advance > width + 0.01 and x > 0:
                    if token in HANGING and x <= width + 0.01:
                        hanging.add(offset)
                    else:
                        carried: list[tuple[str, float]] = []
                        if token[0] in CLOSING:
                            while len(lines[-1]) > 1 and (not carried or carried[0][0][0] in CLOSING):
                                carried.insert(0, lines[-1].pop())
                        lines, gap = [*lines, carried], 0.0
                        x = sum(a for _, a in carried)
                advance += gap
                previous = token[-1]
            lines[-1].append((token, advance))
            x += advance
            offset += len(token)
    return ["".join(token for token, _ in line) for line in lines], hanging


#: What Word and LibreOffice never break: a run of Latin letters and digits with the mark after it
#: (2005, 5.3%；— which then cannot hang) and figures listed with marks between them (7.5%、11.5%、7.3%。),
#: a closing quote with the Latin after it (煤”1亿吨: quotes bind both ways, Unicode's rule LB19), a doubled
#: dash or ellipsis, an opening mark with what follows.
_LATIN = r"[A-Za-z0-9.%+\-/]+"
_MARKS = HANGING + CLOSING
_UNBREAKABLE_RE = re.compile(rf"[“‘《（〔【「]*(?:[”’]?{_LATIN}(?:[{_MARKS}]{_LATIN})*[{_MARKS}]?|——|……|.)", re.DOTALL)
#: Advance widths (in ems) of the Latin characters in Times New Roman (its metrics, shared by the
#: Liberation Serif stand-in); any other character is a full em.
LATIN_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        (
            250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
            *[500] * 10,
            278, 278, 564, 564, 564, 444, 921,
            722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
            611, 722, 722, 944, 722, 722, 611,
            333, 278, 333, 469, 500, 333,
            444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
            278, 500, 500, 722, 500, 500, 444,
            480, 200, 480, 541,
        ),
        strict=True,
    )
)
LATIN_WIDTHS = {ch: width / 1000 for ch, width in LATIN_WIDTHS.items()}


def _width(ch: str, before: str) -> float:
    """A character's advance in ems: Latin by Times New Roman's widths. A mark right after a Latin
    character takes the Latin script (LibreOffice gives a neutral character the script before it): a
    curly quote is then set in the Latin font (so is one that opens the paragraph), a full-width mark
    Times New Roman lacks in a fallback font a little wider than the Chinese one."""
    latin = before.isascii() and before.strip()
    if ch in _QUOTES and (latin or not before):  # after Latin, or opening the paragraph (the default script)
        return _QUOTES[ch]
    if ch in _FALLBACK_MARKS and latin:
        return 1.0 + _FALLBACK_EXTRA
    return LATIN_WIDTHS.get(ch, 1.0)


_QUOTES = {"“": 0.444, "”": 0.444, "‘": 0.333, "’": 0.333}
#: Full-width marks set in a fallback font after a Latin character (5、 11.5%。 2026）), and how much wider
#: than a Chinese character they are there, in ems: 0.57 pt at 16 pt, measured on LibreOffice's render of
#: 5、5、…5、 (ten of them) against 吉、吉、…吉、.
_FALLBACK_MARKS = "，。、；：！？（）《》〔〕【】「」"
_FALLBACK_EXTRA = 0.0356


def _edge(before: str, after: str) -> bool:
    """Whether Word and LibreOffice set a quarter-em between two characters (Chinese next to Latin)."""
    return bool(before) and bool(CJK_LATIN_EDGE_RE.match(before + after, 1))


def last_page_used(blocks: Sequence[Block], layout: Layout) -> float:
    """Points of the text block used on the last page by `blocks`."""
    return page_fill(blocks, layout)[1]


def page_fill(blocks: Sequence[Block], layout: Layout) -> tuple[int, float]:
    """(pages, points of the text block used on the last page) for `blocks`.

    A run of keep-with-next blocks goes to the next page whole, with the first line of the block after
    it, when they do not fit (as Word and LibreOffice move a heading with its text). Any other
    paragraph is split line by line (widow control is off: pages of 22 lines).
    """
    page = layout.lines_per_page * layout.line_pitch_pt
    counts = [line_count(b, layout) for b in blocks]
    pitches = [b.line_pitch or layout.line_pitch_pt for b in blocks]
    heights = [
        b.space_before + n * pitch + sum(rule_room(b)) for b, n, pitch in zip(blocks, counts, pitches, strict=True)
    ]
    pages, y = 1, 0.0
    chained_until = -1  # blocks up to this index are part of a run already placed
    for k, block in enumerate(blocks):
        if block.page_break and k:
            pages, y = pages + 1, 0.0
        if block.keep_next and k > chained_until:
            end = k
            while end < len(blocks) and blocks[end].keep_next:
                end += 1
            chained_until = end - 1
            need = sum(heights[k:end])
            if end < len(blocks):
                need += blocks[end].space_before + min(counts[end], 2 if counts[end] == 2 else 1) * pitches[end]
            if y > 0 and y + need > page + 0.01 and need <= page:
                pages, y = pages + 1, 0.0
        above, below = rule_room(block)
        y += block.space_before + above
        lines = counts[k]
        while y + lines * pitches[k] > page + 0.01:
            fit = max(int((page + 0.01 - y) // pitches[k]), 0)
            fit = max(fit, 0)
            pages, y, lines = pages + 1, 0.0, lines - fit
        y += lines * pitches[k] + below
    return pages, y


def rule_room(block: Block) -> tuple[float, float]:
    """Points a paragraph's rules add above and below its lines: the border's distance from the text
    (whole points, as the DOCX writes it) and its width (LibreOffice's render, measured)."""
    return tuple(  # type: ignore[return-value]
        round(rule.space) + rule.width if rule else 0.0 for rule in (block.rule_above, block.rule_below)
    )
