"""The kinds the product names: section types and phrase kinds, each with its Chinese label.

Every other module, the CLI and the Qt panels use these names; labels for people come from here too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class _Vocabulary(StrEnum):
    """A str enum whose members carry a Chinese label and parse from either name."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def parse(cls, name: str) -> Self:
        """Accept an English name or a Chinese label; raise ValueError listing the valid ones."""
        name = name.strip()
        for member in cls:
            if name in (member.value, member.label):
                return member
        valid = ", ".join(f"{m.value}({m.label})" for m in cls)
        raise ValueError(f"没有“{name}”这一项，可选：{valid}")


class SectionType(_Vocabulary):
    """What a part of a work report does; headings and body cues decide it."""

    OPENING = "opening"
    OVERVIEW = "overview"
    MEASURES = "measures"
    HIGHLIGHTS = "highlights"
    PROBLEMS = "problems"
    NEXT_STEPS = "next_steps"
    CLOSING = "closing"


class PhraseKind(_Vocabulary):
    """What shape of phrase a mined entry is."""

    COLLOCATION = "collocation"  # fixed expression: 提高政治站位, 走深走实
    FORMULA = "formula"  # four-character formula (四字格): 精心组织 (a run of them is a series)
    SERIES = "series"  # parallel series with a shared pattern: 往深里走、往心里走、往实里走
    PATTERN = "pattern"  # sentence pattern with slots: 坚持把XX作为XX
    HEADING = "heading"  # heading formula: 强化组织领导，狠抓工作落实
    OPENING = "opening"  # opening sentence: 现将有关情况报告如下。
    CLOSING = "closing"  # closing sentence: 特此报告。
    NGRAM = "ngram"  # repeated word sequence kept for typing suggestions only


# Keyed by class name: SectionType.OPENING and PhraseKind.OPENING are equal strings.
_LABELS: dict[str, dict[str, str]] = {
    "SectionType": {
        "opening": "开头",
        "overview": "总体情况",
        "measures": "主要做法",
        "highlights": "特色亮点",
        "problems": "存在问题",
        "next_steps": "下步打算",
        "closing": "结尾",
    },
    "PhraseKind": {
        "collocation": "固定搭配",
        "formula": "四字格",
        "series": "排比",
        "pattern": "句式",
        "heading": "标题",
        "opening": "开头语",
        "closing": "结束语",
        "ngram": "常用词串",
    },
}
