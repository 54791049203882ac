"""Ranked completions at the cursor and the phrase dock's lists: where the writer is (`context`), one
ranking (`ranking`) over three sources (the bank's `index`, this document's `memory`, the writer's
`personal` phrases), the `PhraseBank` that holds phrases and index, and what the `dock` lists."""

from phrasebank.suggest.bank import PhraseBank
from phrasebank.suggest.memory import DocumentMemory
from phrasebank.suggest.personal import PersonalPhrases
from phrasebank.suggest.ranking import SHOW_THRESHOLD

__all__ = ["SHOW_THRESHOLD", "DocumentMemory", "PersonalPhrases", "PhraseBank"]
