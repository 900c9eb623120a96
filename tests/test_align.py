"""Paragraph and sentence alignment (pipeline/align.py)."""
import re

import pytest

from pipeline.align import align_paragraphs, dropped_paragraphs, split_sentences, translation_paragraphs
from pipeline.article import parse_article, read_article
from pipeline.mentions import META, TITLE

ZH_PARAS = [
    "今年上半年全国手工业合作社的产值，初步统计已经达到三十八亿七千万元，比去年同期增长34.88％。",
    "哈尔滨市的手工业社在五个月内就增产节约七百二十一万元。广西省的手工业合作组织，在两个月内节约了二十六万七千多元。",
    "江苏高邮县金属生产社，在废油箱中提炼出焊锡二百斤，紫铜四十二斤，能维持半年多的生产。",
    "这些缺点需要各地手工业领导部门认真纠正。",
]
EN_PARAS = [
    "The total output value of handicraft cooperatives nationwide in the first half of this year has reached "
    "3.87 billion yuan, according to preliminary statistics, an increase of 34.88% compared to the same period.",
    "In Harbin City, handicraft cooperatives increased production and practiced economy to the tune of 7.21 million "
    "yuan in five months. Handicraft cooperative organizations in Guangxi saved more than 267,000 yuan in two months.",
    "The Gaoyou County Metal Production Cooperative in Jiangsu Province extracted 200 jin of solder and 42 jin of red "
    "copper from waste oil tanks, which can sustain production for more than half a year.",
    "These shortcomings need to be conscientiously corrected by local handicraft leadership departments.",
]


def make_text(zh_paras, en_paras, title_zh="手工业产值增长三成多", title_en="Handicraft Output Up by Over 30%",
              zh_title_lines=("手工业产值增长三成多",)):
    en = "\n\n".join(en_paras)
    zh = "\n".join("    " + p for p in list(zh_title_lines) + list(zh_paras))
    return (f"Title: {title_en}\nAuthor:\nDate: 1957-08-20\nPage: 5\n\n{en}\n\n<hr /> \n\nOriginal: \n\n"
            f"### {title_zh}\n\n1957-08-20\n第5版()\n专栏：\n\n{zh}\n")


def test_align_sentences_split_zh_on_full_stops_and_keep_offsets():
    text = "甲乙丙。丁戊己！“庚辛。”壬癸"
    spans = split_sentences(text, "zh", 10)
    assert [text[s - 10:e - 10] for s, e in spans] == ["甲乙丙。", "丁戊己！", "“庚辛。”", "壬癸"]


def test_align_sentences_split_en_not_inside_numbers_or_abbreviations():
    text = "Output rose to 3.87 billion yuan. Factory No. 5 and the U.S. Army were there. Then 42 jin remained."
    spans = split_sentences(text, "en")
    got = [text[s:e] for s, e in spans]
    assert got == ["Output rose to 3.87 billion yuan.", "Factory No. 5 and the U.S. Army were there.",
                   "Then 42 jin remained."]


def test_align_one_to_one_with_title_repeat_paired_to_title_line():
    art = parse_article(make_text(ZH_PARAS, EN_PARAS))
    beads = align_paragraphs(art, zh=[], en=[])
    assert beads[0].zh == (TITLE,) and beads[0].en == (TITLE,)
    assert beads[1].zh == (META,)
    body = beads[2:]
    # the Chinese title line repeated in the body has no English paragraph: it pairs with Title:
    assert body[0].zh == (0,) and body[0].en == (TITLE,) and "title" in body[0].note
    assert [(b.zh, b.en) for b in body[1:]] == [((1,), (0,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))]
    assert dropped_paragraphs(beads) == []


def test_align_dropped_paragraph_is_a_one_to_zero_bead():
    art = parse_article(make_text(ZH_PARAS, [EN_PARAS[0], EN_PARAS[2], EN_PARAS[3]]))
    beads = align_paragraphs(art, zh=[], en=[])
    assert dropped_paragraphs(beads) == [2]  # the Harbin paragraph (index 2: after the title line)
    bead = next(b for b in beads if b.dropped)
    assert bead.kind == "1-0" and "dropped" in bead.note


def test_align_merged_paragraphs_are_a_two_to_one_bead():
    merged = EN_PARAS[1] + " " + EN_PARAS[2]
    art = parse_article(make_text(ZH_PARAS, [EN_PARAS[0], merged, EN_PARAS[3]]))
    beads = align_paragraphs(art, zh=[], en=[])
    kinds = {(b.zh, b.en): b for b in beads}
    assert ((2, 3), (1,)) in kinds and kinds[((2, 3), (1,))].merged
    assert "merged" in kinds[((2, 3), (1,))].note
    assert dropped_paragraphs(beads) == []


def _anchors(art, lang, values_by_para):
    """Hand-made (Segment, Quantity) pairs: one quantity per value at the start of its paragraph."""
    from decimal import Decimal

    from pipeline.mentions import Segment
    from pipeline.types import Quantity

    paras = art.paragraphs_zh if lang == "zh" else art.paragraphs_en
    out = []
    for p in paras:
        for v in values_by_para.get(p.index, []):
            out.append((Segment(lang, p.index, p.start, p.end, p.role),
                        Quantity(p.text[:1], p.start, p.start + 1, Decimal(v))))
    return out


def test_align_numbers_anchor_the_alignment_when_lengths_mislead():
    # the second English paragraph is much shorter than its source: the shared numbers keep it 1-1
    en = [EN_PARAS[0], "Harbin saved 7.21 million yuan in five months; Guangxi more than 267,000 yuan in two.",
          EN_PARAS[2], EN_PARAS[3]]
    art = parse_article(make_text(ZH_PARAS, en))
    zq = _anchors(art, "zh", {1: ["3870000000", "34.88"], 2: ["7210000", "267000"], 3: ["200", "42"]})
    eq = _anchors(art, "en", {0: ["3870000000", "34.88"], 1: ["7210000", "267000"], 2: ["200", "42"]})
    beads = align_paragraphs(art, zh=zq, en=eq)
    assert [(b.zh, b.en) for b in beads[3:]] == [((1,), (0,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))]
    # the same figures in the wrong paragraphs pull the alignment apart
    eq_bad = _anchors(art, "en", {0: ["3870000000", "34.88"], 1: [], 2: ["7210000", "267000", "200", "42"]})
    bad = align_paragraphs(art, zh=zq, en=eq_bad)
    assert [(b.zh, b.en) for b in bad[3:]] != [((1,), (0,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))]


def test_align_sentences_inside_paragraphs_cover_both_sides():
    art = parse_article(make_text(ZH_PARAS, EN_PARAS))
    beads = align_paragraphs(art, zh=[], en=[])
    harbin = next(b for b in beads if b.zh == (2,))
    assert len(harbin.sentences) == 2
    s0 = harbin.sentences[0]
    assert "哈尔滨" in art.text[s0.zh[0][0]:s0.zh[0][1]] and "Harbin" in art.text[s0.en[0][0]:s0.en[0][1]]


def test_align_glossary_lines_are_not_translation():
    en = EN_PARAS + ["<br>", "**Named Entities**", "哈尔滨市    Harbin City", "江苏    Jiangsu"]
    art = parse_article(make_text(ZH_PARAS, en))
    kept = translation_paragraphs(art)
    assert len(kept) == 4 and all(not re.search(r"[\u4e00-\u9fff]", p.text) for p in kept)
    assert dropped_paragraphs(align_paragraphs(art, zh=[], en=[])) == []


def test_align_seed_article_all_paragraphs_paired(seed_path):
    art = read_article(seed_path)
    beads = align_paragraphs(art)
    assert dropped_paragraphs(beads) == []
    body = [b for b in beads if b.zh and b.zh[0] >= 0 and b.en != (TITLE,)]
    assert all(b.kind == "1-1" for b in body) and len(body) == 4


@pytest.mark.parametrize("drop", [0, 1, 2, 3])
def test_align_seed_article_with_a_deleted_english_paragraph(seed_path, drop):
    art = read_article(seed_path)
    p = art.paragraphs_en[drop]
    text = art.text[:p.start] + art.text[p.end:]
    beads = align_paragraphs(parse_article(text))
    body_zh = [q.index for q in art.paragraphs_zh if q.role != "title"]
    assert dropped_paragraphs(beads) == [body_zh[drop]]


def test_align_long_and_lopsided_articles_finish():
    en = [f"Paragraph {i} reports {i * 7} jin of grain." for i in range(120)]
    zh = [f"第{i}段报告粮食{i * 7}斤。" for i in range(120)]
    art = parse_article(make_text(zh, en, zh_title_lines=()))
    beads = align_paragraphs(art)
    assert [(b.zh, b.en) for b in beads[2:]] == [((i,), (i,)) for i in range(120)]
    # two Chinese paragraphs, twenty English ones: every paragraph lands in some bead
    art = parse_article(make_text(zh[:2], en[:20], zh_title_lines=()))
    beads = align_paragraphs(art)
    assert sorted(i for b in beads[2:] for i in b.en) == list(range(20))
    assert sorted(i for b in beads[2:] for i in b.zh) == [0, 1]


def test_dp_of_every_ratio_in_one_pass_gives_the_paths_of_one_dp_per_ratio():
    """_dp_ratios (paragraphs: the whole ratio grid in one pass) must give, ratio by ratio,
    exactly the path and costs of _dp, with values, names and title marks in play."""
    import random
    from decimal import Decimal

    from pipeline import align as al

    rng = random.Random(11)
    vals = [Decimal(x) for x in (1, 2, 3, 10, 58000, "2.5", 100)]
    for _ in range(300):
        n, m = rng.randint(0, 9), rng.randint(0, 9)
        zs = [rng.randint(0, 300) for _ in range(n)]
        es = [rng.randint(0, 1500) for _ in range(m)]
        zv = [[rng.choice(vals) for _ in range(rng.choice([0, 0, 1, 2]))] for _ in range(n)]
        ev = [[rng.choice(vals) for _ in range(rng.choice([0, 0, 1, 2]))] for _ in range(m)]
        named = rng.random() < 0.3
        zn = [set(rng.sample("abc", rng.choice([0, 1]))) for _ in range(n)] if named else None
        en = [set(rng.sample("abc", rng.choice([0, 1]))) for _ in range(m)] if named else None
        zc = [rng.random() < 0.2 for _ in range(n)] if rng.random() < 0.5 else None
        et = [rng.random() < 0.2 for _ in range(m)] if rng.random() < 0.5 else None
        grid = al._ratio_grid(rng.uniform(2, 7))
        prior = al._PARA_PRIOR if rng.random() < 0.7 else al._SENT_PRIOR
        one_by_one = [al._dp(zs, es, r, prior, zv, ev, zn, en, zc, et, {}) for r in grid]
        assert repr(al._dp_ratios(zs, es, grid, prior, zv, ev, zn, en, zc, et)) == repr(one_by_one)


# ---------------------------------------------------------------- beads the DP does not search (1-3, 3-1)
# LLM translations split a long paragraph in three or merge three short ones: the paragraph the DP
# leaves alone (1-0 / 0-1) is merged into the bead beside it when the figures and lengths say so.

_SPLIT_ZH = ["甲县今年产粮三万九千多斤，比去年增加一千二百斤。乙县产棉八百担，丙县种树五千株。丁县修渠十二条，灌田二千四百亩。",
             "这些成绩是全县人民努力的结果。"]
_SPLIT_EN = ["County A produced more than 39,000 jin of grain this year, 1,200 jin more than last year.",
             "County B produced 800 dan of cotton, and County C planted 5,000 trees.",
             "County D built 12 canals, irrigating 2,400 mu of land.",
             "These achievements are the result of the efforts of the people of the whole county."]


def test_align_one_paragraph_split_in_three_english_ones_is_one_bead():
    art = parse_article(make_text(_SPLIT_ZH, _SPLIT_EN, zh_title_lines=()))
    body = align_paragraphs(art)[2:]
    assert [(b.zh, b.en) for b in body] == [((0,), (0, 1, 2)), ((1,), (3,))]
    assert "split" in body[0].note and dropped_paragraphs(body) == []


def test_align_three_paragraphs_merged_in_one_english_paragraph_is_one_bead():
    zh = ["甲县今年产粮三万九千多斤。", "乙县产棉八百担，丙县种树五千株。", "丁县修渠十二条，灌田二千四百亩。", _SPLIT_ZH[1]]
    en = [" ".join(_SPLIT_EN[:3]).replace(", 1,200 jin more than last year", ""), _SPLIT_EN[3]]
    art = parse_article(make_text(zh, en, zh_title_lines=()))
    beads = align_paragraphs(art)
    assert [(b.zh, b.en) for b in beads[2:]] == [((0, 1, 2), (0,)), ((3,), (1,))]
    assert dropped_paragraphs(beads) == []


def test_align_repair_leaves_a_really_dropped_paragraph_dropped():
    # the last paragraph's translation is missing: no shared figure, nothing to merge it with
    zh = _SPLIT_ZH[:1] + ["全县还新建小型水库三座，蓄水八十万方，并且组织了一支二百人的专业队伍，负责全县水利工程的管理和养护工作。"]
    art = parse_article(make_text(zh, _SPLIT_EN[:3], zh_title_lines=()))
    beads = align_paragraphs(art)
    assert dropped_paragraphs(beads) == [1]
