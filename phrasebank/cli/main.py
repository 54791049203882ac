"""`phrasebank` command line: mine, suggest, outline, clean.

Errors print one line naming the file and exit with status 1; a bank is written whole or not at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from phrasebank.cli import library, tolerant_output
from phrasebank.cli.parser import ChineseParser
from phrasebank.document.files import read_paragraphs
from phrasebank.document.masthead import split_masthead
from phrasebank.errors import PhrasebankError
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.mining.banks import mine
from phrasebank.structure.cleaning import clean_lines
from phrasebank.structure.outline import Structure, format_outline
from phrasebank.suggest.bank import PhraseBank
from phrasebank.text.sanitise import undecodable_argument

_SECTION_HELP = ", ".join(f"{s.value}({s.label})" for s in SectionType)


#: Exit code of a command that failed (one Chinese line on stderr says why), as `gongwen-desk` and argparse.
ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_output()
    parser = _parser()
    args = parser.parse_args(argv)
    problem = undecodable_argument(vars(args))
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return ERROR
    try:
        return args.run(args)
    except PhrasebankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return ERROR
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except MemoryError:
        print("错误：文件太大，内存不足，未完成。", file=sys.stderr)
        return ERROR
    except Exception as exc:  # a defect of ours: still one line
        print(f"错误：处理时出现意外问题（{type(exc).__name__}：{exc}），未完成。", file=sys.stderr)
        return ERROR


def _parser() -> argparse.ArgumentParser:
    parser = ChineseParser(
        prog="phrasebank", description="公文写作台短语引擎：清洗语料、解析结构、挖掘短语、输入联想。"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("mine", help="从报告文件或文件夹挖掘短语库")
    p.add_argument("paths", nargs="+", type=Path, help=".txt/.docx 文件或文件夹（递归）")
    p.add_argument("-o", "--output", type=Path, required=True, help="词库文件（SQLite）")
    p.add_argument("--min-count", type=int, default=2, help="短语至少出现的次数（默认 2）")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    p.set_defaults(run=_mine)

    p = commands.add_parser("suggest", help="给出光标前文字的联想补全")
    p.add_argument("--bank", type=Path, required=True, help="词库文件")
    p.add_argument("--section", type=_section, help=f"章节类型：{_SECTION_HELP}；省略则按最近的标题推断")
    p.add_argument("--limit", type=int, default=5, help="最多几条（默认 5）")
    p.add_argument("--all", action="store_true", help="也列出把握不大、编辑器不会弹出的补全（附估计的概率）")
    p.add_argument("text", help="光标前的文字")
    p.set_defaults(run=_suggest)

    p = commands.add_parser("phrases", help="列出词库中的短语")
    p.add_argument("--bank", type=Path, required=True, help="词库文件")
    p.add_argument("--section", type=_section, help=f"只列此章节类型：{_SECTION_HELP}")
    p.add_argument("--kind", type=_kind, help="只列此种类：" + ", ".join(f"{k.value}({k.label})" for k in PhraseKind))
    p.add_argument("--limit", type=int, default=50, help="最多几条（默认 50）")
    p.set_defaults(run=_phrases)

    p = commands.add_parser("outline", help="显示报告的结构大纲和章节类型")
    p.add_argument("file", type=Path, help=".txt 或 .docx 报告")
    p.set_defaults(run=_outline)

    p = commands.add_parser("clean", help="输出清洗后的文本")
    p.add_argument("file", type=Path, help=".txt 或 .docx 报告")
    p.add_argument("--explain", action="store_true", help="列出每一处被删除的内容和原因（输出到标准错误）")
    p.set_defaults(run=_clean)

    library.add_parser(commands, _section, _kind)
    return parser


def _section(name: str) -> SectionType:
    try:
        return SectionType.parse(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _kind(name: str) -> PhraseKind:
    try:
        return PhraseKind.parse(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _mine(args: argparse.Namespace) -> int:
    show = not args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show and name:
            print(f"\r读取 {done + 1}/{total}：{name[:40]:<40}", end="", file=sys.stderr, flush=True)

    try:
        bank = mine(args.paths, progress=progress, min_count=args.min_count)
    finally:
        if show:
            print(file=sys.stderr)  # end the progress line, also before an error message
    bank.save(args.output)
    info = bank.info
    for problem in info.get("skipped", []):
        print(f"跳过：{problem}", file=sys.stderr)
    print(
        f"已从 {info['documents']} 个文件（{info['characters']} 字）挖掘 {len(bank.phrases)} 条短语、"
        f"{len(bank.index)} 条联想词条，保存到 {args.output}"
    )
    return 0


def _suggest(args: argparse.Namespace) -> int:
    bank = PhraseBank.load(args.bank)
    if args.all:
        bank.threshold = 0.0
    suggestions = bank.suggest(args.text, args.section, args.limit)
    if not suggestions:
        print("（没有把握足够的联想，编辑器不会弹出；--all 列出全部）" if not args.all else "（没有联想）")
    for n, s in enumerate(suggestions, start=1):
        where = "、".join(section.label for section in s.sections[:3])
        score = f"  p≈{s.score:.2f}" if args.all else ""
        print(f"{n}. {args.text}【{s.completion}】  {s.kind.label}  {where}{score}")
    return 0


def _phrases(args: argparse.Namespace) -> int:
    bank = PhraseBank.load(args.bank)
    phrases = bank.for_section(args.section)
    if args.kind:
        phrases = [p for p in phrases if p.kind is args.kind]
    for p in phrases[: args.limit]:
        where = "、".join(f"{s.label}{n}" for s, n in p.sections.items())
        print(f"{p.text}\t{p.kind.label}\t{p.count}次\t{where}\t{p.source}")
    return 0


def _outline(args: argparse.Namespace) -> int:
    """The outline as the window shows it: a 版头 and 版记 are taken apart first (no 份号 as the title)."""
    _, paragraphs = split_masthead(clean_lines(read_paragraphs(args.file)).paragraphs)
    print(format_outline(Structure.from_texts(paragraphs)))
    return 0


def _clean(args: argparse.Namespace) -> int:
    cleaned = clean_lines(read_paragraphs(args.file))
    print(cleaned.text)
    if args.explain:
        for drop in cleaned.dropped:
            print(f"{args.file}:{drop.line}: 删除{drop.reason.value}：{drop.text}", file=sys.stderr)
    return 0
