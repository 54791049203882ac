"""Suggestions: exact completions, section ranking, cost bounded by the current paragraph."""

from __future__ import annotations

from phrasebank import PhraseBank
from phrasebank.memory import DocumentMemory
from phrasebank.phrase import Phrase
from phrasebank.suggest import infer_section
from phrasebank.types import PhraseKind
from phrasebank.types import SectionType as S


def test_completion_is_exactly_the_text_to_insert(corpus_bank):
    before = "持续推动学习贯彻习近平新时代中国特色社会主义思想往深"
    suggestions = corpus_bank.suggest(before)
    assert suggestions
    for s in suggestions:
        joined = before + s.completion
        assert joined.endswith(s.phrase) or s.phrase.startswith(before[-(len(s.phrase) - len(s.completion)) :])
    assert any(s.completion.startswith("里走、往心里走") for s in suggestions)


def test_problem_phrases_are_offered_in_the_problems_section(corpus_bank):
    suggestions = corpus_bank.suggest("存在", "problems")
    assert {"的问题", "一些"} <= {s.completion for s in suggestions}
    assert S.PROBLEMS in suggestions[0].sections


def test_phrases_of_the_current_section_rank_first():
    bank = PhraseBank(
        [],
        [
            Phrase("加强学习教育", PhraseKind.NGRAM, 9, {S.MEASURES: 9}),
            Phrase("加强组织领导", PhraseKind.NGRAM, 8, {S.MEASURES: 8}),
            Phrase("加强整改落实", PhraseKind.NGRAM, 3, {S.NEXT_STEPS: 3}),
        ],
    )
    in_measures = [s.completion for s in bank.suggest("加强", S.MEASURES)]
    in_next = [s.completion for s in bank.suggest("加强", S.NEXT_STEPS)]
    assert in_measures[-1] == "整改落实"
    assert in_next[0] == "整改落实"


def test_section_is_inferred_from_the_nearest_heading():
    doc = "关于某项工作的报告\n一、主要做法\n一是加强领导。\n二、存在的问题\n对照要求，"
    assert infer_section(doc) is S.PROBLEMS
    assert infer_section("一、存在的问题\n差距明显。\n二、下步打算\n") is S.NEXT_STEPS
    assert infer_section("根据市委统一部署，") is S.OPENING
    assert infer_section("一、主要做法\n下一步，我们将") is S.NEXT_STEPS  # the paragraph's own cue


def test_only_the_current_sentence_matters_not_the_document_length(corpus_bank):
    tail = "一、存在的问题\n部分单位理论学习有"
    long_document = "二、主要做法\n" + "加强组织领导，狠抓工作落实。" * 8000 + "\n" + tail
    assert corpus_bank.suggest(tail) == corpus_bank.suggest(long_document)


def test_no_suggestion_inside_a_finished_sentence_start(corpus_bank):
    assert corpus_bank.suggest("") == []
    assert corpus_bank.suggest("一、主要做法\n") == []


def test_document_memory_offers_what_the_writer_already_typed(corpus_bank):
    memory = DocumentMemory()
    typed = "我们依托青年干"
    assert not any(s.completion.startswith("部夜校") for s in corpus_bank.suggest(typed, memory=memory))
    memory.learn("今年举办青年干部夜校培训班三期，青年干部夜校成为学习品牌。")
    assert any(s.completion.startswith("部夜校") for s in corpus_bank.suggest(typed, memory=memory))
