"""Unfilled placeholders: x, X, XX, X月X日, XX同志, 某某, ××, TODO, 待补充, 【】, 年 月 日 — slots a
template, the corpus or the writer left open."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.text.chars import PLACEHOLDER_RE
from phrasebank.text.lazy import lazy

PLACEHOLDER = Rule(
    "placeholder", FindingKind.PLACEHOLDER, "文稿须填写完整（模板和语料中的 x、XX 是待填项）", "未填写的占位符"
)
RULES = (PLACEHOLDER,)

_DATE_SLOT_RE = lazy(r"(?:[xX×]{1,4}年)?[xX×]{1,2}月[xX×]{1,2}日")
_COMRADE_SLOT_RE = lazy(r"[xX×]{1,4}同志")
#: What writers leave to fill in besides x/X: 某某, ○○, TODO, 待补充, empty 【】 or （ ）, a date written
#: "年 月 日" with the numbers left out.
_WORD_SLOT_RE = lazy(
    r"某某|○○+|〇〇(?!年)|(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])|待补充|待填写|待核实|待完善|（待补）|【待\S{0,4}】"
    r"|【[\s　]*】|〔[\s　]*〕|（[\s　]+）|(?<![\d〇一二三四五六七八九十])[\s　]*年[\s　]+月[\s　]+日",
    re.IGNORECASE,
)
#: A lone X that is a word's own letter, not a slot: X射线, X光, X线, X型, X轴.
_LETTER_WORD_RE = lazy(r"(?<![A-Za-z0-9xXｘＸ×])[xXｘＸ](?=射线|光|线|型|轴|染色体|刀)")
#: What every placeholder holds at least one of: one scan for these literals finds the paragraphs worth
#: the patterns (each pattern alone costs a slow scan of the whole text).
_CLUES = (
    *"xX×ｘＸ【〔",
    "某某", "○○", "〇〇", "待补", "待填", "待核", "待完", "（ ", "（　", "年 ", "年　",
    "TODO", "todo", "Todo", "TBD", "tbd", "FIXME", "fixme", "Fixme",
)  # fmt: skip
_CLUE_RE = lazy("|".join(map(re.escape, _CLUES)))


#: Paragraphs joined and scanned for clues at a time: one join and one scan of a whole 50,000-paragraph report
#: held Python's lock 14 + 29 ms on the worker that checks it before a save, beside the window.
SCAN_PARAGRAPHS = 1000


def unfilled_placeholders(paragraphs: Sequence[str]) -> list[Finding]:
    """Every unfilled placeholder of a document: quick on any length (one scan of the text for the clues,
    SCAN_PARAGRAPHS at a time; only paragraphs holding one are scanned with the patterns)."""
    marked: list[int] = []
    for first in range(0, len(paragraphs), SCAN_PARAGRAPHS):
        part = paragraphs[first : first + SCAN_PARAGRAPHS]
        starts = list(accumulate((len(p) + 1 for p in part[:-1]), initial=0))
        found = {bisect_right(starts, m.start()) - 1 for m in _CLUE_RE.finditer("\n".join(part))}
        marked += (first + index for index in sorted(found))
    return [f for index in marked for f in findings(index, paragraphs[index])]


def placeholders_warning(left: Sequence[Finding]) -> str:
    """One sentence naming unfilled placeholders before a save or export ("" when there are none)."""
    if not left:
        return ""
    shown = "、".join(dict.fromkeys(f.found for f in left[:12]))
    return f"文中还有 {len(left)} 处未填写的占位符（{shown}）"


def findings(index: int, text: str) -> list[Finding]:
    """Unfilled placeholders: x, X, XX, X月X日, XX同志 …"""
    result: list[Finding] = []
    covered = [(m.start(), m.end()) for m in _LETTER_WORD_RE.finditer(text)]
    for pattern in (_DATE_SLOT_RE, _COMRADE_SLOT_RE, _WORD_SLOT_RE, PLACEHOLDER_RE):
        for match in pattern.finditer(text):
            if not match.group(0).strip():
                continue
            if any(match.start() < b and a < match.end() for a, b in covered):
                continue
            covered.append((match.start(), match.end()))
            found = match.group(0).strip()
            start = match.start() + match.group(0).find(found)
            result.append(PLACEHOLDER.at(index, start, found, None, f"“{found}”是未填写的占位符"))
    return result
