"""Proofreading against the standards: each rule family in its own module, one checker over them all.

Every finding has a position (paragraph, column, length), a family, a message in Chinese, the text
found, the rule's identifier and, where one exists, the exact fix.
"""

from __future__ import annotations

from phrasebank.check import (
    attachments,
    confusables,
    dates,
    docnumber,
    formulations,
    genre,
    headings,
    homophones,
    lists,
    number_forms,
    parts,
    placeholders,
    punctuation,
    wording,
)
from phrasebank.check.checker import FORMULATIONS_FILE, USER_AVOID, USER_FORMULATIONS, Checker
from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.check.formulations import Formulation, load_formulations
from phrasebank.check.lists import AvoidWord, load_avoid
from phrasebank.check.placeholders import unfilled_placeholders

__all__ = [
    "FORMULATIONS_FILE",
    "USER_AVOID",
    "USER_FORMULATIONS",
    "AvoidWord",
    "Checker",
    "Finding",
    "FindingKind",
    "Formulation",
    "Rule",
    "all_rules",
    "load_avoid",
    "load_formulations",
    "unfilled_placeholders",
]


def all_rules() -> tuple[Rule, ...]:
    """Every rule the checker applies, family by family (what `check --rules` lists)."""
    return (
        *formulations.RULES,
        *placeholders.RULES,
        *lists.RULES,
        *headings.RULES,
        *punctuation.RULES,
        *number_forms.RULES,
        *dates.RULES,
        *wording.RULES,
        *parts.RULES,
        *docnumber.RULES,
        *attachments.RULES,
        *genre.RULES,
        *confusables.rules(),
        *homophones.RULES,
    )
