"""Word's automatic numbering (numbering.xml) rendered as the text Word shows: 一、 （一） 1. 第一章.

A heading numbered by Word carries no number in its text; without this, 一、/（一） vanish on reading,
the outline is wrong and saving again loses them. Counters follow Word: one per abstract list,
deeper levels restart when a higher level advances, and a list's start overrides apply on its
first paragraph.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from phrasebank.document.reader import related_part
from phrasebank.text.chars import chinese_number

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PUNCTUATED_END = "、.．。）)：:"


def _val(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


#: Word's nine list levels; a counter past this is a forged file, not a list (letters and Roman
#: numerals for it would take gigabytes and minutes).
LEVELS, MAX_COUNTER = 9, 100_000


def _int(text: str | None, default: int, low: int = 0, high: int = MAX_COUNTER) -> int:
    """A number attribute of the file, or `default` when it is missing, not a number or out of range."""
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return value if low <= value <= high else default


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in one of Word's number formats."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCountingThousand",
        "ideographDigital",
        "taiwaneseCounting",
    ):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL_DIGITS[int(d)] for d in str(n)) if n >= 10 else _LEGAL_DIGITS[n]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= len(_HEAVENLY):
        return _HEAVENLY[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    return str(n)


class Numbering:
    """The numbering definitions of one document and the running counters while it is read."""

    def __init__(self, document) -> None:
        self.abstract_of: dict[str, str] = {}  # numId -> abstractNumId
        self.overrides: dict[str, dict[int, int]] = {}  # numId -> level -> start
        self.levels: dict[str, dict[int, Any]] = {}  # abstractNumId -> level -> w:lvl
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        part = related_part(document, "numbering")
        if part is not None:
            root = part.element
            for abstract in root.findall(qn("w:abstractNum")):
                key = abstract.get(qn("w:abstractNumId"))
                self.levels[key] = {
                    _int(lvl.get(qn("w:ilvl")), 0, 0, LEVELS - 1): lvl for lvl in abstract.findall(qn("w:lvl"))
                }
            for num in root.findall(qn("w:num")):
                num_id = num.get(qn("w:numId"))
                self.abstract_of[num_id] = _val(num, "w:abstractNumId") or ""
                self.overrides[num_id] = {
                    _int(o.get(qn("w:ilvl")), 0, 0, LEVELS - 1): _int(_val(o, "w:startOverride"), 1)
                    for o in num.findall(qn("w:lvlOverride"))
                    if o.find(qn("w:startOverride")) is not None
                }
        self._styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None:
                ilvl = _val(numpr, "w:ilvl")
                return _val(numpr, "w:numId"), _int(ilvl, 0, 0, LEVELS - 1) if ilvl is not None else None
            style_id = _val(style, "w:basedOn")
        return None, None

    def label(self, paragraph) -> str:
        """The number Word shows before `paragraph` (a w:p), advancing the counters; "" when none."""
        ppr = paragraph.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(numpr, "w:numId")
        ilvl_text = _val(numpr, "w:ilvl")
        if num_id is None or ilvl_text is None:
            style_num, style_lvl = self._style_numpr(_val(ppr, "w:pStyle"))
            num_id = num_id or style_num
            if ilvl_text is None and style_lvl is not None:
                ilvl_text = str(style_lvl)
        if not num_id or num_id == "0" or num_id not in self.abstract_of:
            return ""
        level = _int(ilvl_text, 0, 0, LEVELS - 1)
        abstract = self.abstract_of[num_id]
        levels = self.levels.get(abstract, {})
        lvl = levels.get(level)
        if lvl is None:
            return ""
        counters = self.counters.setdefault(abstract, [None] * LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for over in self.overrides.get(num_id, {}):
                counters[over] = None
        start = self.overrides.get(num_id, {}).get(level, self._start(levels, level))
        previous = counters[level]
        counters[level] = start if previous is None else min(previous + 1, MAX_COUNTER)
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = None
        fmt = _val(lvl, "w:numFmt", "decimal") or "decimal"
        if fmt in ("bullet", "none"):
            return ""
        text = _val(lvl, "w:lvlText", "") or ""
        legal = lvl.find(qn("w:isLgl")) is not None
        for k in range(LEVELS):
            if f"%{k + 1}" in text:
                counter = counters[k]
                value = counter if counter is not None else self._start(levels, k)
                kfmt = "decimal" if legal else (_val(levels.get(k), "w:numFmt", "decimal") or "decimal")
                text = text.replace(f"%{k + 1}", format_number(value, kfmt))
        suffix = _val(lvl, "w:suff", "tab")
        if text and suffix != "nothing" and text[-1] not in _PUNCTUATED_END:
            text += "　"  # 第一章 总则: a tab or space after an unpunctuated number
        return text

    @staticmethod
    def _start(levels: dict[int, Any], k: int) -> int:
        lvl = levels.get(k)
        return _int(_val(lvl, "w:start"), 1) if lvl is not None else 1
