"""Proofreading against the standards: each rule family in its own module, one checker over them all.

Every finding has a position (paragraph, column, length), a family, a message in Chinese, the text
found, the rule's identifier and, where one exists, the exact fix.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time each name is imported on first use (below): the window starts without them
    from phrasebank.check.checker import FORMULATIONS_FILE, Checker
    from phrasebank.check.findings import Finding, FindingKind, Rule
    from phrasebank.check.formulations import Formulation, load_formulations
    from phrasebank.check.lists import USER_AVOID, USER_FORMULATIONS, AvoidWord, load_avoid
    from phrasebank.check.placeholders import unfilled_placeholders

#: Where each name of the package is defined.
_HOMES = {
    "FORMULATIONS_FILE": "checker",
    "USER_AVOID": "lists",
    "USER_FORMULATIONS": "lists",
    "Checker": "checker",
    "Finding": "findings",
    "FindingKind": "findings",
    "Rule": "findings",
    "Formulation": "formulations",
    "load_formulations": "formulations",
    "AvoidWord": "lists",
    "load_avoid": "lists",
    "unfilled_placeholders": "placeholders",
}
#: The rule families, in the order `all_rules` lists them.
_FAMILIES = (
    "formulations placeholders lists headings punctuation number_forms dates wording parts docnumber attachments genre"
).split()


def __getattr__(name: str) -> object:
    """A name of the package, imported from its module the first time it is asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)


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
    families = [import_module(f"{__name__}.{family}") for family in _FAMILIES]
    confusables, homophones = import_module(f"{__name__}.confusables"), import_module(f"{__name__}.homophones")
    return (*(rule for family in families for rule in family.RULES), *confusables.rules(), *homophones.RULES)
