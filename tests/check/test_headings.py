"""Heading numbering (GB/T 9704-2012 7.3.3): gaps, repeats, styles, skipped levels, run-in items."""

from __future__ import annotations

from checking import found


def test_gaps_repeats_and_mixed_styles():
    report = ["一、总体情况", "二、主要做法", "四、存在问题", "四、下步打算", "（一）加强学习", "(二)抓好落实"]
    got = found(*report)
    assert ("numbering-gap", "四、", "三、") in got
    assert ("numbering-repeat", "四、", "五、") in got
    assert ("numbering-style", "(二)", "（二）") in got
    assert found("一、总体情况", "二、主要做法", "三、存在问题", "（一）加强学习", "（二）抓好落实") == []


def test_a_skipped_level_is_found_once():
    assert found("一、总体情况", "1.学习情况", "2.调研情况", "二、主要做法") == [("numbering-skip", "1.", None)]
    assert found("一、总体情况", "（一）学习情况", "1.集中学习", "（1）读书班", "二、主要做法") == []
    assert found("（一）学习情况", "（二）调研情况") == [("numbering-skip", "（一）", None)]


def test_a_level_skipped_or_a_numbering_style_kept_throughout_is_one_note():
    """An author who puts 1、 under every 一、 made a choice: one note with the count, not one per chapter."""
    from checking import RULES_ONLY

    report = ["一、主要工作", "1、加强领导。", "2、完善制度。", "二、存在问题", "1、学习不够深入。", "三、下步打算"]
    findings = {f.rule: f.message for f in RULES_ONLY.check([*report, "1、持续用力。"])}
    assert set(findings) == {"numbering-skip", "numbering-style"}
    assert "全文共 3 处" in findings["numbering-skip"] and "全文共 4 处" in findings["numbering-style"]


def test_each_attachment_numbers_its_headings_afresh():
    report = [
        "关于开展专项督导的通知",
        "各县（区）：",
        "一、督导内容",
        "二、督导安排",
        "附件：督导工作方案",
        "附件",
        "督导工作方案",
        "一、目标",
        "二、步骤",
    ]
    assert found(*report) == []


def test_attachment_items_are_not_headings():
    report = ["一、总体情况", "工作有序推进。", "附件：1.示范点名单", "2.经费测算表"]
    assert found(*report) == []
    assert found("一、总体情况", "工作有序推进。", "附件：1、示范点名单", "2、经费测算表") == [
        ("attachment-item-number", "、", "."),
        ("attachment-item-number", "、", "."),
    ]


def test_run_in_items():
    assert found("一是加强学习。二是抓好落实。四是巩固成果。") == [("runin-gap", "四是", "三是")]
    assert found("二是强化理论武装。一是以上率下领学。二是坚持集中学。") == []  # a nested list restarts


def test_items_that_begin_with_a_year_or_a_number_are_items_not_decimals():
    items = ["一、重点任务", "（一）推进改革", "1.深化要素市场化配置改革。", "2.2026年起全面实施新标准。"]
    assert found(*items, "3.5+2区域合作持续深化。", "4.推进国资国企改革。") == []
    assert found("一、重点任务", "（一）推进改革", "1.5亿元用于建设。") == []  # a decimal, no item 1.
