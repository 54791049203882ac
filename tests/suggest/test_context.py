"""Contexts: the typed text's word-aligned suffixes, and which phrases may continue them."""

from __future__ import annotations

from phrasebank.suggest.context import Context, contexts
from phrasebank.text.segment import boundary_bits


def test_the_contexts_are_the_typed_words_suffixes_longest_first():
    typed = contexts("我们要推进高质量发展")
    expected = ["我们要推进高质量发展", "要推进高质量发展", "推进高质量发展", "高质量发展", "发展"]
    assert [c.text for c in typed] == expected
    assert all(c.finished for c in typed)


def test_a_phrase_continues_a_context_only_if_its_words_split_the_typed_part_alike():
    typed = Context("上下", bounds=0)  # 上下 typed as one word
    assert typed.agrees(boundary_bits([2]))  # 上下|功夫
    assert not typed.agrees(boundary_bits([1]))  # 上|下功夫
    assert not typed.agrees(boundary_bits([1, 2]))


def test_after_a_finished_word_a_phrase_must_start_a_new_one_while_a_word_being_typed_may_be_finished():
    finished, typing = Context("加强", bounds=0), Context("加", bounds=0, finished=False)
    assert finished.agrees(boundary_bits([2])) and not finished.agrees(0)  # 加强|管理, not 加强化 as one word
    assert typing.agrees(0) and typing.agrees(boundary_bits([1]))
