"""Word lists the checker reads (tab-separated rows, # comments) and the writer's words to avoid."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from phrasebank.check.findings import Finding, FindingKind, Rule
from phrasebank.errors import PhrasebankError

#: The writer's own lists in the data folder: formulations (merged with the shipped ones), words to avoid.
USER_FORMULATIONS = "formulations.tsv"
USER_AVOID = "avoid.tsv"


def tsv_rows(path: Path, required: bool = False) -> list[list[str]]:
    """The rows of a list; a missing file is no rows unless `required` (a shipped list), then an error."""
    if not path.exists():
        if required:
            raise PhrasebankError(f"缺少随程序提供的词表 {path.name}（{path}）：请重新安装公文写作台。")
        return []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    rows = [[cell.strip() for cell in line.split("\t")] for line in lines if line.strip() and not line.startswith("#")]
    if required and not rows:
        raise PhrasebankError(f"随程序提供的词表 {path.name} 是空的（{path}）：请重新安装公文写作台。")
    return rows


@dataclass(frozen=True)
class AvoidWord:
    """A word from the writer's own list of words to avoid (avoid.tsv: word, 禁用/慎用, advice)."""

    word: str
    level: str  # 禁用 or 慎用
    advice: str


AVOID = Rule("avoid-word", FindingKind.AVOID, "本人或本单位的慎用词表（数据文件夹 avoid.tsv）", "慎用词")
RULES = (AVOID,)


def load_avoid(path: Path) -> list[AvoidWord]:
    return [AvoidWord(row[0], ([*row, "", ""])[1] or "慎用", ([*row, "", ""])[2]) for row in tsv_rows(path)]


def avoid_findings(words: Sequence[AvoidWord], index: int, text: str) -> list[Finding]:
    """Every use of a word to avoid in one paragraph."""
    result = []
    for avoid in words:
        advice = f"，{avoid.advice}" if avoid.advice else ""
        message = f"“{avoid.word}”为{avoid.level}词{advice}"
        result += [
            AVOID.at(index, m.start(), avoid.word, None, message) for m in re.finditer(re.escape(avoid.word), text)
        ]
    return result
