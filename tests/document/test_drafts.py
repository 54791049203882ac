"""Drafts written and read back whole."""

from phrasebank.document.drafts import DraftStore


def test_a_draft_comes_back_exactly_as_written(tmp_path):
    text = '关于工作的报告\n\n一、“总体”情况\\n 不是换行\t制表\xa0不换行空格\u2028行内换行\n最后一段"'
    DraftStore(tmp_path, "first").save(text, "/报告/旧稿.docx", {"issuer": "某某市人民政府"}, {"tables": []})
    [draft] = DraftStore(tmp_path, "second").left_behind()
    assert (draft.text, draft.path, draft.masthead) == (text, "/报告/旧稿.docx", {"issuer": "某某市人民政府"})
