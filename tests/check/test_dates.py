"""Dates: forms, weekdays, deadlines against the 成文日期, mixed year forms."""

from __future__ import annotations

import pytest
from checking import fixed, found

NOTICE = ["关于召开全市安全生产工作会议的通知", "各县（区）人民政府：", "定于召开全市安全生产工作会议。"]
SIGNED = ["云岭市人民政府", "2026年3月5日"]


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("会议于2026.3.5召开。", "会议于2026年3月5日召开。"),
        ("会议于2026-03-05召开。", "会议于2026年3月5日召开。"),
        ("会议于2026/3/5召开。", "会议于2026年3月5日召开。"),
        ("会议于2026年3月5召开。", "会议于2026年3月5日召开。"),
    ],
)
def test_dates_in_other_forms_are_written_out(wrong, right):
    assert fixed(wrong) == right


@pytest.mark.parametrize(
    "clean",
    [
        "依据GB/T 9704-2012排版。",
        "会议于2026年3月5日至7日召开，2026年3月5—7日报到。",
        "版本号为1.2.3，增长2.5%。",
        "2026年3月5日（星期四）上午9时。",
        "2024年2月29日是闰日，2月29日、4月30日、12月31日都是有的日子。",
        "截至3月31日，1月至3月共完成12项，第13号文件。",
    ],
)
def test_right_dates_and_numbers_that_look_like_dates_are_left_alone(clean):
    assert [rule for rule, _, _ in found(clean) if rule.startswith("date-")] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("请于2026年2月30日前报送。", "2026年2月30日"),
        ("定于4月31日召开。", "4月31日"),
        ("2025年2月29日", "2025年2月29日"),
        ("13月5日前完成。", "13月5日"),
    ],
)
def test_a_day_the_calendar_does_not_have_is_named_without_a_guess(text, date):
    assert ("date-impossible", date, None) in found(text)


def test_a_weekday_that_does_not_fit_the_date():
    assert ("date-weekday", "星期三", "星期四") in found("会议定于2026年3月5日（星期三）召开。")
    assert ("date-weekday", "周三", "周四") in found(*NOTICE, "会议定于3月5日（周三）召开。", *SIGNED)


def test_a_deadline_before_the_date_of_the_document():
    late = found(*NOTICE, "请于3月1日前报送参会名单。", *SIGNED)
    assert ("date-deadline", "3月1日前", None) in late
    assert not [f for f in found(*NOTICE, "请于3月10日前报送参会名单。", *SIGNED) if f[0] == "date-deadline"]


def test_years_in_both_forms_in_one_document():
    assert ("date-mixed-years", "二〇二六年", None) in found(*NOTICE, "二〇二六年起，按2026年标准执行。", *SIGNED)
    report = ["2026年政府工作报告", "到二〇三五年基本实现社会主义现代化，2026年经济增长5%。"]
    assert not [f for f in found(*report) if f[0] == "date-mixed-years"]  # a report, as the Party writes it


def test_a_date_line_with_its_weekday_is_the_date_of_the_document_and_is_checked():
    findings = found(*NOTICE, "请于3月1日前报送。", "云岭市人民政府", "2026年3月5日（星期三）")
    assert ("date-weekday", "星期三", "星期四") in findings and ("date-deadline", "3月1日前", None) in findings
