"""This document's memory as a suggestion source: what the writer typed is offered again."""

from __future__ import annotations

from phrasebank.suggest.context import contexts
from phrasebank.suggest.memory import DocumentMemory
from phrasebank.suggest.ranking import SHOW_THRESHOLD
from phrasebank.text.chars import PLACEHOLDER_RE


def test_document_memory_offers_what_the_writer_already_typed(corpus_bank):
    memory = DocumentMemory()
    typed = "我们继续依托"
    assert not any(s.completion.startswith("青年干部夜校") for s in corpus_bank.suggest(typed, memory=memory))
    memory.learn("依托青年干部夜校培训班三期，依托青年干部夜校打造学习品牌。")
    assert any(s.completion.startswith("青年干部夜校") for s in corpus_bank.suggest(typed, memory=memory))


def test_memory_never_remembers_anonymisation_marks(corpus_bank):
    memory = DocumentMemory()
    for _ in range(3):
        memory.learn("市委x巡回指导组对XX县开展指导。")
    corpus_bank.threshold = 0.0
    try:
        offered = [s.completion for s in corpus_bank.suggest("市委", memory=memory)]
    finally:
        corpus_bank.threshold = SHOW_THRESHOLD
    assert not any(PLACEHOLDER_RE.search(c) for c in offered)


def test_absorbing_a_memory_adds_its_counts():
    """The editor learns an opened report in the background and absorbs it into the live memory."""
    live, opened = DocumentMemory(), DocumentMemory()
    live.learn("依托青年干部夜校开展培训。")
    opened.learn("依托青年干部夜校打造学习品牌。")
    opened.learn("依托青年干部夜校培训班三期。")
    before = live.count("青年干部夜校")
    live.absorb(opened)
    assert before == 1 and live.count("青年干部夜校") == 3
    assert live.paragraphs == 3
    assert "青年干部夜校" in {s.completion for s in live.candidates(contexts("我们依托"), None).values()}


def test_a_continuation_typed_once_is_not_offered_twice_is():
    memory = DocumentMemory()
    memory.learn("持续深化理论武装。")
    typed = contexts("我们要持续")
    assert not memory.candidates(typed, None)  # one sighting could be a slip
    memory.learn("持续深化理论武装。")
    assert any(c.startswith("深化") for c in memory.candidates(typed, None))


def test_what_is_forgotten_is_offered_no_more():
    memory = DocumentMemory()
    for _ in range(2):
        memory.learn("持续神话理论武装。")  # a slip, typed twice
    assert memory.count("神话理论") == 2
    memory.forget("持续神话理论武装。")
    memory.forget("持续神话理论武装。")
    assert memory.count("神话理论") == 0 and not memory.candidates(contexts("要持续"), None)


def test_a_hotline_that_only_part_of_a_sentence_makes_is_never_remembered():
    """The whole sentence has no noise (１400-1234 is no 400 hotline: a digit stands before it), but the
    word sequence 400-1234 reads as one: each sequence with Latin letters or digits is tested by itself."""
    from phrasebank.structure.cleaning import has_noise

    memory = DocumentMemory()
    sentence = "咨询电话１400-1234，欢迎来电。"
    assert not has_noise(sentence)
    for _ in range(2):
        memory.learn(sentence)
    remembered = [text for bucket in memory._buckets.values() for text in bucket]
    assert "咨询电话１400-1234" in remembered and "欢迎来电" in remembered
    assert [text for text in remembered if has_noise(text)] == []


def test_a_paragraph_is_learned_a_sentence_at_a_time_with_a_pause_before_each():
    """Learning a long report beside the window, the writer's keys come between its sentences: one of its
    paragraphs took 5-25 ms of Python's lock."""
    memory, seen = DocumentMemory(), []
    paragraph = "一是强化理论武装。二是压实工作责任。三是健全长效机制。"
    memory.learn(paragraph, pause=lambda: seen.append((memory.count("理论武装"), memory.count("长效机制"))))
    assert seen == [(0, 0), (1, 0), (1, 0)]
    assert memory.count("长效机制") == 1


def test_after_a_word_many_sequences_follow_only_the_likeliest_are_scored():
    """Sixty things typed twice after 推进 and one typed ten times: the commonest is offered first, and only the
    likeliest-looking two dozen are scored (each of the others a fraction of a percent)."""
    from phrasebank.suggest.memory import TOP_SCORED

    memory = DocumentMemory()
    objects = [a + b for a in "城乡社区产业文化生态" for b in "建设改革治理发展融合振兴"][:60]
    for word in objects:
        for _ in range(2):
            memory.learn(f"推进{word}。")
    for _ in range(10):
        memory.learn("推进高质量发展。")
    offered = memory.candidates(contexts("推进"), None)
    assert max(offered.values(), key=lambda s: s.score).completion.startswith("高质量")
    assert len(offered) <= TOP_SCORED + 1  # (all of them scored: 123 completions)
