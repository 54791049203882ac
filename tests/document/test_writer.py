"""GB/T 9704-2012 DOCX: page, grid, fonts, page numbers; the round trip; bad files; the render."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from rendering import pdf_lines, render

from phrasebank.cli.desk import main as desk
from phrasebank.document.files import read_paragraphs
from phrasebank.document.layout import LOCAL_EQUAL_MARGINS, NATIONAL, RunInStyle
from phrasebank.document.writer import export_docx, title_lines
from phrasebank.errors import ReadError
from phrasebank.structure.cleaning import clean_lines

ROOT = Path(__file__).resolve().parents[2]
SIGNED = ["市委第x巡回指导组", "2026年11月22日"]


def report(path: Path) -> list[str]:
    return clean_lines(read_paragraphs(path)).paragraphs


@pytest.fixture(scope="module")
def exported(tmp_path_factory, corpus_files) -> dict[str, tuple[list[str], Path]]:
    folder = tmp_path_factory.mktemp("docx")
    out = {}
    for path in corpus_files:
        paragraphs = report(path) + SIGNED
        target = folder / f"{path.stem}.docx"
        export_docx(paragraphs, target)
        out[path.stem] = (paragraphs, target)
    return out


def test_page_size_margins_and_grid(exported):
    for _, path in exported.values():
        section = docx.Document(str(path)).sections[0]
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
        margins = (
            section.top_margin.twips,
            section.bottom_margin.twips,
            section.left_margin.twips,
            section.right_margin.twips,
        )
        assert margins == (2098, 1984, 1587, 1474)
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars" and grid.get(qn("w:linePitch")) == "579"
        pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
        assert int((11906 - 1587 - 1474) / 20 // pitch) == 28


def test_fonts_sizes_and_language(exported):
    _paragraphs, path = exported["002_c5cf262013ff91b4"]
    document = docx.Document(str(path))
    styles = document.styles.element
    assert not any(k.endswith("Theme") or k.endswith("cstheme") for f in styles.iter(qn("w:rFonts")) for k in f.attrib)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"

    def run_of(text: str):
        paragraph = next(p for p in document.paragraphs if p.text.startswith(text))
        return paragraph, paragraph.runs[0]

    title, run = run_of("关于学习贯彻主题教育情况报告")
    assert title.alignment == 1 and run.font.size.pt == 22  # centred, 2号
    assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    _, run = run_of("一、主要工作做法及成效")
    assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体" and run.font.size.pt == 16
    _, run = run_of("（一）聚焦")
    assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    body, run = run_of("第二批主题教育开展以来")
    assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312" and run.font.size.pt == 16
    assert run._r.rPr.rFonts.get(qn("w:hint")) == "eastAsia"  # “” …… —— in the Chinese font
    ind = body._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200" and body.alignment == 3  # justified
    date, run = run_of("2026年11月22日")
    right = int(date._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    assert date.alignment == 2 and right == round(2 * NATIONAL.block_width_pt / 28 * 20)  # 右空二字 as set


def test_run_in_heads_follow_the_layout_setting(tmp_path, corpus_files):
    paragraphs = report(corpus_files[0])
    for style, check in ((RunInStyle.BOLD, lambda r: r.bold), (RunInStyle.KAI, lambda r: not r.bold)):
        path = tmp_path / f"{style}.docx"
        export_docx(paragraphs, path, replace(NATIONAL, runin_style=style))
        head = next(p for p in docx.Document(str(path)).paragraphs if p.text.startswith("一是"))
        assert head.runs[0].text == "一是完善深化巡回指导方案。" and check(head.runs[0])
        if style is RunInStyle.KAI:
            assert head.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"


def test_page_numbers_alternate_sides(exported):
    _, path = exported["003_f7c9bf3b663debaa"]
    document = docx.Document(str(path))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align in ((section.footer, 2), (section.even_page_footer, 0)):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.alignment == align and paragraph.runs[0].font.size.pt == 14
        assert 'w:eastAsia="宋体"' in xml and 'w:ascii="宋体"' in xml
    bottom_gap_mm = (section.bottom_margin.twips - section.footer_distance.twips - 280) / 1440 * 25.4
    assert abs(bottom_gap_mm - 7) < 0.1


def test_save_then_open_gives_back_every_paragraph(exported):
    for paragraphs, path in exported.values():
        assert read_paragraphs(path) == paragraphs


def test_long_titles_break_into_balanced_lines():
    title = "关于全市党史学习教育巡回指导工作开展情况和下一步工作安排建议的报告"
    lines = title_lines(title, 20)
    assert "".join(lines) == title and len(lines) == 2
    assert all(len(line) >= 3 for line in lines) and abs(len(lines[0]) - len(lines[1])) <= 4
    assert title_lines("关于学习贯彻主题教育情况报告", 20) == ["关于学习贯彻主题教育情况报告"]


def test_local_layout_preset(tmp_path, corpus_files):
    path = tmp_path / "local.docx"
    export_docx(report(corpus_files[1]), path, LOCAL_EQUAL_MARGINS.with_fonts(without_gb2312=True))
    section = docx.Document(str(path)).sections[0]
    assert section.top_margin.mm == pytest.approx(28, abs=0.1) and section.left_margin.mm == pytest.approx(27, abs=0.1)
    with zipfile.ZipFile(path) as archive:
        assert 'w:eastAsia="仿宋"' in archive.read("word/styles.xml").decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空的"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "加密"),
        (b"PK\x03\x04 this is not really a zip archive" * 10, "不是有效的 DOCX"),
        (b"just some text pretending to be a docx", "不是有效的 DOCX"),
    ],
)
def test_broken_docx_files_give_one_clear_message(tmp_path, content, message):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message) as error:
        read_paragraphs(path)
    assert "broken.docx" in str(error.value)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/padding.bin", io.BytesIO(b"\x00" * (250 * 1024 * 1024)).getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ReadError, match="过大"):
        read_paragraphs(path)


def test_docx_missing_its_body_part(tmp_path):
    path = tmp_path / "nobody.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ReadError, match="缺少正文"):
        read_paragraphs(path)


@pytest.mark.parametrize(
    "document_xml",
    [
        b'<?xml version="1.0"?><foo xmlns="urn:x"><bar/></foo>',  # another root
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    ],
)
def test_a_document_part_without_a_body_is_named_as_damaged(tmp_path, document_xml):
    path = tmp_path / "bodiless.docx"
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = document_xml
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(ReadError, match="已损坏（没有正文") as error:
        read_paragraphs(path)
    assert "bodiless.docx" in str(error.value)


def test_export_command_from_txt_and_docx(tmp_path, corpus_files, capsys):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(corpus_files[2].read_text(encoding="utf-8").encode("gbk"))
    out = tmp_path / "out.docx"
    assert desk(["export", str(gbk), "-o", str(out)]) == 0
    assert "未填写的占位符（X" in capsys.readouterr().err  # 002 still has X and XX placeholders
    again = tmp_path / "again.docx"
    assert desk(["export", str(out), "-o", str(again), "--layout", "local"]) == 0
    source = [line.strip() for line in corpus_files[2].read_text(encoding="utf-8").splitlines() if line.strip()]
    assert read_paragraphs(again) == read_paragraphs(out)
    assert [p for p in read_paragraphs(out) if p] == source  # the writer's text, nothing dropped
    cleaned = tmp_path / "cleaned.docx"
    assert desk(["export", str(gbk), "-o", str(cleaned), "--clean"]) == 0
    said = capsys.readouterr().err
    assert read_paragraphs(cleaned) == report(corpus_files[2])
    assert "已去掉（密码行）" in said and "共去掉" in said  # every removal named
    assert desk(["export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.docx")]) == 2
    assert "missing.txt" in capsys.readouterr().err and not (tmp_path / "x.docx").exists()




def test_libreoffice_renders_22_lines_of_28_characters(exported, tmp_path):
    _, path = exported["003_f7c9bf3b663debaa"]
    pages = pdf_lines(render(path, tmp_path))
    assert len(pages) >= 3
    for number, lines in enumerate(pages[:-1], start=1):
        footer, text = lines[-1], lines[:-1]
        assert footer[2] == f"—{number}—", footer
        centre = (footer[0] + footer[1]) / 2
        assert centre > 400 if number % 2 else centre < 200  # odd pages right, even pages left
        if number > 1:
            assert len(text) == 22, (number, len(text))
    # A closing mark may be pulled up from the next line (no line starts with ，or 、): not counted.
    body = [re.sub(r"\s", "", line[2]).rstrip("，。、；：”）》") for page in pages[1:-1] for line in page[:-1]]
    cells = [sum(0.5 if ch.isascii() else 1 for ch in line) for line in body]  # Latin and digits are half-width
    full = [line for line, width in zip(body, cells, strict=True) if width == 28 and line.isascii() is False]
    assert max(cells) <= 28.5
    assert sum(1 for width in cells if width in (27, 28)) > len(body) / 2
    assert full


def test_libreoffice_renders_a_centred_title(exported, tmp_path):
    _, path = exported["002_c5cf262013ff91b4"]
    first = pdf_lines(render(path, tmp_path))[0]
    title = first[0]
    assert title[2] == "关于学习贯彻主题教育情况报告"
    assert abs((title[0] + title[1]) / 2 - 595.3 / 2) < 4


def forged_bomb(path: Path, megabytes: int) -> None:
    """A DOCX whose document.xml inflates to `megabytes` MB while the zip declares 1000 bytes."""
    import struct

    base = io.BytesIO()
    docx.Document().save(base)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, source.read(info.filename))
                continue
            with archive.open("word/document.xml", "w") as member:
                member.write(source.read(info.filename))
                chunk = b"<!--" + b"a" * (1024 * 1024) + b"-->"  # comments after the root element
                for _ in range(megabytes):
                    member.write(chunk)
    raw = bytearray(path.read_bytes())
    for signature, name_at, size_at in ((b"PK\x01\x02", 46, 24), (b"PK\x03\x04", 30, 22)):
        at = raw.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", raw, at + name_at - 18 if signature == b"PK\x01\x02" else 26)[0]
            if bytes(raw[at + name_at : at + name_at + length]) == b"word/document.xml":
                struct.pack_into("<I", raw, at + size_at, 1000)
            at = raw.find(signature, at + 4)
    path.write_bytes(bytes(raw))


def test_a_zip_with_forged_sizes_is_refused_without_inflating_it(tmp_path):
    bomb = tmp_path / "bomb.docx"
    forged_bomb(bomb, 300)
    code = (
        "import sys\n"
        "from phrasebank.document.files import read_paragraphs\n"
        "from phrasebank.errors import ReadError\n"
        "try:\n    read_paragraphs(sys.argv[1])\nexcept ReadError as exc:\n    print(exc)\n"
        # VmHWM: this program's own peak (ru_maxrss would include the forked test process's pages)
        "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, check=True)
    message, peak_mb = result.stdout.splitlines()
    assert "bomb.docx" in message and "损坏" in message
    assert int(peak_mb) < 150  # reading the part whole would have taken over 300 MB


def test_the_attachment_label_and_its_number_are_both_in_heiti(tmp_path):
    """GB/T 9704 §8: 附件2 in 3号黑体 — the digit too, not Times New Roman."""
    target = tmp_path / "appendix.docx"
    notice = ["关于某事的通知", "正文内容。", "附件：1.名单", "2.清单", "某局", "2026年3月5日", "附件2", "清单"]
    export_docx(notice, target)
    label = next(p for p in docx.Document(str(target)).paragraphs if p.text == "附件2")
    fonts = label.runs[0]._r.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:ascii")) == NATIONAL.heading1_font


def test_emphasis_on_one_run_stays_on_that_run_when_others_share_its_font_and_size(tmp_path):
    """Runs of one font, weight and size share the properties they are copied from: bold added to one of
    them is on that run only, and so is a paragraph's own indent."""
    from phrasebank.document.emphasis import Mark

    bold = (b'<w:b xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',)
    paragraphs = ["关于做好年度工作的报告", "今年坚持稳中求进。", "今年坚持稳中求进。", "明年继续推进。"]
    target = tmp_path / "强调.docx"
    export_docx(paragraphs, target, marks={"今年坚持稳中求进。": (Mark(2, 6, bold),)})
    document = docx.Document(str(target))
    written = [p for p in document.paragraphs if p.text]
    runs = [[(run.text, run.bold) for run in p.runs] for p in written[1:]]
    assert runs == [
        [("今年", None), ("坚持稳中", True), ("求进。", None)],
        [("今年", None), ("坚持稳中", True), ("求进。", None)],
        [("明年继续推进。", None)],
    ]
    first_lines = [p.paragraph_format.first_line_indent for p in written]
    assert first_lines[0] in (None, 0) and first_lines[1] == first_lines[3] > 0
