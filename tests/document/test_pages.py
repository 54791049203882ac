"""Where lines and pages break, as LibreOffice sets them (figures: bench/page_fill.py, bench/preview_breaks.py)."""

import re

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


def test_pages_fill_line_by_line_and_keep_headings_with_their_text():
    lines = [body("甲" * 10) for _ in range(21)]
    assert page_fill(lines, NATIONAL) == (1, pytest.approx(21 * PITCH))
    two = body("乙" * 40)
    assert line_count(two, NATIONAL) == 2
    assert page_fill([*lines, two], NATIONAL) == (2, pytest.approx(PITCH))  # one line stays (widow control off)
    three = body("乙" * 70)
    assert page_fill([*lines, three], NATIONAL) == (2, pytest.approx(2 * PITCH))  # one line stays
    heading = Block("heading", [Span("一、总体情况", NATIONAL.heading1_font, EM)], keep_next=True)
    assert page_fill([*lines, heading, three], NATIONAL) == (2, pytest.approx(4 * PITCH))  # the heading goes too


def test_a_two_line_paragraph_splits_at_the_page_foot_as_libreoffice_sets_it(tmp_path):
    from rendering import pdf_lines, render

    from phrasebank.document.typeset import plan
    from phrasebank.document.writer import export_docx

    lines = [f"第{k:02d}段" + "甲" * 20 + "。" for k in range(18)]  # one line each: 21 with the title block
    paragraphs = ["关于测试分页的报告", "市人民政府：", *lines, "乙" * 40 + "。"]
    target = tmp_path / "split.docx"
    export_docx(paragraphs, target)
    pages = [[text.replace(" ", "") for _, _, text in page] for page in pdf_lines(render(target, tmp_path))]
    assert pages[0][-2].startswith("乙") and pages[1][0].startswith("乙")  # above the page number, and over
    assert page_fill(plan(paragraphs, NATIONAL), NATIONAL) == (2, pytest.approx(PITCH))


#: One paragraph per rule of LibreOffice's line breaking the model follows (each line measured on its
#: render): a closing quote that does not fit takes the character before it along; a full-width mark
#: right after a figure is set a little wider; a quote that opens a paragraph is set in the Latin font;
#: a closing quote binds to the figure after it; a line holds about 1.3 pt less than the text block.
PROBES = [
    "甲" * 23 + "“乙丙”" + "丁" * 10 + "。",
    "甲" * 26 + "7.5%、11.5%、17.4%、7.3%。先行指标稳中提质，全社会用电量突破1000亿千瓦时。",
    "“十四五”时期发展历程极不平凡。2023年6月总书记亲临本地考察并发表重要讲话。",
    "甲" * 26 + "乙" * 23 + "“暖心煤”1亿吨，完成“煤改电”78万户。",
    "甲" * 26 + "乙" * 23 + "G60" + "丙" * 6 + "。",
]


def test_lines_break_where_libreoffice_breaks_them(tmp_path):
    from rendering import pdf_lines, render

    from phrasebank.document.typeset import plan
    from phrasebank.document.writer import export_docx

    paragraphs = ["关于测试断行的报告", *PROBES]
    target = tmp_path / "probes.docx"
    export_docx(paragraphs, target)
    rendered = [text for page in pdf_lines(render(target, tmp_path)) for _, _, text in page]
    rendered = [line.replace(" ", "") for line in rendered if not re.fullmatch(r"—\s*\d+\s*—", line)]
    modelled = [line for block in plan(paragraphs, NATIONAL) for line in lines_of(block, NATIONAL) if line]
    assert modelled == rendered
