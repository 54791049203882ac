"""Drafts written and read back whole."""

from phrasebank.document.drafts import DraftStore


def test_a_draft_comes_back_exactly_as_written(tmp_path):
    text = '关于工作的报告\n\n一、“总体”情况\\n 不是换行\t制表\xa0不换行空格\u2028行内换行\n最后一段"'
    DraftStore(tmp_path, "first").save(text, "/报告/旧稿.docx", {"issuer": "某某市人民政府"}, {"tables": []})
    [draft] = DraftStore(tmp_path, "second").left_behind()
    assert (draft.text, draft.path, draft.masthead) == (text, "/报告/旧稿.docx", {"issuer": "某某市人民政府"})


def test_a_long_reports_draft_is_written_a_few_hundred_paragraphs_at_a_time(tmp_path, monkeypatch):
    """Written from the paragraphs in pieces (no one call over the whole text beside the window), it reads
    back exactly, characters that JSON escapes on either side of a piece's edge included."""
    import json

    from phrasebank.document import drafts

    monkeypatch.setattr(drafts, "LINES_AT_A_TIME", 2)
    lines = ["关于工作的报告", "", '一、“总体”\\n情况"', "\t制表\u2028行内", "最后一段"]
    pieces = list(drafts._json_pieces(lines))
    assert len(pieces) == 3
    assert b"".join(pieces).decode("utf-8") == json.dumps("\n".join(lines), ensure_ascii=False)[1:-1]
    DraftStore(tmp_path, "first").save(lines, "/报告/长稿.docx")
    [draft] = DraftStore(tmp_path, "second").left_behind()
    assert (draft.text, draft.path) == ("\n".join(lines), "/报告/长稿.docx")
