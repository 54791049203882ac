"""An argparse parser that speaks Chinese: help headings, usage and every error it reports."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's own error messages (Python 3.10–3.13) and their Chinese; the first pattern that matches wins.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), chinese)
    for pattern, chinese in (
        (r"the following arguments are required: (?P<a>.+)", "缺少参数：{a}"),
        (r"unrecognized arguments: (?P<a>.+)", "无法识别的参数：{a}"),
        (
            r"argument (?P<a>\S+): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)",
            "参数 {a} 的取值 {v} 无效，可选：{c}",
        ),
        (r"argument (?P<a>\S+): invalid (?P<t>\w+) value: (?P<v>.+)", "参数 {a} 的取值 {v} 不是有效的{t}"),
        (r"argument (?P<a>\S+): expected one argument", "参数 {a} 后面要跟一个值"),
        (r"argument (?P<a>\S+): expected at least one argument", "参数 {a} 后面至少要跟一个值"),
        (r"argument (?P<a>\S+): expected (?P<n>\d+) arguments?", "参数 {a} 后面要跟 {n} 个值"),
        (r"argument (?P<a>\S+): not allowed with argument (?P<b>\S+)", "参数 {a} 不能和 {b} 同时使用"),
        (r"argument (?P<a>\S+): ignored explicit argument (?P<v>.+)", "参数 {a} 不接受取值 {v}"),
        (r"one of the arguments (?P<a>.+) is required", "须给出其中一个参数：{a}"),
        (r"ambiguous option: (?P<a>\S+) could match (?P<m>.+)", "选项 {a} 不明确，可能是：{m}"),
        (r"argument (?P<a>\S+): (?P<m>.+)", "参数 {a}：{m}"),
    )
)
_TYPE_NAMES = {"int": "整数", "float": "数字"}


def chinese_error(message: str) -> str:
    """argparse's English error message in Chinese (a message it does not know is kept as is)."""
    for pattern, chinese in _ERRORS:
        found = pattern.fullmatch(message.strip())
        if found:
            parts = {key: _TYPE_NAMES.get(value, value) for key, value in found.groupdict().items()}
            return chinese.format(**parts)
    return message


class ChineseParser(argparse.ArgumentParser):
    """ArgumentParser with Chinese headings and errors; its subcommand parsers are ChineseParsers too."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def format_usage(self) -> str:
        return _usage_in_chinese(super().format_usage())

    def format_help(self) -> str:
        text = _usage_in_chinese(super().format_help())
        return text.replace("\n参数:\n", "\n参数：\n").replace("\n选项:\n", "\n选项：\n")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{chinese_error(message)}\n")


def _usage_in_chinese(text: str) -> str:
    return "用法：" + text.removeprefix("usage: ") if text.startswith("usage: ") else text
