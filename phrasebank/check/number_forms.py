"""Numbers and dates (GB/T 15835-2011 数字用法; GB/T 9704-2012 7.3.5 成文日期)."""

from __future__ import annotations

import re

from phrasebank.check.findings import Finding, FindingKind, Rule, find_all, pattern_rule
from phrasebank.text.chars import CHINESE_DATE_RE, CJK, arabic_date

_FULL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
DATE_PADDED = pattern_rule(
    "date-padded",
    FindingKind.DATE,
    "GB/T 9704-2012 7.3.5；GB/T 15835-2011 4.1",
    r"(?<!\d)(?:\d{4}年)?(?:0[1-9]月\d{1,2}日|\d{1,2}月0[1-9]日)",
    "日期中的月、日不编虚位（写 2026年1月5日，不写 2026年01月05日）",
    lambda m: re.sub(r"(?<=[年月])0|^0", "", m.group(0)),
)
DATE_HAO = pattern_rule(
    "date-hao",
    FindingKind.DATE,
    "GB/T 15835-2011 4.1.1（书面语写“日”）",
    r"(?<=\d月)(\d{1,2})号(?!文)",
    "公文中日期写“日”，不写“号”",
    lambda m: f"{m.group(1)}日",
)
YEAR_SHORT = pattern_rule(
    "year-short",
    FindingKind.DATE,
    "GB/T 15835-2011 4.1.2（年份不能简写）",
    r"(?<![\d.０-９〔\[［])(\d{2})年(?=\d{1,2}月)",
    "年份应写全，不能简写（写 2026年，不写 26年）",
    lambda m: f"20{m.group(1)}年",
)
DATE_CHINESE = Rule(
    "date-chinese-numerals",
    FindingKind.DATE,
    "GB/T 9704-2012 7.3.5（成文日期用阿拉伯数字）",
    "成文日期应使用阿拉伯数字将年、月、日标全",
)
FULL_WIDTH_DIGITS = pattern_rule(
    "full-width-digits",
    FindingKind.NUMBERS,
    "GB/T 15835-2011（阿拉伯数字用半角形式）",
    r"[０-９]+(?:．[０-９]+)?",
    "阿拉伯数字应使用半角形式",
    lambda m: m.group(0).translate(_FULL_DIGITS),
)
PERCENT_RANGE = pattern_rule(
    "percent-range",
    FindingKind.NUMBERS,
    "GB/T 15835-2011 4.4（百分数范围前后两个 % 都不能省略）",
    r"(?<![\d.%％])(\d+(?:\.\d+)?)[～~—－-](\d+(?:\.\d+)?)([%％])",
    "百分数范围前后两个“%”都不能省（写 10%～20%）",
    lambda m: f"{m.group(1)}%～{m.group(2)}%",
)
MAGNITUDE_RANGE = pattern_rule(
    "magnitude-range",
    FindingKind.NUMBERS,
    "GB/T 15835-2011 4.4（9亿～16亿，不写为9～16亿）",
    r"(?<![\d.])(\d+(?:\.\d+)?)[～~—－-](\d+(?:\.\d+)?)(万|亿)(元|人|户|吨|亩|千瓦|公里|平方米)?",
    "数值范围中“万”“亿”前后都要写（写 13万元～17万元，不写 13～17万元）",
    lambda m: f"{m.group(1)}{m.group(3)}{m.group(4) or ''}～{m.group(2)}{m.group(3)}{m.group(4) or ''}",
)
YEAR_ZERO = pattern_rule(
    "year-chinese-zero",
    FindingKind.DATE,
    "GB/T 15835-2011（编号中的“0”汉字写作“〇”：二〇一二年，不写二零一二年）",
    # 二0二六年, 二零二六年: a Chinese-numeral year with an Arabic 0, a letter O or 零
    r"(?<![〇零○一二三四五六七八九0-9])(?=[^年]{0,3}[0OoＯ０零○])[〇零○一二三四五六七八九0OoＯ０]{4}年",
    "汉字数字的年份中，“0”写作“〇”（二〇二六年）",
    lambda m: re.sub("[0OoＯ０零○]", "〇", m.group(0)),
)
NUMBER_RANGE_HYPHEN = pattern_rule(
    "number-range-hyphen",
    FindingKind.NUMBERS,
    "GB/T 15834-2011 4.13（连接号：标示数值范围的起止一般用浪纹线“～”）",
    r"(?<![\d.\-－A-Za-z])(\d{1,3}(?:\.\d+)?)[-－](\d{1,3}(?:\.\d+)?)(?=[个天年周人次家项条件所座名岁倍批轮期])",
    "数值范围用浪纹线“～”连接（3～5年）",
    lambda m: f"{m.group(1)}～{m.group(2)}",
)
RANGE_OVERLAP = Rule(
    "range-overlap",
    FindingKind.NUMBERS,
    "《中华人民共和国民法典》第一千二百五十九条（“以上”“以下”包括本数）",
    "“以上”“以下”都包括本数，同一数值既“以上”又“以下”，界限重叠",
)

DATE_RULES = (DATE_PADDED, DATE_HAO, YEAR_SHORT, YEAR_ZERO)
NUMBER_RULES = (FULL_WIDTH_DIGITS, PERCENT_RANGE, MAGNITUDE_RANGE, NUMBER_RANGE_HYPHEN)
RULES = (*DATE_RULES, DATE_CHINESE, *NUMBER_RULES, RANGE_OVERLAP)

_AMOUNT = rf"(?<![\d.])\d+(?:\.\d+)?(?:万|亿)?[{CJK}]{{0,2}}?"
_BOUND_RE = re.compile(rf"({_AMOUNT})(以上|以下)")
_RANGE_RE = re.compile(rf"{_AMOUNT}以上，?{_AMOUNT}以下")


def findings(index: int, text: str) -> list[Finding]:
    """Date and number slips in one paragraph."""
    found = find_all((*DATE_RULES, *NUMBER_RULES), index, text)
    date = CHINESE_DATE_RE.fullmatch(text.strip())
    if date:  # a 成文日期 in Chinese numerals: rewritten whole, its 零 with it
        found = [f for f in found if f.rule != YEAR_ZERO.id]
        found.append(DATE_CHINESE.at(index, text.find(date.group(0)), date.group(0), arabic_date(date.group(0))))
    return found + _overlaps(index, text)


def _overlaps(index: int, text: str) -> list[Finding]:
    """100万元以上 … 100万元以下 in one paragraph: 100万元 falls on both sides."""
    bounds: dict[str, dict[str, re.Match[str]]] = {}
    ranges = [m.span() for m in _RANGE_RE.finditer(text)]  # 10人以上30人以下: a range, as statutes write them
    for match in _BOUND_RE.finditer(text):
        if any(a <= match.start() < b for a, b in ranges):
            continue
        bounds.setdefault(match.group(1), {}).setdefault(match.group(2), match)
    result = []
    for amount, sides in bounds.items():
        if len(sides) == 2:
            below = sides["以下"]
            message = f"“{amount}以上”和“{amount}以下”都包括{amount}，界限重叠；一侧改为“不满{amount}”或“超过{amount}”"
            result.append(RANGE_OVERLAP.at(index, below.start(), below.group(0), None, message))
    return result
