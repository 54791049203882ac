"""Render a DOCX the way the tests look at pages: LibreOffice to PDF, with the font stand-ins."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render(path: Path, folder: Path, to: str = "pdf") -> Path:
    """Convert a DOCX to PDF with LibreOffice, the official fonts mapped to installed stand-ins (or, with
    `to="docx"`, have LibreOffice write the document again as Word would receive it from a colleague)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by the test command (libreoffice-writer-nogui)"
    env = {
        "FONTCONFIG_FILE": str(ROOT / "resources" / "fonts" / "fonts.conf"),
        "HOME": str(folder),
        "PATH": "/usr/bin:/bin",
    }
    outdir = folder / "libreoffice" if to == "docx" else folder  # never over the file it reads
    pdf = outdir / f"{path.stem}.{to}"
    pdf.unlink(missing_ok=True)
    command = [
        soffice,
        f"-env:UserInstallation=file://{folder}/profile",
        "--headless",
        "--convert-to",
        "docx:MS Word 2007 XML" if to == "docx" else to,
        "--outdir",
        str(outdir),
        str(path),
    ]
    said = ""
    for _ in range(2):  # a loaded machine sometimes loses the first start of a fresh profile
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
        if pdf.exists() and pdf.stat().st_size > 0:
            return pdf
        said = f"exit {done.returncode}: {done.stderr.strip() or done.stdout.strip()}"
    raise AssertionError(f"LibreOffice wrote no {to.upper()} for {path.name} ({said})")


def pdf_lines(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, the text lines as (x-min, x-max, text), merged by baseline."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        rows: dict[int, list[tuple[float, float, str]]] = {}
        for x0, y0, x1, _, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        ):
            rows.setdefault(round(float(y0) / 4), []).append((float(x0), float(x1), word))
        pages.append(
            [
                (min(w[0] for w in ws), max(w[1] for w in ws), "".join(w[2] for w in sorted(ws)))
                for _, ws in sorted(rows.items())
            ]
        )
    return pages


def page_pixels(pdf: Path, page: int, folder: Path, dpi: int = 144):
    """One page as an RGB array (height × width × 3) rendered by pdftoppm."""
    import numpy as np

    stem = folder / f"pixels-{page}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf), str(stem)], check=True)
    image = sorted(folder.glob(f"{stem.name}*.ppm"))[-1]
    _, size, _, data = image.read_bytes().split(b"\n", 3)
    image.unlink()
    width, height = (int(v) for v in size.split())
    return np.frombuffer(data, dtype=np.uint8).reshape(height, width, 3).astype(int)


def horizontal_rules(pdf: Path, page: int, folder: Path, red: bool = False) -> list[tuple[float, float, float]]:
    """(y, x-min, x-max) in points of every pixel row that is mostly a rule (red ones, or dark ones)."""
    import numpy as np

    dpi = 144
    pixels = page_pixels(pdf, page, folder, dpi)
    mask = (pixels[:, :, 0] > 180) & (pixels[:, :, 1] < 100) if red else pixels.sum(axis=2) < 200
    rules = []
    for y in range(mask.shape[0]):
        xs = np.nonzero(mask[y])[0]
        if len(xs) > mask.shape[1] // 2:
            rules.append((y * 72 / dpi, xs.min() * 72 / dpi, (xs.max() + 1) * 72 / dpi))
    return rules


def word_boxes(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x-min, y-min, x-max, y-max, word) of every word pdftotext finds on a page, in points."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
    ).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', xml)
    return [(float(a), float(b), float(c), float(d), word) for a, b, c, d, word in found]


def ink_bottom(pdf: Path, page: int, box: tuple[float, float, float, float], folder: Path) -> float:
    """The lowest inked point (in points) of the characters inside a word box."""
    import numpy as np

    dpi = 288
    pixels = page_pixels(pdf, page, folder, dpi)
    x0, y0, x1, y1 = (int(v * dpi / 72) for v in box)
    dark = pixels[y0:y1, x0:x1].sum(axis=2) < 300
    return (y0 + np.nonzero(dark.any(axis=1))[0].max() + 1) * 72 / dpi
