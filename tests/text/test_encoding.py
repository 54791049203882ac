"""Decoding report text files: detect the encoding, never guess silently wrong."""

from __future__ import annotations

import codecs

import pytest

from phrasebank.document.files import read_paragraphs
from phrasebank.errors import ReadError
from phrasebank.text import encoding
from phrasebank.text.encoding import decode, read_text, split_lines

TEXT = "一、存在的问题\n对照上级要求，还存在一些差距和不足。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gbk"),
        (TEXT.encode("gb18030"), "gbk"),  # the same bytes: GBK, the narrower name
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_decode_detects_common_chinese_encodings(data, encoding):
    text, found = decode(data)
    assert text == TEXT
    assert found == encoding


def test_gb18030_only_characters_survive():
    text = "㐀䶵 作为生僻字的报告"  # outside GBK, inside GB18030
    assert decode(text.encode("gb18030"))[0] == text


def test_binary_data_is_refused_with_the_file_name(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReadError) as error:
        read_paragraphs(path)
    assert "broken.txt" in str(error.value)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(ReadError, match="不存在"):
        read_paragraphs(tmp_path / "nope.txt")


def test_gbk_report_reads_into_paragraphs(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gbk"))
    assert read_paragraphs(path)[:2] == ["一、存在的问题", "对照上级要求，还存在一些差距和不足。"]


def test_a_utf8_file_cut_mid_character_is_named_at_its_own_offset(tmp_path):
    data = "关于全市安全生产工作情况的报告\n一、总体情况\n全市工作有序推进。\n".encode()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[:-2])
    with pytest.raises(ReadError, match=f"UTF-8 文本在第 {len(data) - 4} 字节处被截断"):  # 。 lost its last byte
        read_text(cut)
    broken = tmp_path / "broken.txt"
    broken.write_bytes(data[:21] + b"\xff" + data[21:])
    with pytest.raises(ReadError, match="UTF-8 文本中第 21 字节无法解码"):
        read_text(broken)


def test_a_gbk_file_stays_gbk_and_a_character_gbk_lacks_is_refused_not_upgraded(tmp_path):
    from phrasebank.document.report import Report, open_report, save_report
    from phrasebank.errors import PhrasebankError

    path = tmp_path / "gbk.txt"
    path.write_bytes("一、总体情况\n工作有序推进。\n".encode("gbk"))
    report = open_report(path)
    assert report.text_format is not None and report.text_format.encoding == "gbk"
    save_report(Report([*report.paragraphs, "二、下步打算"], text_format=report.text_format), path)
    assert path.read_bytes() == "一、总体情况\n工作有序推进。\n二、下步打算\n".encode("gbk")
    with pytest.raises(PhrasebankError, match="“𠮷”"):
        save_report(Report(["吉祥的𠮷字"], text_format=report.text_format), path)
    assert path.read_bytes().decode("gbk").endswith("二、下步打算\n")  # the file is left as it was


def test_long_texts_decode_and_split_a_piece_at_a_time_exactly_as_whole(monkeypatch):
    """Decoded and split in small pieces (so that one C call never holds Python's lock for long): the same
    text, the same lines — a character or a \\r\\n across a piece's edge included — and errors at their
    offset in the whole file."""
    monkeypatch.setattr(encoding, "PIECE", 7)
    text = "一、总体情况\r\n全市工作有序推进。\r\n\r\n二、存在问题\r第三行\n末行"
    assert decode(text.encode("utf-8"))[0] == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[0] == text
    assert split_lines(text) == ["一、总体情况", "全市工作有序推进。", "", "二、存在问题", "第三行", "末行"]
    assert split_lines(text + "\n") == [*split_lines(text), ""]
    data = text.encode("utf-8")
    with pytest.raises(ReadError, match=f"UTF-8 文本在第 {len(data) - 3} 字节处被截断"):  # 行 lost its last byte
        decode(data[:-1])
    with pytest.raises(ReadError, match="UTF-8 文本中第 49 字节无法解码"):  # in the eighth piece, named in the file
        decode(data[:49] + b"\xff" + data[49:])
