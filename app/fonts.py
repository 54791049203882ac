"""Screen fonts: the official document font names mapped to what this machine has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

#: Official name -> installed stand-ins, best first: the Windows names first (仿宋/FangSong, 楷体/KaiTi,
#: 黑体/SimHei, 华文中宋 or 宋体 for 小标宋), then free faces of the same style — a Song face for 仿宋
#: (Debian has no free 仿宋 for Simplified Chinese; a Kai face would make body text look like 楷体).
STAND_INS = {
    "仿宋_GB2312": ["仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "AR PL SungtiL GB", "WenQuanYi Micro Hei"],
    "楷体_GB2312": ["楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "AR PL KaitiM GB", "WenQuanYi Micro Hei"],
    "黑体": ["SimHei", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC"],
    "方正小标宋简体": [
        "FZXiaoBiaoSong-B05S",
        "华文中宋",
        "STZhongsong",
        "宋体",
        "SimSun",
        "Noto Serif CJK SC",
        "AR PL SungtiL GB",
        "WenQuanYi Micro Hei",
    ],
}
#: The Latin face of the DOCX and its metric twins (Liberation Serif and Tinos share its widths).
STAND_INS["Times New Roman"] = ["Liberation Serif", "Tinos", "Nimbus Roman", "Nimbus Roman No9 L"]
BODY, KAI, HEI, TITLE = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体"


def install_substitutions() -> dict[str, str]:
    """Register stand-ins with Qt; return {official name: font used} for the names not installed."""
    families = set(QFontDatabase.families())
    used = {}
    for name, candidates in STAND_INS.items():
        QFont.insertSubstitutions(name, candidates)
        if name not in families:
            used[name] = next((c for c in candidates if c in families), "系统默认字体")
    return used


def font(name: str, size: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setFamilies([name, *STAND_INS.get(name, [])])
    result.setPointSizeF(size)
    result.setBold(bold)
    return result
