"""Emphasis set by hand inside a Word paragraph (bold, italic, underline, strike-through, colour,
highlight, shading), carried to the saved file: whole on a paragraph whose text is unchanged, and on
the characters an edited paragraph still has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Run properties that are emphasis, in the schema's order.
EMPHASIS_TAGS = ("b", "i", "strike", "color", "u", "highlight", "shd")
_OFF = {"0", "false", "off", "none", "auto", "000000", "ffffff", "clear"}
#: How much of an edited paragraph must be the old one for its marks to stay.
SAME_PARAGRAPH = 0.6


def _escaped(value: str) -> str:
    """An attribute's value as XML writes it between double quotes."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@dataclass(frozen=True)
class Mark:
    """Emphasis on the characters [start, end) of a paragraph's text: the w:rPr children that set it."""

    start: int
    end: int
    xml: tuple[bytes, ...]

    def shifted(self, by: int) -> Mark:
        return Mark(self.start + by, self.end + by, self.xml)


def is_on(element) -> bool:
    """Whether a run property is really on (w:b w:val="0", w:color auto, w:shd clear are off)."""
    if element is None:
        return False
    name = element.tag.rsplit("}", 1)[-1]
    value = element.get(f"{{{_W}}}fill") if name == "shd" else element.get(f"{{{_W}}}val")
    value = value or ("on" if name in ("b", "i", "strike") else "")
    return value != "" and value.lower() not in _OFF


def run_emphasis(run) -> tuple[bytes, ...]:
    """The emphasis a w:r sets by hand, as XML of its w:rPr children."""
    rpr = run.find(f"{{{_W}}}rPr")
    if rpr is None:
        return ()
    found = (rpr.find(f"{{{_W}}}{name}") for name in EMPHASIS_TAGS)
    return tuple(_compact(element) for element in found if is_on(element))


def _compact(element) -> bytes:
    """The element alone with its w: attributes (no namespace declarations of the file it came from)."""
    name = element.tag.rsplit("}", 1)[-1]
    attributes = "".join(
        f' w:{key.rsplit("}", 1)[-1]}="{_escaped(value)}"'
        for key, value in element.attrib.items()
        if key.startswith(f"{{{_W}}}")
    )
    return f'<w:{name} xmlns:w="{_W}"{attributes}/>'.encode()


def looks(mark: Mark) -> list[tuple[str, str]]:
    """What a mark sets, as (property, value): ("b", ""), ("color", "C00000"), ("highlight", "yellow")."""
    found = []
    for xml in mark.xml:
        text = xml.decode()
        name = text[3 : text.index(" ")]
        value = re.search(r'w:(?:fill|val)="([^"]*)"', text)
        found.append((name, value.group(1) if value else ""))
    return found


def merged(marks: Iterable[Mark]) -> tuple[Mark, ...]:
    """Marks in order, neighbours with the same emphasis joined."""
    out: list[Mark] = []
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.end <= mark.start:
            continue
        if out and out[-1].end == mark.start and out[-1].xml == mark.xml:
            out[-1] = Mark(out[-1].start, mark.end, mark.xml)
        else:
            out.append(mark)
    return tuple(out)


def restyled(marks: Sequence[Mark], start: int, end: int, xml: tuple[bytes, ...]) -> tuple[Mark, ...]:
    """`marks` with the characters [start, end) set to `xml` (no emphasis when it is empty)."""
    kept = [Mark(m.start, min(m.end, start), m.xml) for m in marks if m.start < start]
    kept += [Mark(max(m.start, end), m.end, m.xml) for m in marks if m.end > end]
    return merged([*kept, Mark(start, end, xml)] if xml else kept)


def carry(read: Sequence[tuple[str, tuple[Mark, ...]]], paragraphs: Sequence[str]) -> dict[str, tuple[Mark, ...]]:
    """Marks for `paragraphs` as they are now, by paragraph text (stripped, offsets in it).

    `read` is every paragraph as read with its marks (a later entry for the same text wins: a rejected
    format change). A paragraph still as read keeps its marks; an edited one that is mostly the
    paragraph it was (paired in document order) keeps the marks on the characters it still has.
    """
    if not any(marks for _, marks in read):
        return {}
    old = [_stripped(text, marks) for text, marks in read]
    new = [text.strip() for text in paragraphs]
    result = dict(old)
    import difflib  # (loads with the first edited paragraph that had marks, not with the window)

    pairs = difflib.SequenceMatcher(None, [t for t, _ in old], new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in pairs:
        if tag != "replace":
            continue
        for (before, marks), after in zip(old[i1:i2], new[j1:j2], strict=False):
            if marks and after not in result:
                moved = _moved(before, after, marks)
                if moved:
                    result[after] = moved
    return {text: marks for text, marks in result.items() if marks}


def _stripped(text: str, marks: tuple[Mark, ...]) -> tuple[str, tuple[Mark, ...]]:
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    shifted = (Mark(max(m.start - lead, 0), min(m.end - lead, len(stripped)), m.xml) for m in marks)
    return stripped, merged(shifted)


def _moved(before: str, after: str, marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    import difflib

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    if matcher.ratio() < SAME_PARAGRAPH:
        return ()
    moved = []
    for a, b, size in matcher.get_matching_blocks():
        for mark in marks:
            start, end = max(mark.start, a), min(mark.end, a + size)
            if start < end:
                moved.append(Mark(start - a + b, end - a + b, mark.xml))
    return merged(moved)
