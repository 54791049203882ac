"""One ranking over every suggestion source: the bank's index, this document's memory, the writer's phrases.

A source is anything with `candidates(contexts, section) -> {completion: Suggestion}` whose scores
estimate P(the completion comes next). The sources combine as a noisy-or (a completion is right when
any source is), and the popup shows nothing unless the best completion is likely right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from phrasebank.kinds import SectionType
from phrasebank.phrase import Suggestion
from phrasebank.suggest.context import Context, contexts, current_tail
from phrasebank.text import segment
from phrasebank.text.lazy import lazy
from phrasebank.text.segment import BOUND_BITS

#: Longest completion offered: a phrase, never a sentence from one report.
MAX_COMPLETION = 16
#: A continuation's row is its longest completion at least this probable beside its likeliest one (学习教育,
#: not 学习: the longer is accepted whenever the shorter would be).
NESTED_RATIO = 0.9
#: The popup opens only when the best completion scores at least this (chosen for each corpus on the
#: other corpora's held-out reports with a margin on first-row precision — bench/threshold_by_fold.py; all
#: three choose it); other rows need LIST_RATIO of the best one's score.
SHOW_THRESHOLD = 0.28
LIST_RATIO = 0.1


class Source(Protocol):
    """What a suggestion source offers after the typed contexts (longest first) in a section."""

    def candidates(self, typed: Sequence[Context], section: SectionType | None) -> dict[str, Suggestion]: ...


def suggest(
    sources: Iterable[Source | None],
    before: str,
    section: SectionType | None,
    limit: int = 5,
    threshold: float = SHOW_THRESHOLD,
    unwanted: Container[str] = (),
) -> list[Suggestion]:
    """Exactly what the popup shows for the text before the cursor, from all sources together; never a
    completion that makes the sentence one of `unwanted`."""
    typed = contexts(current_tail(before))
    if not typed:
        return []
    found: dict[str, Suggestion] = {}
    single: dict[str, float] = {}  # the best one source's estimate: two weak ones never add up to a show
    for source in sources:
        if source is not None:
            offered = source.candidates(typed, section)
            for completion, suggestion in offered.items():
                single[completion] = max(single.get(completion, 0.0), suggestion.score)
            merge(found, offered)
    tail = current_tail(before)

    whole = sound_after(tail)

    def acceptable(completion: str) -> bool:
        return whole(completion) and tail + completion not in unwanted

    return finish(found, limit, threshold, single, acceptable)


def merge(found: dict[str, Suggestion], other: dict[str, Suggestion]) -> None:
    """Add another source's completions to `found`; a completion both offer is right when either is:
    1 - (1 - p_found)(1 - p_other), keeping the phrase the earlier source named."""
    for completion, offered in other.items():
        known = found.get(completion)
        if known is None:
            found[completion] = offered
        else:
            found[completion] = replace(known, score=1 - (1 - min(known.score, 1.0)) * (1 - offered.score))


_OPENERS, _CLOSERS = "“‘《（(〔【", "”’》）)〕】"
_MARKS = "，、。；：！？"
#: Words a completion never ends on: it would stop in the middle of what the writer is saying.
_DANGLING = frozenset("和与及其的地得了在对把将为以之而或并等从向于被让使是")
#: Nor on a demonstrative or a measure word waiting for its noun (干部这个 | 问题).
_DANGLING_WORDS = tuple("这个 那个 这些 那些 这种 那种 这一 那一 每个 各个 某个 某些 一个 一种".split())
#: Nor on these as a word of one character (取得新 | 成效, 发展不 | 平衡, 稳外贸、稳 | 外资, 投资超 | 千亿元),
#: though words ending in them are whole (创新, 具有, 提质增效).
_HALF_WORDS = frozenset("新不各也要请更极有仍还再又都很最较届质稳超达至第敢可总约占由按迎")
#: 党 after a verb that takes 党的… (贯彻党 | 的二十大精神), not 党 itself (热爱党, 忠诚于党 are whole).
_PARTY_CUT_RE = lazy("(?:贯彻|落实|执行|宣传|坚持|加强)党$")
#: A figure: a number in digits with a unit or a percent sign (5.5%, 1万亿元, 200万人); years (2035年) and names
#: (5G, PM2.5) are none.
_FIGURE_RE = lazy(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:%|％|‰|万|亿|元|人|个|项|家|所|座|公里|千米|米|吨|台|套|倍|户|亩|公顷|平方|次|辆|件|部|名|位|天|小时|岁|千瓦|美元)"
)
_DIGIT_RE = lazy(r"[0-9０-９]")
_BRACKET_RE = lazy("[" + re.escape(_OPENERS + _CLOSERS) + "]")
#: Characters of a number: one a completion ends on needs its unit or noun (党的二十 | 届, 突破2000 | 亿元).
_NUMERALS = "零〇一二三四五六七八九十百千万亿两0123456789０１２３４５６７８９.．"


def sound(tail: str, completion: str) -> bool:
    """Whether a completion is whole: its quotes and brackets balance with the typed sentence (no ”
    with none open, none left open), it does not stop on a function word, on a bare number or part-way
    into a dictionary word (办公室多措 | 并举), and it brings no figure of another report (增长5.5%)."""
    return sound_after(tail)(completion)


def sound_after(tail: str) -> Callable[[str], bool]:
    """`sound` for every completion after one typed sentence (what it has open is counted once)."""
    open_in_tail = {o: tail.count(o) - tail.count(c) for o, c in zip(_OPENERS, _CLOSERS, strict=True)}
    figure_tail = tail[-8:]

    def whole(completion: str) -> bool:
        if _BRACKET_RE.search(completion):
            depth = dict(open_in_tail)
            for ch in completion:
                if ch in _OPENERS:
                    depth[ch] += 1
                elif ch in _CLOSERS:
                    opener = _OPENERS[_CLOSERS.index(ch)]
                    if depth[opener] <= 0:
                        return False
                    depth[opener] -= 1
            if any(depth[o] > max(open_in_tail[o], 0) for o in _OPENERS):
                return False  # opens a quote it does not close
        last = completion.rstrip(_MARKS)
        if not last or last[-1] in _DANGLING or (tail + last).endswith(_DANGLING_WORDS):
            return False
        if _DIGIT_RE.search(completion) and _FIGURE_RE.search(figure_tail + completion):
            return False  # another report's figure (增长5.5%, 控制在4.6%): never the writer's
        return not _inside_a_word(tail + completion) and not _bare_number(tail + last) and not _half_word(tail + last)

    return whole


def _half_word(text: str) -> bool:
    """The text ends on one of `_HALF_WORDS` standing as a word by itself, or on 党 cut from 党的…."""
    if _PARTY_CUT_RE.search(text):
        return True
    if text[-1:] not in _HALF_WORDS:
        return False
    end = text[-8:]
    return segment.word_starts(end)[-1] == len(end) - 1


def _bare_number(text: str) -> bool:
    """The text ends on a number that no dictionary word takes in (统一, 之一, 第三 do): 党的二十, 突破2000."""
    run = len(text) - len(text.rstrip(_NUMERALS))
    if not run:
        return False
    return not any(segment.frequency(text[-(run + before) :]) for before in (1, 2) if run + before <= len(text))


def _inside_a_word(text: str) -> bool:
    """The text ends part-way into a dictionary word: its last two or three characters begin a longer
    word and are no word themselves (jieba keeps every word's prefixes, with frequency 0)."""
    for size in (3, 2):
        end = text[-size:]
        if len(end) == size and segment.frequency(end) == 0 and segment.is_prefix(end):
            return True
    return False


def chain_probability(
    text: str, k: int, bounds: int, context_count: int, count_of: Callable[[str], int], shrink: float
) -> float:
    """P(text[k:] follows text[:k]) word by word: the product of n(next prefix) / (n(prefix) + shrink).

    A long completion seen twice scores far below its first word seen twice: each word is a step at
    which the writer may go elsewhere. Steps whose prefix is not counted merge with the next one.
    """
    return chained(chain_steps(text, k, bounds, count_of), k, context_count, count_of(text), shrink)


#: `chain_steps`: (length, n) of each counted inner prefix ending at a word boundary, shortest first.
Steps = tuple[tuple[int, int], ...]


def chain_steps(text: str, k: int, bounds: int, count_of: Callable[[str], int]) -> Steps:
    """The inner prefixes longer than k that `chain_probability` multiplies: they depend on the text alone, so an
    index that does not change may keep them between asks, and use them after any context of k characters or
    more (a writer typing through a phrase meets its entry after longer and longer contexts)."""
    limit = min(len(text) - 1, BOUND_BITS)
    steps = []
    for at in range(k + 1, limit + 1):
        if bounds >> (at - 1) & 1:
            n = count_of(text[:at])
            if n:
                steps.append((at, n))
    return tuple(steps)


def chained(steps: Steps, k: int, context_count: int, whole: int, shrink: float) -> float:
    """`chain_probability` from the steps past k characters, the typed context's count and the whole text's."""
    p, previous = 1.0, context_count
    for at, n in steps:
        if at > k:
            p *= min(n, previous) / (previous + shrink)
            previous = n
    return p * min(whole, previous) / (previous + shrink)


def finish(
    found: dict[str, Suggestion],
    limit: int,
    threshold: float,
    single: dict[str, float] | None = None,
    acceptable: Callable[[str], bool] = lambda _completion: True,
) -> list[Suggestion]:
    """What the popup shows: nothing unless the best sound completion reaches `threshold` (by one
    source's estimate alone, when `single` gives them), then the `limit` most probable distinct
    continuations among the sound ones that reach LIST_RATIO of the best, most probable first.

    Completions that extend one another (及其 / 及其常委会 / 及其常委会的监督 / 及其常委会的监督，) are one
    continuation with at most two rows: its likeliest (or a longer one nearly as likely, NESTED_RATIO) and
    the longer one that adds most expected characters beyond it (及其常委会 | 及其常委会的监督), more than a mark
    (发展 | 发展， is one row). The others leave their slots to other continuations.
    """
    ordered = sorted(found.items(), key=lambda item: (-item[1].score, item[0]))[: limit * 8]
    # soundness is asked only as far as the list goes: most asks end at the first sound completion
    sound = (item for item in ordered if acceptable(item[0]))
    first = next(sound, None)
    if first is None:
        return []
    best = first[1].score if single is None else min(first[1].score, single.get(first[0], 0.0))
    if best < threshold:
        return []
    floor = first[1].score * LIST_RATIO
    ranked = [first]
    for item in sound:
        if len(ranked) >= limit * 6 or item[1].score < floor:
            break
        ranked.append(item)
    families: list[list[tuple[str, Suggestion]]] = []
    for completion, candidate in ranked:
        family = next((f for f in families if completion.startswith(f[0][0]) or f[0][0].startswith(completion)), None)
        if family is not None:
            family.append((completion, candidate))
        elif len(families) < limit:
            families.append([(completion, candidate)])
    chosen: list[Suggestion] = []
    for family in families:
        lead = max((item for item in family if item[1].score >= NESTED_RATIO * family[0][1].score), key=_length)
        said = len(lead[0].rstrip(_MARKS))  # a row adding only a mark (发展 | 发展，) is the same row
        longer = [item for item in family if item[0].startswith(lead[0]) and len(item[0].rstrip(_MARKS)) > said]
        chosen.append(lead[1])
        if longer:  # the one adding most expected characters beyond the lead
            chosen.append(max(longer, key=lambda item: item[1].score * (len(item[0]) - len(lead[0])))[1])
    chosen.sort(key=lambda candidate: -candidate.score)
    return [replace(candidate, score=round(candidate.score, 4)) for candidate in chosen[:limit]]


def _length(item: tuple[str, Suggestion]) -> int:
    return len(item[0])
