"""The checker: every rule family over a report, paragraph checks cached by text.

Paragraph checks look at one paragraph alone (the editor reruns them for the paragraphs that change);
document checks (heading numbering, 附件说明, 文种 and 行文) look at the whole structure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from phrasebank.check import (
    attachments,
    confusables,
    dates,
    docnumber,
    genre,
    headings,
    homophones,
    number_forms,
    parts,
    placeholders,
    punctuation,
    wording,
)
from phrasebank.check.findings import Finding, FindingKind
from phrasebank.check.formulations import Formulation, Formulations, load_formulations
from phrasebank.check.lists import USER_AVOID, USER_FORMULATIONS, AvoidWord, avoid_findings, load_avoid
from phrasebank.document.masthead import masthead_extent
from phrasebank.paths import RESOURCES, data_dir
from phrasebank.structure.outline import Structure
from phrasebank.structure.tables import cell_paragraphs, is_row, row_cells

FORMULATIONS_FILE = RESOURCES / "formulations.tsv"

#: Checks of one paragraph by itself: (paragraph index, text) -> findings.
PARAGRAPH_CHECKS = (
    placeholders.findings,
    punctuation.findings,
    number_forms.findings,
    docnumber.findings,
    confusables.findings,
    homophones.findings,
    headings.runin_findings,
    dates.findings,
    wording.findings,
    parts.findings,
)
#: Checks of a table cell's text: wording, not a paragraph's form (a cell needs no 。 and is no heading).
CELL_CHECKS = (
    placeholders.findings,
    number_forms.findings,
    confusables.findings,
    homophones.findings,
    dates.findings,
    wording.findings,
)
#: Checks over the whole report.
DOCUMENT_CHECKS = (
    headings.heading_findings,
    attachments.findings,
    genre.findings,
    dates.document_findings,
    parts.document_findings,
)


#: Rules about a style an author may choose for a whole document (”、“ between quoted items, 1、 for 1., a
#: level skipped under every chapter): said once, with how often.
STYLE_RULES = frozenset((punctuation.QUOTED_SERIES.id, headings.STYLE.id, headings.SKIP.id))


def _quotes_across_paragraphs(findings: list[Finding], paragraphs: Sequence[str]) -> list[Finding]:
    """A quotation of several paragraphs opens each with “ and closes only the last (GB/T 15834-2011, 引号):
    an opening “ left open is no slip when the next paragraph opens with “ again."""

    def continued(finding: Finding) -> bool:
        if finding.rule != punctuation.UNPAIRED.id or finding.found != "“":
            return False
        following = next((p.strip() for p in paragraphs[finding.paragraph + 1 :] if p.strip()), "")
        return following.startswith("“")

    return [f for f in findings if not continued(f)]


def one_per_spot(findings: list[Finding]) -> list[Finding]:
    """One finding where two rules say the same (主送机关后的半角冒号 is a 主送 slip and a punctuation
    slip, with the same fix): the more specific one stays, the general punctuation one goes."""
    kept: dict[tuple, int] = {}
    out: list[Finding] = []
    for finding in findings:
        key = (finding.paragraph, finding.column, finding.length, finding.fix)
        if finding.fix is None or key not in kept:
            kept[key] = len(out)
            out.append(finding)
        elif out[kept[key]].kind is FindingKind.PUNCTUATION:
            out[kept[key]] = finding
    return out


def style_notes(findings: list[Finding]) -> list[Finding]:
    """Each style rule's findings as one note at its first place, saying how often the style occurs."""
    firsts: dict[str, int] = {}
    counts: dict[str, int] = {}
    kept: list[Finding] = []
    for finding in findings:
        if finding.rule in STYLE_RULES:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
            if finding.rule in firsts:
                continue
            firsts[finding.rule] = len(kept)
        kept.append(finding)
    for rule, at in firsts.items():
        first = kept[at]
        if counts[rule] > 1:
            message = f"{first.message}（全文共 {counts[rule]} 处；如全文有意统一这样写，可忽略此项）"
            kept[at] = replace(first, message=message, fix=None)
    return kept


#: Paragraph results kept between checks (at least twice the paragraphs of the last document checked).
CACHE_PARAGRAPHS = 20_000


def _nothing() -> None:
    """What happens before a paragraph when nothing runs beside the checker."""


class Checker:
    """Runs every check; built from the shipped list plus the writer's own lists."""

    def __init__(self, formulations: Sequence[Formulation], avoid: Sequence[AvoidWord] = ()) -> None:
        self._matcher = Formulations(formulations)
        self.formulations = self._matcher.formulations  # those the matcher uses (four characters or more)
        self.avoid = list(avoid)
        self._cache: dict[str, list[Finding]] = {}
        self._cache_limit = CACHE_PARAGRAPHS
        self.pause: Callable[[], None] = _nothing  # runs before each paragraph (a window's pass gives way there)

    @classmethod
    def default(cls, folder: Path | None = None) -> Checker:
        """The shipped formulations plus the writer's own lists from the data folder."""
        folder = folder or data_dir()
        shipped = load_formulations(FORMULATIONS_FILE, required=True)  # a broken installation says so
        formulations = shipped + load_formulations(folder / USER_FORMULATIONS)
        return cls(formulations, load_avoid(folder / USER_AVOID))

    def check(self, paragraphs: Sequence[str]) -> list[Finding]:
        """All findings of a report, in document order."""
        # The document checks read the text between a 版头 and a 版记 (a 版头's lines are no title).
        top, bottom = masthead_extent(paragraphs)
        texts = [text if top <= k < bottom else "" for k, text in enumerate(paragraphs)]
        structure = Structure.from_texts(texts)
        self._cache_limit = max(CACHE_PARAGRAPHS, 2 * len(paragraphs))  # a long report is cached whole
        findings: list[Finding] = []
        for index, text in enumerate(paragraphs):
            findings.extend(self.check_paragraph(index, text))
        findings = _quotes_across_paragraphs(findings, paragraphs)
        for check in DOCUMENT_CHECKS:
            findings.extend(check(structure))
        findings.extend(genre.classified_findings(paragraphs))
        findings.extend(parts.signature_findings(paragraphs, structure))
        return style_notes(one_per_spot(sorted(findings, key=lambda f: (f.paragraph, f.column, f.kind.value))))

    def check_paragraph(self, index: int, text: str) -> list[Finding]:
        """Findings that one paragraph shows by itself (cached by text: unchanged paragraphs cost nothing)."""
        self.pause()
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._check_paragraph(text)
            if len(self._cache) > self._cache_limit:
                self._cache.clear()
        return [replace(f, paragraph=index) for f in cached] if index else list(cached)

    def _check_paragraph(self, text: str) -> list[Finding]:
        if is_row(text):
            return self._check_row(text)
        findings = self._matcher.findings(0, text) + avoid_findings(self.avoid, 0, text)
        for check in PARAGRAPH_CHECKS:
            findings.extend(check(0, text))
        return findings

    def _check_row(self, text: str) -> list[Finding]:
        """A table row: each cell's paragraphs by themselves, columns counted in the row's line."""
        findings: list[Finding] = []
        offset = len(text) - len(text.lstrip()) + 1
        for cell in row_cells(text):
            for piece in cell_paragraphs(cell):
                found = self._matcher.findings(0, piece) + avoid_findings(self.avoid, 0, piece)
                for check in CELL_CHECKS:
                    found.extend(check(0, piece))
                findings.extend(replace(f, column=f.column + offset) for f in found)
                offset += len(piece) + 1
        return findings
