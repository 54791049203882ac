"""What a Word file brought besides its text — kept tables, hand-set emphasis, a reviewer's open changes —
as JSON, so that an autosaved draft keeps them too and a recovered draft saves as the file would have."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from phrasebank.document.emphasis import Mark
from phrasebank.document.review import Change, ChangeKind
from phrasebank.document.tables import KeptTable


@dataclass
class Carried:
    tables: list[KeptTable] = field(default_factory=list)
    emphasis: list[tuple[str, tuple[Mark, ...]]] = field(default_factory=list)  # each paragraph as read
    changes: dict[int, tuple[Change, ...]] = field(default_factory=dict)  # paragraph number -> open changes

    def __bool__(self) -> bool:
        return bool(self.tables or self.emphasis or self.changes)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def to_json(carried: Carried) -> dict:
    """A JSON-able record of what the Word file carried."""
    return {
        "tables": [
            {
                "xml": _b64(t.xml),
                "rows": list(t.rows),
                "images": [[rid, _b64(blob)] for rid, blob in t.images],
                "styles": [_b64(s) for s in t.styles],
            }
            for t in carried.tables
        ],
        "emphasis": [
            [text, [[m.start, m.end, [_b64(x) for x in m.xml]] for m in marks]] for text, marks in carried.emphasis
        ],
        "changes": {
            str(number): [[c.kind.value, c.start, c.end, c.text, c.author, c.date] for c in changes]
            for number, changes in carried.changes.items()
        },
    }


def from_json(record: object) -> Carried:
    """What `to_json` wrote; anything malformed is left out (a draft's text never depends on it)."""
    if not isinstance(record, dict):
        return Carried()
    carried = Carried()
    try:
        for t in record.get("tables", []):
            images = tuple((str(rid), base64.b64decode(blob)) for rid, blob in t["images"])
            styles = tuple(base64.b64decode(s) for s in t["styles"])
            carried.tables.append(KeptTable(base64.b64decode(t["xml"]), tuple(map(str, t["rows"])), images, styles))
        for text, marks in record.get("emphasis", []):
            read = tuple(Mark(int(a), int(b), tuple(base64.b64decode(x) for x in xml)) for a, b, xml in marks)
            carried.emphasis.append((str(text), read))
        for number, changes in record.get("changes", {}).items():
            carried.changes[int(number)] = tuple(
                Change(ChangeKind(kind), int(a), int(b), str(text), str(author), str(date))
                for kind, a, b, text, author, date in changes
            )
    except (TypeError, ValueError, KeyError, AttributeError):
        return Carried()
    return carried
