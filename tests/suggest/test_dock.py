"""The phrase dock's list per section type: decided by the engine, typical phrases first, whole series."""

from __future__ import annotations

import pytest

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Phrase
from phrasebank.suggest.dock import KIND_ORDER, section_list, typicality
from phrasebank.text.chars import SLOT

S = SectionType
WHOLE = {PhraseKind.OPENING, PhraseKind.CLOSING, PhraseKind.PATTERN, PhraseKind.SERIES, PhraseKind.HEADING}


def top(bank, section: SectionType, n: int = 15) -> list[str]:
    return [p.text for p in bank.for_section(section)[:n]]


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (S.OPENING, ["现将有关情况报告如下：", f"根据{SLOT}部署，", f"{SLOT}开展以来，"]),
        (S.OVERVIEW, ["政治之基、思想之基、群众之基、干事之基、强党之基", "获得感、幸福感、安全感"]),
        (S.MEASURES, [f"聚焦“{SLOT}”，在{SLOT}上下功夫", "抓谋划、抓推动、抓落实", "边学边改、边查边改"]),
        (S.HIGHLIGHTS, ["线上指导、面上交流、点上督促", "自选动作"]),
        (S.PROBLEMS, [f"{SLOT}有差距", "学用结合不够紧密", "压力传导不够"]),
        (S.NEXT_STEPS, ["真抓的实劲、敢抓的狠劲、善抓的巧劲、常抓的韧劲", f"把{SLOT}摆在首位"]),
        (S.CLOSING, ["特此报告。"]),
    ],
)
def test_each_section_lists_its_typical_phrases_near_the_top(corpus_bank, section, expected):
    listed = top(corpus_bank, section, 25)
    assert set(expected) <= set(listed), listed


def test_every_section_has_phrases(corpus_bank):
    """The four bundled reports hold two closing paragraphs; every other section gives ten or more."""
    for section in SectionType:
        assert len(corpus_bank.for_section(section)) >= (5 if section is S.CLOSING else 10), section


def test_kinds_inserted_whole_come_before_bare_terms(corpus_bank):
    for section in SectionType:
        kinds = [p.kind for p in corpus_bank.for_section(section)]
        assert kinds == sorted(kinds, key=KIND_ORDER.index), section
        first_term = next((i for i, k in enumerate(kinds) if k not in WHOLE), len(kinds))
        assert all(k not in WHOLE for k in kinds[first_term:])


def test_the_common_nouns_no_longer_head_every_section(corpus_bank):
    for section in SectionType:
        assert not {"党史学习教育", "主题教育", "习近平总书记"} & set(top(corpus_bank, section)), section


def test_a_phrase_used_in_one_section_is_listed_only_there(corpus_bank):
    once = [p for p in corpus_bank.phrases if len(p.sections) == 1 and p.kind is not PhraseKind.NGRAM]
    assert len(once) > 50
    for phrase in once:
        (home,) = phrase.sections
        listed_in = {s for s in SectionType if phrase in corpus_bank.for_section(s)}
        assert listed_in <= {home}, phrase


def test_openings_are_listed_only_under_the_opening(corpus_bank):
    opening = next(p for p in corpus_bank.phrases if p.text == f"{SLOT}开展以来，")
    assert [s for s in SectionType if opening in corpus_bank.for_section(s)] == [S.OPENING]


def test_typicality_weighs_share_against_the_sections_share_of_text():
    shares = {s: 1 / 7 for s in SectionType} | {S.MEASURES: 0.5, S.PROBLEMS: 0.05}
    everywhere = Phrase("党员干部", PhraseKind.COLLOCATION, 40, {S.MEASURES: 20, S.OVERVIEW: 6, S.PROBLEMS: 2})
    problem = Phrase("学用结合不够紧密", PhraseKind.COLLOCATION, 3, {S.PROBLEMS: 3})
    assert S.PROBLEMS not in typicality(everywhere, shares)  # 2 of 40 only touched it
    assert typicality(problem, shares)[S.PROBLEMS] > typicality(everywhere, shares)[S.MEASURES]


def test_limits_apply_per_kind_after_filtering():
    terms = [Phrase(f"词语{i:03d}", PhraseKind.COLLOCATION, 50, {S.MEASURES: 50}) for i in range(100)]
    series = Phrase("抓谋划、抓推动、抓落实", PhraseKind.SERIES, 1, {S.MEASURES: 1})
    elsewhere = Phrase("特此报告。", PhraseKind.CLOSING, 9, {S.CLOSING: 9})
    listed = section_list([*terms, series, elsewhere], S.MEASURES)
    assert listed[0] is series and elsewhere not in listed
    assert len([p for p in listed if p.kind is PhraseKind.COLLOCATION]) == 40


def test_government_reports_plans_count_as_next_steps(gov_files):
    from phrasebank.document.files import read_paragraphs
    from phrasebank.structure.cleaning import clean_lines
    from phrasebank.structure.outline import Role, Structure

    for path in gov_files:
        structure = Structure.from_texts(clean_lines(read_paragraphs(path)).paragraphs)
        for para, role, section in zip(structure.paragraphs, structure.roles, structure.sections, strict=True):
            if role is Role.HEADING and para.level == 1 and para.head.startswith("2026年"):
                assert section is S.NEXT_STEPS, (path.name, para.head)


def test_the_standard_openings_and_closings_are_always_in_their_sections(corpus_bank):
    """A corpus of 4 reports holds no 请示 or 函: their closings are in the dock all the same."""
    closings = [p.text for p in corpus_bank.for_section(S.CLOSING)]
    assert {"特此报告。", "妥否，请批示。", "妥否，请函复。", "特此通知。"} <= set(closings)
    assert len(closings) == len(set(closings))  # the corpus's own 特此报告。 is not listed twice
    openings = [p.text for p in corpus_bank.for_section(S.OPENING)]
    assert "现将有关情况报告如下：" in openings
    assert not {"特此报告。", "现将有关情况报告如下："} & {p.text for p in corpus_bank.for_section(S.MEASURES)}


def test_in_a_large_corpus_terms_of_one_report_never_reach_the_dock():
    from phrasebank.phrase import Phrase
    from phrasebank.suggest.dock import section_list

    one = Phrase("农村电网改造", PhraseKind.COLLOCATION, 9, {S.OVERVIEW: 9}, "2002.txt:3", [], reports=1)
    many = Phrase("本届政府任期", PhraseKind.COLLOCATION, 5, {S.OVERVIEW: 5}, "2008.txt:2", [], reports=2)
    place = Phrase("平庆铁路、兰合铁路、天陇铁路", PhraseKind.SERIES, 2, {S.OVERVIEW: 2}, "甘肃.txt:9", [], reports=1)
    series = Phrase("学党史、悟思想、办实事、开新局", PhraseKind.SERIES, 3, {S.OVERVIEW: 3}, "a.txt:1", [], reports=2)
    slot = Phrase("在XX上下功夫", PhraseKind.PATTERN, 2, {S.OVERVIEW: 2}, "b.txt:4", [], reports=1)
    listed = [p.text for p in section_list([one, many, place, series, slot], S.OVERVIEW, recurring=True)]
    assert "农村电网改造" not in listed and "本届政府任期" in listed
    assert "学党史、悟思想、办实事、开新局" in listed  # a series of two reports
    assert "平庆铁路、兰合铁路、天陇铁路" not in listed and "在XX上下功夫" not in listed  # one report's lists
    small = [p.text for p in section_list([one, many, place], S.OVERVIEW)]
    assert "农村电网改造" in small and "平庆铁路、兰合铁路、天陇铁路" in small  # a small corpus keeps them


def test_the_bank_file_keeps_how_many_reports_a_phrase_was_seen_in(corpus_bank, tmp_path):
    from phrasebank.suggest.bank import PhraseBank

    corpus_bank.save(tmp_path / "bank.db")
    again = PhraseBank.load(tmp_path / "bank.db")
    assert [p.reports for p in again.phrases] == [p.reports for p in corpus_bank.phrases]
    assert {p.reports for p in again.phrases} >= {1, 2}


def test_bare_organ_names_and_part_names_are_not_listed():
    organ = Phrase("人民政府", PhraseKind.COLLOCATION, 40, {S.OVERVIEW: 40}, "a.txt:1", [], reports=9)
    also = Phrase("本届政府", PhraseKind.COLLOCATION, 12, {S.OVERVIEW: 12}, "a.txt:2", [], reports=5)
    part = Phrase("结束语", PhraseKind.HEADING, 6, {S.CLOSING: 6}, "b.txt:9", [], reports=6)
    kept = Phrase("本届政府任期", PhraseKind.COLLOCATION, 5, {S.OVERVIEW: 5}, "c.txt:2", [], reports=2)
    heading = Phrase("下步工作建议", PhraseKind.HEADING, 3, {S.CLOSING: 3}, "d.txt:5", [], reports=2)
    listed = [p.text for s in (S.OVERVIEW, S.CLOSING) for p in section_list([organ, also, part, kept, heading], s)]
    assert "人民政府" not in listed and "本届政府" not in listed and "结束语" not in listed
    assert "本届政府任期" in listed and "下步工作建议" in listed


def test_an_opening_seen_only_further_down_is_still_listed_under_the_opening():
    """根据XX部署， is an opening by its form; the government reports happen to use it inside chapters."""
    below = {S.PROBLEMS: 1, S.NEXT_STEPS: 1}
    used_below = Phrase("根据XX部署，", PhraseKind.OPENING, 2, below, "a.txt:3", [], reports=2)
    typical = Phrase("现在，我代表XX向大会报告工作", PhraseKind.OPENING, 9, {S.OPENING: 9}, "b.txt:1", [], reports=2)
    opening = [p.text for p in section_list([used_below, typical], S.OPENING, recurring=True)]
    assert opening[:2] == ["现在，我代表XX向大会报告工作", "根据XX部署，"]
    assert "根据XX部署，" not in [p.text for p in section_list([used_below], S.NEXT_STEPS)]


def test_in_a_large_corpus_a_term_used_once_in_a_section_is_not_listed_there():
    """In a thin section (问题 is 3 % of a government report's text) one use made any term "typical": the
    government 存在问题 list led with 一手抓XX，一手抓XX and a series of the army's virtues."""
    shares = {S.PROBLEMS: 30, S.MEASURES: 600, S.NEXT_STEPS: 370}
    once = Phrase(f"一手抓{SLOT}，一手抓{SLOT}", PhraseKind.PATTERN, 4, {S.PROBLEMS: 1, S.MEASURES: 3}, "a:1", [], 3)
    twice = Phrase("任重道远", PhraseKind.FORMULA, 5, {S.PROBLEMS: 2, S.NEXT_STEPS: 3}, "b:1", [], 4)
    listed = [p.text for p in section_list([once, twice], S.PROBLEMS, shares, recurring=True) if p.count]
    assert listed == ["任重道远"]  # (besides the standard formulations, which no corpus counted)
    small = [p.text for p in section_list([once, twice], S.PROBLEMS, shares)]
    assert once.text in small  # a small corpus keeps what it has


def test_sections_a_corpus_is_thin_on_list_standard_formulations_after_its_own_patterns():
    """Government reports rarely name their own highlights: the 特色亮点 list held four content words."""
    from phrasebank.suggest.dock import STANDARD_PATTERNS, STANDARD_SOURCE, sections_of

    own = Phrase(f"{SLOT}还有差距", PhraseKind.PATTERN, 3, {S.PROBLEMS: 3}, "a:1", [], 2)
    same = Phrase(f"{SLOT}还不够到位", PhraseKind.PATTERN, 2, {S.PROBLEMS: 2}, "b:1", [], 2)
    term = Phrase("任重道远", PhraseKind.FORMULA, 5, {S.PROBLEMS: 5}, "c:1", [], 3)
    listed = section_list([term, own, same], S.PROBLEMS, recurring=True)
    texts = [p.text for p in listed]
    assert texts[:2] == [own.text, same.text] and texts[-1] == "任重道远"
    assert texts.count(same.text) == 1  # the corpus's own is not listed again as the standard one
    standard = [p for p in listed if p.source == STANDARD_SOURCE]
    assert {p.text for p in standard} == set(STANDARD_PATTERNS[S.PROBLEMS]) - {same.text}
    assert all(sections_of(p) == [S.PROBLEMS] for p in standard)  # the library files them under it
    highlights = [p.text for p in section_list([], S.HIGHLIGHTS)]
    assert "形成了可复制、可推广的经验" in highlights
    assert not set(highlights) & {p.text for p in section_list([], S.MEASURES)}


def test_the_opening_and_closing_list_no_terms_of_the_reports_topic():
    """The supervision 结尾 list held 党史学习教育工作, 单位党史学习教育, 市委部署 (one report's closing paragraph)."""
    topic = Phrase("党史学习教育工作", PhraseKind.COLLOCATION, 3, {S.CLOSING: 3}, "a:9", [], 1)
    urge = Phrase("锐意进取", PhraseKind.FORMULA, 4, {S.CLOSING: 4}, "b:9", [], 2)
    series = Phrase("学党史、悟思想、办实事、开新局", PhraseKind.SERIES, 2, {S.CLOSING: 2}, "c:9", [], 2)
    listed = [p.text for p in section_list([topic, urge, series], S.CLOSING)]
    assert "党史学习教育工作" not in listed and {"锐意进取", series.text} <= set(listed)
    opening = Phrase("单位党史学习教育", PhraseKind.COLLOCATION, 2, {S.OPENING: 2}, "a:2", [], 1)
    assert opening.text not in [p.text for p in section_list([opening], S.OPENING)]
    measures = Phrase("党史学习教育工作", PhraseKind.COLLOCATION, 3, {S.MEASURES: 3}, "a:5", [], 1)
    assert measures.text in [p.text for p in section_list([measures], S.MEASURES)]  # a term of the body
