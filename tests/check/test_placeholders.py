"""Unfilled placeholders: x, X, XX, X月X日, XX同志; operators and codes are no slots."""

from __future__ import annotations

import pytest

from phrasebank.check import Checker
from phrasebank.check.placeholders import findings

CHECKER = Checker([])


def kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.kind.value, f.found, f.fix) for f in CHECKER.check_paragraph(0, text)]


def test_placeholders_are_listed():
    found = sorted((f.column, f.found) for f in CHECKER.check_paragraph(0, "XX同志于X月X日到x县调研，完成xx项任务。"))
    assert found == [(0, "XX同志"), (5, "X月X日"), (10, "x"), (17, "xx")]
    assert kinds("使用Excel和SVIP会员系统") == []  # Latin words are not placeholders


def test_operators_and_codes_are_not_placeholders():
    for text in ("提供“7×24小时”服务", "实施“数据要素×”行动", "“415X”先进制造业集群", "“双尖双领+X”项目"):
        assert kinds(text) == [], text
    found = sorted((f.column, f.found) for f in CHECKER.check_paragraph(0, "20XX年工作要点，××同志"))
    assert found == [(2, "XX"), (10, "××同志")]


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("请某某同志负责联络。", "某某"),
        ("全市共有○○家企业参加。", "○○"),
        ("TODO：补充上半年数据。", "TODO"),
        ("具体数据待补充。", "待补充"),
        ("责任单位：【】", "【】"),
        ("联系电话：（  ）", "（  ）"),
        ("成文日期：    年  月  日", "年  月  日"),
    ],
)
def test_every_common_kind_of_slot_is_found(text, slot):
    assert [f.found for f in findings(0, text)] == [slot]


@pytest.mark.parametrize(
    "text",
    ["开展X射线、X光检查和X线透视。", "二〇二六年三月五日", "时间待定，另行通知。", "某市某县的经验值得借鉴。"],
)
def test_words_that_only_look_like_slots_are_left_alone(text):
    assert findings(0, text) == []


def test_a_long_document_is_scanned_in_parts_and_every_placeholder_is_still_found(monkeypatch):
    """Scanned SCAN_PARAGRAPHS at a time (so no one scan holds Python's lock long beside the window): the same
    findings, at their own paragraphs, whatever part they fall in."""
    from phrasebank.check import placeholders

    document = ["关于XX工作的报告", "一、总体情况", "全市工作有序推进。", "XX同志主持会议。", "", "待补充"]
    document.append("定于X月X日召开。")
    whole = [(f.paragraph, f.found) for f in placeholders.unfilled_placeholders(document)]
    assert [p for p, _ in whole] == [0, 3, 5, 6]
    monkeypatch.setattr(placeholders, "SCAN_PARAGRAPHS", 2)
    assert [(f.paragraph, f.found) for f in placeholders.unfilled_placeholders(document)] == whole
