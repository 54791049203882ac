"""Cleaning: every noise kind of real material goes, content and placeholders stay."""

from __future__ import annotations

import pytest

from phrasebank.document.files import read_paragraphs
from phrasebank.structure.cleaning import NOISE_WORDS, Noise, clean_lines, clean_text, has_noise


def reasons(cleaned) -> set[Noise]:
    return {drop.reason for drop in cleaned.dropped}


def test_advert_lines_of_the_corpus_are_dropped(corpus_files):
    cleaned = clean_lines(read_paragraphs(corpus_files[1]))
    assert Noise.ADVERT in reasons(cleaned)
    for word in ("哒哒", "会员", "客服", "代笔", "素材库"):
        assert word not in cleaned.text
    assert cleaned.paragraphs[-1].startswith("四是持续在宣传引导上下功夫")


def test_password_line_and_markers_are_dropped(corpus_files):
    cleaned = clean_lines(read_paragraphs(corpus_files[2]))
    assert {Noise.PASSWORD, Noise.MARKER} <= reasons(cleaned)
    assert "密码" not in cleaned.text and "##" not in cleaned.text and "paid" not in cleaned.text
    assert "采取集中领读、个人自学" in cleaned.text  # the inline marker sat mid-sentence
    assert cleaned.paragraphs[-1] == "特此报告。"


def test_marker_on_its_own_line_mid_sentence_rejoins_the_sentence():
    lines = [
        "一、主要做法",
        "坚持党委领航领学，采取",
        "",
        "##paidbegin##",
        "",
        "集中领读、个人自学等方式开展学习。",
        "特此报告。",
    ]
    cleaned = clean_lines(lines)
    assert cleaned.paragraphs == [
        "一、主要做法",
        "坚持党委领航领学，采取集中领读、个人自学等方式开展学习。",
        "特此报告。",
    ]


def test_marker_at_line_end_or_start_rejoins_the_sentence():
    ended = clean_lines(["坚持党委领航领学，组织开展各类学习，采取##paidbegin##", "集中领读等方式。"])
    started = clean_lines(["坚持党委领航领学，组织开展各类学习，采取", "##paidbegin##集中领读等方式。"])
    assert ended.paragraphs == started.paragraphs == ["坚持党委领航领学，组织开展各类学习，采取集中领读等方式。"]


def test_marker_after_a_finished_paragraph_does_not_join():
    cleaned = clean_lines(["这一段已经写完了，句子完整，以句号结束了。", "##paidend##", "新的一段开始。"])
    assert cleaned.paragraphs == ["这一段已经写完了，句子完整，以句号结束了。", "新的一段开始。"]


def test_web_chrome_of_the_government_reports_is_dropped(gov_files):
    for path in gov_files:
        cleaned = clean_lines(read_paragraphs(path))
        head = cleaned.paragraphs[:6]
        assert not any(line in ("下载", "打印", "全屏", "收藏", "】", "分享:", ">") for line in cleaned.paragraphs)
        assert not any(p.startswith(("来源", "时间：", "【字号", "相关报道")) for p in cleaned.paragraphs), path.name
        assert "政府工作报告" in head[0], path.name
        assert not any("作政府工作报告。" in p and len(p) < 60 for p in cleaned.paragraphs), path.name


def test_breadcrumbs_duplicate_titles_and_labels_with_values_are_dropped(gov_files):
    shaanxi = next(p for p in gov_files if "陕西" in p.name)
    cleaned = clean_lines(read_paragraphs(shaanxi))
    texts = cleaned.paragraphs
    assert texts.count("陕西省2026年政府工作报告") == 1
    assert "首页" not in texts and "陕西省人民政府" not in texts and "扫一扫在手机打开当前页" not in texts
    assert texts[2] == "各位代表："


def test_photo_captions_are_dropped_but_bylines_stay():
    cleaned = clean_text(
        "2026年河北省政府工作报告\n河北省人民政府省长 王正谱\n王正谱作政府工作报告。本报记者 霍艳恩摄\n各位代表："
    )
    assert cleaned.paragraphs == ["2026年河北省政府工作报告", "河北省人民政府省长 王正谱", "各位代表："]
    assert reasons(cleaned) == {Noise.CAPTION}


def test_page_numbers_are_dropped():
    cleaned = clean_text("第一段正文。\n— 2 —\n- 3 -\n第二段正文。")
    assert cleaned.paragraphs == ["第一段正文。", "第二段正文。"]


def test_real_content_mentioning_wechat_accounts_is_kept(corpus_files):
    cleaned = clean_lines(read_paragraphs(corpus_files[3]))
    assert any("学习微信公众号" in p for p in cleaned.paragraphs)
    assert not cleaned.dropped


def test_anonymised_numbers_stay_as_placeholders(corpus_files):
    text = clean_lines(read_paragraphs(corpus_files[0])).text
    assert "市委x巡回指导组成员x人" in text


def test_cleaned_corpora_carry_no_noise_word(corpus_files, gov_files):
    for path in [*corpus_files, *gov_files]:
        text = clean_lines(read_paragraphs(path)).text.lower()
        # 字号/会员/打印 occur in real gov text (老字号, 仓储会员店, 3D打印); the page chrome must not.
        for word in set(NOISE_WORDS) - {"字号", "会员", "打印"}:
            assert word not in text, (path.name, word)
        assert "【字号" not in text


AD_VARIANTS = [
    "更多范文请加QQ：123456789",
    "VX：xiezuo8888 获取更多范文",
    "V信 xiezuo8888，每天更新",
    "访问 http://www.fanwen.com 下载全文",
    "官网 www.xiezuo8.cn",
    "密碼：8888",
    "解锁码：5678",
    "pwd：abcd",
    "哒哒素材庫独家整理",
    "＃＃ｐａｉｄｂｅｇｉｎ＃＃",
]


def test_advert_variants_never_reach_phrases_or_the_typing_index(tmp_path):
    import phrasebank

    body = "坚持以学促干、以干促学，推动主题教育走深走实。加强组织领导，压实工作责任。"
    lines = ["关于主题教育的报告"]
    for n, ad in enumerate(AD_VARIANTS * 2):
        lines += [f"{body}（{n}）", ad]
    lines.insert(5, "推动主题教育##paid-begin##走深走实。")
    (tmp_path / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(lines[::-1]), encoding="utf-8")
    cleaned = clean_lines(lines)
    assert not any(ad in p for ad in AD_VARIANTS for p in cleaned.paragraphs)
    assert "推动主题教育走深走实。" in cleaned.paragraphs
    bank = phrasebank.mine([tmp_path])
    texts = [*bank.index.texts, *(p.text for p in bank.phrases)]
    for fragment in ("QQ", "VX", "V信", "xiezuo", "http", "www", "密碼", "解锁码", "pwd", "素材庫", "ｐａｉｄ", "paid"):
        assert not any(fragment.lower() in t.lower() for t in texts), fragment


def test_a_licence_note_goes_but_a_report_after_it_stays():
    """Concatenated web copies: the note after the first report goes, the next report is kept whole."""
    from conftest import nat_report_files

    first, second = (path.read_text(encoding="utf-8") for path in nat_report_files()[:2])
    cleaned = clean_text(first + "\n" + second)
    alone = clean_text(second).paragraphs
    assert cleaned.paragraphs[-len(alone) :] == alone
    assert {d.reason for d in cleaned.dropped if "本作品" in d.text or d.text == "Public domain"} == {Noise.LICENCE}
    assert not any("本作品" in p or "维基文库" in p for p in cleaned.paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "贯彻落实《中华人民共和国密码法》，加强商用密码管理。",
        "时间：2026年7月16日上午9:00",
        "地点：市政府第一会议室",
        "详见省政府门户网站（www.sc.gov.cn）“政务公开”栏目。",
        "请于7月20日前登录http://www.gov.cn/zhengce/填报。",
        "联系人：王某，电话：028-86000000。",
    ],
)
def test_the_writers_own_lines_are_not_noise(line):
    """Lines of a real 通知 that the web-copy cleaner took for chrome, adverts or password lines."""
    assert clean_lines([line]).paragraphs == [line]


@pytest.mark.parametrize(
    "line",
    ["本文档编辑密码：wsx2023", "时间：2026-02-09", "提取码 a1b2", "资料下载 pan.baidu.com/s/1abc", "加群 t.me/abcdef"],
)
def test_web_copy_noise_still_goes(line):
    assert clean_lines([line]).paragraphs == []


SPAM_TAILS = [
    "关注公众号领取全套材料",
    "联系电话13800138000",
    "咨询热线400-800-1234",
    "访问t.me/gongwenziliao",
    "详见pan.baidu.com/s/1abc",
    "免责声明：本站资料来源于网络",
    "加微信获取全文",
]


def test_spam_inside_long_lines_never_reaches_suggestions_or_memory(tmp_path):
    """A seller's words inside a long paragraph (not dropped as a line) stay out of every suggestion."""
    import phrasebank
    from phrasebank.suggest.memory import DocumentMemory

    body = "坚持以学促干、以干促学，推动主题教育走深走实，加强组织领导，压实工作责任，确保各项任务落到实处。"
    for name in ("a", "b", "c"):
        lines = ["关于主题教育的报告", *(f"{body}{tail}。{body}" for tail in SPAM_TAILS * 3)]
        (tmp_path / f"{name}.txt").write_text("\n".join(lines), encoding="utf-8")
    bank = phrasebank.mine([tmp_path])
    memory = DocumentMemory()
    for tail in SPAM_TAILS * 3:
        memory.learn(f"{body}{tail}。")
    texts = [*bank.index.texts, *(p.text for p in bank.phrases)]
    for before in ("关注", "联系电话", "咨询热线", "访问", "详见", "免责声明", "加微信"):
        shown = [s.completion for s in bank.suggest(before=f"{body}{before}", memory=memory, limit=5)]
        assert not any(has_noise(text) for text in shown), (before, shown)
    for fragment in ("13800138000", "400-800", "t.me", "pan.baidu", "本站", "全套材料", "获取全文"):
        assert not any(fragment in t for t in texts), fragment


def test_latin_letters_and_digits_are_found_in_full_width_too():
    from phrasebank.structure.cleaning import has_latin

    assert has_latin("２０２５年") and has_latin("ＡＩ赋能") and has_latin("5G基站") and has_latin("http")
    assert not has_latin("深入学习贯彻党的二十大精神，百分之五。")
