"""Pattern rules over sentences: parallel series, sentence frames with slots, heading templates.

Token statistics find collocations; these shapes are found better by rules: a series is a run of
clauses sharing a character template (往深里走、往心里走、往实里走), a frame is a fixed skeleton
around free slots (坚持把XX作为XX), and sibling headings written to one mould yield a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from .types import SLOT, PhraseKind

_CJK = r"\u4e00-\u9fff"
_ITEM_SPLIT_RE = re.compile(r"[、，,；;：:。！？!?\s（）()]")
#: An item that opens or closes a quote contributes only the quoted part to a series.
_QUOTED_RE = re.compile(r"^.*?[“‘《]([^”’》]*)[”’》]?.*$|^([^“‘《]*)[”’》].*$")
_CJK_ONLY_RE = re.compile(rf"^[{_CJK}]+$")
_FUNCTION_START = set("的了和与及等在是对把将为以中上也都就又并而或被让由从向之其")

#: Sentence frames: the pattern finds it, the template is what the writer gets. Slots are SLOT.
_FRAMES: tuple[tuple[re.Pattern[str], str, PhraseKind], ...] = tuple(
    (re.compile(pattern), template.replace("XX", SLOT), kind)
    for pattern, template, kind in (
        (r"聚焦“[^”]{2,12}”，在[^，。]{2,12}上下功夫", "聚焦“XX”，在XX上下功夫", PhraseKind.PATTERN),
        (r"(?<!聚焦“)[^，。；“]{0,4}在[^，。；]{2,12}上下功夫", "在XX上下功夫", PhraseKind.PATTERN),
        (r"坚持把[^，。；]{2,30}作为[^，。；]{2,20}", "坚持把XX作为XX", PhraseKind.PATTERN),
        (r"(?<!坚持)把[^，。；]{2,30}作为[^，。；]{2,20}", "把XX作为XX", PhraseKind.PATTERN),
        (r"把[^，。；]{2,20}摆在首位", "把XX摆在首位", PhraseKind.PATTERN),
        (r"把[^，。；]{2,20}贯穿[^，。；]{0,6}始终", "把XX贯穿始终", PhraseKind.PATTERN),
        (r"把[^，。；]{2,20}转化为[^，。；]{2,20}", "把XX转化为XX", PhraseKind.PATTERN),
        (r"以[^，。；]{2,12}为(?:抓手|契机|载体|引领|主线|牵引|核心|统领|依托)", "以XX为抓手", PhraseKind.PATTERN),
        (r"推动[^，。；]{2,20}走深走实", "推动XX走深走实", PhraseKind.PATTERN),
        (r"推动[^，。；]{2,30}往深里走、往心里走、往实里走", "推动XX往深里走、往心里走、往实里走", PhraseKind.PATTERN),
        (r"紧扣“[^”]{2,12}”，[^，。]{2,12}持续", "紧扣“XX”，XX持续XX", PhraseKind.PATTERN),
        (r"既[^，。；]{2,16}，(?:更|又|也)[^，。；]{2,16}", "既XX，又XX", PhraseKind.PATTERN),
        (r"一手抓[^，。；]{2,12}，一手抓[^，。；]{2,12}", "一手抓XX，一手抓XX", PhraseKind.PATTERN),
        (
            r"确保[^，。；]{2,16}有[^、，。]{1,4}、有[^、，。]{1,4}、有[^、，。]{1,4}",
            "确保XX有XX、有XX、有XX",
            PhraseKind.PATTERN,
        ),
        (r"做到[^、，。]{2,8}到位、[^、，。]{2,8}到位", "做到XX到位、XX到位", PhraseKind.PATTERN),
        (r"[^，。；]{2,16}有待(?:进一步)?(?:提升|加强|提高|改进|深化)", "XX有待进一步提升", PhraseKind.PATTERN),
        (r"[^，。；]{2,12}有差距", "XX有差距", PhraseKind.PATTERN),
        (r"[^，。；]{2,16}还不够(?:深入|全面|到位|紧密|明显)", "XX还不够深入", PhraseKind.PATTERN),
        (
            r"与[^，。；]{2,30}相比，(?:还|仍)?存在[^，。；]{0,10}(?:差距|不足)",
            "与XX相比，还存在一些差距和不足",
            PhraseKind.PATTERN,
        ),
        (r"对照[^，。；]{2,30}，还(?:存在|有)[^，。；]{0,10}(?:差距|不足)", "对照XX，还有一定差距", PhraseKind.PATTERN),
        (
            r"进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”",
            "进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”",
            PhraseKind.COLLOCATION,
        ),
        (r"^根据[^，。；]{2,40}(?:部署|安排|要求)", "根据XX部署", PhraseKind.OPENING),
        (r"现将[^，。；]{0,20}(?:报告|汇报)如下", "现将有关情况报告如下：", PhraseKind.OPENING),
        (r"^[^，。；]{2,20}(?:开展|启动)以来", "XX开展以来，", PhraseKind.OPENING),
        (r"具体情况如下", "具体情况如下：", PhraseKind.OPENING),
        (
            r"现在，我代表[^，。]{2,20}向大会报告工作，请予审议",
            "现在，我代表XX向大会报告工作，请予审议",
            PhraseKind.OPENING,
        ),
        (r"^下一步，", "下一步，", PhraseKind.PATTERN),
        (r"^总之，", "总之，", PhraseKind.CLOSING),
        (r"特此报告。", "特此报告。", PhraseKind.CLOSING),
        (r"特此汇报。", "特此汇报。", PhraseKind.CLOSING),
        (
            r"让我们更加紧密地团结在以习近平同志为核心的党中央周围",
            "让我们更加紧密地团结在以习近平同志为核心的党中央周围",
            PhraseKind.CLOSING,
        ),
    )
)


def find_frames(sentence: str) -> Iterator[tuple[str, PhraseKind]]:
    """Templates of every frame that matches the sentence."""
    for pattern, template, kind in _FRAMES:
        if pattern.search(sentence):
            yield template, kind


def find_series(sentence: str) -> Iterator[tuple[str, PhraseKind]]:
    """Parallel series (items sharing a character template) and runs of four-character formulas."""
    items, cut = [], []
    for item in _ITEM_SPLIT_RE.split(sentence):
        inner = _QUOTED_RE.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), item)
        items.append(inner)  # “学史明理”的要求 -> the quoted part
        cut.append(inner != item)
    for alternatives in _runs_of_equal_length(items, cut):
        for run, trimmed in alternatives:
            if _shares_template(run):
                yield "、".join(run), PhraseKind.SERIES
                break
            if not trimmed and _is_four_char_run(run):
                yield "、".join(run), PhraseKind.FORMULA
                break


def _runs_of_equal_length(items: Sequence[str], cut: Sequence[bool]) -> Iterator[list[tuple[list[str], bool]]]:
    """Maximal runs of 2+ consecutive items of one length, each as alternatives to try in order.

    The item before a run may end in the run's length (实现理论学习有新收获、新体会、新成效): the run is
    offered with that tail first and without it second. Only a run's first and last item may have lost
    words to a quote; whether any item was cut to fit comes with each alternative.
    """
    i = 0
    while i < len(items) - 1:
        width = len(items[i + 1])
        if not 2 <= width <= 8:
            i += 1
            continue
        j = i + 1
        while j + 1 < len(items) and len(items[j + 1]) == width:
            j += 1
        alternatives = []
        if len(items[i]) >= width:
            run = [items[i][-width:], *items[i + 1 : j + 1]]
            if not any(cut[i + 1 : j]) and all(_CJK_ONLY_RE.match(item) for item in run):
                alternatives.append((run, len(items[i]) != width or any(cut[i : j + 1])))
        rest = list(items[i + 1 : j + 1])
        if len(rest) >= 2 and not any(cut[i + 2 : j]) and all(_CJK_ONLY_RE.match(item) for item in rest):
            alternatives.append((rest, any(cut[i + 1 : j + 1])))
        if alternatives:
            yield alternatives
        i = j + 1


def _is_four_char_run(run: list[str]) -> bool:
    return len(run[0]) == 4 and 2 <= len(run) <= 4 and all(item[0] not in _FUNCTION_START for item in run)


def _shares_template(run: list[str]) -> bool:
    """True when items agree at some positions and differ at others (学史明理、学史增信 …)."""
    width = len(run[0])
    same = [all(item[k] == run[0][k] for item in run) for k in range(width)]
    shared = sum(same)
    if shared == 0 or shared == width:
        return False
    if len(run) == 2:
        return shared >= 2 and shared * 2 > width
    return shared * 4 >= width


def sibling_template(heads: Sequence[str]) -> str | None:
    """A template for sibling headings written to one mould: 聚焦“XX”，在XX上下功夫.

    The common blocks of the first two heads, with slots between them, must match every head and
    keep at least three fixed characters.
    """
    heads = [h for h in heads if h]
    if len(heads) < 2:
        return None
    a, b = heads[0], heads[1]
    blocks = [m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return None
    pieces: list[str] = []
    pos_a = pos_b = 0
    for block in blocks:
        if block.a > pos_a or block.b > pos_b:
            pieces.append(SLOT)
        pieces.append(a[block.a : block.a + block.size])
        pos_a, pos_b = block.a + block.size, block.b + block.size
    if pos_a < len(a) or pos_b < len(b):
        pieces.append(SLOT)
    template = "".join(pieces)
    fixed = len(re.findall(r"[\u4e00-\u9fff]", template.replace(SLOT, "")))
    if SLOT not in template or fixed < 4 or template.count(SLOT) > 3:
        return None
    if template.startswith(SLOT) and template.endswith(SLOT):
        return None  # only a shared middle: no mould a writer would reuse
    regex = re.compile("^" + ".+".join(re.escape(part) for part in template.split(SLOT)) + "$")
    if not all(regex.match(head) for head in heads):
        return None
    return template
