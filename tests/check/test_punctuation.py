"""Punctuation (GB/T 15834-2011): each rule on a slip and on correct text."""

from __future__ import annotations

import pytest
from checking import assert_found_and_fixed, found


@pytest.mark.parametrize(
    ("rule", "wrong", "right"),
    [
        ("half-width-mark", "按照要求,推动工作;抓好落实", "按照要求，推动工作；抓好落实"),
        ("half-width-parens", "(中文括号)里的话", "（中文括号）里的话"),
        ("doubled-mark", "坚持学习。。", "坚持学习。"),
        ("doubled-mark", "加强学习，，抓好落实", "加强学习，抓好落实"),
        ("doubled-mark-mixed", "规范市场秩序,，我局拟开展检查", "规范市场秩序，我局拟开展检查"),
        ("half-width-period", "同比增长12.3%.下一步继续加强", "同比增长12.3%。下一步继续加强"),
        ("doubled-mark-mixed", "请于5月前报送；;逾期不候", "请于5月前报送；逾期不候"),
        ("ellipsis-form", "学习、调研、座谈...都要落实。", "学习、调研、座谈……都要落实。"),
        ("ellipsis-form", "学习、调研、座谈。。。都要落实。", "学习、调研、座谈……都要落实。"),
        ("ellipsis-form", "学习、调研、座谈…都要落实。", "学习、调研、座谈……都要落实。"),
        ("ellipsis-etc", "开展学习、调研、座谈……等活动。", "开展学习、调研、座谈……活动。"),
        ("year-range-dash", "制定2026-2030年规划。", "制定2026—2030年规划。"),
        ("quoted-series-dunhao", "增强“四个意识”、“四个自信”。", "增强“四个意识”“四个自信”。"),
        ("quoted-series-dunhao", "学习《决定》、《条例》。", "学习《决定》《条例》。"),
        ("nested-marks", "他说：“要落实“两个维护”要求。”", "他说：“要落实‘两个维护’要求。”"),
        ("nested-marks", "印发《关于贯彻《条例》的通知》", "印发《关于贯彻〈条例〉的通知》"),
        ("heading-full-stop", "一、总体情况。", "一、总体情况"),
        ("half-width-period", "全市工作有序推进.", "全市工作有序推进。"),
    ],
)
def test_each_rule_finds_its_slip_and_fixes_it(rule, wrong, right):
    assert_found_and_fixed(rule, wrong, right)


def test_unpaired_marks_are_found_without_a_fix():
    assert found("增强“四个意识") == [("unpaired-mark", "“", None)]
    assert found("学习《条例） 的精神") == [("unpaired-mark", "《", None), ("unpaired-mark", "）", None)]


@pytest.mark.parametrize(
    "clean",
    [
        "一、总体情况。全市工作有序推进。",  # a heading with text after it keeps its mark
        "省份1.6万户，e.g.不动",
        "增强“四个意识”，坚定“四个自信”，做到“两个维护”。",  # other words between the quotes
        "印发《关于贯彻〈条例〉的通知》（市政办发〔2026〕5号）、《实施方案》（试行）",
        "他说：“要落实‘两个维护’要求。”",
        "学习、调研、座谈……都要落实。",
        "等待……等候",
        "2026—2030年",
        "一、加强组织领导，各地要高度重视。",  # an item of a list is a sentence
        "一、建立健全安全生产责任制度和考核评价体系。",
        "增长2.5%，采用v1.2版本，e.g.不改。",
        "访问http://www.gov.cn,，比分3:：2",  # Latin text around a half-width mark is not a slip of ours
    ],
)
def test_correct_text_has_no_finding(clean):
    assert found(clean) == []


def test_the_dot_of_a_heading_number_is_left_to_the_numbering_rule():
    assert found("一.总体情况") == [("numbering-first-level-dot", "一.", "一、")]  # once, not as a sentence end
    assert found("十二.下步打算") == [("numbering-first-level-dot", "十二.", "十二、")]
    assert found("我市是全国十大城市之一.") == [("half-width-period", ".", "。")]  # a sentence's end still is


def test_a_quotation_over_several_paragraphs_closes_only_at_its_end():
    quoted = ["习近平总书记指出：“要坚持以人民为中心。", "“要把群众满意作为标准。", "“要久久为功。”"]
    assert found(*quoted) == []
    assert found("他说：“要坚持以人民为中心。", "下一步，继续努力。") == [("unpaired-mark", "“", None)]
