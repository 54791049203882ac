"""Skeletons the writer starts from: the shipped ones (`resources/templates/*.txt`, one per common 文种
and report type) and the writer's own (`templates/` in the data folder: an office's 红头, 主送 and 落款
kept as a document once written), in the order the chooser lists them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from phrasebank.atomic import write_bytes_atomic
from phrasebank.errors import PhrasebankError, os_reason
from phrasebank.paths import data_dir, resource
from phrasebank.text.lazy import lazy

ORDER = (
    "通知",
    "请示",
    "报告",
    "函",
    "纪要",
    "意见",
    "督导情况报告",
    "巡回指导工作报告",
    "进展情况汇报",
    "学习贯彻情况报告",
    "政府工作报告",
    "空白报告",
)


def user_templates() -> Path:
    return data_dir() / "templates"


def template_names() -> list[str]:
    """Every template: the shipped ones (the usual first), then the writer's own in name order."""
    found = {p.stem for p in resource("templates").glob("*.txt")}
    own = {p.stem for p in user_templates().glob("*.txt")} - found if user_templates().is_dir() else set()
    return [n for n in ORDER if n in found] + sorted(found - set(ORDER)) + sorted(own)


def template_text(name: str) -> str:
    """The skeleton of one template; an error naming it when there is none."""
    for folder in (resource("templates"), user_templates()):
        path = folder / f"{name}.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise PhrasebankError(f"没有名为“{name}”的模板。")


_BAD_NAME_RE = lazy(r'[\\/:*?"<>|\x00-\x1f]')


def save_template(name: str, lines: Sequence[str]) -> Path:
    """Keep a document (its 版头 and 版记 lines included) as the writer's own template `name`."""
    name = name.strip()
    if not name or _BAD_NAME_RE.search(name) or name.startswith("."):
        raise PhrasebankError(f"模板名称“{name}”不能用：不能为空，也不能含有 \\ / : * ? \" < > | 等字符。")
    if (resource("templates") / f"{name}.txt").is_file():
        raise PhrasebankError(f"“{name}”是内置模板的名称，请换一个名称。")
    path = user_templates() / f"{name}.txt"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
    except OSError as exc:
        raise PhrasebankError(f"无法保存模板 {path}：{os_reason(exc)}") from None
    return path
