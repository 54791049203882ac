"""Punctuation (GB/T 15834-2011 标点符号用法): half-width marks, pairs, 省略号, 连接号, nesting, 顿号."""

from __future__ import annotations

from phrasebank.check.findings import Finding, FindingKind, Rule, find_all, pattern_rule
from phrasebank.structure.outline import Role, parse_paragraph
from phrasebank.text.chars import CJK as _CJK

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("〈", "〉"), ("（", "）"))
_P = FindingKind.PUNCTUATION

HALF_WIDTH = pattern_rule(
    "half-width-mark",
    _P,
    "GB/T 15834-2011 3（中文标点用全角形式）",
    rf"(?<=[{_CJK}”）》])[,;:?!](?=[{_CJK}“（《]|$)|(?<=[{_CJK}])[,;:?!](?=\s|$)",
    "中文里用了半角标点，应改为全角",
    lambda m: _HALF_TO_FULL[m.group(0)],
)
HALF_PERIOD = pattern_rule(
    "half-width-period",
    _P,
    "GB/T 15834-2011 3、4.1（句号用“。”）",
    # a sentence ending in a half-width . — not 1. 2. numbering, decimals, or Latin abbreviations; not the
    # 一. of a heading either (the numbering rule says what is wrong there, once)
    rf"(?<=[{_CJK}”）》%‰])(?<!^[一二三四五六七八九十])(?<!^[一二三四五六七八九十]{{2}})\.(?=$|\s*$|[{_CJK}“（《])",
    "中文句子末尾用了半角圆点，应为句号“。”",
    lambda m: "。",
)
HALF_PARENS = pattern_rule(
    "half-width-parens",
    _P,
    "GB/T 15834-2011 4.9（括号）",
    rf"\(([^()]*[{_CJK}][^()]*)\)",
    "中文里用了半角括号",
    lambda m: f"（{m.group(1)}）",
)
DOUBLED = pattern_rule(
    "doubled-mark",
    _P,
    "GB/T 15834-2011 4（点号不重叠使用）",
    r"([，、；：！？])\1+|(?<!。)。。(?!。)",
    "标点重复",
    lambda m: m.group(0)[0],
)
_FULL_OF = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
DOUBLED_MIXED = pattern_rule(
    "doubled-mark-mixed",
    _P,
    "GB/T 15834-2011 4（点号不重叠使用）",
    # a half-width mark beside its full-width twin (a comma typed twice as the input method switched)
    r"(?<![\x21-\x7e]),，|，,(?![\x21-\x7e])|;；|；;|(?<![\x21-\x7e]):：|：:(?![\x21-\x7e])|!！|！!|\?？|？\?",
    "标点重复（半角和全角各一个）",
    lambda m: next(ch for ch in m.group(0) if ch not in _FULL_OF),
)
ELLIPSIS = pattern_rule(
    "ellipsis-form",
    _P,
    "GB/T 15834-2011 4.11（省略号“……”占两个字的位置）",
    r"\.{3,}|。{3,}|·{3,}|…{3,}|(?<!…)…(?!…)",
    "省略号应为六个点“……”（不写“...”“。。。”或单个“…”）",
    lambda m: "……",
)
ELLIPSIS_ETC = pattern_rule(
    "ellipsis-etc",
    _P,
    "GB/T 15834-2011 4.11（省略号）",
    r"……(等等|等)(?!待|候|到|于|同)",
    "省略号与“等”“等等”不并用，二者留其一",
    lambda m: "……",
)
YEAR_RANGE = pattern_rule(
    "year-range-dash",
    _P,
    "GB/T 15834-2011 4.13.3（时间的起止用一字线“—”）",
    r"(?<!\d)(\d{4})[-－~～](\d{4})年",
    "年份的起止用一字线“—”（写 2026—2027年）",
    lambda m: f"{m.group(1)}—{m.group(2)}年",
)
QUOTED_SERIES = pattern_rule(
    "quoted-series-dunhao",
    _P,
    "GB/T 15834-2011 4.5.3.5（标有引号、书名号的并列成分之间通常不用顿号）",
    r"”、(?=“)|》、(?=《)",
    "标有引号或书名号的并列成分之间通常不用顿号",
    lambda m: m.group(0)[0],
)
UNPAIRED = Rule("unpaired-mark", _P, "GB/T 15834-2011 4.8、4.9、4.15（引号、括号、书名号成对使用）", "标号不成对")
NESTED = Rule(
    "nested-marks",
    _P,
    "GB/T 15834-2011 4.8.3.2、4.15.3.3（里面一层用单引号、单书名号）",
    "引号或书名号里面还要用时，里面一层用单引号“‘’”或单书名号“〈〉”",
)
HEADING_STOP = Rule(
    "heading-full-stop", _P, "常见写法（单独成行的短标题末尾不用句号）", "单独成行的一级标题末尾一般不用句号"
)
#: A heading as short as a section title (一、总体情况。); longer items are sentences of a list.
HEADING_STOP_MAX = 12
PATTERN_RULES = (
    HALF_WIDTH,
    HALF_PERIOD,
    HALF_PARENS,
    DOUBLED,
    DOUBLED_MIXED,
    ELLIPSIS,
    ELLIPSIS_ETC,
    YEAR_RANGE,
    QUOTED_SERIES,
)
RULES = (*PATTERN_RULES, UNPAIRED, NESTED, HEADING_STOP)

#: Double marks and what the inner layer should use.
_INNER = {"“": ("”", "‘", "’"), "《": ("》", "〈", "〉")}


def findings(index: int, text: str) -> list[Finding]:
    """Punctuation slips in one paragraph."""
    result = find_all(PATTERN_RULES, index, text)
    result += _unpaired(index, text) + _nested(index, text)
    para = parse_paragraph(text)
    stripped = text.rstrip()
    alone = stripped[len(para.number) : -1].find("。") < 0  # a heading line by itself, not heading + text
    core = stripped[len(para.number) : -1]
    short = len(core) <= HEADING_STOP_MAX and not any(mark in core for mark in "，；：")
    if para.role is Role.HEADING and para.level == 1 and para.number and stripped.endswith("。") and alone and short:
        result.append(HEADING_STOP.at(index, len(stripped) - 1, "。", ""))
    return result


def _unpaired(index: int, text: str) -> list[Finding]:
    result = []
    for opener, closer in _PAIRS:
        open_at: list[int] = []
        for position, ch in enumerate(text):
            if ch == opener:
                open_at.append(position)
            elif ch == closer:
                if open_at:
                    open_at.pop()
                else:
                    result.append(UNPAIRED.at(index, position, closer, None, f"“{closer}”没有对应的“{opener}”"))
        result += [UNPAIRED.at(index, p, opener, None, f"“{opener}”没有对应的“{closer}”") for p in open_at]
    return result


def _nested(index: int, text: str) -> list[Finding]:
    """“…“…”…” and 《…《…》…》: the inner pair should be ‘’ or 〈〉 (fix covers the inner pair)."""
    result = []
    for opener, (closer, inner_open, inner_close) in _INNER.items():
        depth, inner_start = 0, -1
        for position, ch in enumerate(text):
            if ch == opener:
                depth += 1
                if depth == 2:
                    inner_start = position
            elif ch == closer and depth:
                if depth == 2 and inner_start >= 0:
                    found = text[inner_start : position + 1]
                    result.append(NESTED.at(index, inner_start, found, inner_open + found[1:-1] + inner_close))
                depth -= 1
    return result
