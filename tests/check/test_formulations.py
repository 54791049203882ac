"""Canonical formulations: every list entry broken three ways is caught; other words are left alone."""

from __future__ import annotations

import pytest

from phrasebank.check import FORMULATIONS_FILE, Checker, FindingKind, load_formulations

FORMULATIONS = load_formulations(FORMULATIONS_FILE)
CHECKER = Checker(FORMULATIONS)  # the shipped list only (the writer's own lists are tested apart)
NUMERALS = set("一二三四五六七八九十百两0123456789")
QUOTES = set("“”‘’《》")


def kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.kind.value, f.found, f.fix) for f in CHECKER.check_paragraph(0, text)]


def test_the_list_holds_at_least_200_formulations_each_with_a_source():
    assert len(FORMULATIONS) >= 200
    assert all(f.source for f in FORMULATIONS)
    assert len({f.text for f in FORMULATIONS}) == len(FORMULATIONS)


def _editable(text: str) -> int:
    """A position in the middle of the formulation whose character is an ordinary one."""
    middle = len(text) // 2
    for offset in range(len(text)):
        for position in (middle - offset, middle + offset):
            if not 1 <= position < len(text) - 1 or text[position] in NUMERALS | QUOTES | set("、，和与"):
                continue
            if text[position - 1] not in QUOTES | set("、，") and text[position + 1] not in QUOTES | set("、，"):
                return position
    return -1


def homophone(ch: str) -> str | None:
    """Another common character read as `ch` is (tones aside): what a pinyin input method slips to."""
    from pypinyin import Style, lazy_pinyin

    reading = lazy_pinyin(ch, style=Style.NORMAL)[0]
    for code in range(0x4E00, 0x9FA6):
        other = chr(code)
        if other != ch and other.encode("gb2312", "ignore") and lazy_pinyin(other, style=Style.NORMAL)[0] == reading:
            return other
    return None  # 能 and 抓 have no other common character with their reading


def broken(text: str):
    at = _editable(text)
    if at < 0:
        return
    yield "deletion", text[:at] + text[at + 1 :]
    other = homophone(text[at])
    if other:
        yield "substitution", text[:at] + other + text[at + 1 :]
    yield "transposition", text[: at - 1] + text[at] + text[at - 1] + text[at + 1 :]


CANONICAL = {f.text for f in FORMULATIONS}
#: Each formulation broken three ways (a break that gives another listed formulation is no slip).
CASES = [
    (f.text, name, wrong) for f in CHECKER.formulations for name, wrong in broken(f.text) if wrong not in CANONICAL
]


@pytest.mark.parametrize(("canonical", "edit", "wrong"), CASES, ids=[f"{c}-{e}" for c, e, _ in CASES])
def test_every_formulation_broken_on_purpose_is_caught_with_its_fix(canonical, edit, wrong):
    quoted = f"“{wrong}”" if len(canonical) <= 5 else wrong  # short formulas are recognised when quoted
    findings = CHECKER.check_paragraph(0, f"我们要深入学习，{quoted}，推动工作落实。")
    assert any(f.fix == canonical and f.found == wrong for f in findings), [(f.found, f.fix) for f in findings]


def test_most_of_the_list_is_exercised():
    matchable = [f for f in FORMULATIONS if len(f.text) >= 4]  # shorter ones (党支部, 四风) only as exact terms
    assert len(matchable) >= 200 and len({c for c, _, _ in CASES}) >= 195


def test_series_in_the_wrong_order():
    assert kinds("按照学史增信、学史明理、学史崇德、学史力行的要求") == [
        ("表述顺序", "学史增信、学史明理、学史崇德、学史力行", "学史明理、学史增信、学史崇德、学史力行")
    ]


def test_other_counts_and_interchangeable_words_are_not_errors():
    for text in (
        "构建“三位一体”工作机制",
        "学习党的二十届四中全会精神",
        "统筹发展与安全",
        "深化港产城融合发展",
        "集中梳理x件为群众办实事实践项目",
        "开展批评与自我批评",
    ):
        assert not [k for k in kinds(text) if k[0] in ("规范表述", "表述顺序")], text


def test_user_lists_of_formulations_and_words_to_avoid(data_dir):
    (data_dir / "formulations.tsv").write_text("以学促干、以干促学\t本单位提法\n", encoding="utf-8")
    (data_dir / "avoid.tsv").write_text("基本上\t慎用\t表述要确切\n", encoding="utf-8")
    checker = Checker.default(data_dir)
    text = "坚持以学促干、以干粗学，基本上完成任务。"
    found = [(f.kind.value, f.found, f.fix) for f in checker.check_paragraph(0, text)]
    assert found == [("规范表述", "以学促干、以干粗学", "以学促干、以干促学"), ("慎用词", "基本上", None)]
    assert not [f for f in CHECKER.check_paragraph(0, text) if f.kind is FindingKind.AVOID]  # the writer's own


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持全面依法治省，加快建设法治政府。",  # a province's own version of 全面依法治国
        "深入推进依法治市，提升城市治理法治化水平。",
        "全面从严治党、全面依法治县向纵深推进。",
        "深化“放管服”改革、优化营商环境等一系列重点工作。",  # a list ending in 等
        "贯彻新发展理念、构建新发展格局等重大部署落地见效。",
        "坚持稳中求进工作总基调等原则。",
        "推动“四个全域”建设取得新进展。",  # a local slogan one character from 四个全面
        "不忘初心，牢记使命，奋力谱写新篇章。",  # ， for 、 is punctuation, not a slip of the formulation
    ],
)
def test_local_versions_lists_and_local_slogans_are_left_alone(sentence):
    assert not [k for k in kinds(sentence) if k[0] in ("规范表述", "表述顺序")], kinds(sentence)


@pytest.mark.parametrize(
    ("sentence", "found", "fix"),
    [
        (
            "深入学习习近平新时代中国特色社会主义思相。",
            "习近平新时代中国特色社会主义思相",
            "习近平新时代中国特色社会主义思想",
        ),
        ("增强“四个意实”，坚定“四个自信”。", "四个意实", "四个意识"),
        ("坚决做到“两个维户”。", "两个维户", "两个维护"),
    ],
)
def test_input_method_slips_in_a_formulation_are_found(sentence, found, fix):
    assert ("规范表述", found, fix) in kinds(sentence)
