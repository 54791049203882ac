from phrasebank.check.checker import Checker
from phrasebank.structure.outline import NodeKind, Role, Structure
from phrasebank.structure.tables import cell_paragraphs, is_row, row_cells, row_line, row_runs


def test_a_row_line_round_trips_its_cells():
    line = row_line(["序号", "单位", "已完成\n按期报送", "含│号"])
    assert line == "│序号│单位│已完成↵按期报送│含 号│"
    assert is_row(line) and row_cells(line) == ["序号", "单位", "已完成↵按期报送", "含 号"]
    assert cell_paragraphs(row_cells(line)[2]) == ["已完成", "按期报送"]
    assert not is_row("│") and not is_row("一、总体情况") and not is_row("│未闭合")
    assert row_runs(["甲", "│1│2│", "│3│4│", "乙", "│5│"]) == [(1, 3), (4, 5)]


def test_table_rows_are_never_headings_titles_or_a_signature():
    report = [
        "│一、总体情况│完成│",  # a table first: no title is guessed from it
        "某某局关于工作的报告",
        "一、主要做法",
        "工作有序推进。",
        "│二、下一步打算│2026年3月1日│",
        "│某某局│2026年3月1日│",
    ]
    structure = Structure.from_texts(report)
    assert structure.roles[0] is Role.TABLE and structure.roles[4:] == [Role.TABLE, Role.TABLE]
    nodes = [(n.kind, n.text) for n in structure.outline()]
    assert nodes == [(NodeKind.HEADING, "主要做法")]
    assert Role.SIGNATURE not in structure.roles and Role.DATE not in structure.roles


def test_the_checker_reads_a_row_cell_by_cell():
    checker = Checker([])
    row = "│序号│负责单位│完成时限│"
    assert checker.check_paragraph(0, row) == []  # cells need no 。 and are no headings
    line = "│1│某某局│已完成↵截止3月底│"
    found = {(f.found, f.column) for f in checker.check_paragraph(0, line)}
    assert found == {("某某", line.index("某某")), ("截止", line.index("截止"))}  # columns in the row's line
