"""The engine's modules the window loads as it starts, imported (by `main`) before PySide is: `import_all`.

PySide reads the source of every module imported after it, to see whether it uses PySide (its `__feature__`
hook): for the sixty modules these bring in, that was 40 ms of the start. `test_the_engine_is_imported_before_pyside`
says when the window loads one that is missing here.

`spare_feature_scan` spares the rest of that reading (21 ms): for the application's own modules, and for every
module already loaded, it enters beforehand what the reading would conclude.
"""

import os
import sys
from importlib import import_module

MODULES = (
    "phrasebank.document.drafts",
    "phrasebank.document.emphasis",
    "phrasebank.document.layout",
    "phrasebank.document.masthead",
    "phrasebank.document.review",
    "phrasebank.document.stats",
    "phrasebank.library.store",
    "phrasebank.mining.banks",
    "phrasebank.mining.shelf",
    "phrasebank.structure.numbering",
    "phrasebank.structure.templates",
    "phrasebank.suggest.openings",
    "phrasebank.suggest.personal",
    "phrasebank.text.tables",
)


def import_all() -> None:
    for name in MODULES:
        import_module(name)


def spare_feature_scan() -> None:
    """Once PySide is imported, the first import statement naming a module makes PySide read that module's
    source, to see whether it selects a PySide feature (`from __feature__ import …`): 80 modules at start, the
    standard library's and the engine's included. None of ours selects one: the application's modules are
    entered as using PySide with no feature (0, what the reading concludes), every module loaded so far as not
    using PySide (-1). Nothing is entered if this PySide keeps its table elsewhere."""
    try:
        decided = import_module("PySide6.support.feature").pyside_feature_dict  # (behind `__feature__`)
    except (ImportError, AttributeError):
        return
    if not isinstance(decided, dict):
        return
    ours = f"{__package__}."
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken6", ours)) and name != __package__:
            decided.setdefault(name, -1)
    decided.setdefault(__package__, 0)
    for name in os.listdir(os.path.dirname(__file__)):
        if name.endswith(".py"):
            decided.setdefault(f"{__package__}.{name[:-3]}", 0)
