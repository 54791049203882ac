"""Where the writer is: the typed text before the cursor as word-aligned contexts, and the section type.

An input method commits Chinese a word or a phrase at a time, so a completion continues the typed
text only from a word boundary of it: the current sentence's tail is re-segmented (jieba, as the
corpus was) and only its word-aligned suffixes are contexts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from phrasebank.kinds import SectionType
from phrasebank.structure.outline import Role, body_cue, parse_paragraph
from phrasebank.text import segment
from phrasebank.text.chars import CLAUSE_END, SENTENCE_END

#: How many characters before the cursor a context may span.
MAX_CONTEXT = 12
#: How much of the sentence before the cursor is re-segmented to find word boundaries.
SEGMENT_WINDOW = 40
#: How far back (paragraphs) section inference looks for a heading.
HEADING_LOOKBACK = 400


@dataclass(frozen=True)
class Context:
    """Typed text before the cursor that starts at a word boundary, with its inner boundaries as bits.

    `finished`: its last word is a dictionary word, so a completion must start a new word; otherwise
    the writer may still be typing that word and a completion may finish it.
    """

    text: str
    bounds: int
    finished: bool = True

    def agrees(self, bounds: int) -> bool:
        """Whether a phrase with these word boundaries (bits) may continue this context: its words
        split the shared part as the typed words do, and it starts a new word after a finished one."""
        return not bounds & self.crossing and bounds & self.starting == self.starting

    @cached_property
    def crossing(self) -> int:
        """The boundary bits inside the typed part that its words lack (a phrase may have none of them)."""
        return ((1 << (len(self.text) - 1)) - 1) & ~self.bounds

    @cached_property
    def starting(self) -> int:
        """The bit a phrase must have: a new word at the cursor after a finished one."""
        return 1 << (len(self.text) - 1) if self.finished else 0


def contexts(tail: str) -> list[Context]:
    """The word-aligned suffixes of the typed tail, longest first (at most MAX_CONTEXT characters)."""
    window = tail[-SEGMENT_WINDOW:]
    if not window or window[-1].isspace():
        return []
    starts = segment.typed_word_starts(window)
    finished = segment.is_word(window[starts[-1] :]) or window[-1] in CLAUSE_END
    out = []
    for start in starts:
        text = window[start:]
        if len(text) > MAX_CONTEXT or text[0].isspace():
            continue
        out.append(Context(text, segment.boundary_bits(s - start for s in starts), finished))
    return out


def current_tail(before: str) -> str:
    """The text after the last paragraph break and the last sentence end before the cursor."""
    paragraph = before.rfind("\n")  # (a mark is looked for in this paragraph only, not in the whole report)
    start = max(paragraph, *(before.rfind(mark, paragraph + 1) for mark in SENTENCE_END))
    return before[start + 1 :]


def infer_section(before: str) -> SectionType | None:
    """Section type at the cursor: the current paragraph's own cue, else the nearest heading's type."""
    paragraph_start = before.rfind("\n") + 1
    cue = body_cue(before[paragraph_start:])
    if cue in (SectionType.NEXT_STEPS, SectionType.PROBLEMS, SectionType.CLOSING):
        return cue
    end = paragraph_start - 1
    for _ in range(HEADING_LOOKBACK):
        if end < 0:
            return SectionType.OPENING
        start = before.rfind("\n", 0, end) + 1
        para = parse_paragraph(before[start:end])
        if para.role is Role.HEADING and para.heading_types:
            return para.heading_types[0]
        if para.role is Role.BODY and para.cue in (SectionType.NEXT_STEPS, SectionType.PROBLEMS):
            return para.cue
        end = start - 1
    return None
