"""The parts around the text (GB/T 9704-2012 7.3.3, 7.3.5, 7.4.2): the 主送机关 line ends with a full-width
colon, the 抄送 line with a full stop, and the 署名 names the organ of the 发文机关标志."""

from __future__ import annotations

import re
from collections.abc import Sequence

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.check.genre import read_title
from phrasebank.document.masthead import split_masthead
from phrasebank.structure.outline import Role, Structure

_P = FindingKind.PARTS
RECIPIENT_COLON = Rule(
    "recipient-colon", _P, "GB/T 9704-2012 7.3.2（主送机关名称后标全角冒号）", "主送机关名称后用全角冒号“：”"
)
COPY_TO_STOP = Rule(
    "copy-to-stop", _P, "GB/T 9704-2012 7.4.2（最后一个抄送机关名称后标句号）", "抄送机关名称最后标句号"
)
SIGNATURE_ISSUER = Rule(
    "signature-issuer",
    _P,
    "GB/T 9704-2012 7.2.4、7.3.5（署名为发文机关全称或者规范化简称）",
    "署名与版头的发文机关不一致",
)
RULES = (RECIPIENT_COLON, COPY_TO_STOP, SIGNATURE_ISSUER)

#: How the name of an organ (or a list of them) ends: 人民政府, 局, 各县（区）人民政府, 有关单位.
_ORGAN_END_RE = re.compile(
    r"(?:政府|人大常委会|政协|党委|党组|委员会|办公室|办公厅|局|厅|委|部|办|署|院|处|室|中心|公司|集团|学校"
    r"|单位|部门|机关|机构|街道|乡镇|镇|乡|组|会)$"
)


def findings(index: int, text: str) -> list[Finding]:
    """抄送：…… without its final 。 (a 版记 line, wherever the text holds it)."""
    stripped = text.strip()
    if not stripped.startswith(("抄送：", "抄送:")) or stripped.endswith("。"):
        return []
    end = text.rstrip().rstrip("，,；;、")
    return [COPY_TO_STOP.at(index, len(end) - 1, end[-1], end[-1] + "。")]


def document_findings(structure: Structure) -> list[Finding]:
    """The 主送 line right under the title: a list of organs ending without its colon (or with 。)."""
    kind, title_end = read_title(structure)
    if not kind:
        return []
    for index in range(title_end + 1, len(structure.paragraphs)):
        text = structure.paragraphs[index].text
        stripped = text.strip()
        if not stripped:
            continue
        core = stripped.rstrip("。.：:,，")
        if stripped.endswith(("：", ":")) and not stripped.endswith(":"):
            return []
        if len(core) > 40 or re.search("[。；！？]", core) or not _ORGAN_END_RE.search(core):
            return []
        at = text.find(stripped) + len(core)
        found = stripped[len(core) :] or core[-1]
        fix = "：" if stripped[len(core) :] else core[-1] + "："
        return [RECIPIENT_COLON.at(index, at if stripped[len(core) :] else at - 1, found, fix)]
    return []


def signature_findings(paragraphs: Sequence[str], structure: Structure) -> list[Finding]:
    """The 署名 against the 发文机关标志 (……文件): the same organ, or its short form (云岭市政府)."""
    masthead, _ = split_masthead(paragraphs)
    issuer = masthead.issuer.removesuffix("文件").strip()
    if not issuer or not masthead.issuer.endswith("文件"):
        return []
    signatures = [k for k, role in enumerate(structure.roles) if role is Role.SIGNATURE]
    if len(signatures) != 1:
        return []  # 联合行文 or none: nothing to compare one to one
    index = signatures[0]
    name = structure.paragraphs[index].text.strip()
    short, full = sorted((name, issuer), key=len)
    if _is_short_form(short, full):
        return []
    message = f"署名“{name}”与版头的发文机关“{issuer}”不一致"
    return [SIGNATURE_ISSUER.at(index, structure.paragraphs[index].text.find(name), name, None, message)]


def _is_short_form(short: str, full: str) -> bool:
    """Whether `short` keeps the characters of `full` in order and names the same kind of organ (云岭市政府 of
    云岭市人民政府, 市政府办 of 市人民政府办公室; not 领导小组 of 领导小组办公室, another organ)."""
    if not (short.endswith(full[-1]) or (short.endswith("办") and full.endswith(("办公室", "办公厅")))):
        return False
    position = 0
    for ch in short:
        position = full.find(ch, position) + 1
        if position == 0:
            return False
    return True
