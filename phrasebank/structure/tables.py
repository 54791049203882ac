"""Tables as the editor holds them: one line per row, each cell between │ (U+2502).

    │序号│单位│完成情况│
    │1│市发展改革委│已完成↵按期报送│

A cell's own paragraphs are joined by ↵ (U+21B5); a vertically merged cell's lower parts are empty
cells. A row line is a table row wherever it stands: never a heading, a title or a 落款.
"""

from __future__ import annotations

from collections.abc import Sequence

CELL = "│"
CELL_BREAK = "↵"


def is_row(text: str) -> bool:
    """Whether a paragraph is a table row: it starts and ends with │ and holds at least one cell."""
    stripped = text.strip()
    return len(stripped) >= 2 and stripped[0] == CELL and stripped[-1] == CELL


def row_cells(text: str) -> list[str]:
    """The cells of a row line, each as written (paragraphs still joined by ↵)."""
    return text.strip()[1:-1].split(CELL)


def row_line(cells: Sequence[str]) -> str:
    """The row line of `cells`; a │ or line break inside a cell's text becomes a space or ↵."""
    clean = [cell.replace(CELL, " ").replace("\r\n", CELL_BREAK).replace("\n", CELL_BREAK) for cell in cells]
    return CELL + CELL.join(clean) + CELL


def cell_paragraphs(cell: str) -> list[str]:
    """A cell's paragraphs."""
    return cell.split(CELL_BREAK)


def row_runs(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive row lines: one table each."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, text in enumerate([*paragraphs, ""]):
        if is_row(text):
            start = index if start is None else start
        elif start is not None:
            runs.append((start, index))
            start = None
    return runs


def empty_rows(rows: int, columns: int) -> list[str]:
    """The row lines of an empty table."""
    return [row_line([""] * columns) for _ in range(rows)]
