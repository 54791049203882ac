"""主送 line, 抄送 line and 署名 against the 发文机关标志."""

from __future__ import annotations

from checking import found

TITLE = "关于开展安全生产大检查的通知"
BODY = ["为切实做好安全生产工作，现就有关事项通知如下。", "一、检查内容", "全面排查隐患。"]


def test_a_recipient_line_without_its_colon_or_ending_in_a_full_stop():
    assert ("recipient-colon", "府", "府：") in found(TITLE, "各县（区）人民政府", *BODY)
    assert ("recipient-colon", "。", "：") in found(TITLE, "各县（区）人民政府，市直各部门。", *BODY)
    assert not [f for f in found(TITLE, "各县（区）人民政府，市直各部门：", *BODY) if f[0] == "recipient-colon"]
    assert not [f for f in found(TITLE, "为切实做好安全生产工作，现通知如下。", *BODY) if f[0] == "recipient-colon"]


def test_a_copy_to_line_ends_with_a_full_stop():
    assert ("copy-to-stop", "办", "办。") in found("抄送：市委办，市人大常委会办")
    assert found("抄送：市委办，市人大常委会办。") == []


def test_the_signature_names_the_organ_of_the_banner():
    banner = ["云岭市应急管理局文件", "云应急发〔2026〕12号"]
    end = ["2026年3月5日"]
    assert ("signature-issuer", "云岭市交通运输局", None) in found(*banner, TITLE, *BODY, "云岭市交通运输局", *end)
    assert not [f for f in found(*banner, TITLE, *BODY, "云岭市应急管理局", *end) if f[0] == "signature-issuer"]
    short = ["云岭市人民政府文件", "云政发〔2026〕12号"]
    assert not [f for f in found(*short, TITLE, *BODY, "云岭市政府", *end) if f[0] == "signature-issuer"]


def test_a_signature_that_drops_the_organ_type_names_another_organ():
    """领导小组 is not its own 办公室 (an 18-character organ name, as offices have them); 市政府办 is the usual
    short form of 市人民政府办公室."""
    office = "云岭市推进长江经济带发展领导小组办公室"
    banner, end = [f"{office}文件", "云长江办发〔2026〕5号"], ["2026年3月5日"]
    signed = found(*banner, TITLE, *BODY, "云岭市推进长江经济带发展领导小组", *end)
    assert ("signature-issuer", "云岭市推进长江经济带发展领导小组", None) in signed
    assert not [f for f in found(*banner, TITLE, *BODY, office, *end) if f[0] == "signature-issuer"]
    general = ["云岭市人民政府办公室文件", "云政办发〔2026〕5号"]
    for short in ("云岭市政府办公室", "云岭市政府办"):
        assert not [f for f in found(*general, TITLE, *BODY, short, *end) if f[0] == "signature-issuer"]
