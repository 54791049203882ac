"""The engine's modules the window loads as it starts, imported (by `main`) before PySide is: `import_all`.

PySide reads the source of every module imported after it, to see whether it uses PySide (its `__feature__`
hook): for the sixty modules these bring in, that was 40 ms of the start. `test_the_engine_is_imported_before_pyside`
says when the window loads one that is missing here.
"""

from importlib import import_module

MODULES = (
    "phrasebank.check.docnumber",
    "phrasebank.check.genre",
    "phrasebank.check.ignoring",
    "phrasebank.check.placeholders",
    "phrasebank.document.drafts",
    "phrasebank.document.layout",
    "phrasebank.document.report",
    "phrasebank.document.stats",
    "phrasebank.library.store",
    "phrasebank.mining.banks",
    "phrasebank.mining.shelf",
    "phrasebank.structure.numbering",
    "phrasebank.structure.renewal",
    "phrasebank.structure.templates",
    "phrasebank.suggest.openings",
    "phrasebank.suggest.personal",
    "phrasebank.text.tables",
)


def import_all() -> None:
    for name in MODULES:
        import_module(name)
