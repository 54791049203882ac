"""`gongwen-desk export …`: batch commands of the editor that need no window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from phrasebank.cli import DESK_COMMANDS, tolerant_output
from phrasebank.cli.parser import ChineseParser
from phrasebank.document.files import read_paragraphs
from phrasebank.document.fontcheck import missing_fonts_warning, rare_characters_warning
from phrasebank.document.layout import PRESETS, RunInStyle, chosen_layout
from phrasebank.document.report import open_report, save_report
from phrasebank.document.writer import export_docx
from phrasebank.errors import PhrasebankError
from phrasebank.structure.cleaning import Cleaned, clean_lines
from phrasebank.text.sanitise import undecodable_argument

COMMANDS = DESK_COMMANDS


#: Exit codes: 0 done (no findings), 1 findings (check), 2 an error (one line on stderr says which).
FINDINGS, ERROR = 1, 2


def main(argv: Sequence[str]) -> int:
    """Run a batch command; every failure is one Chinese line on stderr and exit code 2."""
    tolerant_output()
    try:
        return _main(argv)
    except PhrasebankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
    except BrokenPipeError:  # output piped into head and cut short
        sys.stderr.close()
    except MemoryError:
        print("错误：文件太大，内存不足，未完成。", file=sys.stderr)
    except Exception as exc:  # a defect of ours: still one line, and not the code for "findings"
        print(f"错误：处理时出现意外问题（{type(exc).__name__}：{exc}），未完成。", file=sys.stderr)
    return ERROR


def _main(argv: Sequence[str]) -> int:
    parser = ChineseParser(
        prog="gongwen-desk",
        description="公文写作台。gongwen-desk [文件] 打开编辑器（可带一个要打开的文件）；下列命令不打开窗口。",
        epilog="gongwen-desk --version 显示版本。",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = commands.add_parser("export", help="把 .txt 或 .docx 报告按 GB/T 9704-2012 版式导出为 .docx")
    p.add_argument("report", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--layout", choices=sorted(PRESETS), default="national", help="版式：national（国家标准）或 local")
    p.add_argument("--runin", choices=[s.value for s in RunInStyle], default="bold", help="“一是……”分项的字体")
    p.add_argument("--plain-fonts", action="store_true", help="用 仿宋/楷体 代替 仿宋_GB2312/楷体_GB2312")
    p.add_argument("--seal", action="store_true", help="落款按加盖印章的格式排（默认不加盖印章）")
    p.add_argument("--arabic-date", action="store_true", help="成文日期改用阿拉伯数字（二〇二六年 → 2026年）")
    p.add_argument("--author", default="", help="写入文档属性的作者")
    _cleaning_options(p)
    p = commands.add_parser("check", help="校对：规范表述、未填空位、序号、标点（发现问题时退出码为 1）")
    p.add_argument("reports", nargs="*", type=Path)
    p.add_argument("--json", action="store_true", help="以 JSON 输出（供脚本使用）")
    p.add_argument("--rules", action="store_true", help="列出依据标准的检查规则及其出处")
    p.add_argument(
        "--comments", type=Path, metavar="OUT.docx", help="把问题写成批注，保存为 DOCX 副本（多个文件时每个一份）"
    )
    _cleaning_options(p)
    args = parser.parse_args(list(argv))
    problem = undecodable_argument(vars(args))
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return ERROR
    if args.command == "check":
        return _check(args)
    try:
        report = open_report(args.report)
        if args.clean:
            report.paragraphs = _cleaned(args.report, report.paragraphs).paragraphs
        paragraphs = report.paragraphs
        layout = chosen_layout(args.layout, args.plain_fonts, args.runin, args.seal, args.arabic_date)
        report.text_format = None
        save_report(
            report,
            args.output.with_suffix(".docx") if args.output.suffix.lower() != ".docx" else args.output,
            layout,
            args.author,
        )
    except PhrasebankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return ERROR
    print(f"已导出 {args.output}（{layout.name}，{len(paragraphs)} 段）")
    for warning in (missing_fonts_warning(layout), rare_characters_warning(paragraphs, layout)):
        if warning:
            print(f"提醒：{warning}", file=sys.stderr)
    from phrasebank.check.placeholders import placeholders_warning, unfilled_placeholders

    left = placeholders_warning(unfilled_placeholders(paragraphs))
    if left:
        print(f"提醒：{left}", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    """Print findings one a line: file:line:column kind message → fix (or JSON); exit 1 when any."""
    from phrasebank.check import Checker

    if args.rules:
        return _list_rules(args.json)
    if not args.reports:
        print("错误：请给出要检查的报告文件（或用 --rules 列出规则）", file=sys.stderr)
        return 2
    checker, found_any = Checker.default(), False
    records: list[dict] = []
    for report in args.reports:
        try:
            raw = read_paragraphs(report)
            if args.clean and not (args.comments and report.suffix.lower() == ".docx"):
                cleaned = _cleaned(report, raw)
                paragraphs, lines = cleaned.paragraphs, cleaned.lines
            else:  # the file as it is: line and column count in it
                paragraphs, lines = raw, list(range(1, len(raw) + 1))
            findings = checker.check(paragraphs)
            if args.json:
                records += [_record(report, lines[f.paragraph], f) for f in findings]
            else:
                for f in findings:
                    fix = f" → {f.fix}" if f.fix is not None else ""
                    quoted = "" if f"“{f.found}”" in f.message else f"“{f.found}” "
                    print(f"{report}:{lines[f.paragraph]}:{f.column + 1} {f.kind.value} {quoted}{f.message}{fix}")
            found_any = found_any or bool(findings)
            if args.comments:
                _comment(report, paragraphs, findings, _comments_target(args.comments, report, len(args.reports)))
        except PhrasebankError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    return FINDINGS if found_any else 0


def _cleaning_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clean", action="store_true", help="先去掉网页副本的杂项（广告、页面按钮、版权说明），逐条列出去掉了什么"
    )
    parser.add_argument("--keep-noise", action="store_true", help=argparse.SUPPRESS)  # the default now


def _cleaned(path: Path, lines: list[str]) -> Cleaned:
    """The web-copy cleaner, asked for by --clean: every removed line is said, none silently."""
    cleaned = clean_lines(lines)
    for drop in cleaned.dropped:
        print(f"{path}:{drop.line} 已去掉（{drop.reason.value}）：{drop.text}", file=sys.stderr)
    if cleaned.dropped:
        print(f"{path}：共去掉 {len(cleaned.dropped)} 处", file=sys.stderr)
    return cleaned


def _comments_target(target: Path, report: Path, count: int) -> Path:
    """Where the commented copy of `report` goes: `target`, or one file per report when there are several;
    never the report itself."""
    if count > 1:
        target = target.with_name(f"{target.stem}-{report.stem}{target.suffix or '.docx'}")
    if target.resolve() == report.resolve():
        raise PhrasebankError(f"批注副本不能写在原文件上：{report}。请用 --comments 指定另一个文件名。")
    return target


def _record(report: Path, line: int, finding) -> dict:
    return {
        "file": str(report),
        "line": line,
        "column": finding.column + 1,
        "length": finding.length,
        "kind": finding.kind.value,
        "family": finding.kind.value,
        "rule": finding.rule or None,
        "message": finding.message,
        "found": finding.found,
        "fix": finding.fix,
    }


def _list_rules(as_json: bool) -> int:
    from phrasebank.check import all_rules

    rows = [{"id": r.id, "family": r.kind.value, "source": r.source, "message": r.message} for r in all_rules()]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(f"{row['id']}\t{row['family']}\t{row['source']}\t{row['message']}")
    return 0


def _comment(report: Path, paragraphs: list[str], findings, target: Path) -> None:
    from phrasebank.check.comments import annotate

    source = report
    if report.suffix.lower() != ".docx":
        source = target.with_name(f".{target.stem}.source.docx")
        export_docx(paragraphs, source)
    try:
        placed = annotate(source, findings, target)
    finally:
        if source != report:
            source.unlink(missing_ok=True)
    print(f"已把 {placed} 条问题写成批注：{target}", file=sys.stderr)
