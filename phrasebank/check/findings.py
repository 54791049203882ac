"""What a check reports: a finding at a place in the text, and the rule it comes from.

A rule has an identifier, a family (the label the writer reads), the clause of the standard it rests
on and a plain message; pattern rules also hold the regular expression that finds the slip and the
function that writes its fix. `phrasebank.check.all_rules()` lists every rule (`check --rules`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum


class FindingKind(StrEnum):
    """The family a finding belongs to; the value is the label the writer reads."""

    FORMULATION = "规范表述"
    ORDER = "表述顺序"
    PLACEHOLDER = "未填空位"
    NUMBERING = "序号"
    PUNCTUATION = "标点"
    AVOID = "慎用词"
    CONFUSABLE = "易混词"
    NAME = "规范名称"
    NUMBERS = "数字用法"
    DATE = "日期"
    DOC_NUMBER = "发文字号"
    ATTACHMENT = "附件说明"
    GENRE = "文种行文"
    WORDING = "用字"  # 的的、检查检查 repeated; 扎实的推进 for 扎实地推进
    PARTS = "主送版记"


@dataclass(frozen=True)
class Finding:
    paragraph: int  # 0-based index among the report's paragraphs
    column: int  # 0-based offset in the paragraph
    length: int
    kind: FindingKind
    message: str
    found: str
    fix: str | None = None
    rule: str = ""  # the rule's identifier


Fixer = Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class Rule:
    """One check: its identifier, family, the clause it rests on and what it tells the writer.

    A pattern rule also has `pattern` (where the slip is) and `fixer` (the text to put in its place,
    None when only the writer can decide); other rules are applied by their module's functions.
    """

    id: str
    kind: FindingKind
    source: str
    message: str
    pattern: re.Pattern[str] | None = None
    fixer: Fixer | None = None

    def at(
        self, paragraph: int, column: int, found: str, fix: str | None = None, message: str | None = None
    ) -> Finding:
        """A finding of this rule: `found` at `column` of `paragraph`."""
        return Finding(paragraph, column, len(found), self.kind, message or self.message, found, fix, self.id)

    def find(self, paragraph: int, text: str) -> list[Finding]:
        """What a pattern rule finds in one paragraph."""
        assert self.pattern is not None, self.id
        return [
            self.at(paragraph, m.start(), m.group(0), self.fixer(m) if self.fixer else None)
            for m in self.pattern.finditer(text)
            if m.group(0)
        ]


def pattern_rule(
    id_: str, kind: FindingKind, source: str, pattern: str, message: str, fixer: Fixer | None = None
) -> Rule:
    return Rule(id_, kind, source, message, re.compile(pattern), fixer)


def find_all(rules: Iterable[Rule], paragraph: int, text: str) -> list[Finding]:
    """What every pattern rule of `rules` finds in one paragraph."""
    return [finding for rule in rules for finding in rule.find(paragraph, text)]
