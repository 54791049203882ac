"""What a Word file carried besides text survives a draft's JSON."""

import json

from phrasebank.document.carried import Carried, from_json, to_json
from phrasebank.document.emphasis import Mark
from phrasebank.document.review import Change, ChangeKind
from phrasebank.document.tables import KeptTable

BOLD = (b'<w:b xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',)


def test_tables_emphasis_and_changes_round_trip_through_json():
    carried = Carried(
        [KeptTable(b"<w:tbl/>", ("│单位│联系人│",), (("rId7", b"\x89PNG..."),), (b"<w:style/>",))],
        [("今年坚持稳中求进。", (Mark(2, 6, BOLD),))],
        {1: (Change(ChangeKind.INSERTED, 0, 2, "", "李四", "2026-11-30T10:00:00Z"),)},
    )
    again = from_json(json.loads(json.dumps(to_json(carried))))
    assert again == carried


def test_a_damaged_record_gives_nothing_rather_than_a_guess():
    assert not from_json({"tables": [{"xml": "!!"}]}) and not from_json("不是记录") and not from_json({})
