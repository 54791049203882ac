"""Report structure: every real heading, run-in heads, section types, incremental parsing."""

from __future__ import annotations

import pytest

from phrasebank.document.files import read_paragraphs
from phrasebank.kinds import SectionType as S
from phrasebank.structure.cleaning import clean_lines
from phrasebank.structure.outline import Role, Structure, parse_paragraph


def structure_of(path) -> Structure:
    return Structure.from_texts(clean_lines(read_paragraphs(path)).paragraphs)


def first_level(structure: Structure) -> list[tuple[str, S | None]]:
    return [(n.number + n.text, n.section) for n in structure.outline() if n.kind == "heading" and n.level == 1]


def test_every_first_level_heading_of_the_corpus_with_its_section(corpus_files):
    expected = {
        0: [
            ("一、强化组织领导，狠抓工作落实", S.MEASURES),
            ("二、坚持真督实导，做到精准发力", S.MEASURES),
            ("三、做到学用结合，务求实际实效", S.MEASURES),
        ],
        1: [("一、全市主题教育进展情况", S.OVERVIEW), ("二、下步工作建议", S.NEXT_STEPS)],
        2: [("一、主要工作做法及成效", S.MEASURES), ("二、下步工作努力方向", S.NEXT_STEPS)],
        3: [
            ("一、取得的成效", S.OVERVIEW),
            ("二、主要的做法", S.MEASURES),
            ("三、存在的问题", S.PROBLEMS),
            ("四、工作建议", S.NEXT_STEPS),
        ],
    }
    for i, path in enumerate(corpus_files):
        assert first_level(structure_of(path)) == expected[i], path.name


def test_run_in_heads_are_outlined_under_their_heading(corpus_files):
    nodes = structure_of(corpus_files[0]).outline()
    runins = [(n.number, n.text) for n in nodes if n.kind == "runin"]
    assert runins[:3] == [
        ("一是", "完善深化巡回指导方案"),
        ("二是", "切实明确巡回指导责任"),
        ("三是", "着力完善巡回指导流程"),
    ]
    assert len(runins) == 12


def test_second_level_headings_of_report_002(corpus_files):
    nodes = structure_of(corpus_files[2]).outline()
    second = [n.number + n.text for n in nodes if n.level == 2]
    assert second[0] == "（一）聚焦“责任落实”，在担当作为上下功夫"
    assert second[-1] == "（三）促进成果转化，进一步助推事业发展"
    assert len(second) == 8


def test_title_is_found_only_where_the_report_has_one(corpus_files):
    titles = [[n.text for n in structure_of(p).outline() if n.kind == "title"] for p in corpus_files]
    assert titles == [[], ["关于主题教育进展情况和下步工作安排建议的汇报"], ["关于学习贯彻主题教育情况报告"], []]


def test_body_decides_where_no_heading_does(corpus_files):
    s = structure_of(corpus_files[2])
    texts = [p.text for p in s.paragraphs]
    assert s.sections[0] is None  # the title
    assert s.sections[1] is S.OPENING  # opening paragraph before any heading
    problems = next(i for i, t in enumerate(texts) if t.startswith("第二批主题教育启动以来，虽然"))
    assert s.sections[problems] is S.PROBLEMS  # a problems paragraph inside 一、主要工作做法及成效
    assert s.sections[-1] is S.CLOSING  # 特此报告。


def test_closing_summary_and_problem_turn_in_overview(corpus_files):
    last = structure_of(corpus_files[0])
    assert last.sections[-1] is S.CLOSING  # …总之，通过巡回指导…
    report = structure_of(corpus_files[1])
    turn = next(i for i, p in enumerate(report.paragraphs) if p.text.startswith("总体来看"))
    assert report.sections[turn] is S.PROBLEMS


def test_government_reports_have_their_sections(gov_files):
    for path in gov_files:
        s = structure_of(path)
        kinds = {sec for sec in s.sections if sec}
        assert {S.OPENING, S.OVERVIEW, S.NEXT_STEPS, S.CLOSING} <= kinds, path.name
        assert s.roles[0] is Role.TITLE, path.name
        last_with_section = [sec for sec in s.sections if sec][-1]
        assert last_with_section is S.CLOSING, path.name  # …让我们更加紧密地团结…, before any 附件


def test_heading_levels_by_numbering_style():
    assert parse_paragraph("一、总体情况").level == 1
    assert parse_paragraph("（二）主要做法").level == 2
    assert parse_paragraph("3.加强组织领导").level == 3
    assert parse_paragraph("（4）强化督导").level == 4
    assert parse_paragraph("1.6万户家庭受益。").role is Role.BODY  # a decimal, no heading
    assert parse_paragraph("2025年是收官之年。").role is Role.BODY


def test_heading_with_body_text_keeps_its_first_sentence_as_heading():
    para = parse_paragraph("（一）坚持党委统揽，进一步提高政治站位。局党委将按上级党委的统一部署推进。")
    assert (para.level, para.number, para.head) == (2, "（一）", "坚持党委统揽，进一步提高政治站位")


def test_two_section_types_in_one_heading():
    s = Structure.from_texts(["三、存在的问题和下步打算", "工作中还存在一些不足。", "下一步，我们将持续发力。"])
    assert s.paragraphs[0].heading_types == (S.PROBLEMS, S.NEXT_STEPS)
    assert s.sections == [S.PROBLEMS, S.PROBLEMS, S.NEXT_STEPS]


def test_incremental_replace_matches_a_full_parse(corpus_files):
    texts = clean_lines(read_paragraphs(corpus_files[3])).paragraphs
    live = Structure.from_texts(texts)
    edited = list(texts)
    edited[12:13] = ["三、存在的问题和下步打算", "下一步，要持续用力。"]
    live.replace(12, 1, edited[12:14])
    full = Structure.from_texts(edited)
    assert live.sections == full.sections
    assert live.outline() == full.outline()


def test_roles_and_sections_kept_across_typing_are_those_of_a_full_parse(gov_files, corpus_files):
    """Typing keeps the placed roles and sections when nothing they rest on changed: after each of many
    random edits (a character typed or deleted anywhere, a line split or joined), equal to a new parse."""
    import random

    rng = random.Random(5)
    typed = "了要，。：一是（一）附件1.各位代表！今年完成下一步问题不足同志们（此件公开发布）2026年3月1日"
    for path in (gov_files[0], corpus_files[1]):
        texts = clean_lines(read_paragraphs(path)).paragraphs[:120]
        live = Structure.from_texts(texts)
        assert live.sections  # placed once, then kept or redone edit by edit
        for _ in range(400):
            k = rng.randrange(len(texts))
            at = rng.randrange(len(texts[k]) + 1)
            move = rng.random()
            if move < 0.6:
                texts[k] = texts[k][:at] + rng.choice(typed) + texts[k][at:]
                live.replace(k, 1, [texts[k]])
            elif move < 0.85 and texts[k]:
                texts[k] = texts[k][: max(at - 1, 0)] + texts[k][at:]
                live.replace(k, 1, [texts[k]])
            elif move < 0.95:
                texts[k : k + 1] = [texts[k][:at], texts[k][at:]]
                live.replace(k, 1, texts[k : k + 2])
            elif k + 1 < len(texts):
                texts[k : k + 2] = [texts[k] + texts[k + 1]]
                live.replace(k, 2, texts[k : k + 1])
            full = Structure.from_texts(texts)
            assert (live.roles, live.sections) == (full.roles, full.sections)


@pytest.mark.parametrize(
    ("index", "typed"),
    [
        (3, "要加快建设，要推进改造，要抓好落实。"),  # the chapter now speaks of tasks ahead
        (6, "取得了成效，完成了改造。"),  # … or of work done
        (7, "各位代表"),  # an address line before the last words
        (11, "公开发布）"),  # a note under the date
        (0, "2026年"),  # the title's year
    ],
)
def test_typing_what_places_sections_places_them_again(index, typed):
    texts = [
        "关于住房保障工作的报告",
        "市人民政府：",
        "一、住房保障",
        "全市住房保障工作有序推进，保障性住房建设、城镇老旧小区改造和租赁住房筹集稳步开展。",
        "二、其他工作",
        "各项工作有序开展，社会事业、民生保障、安全生产和生态环境保护等工作都在稳步推进之中。",
        "保障房建设稳步推进，住房租赁市场进一步规范，群众住房条件持续得到改善，居住品质稳步提升。",
        "",
        "我们将继续努力。",
        "某某市人民政府",
        "2026年3月1日",
        "（此件",
    ]
    live = Structure.from_texts(texts)
    assert live.sections  # placed once, then kept or redone character by character
    for character in typed:  # typed a character at a time at the paragraph's end
        texts[index] += character
        live.replace(index, 1, [texts[index]])
        full = Structure.from_texts(texts)
        assert (live.roles, live.sections) == (full.roles, full.sections), texts[index]


def test_a_provisional_placing_is_carried_until_a_placed_snapshot_is_adopted():
    """A very long report keeps its last placing while the writer types; a snapshot placed elsewhere
    replaces it, unless the text changed since the snapshot was taken."""
    texts = ["关于住房保障工作的报告", "一、工作开展情况", "全市住房保障工作有序推进，取得了成效。", "我们将继续努力。"]
    live = Structure.from_texts(texts)
    before = live.sections
    texts[3:4] = ["二、下步打算", "要加快建设，要推进改造，要抓好落实。"]
    live.replace(3, 1, texts[3:5], provisional=True)
    assert live.provisional and live.sections[:3] == before[:3]  # not placed again on the spot
    copy = live.snapshot()
    assert not copy.provisional and copy.sections == Structure.from_texts(texts).sections  # the copy places itself
    assert live.adopt(copy) and not live.provisional
    assert (live.roles, live.sections) == (Structure.from_texts(texts).roles, Structure.from_texts(texts).sections)
    texts[4] += "要保障民生。"
    live.replace(4, 1, [texts[4]], provisional=True)
    stale = live.snapshot()
    live.replace(1, 1, ["一、过去一年的工作"], provisional=True)  # typed after the snapshot was taken
    assert not live.adopt(stale) and live.provisional


@pytest.mark.parametrize(
    "texts",
    [
        ["关于住房保障工作的报告", "市人民政府：", "一、住房保障", "工作有序推进。"],
        ["", "", "2026年政府工作报告", "", "——在市第十七届人民代表大会第五次会议上", "市长  张某某", "各位代表："],
        ["关于进一步加强", "住房保障工作的通知", "各区县：", "现就有关事项通知如下。"],
        ["全市住房保障工作有序推进。", "一、住房保障"],
        ["", "   ", ""],
        [],
    ],
)
def test_title_lines_are_the_placed_title_block(texts):
    structure = Structure.from_texts(texts)
    placed = tuple(k for k, role in enumerate(structure.roles) if role in (Role.TITLE, Role.SUBTITLE))
    assert structure.title_lines() == placed


def test_open_headings_give_each_heading_its_parent():
    from phrasebank.structure.outline import OpenHeadings

    walk: OpenHeadings[str] = OpenHeadings()
    assert walk.enter(1, "一、") is None
    assert walk.enter(2, "（一）") == "一、"
    assert walk.enter(3, "1.") == "（一）"
    assert walk.enter(2, "（二）") == "一、"  # closes 1. under （一）
    assert walk.enter(3, "1.") == "（二）"
    assert walk.enter(1, "二、") is None and walk.at == {1: "二、"}


def test_the_task_chapters_of_the_early_national_reports_are_next_steps():
    """2000–2002: chapters after the review name no type but set this year's tasks (要…, 今年…)."""
    from conftest import nat_report_files

    for path in nat_report_files()[:3]:
        chapters = first_level(structure_of(path))
        tasks = [section for text, section in chapters if "回顾" not in text and text != "结束语"]
        assert tasks and set(tasks) == {S.NEXT_STEPS}, (path.name, chapters)


def test_an_untyped_chapter_is_left_untyped_not_made_measures():
    structure = Structure.from_texts(["关于有关工作的报告", "一、关于有关事项", "这一部分说明有关事项。"])
    assert structure.sections[1] is None


def test_the_paragraph_being_written_after_a_list_is_not_the_closing():
    """While typing, the last paragraph is the one at the cursor: without a 落款 below it, it keeps its
    chapter's type (no jump to 结尾 after 七是…)."""
    texts = ["关于工作的报告", "一、主要做法", "一是加强学习。", "二是抓好落实。", "下一段正在写的内容。"]
    assert Structure.from_texts(texts).section_at(4) is S.MEASURES
    signed = Structure.from_texts([*texts[:4], "我们将继续努力。", "某某局", "2026年3月5日"])
    assert signed.section_at(4) is S.CLOSING  # above a 落款 it is the summing up


# Sentences of the national reports that open their 存在问题 paragraph (the provincial ones were kept for measuring).
AWARE_OF_PROBLEMS = [
    "我们也清醒地看到，政府工作还存在不少缺点。政府自身改革和职能转变滞后。",  # 2005
    "我们清醒地认识到，我国发展中不平衡、不协调、不可持续的问题依然突出。主要是：",  # 2011
    "安不忘危，兴不忘忧。我们清醒认识到，我国仍处于并将长期处于社会主义初级阶段。",  # 2018
    "思危方能居安。在充分肯定成绩的同时，要清醒看到我国发展面临的问题和挑战。",  # 2019
]
# Where it must stay silent: a short first sentence followed by one that only mentions problems.
NOT_PROBLEMS = [
    "坚持问题导向。围绕群众还有哪些困难问题，逐户走访，建立台账。",
    "成效明显。各地认识到问题导向的重要性，主动查找不足。",
]


@pytest.mark.parametrize("text", AWARE_OF_PROBLEMS)
def test_a_paragraph_that_says_it_sees_the_problems_clearly_opens_the_problems(text):
    from phrasebank.structure.outline import body_cue

    assert body_cue(text) is S.PROBLEMS


@pytest.mark.parametrize("text", NOT_PROBLEMS)
def test_problems_named_after_a_short_first_sentence_are_no_cue(text):
    from phrasebank.structure.outline import body_cue

    assert body_cue(text) is None


@pytest.mark.parametrize(
    ("heading", "highlights"),
    [
        ("二、特色亮点", True),
        ("（三）工作特色", True),
        ("三、主要特色和亮点", True),
        ("（二）特色做法", True),
        ("（一）坚持和发展中国特色社会主义", False),
        ("（二）培育壮大实体经济，构建吉林特色现代化产业体系", False),
        ("（四）发展现代特色农业，推进乡村全面振兴", False),
        ("（三）立足强链补链，因地制宜发展高原特色优势产业", False),
    ],
)
def test_te_se_names_the_section_not_what_a_place_or_a_policy_has(heading, highlights):
    assert (S.HIGHLIGHTS in parse_paragraph(heading).heading_types) is highlights


def test_a_line_taken_for_a_heading_by_its_words_is_a_sentence_while_it_is_typed():
    texts = ["关于上半年工作情况的报告", "市政府：", "二、主要做法", "在总结经验的基础上"]
    structure = Structure.from_texts(texts)
    assert structure.section_at(3) is S.HIGHLIGHTS  # left unfinished: a heading naming 经验
    assert structure.section_while_typing(3) is S.MEASURES
    numbered = Structure.from_texts([*texts[:3], "三、存在问题"])
    assert numbered.section_while_typing(3) is S.PROBLEMS
