"""Heading numbering: gaps and repeats, renumbering after moves, moving a section with its text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from phrasebank.structure.outline import OpenHeadings, Role, Structure
from phrasebank.text.chars import chinese_number, number_value
from phrasebank.text.lazy import lazy


def _format(level: int, template: str, n: int) -> str:
    """The numbering mark for level `level` in the writer's style (template), with value n."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）" if template.startswith("（") else f"({chinese_number(n)})"
    if level == 3:
        return f"{n}{template[-1] if template else '.'}"
    return f"（{n}）" if template.startswith("（") else f"({n})"


class Slip(StrEnum):
    """How a heading's number breaks its sequence."""

    GAP = "gap"  # a number skipped: 一、 then 三、
    REPEAT = "repeat"  # the same number again


@dataclass(frozen=True)
class NumberingIssue:
    """A heading whose number breaks its sequence: `expected` is what it should be."""

    index: int
    found: int
    expected: int
    kind: Slip


def _sequences(structure: Structure) -> list[list[int]]:
    """Paragraph indices of sibling headings, one list per (附件, parent, level) run."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    open_at: OpenHeadings[int] = OpenHeadings()
    segment = 0  # each 附件 numbers its headings afresh
    for index, para in enumerate(structure.paragraphs):
        if structure.roles[index] is Role.APPENDIX:
            segment, open_at = segment + 1, OpenHeadings()
        if structure.roles[index] is not Role.HEADING or not para.number:
            continue
        parent = open_at.enter(para.level, index)
        groups.setdefault((segment, -1 if parent is None else parent, para.level), []).append(index)
    return list(groups.values())


def numbering_issues(structure: Structure) -> list[NumberingIssue]:
    """Gaps (一、二、四) and repeats (二、二、) in every sequence of sibling headings."""
    issues = []
    for sequence in _sequences(structure):
        previous = 0
        for index in sequence:
            value = number_value(structure.paragraphs[index].number)
            if value is None:
                continue
            if value != previous + 1:
                slip = Slip.REPEAT if value == previous else Slip.GAP
                issues.append(NumberingIssue(index, value, previous + 1, slip))
            previous = value
    return issues


def renumber(texts: Sequence[str]) -> list[str]:
    """The paragraphs with every heading sequence numbered 1, 2, 3 … in its own style."""
    structure = Structure.from_texts(texts)
    out = list(texts)
    for sequence in _sequences(structure):
        for position, index in enumerate(sequence, start=1):
            para = structure.paragraphs[index]
            text = out[index]
            start = text.index(para.number)
            out[index] = text[:start] + _format(para.level, para.number, position) + text[start + len(para.number) :]
    return out


def section_span(structure: Structure, index: int) -> tuple[int, int]:
    """Paragraphs [start, end) of the heading at `index` with everything under it. The document's closing
    (特此报告。 and the like, after the last section) belongs to the document, not to the last section."""
    para = structure.paragraphs[index]
    end = index + 1
    while end < len(structure.paragraphs):
        other = structure.paragraphs[end]
        if structure.roles[end] is Role.HEADING and other.level <= para.level:
            return index, end
        if structure.roles[end] in (Role.SIGNATURE, Role.DATE, Role.APPENDIX):
            break
        end += 1
    while end - 1 > index and (
        structure.roles[end - 1] is Role.EMPTY or _CLOSING_LINE_RE.match(structure.paragraphs[end - 1].text.strip())
    ):
        end -= 1  # the closing lines stay where the document ends
    return index, end


#: A document's closing formula on a line of its own (报告、请示、通知、函).
_CLOSING_LINE_RE = lazy(
    r"^(?:特此(?:报告|汇报|通知|请示|函告|函复|说明)|妥否，请批示|当否，请批示|以上(?:报告|请示|意见)[^。]{0,16}"
    r"|妥否，请函复|专此函达|请认真贯彻执行|请遵照执行|请结合实际认真贯彻落实)[。！]?$"
)


def move_section(texts: Sequence[str], index: int, before: int) -> tuple[list[str], int]:
    """Move the section headed at `index` (with its text) to stand before paragraph `before`.

    Returns the new paragraphs and the new index of the moved heading.
    """
    structure = Structure.from_texts(texts)
    start, end = section_span(structure, index)
    if start <= before <= end:
        return list(texts), index
    block = list(texts[start:end])
    rest = list(texts[:start]) + list(texts[end:])
    target = before if before < start else before - (end - start)
    return rest[:target] + block + rest[target:], target


def slot_counts(structure: Structure) -> dict[int, int]:
    """How many unfilled slots (XX, X月X日 …) each first-level heading's section holds, by heading index
    (a renewed draft shows where the figures are still to fill in); sections without any are left out."""
    counts: dict[int, int] = {}
    heading = -1
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is Role.HEADING and para.level == 1:
            heading = index
        elif role in (Role.SIGNATURE, Role.DATE, Role.APPENDIX):
            heading = -1
        if heading >= 0 and (found := para.placeholders):
            counts[heading] = counts.get(heading, 0) + found
    return counts
