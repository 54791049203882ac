"""The character vocabulary: CJK ranges, Chinese numerals, sentence and clause marks, slot and placeholder marks.

Every module that asks "is this a Chinese character, a numeral, the end of a sentence?" reads it here.
"""

from __future__ import annotations

import re

from phrasebank.text.lazy import lazy

#: The mark a phrase uses for a free slot the writer fills in (the usual 公文 template mark).
SLOT = "XX"

#: Anonymised numbers and names as real material writes them: x, X, xx, XX, XXX, ××, ＸＸ, 20XX …
#: Not: part of a Latin word (svip, Excel), a single × as an operator (7×24小时, 数据要素×), a lone X
#: in a code after a digit or + (415X 集群, 双尖双领+X 项目).
PLACEHOLDER_RE = lazy(
    r"(?:(?<![A-Za-z0-9+×ｘＸ])(?:[xXｘＸ]{1,4}|×{2,4})|(?<=\d)[xXｘＸ]{2,4})(?![A-Za-z0-9×ｘＸ])"
)

#: The CJK Unified Ideographs block, for character classes: rf"[{CJK}]".
CJK = "\u4e00-\u9fff"
#: Where Word and LibreOffice put their quarter-character space: between Chinese and Latin letters or
#: digits (none beside %: LibreOffice sets 5%吉 and 吉%吉 without it).
CJK_LATIN_EDGE_RE = lazy(rf"(?<=[{CJK}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{CJK}])")
#: Chinese numerals as headings, items and dates write them (一 … 十, 百, and 零/〇/○ for zero).
NUMERALS = "一二三四五六七八九十百零〇○"

#: Marks that end a sentence; a phrase never crosses one unless it is a sentence pattern.
SENTENCE_END = "。！？；!?;"

#: Marks that end a clause (sentence ends included).
CLAUSE_END = SENTENCE_END + "，,：:、"

_DIGITS = "〇一二三四五六七八九"
_ZERO = str.maketrans("零○", "〇〇")
#: A date in Chinese numerals: 二〇二六年十一月二十二日.
CHINESE_DATE_RE = lazy(f"([{NUMERALS}]{{4}})年([{NUMERALS}]{{1,2}})月([{NUMERALS}]{{1,3}})日")


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def number_value(number: str) -> int | None:
    """The value of a numbering mark: 三、 -> 3, （十二） -> 12, 4. -> 4, 二是 -> 2."""
    core = re.sub(r"[、（）().．是要]|方面", "", number).translate(_ZERO)
    if core.isdigit():
        return int(core)
    if not core or any(ch not in _DIGITS + "十" for ch in core):
        return None
    if "十" not in core:
        return _DIGITS.index(core) if len(core) == 1 else None
    tens, _, ones = core.partition("十")
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(ones) if ones else 0)


def arabic_date(text: str) -> str:
    """二〇二六年十一月二十二日 -> 2026年11月22日 (GB/T 9704 7.3.5: 成文日期 in Arabic numerals); other text as is."""

    def convert(match: re.Match[str]) -> str:
        year = "".join(str(_DIGITS.index(ch)) for ch in match.group(1).translate(_ZERO))
        return f"{year}年{number_value(match.group(2))}月{number_value(match.group(3))}日"

    return CHINESE_DATE_RE.sub(convert, text)
