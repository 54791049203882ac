"""The bank's typing index: what it offers after the typed contexts, whatever it was asked before."""

from __future__ import annotations

from phrasebank import PhraseBank
from phrasebank.suggest.context import contexts
from phrasebank.suggest.index import SuggestIndex
from phrasebank.suggest.ranking import chain_probability


def _scores(index: SuggestIndex, tail: str) -> dict[str, float]:
    return {completion: s.score for completion, s in index.candidates(contexts(tail), None).items()}


def test_an_index_asked_many_times_scores_as_a_fresh_one(corpus_bank):
    """Each entry's chain of counts is kept between asks, by entry and typed context length: the same entry
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
