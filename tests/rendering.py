"""Render a DOCX the way the tests look at pages: LibreOffice to PDF, with the font stand-ins."""

from __future__ import annotations

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
