"""From report files to a PhraseBank: `mine(paths)`, and the built-in banks, one per collection,
mined from the bundled reports once and then loaded from a cache.

The cache key covers the collection's files and the whole engine's source (each file's name, size and time
of change), so a new corpus or any change to the engine rebuilds it; a damaged cache is rebuilt too.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from pathlib import Path

from phrasebank.errors import BankError, EmptyCorpusError, PhrasebankError, ReadError
from phrasebank.mining.corpora import DEFAULT, Collection
from phrasebank.paths import cache_dir
from phrasebank.suggest.bank import PhraseBank
from phrasebank.text import segment

#: The engine's folder (phrasebank/), whose sources the built-in banks' cache key covers.
ENGINE = Path(__file__).parents[1]
#: Corpora larger than this (bytes on disk) are tokenised by two processes.
PARALLEL_FROM_BYTES = 6 * 1024 * 1024


def mine(paths: Iterable[str | Path], progress=None, min_count: int = 2) -> PhraseBank:
    """Mine the reports under the given files or folders into a PhraseBank.

    A file that cannot be read is skipped and named in `bank.info["skipped"]`; the others are mined.
    """
    from phrasebank.mining.miner import load_documents, mine_documents  # numpy: not to load a cached bank

    paths = list(paths)
    processes = 2 if _total_size(paths) > PARALLEL_FROM_BYTES else 1
    skipped: list[ReadError] = []
    with segment.parallel(processes):
        try:
            result = mine_documents(load_documents(paths, progress, skipped), min_count=min_count)
        except EmptyCorpusError:
            if len(skipped) == 1:
                raise skipped[0] from None  # the one file given could not be read: say why
            if skipped:
                raise EmptyCorpusError("没有可读取的报告：" + "；".join(map(str, skipped[:3]))) from None
            raise
    info = {
        "documents": result.documents,
        "characters": result.characters,
        "section_characters": {s.value: n for s, n in result.section_characters.items()},
        "skipped": [str(e) for e in skipped],
    }
    return PhraseBank(result.phrases, result.index, result.prefix_counts, info)


def _total_size(paths: list[str | Path]) -> int:
    from phrasebank.document.files import iter_report_files  # (a window loading a cached bank reads no file)

    try:
        return sum(p.stat().st_size for p in iter_report_files(paths))
    except OSError:
        return 0


def engine_sources() -> list[Path]:
    """Every source file of the engine, all packages: a change to any of them may change what is mined."""
    return [ENGINE / name for name, _ in _stamped(ENGINE, ".py")]


def cache_key(collection: Collection = DEFAULT) -> str:
    """A digest of the engine's source files and the collection's reports: each one's name, size and time of
    change (reading their bytes took 8 ms of every start; any edit changes the time). CRC-32 and Adler-32
    side by side: hashlib's OpenSSL module took 7 ms of every start to import."""
    listed = [*_stamped(ENGINE, ".py"), *_stamped(collection.folder, "")]
    data = "".join(f"{name}\0{found.st_size}\0{found.st_mtime_ns}\0" for name, found in listed).encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _stamped(folder: Path | str, suffix: str, under: str = "") -> list[tuple[str, os.stat_result]]:
    """(path under the first `folder`, its stat) of every file ending in `suffix` below it, in a fixed order (the
    directory entries' own stat calls: pathlib's walk took 4 ms of every start)."""
    out = []
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__":
                out += _stamped(entry.path, suffix, f"{under}{entry.name}/")
        elif entry.name.endswith(suffix) and entry.is_file():
            out.append((under + entry.name, entry.stat()))
    return out


def builtin_bank(collection: Collection = DEFAULT) -> PhraseBank:
    """Load the collection's cached bank, mining and caching it first when needed."""
    key = cache_key(collection)
    try:
        cache = cache_dir() / f"builtin-{collection.value}-{key}.db"
    except PhrasebankError:  # no cache folder (read-only disk): mine every time, still usable
        bank = mine([collection.folder])
        bank.info["collection"] = collection.value
        return bank
    if cache.exists():
        try:
            return PhraseBank.load(cache)
        except BankError:
            cache.unlink(missing_ok=True)
    bank = mine([collection.folder])
    bank.info["collection"] = collection.value
    try:
        bank.save(cache)
        for old in cache.parent.glob(f"builtin-{collection.value}-*.db"):
            if old != cache:
                old.unlink(missing_ok=True)
    except (BankError, OSError):
        pass  # a read-only cache folder only costs the mining time next start
    return bank
