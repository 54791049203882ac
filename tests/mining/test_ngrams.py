"""Short texts counted in spilled sentences, chunk by chunk."""

import random

from conftest import gov_report_files

from phrasebank.mining.spill import SpilledSentences, count_texts


def _occurrences(text: str, sentences: list[str]) -> int:
    return sum(1 for s in sentences for i in range(len(s)) if s.startswith(text, i))


def test_texts_are_counted_exactly_however_the_sentences_are_chunked():
    sentences = [s for path in gov_report_files()[:2] for s in path.read_text(encoding="utf-8").split("。") if s]
    rng = random.Random(3)
    asked = set()
    for sentence in rng.sample(sentences, 200):
        start = rng.randrange(len(sentence))
        asked.add(sentence[start : start + rng.randint(1, 6)])
    asked |= {"不存在的说法", "㊣", "。各"}  # absent, and one that would only span two sentences
    expected = {text: n for text in asked if (n := _occurrences(text, sentences))}
    with SpilledSentences() as spilled:
        spilled.extend(sentences)
        for size in (997, 50_000, 10_000_000):
            assert count_texts(spilled.chunks(size), asked) == expected
    assert "不存在的说法" not in expected and "。各" not in expected
