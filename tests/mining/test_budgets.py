"""Mining in bounded memory: each level of the n-gram table, the typing index and the pattern finds keep
at most a budget, always the most frequent, and below the budget nothing changes."""

import numpy as np
from conftest import gov_report_files

from phrasebank.kinds import PhraseKind
from phrasebank.mining.miner import _Occurrences, load_documents, mine_documents
from phrasebank.mining.ngrams import TokenStream, count_ngrams, most_frequent
from phrasebank.mining.patterns import Find
from phrasebank.text import segment


def test_most_frequent_keeps_at_most_the_budget_and_never_splits_a_tie():
    counts = np.array([9, 2, 5, 5, 5, 7, 1, 3])
    assert most_frequent(counts, 2, 100).tolist() == [c >= 2 for c in counts]
    assert counts[most_frequent(counts, 2, 5)].tolist() == [9, 5, 5, 5, 7]
    assert counts[most_frequent(counts, 2, 4)].tolist() == [9, 7]  # the three 5s go together


def _stream() -> TokenStream:
    stream = TokenStream()
    for number, path in enumerate(gov_report_files()[:3]):
        sentences = [s for s in path.read_text(encoding="utf-8").split("。") if s]
        for words in segment.words_many(sentences):
            stream.add_sentence(words, None, (number, 0))
    return stream


def test_a_level_over_its_budget_keeps_its_most_frequent_ngrams():
    stream = _stream()
    whole = count_ngrams(stream, max_n=4, level_budget=10**9)
    budget = 1000
    cut = count_ngrams(stream, max_n=4, level_budget=budget)
    for level in (1, 2):
        assert (whole.level == level).sum() > budget  # the budget bites on this material
        assert 0 < (cut.level == level).sum() <= budget
    kept = {cut.words(e): int(cut.count[e]) for e in range(len(cut))}
    for level in (1, 2, 3):
        lowest_kept = min(n for words, n in kept.items() if len(words) == level)
        for entry in np.nonzero(whole.level == level)[0].tolist():
            words = whole.words(entry)
            if words in kept:
                assert kept[words] == whole.count[entry]  # counted exactly as without a budget
            else:  # dropped: less frequent than all kept, or a part of it was dropped a level below
                assert whole.count[entry] <= lowest_kept or words[1:] not in kept or words[:-1] not in kept


def test_the_bank_below_the_budgets_is_the_bank_without_them(monkeypatch):
    documents = list(load_documents(gov_report_files()[:4]))
    shipped = mine_documents(documents)
    from phrasebank.mining import miner, ngrams

    monkeypatch.setattr(ngrams, "LEVEL_BUDGET", 10**9)
    monkeypatch.setattr(miner, "INDEX_BUDGET", 10**9)
    monkeypatch.setattr(miner, "FIND_BUDGET", 10**9)
    unbounded = mine_documents(documents)
    assert [p.text for p in shipped.phrases] == [p.text for p in unbounded.phrases]
    assert shipped.index.texts == unbounded.index.texts


def test_pattern_finds_past_their_budget_forget_the_ones_seen_once_but_keep_openings():
    found = _Occurrences()
    repeated = Find("坚持问题导向", PhraseKind.COLLOCATION, firm=False)
    opening = Find("根据省委统一部署，", PhraseKind.OPENING)
    for n in range(50):
        found.add(Find(f"一次性说法{n}", PhraseKind.COLLOCATION, firm=False), None, "a:1", 0)
        found.add(repeated, None, "a:1", 0)
    found.add(opening, None, "b:1", 1)
    found.prune(10)
    assert set(found.counts) == {("坚持问题导向", PhraseKind.COLLOCATION), ("根据省委统一部署，", PhraseKind.OPENING)}
    assert not any(key[0].startswith("一次性") for key in found.sources)
    found.prune(10)  # under the budget now: nothing more goes
    assert len(found.counts) == 2


def test_counting_in_many_small_passes_gives_the_table_of_one_pass(monkeypatch):
    from phrasebank.mining import ngrams

    stream = _stream()
    one = count_ngrams(stream, max_n=6, level_budget=3000)
    monkeypatch.setattr(ngrams, "PASS_POSITIONS", 997)
    assert len(ngrams._passes(*(lambda t: (t, t >= 0, len(stream.vocab)))(stream.arrays()[0]))) > 20
    many = count_ngrams(stream, max_n=6, level_budget=3000)
    for name in ("level", "parent", "last", "count", "sections", "first", "documents", "left_entropy", "right_share"):
        assert np.array_equal(getattr(one, name), getattr(many, name)), name
