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
    assert found(*notice) == [("request-closing", "妥否，请批示", None)]  # one closing, one finding
    report = [*REPORT[:3], "以上报告，妥否，请批示。", *REPORT[4:]]
    assert rules(*report) == {"request-closing"}


def test_a_request_closed_as_a_report():
    request = [*REQUEST[:3], "特此报告。", *REQUEST[4:]]
    assert found(*request) == [("report-closing-in-request", "特此报告", "特此请示")]
    assert found(*REPORT) == []  # a report's own closing


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


REPORT_BODY = ["市政府：", "现将有关情况报告如下。", "一、总体情况", "全市工作有序推进。", "妥否，请批示。"]


def test_the_genre_is_read_from_titles_as_offices_write_them():
    """A final 。, a title over two or three lines, a 版头 (机关标志, 发文字号, 签发人) above it."""
    expected = ("request-closing", "妥否，请批示", None)
    assert expected in found("关于2026年上半年安全生产工作情况的报告。", *REPORT_BODY)
    assert expected in found("关于2026年上半年全市安全生产", "工作情况的报告", *REPORT_BODY)
    assert expected in found("关于全市安全生产", "专项整治三年行动", "进展情况的报告", *REPORT_BODY)
    banner = ["云岭市应急管理局文件", "云应急报〔2026〕12号    签发人：张三"]
    assert expected in found(*banner, "关于2026年上半年安全生产工作情况的报告", *REPORT_BODY)
    assert expected in found("云应急报〔2026〕12号", "", "关于上半年工作情况的报告", *REPORT_BODY)


def test_a_letter_keeps_its_own_closing_and_is_told_about_a_requests():
    letter = ["关于商请支持开展联合执法检查的函", "市市场监管局：", "为做好联合执法检查工作，现商请贵局派员参加。"]
    assert found(*letter, "妥否，请函复。") == []
    assert ("request-closing-letter", "请批示", None) in found(*letter, "妥否，请批示。")


def test_your_government_upward_and_a_report_asking_for_money_or_posts():
    report = ["关于防汛救灾工作情况的报告", "市政府：", "现将有关情况报告如下。"]
    assert ("upward-you", "贵府", None) in found(*report, "感谢贵府的关心支持。")
    assert "report-with-request" in {f[0] for f in found(*report, "恳请市财政局核拨救灾资金500万元。")}
    assert "report-with-request" in {f[0] for f in found(*report, "恳请上级为我局增加行政编制5名。")}
    assert not [f for f in found(*report, "恳请上级继续给予关心支持。") if f[0] == "report-with-request"]


def test_a_title_without_its_genre_is_said_once_and_speeches_and_plans_are_left_alone():
    assert found("春季植树活动安排", "各单位：", "请做好植树工作。") == [("genre-unread", "春季植树活动安排", None)]
    assert found("在全市安全生产工作会议上的讲话", "同志们：", "今天召开会议。") == []
    assert found("2026年全市安全生产工作要点", "各单位：", "现将要点印发。") == []
    assert found("全市工作有序推进。", "各项任务落实到位。") == []  # no title, no 主送: not a 公文 to judge
