"""Write a report as a DOCX laid out per GB/T 9704-2012, with python-docx plus the XML it has no API for.

Structure comes from `structure` (title, recipient, heading levels, run-in heads, signature, date).
Layout-only blank lines (after the title, before the signature) carry the GongwenSpacer style so that
reading the file back gives exactly the writer's paragraphs. The file is written to a temporary name
and then swapped in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.text.paragraph import Paragraph

from . import tokenize
from .atomic import write_atomic
from .documents import SPACER_STYLE
from .errors import PhrasebankError
from .layout import NATIONAL, Layout, RunInStyle, mm_to_twips
from .structure import Role, Structure

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


class ExportError(PhrasebankError):
    """The DOCX could not be written; the message names the file."""


def export_docx(paragraphs: Sequence[str], path: str | Path, layout: Layout = NATIONAL) -> None:
    """Lay out the report's paragraphs and write them to `path` atomically."""
    structure = Structure.from_texts(paragraphs)
    document = docx.Document()
    _page(document, layout)
    _defaults(document, layout)
    _footers(document, layout)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    writer = _Writer(document, layout)
    roles = structure.roles
    for index, para in enumerate(structure.paragraphs):
        role = roles[index]
        if role is Role.TITLE:
            writer.title(para.text.strip())
            writer.spacer()
        elif role is Role.SUBTITLE:
            writer.plain(para.text.strip(), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif role is Role.RECIPIENT:
            writer.plain(para.text.strip(), indent=False)
        elif role is Role.HEADING:
            writer.heading(para.text.strip(), para.level, para.number)
        elif role in (Role.SIGNATURE, Role.DATE):
            if index == 0 or roles[index - 1] not in (Role.SIGNATURE, Role.DATE, Role.EMPTY):
                writer.spacer()
            writer.signature(para.text.strip())
        elif role is Role.EMPTY:
            writer.plain("")
        else:
            writer.body(para.text.strip(), para.number, para.head)
    _save(document, Path(path))


class _Writer:
    def __init__(self, document, layout: Layout) -> None:
        self.document = document
        self.layout = layout
        self.char = round(layout.body_size * 20)  # one character, in twips
        # Paragraphs go in just before the section properties. python-docx's add_paragraph looks for
        # them among all the body's children on every call, which makes a long report quadratic.
        self._sect_pr = document.element.body.find(qn("w:sectPr"))

    def _paragraph(self, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_chars: int = 200, style: str | None = None):
        element = OxmlElement("w:p")
        self._sect_pr.addprevious(element)
        paragraph = Paragraph(element, self.document._body)
        if style is not None:
            paragraph.style = style
        paragraph.alignment = align
        ind = paragraph._p.get_or_add_pPr().get_or_add_ind()  # keeps the schema's element order
        if first_line_chars:
            ind.set(qn("w:firstLineChars"), str(first_line_chars))
            ind.set(qn("w:firstLine"), str(self.char * first_line_chars // 100))
        else:
            ind.set(qn("w:firstLineChars"), "0")
            ind.set(qn("w:firstLine"), "0")
        return paragraph

    def run(self, paragraph, text: str, font: str, size: float, bold: bool = False, latin: str | None = None):
        run = paragraph.add_run(text)
        _fonts(run._r.get_or_add_rPr(), font, latin or self.layout.latin_font)
        run.font.size = Pt(size)
        if bold:
            run.bold = True
        return run

    def title(self, text: str) -> None:
        layout = self.layout
        paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, first_line_chars=0)
        per_line = int(layout.block_width_mm / 25.4 * 72 / layout.title_size)
        for n, line in enumerate(title_lines(text, per_line)):
            run = self.run(paragraph, line, layout.title_font, layout.title_size)
            if n:
                run._r.insert(0, OxmlElement("w:br"))

    def spacer(self) -> None:
        paragraph = self._paragraph(first_line_chars=0, style=SPACER_STYLE)
        self.run(paragraph, "", self.layout.body_font, self.layout.body_size)

    def plain(self, text: str, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True) -> None:
        paragraph = self._paragraph(align, first_line_chars=200 if indent else 0)
        if text:
            self.run(paragraph, text, self.layout.body_font, self.layout.body_size)

    def heading(self, text: str, level: int, number: str) -> None:
        layout = self.layout
        font = {1: layout.heading1_font, 2: layout.heading2_font}.get(level, layout.body_font)
        paragraph = self._paragraph()
        head, rest = split_head(text)
        self.run(paragraph, head, font, layout.body_size)
        if rest:
            self.run(paragraph, rest, layout.body_font, layout.body_size)

    def body(self, text: str, number: str, head: str) -> None:
        layout = self.layout
        paragraph = self._paragraph()
        if number and layout.runin_style is not RunInStyle.PLAIN:
            lead, rest = split_head(text)
            kai = layout.runin_style is RunInStyle.KAI
            self.run(paragraph, lead, layout.kai_font if kai else layout.body_font, layout.body_size, bold=not kai)
            if rest:
                self.run(paragraph, rest, layout.body_font, layout.body_size)
        else:
            self.run(paragraph, text, layout.body_font, layout.body_size)

    def signature(self, text: str) -> None:
        paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.RIGHT, first_line_chars=0)
        ind = paragraph._p.pPr.find(qn("w:ind"))
        ind.set(qn("w:rightChars"), "400")
        ind.set(qn("w:right"), str(self.char * 4))
        self.run(paragraph, text, self.layout.body_font, self.layout.body_size)


def title_lines(title: str, per_line: int) -> list[str]:
    """Break a long title into balanced lines at word boundaries (no line of one or two characters)."""
    if len(title) <= per_line:
        return [title]
    count = math.ceil(len(title) / per_line)
    bounds, position = [], 0
    for word in tokenize.words(title):
        position += len(word)
        bounds.append(position)
    lines, start = [], 0
    for k in range(1, count):
        target = round(len(title) * k / count)
        fits = [b for b in bounds if start < b <= start + per_line and len(title) - b >= 3]
        cut = min(fits, key=lambda b: abs(b - target)) if fits else min(start + per_line, len(title))
        lines.append(title[start:cut])
        start = cut
    lines.append(title[start:])
    return [line for line in lines if line]


def split_head(text: str) -> tuple[str, str]:
    """A heading or run-in head and the body text after it: up to and including the first sentence end."""
    for i, ch in enumerate(text):
        if ch in "。！？":
            return text[: i + 1], text[i + 1 :]
    return text, ""


def _fonts(rpr, east_asian: str, latin: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")  # quotes, …… and —— in the Chinese font


def _page(document, layout: Layout) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin = Twips(mm_to_twips(layout.margin_top))
    section.bottom_margin = Twips(mm_to_twips(layout.margin_bottom))
    section.left_margin = Twips(mm_to_twips(layout.margin_left))
    section.right_margin = Twips(mm_to_twips(layout.margin_right))
    section.gutter = Twips(0)
    section.header_distance = Twips(mm_to_twips(15))
    number_height = round(layout.page_number_size * 20)
    section.footer_distance = Twips(mm_to_twips(layout.margin_bottom - layout.page_number_gap) - number_height)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    width_pt = (11906 - mm_to_twips(layout.margin_left) - mm_to_twips(layout.margin_right)) / 20
    pitch = width_pt / layout.chars_per_line
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(layout.line_pitch_pt * 20)))
    grid.set(qn("w:charSpace"), str(math.floor((pitch - layout.body_size) * 4096)))


def _defaults(document, layout: Layout) -> None:
    """Document defaults and Normal: body font and size, exact line pitch, zh-CN, no theme fonts."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, layout.body_font, layout.latin_font)
    for tag, value in (("w:sz", str(round(layout.body_size * 2))), ("w:szCs", str(round(layout.body_size * 2)))):
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            rpr.append(element)
        element.set(qn("w:val"), value)
    _condense(rpr, layout)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
    normal = document.styles["Normal"]
    normal.font.size = Pt(layout.body_size)
    _fonts(normal.element.get_or_add_rPr(), layout.body_font, layout.latin_font)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(layout.line_pitch_pt)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    # Lay text out by the condensed glyph advance, not by the character grid: Word and WPS squeeze
    # glyphs to a grid, LibreOffice gives a 16 pt glyph two 15.8 pt cells. The grid stays in the
    # section so that Word's page setup shows 22 lines of 28 characters.
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    normal_ppr = normal.element.get_or_add_pPr()
    normal_ppr.insert_element_before(snap, "w:spacing", "w:ind", "w:jc")
    spacer = document.styles.add_style(SPACER_STYLE, 1)  # 1: paragraph style
    spacer.base_style = normal


def _condense(rpr, layout: Layout) -> None:
    """Tighten character spacing so that 28 glyphs of 16 pt fit the 156 mm line.

    Word and WPS squeeze glyphs to the document grid's pitch (15.79 pt); LibreOffice instead gives a
    glyph wider than a grid cell two cells. A glyph advance just under the pitch satisfies both.
    """
    width_pt = (11906 - mm_to_twips(layout.margin_left) - mm_to_twips(layout.margin_right)) / 20
    # Twentieths of a point; one more than the exact difference because LibreOffice rounds the grid
    # pitch down (to 15.73 pt for the national layout) when it converts it to its own units.
    squeeze = math.ceil((layout.body_size - width_pt / layout.chars_per_line) * 20) + 1
    if squeeze <= 0:
        return
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        sz = rpr.find(qn("w:sz"))
        (sz.addprevious if sz is not None else rpr.append)(spacing)
    spacing.set(qn("w:val"), str(-squeeze))


def _footers(document, layout: Layout) -> None:
    """Page numbers — N —, 4号 宋体: odd pages right, even pages left, one character in from the edge."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    one_char = round(layout.page_number_size * 20)
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "w:right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "w:left"),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(layout.page_number_size)
        ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn(side), str(one_char))
        ind.set(qn("w:firstLine"), "0")
        font, size = layout.page_number_font, layout.page_number_size
        _number_run(paragraph, "— ", font, size)
        _field(paragraph, "PAGE", font, size)
        _number_run(paragraph, " —", font, size)


def _number_run(paragraph, text: str, font: str, size: float):
    run = paragraph.add_run(text)
    _fonts(run._r.get_or_add_rPr(), font, font)  # half-width digits in 宋体 too
    run.font.size = Pt(size)
    return run


def _field(paragraph, instruction: str, font: str, size: float) -> None:
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), (None, "1"), ("end", None)):
        run = _number_run(paragraph, "", font, size)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def _save(document, path: Path) -> None:
    try:
        write_atomic(path, lambda temp: document.save(str(temp)))
    except OSError as exc:
        raise ExportError(f"无法保存 {path}：{exc.strerror or exc}") from None
