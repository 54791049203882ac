"""The distribution: every package and data folder listed, shipped data found, a broken installation told."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from phrasebank import paths
from phrasebank.check import Checker, checker
from phrasebank.errors import PhrasebankError
from phrasebank.mining.banks import builtin_bank
from phrasebank.mining.corpora import Collection
from phrasebank.structure.templates import template_names

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PROJECT["tool"]["setuptools"]


def _installed_name(folder: Path) -> str:
    """The package a source folder becomes in the wheel (through package-dir)."""
    for package, source in sorted(SETUPTOOLS["package-dir"].items(), key=lambda item: -len(item[1])):
        if folder == ROOT / source or (ROOT / source) in folder.parents:
            rest = folder.relative_to(ROOT / source).parts
            return ".".join((package, *rest))
    raise AssertionError(f"{folder} is in no mapped folder")


def test_every_code_and_data_folder_is_in_the_wheel():
    code = {p.parent for root in ("app", "phrasebank") for p in (ROOT / root).rglob("__init__.py")}
    data = {p.parent for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix in (".txt", ".tsv", ".conf")}
    assert {_installed_name(folder) for folder in code | data} == set(SETUPTOOLS["packages"])


def test_nothing_generic_is_installed_and_the_commands_name_the_packages():
    assert "app" not in SETUPTOOLS["packages"] and SETUPTOOLS["package-dir"]["gongwen_desk"] == "app"
    assert PROJECT["project"]["scripts"] == {
        "gongwen-desk": "gongwen_desk.main:main",
        "phrasebank": "phrasebank.cli.main:main",
    }
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert PROJECT["project"]["license"] == "MIT"


def test_shipped_data_is_found():
    assert (paths.resource("formulations.tsv")).is_file()
    assert len(template_names()) == len(list((ROOT / "resources" / "templates").glob("*.txt"))) == 12
    assert len(list(Collection.GOVERNMENT.folder.glob("*.txt"))) == 40


@pytest.fixture
def empty_installation(tmp_path, monkeypatch) -> Path:
    """An installation whose data folder is there but empty."""
    monkeypatch.setattr(paths, "RESOURCES", tmp_path)
    monkeypatch.setattr(checker, "FORMULATIONS_FILE", tmp_path / "formulations.tsv")
    return tmp_path


def test_missing_data_is_an_error_that_says_so(empty_installation):
    for attempt in (template_names, builtin_bank, Checker.default):
        with pytest.raises(PhrasebankError, match="请重新安装"):
            attempt()


def test_an_empty_word_list_is_an_error_too(empty_installation):
    (empty_installation / "formulations.tsv").write_text("# 只有注释\n", encoding="utf-8")
    with pytest.raises(PhrasebankError, match="是空的"):
        Checker.default()
