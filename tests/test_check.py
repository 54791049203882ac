"""Proofreading: formulations (every list entry broken three ways), placeholders, numbering, punctuation."""

from __future__ import annotations

import json

import docx
import pytest

from phrasebank.check import FORMULATIONS_FILE, Checker, FindingKind, load_formulations
from phrasebank.cleaning import clean_lines
from phrasebank.desk_cli import main as desk
from phrasebank.documents import read_paragraphs

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
            if 1 <= position < len(text) - 1 and text[position] not in NUMERALS | QUOTES | set("、，和与"):
                if text[position - 1] not in QUOTES | set("、，") and text[position + 1] not in QUOTES | set("、，"):
                    return position
    return -1


def broken(text: str):
    at = _editable(text)
    if at < 0:
        return
    yield "deletion", text[:at] + text[at + 1 :]
    yield "substitution", text[:at] + ("甲" if text[at] != "甲" else "乙") + text[at + 1 :]
    yield "transposition", text[: at - 1] + text[at] + text[at - 1] + text[at + 1 :]


CASES = [(f.text, name, wrong) for f in CHECKER.formulations for name, wrong in broken(f.text) if wrong != f.text]


@pytest.mark.parametrize(("canonical", "edit", "wrong"), CASES, ids=[f"{c}-{e}" for c, e, _ in CASES])
def test_every_formulation_broken_on_purpose_is_caught_with_its_fix(canonical, edit, wrong):
    quoted = f"“{wrong}”" if len(canonical) <= 5 else wrong  # short formulas are recognised when quoted
    findings = CHECKER.check_paragraph(0, f"我们要深入学习，{quoted}，推动工作落实。")
    assert any(f.fix == canonical and f.found == wrong for f in findings), [(f.found, f.fix) for f in findings]


def test_most_of_the_list_is_exercised():
    matchable = [f for f in FORMULATIONS if len(f.text) >= 4]  # shorter ones (党支部, 四风) only as exact terms
    assert len(matchable) >= 200 and len({c for c, _, _ in CASES}) >= 195


def test_the_corpus_error_is_found_with_its_fix(corpus_files):
    paragraphs = clean_lines(read_paragraphs(corpus_files[3])).paragraphs
    found = [f for f in CHECKER.check(paragraphs) if f.kind is FindingKind.FORMULATION]
    assert [(f.found, f.fix) for f in found] == [("习近平时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想")]


def test_no_false_alarm_on_the_corpus_or_the_government_reports(corpus_files, gov_files):
    """Every finding but unfilled placeholders, over 20 real reports: exactly the true errors."""
    seen = []
    for path in [*corpus_files, *gov_files]:
        for f in CHECKER.check(clean_lines(read_paragraphs(path)).paragraphs):
            if f.kind is not FindingKind.PLACEHOLDER:
                seen.append((path.name[:3], f.kind, f.found, f.fix))
    assert seen == [
        ("000", FindingKind.PUNCTUATION, ",", "，"),  # 为民办实事,有力增强 — a half-width comma
        ("003", FindingKind.FORMULATION, "习近平时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想"),
        ("003", FindingKind.PUNCTUATION, ",", "，"),  # 开展惠民文化服务,今年来
        ("202", FindingKind.NUMBERS, "4.5-5%", "4.5%～5%"),  # 黑龙江: 地区生产总值增长4.5-5% (GB/T 15835)
    ]


def test_the_government_reports_have_no_finding_but_one_real_slip(gov_files):
    for path in gov_files:  # no placeholders either: 7×24小时, 数据要素×, 415X are not slots
        found = [(f.rule, f.found) for f in CHECKER.check(clean_lines(read_paragraphs(path)).paragraphs)]
        assert found == ([("percent-range", "4.5-5%")] if "黑龙江" in path.name else []), path.name


def test_reports_never_seen_with_formulations_broken_on_purpose(gov_files):
    paragraphs = clean_lines(read_paragraphs(gov_files[0])).paragraphs
    paragraphs[5] = paragraphs[5] + "全面贯彻习近平新时代中国特色社会义思想，增强“四个意识”、坚定“四个自性”。"
    paragraphs[7] = paragraphs[7] + "统筹推进经济建设、政治建设、文化建设、生态文明建设、社会建设。"
    found = {
        (f.found, f.fix) for f in CHECKER.check(paragraphs) if f.kind in (FindingKind.FORMULATION, FindingKind.ORDER)
    }
    assert ("习近平新时代中国特色社会义思想", "习近平新时代中国特色社会主义思想") in found
    assert ("四个自性", "四个自信") in found
    assert (
        "经济建设、政治建设、文化建设、生态文明建设、社会建设",
        "经济建设、政治建设、文化建设、社会建设、生态文明建设",
    ) in found


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


def test_placeholders_are_listed():
    found = sorted((f.column, f.found) for f in CHECKER.check_paragraph(0, "XX同志于X月X日到x县调研，完成xx项任务。"))
    assert found == [(0, "XX同志"), (5, "X月X日"), (10, "x"), (17, "xx")]
    assert kinds("使用Excel和SVIP会员系统") == []  # Latin words are not placeholders


def test_numbering_gaps_repeats_and_mixed_styles():
    findings = CHECKER.check(
        ["一、总体情况", "二、主要做法", "四、存在问题", "四、下步打算", "（一）加强学习", "(二)抓好落实"]
    )
    got = [(f.paragraph, f.found, f.fix) for f in findings if f.kind is FindingKind.NUMBERING]
    assert (2, "四、", "三、") in got and (3, "四、", "五、") in got and (5, "(二)", "（二）") in got
    assert kinds("一是加强学习。二是抓好落实。四是巩固成果。") == [("序号", "四是", "三是")]
    assert kinds("二是强化理论武装。一是以上率下领学。二是坚持集中学。") == []  # a nested list restarts at 一是


def test_punctuation_findings():
    assert kinds("按照要求,推动工作;抓好落实") == [("标点", ",", "，"), ("标点", ";", "；")]
    assert kinds("(中文括号)里的话") == [("标点", "(中文括号)", "（中文括号）")]
    assert kinds("坚持学习。。") == [("标点", "。。", "。")]
    assert kinds("增强“四个意识") == [("标点", "“", None)]
    assert kinds("一、总体情况。") == [("标点", "。", "")]
    assert kinds("一、总体情况。全市工作有序推进。") == []  # heading with text after it keeps its mark
    assert kinds("省份1.6万户，e.g.不动") == []


def test_user_lists_of_formulations_and_words_to_avoid(data_dir):
    (data_dir / "formulations.tsv").write_text("以学促干、以干促学\t本单位提法\n", encoding="utf-8")
    (data_dir / "avoid.tsv").write_text("基本上\t慎用\t表述要确切\n", encoding="utf-8")
    checker = Checker.default(data_dir)
    text = "坚持以学促干、以干足学，基本上完成任务。"
    found = [(f.kind.value, f.found, f.fix) for f in checker.check_paragraph(0, text)]
    assert found == [("规范表述", "以学促干、以干足学", "以学促干、以干促学"), ("慎用词", "基本上", None)]
    assert not [f for f in CHECKER.check_paragraph(0, text) if f.kind is FindingKind.AVOID]  # the writer's own


def test_check_command_prints_one_line_a_finding_and_exits_1(capsys, corpus_files):
    assert desk(["check", str(corpus_files[3])]) == 1
    out = capsys.readouterr().out.splitlines()
    error = next(line for line in out if "规范表述" in line)
    assert error.startswith(f"{corpus_files[3]}:10:22 规范表述 “习近平时代中国特色社会主义思想”")
    assert error.endswith("→ 习近平新时代中国特色社会主义思想")
    assert any("未填空位 “x”是未填写的占位符" in line for line in out)


def test_check_command_exits_0_on_a_clean_report(capsys, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("一、总体情况\n全市工作有序推进。\n", encoding="utf-8")
    assert desk(["check", str(clean)]) == 0 and capsys.readouterr().out == ""


def test_check_json_gives_scripts_every_finding_with_its_rule(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n截止2025年底，按市政办发[2026]05号要求完成。\n", encoding="utf-8")
    assert desk(["check", "--json", str(report)]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["line"], r["rule"], r["found"], r["fix"]) for r in records] == [
        (2, "confusable-jiezhi", "截止", "截至"),
        (2, "doc-number-brackets", "[2026]", "〔2026〕"),
        (2, "doc-number-padded", "0", ""),
    ]
    assert records[0]["kind"] == "易混词" and records[0]["column"] == 1


def test_check_rules_lists_each_rule_with_its_source(capsys):
    assert desk(["check", "--rules", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rules} >= {"doc-number-brackets", "date-padded", "percent-range", "confusable-jiezhi"}
    assert all(r["source"] and r["message"] for r in rules)
    assert desk(["check", "--rules"]) == 0
    assert "GB/T 9704-2012 7.2.4" in capsys.readouterr().out


def test_comments_land_in_a_copy_of_the_docx(tmp_path, corpus_files, capsys):
    source = tmp_path / "003.docx"
    assert desk(["export", str(corpus_files[3]), "-o", str(source)]) == 0
    target = tmp_path / "003-批注.docx"
    assert desk(["check", str(source), "--comments", str(target)]) == 1
    document = docx.Document(str(target))
    comments = [c.text for c in document.comments]
    assert any("习近平新时代中国特色社会主义思想" in c for c in comments)
    assert read_paragraphs(target) == read_paragraphs(source)  # the text itself is untouched
    assert len(list(docx.Document(str(source)).comments)) == 0  # the original is not changed


def test_a_date_line_in_chinese_numerals_gets_arabic_numerals():
    assert kinds("二〇二六年十一月二十二日") == [("序号", "二〇二六年十一月二十二日", "2026年11月22日")]
    assert kinds("2026年11月22日") == []


def test_operators_and_codes_are_not_placeholders():
    for text in ("提供“7×24小时”服务", "实施“数据要素×”行动", "“415X”先进制造业集群", "“双尖双领+X”项目"):
        assert kinds(text) == [], text
    found = sorted((f.column, f.found) for f in CHECKER.check_paragraph(0, "20XX年工作要点，××同志"))
    assert found == [(2, "XX"), (10, "××同志")]
