"""A reviewer's tracked changes and comments: read where they stand, written back while open."""

import docx
from docx.oxml import parse_xml

from phrasebank.document.emphasis import Mark, carry, looks, restyled
from phrasebank.document.report import open_report, save_report
from phrasebank.document.review import Change, ChangeKind, former_emphasis
from tests.rendering import pdf_lines, render

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:author="王五"'


def _reviewed(path):
    document = docx.Document()
    document.add_paragraph("关于防汛工作的报告")
    body = document.add_paragraph("各地")
    body._p.append(parse_xml(f'<w:ins {W} w:id="1" w:date="2026-11-30T10:00:00Z"><w:r><w:t>迅速</w:t></w:r></w:ins>'))
    body.add_run("行动，")
    body._p.append(parse_xml(f'<w:del {W} w:id="2"><w:r><w:delText>基本</w:delText></w:r></w:del>'))
    body.add_run("落实到位。")
    moved = document.add_paragraph("汛情平稳。")
    moved._p.append(parse_xml(f'<w:moveFrom {W} w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'))
    note = document.add_paragraph("请各地加强值守。")
    document.add_comment(note.runs, text="值守人员名单附后", author="王五", initials="W")
    document.save(path)
    return path


def test_changes_are_read_where_they_stand_in_the_text_as_shown(tmp_path):
    report = open_report(_reviewed(tmp_path / "审改.docx"))
    assert report.paragraphs == ["关于防汛工作的报告", "各地迅速行动，落实到位。", "汛情平稳。", "请各地加强值守。"]
    assert report.changes[1] == (
        Change(ChangeKind.INSERTED, 2, 4, "", "王五", "2026-11-30T10:00:00Z"),
        Change(ChangeKind.DELETED, 7, 7, "基本", "王五"),
    )
    assert report.changes[2] == (Change(ChangeKind.DELETED, 5, 5, "旧位置", "王五"),)  # moved-away text, once
    [comment] = report.changes[3]
    assert (comment.kind, comment.start, comment.end, comment.text) == (ChangeKind.COMMENT, 0, 8, "值守人员名单附后")
    assert report.unkept == ""  # nothing is lost by saving


def test_open_changes_go_back_into_the_docx_and_libreoffice_shows_them(tmp_path):
    report = open_report(_reviewed(tmp_path / "审改.docx"))
    del report.changes[2]  # the writer resolved this one
    saved = tmp_path / "存回.docx"
    save_report(report, saved)
    again = open_report(saved)
    assert again.paragraphs == report.paragraphs
    assert again.changes[1] == report.changes[1] and 2 not in again.changes
    assert [(c.kind, c.text, c.author) for c in again.changes[3]] == [(ChangeKind.COMMENT, "值守人员名单附后", "王五")]
    lines = [text for page in pdf_lines(render(saved, tmp_path)) for _, _, text in page]
    assert any("迅速行动，基本落实到位" in line for line in lines)  # LibreOffice shows the deletion as a change


def test_changes_kept_by_libreoffice_are_read_as_changes(tmp_path):
    """A reviewed file that went through LibreOffice (a colleague's office suite) on its way back."""
    passed_on = render(_reviewed(tmp_path / "审改.docx"), tmp_path, to="docx")
    report = open_report(passed_on)
    assert report.paragraphs[1] == "各地迅速行动，落实到位。"
    kinds = [(c.kind, c.author) for changes in report.changes.values() for c in changes]
    assert (ChangeKind.INSERTED, "王五") in kinds and (ChangeKind.DELETED, "王五") in kinds
    assert (ChangeKind.COMMENT, "王五") in kinds


def restyled_docx(path):
    """A reviewer made 落实 bold and took the red off 坚决 with 修订 on (w:rPrChange)."""
    document = docx.Document()
    document.add_paragraph("关于防汛工作的通知")
    body = document.add_paragraph("各地要")
    body._p.append(
        parse_xml(
            f'<w:r {W.split(" w:author")[0]}><w:rPr><w:b/><w:rPrChange {W} w:id="7" w:date="2026-12-01T09:00:00Z">'
            "<w:rPr/></w:rPrChange></w:rPr><w:t>落实</w:t></w:r>"
        )
    )
    body.add_run("责任，")
    body._p.append(
        parse_xml(
            f'<w:r {W.split(" w:author")[0]}><w:rPr><w:rPrChange {W} w:id="8"><w:rPr><w:color w:val="FF0000"/>'
            "</w:rPr></w:rPrChange></w:rPr><w:t>坚决</w:t></w:r>"
        )
    )
    body.add_run("防范风险。")
    sized = document.add_paragraph()  # a size change only: nothing the editor keeps, nothing to show
    sized._p.append(
        parse_xml(
            f'<w:r {W.split(" w:author")[0]}><w:rPr><w:sz w:val="28"/><w:rPrChange {W} w:id="9"><w:rPr/>'
            "</w:rPrChange></w:rPr><w:t>特此通知。</w:t></w:r>"
        )
    )
    document.save(path)
    return path


def test_a_reviewers_emphasis_changes_are_changes_not_silently_taken(tmp_path):
    report = open_report(restyled_docx(tmp_path / "格式.docx"))
    assert report.paragraphs[1] == "各地要落实责任，坚决防范风险。"
    bold, red = report.changes[1]
    assert (bold.kind, bold.start, bold.end, bold.author, former_emphasis(bold)) == (
        ChangeKind.FORMATTED, 3, 5, "王五", ()
    )
    assert (red.kind, red.start, red.end) == (ChangeKind.FORMATTED, 8, 10)
    assert [looks(Mark(0, 1, former_emphasis(red)))] == [[("color", "FF0000")]]
    assert bold.describe(report.paragraphs[1]) == "王五 修改格式：“落实”"
    assert 2 not in report.changes  # the size change


def test_open_format_changes_go_back_as_tracked_formatting_libreoffice_keeps(tmp_path):
    report = open_report(restyled_docx(tmp_path / "格式.docx"))
    saved = tmp_path / "存回.docx"
    save_report(report, saved)
    again = open_report(saved)
    assert again.changes[1] == report.changes[1]
    passed_on = open_report(render(saved, tmp_path, to="docx"))  # and through LibreOffice, as a colleague's
    kinds = [(c.kind, c.start, c.end) for c in passed_on.changes[1]]
    assert (ChangeKind.FORMATTED, 3, 5) in kinds


def test_rejecting_a_format_change_gives_the_words_their_former_emphasis():
    red = (b'<w:color xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="FF0000"/>',)
    bold = (b'<w:b xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',)
    marks = (Mark(0, 6, bold),)
    assert restyled(marks, 2, 4, red) == (Mark(0, 2, bold), Mark(2, 4, red), Mark(4, 6, bold))
    assert restyled(marks, 2, 4, ()) == (Mark(0, 2, bold), Mark(4, 6, bold))
    # a later entry for the same paragraph wins when saving, even when it takes all emphasis off
    assert carry([("甲乙丙", marks), ("甲乙丙", ())], ["甲乙丙"]) == {}
