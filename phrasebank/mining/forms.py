"""What a candidate phrase's form says about it: a fragment, a local name, a four-character formula.

Frequency alone keeps fragments (教育的安排部署, 县委主要) and loses well-formed phrases a small
corpus uses once; these checks judge the words themselves, with jieba's part-of-speech tags.
"""

from __future__ import annotations

from phrasebank.text import segment

#: Tags a phrase cannot end on: adverbs, conjunctions, prepositions, particles, pronouns, position
#: and time words, distinguishing words, numerals and measure words (县委主要, 党的百年, 单位上下).
_LOOSE_END = frozenset("d c p u uj ul uz ug uv ud r f t b m q mq y e o x zg".split())
#: Tags a phrase cannot start on (以上领导干部, 和群众).
_LOOSE_START = frozenset("c p u uj ul uz ug uv ud f y e o x".split())
#: Words that modify what follows them: a phrase ending on one is cut short (增速明显, 领域重大).
_DANGLING = frozenset("明显 显著 重大 有效 稳步 持续 不断 全面 深入 积极 大力 切实 进一步".split())
#: One-character words a phrase may end on: noun suffixes (获得感, 现代化, 主题教育办).
_SUFFIXES = frozenset("感性化式型制区局部会员家者率力量业权法链群圈带港站所院校厅委办网品库线点面风观心")
#: Adverbial first halves of official four-character formulas (精心组织, 周密部署, 深入实施).
_ADVERBIALS = frozenset(
    "精心 周密 扎实 认真 全面 深入 大力 切实 着力 积极 持续 不断 加快 稳步 有序 统筹 坚决 严格 广泛 高效 "
    "务实 真正 充分 全力 合力 协同 同步 主动 及时 有效 依法 科学 精准 集中 系统 重点 优先 率先 统一".split()
)
#: Adverbial halves that are nouns as well (重点工程, 重点任务).
_ALSO_NOUNS = frozenset({"重点"})
#: Halves jieba's dictionary barely knows are bound morphemes (凝心聚力, 真督实导), not abbreviations (世贸组织).
_RARE = 100


def is_fragment(text: str) -> bool:
    """True when the phrase starts or ends mid-thought: a dangling particle, adverb, or bare verb."""
    words = segment.tagged(text)
    if len(words) < 2:
        return False
    first_tag, (last, last_tag) = words[0][1], words[-1]
    if first_tag in _LOOSE_START or last_tag in _LOOSE_END or last in _DANGLING:
        return True
    if len(last) == 1 and last not in _SUFFIXES:
        return len(words[-2][0]) != 1  # 走深走实 ends on one character by design; 结合起来学 does not
    return False


#: First-word tags of a predicate: verbs, adverbs, adjectives used as adverbs, descriptive words
#: (强化, 正在, 认真落实, 深化). A phrase opening otherwise is a noun phrase (地方政府, 各级党组织):
#: complete even when more usually follows.
_PREDICATE_START = frozenset("v vd vi vn vg d ad a z j".split())


def wants_more(text: str, ending: bool = True) -> bool:
    """True when the phrase's form asks for what follows it: it opens on a verb or an adverb (强化企业,
    实施制造业, 正在加快 — the object is cut off) or ends on a bare verb (经济总量突破, 森林覆盖率提高).
    Only meaningful beside the corpus's evidence that the phrase is rarely followed by a mark. Without
    `ending`, only the opening counts (after a quoted term jieba tags 支出 and 投入 as verbs)."""
    words = segment.tagged(text)
    return words[0][1] in _PREDICATE_START or (ending and len(words) > 1 and words[-1][1] == "v")


def has_place_name(text: str) -> bool:
    """True when a word of the phrase is a place name (辽宁, 阿美): local to one report's region."""
    return any(tag == "ns" and len(word) > 1 for word, tag in segment.tagged(text))  # not 上 in 在XX上下功夫


#: A four-character 习用语 that is a noun (第二 half) with a nominal modifier (first half) is a term: 长江上游,
#: 二期工程, 体制改革, 各项事业 — jieba's "l" tag does not make it a 四字格.
_MODIFIER_TAGS = frozenset("n vn b r m d f t ns nz".split())
_HEAD_TAGS = frozenset("n vn ns nz ng f an".split())


def _noun_with_modifier(text: str) -> bool:
    first, second = segment.tagged(text[:2]), segment.tagged(text[2:])
    return len(first) == len(second) == 1 and first[0][1] in _MODIFIER_TAGS and second[0][1] in _HEAD_TAGS


def is_formula(text: str) -> bool:
    """A four-character formula with inner structure (精心组织, 走深走实, 凝心聚力), not a plain term (政务服务).

    Repeated-character moulds, idioms, halves that are bound morphemes rather than words, an
    adverbial + verb, and subject + predicate (态势良好) count; two ordinary words side by side do not.
    """
    if len(text) != 4:
        return False
    if text[0] == text[2] or (text[0] == text[1] and text[2] == text[3]):  # 走深走实, 轰轰烈烈
        return True
    whole = segment.tagged(text)
    if len(whole) == 1 and whole[0][1] in ("i", "l"):
        return whole[0][1] == "i" or not _noun_with_modifier(text)
    first, second = text[:2], text[2:]
    if max(segment.frequency(first), segment.frequency(second)) < _RARE:
        return True
    if first in _ADVERBIALS:  # 重点 is a noun too: 重点支持 is a formula, 重点工程 a term
        return first not in _ALSO_NOUNS or segment.tagged(second)[0][1] in ("v", "vn", "vd")
    return [tag for _, tag in segment.tagged(second)] in (["a"], ["ad"])  # 态势良好
