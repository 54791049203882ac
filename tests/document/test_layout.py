"""The page layout a writer's choices name."""

from __future__ import annotations

from phrasebank.document.layout import LOCAL_EQUAL_MARGINS, NATIONAL, RunInStyle, chosen_layout


def test_choices_name_a_layout_and_unknown_ones_fall_back_to_the_standard():
    local = chosen_layout("local", plain_fonts=True, runin="kai", seal=True, arabic_date=True)
    assert local.margin_left == LOCAL_EQUAL_MARGINS.margin_left != NATIONAL.margin_left
    assert local.runin_style is RunInStyle.KAI and local.seal and local.arabic_date
    assert local.body_font != NATIONAL.body_font  # 仿宋 instead of 仿宋_GB2312
    fallback = chosen_layout("no-such-preset", runin="no-such-style")
    assert fallback == NATIONAL
