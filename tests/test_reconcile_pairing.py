"""Pairing on small bilingual articles (pipeline/reconcile.py with the real extractors and aligner).

Each case is a short Chinese paragraph and an English translation written the way the archive's
LLM translations are: paragraphs split and merged, lists, repeated figures, totals and parts,
rounded and approximate renderings, number words, converted units, and the usual slips (万万 read
as ten thousand, 多 dropped or added, 斤 as kilograms, 亿 scale slips, percentages for percentage
points, 倍 as "doubled", 成 as per cent).
"""
import pytest

from pipeline.article import parse_article
from pipeline.reconcile import reconcile_article
from test_align import make_text


def rec(zh, en):
    """Reconcile a one-title article with the given paragraphs: {Chinese figure: (verdict, English)}
    for the Chinese figures; English figures with no source under their own text."""
    art = parse_article(make_text(list(zh), list(en), title_zh="标题", title_en="Title", zh_title_lines=()))
    df = reconcile_article(art)
    rows = {}
    for r in df.itertuples():
        key = r.zh_text if isinstance(r.zh_text, str) else ("EN", r.en_text)
        rows.setdefault(key, []).append((r.verdict, r.en_text if isinstance(r.en_text, str) else None))
    return {k: v[0] if len(v) == 1 else v for k, v in rows.items()}, df


# ---------------------------------------------------------------- pairing rules seen on the dev articles

def test_pairing_a_vague_english_range_holds_only_a_figure_of_its_own_noun():
    # 两车间 (two workshops) is not "a few days": the English drops the count (gold: missing_in_en)
    got, _ = rec(["该厂熔炉、制板两车间，在数天内就找出九十多项克服浪费的办法。"],
                 ["The plant's furnace and plate-making workshops found more than 90 ways to overcome waste "
                  "within a few days."])
    assert got["两车间"][0] == "missing_in_en"
    assert got["九十多项"] == ("match", "more than 90 ways")


def test_pairing_an_english_ordinal_names_a_chinese_number_only_in_its_own_sentence():
    # 三区 as "the Third District" is a name (no row); "Second, ..." opening another sentence is not 两车间
    zh = ["第三区修渠十二条。其次，要反复地向职工进行政策宣传，号召他们积极参加运动。大连玻璃工厂由于注意了这一点，及时堵塞了浪费漏洞。"
          "该厂熔炉、制板两车间，找出九十多项克服浪费的办法。"]
    en = ["The Third District built 12 canals. Second, policy propaganda must be repeatedly carried out among the "
          "workers, calling on them to take part in the movement. Because the Dalian Glass Factory paid attention "
          "to this, it promptly plugged the loopholes of waste. The plant's furnace and plate-making workshops "
          "found more than 90 ways to overcome waste."]
    got, _ = rec(zh, en)
    assert "第三区" not in got and got["十二条"] == ("match", "12 canals")
    assert got["两车间"][0] == "missing_in_en"


def _figs(art, lang, figures):
    """Hand-made (Segment, Quantity) pairs: (surface, value, unit, kind), found in order in the body."""
    from decimal import Decimal

    from pipeline.mentions import Segment
    from pipeline.types import Quantity

    paras = art.paragraphs_zh if lang == "zh" else art.paragraphs_en
    out, pos = [], 0
    for surface, value, unit, kind in figures:
        p = next(p for p in paras if surface in art.text[max(p.start, pos):p.end])
        s = art.text.index(surface, max(p.start, pos), p.end)
        pos = s + len(surface)
        out.append((Segment(lang, p.index, p.start, p.end, p.role),
                    Quantity(surface, s, pos, Decimal(value), None, unit, None, kind)))
    return out


def test_pairing_list_marks_absorb_the_english_list_marks_of_their_own_sentence():
    # （二） is a list mark (an ordinal, no row): it takes "(2)" of its own sentence, not the "Second" of
    # the sentence before, which names 二所 (a works' number: no row either)
    zh = ["炸弹二所创造了最高记录，受到了表扬。模范班的条件是：（一）按期完成，（二）质量合格。"]
    en = ["The Second Bomb Factory created a record and was commended. The conditions for a model class are: "
          "(1) finishing on time, (2) meeting the quality standard."]
    art = parse_article(make_text(zh, en, title_zh="标题", title_en="Title", zh_title_lines=()))
    zq = _figs(art, "zh", [("二所", "2", "piece", "number"), ("（一）", "1", None, "ordinal"),
                           ("（二）", "2", None, "ordinal")])
    eq = _figs(art, "en", [("Second", "2", None, "ordinal"), ("(1)", "1", None, "ordinal"),
                           ("(2)", "2", None, "ordinal")])
    df = reconcile_article(art, zq, eq)
    assert df.empty, df[["zh_text", "en_text", "verdict", "note"]]


def test_pairing_a_word_for_two_with_its_noun_a_few_words_on():
    got, _ = rec(["生产竞赛照常进行，在打虎和生产两个车间里，都获得了显著的成绩。"],
                 ["Production competitions continued as usual. Significant achievements have been made in both "
                  "the \"tiger hunting\" and production workshops."])
    assert got["两个车间"][0] == "match"


def test_pairing_a_word_for_one_needs_its_unit_close_after_an_article():
    # "the" + unit: at most two words between ("the Jiangnan Shipyard last year" is not 一年)
    got, _ = rec(["原料厂平均每人一年上缴利润八千元。"],
                 ["The raw materials plant handed over 8,000 yuan of profit per person, more than the Jiangnan "
                  "Shipyard last year."])
    assert got["一年"][0] == "missing_in_en"


@pytest.mark.parametrize("zh,en,verdict", [
    ("工人张明胜等六人创造了新纪录。", "Worker Zhang Mingsheng and five others set new records.", "match"),
    ("工人张明胜等六人创造了新纪录。", "Worker Zhang Mingsheng and five other workers set new records.", "match"),
    ("工人张明胜、李四等六人创造了新纪录。", "Workers Zhang Mingsheng, Li Si and four others set new records.", "match"),
    # 等六人 counts the ones named: "and six others" makes seven
    ("工人张明胜等六人创造了新纪录。", "Worker Zhang Mingsheng and six others set new records.", "value_mismatch"),
])
def test_pairing_a_group_named_by_its_first_members_and_n_others(zh, en, verdict):
    from decimal import Decimal

    from pipeline.reconcile import judge_in_text
    from pipeline.types import Quantity

    text = zh + " " + en
    z = text.index("六人")
    word = next(w for w in ("five", "four", "six") if f"and {w}" in en)
    e = text.index(word, len(zh))
    zq = Quantity("六人", z, z + 2, Decimal(6), None, "person", None, "number", None, "人")
    eq = Quantity(word, e, e + len(word), Decimal({"five": 5, "four": 4, "six": 6}[word]))
    v = judge_in_text(text, zq, eq)
    assert v is not None and v.verdict == verdict, v


def test_pairing_a_vague_count_said_in_a_word():
    # 几倍到几十倍 "by several to dozens of times": the English writes the low end as a word only
    got, _ = rec(["比国家原来批准的计划超过几倍到几十倍。"],
                 ["It will exceed the original national plan by several to dozens of times."])
    (low,) = [k for k in got if isinstance(k, str) and k.endswith("几倍")]  # 几倍 or 超过几倍
    # (an extractor that reads "several" as a figure of its own pairs it: a match either way)
    assert got[low] in (("match", None), ("match", "several")) and got["几十倍"] == ("match", "dozens of times")


def test_pairing_lone_vague_words_render_a_vague_range():
    from decimal import Decimal

    from pipeline.align import Bead, SentenceBead
    from pipeline.reconcile import _lone_word
    from pipeline.types import Quantity

    text = "他们找出了几项办法。They found several methods, and a few more."
    z = text.index("几项")
    zq = Quantity("几项", z, z + 2, Decimal(2), Decimal(9), "item", "about")
    bead = Bead((0,), (0,), sentences=(SentenceBead(((0, 10),), ((10, len(text)),)),))
    taken = set()
    assert _lone_word(text, bead, zq, taken) == ("several", text.index("several"))
    assert _lone_word(text, bead, zq, taken) == ("a few", text.index("a few"))  # each word renders one figure
    assert _lone_word(text, bead, zq, taken) is None


@pytest.mark.parametrize("en,verdict", [
    ("Over the past month, transport efficiency rose by 80%.", "approx_dropped"),  # 多 lost; "over the" = during
    ("For more than a month, transport efficiency rose by 80%.", "match"),
])
def test_pairing_a_qualified_figure_said_in_a_word_keeps_its_qualifier(en, verdict):
    got, _ = rec(["一个多月来，运输效率提高了80％。"], [en])
    assert got["一个多月"][0] == verdict, got
    assert got["80％"] == ("match", "80%")


# ---------------------------------------------------------------- generalising: layout of the translation

def test_pairing_a_sentence_moved_across_a_paragraph_break():
    # the English starts its second paragraph with the last sentence of the first Chinese one
    zh = ["甲县今年产粮三万九千多斤，比去年增加一千二百斤。乙县产棉八百担，丙县种树五千株。",
          "丁县修渠十二条，灌田二千四百亩。全县还新建小型水库三座。"]
    en = ["County A produced more than 39,000 jin of grain this year, 1,200 jin more than last year. "
          "County B produced 800 dan of cotton.",
          "County C planted 5,000 trees. County D built 12 canals, irrigating 2,400 mu of land. "
          "The county also built three small reservoirs."]
    got, df = rec(zh, en)
    assert got["五千株"] == ("match", "5,000 trees")
    assert (df.verdict == "match").all(), df[["zh_text", "en_text", "verdict"]]
    # moved and slipped: judged against its rendering next door
    got, _ = rec(zh, [en[0], en[1].replace("County C planted 5,000 trees. ", "County C planted 50,000 trees. ")])
    assert got["五千株"] == ("scale_error", "50,000 trees")
    # a figure really lost stays missing, even with a figure of another value next door
    en[1] = en[1].replace("County C planted 5,000 trees. ", "County C planted 4,000 trees. ")
    got, _ = rec(zh, en)
    assert got["五千株"][0] == "missing_in_en" and got[("EN", "4,000 trees")][0] == "extra_in_en"


@pytest.mark.parametrize("zh,en,written", [
    ("熊岳二五三", "the Xiongyue 253 variety", ("253", True)),
    ("实行二八分红制", 'an "two-eight split" profit sharing system', ("two-eight", True)),
    ("全面推行四八交叉作业", "promoted four-eight cross-operations", ("four-eight", True)),
    ("达到九六点一八", "reached 96.18%", ("96.18", False)),  # written in digits, not digit by digit
    ("实行二八分红制", "a profit sharing system", None),
])
def test_pairing_numbers_written_digit_by_digit_are_names(zh, en, written):
    from decimal import Decimal

    from pipeline.reconcile import _en_writes
    from pipeline.types import Quantity

    surface = next(x for x in ("二五三", "二八", "四八", "九六点一八") if x in zh)
    value = {"二五三": "253", "二八": "28", "四八": "48", "九六点一八": "96.18"}[surface]
    text = zh + "\n" + en
    zq = Quantity(surface, text.index(surface), text.index(surface) + len(surface), Decimal(value))
    assert _en_writes(text, [(len(zh) + 1, len(text))], zq) == written
    # digits inside an English figure paired with another Chinese figure are that figure's
    if written:
        at = text.index(written[0], len(zh))
        assert _en_writes(text, [(len(zh) + 1, len(text))], zq, blocked={at}) is None


def test_pairing_a_label_written_digit_by_digit_gets_no_row():
    from decimal import Decimal

    zh = ["全面推行四八交叉作业，有力地推动生产迅速提高，原煤日产量达到一万二千吨。"]
    en = ["They fully promoted four-eight cross-operations, which rapidly raised production: raw coal output "
          "reached 12,000 tons a day."]
    art = parse_article(make_text(zh, en, title_zh="标题", title_en="Title", zh_title_lines=()))
    zq = _figs(art, "zh", [("四八", "48", None, "number"), ("一万二千吨", "12000", "ton", "number")])
    eq = _figs(art, "en", [("12,000 tons", "12000", "ton", "number")])
    df = reconcile_article(art, zq, eq)
    assert list(df.zh_text) == ["一万二千吨"] and list(df.verdict) == ["match"]


@pytest.mark.parametrize("en_text,en_value,verdicts", [
    ("1.2 jin", "1.2", {"一斤二两": "match"}),      # 10 liang to the jin (1959 on)
    ("1.125 jin", "1.125", {"一斤二两": "match"}),  # 16 liang to the jin (before)
    ("1.3 jin", "1.3", {"一斤": "value_mismatch", "二两": "match"}),  # the second 二两 is "two liang"
])
def test_pairing_a_compound_measure_rendered_as_one_figure(en_text, en_value, verdicts):
    zh = ["每人每天吃粮一斤二两，比去年多二两。"]
    en = [f"Each person eats {en_text} of grain a day, two liang more than last year."]
    art = parse_article(make_text(zh, en, title_zh="标题", title_en="Title", zh_title_lines=()))
    zq = _figs(art, "zh", [("一斤", "1", "jin", "number"), ("二两", "2", "liang", "number"),
                           ("二两", "2", "liang", "number")])
    eq = _figs(art, "en", [(en_text, en_value, "jin", "number"), ("two liang", "2", "liang", "number")])
    df = reconcile_article(art, zq, eq)
    got = dict(zip(df.zh_text, df.verdict))  # (the last 二两: the second)
    assert {k: got.get(k) for k in verdicts} == verdicts, df[["zh_text", "en_text", "verdict"]]
    assert list(df[df.zh_text == "二两"].en_text.fillna(""))[-1] == "two liang"
    if "一斤" in got:  # not joined: the first 二两 is lost
        assert list(df[df.zh_text == "二两"].verdict) == ["missing_in_en", "match"]
    if "一斤二两" in got:
        row = df[df.zh_text == "一斤二两"].iloc[0]
        assert art.text[int(row.zh_start):int(row.zh_end)] == "一斤二两"


def test_pairing_shi_of_grain_is_a_weight_like_dan():
    from pipeline.reconcile import judge
    from pipeline.types import Quantity
    from decimal import Decimal as D

    z = Quantity("五石", 0, 2, D(5), None, "shi")
    assert judge(z, Quantity("five dan", 0, 8, D(5), None, "dan")).verdict == "match"
    assert judge(z, Quantity("five tons", 0, 9, D(5), None, "ton")).verdict == "unit_mismatch"


# ---------------------------------------------------------------- the usual slips of the translations, and
# their faithful renderings, through the real extractors: (Chinese, English, {Chinese figure: verdict})

SLIPS = [
    # 万万 = 10^8
    ("拨款一万万四千三百六十六万元。", "It allocated 143.66 million yuan.", {"一万万四千三百六十六万元": "match"}),
    ("拨款一万万四千三百六十六万元。", "It allocated 14.366 million yuan.", {"一万万四千三百六十六万元": "scale_error"}),
    ("拨款一万万元。", "It allocated 10,000 yuan.", {"一万万元": "scale_error"}),
    # 亿 and 万 against million / billion
    ("产值三亿元。", "The output value was 300 million yuan.", {"三亿元": "match"}),
    ("产值三亿元。", "The output value was 30 million yuan.", {"三亿元": "scale_error"}),
    ("产值七百二十一万元。", "The output value was 72.1 million yuan.", {"七百二十一万元": "scale_error"}),
    ("共有四亿五千万人。", "There were four hundred and fifty million people.", {"四亿五千万人": "match"}),
    ("共有四亿五千万人。", "There were forty-five million people.", {"四亿五千万人": "scale_error"}),
    ("产值三十八亿七千万元。", "The output value was 3.9 billion yuan.", {"三十八亿七千万元": "match"}),  # rounded
    # 多, 余, 约
    ("全乡有三万九千多人。", "The township has more than 39,000 people.", {"三万九千多人": "match"}),
    ("全乡有三万九千多人。", "The township has 39,000 people.", {"三万九千多人": "approx_dropped"}),
    ("全乡有三万九千多人。", "The township has nearly 40,000 people.", {"三万九千多人": "match"}),
    ("全乡有三万九千人。", "The township has more than 39,000 people.", {"三万九千人": "approx_added"}),
    ("开荒一百余亩。", "They reclaimed 100 mu of wasteland.", {"一百余亩": "approx_dropped"}),
    # 斤, 里, 顷, 户 and their conversions
    ("共收粮食二万斤。", "A total of 10,000 kilograms of grain was collected.", {"二万斤": "match"}),
    ("共收粮食二万斤。", "A total of 20,000 kilograms of grain was collected.", {"二万斤": "unit_mismatch"}),
    ("每亩产粮三百斤。", "Each mu yielded 300 pounds of grain.", {"三百斤": "unit_mismatch"}),
    ("全长十八里。", "It is 9 kilometres long.", {"十八里": "match"}),
    ("全长十八里。", "It is 18 kilometres long.", {"十八里": "unit_mismatch"}),
    ("开荒一百余顷。", "They reclaimed more than 100 hectares.", {"一百余顷": "unit_mismatch"}),
    ("全村一百二十户。", "The village has 120 people.", {"一百二十户": "unit_mismatch"}),
    # 成 (tenths), 倍, percentages
    ("今年增产三成。", "Output rose by 30 percent this year.", {"三成": "match"}),
    ("今年增产三成。", "Output rose by 3% this year.", {"三成": "scale_error"}),
    ("产量增加了两倍。", "Output tripled.", {"两倍": "match"}),
    ("产量增加了两倍。", "Output doubled.", {"两倍": "value_mismatch"}),
    ("出勤率提高了二十个百分点。", "The attendance rate rose by 20%.", {"二十个百分点": "unit_mismatch"}),
    ("三分之二的社员参加了劳动。", "Two-thirds of the members took part in the labour.", {"三分之二": "match"}),
    ("三分之二的社员参加了劳动。", "One-third of the members took part in the labour.", {"三分之二": "value_mismatch"}),
    # lists, repeats, totals and parts
    ("三个县分别增产百分之十、百分之十五和百分之二十。", "The three counties increased output by 10%, 15% and 20% respectively.",
     {"百分之十": "match", "百分之十五": "match", "百分之二十": "match"}),
    ("小麦和玉米分别增产百分之十和百分之二十。", "Wheat and corn output rose by 10%.", {"百分之二十": "missing_in_en"}),
    # a list said respectively pairs by place: the same values in another order are attached to other items
    ("小麦和玉米分别增产百分之十和百分之二十。", "Wheat and corn output rose by 20% and 10% respectively.",
     {"百分之十": "value_mismatch", "百分之二十": "value_mismatch"}),
    ("三个县分别增产百分之十、百分之十五和百分之二十。", "The three counties increased output by 10%, 20% and 15% respectively.",
     {"百分之十": "match", "百分之十五": "value_mismatch", "百分之二十": "value_mismatch"}),
    ("小麦和玉米分别增产百分之十和百分之二十。", "Wheat output rose by 20% and corn by 10%.",  # no list said respectively
     {"百分之十": "match", "百分之二十": "match"}),
    ("全县共有合作社一百二十个，其中高级社八十个，初级社四十个。", "The county has cooperatives, 80 advanced and 40 elementary.",
     {"一百二十个": "missing_in_en", "八十个": "match", "四十个": "match"}),
    # number words
    ("他们修了十二条渠，种了三百五十棵树。", "They built twelve canals and planted three hundred and fifty trees.",
     {"十二条": "match", "三百五十棵": "match"}),
]


@pytest.mark.parametrize("zh,en,want", SLIPS, ids=[f"{i}-{s[1][:40]}" for i, s in enumerate(SLIPS)])
def test_pairing_usual_slips_and_faithful_renderings(zh, en, want):
    got, df = rec([zh], [en])
    assert {k: (got.get(k) or ("(no row)",))[0] for k in want} == want, \
        df[["zh_text", "en_text", "verdict", "note"]].to_string()


@pytest.mark.parametrize("en,extra", [
    ("A total of 20,000 jin (10,000 kilograms) of grain was collected.", None),
    ("A total of 20,000 jin (about 10,000 kg) of grain was collected.", None),
    ("A total of 10,000 kilograms (20,000 jin) of grain was collected.", None),
    ("A total of 20,000 jin (20,000 kilograms) of grain was collected.", "20,000 kilograms"),  # no conversion
    ("A total of 20,000 jin of grain was collected, and 10,000 kilograms were stored.", "10,000 kilograms"),
])
def test_pairing_a_translators_conversion_in_brackets_is_no_figure_of_its_own(en, extra):
    got, df = rec(["共收粮食二万斤。"], [en])
    assert got["二万斤"] == ("match", "20,000 jin")
    extras = list(df[df.verdict == "extra_in_en"].en_text)
    assert extras == ([extra] if extra else []), extras


def test_pairing_a_different_number_in_the_sentence_next_to_the_aligned_one():
    # the English joins 乙县's figure to the sentence before: one value_mismatch, not missing + extra
    got, df = rec(["甲县今年产粮三万斤，比去年增产百分之十。乙县产棉八百担，比去年多一百担。"],
                  ["County A produced 30,000 jin of grain this year, 10% more than last year, and County B "
                   "produced 900 dan of cotton. That is 100 dan more than last year."])
    assert got["八百担"] == ("value_mismatch", "900 dan")
    assert "extra_in_en" not in set(df.verdict)


def test_pairing_random_layouts_keep_offsets_and_verdicts_in_the_vocabulary():
    """Articles put together at random from the cases above (paragraphs missing, repeated, in
    another order): every row's offsets give its text back, every verdict is one of VERDICTS."""
    import random

    from pipeline.reconcile import VERDICTS

    rng = random.Random(3)
    zp = ["甲县产粮三万九千多斤。", "乙县产棉八百担，丙县种树五千株。", "张明胜等六人创造了纪录。", "每人吃粮一斤二两。",
          "小麦和玉米分别增产百分之十和百分之二十。", "全面推行四八交叉作业。", "他一家七口。", "去年一年上缴利润八千元。",
          "提高了二十个百分点。", "哪怕一口人只拿出五角钱。", "几倍到几十倍。", "无。"]
    ep = ["County A produced more than 39,000 jin.", "County B 800 dan (40,000 kg), County C 5,000 trees.",
          "Zhang and five others set records.", "Each eats 1.2 jin.", "Wheat and corn rose 20% and 10% respectively.",
          "four-eight cross-operations.", "his family of seven.", "Last year it paid 8,000 yuan.", "rose by 20%.",
          "even five cents.", "Over the past month.", "by several to dozens of times."]
    for _ in range(40):
        zh = [rng.choice(zp) for _ in range(rng.randint(1, 6))]
        en = [rng.choice(ep) for _ in range(rng.randint(1, 7))]
        art = parse_article(make_text(zh, en, title_zh="标题", title_en="Title", zh_title_lines=()))
        df = reconcile_article(art)
        assert set(df.verdict) <= set(VERDICTS)
        for r in df.itertuples():
            if isinstance(r.zh_text, str):
                assert art.text[int(r.zh_start):int(r.zh_end)] == r.zh_text
            if isinstance(r.en_text, str):
                assert art.text[int(r.en_start):int(r.en_end)] == r.en_text


def test_pairing_a_paragraph_called_dropped_whose_figures_are_next_door_was_merged():
    """Given an alignment that calls a paragraph dropped while the English paragraph beside it holds its
    figures: the figures are found there, and the paragraph is not reported dropped."""
    from pipeline.align import Bead, align_paragraphs

    zh = ["甲县今年产粮三万九千多斤，比去年增加一千二百斤。", "乙县产棉八百担。", "这些成绩是全县人民努力的结果。"]
    en = ["County A produced more than 39,000 jin of grain this year, 1,200 jin more than last year. "
          "County B produced 800 dan of cotton.", "These achievements are the result of the people's efforts."]
    art = parse_article(make_text(zh, en, title_zh="标题", title_en="Title", zh_title_lines=()))
    beads = align_paragraphs(art)
    head = beads[:2]
    good = {b.zh: b for b in beads[2:]}
    s0 = good.get((0, 1)) or good[(0,)]
    forced = head + [Bead((0,), (0,), sentences=s0.sentences), Bead((1,), (), note="dropped: Chinese paragraph 1"),
                     good[(2,)]]
    df = reconcile_article(art, beads=forced)
    row = df[df.zh_text == "八百担"].iloc[0]
    assert row.verdict == "match" and row.en_text == "800 dan" and "neighbouring" in row.note
    assert df.attrs["dropped_paragraphs"] == [] and not any("dropped" in n for n in df.attrs["alignment"])
    # the same alignment with the English figure gone: dropped, and missing
    art2 = parse_article(make_text(zh, [en[0].replace(" County B produced 800 dan of cotton.", ""), en[1]],
                                   title_zh="标题", title_en="Title", zh_title_lines=()))
    b2 = align_paragraphs(art2)
    forced2 = b2[:2] + [Bead((0,), (0,), sentences=next(b for b in b2 if 0 in b.zh).sentences),
                        Bead((1,), (), note="dropped: Chinese paragraph 1"), next(b for b in b2 if b.zh == (2,))]
    df2 = reconcile_article(art2, beads=forced2)
    assert df2[df2.zh_text == "八百担"].iloc[0].verdict == "missing_in_en" and df2.attrs["dropped_paragraphs"] == [1]


def test_pairing_a_figure_written_twice_once_in_english_goes_to_the_copy_in_its_clause():
    # the English drops the first clause: "one person" renders the second 一口人 (its clause, not its characters)
    got, df = rec(["他们一口人要为食品票计划拿出两块美元，对他们说来，哪怕一口人只拿出五角钱，都好象是要交两千美元一样。"],
                  ["For them, even if one person only contributes five cents, it feels like paying two thousand "
                   "dollars."])
    rows = df[df.zh_text == "一口人"]
    assert list(rows.verdict) == ["missing_in_en", "match"], rows[["zh_text", "en_text", "verdict"]]
    assert got["五角钱"] == ("scale_error", "five cents") and got["两块美元"][0] == "missing_in_en"


def test_pairing_copies_of_one_figure_keep_their_order():
    zh = ["男子一千米九人集体跳伞、一千五百米五人集体跳伞和女子一千米六人集体跳伞、一千米七人集体跳伞的全国纪录，都打破了世界纪录。"]
    en = ["The national records for men's 1,000-meter nine-person collective skydiving, 1,500-meter five-person "
          "collective skydiving, and women's 1,000-meter six-person collective skydiving and 1,000-meter "
          "seven-person collective skydiving all broke world records."]
    art = parse_article(make_text(zh, en, title_zh="标题", title_en="Title", zh_title_lines=()))
    df = reconcile_article(art)
    rows = df[df.zh_text == "一千米"]
    assert len(rows) == 3 and (rows.verdict == "match").all()
    # each 一千米 is rendered by the "1,000-meter" of its own event, in order
    assert list(rows.en_start) == sorted(rows.en_start)
    for r in rows.itertuples():
        after_zh = art.text[int(r.zh_end):int(r.zh_end) + 2]
        after_en = art.text[int(r.en_end):int(r.en_end) + 12]
        assert {"九人": "nine", "六人": "six", "七人": "seven"}[after_zh] in after_en
