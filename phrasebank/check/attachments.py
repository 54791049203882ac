"""附件说明 and 附件 (GB/T 9704-2012 7.3.6 and 8): punctuation, numbers, and agreement with the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.structure.outline import Role, Structure

_A = FindingKind.ATTACHMENT
NAME_MARK = Rule(
    "attachment-name-mark", _A, "GB/T 9704-2012 7.3.6（附件名称后不加标点符号）", "附件说明中附件名称后不加标点符号"
)
ITEM_NUMBER = Rule(
    "attachment-item-number",
    _A,
    "GB/T 9704-2012 7.3.6（附件：1.XXXXX）",
    "附件顺序号用阿拉伯数字加下脚点（写“1.”，不写“1、”）",
)
CITED_MISSING = Rule("attachment-cited-missing", _A, "GB/T 9704-2012 7.3.6", "正文提到的附件在附件说明中没有列出")
NOTE_MISSING = Rule("attachment-note-missing", _A, "GB/T 9704-2012 7.3.6", "正文后附有附件，但正文下没有附件说明")
TITLE_MISMATCH = Rule(
    "attachment-title-mismatch",
    _A,
    "GB/T 9704-2012 8（附件顺序号和附件标题应与附件说明的表述一致）",
    "附件标题与附件说明中的名称不一致",
)
RULES = (NAME_MARK, ITEM_NUMBER, CITED_MISSING, NOTE_MISSING, TITLE_MISMATCH)

_ITEM_RE = re.compile(r"^(\s*(?:附件\s*[：:])?\s*)(?:(\d{1,2})\s*([.．、]?)\s*)?(.*?)\s*$")
#: 见附件3, 按附件3要求, 附件3所列, （附件1）: the report pointing at one of its own 附件 — not at another
#: document's (《……通知》附件3, 《……》的附件2, 省政府办公厅通知附件2).
_CITED_RE = re.compile(r"(?<![》知件案法定函])(?<!意见)(?<!》的)(?<!通知的)附件\s*(\d{1,2})(?![\d.．\-－—])")
_APPENDIX_NUMBER_RE = re.compile(r"附件\s*(\d{1,2})")
_TRAILING_MARKS = "。；，、;,.：:"


@dataclass(frozen=True)
class Item:
    """One entry of the 附件说明."""

    paragraph: int
    number: int
    name: str  # as written, trailing marks included
    name_at: int  # column of the name in its paragraph
    mark: str  # the mark after the number: "." "．" "、" or ""
    mark_at: int


def items(structure: Structure) -> list[Item]:
    """The 附件说明's entries in order (a single unnumbered 附件 is number 1)."""
    result = []
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is not Role.ATTACHMENT_NOTE:
            continue
        match = _ITEM_RE.match(para.text)
        if not match or not match.group(4):
            continue  # 附件： alone, its items on the lines below
        _, number, mark, name = match.groups()
        value = int(number) if number else len(result) + 1
        mark_at = match.start(3) if number else -1
        result.append(Item(index, value, name, match.start(4), mark, mark_at))
    return result


def findings(structure: Structure) -> list[Finding]:
    """The 附件说明 checked by itself, against the citations in the text and against the 附件 pages."""
    listed = items(structure)
    result = []
    for item in listed:
        bare = item.name.rstrip(_TRAILING_MARKS)
        if bare != item.name:
            result.append(NAME_MARK.at(item.paragraph, item.name_at + len(bare), item.name[len(bare) :], ""))
        if item.mark in ("、", "．"):
            result.append(ITEM_NUMBER.at(item.paragraph, item.mark_at, item.mark, "."))
    numbers = {item.number for item in listed}
    roles = structure.roles
    for index, (para, role) in enumerate(zip(structure.paragraphs, roles, strict=True)):
        if role is Role.APPENDIX:
            break  # the 附件 pages themselves may cite anything
        if role in (Role.BODY, Role.HEADING) and "附件" in para.text:
            for match in _CITED_RE.finditer(para.text):
                if int(match.group(1)) not in numbers:
                    message = f"正文提到“{match.group(0)}”，附件说明中没有这一项"
                    result.append(CITED_MISSING.at(index, match.start(), match.group(0), None, message))
    return result + _pages(structure, listed)


def _pages(structure: Structure, listed: list[Item]) -> list[Finding]:
    """Each 附件 page's number and title against the 附件说明."""
    result = []
    by_number = {item.number: item for item in listed}
    roles, paragraphs = structure.roles, structure.paragraphs
    pages = [k for k, role in enumerate(roles) if role is Role.APPENDIX]
    if pages and not listed and Role.DATE in roles:  # a 公文 with its 成文日期; a speech may append lists
        result.append(NOTE_MISSING.at(pages[0], 0, paragraphs[pages[0]].text.strip()))
        return result
    for k in pages:
        title = next((m for m in range(k + 1, len(roles)) if roles[m] is not Role.EMPTY), None)
        if title is None or roles[title] is not Role.APPENDIX_TITLE:
            continue
        number = _APPENDIX_NUMBER_RE.match(paragraphs[k].text.strip())
        item = by_number.get(int(number.group(1)) if number else 1)
        written = paragraphs[title].text.strip()
        if item is not None and _comparable(written) != _comparable(item.name):
            expected = item.name.rstrip(_TRAILING_MARKS)
            message = f"{TITLE_MISMATCH.message}：附件说明写的是“{expected}”"
            result.append(TITLE_MISMATCH.at(title, paragraphs[title].text.find(written), written, expected, message))
    return result


def _comparable(name: str) -> str:
    return re.sub(r"[\s《》“”]", "", name).rstrip(_TRAILING_MARKS)
