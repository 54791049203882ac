"""发文字号 (GB/T 9704-2012 7.2.4): one finding per number, naming each slip, with the whole number as fix."""

from __future__ import annotations

import pytest
from checking import fixed, found


@pytest.mark.parametrize(
    ("rule", "wrong", "right"),
    [
        ("doc-number-brackets", "市政府办公室文件市政办发[2026]5号。", "市政府办公室文件市政办发〔2026〕5号。"),
        ("doc-number-brackets", "印发《通知》（市政办发［2026］5号）。", "印发《通知》（市政办发〔2026〕5号）。"),
        ("doc-number-brackets", "市政办发(2026)5号", "市政办发〔2026〕5号"),
        ("doc-number-di", "市政办发〔2026〕第5号", "市政办发〔2026〕5号"),
        ("doc-number-padded", "市政办发〔2026〕05号", "市政办发〔2026〕5号"),
    ],
)
def test_each_slip_is_named_and_fixed(rule, wrong, right):
    assert [r for r, _, _ in found(wrong)] == [rule]
    assert fixed(wrong) == right


def test_several_slips_in_one_number_make_one_finding_with_one_fix():
    (finding,) = found("市政办发〔2026〕第05号")
    assert finding == ("doc-number-di", "〔2026〕第05号", "〔2026〕5号")
    assert fixed("依据市政办发［2026］第05号文件") == "依据市政办发〔2026〕5号文件"


@pytest.mark.parametrize("clean", ["市政办发〔2026〕5号", "国办发〔2025〕12号", "第5号台风", "（2026年）5号楼"])
def test_correct_numbers_have_no_finding(clean):
    assert found(clean) == []
