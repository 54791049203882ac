"""版头 and 版记 (GB/T 9704-2012 §7.2, §7.4): the fields, their text lines, and finding them in a file.

The editor keeps them apart from the report's text: a dialog fills them, the DOCX writer lays them
out, and reading a file (ours or anyone's) takes them off the top and the bottom of the text so
that 发文机关标志 is never taken for the title, nor 抄送/印发 for the 落款.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace

from phrasebank.text.lazy import lazy

#: 发文字号 as the standard writes it: 代字〔年份〕序号号; 纪要 and 命令 have their own forms.
#: 发文字号, also with a slip in it (a missing 〕, 第, padding) or a slot left to fill (〔2026〕X号): a
#: 版头 with a slip is still a 版头 (the checker names the slip).
DOC_NUMBER_RE = lazy(
    r"^\S*[〔\[［(（]\s*(?:\d{4}|[xX]{1,4})\s*[〕\]］)）]?\s*第?\s*(?:\d+|[xX]{1,3})\s*[号次]$|^第\d+号$"
)
_SIGNER_RE = lazy(r"^(?P<number>.*?)\s*签发人[：:]\s*(?P<signers>.+)$")
_COPY_NUMBER_RE = lazy(r"^\d{6}$")
#: A 密级 that marks a state secret, with its 保密期限: 机密★5年.
CLASSIFIED_RE = lazy(r"^(绝密|机密|秘密)(?:★.*)?$")
_SECRECY_RE = lazy(rf"{CLASSIFIED_RE.pattern}|^(?:内部资料|内部文件|内部明电|内部资料\s*注意保存)$")
_URGENCY_RE = lazy(r"^(?:特急|加急|特提|平急)$")
_PRINTED_RE = lazy(r"^(?P<printer>\S.*?)\s+(?P<date>\d{4}年\d{1,2}月\d{1,2}日)印发$")
_COPY_TO_RE = lazy(r"^抄送[：:]\s*(?P<to>.+)$")
_DISTRIBUTION_RE = lazy(r"^(?:报|送|发|分送)[：:]\s*\S")

#: How many lines at the top of a file may belong to the 版头.
BANNER_LINES = 8


@dataclass(frozen=True)
class Masthead:
    """版头 (份号 … 签发人) and 版记 (抄送, 印发机关, 印发日期) of one document; all optional."""

    copy_number: str = ""  # 份号: six digits
    secrecy: str = ""  # 密级和保密期限: 秘密★1年
    urgency: str = ""  # 紧急程度: 特急 / 加急
    issuer: str = ""  # 发文机关标志: 中共云岭市委办公室文件
    doc_number: str = ""  # 发文字号: 云办发〔2026〕12号
    signers: str = ""  # 签发人 (上行文): 张三
    distribution: str = ""  # further 版记 lines (报：…/送：…), one per line
    copy_to: str = ""  # 抄送机关, without the label: 市委各部委。
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期: 2026年7月16日

    @property
    def has_banner(self) -> bool:
        return any((self.copy_number, self.secrecy, self.urgency, self.issuer, self.doc_number, self.signers))

    @property
    def has_imprint(self) -> bool:
        return any((self.distribution, self.copy_to, self.printer, self.print_date))

    def __bool__(self) -> bool:
        return self.has_banner or self.has_imprint

    def to_dict(self) -> dict[str, str]:
        return {key: value for key, value in asdict(self).items() if value}

    @classmethod
    def from_dict(cls, data: dict) -> Masthead:
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in names and v})

    def banner_lines(self) -> list[str]:
        """The 版头 as plain text lines (what a .txt file holds), top to bottom."""
        number = self.doc_number
        if self.signers:
            number = f"{number}　　签发人：{self.signers}".strip("　")
        return [line for line in (self.copy_number, self.secrecy, self.urgency, self.issuer, number) if line]

    def imprint_lines(self) -> list[str]:
        """The 版记 as plain text lines, top to bottom."""
        lines = [line for line in self.distribution.splitlines() if line.strip()]
        if self.copy_to:
            lines.append(f"抄送：{self.copy_to}")
        if self.printer or self.print_date:
            date = f"{self.print_date}印发" if self.print_date else ""
            lines.append(f"{self.printer}　　{date}".strip("　"))
        return lines

    def wrap(self, paragraphs: Sequence[str]) -> list[str]:
        """The report's paragraphs with the 版头 above and the 版记 below (for a text file)."""
        top = [*self.banner_lines(), ""] if self.has_banner else []
        bottom = ["", *self.imprint_lines()] if self.has_imprint else []
        return [*top, *paragraphs, *bottom]


def split_masthead(paragraphs: Sequence[str]) -> tuple[Masthead, list[str]]:
    """Take a 版头 off the top and a 版记 off the bottom of a document's paragraphs.

    A 版头 is recognised by its 发文字号 (or a 份号/密级/紧急程度 line, or a ……文件 line) among the
    first lines; the lines before the 发文字号 that are none of those are the 发文机关标志.
    A 版记 ends in a ……印发 line or has an 抄送 line among the last lines.
    """
    masthead, rest = _take_banner(list(paragraphs))
    masthead, rest = _take_imprint(masthead, rest)
    return masthead, rest


def masthead_extent(paragraphs: Sequence[str]) -> tuple[int, int]:
    """(end of the 版头, start of the 版记) as paragraph indices: (0, len) when there is neither."""
    _, body = _take_banner(list(paragraphs))
    top = len(paragraphs) - len(body)
    _, rest = _take_imprint(Masthead(), body)
    return top, top + len(rest)


def _take_banner(lines: list[str]) -> tuple[Masthead, list[str]]:
    top = [k for k, line in enumerate(lines) if line.strip()][:BANNER_LINES]
    values: dict[str, str] = {}
    issuer: list[str] = []
    end = marked = -1
    for k in top:
        line = re.sub(r"\s+", " ", lines[k].strip())
        for key, pattern in (("copy_number", _COPY_NUMBER_RE), ("secrecy", _SECRECY_RE), ("urgency", _URGENCY_RE)):
            if key not in values and not issuer and pattern.match(line):
                values[key], marked = line, k
                break
        if marked == k:
            continue
        if (signed := _SIGNER_RE.match(line)) or DOC_NUMBER_RE.match(line):
            number = signed.group("number").strip() if signed else line
            if signed:
                values["signers"] = signed.group("signers").strip()
            if number:
                values["doc_number"] = number
            end = k
            break
        if len(line) <= 30 and not re.search(r"[。，；：:]", line):
            issuer.append(line)
            if line.endswith("文件"):
                end = k
        else:
            break
    if end < 0 and not values:
        return Masthead(), lines
    if end < 0:  # 份号/密级 lines alone: the 版头 ends with them
        end, issuer = marked, []
    elif "doc_number" not in values and not (issuer and issuer[-1].endswith("文件")):
        return Masthead(), lines
    if issuer:
        values["issuer"] = "".join(issuer) if len(issuer) > 1 and all(len(i) <= 12 for i in issuer) else issuer[-1]
    from phrasebank.document.reader import PICTURE_MARKER_RE  # (the reader is not needed to show a window)

    rest = lines[end + 1 :]
    while rest and (not rest[0].strip() or PICTURE_MARKER_RE.match(rest[0].strip())):
        rest.pop(0)  # blank lines, and the red rule when a file draws it as a picture
    return Masthead(**values), rest


def _take_imprint(masthead: Masthead, lines: list[str]) -> tuple[Masthead, list[str]]:
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if not filled:
        return masthead, lines
    values: dict[str, str] = {}
    distribution: list[str] = []
    start = len(lines)
    for k in reversed(filled[-6:]):
        line = re.sub(r"\s+", " ", lines[k].strip())
        printed = _PRINTED_RE.match(line.replace("\t", " "))
        if printed and not values and not distribution:
            values["printer"], values["print_date"] = printed.group("printer").strip(), printed.group("date")
        elif copy_to := _COPY_TO_RE.match(line):
            values["copy_to"] = copy_to.group("to").strip()
        elif _DISTRIBUTION_RE.match(line):
            distribution.insert(0, line)
        else:
            break
        start = k
    if not values and not distribution:
        return masthead, lines
    if distribution:
        values["distribution"] = "\n".join(distribution)
    rest = lines[:start]
    while rest and not rest[-1].strip():
        rest.pop()
    return replace(masthead, **values), rest
