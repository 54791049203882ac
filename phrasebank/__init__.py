"""Phrase engine of Gongwen Desk: reading, structure, mining, suggestion, documents, proofreading.

Pure Python; imports no Qt. The stable public API:
``mine(paths) -> PhraseBank``, ``PhraseBank.save/load``, ``PhraseBank.phrases``, ``PhraseBank.suggest``.
Names are looked up on first use, so importing one engine module does not load the miner (numpy).

Packages, lowest first (each imports only from those before it; tests/test_architecture.py holds it):
``text`` characters, words, encodings · ``structure`` what each paragraph is · ``document`` files in
and out · ``suggest`` ranked completions and the phrase dock · ``library`` the writer's own phrases ·
``mining`` corpora to phrase banks · ``check`` proofreading · ``cli`` the command lines.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from phrasebank.errors import BankError, EmptyCorpusError, PhrasebankError, ReadError
    from phrasebank.kinds import PhraseKind, SectionType
    from phrasebank.mining.banks import mine
    from phrasebank.phrase import Phrase, Suggestion
    from phrasebank.suggest.bank import PhraseBank

_PUBLIC = {
    "BankError": "phrasebank.errors",
    "EmptyCorpusError": "phrasebank.errors",
    "Phrase": "phrasebank.phrase",
    "PhraseBank": "phrasebank.suggest.bank",
    "PhraseKind": "phrasebank.kinds",
    "PhrasebankError": "phrasebank.errors",
    "ReadError": "phrasebank.errors",
    "SectionType": "phrasebank.kinds",
    "Suggestion": "phrasebank.phrase",
    "mine": "phrasebank.mining.banks",
}
__all__ = [
    "BankError",
    "EmptyCorpusError",
    "Phrase",
    "PhraseBank",
    "PhraseKind",
    "PhrasebankError",
    "ReadError",
    "SectionType",
    "Suggestion",
    "mine",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'phrasebank' has no attribute {name!r}")
    return getattr(import_module(module), name)
