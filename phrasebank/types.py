"""The one vocabulary of the product: section types, phrase kinds and the slot mark.

Every other module, the CLI and the Qt panels use these names; labels for people come from here too.
"""

from __future__ import annotations

import re
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
        raise ValueError(f"unknown {cls.__name__} {name!r}; valid: {valid}")


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
    FORMULA = "formula"  # four-character formula or a series of them: 精心组织、周密部署
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

#: The mark a phrase uses for a free slot the writer fills in (the usual 公文 template mark).
SLOT = "XX"

#: Anonymised numbers and names as real material writes them: x, X, xx, XX, XXX, ××, ＸＸ, 20XX …
#: Not: part of a Latin word (svip, Excel), a single × as an operator (7×24小时, 数据要素×), a lone X
#: in a code after a digit or + (415X 集群, 双尖双领+X 项目).
PLACEHOLDER_RE = re.compile(
    r"(?:(?<![A-Za-z0-9+×ｘＸ])(?:[xXｘＸ]{1,4}|×{2,4})|(?<=\d)[xXｘＸ]{2,4})(?![A-Za-z0-9×ｘＸ])"
)

#: Marks that end a sentence; a phrase never crosses one unless it is a sentence pattern.
#: The CJK Unified Ideographs block, for character classes: rf"[{CJK}]".
CJK = "\u4e00-\u9fff"
#: Chinese numerals as headings, items and dates write them (一 … 十, 百, and 零/〇/○ for zero).
NUMERALS = "一二三四五六七八九十百零〇○"

SENTENCE_END = "。！？；!?;"

#: Marks that end a clause (sentence ends included).
CLAUSE_END = SENTENCE_END + "，,：:、"
