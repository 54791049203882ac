"""One ranking over every suggestion source: the bank's index, this document's memory, the writer's phrases.

A source is anything with `candidates(contexts, section) -> {completion: Suggestion}` whose scores
estimate P(the completion comes next). The sources combine as a noisy-or (a completion is right when
any source is), and the popup shows nothing unless the best completion is likely right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from phrasebank.kinds import SectionType
from phrasebank.phrase import Suggestion
from phrasebank.suggest.context import Context, contexts, current_tail
from phrasebank.text import segment
from phrasebank.text.segment import BOUND_BITS

#: Longest completion offered: a phrase, never a sentence from one report.
MAX_COMPLETION = 16
#: A completion yields its slot to a longer one extending it that is at least this probable.
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
) -> list[Suggestion]:
    """Exactly what the popup shows for the text before the cursor, from all sources together."""
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
    return finish(found, limit, threshold, single, lambda completion: sound(tail, completion))


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
#: Words a completion never ends on: it would stop in the middle of what the writer is saying.
_DANGLING = frozenset("和与及的地得了在对把将为以之而或并等从向于被让使是")


def sound(tail: str, completion: str) -> bool:
    """Whether a completion is whole: its quotes and brackets balance with the typed sentence (no ”
    with none open, none left open), and it does not stop on a function word or part-way into a
    dictionary word (办公室多措 | 并举)."""
    depth = {opener: tail.count(opener) - tail.count(closer) for opener, closer in zip(_OPENERS, _CLOSERS, strict=True)}
    for ch in completion:
        if ch in _OPENERS:
            depth[ch] += 1
        elif ch in _CLOSERS:
            opener = _OPENERS[_CLOSERS.index(ch)]
            if depth[opener] <= 0:
                return False
            depth[opener] -= 1
    if any(depth[o] > max(tail.count(o) - tail.count(c), 0) for o, c in zip(_OPENERS, _CLOSERS, strict=True)):
        return False  # opens a quote it does not close
    last = completion.rstrip("，、。；：！？")
    if not last or last[-1] in _DANGLING:
        return False
    return not _inside_a_word(tail + completion)


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
    p, previous = 1.0, context_count
    limit = min(len(text) - 1, BOUND_BITS)
    for at in range(k + 1, limit + 1):
        if bounds >> (at - 1) & 1:
            n = count_of(text[:at])
            if n:
                p *= min(n, previous) / (previous + shrink)
                previous = n
    return p * min(count_of(text), previous) / (previous + shrink)


def finish(
    found: dict[str, Suggestion],
    limit: int,
    threshold: float,
    single: dict[str, float] | None = None,
    acceptable: Callable[[str], bool] = lambda _completion: True,
) -> list[Suggestion]:
    """What the popup shows: nothing unless the best sound completion reaches `threshold` (by one
    source's estimate alone, when `single` gives them), then the `limit` most probable sound ones
    that reach LIST_RATIO of the best.

    A completion is left out when a longer one extending it is nearly as probable: the longer one
    is accepted whenever the shorter would be, so the slot serves another continuation better.
    """
    ranked = sorted(found.items(), key=lambda item: (-item[1].score, item[0]))
    ranked = [item for item in ranked[: limit * 8] if acceptable(item[0])]
    best = ranked[0][1].score if ranked else 0.0
    if single is not None and ranked:
        best = min(best, max(single.get(completion, 0.0) for completion, _ in ranked[:1]))
    if not ranked or best < threshold:
        return []
    floor = ranked[0][1].score * LIST_RATIO
    ranked = [item for item in ranked[: limit * 6] if item[1].score >= floor]
    chosen: list[tuple[str, Suggestion]] = []
    for completion, candidate in ranked:
        if any(
            other != completion
            and other.startswith(completion)
            and rival.score >= NESTED_RATIO * candidate.score
            for other, rival in ranked
        ):
            continue
        chosen.append((completion, candidate))
        if len(chosen) == limit:
            break
    return [replace(candidate, score=round(candidate.score, 4)) for _, candidate in chosen]
