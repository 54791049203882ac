"""The writer's personal phrase library over the built-in bank: the SQLite `store` with its `backup`s,
the `Entry` record, search by text and pinyin (`search`, `pinyin`), and import/export (`exchange`)."""

from phrasebank.library.entry import Entry
from phrasebank.library.store import Library, LibraryError

__all__ = ["Entry", "Library", "LibraryError"]
