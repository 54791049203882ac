"""Openings from their first character, as an input method that commits 现 alone meets them."""

from __future__ import annotations

from phrasebank.kinds import PhraseKind
from phrasebank.phrase import Phrase
from phrasebank.suggest import ranking
from phrasebank.suggest.openings import Openings


def test_after_xian_at_a_paragraph_start_the_commonest_opening_is_offered(corpus_bank):
    shown = corpus_bank.suggest("关于主题教育情况的报告\n市委：\n现")
    assert shown and shown[0].completion == "将有关情况报告如下："


def test_only_the_start_of_a_short_sentence_is_matched():
    phrases = [Phrase("现将有关情况报告如下：", PhraseKind.OPENING, 5), Phrase("现在", PhraseKind.COLLOCATION, 9)]
    source = Openings(phrases)
    assert [s.completion for s in ranking.suggest([source], "市委：\n现", None)] == ["将有关情况报告如下："]
    assert ranking.suggest([source], "市委：\n我们发现", None) == []  # 现 inside a longer sentence
