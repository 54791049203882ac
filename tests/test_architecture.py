"""`phrasebank` stays pure Python: no Qt anywhere in it, so everything in it is testable headless."""

from __future__ import annotations

import ast
import importlib
import re
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


#: The engine's packages, lowest first: each imports only from itself and those before it ("" is the
#: base modules at the top: errors, paths, atomic, kinds, phrase).
LAYERS = ["", "text", "structure", "document", "suggest", "library", "mining", "check", "cli"]


def _package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else ""


def test_packages_import_only_downwards():
    upward = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.name == "__init__.py" and len(relative.parts) == 1:
            continue  # the package's public names, looked up on first use
        own = relative.parts[0] if len(relative.parts) > 1 else ""
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                upward.append(f"{relative}: relative import")
            elif (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("phrasebank")
                and LAYERS.index(_package_of(node.module or "")) > LAYERS.index(own)
            ):
                upward.append(f"{relative}:{node.lineno} {own or 'base'} → {node.module}")
    assert upward == []
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()) == sorted(
        LAYERS[1:]
    )


def test_no_module_shadows_the_standard_library():
    names = {p.stem for p in PACKAGE.rglob("*.py")} | {p.name for p in PACKAGE.rglob("*") if p.is_dir()}
    assert names.isdisjoint(sys.stdlib_module_names - {"__main__"})


def test_the_names_the_readme_documents_exist():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"(?<![\w/])phrasebank(?:\.\w+)+", readme))
    assert len(documented) >= 10
    for dotted in sorted(documented):
        parts = dotted.split(".")
        for split in range(len(parts), 0, -1):
            try:
                target = importlib.import_module(".".join(parts[:split]))
                break
            except ModuleNotFoundError:
                continue
        for attribute in parts[split:]:
            assert hasattr(target, attribute), dotted
            target = getattr(target, attribute)


def test_the_window_starts_without_the_miner_or_python_docx():
    """numpy (the miner) and python-docx load when first needed, not when the editor starts."""
    code = "import sys, app.window\nprint(sorted(m for m in ('numpy', 'docx') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
