"""Where lines and pages break, as LibreOffice sets them (figures: bench/page_fill.py, bench/preview_breaks.py)."""

import pytest

from phrasebank.document.layout import NATIONAL
from phrasebank.document.pages import line_count, lines_of, page_fill, set_lines
from phrasebank.document.typeset import Block, Span

EM, PITCH = NATIONAL.body_size, NATIONAL.line_pitch_pt


def body(text: str) -> Block:
    return Block("body", [Span(text, NATIONAL.body_font, EM)], first_line=2 * EM)


def test_a_closing_mark_hangs_past_the_line_end_and_other_characters_wrap():
    lines, hanging = set_lines(body("甲" * 26 + "。" + "乙" * 5), NATIONAL)
    assert lines == ["甲" * 26 + "。", "乙" * 5] and hanging == {26}  # 26 after the indent, 。 hangs
    assert lines_of(body("甲" * 27 + "乙"), NATIONAL) == ["甲" * 26, "甲乙"]


def test_figures_are_never_broken():
    text = "甲" * 20 + "增长7.5%、11.5%、17.4%。"
    lines = lines_of(body(text), NATIONAL)
    assert lines[1].startswith("7.5%、11.5%、17.4%") and len(lines) == 2  # the figures go over together
    assert lines_of(body("甲" * 24 + "2026年"), NATIONAL) == ["甲" * 24, "2026年"]  # not 202/6


def test_pages_fill_line_by_line_keep_headings_with_their_text_and_never_split_two_lines():
    lines = [body("甲" * 10) for _ in range(21)]
    assert page_fill(lines, NATIONAL) == (1, pytest.approx(21 * PITCH))
    two = body("乙" * 40)
    assert line_count(two, NATIONAL) == 2
    assert page_fill([*lines, two], NATIONAL) == (2, pytest.approx(2 * PITCH))  # both lines go over
    three = body("乙" * 70)
    assert page_fill([*lines, three], NATIONAL) == (2, pytest.approx(2 * PITCH))  # one line stays
    heading = Block("heading", [Span("一、总体情况", NATIONAL.heading1_font, EM)], keep_next=True)
    assert page_fill([*lines, heading, three], NATIONAL) == (2, pytest.approx(4 * PITCH))  # the heading goes too
