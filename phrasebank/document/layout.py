"""Page and type layout presets for official documents (GB/T 9704-2012 and common local variants)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class RunInStyle(StrEnum):
    """How a run-in head (一是……。) is set."""

    BOLD = "bold"
    KAI = "kai"
    PLAIN = "plain"


@dataclass(frozen=True)
class Layout:
    """Everything the DOCX writer needs to know about the page and the type. Lengths in millimetres."""

    name: str = "国家标准（GB/T 9704-2012）"
    margin_top: float = 37.0
    margin_bottom: float = 35.0
    margin_left: float = 28.0  # binding side
    margin_right: float = 26.0
    chars_per_line: int = 28
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"
    kai_font: str = "楷体_GB2312"
    page_number_font: str = "宋体"
    latin_font: str = "Times New Roman"
    body_size: float = 16.0  # 3号
    title_size: float = 22.0  # 2号
    page_number_size: float = 14.0  # 4号
    line_pitch_pt: float = 28.95
    runin_style: RunInStyle = RunInStyle.BOLD
    page_number_gap: float = 7.0  # page number sits this far below the text block
    seal: bool = False  # 落款 for a sealed document (有印章) or not (无印章), §7.3.5
    arabic_date: bool = False  # write 成文日期 in Arabic numerals on export

    @property
    def block_width_mm(self) -> float:
        return 210.0 - self.margin_left - self.margin_right

    @property
    def block_width_pt(self) -> float:
        return mm_to_pt(self.block_width_mm)

    @property
    def block_height_mm(self) -> float:
        return 297.0 - self.margin_top - self.margin_bottom

    @property
    def lines_per_page(self) -> int:
        """Lines the text block holds at the line pitch: 22 for the national standard."""
        return int(mm_to_pt(self.block_height_mm) / self.line_pitch_pt + 1e-6)

    def with_fonts(self, without_gb2312: bool) -> Layout:
        """The same layout with 仿宋/楷体 instead of 仿宋_GB2312/楷体_GB2312 (some offices' machines)."""
        if not without_gb2312:
            return self
        return replace(self, body_font="仿宋", heading2_font="楷体", kai_font="楷体")


NATIONAL = Layout()
#: A common local variant: equal margins, 28/28/27/27 mm (top/bottom/left/right).
LOCAL_EQUAL_MARGINS = replace(
    NATIONAL,
    name="地方常用（上下 28 mm，左右 27 mm）",
    margin_top=28.0,
    margin_bottom=28.0,
    margin_left=27.0,
    margin_right=27.0,
)

PRESETS: dict[str, Layout] = {"national": NATIONAL, "local": LOCAL_EQUAL_MARGINS}


def chosen_layout(
    preset: str = "national",
    plain_fonts: bool = False,
    runin: str = RunInStyle.BOLD.value,
    seal: bool = False,
    arabic_date: bool = False,
) -> Layout:
    """The layout a writer's choices name (the window's 版式 menu, `gongwen-desk export`'s flags);
    an unknown preset or run-in style falls back to the standard one."""
    try:
        runin_style = RunInStyle(runin)
    except ValueError:
        runin_style = RunInStyle.BOLD
    return replace(
        PRESETS.get(preset, NATIONAL).with_fonts(plain_fonts),
        runin_style=runin_style,
        seal=seal,
        arabic_date=arabic_date,
    )


def mm_to_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def mm_to_pt(mm: float) -> float:
    return mm / 25.4 * 72
