"""以旧报告新建: last year's report as this year's draft."""

from __future__ import annotations

from conftest import nat_report_files

from phrasebank.document.files import read_paragraphs
from phrasebank.structure.cleaning import clean_lines
from phrasebank.structure.renewal import renew


def test_last_years_national_report_becomes_this_years_draft():
    path = next(p for p in nat_report_files() if p.name.startswith("2024"))
    old = clean_lines(read_paragraphs(path)).paragraphs
    new = renew(old)
    assert new.year == 2025 and len(new.paragraphs) == len(old)
    text = "\n".join(new.paragraphs)
    assert "一、2024年工作回顾" in new.paragraphs  # the review of 2023 becomes the review of 2024
    assert "——X年X月X日在第十四届全国人民代表大会第二次会议上" in new.paragraphs
    assert "国内生产总值超过XX万亿元，增长XX%" in text and "126万亿元" not in text  # figures are slots
    assert "以习近平同志为核心的党中央" in text  # formulations stay
    assert sum(new.slots) > 30 and all(n == 0 for p, n in zip(new.paragraphs, new.slots, strict=True) if "X" not in p)


def test_relative_years_other_years_and_numbers_that_are_names_stay():
    body = "今年完成投资5.2亿元，比2024年增长3%，到2035年基本建成，T800量产。"
    new = renew(["2025年工作总结", "一、2025年工作回顾", body])
    assert new.paragraphs[1] == "一、2026年工作回顾"
    assert new.paragraphs[2] == "今年完成投资XX亿元，比2025年增长XX%，到2035年基本建成，T800量产。"
