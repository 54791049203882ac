"""Suggestions: whole words only, shown when likely right, exact completions, no anonymisation marks."""

from __future__ import annotations

import pytest

from phrasebank import PhraseBank
from phrasebank.kinds import PhraseKind
from phrasebank.kinds import SectionType as S
from phrasebank.phrase import Phrase, Suggestion
from phrasebank.suggest import ranking
from phrasebank.suggest.context import contexts, infer_section
from phrasebank.suggest.ranking import MAX_COMPLETION, SHOW_THRESHOLD
from phrasebank.text.chars import PLACEHOLDER_RE


@pytest.fixture
def ungated(corpus_bank):
    """The corpus bank with the show threshold off, so every candidate the engine has is visible."""
    corpus_bank.threshold = 0.0
    yield corpus_bank
    corpus_bank.threshold = SHOW_THRESHOLD


# Typed text whose last characters begin a corpus phrase that starts inside the typed word.
SPLIT_CASES = [
    ("加强", "化"),  # 强化理论武装 on the 强 of 加强
    ("深入学习", "近平"),  # 习近平 on the 习 of 学习
    ("部分", "类指导"),  # 分类指导 on the 分 of 部分
    ("党员干部", "署"),  # 部署 on the 部 of 干部
    ("巡回指导组", "织生活会"),  # 组织生活会 on the 组 of 指导组
    ("全市上下", "功夫"),  # 上|下功夫 against 上下 typed as one word
    ("健全", "市主题教育"),  # 全市主题教育 on the 全 of 健全
]


@pytest.mark.parametrize(("typed", "wrong"), SPLIT_CASES)
def test_no_completion_starts_inside_a_typed_word(ungated, typed, wrong):
    offered = [s.completion for s in ungated.suggest(typed)]
    assert not any(c.startswith(wrong) for c in offered), offered


def test_the_corpus_holds_the_phrases_those_splits_came_from(corpus_bank):
    """The split cases above are real: each wrong completion's phrase is in the index."""
    texts = set(corpus_bank.index.texts)
    for phrase in ("强化理论武装", "分类指导", "部署", "组织生活会", "下功夫"):
        assert any(t.startswith(phrase) for t in texts), phrase


def test_a_finished_word_is_not_completed_into_a_longer_one(ungated):
    assert not any(s.completion.startswith("来") for s in ungated.suggest("坚持以"))  # 以 → 以来


def test_typed_context_starts_at_word_boundaries():
    assert [c.text for c in contexts("在学懂弄通上")] == ["在学懂弄通上", "学懂弄通上", "弄通上", "上"]
    assert [c.text for c in contexts("全市上下")] == ["全市上下", "上下"]


def test_phrase_is_the_typed_part_plus_the_completion(ungated):
    before = "深入学习贯彻习近平新时代中国特色社会主义"
    suggestions = ungated.suggest(before)
    assert suggestions
    for s in suggestions:
        typed = s.phrase[: len(s.phrase) - len(s.completion)]
        assert s.phrase.endswith(s.completion) and typed and before.endswith(typed)
    assert suggestions[0].completion.startswith("思想")


def test_completions_are_short_phrases_never_sentences(ungated):
    for before in ("根据市委", "下一步，我们将", "指导组", "存在", "党史学习教育"):
        for s in ungated.suggest(before):
            assert 2 <= len(s.completion) <= MAX_COMPLETION


def test_popup_shows_only_likely_completions(corpus_bank):
    assert next(s.completion for s in corpus_bank.suggest("党史")) == "学习教育"
    assert corpus_bank.suggest("加强") == []  # many ways to go on: no popup at all
    for before in ("党史", "现将", "深入学习贯彻习近平新时代"):
        shown = corpus_bank.suggest(before)
        assert shown and shown[0].score >= SHOW_THRESHOLD
        assert [s.score for s in shown] == sorted((s.score for s in shown), reverse=True)


def test_anonymisation_marks_are_never_offered_as_text(ungated):
    for i in range(len(ungated.index)):
        text, kind = ungated.index.texts[i], ungated.index.kind(i)
        if PLACEHOLDER_RE.search(text):
            assert kind in (PhraseKind.PATTERN, PhraseKind.HEADING, PhraseKind.OPENING), text
            assert PLACEHOLDER_RE.search(text).group() == "XX"
    for before in ("根据市委", "市委", "负责对", "全市", "共有"):
        assert not any(PLACEHOLDER_RE.search(s.completion) for s in ungated.suggest(before))


def test_phrases_of_the_current_section_rank_first():
    bank = PhraseBank(
        [],
        [
            Phrase("加强学习教育", PhraseKind.NGRAM, 9, {S.MEASURES: 9}),
            Phrase("加强组织领导", PhraseKind.NGRAM, 8, {S.MEASURES: 8}),
            Phrase("加强整改落实", PhraseKind.NGRAM, 8, {S.NEXT_STEPS: 8}),
        ],
    )
    bank.threshold = 0.0
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


def test_only_the_current_sentence_matters_not_the_document_length(ungated):
    tail = "一、主要做法\n推动党史"
    long_document = "二、主要做法\n" + "加强组织领导，狠抓工作落实。" * 8000 + "\n" + tail
    assert ungated.suggest(tail)
    assert ungated.suggest(tail) == ungated.suggest(long_document)


def test_no_suggestion_at_a_paragraph_start(corpus_bank):
    assert corpus_bank.suggest("") == []
    assert corpus_bank.suggest("一、主要做法\n") == []


class FixedSource:
    """A stand-in suggestion source: the same completions whatever is typed."""

    def __init__(self, offers: dict[str, float]) -> None:
        self.offers = offers
        self.asked: list[str] = []

    def candidates(self, typed, section):
        self.asked.append(typed[0].text)
        return {c: Suggestion(c, c, PhraseKind.NGRAM, (), p) for c, p in self.offers.items()}


def test_sources_combine_as_a_noisy_or_and_the_threshold_gates_the_popup():
    first, second = FixedSource({"学习教育": 0.2, "工作": 0.03}), FixedSource({"学习教育": 0.3})
    shown = ranking.suggest([first, None, second], "党史", None)
    assert [s.completion for s in shown] == ["学习教育"]  # 0.03 is under a tenth of the best (0.44)
    assert shown[0].score == round(1 - 0.8 * 0.7, 4)
    assert first.asked == second.asked == ["党史"]
    weak = FixedSource({"学习教育": 0.2})
    assert ranking.suggest([first, weak], "党史", None) == []  # 0.2 and 0.2 never add up to a show (0.36)
    assert ranking.suggest([first], "党史", None) == []  # 0.2 alone stays under SHOW_THRESHOLD
    assert ranking.suggest([first], "", None) == [] and first.asked == ["党史", "党史", "党史"]  # "": not asked


@pytest.mark.parametrize(
    ("before", "completion"),
    [
        ("坚持把党章", "”、"),  # a closing quote with none open
        ("推进“学党史、办实事", "”实践活动"),  # balanced with the typed quote: sound
        ("深入开展", "“我为群众办实事"),  # opens a quote it never closes
        ("着力提升", "发展质量和"),  # stops on 和
        ("依法接受市人大", "及其"),  # and on 及其
        ("xx名市级领导", "干部这个"),  # on a demonstrative without its noun
        ("存在", "这样那样的问题和一个"),
        ("全面深化改革", "取得新"),  # on a word of one character that waits for the next
        ("稳外贸", "、稳"),
        ("国家数据基础设施", "投资超"),
        ("消费支出占比升至", "全国第"),
        ("居民储蓄存款利息", "负担约"),  # measured on the national reports, after the list was made
        ("对参合农民的补助", "标准由"),
        ("坚持和完善民族区域自治制度，全面", "贯彻党"),
        ("加快制定修订", "行政法规37部"),
        ("院绩效监测居全国", "第3位"),  # another report's ranking
        ("坚持中国特色", "社会主"),  # stops part-way into 社会主义
        ("全面贯彻党的", "二十大和二十"),  # a number without its 届
        ("坚持党的", "十八"),  # without its 大
        ("产业规模突破2", "000"),  # a number without its unit
        ("地区生产总值增长", "5.5"),
        ("城镇调查失业率", "5.5%左右"),  # another report's figures
        ("城镇登记失业率", "控制在4.6%"),
        ("全年新增就业", "1200万人以上"),
        ("产业规模突破2", "000亿元"),
        ("地区生产总值增长5.", "5%"),
    ],
)
def test_only_whole_rows_are_sound(before, completion):
    expected = completion == "”实践活动"
    assert ranking.sound(before, completion) is expected


@pytest.mark.parametrize(
    ("before", "completion"),
    [
        ("全面贯彻党的", "二十大和二十届四中全会精神"),
        ("地区生产总值增长5.5", "%"),  # the writer's own figure, its sign completed
        ("到", "2035年基本实现社会主义现代化"),  # a year, not a figure
        ("加快", "5G网络建设"),
        ("细颗粒物", "（PM2.5）平均浓度下降"),
        ("加快建设全国", "统一大市场"),
        ("这是重要举措", "之一"),
        ("综合实力位居全国", "第一"),
        ("召开", "第三次"),
        ("推动形成", "一个整体"),  # a demonstrative with its noun
        ("坚持", "创新"),  # 新 ends a word here
        ("推动产业", "提质增效"),
        ("教育引导广大青年热爱", "党"),
        ("始终忠诚于", "党和人民"),
        ("全面从严", "治党"),
    ],
)
def test_numbers_with_their_unit_and_words_ending_in_a_numeral_are_whole(before, completion):
    assert ranking.sound(before, completion)


def test_completions_extending_one_another_take_two_rows_at_most():
    ladder = {"及其": 0.7, "及其常委会": 0.6, "及其常委会的监督": 0.45, "及其常委会的监督，": 0.3, "向大会": 0.3}
    shown = ranking.suggest([FixedSource(ladder)], "自觉接受省人民代表大会", None)
    assert [s.completion for s in shown] == ["及其常委会", "及其常委会的监督", "向大会"]  # 及其 stops on 其
    marks = {"发展": 0.6, "发展，": 0.5, "发展、": 0.3, "质量": 0.3, "质量和效益": 0.2}
    shown = ranking.suggest([FixedSource(marks)], "推动高质量", None)
    assert [s.completion for s in shown] == ["发展", "质量", "质量和效益"]  # 发展， is the row 发展 again
    nearly = {"学习": 1.0, "学习教育": 0.95, "学习教育成果": 0.3}  # the longer is accepted wherever the shorter is
    assert [s.completion for s in ranking.suggest([FixedSource(nearly)], "党史", None)] == ["学习教育", "学习教育成果"]


def _ngram_bank(counts: dict[str, int]) -> PhraseBank:
    return PhraseBank([], [Phrase(text, PhraseKind.NGRAM, n, {S.MEASURES: n}) for text, n in counts.items()])


def test_the_writers_own_reports_say_it_first_where_both_banks_know_the_context():
    """我的报告库 and the built-in bank are one corpus to the estimate, the writer's counts weighing more: after 加快
    the office's own 加快推进 leads the built-in 加快建设, and neither bank's continuation is scored as if the
    other had never seen 加快 (two separate estimates of 3 of 3 each were both sure, and tied)."""
    builtin = _ngram_bank({"加快建设": 3, "全面深化改革": 3})
    own = _ngram_bank({"加快推进": 3})
    builtin.threshold = 0.0
    shown = builtin.suggest("加快", S.MEASURES, own=own)
    assert [s.completion for s in shown] == ["推进", "建设"]
    assert shown[0].score > shown[1].score
    alone = builtin.suggest("加快", S.MEASURES)
    assert [s.completion for s in alone] == ["建设"] and shown[1].score < alone[0].score  # the evidence is shared
    assert [s.completion for s in builtin.suggest("全面", S.MEASURES, own=own)] == ["深化改革"]  # the built-in's own
    assert builtin.pooled_with(own)[0] is builtin.pooled_with(own)[0]  # pooled once per own bank


def test_the_offices_own_opening_is_offered_after_its_first_character():
    builtin = PhraseBank([Phrase("根据上级部署，", PhraseKind.OPENING, 3, {S.OPENING: 3})])
    own = PhraseBank([Phrase("根据市委巡回指导组统一安排，", PhraseKind.OPENING, 2, {S.OPENING: 2})])
    assert [s.completion for s in builtin.suggest("根")] == ["据上级部署，"]
    assert [s.completion for s in builtin.suggest("根", own=own)] == ["据市委巡回指导组统一安排，", "据上级部署，"]


def test_pooled_entries_add_up_counts_and_sightings():
    from phrasebank.suggest.index import Entries, pooled_counts, pooled_entries

    ngram = PhraseKind.NGRAM
    first = Entries.of([Phrase("加快推进", ngram, 1, {S.MEASURES: 1}), Phrase("加强", ngram, 4, {})])
    second = Entries.of([Phrase("加快推进", ngram, 1, {S.NEXT_STEPS: 1}), Phrase("建设", ngram, 2, {})])
    pooled = pooled_entries(first, second, weight=2)
    assert pooled.texts == ["加强", "加快推进", "建设"]
    assert list(pooled.counts) == [4, 3, 4]
    assert list(pooled.documents) == [2, 2, 2]  # 加快推进 once in each: more than one report
    assert pooled.masks[1] == first.masks[1] | second.masks[0]
    assert pooled_counts({"加": 5}, {"加": 1, "建": 2}, weight=2) == {"加": 7, "建": 4}
