"""Shared fixtures: real corpora, a private data folder for every test, a bank mined once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus"
#: The shared folder beside the checkout (as CI has it); GONGWEN_SHARED_DIR points elsewhere.
SHARED = Path(os.environ.get("GONGWEN_SHARED_DIR", ROOT.parent / "shared"))
GOVREPORTS = SHARED / "govreports"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own empty user data folder (GONGWEN_DATA_DIR)."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 4, "the bundled corpus must hold the four reports"
    return files


@pytest.fixture(scope="session")
def gov_files() -> list[Path]:
    files = sorted(GOVREPORTS.glob("*.txt"))
    assert len(files) == 16, f"expected the 16 government reports under {GOVREPORTS}"
    return files


@pytest.fixture(scope="session")
def corpus_bank():
    """The bank mined from the bundled corpus (read-only for tests)."""
    import phrasebank

    return phrasebank.mine([CORPUS])
