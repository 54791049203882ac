"""The page as an office receives it, measured on LibreOffice renders: headings never stranded,
22-line pages, 附件 on a new page, 落款 for sealed and unsealed documents, 版头 and 版记 geometry,
and WordprocessingML children in the schema's order."""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import gov_report_files
from lxml import etree
from rendering import horizontal_rules, ink_bottom, pdf_lines, render, word_boxes

from phrasebank.document.files import read_paragraphs
from phrasebank.document.layout import NATIONAL
from phrasebank.document.masthead import Masthead
from phrasebank.document.typeset import title_lines
from phrasebank.document.writer import PPR_ORDER, RPR_ORDER, export_docx
from phrasebank.structure.cleaning import clean_lines
from phrasebank.structure.outline import Role, Structure
from phrasebank.text.chars import arabic_date

PT_PER_MM = 72 / 25.4
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def government(tmp_path_factory) -> list[tuple[list[str], Path]]:
    folder = tmp_path_factory.mktemp("gov")
    out = []
    for source in gov_report_files()[:3]:
        paragraphs = clean_lines(read_paragraphs(source)).paragraphs
        target = folder / f"{source.stem}.docx"
        export_docx(paragraphs, target)
        out.append((paragraphs, render(target, folder)))
    return out


def heading_lines(paragraphs: list[str]) -> set[str]:
    structure = Structure.from_texts(paragraphs)
    return {
        squeeze(p.text)
        for p, role in zip(structure.paragraphs, structure.roles, strict=True)
        if role in (Role.HEADING, Role.APPENDIX) and squeeze(p.text) == squeeze(p.text).split("。")[0]
    }


def test_no_page_ends_with_a_heading_and_full_pages_have_22_lines(government):
    for paragraphs, pdf in government:
        headings = heading_lines(paragraphs)
        pages = pdf_lines(pdf)
        assert len(pages) > 20
        for number, page in enumerate(pages[:-1], start=1):
            text = [squeeze(line[2]) for line in page[:-1]]  # the last line is the page number
            assert text[-1] not in headings, (pdf.name, number, text[-1])
            next_first = squeeze(pages[number][0][2])
            moved = any(h.startswith(next_first) or next_first.startswith(h) for h in headings)
            opens_appendix = re.fullmatch(r"附件\d*", text[0]) is not None  # 附件, blank line, title, blank line
            if number > 1 and not moved and not opens_appendix:
                assert len(text) == 22, (pdf.name, number, len(text), next_first)


REPORT = [
    "关于某某县巡回指导工作情况的报告",
    "市委主题教育领导小组：",
    "现将有关情况报告如下。",
    "一、总体情况",
    "指导组坚持严督实导，推动各项任务落地见效。",
    "二、下一步打算",
    "重点做好六个方面工作：",
    "一是加强统筹。确保工作有序推进。",
    "附件：1.巡回指导工作安排表",
    "2.全市重点企业名单（共计一百二十家，按行业和所在县区分列，供各指导组对照开展调研）",
    "市委第一巡回指导组",
    "2026年11月22日",
    "附件1",
    "巡回指导工作安排表",
    "按月安排，每月调度一次。",
]


def export_and_render(paragraphs, folder: Path, name: str, **kw) -> list:
    target = folder / f"{name}.docx"
    layout = replace(NATIONAL, seal=kw.pop("seal", False), arabic_date=kw.pop("arabic_date", False))
    export_docx(paragraphs, target, layout, **kw)
    return pdf_lines(render(target, folder))


def line_of(pages, start: str) -> tuple[int, tuple[float, float, str]]:
    for number, page in enumerate(pages):
        for line in page:
            if squeeze(line[2]).startswith(start):
                return number, line
    raise AssertionError(start)


LEFT = 28 * PT_PER_MM  # text block edges in points
RIGHT = (210 - 26) * PT_PER_MM
EM = 16 * (156 * PT_PER_MM / 28) / 16  # one character cell of the 28-character line


def test_attachment_note_attachment_page_and_unsealed_signature(tmp_path):
    pages = export_and_render(REPORT, tmp_path, "unsealed")
    page, note = line_of(pages, "附件：1.")
    assert abs(note[0] - (LEFT + 2 * EM)) < 3  # 左空二字
    _, item = line_of(pages, "2.全市重点")
    assert abs(item[0] - (note[0] + 3 * EM)) < 3  # later items under the first item's number
    wrapped = pages[page][pages[page].index(item) + 1]
    assert wrapped[0] > item[0] + EM  # the wrapped line aligns under the item's name, not its number
    appendix_page, appendix = line_of(pages, "附件1")
    assert appendix_page == len(pages) - 1 and pages[appendix_page][0] == appendix  # a new page, first line
    assert abs(appendix[0] - LEFT) < 2  # flush left
    _, name = line_of(pages, "市委第一巡回指导组")
    _, date = line_of(pages, "2026年11月22日")
    assert abs(date[0] - (name[0] + 2 * EM)) < 4  # 日期首字比署名首字右移二字
    # The date is the longer line here: it stands right two characters in, the name moves left.
    assert abs(date[1] - (RIGHT - 2 * EM)) < 4 and name[1] < date[1] - EM / 2


def test_sealed_signature_is_centred_over_the_date(tmp_path):
    pages = export_and_render(REPORT[:12], tmp_path, "sealed", seal=True)
    _, name = line_of(pages, "市委第一巡回指导组")
    _, date = line_of(pages, "2026年11月22日")
    assert abs(date[1] - (RIGHT - 4 * EM)) < 4  # 成文日期右空四字
    assert abs((name[0] + name[1]) / 2 - (date[0] + date[1]) / 2) < 4  # 署名以成文日期为准居中


def test_chinese_numeral_date_written_in_arabic_numerals_on_request(tmp_path):
    paragraphs = [*REPORT[:10], "市委第一巡回指导组", "二〇二六年十一月二十二日"]
    pages = export_and_render(paragraphs, tmp_path, "arabic", arabic_date=True)
    assert line_of(pages, "2026年11月22日")
    assert arabic_date("二〇二六年一月五日") == "2026年1月5日"


def test_long_sentences_are_not_run_in_heads_and_only_the_top_line_is_the_recipient(tmp_path):
    long_sentence = "同时，我省经济社会发展还面临一些困难和挑战，主要是：产业转型任务依然紧迫，创新能力不够强。"
    target = tmp_path / "roles.docx"
    export_docx([*REPORT[:7], long_sentence], target)
    with zipfile.ZipFile(target) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    paragraphs = {"".join(p.itertext()): p for p in root.iter(f"{W}p")}
    assert paragraphs[long_sentence].find(f".//{W}b") is None
    recipient = paragraphs["市委主题教育领导小组："].find(f"{W}pPr/{W}ind").get(f"{W}firstLine")
    middle = paragraphs["重点做好六个方面工作："].find(f"{W}pPr/{W}ind").get(f"{W}firstLine")
    assert recipient == "0" and middle == "640"


def red_rows(pdf: Path, page: int, folder: Path) -> list[tuple[int, int, int]]:
    """Rows (y in points, x-min, x-max) holding red pixels on one page, rendered at 72 dpi."""
    stem = folder / f"p{page}"
    subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), str(pdf), str(stem)], check=True)
    image = next(folder.glob(f"p{page}*.ppm")).read_bytes()
    _, size, _, data = image.split(b"\n", 3)
    width, height = (int(v) for v in size.split())
    rows = []
    for y in range(height):
        reds = [x for x in range(width) if data[(y * width + x) * 3] > 200 and data[(y * width + x) * 3 + 1] < 80]
        if len(reds) > 50:
            rows.append((y, min(reds), max(reds)))
    return rows


def test_banner_and_imprint_follow_the_standard(tmp_path):
    masthead = Masthead(
        copy_number="000001",
        secrecy="秘密★1年",
        urgency="特急",
        issuer="中共云岭市委办公室文件",
        doc_number="云办发〔2026〕12号",
        copy_to="市委各部委，市人大常委会办公室，市政府办公室。",
        printer="中共云岭市委办公室",
        print_date="2026年7月16日",
    )
    target = tmp_path / "banner.docx"
    export_docx(REPORT[:12], target, NATIONAL, masthead)
    pdf = render(target, tmp_path)
    pages = pdf_lines(pdf)
    first = [squeeze(line[2]) for line in pages[0]]
    assert first[:5] == ["000001", "秘密★1年", "特急", "中共云岭市委办公室文件", "云办发〔2026〕12号"]
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True)
    tops = {w: float(y) for y, w in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', xml.stdout)}
    issuer_top = tops["中共云岭市委办公室文件"]
    assert abs(issuer_top - (37 + 35) * PT_PER_MM) < 4 * PT_PER_MM  # 上边缘距版心上边缘 35 mm
    rows = red_rows(pdf, 1, tmp_path)
    rule = [r for r in rows if r[2] - r[1] > 150 * PT_PER_MM]
    assert rule, "a red rule as wide as the text block"
    number_bottom = max(float(y) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)<', xml.stdout) if "号" in w)
    assert 2.5 * PT_PER_MM < rule[0][0] - number_bottom < 5.5 * PT_PER_MM  # 发文字号之下 4 mm
    last = pages[-1]
    printed = [line for line in last if "印发" in squeeze(line[2])]
    assert printed and any(squeeze(line[2]).startswith("抄送：") for line in last)
    assert squeeze(last[0][2]).startswith("附件")  # on the last page of text, below it (§7.4)
    assert last[:-1][-1] == printed[0]  # 印发 is the last line of the page's text
    n = len(pages)
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True
    )
    foot = max(float(y) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)<', words.stdout) if "印发" in w)
    bottom = (297 - 35) * PT_PER_MM  # the text block's lower edge: the last rule lies on it
    assert bottom - 10 < foot <= bottom + 1
    assert report_title_not_taken(target)


@pytest.mark.parametrize(("body_lines", "own_page"), [(4, False), (12, False), (16, True)])
def test_the_imprint_stands_at_the_foot_of_the_last_page_when_it_fits(tmp_path, body_lines, own_page):
    """A one-page 通知 keeps its 版记 on its page, at the foot; a full page sends it to a page of its own.
    The page: title, blank, 主送, the items, blank, 落款 two lines = items + 6 lines of 22; the 版记 needs
    four (a blank line with the first rule, 抄送, 印发, and a line between it and the text)."""
    body = ["关于做好防汛值守工作的通知", "各区人民政府，市政府各部门："]
    body += [f"第{n + 1}项，各单位要严格落实值班值守制度。" for n in range(body_lines)]  # a line each
    body += ["", "某某市人民政府办公室", "2026年6月1日"]
    masthead = Masthead(
        copy_to="市委各部门，市人大常委会办公室。", printer="某某市人民政府办公室", print_date="2026年6月2日"
    )
    target = tmp_path / "notice.docx"
    export_docx(body, target, NATIONAL, masthead)
    pdf = render(target, tmp_path)
    pages = pdf_lines(pdf)
    assert len(pages) == (2 if own_page else 1)
    texts = [squeeze(line[2]) for line in pages[-1]]
    assert texts[-2].endswith("印发")  # the 版记's last line is the page's last line of text
    assert texts[0].startswith("抄送") == own_page
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(len(pages)), "-l", str(len(pages)), str(pdf), "-"],
        capture_output=True,
        text=True,
    )
    foot = max(float(y) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)<', words.stdout) if "印发" in w)
    bottom = (297 - 35) * PT_PER_MM
    assert bottom - 10 < foot <= bottom + 1  # on the text block's last line


def report_title_not_taken(target: Path) -> bool:
    from phrasebank.document.report import open_report

    report = open_report(target)
    structure = Structure.from_texts(report.paragraphs)
    return (
        report.masthead.issuer == "中共云岭市委办公室文件"
        and report.masthead.printer == "中共云岭市委办公室"
        and structure.roles[0] is Role.TITLE
        and report.paragraphs[0] == REPORT[0]
        and report.paragraphs[-1] == "2026年11月22日"
    )


def test_children_follow_the_schema_order(government, tmp_path):
    target = tmp_path / "order.docx"
    masthead = Masthead(
        issuer="某某文件", doc_number="某发〔2026〕1号", signers="张三", copy_to="各单位。", printer="某办"
    )
    export_docx(
        [*REPORT, *clean_lines(read_paragraphs(gov_report_files()[0])).paragraphs[:80]],
        target,
        NATIONAL,
        masthead,
    )
    with zipfile.ZipFile(target) as archive:
        for part in ("word/document.xml", "word/styles.xml"):
            root = etree.fromstring(archive.read(part))
            for element in root.iter(f"{W}r", f"{W}p", f"{W}pPr", f"{W}rPr"):
                names = [c.tag.rsplit("}", 1)[-1] for c in element if isinstance(c.tag, str)]
                kind = element.tag.rsplit("}", 1)[-1]
                if kind == "r" or kind == "p":
                    first = "rPr" if kind == "r" else "pPr"
                    assert first not in names[1:], (part, kind, names)
                else:
                    order = PPR_ORDER if kind == "pPr" else RPR_ORDER
                    ranks = [order.index(n) for n in names if n in order]
                    assert ranks == sorted(ranks), (part, kind, names)
                    assert all(n in order for n in names), (part, kind, names)


def test_titles_break_at_word_boundaries_into_a_trapezoid():
    lines = title_lines("关于做好2026年暑期新时代文明实践工作的通知", 20)
    assert lines == ["关于做好2026年暑期", "新时代文明实践工作的通知"] and len(lines[0]) <= len(lines[1])


@pytest.mark.parametrize(
    ("title", "whole"),
    [
        ("关于切实做好2026年汛期安全防范和应急处置工作的通知", "2026年"),
        ("云岭市人民政府办公室关于印发全市安全生产工作要点的通知", "人民政府办公室"),
        ("关于深入学习贯彻习近平新时代中国特色社会主义思想主题教育的实施方案", "习近平新时代中国特色社会主义思想"),
        ("关于进一步加强安全生产工作和做好防汛抗旱准备的通知", ""),
    ],
)
def test_a_title_never_breaks_inside_a_number_an_organ_or_a_formulation(title, whole):
    """The upper line no longer than the lower (梯形) or the middle longest (菱形), §7.3.1."""
    lines = title_lines(title, 20)
    assert "".join(lines) == title and all(len(line) <= 20 for line in lines)
    assert not whole or any(whole in line for line in lines), lines
    assert len(lines[0]) <= len(lines[1]) if len(lines) == 2 else max(lines, key=len) == lines[1]


def test_no_shipped_title_breaks_inside_a_dictionary_word():
    from phrasebank.structure.templates import template_names, template_text
    from phrasebank.text import segment

    titles = [template_text(name).splitlines()[0] for name in template_names() if template_text(name).strip()]
    titles += [clean_lines(read_paragraphs(path)).paragraphs[0] for path in gov_report_files()]
    for title in titles:
        lines = title_lines(title.replace("XX", "全市安全生产"), 20)
        starts = set(segment.word_starts("".join(lines)))
        cut = 0
        for line in lines[:-1]:
            cut += len(line)
            assert cut in starts, (title, lines)


def test_core_properties_tell_the_truth(tmp_path):
    import datetime

    import docx

    target = tmp_path / "props.docx"
    export_docx(REPORT[:5], target, author="市委第一巡回指导组")
    properties = docx.Document(str(target)).core_properties
    assert properties.author == "市委第一巡回指导组" and properties.title == REPORT[0]
    assert (
        abs((datetime.datetime.now(datetime.UTC) - properties.created.replace(tzinfo=datetime.UTC)).total_seconds())
        < 120
    )
    with zipfile.ZipFile(target) as archive:
        assert not [n for n in archive.namelist() if "thumbnail" in n]
        fonts = archive.read("word/fontTable.xml").decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert target.stat().st_mode & 0o777 != 0o600


def test_font_warnings_name_missing_fonts_and_characters_outside_gb2312():
    from phrasebank.document.fontcheck import missing_fonts_warning, rare_characters_warning

    warning = missing_fonts_warning(NATIONAL, {"宋体", "黑体"})
    assert "仿宋_GB2312" in warning and "楷体_GB2312" in warning and "黑体" not in warning.split("：")[0]
    everything = {"仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体"}
    assert missing_fonts_warning(NATIONAL, everything) == ""
    assert "堃喆䶮镕" in rare_characters_warning(["王堃、李喆、刘䶮、朱镕基同志"], NATIONAL)
    assert rare_characters_warning(["张三同志"], NATIONAL) == ""
    assert "“喆堃”" in rare_characters_warning(["李喆同志", "", "王堃、李喆"], NATIONAL)  # each once, in order
    assert rare_characters_warning(["王堃"], NATIONAL.with_fonts(True)) == ""  # 仿宋 has them


def test_the_signature_is_placed_against_its_own_date():
    from phrasebank.document.typeset import plan, signature_indents

    paragraphs = [
        "关于某某工作的报告",
        "2026年1月5日",
        "现将有关情况报告如下。",
        "市委第一巡回指导组",
        "2026年11月22日",
    ]
    name = next(b for b in plan(paragraphs) if b.text == "市委第一巡回指导组")
    expected, _ = signature_indents("市委第一巡回指导组", "2026年11月22日", seal=False)
    assert name.right == pytest.approx(expected * NATIONAL.block_width_pt / NATIONAL.chars_per_line)
    assert signature_indents("市委第一巡回指导组", "2026年1月5日", seal=False)[0] != expected


PITCH = 156 * PT_PER_MM / 28  # a character as set on the 28-character line


@pytest.mark.parametrize("seal", [False, True], ids=["unsealed", "sealed"])
@pytest.mark.parametrize(
    "organ",
    [
        "云岭市应急局",
        "云岭市人民政府办公室",
        "云岭市防汛抗旱指挥部办公室综合协调处",
        "中共云岭市委全面深化改革委员会办公室",
    ],
)
def test_the_signature_stands_right_for_every_organ_name_length(tmp_path, organ, seal):
    """§7.3.5: unsealed, the date starts two characters right of the name's first character (the date
    stands right two characters in when it is the longer); sealed, the name centred over the date,
    which stands right four characters in — a name too long for that moves both left, still centred."""
    body = ["关于做好汛期安全工作的报告", "市政府：", "现将有关情况报告如下。", "一、总体情况", "全市工作有序推进。"]
    target = tmp_path / "signature.docx"
    export_docx([*body, organ, "2026年7月16日"], target, replace(NATIONAL, seal=seal))
    lines = pdf_lines(render(target, tmp_path))[-1]
    name = next(line for line in lines if squeeze(line[2]) == organ)
    date = next(line for line in lines if "2026" in line[2])
    assert name[0] >= LEFT - 1 and name[1] <= RIGHT + 1  # inside the text block
    if seal:
        assert abs((name[0] + name[1]) / 2 - (date[0] + date[1]) / 2) < PITCH / 2
        if len(organ) <= 12:
            assert abs(RIGHT - date[1] - 4 * PITCH) < PITCH / 2
    else:
        assert abs(date[0] - name[0] - 2 * PITCH) < PITCH / 2
        assert abs(RIGHT - max(name[1], date[1]) - 2 * PITCH) < PITCH / 2


def test_signers_print_date_and_every_rule_measure_as_the_standard_says(tmp_path):
    """签发人 and 印发日期 end one character from the right edge (§7.2.6, §7.4.3); the red rule and the
    版记 rules span the 156 mm text block (§7.2.7, §7.4.1); the red rule lies 4 mm under 发文字号."""
    masthead = Masthead(
        issuer="云岭市人民政府文件",
        doc_number="云政发〔2026〕12号",
        signers="张三",
        copy_to="市委各部委，市人大常委会办公室。",
        printer="云岭市人民政府办公室",
        print_date="2026年7月16日",
    )
    target = tmp_path / "banner.docx"
    export_docx([*REPORT[:5], "云岭市人民政府", "2026年7月16日"], target, NATIONAL, masthead)
    pdf = render(target, tmp_path)
    first = word_boxes(pdf, 1)
    signer = next(w for w in first if "张三" in w[4])
    assert abs(RIGHT - signer[2] - PITCH) < PITCH / 2
    number = next(w for w in first if "号" in w[4])
    start = min(w[0] for w in first if abs(w[1] - number[1]) < 2)
    assert abs(start - LEFT - PITCH) < PITCH / 2  # 发文字号居左空一字
    red = horizontal_rules(pdf, 1, tmp_path, red=True)
    assert red and all(abs((x1 - x0) / PT_PER_MM - 156) <= 1 for _, x0, x1 in red)
    gap = (red[0][0] - ink_bottom(pdf, 1, number[:4], tmp_path)) / PT_PER_MM
    assert abs(gap - 4) <= 0.5
    last = len(pdf_lines(pdf))
    printed = [w for w in word_boxes(pdf, last) if "印发" in w[4]]
    assert abs(RIGHT - printed[-1][2] - 14) < 7  # one 4号 character
    rules = horizontal_rules(pdf, last, tmp_path)
    assert len({round(y) // 3 for y, _, _ in rules}) == 3  # thick, thin, thick
    assert all(abs((x1 - x0) / PT_PER_MM - 156) <= 1 for _, x0, x1 in rules)


def test_a_signature_never_stands_alone_on_a_page(tmp_path):
    """When the 落款 does not fit under the text, the closing line goes over with it (此页无正文 is what
    an office must avoid), and the page model counts the pages LibreOffice sets."""
    from phrasebank.document.pages import page_fill
    from phrasebank.document.typeset import plan

    paragraphs = [
        "关于报送2026年度安全生产工作情况的报告",
        "市人民政府：",
        "现将我局2026年度安全生产工作情况报告如下。",
        "一、总体情况",
        "全年共开展检查“四不两直”暗访32次，发现隐患1108处、整改率达到97.5%，同比提高4.7个百分点。",
        "│单位│联系人│完成情况│",
        "│市教育局│张三↵李四│已按期报送全部材料并完成整改复核工作│",
        "│市卫生健康委员会│王五│",
        "特此报告。",
        "云岭市应急管理局",
        "2026年12月6日",
    ]
    masthead = Masthead(issuer="云岭市应急管理局文件", doc_number="云应急〔2026〕18号", signers="张三")
    pages = export_and_render(paragraphs, tmp_path, "落款", masthead=masthead)
    [signed] = [page for page in pages if any(squeeze(text) == "云岭市应急管理局" for _, _, text in page)]
    assert any(squeeze(text) == "特此报告。" for _, _, text in signed)
    assert page_fill(plan(paragraphs, NATIONAL, masthead), NATIONAL)[0] == len(pages)
