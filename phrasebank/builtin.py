"""The built-in banks, one per collection: mined from the bundled reports once, then loaded from a cache.

The cache key covers the collection's files and the whole engine's source, so a new corpus or any
change to the engine rebuilds it; a damaged cache is rebuilt too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .bank import PhraseBank, mine
from .corpora import DEFAULT, Collection
from .errors import BankError, PhrasebankError
from .paths import cache_dir


def cache_key(collection: Collection = DEFAULT) -> str:
    """A digest of the engine's source and the collection's reports."""
    digest = hashlib.sha1()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for path in sorted(collection.folder.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


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
