"""A reviewer's tracked changes and comments (a leader's 审改 in Word or WPS), paragraph by paragraph.

The editor shows a paragraph with every change in it accepted; each `Change` says where it stands in
that text: an insertion covers the characters it added, a deletion stands at the point its text was
taken from, a comment covers the text it is about. The writer accepts or rejects them one by one;
those still open are written back as tracked changes and comments, so the reviewer sees them again.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class ChangeKind(StrEnum):
    INSERTED = "ins"
    DELETED = "del"
    FORMATTED = "format"  # emphasis set or taken off with 修订 on (w:rPrChange)
    COMMENT = "comment"


#: How the review list names each kind.
KIND_LABELS = {
    ChangeKind.INSERTED: "插入",
    ChangeKind.DELETED: "删除",
    ChangeKind.FORMATTED: "格式",
    ChangeKind.COMMENT: "批注",
}


@dataclass(frozen=True)
class Change:
    """One open change or comment of a paragraph, in offsets of the paragraph's text as shown."""

    kind: ChangeKind
    start: int
    end: int  # == start for a deletion
    text: str = ""  # the deleted text, the comment, or a format change's former emphasis (`former_emphasis`)
    author: str = ""
    date: str = ""  # as Word wrote it (ISO 8601), or empty

    def shifted(self, by: int) -> Change:
        return replace(self, start=self.start + by, end=self.end + by)

    def describe(self, paragraph: str) -> str:
        """One line for the review list: who did what to which words."""
        who = self.author or "审阅人"
        if self.kind is ChangeKind.INSERTED:
            return f"{who} 插入：“{paragraph[self.start : self.end]}”"
        if self.kind is ChangeKind.DELETED:
            return f"{who} 删除：“{self.text}”"
        if self.kind is ChangeKind.FORMATTED:
            return f"{who} 修改格式：“{paragraph[self.start : self.end][:20]}”"
        about = paragraph[self.start : self.end]
        return f"{who} 批注：{self.text}" + (f"（针对“{about[:20]}”）" if about else "")


def former_emphasis(change: Change) -> tuple[bytes, ...]:
    """The emphasis a format change replaced (w:rPr children, as `emphasis.run_emphasis` gives them)."""
    return tuple(piece.encode() for piece in re.findall(r"<w:[^>]*/>", change.text))


def comment_texts(document) -> dict[str, tuple[str, str, str]]:
    """Comment id -> (author, date, text) from a DOCX's comments part."""
    from phrasebank.document.reader import related_part

    part = related_part(document, "comments")
    if part is None:
        return {}
    from docx.oxml import parse_xml

    root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    found = {}
    for comment in root.iter(f"{{{_W}}}comment"):
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{{{_W}}}t")) for p in comment.iter(f"{{{_W}}}p")]
        found[comment.get(f"{{{_W}}}id") or ""] = (
            comment.get(f"{{{_W}}}author") or "",
            comment.get(f"{{{_W}}}date") or "",
            "\n".join(paragraphs).strip(),
        )
    return found


def write_changes(document, p, lengths: Sequence[int], changes: Sequence[Change], ids: Iterator[int]) -> None:
    """Write a paragraph's open changes into its w:p, whose runs hold `lengths` characters each and are
    cut at every change's ends: insertions as w:ins, deletions as w:del, comments as ranges with their
    comment in the comments part (python-docx adds the part)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    runs = [child for child in p if child.tag == qn("w:r")]
    starts = [sum(lengths[:k]) for k in range(len(lengths))]

    def marked(tag: str, change: Change):
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(ids)))
        element.set(qn("w:author"), change.author or "审阅人")
        if change.date:
            element.set(qn("w:date"), change.date)
        return element

    def outer(run):
        parent = run.getparent()
        return parent if parent is not None and parent.tag == qn("w:ins") else run

    def put_at(offset: int, element) -> None:
        later = next((outer(r) for r, a in zip(runs, starts, strict=True) if a >= offset), None)
        (later.addprevious if later is not None else p.append)(element)

    def put_after(offset: int, element) -> None:
        done = [outer(r) for r, a, n in zip(runs, starts, lengths, strict=True) if a + n <= offset]
        (done[-1].addnext if done else p.find(qn("w:pPr")).addnext)(element)

    for change in changes:
        if change.kind is ChangeKind.INSERTED:
            for run, a, n in zip(runs, starts, lengths, strict=True):
                if n and change.start <= a and a + n <= change.end and outer(run) is run:
                    wrapper = marked("w:ins", change)
                    run.addprevious(wrapper)
                    wrapper.append(run)
        elif change.kind is ChangeKind.DELETED:
            deleted = marked("w:del", change)
            r = OxmlElement("w:r")
            like = next(
                (run for run, a in zip(runs, starts, strict=True) if a >= change.start), runs[-1] if runs else None
            )
            if like is not None and like.find(qn("w:rPr")) is not None:
                r.append(copy.deepcopy(like.find(qn("w:rPr"))))
            text = OxmlElement("w:delText")
            text.set(qn("xml:space"), "preserve")
            text.text = change.text
            r.append(text)
            deleted.append(r)
            put_at(change.start, deleted)
        elif change.kind is ChangeKind.FORMATTED:
            for run, a, n in zip(runs, starts, lengths, strict=True):
                if n and change.start <= a and a + n <= change.end:
                    _format_change(run, marked("w:rPrChange", change), former_emphasis(change))
    for change in changes:
        if change.kind is ChangeKind.COMMENT:
            comment = document.comments.add_comment(text=change.text, author=change.author or "审阅人", initials="")
            key = str(comment.comment_id)
            start, end, reference = (
                OxmlElement("w:commentRangeStart"),
                OxmlElement("w:commentRangeEnd"),
                OxmlElement("w:r"),
            )
            for element in (start, end):
                element.set(qn("w:id"), key)
            mark = OxmlElement("w:commentReference")
            mark.set(qn("w:id"), key)
            reference.append(mark)
            put_at(change.start, start)
            put_after(change.end, end)
            end.addnext(reference)


def _format_change(run, change, former: Sequence[bytes]) -> None:
    """Mark a run's emphasis as set by the reviewer: w:rPrChange (last in w:rPr) holds what it was."""
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn

    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    before = OxmlElement("w:rPr")
    for xml in former:
        before.append(parse_xml(xml))
    change.append(before)
    rpr.append(change)
