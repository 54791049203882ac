"""Mining: every phrase kind from the real corpus; no noise, no slot-only phrase, ever."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import phrasebank
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.structure.cleaning import NOISE_WORDS
from phrasebank.text.chars import PLACEHOLDER_RE, SENTENCE_END, SLOT


def texts(bank, kind: PhraseKind) -> set[str]:
    return {p.text for p in bank.phrases if p.kind is kind}


def test_collocations_and_formulas(corpus_bank):
    collocations = texts(corpus_bank, PhraseKind.COLLOCATION)
    formulas = texts(corpus_bank, PhraseKind.FORMULA)
    assert {"提高政治站位", "各级党组织", "“四个意识”", "“我为群众办实事”"} <= collocations
    # 四字格 are formulas with inner structure; two plain words side by side are terms
    assert {"精心组织", "高度重视", "真督实导", "建章立制", "落到实处", "提质增效"} <= formulas
    assert {"理论学习", "督促指导", "调查研究", "政务服务"} <= collocations
    assert all(len(f) == 4 for f in formulas)  # 四字格 by form: four characters


def test_four_character_runs_of_formulas_come_whole_as_series(corpus_bank):
    series = texts(corpus_bank, PhraseKind.SERIES)
    assert {"精心组织、周密部署", "善始善终、善作善成", "开局平稳、运转顺畅、态势良好"} <= series
    assert "乡村振兴、项目建设" not in series | texts(corpus_bank, PhraseKind.FORMULA)  # two plain terms


def test_parallel_series_with_a_shared_pattern(corpus_bank):
    series = texts(corpus_bank, PhraseKind.SERIES)
    assert "往深里走、往心里走、往实里走" in series
    assert "学史明理、学史增信、学史崇德、学史力行" in series
    assert "获得感、幸福感、安全感" in series


def test_series_keep_their_first_item(corpus_bank):
    """The clause before a run lends its tail when the tail starts at a word boundary."""
    series = texts(corpus_bank, PhraseKind.SERIES)
    assert "真抓的实劲、敢抓的狠劲、善抓的巧劲、常抓的韧劲" in series  # 培养真抓的实劲、…
    assert "政治之基、思想之基、群众之基、干事之基、强党之基" in series  # 筑牢政治之基、…
    assert "边学边改、边查边改" in series  # 坚持边学边改、…
    assert not any(s.startswith(("敢抓的狠劲", "思想之基")) for s in series)


def test_slogans_found_by_shape(corpus_bank):
    """Items sharing no character: quoted, or repeated in the corpus."""
    series = texts(corpus_bank, PhraseKind.SERIES)
    assert "学党史、悟思想、办实事、开新局" in series
    assert "学思想、强党性、重实践、建新功" in series


def test_well_formed_phrases_seen_once_are_kept_in_a_small_corpus(corpus_bank):
    everything = {p.text: p for p in corpus_bank.phrases}
    for text in ("学用结合不够紧密", "善始善终、善作善成", "学思想、强党性、重实践、建新功"):
        assert everything[text].count == 1, text


def test_fragments_are_not_phrases(corpus_bank):
    everything = {p.text for p in corpus_bank.phrases}
    fragments = {"教育的安排部署", "精神结合起来学", "教育办先后", "以上领导干部", "党的百年", "县委主要", "单位上下"}
    assert not fragments & everything
    assert "理论学习有" not in everything
    assert not any(text.startswith("推动主题教育高") for text in everything)  # a slot never splits 高起点


def test_patterns_are_named_by_what_they_matched(corpus_bank):
    patterns = {p.text: p for p in corpus_bank.phrases if p.kind is PhraseKind.PATTERN}
    assert f"以{SLOT}为核心" not in patterns  # 以习近平同志为核心 is no 抓手
    assert "下一步，" not in patterns  # no slot, no pattern
    gap = patterns[f"{SLOT}有差距"]
    assert gap.count >= 3 and all(example.endswith("有差距") for example in gap.examples)
    assert all(p.examples and SLOT in p.text for p in patterns.values())


def test_local_names_are_not_phrases(gov_files, tmp_path):
    bank = phrasebank.mine([f for f in gov_files if "辽宁" in f.name])
    assert not [p.text for p in bank.phrases if "辽宁" in p.text and p.kind is not PhraseKind.PATTERN]


def test_sentence_patterns_with_slots(corpus_bank):
    patterns = texts(corpus_bank, PhraseKind.PATTERN)
    assert {f"在{SLOT}上下功夫", f"坚持把{SLOT}作为{SLOT}", f"聚焦“{SLOT}”，在{SLOT}上下功夫"} <= patterns


def test_heading_formulas_openings_and_closings(corpus_bank):
    headings = texts(corpus_bank, PhraseKind.HEADING)
    assert "强化组织领导，狠抓工作落实" in headings
    assert f"持续在{SLOT}上下功夫" in headings  # template of the sibling run-in heads of report 001
    assert "现在，我代表XX向大会报告工作，请予审议" not in texts(corpus_bank, PhraseKind.OPENING)
    assert "现将有关情况报告如下：" in texts(corpus_bank, PhraseKind.OPENING)
    assert "特此报告。" in texts(corpus_bank, PhraseKind.CLOSING)


def test_every_phrase_carries_count_sections_and_source(corpus_bank):
    for phrase in corpus_bank.phrases:
        assert phrase.count >= 1 and phrase.source, phrase
        name, paragraph = phrase.source.rsplit(":", 1)
        assert name.endswith(".txt") and int(paragraph) >= 1
        assert phrase.sections, phrase
    problems = next(p for p in corpus_bank.phrases if p.text == f"{SLOT}有差距")
    assert problems.top_section is SectionType.PROBLEMS


def test_phrases_cross_no_sentence_end_unless_patterns(corpus_bank):
    for phrase in corpus_bank.phrases:
        if phrase.kind in (PhraseKind.PATTERN, PhraseKind.OPENING, PhraseKind.CLOSING):
            continue
        assert not any(mark in phrase.text[:-1] for mark in SENTENCE_END), phrase.text


def assert_clean(bank) -> None:
    for text in [*(p.text for p in bank.phrases), *bank.index.texts]:
        lowered = text.lower()
        assert not any(word in lowered for word in NOISE_WORDS), text
        assert "##" not in text
        bare = PLACEHOLDER_RE.sub("", text.replace(SLOT, ""))
        assert len(re.findall(r"[\u4e00-\u9fff]", bare)) >= 1, text
        assert re.sub(r"[\W_xX]", "", text.replace(SLOT, "")), text


def test_no_noise_reaches_phrases_or_index_of_the_corpus(corpus_bank):
    assert_clean(corpus_bank)


def test_no_noise_when_mining_reports_never_seen(gov_files, corpus_files, tmp_path):
    noisy = tmp_path / "noisy.txt"
    noisy.write_bytes(
        (
            "\n".join(
                [
                    "关于某局开展主题教育情况的报告",
                    "【哒哒素材库】——每天更新材料1000多篇，会员群同步更新，添加客服：abc",
                    "一、主要做法",
                    "坚持把理论学习摆在首位，采取##paidbegin##集中领读、个人自学等方式，推动理论学习往深里走、往心里走、往实里走。",
                    "本文档编辑密码：abc123",
                    "坚持把理论学习摆在首位，推动理论学习往深里走、往心里走、往实里走，开展专题研讨X次。",
                ]
            )
            + "\n"
        ).encode("gbk")
    )
    bank = phrasebank.mine([*gov_files[:6], corpus_files[1], corpus_files[2], noisy])
    assert_clean(bank)
    assert "往深里走、往心里走、往实里走" in {p.text for p in bank.phrases}


def test_mining_reads_docx_and_gbk_txt_folders(tmp_path, corpus_files):
    import docx

    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    lines = corpus_files[3].read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(folder / "sub" / "003.docx")
    (folder / "001.txt").write_bytes(corpus_files[1].read_text(encoding="utf-8").encode("gb18030"))
    bank = phrasebank.mine([folder])
    assert bank.info["documents"] == 2
    sources = {p.source.rsplit(":", 1)[0] for p in bank.phrases}
    assert sources == {"003.docx", "001.txt"}


def test_empty_corpus_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(phrasebank.EmptyCorpusError):
        phrasebank.mine([tmp_path])


def test_the_built_in_cache_key_covers_every_engine_source():
    from phrasebank.mining.banks import engine_sources

    package = Path(phrasebank.__file__).parent
    sources = {p.relative_to(package).as_posix() for p in engine_sources()}
    assert sources == {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert {"text/chars.py", "text/segment.py", "kinds.py", "suggest/ranking.py"} <= sources


def test_the_built_in_cache_key_changes_with_any_file_and_only_then(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from phrasebank.mining import banks

    engine, reports = tmp_path / "engine", tmp_path / "reports"
    (engine / "text").mkdir(parents=True)
    reports.mkdir()
    source, report = engine / "text" / "chars.py", reports / "2024.txt"
    source.write_text("A = 1\n", encoding="utf-8")
    report.write_text("关于安全生产的报告", encoding="utf-8")
    monkeypatch.setattr(banks, "ENGINE", engine)
    collection = SimpleNamespace(folder=reports)
    first = banks.cache_key(collection)  # type: ignore[arg-type]
    assert banks.cache_key(collection) == first  # type: ignore[arg-type]
    keys = {first}
    for path, text in ((source, "A = 2\n"), (report, "关于安全生产的情况")):  # same size, new content
        before = path.stat().st_mtime_ns
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))
        keys.add(banks.cache_key(collection))  # type: ignore[arg-type]
    (reports / "2025.txt").write_text("新增", encoding="utf-8")
    keys.add(banks.cache_key(collection))  # type: ignore[arg-type]
    assert len(keys) == 4


def test_a_phrase_whose_first_word_takes_de_may_be_glued_half_as_often():
    from phrasebank.mining.miner import GLUE_SHARE, left_glue_limit

    assert left_glue_limit(["教育", "的", "安排部署"]) == GLUE_SHARE / 2
    assert left_glue_limit(("教育", "的", "安排部署")) == GLUE_SHARE / 2
    assert left_glue_limit(["安排", "部署"]) == GLUE_SHARE


@pytest.fixture(scope="module")
def national_bank():
    from conftest import nat_report_files

    return phrasebank.mine(nat_report_files())


def test_a_phrase_that_opens_on_a_verb_and_is_almost_never_closed_is_a_cut_object(national_bank):
    collocations = texts(national_bank, PhraseKind.COLLOCATION)
    cut = {"强化政府", "推动企业", "维护国家", "强化企业", "协调推进医疗", "加强气象"}  # 强化企业(科技创新主体地位)
    assert not cut & collocations
    whole = {"全面深化改革", "招商引资", "扩大内需", "推进城镇化", "改善民生"}
    nouns = {"地方政府", "国有企业"}  # usually followed by more, but complete noun phrases
    assert whole | nouns <= collocations


def test_a_verb_before_a_quoted_term_never_closed_is_a_cut_object_too(national_bank):
    """完成“十一五”(规划), 加大“三农”(投入): a quoted term is no object of its own when a word always follows."""
    collocations = texts(national_bank, PhraseKind.COLLOCATION)
    assert not {"完成“十一五”", "完成“十二五”", "加大“三农”", "降低“五险一金”"} & collocations
    whole = {"推进“一带一路”建设", "实施“走出去”战略", "“三农”支出", "中央财政用于“三农”的投入"}
    assert whole <= collocations  # (jieba tags 支出 and 投入 after a quote as verbs: only the opening counts)


def test_the_right_closed_share_counts_marks_and_deng_but_not_the_list_comma():
    from phrasebank.mining.ngrams import TokenStream, count_ngrams

    stream = TokenStream()
    after = (["创新"], ["、", "高校"], ["。"], ["等"])
    for words in (["强化", "企业", *rest] for rest in after):
        stream.add_sentence(words, None, (0, 0))
    stream.add_sentence(["强化", "企业"], None, (0, 0))  # a sentence end closes too
    table = count_ngrams(stream, max_n=2)
    entry = table.find([stream.index["强化"], stream.index["企业"]])
    assert table.right_closed[entry] == pytest.approx(3 / 5)


# Sentences of real reports whose cue words stand inside a longer term: no highlight of the writer's own work.
NOT_HIGHLIGHTS = [
    "推进信访工作法治化，依法维护群众权益。",  # 工作法 inside 工作法治化
    "推进中国特色军事变革，加快国防和军队现代化。",
    "坚持中国特色大国外交，推动构建人类命运共同体。",
    "因地制宜发展特色农业、旱作农业，发展特色优势产业。",
    "鼓励东部地区率先发展，着力提升国际竞争力。",
    "支持自主品牌和高附加值产品出口。",
    "尊重群众首创精神，充分调动各方面积极性。",
]
HIGHLIGHTS = [
    "x县坚持挖掘特色，用好红色资源，打造沉浸式课堂。",
    "形成了一批可复制可推广的经验。",
    "在全省率先出台基层减负“十条措施”。",
    "打造“党建+网格”工作法，群众满意度明显提升。",
    "工作特色鲜明，亮点纷呈。",
    "各单位打造党建品牌，以点带面推动工作。",
]


@pytest.mark.parametrize("sentence", NOT_HIGHLIGHTS)
def test_a_cue_word_inside_a_longer_term_is_no_highlight(sentence):
    from phrasebank.mining.miner import HIGHLIGHT_RE

    assert not HIGHLIGHT_RE.search(sentence)


@pytest.mark.parametrize("sentence", HIGHLIGHTS)
def test_a_sentence_about_the_units_own_highlights_is_one(sentence):
    from phrasebank.mining.miner import HIGHLIGHT_RE

    assert HIGHLIGHT_RE.search(sentence)
