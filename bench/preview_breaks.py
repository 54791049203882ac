"""Does the print preview break lines and pages where the DOCX does? Per report: the share of the lines
of LibreOffice's render that are lines of the preview's PDF too (both breaks of the line equal), and
both page counts.

    QT_QPA_PLATFORM=offscreen python bench/preview_breaks.py [--fold national|provincial] [--reports 5]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from rendering import render

from app.fonts import install_substitutions
from app.printing import print_report
from phrasebank.document.files import read_paragraphs
from phrasebank.document.layout import NATIONAL
from phrasebank.document.writer import export_docx
from phrasebank.structure.cleaning import clean_lines

SHARED = ROOT.parent / "shared"
FOLDS = {"national": SHARED / "natreports", "provincial": SHARED / "govreports"}
#: Glyphs the two PDFs' text extraction spells differently.
_SAME = str.maketrans(
    dict(zip("⸺⺠⻓⻅⻋⻔⻚⻛⻜⻝⻢⻥⻦⻬⻮⻉⻆⻄⻩⻘戶", "—民长见车门页风飞食马鱼鸟齐齿贝角西黄青户", strict=True))
)


def page_lines(pdf: Path) -> tuple[int, Counter[str]]:
    """(pages, the text lines of all pages), spaces and page numbers left out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    lines: Counter[str] = Counter()
    for page in pages:
        for line in page.splitlines():
            line = re.sub(r"\s", "", unicodedata.normalize("NFKC", line).translate(_SAME))
            if line and not re.fullmatch(r"—?\d+—?", line):
                lines[line] += 1
    return len(pages), lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fold", choices=FOLDS, default="provincial")
    parser.add_argument("--reports", type=int, default=5)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    install_substitutions()
    total = agreed = 0
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted(FOLDS[args.fold].glob("*.txt"))[: args.reports]:
            paragraphs = clean_lines(read_paragraphs(path)).paragraphs
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printed = Path(folder) / "printed.pdf"
            printer.setOutputFileName(str(printed))
            print_report(paragraphs, NATIONAL, printer)
            docx = Path(folder) / "saved.docx"
            export_docx(paragraphs, docx)
            lo_pages, lo_lines = page_lines(render(docx, Path(folder)))
            qt_pages, qt_lines = page_lines(printed)
            same, lo_total = (lo_lines & qt_lines).total(), lo_lines.total()
            total, agreed = total + lo_total, agreed + same
            print(
                f"{path.name[:24]:26} pages LibreOffice {lo_pages:3} preview {qt_pages:3}   "
                f"lines equal {same}/{lo_total} = {same / lo_total:.1%}"
            )
    print(f"{args.fold}: {agreed}/{total} = {agreed / total:.1%} of LibreOffice's lines are lines of the preview")
    results = Path(__file__).parent / "results" / f"preview_breaks_{args.fold}.json"
    results.write_text(json.dumps({"lines": total, "equal": agreed}, indent=1))


if __name__ == "__main__":
    main()
