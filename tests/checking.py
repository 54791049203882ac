"""Helpers for the checker's tests: run the rules (no formulation list) and apply their fixes."""

from __future__ import annotations

from phrasebank.check import Checker

RULES_ONLY = Checker([])  # every rule family; no canonical formulations (those are tested apart)


def found(*paragraphs: str) -> list[tuple[str, str, str | None]]:
    """(rule, text found, fix) of every finding in a report of these paragraphs."""
    return [(f.rule, f.found, f.fix) for f in RULES_ONLY.check(list(paragraphs))]


def rules(*paragraphs: str) -> set[str]:
    return {rule for rule, _, _ in found(*paragraphs)}


def fixed(text: str) -> str:
    """One paragraph with every fix applied (right to left, so offsets stay valid)."""
    findings = [f for f in RULES_ONLY.check_paragraph(0, text) if f.fix is not None]
    for f in sorted(findings, key=lambda f: -f.column):
        text = text[: f.column] + f.fix + text[f.column + f.length :]
    return text


def assert_found_and_fixed(rule: str, wrong: str, right: str) -> None:
    """`rule` finds its slip in `wrong`, its fix gives `right`, and `right` has no finding at all."""
    assert rule in rules(wrong)
    assert fixed(wrong) == right
    assert found(right) == []
