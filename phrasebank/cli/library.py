"""`phrasebank library …`: the personal phrase library from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phrasebank.kinds import PhraseKind
from phrasebank.library.entry import Entry
from phrasebank.library.exchange import export_library, import_library
from phrasebank.library.store import Library, LibraryError
from phrasebank.mining import review
from phrasebank.mining.banks import builtin_bank


def add_parser(commands, section_type, kind_type) -> None:
    """Register `library` and its subcommands on the main parser."""
    lib = commands.add_parser("library", help="个人短语库：添加、查找、编辑、导入导出、从旧报告挖掘")
    sub = lib.add_subparsers(dest="library_command", required=True, metavar="ACTION")

    p = sub.add_parser("add", help="添加短语")
    p.add_argument("text")
    _phrase_options(p, section_type, kind_type)
    p.set_defaults(run=_add)

    for name, helptext in (("list", "列出短语"), ("search", "查找（文字、全拼或拼音首字母，如 yxcg）")):
        p = sub.add_parser(name, help=helptext)
        if name == "search":
            p.add_argument("query")
        p.add_argument("--section", type=section_type)
        p.add_argument("--kind", type=kind_type)
        p.add_argument("--tag")
        p.add_argument("--favourite", action="store_true", help="只列收藏")
        origin = p.add_mutually_exclusive_group()
        origin.add_argument("--personal", dest="origin", action="store_const", const="personal", help="只列个人短语")
        origin.add_argument("--builtin", dest="origin", action="store_const", const="builtin", help="只列内置短语")
        p.add_argument("--limit", type=int, default=50)
        p.set_defaults(run=_search, query="") if name == "list" else p.set_defaults(run=_search)

    p = sub.add_parser("edit", help="修改个人短语（按编号）")
    p.add_argument("id", type=int)
    p.add_argument("--text")
    _phrase_options(p, section_type, kind_type, defaults=False)
    fav = p.add_mutually_exclusive_group()
    fav.add_argument("--favourite", dest="favourite", action="store_true", default=None)
    fav.add_argument("--no-favourite", dest="favourite", action="store_false")
    p.set_defaults(run=_edit)

    p = sub.add_parser("remove", help="删除个人短语（按编号）")
    p.add_argument("id", type=int)
    p.set_defaults(run=_remove)

    p = sub.add_parser("export", help="导出为 .json（无损）或 .csv（带 BOM，Excel/WPS 可直接打开）")
    p.add_argument("file", type=Path)
    p.set_defaults(run=_export)

    p = sub.add_parser(
        "import",
        help="从 .json 或 .csv 导入（有错则一条也不导入）；也可从短语库文件 .db（含损坏后另存的）找回仍可读取的短语",
    )
    p.add_argument("file", type=Path)
    p.set_defaults(run=_import)

    p = sub.add_parser("mine", help="从自己的旧报告挖掘短语，逐条确认后加入")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--limit", type=int, default=100, help="最多审阅几条（默认 100）")
    p.set_defaults(run=_mine)


def _phrase_options(p, section_type, kind_type, defaults: bool = True) -> None:
    p.add_argument(
        "--section",
        dest="sections",
        action="append",
        type=section_type,
        default=[] if defaults else None,
        help="章节类型，可多次使用",
    )
    p.add_argument("--kind", type=kind_type, default=PhraseKind.COLLOCATION if defaults else None)
    p.add_argument("--tag", dest="tags", action="append", default=[] if defaults else None, help="标签，可多次使用")
    p.add_argument("--note", default="" if defaults else None)


def _open(writes: bool = False) -> Library:
    """The library; for a command that changes it, a library that can only be read is an error at once."""
    library = Library(builtin=builtin_bank().phrases)
    if writes and library.read_only:
        raise LibraryError(f"{library.notice or '短语库只能读取。'}这次修改没有保存。")
    if library.notice:
        print(library.notice, file=sys.stderr)
    return library


def _line(entry: Entry) -> str:
    mark = "★" if entry.favourite else " "
    ident = "内置" if entry.builtin else f"#{entry.id}"
    where = "、".join(s.label for s in entry.sections)
    tags = " ".join(f"#{t}" for t in entry.tags)
    return f"{ident:>6} {mark} {entry.text}  [{entry.kind.label}] {where} {tags}".rstrip()


def _add(args: argparse.Namespace) -> int:
    library = _open(writes=True)
    existing = library.find(args.text)
    entry = library.add(args.text, args.kind, args.sections, args.tags, args.note)
    print(("已有：" if existing else "已添加：") + _line(entry))
    return 0


def _search(args: argparse.Namespace) -> int:
    library = _open()
    found = library.search(
        args.query,
        section=args.section,
        kind=args.kind,
        tag=args.tag,
        favourite=True if args.favourite else None,
        origin=args.origin,
        limit=args.limit,
    )
    for entry in found:
        print(_line(entry))
    if not found:
        print("（没有找到）")
    return 0


def _edit(args: argparse.Namespace) -> int:
    library = _open(writes=True)
    changes = {
        key: value
        for key, value in (
            ("text", args.text),
            ("sections", args.sections),
            ("kind", args.kind),
            ("tags", args.tags),
            ("note", args.note),
            ("favourite", args.favourite),
        )
        if value is not None
    }
    print("已修改：" + _line(library.edit(args.id, **changes)))
    return 0


def _remove(args: argparse.Namespace) -> int:
    library = _open(writes=True)
    entry = library.get(args.id)
    library.remove(args.id)
    print(f"已删除：{entry.text}")
    return 0


def _export(args: argparse.Namespace) -> int:
    count = export_library(_open(), args.file)
    print(f"已导出 {count} 条短语到 {args.file}")
    return 0


def _import(args: argparse.Namespace) -> int:
    report = import_library(_open(writes=True), args.file)
    lost = f"；{report.unreadable} 条已损坏、读不出来" if report.unreadable else ""
    print(f"已导入 {report.added} 条短语；{report.duplicates} 条已存在，未重复导入{lost}。")
    return 0


def _mine(args: argparse.Namespace) -> int:
    library = _open(writes=True)
    found = [c for c in review.candidates(library, args.paths) if c.duplicate is None][: args.limit]
    if not found:
        print("没有发现新的短语。")
        return 0
    print(f"发现 {len(found)} 条新短语。逐条确认：y 接受，n 跳过，e 修改后接受，q 结束（其余不加入）。")
    accepted: list[tuple[review.ReviewItem, str]] = []
    for n, candidate in enumerate(found, start=1):
        p = candidate.phrase
        where = "、".join(s.label for s in p.sections)
        answer = _ask(f"[{n}/{len(found)}] {p.text}  [{p.kind.label}] {where} 出现{p.count}次  (y/n/e/q) ")
        if answer == "q":
            break
        if answer == "y":
            accepted.append((candidate, p.text))
        elif answer == "e":
            text = _ask("修改为：", lower=False) or p.text
            accepted.append((candidate, text))
    added = review.accept(library, accepted)
    print(f"已加入 {added} 条短语。")
    return 0


def _ask(prompt: str, lower: bool = True) -> str:
    try:
        answer = input(prompt).strip()
    except EOFError:
        return "q"
    return answer.lower() if lower else answer
