"""Report skeletons the writer starts from (`resources/templates/*.txt`), in the order the chooser lists them."""

from __future__ import annotations

from phrasebank.errors import PhrasebankError
from phrasebank.paths import resource

ORDER = ("督导情况报告", "巡回指导工作报告", "进展情况汇报", "学习贯彻情况报告", "空白报告")


def template_names() -> list[str]:
    """Every shipped template: the usual ones first, then any other in name order."""
    found = {p.stem for p in resource("templates").glob("*.txt")}
    return [n for n in ORDER if n in found] + sorted(found - set(ORDER))


def template_text(name: str) -> str:
    """The skeleton of one template; an error naming it when it is not shipped."""
    path = resource("templates") / f"{name}.txt"
    if not path.is_file():
        raise PhrasebankError(f"没有名为“{name}”的报告模板。")
    return path.read_text(encoding="utf-8")
