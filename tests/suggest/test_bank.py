"""PhraseBank files: lossless round trip, atomic writes, clear errors on foreign or damaged files."""

from __future__ import annotations

import pytest

from phrasebank import BankError, Phrase, PhraseBank, PhraseKind


def test_save_and_load_give_back_the_same_bank(corpus_bank, tmp_path):
    path = tmp_path / "bank.db"
    corpus_bank.save(path)
    loaded = PhraseBank.load(path)
    assert [(p.text, p.kind, p.count, p.sections, p.source, p.examples, p.reports) for p in loaded.phrases] == [
        (p.text, p.kind, p.count, p.sections, p.source, p.examples, p.reports) for p in corpus_bank.phrases
    ]
    index, mined = loaded.index, corpus_bank.index  # loaded as stored, the phrases' kinds put back
    for name in ("texts", "counts", "kinds", "masks", "documents", "bounds", "wide", "prefix_counts"):
        assert getattr(index, name) == getattr(mined, name), name
    assert mined.wide  # the wide prefixes are stored, not found again
    for before, section in [("存在", "problems"), ("推动理论学习往", None), ("进一步增强", "overview")]:
        assert loaded.suggest(before, section) == corpus_bank.suggest(before, section)


@pytest.mark.parametrize("column", ["entry_counts", "wide_best"])
def test_a_bank_file_whose_columns_disagree_is_refused(corpus_bank, tmp_path, column):
    import sqlite3

    path = tmp_path / "bank.db"
    corpus_bank.save(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE columns SET data = substr(data, 1, 40) WHERE name = ?", (column,))
    db.close()
    with pytest.raises(BankError, match="长短不一"):
        PhraseBank.load(path)


def test_stored_entries_without_one_of_the_phrases_are_merged_with_it(corpus_bank):
    from phrasebank.suggest.index import SuggestIndex

    new = Phrase("甲乙丙丁", PhraseKind.FORMULA, 3, {}, "")
    entries = corpus_bank.index.entries()
    index = SuggestIndex([*corpus_bank.phrases, new], entries, merged=True)
    assert index.texts == SuggestIndex([*corpus_bank.phrases, new], entries).texts
    assert index.kind(index.texts.index("甲乙丙丁")) is PhraseKind.FORMULA


def test_a_failed_save_leaves_the_old_bank_intact(corpus_bank, tmp_path):
    path = tmp_path / "bank.db"
    corpus_bank.save(path)
    before = path.read_bytes()
    broken = PhraseBank([*corpus_bank.phrases, Phrase("\ud800坏字符", PhraseKind.COLLOCATION, 2)])
    with pytest.raises(BankError):
        broken.save(path)  # fails in the middle of writing the phrases
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["bank.db"]


def test_save_into_a_missing_folder_is_a_clear_error(corpus_bank, tmp_path):
    with pytest.raises(BankError, match="无法"):
        corpus_bank.save(tmp_path / "no" / "such" / "bank.db")


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_foreign_or_damaged_files_are_refused(tmp_path, content):
    path = tmp_path / "bank.db"
    path.write_bytes(content)
    with pytest.raises(BankError) as error:
        PhraseBank.load(path)
    assert "bank.db" in str(error.value)


def test_truncated_bank_is_refused(corpus_bank, tmp_path):
    path = tmp_path / "bank.db"
    corpus_bank.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(BankError):
        PhraseBank.load(path)
