"""Write a report as a DOCX laid out per GB/T 9704-2012, with python-docx plus the XML it has no API for.

Structure comes from `structure` (title, recipient, heading levels, run-in heads, signature, date).
Layout-only blank lines (after the title, before the signature) carry the GongwenSpacer style so that
reading the file back gives exactly the writer's paragraphs. The file is written to a temporary name
and then swapped in.
"""

from __future__ import annotations

import copy
import io
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import NamespacePrefixedTag
from docx.oxml.ns import qn as docx_qn
from docx.oxml.parser import oxml_parser
from docx.shared import Pt, Twips
from lxml import etree  # pyright: ignore[reportAttributeAccessIssue] (lxml ships no type information)

from phrasebank.atomic import write_buffered_atomic
from phrasebank.document.emphasis import Mark
from phrasebank.document.files import SPACER_STYLE
from phrasebank.document.layout import NATIONAL, Layout, mm_to_twips
from phrasebank.document.masthead import Masthead
from phrasebank.document.reader import PICTURE_MARKER_RE, Picture, related_part
from phrasebank.document.review import Change, write_changes
from phrasebank.document.tables import KeptTable, add_styles, build_table
from phrasebank.document.typeset import Align, Block, Rule, Span, plan, split_head, title_lines
from phrasebank.errors import PhrasebankError, os_reason
from phrasebank.structure.outline import Role

__all__ = ["ExportError", "export_docx", "split_head", "title_lines"]

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


class ExportError(PhrasebankError):
    """The DOCX could not be written; the message names the file."""


def export_docx(
    paragraphs: Sequence[str],
    path: str | Path,
    layout: Layout = NATIONAL,
    masthead: Masthead | None = None,
    author: str = "",
    pictures: Mapping[str, list[Picture]] | None = None,
    tables: Sequence[KeptTable] = (),
    marks: Mapping[str, tuple[Mark, ...]] | None = None,
    changes: Mapping[str, tuple[Change, ...]] | None = None,
) -> None:
    """Lay out the report's paragraphs (with an optional 版头/版记) and write them to `path` atomically.

    `pictures` maps a paragraph's text to the pictures read with it: a picture marker becomes its
    picture again, an unchanged paragraph gets its pictures back after its text. Row lines are
    written as tables: those read (`tables`) as they came or into their own rows, new ones per GB/T 9704.
    `marks` maps a paragraph's text to the emphasis its characters carry (`emphasis.carry`), `changes`
    to the reviewer's changes and comments still open in it (written as tracked changes, `review`).
    """
    blocks = plan(paragraphs, layout, masthead)
    document = docx.Document()
    _page(document, layout)
    _defaults(document, layout)
    _footers(document, layout)
    _font_table(document)
    _properties(document, blocks, author)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    sect_pr = body.find(qn("w:sectPr"))
    kept = dict(pictures or {})
    ids = itertools.count(1)
    rows: list[str] = []
    for k, block in enumerate(blocks):
        if block.role == Role.TABLE:
            rows.append(block.text)
            if k + 1 < len(blocks) and blocks[k + 1].role == Role.TABLE:
                continue
            table, source = build_table(rows, tables, layout)
            if source is not None:
                add_styles(document, source)
                _remap_images(document, table, source.images)
            sect_pr.addprevious(table)
            rows = []
            if k + 1 == len(blocks):
                sect_pr.addprevious(_paragraph(Block("spacer", style=SPACER_STYLE), layout))  # Word ends on a paragraph
            continue
        if marks and block.spans and block.text in marks:
            block.spans = _marked(block.spans, marks[block.text])
        open_changes = changes.get(block.text, ()) if changes and block.spans else ()
        if open_changes:
            block.spans = _cut(block.spans, {q for c in open_changes for q in (c.start, c.end)})
        found = kept.pop(block.text, None) if block.spans else None
        if found and PICTURE_MARKER_RE.match(block.text):
            block.spans, block.first_line, block.align = [], 0.0, Align.CENTER
        paragraph = _paragraph(block, layout)
        if open_changes:
            write_changes(document, paragraph, [len(s.text) for s in block.spans], open_changes, ids)
        for picture in found or []:
            paragraph.append(_picture_run(document, picture))
        sect_pr.addprevious(paragraph)
    _save(document, Path(path))


def _paragraph(block: Block, layout: Layout):
    """One `w:p` for a block, its properties in the schema's order."""
    p = _element("w:p")
    body_sized = all(span.size == layout.body_size for span in block.spans)
    p.append(
        copy.deepcopy(
            _paragraph_properties(
                block.style, block.keep_next, block.page_break, block.rule_above, block.rule_below,
                block.right_tab, block.line_pitch, block.space_before, block.left, block.right, block.first_line,
                layout.body_size if body_sized else None, block.align, block.outline,
            )
        )
    )  # fmt: skip
    for span in block.spans or [Span("", layout.body_font, layout.body_size)]:
        p.append(_run(span, layout))
    return p


@lru_cache(maxsize=512)
def _paragraph_properties(
    style: str | None,
    keep_next: bool,
    page_break: bool,
    rule_above: Rule | None,
    rule_below: Rule | None,
    right_tab: float | None,
    line_pitch: float | None,
    space_before: float,
    left: float,
    right: float,
    first_line: float,
    body_size: float | None,
    align: Align,
    outline: int | None,
):
    """A `w:pPr` in the schema's order, made once for each set of values (a paragraph takes a copy):
    `body_size` when the paragraph's first-line indent is also given in characters of it."""
    ppr = _element("w:pPr")
    if style:
        _put(ppr, "w:pStyle", val=style)
    if keep_next:
        _put(ppr, "w:keepNext")
    if page_break:
        _put(ppr, "w:pageBreakBefore")
    if rule_above or rule_below:
        borders = _put(ppr, "w:pBdr")
        for side, rule in (("w:top", rule_above), ("w:bottom", rule_below)):
            if rule:
                line = _element(side)
                for key, value in (
                    ("val", "single"),
                    ("sz", round(rule.width * 8)),
                    ("space", round(rule.space)),
                    ("color", rule.color),
                ):
                    line.set(qn(f"w:{key}"), str(value))
                borders.append(line)
    if right_tab is not None:
        tab = _element("w:tab")
        tab.set(qn("w:val"), "right")
        tab.set(qn("w:pos"), str(round(right_tab * 20)))
        _put(ppr, "w:tabs").append(tab)
    if line_pitch is not None or space_before:
        spacing = _put(ppr, "w:spacing", before=round(space_before * 20))
        if line_pitch is not None:
            spacing.set(qn("w:line"), str(round(line_pitch * 20)))
            spacing.set(qn("w:lineRule"), "exact")
    indent = _put(ppr, "w:ind", left=round(left * 20), right=round(right * 20))
    if first_line >= 0:
        indent.set(qn("w:firstLine"), str(round(first_line * 20)))
        if body_size is not None:
            indent.set(qn("w:firstLineChars"), str(round(first_line / body_size * 100)))  # Word's grid measure
    else:
        indent.set(qn("w:hanging"), str(round(-first_line * 20)))
    _put(ppr, "w:jc", val=align.value)
    if outline is not None:
        _put(ppr, "w:outlineLvl", val=outline)
    return ppr


def _cut(spans: list[Span], points: set[int]) -> list[Span]:
    """The spans cut at the paragraph offsets `points`."""
    out: list[Span] = []
    offset = 0
    for span in spans:
        size = len(span.text)
        cuts = sorted({0, size} | {q - offset for q in points if offset < q < offset + size})
        if size == 0:
            out.append(span)
        for a, b in pairwise(cuts):
            out.append(replace(span, text=span.text[a:b], line_break=span.line_break and a == 0))
        offset += size
    return out


def _marked(spans: list[Span], marks: tuple[Mark, ...]) -> list[Span]:
    """The spans cut where emphasis starts and ends, each piece carrying the emphasis on it."""
    out: list[Span] = []
    offset = 0
    for span in _cut(spans, {q for m in marks for q in (m.start, m.end)}):
        end = offset + len(span.text)
        out.append(replace(span, marks=next((m.xml for m in marks if m.start <= offset and end <= m.end), ())))
        offset = end
    return out


def _picture_run(document, picture: Picture):
    """A run holding a picture read from another DOCX, its images added to this one."""
    element = parse_xml(picture.xml)
    _remap_images(document, element, picture.images)
    r = _element("w:r")
    r.append(element)
    return r


def _remap_images(document, element, images: Sequence[tuple[str, bytes]]) -> None:
    """Add the images an element read from another DOCX uses to this one and point it at them."""
    ids = {}
    for old_id, blob in images:
        if old_id not in ids:
            ids[old_id], _ = document.part.get_or_add_image(io.BytesIO(blob))
    for node in element.iter():
        for attribute in (f"{{{RELATIONSHIPS}}}embed", f"{{{RELATIONSHIPS}}}id"):
            if node.get(attribute) in ids:
                node.set(attribute, ids[node.get(attribute)])


RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _run(span: Span, layout: Layout):
    r = _element("w:r")
    latin = span.font if span.latin_too else layout.latin_font
    rpr = copy.deepcopy(_run_properties(span.font, latin, span.bold, span.color, round(span.size * 2)))
    r.append(rpr)
    for xml in span.marks:
        _place(rpr, parse_xml(xml))
    if span.line_break:
        r.append(_element("w:br"))
    for n, piece in enumerate(span.text.split("\t")):
        if n:
            r.append(_element("w:tab"))
        if piece:
            t = _element("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            r.append(t)
    return r


@lru_cache(maxsize=512)
def _run_properties(east_asian: str, latin: str, bold: bool, color: str | None, half_points: int):
    """A `w:rPr` made once for each font, weight, colour and size (a run takes a copy)."""
    rpr = _element("w:rPr")
    _fonts(rpr, east_asian, latin)
    if bold:
        _put(rpr, "w:b")
    if color:
        _put(rpr, "w:color", val=color)
    _put(rpr, "w:sz", val=half_points)
    _put(rpr, "w:szCs", val=half_points)
    return rpr


#: Child order of w:pPr and w:rPr in the WordprocessingML schema (ECMA-376 CT_PPrBase, CT_RPr).
PPR_ORDER: Sequence[str] = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER: Sequence[str] = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
    "em lang eastAsianLayout specVanish oMath"
).split()


#: Each tag's rank in the sequence of its parent (w:pPr or w:rPr).
_RANKS = {
    docx_qn(parent): {child: rank for rank, child in enumerate(order)}
    for parent, order in (("w:pPr", PPR_ORDER), ("w:rPr", RPR_ORDER))
}


@cache
def qn(tag: str) -> str:
    """python-docx's `qn`, remembered: a long report names the same few tags and attributes a million times."""
    return docx_qn(tag)


@cache
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    name = NamespacePrefixedTag(tag)
    return name.clark_name, name.nsmap


def _element(tag: str):
    """A new element of `tag` (w:p, w:r …) of python-docx's class for it, as `docx.oxml.OxmlElement` makes it."""
    clark, nsmap = _clark(tag)
    return oxml_parser.makeelement(clark, nsmap=nsmap)


def _put(parent, tag: str, **attributes):
    """Add (or find) child `tag` of a w:pPr or w:rPr at its place in the schema's sequence."""
    element = parent.find(qn(tag))
    if element is None:
        element = _place(parent, _element(tag))
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def _place(parent, element):
    """Put `element` into a w:pPr or w:rPr at its place in the schema's sequence (replacing its like)."""
    order = _RANKS[parent.tag]
    old = parent.find(element.tag)
    if old is not None:
        parent.remove(old)
    rank = order[_local(element)]
    later = next((c for c in parent if order.get(_local(c), -1) > rank), None)
    (later.addprevious if later is not None else parent.append)(element)
    return element


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _fonts(rpr, east_asian: str, latin: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
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
        grid = _element("w:docGrid")
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
            element = _element(tag)
            rpr.append(element)
        element.set(qn("w:val"), value)
    _condense(rpr, layout)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
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
    normal_ppr = normal.element.get_or_add_pPr()
    _put(normal_ppr, "w:snapToGrid", val=0)
    # Widow and orphan control would pull a line over to keep two together: pages of 21 lines.
    _put(normal_ppr, "w:widowControl", val=0)
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
        spacing = _element("w:spacing")
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
            char = _element("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text and text.strip() == instruction:
            instr = _element("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


#: Fonts the writer names, with the names Word and WPS fall back to when they are not installed.
FONT_FALLBACKS = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "华文中宋",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
}


def _font_table(document) -> None:
    """Declare each font with its fallback name (w:altName), GB2312 charset and family."""
    part = related_part(document, "fontTable")
    if part is None:
        raise ExportError("DOCX 模板缺少字体表（fontTable.xml）")
    root = parse_xml(part.blob)
    for old in [f for f in root.findall(qn("w:font")) if f.get(qn("w:name")) in FONT_FALLBACKS]:
        root.remove(old)
    for name, alternative in FONT_FALLBACKS.items():
        font = _element("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (
            ("w:altName", alternative),
            ("w:charset", "86"),
            ("w:family", "modern"),
            ("w:pitch", "fixed"),
        ):
            child = _element(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _properties(document, blocks: Sequence[Block], author: str) -> None:
    """Core properties that tell the truth (author, now, the title) and no blank Letter thumbnail."""
    now = datetime.now(UTC).replace(microsecond=0)
    core = document.core_properties
    core.author = core.last_modified_by = author
    core.created = core.modified = now
    core.revision = 1
    core.title = next((b.text for b in blocks if b.role == "title"), "")
    core.comments = core.keywords = core.subject = core.category = ""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def _save(document, path: Path) -> None:
    try:
        write_buffered_atomic(path, document.save)
    except OSError as exc:
        raise ExportError(f"无法保存 {path}：{os_reason(exc)}") from None
