"""Read a Word/WPS file as the writer sees it: paragraphs in reading order, numbering, tables, text boxes.

- Word's automatic numbering (numbering.xml) is rendered into the text: 一、 （一） 1. as Word shows them.
- A table is read as row lines (│cell│cell│, see `structure.tables`) and kept whole (`tables.KeptTable`);
  a merged cell once.
- A text box's paragraphs come once, right after the paragraph that anchors it (its fallback copy
  for old readers is skipped); content controls are read like the text around them.
- A paragraph that is only a picture reads as a numbered picture marker; the picture itself is kept
  (`Picture`) so that saving writes it back where the marker stands.
- .dotx/.docm open as documents; .doc/.wps/.rtf are converted through LibreOffice when it is installed.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phrasebank.document.emphasis import Mark, merged, run_emphasis
from phrasebank.document.review import Change, ChangeKind, comment_texts
from phrasebank.errors import ReadError, os_reason
from phrasebank.text.lazy import lazy

if TYPE_CHECKING:
    from phrasebank.document.tables import KeptTable

#: Style of the blank lines the DOCX writer adds for layout; reading skips them.
SPACER_STYLE = "GongwenSpacer"
#: File types read by converting them to DOCX with LibreOffice first.
CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".dot", ".wpt", ".odt")

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


#: Elements whose text is not part of the paragraph's text as read.
_SKIPPED = {
    _w("delText"),
    _w("instrText"),
    _w("del"),
    _w("moveFrom"),
    f"{{{_MC}}}Fallback",
    _w("txbxContent"),
    _w("rPr"),
    _w("pPr"),
}


@dataclass(frozen=True)
class Picture:
    """A picture run of a DOCX, portable to another document: its XML and the image parts it uses."""

    xml: bytes
    images: tuple[tuple[str, bytes], ...]  # (relationship id in `xml`, image bytes)


@dataclass
class DocxText:
    """What reading a DOCX gives: the paragraphs, the w:p behind each, and what the editor cannot show."""

    paragraphs: list[str] = field(default_factory=list)
    elements: list[Any] = field(default_factory=list)  # the w:p of each paragraph
    numbers: list[str] = field(default_factory=list)  # Word's automatic number put before each text
    pictures: dict[int, list[Picture]] = field(default_factory=dict)  # paragraph index -> its pictures
    tables: list[KeptTable] = field(default_factory=list)  # each read as row lines (structure.tables)
    layout_tables: int = 0  # tables that lay out the report itself, read cell by cell as paragraphs
    body_chars: int = 0
    text_boxes: int = 0
    insertions: int = 0  # a reviewer's tracked changes (w:ins, w:del): the text read is the accepted one
    deletions: int = 0
    reviewers: list[str] = field(default_factory=list)
    comments: int = 0
    emphasised: list[int] = field(default_factory=list)  # paragraphs with runs set bold, coloured … by hand
    marks: dict[int, tuple[Mark, ...]] = field(default_factory=dict)  # paragraph index -> its emphasis
    changes: dict[int, tuple[Change, ...]] = field(default_factory=dict)  # paragraph index -> open 修订/批注
    comment_texts: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # comment id -> author, date, text
    section_breaks: int = 0
    headers: int = 0  # headers and footers holding text
    drawings: int = 0  # drawn lines and shapes (not pictures)
    notes: int = 0  # footnotes and endnotes (their text is not in the editor)


def picture_marker(number: int) -> str:
    """The line that stands for a picture in the editor; saving writes the picture back in its place."""
    return f"［图片{number}：编辑器中不显示，保存时保留］"


PICTURE_MARKER_RE = lazy(r"^［图片\d+：编辑器中不显示，保存时保留］$")


def open_docx(path: Path):
    """A python-docx Document for a .docx, .docm, .dotx or .dotm file (templates open as documents)."""
    import docx

    try:
        return docx.Document(str(path))
    except ValueError as exc:
        if "content type" not in str(exc):
            raise
    data = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                for other in _OTHER_MAIN_TYPES:
                    content = content.replace(other.encode(), _DOCUMENT_TYPE.encode())
            target.writestr(info, content)
    data.seek(0)
    return docx.Document(data)


def related_part(document, kind: str):
    """The document part's related part of one kind ("numbering", "fontTable"), or None."""
    return next((r.target_part for r in document.part.rels.values() if r.reltype.endswith(f"/{kind}")), None)


def read_docx(document) -> DocxText:
    """Every paragraph of the body in reading order (see the module's description)."""
    from phrasebank.document.list_numbers import Numbering

    out = DocxText()
    out.body_chars = sum(len(t.text or "") for t in document.element.body.iter(_w("t")))
    out.comment_texts = comment_texts(document)
    numbering = Numbering(document)
    _blocks(document.element.body, out, numbering, document.part)
    _review(document, out)
    _formatting(document, out)
    return out


_PAGE_NUMBER_RE = lazy(r"^[—－\-–\s\d第页共/]*$")


def _formatting(document, out: DocxText) -> None:
    """Count what the editor's plain paragraphs cannot carry, so that a save over the file names it."""
    body = document.element.body
    out.emphasised = sorted(out.marks)
    out.section_breaks = sum(1 for ppr in body.iter(_w("pPr")) if ppr.find(_w("sectPr")) is not None)
    out.drawings = sum(1 for _ in body.iter("{urn:schemas-microsoft-com:vml}line")) + sum(
        1 for _ in body.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp")
    )
    out.notes = _notes(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            try:
                texts = [p.text.strip() for p in part.paragraphs if p.text.strip()]
                if not part.is_linked_to_previous and any(not _PAGE_NUMBER_RE.match(t) for t in texts):
                    out.headers += 1  # page numbers are written anew; other header or footer text would go
            except (ValueError, KeyError):
                continue


def _notes(document) -> int:
    """How many footnotes and endnotes the file holds (Word's separator notes not counted)."""
    from docx.oxml import parse_xml

    count = 0
    for kind, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        part = related_part(document, kind)
        if part is None:
            continue
        root = part.element if hasattr(part, "element") else parse_xml(part.blob)
        count += sum(1 for note in root.iter(_w(tag)) if (note.get(_w("type")) or "normal") == "normal")
    return count


def _review(document, out: DocxText) -> None:
    """Count a reviewer's tracked changes and comments (the editor shows the text with every change
    accepted; the writer is told before anything is saved over them)."""
    body = document.element.body
    changes = [*body.iter(_w("ins")), *body.iter(_w("del"))]
    out.insertions = sum(1 for c in changes if c.tag == _w("ins"))
    out.deletions = len(changes) - out.insertions
    out.reviewers = sorted({c.get(_w("author")) or "" for c in changes} - {""})
    comments = related_part(document, "comments")
    if comments is not None:
        from docx.oxml import parse_xml

        root = comments.element if hasattr(comments, "element") else parse_xml(comments.blob)
        out.comments = sum(1 for _ in root.iter(_w("comment")))
        commenters = {c.get(_w("author")) or "" for c in root.iter(_w("comment"))}
        out.reviewers = sorted((set(out.reviewers) | commenters) - {""})


def _blocks(container, out: DocxText, numbering, part) -> None:
    for child in container:
        tag = child.tag
        if tag == _w("p"):
            _paragraph(child, out, numbering, part)
        elif tag == _w("tbl") and _is_layout_table(child, out):
            out.layout_tables += 1
            for row in child.iter(_w("tr")):
                if row.getparent() is not child:
                    continue
                for cell in row.findall(_w("tc")):
                    merge = cell.find(f"{_w('tcPr')}/{_w('vMerge')}")
                    if merge is not None and merge.get(_w("val")) != "restart":
                        continue  # the rest of a vertically merged cell
                    _blocks(cell, out, numbering, part)
        elif tag == _w("tbl"):
            from phrasebank.document.tables import read_table

            kept = read_table(child, lambda p: _cell_text(p, out, numbering), part)
            out.tables.append(kept)
            out.paragraphs.extend(kept.rows)
            out.elements.extend([None] * len(kept.rows))
            out.numbers.extend([""] * len(kept.rows))
        elif tag in (_w("sdt"), _w("customXml"), _w("sdtContent")):
            content = child.find(_w("sdtContent")) if tag == _w("sdt") else child
            if content is not None:
                _blocks(content, out, numbering, part)


_CHAPTER_RE = lazy(r"^\s*[一二三四五六七八九十]+、")
_MASTHEAD_CELL_RE = lazy(r"^(?:抄送[：:]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日印发$|[^，。]{2,30}文件$|文件$)")


def _is_layout_table(tbl, out: DocxText) -> bool:
    """A table that holds the report itself rather than data: one column, a 版头 or 版记, or most of the
    document's text with chapter headings (一、) in its cells. Its cells are read as paragraphs."""
    rows = [tr for tr in tbl.iter(_w("tr")) if tr.getparent() is tbl]
    if all(len(tr.findall(_w("tc"))) <= 1 for tr in rows):
        return True
    texts = ["".join(t.text or "" for t in p.iter(_w("t"))) for p in tbl.iter(_w("p"))]
    if any(_MASTHEAD_CELL_RE.match(text.strip()) for text in texts):
        return True  # a 版头 (联合发文的机关 in a table) or a 版记 (抄送、印发) set as a table
    chapters = sum(1 for text in texts if _CHAPTER_RE.match(text))
    return chapters >= 1 and sum(map(len, texts)) * 2 > out.body_chars


def _paragraph(p, out: DocxText, numbering, part) -> None:
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    if style is not None and style.get(_w("val")) == SPACER_STYLE:
        return
    gathered = _Gathered(out.comment_texts)
    gathered.collect(p)
    number = numbering.label(p)
    text = number + "".join(gathered.pieces)
    index = len(out.paragraphs)
    if gathered.marks:
        out.marks[index] = merged(m.shifted(len(number)) for m in gathered.marks)
    if changes := gathered.finished_changes():
        out.changes[index] = tuple(c.shifted(len(number)) for c in changes)
    if gathered.pictures:
        portable = [_portable(picture, part) for picture in gathered.pictures]
        out.pictures[index] = portable
        if not text.strip():
            text = picture_marker(sum(len(v) for v in out.pictures.values()) - len(portable) + 1)
    out.paragraphs.append(text)
    out.elements.append(p)
    out.numbers.append(number)
    for box in gathered.boxes:
        out.text_boxes += 1
        _blocks(box, out, numbering, part)


def _cell_text(p, out: DocxText, numbering) -> str:
    """A table cell paragraph's text (its pictures and text boxes stay in the kept table)."""
    gathered = _Gathered(None)
    gathered.collect(p)
    out.text_boxes += len(gathered.boxes)
    return numbering.label(p) + "".join(gathered.pieces)


class _Gathered:
    """What walking one paragraph gathers: its text in document order, and on the side its text boxes,
    pictures, emphasised runs and (when `comments` is given) tracked changes and comments."""

    def __init__(self, comments: dict[str, tuple[str, str, str]] | None) -> None:
        self.pieces: list[str] = []
        self.boxes: list = []
        self.pictures: list = []
        self.marks: list[Mark] = []
        self.changes: list[Change] | None = None if comments is None else []
        self.comments = comments or {}
        self.open_comments: dict[str, int] = {}  # comment id -> where its range starts
        self.comment_spans: dict[str, tuple[int, int]] = {}  # comment id -> the text it is about
        self.length = 0

    def add(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)

    def collect(self, node, emphasis: bool = True) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if self.changes is not None and tag in _REVIEW_TAGS:
                self._review(child, tag)
                continue
            if tag in _SKIPPED:
                if tag == _w("txbxContent"):
                    self.boxes.append(child)
                continue
            if tag == _w("t"):
                self.add(child.text or "")
            elif tag == _w("tab"):
                self.add("\t")
            elif tag == _w("noBreakHyphen"):
                self.add("-")
            elif tag in (_w("drawing"), _w("pict")):
                inner = _Gathered(None)
                inner.collect(child)
                self.boxes.extend(inner.boxes)
                if not inner.boxes and _has_image(child):
                    self.pictures.append(child)
            elif emphasis and tag == _w("r"):
                start, found = self.length, run_emphasis(child)
                self.collect(child, emphasis=False)
                if found:
                    self.marks.append(Mark(start, self.length, found))
                self._format_change(child, start, found)
            else:
                self.collect(child, emphasis)

    def _review(self, element, tag: str) -> None:
        assert self.changes is not None
        author, date = element.get(_w("author")) or "", element.get(_w("date")) or ""
        at = self.length
        if tag in (_w("ins"), _w("moveTo")):
            self.collect(element)
            if self.length > at:
                self.changes.append(Change(ChangeKind.INSERTED, at, self.length, "", author, date))
        elif tag in (_w("del"), _w("moveFrom")):
            text = "".join(t.text or "" for t in element.iter(_w("delText"), _w("t")))
            if text:
                self.changes.append(Change(ChangeKind.DELETED, at, at, text, author, date))
        elif tag == _w("commentRangeStart"):
            self.open_comments[element.get(_w("id")) or ""] = at
        elif tag in (_w("commentRangeEnd"), _w("commentReference")):
            key = element.get(_w("id")) or ""
            if key in self.comments and key not in self.comment_spans:
                self.comment_spans[key] = (self.open_comments.pop(key, at), at)

    def _format_change(self, run, start: int, now: tuple[bytes, ...]) -> None:
        """A run whose emphasis the reviewer changed with 修订 on (w:rPrChange): one change per stretch.
        A change of what the editor does not keep (font, size) is left out: it has nothing to show."""
        rpr = run.find(_w("rPr"))
        change = rpr.find(_w("rPrChange")) if rpr is not None else None
        if self.changes is None or change is None or self.length == start:
            return
        former = change.find(_w("rPr"))
        before = "".join(x.decode() for x in run_emphasis(change)) if former is not None else ""
        if before == "".join(x.decode() for x in now):
            return
        author, date = change.get(_w("author")) or "", change.get(_w("date")) or ""
        last = self.changes[-1] if self.changes else None
        if last and last.kind is ChangeKind.FORMATTED and last.end == start and (last.text, last.author) == (
            before,
            author,
        ):
            self.changes[-1] = Change(ChangeKind.FORMATTED, last.start, self.length, before, author, last.date)
        else:
            self.changes.append(Change(ChangeKind.FORMATTED, start, self.length, before, author, date))

    def finished_changes(self) -> list[Change]:
        """The paragraph's changes in order; a comment still open at its end covers the rest of it."""
        if self.changes is None:
            return []
        still_open = {k: (at, self.length) for k, at in self.open_comments.items() if k in self.comments}
        spans = self.comment_spans | still_open
        for key, (start, end) in spans.items():
            author, date, text = self.comments[key]
            self.changes.append(Change(ChangeKind.COMMENT, start, end, text, author, date))
        return sorted(self.changes, key=lambda c: (c.start, c.end))


_REVIEW_TAGS = frozenset(
    _w(name)
    for name in ("ins", "moveTo", "del", "moveFrom", "commentRangeStart", "commentRangeEnd", "commentReference")
)


def _has_image(element) -> bool:
    return any(
        node.get(f"{{{_R}}}embed") or node.get(f"{{{_R}}}id")
        for node in element.iter()
        if isinstance(node.tag, str) and node.tag.rsplit("}", 1)[-1] in ("blip", "imagedata")
    )


def _portable(element, part) -> Picture:
    from lxml import etree  # pyright: ignore[reportAttributeAccessIssue] (lxml ships no type information)

    images = []
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag.rsplit("}", 1)[-1] not in ("blip", "imagedata"):
            continue
        for attribute in (f"{{{_R}}}embed", f"{{{_R}}}id"):
            rel_id = node.get(attribute)
            if rel_id and rel_id in part.rels and not part.rels[rel_id].is_external:
                images.append((rel_id, part.rels[rel_id].target_part.blob))
    return Picture(etree.tostring(element), tuple(images))


#: How long one conversion may take.
CONVERT_SECONDS = 180


def convert_with_libreoffice(path: Path, folder: Path, to: str = "docx") -> Path:
    """Convert an old .doc/.wps/.rtf to DOCX (or to another format LibreOffice writes) in `folder`;
    a clear error when LibreOffice is missing."""
    import subprocess  # (here: 10 ms of the editor's start)

    soffice = shutil.which("soffice") or shutil.which("libreoffice") or _windows_soffice()
    if not soffice:
        raise ReadError(
            path,
            f"打开 {path.suffix} 文件需要 LibreOffice 转换，本机未安装。"
            "请安装 LibreOffice（Debian/Ubuntu：sudo apt install libreoffice-writer；Windows/macOS：libreoffice.org），"
            "或在 Word/WPS 中把文件另存为 .docx 后再打开",
        )
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=folder))
    try:
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(folder),
                str(path),
            ],
            capture_output=True,
            timeout=CONVERT_SECONDS,
        )
    except OSError as exc:
        raise ReadError(path, f"LibreOffice 无法启动（{os_reason(exc)}），请检查 LibreOffice 的安装") from None
    except subprocess.TimeoutExpired:
        raise ReadError(path, f"LibreOffice 在 {CONVERT_SECONDS} 秒内没有完成转换，请稍后再试") from None
    converted = folder / f"{path.stem}.{to}"
    if done.returncode != 0:
        said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        detail = f"：{said[-1][:120]}" if said else ""
        raise ReadError(path, f"LibreOffice 没有正常运行（退出码 {done.returncode}{detail}），文件未转换")
    if not converted.exists():
        raise ReadError(path, f"LibreOffice 没有转换出 {to.upper()}，文件可能已损坏或加密")
    return converted


def _windows_soffice() -> str | None:
    for base in (Path("C:/Program Files/LibreOffice"), Path("C:/Program Files (x86)/LibreOffice")):
        candidate = base / "program" / "soffice.exe"
        if candidate.exists():
            return str(candidate)
    return None
