"""Word segmentation of the text being typed: as jieba segments it whole, each block segmented once."""

from __future__ import annotations

import random

from conftest import gov_report_files

from phrasebank.text import segment


def test_the_typed_texts_words_start_where_jiebas_words_of_the_whole_text_start():
    rng = random.Random(7)
    paragraphs = [line for path in gov_report_files()[:4] for line in path.read_text("utf-8").splitlines() if line]
    for _ in range(2000):
        paragraph = rng.choice(paragraphs)
        start = rng.randrange(len(paragraph))
        text = paragraph[start : start + rng.randrange(1, 60)]
        assert segment.typed_word_starts(text) == segment.word_starts(text), text


def test_a_sentences_earlier_clauses_are_not_segmented_again_as_the_writer_types_on(monkeypatch):
    segmented: list[str] = []
    words = segment.words

    def spy(text: str) -> list[str]:
        segmented.append(text)
        return words(text)

    monkeypatch.setattr(segment, "words", spy)
    sentence = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局"
    segment.typed_word_starts(sentence[:30])  # (the clauses may be segmented here, or kept from before)
    segmented.clear()
    segment.typed_word_starts(sentence)
    assert segmented == ["加快构建新发展格局"]
