"""Phrase engine of Gongwen Desk: corpus cleaning, report structure, mining, suggestion, documents.

Pure Python; imports no Qt. The stable public API:
``mine(paths) -> PhraseBank``, ``PhraseBank.save/load``, ``PhraseBank.phrases``, ``PhraseBank.suggest``.
"""

from .bank import PhraseBank, mine
from .errors import BankError, EmptyCorpusError, PhrasebankError, ReadError
from .phrase import Phrase, Suggestion
from .types import PhraseKind, SectionType

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
