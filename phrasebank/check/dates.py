"""Dates as offices get them wrong (GB/T 9704-2012 7.3.5, GB/T 15835-2011 4.1): 2026.3.5, 2026-03-05, a
date without its 日, a day the calendar does not have, a weekday that does not fit the date, a deadline
before the 成文日期, and Arabic and Chinese-numeral years mixed in one text."""

from __future__ import annotations

import datetime
import re

from phrasebank.check.findings import Finding, FindingKind, Rule, pattern_rule
from phrasebank.structure.outline import Role, Structure
from phrasebank.text.chars import arabic_date

_D = FindingKind.DATE
_FORMS = "GB/T 15835-2011 4.1、GB/T 9704-2012 7.3.5（日期写作 2026年3月5日）"


def _date_fix(match: re.Match[str]) -> str:
    return f"{match.group(1)}年{int(match.group(2))}月{int(match.group(3))}日"


DATE_DOTS = pattern_rule(
    "date-dots",
    _D,
    _FORMS,
    r"(?<![\d.．/\-])((?:19|20)\d{2})[.．/\-](0?[1-9]|1[0-2])[.．/\-](0?[1-9]|[12]\d|3[01])(?![\d.．/\-])",
    "公文中的日期写作“2026年3月5日”，不用圆点、短横或斜线",
    _date_fix,
)
DATE_NO_DAY = pattern_rule(
    "date-no-day",
    _D,
    _FORMS,
    r"((?:19|20)\d{2})年(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])(?![\d日号]|\s*[至到—～~\-－、和及或])",
    "日期缺少“日”",
    _date_fix,
)
WEEKDAY = Rule("date-weekday", _D, "公历推算", "星期与日期不符")
DEADLINE = Rule("date-deadline", _D, "GB/T 9704-2012 7.3.5（成文日期）", "时限早于成文日期")
MIXED_YEARS = Rule(
    "date-mixed-years",
    _D,
    "GB/T 15835-2011 4.1（同一文中年份写法一致）；GB/T 9704-2012 7.3.5（成文日期用阿拉伯数字）",
    "同一文中年份既有阿拉伯数字又有汉字数字",
)
IMPOSSIBLE = Rule("date-impossible", _D, "公历", "日期不存在")
PATTERN_RULES = (DATE_DOTS, DATE_NO_DAY)
RULES = (*PATTERN_RULES, IMPOSSIBLE, WEEKDAY, DEADLINE, MIXED_YEARS)
#: A date as written with month and day (the year when given): 2月30日, 2025年2月29日, 4月31日.
_DAY_RE = re.compile(r"(?:(?<!\d)((?:19|20)\d{2})年)?(?<!\d)(\d{1,2})月(\d{1,2})日")

_WEEKDAYS = "一二三四五六日"
_WEEKDAY_RE = re.compile(
    r"(?:((?:19|20)\d{2})年)?(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日\s*[（(]?\s*(星期|周)([一二三四五六日天])\s*[）)]?"
)
_DEADLINE_RE = re.compile(
    r"(?:((?:19|20)\d{2})年)?(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日(?:\d{1,2}[时点])?(?:前|之前|以前)"
)
_CN_YEAR_RE = re.compile(r"(?<!《)[〇零一二三四五六七八九]{4}年(?!远景目标)")
_AR_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}年")
_SIGNED_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*[（(](?:星期|周).[）)])?$")


def findings(index: int, text: str) -> list[Finding]:
    """Date forms in one paragraph, and dates that do not exist."""
    return [f for rule in PATTERN_RULES for f in rule.find(index, text)] + _impossible(index, text)


def _impossible(index: int, text: str) -> list[Finding]:
    """2月30日, 4月31日, 2025年2月29日, 13月1日: a day the calendar does not have. Without a year, 2月29日
    may be a leap year's and is left alone."""
    result = []
    for match in _DAY_RE.finditer(text):
        year, month, day = match.group(1), int(match.group(2)), int(match.group(3))
        if not 1 <= month <= 12:
            message = f"没有{month}月"
        elif day < 1 or _date(year, str(month), str(day), 2024) is None:  # 2024: a leap year when none is given
            message = f"{year + '年' if year else ''}{month}月没有{day}日，请核对"
        else:
            continue
        result.append(IMPOSSIBLE.at(index, match.start(), match.group(0), None, message))
    return result


def document_findings(structure: Structure) -> list[Finding]:
    """Weekdays, deadlines against the 成文日期, and mixed year forms over the whole text."""
    signed = _signed_date(structure)
    default_year = signed.year if signed else None
    result: list[Finding] = []
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is Role.APPENDIX:
            break
        text = para.text
        if "日" not in text:  # quick: most paragraphs hold no date (the patterns scan every position)
            continue
        result += _weekdays(index, text, default_year)
        if signed is not None and role not in (Role.DATE, Role.SIGNATURE):
            result += _deadlines(index, text, signed)
    # A 公文 with its 成文日期 writes years one way; reports and speeches keep 二〇三五年 for the
    # long-range goal as the Party's documents write it.
    return result + (_mixed_years(structure) if signed is not None else [])


def _date(year: str | None, month: str, day: str, default_year: int | None) -> datetime.date | None:
    try:
        return datetime.date(int(year) if year else default_year or 0, int(month), int(day))
    except ValueError:
        return None


def _weekdays(index: int, text: str, default_year: int | None) -> list[Finding]:
    result = []
    for match in _WEEKDAY_RE.finditer(text):
        date = _date(match.group(1), match.group(2), match.group(3), default_year)
        if date is None:
            continue
        written = "日" if match.group(5) == "天" else match.group(5)
        actual = _WEEKDAYS[date.weekday()]
        if written != actual:
            at = match.start(4)
            found = match.group(4) + match.group(5)
            fix = match.group(4) + actual
            message = f"{date.year}年{date.month}月{date.day}日是{match.group(4)}{actual}，不是{found}"
            result.append(WEEKDAY.at(index, at, found, fix, message))
    return result


def _deadlines(index: int, text: str, signed: datetime.date) -> list[Finding]:
    result = []
    for match in _DEADLINE_RE.finditer(text):
        date = _date(match.group(1), match.group(2), match.group(3), signed.year)
        if date is not None and date < signed:
            found = match.group(0)
            message = f"时限“{found}”早于成文日期{signed.year}年{signed.month}月{signed.day}日，请核对"
            result.append(DEADLINE.at(index, match.start(), found, None, message))
    return result


def _mixed_years(structure: Structure) -> list[Finding]:
    """One note at the first Chinese-numeral year when the text also writes years in Arabic numerals."""
    first_chinese: tuple[int, re.Match[str]] | None = None
    arabic = False
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is Role.APPENDIX:
            break
        if role is Role.DATE:
            continue  # the 成文日期 has its own rule (date-chinese)
        arabic = arabic or bool(_AR_YEAR_RE.search(para.text))
        if first_chinese is None and (match := _CN_YEAR_RE.search(para.text)):
            first_chinese = (index, match)
    if not (arabic and first_chinese):
        return []
    index, match = first_chinese
    return [MIXED_YEARS.at(index, match.start(), match.group(0))]


def _signed_date(structure: Structure) -> datetime.date | None:
    """The 成文日期: the last date line of the 落款 (Arabic or Chinese numerals, a weekday after it)."""
    for para, role in zip(reversed(structure.paragraphs), reversed(structure.roles), strict=True):
        if role not in (Role.DATE, Role.SIGNATURE):
            continue
        match = _SIGNED_RE.match(arabic_date(para.text.strip()))
        if match:
            return _date(match.group(1), match.group(2), match.group(3), None)
        if role is Role.DATE:
            return None
    return None
