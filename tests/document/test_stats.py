"""The status bar's counts, given a document as its paragraphs."""

from phrasebank.document.layout import NATIONAL
from phrasebank.document.stats import text_stats


def test_counts_leave_out_white_space_and_count_punctuation_apart():
    stats = text_stats(["关于 工作的报告", "", "一、总体情况", "全年完成投资１２亿元，同比增长5%。"])
    assert stats.characters == 7 + 6 + 18
    assert stats.without_punctuation == stats.characters - 4  # 、，%。
    assert stats.paragraphs == 3


def test_pages_follow_the_layout_lines():
    one_line = "字" * (NATIONAL.chars_per_line - 2)
    assert text_stats([one_line] * NATIONAL.lines_per_page).pages == 1
    assert text_stats([one_line] * (NATIONAL.lines_per_page + 1)).pages == 2
    assert text_stats(["第一段\n第二段"]).paragraphs == 2  # a text given with line breaks


def test_punctuation_is_every_mark_of_unicode_categories_p_in_any_plane():
    # 〽 and ﹏ in the basic plane, the Aegean word separator 𐄀 beyond it; 〇 and 丨 are no marks
    stats = text_stats(["〽数据﹏𐄀〇丨。"])
    assert (stats.characters, stats.without_punctuation) == (8, 4)
