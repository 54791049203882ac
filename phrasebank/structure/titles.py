"""The 文种 a document's title names (《党政机关公文处理工作条例》第八条), read from its first lines: what the
checker holds the text to, and which set openings and closings the popup offers."""

from __future__ import annotations

from collections.abc import Iterable

from phrasebank.text.lazy import lazy

#: The 文种 a title ends with (汇报 read as 报告, 复函 as 函 by the checker).
GENRE_RE = lazy(r"(请示报告|请示|报告|汇报|通知|通报|批复|意见|决定|复函|函|纪要|公告|通告|决议|议案|命令|公报)$")
#: A title is at most this many lines, each at most this long (a longer line is text).
TITLE_LINES, TITLE_LINE_MAX = 3, 40


def title_genre(lines: Iterable[tuple[int, str]]) -> tuple[str, int]:
    """(文种, index of the title's last line) from (index, text) lines in order — the title read as written: one
    to three lines, a final 。 or none. ("", -1) when no 文种 is named."""
    title: list[tuple[int, str]] = []
    for index, line in lines:
        text = line.strip()
        if not text:
            continue
        if len(text) > TITLE_LINE_MAX or text.endswith(("：", ":")) or len(title) == TITLE_LINES:
            break
        title.append((index, text))
    for n in range(1, len(title) + 1):
        match = GENRE_RE.search("".join(text for _, text in title[:n]).rstrip("。."))
        if match:
            return match.group(1), title[n - 1][0]
    return "", -1
