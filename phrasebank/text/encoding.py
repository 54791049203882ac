"""Decode report text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Detection is strict: a file that decodes under no encoding, or decodes as GB18030 into
characters no report uses, is refused instead of being guessed wrong.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from phrasebank.errors import ReadError, os_reason

#: A text file larger than this is refused (a report is a few hundred kilobytes at most).
MAX_TEXT_BYTES = 64 * 1024 * 1024
#: Long texts are decoded and split this many bytes or characters at a time: one C call holds Python's lock
#: throughout, and a file opened in the background must not hold the window's calls into Python for long
#: (24 MB in one piece: 24 ms to decode, 31 ms to split into lines).
PIECE = 1 << 20


def decode(data: bytes, name: str | Path = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a text file, or raise ReadError."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    try:
        return _in_pieces(data, "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if utf8_error.reason == "unexpected end of data" and data[: utf8_error.start].decode("utf-8", "ignore"):
        raise ReadError(  # a UTF-8 file cut short: say so at its own offset, not GB18030's
            name, f"UTF-8 文本在第 {utf8_error.start} 字节处被截断（最后一个字不完整），文件可能没有保存完整"
        ) from None
    try:
        return _gbk(data), "gbk"  # plain GBK stays GBK: a character GBK lacks is refused when saving, not
    except UnicodeDecodeError:  # written silently as GB18030 that GBK-only programs cannot show
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        mostly_utf8 = data.decode("utf-8", "replace").count("\ufffd") <= max(8, len(data) // 1000)
        where = utf8_error.start if mostly_utf8 else exc.start
        kind = "UTF-8 文本中" if mostly_utf8 else "不是 UTF-8 或 GB18030/GBK 文本，"
        raise ReadError(name, f"{kind}第 {where} 字节无法解码") from None
    if not _plausible(text):
        raise ReadError(name, "编码无法识别：按 GB18030 解码后不像中文文本")
    return text, "gb18030"


@dataclass(frozen=True)
class TextFormat:
    """How a text file was written: its encoding and line break, so that saving it again keeps both."""

    encoding: str = "utf-8"
    newline: str = "\n"

    def encode(self, paragraphs: list[str]) -> bytes:
        """The paragraphs as this file's bytes (a trailing line break, as text files end)."""
        text = self.newline.join(paragraphs) + self.newline
        prefix = b"\xef\xbb\xbf" if self.encoding == "utf-8-sig" else b""
        encoding = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        return prefix + text.encode(encoding)


def split_lines(text: str) -> list[str]:
    """A text's lines, whatever line break it uses (\\r\\n, \\r or \\n); a long text a piece at a time, each cut
    just after a line feed (so \\r\\n is never cut in two)."""
    lines: list[str] = []
    start = 0
    while True:
        cut = text.find("\n", start + PIECE) + 1 if len(text) - start > PIECE else 0
        piece = text[start:cut] if cut else text[start:]
        found = piece.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if not cut:
            lines += found
            return lines
        lines += found[:-1]  # the piece ends with its line feed: the empty text after it is the next piece's
        start = cut


def read_text(path: str | Path) -> str:
    """Read and decode one text file."""
    return read_text_format(path)[0]


def read_text_format(path: str | Path) -> tuple[str, TextFormat]:
    """Read and decode one text file; also say how it was encoded and which line break it uses."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise ReadError(path, f"文件过大（{size // 1024 // 1024} MB）")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(path, "文件不存在") from None
    except IsADirectoryError:
        raise ReadError(path, "这是一个文件夹，不是文件") from None
    except PermissionError:
        raise ReadError(path, "没有读取权限") from None
    except OSError as exc:
        raise ReadError(path, os_reason(exc)) from None
    text, encoding = decode(data, path)
    newline = "\r\n" if "\r\n" in text[:100_000] else "\n"
    return text, TextFormat(encoding, newline)


def _in_pieces(data: bytes, encoding: str) -> str:
    """`data.decode(encoding)`, PIECE bytes at a time; raises what decoding the whole would raise."""
    if len(data) <= PIECE:
        return data.decode(encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        parts = [decoder.decode(view[at : at + PIECE]) for at in range(0, len(data), PIECE)]
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return data.decode(encoding)  # raises again, at the offset in the whole file
    return "".join(parts)


def _gbk(data: bytes) -> str:
    text = data.decode("gbk")
    if not _plausible(text):
        raise UnicodeDecodeError("gbk", data, 0, 1, "not text")
    return text


def _strict(data: bytes, encoding: str, name: str | Path) -> str:
    try:
        return _in_pieces(data, encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(name, f"声明为 {encoding} 但第 {exc.start} 字节无法解码") from None


def _plausible(text: str) -> bool:
    """True when GB18030-decoded text reads as text: few control, private-use or unassigned characters.

    Binary data or a file in yet another encoding decodes into those; real Chinese text does not.
    """
    sample = text[:20000]
    if not sample:
        return True
    odd = sum(1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
    return odd / len(sample) < 0.01
