"""Write checker findings into a copy of a DOCX as Word comments, anchored to the text they concern."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from phrasebank.atomic import write_buffered_atomic
from phrasebank.check.findings import Finding
from phrasebank.document.reader import open_docx, read_docx
from phrasebank.errors import PhrasebankError, os_reason

AUTHOR = "公文写作台"


def body_paragraphs(document) -> list[tuple[Paragraph, int]]:
    """Each paragraph as `read_paragraphs` reports it, with the length of Word's automatic number
    that reading put before its text (a finding's column counts it; the runs do not hold it)."""
    read = read_docx(document)
    return [(Paragraph(p, document._body), len(number)) for p, number in zip(read.elements, read.numbers, strict=True)]


def _split(run: Run, offset: int) -> Run:
    """Split a plain-text run at `offset`; return the second part (formatting copied)."""
    element = run._r
    twin = copy.deepcopy(element)
    element.addnext(twin)
    text = run.text
    run.text = text[:offset]
    second = Run(twin, run._parent)
    second.text = text[offset:]
    return second


def _isolate(paragraph: Paragraph, start: int, length: int) -> list[Run]:
    """The runs that cover exactly [start, start + length), splitting plain-text runs at the edges."""
    end, position, covered = start + length, 0, []
    for run in list(paragraph.runs):
        text = run.text
        run_start, run_end = position, position + len(text)
        position = run_end
        if run_end <= start or run_start >= end or not text:
            continue
        plain = all(child.tag in (qn("w:rPr"), qn("w:t")) for child in run._r)
        if plain and run_start < start:
            run = _split(run, start - run_start)
            run_start = start
        if plain and run_end > end:
            _split(run, end - run_start)
        covered.append(run)
    return covered


def annotate(source: Path, findings: Sequence[Finding], target: Path) -> int:
    """Copy `source` to `target` with one comment per finding; return how many were placed."""
    document = open_docx(source)
    paragraphs = body_paragraphs(document)
    placed = 0
    for finding in sorted(findings, key=lambda f: (f.paragraph, -f.column)):
        if finding.paragraph >= len(paragraphs):
            continue
        paragraph, skipped = paragraphs[finding.paragraph]
        runs = _isolate(paragraph, max(finding.column - skipped, 0), max(finding.length, 1))
        if not runs:
            continue
        fix = f" 建议改为：{finding.fix}" if finding.fix else ""
        document.add_comment(runs, text=f"【{finding.kind.value}】{finding.message}{fix}", author=AUTHOR, initials="GW")
        placed += 1
    try:
        write_buffered_atomic(target, document.save)
    except OSError as exc:
        raise PhrasebankError(f"无法写入 {target}：{os_reason(exc)}") from None
    return placed
