"""Atomic writes keep what the system knows of the file: links, owner, extended attributes."""

import os

from phrasebank.atomic import write_bytes_atomic


def test_a_hard_linked_file_stays_linked_and_whole(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text("旧文字\n", encoding="utf-8")
    shared = tmp_path / "共享" / "报告.txt"
    shared.parent.mkdir()
    os.link(report, shared)
    write_bytes_atomic(report, "新文字\n".encode())
    assert shared.read_text(encoding="utf-8") == "新文字\n"  # the other name sees the saved text
    assert os.stat(report).st_ino == os.stat(shared).st_ino and os.stat(report).st_nlink == 2
    assert not list(tmp_path.glob(".报告.txt.*.tmp"))  # the finished copy is gone once written in place


def test_owner_group_and_extended_attributes_are_kept(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text("旧文字\n", encoding="utf-8")
    os.setxattr(report, "user.公文密级", "内部".encode())
    if os.geteuid() == 0:  # root can give the file to someone else first, as an office share does
        os.chown(report, 1234, 5678)
    before = os.stat(report)
    write_bytes_atomic(report, "新文字\n".encode())
    after = os.stat(report)
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert os.getxattr(report, "user.公文密级").decode() == "内部"
    assert report.read_text(encoding="utf-8") == "新文字\n"
