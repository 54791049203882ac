"""Print preview and printing lay the report out as the saved DOCX prints."""

from __future__ import annotations

import difflib
import subprocess
import unicodedata
from collections import Counter

from PySide6.QtPrintSupport import QPrinter
from rendering import horizontal_rules, ink_bottom, page_pixels, render, word_boxes

from app.printing import print_report
from phrasebank.document.files import read_paragraphs
from phrasebank.document.layout import NATIONAL
from phrasebank.document.writer import export_docx
from phrasebank.structure.cleaning import clean_lines


def page_texts(pdf) -> list[list[str]]:
    """Each page's non-empty text lines, spaces removed (LibreOffice and Qt space Latin differently),
    NFKC-normalised (Qt's PDF maps some glyphs to Kangxi radicals: ⼯ for 工)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = unicodedata.normalize("NFKC", text).split("\f")
    return [
        [line.replace(" ", "").replace("\u2005", "") for line in page.splitlines() if line.strip()]
        for page in pages
        if page.strip()
    ]


def _same(line: str) -> str:
    """A line as both PDFs spell it (Qt's text extraction names some glyphs by their radicals)."""
    return line.translate(_RADICALS)


_RADICALS = str.maketrans(dict(zip("⸺⺠⻓⻅⻋⻔⻚⻛⻜⻝⻢⻬⻩⻘戶", "—民长见车门页风飞食马齐黄青户", strict=True)))


def similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def test_printed_pages_match_the_docx_rendered_by_libreoffice(qtbot, gov_files, tmp_path):
    paragraphs = clean_lines(read_paragraphs(gov_files[0])).paragraphs
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_report(paragraphs, NATIONAL, printer)
    export_docx(paragraphs, tmp_path / "saved.docx")
    printed, saved = page_texts(tmp_path / "printed.pdf"), page_texts(render(tmp_path / "saved.docx", tmp_path))
    assert len(printed) == pages and abs(len(printed) - len(saved)) <= max(2, len(saved) // 20)
    # Title block and first lines the same (text extraction maps a few glyphs differently: ⺠ for 民).
    assert all(similar(a, b) for a, b in zip(printed[0][:6], saved[0][:6], strict=True))
    assert printed[0][-1] == "—1—" and printed[1][-1] == "—2—"  # page numbers below the block
    for page in range(len(printed)):  # 22 lines of text a full page, the number below them
        assert len(printed[page]) <= NATIONAL.lines_per_page + 1
    full = [len(p) for p in printed[1:-1]]
    assert full and max(full) == NATIONAL.lines_per_page + 1
    # Line by line: most lines of LibreOffice's render are lines of the preview too (both ends equal;
    # closing marks hang past the edge as there). bench/preview_breaks.py gives the figures per fold.
    lines = [Counter(_same(line) for page in pdf for line in page[:-1]) for pdf in (printed, saved)]
    assert len(printed) == len(saved)
    assert (lines[0] & lines[1]).total() >= 0.93 * lines[1].total()  # 0.946 here; 0.879 before the measured rules


def test_print_preview_paints_the_pages_and_closes(qtbot, window):
    """The real dialog, shown modally as from 文件 → 打印预览: it paints every page, then closes.

    With a temporary printer handed to the dialog this crashed the whole process (a segfault in
    Qt's print support) as soon as the preview painted.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    window._load("关于工作的报告\n一、主要做法\n" + "加强学习，推动工作落实。" * 300, None)
    seen: list[tuple[str, int]] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        preview.updatePreview()
        seen.append((dialog.windowTitle(), preview.pageCount()))
        dialog.reject()

    QTimer.singleShot(300, look_and_close)
    window.print_preview()
    assert seen and seen[0][0] == "打印预览" and seen[0][1] >= 3


def _vertical_rules(pdf, folder) -> list[float]:
    """x in points of every pixel column of page 1 that is dark for more than 40 pt of its height."""
    pixels = page_pixels(pdf, 1, folder)
    dark = pixels.sum(axis=2) < 200
    return [x * 72 / 144 for x in range(dark.shape[1]) if dark[:, x].sum() > 80]


def _clusters(values: list[float], gap: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > gap:
            out.append(v)
    return out


def test_a_table_prints_as_the_docx_draws_it_cell_by_cell_in_a_grid(qtbot, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    paragraphs = [
        "关于报送名单的通知",
        "各单位：",
        "│单位│联系人│完成情况│",
        "│市教育局│张三↵李四│已按期报送全部材料并完成整改复核工作│",
        "│市卫生健康委员会│王五│",
        "特此通知。",
    ]
    assert print_report(paragraphs, NATIONAL, printer) == 1
    docx = tmp_path / "saved.docx"
    export_docx(paragraphs, docx)
    rendered = render(docx, tmp_path)
    for pdf in (printed, rendered):  # every cell's text once, no cell mark drawn
        lines = page_texts(pdf)[0]
        assert not any("│" in line or "|" in line for line in lines)
    # The grid: four horizontal rules across the text block, column rules at the same places as the DOCX's.
    pdfs = (printed, rendered)
    rules = [_clusters([y for y, x0, x1 in horizontal_rules(pdf, 1, tmp_path) if x1 - x0 > 400]) for pdf in pdfs]
    assert len(rules[0]) == len(rules[1]) == 4, rules
    assert all(abs(a - b) < 1.5 for a, b in zip(*rules, strict=True)), rules  # rows as tall as the DOCX's
    columns = [_clusters(_vertical_rules(pdf, tmp_path)) for pdf in pdfs]
    assert len(columns[0]) == len(columns[1]) == 4  # two outer edges, two between the columns
    assert all(abs(a - b) < 3 for a, b in zip(*columns, strict=True))
    # Each cell's text sits in its column, as in the DOCX.
    for word in ("联系人", "王五", "李四"):
        spelled = [[(b[0], _same(unicodedata.normalize("NFKC", b[4]))) for b in word_boxes(pdf, 1)] for pdf in pdfs]
        x = [next(left for left, text in words if text == word) for words in spelled]
        assert abs(x[0] - x[1]) < 6, (word, x)


def test_a_banner_above_a_report_prints_where_the_docx_puts_it(qtbot, tmp_path):
    """The 发文机关标志 stands 35 mm into the text block on the first page (Qt drops a first paragraph's
    space above, the preview must not), and every rule takes room as the DOCX's paragraph borders do."""
    from phrasebank.document.masthead import Masthead

    paragraphs = ["关于报送2026年度安全生产工作情况的报告", "市人民政府：", "现将有关情况报告如下。", "特此报告。"]
    masthead = Masthead(
        issuer="云岭市应急管理局文件",
        doc_number="云应急〔2026〕18号",
        signers="张三",
        copy_to="市委办公室，市人大常委会办公室。",
        printer="云岭市应急管理局办公室",
        print_date="2026年12月6日",
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    print_report(paragraphs, NATIONAL, printer, masthead)
    docx = tmp_path / "saved.docx"
    export_docx(paragraphs, docx, masthead=masthead)
    pdfs = (printed, render(docx, tmp_path))
    for word in ("云岭市应急管理局文件", "签发人:张三", "特此报告。"):  # where the ink of each line ends
        boxes = [[(b[:4], _same(unicodedata.normalize("NFKC", b[4]))) for b in word_boxes(pdf, 1)] for pdf in pdfs]
        found = [next(box for box, text in words if text == word) for words in boxes]
        feet = [ink_bottom(pdf, 1, box, tmp_path) for pdf, box in zip(pdfs, found, strict=True)]
        assert abs(feet[0] - feet[1]) < 1.5, (word, feet)
    red = [horizontal_rules(pdf, 1, tmp_path, red=True)[0][0] for pdf in pdfs]
    assert abs(red[0] - red[1]) < 1.5, red
    # The 版记 at the foot of the same page, its three rules where the DOCX draws them.
    black = [_clusters([y for y, x0, x1 in horizontal_rules(pdf, 1, tmp_path) if x1 - x0 > 400]) for pdf in pdfs]
    assert len(black[0]) == len(black[1]) == 3 and all(abs(a - b) < 1.5 for a, b in zip(*black, strict=True)), black
