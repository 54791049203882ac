"""A report as the editor holds it: its paragraphs, 版头/版记, kept pictures and how its file was written.

`open_report` reads any supported file into a `Report`; `save_report` writes one back, DOCX laid
out per GB/T 9704-2012 or text in the file's own encoding. Both run without a window (the CLI uses
them too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from phrasebank.atomic import write_bytes_atomic
from phrasebank.document.emphasis import Mark, carry
from phrasebank.document.files import DOCX_SUFFIXES, load_docx
from phrasebank.document.layout import NATIONAL, Layout
from phrasebank.document.masthead import Masthead, masthead_extent, split_masthead
from phrasebank.document.reader import CONVERTED_SUFFIXES, Picture
from phrasebank.errors import PhrasebankError, os_reason
from phrasebank.text.encoding import TextFormat, read_text_format, split_lines

if TYPE_CHECKING:
    from phrasebank.document.review import Change
    from phrasebank.document.tables import KeptTable

#: Files the editor opens: Word files directly, .doc/.wps/.rtf converted by LibreOffice, text.
OPENABLE = (*DOCX_SUFFIXES, ".txt", *CONVERTED_SUFFIXES)


@dataclass
class Report:
    paragraphs: list[str]
    masthead: Masthead = field(default_factory=Masthead)
    pictures: dict[str, list[Picture]] = field(default_factory=dict)  # paragraph text -> its pictures
    tables: list[KeptTable] = field(default_factory=list)  # tables read, written back as they came
    emphasis: list[tuple[str, tuple[Mark, ...]]] = field(default_factory=list)  # each paragraph as read, its marks
    changes: dict[int, tuple[Change, ...]] = field(default_factory=dict)  # paragraph index -> open 修订 and 批注
    text_format: TextFormat | None = None  # a text file's encoding and line break; None for DOCX
    unkept: str = ""  # what saving over the source file would lose: "2 个表格、1 个文本框"
    converted_from: Path | None = None  # the .doc/.wps/.rtf this was converted from


def open_report(path: Path) -> Report:
    """Read a report file as the writer wrote it (no cleaning), 版头 and 版记 taken apart."""
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES or suffix in CONVERTED_SUFFIXES:
        return _open_docx(path)
    text, text_format = read_text_format(path)
    masthead, paragraphs = split_masthead(split_lines(text))
    return Report(_trimmed(paragraphs), masthead, text_format=text_format)


def _open_docx(path: Path) -> Report:
    read = load_docx(path)
    pictures: dict[str, list[Picture]] = {}
    for index, found in read.pictures.items():
        pictures.setdefault(read.paragraphs[index].strip(), []).extend(found)
    masthead, paragraphs = split_masthead(read.paragraphs)
    top, bottom = masthead_extent(read.paragraphs)  # a 版头's red and bold are written anew
    emphasis = [(read.paragraphs[k], read.marks.get(k, ())) for k in range(top, bottom)] if read.marks else []
    changes = {k - top: found for k, found in read.changes.items() if top <= k < bottom}
    kept_apart = (
        (read.layout_tables, "个表格"),
        (read.text_boxes, "个文本框"),
        (read.drawings, "条绘制的线条或图形"),
        (read.notes, "个脚注或尾注"),
        (read.section_breaks, "个分节符"),
        (read.headers, "处页眉页脚"),
    )
    unkept = "、".join(f"{count} {what}" for count, what in kept_apart if count)
    converted = path if path.suffix.lower() in CONVERTED_SUFFIXES else None
    return Report(
        _trimmed(paragraphs),
        masthead,
        pictures,
        tables=read.tables,
        emphasis=emphasis,
        changes=changes,
        unkept=unkept,
        converted_from=converted,
    )


def _trimmed(paragraphs: list[str]) -> list[str]:
    while paragraphs and not paragraphs[-1].strip():
        paragraphs.pop()
    return paragraphs


def save_report(report: Report, path: Path, layout: Layout = NATIONAL, author: str = "") -> None:
    """Write atomically: .docx per GB/T 9704-2012 (pictures, tables and emphasis back in place); .txt in
    the file's format."""
    if path.suffix.lower() == ".docx":
        from phrasebank.document.writer import export_docx

        marks = carry(report.emphasis, report.paragraphs)
        changes = {}
        for index, found in report.changes.items():
            text = report.paragraphs[index]
            lead = len(text) - len(text.lstrip())
            changes[text.strip()] = tuple(change.shifted(-lead) for change in found)
        paragraphs, masthead = report.paragraphs, report.masthead
        export_docx(paragraphs, path, layout, masthead, author, report.pictures, report.tables, marks, changes)
        return
    text_format = report.text_format or TextFormat()
    paragraphs = report.masthead.wrap(report.paragraphs)
    try:
        data = text_format.encode(paragraphs)
    except UnicodeEncodeError as exc:
        raise PhrasebankError(
            f"无法按原编码（{text_format.encoding}）保存 {path.name}："
            f"“{exc.object[exc.start : exc.end]}”不能用这种编码表示。请另存为 DOCX。"
        ) from None
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise PhrasebankError(f"无法保存 {path}：{os_reason(exc)}") from None
