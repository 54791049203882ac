"""Confusable words and official names: each entry on a slip and on the right use in its context."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from checking import fixed, found

from phrasebank.check.confusables import rules

CASES = [
    ("confusable-jiezhi", "截止2025年底，全市共有", "截至2025年底，全市共有", "报名截止日期为5月1日。"),
    ("confusable-zuochu", "国务院已做出了部署。", "国务院已作出了部署。", "做出样品，做出实效。"),
    ("confusable-zuochu", "为人类和平与发展做出新贡献！", "为人类和平与发展作出新贡献！", "把蛋糕做出来。"),
    ("confusable-zuowei", "做为一名党员", "作为一名党员", "作为一名党员"),
    ("confusable-qita", "抓好其它矿山安全。", "抓好其他矿山安全。", "抓好其他矿山安全。"),
    ("confusable-bushu", "精心布署", "精心部署", "精心部署，散布消息"),
    (
        "confusable-zhang",
        "建立台帐，严禁做假帐，开设帐户。",
        "建立台账，严禁做假账，开设账户。",
        "搭建帐篷，发放蚊帐。",
    ),
    ("confusable-zhiding", "制订古籍存藏服务标准", "制定古籍存藏服务标准", "制订工作方案和年度计划"),
    ("confusable-duguo", "帮助企业度过难关", "帮助企业渡过难关", "度过一个祥和的春节"),
    ("confusable-duguo-time", "渡过一个祥和的春节", "度过一个祥和的春节", "帮助企业渡过难关"),
    ("confusable-fanying", "群众反应的问题", "群众反映的问题", "化学反应，快速反应"),
    ("confusable-bixu", "必需坚持党的领导", "必须坚持党的领导", "生活必需品"),
    ("confusable-xingshi", "整治形势主义", "整治形式主义", "经济形势，形式主义"),
    ("confusable-guanche", "认真贯切落实", "认真贯彻落实", "认真贯彻落实"),
    ("confusable-zaijie", "再接再励", "再接再厉", "再接再厉，鼓励"),
    ("confusable-yiru", "一如继往地支持", "一如既往地支持", "继往开来"),
    ("confusable-anbu", "按步就班", "按部就班", "按部就班，步步为营"),
    ("confusable-lijing", "励精图志", "励精图治", "励精图治，志存高远"),
    ("confusable-meijie", "迫在眉捷", "迫在眉睫", "迫在眉睫，捷报频传"),
    ("confusable-mingcha", "明查暗访", "明察暗访", "明察暗访，查处问题"),
    ("confusable-bufen", "部份地区", "部分地区", "部分地区，身份证"),
    ("confusable-zuozhen", "亲自坐阵指挥", "亲自坐镇指挥", "亲自坐镇，严阵以待"),
    ("confusable-songchi", "纪律松驰", "纪律松弛", "纪律松弛，驰而不息"),
    ("confusable-jizao", "急燥情绪", "急躁情绪", "急躁情绪，干燥"),
    ("confusable-tigang", "发言题纲", "发言提纲", "发言提纲，题目"),
    ("confusable-jungong", "项目峻工", "项目竣工", "项目竣工，高峻"),
    ("name-guangxi", "广西省南宁市", "广西壮族自治区南宁市", "广西壮族自治区南宁市，广西各地"),
    ("name-neimenggu", "内蒙古省", "内蒙古自治区", "内蒙古自治区"),
    ("name-ningxia", "宁夏省", "宁夏回族自治区", "宁夏回族自治区"),
    ("name-xinjiang", "新疆省", "新疆维吾尔自治区", "新疆维吾尔自治区"),
    ("name-xizang", "西藏省", "西藏自治区", "西藏自治区"),
    ("name-renda-director", "市人大副主任王某", "市人大常委会副主任王某", "市人大常委会主任会议"),
    ("name-zhengxie-chair", "县政协主任李某", "县政协主席李某", "县政协主席，政协提案委员会主任"),
    ("name-renda-name", "市人大代表大会", "市人民代表大会", "市人民代表大会，人大代表"),
    ("name-guoban", "国务院办公室印发", "国务院办公厅印发", "国务院办公厅印发"),
    ("name-zhongban", "中共中央办公室", "中共中央办公厅", "中共中央办公厅"),
    ("confusable-jiezhidao", "截止到2026年6月底，全市共有", "截至2026年6月底，全市共有", "报名截止到期，截至目前"),
    ("confusable-jiaodai", "向组织交待问题", "向组织交代问题", "交代清楚，交通"),
    ("confusable-tongxin", "完善5G通讯网络", "完善5G通信网络", "通讯员撰写通讯稿，通信网络"),
    ("confusable-quanli", "推行政府权利清单制度", "推行政府权力清单制度", "保障公民权利，维护合法权益"),
    ("confusable-daowei", "确保各项措施落实到为。", "确保各项措施落实到位。", "落实到位，做到为民"),
    (
        "confusable-quanli-citizen",
        "切实保障公民权力和消费者权力。",
        "切实保障公民权利和消费者权利。",
        "公民权利受法律保护，规范行政权力运行，权力机关依法监督，依法行使合法权力。",
    ),
    (
        "confusable-youli",
        "为高质量发展提供有利法治保障，形成有利支撑。",
        "为高质量发展提供有力法治保障，形成有力支撑。",
        "创造有利条件保障民生，有利于保障就业，提供有力保障。",
    ),
    (
        "confusable-jiancha",
        "联合开展食品安全执法检察和安全检察。",
        "联合开展食品安全执法检查和安全检查。",
        "支持检察机关开展公益诉讼检察和专项检察监督，开展专项检察活动，落实检察建议，开展执法检查。",
    ),
    ("name-xi-zongshuji", "深入学习习总书记重要讲话", "深入学习习近平总书记重要讲话", "习近平总书记强调"),
    ("confusable-chuandao", "层层传到压力，疏通政策传到机制。", "层层传导压力，疏通政策传导机制。", "消息传到基层。"),
    (
        "confusable-shixiao",
        "确保工作取得时效，务求时效。",
        "确保工作取得实效，务求实效。",
        "注重时效性，诉讼时效，新闻报道讲求时效。",
    ),
]


@pytest.mark.parametrize(("rule", "wrong", "right", "clean"), CASES, ids=[c[0] for c in CASES])
def test_each_entry_finds_its_slip_and_leaves_right_use_alone(rule, wrong, right, clean):
    assert {r for r, _, _ in found(wrong)} == {rule}
    assert fixed(wrong) == right
    assert found(right) == found(clean) == []


def test_every_entry_has_a_case_a_message_and_a_source():
    assert {rule.id for rule in rules()} == {c[0] for c in CASES}
    assert all(rule.message and rule.source for rule in rules())


def test_the_right_forms_are_the_official_reports_own(nat_texts):
    """The list follows the national reports: the right form throughout, the wrong one never after 2011."""
    for right, wrong in (("作出", "做出"), ("其他", "其它"), ("部署", "布署"), ("账", "帐"), ("制定", "制订")):
        later = "\n".join(text for year, text in nat_texts.items() if year >= "2012")
        assert len(re.findall(right, later)) >= 5 and wrong not in later, (right, wrong)


def test_the_slips_in_the_national_reports(nat_texts):
    """Every confusable found in 24 national reports is a slip of its year's copy, fixed in later years."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for year, text in nat_texts.items():
        for rule, word, _ in found(*text.splitlines()):
            if rule.startswith(("confusable-", "name-")):
                counts[(year, rule, word)] += 1
    assert counts == {
        ("2000", "confusable-zhang", "帐"): 2,  # 呆坏帐准备金, 帐目不清 (账 from 2003 on)
        ("2001", "confusable-zhang", "帐"): 1,  # 个人帐户
        ("2002", "confusable-zhang", "帐"): 2,  # 呆坏帐, 做假帐
        ("2002", "confusable-zuochu", "做出"): 1,  # 国务院已做出了部署
        ("2006", "confusable-qita", "其它"): 1,  # 其它矿山 (其他 66 times elsewhere)
        ("2007", "confusable-zuochu", "做出"): 1,  # 做出了新贡献
        ("2011", "confusable-zuochu", "做出"): 1,  # 做出新贡献
    }
