"""Pinyin keys of phrases for search: full pinyin and initials, toneless, computed once per phrase.

pypinyin reads polyphones from its phrase dictionary (重点 zhongdian, 银行 yinhang, 执行 zhixing); a
few terms of this domain are pinned here where a reading must not depend on the dictionary version.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_PINNED = {
    "调研": [["diao"], ["yan"]],
    "调度": [["diao"], ["du"]],
    "着力": [["zhuo"], ["li"]],
    "着眼": [["zhuo"], ["yan"]],
    "重点": [["zhong"], ["dian"]],
    "干部": [["gan"], ["bu"]],
    "干事": [["gan"], ["shi"]],
    "以干促学": [["yi"], ["gan"], ["cu"], ["xue"]],
    "以学促干": [["yi"], ["xue"], ["cu"], ["gan"]],
}
_ready = False


def _setup() -> None:
    global _ready
    if not _ready:
        from pypinyin import load_phrases_dict

        load_phrases_dict(_PINNED)
        _ready = True


@lru_cache(maxsize=200_000)
def keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of a text, lower case, no tones or spaces; other characters kept as they are."""
    _setup()
    from pypinyin import Style, lazy_pinyin

    keep_apart: Any = list  # characters without pinyin, one syllable each (the stubs allow only str back)
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors=keep_apart)
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return full, initials


def is_latin_query(query: str) -> bool:
    """True when a search query is typed in Latin letters (so pinyin keys apply)."""
    return bool(query) and query.isascii() and query.replace(" ", "").isalpha()
