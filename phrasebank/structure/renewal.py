"""Last year's report as the start of this year's (以旧报告新建): structure, headings and set phrases stay;
the years move on; figures, dates and names become slots (XX) the writer fills with F4 and Tab.

Only what is certain moves: the report's own year and the year before it (2025年 → 2026年, 2024年 →
2025年); other years (2035年远景目标, 2020年) and the relative words (今年, 去年, 明年) stay as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from phrasebank.paths import whole_formulations
from phrasebank.structure.outline import Role, Structure
from phrasebank.text.lazy import lazy

#: A figure (its unit stays: 5.4% → XX%, 8500亿元 → XX亿元); not a year, a model name (T800) or a number
#: inside a document number.
_FIGURE_RE = lazy(
    r"(?<![\d.〔\[（(A-Za-z])(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.．]\d+)?(?![\d年、)）〕A-Za-z]|[.．]\d)"
)
#: A day of a month (3月5日, 12月) and a year written with its month (2025年3月): the whole date is a slot.
_DATE_RE = lazy(r"(?:(?:19|20)\d{2}年)?(?:1[0-2]|[1-9])月(?:(?:[12]\d|3[01]|[1-9])日)?")
#: A person named with 同志 (王某某同志) or after a post (市长张三): the name is a slot.
_NAME_RE = lazy(r"[\u4e00-\u9fff]{2,3}(?=同志)")
_YEAR_RE = lazy(r"(?<!\d)((?:19|20)\d{2})(?=年)")
#: Heading and item numbers at a paragraph's start are structure, never figures.
_NUMBER_HEAD_RE = lazy(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])")
SLOT = "XX"


@dataclass
class Renewed:
    """The new draft's paragraphs, the year it was moved to, and how many slots each paragraph holds."""

    paragraphs: list[str]
    year: int | None
    slots: list[int]


def report_year(structure: Structure) -> int | None:
    """The year a report is about: the year in its title, else the commonest year in its text."""
    for paragraph, role in zip(structure.paragraphs, structure.roles, strict=True):
        if role is Role.TITLE and (match := _YEAR_RE.search(paragraph.text)):
            return int(match.group(1))
    years = Counter(int(y) for p in structure.paragraphs for y in _YEAR_RE.findall(p.text))
    return years.most_common(1)[0][0] if years else None


def renew(paragraphs: Sequence[str], year: int | None = None) -> Renewed:
    """This year's draft from last year's report (`year`: the new report's year; default one on)."""
    structure = Structure.from_texts(list(paragraphs))
    old = report_year(structure)
    new = year if year is not None else (old + 1 if old is not None else None)
    shift = (new - old) if (old is not None and new is not None) else 0
    out: list[str] = []
    slots: list[int] = []
    for paragraph, role in zip(structure.paragraphs, structure.roles, strict=True):
        text = paragraph.text
        if shift and old is not None:
            text = _YEAR_RE.sub(
                lambda m: str(int(m.group(1)) + shift) if int(m.group(1)) in (old, old - 1) else m.group(1), text
            )
        if role is Role.DATE:
            out.append("X年X月X日")
            slots.append(1)
            continue
        if role in (Role.TITLE, Role.HEADING, Role.APPENDIX, Role.APPENDIX_TITLE):
            out.append(text)
            slots.append(0)
            continue
        text, count = _slots(text)
        out.append(text)
        slots.append(count)
    return Renewed(out, new, slots)


def _moved(year: int, old: int, shift: int) -> str:
    """The report's year and the one before it move on; any other year stays."""
    return str(year + shift) if year in (old, old - 1) else str(year)


def _slots(text: str) -> tuple[str, int]:
    """A body paragraph with its dates, names and figures as slots; a heading number and the shipped
    formulations (以习近平同志为核心的党中央, 两个确立) stay as they are."""
    head = _NUMBER_HEAD_RE.match(text)
    count = 0
    for pattern, date in ((_DATE_RE, True), (_NAME_RE, False), (_FIGURE_RE, False)):
        kept = _kept_spans(text, head.end() if head else 0)
        pieces, at = [], 0
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in kept):
                continue
            pieces += [text[at : match.start()], re.sub(r"\d+", "X", match.group(0)) if date else SLOT]
            at = match.end()
            count += 1
        text = "".join([*pieces, text[at:]])
    return text, count


def _kept_spans(text: str, head_end: int) -> list[tuple[int, int]]:
    """What a renewal never turns into a slot: the paragraph's number and the formulations it holds."""
    spans = [(0, head_end)] if head_end else []
    return spans + [(m.start(), m.end()) for f in whole_formulations() for m in re.finditer(re.escape(f), text)]
