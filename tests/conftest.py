"""Shared fixtures: real corpora, a private data folder for every test, a bank mined once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus" / "supervision"
#: The reports the product ships (the 16 provincial and 24 national government work reports of ../shared,
#: byte for byte): tests read them here, so they run without ../shared.
GOVERNMENT = ROOT / "resources" / "corpus" / "government"
GOVREPORTS_GLOB, NATREPORTS_GLOB = "2026_*.txt", "20[0-2][0-9]_国务院_*.txt"
#: The shared folder beside the checkout (as CI has it), only for what is not shipped (docx-samples);
#: GONGWEN_SHARED_DIR points elsewhere.
SHARED = Path(os.environ.get("GONGWEN_SHARED_DIR", ROOT.parent / "shared"))
DOCX_SAMPLES = SHARED / "docx-samples"


def gov_report_files() -> list[Path]:
    return sorted(GOVERNMENT.glob(GOVREPORTS_GLOB))


def nat_report_files() -> list[Path]:
    return sorted(GOVERNMENT.glob(NATREPORTS_GLOB))


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
    files = gov_report_files()
    assert len(files) == 16, f"expected the 16 provincial government reports under {GOVERNMENT}"
    return files


@pytest.fixture(scope="session")
def corpus_bank():
    """The bank mined from the bundled corpus (read-only for tests)."""
    import phrasebank

    return phrasebank.mine([CORPUS])


class Answers:
    """Stands in for the writer at message boxes: records each question, gives the planned answer."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.plan: list[str] = []

    def __call__(self, title: str, text: str, buttons: list[str]) -> str:
        self.asked.append((title, text))
        return self.plan.pop(0) if self.plan else buttons[-1]


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window(qtbot, corpus_bank, answers):
    """The real main window with the corpus bank, shown (offscreen), its questions answered by `answers`."""
    from app.fonts import install_substitutions
    from app.window import MainWindow

    install_substitutions()
    win = MainWindow(bank=corpus_bank, ask=answers)
    # pytest-qt closes the window before this fixture's own teardown: unmodified first, so that no
    # "保存修改" question keeps it open (a window left open would answer a later test's questions)
    qtbot.addWidget(win, before_close_func=lambda w: w.editor.document().setModified(False))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.editor.document().setModified(False)


@pytest.fixture(scope="session")
def nat_texts() -> dict[str, str]:
    """The 24 national government work reports, cleaned, by year."""
    from phrasebank.document.files import read_paragraphs
    from phrasebank.structure.cleaning import clean_lines

    return {
        path.name[:4]: clean_lines(read_paragraphs(path)).text for path in nat_report_files()
    }
