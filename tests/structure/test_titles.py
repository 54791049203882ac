"""The 文种 a title names, read from the document's first lines."""

from __future__ import annotations

from phrasebank.structure.titles import title_genre


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n")))


def test_a_title_of_one_to_three_lines_names_its_genre_and_where_it_ends():
    assert title_genre(lines("关于加强安全生产工作的通知\n各县（区）人民政府：")) == ("通知", 0)
    assert title_genre(lines("\n关于2026年上半年安全生产\n工作情况的\n报告。\n市政府：")) == ("报告", 3)
    assert title_genre(lines("关于XX的工作汇报")) == ("汇报", 0)  # read as a 报告 by whoever asks


def test_no_genre_after_three_lines_a_salutation_or_a_line_of_text():
    assert title_genre(lines("一\n二\n三\n关于XX的请示")) == ("", -1)
    assert title_genre(lines("同志们：\n关于XX的请示")) == ("", -1)
    long_line = "今年以来，全市上下认真贯彻落实省委省政府决策部署，扎实推进各项工作，现将有关情况报告"
    assert title_genre(lines(long_line)) == ("", -1)
    assert title_genre(lines("在全市安全生产工作会议上的讲话")) == ("", -1)
