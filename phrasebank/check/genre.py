"""文种 and 行文 (《党政机关公文处理工作条例》第八条、第十五条): wording that belongs to another 文种,
请示 sent to several organs or to a person, 你局/贵局 upward, and classified marks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.document.masthead import BANNER_LINES, CLASSIFIED_RE
from phrasebank.structure.outline import Role, Structure
from phrasebank.structure.titles import title_genre
from phrasebank.text.lazy import lazy

_G = FindingKind.GENRE
_REGULATIONS = "《党政机关公文处理工作条例》"
REQUEST_CLOSING = Rule(
    "request-closing",
    _G,
    f"{_REGULATIONS}第八条（请示用于请求指示、批准）、第十五条（四）",
    "“妥否，请批示”一类是请示的结束语，不用在通知、报告等其他文种中",
    # the whole closing as one finding: 妥否，请批示 is one slip, not two
    lazy(r"(?:妥否|当否)(?:[，,]\s*(?:请批示|请予批示|请审示))?|请批示|请予批示|请审示|特此请示"),
)
LETTER_CLOSING = Rule(
    "request-closing-letter",
    _G,
    f"{_REGULATIONS}第八条（函用于不相隶属机关之间商洽工作、询问和答复问题、请求批准）",
    "函不用“请批示”一类上行请示的结束语，常用“妥否，请函复”“请予研究函复”",
    lazy(r"请批示|请予批示|请审示|特此请示"),
)
REPORT_CLOSING_IN_REQUEST = Rule(
    "report-closing-in-request",
    _G,
    f"{_REGULATIONS}第八条（请示用于请求指示、批准；报告用于汇报工作）",
    "“特此报告”是报告的结束语；请示以“妥否，请批示”“特此请示”一类请求批示的话结束",
    lazy(r"特此报告"),
    lambda _: "特此请示",
)
REPORT_WITH_REQUEST = Rule(
    "report-with-request",
    _G,
    f"{_REGULATIONS}第十五条（四）（不得在报告等非请示性公文中夹带请示事项）",
    "报告中不得夹带请示事项：需要上级批准的事项另行请示",
    lazy(
        r"(?:请|恳请|望|特请)(?:予以|予)?(?:批准|审批|批复|核准|审定|拨付|核拨)"
        r"|(?:恳请|请求|特请|请)[^。；！]{0,24}?(?:核拨|拨付|追加|增拨|划拨|核增|增加[^。；！]{0,6}?编制)"
    ),
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
    "上行文中称上级机关不用“你局”“贵府”一类说法，直称机关名称",
    lazy(r"[你贵](?:局|厅|委|部|办|院|府|市|省|县|区|处|室|署|司|校|单位|公司|中心|集团)"),
)
CLASSIFIED = Rule(
    "classified-draft",
    _G,
    "《中华人民共和国保守国家秘密法》（不得使用非涉密计算机、存储设备存储、处理国家秘密）",
    "标有密级的公文属于国家秘密，不得在连接互联网的普通计算机上起草、保存；请在涉密计算机上处理",
)
GENRE_UNREAD = Rule(
    "genre-unread",
    _G,
    "GB/T 9704-2012 7.3.1（标题由发文机关名称、事由和文种组成）",
    "标题没有以文种结尾（通知、请示、报告、函、纪要……），请写明文种；文种和行文方面的检查因此没有做",
)
RULES = (
    GENRE_UNREAD,
    REQUEST_CLOSING,
    LETTER_CLOSING,
    REPORT_CLOSING_IN_REQUEST,
    REPORT_WITH_REQUEST,
    REQUEST_REPORT,
    REQUEST_RECIPIENTS,
    UPWARD_TO_PERSON,
    UPWARD_YOU,
    CLASSIFIED,
)

_UPWARD = {"请示", "报告", "汇报", "请示报告"}
#: Titles of texts that are not 公文 themselves (speeches, plans, summaries …): no 文种 is expected.
_OTHER_TEXT_RE = lazy(
    r"(讲话|发言|致辞|讲稿|演讲|主持词|提纲|要点|方案|规划|计划|总结|办法|规定|细则|制度|章程|纲要|材料|情况|说明|简报|清单)$"
)
#: A speech's audience, not a 主送机关.
_AUDIENCE_RE = lazy(r"^(同志们|各位代表|各位委员|各位领导|女士们|先生们|朋友们)")
_PERSON_RE = lazy(r"同志|书记|省长|市长|县长|区长|厅长|局长|部长|处长|主任|主席|总理|领导")
#: "密级：" before the mark, as some drafts write it.
_SECRECY_LABEL_RE = lazy(r"^密级[：:]")


def genre(structure: Structure) -> str:
    """The 文种 named at the end of the title ("" when the title names none)."""
    return read_title(structure)[0]


def read_title(structure: Structure) -> tuple[str, int]:
    """(文种, index of the title's last line) — the title read as written: one to three lines, a final
    。 or none, below a 版头 (which the checker blanks out before). ("", -1) when no 文种 is named."""
    return title_genre((index, para.text) for index, para in enumerate(structure.paragraphs))


def findings(structure: Structure) -> list[Finding]:
    """What the 文种 and the direction of the document rule out."""
    kind, title_end = read_title(structure)
    result: list[Finding] = []
    if not kind:
        return _unread(structure)
    recipient_seen = False
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        text = para.text
        if role is Role.APPENDIX:
            break
        if index <= title_end:
            if "请示报告" in text:
                result.append(REQUEST_REPORT.at(index, text.find("请示报告"), "请示报告"))
            continue
        if not text.strip():
            continue
        if not recipient_seen:
            recipient_seen = True
            if text.strip().endswith(("：", ":")) and len(text.strip()) <= 60:
                if kind in _UPWARD:
                    result += _recipients(index, text, kind)
                continue
        if role in (Role.SIGNATURE, Role.DATE, Role.ATTACHMENT_NOTE, Role.NOTE):
            continue
        if kind in ("函", "复函"):
            result += LETTER_CLOSING.find(index, text)
        elif kind not in ("请示", "请示报告"):
            result += REQUEST_CLOSING.find(index, text)
        if kind == "请示":
            result += REPORT_CLOSING_IN_REQUEST.find(index, text)
        if kind in ("报告", "汇报"):
            result += REPORT_WITH_REQUEST.find(index, text)
        if kind in _UPWARD:
            result += UPWARD_YOU.find(index, text)
    return result


def _unread(structure: Structure) -> list[Finding]:
    """Said once, at the title: a 公文 (a title, then a 主送 line) whose title names no 文种. Speeches,
    plans and summaries are left alone: their titles name what they are."""
    roles = structure.roles
    title = next((k for k, role in enumerate(roles) if role is Role.TITLE), None)
    recipient = next((k for k, role in enumerate(roles) if role is Role.RECIPIENT), None)
    if title is None or recipient is None:
        return []
    text = structure.paragraphs[title].text.strip()
    if _OTHER_TEXT_RE.search(text.rstrip("。.")) or _AUDIENCE_RE.match(structure.paragraphs[recipient].text.strip()):
        return []
    return [GENRE_UNREAD.at(title, structure.paragraphs[title].text.find(text), text)]


def _recipients(index: int, text: str, kind: str) -> list[Finding]:
    found = text.strip().rstrip("：:")
    column = text.find(found)
    result = []
    if _PERSON_RE.search(found):
        result.append(UPWARD_TO_PERSON.at(index, column, found))
    elif kind.startswith("请示") and re.search("[、，,；;]|和", found):
        result.append(REQUEST_RECIPIENTS.at(index, column, found))
    return result


def classified_findings(paragraphs: Sequence[str]) -> list[Finding]:
    """A 密级 among the lines where the 版头 stands (the same lines `masthead` reads it from)."""
    for index in [k for k, text in enumerate(paragraphs) if text.strip()][:BANNER_LINES]:
        line = _SECRECY_LABEL_RE.sub("", re.sub(r"[ \u3000]", "", paragraphs[index].strip())).strip()
        match = CLASSIFIED_RE.match(line)
        if match:
            return [CLASSIFIED.at(index, paragraphs[index].find(match.group(1)), match.group(1))]
    return []
