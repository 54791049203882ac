"""Read report files (.txt in any common Chinese encoding, .docx) into lists of paragraphs.

Headings are recognised later from their numbering text, never from Word styles, so a
paragraph here is only its text (Word's automatic numbering included, see docx_reader).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from phrasebank.document.reader import (
    CONVERTED_SUFFIXES,
    SPACER_STYLE,
    DocxText,
    convert_with_libreoffice,
    open_docx,
    read_docx,
)
from phrasebank.errors import ReadError
from phrasebank.text.encoding import read_text, split_lines

SUPPORTED_SUFFIXES = (".txt", ".docx")
#: Word files read directly; templates and macro files open as documents.
DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
__all__ = ["SPACER_STYLE", "load_docx", "read_docx_paragraphs", "read_paragraphs"]

#: Largest total uncompressed size of a DOCX (guards against zip bombs).
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
#: Largest body (word/document.xml) and most paragraphs and runs in it: a 1,000-page report has about
#: 30,000 paragraphs and 10 MB of XML; a body past these is a forged file that would take gigabytes.
MAX_BODY_BYTES, MAX_BODY_PARAGRAPHS, MAX_BODY_RUNS = 60 * 1024 * 1024, 300_000, 2_000_000


def read_paragraphs(path: str | Path) -> list[str]:
    """Return the paragraphs of a report file, in order, as plain strings."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES or suffix in CONVERTED_SUFFIXES:
        return load_docx(path).paragraphs
    if suffix == ".txt" or not suffix:
        return split_lines(read_text(path))
    raise ReadError(path, f"不支持的文件类型 {suffix}（支持 .docx、.txt，以及经 LibreOffice 转换的 .doc、.wps、.rtf）")


def read_docx_paragraphs(path: str | Path) -> list[str]:
    """Paragraph texts of a DOCX body in reading order (numbering, tables, text boxes; see docx_reader)."""
    return load_docx(path).paragraphs


def load_docx(path: str | Path) -> DocxText:
    """Read a DOCX (or .docm/.dotx; a .doc/.wps/.rtf converted by LibreOffice first) with its pictures
    and the w:p behind each paragraph."""
    path = Path(path)
    if path.suffix.lower() in CONVERTED_SUFFIXES:
        with tempfile.TemporaryDirectory(prefix="gongwen-convert-") as folder:
            return load_docx(convert_with_libreoffice(path, Path(folder)))
    if _is_old_word_file(path):  # a .doc (WPS, Word 97–2003) saved under a .docx name
        with tempfile.TemporaryDirectory(prefix="gongwen-convert-") as folder:
            renamed = Path(folder) / f"{path.stem}.doc"
            shutil.copyfile(path, renamed)
            try:
                return load_docx(convert_with_libreoffice(renamed, Path(folder)))
            except ReadError as exc:  # named by the writer's file, not the copy
                raise ReadError(path, exc.reason) from None
    _check_docx_container(path)
    try:
        document = open_docx(path)
    except Exception as exc:  # python-docx raises many types for broken parts
        raise ReadError(path, f"DOCX 文件已损坏（{type(exc).__name__}）") from None
    if not document.element.tag.endswith("}document") or getattr(document.element, "body", None) is None:
        raise ReadError(path, "DOCX 文件已损坏（没有正文 w:body）")
    return read_docx(document)


#: The start of an OLE compound file: an old .doc, or an encrypted DOCX (its package sits inside one).
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _is_old_word_file(path: Path) -> bool:
    """An OLE file that is not an encrypted OOXML package (whose streams name EncryptedPackage)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return head.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") not in head


def _check_docx_container(path: Path) -> None:
    """Refuse what python-docx would choke on: missing, empty, not a zip, encrypted, a bomb."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(path, "文件不存在") from None
    if size == 0:
        raise ReadError(path, "文件是空的（0 字节）")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        raise ReadError(path, "文件已加密（设置了打开密码），请在 Word/WPS 中取消密码后另存为 .docx")
    if not zipfile.is_zipfile(path):
        raise ReadError(path, "不是有效的 DOCX 文件（文件已损坏或类型不符）")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names:
                raise ReadError(path, "DOCX 文件缺少正文部分（word/document.xml）")
            unpacked = _unpacked_size(archive, MAX_DOCX_UNPACKED)
            body = _body_counts(archive) if unpacked <= MAX_DOCX_UNPACKED else None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        raise ReadError(path, f"DOCX 文件已损坏（{exc or type(exc).__name__}）") from None
    if unpacked > MAX_DOCX_UNPACKED:
        raise ReadError(path, f"DOCX 解压后过大（超过 {MAX_DOCX_UNPACKED // 1024 // 1024} MB），疑似异常文件")
    if body is not None and body != "":
        raise ReadError(path, f"DOCX 正文{body}，疑似异常文件，未打开")


def _body_counts(archive: zipfile.ZipFile) -> str:
    """What makes the body too large to read ("" when nothing): counted while streaming, never parsed."""
    size = paragraphs = runs = 0
    tail = b""  # the last bytes of the previous chunk: a tag cut in two is counted once

    def tags(data: bytes, *names: bytes) -> int:
        return sum(data.count(name) for name in names)

    with archive.open("word/document.xml") as member:
        while chunk := member.read(256 * 1024):
            size += len(chunk)
            window = tail + chunk
            paragraphs += tags(window, b"<w:p>", b"<w:p ", b"<w:p/>") - tags(tail, b"<w:p>", b"<w:p ", b"<w:p/>")
            runs += tags(window, b"<w:r>", b"<w:r ") - tags(tail, b"<w:r>", b"<w:r ")
            tail = window[-6:]
            if size > MAX_BODY_BYTES:
                return f"超过 {MAX_BODY_BYTES // 1024 // 1024} MB"
            if paragraphs > MAX_BODY_PARAGRAPHS:
                return f"段落超过 {MAX_BODY_PARAGRAPHS:,} 个"
            if runs > MAX_BODY_RUNS:
                return f"文字块超过 {MAX_BODY_RUNS:,} 个"
    return ""


def _unpacked_size(archive: zipfile.ZipFile, limit: int) -> int:
    """The bytes the parts really unpack to, read in small chunks and stopped past `limit`.

    The sizes a zip declares can be forged; reading a part whole (what ZipFile.read does) would
    inflate all of it in memory first.
    """
    total = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while chunk := member.read(64 * 1024):
                total += len(chunk)
                if total > limit:
                    return total
    return total


def iter_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield every .txt/.docx file named or found (recursively, sorted) under the given paths."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and _is_report_file(found.relative_to(path)):
                    yield found
        elif path.is_file():
            yield path
        else:
            raise ReadError(path, "文件或文件夹不存在")


def _is_report_file(relative: Path) -> bool:
    """A supported file that is not hidden, in no hidden folder, and no Office lock file."""
    hidden = relative.name.startswith("~$") or any(part.startswith(".") for part in relative.parts)
    return relative.suffix.lower() in SUPPORTED_SUFFIXES and not hidden
