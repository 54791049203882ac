"""Heading and item numbering (GB/T 9704-2012 7.3.3 层次序数): gaps, repeats, styles, skipped levels, 一是."""

from __future__ import annotations

import re
from collections import Counter

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.structure.numbering import Slip, numbering_issues
from phrasebank.structure.outline import Role, Structure
from phrasebank.text.chars import NUMERALS, chinese_number, number_value

_SOURCE = "GB/T 9704-2012 7.3.3（层次序数：一、（一）1.（1））"
GAP = Rule("numbering-gap", FindingKind.NUMBERING, _SOURCE, "同级标题序号不连续")
REPEAT = Rule("numbering-repeat", FindingKind.NUMBERING, _SOURCE, "同级标题序号重复")
STYLE = Rule("numbering-style", FindingKind.NUMBERING, _SOURCE, "标题序号的格式不规范")
SKIP = Rule("numbering-skip", FindingKind.NUMBERING, _SOURCE, "层次跳级：下一层标题越过了中间一层")
RUNIN = Rule("runin-gap", FindingKind.NUMBERING, "公文分项序号惯例（一是、二是、三是……）", "分项序号不连续或重复")
RULES = (GAP, REPEAT, STYLE, SKIP, RUNIN)

_LEVEL_MARKS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
_NUMERAL_RE = re.compile(rf"[{NUMERALS}]+|\d+")
_RUNIN_IN_TEXT_RE = re.compile(r"(?:^|(?<=[。；！？]))\s*([一二三四五六七八九十]{1,3})是")


def heading_findings(structure: Structure) -> list[Finding]:
    """Numbering slips over the whole report's headings."""
    return _sequence_findings(structure) + _style_findings(structure) + _skip_findings(structure)


def _sequence_findings(structure: Structure) -> list[Finding]:
    result = []
    for issue in numbering_issues(structure):
        para = structure.paragraphs[issue.index]
        fixed = _renumbered(para.number, para.level, issue.expected)
        rule = REPEAT if issue.kind is Slip.REPEAT else GAP
        message = f"{rule.message}：此处应为“{fixed}”"
        result.append(rule.at(issue.index, para.text.find(para.number), para.number, fixed, message))
    return result


def _numbered_headings(structure: Structure):
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is Role.HEADING and para.number:
            yield index, para


#: The numbering each level takes (GB/T 9704-2012 7.3.3): 一、（一）1.（1）.
STANDARD_STYLES = {1: "N、", 2: "（N）", 3: "N.", 4: "（N）"}


def _style_findings(structure: Structure) -> list[Finding]:
    """Every heading number in another form than its level's (1、 for 1., (一) for （一）), with the fix;
    the message says when the whole document writes it so."""
    styles: dict[int, Counter[str]] = {}
    for _, para in _numbered_headings(structure):
        styles.setdefault(para.level, Counter())[_style(para.number)] += 1
    result = []
    for index, para in _numbered_headings(structure):
        standard, style = STANDARD_STYLES.get(para.level), _style(para.number)
        if standard is None or style == standard:
            continue
        throughout = "，本文同级标题都这样写" if len(styles[para.level]) == 1 else ""
        example = standard.replace("N", "一" if para.level < 3 else "1")
        message = f"{STYLE.message}：这一层序号写作“{example}”{throughout}"
        fixed = _restyle(para.number, standard)
        result.append(STYLE.at(index, para.text.find(para.number), para.number, fixed, message))
    return result


def _skip_findings(structure: Structure) -> list[Finding]:
    """一、 followed by 1. before any （一）: a level left out (each 附件 starts afresh)."""
    result = []
    deepest: int | None = 0
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is Role.TITLE:
            deepest = 0
        elif role is Role.APPENDIX:
            deepest = None  # a 附件 may be a plain numbered list (1. 2. 3.) under its title
        if role is not Role.HEADING:
            continue
        if not para.number:
            deepest = None  # a heading whose numbering was lost: its level is not known
            continue
        if deepest is not None and para.level > deepest + 1:
            above = f"直接排在“{_LEVEL_MARKS[deepest]}”之下" if deepest else "是文中第一层标题"
            missing = "”“".join(_LEVEL_MARKS[level] for level in range(deepest + 1, para.level))
            message = f"层次跳级：“{para.number}”{above}，缺少“{missing}”一层（依次为一、（一）1.（1））"
            result.append(SKIP.at(index, para.text.find(para.number), para.number, None, message))
        deepest = para.level
    return result


def runin_findings(index: int, text: str) -> list[Finding]:
    """Gaps and repeats in 一是、二是 … within one paragraph."""
    result = []
    previous = 0
    for match in _RUNIN_IN_TEXT_RE.finditer(text):
        value = number_value(match.group(1))
        if value is None:
            continue
        if value == 1:
            previous = 1  # a list restarting at 一是 is a new (nested) list, not a gap
            continue
        if previous and value != previous + 1:
            kind = "重复" if value == previous else "不连续"
            message = f"分项序号{kind}：“{match.group(1)}是”前一项是“{chinese_number(previous)}是”"
            found = match.group(1) + "是"
            result.append(RUNIN.at(index, match.start(1), found, f"{chinese_number(previous + 1)}是", message))
        previous = value
    return result


def _style(number: str) -> str:
    return _NUMERAL_RE.sub("N", number)


def _restyle(number: str, style: str) -> str:
    match = _NUMERAL_RE.search(number)
    return style.replace("N", match.group(0) if match else "")


def _renumbered(number: str, level: int, value: int) -> str:
    digits = str(value) if level >= 3 else chinese_number(value)
    return _NUMERAL_RE.sub(digits, number, count=1)
