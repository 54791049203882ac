"""Ignoring findings once or always, taking it back, and the writer's own lists written whole."""

from __future__ import annotations

import pytest

from phrasebank.check import Checker
from phrasebank.check.ignoring import IgnoreList, read_user_list, save_user_list
from phrasebank.errors import PhrasebankError


def comma_finding():
    return next(f for f in Checker.default().check(["增强政治意识,强化责任。"]) if f.found == ",")


def test_ignore_once_and_always_are_undone_newest_first(data_dir):
    finding = comma_finding()
    ignored = IgnoreList(data_dir)
    ignored.ignore_once(finding)
    ignored.ignore_always(finding)
    assert finding in ignored and ignored.can_undo
    assert "\t," in (data_dir / "ignored.tsv").read_text(encoding="utf-8")
    assert IgnoreList(data_dir).always == ignored.always  # the next session remembers it
    assert ignored.undo()  # the "always" goes first, from the file too
    assert (data_dir / "ignored.tsv").read_text(encoding="utf-8") == ""
    assert finding in ignored  # still ignored once
    assert ignored.undo() and finding not in ignored
    assert not ignored.undo() and not ignored.can_undo


def test_kept_leaves_out_what_is_ignored_once_or_always_and_keeps_the_rest_in_order(data_dir):
    findings = Checker.default().check(["增强政治意识,强化责任,狠抓落实。", "推进改革,扩大开放。"])
    commas = [f for f in findings if f.found == ","]
    assert len(commas) == 3
    ignored = IgnoreList(data_dir)
    assert ignored.kept(findings) == findings and ignored.kept(findings) is not findings
    ignored.ignore_once(commas[1])
    assert ignored.kept(findings) == [f for f in findings if f is not commas[1]]
    ignored.ignore_always(commas[0])  # every "," of every document
    assert ignored.kept(findings) == [f for f in findings if f.found != ","]


def test_an_always_entry_restored_by_hand_is_skipped_by_undo(data_dir):
    finding = comma_finding()
    ignored = IgnoreList(data_dir)
    ignored.ignore_once(finding)
    ignored.ignore_always(finding)
    ignored.restore(next(iter(ignored.always)))
    assert ignored.undo()  # takes back the "once", the newest still in force
    assert finding not in ignored


def test_an_ignore_list_that_cannot_be_written_is_not_reported_as_ignored(data_dir):
    finding = comma_finding()
    ignored = IgnoreList(data_dir)
    (data_dir / "ignored.tsv").mkdir()  # a folder where the file should be: every write fails (root too)
    with pytest.raises(PhrasebankError, match="无法保存“总是忽略”"):
        ignored.ignore_always(finding)
    assert finding not in ignored and not ignored.can_undo


def test_the_writers_lists_are_saved_whole_and_read_by_the_checker(data_dir):
    assert read_user_list(data_dir, "avoid") == ""
    save_user_list(data_dir, "avoid", "  抓手\t慎用\t改用具体措施  \n\n")
    assert read_user_list(data_dir, "avoid") == "抓手\t慎用\t改用具体措施\n"
    found = Checker.default(data_dir).check(["以党建为抓手推动工作。"])
    assert any(f.found == "抓手" and "改用具体措施" in f.message for f in found)
