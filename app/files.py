"""Reading and writing reports for the editor: .docx and .txt in, .docx (GB/T 9704) or .txt out."""

from __future__ import annotations

from pathlib import Path

from phrasebank.atomic import write_bytes_atomic
from phrasebank.documents import read_paragraphs
from phrasebank.errors import PhrasebankError


def read_report(path: Path) -> list[str]:
    """The report's paragraphs as the writer wrote them (no cleaning: it is their text)."""
    paragraphs = read_paragraphs(path)
    while paragraphs and not paragraphs[-1].strip():
        paragraphs.pop()
    return paragraphs


def write_report(paragraphs: list[str], path: Path, layout=None) -> None:
    """Write atomically: .docx laid out per GB/T 9704-2012, anything else as UTF-8 text."""
    if path.suffix.lower() == ".docx":
        from phrasebank.docx_export import export_docx  # python-docx loads only when saving
        from phrasebank.layout import NATIONAL

        export_docx(paragraphs, path, layout or NATIONAL)
        return
    try:
        write_bytes_atomic(path, ("\n".join(paragraphs) + "\n").encode("utf-8"))
    except OSError as exc:
        raise PhrasebankError(f"无法保存 {path}：{exc.strerror or exc}") from None
