"""Pairing and verdicts (pipeline/reconcile.py), with hand-made quantities and on real articles."""
from decimal import Decimal as D

import pytest

from pipeline.article import parse_article, read_article
from pipeline.mentions import Segment
from pipeline.reconcile import (COLUMNS, EXTRA_COLUMNS, VERDICTS, context_approx, judge, reconcile_article,
                                summarize, zh_renderings)
from pipeline.types import Quantity
from test_align import EN_PARAS, ZH_PARAS, make_text


def q(value, unit=None, approx=None, kind="number", high=None, scale=None, text="x", start=0):
    return Quantity(text, start, start + len(text), D(value), D(high) if high is not None else None, unit, approx,
                    kind, scale)


# ---------------------------------------------------------------- verdicts, one pair at a time

CASES = [
    # (zh, en, verdict, factor)
    (q("3870000000", "yuan", scale="亿"), q("3870000000", "yuan", text="3.87 billion yuan", scale="billion"),
     "match", None),
    (q("3870000000", "yuan"), q("3900000000", "yuan", text="3.9 billion yuan", scale="billion"), "match", None),
    (q("3870000000", "yuan"), q("3800000000", "yuan", text="3.8 billion yuan", scale="billion"),
     "value_mismatch", None),
    (q("7210000", "yuan", scale="万"), q("72100000", "yuan", text="72.1 million yuan", scale="million"),
     "scale_error", "x10^1"),
    (q("267000", "yuan", scale="万"), q("2670000000", "yuan", text="2,670,000,000 yuan"), "scale_error", "x10^4"),
    (q("156084000", "yuan"), q("15608400", "yuan", text="15,608,400 yuan"), "scale_error", "x10^-1"),
    (q("267000", "yuan", "more_than"), q("267000", "yuan", "more_than", text="more than 267,000 yuan"), "match", None),
    (q("267000", "yuan", "more_than"), q("267000", "yuan", text="267,000 yuan"), "approx_dropped", None),
    (q("10978", "mu"), q("10978", "mu", "more_than", text="more than 10,978 mu"), "approx_added", None),
    (q("0.333333333333", kind="fraction"), q("0.3333333333333333", "x", "nearly", kind="fraction",
                                             text="nearly one-third"), "approx_added", None),
    (q("0.333333333333", None, "nearly", kind="fraction"), q("0.3333333333333333", None, "about", kind="fraction",
                                                             text="about one-third"), "match", None),
    (q("20000", "jin", "more_than"), q("20000", "kg", "more_than", text="over 20,000 kilograms"),
     "unit_mismatch", None),
    (q("100", "qing", "more_than"), q("100", "hectare", "more_than", text="more than 100 hectares"),
     "unit_mismatch", None),
    (q("20", "jin"), q("10", "kg", text="10 kilograms"), "match", None),
    (q("0.5", "year"), q("6", "month", text="six months"), "match", None),
    (q("10", "household"), q("10", "person", text="10 members"), "unit_mismatch", None),
    (q("3", "county"), q("3", "counties", text="three counties"), "match", None),  # not measures: no clash
    (q("34.88", "percent", kind="percent"), q("34.88", "percent", kind="percent", text="34.88%"), "match", None),
    (q("34.88", "percent", kind="percent"), q("34.9", "percent", kind="percent", text="34.9%"), "match", None),
    (q("30", "percent", "more_than", kind="percent"), q("30", "percent", "more_than", kind="percent",
                                                        text="Over 30%"), "match", None),
    (q("0.004", kind="fraction"), q("0.4", "percent", "about", kind="percent", text="about 0.4%"),
     "approx_added", None),
    (q("700", "jin", high="800"), q("700", "jin", high="800", text="700 to 800 jin"), "match", None),
    (q("200", "household", high="300"), q("200", "household", "about", high="300",
                                          text="about two to three hundred households"), "match", None),
    (q("7100367", "person"), q("7103670", "person", text="7,103,670 people"), "value_mismatch", None),
    (q("0.5", "year"), q("1", "year", text="a year"), "value_mismatch", None),  # rounding is at most 10%
    # 三万九千多 (39,000-39,999) rendered as the next round figure, and 近四万 as "more than 39,000"
    (q("39000", "person", "more_than"), q("40000", "person", "nearly", text="nearly 40,000 people"), "match", None),
    (q("39000", "person", "more_than"), q("40000", "person", "about", text="about 40,000 people"), "match", None),
    (q("40000", "person", "nearly"), q("39000", "person", "more_than", text="more than 39,000 people"), "match",
     None),
    (q("30000", "person", "more_than"), q("40000", "person", "nearly", text="nearly 40,000 people"),
     "value_mismatch", None),  # 三万多 is no "nearly 40,000"
    (q("39000", "person", "more_than"), q("39000", "person", "about", text="about 39,000 people"),
     "approx_dropped", None),
    # percentage points rendered as a percentage (not the other way: 百分之二十 is often a difference of rates)
    (q("20", "percent", kind="percent", text="二十个百分点"), q("20", "percent", kind="percent", text="20%"),
     "unit_mismatch", None),
    (q("20", "percent", kind="percent", text="二十个百分点"),
     q("20", "percent", kind="percent", text="20 percentage points"), "match", None),
    (q("20", "percent", kind="percent", text="百分之二十"),
     q("20", "percent", kind="percent", text="20 percentage points"), "match", None),
    (q("20", "percent", kind="percent", text="二十个百分点"), q("20", "point", text="20 points"), "match", None),
    # a sum in 角/块/钱 names no currency: it is in the English figure's (五角钱 in an article on America)
    (q("0.5", "yuan", text="五角钱"), q("0.05", "dollar", text="five cents"), "scale_error", "x10^-1"),
    (q("0.5", "yuan", text="五角钱"), q("0.5", "dollar", text="50 cents"), "match", None),
    (q("500", "yuan", text="五百元"), q("500", "dollar", text="500 dollars"), "unit_mismatch", None),
    (q("2", "liang", text="二两"), q("2", "ounce", text="two ounces"), "unit_mismatch", None),  # 两 is 50 g
    (q("5", "euro", text="五欧元"), q("5", "dollar", text="5 dollars"), "unit_mismatch", None),
    (q("5", "sheng", text="五升"), q("5", "litre", text="5 litres"), "match", None),
    (q("3", "quintal", text="三公担"), q("300", "kg", text="300 kg"), "match", None),
    (q("30", "second", text="三十秒"), q("30", "minute", text="30 minutes"), "unit_mismatch", None),
    # 上百 "reaches a hundred": "over a hundred" renders it; 约一百 "about a hundred" it does not
    (q("100", "person", "about", text="上百人"), q("100", "person", "more_than", text="over a hundred people"),
     "match", None),
    (q("100", "person", "about", text="约一百人"), q("100", "person", "more_than", text="over a hundred people"),
     "approx_dropped", None),
]


@pytest.mark.parametrize("zq,eq,verdict,factor", CASES, ids=[f"{c[0].value}-{c[1].text}" for c in CASES])
def test_reconcile_judge_verdicts(zq, eq, verdict, factor):
    v = judge(zq, eq)
    assert v is not None and v.verdict == verdict, v
    assert v.factor == factor


def test_reconcile_judge_scale_note_names_both_scale_words():
    v = judge(q("100000000", "yuan", scale="万万", text="一万万元"), q("10000", "yuan", text="10,000 yuan"))
    assert v.verdict == "scale_error" and v.note.endswith("(万万 vs no scale word)")
    v = judge(q("7210000", "yuan", scale="万"), q("72100000", "yuan", text="72.1 million yuan", scale="million"))
    assert v.note.endswith("(万 vs million)")


def test_reconcile_judge_rounding_and_conversion_are_noted():
    assert "rounded" in judge(q("3870000000", "yuan"), q("3900000000", "yuan", text="3.9 billion",
                                                                scale="billion")).note
    assert "converted" in judge(q("20", "jin"), q("10", "kg", text="10 kilograms")).note


def test_reconcile_judge_percentage_and_count_are_not_the_same_figure():
    assert judge(q("30", "percent", kind="percent"), q("30", "yuan", text="30 yuan")) is None


@pytest.mark.parametrize("form,en_text,en_value,verdict", [
    ("increase", "doubled", "2", "match"),          # 增加一倍 = x2
    ("increase", "increased by one time", "1", "match"),
    (None, "twice as large", "2", "match"),          # 一倍 alone is an increase
])
def test_reconcile_multiples_one_time(form, en_text, en_value, verdict):
    zq = q("1", "times", kind="multiple", text="一倍")
    assert judge(zq, q(en_value, "times", kind="multiple", text=en_text), form).verdict == verdict


def test_reconcile_multiples_two_times_doubled_is_a_mismatch():
    zq = q("2", "times", kind="multiple", text="两倍")  # 增加两倍 = x3
    assert judge(zq, q("2", "times", kind="multiple", text="doubled"), "increase").verdict == "value_mismatch"
    assert judge(zq, q("3", "times", kind="multiple", text="tripled"), "increase").verdict == "match"
    # "increased by two times" can be read either way
    assert judge(zq, q("2", "times", kind="multiple", text="by two times"), "increase").verdict == "match"


def test_reconcile_context_qualifiers_read_words_apart_from_the_figure():
    text = "贸易总额约比1954年增加了18.4％；产值节约七百二十一万元"
    z1 = q("18.4", "percent", kind="percent", text="18.4％", start=text.index("18.4"))
    assert context_approx(text, z1, "zh") == "about"
    z2 = q("7210000", "yuan", text="七百二十一万元", start=text.index("七百"))
    assert context_approx(text, z2, "zh") is None  # 节约 is "economise", not 约 "about"
    en = "the costs exceed 19 billion rubles"
    e = q("19000000000", "ruble", text="19 billion rubles", start=en.index("19"))
    assert context_approx(en, e, "en") == "more_than"


def test_reconcile_zh_renderings():
    assert "二十六万七千" in zh_renderings(D("267000"))
    assert "六六六" in zh_renderings(D("666"))
    assert "一亿零六百八十三万" in zh_renderings(D("106830000"))
    assert "九六点一八" in zh_renderings(D("96.18"))


# ---------------------------------------------------------------- whole articles, hand-made quantities

def _side(art, lang, figures):
    """(Segment, Quantity) pairs for figures given as (paragraph index, surface, value, unit, approx)."""
    paras = {p.index: p for p in (art.paragraphs_zh if lang == "zh" else art.paragraphs_en)}
    out = []
    for idx, surface, value, unit, approx in figures:
        p = paras[idx]
        s = art.text.index(surface, p.start, p.end)
        out.append((Segment(lang, idx, p.start, p.end, p.role),
                    Quantity(surface, s, s + len(surface), D(value), None, unit, approx)))
    return out


ZH_FIGS = [(0, "三十八亿七千万元", "3870000000", "yuan", None), (0, "34.88％", "34.88", "percent", None),
           (1, "七百二十一万元", "7210000", "yuan", None), (1, "二十六万七千多元", "267000", "yuan", "more_than"),
           (2, "二百斤", "200", "jin", None), (2, "四十二斤", "42", "jin", None)]
EN_FIGS = [(0, "3.87 billion yuan", "3870000000", "yuan", None), (0, "34.88%", "34.88", "percent", None),
           (1, "7.21 million yuan", "7210000", "yuan", None), (1, "more than 267,000 yuan", "267000", "yuan", "more_than"),
           (2, "200 jin", "200", "jin", None), (2, "42 jin", "42", "jin", None)]


def _art(en_paras=EN_PARAS):
    return parse_article(make_text(ZH_PARAS, en_paras, title_zh="手工业产值", zh_title_lines=()))


def test_reconcile_article_columns_offsets_and_all_match():
    art = _art()
    df = reconcile_article(art, _side(art, "zh", ZH_FIGS), _side(art, "en", EN_FIGS))
    assert list(df.columns) == COLUMNS + EXTRA_COLUMNS
    assert list(df["verdict"]) == ["match"] * 6
    for r in df.itertuples():
        assert art.text[int(r.zh_start):int(r.zh_end)] == r.zh_text
        assert art.text[int(r.en_start):int(r.en_end)] == r.en_text
        assert r.zh_para == r.en_para
    assert set(df["verdict"]) <= set(VERDICTS)


def test_reconcile_article_pairs_by_value_not_by_position():
    art = _art()
    en = list(EN_FIGS)
    en[4], en[5] = (2, "42 jin", "42", "jin", None), (2, "200 jin", "200", "jin", None)
    df = reconcile_article(art, _side(art, "zh", ZH_FIGS), _side(art, "en", en))
    row = df[df.zh_text == "二百斤"].iloc[0]
    assert row.en_text == "200 jin" and row.verdict == "match"


def test_reconcile_article_changed_and_missing_and_extra_figures():
    art_text = make_text(ZH_PARAS, [EN_PARAS[0], EN_PARAS[1].replace("7.21 million", "72.1 million"),
                                    EN_PARAS[2].replace("and 42 jin of red copper", "and red copper")
                                    + " It also saved 5,000 yuan.", EN_PARAS[3]],
                         title_zh="手工业产值", zh_title_lines=())
    art = parse_article(art_text)
    en = [f for f in EN_FIGS if f[1] not in ("7.21 million yuan", "42 jin")]
    en += [(1, "72.1 million yuan", "72100000", "yuan", None), (2, "5,000 yuan", "5000", "yuan", None)]
    df = reconcile_article(art, _side(art, "zh", ZH_FIGS), _side(art, "en", en))
    by = {r.zh_text if isinstance(r.zh_text, str) else r.en_text: r for r in df.itertuples()}
    assert by["七百二十一万元"].verdict == "scale_error" and by["七百二十一万元"].factor == "x10^1"
    assert by["四十二斤"].verdict == "missing_in_en"
    assert by["5,000 yuan"].verdict == "extra_in_en"
    s = summarize(df)
    assert s["n_figures"] == 6 and s["n_match"] == 4 and s["n_scale_error"] == 1
    assert s["n_missing_in_en"] == 1 and s["n_extra_in_en"] == 1 and s["n_flagged"] == 3
    assert s["fidelity"] == round(4 / 7, 4)


def test_reconcile_article_dropped_paragraph_figures_are_missing():
    art = _art([EN_PARAS[0], EN_PARAS[2], EN_PARAS[3]])
    en = [(0, "3.87 billion yuan", "3870000000", "yuan", None), (0, "34.88%", "34.88", "percent", None),
          (1, "200 jin", "200", "jin", None), (1, "42 jin", "42", "jin", None)]
    df = reconcile_article(art, _side(art, "zh", ZH_FIGS), _side(art, "en", en))
    missing = df[df.verdict == "missing_in_en"]
    assert set(missing.zh_text) == {"七百二十一万元", "二十六万七千多元"}
    assert all("dropped" in n for n in missing.note)
    assert (df[df.verdict != "missing_in_en"].verdict == "match").all()


def test_reconcile_summarize_empty():
    s = summarize(reconcile_article(_art(), [], []))
    assert s["n_figures"] == 0 and s["fidelity"] is None


# ---------------------------------------------------------------- the seed article, with the real extractors
# Extractor readings the reconciler depends on. They belong to pipeline/quantities (not this
# module); when one is wrong the seed tests below report it as an expected failure naming it.

def _extractor_problems(text):
    from pipeline.quantities import extract_quantities

    problems = []
    zq = extract_quantities(text, "zh")
    for qq in zq:
        if "七百二十一万" in qq.text and qq.approx:
            problems.append("zh extractor reads 节约 (economise) in 节约七百二十一万元 as the qualifier 约")
        if qq.text.endswith("半年") and text[qq.end:qq.end + 1] == "多" and not qq.approx:
            problems.append("zh extractor drops 多 of 半年多 (more than half a year)")
        if qq.text.endswith("半年") and text[qq.start - 1:qq.start] == "上" and qq.kind != "date":
            problems.append("zh extractor reads 上半年 (first half of the year) as a quantity, not a date")
    for qq in extract_quantities(text, "en"):
        if qq.text == "half" and "first half of" in text[qq.start - 6:qq.end + 3] and qq.kind != "date":
            problems.append("en extractor reads 'the first half of the year' as a quantity, not a date")
    return sorted(set(problems))


def test_reconcile_seed_every_figure_matches(seed_path):
    art = read_article(seed_path)
    df = reconcile_article(art)
    flagged = df[df.verdict != "match"]
    assert len(df) >= 15
    if not flagged.empty and _extractor_problems(art.text):
        pytest.xfail("; ".join(_extractor_problems(art.text)))
    assert flagged.empty, flagged[["zh_text", "en_text", "verdict", "note"]].to_string()


def test_reconcile_seed_dropped_paragraph_reported_missing(seed_path):
    art = read_article(seed_path)
    p = art.paragraphs_en[1]  # the paragraph with 3.87 billion, 34.88%, 7.21 million, 267,000
    dropped = parse_article(art.text[:p.start] + art.text[p.end:])
    df = reconcile_article(dropped)
    missing = df[df.verdict == "missing_in_en"]
    assert {"三十八亿七千万元", "34.88％"} <= set(missing.zh_text)
    assert all("dropped" in n for n in missing.note)
    rest = df[df.zh_para != 3]
    if not (rest.verdict == "match").all() and _extractor_problems(art.text):
        pytest.xfail("; ".join(_extractor_problems(art.text)))
    assert (rest.verdict == "match").all(), rest[rest.verdict != "match"][["zh_text", "en_text", "verdict"]]


def test_reconcile_needs_zh_extractor_to_read_jieyue_as_a_verb():
    """The seed's 节约七百二十一万元 (economised 7.21 million): no qualifier 约 (pipeline/quantities/zh.py)."""
    from pipeline.quantities import extract_quantities

    (qq,) = [x for x in extract_quantities("在五个月内就增产节约七百二十一万元。", "zh") if "七百" in x.text]
    assert qq.approx is None and qq.value == D("7210000")


def test_reconcile_needs_zh_extractor_to_keep_more_than_after_half_a_year():
    """The seed's 半年多 is "more than half a year" (pipeline/quantities/zh.py)."""
    from pipeline.quantities import extract_quantities

    (qq,) = [x for x in extract_quantities("能维持半年多的生产。", "zh") if "半年" in x.text]
    assert qq.approx == "more_than"


def test_reconcile_chinese_qualifier_apart_from_the_figure_raises_a_flag_only_when_strict():
    from pipeline.reconcile import judge_in_text

    text = "总额约比1954年增加了18.4％。最近三个月来，增加了18.4％。 It rose by 18.4% and then by 18.4%."
    z1 = q("18.4", "percent", kind="percent", text="18.4％", start=text.index("18.4％"))
    z2 = q("18.4", "percent", kind="percent", text="18.4％", start=text.rindex("18.4％"))
    e = q("18.4", "percent", kind="percent", text="18.4%", start=text.index("18.4%"))
    assert judge_in_text(text, z1, e).verdict == "approx_dropped"  # 约比…: "about" not rendered
    assert judge_in_text(text, z2, e).verdict == "match"  # 最近 is "recently", not 近 "nearly"


def test_reconcile_dropped_paragraph_without_figures_is_reported(seed_path):
    art = read_article(seed_path)
    p = art.paragraphs_en[3]  # the last paragraph: no figure in it
    df = reconcile_article(parse_article(art.text[:p.start] + art.text[p.end:]))
    assert df.attrs["dropped_paragraphs"] == [art.paragraphs_zh[-1].index]
    assert any("dropped" in n for n in df.attrs["alignment"])
    assert summarize(df)["n_dropped_paragraphs"] == 1
    assert summarize(reconcile_article(art))["n_dropped_paragraphs"] == 0


def test_reconcile_lone_readings_that_are_not_counts():
    from pipeline.reconcile import _not_a_count

    text = "区分委书记曹二其同志；这一天，天气晴朗；两县农民"
    bare = q("2", text="二", start=text.index("二"))
    this_day = q("1", "day", text="一天", start=text.index("一天"))
    two_counties = q("2", "county", text="两县", start=text.index("两县"))
    assert _not_a_count(text, bare) and _not_a_count(text, this_day)
    assert not _not_a_count(text, two_counties)
    # 一家七口: the household counted by its members right after it; 一家工厂 is a count
    text = "他目前一家七口每月食米一百五十斤；一家工厂"
    family = q("1", "household", text="一家", start=text.index("一家"))
    factory = q("1", "factory", text="一家", start=text.rindex("一家"))
    assert _not_a_count(text, family) and not _not_a_count(text, factory)
    # 去年一年 "last year": the year named, not a count of years
    text = "去年一年，原料厂上缴利润八千元；一年要换回四个厂"
    last_year = q("1", "year", text="一年", start=text.index("一年"))
    a_year = q("1", "year", text="一年", start=text.rindex("一年"))
    assert _not_a_count(text, last_year) and not _not_a_count(text, a_year)


def test_reconcile_dropped_sentence_is_named(seed_path):
    art = read_article(seed_path)
    sentence = ("In Harbin City, handicraft cooperatives increased production and practiced economy to the tune of "
                "7.21 million yuan in five months. ")
    assert sentence in art.text
    df = reconcile_article(parse_article(art.text.replace(sentence, "")))
    flagged = df[df.verdict != "match"]
    assert set(flagged.zh_text) == {"七百二十一万元", "五个月"}
    assert (flagged.verdict == "missing_in_en").all() and flagged.note.str.contains("dropped sentence").all()


def test_records_are_the_frames_to_dict_records(seed_path, tmp_path):
    """records(df) gives exactly df.to_dict("records") (keys, values, types, NaN where pandas has
    NaN) for the frame reconcile_article just built, and falls back to pandas for any other frame."""
    import math

    from pipeline.reconcile import records

    def same(a, b):
        return [list(r) for r in a] == [list(r) for r in b] and all(
            type(x[k]) is type(y[k]) and (x[k] == y[k] or (isinstance(x[k], float) and math.isnan(x[k])
                                                          and math.isnan(y[k])))
            for x, y in zip(a, b) for k in x)

    from pathlib import Path

    text = seed_path.read_text(encoding="utf-8")
    # a paragraph the English drops: rows with no English side (NaN in its float columns)
    dropped = Path(__file__).resolve().parents[1] / "corpus" / "layouts" / "1955-11-20_2_dropped_paragraph.txt"
    arts = [parse_article(text, path=str(seed_path)), read_article(dropped)]
    for a in arts:
        df = reconcile_article(a)
        assert same(records(df), df.to_dict("records"))
    assert df["en_start"].isna().any() and df["en_start"].notna().any()
    first = reconcile_article(arts[0])
    reconcile_article(arts[1])  # another frame built since
    assert same(records(first), first.to_dict("records"))
    changed = first.copy()
    changed.loc[0, "verdict"] = "value_mismatch"
    assert records(changed)[0]["verdict"] == "value_mismatch"
