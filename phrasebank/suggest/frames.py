"""The set openings and closings of each 文种 (现将有关情况报告如下：, 特此报告。, 妥否，请批示。): always in the
dock, and offered by the popup at the start of a sentence in a document whose title names its 文种 — 以上 in a
报告 goes on 报告，请审阅。, 妥否 in a 请示 goes on ，请批示。 (a corpus of reports holds few 请示 or 函, so the
bank alone rarely knows them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Suggestion
from phrasebank.structure.titles import title_genre
from phrasebank.suggest.context import Context
from phrasebank.suggest.openings import SHRINK
from phrasebank.text.lazy import lazy

OPENINGS: Mapping[str, tuple[str, ...]] = {
    "报告": (
        "现将有关情况报告如下：",
        "现将XX情况报告如下：",
        "根据XX要求，现将XX有关情况报告如下：",
        "XX以来，在XX的坚强领导下，",
    ),
    "通知": ("为XX，根据XX，现就有关事项通知如下：",),
    "请示": ("现将有关事项请示如下：",),
    "意见": ("为深入贯彻落实XX，结合XX实际，现提出如下意见。",),
    "决定": ("为进一步XX，经研究，决定XX。",),
    "批复": ("《关于XX的请示》收悉。经研究，现批复如下：",),
    "函": ("《关于XX的函》收悉。现函复如下：",),
}
CLOSINGS: Mapping[str, tuple[str, ...]] = {
    "报告": ("特此报告。", "以上报告，请审阅。", "以上报告如有不妥，请批评指正。"),
    "请示": ("妥否，请批示。", "以上请示当否，请批示。"),
    "通知": ("特此通知。", "请认真贯彻执行。"),
    "函": ("妥否，请函复。", "专此函达。", "特此函告。"),
    "批复": ("特此批复。",),
    "意见": ("以上意见，请结合实际认真贯彻落实。",),
}
#: 文种 whose frames another's title takes (汇报 is a 报告, 复函 a 函).
_SAME_AS = {"汇报": "报告", "请示报告": "请示", "复函": "函"}
T = TypeVar("T")

#: Offered while the sentence so far is this short and begins a frame (以上报告 → ，请审阅。).
MAX_TYPED = 8
#: The salutation of a report made to a congress (政府工作报告, 法院工作报告 …).
_CONGRESS_RE = lazy(r"^各位(人大)?代表[：:，,]")
#: How many of the document's first lines may hold its title (a 版头 may stand above it).
HEAD_LINES = 8


def every(frames: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """All 文种's frames, each once, in order."""
    return tuple(dict.fromkeys(text for texts in frames.values() for text in texts))


def document_genre(before: str) -> str:
    """The 文种 the title near the top of the text names, below a 版头 if there is one ("" when none, and for a
    report made to a congress — 各位代表： — which ends on a call, not on 特此报告。)."""
    lines = list(enumerate(before.split("\n", HEAD_LINES)[:HEAD_LINES]))
    if any(_CONGRESS_RE.match(line.strip()) for _, line in lines):
        return ""
    for first in range(len(lines)):
        found, _ = title_genre(lines[first:])
        if found:
            return _SAME_AS.get(found, found)
    return ""


class Frames:
    """A suggestion source: the 文种's frames (without slots) whose text begins with the sentence typed so far,
    while that is one to MAX_TYPED characters; each of n matching frames scores 1 / (n + SHRINK). `foreign`:
    the other 文种's frames, which no source may offer (特此报告。 ends no 请示)."""

    def __init__(self, genre: str) -> None:
        self.frames = [
            (text, kind)
            for kind, frames in ((PhraseKind.OPENING, OPENINGS), (PhraseKind.CLOSING, CLOSINGS))
            for text in frames.get(genre, ())
            if "XX" not in text
        ]
        self.foreign = foreign(genre)

    def candidates(self, typed: Sequence[Context], section: SectionType | None) -> dict[str, Suggestion]:
        start = typed[0].text if typed else ""
        if not 1 <= len(start) <= MAX_TYPED:
            return {}
        matching = [(text, kind) for text, kind in self.frames if text.startswith(start) and len(text) > len(start)]
        home = {PhraseKind.OPENING: (SectionType.OPENING,), PhraseKind.CLOSING: (SectionType.CLOSING,)}
        return {
            text[len(start) :]: Suggestion(text[len(start) :], text, kind, home[kind], 1 / (len(matching) + SHRINK))
            for text, kind in matching
        }


def fitted(items: Sequence[T], genre: str, text_of: Callable[[T], str]) -> list[T]:
    """A dock's list for a document of `genre`: its 文种's frames first (in their order), another 文种's left out
    (a 请示's dock holds 妥否，请批示。, not 特此报告。); unchanged when the title names no 文种."""
    if not genre:
        return list(items)
    rank = {text: n for n, text in enumerate((*OPENINGS.get(genre, ()), *CLOSINGS.get(genre, ())))}
    unwanted = foreign(genre)
    kept = [item for item in items if text_of(item) not in unwanted]
    return sorted(kept, key=lambda item: rank.get(text_of(item), len(rank)))


def foreign(genre: str) -> frozenset[str]:
    """The frames of every other 文种 (none when the title names no 文种)."""
    if not genre:
        return frozenset()
    own = {*OPENINGS.get(genre, ()), *CLOSINGS.get(genre, ())}
    return frozenset(text for text in every(OPENINGS) + every(CLOSINGS) if text not in own)
