"""文种 and 行文 (《党政机关公文处理工作条例》第八条、第十五条): wording that belongs to another 文种,
请示 sent to several organs or to a person, 你局/贵局 upward, and classified marks."""

from __future__ import annotations

import re

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.document.masthead import BANNER_LINES, CLASSIFIED_RE
from phrasebank.structure.outline import Role, Structure

_G = FindingKind.GENRE
_REGULATIONS = "《党政机关公文处理工作条例》"
REQUEST_CLOSING = Rule(
    "request-closing",
    _G,
    f"{_REGULATIONS}第八条（请示用于请求指示、批准）、第十五条（四）",
    "“妥否，请批示”一类是请示的结束语，不用在通知、报告等其他文种中",
    re.compile(r"妥否|当否|请批示|请予批示|请审示|特此请示"),
)
REPORT_WITH_REQUEST = Rule(
    "report-with-request",
    _G,
    f"{_REGULATIONS}第十五条（四）（不得在报告等非请示性公文中夹带请示事项）",
    "报告中不得夹带请示事项：需要上级批准的事项另行请示",
    re.compile(r"(?:请|恳请|望|特请)(?:予以|予)?(?:批准|审批|批复|核准|审定|拨付)"),
)
REQUEST_REPORT = Rule(
    "request-report-genre",
    _G,
    f"{_REGULATIONS}第八条（法定文种中没有“请示报告”）",
    "“请示报告”不是文种：请求批准用“请示”，汇报工作用“报告”",
)
REQUEST_RECIPIENTS = Rule(
    "request-one-recipient",
    _G,
    f"{_REGULATIONS}第十五条（一）（原则上主送一个上级机关）",
    "请示只主送一个上级机关，其他机关用抄送",
)
UPWARD_TO_PERSON = Rule(
    "upward-to-person",
    _G,
    f"{_REGULATIONS}第十五条（五）（不得以本机关名义向上级机关负责人报送公文）",
    "请示、报告主送上级机关，不主送领导个人",
)
UPWARD_YOU = Rule(
    "upward-you",
    _G,
    "公文称谓惯例：“你”用于下行文，“贵”用于平行文（函）",
    "上行文中称上级机关不用“你局”“贵局”一类说法，直称机关名称",
    re.compile(r"[你贵](?:局|厅|委|部|办|院|市|省|县|区|处|室|署|司|校|单位|公司|中心|集团)"),
)
CLASSIFIED = Rule(
    "classified-draft",
    _G,
    "《中华人民共和国保守国家秘密法》（不得使用非涉密计算机、存储设备存储、处理国家秘密）",
    "标有密级的公文属于国家秘密，不得在连接互联网的普通计算机上起草、保存；请在涉密计算机上处理",
)
RULES = (
    REQUEST_CLOSING,
    REPORT_WITH_REQUEST,
    REQUEST_REPORT,
    REQUEST_RECIPIENTS,
    UPWARD_TO_PERSON,
    UPWARD_YOU,
    CLASSIFIED,
)

#: The 文种 a title ends with (《条例》第八条; 汇报 read as 报告, 复函 as 函).
_GENRE_RE = re.compile(
    r"(请示报告|请示|报告|汇报|通知|通报|批复|意见|决定|复函|函|纪要|公告|通告|决议|议案|命令|公报)$"
)
_UPWARD = {"请示", "报告", "汇报", "请示报告"}
_PERSON_RE = re.compile(r"同志|书记|省长|市长|县长|区长|厅长|局长|部长|处长|主任|主席|总理|领导")
#: "密级：" before the mark, as some drafts write it.
_SECRECY_LABEL_RE = re.compile(r"^密级[：:]")


def genre(structure: Structure) -> str:
    """The 文种 named at the end of the title ("" when the title names none)."""
    for para, role in zip(structure.paragraphs, structure.roles, strict=True):
        if role in (Role.TITLE, Role.SUBTITLE):
            match = _GENRE_RE.search(para.text.strip())
            if match:
                return match.group(1)
        elif role not in (Role.EMPTY,):
            break
    return ""


def findings(structure: Structure) -> list[Finding]:
    """What the 文种 and the direction of the document rule out."""
    kind = genre(structure)
    result = _classified(structure)
    if not kind:
        return result
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        text = para.text
        if role is Role.APPENDIX:
            break
        if role in (Role.TITLE, Role.SUBTITLE) and "请示报告" in text:
            result.append(REQUEST_REPORT.at(index, text.find("请示报告"), "请示报告"))
        elif role is Role.RECIPIENT and kind in _UPWARD:
            result += _recipients(index, text, kind)
        elif role in (Role.BODY, Role.HEADING):
            if kind not in ("请示", "请示报告"):
                result += REQUEST_CLOSING.find(index, text)
            if kind in ("报告", "汇报"):
                result += REPORT_WITH_REQUEST.find(index, text)
            if kind in _UPWARD:
                result += UPWARD_YOU.find(index, text)
    return result


def _recipients(index: int, text: str, kind: str) -> list[Finding]:
    found = text.strip().rstrip("：:")
    column = text.find(found)
    result = []
    if _PERSON_RE.search(found):
        result.append(UPWARD_TO_PERSON.at(index, column, found))
    elif kind.startswith("请示") and re.search("[、，,；;]|和", found):
        result.append(REQUEST_RECIPIENTS.at(index, column, found))
    return result


def _classified(structure: Structure) -> list[Finding]:
    """A 密级 among the lines where the 版头 stands (the same lines `masthead` reads it from)."""
    paragraphs = structure.paragraphs
    for index in [k for k, para in enumerate(paragraphs) if para.text.strip()][:BANNER_LINES]:
        line = _SECRECY_LABEL_RE.sub("", re.sub(r"[ \u3000]", "", paragraphs[index].text.strip())).strip()
        match = CLASSIFIED_RE.match(line)
        if match:
            return [CLASSIFIED.at(index, paragraphs[index].text.find(match.group(1)), match.group(1))]
    return []
