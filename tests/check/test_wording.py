"""Typing slips: doubled characters and words, 的/地/得, 一. for 一、."""

from __future__ import annotations

import pytest
from checking import fixed, found


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("坚持党的的领导。", "坚持党的领导。"),
        ("开展检查检查工作。", "开展检查工作。"),
        ("要扎实的推进各项工作。", "要扎实地推进各项工作。"),
        ("这项工作做的很好。", "这项工作做得很好。"),
        ("各地要认真的总结经验做法。", "各地要认真地总结经验做法。"),
        ("及时的处置突发事件，深入的查找问题根源。", "及时地处置突发事件，深入地查找问题根源。"),
        ("一.总体情况", "一、总体情况"),
        ("第一、加强领导。第二、完善制度。", "第一，加强领导。第二，完善制度。"),
        ("这方面做的很多，说的很少，落实的不够。", "这方面做得很多，说的很少，落实得不够。"),
    ],
)
def test_typing_slips_are_found_and_fixed(wrong, right):
    assert fixed(wrong) == right


@pytest.mark.parametrize(
    "clean",
    [
        "实实在在解决群众急难愁盼，的的确确办成了实事。",
        "落实现代化首都都市圈空间协同规划。",
        "实事求是是我们党的思想路线。",
        "为了了解情况，不了了之的问题要纠正。",
        "达到目的的手段要合法。",
        "要一代一代人接续奋斗，一步一步推进。",
        "设立新兴产业创业创新平台。",
        "取得扎实的成效，形成认真的态度。",
        "做的工作很多。",
        "进行深入的研究，作出全面的部署，开展认真的检查。",
        "形成有效的监督机制，实行最严格的检查制度，坚持严格的部署要求。",
        "这是一次全面的总结，有深入的分析。",
        "第一、二轮中央生态环境保护督察反馈问题整改完成。",
        "我们做的很多工作得到认可，开展的很多活动深受欢迎，做的更多的是服务。",
    ],
)
def test_right_text_that_repeats_or_uses_de_is_left_alone(clean):
    assert found(clean) == []
