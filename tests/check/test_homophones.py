"""Input-method slips in four-character set phrases: found where sure, silent on right text."""

from __future__ import annotations

import pytest
from checking import found

from phrasebank.check.homophones import findings


@pytest.mark.parametrize(
    ("text", "slip", "phrase"),
    [
        ("确保检查不流死角、不走过场。", "不流死角", "不留死角"),
        ("要因地治宜推进乡村振兴。", "因地治宜", "因地制宜"),
        ("发扬钉钉子精神，久久唯功。", "久久唯功", "久久为功"),
        ("坚持守正创心，推动高质量发展。", "守正创心", "守正创新"),
        ("各部门要齐抓共关，形成合力。", "齐抓共关", "齐抓共管"),
        ("希望大家在接再厉，再创佳绩。", "在接再厉", "再接再厉"),
        ("完整准确全面贯彻新发展里念。", "发展里念", "发展理念"),
        ("加快构建新发展格句。", "发展格句", "发展格局"),
    ],
)
def test_a_homophone_slip_names_the_set_phrase(text, slip, phrase):
    assert found(text) == [("homophone-set-phrase", slip, phrase)]


@pytest.mark.parametrize(
    "text",
    [
        "吸引外资力度进一步加大，制度进一步健全。",  # 力度 + 进一步, not 再进一步
        "一是推进农业结构调整。",  # not 一体推进
        "要在进一步扩大开放中培育新优势，紧接在进一步增强之后。",  # 在 + 进一步, not 再进一步
        "全省人民勠力同心、攻坚克难。",  # 勠力同心 is the standard form
        "我们要念之再三、铭之肺腑。",
        "要坚持稳中求进工作总基调，中秋国庆期间加强值守。",
        "单位和个人合理分担的基本医疗保险筹资机制。",
        "促进优质优价良性竞争，推动新型储能规模化建设。",
    ],
)
def test_right_text_is_left_alone(text):
    assert findings(0, text) == []


def test_no_finding_on_the_reports_of_the_collections(nat_texts, gov_files):
    texts = [*nat_texts.values(), *(path.read_text(encoding="utf-8") for path in gov_files)]
    assert [f.found for text in texts for line in text.splitlines() for f in findings(0, line)] == []


def test_preparing_gives_way_as_it_reads_jiebas_dictionary_and_builds_the_same_index(monkeypatch):
    from phrasebank.check import homophones

    built = homophones._index()
    monkeypatch.setattr(homophones, "_built", None)
    pauses = []
    homophones.prepare(lambda: pauses.append(1))
    assert len(pauses) > 100  # every 2,000 lines of about 350,000
    assert homophones._index() == built
