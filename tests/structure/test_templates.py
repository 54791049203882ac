"""Templates for every common 文种: each reads as its 文种, lays out its 落款, and checks clean."""

from __future__ import annotations

import pytest

from phrasebank.check import Checker
from phrasebank.check.genre import genre
from phrasebank.structure.outline import Role, Structure
from phrasebank.structure.templates import template_names, template_text

GENRES = ("通知", "请示", "报告", "函", "纪要", "意见")


def test_every_common_genre_has_a_template_first_in_the_list():
    assert template_names()[: len(GENRES)] == list(GENRES)


@pytest.mark.parametrize("name", GENRES)
def test_each_genre_template_reads_as_its_genre_and_checks_clean_but_for_its_slots(name):
    paragraphs = template_text(name).splitlines()
    structure = Structure.from_texts(paragraphs)
    assert genre(structure) == name
    findings = Checker.default().check(paragraphs)
    assert findings and {f.rule for f in findings} == {"placeholder"}  # only the slots to fill in
    if name == "纪要":  # no 落款; its attendance lines are text, not a 署名
        assert Role.SIGNATURE not in structure.roles and paragraphs[-1].startswith("列席")
    else:
        assert structure.roles[-2:] == [Role.SIGNATURE, Role.DATE]
