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
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    i, n = 0, len(short)
    while i < n and short[i] == long[i]:
        i += 1
    if len(a) != len(b):
        return short[i:] == long[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


_MARKS = set("“”‘’《》（）()、，。；：！？ ")
#: A formulation this short is taken for one only when the writer quotes it (“四个意识”).
SHORT = 5
#: A province, city or county writes its own version of a national formulation: 依法治国 → 依法治省.
_LOCAL = {"国": set("省市县区州盟旗乡镇村"), "中": set("省市县区")}
#: Words a sentence may add or drop around a formulation without garbling it (a list ending in 等).
_FUNCTION = set("的之和与及等了着并而")
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
    if kind == "sub" and new in _LOCAL.get(old, ()):
        return False  # a local version (依法治省, 全面依法治市)
    if kind == "sub" and not _homophones(old, new):
        return False  # an input method slips to a word that sounds the same; any other change is a choice
    if kind in ("del", "ins") and (old or new) in _MARKS:
        return False
    if kind in ("del", "ins") and (old or new) in _FUNCTION and position in (0, len(longer) - 1):
        return False  # 等 or 和 at the edge belongs to the sentence, not to the formulation
    if "等" in text[end : end + 1] or (kind == "sub" and new in _MARKS and old in _MARKS):
        return False
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
    if len(canonical) <= SHORT and not (before == "“" and after == "”"):
        return False  # a short formula is only taken for one when the writer quotes it
    if position <= 1 and before not in _BOUNDARY:
        return False  # 产城融合发展 holds 城融合发展; a slip near the start shows after a boundary
    return not (position >= len(longer) - 2 and after not in _BOUNDARY)


def _homophones(a: str, b: str) -> bool:
    """Whether two characters share a reading, tones aside and with the fuzzy sounds pinyin input methods
    let a writer confuse (zh/z, ch/c, sh/s, n/l, -ng/-n): 到位/到为, 传导/传到, 自信/自性."""
    from pypinyin import Style, pinyin

    readings = [{fuzzy(r) for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]} for ch in (a, b)]
    return bool(readings[0] & readings[1]) and a != b


def fuzzy_reading(character: str) -> str:
    """A character's common reading, tones aside, with an input method's fuzzy sounds."""
    from pypinyin import Style, pinyin

    return fuzzy(pinyin(character, style=Style.NORMAL)[0][0])


def fuzzy(reading: str) -> str:
    """A pinyin reading with the sounds input methods let a writer confuse made one (zh→z, n→l, -ng→-n)."""
    reading = re.sub("^([zcs])h", r"\1", reading)
    reading = re.sub("^n", "l", reading)
    return re.sub("ng$", "n", reading)


_QUOTED_RE = re.compile(f"“([^“”]{{3,{SHORT + 1}}})”")


def _series_pattern(items: list[str]) -> re.Pattern[str]:
    """Any order of the series' items joined by 、 (to catch 学史增信、学史明理、… out of order)."""
    item = "(?:" + "|".join(map(re.escape, items)) + ")"
    return re.compile(f"{item}(?:、{item}){{{len(items) - 1}}}")


class Formulations:
    """The formulations a checker knows (four characters or longer), ready to match.

    One pass over a paragraph finds every near miss: a one-edit variant keeps one of the formulation's
    two halves intact (or, for a swap across the middle, its second half less one character), so the
    pieces are indexed by their first two characters and each position of the text is looked up once.
    """

    def __init__(self, formulations: Sequence[Formulation]) -> None:
        self.formulations = [f for f in formulations if len(f.text) >= 4]
        self._canonical = {f.text for f in self.formulations}
        self._series = [f for f in self.formulations if len(f.items) >= 3]
        self._series_res = {f.text: _series_pattern(f.items) for f in self._series}
        self._pieces: dict[str, list[tuple[str, int, str]]] = {}
        for text in self._canonical:
            if len(text) <= SHORT:
                continue  # found only inside quotes (below)
            half = len(text) // 2
            for offset in sorted({0, half, half + 1}):
                piece = text[offset : half if offset == 0 else None]
                if len(piece) >= 2:
                    self._pieces.setdefault(piece[:2], []).append((piece, offset, text))
        self._sources = {f.text: f.source for f in self.formulations}
        # A one-edit variant of a 4–5 character formulation keeps its first two, its last two or its first
        # and last characters: the quoted text is compared only with the formulations sharing one of them.
        self._short: dict[str, list[str]] = {}
        for text in sorted(self._canonical):
            if len(text) <= SHORT:
                for key in {"<" + text[:2], text[-2:] + ">", text[0] + text[-1]}:
                    self._short.setdefault(key, []).append(text)
        self._series_first = [(f, f.items[0], sorted(f.items)) for f in self._series]

    def findings(self, index: int, text: str) -> list[Finding]:
        findings: list[Finding] = []
        taken: list[tuple[int, int]] = []
        windows = self._windows(text)
        for canonical in sorted(windows, key=lambda c: (-len(c), c)):
            for start, end, found in self._near_misses(canonical, text, windows[canonical]):
                if any(start < b and a < end for a, b in taken):
                    continue
                taken.append((start, end))
                message = f"“{found}”疑为规范表述“{canonical}”之误（{self._sources[canonical]}）"
                findings.append(NEAR_MISS.at(index, start, found, canonical, message))
        for formulation, first, items in self._series_first:
            if first not in text:
                continue
            for match in self._series_res[formulation.text].finditer(text):
                found = match.group(0)
                if found != formulation.text and sorted(found.split("、")) == items:
                    message = f"固定表述的顺序应为“{formulation.text}”（{formulation.source}）"
                    findings.append(SERIES_ORDER.at(index, match.start(), found, formulation.text, message))
        return findings

    def _windows(self, text: str) -> dict[str, set[tuple[int, int]]]:
        """For each formulation with an intact piece in the text: the spans a one-edit variant may take."""
        windows: dict[str, set[tuple[int, int]]] = {}
        pieces = self._pieces
        for match in _QUOTED_RE.finditer(text):  # a short formulation counts only when quoted
            inner = match.group(1)
            for key in ("<" + inner[:2], inner[-2:] + ">", inner[0] + inner[-1]):
                for canonical in self._short.get(key, ()):
                    windows.setdefault(canonical, set()).add(match.span(1))
        for position in range(len(text) - 1):
            entries = pieces.get(text[position : position + 2])
            if entries is None:
                continue
            for piece, offset, canonical in entries:
                if not text.startswith(piece, position) or text.startswith(canonical, position - offset):
                    continue  # no piece here, or the formulation written as it should be
                size, spans = len(canonical), windows.setdefault(canonical, set())
                # the first half intact fixes where the variant starts; a later piece, where it ends
                fixed = position if offset == 0 else position + len(piece)
                for width in (size - 1, size, size + 1):
                    start = fixed if offset == 0 else fixed - width
                    if start >= 0 and start + width <= len(text):
                        spans.add((start, start + width))
        return windows

    def _near_misses(self, canonical: str, text: str, spans: set[tuple[int, int]]) -> Iterable[tuple[int, int, str]]:
        """Spans of text one edit away from the canonical form (never overlapping an exact use)."""
        exact, at = [], text.find(canonical)
        while at >= 0:
            exact.append((at, at + len(canonical)))
            at = text.find(canonical, at + 1)
        for start, end in sorted(spans):
            found = text[start:end]
            if any(start < b and a < end for a, b in exact) or not edit_distance_at_most_one(canonical, found):
                continue
            if found in self._canonical:
                continue
            if not _plausible_slip(canonical, found, text, start, end):
                continue
            yield start, end, found
