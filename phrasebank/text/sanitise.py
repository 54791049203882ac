"""Text from outside (imports, pasted phrases, command-line arguments) made safe to store and echo.

Control characters, terminal escape sequences, bidirectional overrides, NUL and bytes that were not
valid UTF-8 never reach the library: a phrase is one line of visible text.
"""

from __future__ import annotations

from phrasebank.text.lazy import lazy

#: ANSI/VT escape sequences, C0/C1 controls (line breaks included), bidi controls, BOM, zero-width space.
_UNSAFE_RE = lazy(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SURROGATE_RE = lazy(r"[\ud800-\udfff]")


def sanitise(text: str) -> str:
    """The text without escape sequences, control or bidi characters and undecodable bytes."""
    return _SURROGATE_RE.sub("", _UNSAFE_RE.sub("", text))


def has_undecodable(text: str) -> bool:
    """True when the text carries bytes that were not valid UTF-8 (surrogate escapes)."""
    return bool(_SURROGATE_RE.search(text))


def undecodable_argument(values: dict) -> str | None:
    """A one-line error when a command-line argument holds bytes that are not UTF-8 (else None)."""
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if has_undecodable(str(item)):
                shown = sanitise(str(item)) or "?"
                return f"参数 {name}（{shown}）含有不是 UTF-8 的字节，请检查终端或文件名的编码。"
    return None
