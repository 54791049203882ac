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

from . import tokenize
from .cleaning import clean_lines, has_noise
from .documents import IMAGE_MARKER, TABLE_MARKER, iter_report_files, read_paragraphs
from .errors import EmptyCorpusError, ReadError
from .ngrams import SECTIONS, NgramTable, TokenStream, count_characters, count_ngrams
from .patterns import find_frames, find_series, sibling_template
from .phrase import Phrase
from .structure import Role, Structure
from .suggest import PREFIX_COUNT_LEN, Entries
from .types import PLACEHOLDER_RE, SLOT, PhraseKind, SectionType

#: An edge word seen this often, followed (or preceded) by one word this often, is half a compound.
COMPOUND_MIN = 10
COMPOUND_SHARE = 0.55

#: Progress callback: (files done, files in all, current file name).
Progress = Callable[[int, int, str], None]

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_PLAIN_CJK_RE = re.compile(r"^[\u4e00-\u9fff]+$")
_PHRASE_CHARS_RE = re.compile(r"^[\u4e00-\u9fff“”]+$")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_EDGE_WORDS = frozenset(
    "的 了 和 与 及 等 在 是 对 把 将 为 以 中 上 也 都 就 又 并 而 或 被 让 由 从 向 之 其 着 到 给 于 和 "
    "及其 以及 并且 或者 一是 二是 三是 四是 五是 同时 通过 进行 一些 这个 这些 那些 各 个 地 得 所 "
    "关于 作为 按照 根据 围绕 聚焦 进一步 不断 更加 真正 同比 有关".split()
)
_OPENERS = "“《（(‘"
_CLOSERS = "”》）)’"
_MARKS = "，、。；：！？,.;:!?"
_CLAUSE_MARKS = "，、；："
_PUNCT_ONLY_RE = re.compile(r"^[\W_]+$")


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


@dataclass
class _Occurrences:
    """Pattern-rule finds, counted with sections and first source."""

    counts: Counter[tuple[str, PhraseKind]] = field(default_factory=Counter)
    sections: dict[tuple[str, PhraseKind], Counter[SectionType]] = field(default_factory=lambda: defaultdict(Counter))
    sources: dict[tuple[str, PhraseKind], str] = field(default_factory=dict)

    def add(self, text: str, kind: PhraseKind, section: SectionType | None, source: str) -> None:
        key = (text, kind)
        self.counts[key] += 1
        if section is not None:
            self.sections[key][section] += 1
        self.sources.setdefault(key, source)

    def phrases(self) -> list[Phrase]:
        return [
            Phrase(text, kind, count, dict(self.sections[(text, kind)].most_common()), self.sources[(text, kind)])
            for (text, kind), count in self.counts.items()
        ]


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
        paragraphs = [p for p in cleaned.paragraphs if p not in (TABLE_MARKER, IMAGE_MARKER)]
        yield Document(path.name, paragraphs, Structure.from_texts(paragraphs))
    if progress:
        progress(len(files), len(files), "")


def mine_documents(documents: Iterable[Document], min_count: int = 2, max_n: int = 12) -> MiningResult:
    """Mine phrases and the typing index from parsed documents."""
    stream = TokenStream()
    found = _Occurrences()
    names: list[str] = []
    sentences: list[str] = []
    for doc_index, doc in enumerate(documents):
        names.append(doc.name)
        _scan_document(doc_index, doc, stream, found, sentences)
    if stream.characters == 0:
        raise EmptyCorpusError("语料中没有可用的正文文字（文件为空或全是噪声）")
    table = count_ngrams(stream, max_n=max_n, min_count=min_count)

    def source(entry: int) -> str:
        doc, para = stream.source_of(int(table.first[entry]))
        return f"{names[doc]}:{para + 1}"

    phrases = _collocations(table, source, min_count) + [p for p in found.phrases() if _acceptable(p.text)]
    phrases = _dedupe(phrases)
    phrases.sort(key=lambda p: (-p.count, p.kind.value, p.text))
    index = _typing_entries(table)
    prefix_counts = count_prefixes([*(p.text for p in phrases), *index.texts], sentences)
    return MiningResult(phrases, index, prefix_counts, len(names), stream.characters)


def count_prefixes(texts: Iterable[str], sentences: Sequence[str], max_len: int = PREFIX_COUNT_LEN) -> dict[str, int]:
    """How often each short entry prefix occurs anywhere in the text, word-aligned or not.

    This is the denominator of P(phrase | typed prefix): after 主, 主题教育 competes with 民主 and 自主.
    Counted as character n-grams with the same vectorised counter as the words.
    """
    wanted = {text[:k] for text in texts for k in range(1, min(max_len, len(text) - 2) + 1)}
    table = count_characters(sentences, max_n=max_len)
    return {text: n for text, n in zip(table.texts(), table.count.tolist(), strict=True) if text in wanted}


def _scan_document(
    doc_index: int, doc: Document, stream: TokenStream, found: _Occurrences, sentences: list[str]
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
                found.add(para.head, PhraseKind.HEADING, section, where)
            text = text[len(para.number) :] if para.number else text
        elif para.is_runin:
            parent = max(parents.items())[1] if parents else -1
            siblings[(parent, 99)].append((para.head, section, where))
        for sentence in tokenize.sentences(text):
            pending.append((sentence, section, index))
            for template, kind in (*find_frames(sentence), *find_series(sentence)):
                found.add(template, kind, section, where)
    batch = [sentence for sentence, _, _ in pending]
    for (sentence, section, index), words in zip(pending, tokenize.words_many(batch), strict=True):
        sentences.append(sentence)
        stream.add_sentence(words, section, (doc_index, index))
    for group in siblings.values():
        template = sibling_template([head for head, _, _ in group])
        if template:
            found.add(template, PhraseKind.HEADING, group[0][1], group[0][2])


def _collocations(table: NgramTable, source: Callable[[int], str], min_count: int) -> list[Phrase]:
    """Cohesive, freely bounded n-grams: fixed expressions and four-character formulas."""
    if not len(table):
        return []
    # Vectorised first cut: frequent, up to 8 tokens, free on both sides, no neighbour dominating.
    free = (np.minimum(table.left_entropy, table.right_entropy) >= 0.5) & (
        np.maximum(table.left_share, table.right_share) < 0.75
    )
    possible = np.nonzero((table.count >= min_count) & (table.level <= 8) & free)[0]
    candidates: list[Phrase] = []
    unigram = {int(table.last[e]): e for e in np.nonzero(table.level == 1)[0].tolist()}
    for entry in possible.tolist():
        words = table.words(entry)
        text = "".join(words)
        if not 4 <= len(text) <= 14 or (len(words) == 1 and len(text) != 4):
            continue
        if len(words) > 1 and _cuts_compound(table, unigram, table.token_ids(entry)):
            continue
        if not _PHRASE_CHARS_RE.match(text) or words[0] in _EDGE_WORDS or words[-1] in _EDGE_WORDS:
            continue
        if not _acceptable(text) or table.cohesion(entry) < 1.0:
            continue
        kind = PhraseKind.FORMULA if len(text) == 4 and "“" not in text else PhraseKind.COLLOCATION
        candidates.append(Phrase(text, kind, int(table.count[entry]), _sections(table, entry), source(entry)))
    return _closed(candidates)


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
    """Every repeated word n-gram fit to be typed, as compact sorted arrays."""
    texts = table.texts()
    keep = [i for i, text in enumerate(texts) if typable(text)]
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
        for section, n in phrase.sections.items():
            existing.sections[section] = max(existing.sections.get(section, 0), n)
    return list(merged.values())
