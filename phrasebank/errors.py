"""Errors the engine raises; each message is one Chinese sentence that names the file."""

from __future__ import annotations

from pathlib import Path


class PhrasebankError(Exception):
    """Base of every error meant to be shown to the writer as it is."""


class ReadError(PhrasebankError):
    """A report file that cannot be read: missing, undecodable, broken or too large."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法读取 {path}：{reason}")


class BankError(PhrasebankError):
    """A phrase bank file that cannot be written or read back."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"词库 {path} 出错：{reason}")


class EmptyCorpusError(PhrasebankError):
    """The given paths hold no report text to mine."""
