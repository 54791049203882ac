"""Word tables in and out: a table read from a DOCX is kept (`KeptTable`) so that saving writes it
back as it came when its rows are unchanged, into its own rows and cells when they were edited, and
as a GB/T 9704 table (full grid, 4号 仿宋, header row in 黑体 repeated on each page) when it is new.

The editor holds a table as row lines (`structure.tables`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree  # pyright: ignore[reportAttributeAccessIssue] (lxml ships no type information)

from phrasebank.document.layout import Layout
from phrasebank.structure.tables import CELL_BREAK, cell_paragraphs, row_cells, row_line

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_ATTRIBUTES = (f"{{{_R}}}embed", f"{{{_R}}}id", f"{{{_R}}}link")
#: Review marks and references to parts a new document does not have: dropped from a kept table
#: (the text read is the text with every change accepted, as the editor shows it).
_DROPPED = (
    "del",
    "moveFrom",
    "commentRangeStart",
    "commentRangeEnd",
    "rPrChange",
    "pPrChange",
    "tblPrChange",
    "tcPrChange",
    "trPrChange",
    "sectPrChange",
    "numberingChange",
    "proofErr",
)
_UNWRAPPED = ("ins", "moveTo")
_DROPPED_RUNS = ("commentReference", "footnoteReference", "endnoteReference")
_EMPHASIS = {qn(f"w:{name}") for name in ("b", "bCs", "i", "iCs", "u", "color", "highlight", "shd", "strike")}
#: 4号 for table text, as offices set tables under 3号 body text.
TABLE_SIZE = 14.0


@dataclass(frozen=True)
class KeptTable:
    """A table as read: its XML (Word numbering written into the text, review marks resolved), its
    row lines, the images and style definitions it needs in another document."""

    xml: bytes
    rows: tuple[str, ...]
    images: tuple[tuple[str, bytes], ...] = ()  # (relationship id in `xml`, image bytes)
    styles: tuple[bytes, ...] = ()  # w:style elements it names, with those they are based on


def _w(tag: str) -> str:
    return qn(f"w:{tag}")


def rows_of(tbl) -> list:
    """The table's own rows (not those of tables nested in its cells)."""
    return [tr for tr in tbl.iter(_w("tr")) if _owner(tr) is tbl]


def _owner(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _w("tbl"):
        parent = parent.getparent()
    return parent


def _cell_paragraphs(tc) -> list:
    """A cell's paragraphs in reading order, those of nested tables and text boxes included (a text
    box's fallback copy for old readers is skipped)."""
    return [p for p in tc.iter(_w("p")) if not any(a.tag == _FALLBACK for a in p.iterancestors())]


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def is_continuation(tc) -> bool:
    """Whether a cell is the lower part of a vertically merged cell."""
    merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
    return merge is not None and merge.get(_w("val")) != "restart"


def read_table(tbl, paragraph_text: Callable[[object], str], part) -> KeptTable:
    """Row lines of a w:tbl (each paragraph's text from `paragraph_text`, numbering included) and the
    table kept for writing back."""
    labels: dict[object, str] = {}
    lines = []
    for tr in rows_of(tbl):
        cells = []
        for tc in tr.findall(_w("tc")):
            if is_continuation(tc):
                cells.append("")
                continue
            texts = []
            for p in _cell_paragraphs(tc):
                text = paragraph_text(p)
                texts.append(text.replace(CELL_BREAK, " "))
                labels[p] = text
            cells.append(CELL_BREAK.join(texts))
        lines.append(row_line(cells))
    kept = copy.deepcopy(tbl)
    for original, twin in zip(tbl.iter(_w("p")), kept.iter(_w("p")), strict=True):
        if _w("numPr") in [c.tag for c in original.iter()] and original in labels:
            _set_text(twin, labels[original])  # Word's number, rendered into the text, stays visible
    _resolve_review(kept)
    images = _images(kept, part)
    return KeptTable(etree.tostring(kept), tuple(lines), images, _styles(kept, part))


def _resolve_review(tbl) -> None:
    for element in list(tbl.iter()):
        if not isinstance(element.tag, str):
            continue
        name = element.tag.rsplit("}", 1)[-1]
        parent = element.getparent()
        if parent is None:
            continue
        if name in _DROPPED:
            parent.remove(element)
        elif name in _DROPPED_RUNS and parent.tag == _w("r"):
            grand = parent.getparent()
            if grand is not None:
                grand.remove(parent)
        elif name in _UNWRAPPED:
            for child in list(element):
                element.addprevious(child)
            parent.remove(element)
        elif name == "hyperlink":
            element.attrib.pop(f"{{{_R}}}id", None)  # the link target stays behind; its text stays
        elif name == "numPr":
            parent.remove(element)


def _images(tbl, part) -> tuple[tuple[str, bytes], ...]:
    images = []
    for node in tbl.iter():
        for attribute in _REL_ATTRIBUTES:
            rel_id = node.get(attribute)
            if not rel_id:
                continue
            rel = part.rels.get(rel_id)
            if rel is not None and not rel.is_external and rel.reltype.endswith("/image"):
                images.append((rel_id, rel.target_part.blob))
            else:
                del node.attrib[attribute]  # a link this document cannot take along
    return tuple(images)


def _styles(tbl, part) -> tuple[bytes, ...]:
    try:
        styles = part.styles.element
    except (AttributeError, KeyError, ValueError):
        return ()
    by_id = {s.get(_w("styleId")): s for s in styles.findall(_w("style"))}
    wanted = {node.get(_w("val")) for node in tbl.iter(_w("tblStyle"), _w("pStyle"), _w("rStyle"))}
    found: list[bytes] = []
    seen: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if not style_id or style_id in seen or style_id not in by_id:
            continue
        seen.add(style_id)
        style = by_id[style_id]
        found.append(etree.tostring(style))
        based = style.find(_w("basedOn"))
        if based is not None:
            wanted.add(based.get(_w("val")))
    return tuple(found)


def _set_text(p, text: str) -> None:
    """Give a paragraph `text` in the format of its first run (its paragraph properties kept)."""
    first = p.find(f".//{_w('r')}")
    rpr = first.find(_w("rPr")) if first is not None else None
    for child in list(p):
        if child.tag != _w("pPr"):
            p.remove(child)
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    if text:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
    p.append(r)


def build_table(rows: Sequence[str], kept: Sequence[KeptTable], layout: Layout):
    """The w:tbl to write for a run of row lines, and the kept table it came from (None for a new one).

    Unchanged rows are the table as read; edited rows of a read table keep that table's formatting
    (a new row takes the shape of a row with as many cells); a table not read from a file is new.
    """
    source = _source(rows, kept)
    if source is None:
        return _new_table(rows, layout), None
    original = parse_xml(source.xml)
    if tuple(rows) == source.rows:
        return original, source
    old_rows = rows_of(original)
    for tr in old_rows:
        tr.getparent().remove(tr)  # a row may sit inside a content control of the table
    for index, line in enumerate(rows):
        cells = row_cells(line)
        if line in source.rows:
            original.append(copy.deepcopy(old_rows[source.rows.index(line)]))
            continue
        template = _template(old_rows, index, len(cells))
        new = index >= len(source.rows) or len(row_cells(source.rows[index])) != len(cells)
        if template is None:
            original.append(_new_row(cells, layout, index == 0))
        else:
            original.append(_filled(template, cells, plain=new))
    return original, source


def _source(rows: Sequence[str], kept: Sequence[KeptTable]) -> KeptTable | None:
    """The kept table these rows were read from: the one sharing most rows, or one with the same rows
    count and row shapes; None when no table was read like it."""
    best, best_shared = None, 0
    for table in kept:
        shared = len(set(rows) & set(table.rows))
        same_shape = [len(row_cells(r)) for r in rows] == [len(row_cells(r)) for r in table.rows]
        score = shared + (0.5 if same_shape else 0)
        if score > best_shared:
            best, best_shared = table, score
    return best


def _template(old_rows: list, index: int, count: int):
    def cells(tr) -> int:
        return len(tr.findall(_w("tc")))

    if index < len(old_rows) and cells(old_rows[index]) == count:
        return old_rows[index]
    same = [tr for tr in old_rows[1:] if cells(tr) == count] or [tr for tr in old_rows if cells(tr) == count]
    return same[-1] if same else None


def _filled(template, cells: list[str], plain: bool = False):
    """A copy of a row holding `cells`; `plain`: a new row, without the emphasis of the row it copies."""
    tr = copy.deepcopy(template)
    if plain:
        for rpr in tr.iter(_w("rPr")):
            for child in [c for c in rpr if c.tag in _EMPHASIS]:
                rpr.remove(child)
    for tc, cell in zip(tr.findall(_w("tc")), cells, strict=True):
        texts = cell_paragraphs(cell)
        if is_continuation(tc) and texts == [""]:
            continue
        merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
        if merge is not None and merge.get(_w("val")) != "restart":
            merge.getparent().remove(merge)
        paragraphs = tc.findall(_w("p"))
        if not paragraphs:
            paragraphs = [OxmlElement("w:p")]
            tc.append(paragraphs[0])
        while len(paragraphs) < len(texts):
            twin = copy.deepcopy(paragraphs[-1])
            paragraphs[-1].addnext(twin)
            paragraphs.append(twin)
        for extra in paragraphs[len(texts) :]:
            tc.remove(extra)
        for p, text in zip(paragraphs, texts, strict=False):
            _set_text(p, text)
    return tr


#: Text block width of the national layout in twentieths of a point (156 mm).
_WIDTH_TWIPS = 8845


def _new_table(rows: Sequence[str], layout: Layout):
    columns = max(len(row_cells(r)) for r in rows)
    tbl = OxmlElement("w:tbl")
    tbl_pr = OxmlElement("w:tblPr")
    tbl.append(tbl_pr)
    _child(tbl_pr, "w:tblW", w="5000", type="pct")
    _child(tbl_pr, "w:jc", val="center")
    borders = _child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _child(borders, f"w:{side}", val="single", sz="4", space="0", color="000000")
    _child(tbl_pr, "w:tblLayout", type="autofit")
    margins = _child(tbl_pr, "w:tblCellMar")
    for side in ("left", "right"):
        _child(margins, f"w:{side}", w="85", type="dxa")
    grid = _child(tbl, "w:tblGrid")
    for _ in range(columns):
        _child(grid, "w:gridCol", w=str(_WIDTH_TWIPS // columns))
    for index, line in enumerate(rows):
        tbl.append(_new_row(row_cells(line), layout, index == 0, columns))
    return tbl


def _new_row(cells: list[str], layout: Layout, header: bool, columns: int | None = None):
    columns = columns or len(cells)
    tr = OxmlElement("w:tr")
    tr_pr = _child(tr, "w:trPr")
    _child(tr_pr, "w:cantSplit")
    if header:
        _child(tr_pr, "w:tblHeader")
    for k, cell in enumerate(cells):
        tc = _child(tr, "w:tc")
        tc_pr = _child(tc, "w:tcPr")
        span = columns - len(cells) + 1 if k == len(cells) - 1 else 1
        _child(tc_pr, "w:tcW", w=str(_WIDTH_TWIPS // columns * span), type="dxa")
        if span > 1:
            _child(tc_pr, "w:gridSpan", val=str(span))
        _child(tc_pr, "w:vAlign", val="center")
        for text in cell_paragraphs(cell):
            tc.append(_cell_paragraph(text, layout, header))
    return tr


def _cell_paragraph(text: str, layout: Layout, header: bool):
    p = OxmlElement("w:p")
    ppr = _child(p, "w:pPr")
    _child(ppr, "w:spacing", before="0", after="0", line=str(round(TABLE_SIZE * 1.3 * 20)), lineRule="exact")
    _child(ppr, "w:ind", left="0", right="0", firstLine="0")
    _child(ppr, "w:jc", val="center" if header or len(text) <= 8 else "both")
    r = _child(p, "w:r")
    rpr = _child(r, "w:rPr")
    font = layout.heading1_font if header else layout.body_font
    _child(rpr, "w:rFonts", ascii=layout.latin_font, hAnsi=layout.latin_font, eastAsia=font, hint="eastAsia")
    _child(rpr, "w:sz", val=str(round(TABLE_SIZE * 2)))
    _child(rpr, "w:szCs", val=str(round(TABLE_SIZE * 2)))
    if text:
        t = _child(r, "w:t", **{"xml:space": "preserve"})
        t.text = text
    return p


def _child(parent, tag: str, **attributes):
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(key if ":" in key else f"w:{key}"), value)
    parent.append(element)
    return element


def add_styles(document, kept: KeptTable) -> None:
    """Add the style definitions a kept table names and this document lacks."""
    styles = document.styles.element
    have = {s.get(_w("styleId")) for s in styles.findall(_w("style"))}
    for xml in kept.styles:
        style = parse_xml(xml)
        if style.get(_w("styleId")) not in have:
            styles.append(style)
            have.add(style.get(_w("styleId")))
