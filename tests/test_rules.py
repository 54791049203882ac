"""Rules from the standards: one positive and one negative case each, and the real reports as controls."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from phrasebank.check import Checker
from phrasebank.cleaning import clean_lines
from phrasebank.documents import read_paragraphs
from phrasebank.rules import RULES, rule_findings

NATREPORTS = Path(__file__).resolve().parent.parent.parent / "shared" / "natreports"


def fixed(text: str) -> str:
    """The paragraph with every rule's fix applied (right to left, so offsets stay valid)."""
    for f in sorted(rule_findings(0, text), key=lambda f: -f.column):
        text = text[: f.column] + f.fix + text[f.column + f.length :]
    return text


@pytest.mark.parametrize(
    ("rule", "wrong", "right"),
    [
        ("doc-number-brackets", "市政府办公室文件市政办发[2026]5号。", "市政府办公室文件市政办发〔2026〕5号。"),
        ("doc-number-brackets", "印发《通知》（市政办发［2026］5号）。", "印发《通知》（市政办发〔2026〕5号）。"),
        ("doc-number-di", "市政办发〔2026〕第5号", "市政办发〔2026〕5号"),
        ("doc-number-padded", "市政办发〔2026〕05号", "市政办发〔2026〕5号"),
        ("date-padded", "2026年01月05日", "2026年1月5日"),
        ("date-hao", "会议定于4月1号召开。", "会议定于4月1日召开。"),
        ("year-short", "26年3月起施行。", "2026年3月起施行。"),
        ("full-width-digits", "增长４．２％，达到１５００亿元。", "增长4.2％，达到1500亿元。"),
        ("percent-range", "增长10～20%左右。", "增长10%～20%左右。"),
        ("year-range-dash", "制定2026-2030年规划。", "制定2026—2030年规划。"),
        ("confusable-jiezhi", "截止2025年底，全市共有", "截至2025年底，全市共有"),
    ],
)
def test_each_rule_finds_its_slip_and_fixes_it(rule, wrong, right):
    assert rule in {f.rule for f in rule_findings(0, wrong)}
    assert fixed(wrong) == right
    assert rule_findings(0, right) == []


@pytest.mark.parametrize(
    "clean",
    [
        "市政办发〔2026〕5号",
        "2026年1月5日",
        "10月15日召开",
        "近15年来增长较快。",  # a span of years, not a short year
        "增长10%～20%。",
        "2026—2030年",
        "报名截止日期为5月1日。",  # 截止 as a deadline
        "截止到目前，",  # 截止到 is accepted
        "第5号台风",
    ],
)
def test_correct_text_has_no_rule_finding(clean):
    assert rule_findings(0, clean) == []


def test_every_rule_names_its_source_and_family():
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(r.source.startswith(("GB/T", "《")) and r.family and r.message for r in RULES)


def test_the_checker_reports_rule_findings_with_their_identifier():
    findings = Checker([]).check(["一、总体情况", "截止2025年底，已完成市政办发[2026]05号文件部署。"])
    assert {f.rule for f in findings} >= {"confusable-jiezhi", "doc-number-brackets", "doc-number-padded"}


def test_national_reports_show_only_their_real_slips():
    """24 national reports: the 2002 web copy writes digits full-width; 2008 and 2011 a hyphen in year ranges."""
    found: Counter[tuple[str, str]] = Counter()
    for path in sorted(NATREPORTS.glob("*.txt")):
        for index, text in enumerate(clean_lines(read_paragraphs(path)).paragraphs):
            for f in rule_findings(index, text):
                found[(path.name[:4], f.rule)] += 1
    assert set(found) == {("2002", "full-width-digits"), ("2008", "year-range-dash"), ("2011", "year-range-dash")}
    assert found[("2008", "year-range-dash")] == found[("2011", "year-range-dash")] == 1
