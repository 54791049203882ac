"""Numbers and dates (GB/T 15835, GB/T 9704 7.3.5): each rule on a slip and on correct text."""

from __future__ import annotations

import pytest
from checking import assert_found_and_fixed, found


@pytest.mark.parametrize(
    ("rule", "wrong", "right"),
    [
        ("date-padded", "2026年01月05日", "2026年1月5日"),
        ("date-padded", "本通知自2026年03月1日起施行。", "本通知自2026年3月1日起施行。"),
        ("date-hao", "会议定于4月1号召开。", "会议定于4月1日召开。"),
        ("year-short", "26年3月起施行。", "2026年3月起施行。"),
        ("date-chinese-numerals", "二〇二六年十一月二十二日", "2026年11月22日"),
        ("full-width-digits", "增长４．２％，达到１５００亿元。", "增长4.2％，达到1500亿元。"),
        ("percent-range", "增长10～20%左右。", "增长10%～20%左右。"),
        ("magnitude-range", "每户补助3～5万元。", "每户补助3万元～5万元。"),
        ("magnitude-range", "投资9-16亿。", "投资9亿～16亿。"),
        ("year-chinese-zero", "二0二六年是开局之年。", "二〇二六年是开局之年。"),
        ("year-chinese-zero", "二零二六年是开局之年。", "二〇二六年是开局之年。"),
        ("number-range-hyphen", "连续3-5年扎实推进，每组10－15人。", "连续3～5年扎实推进，每组10～15人。"),
    ],
)
def test_each_rule_finds_its_slip_and_fixes_it(rule, wrong, right):
    assert_found_and_fixed(rule, wrong, right)


@pytest.mark.parametrize(
    "clean",
    [
        "2026年1月5日",
        "10月15日召开",
        "近15年来增长较快。",  # a span of years, not a short year
        "增长10%～20%。",
        "每户补助3万元～5万元。",
        "第5号台风",
        "4月1号文件",  # 1号文件 is a document's name
        "2026年11月22日",
        "投资总额100万元以上的项目由市级审批，50万元以下的由县级审批。",
        "处10人以上30人以下罚款；情节较轻的，处3人以上10人以下罚款。",  # ranges, as statutes write them
        "二〇二六年是开局之年，到二〇三五年基本实现现代化。",
        "咨询电话0571-87654321，G15-3线路，型号A-5级。",
        "1-11月，全市规上工业增加值增长6%。",  # a span of months: a time range, not a number range
    ],
)
def test_correct_text_has_no_finding(clean):
    assert found(clean) == []


def test_the_same_bound_both_above_and_below_overlaps():
    text = "投资总额100万元以上的项目报市级审批，100万元以下的项目由县级审批。"
    assert found(text) == [("range-overlap", "100万元以下", None)]
    assert found("投资总额超过100万元的项目报市级审批，100万元以下的项目由县级审批。") == []
