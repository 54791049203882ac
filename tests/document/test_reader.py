"""Reading Word files nobody here wrote: numbering, tables, text boxes, content controls, pictures,
templates, old formats, and the real samples with 版头 and 版记."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from conftest import DOCX_SAMPLES
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from phrasebank.document.files import read_paragraphs
from phrasebank.document.reader import convert_with_libreoffice, picture_marker
from phrasebank.document.report import Report, open_report, save_report
from phrasebank.errors import ReadError
from phrasebank.structure.outline import Role, Structure

SAMPLES = DOCX_SAMPLES

#: A 请示报告-style list as Word writes it: 一、 （一） 1. from numbering.xml, not typed.
NUMBERING = f"""<w:numbering {nsdecls("w")}>
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""


def numbered(document, text: str, num_id: int, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def with_numbering(document) -> None:
    part = document.part.numbering_part  # python-docx's default template has one; replace its content
    part._element = parse_xml(NUMBERING)


def test_word_numbering_is_read_as_word_shows_it(tmp_path):
    document = docx.Document()
    with_numbering(document)
    document.add_paragraph("关于有关情况的请示报告")
    numbered(document, "总体情况", 3, 0)
    numbered(document, "主要做法", 3, 1)
    numbered(document, "建立台账", 3, 2)
    numbered(document, "定期调度", 3, 2)
    numbered(document, "工作成效", 3, 1)
    numbered(document, "存在的问题", 3, 0)
    numbered(document, "总则", 4, 0)
    path = tmp_path / "numbered.docx"
    document.save(path)
    paragraphs = read_paragraphs(path)
    assert paragraphs == [
        "关于有关情况的请示报告",
        "一、总体情况",
        "（一）主要做法",
        "1.建立台账",
        "2.定期调度",
        "（二）工作成效",
        "二、存在的问题",
        "第一章　总则",
    ]
    outline = [(n.level, n.number) for n in Structure.from_texts(paragraphs).outline() if n.kind == "heading"]
    assert outline[:6] == [(1, "一、"), (2, "（一）"), (3, "1."), (3, "2."), (2, "（二）"), (1, "二、")]
    again = tmp_path / "again.docx"
    save_report(open_report(path), again)
    assert read_paragraphs(again)[1:7] == paragraphs[1:7]  # the numbers are text now: kept on re-export


def test_a_document_laid_out_as_one_table_reads_cell_by_cell(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "关于某某工作的报告"
    table.cell(1, 0).text = "一、总体情况"
    table.cell(1, 1).text = "工作有序推进。"
    table.cell(2, 0).merge(table.cell(1, 0))  # a vertically merged cell is read once
    table.cell(2, 1).text = "二、下一步打算"
    path = tmp_path / "table.docx"
    document.save(path)
    paragraphs = [p for p in read_paragraphs(path) if p]
    assert paragraphs == ["关于某某工作的报告", "一、总体情况", "工作有序推进。", "二、下一步打算"]
    report = open_report(path)
    assert report.unkept == "1 个表格"


def test_text_box_text_comes_once_in_place_and_content_controls_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("正文第一段。")
    anchor = document.add_paragraph("锚定文本框的段落。")
    box = f"""<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
        xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
      <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
        <w:p><w:r><w:t>文本框里的话。</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>文本框里的话。</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>
    </mc:AlternateContent></w:r>"""
    anchor._p.append(parse_xml(box))
    control = f"""<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>
        <w:p><w:r><w:t>内容控件里的段落。</w:t></w:r></w:p></w:sdtContent></w:sdt>"""
    document.element.body.insert(len(document.element.body) - 1, parse_xml(control))
    path = tmp_path / "boxes.docx"
    document.save(path)
    assert read_paragraphs(path) == ["正文第一段。", "锚定文本框的段落。", "文本框里的话。", "内容控件里的段落。"]
    assert open_report(path).unkept == "1 个文本框"


def png() -> bytes:
    """A 2×2 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_pictures_are_kept_as_pictures_when_saved_again(tmp_path):
    image = tmp_path / "red.png"
    image.write_bytes(png())
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    document.add_picture(str(image))
    document.add_paragraph("图文段落。").add_run().add_picture(str(image))
    path = tmp_path / "pictures.docx"
    document.save(path)
    report = open_report(path)
    assert report.paragraphs == ["一、总体情况", picture_marker(1), "图文段落。"]
    target = tmp_path / "saved.docx"
    save_report(report, target)
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("word/document.xml").decode()
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert "［图片" not in xml and xml.count("<w:drawing>") == 2 and media
    assert open_report(target).paragraphs == report.paragraphs
    edited = Report(["一、总体情况", "图文段落改过了。"], pictures=report.pictures)
    save_report(edited, target)
    with zipfile.ZipFile(target) as archive:
        assert "<w:drawing>" not in archive.read("word/document.xml").decode()  # deleted or changed: gone


def test_templates_open_as_documents(tmp_path):
    document = docx.Document()
    document.add_paragraph("关于某某工作的请示")
    source = tmp_path / "x.docx"
    document.save(source)
    template = tmp_path / "模板.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(template, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, data)
    assert read_paragraphs(template) == ["关于某某工作的请示"]


def test_old_word_files_are_converted_through_libreoffice(tmp_path):
    document = docx.Document()
    document.add_paragraph("关于某某工作的报告")
    document.add_paragraph("一、总体情况")
    source = tmp_path / "old.docx"
    document.save(source)
    old = convert_with_libreoffice(source, tmp_path, to="doc")  # a real Word 97 file, made by LibreOffice
    assert old.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    report = open_report(tmp_path / "old.doc")
    assert [p for p in report.paragraphs if p] == ["关于某某工作的报告", "一、总体情况"]
    assert report.converted_from == tmp_path / "old.doc"


def test_an_old_word_file_under_a_docx_name_is_converted_too(tmp_path):
    """WPS and old Word save a .doc that people rename to .docx: LibreOffice reads it, not "damaged"."""
    document = docx.Document()
    document.add_paragraph("关于某某工作的报告")
    source = tmp_path / "source.docx"
    document.save(source)
    old = convert_with_libreoffice(source, tmp_path, to="doc")
    renamed = tmp_path / "报告.docx"
    old.rename(renamed)
    assert [p for p in read_paragraphs(renamed) if p] == ["关于某某工作的报告"]


def test_an_encrypted_docx_is_named_as_such(tmp_path):
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 200 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 200)
    with pytest.raises(ReadError, match="已加密"):
        read_paragraphs(locked)


def test_a_libreoffice_that_fails_to_run_is_not_called_a_damaged_file(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text("#!/bin/sh\necho 'soffice: cannot open display' >&2\nexit 77\n")
    soffice.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ReadError, match="没有正常运行（退出码 77：soffice: cannot open display）") as error:
        open_report(old)
    assert "损坏" not in str(error.value)


def test_old_word_files_without_libreoffice_name_the_package(tmp_path, monkeypatch):
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on the path
    with pytest.raises(ReadError, match="LibreOffice"):
        open_report(old)


def sample(name: str) -> Path:
    path = SAMPLES / f"公文样例_{name}.docx"
    assert path.exists(), path
    return path


def test_standard_sample_reads_with_banner_and_imprint_apart():
    report = open_report(sample("standard"))
    m = report.masthead
    assert (m.copy_number, m.secrecy, m.issuer, m.doc_number) == (
        "000001",
        "秘密★1年",
        "中共云岭市委办公室文件",
        "云办发〔2026〕12号",
    )
    assert (m.copy_to, m.printer, m.print_date) == (
        "市委各部委、市级国家机关各委办局。",
        "中共云岭市委办公室",
        "2026年7月16日",
    )
    structure = Structure.from_texts(report.paragraphs)
    roles = dict(zip(report.paragraphs, structure.roles, strict=True))
    assert roles["关于做好2026年暑期新时代文明实践工作的通知"] is Role.TITLE
    assert roles["各县（市、区）委，市直各单位："] is Role.RECIPIENT
    assert roles["附件：2026年暑期新时代文明实践活动安排表"] is Role.ATTACHMENT_NOTE
    assert roles["中共云岭市委办公室"] is Role.SIGNATURE and roles["2026年7月16日"] is Role.DATE
    assert roles["（此文公开发布）"] is Role.NOTE
    assert [n.number for n in structure.outline() if n.kind == "heading"] == ["一、", "（一）", "二、"]


def test_letter_sample_takes_the_issuer_off_the_title():
    report = open_report(sample("letter"))
    assert report.masthead.issuer == "云岭市人民政府办公室" and report.masthead.doc_number == "云政函〔2026〕8号"
    assert Structure.from_texts(report.paragraphs).roles[0] is Role.TITLE
    assert report.paragraphs[0] == "关于商请协办2026年云岭文化旅游节的函"


def test_minutes_sample_keeps_attendance_in_the_text_and_reads_the_imprint():
    report = open_report(sample("minutes"))
    assert (report.masthead.issuer, report.masthead.doc_number) == ("中共云岭市委纪要", "〔2026〕第5次")
    assert report.masthead.printer == "中共云岭市委办公室"
    assert report.paragraphs[-1] == "列席：市人大、市政协有关负责同志"
    assert report.paragraphs[0] == "中共云岭市委常委会会议纪要"


def test_order_sample():
    report = open_report(sample("order"))
    assert (report.masthead.issuer, report.masthead.doc_number) == ("云岭市人民政府命令", "第1号")
    roles = Structure.from_texts(report.paragraphs).roles
    assert roles[0] is Role.TITLE and roles[report.paragraphs.index("市长 张三")] is Role.SIGNATURE


def test_a_wps_banner_with_a_picture_rule_and_distribution_lines(tmp_path):
    from phrasebank.document.masthead import split_masthead

    lines = [
        "内部资料",
        "某某县人民政府办公室文件",
        "某政办〔2026〕3号",
        picture_marker(1),  # WPS draws the red rule as a picture
        "",
        "关于某某工作进展情况的报告",
        "县委：",
        "现将有关情况报告如下。",
        "某某县人民政府办公室",
        "2026年3月1日",
        "",
        "报：市政府办公室。",
        "送：县委办公室。",
    ]
    masthead, rest = split_masthead(lines)
    assert (masthead.secrecy, masthead.issuer, masthead.doc_number) == (
        "内部资料",
        "某某县人民政府办公室文件",
        "某政办〔2026〕3号",
    )
    assert masthead.distribution == "报：市政府办公室。\n送：县委办公室。"
    roles = Structure.from_texts(rest).roles
    assert rest[0] == "关于某某工作进展情况的报告" and roles[0] is Role.TITLE
    assert rest[-1] == "2026年3月1日" and roles[-2] is Role.SIGNATURE


def _docx_with_body(path: Path, body: str) -> Path:
    document = docx.Document()
    document.add_paragraph("关于某某工作的报告")
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = xml.replace("<w:sectPr", body + "<w:sectPr", 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_small_file_inflated_with_empty_paragraphs_is_refused_at_once(tmp_path):
    forged = _docx_with_body(tmp_path / "forged.docx", "<w:p/>" * 400_000)
    assert forged.stat().st_size < 1_000_000
    with pytest.raises(ReadError, match="段落超过"):
        read_paragraphs(forged)


def test_forged_list_levels_and_huge_start_values_read_as_plain_numbers(tmp_path):
    """ilvl "x" or 9 and a start value of two billion: the text reads, in bounded time and memory."""
    document = docx.Document()
    for _ in range(3):
        document.add_paragraph("工作要点", style="List Number")
    path = tmp_path / "forged.docx"
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    numbering = parts["word/numbering.xml"].decode("utf-8")
    numbering = re.sub(r'<w:start w:val="\d+"/>', '<w:start w:val="2000000000"/>', numbering)
    numbering = numbering.replace('w:ilvl="0"', 'w:ilvl="x"', 1).replace('w:ilvl="1"', 'w:ilvl="9"', 1)
    numbering = numbering.replace('w:val="decimal"', 'w:val="upperLetter"')
    parts["word/numbering.xml"] = numbering.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert [p for p in read_paragraphs(path) if p.endswith("工作要点")]


def test_what_plain_paragraphs_cannot_carry_is_named_for_the_save(tmp_path):
    """The red 〔此处加盖红色印章〕 of a real file; a header that is more than a page number; a section break."""
    report = open_report(sample("standard"))
    assert report.unkept == ""  # the 版头's own red is written anew, the red seal note is kept (document/emphasis)
    save_report(report, tmp_path / "standard.docx")
    [seal] = [p for p in docx.Document(str(tmp_path / "standard.docx")).paragraphs if "加盖" in p.text]
    assert {str(r.font.color.rgb) for r in seal.runs if "加盖" in r.text} == {"C00000"}  # as in the file
    document = docx.Document()
    document.add_paragraph("第一部分")
    document.add_section()
    document.add_paragraph("第二部分")
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    path = tmp_path / "sections.docx"
    document.save(path)
    assert open_report(path).unkept == "1 个分节符、1 处页眉页脚"


def test_footnotes_are_named_before_a_save_over_the_file(tmp_path):
    from rendering import render

    rtf = tmp_path / "脚注.rtf"
    rtf.write_text(
        r"{\rtf1\ansi\deff0 {\fonttbl{\f0 Times;}}Report text{\super\chftn}"
        r"{\footnote\pard\plain{\super\chftn} Footnote text.}\par}",
        encoding="ascii",
    )
    with_note = render(rtf, tmp_path, to="docx")  # a Word file with one footnote, as LibreOffice writes it
    report = open_report(with_note)
    assert report.paragraphs == ["Report text"] and report.unkept == "1 个脚注或尾注"
