"""Regular expressions compiled at their first use."""

from __future__ import annotations

import re

from phrasebank.text.lazy import lazy


def test_a_lazy_pattern_compiles_at_its_first_use_and_then_works_as_the_compiled_one(monkeypatch):
    compiled: list[str] = []
    compile_now = re.compile
    monkeypatch.setattr(re, "compile", lambda pattern, flags=0: compiled.append(pattern) or compile_now(pattern, flags))
    heading = lazy(r"^([一二三四五六七八九十]+、)", re.MULTILINE)
    assert heading.pattern == r"^([一二三四五六七八九十]+、)" and compiled == []  # imported, never used: no cost
    text = "一、总体情况\n二、主要做法"
    assert [m.group(1) for m in heading.finditer(text)] == ["一、", "二、"]  # the flags hold
    assert heading.sub("", text) == "总体情况\n主要做法"
    assert heading.match("三是") is None
    assert compiled.count(heading.pattern) == 1  # once, however many methods are used


def test_a_lazy_pattern_used_already_is_pickled_and_copied_as_a_pattern():
    import copy
    import pickle

    heading = lazy(r"^([一二三四五六七八九十]+、)")
    assert heading.match("一、总体情况")
    for again in (pickle.loads(pickle.dumps(heading)), copy.deepcopy(heading)):
        assert again.pattern == heading.pattern and again.match("二、主要做法").group(1) == "二、"
