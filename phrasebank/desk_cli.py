"""`gongwen-desk export …`: batch commands of the editor that need no window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .cleaning import clean_lines
from .documents import read_paragraphs
from .docx_export import export_docx
from .errors import PhrasebankError
from .layout import PRESETS, RunInStyle

COMMANDS = ("export",)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="gongwen-desk", description="公文写作台命令行（不带参数则打开编辑器）")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = commands.add_parser("export", help="把 .txt 或 .docx 报告按 GB/T 9704-2012 版式导出为 .docx")
    p.add_argument("report", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--layout", choices=sorted(PRESETS), default="national", help="版式：national（国家标准）或 local")
    p.add_argument("--runin", choices=[s.value for s in RunInStyle], default="bold", help="“一是……”分项的字体")
    p.add_argument("--plain-fonts", action="store_true", help="用 仿宋/楷体 代替 仿宋_GB2312/楷体_GB2312")
    p.add_argument("--keep-noise", action="store_true", help="不清洗广告、标记等杂项")
    args = parser.parse_args(list(argv))
    try:
        paragraphs = read_paragraphs(args.report)
        if not args.keep_noise:
            paragraphs = clean_lines(paragraphs).paragraphs
        layout = replace(PRESETS[args.layout].with_fonts(args.plain_fonts), runin_style=RunInStyle(args.runin))
        export_docx(paragraphs, args.output, layout)
    except PhrasebankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已导出 {args.output}（{layout.name}，{len(paragraphs)} 段）")
    return 0
