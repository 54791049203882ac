"""What the phrase dock lists for a section type, in its order: the engine decides, the panel shows.

A phrase belongs to the section types where it is typical: a fair share of its uses are there, and
more than that section's share of all the text would give by chance. The list puts the kinds a
writer inserts whole first (openings, closings, patterns, series, headings), then formulas and
plain terms; within a kind the phrases most typical of the section come first, and each kind is
cut to its limit after filtering, so no kind crowds out another. In a corpus of many reports a term
is listed for a section only when used there twice; the opening and the closing list no plain terms;
standard openings, closings and the patterns of thin sections (特色亮点, 存在问题) follow the corpus's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.phrase import Phrase
from phrasebank.suggest import frames
from phrasebank.text.lazy import lazy

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
#: Kinds a report makes its own (terms, lists, patterns): in a large corpus they must recur across reports
#: (a series of one report names its own railways: 平庆铁路、兰合铁路、天陇铁路).
_TERMS = frozenset({PhraseKind.FORMULA, PhraseKind.COLLOCATION, PhraseKind.SERIES, PhraseKind.PATTERN})
#: A bare organ name is no phrase to insert (人民政府, 本届政府), nor a heading that only names a part (结束语).
_ORGAN_RE = lazy(r"^.{0,4}(?:政府|委员会|办公厅|办公室)$")
_SHORTEST_HEADING = 4
#: Sections made of set sentences: what a corpus's few openings and closings say besides is their topic.
_FRAME_SECTIONS = frozenset({SectionType.OPENING, SectionType.CLOSING})
#: Kinds that name their section themselves.
_KIND_SECTIONS = {PhraseKind.OPENING: SectionType.OPENING, PhraseKind.CLOSING: SectionType.CLOSING}
#: The standard openings and closings of the common 文种, always in the dock after the corpus's own (a
#: corpus of reports holds few 请示 or 函; a thin corpus would leave these sections empty).
STANDARD_OPENINGS, STANDARD_CLOSINGS = frames.every(frames.OPENINGS), frames.every(frames.CLOSINGS)
#: Standard formulations of the sections a corpus of reports is thin on (a government report rarely names its own
#: highlights), listed after the corpus's own patterns there, never twice.
STANDARD_PATTERNS = {
    SectionType.HIGHLIGHTS: (
        "在全省率先XX",
        "XX走在全省前列",
        "形成了可复制、可推广的经验",
        "探索出一条XX的新路子",
        "打造XX品牌",
        "XX的做法得到XX肯定",
        "以点带面推动XX",
        "在全国率先XX",
        "XX走在全国前列",
        "XX经验做法在全国推广",
        "XX入选全国XX名单",
        "XX被列为XX试点",
        "走出了一条XX的路子",
        "XX成为全国XX的样板",
        "XX获XX批示肯定",
    ),
    SectionType.PROBLEMS: (
        "对照XX要求，还存在一些差距和不足：",
        "XX还不够到位",
        "XX有待进一步加强",
        "XX的问题依然存在",
        "XX仍需进一步提升",
        "个别XX存在XX现象",
        "XX方面还有不少短板",
        "XX的能力和水平还不够高",
        "一些XX不同程度存在XX问题",
    ),
}
#: Where the standard phrases come from (a phrase's `source`).
STANDARD_SOURCE = "常用写法"
#: Uses elsewhere assumed for every phrase, so that evidence counts: 8 of 8 beats 1 of 1.
SMOOTHING = 2
#: In a corpus of several reports, a term is listed for a section only when used there this often.
MIN_SECTION_USES = 2
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
    recurring: bool = False,
) -> list[Phrase]:
    """The dock's list for a section type (every section when None), grouped by kind, best first.

    With `recurring` (a corpus of several reports), a term, 四字格, series or pattern seen in one report
    only is left out: one report's content words and lists never lead a section."""
    shares = text_shares(characters)
    groups: dict[PhraseKind, list[tuple[float, int, str, Phrase]]] = {k: [] for k in KIND_ORDER}
    for phrase in phrases:
        if phrase.kind not in groups or (kind is not None and phrase.kind is not kind):
            continue
        if recurring and phrase.reports == 1 and phrase.kind in _TERMS:
            continue
        if _bare_name(phrase):
            continue
        if section is None:
            groups[phrase.kind].append((0.0, -phrase.count, phrase.text, phrase))
            continue
        if phrase.kind is PhraseKind.COLLOCATION and section in _FRAME_SECTIONS:
            continue  # the few reports' own topic (市委部署, 党史学习教育工作), not how a report opens or closes
        home = _KIND_SECTIONS.get(phrase.kind)
        if home is not None and home is not section:
            continue  # an opening sentence belongs to the opening, whatever paragraph it stood in
        if recurring and phrase.kind in _TERMS and phrase.sections.get(section, 0) < MIN_SECTION_USES:
            continue  # seen there once: one report's aside, not what the section says
        score = typicality(phrase, shares).get(section)
        if score is None and home is section:
            score = 0.0  # an opening by its form (根据XX部署，), though the reports used it further down
        if score is not None:
            groups[phrase.kind].append((-score, -phrase.sections.get(section, 0), phrase.text, phrase))
    out: list[Phrase] = []
    for group_kind in KIND_ORDER:
        ranked = [item[3] for item in sorted(groups[group_kind], key=lambda item: item[:3])]
        out.extend(ranked[: KIND_LIMITS[group_kind]])
        if kind in (None, group_kind):
            out.extend(_standard(group_kind, section, {p.text for p in ranked}))
    return out


def _bare_name(phrase: Phrase) -> bool:
    """An organ's name or a part's name: nothing a writer inserts from the dock."""
    if phrase.kind is PhraseKind.HEADING:
        return len(phrase.text.strip("“”")) < _SHORTEST_HEADING
    return phrase.kind in (PhraseKind.COLLOCATION, PhraseKind.FORMULA) and bool(_ORGAN_RE.match(phrase.text))


def _standard(kind: PhraseKind, section: SectionType | None, listed: set[str]) -> list[Phrase]:
    """The standard phrases of that kind a section's list lacks: openings, closings, and the patterns of the
    sections a corpus is thin on."""
    if kind is PhraseKind.PATTERN:
        homes = [section] if section is not None else list(STANDARD_PATTERNS)
        return [
            Phrase(text, kind, 0, {home: 0}, STANDARD_SOURCE)
            for home in homes
            for text in STANDARD_PATTERNS.get(home, ())
            if text not in listed
        ]
    texts = {PhraseKind.OPENING: STANDARD_OPENINGS, PhraseKind.CLOSING: STANDARD_CLOSINGS}.get(kind, ())
    home = _KIND_SECTIONS.get(kind)
    if home is None or section not in (None, home):
        return []
    return [Phrase(text, kind, 0, {home: 0}, STANDARD_SOURCE) for text in texts if text not in listed]


def sections_of(phrase: Phrase, characters: Mapping[SectionType, int] | None = None) -> Sequence[SectionType]:
    """The section types a phrase is listed under, most typical first."""
    if phrase.kind in _KIND_SECTIONS:
        return [_KIND_SECTIONS[phrase.kind]]
    if phrase.source == STANDARD_SOURCE:
        return list(phrase.sections)  # a standard formulation of its section (no corpus counted it)
    scores = typicality(phrase, text_shares(characters))
    return sorted(scores, key=lambda s: -scores[s])
