"""Character n-gram counts looked up without building every entry's text."""

import random

from conftest import gov_report_files

from phrasebank.mining.ngrams import count_characters


def test_counts_of_gives_exactly_the_counts_of_the_texts_asked_for():
    sentences = [s for path in gov_report_files()[:3] for s in path.read_text(encoding="utf-8").split("。") if s]
    table = count_characters(sentences, max_n=6)
    every = dict(zip(table.texts(), table.count.tolist(), strict=True))
    asked = set(random.Random(3).sample(sorted(every), 3000)) | {"不存在的说法", "㊣"}
    assert table.counts_of(asked) == {text: n for text, n in every.items() if text in asked}
