"""The page plan of a report per GB/T 9704-2012: which paragraph gets which font, indent, rule and break.

`plan` turns the writer's paragraphs (and an optional 版头/版记) into `Block`s; the DOCX writer and
the print preview both draw these blocks, so the two cannot disagree on a paragraph's role.
Lengths are in points; a "character" is one body-size em (3号, 16 pt) unless said otherwise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations, pairwise

from phrasebank.document.files import SPACER_STYLE
from phrasebank.document.layout import NATIONAL, Layout, mm_to_pt
from phrasebank.document.masthead import Masthead
from phrasebank.document.pages import line_count, page_fill
from phrasebank.paths import whole_formulations
from phrasebank.structure.outline import Role, Structure
from phrasebank.text import segment
from phrasebank.text.chars import CJK, CJK_LATIN_EDGE_RE, arabic_date

RED = "FF0000"


class Align(StrEnum):
    JUSTIFY = "both"
    CENTER = "center"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Span:
    """A run of text in one font; `line_break` starts it on a new line of the same paragraph."""

    text: str
    font: str
    size: float
    bold: bool = False
    color: str = ""
    line_break: bool = False
    latin_too: bool = False  # digits and letters in the same font (附件2 in 黑体, not Times New Roman)
    marks: tuple[bytes, ...] = ()  # emphasis set by hand in the Word file read (w:rPr children)


@dataclass(frozen=True)
class Rule:
    """A horizontal rule across the text block, drawn as a paragraph border."""

    width: float  # points
    space: float = 0.0  # points between the text and the rule
    color: str = "000000"


@dataclass
class Block:
    """One paragraph of the laid-out page."""

    role: str  # what it is: a structure role, "spacer", or a 版头/版记 element
    spans: list[Span] = field(default_factory=list)
    align: Align = Align.JUSTIFY
    first_line: float = 0.0  # points; negative for a hanging indent
    left: float = 0.0
    right: float = 0.0
    keep_next: bool = False
    page_break: bool = False
    outline: int | None = None  # 0 for the title, 1..4 for headings (Word's navigation pane)
    line_pitch: float | None = None  # exact line height in points; None: the layout's
    space_before: float = 0.0
    rule_above: Rule | None = None
    rule_below: Rule | None = None
    right_tab: float | None = None  # a right-aligned tab stop, points from the text block's left edge (as Word)
    style: str | None = None  # SPACER_STYLE for layout-only blank lines

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def plan(paragraphs: Sequence[str], layout: Layout = NATIONAL, masthead: Masthead | None = None) -> list[Block]:
    """The report laid out block by block, 版头 first and 版记 at the foot of the last page."""
    return _Planner(layout).run(Structure.from_texts(paragraphs), masthead or Masthead())


class _Planner:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.em = layout.body_size
        self.blocks: list[Block] = []

    def span(self, text: str, font: str | None = None, size: float | None = None, **kw) -> Span:
        return Span(text, font or self.layout.body_font, size or self.layout.body_size, **kw)

    def add(self, role: str, spans: list[Span], **kw) -> Block:
        kw.setdefault("first_line", 2 * self.em)
        block = Block(role, spans, **kw)
        self.blocks.append(block)
        return block

    def spacer(self, count: int = 1, keep_next: bool = False) -> None:
        for _ in range(count):
            self.add("spacer", [], style=SPACER_STYLE, first_line=0, keep_next=keep_next)

    def run(self, structure: Structure, masthead: Masthead) -> list[Block]:
        layout = self.layout
        if masthead.has_banner:
            self.banner(masthead)
        roles = structure.roles
        for index, para in enumerate(structure.paragraphs):
            role, text = roles[index], para.text.strip()
            if role is Role.TITLE:
                if masthead.has_banner:
                    self.spacer(2, keep_next=True)  # 红色分隔线下空二行
                self.title(text, "title")
                self.spacer(keep_next=True)
            elif role is Role.SUBTITLE:
                self.add(role, [self.span(text)], align=Align.CENTER, first_line=0, keep_next=True)
            elif role is Role.RECIPIENT:
                self.add(role, [self.span(text)], first_line=0)
            elif role is Role.HEADING:
                font = {1: layout.heading1_font, 2: layout.heading2_font}.get(para.level, layout.body_font)
                head, rest = split_head(text)
                spans = [self.span(head, font)] + ([self.span(rest)] if rest else [])
                self.add(role, spans, keep_next=not rest and _leads(structure, index), outline=para.level)
            elif role is Role.BODY:
                self.body(text, bool(para.number and para.head))
            elif role is Role.ATTACHMENT_NOTE:
                if index and roles[index - 1] not in (Role.ATTACHMENT_NOTE, Role.EMPTY):
                    self.spacer()  # 正文下空一行
                self.attachment_note(text)
                self.blocks[-1].keep_next = index + 1 < len(roles) and roles[index + 1] is Role.ATTACHMENT_NOTE
            elif role in (Role.SIGNATURE, Role.DATE):
                self.signature_block(structure, index)
            elif role is Role.NOTE:
                self.add(role, [self.span(text)], first_line=0, left=2 * self.em)
            elif role is Role.APPENDIX:
                label = self.span(text, layout.heading1_font, latin_too=True)  # §8: 附件 and its number in 黑体
                self.add(role, [label], first_line=0, page_break=True, keep_next=True)
                self.spacer(keep_next=True)  # the title sits on the third line
            elif role is Role.TABLE:
                self.add(role, [self.span(text)], first_line=0, align=Align.LEFT)  # written as a table
            elif role is Role.APPENDIX_TITLE:
                self.title(text, "appendix-title")
                self.spacer(keep_next=True)
            else:
                self.add(role, [], first_line=0)
        if masthead.has_imprint:
            self.imprint(masthead)
        return self.blocks

    def title(self, text: str, role: str) -> None:
        layout = self.layout
        per_line = int(layout.block_width_pt / layout.title_size)
        spans = [
            self.span(line, layout.title_font, layout.title_size, line_break=n > 0)
            for n, line in enumerate(title_lines(text, per_line))
        ]
        self.add(role, spans, align=Align.CENTER, first_line=0, keep_next=True, outline=0)

    def body(self, text: str, runin: bool) -> None:
        layout = self.layout
        if runin and layout.runin_style != "plain":
            head, rest = split_head(text)
            kai = layout.runin_style == "kai"
            spans = [self.span(head, layout.kai_font if kai else layout.body_font, bold=not kai)]
            self.add("body", spans + ([self.span(rest)] if rest else []))
        else:
            self.add("body", [self.span(text)])

    def attachment_note(self, text: str) -> None:
        """附件：1.…… with later items and wrapped lines aligned under the first item's name."""
        label = re.match(r"^附件[：:]\s*", text)
        rest = text[label.end() :] if label else text.lstrip()
        number = re.match(r"^\d{1,2}[.．]\s*", rest)
        number_width = _width(number.group(0)) * self.em if number else 0.0
        items_at = 2 * self.em + 3 * self.em  # 左空二字, then 附件：
        shown = f"附件：{rest}" if label else rest
        hang = number_width + (3 * self.em if label else 0)
        self.add("attachment-note", [self.span(shown)], left=items_at + number_width, first_line=-hang)

    def signature_block(self, structure: Structure, index: int) -> None:
        """落款 per §7.3.5: with a seal the name centred over the date (right four characters in);
        without, the name right two characters in and the date two characters further in than it."""
        roles = structure.roles
        text = structure.paragraphs[index].text.strip()
        if index == 0 or roles[index - 1] not in (Role.SIGNATURE, Role.DATE, Role.EMPTY):
            before = self.blocks[-1] if self.blocks else None
            if before and before.role in (Role.BODY, Role.ATTACHMENT_NOTE) and line_count(before, self.layout) <= 3:
                # Never a 落款 alone on a page (此页无正文): a short closing (特此报告。) goes over with it.
                # Not a long paragraph: LibreOffice would move it whole and leave the page half empty.
                before.keep_next = True
            self.spacer(2 if self.layout.seal else 1, keep_next=True)
        # The date of this 落款: the first one from here on (a date line higher up belongs elsewhere).
        date = next(
            (structure.paragraphs[k].text.strip() for k in range(index, len(roles)) if roles[k] is Role.DATE), ""
        )
        # The name of this 落款: the signature line nearest above its date (the date row needs it too).
        name = text
        if roles[index] is Role.DATE:
            name = next(
                (structure.paragraphs[k].text.strip() for k in range(index - 1, -1, -1) if roles[k] is Role.SIGNATURE),
                "",
            )
        if roles[index] is Role.DATE and self.layout.arabic_date:
            text = arabic_date(text)
        if self.layout.arabic_date:
            date = arabic_date(date)
        name_right, date_right = signature_indents(name, date, self.layout.seal)
        right = date_right if roles[index] is Role.DATE else name_right
        last = index + 1 >= len(roles) or roles[index + 1] not in (Role.SIGNATURE, Role.DATE)
        pitch = self.layout.block_width_pt / self.layout.chars_per_line  # a character as set (condensed)
        self.add(
            roles[index], [self.span(text)], align=Align.RIGHT, first_line=0, right=right * pitch, keep_next=not last
        )

    def banner(self, masthead: Masthead) -> None:
        """版头 per §7.2: 份号, 密级, 紧急程度 flush left; 发文机关标志 red and centred 35 mm below the
        top of the text block; 发文字号 two lines under it; the red rule 4 mm below 发文字号."""
        layout = self.layout
        pitch = layout.line_pitch_pt
        lines = 0
        for role, value, font in (
            ("copy-number", masthead.copy_number, layout.body_font),
            ("secrecy", masthead.secrecy, layout.heading1_font),
            ("urgency", masthead.urgency, layout.heading1_font),
        ):
            if value:
                self.add(role, [self.span(value, font)], first_line=0, keep_next=True)
                lines += 1
        if masthead.issuer:
            size = ISSUER_SIZE
            height = size * 1.2
            top = mm_to_pt(35)  # 标志上边缘至版心上边缘 35 mm
            before = max(0.0, top - lines * pitch - (height - size) / 2)
            self.add(
                "issuer",
                [self.span(masthead.issuer, layout.title_font, size, color=RED)],
                align=Align.CENTER,
                first_line=0,
                keep_next=True,
                line_pitch=height,
                space_before=before,
            )
        # 4 mm below the characters of 发文字号: the border's own distance is taken from the line's foot,
        # which lies RULE_INK_GAP_MM below the characters' ink (LibreOffice render, measured).
        rule = Rule(width=1.0, space=mm_to_pt(4 - RULE_INK_GAP_MM), color=RED)
        before = 2 * pitch if masthead.issuer else 0.0  # 发文机关标志下空二行
        if masthead.signers:
            spans = [
                self.span(masthead.doc_number),
                self.span("\t签发人："),
                self.span(masthead.signers, layout.kai_font),
            ]
            # 发文字号居左空一字, 签发人 ends one character from the right edge. No side indents: the red
            # rule under this paragraph spans the text block.
            self.add(
                "doc-number",
                spans,
                first_line=self.em,
                right_tab=layout.block_width_pt - self.em,
                space_before=before,
                rule_below=rule,
                keep_next=True,
            )
        else:
            self.add(
                "doc-number",
                [self.span(masthead.doc_number)],
                align=Align.CENTER,
                first_line=0,
                space_before=before,
                rule_below=rule,
                keep_next=True,
            )

    def imprint(self, masthead: Masthead) -> None:
        """版记 per §7.4 on the last page, its last line on the last line of the text block:
        4号 仿宋, 抄送 indented one character each side, thick first and last rules, thin between.

        Word draws a paragraph's border between its indents, so every rule sits on a paragraph without
        side indents (the blank line above, the 印发 line) and spans the 156 mm text block."""
        layout = self.layout
        size = IMPRINT_SIZE
        width = layout.block_width_pt - 2 * size
        thick, thin = Rule(0.99), Rule(0.71)
        label = 3 * size  # 抄送： and 报： lines wrap under the first character after the colon
        rows = [line.strip() for line in masthead.distribution.splitlines() if line.strip()]
        if masthead.copy_to:
            rows.append(f"抄送：{masthead.copy_to}")
        printed: list[Span] = []
        if masthead.printer or masthead.print_date:
            date = f"{masthead.print_date}印发" if masthead.print_date else ""
            printed = [self.span(masthead.printer, size=size), self.span(f"\t{date}", size=size)]
        texts = [*rows, "".join(span.text for span in printed)] if printed else rows
        used = sum(max(1, math.ceil(_width(text) * size / width)) for text in texts)
        # The last line sits on the text block's foot: on the last page of text when the 版记 and a
        # blank line above it fit there (`pages` predicts where the text ends), else on a page of its
        # own filled from the top. The blank line carrying the first rule gives up 3 pt for the rules.
        pitch = layout.line_pitch_pt
        pages, filled = page_fill(self.blocks, layout)
        free = math.floor((layout.lines_per_page * pitch - filled) / pitch + 0.01)
        # Past a few pages the prediction may fall a line short (bench/page_fill.py): a line of room
        # keeps the 版记 on the page rather than pushing it over.
        margin = 1 if pages > EXACT_PAGES else 0
        if self.blocks and free >= used + 2 + margin:
            self.spacer(free - used - 1 - margin)
            self.add("spacer", [], style=SPACER_STYLE, first_line=0, line_pitch=pitch - 3, keep_next=True)
        else:
            self.add("spacer", [], style=SPACER_STYLE, first_line=0, page_break=True, line_pitch=pitch - 3)
            self.spacer(max(layout.lines_per_page - used - 1, 0))
            self.blocks[-1].keep_next = True
        self.blocks[-1].rule_below = thick
        for n, text in enumerate(rows):
            last = n == len(rows) - 1
            self.add(
                "copy-to" if text.startswith("抄送") else "distribution",
                [self.span(text, size=size)],
                left=size + label,
                right=size,
                first_line=-label,
                rule_below=thick if last and not printed else None,
                keep_next=not last or bool(printed),
            )
        if printed:
            self.add(
                "printed",
                printed,
                first_line=size,
                right_tab=layout.block_width_pt - size,  # 印发日期右空一字
                rule_above=thin if rows else None,
                rule_below=thick,
            )


#: Between the ink of a 16 pt line set at the 28.95 pt pitch and the foot of its line box, in mm.
RULE_INK_GAP_MM = 1.5
#: 发文机关标志 size in points (the standard asks for a striking, dignified size; 36 pt is usual).
ISSUER_SIZE = 36.0
#: Up to this many pages `pages` predicts the last page's fill exactly on LibreOffice's renders.
EXACT_PAGES = 6
#: 版记 type: 4号.
IMPRINT_SIZE = 14.0


def _leads(structure: Structure, index: int) -> bool:
    """A heading line keeps with what follows when that is its text or a deeper heading — not when a
    sibling follows (a list of one-line items would otherwise be one unbreakable block)."""
    level = structure.paragraphs[index].level
    for k in range(index + 1, len(structure.paragraphs)):
        role = structure.roles[k]
        if role is Role.EMPTY:
            continue
        return role is not Role.HEADING or structure.paragraphs[k].level > level
    return False


def signature_indents(name: str, date: str, seal: bool) -> tuple[float, float]:
    """Right indents of the 署名 and 成文日期, in characters (§7.3.5.1 and §7.3.5.2)."""
    name_width, date_width = _width(name), _width(date)
    if seal:  # the name centred over the date; a name too long for that moves both left, still centred
        if not date:
            return 4.0, 4.0
        name_right = 4 + (date_width - name_width) / 2
        shift = max(0.0, 2 - name_right)
        return name_right + shift, 4 + shift
    if not name:
        return 2.0, 2.0
    date_right = name_width - 2 - date_width + 2
    if date_right < 2:  # the date is the longer: it sits right two characters in, the name moves left
        return date_width + 4 - name_width, 2.0
    return 2.0, date_right


def _width(text: str) -> float:
    """Width in characters: Latin letters, digits and ASCII marks are half a character, and Word and
    LibreOffice put a quarter character between Chinese and a Latin letter or digit (2026年: 3¼)."""
    width = sum(0.5 if ch.isascii() else 1.0 for ch in text)
    return width + 0.25 * len(CJK_LATIN_EDGE_RE.findall(text))




def split_head(text: str) -> tuple[str, str]:
    """A heading or run-in head and the body text after it: up to and including the first sentence end."""
    for i, ch in enumerate(text):
        if ch in "。！？":
            return text[: i + 1], text[i + 1 :]
    return text, ""


_OPENING_MARKS = "“‘《（〔【「"
_CLOSING_MARKS = "”’》）〕】」，。、；：！？…—"


def title_lines(title: str, per_line: int) -> list[str]:
    """Break a long title at word boundaries into a 梯形 (lines growing downwards) or, for three lines
    and more, a 菱形 (the middle line longest); no line longer than `per_line`."""
    length = len(title)
    if length <= per_line:
        return [title]
    fewest = math.ceil(length / per_line)
    # One line more rather than a break inside a formulation; inside one only when it is longer than a line.
    for cuts in (_cut_points(title), _cut_points(title, longest=per_line)):
        for count in (fewest, fewest + 1):
            best = _best_cuts(cuts, count, length, per_line)
            if best is not None:
                return [title[a:b] for a, b in pairwise((0, *best, length))]
    return [title[k : k + per_line] for k in range(0, length, per_line)]  # no word boundary fits


def _best_cuts(cuts: list[int], count: int, length: int, per_line: int) -> tuple[int, ...] | None:
    """The cuts into `count` lines that make the most even 梯形/菱形; None when none fit."""
    best: tuple[float, tuple[int, ...]] | None = None
    for chosen in combinations(cuts, count - 1):
        sizes = [b - a for a, b in pairwise((0, *chosen, length))]
        if max(sizes) > per_line or min(sizes) < 3:
            continue
        cost = max(sizes) - min(sizes)
        if count == 2 and sizes[0] > sizes[1]:
            cost += 2  # a 梯形: the shorter line on top
        if count >= 3 and max(sizes) not in sizes[1:-1]:
            cost += 1.0
        if best is None or cost < best[0]:
            best = (cost, chosen)
    return best[1] if best else None


#: Words that end an organ's name: a title never breaks before them (人民政府 | 办公室).
_ORGAN_TAILS = ("办公室", "办公厅", "委员会", "常委会", "领导小组", "指挥部", "工作组", "管理局", "人民政府")
#: A number and the unit or counter after it stay on one line (2026 | 年).
_NUMBER_UNIT_RE = re.compile(rf"\d[\d.．%％]*[{CJK}]?")


def _fixed_spans(title: str, longest: int | None = None) -> list[tuple[int, int]]:
    """Spans a title line never breaks inside: numbers with their unit, and the formulations of the
    shipped list that the title holds (中国特色 | 社会主义思想) — those up to `longest` characters."""
    spans = [m.span() for m in _NUMBER_UNIT_RE.finditer(title)]
    for text in whole_formulations():
        if longest is None or len(text) <= longest:
            spans += [(m.start(), m.start() + len(text)) for m in re.finditer(re.escape(text), title)]
    return spans




def _cut_points(title: str, longest: int | None = None) -> list[int]:
    """Where a title may break: after a word, never inside quotes or 《》, never before a closing mark,
    never inside a number with its unit, an organ's name or a fixed formulation."""
    fixed = _fixed_spans(title, longest)
    points, position, depth = [], 0, 0
    for word in segment.words(title):
        for ch in word:
            depth += ch in "“‘《（〔【「"
            depth -= ch in "”’》）〕】」"
        position += len(word)
        inside = 0 < position < len(title) and depth <= 0
        if not inside or title[position] in _CLOSING_MARKS or title[position - 1] in _OPENING_MARKS:
            continue
        if not title.startswith(_ORGAN_TAILS, position) and not any(a < position < b for a, b in fixed):
            points.append(position)
    return points
