"""Render a DOCX the way the tests look at pages: LibreOffice to PDF, with the font stand-ins."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render(path: Path, folder: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice, the official fonts mapped to installed stand-ins."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by the test command (libreoffice-writer-nogui)"
    env = {
        "FONTCONFIG_FILE": str(ROOT / "resources" / "fonts" / "fonts.conf"),
        "HOME": str(folder),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=180,
    )
    return folder / f"{path.stem}.pdf"


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
