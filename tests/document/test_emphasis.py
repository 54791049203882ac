"""Emphasis set by hand in a Word file: kept on save where the text still is."""

from pathlib import Path

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor

from phrasebank.document.emphasis import Mark, carry
from phrasebank.document.report import open_report, save_report

BOLD = (b'<w:b xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',)


def _word_file(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("关于经济运行情况的报告")
    p = document.add_paragraph("今年以来，我市")
    p.add_run("坚持稳中求进").bold = True
    p.add_run("，")
    red = p.add_run("经济运行总体平稳")
    red.font.color.rgb, red.underline = RGBColor(0xC0, 0, 0), True
    p.add_run("。")
    document.add_paragraph().add_run("请各单位高度重视。").font.highlight_color = WD_COLOR_INDEX.YELLOW
    off = document.add_paragraph().add_run("不是强调的文字。")
    off.bold, off.font.color.rgb = False, RGBColor(0, 0, 0)  # set off by hand: nothing to keep
    document.save(path)
    return path


def _runs(path: Path) -> list[list[tuple]]:
    return [
        [(r.text, r.bold, r.underline, r.font.color.rgb, r.font.highlight_color) for r in p.runs if r.text]
        for p in docx.Document(str(path)).paragraphs
        if p.text
    ]


def test_carry_keeps_marks_on_what_is_still_there():
    read = [("标题", ()), ("  今年坚持稳中求进。", (Mark(4, 8, BOLD),)), ("另一段。", ())]
    assert carry(read, ["标题", "今年坚持稳中求进。", "另一段。"]) == {"今年坚持稳中求进。": (Mark(2, 6, BOLD),)}
    edited = carry(read, ["标题", "今年全市上下坚持稳中求进。", "另一段。"])
    assert edited["今年全市上下坚持稳中求进。"] == (Mark(6, 10, BOLD),)
    assert carry(read, ["标题", "今年坚持稳进。"])["今年坚持稳进。"] == (Mark(2, 5, BOLD),)  # 中求 deleted
    rewritten = "全部重写的一段话，和原来毫无关系。"
    assert rewritten not in carry(read, ["标题", rewritten])  # not the same paragraph any more
    assert carry([("无强调。", ())], ["无强调。"]) == {}


def test_emphasis_survives_open_and_save_and_an_edit(tmp_path):
    source = _word_file(tmp_path / "强调.docx")
    report = open_report(source)
    assert report.unkept == ""  # nothing is named as lost
    saved = tmp_path / "另存.docx"
    save_report(report, saved)
    assert _runs(saved)[1:] == [
        [
            ("今年以来，我市", None, None, None, None),
            ("坚持稳中求进", True, None, None, None),
            ("，", None, None, None, None),
            ("经济运行总体平稳", None, True, RGBColor(0xC0, 0, 0), None),
            ("。", None, None, None, None),
        ],
        [("请各单位高度重视。", None, None, None, WD_COLOR_INDEX.YELLOW)],
        [("不是强调的文字。", None, None, None, None)],
    ]
    report.paragraphs[1] = "今年以来，全市上下坚持稳中求进，经济运行总体平稳向好。"
    save_report(report, saved)
    assert [(text, bold) for text, bold, *_ in _runs(saved)[1]] == [
        ("今年以来，全市上下", None),
        ("坚持稳中求进", True),
        ("，", None),
        ("经济运行总体平稳", None),
        ("向好。", None),
    ]
