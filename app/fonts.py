"""Screen fonts: the official document font names mapped to what this machine has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

#: Official name -> installed stand-ins, best first (Debian has no free 仿宋 for Simplified Chinese).
STAND_INS = {
    "仿宋_GB2312": ["FangSong", "仿宋", "STFangsong", "AR PL UKai CN", "Noto Serif CJK SC", "WenQuanYi Micro Hei"],
    "楷体_GB2312": ["KaiTi", "楷体", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "WenQuanYi Micro Hei"],
    "黑体": ["SimHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC"],
    "方正小标宋简体": ["FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC", "AR PL SungtiL GB", "WenQuanYi Micro Hei"],
}
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
