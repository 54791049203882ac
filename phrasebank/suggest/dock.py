"""What the phrase dock lists for a section type, in its order: the engine decides, the panel shows.

A phrase belongs to the section types where it is typical: a fair share of its uses are there, and
more than that section's share of all the text would give by chance. The list puts the kinds a
writer inserts whole first (openings, closings, patterns, series, headings), then formulas and
plain terms; within a kind the phrases most typical of the section come first, and each kind is
cut to its limit after filtering, so no kind crowds out another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Phrase

#: The dock's groups, in order.
KIND_ORDER = (
    PhraseKind.OPENING,
    PhraseKind.CLOSING,
    PhraseKind.PATTERN,
    PhraseKind.SERIES,
    PhraseKind.HEADING,
    PhraseKind.FORMULA,
    PhraseKind.COLLOCATION,
)
#: At most this many phrases of each kind in one section's list.
KIND_LIMITS = {
    PhraseKind.OPENING: 10,
    PhraseKind.CLOSING: 10,
    PhraseKind.PATTERN: 15,
    PhraseKind.SERIES: 20,
    PhraseKind.HEADING: 20,
    PhraseKind.FORMULA: 40,
    PhraseKind.COLLOCATION: 40,
}
#: Kinds that name their section themselves.
_KIND_SECTIONS = {PhraseKind.OPENING: SectionType.OPENING, PhraseKind.CLOSING: SectionType.CLOSING}
#: Uses elsewhere assumed for every phrase, so that evidence counts: 8 of 8 beats 1 of 1.
SMOOTHING = 2
#: A phrase is typical of a section when at least this share of its uses are there ...
MIN_SHARE = 0.2
#: ... and that share is at least the section's share of the corpus text times this.
MIN_LIFT = 1.0


def text_shares(characters: Mapping[SectionType, int] | None) -> dict[SectionType, float]:
    """Each section type's share of the corpus's body text (equal shares when unknown)."""
    total = sum((characters or {}).values())
    if not total:
        return {s: 1 / len(SectionType) for s in SectionType}
    floor = 0.5 / total  # a section with no text still has a share to divide by
    return {s: max(characters.get(s, 0) / total, floor) for s in SectionType}  # type: ignore[union-attr]


def typicality(phrase: Phrase, shares: Mapping[SectionType, float]) -> dict[SectionType, float]:
    """For each section type the phrase is typical of, how typical: its share of the phrase's uses
    (smoothed by SMOOTHING uses elsewhere, so one sighting weighs less than five) over the section's
    share of the text. Sections it only touched are left out."""
    total = sum(phrase.sections.values())
    if not total:
        return {}
    typical = {
        section: (n / (total + SMOOTHING)) / shares[section]
        for section, n in phrase.sections.items()
        if n / total >= MIN_SHARE and n / total >= MIN_LIFT * shares[section]
    }
    if typical:
        return typical
    section, n = max(phrase.sections.items(), key=lambda item: (item[1], -shares[item[0]]))
    return {section: (n / (total + SMOOTHING)) / shares[section]}  # spread thin: it belongs where it is most used


def section_list(
    phrases: Iterable[Phrase],
    section: SectionType | None,
    characters: Mapping[SectionType, int] | None = None,
    kind: PhraseKind | None = None,
) -> list[Phrase]:
    """The dock's list for a section type (every section when None), grouped by kind, best first."""
    shares = text_shares(characters)
    groups: dict[PhraseKind, list[tuple[float, int, str, Phrase]]] = {k: [] for k in KIND_ORDER}
    for phrase in phrases:
        if phrase.kind not in groups or (kind is not None and phrase.kind is not kind):
            continue
        if section is None:
            groups[phrase.kind].append((0.0, -phrase.count, phrase.text, phrase))
            continue
        if _KIND_SECTIONS.get(phrase.kind, section) is not section:
            continue  # an opening sentence belongs to the opening, whatever paragraph it stood in
        score = typicality(phrase, shares).get(section)
        if score is not None:
            groups[phrase.kind].append((-score, -phrase.sections[section], phrase.text, phrase))
    out: list[Phrase] = []
    for group_kind in KIND_ORDER:
        ranked = sorted(groups[group_kind], key=lambda item: item[:3])
        out.extend(item[3] for item in ranked[: KIND_LIMITS[group_kind]])
    return out


def sections_of(phrase: Phrase, characters: Mapping[SectionType, int] | None = None) -> Sequence[SectionType]:
    """The section types a phrase is listed under, most typical first."""
    if phrase.kind in _KIND_SECTIONS:
        return [_KIND_SECTIONS[phrase.kind]]
    scores = typicality(phrase, text_shares(characters))
    return sorted(scores, key=lambda s: -scores[s])
