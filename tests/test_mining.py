"""Mining: every phrase kind from the real corpus; no noise, no slot-only phrase, ever."""

from __future__ import annotations

import re

import pytest

import phrasebank
from phrasebank.cleaning import NOISE_WORDS
from phrasebank.types import PLACEHOLDER_RE, SENTENCE_END, SLOT, PhraseKind, SectionType


def texts(bank, kind: PhraseKind) -> set[str]:
    return {p.text for p in bank.phrases if p.kind is kind}


def test_collocations_and_formulas(corpus_bank):
    collocations = texts(corpus_bank, PhraseKind.COLLOCATION)
    formulas = texts(corpus_bank, PhraseKind.FORMULA)
    assert {"提高政治站位", "主题教育走深走实", "“四个意识”", "“我为群众办实事”"} <= collocations
    assert {"理论学习", "督促指导", "调查研究", "干事创业", "急难愁盼"} <= formulas
    assert all(len(f) == 4 for f in formulas if "、" not in f)


def test_parallel_series_with_a_shared_pattern(corpus_bank):
    series = texts(corpus_bank, PhraseKind.SERIES)
    assert "往深里走、往心里走、往实里走" in series
    assert "学史明理、学史增信、学史崇德、学史力行" in series
    assert "获得感、幸福感、安全感" in series


def test_sentence_patterns_with_slots(corpus_bank):
    patterns = texts(corpus_bank, PhraseKind.PATTERN)
    assert {f"在{SLOT}上下功夫", f"坚持把{SLOT}作为{SLOT}", f"聚焦“{SLOT}”，在{SLOT}上下功夫"} <= patterns


def test_heading_formulas_openings_and_closings(corpus_bank):
    headings = texts(corpus_bank, PhraseKind.HEADING)
    assert "强化组织领导，狠抓工作落实" in headings
    assert f"持续在{SLOT}上下功夫" in headings  # template of the sibling run-in heads of report 001
    assert "现将有关情况报告如下：" in texts(corpus_bank, PhraseKind.OPENING)
    assert "特此报告。" in texts(corpus_bank, PhraseKind.CLOSING)


def test_every_phrase_carries_count_sections_and_source(corpus_bank):
    for phrase in corpus_bank.phrases:
        assert phrase.count >= 1 and phrase.source, phrase
        name, paragraph = phrase.source.rsplit(":", 1)
        assert name.endswith(".txt") and int(paragraph) >= 1
        assert phrase.sections, phrase
    problems = next(p for p in corpus_bank.phrases if p.text == f"{SLOT}有差距")
    assert problems.top_section is SectionType.PROBLEMS


def test_phrases_cross_no_sentence_end_unless_patterns(corpus_bank):
    for phrase in corpus_bank.phrases:
        if phrase.kind in (PhraseKind.PATTERN, PhraseKind.OPENING, PhraseKind.CLOSING):
            continue
        assert not any(mark in phrase.text[:-1] for mark in SENTENCE_END), phrase.text


def assert_clean(bank) -> None:
    for phrase in [*bank.phrases, *(bank.index.entry(i) for i in range(len(bank.index)))]:
        lowered = phrase.text.lower()
        assert not any(word in lowered for word in NOISE_WORDS), phrase.text
        assert "##" not in phrase.text
        bare = PLACEHOLDER_RE.sub("", phrase.text.replace(SLOT, ""))
        assert len(re.findall(r"[\u4e00-\u9fff]", bare)) >= 1, phrase.text
        assert re.sub(r"[\W_xX]", "", phrase.text.replace(SLOT, "")), phrase.text


def test_no_noise_reaches_phrases_or_index_of_the_corpus(corpus_bank):
    assert_clean(corpus_bank)


def test_no_noise_when_mining_reports_never_seen(gov_files, corpus_files, tmp_path):
    noisy = tmp_path / "noisy.txt"
    noisy.write_bytes(
        (
            "\n".join(
                [
                    "关于某局开展主题教育情况的报告",
                    "【哒哒素材库】——每天更新材料1000多篇，会员群同步更新，添加客服：abc",
                    "一、主要做法",
                    "坚持把理论学习摆在首位，采取##paidbegin##集中领读、个人自学等方式，推动理论学习往深里走、往心里走、往实里走。",
                    "本文档编辑密码：abc123",
                    "坚持把理论学习摆在首位，推动理论学习往深里走、往心里走、往实里走，开展专题研讨X次。",
                ]
            )
            + "\n"
        ).encode("gbk")
    )
    bank = phrasebank.mine([*gov_files[:6], corpus_files[1], corpus_files[2], noisy])
    assert_clean(bank)
    assert "往深里走、往心里走、往实里走" in {p.text for p in bank.phrases}


def test_mining_reads_docx_and_gbk_txt_folders(tmp_path, corpus_files):
    import docx

    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    lines = corpus_files[3].read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(folder / "sub" / "003.docx")
    (folder / "001.txt").write_bytes(corpus_files[1].read_text(encoding="utf-8").encode("gb18030"))
    bank = phrasebank.mine([folder])
    assert bank.info["documents"] == 2
    sources = {p.source.rsplit(":", 1)[0] for p in bank.phrases}
    assert sources == {"003.docx", "001.txt"}


def test_empty_corpus_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(phrasebank.EmptyCorpusError):
        phrasebank.mine([tmp_path])
