"""Input-method slips in four-character set phrases: 不流死角 for 不留死角, 因地治宜 for 因地制宜.

A pinyin input method offers every character of a reading; a writer who picks the wrong one leaves a
phrase that is one character away from a set phrase and sounds the same. Only what is found reliably is
reported (measured on the 44 reports of ../shared: no finding; see tests/check/test_homophones.py):
- the set phrase is a common idiom or fixed phrase of jieba's dictionary (tags i/l, seen at least
  MIN_FREQUENCY times) or one of the official formulas of `resources/set_phrases.txt`;
- the typed character has the set phrase's reading there (its common reading, tones aside, with the
  fuzzy sounds of input methods), and makes no dictionary word with its neighbours in the phrase
  (稳中秋进 holds 中秋: a word the writer may mean);
- the four characters are not a word themselves, no dictionary word runs across either end (力度进一步 is
  力度 + 进一步, not a slip of 再进一步), and a changed first or last character does not stand beside a word
  made of the other three (在进一步扩大 is 在 + 进一步).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.paths import RESOURCES
from phrasebank.text.segment import frequency
from phrasebank.text.tables import nothing

SET_PHRASES_FILE = RESOURCES / "set_phrases.txt"
MIN_FREQUENCY = 20
SLIP = Rule(
    "homophone-set-phrase",
    FindingKind.CONFUSABLE,
    "常见写法（输入法同音字）",
    "疑为同音字误输入",
)
RULES = (SLIP,)

_CJK4_RE = re.compile(r"[\u4e00-\u9fff]{4}")


_Index = tuple[frozenset[str], frozenset[str], dict[str, list[str]]]
_built: _Index | None = None


def _index() -> _Index:
    """The set phrases' first and last two characters, and the phrases by the text that stays when one
    character is typed wrong ("不留死?", "不?死角" … for 不留死角); built once."""
    global _built
    if _built is None:
        _built = _build_index()
    return _built


def _build_index(pause: Callable[[], None] = nothing) -> _Index:
    """`_index`, `pause` running every few thousand lines of jieba's dictionary."""
    import jieba

    frequency("的")  # jieba's dictionary loaded
    phrases = {
        line.strip()
        for line in SET_PHRASES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    with jieba.dt.get_dict_file() as handle:
        for number, raw in enumerate(handle):
            if number % 2000 == 0:
                pause()
            word, count, tag = [*raw.decode("utf-8").split(), "", ""][:3]
            if tag in ("i", "l") and int(count or 0) >= MIN_FREQUENCY and _CJK4_RE.fullmatch(word):
                phrases.add(word)
    by_rest: dict[str, list[str]] = {}
    for phrase in phrases:
        for p in range(4):
            by_rest.setdefault(phrase[:p] + "?" + phrase[p + 1 :], []).append(phrase)
    return frozenset(p[:2] for p in phrases), frozenset(p[2:] for p in phrases), by_rest


def prepare(pause: Callable[[], None] = nothing) -> None:
    """Build the set-phrase index and load pypinyin's tables now (call it off the GUI thread, after
    `text.tables.preload_all`: imported as they are, they hold Python's lock for a fifth of a second at a time);
    `pause` runs between pieces of the work (a window beside it gives way to its own there)."""
    global _built
    if _built is None:
        _built = _build_index(pause)  # (should two threads build it at once, both build the same)
    _readings("准备")


@cache
def _reading(character: str) -> str:
    from phrasebank.check.formulations import fuzzy_reading

    return fuzzy_reading(character)


@cache
def _readings(phrase: str) -> tuple[str, ...]:
    """The phrase's reading character by character, as pypinyin reads it in the phrase."""
    from pypinyin import Style, pinyin

    from phrasebank.check.formulations import fuzzy

    return tuple(fuzzy(r[0]) for r in pinyin(phrase, style=Style.NORMAL))


def _word(text: str) -> bool:
    return frequency(text) > 0


def _crossed(text: str, boundary: int) -> bool:
    """Whether a common dictionary word of up to four characters runs across `boundary` (a rare one such as
    新发 in 新发展 does not count)."""
    for start in range(max(0, boundary - 3), boundary):
        for end in range(boundary + 1, min(len(text), start + 4) + 1):
            if frequency(text[start:end]) >= MIN_FREQUENCY:
                return True
    return False


def _slip_of(window: str, text: str, start: int, positions: tuple[int, ...]) -> str | None:
    """The set phrase `window` (at `start` of `text`) is a homophone slip of at one of `positions`, or None."""
    by_rest = _index()[2]
    for p in positions:
        for phrase in by_rest.get(window[:p] + "?" + window[p + 1 :], ()):
            if phrase == window or _readings(phrase)[p] != _reading(window[p]) or _word(window):
                continue
            if (p > 0 and _word(window[p - 1 : p + 1])) or (p < 3 and _word(window[p : p + 2])):
                continue
            if (p == 0 and _word(window[1:])) or (p == 3 and _word(window[:3])):
                continue  # a word and a character beside it (在进一步扩大: 在 + 进一步, not 再进一步)
            if _crossed(text, start) or _crossed(text, start + 4):
                continue
            return phrase
    return None


def findings(index: int, text: str) -> list[Finding]:
    """Homophone slips in the set phrases of one paragraph."""
    heads, tails, _ = _index()
    pairs = [text[i : i + 2] for i in range(len(text) - 1)]
    out: list[Finding] = []
    taken = -1
    for start in [i for i in range(len(pairs) - 2) if pairs[i] in heads or pairs[i + 2] in tails]:
        window = text[start : start + 4]
        if start <= taken or not _CJK4_RE.fullmatch(window):
            continue
        positions = ((2, 3) if pairs[start] in heads else ()) + ((0, 1) if pairs[start + 2] in tails else ())
        phrase = _slip_of(window, text, start, positions)
        if phrase:
            message = f"“{window}”疑为“{phrase}”之误（输入法同音字）"
            out.append(SLIP.at(index, start, window, phrase, message))
            taken = start + 3
    return out
