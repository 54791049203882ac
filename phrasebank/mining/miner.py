"""Mine a corpus of reports into named phrases (for the panel) and a typing index (for suggestions).

Pipeline: read → clean → structure (section of every paragraph) → jieba words → frequent n-grams
with cohesion and neighbour entropy → collocations and formulas; pattern rules add series, frames,
heading templates, openings and closings. Nothing with noise or made only of slots gets through.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from phrasebank.document.files import iter_report_files, read_paragraphs
from phrasebank.document.reader import PICTURE_MARKER_RE
from phrasebank.errors import EmptyCorpusError, ReadError
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.mining.forms import has_place_name, is_formula, is_fragment, wants_more
from phrasebank.mining.ngrams import SECTIONS, NgramTable, TokenStream, count_ngrams, most_frequent
from phrasebank.mining.patterns import Find, find_frames, find_series, sibling_template
from phrasebank.mining.spill import SpilledSentences, count_texts
from phrasebank.phrase import Phrase
from phrasebank.structure.cleaning import clean_lines, has_noise
from phrasebank.structure.outline import Role, Structure
from phrasebank.suggest.index import PREFIX_COUNT_LEN, Entries
from phrasebank.text import segment
from phrasebank.text.chars import CJK, PLACEHOLDER_RE, SLOT

#: An edge word seen this often, followed (or preceded) by one word this often, is half a compound.
COMPOUND_MIN = 10
COMPOUND_SHARE = 0.55

#: Below this many reports a corpus is small: a well-formed phrase seen once is kept.
SMALL_CORPUS = 10
#: A phrase followed by a mark (not 、) or 等 less often than this that opens on a verb is cut short.
OPEN_END_SHARE = 0.05
#: In a larger corpus a collocation must occur this often, in more than one report.
LARGE_MIN_COUNT = 3
#: Edge words glued this much to a neighbour (主题|教育, 县委|主要) start or end fragments.
GLUE_SHARE = 0.6
#: A sentence in 主要做法 or 总体情况 that speaks of its own highlights counts as 特色亮点. A cue inside a longer
#: term is none: 中国特色大国外交, 特色农业, 自主品牌, 东部地区率先发展, 首创精神, 信访工作法治化.
HIGHLIGHT_RE = re.compile(
    r"亮点|经验做法|典型经验|好经验|好做法|先进典型|典型引领|典型案例|示范(?:引领|带动|作用)|可复制|可推广"
    r"|(?:党建|服务|工作)品牌"
    r"|(?<!中国)特色(?=[，。；、：”）]|鲜明|突出|亮点|做法)|(?:有|具|出|显|挖掘|形成|凝练)了?特色(?![\u4e00-\u9fff])"
    r"|创新做法|创新举措|首创(?!精神)|在全[国省市区县][^。，；]{0,8}率先|率先(?:出台|推出|建立|探索|开展|实行|启动)"
    r"|先行先试|走在(?:全国|全省|全市)?前列|自选动作|以点带面|标杆|样板|工作法(?![治律规])|创新(?=“)"
)
#: A clause naming a shortfall (学用结合不够紧密, 压力传导不够).
_SHORTFALL_RE = re.compile(
    r"不够|不足|不强|不高|不到位|不深入|不扎实|不平衡|欠缺|薄弱|滞后|有差距|有待|两张皮|上热中温下冷"
)
#: Leading words that say who has the shortfall, not what it is (少数单位, 有的党员干部).
_SUBJECT_WORDS = frozenset(
    "比如 例如 如 一是 二是 三是 四是 少数 个别 部分 一些 有的 有些 单位 部门 地方 党员 干部 党员干部 党组织 "
    "基层 存在 还 仍 仍然 也 还有".split()
)

#: Pattern finds held while scanning before those seen once are forgotten (see _Occurrences.prune).
FIND_BUDGET = 300_000

#: The most n-grams the typing index holds (the editor answers within its latency budget at this size).
INDEX_BUDGET = 1_000_000

#: Progress callback: (files done, files in all, current file name).
Progress = Callable[[int, int, str], None]

_CJK_RE = re.compile(f"[{CJK}]")
_PLAIN_CJK_RE = re.compile(f"^[{CJK}]+$")
_PHRASE_CHARS_RE = re.compile(f"^[{CJK}“”]+$")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_EDGE_WORDS = frozenset(
    "的 了 和 与 及 等 在 是 对 把 将 为 以 中 上 也 都 就 又 并 而 或 被 让 由 从 向 之 其 着 到 给 于 和 "
    "及其 以及 并且 或者 一是 二是 三是 四是 五是 同时 通过 进行 一些 这个 这些 那些 各 个 地 得 所 "
    "关于 作为 按照 根据 围绕 聚焦 进一步 不断 更加 真正 同比 有关 要 将 会 能 应".split()
)
_OPENERS = "“《（(‘"
_CLOSERS = "”》）)’"
_MARKS = "，、。；：！？,.;:!?"
_CLAUSE_MARKS = "，、；："
_PUNCT_ONLY_RE = re.compile(r"^[\W_]+$")
_PREPOSITIONS = "在对把将为以从向于与和及"
_RUNIN_START_RE = re.compile(r"^[一二三四五六七八九十]+[是要]")


@dataclass
class Document:
    """One cleaned report with its structure."""

    name: str
    paragraphs: list[str]
    structure: Structure


@dataclass
class MiningResult:
    """Named phrases for the panel and index entries for typing, as the bank stores them."""

    phrases: list[Phrase]
    index: Entries
    prefix_counts: dict[str, int]
    documents: int
    characters: int
    section_characters: dict[SectionType, int] = field(default_factory=dict)  # body text per section type


@dataclass
class _Occurrences:
    """Pattern-rule finds, counted with sections, first source, reports, slot fillers and examples."""

    counts: Counter[tuple[str, PhraseKind]] = field(default_factory=Counter)
    sections: dict[tuple[str, PhraseKind], Counter[SectionType]] = field(default_factory=lambda: defaultdict(Counter))
    sources: dict[tuple[str, PhraseKind], str] = field(default_factory=dict)
    documents: dict[tuple[str, PhraseKind], set[int]] = field(default_factory=lambda: defaultdict(set))
    fillers: dict[tuple[str, PhraseKind], set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))
    examples: dict[tuple[str, PhraseKind], list[str]] = field(default_factory=lambda: defaultdict(list))
    firm: set[tuple[str, PhraseKind]] = field(default_factory=set)

    def add(self, find: Find, section: SectionType | None, source: str, document: int) -> None:
        key = (find.text, find.kind)
        self.counts[key] += 1
        if section is not None:
            self.sections[key][section] += 1
        self.sources.setdefault(key, source)
        self.documents[key].add(document)
        if find.fillers:
            self.fillers[key].add(find.fillers)
        shown = self.examples[key]
        if find.example and len(shown) < 3 and find.example not in shown and not PLACEHOLDER_RE.search(find.example):
            shown.append(find.example)
        if find.firm:
            self.firm.add(key)

    def prune(self, budget: int) -> None:
        """Past `budget` finds, forget those seen only once (lossy counting): memory stays bounded on an
        archive of any size, at the cost of a find whose occurrences lie more than a budget apart.
        Firm openings and closings stay: a large corpus keeps them when seen once."""
        if len(self.counts) <= budget:
            return
        for key in [k for k, n in self.counts.items() if n == 1]:
            if key in self.firm and key[1] in (PhraseKind.OPENING, PhraseKind.CLOSING):
                continue
            del self.counts[key]
            for table in (self.sections, self.sources, self.documents, self.fillers, self.examples):
                table.pop(key, None)
            self.firm.discard(key)

    def phrases(self, small: bool) -> list[Phrase]:
        """What the finds are worth keeping: a pattern with 2+ different fillers, a firm find (seen once
        only in a small corpus), anything else seen twice; never a local name from one report."""
        kept = []
        for key, count in self.counts.items():
            text, kind = key
            if kind is PhraseKind.PATTERN and len(self.fillers[key]) < 2:
                continue  # one filler is a phrase, not a pattern
            if count < 2 and not (key in self.firm and (small or kind in (PhraseKind.OPENING, PhraseKind.CLOSING))):
                continue
            if len(self.documents[key]) == 1 and kind is not PhraseKind.PATTERN and has_place_name(text):
                continue
            sections = dict(self.sections[key].most_common())
            reports = min(len(self.documents[key]), 2)
            kept.append(Phrase(text, kind, count, sections, self.sources[key], self.examples[key], reports))
        return kept


def load_documents(
    paths: Iterable[str | Path], progress: Progress | None = None, skipped: list[ReadError] | None = None
) -> Iterator[Document]:
    """Read, clean and parse every report under the given files and folders.

    With `skipped`, a file that cannot be read is left out and its error appended there (the run goes
    on); without it the error is raised.
    """
    files = list(iter_report_files(paths))
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files), path.name)
        try:
            raw = read_paragraphs(path)
        except ReadError as exc:
            if skipped is None:
                raise
            skipped.append(exc)
            continue
        cleaned = clean_lines(raw)
        paragraphs = [p for p in cleaned.paragraphs if not PICTURE_MARKER_RE.match(p)]
        yield Document(path.name, paragraphs, Structure.from_texts(paragraphs))
    if progress:
        progress(len(files), len(files), "")


def mine_documents(documents: Iterable[Document], min_count: int = 2, max_n: int = 12) -> MiningResult:
    """Mine phrases and the typing index from parsed documents."""
    stream = TokenStream()
    found = _Occurrences()
    names: list[str] = []
    with SpilledSentences() as sentences:
        for doc_index, doc in enumerate(documents):
            names.append(doc.name)
            _scan_document(doc_index, doc, stream, found, sentences)
            found.prune(FIND_BUDGET)
        if stream.characters == 0:
            raise EmptyCorpusError("语料中没有可用的正文文字（文件为空或全是噪声）")
        table = count_ngrams(stream, max_n=max_n, min_count=min_count)

        def source(entry: int) -> str:
            doc, para = stream.source_of(int(table.first[entry]))
            return f"{names[doc]}:{para + 1}"

        small = len(names) < SMALL_CORPUS
        collocations = _collocations(table, source, min_count, small)
        phrases = collocations + [p for p in found.phrases(small) if _acceptable(p.text)]
        phrases = _dedupe(phrases)
        phrases.sort(key=lambda p: (-p.count, p.kind.value, p.text))
        index = _typing_entries(table)
        prefix_counts = count_prefixes([*(p.text for p in phrases), *index.texts], sentences.chunks())
    section_characters = {s: n for s, n in zip(SECTIONS, stream.section_characters, strict=False) if n}
    return MiningResult(phrases, index, prefix_counts, len(names), stream.characters, section_characters)


def count_prefixes(texts: Iterable[str], chunks: Iterable[str], max_len: int = PREFIX_COUNT_LEN) -> dict[str, int]:
    """How often each short entry prefix occurs anywhere in the text, word-aligned or not.

    This is the denominator of P(phrase | typed prefix): after 主, 主题教育 competes with 民主 and 自主.
    Counted over the spilled sentences chunk by chunk: memory bounded by the entries, not the corpus.
    """
    wanted = {text[:k] for text in texts for k in range(1, min(max_len, len(text) - 2) + 1)}
    return count_texts(chunks, wanted)


def _scan_document(
    doc_index: int, doc: Document, stream: TokenStream, found: _Occurrences, sentences: SpilledSentences
) -> None:
    structure = doc.structure
    roles, sections = structure.roles, structure.sections
    siblings: dict[tuple[int, int], list[tuple[str, SectionType | None, str]]] = defaultdict(list)
    pending: list[tuple[str, SectionType | None, int]] = []  # sentences to tokenise in one call
    parents: dict[int, int] = {}  # heading level -> paragraph index of the open heading at that level
    for index, para in enumerate(structure.paragraphs):
        role, section = roles[index], sections[index]
        where = f"{doc.name}:{index + 1}"
        if role not in (Role.HEADING, Role.BODY):
            continue
        text = para.text.strip()
        if role is Role.HEADING:
            for level in [lv for lv in parents if lv >= para.level]:
                del parents[level]
            parent = max(parents.items())[1] if parents else -1
            parents[para.level] = index
            siblings[(parent, para.level)].append((para.head, section, where))
            if para.level <= 2 and _acceptable(para.head) and len(para.head) <= 30:
                found.add(Find(para.head, PhraseKind.HEADING), section, where, doc_index)
            text = text[len(para.number) :] if para.number else text
        elif para.is_runin and para.head:
            parent = max(parents.items())[1] if parents else -1
            siblings[(parent, 99)].append((para.head, section, where))
        pending.extend((sentence, section, index) for sentence in segment.sentences(text))
    batch = [sentence for sentence, _, _ in pending]
    sentences.extend(batch)
    for (sentence, section, index), words in zip(pending, segment.words_many(batch), strict=True):
        if section in (SectionType.MEASURES, SectionType.OVERVIEW) and HIGHLIGHT_RE.search(sentence):
            section = SectionType.HIGHLIGHTS
        stream.add_sentence(words, section, (doc_index, index))
        starts = set(segment.starts_of(words))
        where = f"{doc.name}:{index + 1}"
        for find in (*find_frames(sentence, starts), *find_series(sentence, starts)):
            found.add(find, section, where, doc_index)
        if section is SectionType.PROBLEMS:
            for shortfall in _shortfalls(words):
                found.add(Find(shortfall, PhraseKind.COLLOCATION), section, where, doc_index)
    for group in siblings.values():
        template = sibling_template([head for head, _, _ in group])
        if template:
            found.add(Find(template, PhraseKind.HEADING), group[0][1], group[0][2], doc_index)


def _shortfalls(words: Sequence[str]) -> Iterator[str]:
    """Clauses of a problems paragraph that name a shortfall, without who has it (学用结合不够紧密)."""
    clause: list[str] = []
    for word in [*words, "。"]:
        if word not in _CLAUSE_MARKS + "。！？":
            clause.append(word)
            continue
        while clause and clause[0] in _SUBJECT_WORDS:
            clause.pop(0)
        text = "".join(clause)
        clause = []
        if 5 <= len(text) <= 10 and _SHORTFALL_RE.search(text) and _PLAIN_CJK_RE.match(text):
            yield text


def _collocations(table: NgramTable, source: Callable[[int], str], min_count: int, small: bool) -> list[Phrase]:
    """Cohesive, freely bounded n-grams: fixed expressions and four-character formulas.

    In a large corpus a phrase must recur (LARGE_MIN_COUNT) in more than one report to be reusable.
    Fragments are judged by form as well as by counts: an edge word glued to its neighbour (主题|教育,
    县委|主要), a dangling particle or bare verb at an edge; a place name seen in one report is local.
    """
    if not len(table):
        return []
    # Vectorised first cut: frequent, up to 8 tokens, free on both sides, no neighbour dominating.
    free = (np.minimum(table.left_entropy, table.right_entropy) >= 0.5) & (
        np.maximum(table.left_share, table.right_share) < 0.75
    )
    wanted = (table.count >= min_count) & (table.level <= 8) & free
    if not small:
        wanted &= (table.count >= max(min_count, LARGE_MIN_COUNT)) & (table.documents > 1)
    possible = np.nonzero(wanted)[0]
    candidates: list[Phrase] = []
    unigram = {int(table.last[e]): e for e in np.nonzero(table.level == 1)[0].tolist()}
    glued_left, glued_right = _glue(table)
    for entry in possible.tolist():
        words = list(table.words(entry))
        text = "".join(words)
        if not 4 <= len(text) <= 14 or (len(words) == 1 and len(text) != 4):
            continue
        ids = table.token_ids(entry)
        if len(words) > 1 and _cuts_compound(table, unigram, ids):
            continue
        if not _PHRASE_CHARS_RE.match(text) or words[0] in _EDGE_WORDS or words[-1] in _EDGE_WORDS:
            continue
        if not _acceptable(text) or table.cohesion(entry) < 1.0:
            continue
        glued = glued_left.get(ids[0], 0) >= left_glue_limit(words) or glued_right.get(ids[-1], 0) >= GLUE_SHARE
        if len(ids) > 1 and glued:
            continue
        if ("“" not in text and is_fragment(text)) or _RUNIN_START_RE.match(text) or "等" in words[1:-1]:
            continue  # 县委主要, 八是推进, 税费减免等政策
        if len(text) == 4 and ("的" in text or text[0] in _PREPOSITIONS or text[-1] in "上中下里"):
            continue  # 新的历史, 在思想上: pieces of longer phrases
        if table.right_closed[entry] < OPEN_END_SHARE and not is_formula(text) and wants_more(text, "“" not in text):
            continue  # 强化企业(科技创新主体地位), 完成“十四五”(规划): almost never followed by a mark
        if table.documents[entry] == 1 and has_place_name(text):
            continue
        kind = PhraseKind.FORMULA if "“" not in text and is_formula(text) else PhraseKind.COLLOCATION
        found = Phrase(text, kind, int(table.count[entry]), _sections(table, entry), source(entry))
        found.reports = int(table.documents[entry])
        candidates.append(found)
    return _closed(candidates)


def left_glue_limit(words: Sequence[str]) -> float:
    """How often a phrase's first word may be glued to the word before it: half as often when 的 follows
    it (教育的安排部署 is a fragment when 教育 nearly always comes as 主题教育)."""
    return GLUE_SHARE / 2 if list(words[1:2]) == ["的"] else GLUE_SHARE


def _glue(table: NgramTable) -> tuple[dict[int, float], dict[int, float]]:
    """For each word, the share of its uses glued into a tight compound with the word before
    (left) or after it (right): 教育 in 主题教育, 主要 in 主要领导. Tight: PMI of e^3 and more."""
    pairs = np.nonzero(table.level == 2)[0]
    if not len(pairs):
        return {}, {}
    unigram_count = np.zeros(len(table.vocab) + 1, dtype=np.float64)
    singles = np.nonzero(table.level == 1)[0]
    unigram_count[table.last[singles]] = table.count[singles]
    left = table.last[table.parent[pairs]]
    right = table.last[pairs]
    joint = table.count[pairs].astype(np.float64)
    with np.errstate(divide="ignore"):
        pmi = np.log(joint * table.total_tokens / (unigram_count[left] * unigram_count[right]))
    tight = (pmi >= 3.0) & (joint >= 2)
    into_left = np.zeros_like(unigram_count)
    into_right = np.zeros_like(unigram_count)
    np.add.at(into_left, right[tight], joint[tight])
    np.add.at(into_right, left[tight], joint[tight])
    words = np.nonzero(unigram_count)[0]
    share_left = into_left[words] / unigram_count[words]
    share_right = into_right[words] / unigram_count[words]
    return dict(zip(words.tolist(), share_left.tolist(), strict=True)), dict(
        zip(words.tolist(), share_right.tolist(), strict=True)
    )


def _cuts_compound(table: NgramTable, unigram: dict[int, int], ids: list[int]) -> bool:
    """True when an edge word is usually half of a compound: 开展主题(教育), 推动理论(学习), (主题)教育扎实.

    Only common edge words count (seen COMPOUND_MIN times): a rare word's neighbour shares are noise.
    """
    first, last = unigram.get(ids[0]), unigram.get(ids[-1])
    if last is not None and table.count[last] >= COMPOUND_MIN and table.right_share[last] >= COMPOUND_SHARE:
        return True
    return first is not None and table.count[first] >= COMPOUND_MIN and table.left_share[first] >= COMPOUND_SHARE


def _closed(phrases: list[Phrase]) -> list[Phrase]:
    """Drop a phrase that (almost) only ever occurs inside a longer kept one."""
    phrases.sort(key=lambda p: -len(p.text))
    inside: dict[str, int] = {}  # substring of a kept phrase -> the largest count of such a phrase
    kept: list[Phrase] = []
    for phrase in phrases:
        if inside.get(phrase.text, 0) >= 0.8 * phrase.count:
            continue
        kept.append(phrase)
        text = phrase.text
        for a in range(len(text)):
            for b in range(a + 4, len(text) + (a > 0)):
                piece = text[a:b]
                inside[piece] = max(inside.get(piece, 0), phrase.count)
    return kept


def _typing_entries(table: NgramTable) -> Entries:
    """Every repeated word n-gram fit to be typed (the INDEX_BUDGET most frequent), as compact sorted arrays."""
    texts = table.texts()
    wanted = most_frequent(table.count, 0, INDEX_BUDGET).tolist()
    keep = [i for i, text in enumerate(texts) if wanted[i] and typable(text)]
    counts, masks = table.count.tolist(), table.section_masks().tolist()
    documents, bounds = table.documents.tolist(), table.word_bounds()
    return Entries.build(
        [texts[i] for i in keep],
        (counts[i] for i in keep),
        (masks[i] for i in keep),
        (documents[i] for i in keep),
        (bounds[i] for i in keep),
    )


def typable(text: str) -> bool:
    """Fit to be offered while typing: no noise or anonymisation marks, real words, no dangling mark.

    A clause mark may end an entry (提高政治站位，): accepting it saves typing the mark too.
    """
    if _PLAIN_CJK_RE.match(text):  # the common case, decided at once (no anonymisation mark can be in it)
        return len(text) >= 2 and not has_noise(text)
    if PLACEHOLDER_RE.search(text) or "×" in text:
        return False
    if len(text) > 2 and text[-1] in _CLAUSE_MARKS:
        text = text[:-1]
    if len(text) < 2 or text[0] in _CLOSERS + _MARKS or text[-1] in _OPENERS + _MARKS:
        return False
    if not _balanced(text, closes_earlier=True):
        return False
    return not _PUNCT_ONLY_RE.match(text) and bool(_CJK_RE.search(PLACEHOLDER_RE.sub("", text))) and not has_noise(text)


def _sections(table: NgramTable, entry: int) -> dict[SectionType, int]:
    row = table.sections[entry]
    pairs = [(SECTIONS[i], int(row[i])) for i in range(len(SECTIONS)) if row[i]]
    return dict(sorted(pairs, key=lambda pair: -pair[1]))


def _acceptable(text: str) -> bool:
    """No noise, real words beyond slots and marks, balanced quotes."""
    if not text or has_noise(text) or not _balanced(text):
        return False
    bare = PLACEHOLDER_RE.sub("", text.replace(SLOT, ""))
    words = _CJK_RE.findall(bare)
    return len(words) >= 2 and len(words) * 2 >= len(_CJK_RE.findall(text)) + text.count(SLOT)


def _balanced(text: str, closes_earlier: bool = False) -> bool:
    """Marks nest properly and none is left open (“四个意识” yes, 课堂”“ no).

    With `closes_earlier`, a closing mark may close a quote opened before the text (四个意识” is a
    fine completion after the writer typed 增强“).
    """
    pairs = dict(zip(_CLOSERS, _OPENERS, strict=True))
    stack: list[str] = []
    for ch in text:
        if ch in _OPENERS:
            stack.append(ch)
        elif ch in pairs:
            if stack and stack[-1] == pairs[ch]:
                stack.pop()
            elif stack or not closes_earlier:
                return False
    return not stack


def _dedupe(phrases: list[Phrase]) -> list[Phrase]:
    """One phrase per text: the first kind found wins, counts and sections merge."""
    merged: dict[str, Phrase] = {}
    for phrase in phrases:
        existing = merged.get(phrase.text)
        if existing is None:
            merged[phrase.text] = phrase
            continue
        existing.count = max(existing.count, phrase.count)
        existing.reports = max(existing.reports, phrase.reports)
        for section, n in phrase.sections.items():
            existing.sections[section] = max(existing.sections.get(section, 0), n)
    return list(merged.values())
