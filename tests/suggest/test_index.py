"""The bank's typing index: what it offers after the typed contexts, whatever it was asked before."""

from __future__ import annotations

from phrasebank import PhraseBank
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Phrase
from phrasebank.suggest.context import contexts
from phrasebank.suggest.index import BACKOFF, DROP_FROM, LEAST_WEIGHT, SuggestIndex
from phrasebank.suggest.ranking import chain_probability


def _scores(index: SuggestIndex, tail: str) -> dict[str, float]:
    return {completion: s.score for completion, s in index.candidates(contexts(tail), None).items()}


def test_an_index_asked_many_times_scores_as_a_fresh_one(corpus_bank):
    """Each entry's chain of counts is kept between asks, by entry: the same entry
    after a longer or a shorter context scores as a new index scores it."""
    text = "加强党的建设，推动全面从严治党向纵深发展，持续深化作风建设"
    tails = [text[:end] for end in range(2, len(text) + 1)]
    asked = corpus_bank.index
    for tail in tails:  # everything asked once: the kept chains cover many context lengths
        _scores(asked, tail)
    for tail in reversed(tails):
        fresh = PhraseBank(corpus_bank.phrases, corpus_bank.index.entries(), corpus_bank.index.prefix_counts).index
        assert _scores(asked, tail) == _scores(fresh, tail)


def test_a_chain_of_counts_is_the_product_of_its_steps():
    counts = {"深化": 10, "深化改革": 4, "深化改革开放": 3}
    bounds = 1 << 1 | 1 << 3  # 深化|改革|开放
    p = chain_probability("深化改革开放", 2, bounds, 10, lambda t: counts.get(t, 0), 1.0)
    assert p == min(4, 10) / 11 * min(3, 4) / 5


def _ngram_bank(counts: dict[str, int]) -> PhraseBank:
    bank = PhraseBank([], [Phrase(text, PhraseKind.NGRAM, n, {SectionType.MEASURES: n}) for text, n in counts.items()])
    bank.threshold = 0.0
    return bank


def test_a_completion_never_seen_ending_there_runs_on_to_where_its_sightings_went():
    """提升和量 was always 提升和量的合理增长: offered whole, as likely as its start; a text seen ending (推动发展，),
    going on in two ways (推动发展新质生产力, 推动发展方式转变) or seen too seldom (DROP_FROM) stays a completion of
    its own."""
    bank = _ngram_bank({"有效提升": 8, "有效提升和量": 6, "有效提升和量的": 6, "有效提升和量的合理增长": 6})
    shown = {s.completion: s.score for s in bank.suggest("实现质的有效提升")}
    assert "和量的合理增长" in shown and not {"和量", "和量的"} & shown.keys()
    ended = _ngram_bank({"推动发展": 4, "推动发展，": 2, "推动发展新质生产力": 2})
    assert [s.completion for s in ended.suggest("着力推动")][:1] == ["发展"]
    forked = _ngram_bank({"推动发展": 6, "推动发展新质生产力": 3, "推动发展方式转变": 3})
    assert "发展" in [s.completion for s in forked.suggest("着力推动")]
    seldom = _ngram_bank({"推动发展": DROP_FROM - 1, "推动发展新质生产力": DROP_FROM - 1})
    assert "发展" in [s.completion for s in seldom.suggest("着力推动")]


def test_a_text_seen_a_few_times_always_going_on_is_no_completion_of_its_own():
    """第六代 was 第六代移动通信 each of its three sightings (fewer than RUN_FROM): 第六代 is not offered, the whole
    term is, on its own evidence; 第六代 seen ending once (第六代， ) stays."""
    for n in (3, 4):
        bank = _ngram_bank({"布局第六代": n, "布局第六代移动通信": n, "布局第六代移动通信技术": 1})
        shown = [s.completion for s in bank.suggest("前瞻布局")]
        assert "第六代" not in shown and "第六代移动通信" in shown
    ended = _ngram_bank({"布局第六代": 3, "布局第六代移动通信": 2, "布局第六代，": 1})
    assert "第六代" in [s.completion for s in ended.suggest("前瞻布局")]


def test_a_context_so_far_back_that_no_row_could_show_its_completions_is_not_looked_at():
    """Each context back from the longest with evidence weighs BACKOFF times less; from the one weighing less than
    LEAST_WEIGHT on, its completions could never be listed, and it is not looked at."""
    continuations = ["我们坚持推进高质量发展取得新成效", "坚持推进高质量发展迈出新步伐", "推进高质量发展走在前列",
                     "高质量发展开新局", "发展新质生产力"]  # one per context of the typed text, longest first
    bank = _ngram_bank({text: 4 for text in continuations})
    levels = [BACKOFF**level for level in range(len(continuations))]
    assert levels[3] >= LEAST_WEIGHT > levels[4]
    offered = _scores(bank.index, "我们坚持推进高质量发展")
    assert {"开新局", "走在前列"} <= offered.keys() and "新质生产力" not in offered
    assert _scores(bank.index, "高质量发展").keys() >= {"开新局", "新质生产力"}
