"""附件说明 and 附件 pages (GB/T 9704-2012 7.3.6, 8)."""

from __future__ import annotations

from checking import found

NOTICE = [
    "关于开展示范点建设的通知",
    "各县（区）人民政府：",
    "现将有关事项通知如下，示范点名单见附件1，经费测算见附件2。",
    "附件：1.示范点名单",
    "2.经费测算表",
    "市人民政府",
    "2026年3月1日",
    "附件1",
    "示范点名单",
    "附件2",
    "经费测算表",
]


def test_a_consistent_attachment_note_has_no_finding():
    assert found(*NOTICE) == []


def test_a_mark_after_an_attachment_name():
    report = NOTICE.copy()
    report[3] = "附件：1.示范点名单；"
    assert found(*report) == [("attachment-name-mark", "；", "")]


def test_an_attachment_cited_but_not_listed():
    report = NOTICE.copy()
    report[2] = "示范点名单见附件1，经费测算见附件2，考核办法见附件3。"
    assert found(*report) == [("attachment-cited-missing", "附件3", None)]


def test_an_attachment_title_that_differs_from_its_entry():
    report = NOTICE.copy()
    report[10] = "经费预算表"
    assert found(*report) == [("attachment-title-mismatch", "经费预算表", "经费测算表")]


def test_attachment_pages_without_a_note():
    report = NOTICE[:3] + NOTICE[5:]
    assert ("attachment-note-missing", "附件1", None) in found(*report)
    speech = [
        "2026年政府工作报告",
        "各位代表：",
        "现在，我代表市人民政府作报告。",
        "附件",
        "2026年民生实事",
        "1.新增就业5万人。",
    ]
    assert found(*speech) == []  # no 成文日期: a speech with a list appended, not a 公文


def test_citing_another_documents_attachment_is_not_a_slip():
    assert found("按照省政府办公厅通知附件2的要求，做好统计工作。") == []


def test_an_attachment_cited_in_any_wording():
    for cited in ("请按附件3要求报送。", "附件3所列项目要按期完成。", "具体标准详见附件3。", "填写附件3并报送。"):
        report = NOTICE.copy()
        report[2] = "示范点名单见附件1，经费测算见附件2。" + cited
        assert found(*report) == [("attachment-cited-missing", "附件3", None)], cited
    assert found("按照《关于开展专项检查的通知》附件3的要求，做好统计工作。") == []
