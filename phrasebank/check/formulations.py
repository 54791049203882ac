"""Canonical formulations (`resources/formulations.tsv` plus the writer's own): near misses one edit away,
and fixed series in the wrong order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.check.lists import tsv_rows

NEAR_MISS = Rule(
    "formulation-near-miss",
    FindingKind.FORMULATION,
    "resources/formulations.tsv（每条注明出处）",
    "疑为规范表述之误",
)
SERIES_ORDER = Rule(
    "formulation-order", FindingKind.ORDER, "resources/formulations.tsv（每条注明出处）", "固定表述的顺序不对"
)
RULES = (NEAR_MISS, SERIES_ORDER)


@dataclass(frozen=True)
class Formulation:
    text: str
    source: str

    @property
    def items(self) -> list[str]:
        return [part for part in re.split("[、，]", self.text) if part]


def load_formulations(path: Path, required: bool = False) -> list[Formulation]:
    """The formulations of a list (a shipped list is `required`: missing or empty is an error)."""
    return [Formulation(row[0], (row[1:] or [""])[0] or "自定义") for row in tsv_rows(path, required)]


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when b differs from a by one deletion, insertion, substitution or adjacent transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


_MARKS = set("“”‘’《》（）()、，。；：！？ ")
_NUMERALS = set("一二三四五六七八九十百两0123456789")
_QUOTES = set("“”‘’《》")
_INTERCHANGEABLE = ({"和", "与"}, {"、", "和"})  # 统筹发展与安全; 教育、科技和人才
_BOUNDARY = set("“”‘’《》（）()、，。；：！？ \t") | {""}


def _edit(canonical: str, found: str) -> tuple[str, int, str, str]:
    """The single edit: (kind, index in the longer string, character before, character after).

    kind is "sub", "swap", "del" (found lacks a character) or "ins" (found has one more).
    """
    i = 0
    while i < min(len(canonical), len(found)) and canonical[i] == found[i]:
        i += 1
    if len(canonical) == len(found):
        if i + 1 < len(canonical) and canonical[i + 1] != found[i + 1]:
            return "swap", i, canonical[i : i + 2], found[i : i + 2]
        return "sub", i, canonical[i], found[i]
    if len(found) < len(canonical):
        return "del", i, canonical[i], ""
    return "ins", i, "", found[i]


def _plausible_slip(canonical: str, found: str, text: str, start: int, end: int) -> bool:
    """Whether a one-edit variant reads as a slip rather than another term.

    Not a slip: another count (三位一体 for 五位一体, 十个坚持 beside 十四个坚持); 和 for 与; quote marks
    only; a short formula not quoted; an edit in the first or last two characters with ordinary text
    on that side (x件为群众办实事, 产城融合发展 are other words that happen to share characters).
    """
    kind, position, old, new = _edit(canonical, found)
    longer = canonical if len(canonical) >= len(found) else found
    if kind == "sub" and old in _NUMERALS and new in _NUMERALS:
        return False
    if (
        kind in ("del", "ins")
        and (old or new) in _NUMERALS
        and (longer[position - 1 : position] in _NUMERALS or longer[position + 1 : position + 2] in _NUMERALS)
    ):
        return False
    if kind == "sub" and {old, new} in _INTERCHANGEABLE:
        return False
    if set(old + new) <= _QUOTES:
        return False
    before, after = text[start - 1 : start], text[end : end + 1]
    if len(canonical) <= 5 and not (before == "“" and after == "”"):
        return False  # a short formula is only taken for one when the writer quotes it
    if position <= 1 and before not in _BOUNDARY:
        return False  # 产城融合发展 holds 城融合发展; a slip near the start shows after a boundary
    return not (position >= len(longer) - 2 and after not in _BOUNDARY)


def _series_pattern(items: list[str]) -> re.Pattern[str]:
    """Any order of the series' items joined by 、 (to catch 学史增信、学史明理、… out of order)."""
    item = "(?:" + "|".join(map(re.escape, items)) + ")"
    return re.compile(f"{item}(?:、{item}){{{len(items) - 1}}}")


class Formulations:
    """The formulations a checker knows (four characters or longer), ready to match."""

    def __init__(self, formulations: Sequence[Formulation]) -> None:
        self.formulations = [f for f in formulations if len(f.text) >= 4]
        self._canonical = {f.text for f in self.formulations}
        self._series = [f for f in self.formulations if len(f.items) >= 3]
        self._series_res = {f.text: _series_pattern(f.items) for f in self._series}

    def findings(self, index: int, text: str) -> list[Finding]:
        findings: list[Finding] = []
        taken: list[tuple[int, int]] = []
        for formulation in sorted(self.formulations, key=lambda f: -len(f.text)):
            for start, end, found in self._near_misses(formulation.text, text):
                if any(start < b and a < end for a, b in taken):
                    continue
                taken.append((start, end))
                message = f"“{found}”疑为规范表述“{formulation.text}”之误（{formulation.source}）"
                findings.append(NEAR_MISS.at(index, start, found, formulation.text, message))
        for formulation in self._series:
            for match in self._series_res[formulation.text].finditer(text):
                found = match.group(0)
                if found != formulation.text and sorted(found.split("、")) == sorted(formulation.items):
                    message = f"固定表述的顺序应为“{formulation.text}”（{formulation.source}）"
                    findings.append(SERIES_ORDER.at(index, match.start(), found, formulation.text, message))
        return findings

    def _near_misses(self, canonical: str, text: str) -> Iterable[tuple[int, int, str]]:
        """Spans of text one edit away from the canonical form (never overlapping an exact use)."""
        exact = [(m.start(), m.end()) for m in re.finditer(re.escape(canonical), text)]
        size = len(canonical)
        third = max(size // 3, 1)
        pieces = ((0, canonical[:third]), (third, canonical[third : 2 * third]), (2 * third, canonical[2 * third :]))
        starts: set[tuple[int, int]] = set()
        for offset, piece in pieces:  # one edit leaves at least one of three pieces intact
            if not piece:
                continue
            position = text.find(piece)
            while position >= 0:
                for shift in (-1, 0, 1):
                    start = position - offset + shift
                    for width in (size - 1, size, size + 1):
                        if start >= 0 and start + width <= len(text):
                            starts.add((start, start + width))
                position = text.find(piece, position + 1)
        for start, end in sorted(starts):
            found = text[start:end]
            if any(start < b and a < end for a, b in exact) or not edit_distance_at_most_one(canonical, found):
                continue
            if found in self._canonical:
                continue
            if not _plausible_slip(canonical, found, text, start, end):
                continue
            yield start, end, found
