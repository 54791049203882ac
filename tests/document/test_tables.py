"""Word tables through open → edit → save: kept as they came, edited in their own cells, new ones per GB/T 9704."""

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import RGBColor

from phrasebank.document.report import open_report, save_report
from phrasebank.document.writer import export_docx
from tests.rendering import pdf_lines, render

ROWS = [["序号", "责任单位", "完成情况"], ["1", "市发展改革委", "已完成"], ["2", "市财政局", "推进中"]]


def _word_file(path: Path) -> Path:
    """A report with a data table as Word writes one: a style, a merged cell, emphasis, numbering in a cell."""
    document = docx.Document()
    document.add_paragraph("关于重点任务推进情况的报告")
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(ROWS):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    table.cell(2, 2).paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    table.cell(2, 2).add_paragraph("资金已拨付")
    merged = table.cell(3, 0).merge(table.cell(3, 2))
    merged.text = "合计：2项"
    merged.paragraphs[0].runs[0].bold = True
    document.add_paragraph("特此报告。")
    document.save(path)
    return path


def _tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def test_a_table_reads_as_row_lines_and_is_no_longer_named_as_lost(tmp_path):
    report = open_report(_word_file(tmp_path / "表格.docx"))
    assert report.paragraphs == [
        "关于重点任务推进情况的报告",
        "一、总体情况",
        "│序号│责任单位│完成情况│",
        "│1│市发展改革委│已完成│",
        "│2│市财政局│推进中↵资金已拨付│",
        "│合计：2项│",
        "特此报告。",
    ]
    assert "表格" not in report.unkept


def test_an_unchanged_table_is_written_back_as_it_came(tmp_path):
    source = _word_file(tmp_path / "表格.docx")
    saved = tmp_path / "另存.docx"
    save_report(open_report(source), saved)
    assert _tables(saved) == _tables(source)
    table = docx.Document(str(saved)).tables[0]
    assert table.style is not None and table.style.name == "Table Grid"  # its borders come with it
    assert table.cell(2, 2).paragraphs[0].runs[0].font.color.rgb == RGBColor(0xFF, 0, 0)
    assert table.cell(3, 0).paragraphs[0].runs[0].bold
    assert open_report(saved).paragraphs == open_report(source).paragraphs
    lines = [text for page in pdf_lines(render(saved, tmp_path)) for _, _, text in page]
    assert any("市发展改革委" in line and "已完成" in line for line in lines)  # cells side by side on the page


def test_edited_cells_and_a_new_row_keep_the_tables_own_format(tmp_path):
    report = open_report(_word_file(tmp_path / "表格.docx"))
    report.paragraphs[3] = "│1│市发展改革委│已完成90%│"
    report.paragraphs.insert(5, "│3│市教育局│已启动│")
    saved = tmp_path / "改后.docx"
    save_report(report, saved)
    assert _tables(saved)[0][1:4] == [
        ["1", "市发展改革委", "已完成90%"],
        ["2", "市财政局", "推进中\n资金已拨付"],
        ["3", "市教育局", "已启动"],
    ]
    table = docx.Document(str(saved)).tables[0]
    assert table.style.name == "Table Grid"
    assert table.cell(2, 2).paragraphs[0].runs[0].font.color.rgb == RGBColor(0xFF, 0, 0)  # its row is unchanged
    assert not table.cell(3, 2).paragraphs[0].runs[0].font.color.rgb  # a new row takes no emphasis
    assert open_report(saved).paragraphs[2:7] == report.paragraphs[2:7]


def test_a_table_typed_in_the_editor_is_written_in_the_standard_table_form(tmp_path):
    path = tmp_path / "新表.docx"
    export_docx(
        ["关于报送名单的通知", "各单位：", "│单位│联系人│", "│市教育局│张三↵李四│", "│合计│", "特此通知。"], path
    )
    document = docx.Document(str(path))
    [table] = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["单位", "联系人"],
        ["市教育局", "张三\n李四"],
        ["合计", "合计"],  # a short row spans the table
    ]
    tbl = table._tbl
    borders = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.tag.split("}")[1]: b.get(qn("w:val")) for b in borders} == dict.fromkeys(
        ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
    )
    assert tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None  # repeated on each page
    assert open_report(path).paragraphs[2:5] == ["│单位│联系人│", "│市教育局│张三↵李四│", "│合计│"]
    lines = [text for page in pdf_lines(render(path, tmp_path)) for _, _, text in page]
    assert any("单位" in line and "联系人" in line for line in lines)
    assert [line for line in lines if "张三" in line or "李四" in line] != []


def test_a_table_written_by_libreoffice_comes_back_as_the_same_rows(tmp_path):
    saved = tmp_path / "另存.docx"
    save_report(open_report(_word_file(tmp_path / "表格.docx")), saved)
    passed_on = render(saved, tmp_path, to="docx")  # opened and saved again in a colleague's office suite
    assert open_report(passed_on).paragraphs[2:6] == open_report(saved).paragraphs[2:6]
