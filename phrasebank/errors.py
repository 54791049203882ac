"""Errors the engine raises; each message is one Chinese sentence that names the file."""

from __future__ import annotations

import errno
from pathlib import Path

#: The system's errors named in the writer's words.
_ERRNO_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "磁盘只读",
    errno.EACCES: "没有访问权限（文件或文件夹只读）",
    errno.EPERM: "没有访问权限（文件或文件夹只读）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENAMETOOLONG: "路径太长，超过系统允许的长度",
    errno.EISDIR: "该位置是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
    errno.ELOOP: "链接层层相指，无法到达文件",
    errno.EIO: "磁盘读写出错",
    errno.EFBIG: "文件超过系统允许的大小",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
}


def known_os_reason(exc: BaseException) -> str | None:
    """Why a file operation failed, in Chinese, when the system named a common cause."""
    return _ERRNO_REASONS.get(getattr(exc, "errno", None) or 0)


def os_reason(exc: BaseException) -> str:
    """Why a file operation failed, in Chinese (the system's own words only for a rare cause)."""
    return known_os_reason(exc) or reason_text(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)


def reason_text(text: str) -> str:
    """SQLite's and the system's words for an I/O problem, in the writer's."""
    lower = text.lower()
    if "full" in lower or "no space" in lower:
        return "磁盘已满"
    if "readonly" in lower or "read-only" in lower or "permission" in lower or "unable to open" in lower:
        return "文件或文件夹只读或无权访问"
    if "locked" in lower or "busy" in lower:
        return "另一个程序正在写入，请稍后再试"
    if "disk i/o" in lower:
        return "磁盘读写出错（可能已满或只读）"
    return text



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
