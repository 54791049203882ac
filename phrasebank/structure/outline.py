"""Report structure: title, numbered headings, run-in heads, and the section type of every paragraph.

Parsing is split in two so that an editor can keep it live: `parse_paragraph` looks at one
paragraph alone (the costly part, cached per text), and `Structure` runs a cheap linear pass over
those results to place the title block and carry section types down from headings and body cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

from phrasebank.kinds import SectionType
from phrasebank.structure.tables import is_row
from phrasebank.text.chars import NUMERALS, PLACEHOLDER_RE, SENTENCE_END
from phrasebank.text.lazy import lazy

_CN_NUM = NUMERALS

#: Heading levels by numbering style, as GB/T 9704 orders them: 一、 （一） 1. （1）
_HEADING_RES = (
    (1, lazy(rf"^([{_CN_NUM}]+、)(?!\s*$)")),
    (2, lazy(rf"^([（(][{_CN_NUM}]+[）)])\s*")),
    # 1. but not the decimal 1.5亿元; an item may begin with a year (20.2026年……) or a name such as 5+2
    (3, lazy(r"^(\d{1,2}[.．、])(?:(?!\d)|(?=\d{4}年)|(?=\d{1,2}[+＋]\d))\s*")),
    (4, lazy(r"^([（(]\d{1,2}[）)])\s*")),
)
_RUNIN_RE = lazy(
    rf"^(?:([{_CN_NUM}]{{1,3}}(?:是|要|方面))|(首先|其次|再次|最后|第[{_CN_NUM}]{{1,3}}|另一方面|同时)(?=[，,、：:]))"
)
_APPENDIX_RE = lazy(r"^附件\s*\d*\s*[：:]?$")
_ATTACHMENT_NOTE_RE = lazy(r"^附件[：:]\s*\S")
_ATTACHMENT_ITEM_RE = lazy(r"^\d{1,2}[.．、]\s*\S")
_NOTE_RE = lazy(r"^[（(][^（()）]+[）)]$")
#: A 成文日期 line, also as a template leaves it to fill in (X年X月X日).
_DATE_RE = lazy(
    rf"^(?:\d{{4}}|[{_CN_NUM}]{{4}}|[xX]{{1,4}})年(?:[\d{_CN_NUM}]{{1,2}}|[xX]{{1,2}})月(?:[\d{_CN_NUM}]{{1,3}}|[xX]{{1,2}})日$"
)
#: A 纪要's attendance lines (出席：……): text of the 纪要, never a 署名.
_ATTENDANCE_RE = lazy(r"^(?:出席|列席|请假|缺席|记录|参加|参会)(?:人员|单位|领导)?[：:]")

#: Heading keywords per section type; a heading may name two types (存在的问题和下步打算).
_HEADING_CUES: tuple[tuple[SectionType, re.Pattern[str]], ...] = (
    (SectionType.PROBLEMS, lazy(r"问题(?!导向)|不足|差距|短板|困难|薄弱|挑战")),
    (
        SectionType.NEXT_STEPS,
        lazy(
            r"下步|下一步|建议|打算|努力方向|工作安排|工作思路|工作计划|主要任务|重点任务|目标任务|主要目标|重点工作|今后|展望|规划|纲要"
            r"|工作任务|主要考虑|总体要求|政策取向|发展目标"
        ),
    ),
    # 特色 names the section (特色亮点, 工作特色, 特色做法), not what a place or a policy has (中国特色社会主义,
    # 内蒙古特色的产业, 特色产业)
    (SectionType.HIGHLIGHTS, lazy(r"亮点|特色(?=亮点|做法|工作|经验|和|与|及|[、，,。：:]|$)|经验|启示|典型|创新做法")),
    (SectionType.OVERVIEW, lazy(r"回顾|成就|成效|成果(?!转化)|成绩|进展|情况|总体|基本|取得")),
    (SectionType.MEASURES, lazy(r"做法|举措|措施|主要工作|工作开展")),
    (SectionType.CLOSING, lazy(r"结语|结束语")),
)
_STRONG_OVERVIEW_RE = lazy(r"回顾|成就")

#: Body cues that decide a paragraph's type where headings do not.
_CLOSING_RE = lazy(
    r"^(?:总之|总而言之|综上所述)|特此(?:报告|汇报)|。总之[，,]|(?:让我们|我们要)更加紧密地?团结"
    r"|让我们[^。]{0,30}(?:奋斗|努力|携手|奋进)"
)
_NEXT_RE = lazy(r"^(?:下一步|下步|今后|下阶段|下一阶段|下一步工作中)[，,：:]?")
_PROBLEM_RE = lazy(
    r"(?:存在|还有|仍有|仍然|面临|也有)[^。；]{0,16}(?:问题|不足|差距|短板|困难|挑战|薄弱)"
    r"|(?:不足|差距|问题)(?:主要)?(?:表现在|体现在)"
)
#: Seeing the problems clearly (我们也清醒地看到，……) opens them, in the first sentence or the second (安不忘危，
#: 兴不忘忧。我们清醒认识到……).
_AWARE_RE = lazy(r"清醒地?(?:认识|看到)")
_OPENING_RE = lazy(r"现将[^。]{0,30}(?:报告|汇报)如下|具体情况如下|向大会报告")


class Role(StrEnum):
    """What a paragraph is in the report's layout."""

    TITLE = "title"
    SUBTITLE = "subtitle"  # title-block lines under the title: date line, author
    RECIPIENT = "recipient"  # 主送机关 / 各位代表：
    HEADING = "heading"
    BODY = "body"
    SIGNATURE = "signature"  # 落款
    DATE = "date"  # 成文日期
    ATTACHMENT_NOTE = "attachment-note"  # 附件说明: 附件：1.…… and its further items
    NOTE = "note"  # 附注 under the date: （此文公开发布）
    APPENDIX = "appendix"  # 附件 line: what follows is outside the report's sections
    APPENDIX_TITLE = "appendix-title"  # an attachment's title, under its 附件 line
    TABLE = "table"  # a table row (│cell│cell│): its cells are never given a role
    EMPTY = "empty"


@dataclass(frozen=True)
class Paragraph:
    """What one paragraph says about itself, without looking at its neighbours."""

    text: str
    role: Role
    level: int = 0  # 1..4 for headings
    number: str = ""  # numbering as written: 一、 （一） 1. （1） or the run-in 一是
    head: str = ""  # heading text or run-in head text, without numbering
    cue: SectionType | None = None  # what the body text itself says it is
    heading_types: tuple[SectionType, ...] = ()
    titleish: bool = False  # short, unpunctuated: a title, subtitle or signature candidate
    addressish: bool = False  # short, ends in ：: 主送机关 when it is the first line after the title

    @property
    def is_runin(self) -> bool:
        return self.role is Role.BODY and bool(self.number)

    @cached_property
    def tense(self) -> tuple[int, int]:
        """How often the text speaks of tasks ahead and of work done (`_chapters_by_content`), counted
        once per paragraph: a keystroke re-counts only the paragraph it changed."""
        return len(_AHEAD_RE.findall(self.text)), len(_DONE_RE.findall(self.text))

    @cached_property
    def placement(self) -> tuple:
        """Everything `Structure._place` reads of this paragraph: an edit that leaves it as it was leaves
        every role and section of the report as they were."""
        stripped = self.text.strip()
        return (
            self.role,
            self.level,
            self.number,
            self.head,
            self.cue,
            self.heading_types,
            self.titleish,
            self.addressish,
            self.tense,
            stripped if self.titleish or self.role is not Role.BODY else "",
            bool(_ATTACHMENT_ITEM_RE.match(stripped)),
            bool(_NOTE_RE.match(stripped)),
            stripped in _ADDRESS_LINES,
        )

    @cached_property
    def placeholders(self) -> int:
        """How many unfilled slots (XX, ×× …) the text holds, counted once per paragraph."""
        return len(PLACEHOLDER_RE.findall(self.text)) if _PLACEHOLDER_CLUE_RE.search(self.text) else 0


class NodeKind(StrEnum):
    """What an outline line stands for."""

    TITLE = "title"
    HEADING = "heading"
    RUNIN = "runin"  # a paragraph-leading run-in head: 一是……。


@dataclass(frozen=True)
class OutlineNode:
    """One line of the outline: the title, a heading, or a paragraph-leading run-in head."""

    index: int  # paragraph index
    kind: NodeKind
    level: int  # 0 title, 1..4 headings, 5 run-in heads
    number: str
    text: str
    section: SectionType | None


T = TypeVar("T")


class OpenHeadings(Generic[T]):
    """The heading open at each level while walking a report from the top: a heading closes every
    open one at its level or deeper, and its parent is the deepest one still open."""

    def __init__(self) -> None:
        self.at: dict[int, T] = {}

    def enter(self, level: int, value: T) -> T | None:
        """Open a heading at `level` carrying `value`; return its parent's value (None at the top)."""
        for deeper in [lv for lv in self.at if lv >= level]:
            del self.at[deeper]
        parent = self.at[max(self.at)] if self.at else None
        self.at[level] = value
        return parent


@lru_cache(maxsize=65536)
def parse_paragraph(text: str) -> Paragraph:
    """Parse one paragraph in isolation (cached: unchanged paragraphs cost a dict look-up)."""
    stripped = text.strip()
    if not stripped:
        return Paragraph(text, Role.EMPTY)
    if is_row(stripped):
        return Paragraph(text, Role.TABLE)
    for level, pattern in _HEADING_RES:
        match = pattern.match(stripped)
        if match:
            head = _first_sentence(stripped[match.end() :])
            return Paragraph(
                text,
                Role.HEADING,
                level,
                match.group(1).strip(),
                head,
                heading_types=heading_types(head),
            )
    if _APPENDIX_RE.match(stripped):
        return Paragraph(text, Role.APPENDIX)
    if _ATTACHMENT_NOTE_RE.match(stripped):
        return Paragraph(text, Role.ATTACHMENT_NOTE)
    if _DATE_RE.match(stripped):
        return Paragraph(text, Role.DATE, titleish=True)
    addressish = stripped.endswith(("：", ":")) and len(stripped) <= 60 and not any(c in stripped for c in "。；")
    runin = _RUNIN_RE.match(stripped)
    titleish = (
        len(stripped) <= 50
        and stripped[-1] not in SENTENCE_END + "，,：:！!"
        and not runin
        and not _ATTENDANCE_RE.match(stripped)
    )
    if titleish and (types := heading_types(stripped)):
        # A short line naming a section type is a heading whose numbering was lost (web copies).
        return Paragraph(text, Role.HEADING, 1, "", stripped, heading_types=types, titleish=True)
    number = (runin.group(1) or runin.group(2)) if runin else ""
    weak = bool(runin and runin.group(2))  # 同时，首先，: a head only when a short sentence follows
    ends = "。！？；" if weak else "。！？；：:"
    head = _runin_head(stripped[len(number) :].lstrip("，,、：: "), ends) if runin else ""
    if weak and not head:
        number = ""  # 同时，我省……主要是：…… is a sentence, not an item
    if addressish:
        number = head = ""
    cue = body_cue(stripped)
    return Paragraph(text, Role.BODY, 0, number, head, cue=cue, titleish=titleish, addressish=addressish)


def heading_types(head: str) -> tuple[SectionType, ...]:
    """Section types a heading's words name, in the order they appear; empty when none."""
    found: list[tuple[int, int, SectionType]] = []
    for order, (section, pattern) in enumerate(_HEADING_CUES):
        match = pattern.search(head)
        if match:
            found.append((match.start(), order, section))
    found.sort()
    types = [section for _, _, section in found]
    if SectionType.OVERVIEW in types and _STRONG_OVERVIEW_RE.search(head):
        types.remove(SectionType.OVERVIEW)
        types.insert(0, SectionType.OVERVIEW)
    return tuple(types)


def body_cue(text: str) -> SectionType | None:
    """The section type a body paragraph announces itself (下一步… / 存在…问题 / 总之…)."""
    first = _first_sentence(text, ends="。！？：:")
    if _CLOSING_RE.search(text):
        return SectionType.CLOSING
    if _NEXT_RE.match(text):
        return SectionType.NEXT_STEPS
    second = _first_sentence(text[len(first) + 1 :], ends="。！？：:")
    if _PROBLEM_RE.search(first) or _AWARE_RE.search(first) or _AWARE_RE.search(second):
        return SectionType.PROBLEMS
    if _OPENING_RE.search(text):
        return SectionType.OPENING
    return None


#: Longest run-in head: 六是奋力推进文化振兴，大力发展特色文化旅游，繁荣发展文化事业和文化产业。
RUNIN_HEAD_MAX = 40


def _runin_head(text: str, ends: str) -> str:
    """The heading phrase of a run-in item (up to 。 or ：), or "" when the first sentence is long."""
    for i, ch in enumerate(text[: RUNIN_HEAD_MAX + 1]):
        if ch in ends:
            return text[:i]
        if ch in "。！？；：:":
            return ""
    return ""


def _first_sentence(text: str, ends: str = "。！？；") -> str:
    for i, ch in enumerate(text):
        if ch in ends:
            return text[:i]
    return text


@dataclass
class Structure:
    """The structure of a whole report, kept current paragraph by paragraph.

    `replace` mirrors an editor's change notification: only the new paragraphs are parsed; the
    linear pass that places sections is redone lazily and costs microseconds per paragraph. In a very
    long report an editor may ask to keep the last placing meanwhile (`provisional`): the pass is then
    run on a `snapshot` off its thread and its result `adopt`ed.
    """

    paragraphs: list[Paragraph] = field(default_factory=list)
    _roles: list[Role] | None = field(default=None, repr=False)
    _sections: list[SectionType | None] | None = field(default=None, repr=False)
    #: roles and sections are the last placing, carried over edits that changed what places them
    provisional: bool = field(default=False, repr=False)
    _title: tuple[int, ...] | None = field(default=None, repr=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Structure:
        return cls([parse_paragraph(text) for text in texts])

    def replace(self, start: int, removed: int, texts: Sequence[str], provisional: bool = False) -> None:
        """Replace `removed` paragraphs from `start` with `texts` (an edit in the editor). Typing inside a
        paragraph mostly leaves what places sections as it was: then roles and sections are kept. When it
        does not, they are placed again on the next read; with `provisional`, the last placing is carried
        over instead (the new paragraphs with their own role and the section they replace) until a placing
        done elsewhere is adopted."""
        new = [parse_paragraph(text) for text in texts]
        old = self.paragraphs[start : start + removed]
        self.paragraphs[start : start + removed] = new
        if len(old) == len(new) and all(a.placement == b.placement for a, b in zip(old, new, strict=True)):
            return
        if not provisional or self._roles is None or self._sections is None:
            self._roles = self._sections = self._title = None
            self.provisional = False
            return
        roles, sections = list(self._roles), list(self._sections)  # never changed in place (snapshots)
        carried = sections[min(start, len(sections) - 1)] if sections else None
        roles[start : start + removed] = [p.role for p in new]
        sections[start : start + removed] = [carried] * len(new)
        self._roles, self._sections, self._title = roles, sections, None
        self.provisional = True

    def snapshot(self) -> Structure:
        """A copy to read on another thread while this one goes on changing (the parsed paragraphs and the
        placed lists are never changed in place, only replaced). A provisional placing is not copied: the
        copy places itself."""
        if self.provisional:
            return Structure(list(self.paragraphs))
        return Structure(list(self.paragraphs), self._roles, self._sections)

    def adopt(self, placed: Structure) -> bool:
        """Take the placing of a snapshot worked out elsewhere, when nothing was edited since it was taken."""
        if not self.provisional or placed.provisional or placed.paragraphs != self.paragraphs:
            return False
        self._roles, self._sections, self.provisional = placed.roles, placed.sections, False
        return True

    def title_lines(self) -> tuple[int, ...]:
        """The title and the lines under it (a second title line, date line, speaker), as `roles` places
        them, worked out from the first paragraphs alone: exact even while the placing is provisional."""
        if self._title is None:
            paragraphs, lines = self.paragraphs, []
            i = next((k for k, p in enumerate(paragraphs) if p.role is not Role.EMPTY), len(paragraphs))
            if i < len(paragraphs) and paragraphs[i].titleish:
                lines.append(i)
                i += 1
                while i < len(paragraphs) and (
                    paragraphs[i].role is Role.EMPTY or (paragraphs[i].titleish and paragraphs[i].role is Role.BODY)
                ):
                    if paragraphs[i].role is Role.BODY:
                        lines.append(i)
                    i += 1
            self._title = tuple(lines)
        return self._title

    @property
    def roles(self) -> list[Role]:
        if self._roles is None:
            self._place()
        assert self._roles is not None
        return self._roles

    @property
    def sections(self) -> list[SectionType | None]:
        """Section type of every paragraph (None for the title block and empty lines)."""
        if self._sections is None:
            self._place()
        assert self._sections is not None
        return self._sections

    def section_at(self, index: int) -> SectionType | None:
        """Section type of paragraph `index`, or of the nearest paragraph above that has one."""
        sections = self.sections
        for i in range(min(index, len(sections) - 1), -1, -1):
            if sections[i] is not None:
                return sections[i]
        return None

    def section_while_typing(self, index: int) -> SectionType | None:
        """`section_at` for the paragraph the writer is still typing: one taken for a heading by its words alone
        (no number, no closing mark yet: 在总结经验的基础上 names 经验) is a sentence being written until they
        leave it, and belongs to the section above."""
        if 0 < index < len(self.paragraphs) and self.roles[index] is Role.HEADING:
            para = self.paragraphs[index]
            if para.titleish and not para.number:
                return self.section_at(index - 1)
        return self.section_at(index)

    def outline(self) -> list[OutlineNode]:
        """Title, headings and paragraph-leading run-in heads, in document order."""
        nodes: list[OutlineNode] = []
        roles, sections = self.roles, self.sections
        for index, (para, role) in enumerate(zip(self.paragraphs, roles, strict=True)):
            if role is Role.TITLE:
                nodes.append(OutlineNode(index, NodeKind.TITLE, 0, "", para.text.strip(), None))
            elif role is Role.HEADING:
                nodes.append(OutlineNode(index, NodeKind.HEADING, para.level, para.number, para.head, sections[index]))
            elif para.is_runin:
                head = para.head or _first_sentence(para.text.strip()[len(para.number) :])[:20] + "…"
                nodes.append(OutlineNode(index, NodeKind.RUNIN, 5, para.number, head, sections[index]))
        return nodes

    def _place(self) -> None:
        """One pass: title block, then sections carried from headings, body cues and position."""
        paragraphs = self.paragraphs
        roles = [p.role for p in paragraphs]
        sections: list[SectionType | None] = [None] * len(paragraphs)
        first_content = next((i for i, r in enumerate(roles) if r is not Role.EMPTY), len(roles))
        # Title block: the first short unpunctuated lines before any heading or body text.
        i = first_content
        if i < len(roles) and paragraphs[i].titleish:
            roles[i] = Role.TITLE
            i += 1
            while i < len(roles) and (roles[i] is Role.EMPTY or (paragraphs[i].titleish and roles[i] is Role.BODY)):
                if roles[i] is Role.BODY:
                    roles[i] = Role.SUBTITLE
                i += 1
        _place_recipient(paragraphs, roles, i)
        end = _place_appendices(paragraphs, roles, i)
        _place_attachment_note(paragraphs, roles, i, end)
        # Signature block: short unpunctuated lines, a date and a note after the last body text.
        j = end - 1
        while j > i and (roles[j] in (Role.EMPTY, Role.DATE) or (paragraphs[j].titleish and roles[j] is Role.BODY)):
            if roles[j] is Role.BODY:
                note = _NOTE_RE.match(paragraphs[j].text.strip()) and Role.DATE not in roles[j + 1 : end]
                roles[j] = Role.NOTE if note else Role.SIGNATURE  # （此文公开发布） under the date
            j -= 1
        path: OpenHeadings[tuple[SectionType, ...]] = OpenHeadings()  # each open heading's types
        years: list[int] = []  # years that open chapter headings so far; a 2026年… title reviews 2025
        titled = ""
        if roles[first_content : first_content + 1] == [Role.TITLE]:
            titled = paragraphs[first_content].text.strip()
        if match := _YEAR_HEAD_RE.match(titled):
            years.append(int(match.group(1)) - 1)
        current: SectionType | None = SectionType.OPENING
        section_types: tuple[SectionType, ...] = ()
        by_content = _chapters_by_content(paragraphs, roles)
        opening_run = 0  # body paragraphs in a row typed 开头
        for index, para in enumerate(paragraphs):
            role = roles[index]
            if role is Role.APPENDIX:
                break  # an appendix has no section types
            if role is Role.HEADING:
                section_types = self._heading_section(para, path, by_content.get(index, ()))
                year = _YEAR_HEAD_RE.match(para.head) if para.level == 1 else None
                if year and years and int(year.group(1)) > max(years):
                    section_types = path.at[1] = (SectionType.NEXT_STEPS,)  # 2026年主要工作 after 2025年工作回顾
                if year:
                    years.append(int(year.group(1)))
                current = section_types[0] if section_types else None  # untyped: its text's cues decide
                sections[index] = current
            elif role is Role.TABLE:
                sections[index] = current
            elif role is Role.BODY:
                opening_run = opening_run + 1 if current is SectionType.OPENING else 0
                if opening_run > OPENING_PARAGRAPHS and para.tense[1] >= 2:
                    current = SectionType.OVERVIEW  # a long preamble goes on to review the year
                cue = para.cue
                if cue is SectionType.OPENING and section_types:
                    cue = None  # 具体情况如下 inside a section introduces its list, no opening
                if cue is not None and (cue in section_types or not section_types or cue in _OVERRIDING_CUES):
                    current = cue
                sections[index] = current
        last = next((k for k in range(len(roles) - 1, -1, -1) if roles[k] is Role.BODY), -1)
        signed = Role.SIGNATURE in roles[last + 1 :] or Role.DATE in roles[last + 1 :]
        if last > 0 and paragraphs[last - 1].text.strip() in _ADDRESS_LINES:
            sections[last - 1] = sections[last] = SectionType.CLOSING  # 各位代表！ then the last words
        elif signed and last > 0 and not paragraphs[last].is_runin and sections[last] not in _OVERRIDING_CUES:
            # Only above a 落款: without one the last paragraph may be the one being written.
            before = next((k for k in range(last - 1, -1, -1) if roles[k] is not Role.EMPTY), -1)
            if before >= 0 and paragraphs[before].is_runin:
                sections[last] = SectionType.CLOSING  # a plain paragraph after the last 三是…: the summing up
        self._roles, self._sections = roles, sections

    @staticmethod
    def _heading_section(
        para: Paragraph, path: OpenHeadings[tuple[SectionType, ...]], by_content: tuple[SectionType, ...]
    ) -> tuple[SectionType, ...]:
        """Types of a heading: its own words, refined within (never against) a typed parent; a chapter
        whose words name no type is typed by what its text says (`by_content`), or left untyped."""
        previous_chapter = path.at.get(1, ())
        parent = path.enter(para.level, ()) or ()
        own = para.heading_types
        if parent == (SectionType.OVERVIEW,) and not own:
            types = (SectionType.MEASURES,)  # （一）… under 工作回顾: what was done, item by item
        elif parent:
            narrowed = tuple(t for t in own if t in parent)
            types = narrowed or parent
        elif not own and SectionType.NEXT_STEPS in previous_chapter:
            types = (SectionType.NEXT_STEPS,)  # 四、努力建设法治政府 after 三、2026年重点工作: still ahead
        else:
            types = own or by_content
        path.at[para.level] = types
        return types


#: An opening is a few paragraphs; a preamble longer than this that speaks of work done is the review.
OPENING_PARAGRAPHS = 2
#: What a chapter's text says of time: tasks ahead (要, 将, 今年) or work done (了, 已经, 取得).
_AHEAD_RE = lazy(r"(?<![主重需纪摘概简提])要(?![求素点闻件])|必须|应当|力争|今年|明年|下一步|下步")
_DONE_RE = lazy(r"了|已经|取得|完成|比上年|同比|增长\d|共\d|累计|先后")
_PLACEHOLDER_CLUE_RE = lazy("[xXｘＸ×]")

#: How much one must outweigh the other to type a chapter.
_TENSE_MARGIN = 1.5


def _chapters_by_content(paragraphs: Sequence[Paragraph], roles: list[Role]) -> dict[int, tuple[SectionType, ...]]:
    """The type each first-level chapter's text gives it: tasks ahead (下步打算) or work done (主要做法);
    nothing when neither outweighs the other. The early national reports' task chapters (二、坚持实行
    扩大内需的方针 …) name no type in their headings but speak of the year ahead."""
    starts = [k for k, r in enumerate(roles) if r is Role.HEADING and paragraphs[k].level == 1]
    result: dict[int, tuple[SectionType, ...]] = {}
    for start, end in zip(starts, [*starts[1:], len(paragraphs)], strict=False):
        ahead = done = 0
        for k in range(start + 1, end):
            if roles[k] is Role.BODY:
                tense = paragraphs[k].tense
                ahead += tense[0]
                done += tense[1]
        if ahead >= _TENSE_MARGIN * done and ahead >= 3:
            result[start] = (SectionType.NEXT_STEPS,)
        elif done >= _TENSE_MARGIN * ahead and done >= 2:
            result[start] = (SectionType.MEASURES,)
    return result


def _place_recipient(paragraphs: Sequence[Paragraph], roles: list[Role], start: int) -> None:
    """主送机关 only as the first line after the title block; a line ending in ： further down is body."""
    first = next((k for k in range(start, len(roles)) if roles[k] is not Role.EMPTY), len(roles))
    if first < len(roles) and paragraphs[first].addressish and roles[first] is Role.BODY:
        roles[first] = Role.RECIPIENT


def _place_appendices(paragraphs: Sequence[Paragraph], roles: list[Role], start: int) -> int:
    """Mark each 附件 page's title; return where the first 附件 starts (the end of the report proper)."""
    end = len(roles)
    if Role.APPENDIX not in roles:
        return end
    for k in range(start, len(roles)):
        if roles[k] is not Role.APPENDIX:
            continue
        following = next((m for m in range(k + 1, len(roles)) if roles[m] is not Role.EMPTY), None)
        if following is not None and _ATTACHMENT_ITEM_RE.match(paragraphs[following].text.strip()):
            roles[k] = Role.ATTACHMENT_NOTE  # 附件： with its items on the lines below
            continue
        end = min(end, k)
        if following is not None and roles[following] in (Role.BODY, Role.HEADING) and paragraphs[following].titleish:
            roles[following] = Role.APPENDIX_TITLE
    return end


def _place_attachment_note(paragraphs: Sequence[Paragraph], roles: list[Role], start: int, end: int) -> None:
    """The items under 附件：1.…… are part of the 附件说明, not level-3 headings."""
    if Role.ATTACHMENT_NOTE not in roles:
        return
    for k in range(start, end):
        if roles[k] is not Role.ATTACHMENT_NOTE:
            continue
        m = k + 1
        while m < end and _ATTACHMENT_ITEM_RE.match(paragraphs[m].text.strip()):
            roles[m] = Role.ATTACHMENT_NOTE
            m += 1


#: A chapter heading that opens with a year: 2025年工作回顾, 2026年重点工作.
_YEAR_HEAD_RE = lazy(r"^(?:“?[一二三四五六七八九十]+五”?时期(?:和|与))?(\d{4})年")

#: A bare address line; before the last paragraph it opens the closing.
_ADDRESS_LINES = frozenset(("各位代表！", "各位代表:", "同志们！", "各位代表", "同志们"))

#: Body cues strong enough to switch type even inside a heading of another type.
_OVERRIDING_CUES = frozenset({SectionType.PROBLEMS, SectionType.NEXT_STEPS, SectionType.CLOSING})


def format_outline(structure: Structure) -> str:
    """The outline as indented text lines with section labels (what `phrasebank outline` prints)."""
    lines = []
    for node in structure.outline():
        indent = "  " * (node.level - 1 if node.kind is NodeKind.HEADING else 4 if node.kind is NodeKind.RUNIN else 0)
        tag = f"  [{node.section.value} {node.section.label}]" if node.section else ""
        label = {"title": "标题", "heading": f"{node.level}级", "runin": "分项"}[node.kind]
        lines.append(f"{indent}{label} {node.number}{node.text}{tag}")
    return "\n".join(lines)
