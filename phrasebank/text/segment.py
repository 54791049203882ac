"""Word boundaries (jieba) and sentence splitting for mining and suggestion.

jieba builds its dictionary on first use (~1.5 s). jieba's own cache of it is read in one call that holds
Python's lock for 0.7–1.2 s, so the dictionary is kept in the app's cache folder in pieces, read one at a
time. Call `warm_up` off the GUI thread, after `tables.preload_all` where a window runs beside it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from phrasebank.errors import PhrasebankError
from phrasebank.paths import cache_dir
from phrasebank.text.lazy import lazy
from phrasebank.text.tables import nothing, read_pieces, write_pieces

#: Word boundaries are kept as bits for a phrase's first characters only; typed contexts are shorter.
BOUND_BITS = 16

_lock = threading.Lock()
_ready = False

#: Sentence ends split text into units that no n-gram crosses.
_SENTENCE_SPLIT_RE = lazy(r"(?<=[。！？；!?;])|\n")


def warm_up(pause: Callable[[], None] = nothing) -> None:
    """Load jieba's dictionary once (thread-safe; `pause` runs between two of its pieces, see `tables`);
    later calls return at once."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import jieba

        jieba.setLogLevel(logging.CRITICAL)  # its only error, a cache it cannot write, costs the next start time
        # No cache folder of our own (read-only disk): jieba uses the system temp folder.
        folder: Path | None = None
        with contextlib.suppress(PhrasebankError):
            folder = cache_dir()
            setattr(jieba.dt, "tmp_dir", str(folder))  # noqa: B010 (jieba declares no such attribute)
        if folder is not None and jieba.dt.dictionary == jieba.DEFAULT_DICT:
            _load_dictionary(jieba.dt, folder / f"jieba-{jieba.__version__}-dictionary.marshal", pause)
        else:
            before = _temporary_files(folder)
            jieba.initialize()
            for left in _temporary_files(folder) - before:  # a cache jieba failed to write (a full disk) stays
                with contextlib.suppress(OSError):
                    left.unlink()
        _ready = True


def _load_dictionary(tokenizer, cache: Path, pause: Callable[[], None] = nothing) -> None:
    """Give a jieba tokenizer its dictionary from `cache` a piece at a time; made (in Python, which hands the
    lock back as it goes) and kept there when missing or damaged."""
    kept = read_pieces(cache, pause)
    if kept is None:
        freq, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        kept = {"total": total, "words": freq}
        with contextlib.suppress(OSError):  # (a full disk: made again next time)
            write_pieces(kept, cache)
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = kept["words"], kept["total"], True


def _temporary_files(folder: Path | None) -> set[Path]:
    """The unfinished cache files (jieba's mkstemp names) in `folder`."""
    if folder is None:
        return set()
    try:
        return set(folder.glob("tmp*"))
    except OSError:
        return set()


def words(text: str) -> list[str]:
    """jieba tokens of a text (precise mode, HMM on for unknown words), punctuation kept."""
    warm_up()
    import jieba

    return jieba.lcut(text)


def words_many(sentences: Sequence[str]) -> list[list[str]]:
    """jieba tokens of many sentences in one call (one line each), so jieba's parallel mode can help."""
    warm_up()
    import jieba

    out: list[list[str]] = [[]]
    for token in jieba.cut("\n".join(s.replace("\n", " ") for s in sentences)):
        if token == "\n":
            out.append([])
        else:
            out[-1].append(token)
    return out if sentences else []


@contextmanager
def parallel(processes: int) -> Iterator[None]:
    """Tokenise with several processes meanwhile (jieba's fork-based mode; a no-op where unsupported)."""
    import jieba

    warm_up()
    enabled = False
    if processes > 1 and os.name == "posix":
        try:
            jieba.enable_parallel(processes)
            enabled = True
        except (NotImplementedError, OSError):
            pass
    try:
        yield
    finally:
        if enabled:
            jieba.disable_parallel()


def is_word(text: str) -> bool:
    """True when jieba's dictionary knows `text` as a word (not one it guessed for unknown text)."""
    return frequency(text) > 0


def word_starts(text: str) -> list[int]:
    """Positions in `text` where a jieba word starts (0 included), in order."""
    return starts_of(words(text))


def typed_word_starts(text: str) -> list[int]:
    """`word_starts` of the text being typed: jieba segments each of its blocks (a run of Han characters, letters
    and digits, or what stands between two) on its own, so each block is segmented once and kept, and a sentence's
    earlier clauses are not segmented again at every ask."""
    warm_up()
    import jieba

    starts, at = [], 0
    for block in jieba.re_han_default.split(text):
        if block:
            starts.extend(at + start for start in _block_starts(block))
            at += len(block)
    return starts


@lru_cache(maxsize=4096)
def _block_starts(block: str) -> tuple[int, ...]:
    return tuple(word_starts(block))


def starts_of(tokens: Sequence[str]) -> list[int]:
    """Where each of the given consecutive words starts in their joined text (0 included), in order."""
    starts, at = [], 0
    for token in tokens:
        starts.append(at)
        at += len(token)
    return starts


def boundary_bits(positions: Iterable[int]) -> int:
    """Word boundaries as bits: bit p-1 set for a boundary after character p (the first BOUND_BITS only)."""
    return sum(1 << (p - 1) for p in positions if 0 < p <= BOUND_BITS)


def bounds_mask(text: str) -> int:
    """The inner word boundaries of `text` as bits (see `boundary_bits`)."""
    return boundary_bits(word_starts(text))


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, each keeping its closing mark."""
    return [s for s in _SENTENCE_SPLIT_RE.split(paragraph) if s and s.strip()]


@lru_cache(maxsize=65536)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba words of a text with their part-of-speech tags (ns place, v verb, d adverb …).

    Cached: mining asks several form questions of each candidate phrase. Uses the tagger object
    directly, so it also works while `parallel` mode is on.
    """
    warm_up()
    import jieba.posseg

    return tuple((pair.word, pair.flag) for pair in jieba.posseg.dt.lcut(text))


def frequency(word: str) -> int:
    """How often jieba's dictionary has seen `word` as a word (0 when it does not know it)."""
    warm_up()
    import jieba

    return jieba.dt.FREQ.get(word, 0)


def is_prefix(text: str) -> bool:
    """True when `text` begins a word of jieba's dictionary (jieba keeps every word's prefixes)."""
    warm_up()
    import jieba

    return text in jieba.dt.FREQ
