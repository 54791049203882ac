"""The set openings and closings of the document's 文种, offered at a sentence's start; another 文种's never."""

from __future__ import annotations

import pytest

from phrasebank.suggest import dock, frames
from phrasebank.suggest.frames import document_genre


@pytest.mark.parametrize(
    ("top", "genre"),
    [
        ("关于申请安全生产专项资金的请示\n市财政局：\n", "请示"),
        ("关于2026年上半年安全生产工作情况的\n报告\n", "报告"),  # a two-line title
        ("XX市应急管理局文件\nX应急发〔2026〕3号\n签发人：张三\n关于XX的\n工作汇报\n", "报告"),  # below a 版头
        ("关于商请支持应急演练的复函\n", "函"),
        ("在全市安全生产工作会议上的讲话\n同志们：\n", ""),  # a speech names no 文种
        ("2026年湖北省政府工作报告\n——2026年1月\n各位代表：\n", ""),  # made to a congress: ends on a call
        ("2025年度安全生产工作报告\n市政府：\n", "报告"),
        ("妥否", ""),
    ],
)
def test_the_genre_is_read_from_the_title_near_the_top(top, genre):
    assert document_genre(top) == genre


def test_a_request_is_offered_its_own_closing_and_never_a_reports(corpus_bank):
    request = "关于申请安全生产专项资金的请示\n市财政局：\n为保障全市安全生产工作，现申请专项资金。\n"
    assert corpus_bank.suggest(request + "妥否")[0].completion == "，请批示。"
    assert corpus_bank.suggest(request + "以上请示")[0].completion == "当否，请批示。"
    assert "报告。" in [s.completion for s in corpus_bank.suggest("特此")]  # the supervision reports' own closing
    assert "报告。" not in [s.completion for s in corpus_bank.suggest(request + "特此")]
    assert not any("报告如下" in s.completion for s in corpus_bank.suggest(request + "现将"))


def test_a_report_and_a_letter_are_offered_theirs(corpus_bank):
    report = "关于2026年上半年安全生产工作情况的报告\n市政府：\n"
    offered = {s.completion for s in corpus_bank.suggest(report + "以上")}
    assert {"报告，请审阅。", "报告如有不妥，请批评指正。"} <= offered
    assert {"，请审阅。", "如有不妥，请批评指正。"} <= {s.completion for s in corpus_bank.suggest(report + "以上报告")}
    letter = "关于商请支持应急演练的函\n市消防救援支队：\n"
    assert corpus_bank.suggest(letter + "妥否")[0].completion == "，请函复。"
    assert corpus_bank.suggest(letter + "妥否", genre="请示")[0].completion == "，请批示。"  # as the editor says


def test_the_dock_lists_every_genres_frames_once():
    assert frames.every(frames.CLOSINGS) == dock.STANDARD_CLOSINGS
    assert {"特此报告。", "妥否，请批示。", "妥否，请函复。", "特此通知。"} <= set(dock.STANDARD_CLOSINGS)
    assert len(set(dock.STANDARD_OPENINGS)) == len(dock.STANDARD_OPENINGS) == 10


def test_a_dock_list_fitted_to_a_genre_puts_its_frames_first_and_drops_the_others():
    listed = ["特此报告。", "锐意进取", "特此通知。", "妥否，请批示。", "以上请示当否，请批示。"]
    fitted = frames.fitted(listed, "请示", str)
    assert fitted == ["妥否，请批示。", "以上请示当否，请批示。", "锐意进取"]
    assert frames.fitted(listed, "", str) == listed  # no 文种 named: as the engine listed it
