"""The built-in bank: mined from the bundled corpus once, then loaded from a cache.

The cache key covers the corpus files and the engine's source, so a new corpus or a changed miner
rebuilds it; a damaged cache is rebuilt too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .bank import PhraseBank, mine
from .errors import BankError
from .paths import BUNDLED_CORPUS, cache_dir

_ENGINE_SOURCES = ("cleaning.py", "structure.py", "mining.py", "ngrams.py", "patterns.py", "suggest.py", "bank.py")


def cache_key(corpus: Path = BUNDLED_CORPUS) -> str:
    digest = hashlib.sha1()
    package = Path(__file__).parent
    for name in _ENGINE_SOURCES:
        digest.update((package / name).read_bytes())
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def builtin_bank(corpus: Path = BUNDLED_CORPUS) -> PhraseBank:
    """Load the cached built-in bank, mining and caching it first when needed."""
    key = cache_key(corpus)
    cache = cache_dir() / f"builtin-{key}.db"
    if cache.exists():
        try:
            return PhraseBank.load(cache)
        except BankError:
            cache.unlink(missing_ok=True)
    bank = mine([corpus])
    try:
        bank.save(cache)
        for old in cache.parent.glob("builtin-*.db"):
            if old != cache:
                old.unlink(missing_ok=True)
    except (BankError, OSError):
        pass  # a read-only cache folder only costs the mining time next start
    return bank
