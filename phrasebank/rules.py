"""Rules from the standards, each with an identifier, the clause it rests on, a plain message and a fix.

Families so far: 发文字号 (GB/T 9704-2012 §7.2.4), numbers and dates (GB/T 15835-2011, GB/T 9704
§7.3.5), range marks (GB/T 15834-2011 §4.13) and confusable words (截止/截至). `check --rules` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .check import Finding, FindingKind


@dataclass(frozen=True)
class Rule:
    """One check: where a slip is (`pattern`), what to tell the writer, and the text to put in its place."""

    id: str
    family: str
    source: str
    pattern: re.Pattern[str]
    message: str
    fix: Callable[[re.Match[str]], str]
    kind: FindingKind = FindingKind.NUMBERS


_FULL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _rule(id_: str, family: str, source: str, pattern: str, message: str, fix, kind=FindingKind.NUMBERS) -> Rule:
    return Rule(id_, family, source, re.compile(pattern), message, fix, kind)


RULES: tuple[Rule, ...] = (
    _rule(
        "doc-number-brackets",
        "发文字号",
        "GB/T 9704-2012 7.2.4",
        r"(?<=[\u4e00-\u9fff])[\[［【(（](\d{4})[\]］】)）](?=第?\d+号)",
        "发文字号的年份应用六角括号“〔〕”括入",
        lambda m: f"〔{m.group(1)}〕",
        FindingKind.DOC_NUMBER,
    ),
    _rule(
        "doc-number-di",
        "发文字号",
        "GB/T 9704-2012 7.2.4",
        r"(?<=\d[〕\]］】)）])第(?=\d+号)",
        "发文字号的序号前不加“第”字",
        lambda m: "",
        FindingKind.DOC_NUMBER,
    ),
    _rule(
        "doc-number-padded",
        "发文字号",
        "GB/T 9704-2012 7.2.4",
        r"(?<=\d[〕\]］】)）])(?:第)?0+(?=[1-9]\d*号)",
        "发文字号的序号不编虚位（写 5号，不写 05号）",
        lambda m: m.group(0).replace("0", ""),
        FindingKind.DOC_NUMBER,
    ),
    _rule(
        "date-padded",
        "数字和日期",
        "GB/T 9704-2012 7.3.5；GB/T 15835-2011 4.1",
        r"(?<=\d{4}年)0(?=[1-9]月)|(?<=\d月)0(?=[1-9]日)",
        "日期中的月、日不编虚位（写 2026年1月5日，不写 2026年01月05日）",
        lambda m: "",
    ),
    _rule(
        "date-hao",
        "数字和日期",
        "GB/T 15835-2011 4.1.1（书面语写“日”）",
        r"(?<=\d月)(\d{1,2})号(?!文)",
        "公文中日期写“日”，不写“号”",
        lambda m: f"{m.group(1)}日",
    ),
    _rule(
        "year-short",
        "数字和日期",
        "GB/T 15835-2011 4.1.2（年份不能简写）",
        r"(?<![\d.０-９〔\[［])(\d{2})年(?=\d{1,2}月)",
        "年份应写全，不能简写（写 2026年，不写 26年）",
        lambda m: f"20{m.group(1)}年",
    ),
    _rule(
        "full-width-digits",
        "数字和日期",
        "GB/T 15835-2011（阿拉伯数字用半角形式）",
        r"[０-９]+(?:．[０-９]+)?",
        "阿拉伯数字应使用半角形式",
        lambda m: m.group(0).translate(_FULL_DIGITS),
    ),
    _rule(
        "percent-range",
        "数字和日期",
        "GB/T 15835-2011 4.4（百分数范围前后两个 % 都不能省略）",
        r"(?<![\d.%％])(\d+(?:\.\d+)?)[～~—－-](\d+(?:\.\d+)?)([%％])",
        "百分数范围前后两个“%”都不能省（写 10%～20%）",
        lambda m: f"{m.group(1)}%～{m.group(2)}%",
    ),
    _rule(
        "year-range-dash",
        "标点",
        "GB/T 15834-2011 4.13.3（时间的起止用一字线“—”）",
        r"(?<!\d)(\d{4})[-－~～](\d{4})年",
        "年份的起止用一字线“—”（写 2026—2027年）",
        lambda m: f"{m.group(1)}—{m.group(2)}年",
        FindingKind.PUNCTUATION,
    ),
    _rule(
        "confusable-jiezhi",
        "易混词",
        "《现代汉语词典》：“截至”后接时间点，“截止”指到期停止",
        r"截止(?=\d{4}年|\d{1,2}月|目前|今年|去年|本月|上月|年底|年末)",
        "到某一时间为止，用“截至”（截至2025年底）；“截止”指到期停止（报名截止）",
        lambda m: "截至",
        FindingKind.CONFUSABLE,
    ),
)


def rule_findings(index: int, text: str) -> list[Finding]:
    """What the rules find in one paragraph."""
    findings = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if match.group(0):
                found = match.group(0)
                findings.append(
                    Finding(index, match.start(), len(found), rule.kind, rule.message, found, rule.fix(match), rule.id)
                )
    return findings
