"""`phrasebank` stays pure Python: no Qt anywhere in it, so everything in it is testable headless."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "phrasebank"


def test_phrasebank_sources_never_mention_qt():
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "PySide6" not in source and "PyQt" not in source and "from app" not in source, path.name


def test_importing_every_phrasebank_module_loads_no_qt():
    modules = [
        ".".join(("phrasebank", *p.relative_to(PACKAGE).with_suffix("").parts))
        for p in PACKAGE.rglob("*.py")
        if p.stem not in ("__init__", "__main__")
    ]
    code = (
        f"import sys, importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
        "print(any('PySide6' in m for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
