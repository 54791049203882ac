"""Unfilled placeholders: x, X, XX, X月X日, XX同志 — slots a template or the corpus left open."""

from __future__ import annotations

import re
from collections.abc import Sequence

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.text.chars import PLACEHOLDER_RE

PLACEHOLDER = Rule(
    "placeholder", FindingKind.PLACEHOLDER, "文稿须填写完整（模板和语料中的 x、XX 是待填项）", "未填写的占位符"
)
RULES = (PLACEHOLDER,)

_DATE_SLOT_RE = re.compile(r"(?:[xX×]{1,4}年)?[xX×]{1,2}月[xX×]{1,2}日")
_COMRADE_SLOT_RE = re.compile(r"[xX×]{1,4}同志")


def unfilled_placeholders(paragraphs: Sequence[str]) -> list[Finding]:
    """Every unfilled placeholder of a document: quick on any length (paragraphs without an x are skipped)."""
    return [
        f
        for index, text in enumerate(paragraphs)
        if any(mark in text for mark in "xX×ｘＸ")
        for f in findings(index, text)
    ]


def placeholders_warning(left: Sequence[Finding]) -> str:
    """One sentence naming unfilled placeholders before a save or export ("" when there are none)."""
    if not left:
        return ""
    shown = "、".join(dict.fromkeys(f.found for f in left[:12]))
    return f"文中还有 {len(left)} 处未填写的占位符（{shown}）"


def findings(index: int, text: str) -> list[Finding]:
    """Unfilled placeholders: x, X, XX, X月X日, XX同志 …"""
    result, covered = [], []
    for pattern in (_DATE_SLOT_RE, _COMRADE_SLOT_RE, PLACEHOLDER_RE):
        for match in pattern.finditer(text):
            if any(match.start() < b and a < match.end() for a, b in covered):
                continue
            covered.append((match.start(), match.end()))
            result.append(
                PLACEHOLDER.at(index, match.start(), match.group(0), None, f"“{match.group(0)}”是未填写的占位符")
            )
    return result
