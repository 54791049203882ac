"""发文字号 (GB/T 9704-2012 7.2.4): 机关代字、年份、发文顺序号 — 国办发〔2026〕5号."""

from __future__ import annotations

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.text.chars import CJK
from phrasebank.text.lazy import lazy

_SOURCE = "GB/T 9704-2012 7.2.4"
BRACKETS = Rule("doc-number-brackets", FindingKind.DOC_NUMBER, _SOURCE, "发文字号的年份应用六角括号“〔〕”括入")
DI = Rule("doc-number-di", FindingKind.DOC_NUMBER, _SOURCE, "发文字号的序号前不加“第”字")
PADDED = Rule("doc-number-padded", FindingKind.DOC_NUMBER, _SOURCE, "发文字号的序号不编虚位（写 5号，不写 05号）")
RULES = (BRACKETS, DI, PADDED)

#: A 发文字号 after its 机关代字: the year in some bracket, then 第? and the number.
_NUMBER_RE = lazy(rf"(?<=[{CJK}])([\[［【(（〔])(\d{{4}})([\]］】)）〕])(第?)(0*)([1-9]\d*)号")


def findings(index: int, text: str) -> list[Finding]:
    """One finding per 发文字号 written wrong, naming every slip in it, with the whole number as fix."""
    result = []
    for match in _NUMBER_RE.finditer(text):
        opening, year, closing, di, zeros, number = match.groups()
        broken = [
            rule
            for rule, wrong in ((BRACKETS, (opening, closing) != ("〔", "〕")), (DI, bool(di)), (PADDED, bool(zeros)))
            if wrong
        ]
        if broken:
            message = "；".join(rule.message for rule in broken)
            result.append(broken[0].at(index, match.start(), match.group(0), f"〔{year}〕{number}号", message))
    return result


#: A whole 发文字号 as GB/T 9704 writes it: 机关代字〔年份〕序号号 (a slot X is fine in a template).
_WHOLE_RE = lazy(rf"^[{CJK}A-Za-z]+〔(?:\d{{4}}|[xX]{{1,4}})〕(?:[1-9]\d*|[xX]{{1,3}})号$")


def number_problem(doc_number: str) -> tuple[str, str | None]:
    """What is wrong with a 发文字号 as entered ("" when nothing) and its certain fix, if there is one."""
    number = doc_number.strip()
    if not number or _WHOLE_RE.match(number):
        return "", None
    found = findings(0, number)
    if found:
        fix = number[: found[0].column] + (found[0].fix or "") + number[found[0].column + found[0].length :]
        return f"{found[0].message}（{_SOURCE}）", fix
    return (
        f"发文字号由发文机关代字、年份、发文顺序号组成，年份用六角括号“〔〕”括入，序号后加“号”，"
        f"如“国办发〔2026〕5号”（{_SOURCE}）",
        None,
    )
