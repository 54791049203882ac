"""The checker over whole reports: real reports as controls, the command line, Word comments, the rule list."""

from __future__ import annotations

import json
from collections import Counter

import docx

from phrasebank.check import FORMULATIONS_FILE, Checker, FindingKind, all_rules, load_formulations
from phrasebank.cli.desk import main as desk
from phrasebank.document.files import read_paragraphs
from phrasebank.structure.cleaning import clean_lines

CHECKER = Checker(load_formulations(FORMULATIONS_FILE))


def test_every_name_the_package_offers_comes_from_its_module():
    import phrasebank.check as check

    assert all(getattr(check, name) is not None for name in check.__all__)
    assert check.Checker.__module__ == "phrasebank.check.checker"
    assert [rule.id for rule in all_rules()][:2] == ["formulation-near-miss", "formulation-order"]


def test_every_rule_has_an_identifier_a_family_a_source_and_a_message():
    rules = all_rules()
    assert len({r.id for r in rules}) == len(rules) >= 70
    assert all(r.source and r.message and r.kind in FindingKind for r in rules)
    families = {r.kind for r in rules}
    assert families == set(FindingKind)


def test_the_corpus_and_the_government_reports_show_only_their_real_slips(corpus_files, gov_files):
    """Every finding but placeholders and quoted series (tested below) over 20 real reports."""
    seen = [
        (path.name[:3], f.rule, f.found, f.fix)
        for path in [*corpus_files, *gov_files]
        for f in CHECKER.check(clean_lines(read_paragraphs(path)).paragraphs)
        if f.rule not in ("placeholder", "quoted-series-dunhao")
    ]
    assert seen == [
        ("000", "half-width-mark", ",", "，"),  # 为民办实事,有力增强 — a half-width comma
        ("003", "formulation-near-miss", "习近平时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想"),
        ("003", "half-width-mark", ",", "，"),  # 开展惠民文化服务,今年来
        ("202", "number-range-hyphen", "3-5", "3～5"),  # 江苏省: 连续3-5年 (GB/T 15834: 数值范围用～)
        ("202", "confusable-zhiding", "制订", "制定"),  # 陕西: 制订古籍存藏服务标准 (标准化法: 制定标准)
        ("202", "percent-range", "4.5-5%", "4.5%～5%"),  # 黑龙江: 地区生产总值增长4.5-5% (GB/T 15835)
    ]


def test_the_national_reports_show_only_their_real_slips(nat_texts):
    """24 national reports (web copies): each finding is a slip of the copy, named here with its cause."""
    found: Counter[tuple[str, str]] = Counter()
    for year, text in nat_texts.items():
        for f in CHECKER.check(text.splitlines()):
            if f.rule not in ("placeholder", "quoted-series-dunhao") and not f.rule.startswith("confusable-"):
                found[(year, f.rule)] += 1
    assert found == {
        ("2002", "full-width-digits"): 41,  # the 2002 copy writes every number full-width: ２００１年
        ("2002", "half-width-mark"): 4,  # 感谢! 各位代表! 奋斗! 调整农业结构,必须
        ("2002", "half-width-parens"): 1,  # 县(处)级
        ("2003", "half-width-mark"): 2,  # 各位代表: 更大的胜利!
        ("2006", "doubled-mark"): 1,  # 精神状态，，更加扎实
        ("2006", "unpaired-mark"): 3,  # the copy lost two opening 《 before 纲要（草案）》 (one written “)
        ("2006", "nested-marks"): 1,  # …and so “三农” stands inside that stray “
        ("2007", "numbering-gap"): 1,  # the copy lost the heading （三） of part five: （二） then （四）
        ("2008", "year-range-dash"): 1,  # 2006－2020年
        ("2011", "year-range-dash"): 1,  # 2011-2020年
    }


def test_quoted_series_with_a_dunhao_are_noted_once_per_document(nat_texts, gov_files):
    """”、“ and 》、《 run against GB/T 15834-2011 4.5.3.5 (通常不用顿号), but the reports write them
    throughout, by choice: one note a document, at the first place, with the count."""
    texts = [*nat_texts.values(), *(clean_lines(read_paragraphs(p)).text for p in gov_files)]
    for text in texts:
        notes = [f for f in CHECKER.check(text.splitlines()) if f.rule == "quoted-series-dunhao"]
        count = text.count("”、“") + text.count("》、《")
        assert len(notes) == min(count, 1)
        if count > 1:
            assert f"全文共 {count} 处" in notes[0].message and notes[0].fix is None


def test_the_corpus_error_is_found_with_its_fix(corpus_files):
    paragraphs = clean_lines(read_paragraphs(corpus_files[3])).paragraphs
    found = [f for f in CHECKER.check(paragraphs) if f.kind is FindingKind.FORMULATION]
    assert [(f.found, f.fix) for f in found] == [("习近平时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想")]


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
        (2, "doc-number-brackets", "[2026]05号", "〔2026〕5号"),
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


def test_two_rules_on_one_slip_give_one_finding_the_specific_one():
    from phrasebank.check.checker import Checker

    findings = Checker([]).check(["关于工作的报告", "市委:", "各项工作扎实推进。"])
    colon = [(f.rule, f.found) for f in findings if f.paragraph == 1]
    assert colon == [("recipient-colon", ":")]  # not again as a half-width punctuation mark
