"""Remove the noise real report files carry, and say what was removed and why.

Noise kinds: promotion lines of material sellers, ``##paidbegin##``-style markers (also in the
middle of a sentence, which then reads as one sentence again), password lines, web-page chrome
(download/print buttons, 【字号】, 来源/时间, breadcrumbs, photo captions, 相关报道) and page numbers.
Anonymised numbers (x, XX …) are content, not noise: they stay as placeholder slots.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from phrasebank.structure.outline import Role, parse_paragraph
from phrasebank.text.chars import SENTENCE_END
from phrasebank.text.lazy import lazy


class Noise(StrEnum):
    """Why a line or a piece of one was removed; the value is what --explain prints."""

    MARKER = "付费/分段标记"
    ADVERT = "广告推广"
    PASSWORD = "密码行"
    CHROME = "网页杂项"
    CAPTION = "图片说明"
    PAGE_NUMBER = "页码"
    REPEATED_HEADER = "重复的网页标题"
    LICENCE = "网页版权说明"


#: Substrings no phrase or suggestion may ever contain, whatever the source says.
NOISE_WORDS = ("哒哒", "paid", "密码", "会员", "客服", "代笔", "字号", "打印", "素材库")

_MARKER_RE = lazy(r"##\s*[A-Za-z_-]+\s*##")
#: Full-width ASCII and the traditional forms sellers use to dodge filters, folded one for one
#: (positions do not move) before matching; the text itself keeps its own characters.
_FOLD = str.maketrans(
    {
        **{chr(0xFF01 + i): chr(0x21 + i) for i in range(94)},
        "\u3000": " ",
        "庫": "库",
        "碼": "码",
        "會": "会",
        "員": "员",
    }
)
#: Contact handles, links and unlock words of material sellers (matched on folded text). A government
#: address (gov.cn) is content: reports and notices cite their portals.
_CONTACT_RE = lazy(
    r"(?:QQ|V信|VX|WX|微信|薇信|威信|扣扣)\s*(?:号|群)?\s*[:：]?\s*[A-Za-z0-9_-]{5,}"
    r"|https?://(?![a-z0-9./-]*gov\.cn)|www\.(?![a-z0-9.-]*gov\.cn)[a-z0-9-]+"
    r"|(?<![.a-z0-9-])(?![a-z0-9.-]*gov\.cn)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|top|vip|me)\b"
    r"|解锁码|pwd\s*[:：]",
    re.IGNORECASE,
)
#: One of these alone marks a promotion line of a material seller.
_ADVERT_STRONG_RE = lazy(r"素材库|代笔|客服|svip|vip会员|谨防假冒|唯一平台|好评如潮|持续接单", re.IGNORECASE)
#: These appear in real reports too (学习微信公众号); two of them on one line mark promotion.
_ADVERT_WEAK_RE = lazy(
    r"网盘|公众号|每天更新|一键(?:精准|快速|极速)|有意加入|加入请联系|添加微信|微信号|扫码|联系[:：]|欢迎加入"
)
#: A password given out (编辑密码：wsx2023, 提取码 a1b2): a word for one, then a code. 《密码法》 and
#: 密码管理 in a report's text are not.
_PASSWORD_RE = lazy(
    r"(?:密码|提取码|解压码|解锁码|口令|pwd)\s*(?:是|为)?\s*[:：]?\s*[A-Za-z0-9]{3,}|(?:密码|提取码|口令|pwd)\s*[:：]\s*$",
    re.IGNORECASE,
)
_CHROME_EXACT = frozenset(
    "下载 打印 全屏 收藏 加大 还原 减小 】 【 首页 > ＞ 分享 分享: 分享： 相关报道 相关报道： 相关报道: "
    "【字号： 字号： 【字号 返回顶部 关闭窗口 打印本页 政府信息公开 上一篇 下一篇 扫一扫在手机打开当前页".split()
)
_CHROME_RE = lazy(
    r"^(?:【?字号[:：].*|来源[:：].*|(?:发布)?时间[:：]\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}).*|"
    r"发布时间[:：]\s*$|时间[:：]\s*$|责任编辑[:：].*|编辑[:：].*|"
    r"浏览次数.*|阅读[:：]?\s*\d+.*|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
_CAPTION_RE = lazy(r"(?:记者|摄影|供图|图/|图：)\s*\S{1,12}\s*摄?$|作政府工作报告。?$|^图为")
_PAGE_NUMBER_RE = lazy(r"^[-—–－]\s*\d{1,4}\s*[-—–－]$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")
_VALUE_LABELS = frozenset(("来源：", "来源:", "时间：", "时间:", "发布时间："))
#: A licence or public-domain note that web copies append after the text. It runs over several short
#: lines (the web copy broke it at links) and ends at the first blank line after a finished sentence or
#: a bare "Public domain"/"false": only the note goes, never a text that follows it (concatenated files).
_LICENCE_RE = lazy(r"^(?:本作品(?:是|在|不适用|属于|来自|采用)|Public domain$|注：中文维基文库)")
_LICENCE_TAIL = frozenset(("Public domain", "false", "true"))
_LICENCE_END = frozenset(("false", "true"))
_BLANK_RE = lazy(r"^[\s\u3000\ufeff]*$")

#: Marks after which a line is a finished paragraph (a marker there is no mid-sentence break).
_PARAGRAPH_END = SENTENCE_END + "：:”」）)"


@dataclass(frozen=True)
class Dropped:
    """One removed line or marker: 1-based line number, the text removed, and why."""

    line: int
    text: str
    reason: Noise


@dataclass
class Cleaned:
    """The paragraphs that remain, each with its first source line, and what was removed."""

    paragraphs: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def clean_lines(lines: Iterable[str]) -> Cleaned:
    """Clean the lines (paragraphs) of one report."""
    result = Cleaned()
    header_lines: set[str] = set()
    in_header = True
    join_next = False  # a marker cut the previous paragraph mid-sentence
    previous = ""  # the previous non-blank source line, kept or not
    in_licence = False  # past the start of a trailing licence note
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().strip("\u3000\ufeff").strip()
        if _BLANK_RE.match(line):
            if in_licence and (previous[-1:] in SENTENCE_END or previous in _LICENCE_TAIL):
                in_licence = False
            continue
        tail = line in _LICENCE_TAIL and previous in _LICENCE_TAIL  # false after false
        in_licence = in_licence or bool(_LICENCE_RE.match(line)) or tail
        reason = Noise.LICENCE if in_licence else _line_noise(line, previous)
        previous = line
        if in_licence and line in _LICENCE_END:
            in_licence = False  # the web copy's last line: what follows is another text
        if reason is None and in_header and line in header_lines and len(line) <= 40:
            reason = Noise.REPEATED_HEADER
        if reason is not None:
            result.dropped.append(Dropped(number, line, reason))
            continue
        line, markers = _strip_markers(line)
        result.dropped.extend(Dropped(number, marker, Noise.MARKER) for marker in markers)
        if not line:
            join_next = join_next or _open_ended(result.paragraphs)
            continue
        joined = join_next or (markers and raw.lstrip().startswith("#"))
        if (joined and _open_ended(result.paragraphs)) or _link_fragment(result.paragraphs, line):
            result.paragraphs[-1] += line
        else:
            result.paragraphs.append(line)
            result.lines.append(number)
        join_next = bool(markers) and raw.rstrip().endswith("#") and not _ends_paragraph(line)
        if len(line) > 40:
            in_header = False
        header_lines.add(line)
    return result


def clean_text(text: str) -> Cleaned:
    """Clean a whole report given as one string."""
    return clean_lines(text.splitlines())


_NOISE_RE = lazy("|".join(map(re.escape, (*NOISE_WORDS, "##", "口令", "解锁码"))), re.IGNORECASE)


#: Spam that long lines carry into the text (a seller's line inside a paragraph is not dropped whole):
#: phone numbers (any run of seven digits), hotlines, short links, disclaimers, "follow and get the
#: full text", also cut short as an n-gram cuts them. Never in a
#: phrase or a suggestion, though a writer's own paragraph may hold a phone number.
_SPAM_RE = lazy(
    r"\d{7,}|(?<!\d)[48]00-\d{3}|(?<!\d)0\d{2,3}-\d{3,}|t\.me/|pan\.baidu"
    r"|免责声明|本站|资料来源于网络|版权归原作者|获取全文|领取全套|全套材料|公众号(?:领取|回复|获取)|关注[^，。]{0,8}公众号"
    r"|加微信|付费内容|【付费|下载全文|完整版请"
)
_ANY_NOISE_RE = lazy(f"{_NOISE_RE.pattern}|{_CONTACT_RE.pattern}|{_SPAM_RE.pattern}", re.IGNORECASE)


def has_noise(text: str) -> bool:
    """True when a phrase or suggestion text carries any noise word, marker, contact handle or link."""
    return _ANY_NOISE_RE.search(text.translate(_FOLD)) is not None


#: Latin letters and digits as the noise patterns read them (ignoring case, [a-z] takes ſ and the Kelvin sign).
_LATIN_RE = lazy(r"[A-Za-z\d\u017f\u212a]")


def has_latin(text: str) -> bool:
    """Whether `text` has Latin letters or digits (full-width ones too). Every noise pattern that looks at a
    match's neighbours (a link not to gov.cn, digits not after a digit) needs one inside its match; so when
    a sentence has no noise, only its parts with Latin letters or digits can have some (`has_noise`)."""
    return _LATIN_RE.search(text.translate(_FOLD)) is not None


def _line_noise(line: str, previous: str) -> Noise | None:
    folded = line.translate(_FOLD)
    if _MARKER_RE.fullmatch(folded):
        return None  # handled as a marker so that the sentence around it can be joined
    if _ADVERT_STRONG_RE.search(folded) or len(set(_ADVERT_WEAK_RE.findall(folded))) >= 2:
        return Noise.ADVERT
    if _CONTACT_RE.search(folded) and len(line) < 80:
        return Noise.ADVERT
    if _PASSWORD_RE.search(folded) and len(line) < 60:
        return Noise.PASSWORD
    if line in _CHROME_EXACT or _CHROME_RE.match(line):
        return Noise.CHROME
    if previous in _VALUE_LABELS or previous in (">", "＞"):
        return Noise.CHROME  # the value of a bare 来源：/时间： label, or a breadcrumb item
    if len(line) <= 60 and _CAPTION_RE.search(line) and "，" not in line:
        return Noise.CAPTION
    if _PAGE_NUMBER_RE.match(line):
        return Noise.PAGE_NUMBER
    return None


def _strip_markers(line: str) -> tuple[str, list[str]]:
    """The line without ##…## markers (found on folded text, so ＃＃ｐａｉｄ＃＃ goes too)."""
    spans = [m.span() for m in _MARKER_RE.finditer(line.translate(_FOLD))]
    if not spans:
        return line, []
    markers = [line[a:b] for a, b in spans]
    kept, at = [], 0
    for a, b in spans:
        kept.append(line[at:a])
        at = b
    kept.append(line[at:])
    return "".join(kept).strip(), markers


_OPENERS, _CLOSERS = "《“（(", "》”）)"


def _link_fragment(paragraphs: list[str], line: str) -> bool:
    """A web copy broke the sentence at a link: 执行《 / 建筑法 / 》、《 / 招标投标法 / 》，建立…

    The line belongs to the previous paragraph when that ends with an opening mark, when the line
    starts with a closing one, or when it is a short fragment (2.5) inside the paragraph's open bracket.
    """
    if not paragraphs:
        return False
    last = paragraphs[-1]
    if last[-1] in _OPENERS or line[0] in _CLOSERS:
        return True
    unclosed = any(last.count(a) > last.count(b) for a, b in zip(_OPENERS, _CLOSERS, strict=True))
    return unclosed and len(line) <= 12 and not any(mark in line for mark in SENTENCE_END + "，、")


def _ends_paragraph(line: str) -> bool:
    return line[-1:] in _PARAGRAPH_END


def _open_ended(paragraphs: list[str]) -> bool:
    """True when the last kept paragraph stops mid-sentence (so a continuation belongs to it).

    Headings and titles also lack a closing mark; a line is mid-sentence only when it is no
    heading and visibly runs on (a clause mark inside, or longer than a title).
    """
    if not paragraphs or _ends_paragraph(paragraphs[-1]):
        return False
    last = paragraphs[-1]
    return parse_paragraph(last).role is not Role.HEADING and ("，" in last or "、" in last or len(last) > 30)
