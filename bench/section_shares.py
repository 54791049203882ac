"""Where each section type's text comes from: per collection and section, how many reports contribute
and the largest share one report holds (a section fed by one report gives a dock of that report's words).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from phrasebank.document.files import read_paragraphs
from phrasebank.kinds import SectionType
from phrasebank.paths import RESOURCES
from phrasebank.structure.cleaning import clean_lines
from phrasebank.structure.outline import Structure


def shares(folder: Path) -> dict[SectionType, Counter[str]]:
    """Characters of each section type, per report."""
    by_section: dict[SectionType, Counter[str]] = defaultdict(Counter)
    for path in sorted(folder.glob("*.txt")):
        structure = Structure.from_texts(clean_lines(read_paragraphs(path)).paragraphs)
        for paragraph, section in zip(structure.paragraphs, structure.sections, strict=True):
            if section is not None:
                by_section[section][path.name] += len(paragraph.text)
    return by_section


def main() -> None:
    for name in ("supervision", "government"):
        folder = RESOURCES / "corpus" / name
        reports = len(list(folder.glob("*.txt")))
        print(f"{name} ({reports} reports)")
        by_section = shares(folder)
        for section in SectionType:
            counts = by_section.get(section, Counter())
            total = sum(counts.values())
            if not total:
                print(f"  {section.label:6} no text")
                continue
            top, most = counts.most_common(1)[0]
            print(
                f"  {section.label:6} {total:>8,} chars from {len(counts):>2} reports;"
                f" largest share {most / total:5.1%} ({top[:12]})"
            )


if __name__ == "__main__":
    main()
