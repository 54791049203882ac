"""What each paragraph of a report is: noise removed (`cleaning`), roles, headings, run-in heads and
section types (`outline`), heading numbers (`numbering`), and the starter texts (`templates`)."""

from phrasebank.structure.outline import OutlineNode, Role, Structure, parse_paragraph

__all__ = ["OutlineNode", "Role", "Structure", "parse_paragraph"]
