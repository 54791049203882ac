"""Proofreading for official reports: canonical formulations, placeholders, numbering, punctuation.

Every finding has a position (paragraph, column, length), a kind, a message in Chinese, the text found
and, where one exists, the exact fix. Paragraph checks look at one paragraph alone (the editor reruns
them for the paragraphs that change); numbering of headings is a check over the whole structure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from .numbering import chinese_number, number_value, numbering_issues
from .paths import RESOURCES, data_dir
from .structure import Role, Structure, parse_paragraph
from .types import PLACEHOLDER_RE

FORMULATIONS_FILE = RESOURCES / "formulations.tsv"
USER_FORMULATIONS = "formulations.tsv"
USER_AVOID = "avoid.tsv"


class FindingKind(StrEnum):
    """What a finding is about; the value is the label the writer reads."""

    FORMULATION = "规范表述"
    ORDER = "表述顺序"
    PLACEHOLDER = "未填空位"
    NUMBERING = "序号"
    PUNCTUATION = "标点"
    AVOID = "慎用词"
    CONFUSABLE = "易混词"
    NUMBERS = "数字用法"
    DOC_NUMBER = "发文字号"


@dataclass(frozen=True)
class Finding:
    paragraph: int  # 0-based index among the report's paragraphs
    column: int  # 0-based offset in the paragraph
    length: int
    kind: FindingKind
    message: str
    found: str
    fix: str | None = None
    rule: str = ""  # the rule's identifier (`phrasebank.rules`), where one applies


@dataclass(frozen=True)
class Formulation:
    text: str
    source: str

    @property
    def items(self) -> list[str]:
        return [part for part in re.split("[、，]", self.text) if part]


@dataclass(frozen=True)
class AvoidWord:
    word: str
    level: str  # 禁用 or 慎用
    advice: str


def _tsv_rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a word list; blank lines and # comments skipped."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [[cell.strip() for cell in line.split("\t")] for line in lines if line.strip() and not line.startswith("#")]


def load_formulations(path: Path) -> list[Formulation]:
    return [Formulation(row[0], (row[1:] or [""])[0] or "自定义") for row in _tsv_rows(path)]


def load_avoid(path: Path) -> list[AvoidWord]:
    return [AvoidWord(row[0], (row + ["", ""])[1] or "慎用", (row + ["", ""])[2]) for row in _tsv_rows(path)]


# ---- near misses --------------------------------------------------------------------------------


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
_INTERCHANGEABLE = ({"和", "与"},)
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
    if position >= len(longer) - 2 and after not in _BOUNDARY:
        return False
    return True


class Checker:
    """Runs every check; built from the shipped list plus the writer's own lists."""

    def __init__(self, formulations: Sequence[Formulation], avoid: Sequence[AvoidWord] = ()) -> None:
        self.formulations = [f for f in formulations if len(f.text) >= 4]
        self.avoid = list(avoid)
        self._cache: dict[str, list[Finding]] = {}
        self._canonical = {f.text for f in self.formulations}
        self._series = [f for f in self.formulations if len(f.items) >= 3]
        self._series_res = {f.text: _series_pattern(f.items) for f in self._series}

    @classmethod
    def default(cls, folder: Path | None = None) -> Checker:
        """The shipped formulations plus the writer's own lists from the data folder."""
        folder = folder or data_dir()
        formulations = load_formulations(FORMULATIONS_FILE) + load_formulations(folder / USER_FORMULATIONS)
        return cls(formulations, load_avoid(folder / USER_AVOID))

    def check(self, paragraphs: Sequence[str]) -> list[Finding]:
        """All findings of a report, in document order."""
        structure = Structure.from_texts(paragraphs)
        findings: list[Finding] = []
        for index, text in enumerate(paragraphs):
            findings.extend(self.check_paragraph(index, text))
        findings.extend(heading_numbering(structure))
        return sorted(findings, key=lambda f: (f.paragraph, f.column, f.kind.value))

    def check_paragraph(self, index: int, text: str) -> list[Finding]:
        """Findings that one paragraph shows by itself (cached by text: unchanged paragraphs cost nothing)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._check_paragraph(text)
            if len(self._cache) > 20000:
                self._cache.clear()
        return [replace(f, paragraph=index) for f in cached] if index else list(cached)

    def _check_paragraph(self, text: str) -> list[Finding]:
        from .rules import rule_findings  # the rules build on Finding, defined here

        index = 0
        return [
            *self._formulation_findings(index, text),
            *placeholders(index, text),
            *punctuation(index, text),
            *runin_numbering(index, text),
            *self._avoid_findings(index, text),
            *rule_findings(index, text),
        ]

    def _formulation_findings(self, index: int, text: str) -> list[Finding]:
        findings: list[Finding] = []
        taken: list[tuple[int, int]] = []
        for formulation in sorted(self.formulations, key=lambda f: -len(f.text)):
            for start, end, found in self._near_misses(formulation.text, text):
                if any(start < b and a < end for a, b in taken):
                    continue
                taken.append((start, end))
                findings.append(
                    Finding(
                        index,
                        start,
                        end - start,
                        FindingKind.FORMULATION,
                        f"“{found}”疑为规范表述“{formulation.text}”之误（{formulation.source}）",
                        found,
                        formulation.text,
                    )
                )
        for formulation in self._series:
            for match in self._series_res[formulation.text].finditer(text):
                found = match.group(0)
                if found != formulation.text and sorted(found.split("、")) == sorted(formulation.items):
                    findings.append(
                        Finding(
                            index,
                            match.start(),
                            len(found),
                            FindingKind.ORDER,
                            f"固定表述的顺序应为“{formulation.text}”（{formulation.source}）",
                            found,
                            formulation.text,
                        )
                    )
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

    def _avoid_findings(self, index: int, text: str) -> list[Finding]:
        findings = []
        for avoid in self.avoid:
            for match in re.finditer(re.escape(avoid.word), text):
                advice = f"，{avoid.advice}" if avoid.advice else ""
                findings.append(
                    Finding(
                        index,
                        match.start(),
                        len(avoid.word),
                        FindingKind.AVOID,
                        f"“{avoid.word}”为{avoid.level}词{advice}",
                        avoid.word,
                        None,
                    )
                )
        return findings


def _series_pattern(items: list[str]) -> re.Pattern[str]:
    """Any order of the series' items joined by 、 (to catch 学史增信、学史明理、… out of order)."""
    item = "(?:" + "|".join(map(re.escape, items)) + ")"
    return re.compile(f"{item}(?:、{item}){{{len(items) - 1}}}")


# ---- placeholders -------------------------------------------------------------------------------

_DATE_SLOT_RE = re.compile(r"(?:[xX×]{1,4}年)?[xX×]{1,2}月[xX×]{1,2}日")
_COMRADE_SLOT_RE = re.compile(r"[xX×]{1,4}同志")


def unfilled_placeholders(paragraphs: Sequence[str]) -> list[Finding]:
    """Every unfilled placeholder of a document: quick on any length (paragraphs without an x are skipped)."""
    return [
        f
        for index, text in enumerate(paragraphs)
        if any(mark in text for mark in "xX×ｘＸ")
        for f in placeholders(index, text)
    ]


def placeholders(index: int, text: str) -> list[Finding]:
    """Unfilled placeholders: x, X, XX, X月X日, XX同志 …"""
    findings, covered = [], []
    for pattern in (_DATE_SLOT_RE, _COMRADE_SLOT_RE, PLACEHOLDER_RE):
        for match in pattern.finditer(text):
            if any(match.start() < b and a < match.end() for a, b in covered):
                continue
            covered.append((match.start(), match.end()))
            findings.append(
                Finding(
                    index,
                    match.start(),
                    match.end() - match.start(),
                    FindingKind.PLACEHOLDER,
                    f"“{match.group(0)}”是未填写的占位符",
                    match.group(0),
                )
            )
    return findings


# ---- numbering ----------------------------------------------------------------------------------

_RUNIN_IN_TEXT_RE = re.compile(r"(?:^|(?<=[。；！？]))\s*([一二三四五六七八九十]{1,3})是")


def runin_numbering(index: int, text: str) -> list[Finding]:
    """Gaps and repeats in 一是、二是 … within one paragraph."""
    findings = []
    previous = 0
    for match in _RUNIN_IN_TEXT_RE.finditer(text):
        value = number_value(match.group(1))
        if value is None:
            continue
        if value == 1:
            previous = 1  # a list restarting at 一是 is a new (nested) list, not a gap
            continue
        if previous and value != previous + 1:
            expected = f"{chinese_number(previous + 1)}是"
            kind = "重复" if value == previous else "不连续"
            findings.append(
                Finding(
                    index,
                    match.start(1),
                    len(match.group(1)) + 1,
                    FindingKind.NUMBERING,
                    f"分项序号{kind}：“{match.group(1)}是”前一项是“{chinese_number(previous)}是”",
                    match.group(1) + "是",
                    expected,
                )
            )
        previous = value
    return findings


def heading_numbering(structure: Structure) -> list[Finding]:
    """Gaps and repeats in heading sequences, and two numbering styles at one level."""
    findings = []
    for issue in numbering_issues(structure):
        para = structure.paragraphs[issue.index]
        fixed = _renumbered(para.number, para.level, issue.expected)
        word = "重复" if issue.kind == "repeat" else "不连续"
        findings.append(
            Finding(
                issue.index,
                para.text.find(para.number),
                len(para.number),
                FindingKind.NUMBERING,
                f"标题序号{word}：此处应为“{fixed}”",
                para.number,
                fixed,
            )
        )
    styles: dict[int, Counter[str]] = {}
    for para, role in zip(structure.paragraphs, structure.roles, strict=True):
        if role is Role.HEADING and para.number:
            styles.setdefault(para.level, Counter())[_style(para.number)] += 1
    for index, (para, role) in enumerate(zip(structure.paragraphs, structure.roles, strict=True)):
        if role is not Role.HEADING or not para.number or len(styles[para.level]) < 2:
            continue
        usual = styles[para.level].most_common(1)[0][0]
        if _style(para.number) != usual:
            fixed = _restyle(para.number, usual)
            findings.append(
                Finding(
                    index,
                    para.text.find(para.number),
                    len(para.number),
                    FindingKind.NUMBERING,
                    f"同一级标题的序号格式不一致：本文多用“{usual}”",
                    para.number,
                    fixed,
                )
            )
    return findings


def _style(number: str) -> str:
    return re.sub(r"[一二三四五六七八九十百零〇]+|\d+", "N", number)


def _restyle(number: str, style: str) -> str:
    value = re.search(r"[一二三四五六七八九十百零〇]+|\d+", number).group(0)
    return style.replace("N", value)


def _renumbered(number: str, level: int, value: int) -> str:
    digits = str(value) if level >= 3 else chinese_number(value)
    return re.sub(r"[一二三四五六七八九十百零〇]+|\d+", digits, number, count=1)


# ---- punctuation --------------------------------------------------------------------------------

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_CJK = "\u4e00-\u9fff"
_HALF_WIDTH_RE = re.compile(rf"(?<=[{_CJK}”）》])[,;:?!](?=[{_CJK}“（《]|$)|(?<=[{_CJK}])[,;:?!](?=\s|$)")
_HALF_PARENS_RE = re.compile(rf"\(([^()]*[{_CJK}][^()]*)\)")
_DOUBLED_RE = re.compile(r"([。，、；：！？])\1+")
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"))
#: (pattern, message, fix) of the punctuation slips a pattern can find.
_PUNCTUATION_RULES = (
    (_HALF_WIDTH_RE, lambda m: f"中文里用了半角标点“{m.group(0)}”", lambda m: _HALF_TO_FULL[m.group(0)]),
    (_HALF_PARENS_RE, lambda m: "中文里用了半角括号", lambda m: f"（{m.group(1)}）"),
    (_DOUBLED_RE, lambda m: f"标点重复“{m.group(0)}”", lambda m: m.group(1)),
)


_CN_DIGITS = "〇一二三四五六七八九"
_CHINESE_DATE_RE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)


def _chinese_date_number(part: str) -> str:
    """二〇二六 -> 2026 (digit by digit); 十一 -> 11, 二十二 -> 22 (as a number)."""
    if len(part) == 4 and "十" not in part:
        return "".join(str(_CN_DIGITS.index("〇" if ch == "零" else ch)) for ch in part)
    return str(number_value(part))


def punctuation(index: int, text: str) -> list[Finding]:
    findings = []
    for pattern, message, fix in _PUNCTUATION_RULES:
        for match in pattern.finditer(text):
            found = match.group(0)
            findings.append(
                Finding(index, match.start(), len(found), FindingKind.PUNCTUATION, message(match), found, fix(match))
            )
    for opener, closer in _PAIRS:
        open_at: list[int] = []
        for position, ch in enumerate(text):
            if ch == opener:
                open_at.append(position)
            elif ch == closer:
                if open_at:
                    open_at.pop()
                else:
                    findings.append(
                        Finding(index, position, 1, FindingKind.PUNCTUATION, f"“{closer}”没有对应的“{opener}”", closer)
                    )
        for position in open_at:
            findings.append(
                Finding(index, position, 1, FindingKind.PUNCTUATION, f"“{opener}”没有对应的“{closer}”", opener)
            )
    date = _CHINESE_DATE_RE.fullmatch(text.strip())
    if date:
        fixed = "".join(
            (_chinese_date_number(part) if part else "") + unit
            for part, unit in zip(date.groups(), "年月日", strict=True)
        )
        findings.append(
            Finding(
                index,
                text.find(date.group(0)),
                len(date.group(0)),
                FindingKind.NUMBERING,
                "成文日期应使用阿拉伯数字（GB/T 9704-2012）",
                date.group(0),
                fixed,
            )
        )
    para = parse_paragraph(text)
    stripped = text.rstrip()
    if para.role is Role.HEADING and para.level == 1 and para.number and stripped.endswith("。"):
        if stripped[len(para.number) : -1].find("。") < 0:  # a heading line by itself, not heading + text
            findings.append(
                Finding(
                    index, len(stripped) - 1, 1, FindingKind.PUNCTUATION, "单独成行的一级标题末尾不用句号", "。", ""
                )
            )
    return findings
