"""Confusable words and official names (`resources/confusables.tsv`): each entry a wrong form in the
context that decides it, the right form, a message and its source."""

from __future__ import annotations

import re
from functools import cache

from phrasebank.check.findings import Finding, FindingKind, Rule, find_all
from phrasebank.check.lists import tsv_rows
from phrasebank.paths import RESOURCES

CONFUSABLES_FILE = RESOURCES / "confusables.tsv"


@cache
def rules() -> tuple[Rule, ...]:
    """One rule per list entry (ids prefixed confusable- or name-)."""
    result = []
    for row in tsv_rows(CONFUSABLES_FILE, required=True):
        id_, family, wrong, right, message, source = row
        kind = FindingKind(family)
        prefix = "name" if kind is FindingKind.NAME else "confusable"
        result.append(Rule(f"{prefix}-{id_}", kind, source, message, re.compile(wrong), _replacer(right)))
    return tuple(result)


def _replacer(right: str):
    return lambda match: match.expand(right)


def findings(index: int, text: str) -> list[Finding]:
    """Confusable words and wrong names in one paragraph."""
    return find_all(rules(), index, text)
