"""Reading and writing reports for the editor: .docx and .txt in, .docx (GB/T 9704) or .txt out."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
from pathlib import Path

from phrasebank.atomic import write_bytes_atomic
from phrasebank.documents import read_paragraphs
from phrasebank.errors import PhrasebankError
from phrasebank.textfile import TextFormat, read_text_format


def read_report(path: Path) -> tuple[list[str], TextFormat | None]:
    """The report's paragraphs as the writer wrote them (no cleaning: it is their text), and for a
    text file its encoding and line break (None for DOCX)."""
    text_format = None
    if path.suffix.lower() == ".docx":
        paragraphs = read_paragraphs(path)
    else:
        text, text_format = read_text_format(path)
        paragraphs = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while paragraphs and not paragraphs[-1].strip():
        paragraphs.pop()
    return paragraphs, text_format


def write_report(paragraphs: list[str], path: Path, layout=None, text_format: TextFormat | None = None) -> None:
    """Write atomically: .docx laid out per GB/T 9704-2012; .txt in `text_format` (UTF-8 when None)."""
    if path.suffix.lower() == ".docx":
        from phrasebank.docx_export import export_docx  # python-docx loads only when saving
        from phrasebank.layout import NATIONAL

        export_docx(paragraphs, path, layout or NATIONAL)
        return
    try:
        data = (text_format or TextFormat()).encode(paragraphs)
    except UnicodeEncodeError as exc:
        raise PhrasebankError(
            f"无法按原编码（{text_format.encoding if text_format else 'utf-8'}）保存 {path.name}："
            f"“{exc.object[exc.start:exc.end]}”不能用这种编码表示。请另存为 DOCX。"
        ) from None
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise PhrasebankError(f"无法保存 {path}：{exc.strerror or exc}") from None


def write_report_apart(paragraphs: list[str], path: Path, layout=None, text_format: TextFormat | None = None) -> None:
    """`write_report` in a child process, for long reports: building and serialising a large DOCX holds
    Python's lock for long stretches, which would freeze the window even from a worker thread."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        problem = pool.submit(_write_report_or_say_why, paragraphs, path, layout, text_format).result()
    if problem:
        raise PhrasebankError(problem)


def _write_report_or_say_why(paragraphs, path, layout, text_format) -> str:
    try:
        write_report(paragraphs, path, layout, text_format)
    except (PhrasebankError, OSError) as exc:
        return str(exc)
    return ""
