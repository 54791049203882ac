"""What a phrase's form says: four-character formulas (四字格) against plain four-character terms."""

from __future__ import annotations

import pytest

from phrasebank.mining.forms import is_formula

# Each is a noun with its modifier (jieba keeps most as one 习用语, "l"; 重点 is an adverb too): a term, no 四字格.
TERMS = [
    "重点工程",
    "重点任务",
    "重点领域",
    "长江上游",
    "二期工程",
    "各项事业",
    "体制改革",
    "发展趋势",
    "生态环境",
    "自然灾害",
    "综合国力",
    "高等学校",
]
# Set phrases of the reports: parallel verbs, verb and object, adverb and verb, idioms.
FORMULAS = [
    "深入基层",
    "反腐倡廉",
    "充满活力",
    "紧紧围绕",
    "统筹兼顾",
    "稳中有进",
    "标本兼治",
    "真抓实干",
    "各具特色",
    "走深走实",
    "凝心聚力",
    "精心组织",
    "重点支持",
    "重点突破",
]


@pytest.mark.parametrize("text", TERMS)
def test_a_noun_with_its_modifier_is_no_formula(text):
    assert not is_formula(text)


@pytest.mark.parametrize("text", FORMULAS)
def test_set_four_character_phrases_are_formulas(text):
    assert is_formula(text)
