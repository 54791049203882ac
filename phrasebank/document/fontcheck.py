"""Warnings about type before a DOCX goes out: standard fonts not installed, characters outside GB2312."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable

from phrasebank.document.layout import Layout


def installed_families() -> set[str] | None:
    """Font family names installed here (fontconfig, or the Windows registry); None when unknown."""
    if os.name == "nt":
        return _windows_families()
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        listing = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, encoding="utf-8", errors="replace", timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}


def _windows_families() -> set[str] | None:
    if sys.platform != "win32":
        return None
    import winreg

    names: set[str] = set()
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            key = winreg.OpenKey(root, r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts")
        except OSError:
            continue
        with key:
            index = 0
            while True:
                try:
                    value_name = winreg.EnumValue(key, index)[0]
                except OSError:
                    break
                for part in value_name.split("&"):
                    names.add(part.split("(")[0].strip())
                index += 1
    return names


def missing_fonts(layout: Layout, families: set[str] | None = None) -> list[str]:
    """The standard fonts the layout names that are not installed ([] when that cannot be told)."""
    families = installed_families() if families is None else families
    if not families:
        return []
    wanted = (layout.body_font, layout.title_font, layout.heading1_font, layout.heading2_font, layout.kai_font)
    return [name for name in dict.fromkeys(wanted) if name not in families]


def outside_gb2312(paragraphs: Iterable[str]) -> list[str]:
    """Chinese characters the *_GB2312 fonts do not have (堃 喆 䶮 镕): Word shows them in another font."""
    lacking: dict[str, None] = {}  # in order of first use

    def collect(error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeEncodeError)
        lacking.update(dict.fromkeys(error.object[error.start : error.end]))
        return "", error.end

    codecs.register_error("gongwen-collect", collect)
    for paragraph in paragraphs:  # the codec finds what GB2312 lacks, at C speed; a paragraph at a time, so
        paragraph.encode("gb2312", errors="gongwen-collect")  # a long report never holds Python's lock long
    return [ch for ch in lacking if ord(ch) >= 0x2E80 and unicodedata.category(ch).startswith("L")]


def missing_fonts_warning(layout: Layout, families: set[str] | None = None) -> str:
    """A plain-Chinese warning when the standard fonts are not installed here; "" when they are."""
    missing = missing_fonts(layout, families)
    if not missing:
        return ""
    return (
        f"本机未安装 {'、'.join(missing)}：DOCX 仍写标准字体名（并注明替代字体 仿宋、楷体、华文中宋），"
        "请在装有这些字体的电脑上核对版面"
    )


def rare_characters_warning(paragraphs: Iterable[str], layout: Layout) -> str:
    """A plain-Chinese warning when the text has characters the *_GB2312 body font lacks; "" otherwise."""
    rare = outside_gb2312(paragraphs) if "GB2312" in layout.body_font else []
    if not rare:
        return ""
    return (
        f"“{''.join(rare[:10])}”不在 GB2312 字符集中，{layout.body_font} 没有这些字，"
        "Word/WPS 会换用其他字体显示；可改用“仿宋”（版式菜单）或核对这些字"
    )
