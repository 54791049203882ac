"""文种 and 行文 (《党政机关公文处理工作条例》第八条、第十五条)."""

from __future__ import annotations

from checking import found, rules

REQUEST = [
    "关于申请专项经费的请示",
    "市财政局：",
    "为做好督导工作，需专项经费10万元。",
    "妥否，请批示。",
    "市审计局",
    "2026年3月1日",
]
REPORT = [
    "关于2026年上半年工作情况的报告",
    "市人民政府：",
    "上半年，我局工作有序推进。",
    "特此报告。",
    "市审计局",
    "2026年7月1日",
]
NOTICE = ["关于做好防汛工作的通知", "各县（区）人民政府：", "请你县认真落实防汛责任。", "市人民政府", "2026年5月1日"]


def test_correct_documents_of_each_kind_have_no_finding():
    assert found(*REQUEST) == found(*REPORT) == found(*NOTICE) == []


def test_request_closing_in_a_notice_or_a_report():
    notice = [*NOTICE[:3], "妥否，请批示。", *NOTICE[3:]]
    assert found(*notice) == [("request-closing", "妥否", None), ("request-closing", "请批示", None)]
    report = [*REPORT[:3], "以上报告，妥否，请批示。", *REPORT[4:]]
    assert rules(*report) == {"request-closing"}


def test_a_report_that_asks_for_approval():
    report = [*REPORT[:3], "请予批准拨付专项经费10万元。", *REPORT[3:]]
    assert found(*report) == [("report-with-request", "请予批准", None)]


def test_request_report_is_no_genre():
    assert ("request-report-genre", "请示报告", None) in found("关于申请专项经费的请示报告", *REQUEST[1:])


def test_a_request_to_several_organs_or_to_a_person():
    assert found(REQUEST[0], "市政府、市财政局：", *REQUEST[2:]) == [
        ("request-one-recipient", "市政府、市财政局", None)
    ]
    assert found(REQUEST[0], "张市长：", *REQUEST[2:]) == [("upward-to-person", "张市长", None)]
    assert found(REPORT[0], "王主任：", *REPORT[2:]) == [("upward-to-person", "王主任", None)]


def test_you_and_your_bureau_upward():
    request = [*REQUEST[:2], "恳请贵局支持，请你局拨付专项经费。", *REQUEST[3:]]
    assert [r for r, _, _ in found(*request)] == ["upward-you", "upward-you"]
    assert found(*NOTICE) == []  # 你县 in a notice to 各县 is right


def test_a_classified_mark_warns_about_the_computer():
    assert found("机密★1年", *REPORT) == [("classified-draft", "机密", None)]
    assert found("秘密", *NOTICE)[0][0] == "classified-draft"
    assert found(*REPORT, "本报告不涉及秘密事项。") == []
