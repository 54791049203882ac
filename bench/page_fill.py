"""How well `document.pages` predicts where the text ends on its last page, against LibreOffice's render.

Documents of many lengths are cut from real reports (the first k paragraphs, each cut a different
text) and written as DOCX; LibreOffice renders them and the line on which the text ends on the last
page is read off the PDF (`pdftotext -bbox`) and compared with the prediction.

    python bench/page_fill.py [--fold national|provincial] [--documents 12]

Tune on one fold, report the other: the national reports (../shared/natreports) and the provincial
ones (../shared/govreports).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from rendering import render

from phrasebank.document.files import read_paragraphs
from phrasebank.document.layout import NATIONAL, mm_to_pt
from phrasebank.document.masthead import Masthead
from phrasebank.document.pages import last_page_used
from phrasebank.document.typeset import plan
from phrasebank.document.writer import export_docx
from phrasebank.structure.cleaning import clean_lines

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOLDS = {"national": SHARED / "natreports", "provincial": SHARED / "govreports"}
IMPRINT = Masthead(
    copy_to="市委各部门，市人大常委会办公室。", printer="某某市人民政府办公室", print_date="2026年5月2日"
)


def rendered_lines(pdf: Path) -> list[int]:
    """Per page, the line number (1 = the text block's first line) of its last line of text."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    top, foot = mm_to_pt(NATIONAL.margin_top), mm_to_pt(NATIONAL.margin_top + NATIONAL.block_height_mm)
    lines = []
    for page in xml.split("<page ")[1:]:
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page) if float(y) < foot + 4]
        lines.append(math.ceil((max(bottoms) - top) / NATIONAL.line_pitch_pt - 0.2) if bottoms else 0)
    return lines


def imprint_place(pdf: Path) -> str:
    """Where the 版记 stands in a render: "text page" (at the foot of the last page of text), "own page"
    (at the foot of a page of its own), or what went wrong."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = xml.split("<page ")[1:]
    top = mm_to_pt(NATIONAL.margin_top)
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', pages[-1])
    copy_to = [float(y0) for y0, _, w in words if w.startswith("抄送")]
    printed = [float(y1) for _, y1, w in words if w.endswith("印发")]
    if not copy_to or not printed:
        return "SPLIT over two pages" if any("抄送" in page for page in pages) else "MISSING"
    line = math.ceil((max(printed) - top) / NATIONAL.line_pitch_pt - 0.2)
    text_above = any(float(y1) < min(copy_to) - 2 and not re.match(r"^[—\d\s]+$", w) for _, y1, w in words)
    if line != NATIONAL.lines_per_page:
        return f"ends on line {line}"
    return "text page" if text_above else "own page"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fold", choices=FOLDS, default="national")
    parser.add_argument("--documents", type=int, default=12)
    args = parser.parse_args()
    reports = sorted(FOLDS[args.fold].glob("*.txt"))
    errors: Counter[int] = Counter()
    places: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.documents):
            report = reports[(n * 5) % len(reports)]
            paragraphs = clean_lines(read_paragraphs(report)).paragraphs
            cut = 4 + (n * 37) % 60  # documents of 4 to 63 paragraphs, each a different text
            body = [*paragraphs[:cut], "", "某某市人民政府", "2026年5月1日"]
            path = Path(folder) / f"d{n}.docx"
            export_docx(body, path)
            rendered = rendered_lines(render(path, Path(folder)))
            predicted = round(last_page_used(plan(body, NATIONAL), NATIONAL) / NATIONAL.line_pitch_pt)
            errors[rendered[-1] - predicted] += 1
            export_docx(body, path, masthead=IMPRINT)
            place = imprint_place(render(path, Path(folder)))
            places[place] += 1
            print(
                f"{report.name[:22]:24} {cut:3} paragraphs {len(rendered):3} pages: "
                f"last page {rendered[-1]:2} lines, predicted {predicted:2}; 版记: {place}"
            )
    print(f"{args.fold}: rendered − predicted lines: " + ", ".join(f"{k:+d}: {v}" for k, v in sorted(errors.items())))
    print(f"{args.fold}: 版记 " + ", ".join(f"{k}: {v}" for k, v in sorted(places.items())))
    results = Path(__file__).parent / "results" / f"page_fill_{args.fold}.json"
    results.write_text(json.dumps({"errors": dict(errors), "imprint": dict(places)}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
