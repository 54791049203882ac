"""Read report files (.txt in any common Chinese encoding, .docx) into lists of paragraphs.

Headings are recognised later from their numbering text, never from Word styles, so a
paragraph here is only its text. Tables and images in a DOCX become a marker paragraph.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ReadError
from .textfile import read_text

SUPPORTED_SUFFIXES = (".txt", ".docx")

#: Stands in for a DOCX table the editor does not show; never mined.
TABLE_MARKER = "［表格：此处有表格，编辑器中不显示］"
#: Stands in for a DOCX picture the editor does not show; never mined.
IMAGE_MARKER = "［图片：此处有图片，编辑器中不显示］"

#: Style of the blank lines the DOCX writer adds for layout; reading skips them.
SPACER_STYLE = "GongwenSpacer"

#: Largest total uncompressed size of a DOCX (guards against zip bombs).
MAX_DOCX_UNPACKED = 200 * 1024 * 1024


def read_paragraphs(path: str | Path) -> list[str]:
    """Return the paragraphs of a .txt or .docx report, in order, as plain strings."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx_paragraphs(path)
    if suffix == ".txt" or not suffix:
        return read_text(path).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raise ReadError(path, f"不支持的文件类型 {suffix}（只支持 .txt 和 .docx）")


def read_docx_paragraphs(path: str | Path) -> list[str]:
    """Paragraph texts of a DOCX body; tables and pictures become one marker paragraph each."""
    path = Path(path)
    _check_docx_container(path)
    import docx  # python-docx; imported here so text-only use stays light
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken parts
        raise ReadError(path, f"DOCX 文件已损坏（{type(exc).__name__}）") from None
    paragraphs: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == SPACER_STYLE:
                continue
            text = "".join(
                "\t" if node.tag == qn("w:tab") else node.text or "" for node in element.iter(qn("w:t"), qn("w:tab"))
            )
            has_picture = any(True for _ in element.iter(qn("w:drawing"), qn("w:pict")))
            if has_picture and not text.strip():
                paragraphs.append(IMAGE_MARKER)
            else:
                paragraphs.append(text)
        elif element.tag == qn("w:tbl"):
            paragraphs.append(TABLE_MARKER)
    return paragraphs


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
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(path, "文件已加密或是旧版 .doc 格式，请在 Word/WPS 中另存为未加密的 .docx")
    if not zipfile.is_zipfile(path):
        raise ReadError(path, "不是有效的 DOCX 文件（文件已损坏或类型不符）")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names:
                raise ReadError(path, "DOCX 文件缺少正文部分（word/document.xml）")
            unpacked = _unpacked_size(archive, MAX_DOCX_UNPACKED)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        raise ReadError(path, f"DOCX 文件已损坏（{exc or type(exc).__name__}）") from None
    if unpacked > MAX_DOCX_UNPACKED:
        raise ReadError(path, f"DOCX 解压后过大（超过 {MAX_DOCX_UNPACKED // 1024 // 1024} MB），疑似异常文件")


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
