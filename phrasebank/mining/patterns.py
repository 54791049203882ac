"""Pattern rules over sentences: parallel series, sentence frames with slots, heading templates.

Token statistics find collocations; these shapes are found better by rules: a series is a run of
clauses written to one mould (往深里走、往心里走、往实里走; 学党史、悟思想、办实事、开新局), a frame
is a fixed skeleton around free slots (坚持把XX作为XX), and sibling headings written to one mould
yield a template. Frames are named by what they matched (以XX为契机 is not 以XX为抓手), and a slot
or a trimmed series item always starts and ends at a word boundary of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from phrasebank.kinds import PhraseKind
from phrasebank.mining.forms import is_formula
from phrasebank.text import segment
from phrasebank.text.chars import CJK, SLOT

_CJK = CJK
_ITEM_RE = re.compile(r"[^、，,；;：:。！？!?\s（）()]+")
_CJK_ONLY_RE = re.compile(rf"^[{_CJK}]+$")
_FUNCTION_START = set("的了和与及等在是对把将为以中上也都就又并而或被让由从向之其")
_NUMERALS = "一二三四五六七八九十"
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘《", "”’》"


@dataclass(frozen=True)
class Find:
    """One thing a rule found in a sentence.

    `example` is the sentence text a pattern matched and `fillers` what its slots held; `firm` says
    the form alone makes it a phrase (a shared template, a quoted slogan, a fixed sentence); a find
    that is not firm counts only when the corpus repeats it.
    """

    text: str
    kind: PhraseKind
    example: str = ""
    fillers: tuple[str, ...] = ()
    firm: bool = True


_SLOT = r"[^，。；：“”、]"
_LEAD_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后|同时|比如|例如)[，,、：:]?")
#: Sentence frames: slots are the named groups; everything else in a match is kept as written.
_FRAMES: tuple[tuple[re.Pattern[str], PhraseKind], ...] = tuple(
    (re.compile(pattern.replace("S", _SLOT)), kind)
    for pattern, kind in (
        (r"聚焦“(?P<a>[^”]{2,12})”，在(?P<b>S{2,12})上下功夫", PhraseKind.PATTERN),
        (r"(?<![”“])在(?P<a>S{2,12})上下功夫", PhraseKind.PATTERN),
        (r"坚持把(?P<a>S{2,30})作为(?P<b>S{2,20})", PhraseKind.PATTERN),
        (r"(?<!坚持)把(?P<a>S{2,30})作为(?P<b>S{2,20})", PhraseKind.PATTERN),
        (r"把(?P<a>S{2,20})摆在首位", PhraseKind.PATTERN),
        (r"把(?P<a>S{2,20})贯穿始终", PhraseKind.PATTERN),
        (r"把(?P<a>S{2,20})转化为(?P<b>S{2,20})", PhraseKind.PATTERN),
        (r"以(?P<a>S{2,12})为(?:抓手|契机|载体|引领|主线|牵引|统领|依托)", PhraseKind.PATTERN),
        (r"推动(?P<a>S{2,20})走深走实", PhraseKind.PATTERN),
        (r"推动(?P<a>S{2,30})往深里走、往心里走、往实里走", PhraseKind.PATTERN),
        (r"既(?P<a>S{2,16})，(?:更|又|也)(?P<b>S{2,16})", PhraseKind.PATTERN),
        (r"一手抓(?P<a>S{2,12})，一手抓(?P<b>S{2,12})", PhraseKind.PATTERN),
        (r"确保(?P<a>S{2,16})有(?P<b>S{1,4})、有(?P<c>S{1,4})、有(?P<d>S{1,4})", PhraseKind.PATTERN),
        (r"做到(?P<a>S{2,8})到位、(?P<b>S{2,8})到位", PhraseKind.PATTERN),
        (r"(?P<a>S{2,16}?)(?:还|仍)?有待(?:进一步)?(?:提升|加强|提高|改进|深化)", PhraseKind.PATTERN),
        (r"(?P<a>S{2,12}?)(?:还|仍)?有差距", PhraseKind.PATTERN),
        (r"(?P<a>S{2,16}?)(?:还|仍)?不够(?:深入|全面|到位|紧密|明显|扎实|有力)", PhraseKind.PATTERN),
        (r"与(?P<a>S{2,30})相比，(?:还|仍)(?:存在|有)(?:一定|一些|不少)?(?:的)?(?:差距|不足)", PhraseKind.PATTERN),
        (r"对照(?P<a>S{2,30})，(?:还|仍)(?:存在|有)(?:一定|一些|不少)?(?:的)?(?:差距|不足)", PhraseKind.PATTERN),
        (r"^根据(?P<a>S{2,40})(?:部署|安排|要求)，", PhraseKind.OPENING),
        (r"^(?P<a>S{2,20})(?:开展|启动)以来，", PhraseKind.OPENING),
        (r"^现在，我代表(?P<a>S{2,20})向大会报告工作，请予审议", PhraseKind.OPENING),
    )
)

#: Fixed sentences: found by the pattern, offered as the template.
_FIXED: tuple[tuple[re.Pattern[str], str, PhraseKind], ...] = tuple(
    (re.compile(pattern), template, kind)
    for pattern, template, kind in (
        (r"进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”", "", PhraseKind.COLLOCATION),
        (r"现将[^，。；]{0,20}(?:报告|汇报)如下", "现将有关情况报告如下：", PhraseKind.OPENING),
        (r"具体情况如下", "具体情况如下：", PhraseKind.OPENING),
        (r"特此报告。", "", PhraseKind.CLOSING),
        (r"特此汇报。", "", PhraseKind.CLOSING),
        (r"让我们更加紧密地团结在以习近平同志为核心的党中央周围", "", PhraseKind.CLOSING),
    )
)


def find_frames(sentence: str, starts: Collection[int] = ()) -> Iterator[Find]:
    """Every frame the sentence matches, named by what it matched, with its slots' fillers.

    With `starts` (the sentence's word starts), a match whose slot cuts a word is left out.
    """
    lead = _LEAD_RE.match(sentence)
    begin = lead.end() if lead else 0  # 一是理论学习有差距: the slot holds 理论学习
    for pattern, kind in _FRAMES:
        for match in pattern.finditer(sentence, begin):
            spans = [match.span(name) for name in match.groupdict() if match.group(name) is not None]
            if starts and not all(_aligned(a, b, starts, len(sentence)) for a, b in spans):
                continue
            text, at = "", match.start()
            for a, b in spans:
                text += sentence[at:a] + SLOT
                at = b
            text += sentence[at : match.end()]
            fillers = tuple(sentence[a:b] for a, b in spans)
            yield Find(text, kind, match.group(0), fillers, firm=kind is not PhraseKind.PATTERN)
    for pattern, template, kind in _FIXED:
        match = pattern.search(sentence)
        if match:
            yield Find(template or match.group(0), kind, match.group(0))


def _aligned(a: int, b: int, starts: Collection[int], end: int) -> bool:
    return a in starts and (b == end or b in starts)


@dataclass(frozen=True)
class _Item:
    """A clause between marks: its text (the quoted part when it holds a quote) and where it stands."""

    text: str
    start: int  # offset of `text` in the sentence
    opens: bool  # a quote opens before the text (“学思想)
    closes: bool  # a quote closes after it (开新局”)
    cut: bool  # words outside a quote were dropped


def _items(sentence: str) -> list[_Item]:
    items = []
    for match in _ITEM_RE.finditer(sentence):
        raw, start = match.group(), match.start()
        text, offset = raw, 0
        opened = next((k for k, ch in enumerate(raw) if ch in _OPEN_QUOTES), -1)
        if opened >= 0:
            text, offset = raw[opened + 1 :], opened + 1
        closed = next((k for k, ch in enumerate(text) if ch in _CLOSE_QUOTES), -1)
        if closed >= 0:
            text = text[:closed]
        cut = len(text) + (opened >= 0) + (closed >= 0) != len(raw)
        items.append(_Item(text, start + offset, opened >= 0, closed >= 0, cut))
    return items


def find_series(sentence: str, starts: Collection[int] = ()) -> Iterator[Find]:
    """Parallel series and runs of four-character formulas, each whole, as one insertable unit.

    A run is 2+ consecutive clauses of one length; the clause before it may lend its last words
    when they start at a word boundary (培养真抓的实劲、敢抓的狠劲 → 真抓的实劲、敢抓的狠劲).
    """
    items = _items(sentence)
    i = 0
    while i < len(items) - 1:
        width = len(items[i + 1].text)
        j = i + 1
        while j + 1 < len(items) and len(items[j + 1].text) == width:
            j += 1
        if 2 <= width <= 8:
            for run in _alternatives(items, i, j, width, starts):
                found = _classify(run)
                if found:
                    yield found
                    break
        i = j  # the run's last clause may lend its tail to the next run


def _alternatives(items: Sequence[_Item], i: int, j: int, width: int, starts: Collection[int]) -> Iterator[list[_Item]]:
    """The run items[i+1..j] with the tail of items[i] in front (when it fits), then without it."""
    first = items[i]
    tail_at = first.start + len(first.text) - width
    if len(first.text) >= width and not first.closes and (len(first.text) == width or tail_at in starts):
        tail = _Item(first.text[-width:], tail_at, first.opens and len(first.text) == width, False, False)
        yield [tail, *items[i + 1 : j + 1]]
    if j - i >= 2:
        yield list(items[i + 1 : j + 1])


def _classify(run: list[_Item]) -> Find | None:
    texts = [item.text for item in run]
    inner = run[1:-1]
    if any(item.cut or item.opens or item.closes for item in inner) or run[0].closes or run[-1].opens:
        return None  # the run crosses a quote: its items do not belong together
    if not all(_CJK_ONLY_RE.match(text) for text in texts):
        return None
    joined = "、".join(texts)
    if _shares_template(texts):
        return Find(joined, PhraseKind.SERIES)
    if any(text[0] in _FUNCTION_START or text[0] in _NUMERALS for text in texts):
        return None  # 一要吃饭、二要建设 is a numbered list
    if len(texts[0]) == 4 and len(texts) <= 4 and all(is_formula(text) for text in texts):
        return Find(joined, PhraseKind.SERIES)  # 精心组织、周密部署 (a run of 四字格); not 乡村振兴、项目建设
    quoted = run[0].opens and run[-1].closes
    if len(texts) >= 3 and len(texts[0]) <= 4 and (quoted or len(texts[0]) >= 3):
        return Find(joined, PhraseKind.SERIES, firm=quoted)  # 学党史、悟思想、办实事、开新局; not 科技、教育、文化
    return None


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
    fixed = len(re.findall(rf"[{CJK}]", template.replace(SLOT, "")))
    if SLOT not in template or fixed < 4 or template.count(SLOT) > 3:
        return None
    if template.startswith(SLOT) and template.endswith(SLOT):
        return None  # only a shared middle: no mould a writer would reuse
    regex = re.compile("^" + "(.+)".join(re.escape(part) for part in template.split(SLOT)) + "$")
    for head in heads:
        match = regex.match(head)
        if not match:
            return None
        starts = set(segment.word_starts(head))
        if not all(_aligned(*match.span(k), starts, len(head)) for k in range(1, (regex.groups or 0) + 1)):
            return None  # 推动主题教育高XX would split 高起点, 高标准
    return template
