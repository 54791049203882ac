"""Slips of typing: a function word or a word typed twice (的的, 检查检查), 的 where an adverbial needs 地
(扎实的推进) or a complement needs 得 (做的很好), and a first-level number written 一. instead of 一、."""

from __future__ import annotations

import re

from phrasebank.check.findings import Finding, FindingKind, pattern_rule
from phrasebank.text.chars import CJK

_USAGE = "常见写法"

REPEATED_CHAR = pattern_rule(
    "repeated-char",
    FindingKind.WORDING,
    _USAGE,
    # Only characters that do not end one word and start the next (首都都市圈, 实事求是是, 祥和和谐 are
    # right): 的的 but not 目的的 or 的的确确; 了了 but not 不了了之, 为了了解.
    r"(?<!目)的的(?!确)|了了(?![之解结却然])",
    "同一个字重复了",
    lambda m: m.group(0)[0],
)
REPEATED_WORD = pattern_rule(
    "repeated-word",
    FindingKind.WORDING,
    _USAGE,
    # 检查检查, 落实落实; not 一个一个, 一步一步 (counting) nor 研究研究一下 (a verb tried once)
    rf"([{CJK}][{CJK}])\1(?!一下|看)",
    "同一个词重复了",
    lambda m: m.group(1),
)
ADVERBIAL_DE = pattern_rule(
    "adverbial-de",
    FindingKind.WORDING,
    "《现代汉语词典》第7版“地”条（状语和动词之间用“地”）",
    r"(?<![一这那的])(扎实|认真|积极|深入|全面|切实|稳步|有序|大力|不断|持续|努力|主动|严格|广泛|稳妥|扎扎实实|认认真真)的"
    r"(?=推进|开展|落实|推动|实施|贯彻|加强|抓好|做好|参与|整改|执行|解决|做到|完成|学习)",
    "修饰动词的状语后用“地”",
    lambda m: m.group(1) + "地",
)
#: More verbs after an adverbial 的, where 的 before a noun phrase is as common (有效的监督机制, 进行深入的研究):
#: only with a verb that takes an object, not after a word that makes a noun of it, not before a head noun.
_NOMINAL_BEFORE = (
    r"(?<![最更较有了是次个种番场在对以])"
    r"(?<!更加|比较|进行|作出|做出|开展|加以|给予|实施|实行|坚持|采取|形成|建立|经过|通过|得到|受到|需要)"
)
_HEAD_NOUNS = (
    "制度|机制|政策|措施|工作|方式|体系|模式|办法|举措|力度|水平|能力|作用|效果|成效|意识|格局|态势|方法|过程|结果|"
    "报告|材料|阶段|对象|范围|内容|任务|体制|原则|理念|思路|路径|手段|氛围|环境|保障|支持|基础|条件|责任|精神|态度|"
    "作风|风气|活动|行动|基础|之上|中|后|时|上|的"
)
ADVERBIAL_DE_OBJECT = pattern_rule(
    "adverbial-de-object",
    FindingKind.WORDING,
    "《现代汉语词典》第7版“地”条（状语和动词之间用“地”）",
    _NOMINAL_BEFORE + r"(扎实|认真|积极|深入|全面|切实|主动|严格|及时|坚决|充分|科学|依法|彻底|认认真真)的"
    r"(?=(?:总结|排查|谋划|研究|分析|查找|整治|督促|部署|检查|探索|思考|处理|处置|履行|把握|对待|反思|剖析|查处|纠正)"
    rf"(?!{_HEAD_NOUNS})[\u4e00-\u9fff])",
    "修饰动词的状语后用“地”",
    lambda m: m.group(1) + "地",
)
COMPLEMENT_DE = pattern_rule(
    "complement-de",
    FindingKind.WORDING,
    "《现代汉语词典》第7版“得”条（动词和补语之间用“得”）",
    # not 做的很多工作 / 做的更多的是服务: 的 before a quantity that goes on to qualify a noun
    r"(做|干|办|抓|落实|推进|完成|搞|开展|执行)的(?=很|非常|十分|更|比较|特别|不够|不好|不错|扎实|到位)"
    r"(?!(?:很|更|非常|比较|特别|十分)(?:多|少)(?![，。；！？]|$))",
    "动词和补语之间用“得”",
    lambda m: m.group(1) + "得",
)
FIRST_LEVEL_DOT = pattern_rule(
    "numbering-first-level-dot",
    FindingKind.NUMBERING,
    "GB/T 9704-2012 7.3.3（第一层用“一、”）",
    r"^([一二三四五六七八九十]{1,3})[.．](?=[^\d])",
    "第一层序号写作“一、”",
    lambda m: m.group(1) + "、",
)
ORDINAL_DUNHAO = pattern_rule(
    "ordinal-dunhao",
    FindingKind.NUMBERING,
    "GB/T 15834-2011 4.5.3.3（“第”字头、“首先”类序次语之后不用顿号，用逗号）",
    # 第一、加强领导 at a sentence's start; not 第一、二轮 (two ordinals shortened)
    r"(?:^|(?<=[。；！？]))(第[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十第])",
    "“第一”“第二”一类序次语后用逗号，不用顿号",
    lambda m: m.group(1) + "，",
)
RULES = (
    REPEATED_CHAR,
    REPEATED_WORD,
    ADVERBIAL_DE,
    ADVERBIAL_DE_OBJECT,
    COMPLEMENT_DE,
    FIRST_LEVEL_DOT,
    ORDINAL_DUNHAO,
)

#: Doubled two-character sequences that are words of their own or counting (一个一个, 天天向上 is AA).
_COUNTING_RE = re.compile(r"^[一二三四五六七八九十两几每][个步点次层级年天批项条件家位名户代辈]$")


def findings(index: int, text: str) -> list[Finding]:
    """Typing slips in one paragraph."""
    result = []
    for rule in RULES:
        for finding in rule.find(index, text):
            if rule is REPEATED_WORD and not _doubled_word(text, finding):
                continue
            result.append(finding)
    return result


def _doubled_word(text: str, finding: Finding) -> bool:
    """检查检查: a dictionary word typed twice, standing as words (产业创业创新 holds 业创业创, no word)."""
    word, at = finding.found[:2], finding.column
    if word[0] == word[1] or _COUNTING_RE.match(word):
        return False
    from phrasebank.text import segment

    if not segment.is_word(word):
        return False
    starts = set(segment.word_starts(text[max(0, at - 6) : at + 10]))
    offset = at - max(0, at - 6)
    return {offset, offset + 2} <= starts
