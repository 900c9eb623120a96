"""Facts: the seed article's facts, and every example of the fact rules in pipeline/data/facts/."""
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.facts import FACT_COLUMNS, extract_facts, facts_of, rules

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "facts"


def _toml(name):
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def _fact(df, figure):
    rows = df[df["zh_text"] == figure]
    if not len(rows):
        rows = df[df["zh_text"].str.contains(figure, regex=False)]
    assert len(rows), f"no fact for {figure!r} in {list(df['zh_text'])}"
    rec = rows.iloc[0].to_dict()
    return SimpleNamespace(**{k: None if isinstance(v, float) and v != v else v for k, v in rec.items()})


# --- the seed article -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(seed_path):
    from pipeline.article import read_article
    from pipeline.process import process_article

    art = read_article(seed_path)
    return art, process_article(art, tokenize=False)["facts"]


def test_facts_seed_columns_and_offsets(seed):
    art, f = seed
    assert list(f.columns) == FACT_COLUMNS
    assert f["fact_id"].is_unique
    for r in f.itertuples():
        assert art.text[r.zh_start:r.zh_end] == r.zh_text
        assert art.text[r.zh_sentence_start:r.zh_sentence_end] == r.zh_sentence
        if isinstance(r.subject_text, str):
            assert art.text[r.subject_start:r.subject_end] == r.subject_text
        if isinstance(r.en_text, str):
            assert art.text[int(r.en_start):int(r.en_end)] == r.en_text
    # nothing from the date and page lines, no date or ordinal
    assert not f["kind"].isin(["date", "ordinal"]).any()
    assert not f["zh_text"].isin(["1957-08-20", "第5版", "第5"]).any()
    # 半年 of 上半年 and the 五个月 / 两个月 of 在…内 are periods, not facts
    assert not f["zh_text"].isin(["五个月", "两个月"]).any()


def test_facts_seed_nationwide_output_value(seed):
    _, f = seed
    r = _fact(f, "三十八亿七千万元")
    assert r.subject_kind == "nationwide" and "全国" in r.subject_text and "nationwide" in r.subject_en
    assert (r.measure, r.measure_en) == ("output_value", "output value")
    assert (r.value, r.unit, r.approx) == ("3870000000", "yuan", None)
    assert (r.period_text, r.period_start, r.period_end) == ("今年上半年", "1957-01-01", "1957-06-30")
    assert (r.comparison_kind, r.comparison_value, r.comparison_unit) == ("change", "34.88", "percent")
    assert r.comparison_baseline == "same_period_previous_year"
    assert (r.comparison_period_start, r.comparison_period_end) == ("1956-01-01", "1956-06-30")
    assert r.en_text == "3.87 billion yuan" and "first half of this year" in r.en_sentence
    change = _fact(f, "34.88％")
    assert change.role == "change" and change.related_fact_id == r.fact_id
    assert change.measure == "output_value" and change.period_start == "1957-01-01"


def test_facts_seed_harbin(seed):
    _, f = seed
    r = _fact(f, "七百二十一万元")
    assert r.subject_text == "哈尔滨市的手工业社" and "Harbin" in r.subject_en
    assert r.subject_entity_label == "PLACE" and r.subject_places == json.dumps(["哈尔滨市"], ensure_ascii=False)
    assert r.measure == "production_increase_and_savings"
    assert (r.value, r.unit) == ("7210000", "yuan")
    assert r.period_duration == "P5M" and "五个月内" in r.period_text
    assert r.en_text == "7.21 million yuan"


def test_facts_seed_guangxi_savings(seed):
    _, f = seed
    r = _fact(f, "二十六万七千多元")
    assert r.subject_text.startswith("广西省南宁市和容县、桂林、平乐等专区") and r.subject_text.endswith("合作组织")
    for name in ("Nanning", "Rong County", "Guilin", "Pingle"):
        assert name in r.subject_en
    assert set(json.loads(r.subject_places)) >= {"南宁市", "容县", "桂林专区", "平乐专区"}
    assert r.measure == "savings" and r.measure_en == "savings"
    assert (r.value, r.unit, r.approx) == ("267000", "yuan", "more_than")
    assert r.period_duration == "P2M"
    assert r.en_text == "more than 267,000 yuan"


def test_facts_seed_gaoyou(seed):
    _, f = seed
    solder, copper = _fact(f, "二百斤"), _fact(f, "四十二斤")
    for r in (solder, copper):
        assert r.subject_en == "Gaoyou County Metal Production Cooperative" and r.subject_entity_label == "ORG"
        assert r.measure == "extracted" and r.unit == "jin"
    assert (solder.value, solder.object_zh, solder.object_en) == ("200", "焊锡", "solder")
    assert (copper.value, copper.object_zh, copper.object_en) == ("42", "紫铜", "red copper")
    assert solder.en_text == "200 jin" and copper.en_text == "42 jin"
    lasting = _fact(f[(f["zh_sentence"] == solder.zh_sentence) & f["unit"].isin(["year", "month"])], "半年")
    assert lasting.measure == "sustains" and lasting.subject_en == solder.subject_en
    assert (lasting.value, lasting.unit) in {("0.5", "year"), ("6", "month")}


def test_facts_seed_yuci(seed):
    _, f = seed
    got = {r.zh_text: r for r in f.itertuples() if r.subject_en == "Yuci City Knitting Cooperative"}
    gloves, made, oil = _fact(f, "七百斤"), _fact(f, "一百五十打"), _fact(f, "一百多斤")
    assert {gloves.zh_text, made.zh_text, oil.zh_text} <= set(got)
    assert (gloves.measure, gloves.object_en, gloves.value, gloves.unit, gloves.period_per) == (
        "recovered", "broken gloves", "700", "jin", "month")
    assert (made.measure, made.object_en, made.value, made.unit) == ("made", "recycled gloves", "150", "dozen")
    assert (oil.measure, oil.object_en, oil.value, oil.unit, oil.approx) == (
        "extracted", "machine oil", "100", "jin", "more_than")
    assert gloves.en_text == "700 jin" and oil.en_text == "more than 100 jin"


def test_facts_seed_liaoning(seed):
    _, f = seed
    r = _fact(f, "90％")
    assert r.subject_text == "辽宁省" and r.subject_en.startswith("Liaoning")
    assert r.measure == "participants" and r.object_zh == "社、组" and r.object_en == "cooperatives and groups"
    assert (r.value, r.unit) == ("90", "percent")
    assert r.en_text == "90%"


# --- the rules' own examples -----------------------------------------------------------------

MEASURE_EXAMPLES = [(m["key"], ex) for m in _toml("measures")["measure"] + _toml("measures")["pattern"]
                    for ex in m.get("examples", [])]


@pytest.mark.parametrize("key,example", MEASURE_EXAMPLES, ids=[f"{k}:{e['figure']}" for k, e in MEASURE_EXAMPLES])
def test_facts_measure_examples(key, example):
    r = _fact(facts_of(example["text"]), example["figure"])
    assert r.measure == key, (r.measure, r.measure_zh)


def _check_fields(kind, example):
    f = facts_of(example["text"], date=example.get("date", "1957-08-20"))
    r = _fact(f, example["figure"])
    fields = {k: v for k, v in example.items() if k not in ("text", "date", "figure")}
    got = {k: getattr(r, k) for k in fields}
    assert got == fields, f"{kind}: {example['text']}"


@pytest.mark.parametrize("example", _toml("periods")["example"], ids=lambda e: e["figure"])
def test_facts_period_examples(example):
    _check_fields("period", example)


@pytest.mark.parametrize("example", _toml("comparisons")["example"], ids=lambda e: e["figure"])
def test_facts_comparison_examples(example):
    _check_fields("comparison", example)


@pytest.mark.parametrize("example", _toml("objects")["example"], ids=lambda e: e["figure"])
def test_facts_object_examples(example):
    _check_fields("object", example)


def test_facts_every_measure_has_english():
    r = rules()
    assert set(r.measures.values()) <= set(r.measure_en)
    assert set(r.unit_default.values()) <= set(r.measure_en)


def test_facts_prepositional_entity_is_no_subject():
    f = facts_of("如山西省榆次市针织社，每月从当地国营厂矿回收破手套七百斤。")
    assert _fact(f, "七百斤").subject_text == "山西省榆次市针织社"


def test_facts_subject_carries_over_within_a_paragraph():
    f = facts_of("丰镇修筑旧渠，共长七十里。可灌地一万五千余亩。")
    assert _fact(f, "一万五千余亩").subject_text == _fact(f, "七十里").subject_text


def test_facts_empty_and_odd_input():
    from pipeline.article import read_article

    art = read_article("Title: t\nDate: 1957-01-01\nPage: 1\n\nNothing.\n\n<hr />\n\nOriginal:\n\n### 题\n\n    没有数字。\n")
    df = extract_facts(art, [], [], None)
    assert list(df.columns) == FACT_COLUMNS and len(df) == 0
    f = facts_of("今年上半年三十八亿七千万元")  # no measure word, no subject: defaults, not a crash
    r = _fact(f, "三十八亿七千万元")
    assert r.measure == "amount" and r.period_start == "1957-01-01"


def test_facts_values_are_exact_strings():
    f = facts_of("全县种植棉花三分之一。")
    r = _fact(f, "三分之一")
    assert isinstance(r.value, str) and Decimal(r.value) > Decimal("0.3333333333")


@pytest.mark.parametrize("example", _toml("filters")["example"], ids=lambda e: e["figure"])
def test_facts_filter_examples(example):
    f = facts_of(example["text"])
    assert example["figure"] not in set(f["zh_text"])


@pytest.mark.parametrize("example", _toml("filters")["keep"], ids=lambda e: e["figure"])
def test_facts_filter_keeps(example):
    _fact(facts_of(example["text"]), example["figure"])


def test_facts_dateline_place_is_no_subject():
    f = facts_of("本报天津30日电　河北省29日全省日产铁五万八千三百吨。")
    r = _fact(f, "五万八千三百吨")
    assert r.subject_norm == "河北省" and r.subject_en == "Hebei" and r.period_per == "day"
    assert r.subject_entity_label == "PLACE" and r.subject_entity_end - r.subject_entity_start == 3


def test_facts_national_record_is_no_nationwide_subject():
    f = facts_of("辽宁省运动员刷新全国纪录三项。")
    r = _fact(f, "三项")
    assert r.subject_text.startswith("辽宁省") and r.subject_kind != "nationwide"


def test_facts_rule_files_keep_their_keys_at_the_top():
    """A key written below a [table] header silently moves into it: check each file's layout."""
    want = {
        "measures": {"share_first", "measure", "not_measure", "adjacent", "unit_default", "default_en", "noun_after",
                     "adjacent_not", "unit_word", "share_words", "people_measures", "new_predicate", "goods_verb_not", "people_only", "people_only_units", "money_only", "rate_pattern", "carry_words", "heading_words", "basis", "pattern", "index_before", "total", "size_after", "negated", "named_head", "gift"},
        "periods": {"year_pattern", "year", "part", "duration", "per", "example"},
        "comparisons": {"markers", "after_baseline", "verbs", "fillers", "level_fillers", "ratio", "baseline",
                        "years", "example"},
        "subjects": {"prepositions", "coordination", "coordination_tail", "home_country", "not_subject_subtypes",
                     "dateline_after", "surnames", "compound_surnames", "person_roles", "person_titles", "name_stop",
                     "scope_not", "scope", "scope_name_heads", "group", "noun_tags", "person_tags", "modifier_tags",
                     "verb_tags", "agent_heads", "not_agent", "person_after", "ambiguous",
                     "org_verb_start", "org_verb_inside", "subject_after", "not_preposition", "place_count_units", "not_governing_verbs", "section_heading", "direction_words", "event_after",
                     "group_not_followed_by", "pronouns", "locality_before_group", "meeting_after", "meeting_word", "meeting_topic", "group_meeting_gap", "collective_after", "thing_pointer", "agent_relative", "modal_open", "listed_group_before", "thing_owner", "meeting_not_between", "thing_measures", "press_acts", "place_term_after", "title_only_surnames", "title_only_given_not", "residents", "state_words"},
        "objects": {"zh", "example"},
        "filters": {"determiners", "set_phrases", "hypothetical", "followed_by", "designation_after", "name_item", "apposition_after", "quote_count_units", "in_parts", "team_units", "apposition_units", "session_units", "session_after", "example",
                    "back_reference", "numbered_units", "another_before", "model", "period_of_next", "epithet",
                    "keep", "deadline"},
    }
    for name, keys in want.items():
        assert set(_toml(name)) == keys, name


def test_facts_entity_cutting_through_a_figure_is_ignored():
    """A misread "entity" overlapping a figure (出二百匹军) neither hides the measure nor is a subject."""
    from pipeline.article import read_article
    from pipeline.mentions import article_entities, article_quantities
    from pipeline.types import Entity

    doc = ("Title: t\nDate: 1957-04-01\nPage: 1\n\nx\n\n<hr />\n\nOriginal:\n\n### 题\n\n"
           "    福建前线部队还拨出二百匹军马。\n")
    art = read_article(doc)
    zq = article_quantities(art, "zh")
    ze = article_entities(art, "zh")
    s = art.text.index("出二百匹军")
    seg = next(seg for seg, _ in zq)
    bogus = Entity(text="出二百匹军", start=s, end=s + 5, label="ORG", subtype="army")
    f = extract_facts(art, zq, [(seg, bogus)] + [x for x in ze if x[1].end <= s], None)
    r = _fact(f, "二百匹")
    assert r.measure_zh == "拨出" and "出二百匹军" not in (r.subject_text or "")


@pytest.mark.parametrize("text,figure,name,en", [
    ("江西南城县农民邓金水一亩田收一千二百多斤早稻。", "一千二百多斤", "邓金水", "Deng Jinshui"),
    ("五十多岁的张静波同志一天做了三十套。", "三十套", "张静波", "Zhang Jingbo"),
    ("如射阳县潭南区龙潭乡中共支部书记袁茂荣贪污了捐献款五十八万元；", "五十八万元", "袁茂荣", "Yuan Maorong"),
])
def test_facts_person_subjects(text, figure, name, en):
    r = _fact(facts_of(text), figure)
    assert (r.subject_norm, r.subject_en, r.subject_kind) == (name, en, "person")


def test_facts_nationwide_in_a_foreign_report_is_that_country():
    f = facts_of("美国的饥饿问题严重。全国有二十个州的二百五十多个县被列为饥饿区。")
    r = _fact(f, "二十个州")
    assert r.subject_kind == "country" and r.subject_norm.startswith("美") and r.subject_text == "全国"


def test_facts_place_inside_a_person_name_is_no_subject():
    f = facts_of("现在工会主任邵玉林同志亲自下去排字，又减到一个半人。")
    assert _fact(f, "一个半人").subject_norm == "邵玉林"


def test_facts_nationwide_inside_a_name_is_no_scope():
    f = facts_of("全国工农兵劳模成绩展览会闭幕，三十天中参观者共达二十六万人。")
    assert _fact(f, "二十六万人").subject_kind != "nationwide"
    f = facts_of("全国共有三十万人参加了会议。")
    assert _fact(f, "三十万人").subject_kind == "nationwide"


def test_facts_occurrences_are_counts_and_multiples_are_multiples():
    f = facts_of("琅勃拉邦省爱国军民共战斗一百五十五次。")
    assert _fact(f, "一百五十五次").measure == "count"
    f = facts_of("全县粮食总产量比一九六四年增加了将近一点六倍。")
    assert _fact(f, "一点六倍").measure != "count"


def test_facts_these_three_counties_are_a_subject():
    f = facts_of("山东夏津、河南安阳和河北成安三县都订了丰产计划。这3个县的137万亩棉田，每亩的平均产量都要求达到100斤以上。")
    assert _fact(f, "100斤以上").subject_text == "这3个县"


@pytest.mark.parametrize("text,figure,subject", [
    # a name opening the clause, with no role word or title (the person's record)
    ("倪志钦的男子跳高二米二五、崔麟的男子一百一十米高栏赛跑十三秒五的全国纪录，都是去年的世界最好成绩。", "二米二五", "倪志钦"),
    ("倪志钦的男子跳高二米二五、崔麟的男子一百一十米高栏赛跑十三秒五的全国纪录，都是去年的世界最好成绩。", "十三秒五", "崔麟"),
    # an agent noun phrase opening the sentence, after a relative clause
    ("北京市有很多工厂。怀孕的纺织女工，将获得四百万卢布。", "四百万卢布", "纺织女工"),
    ("天津市有很多工厂。有高度熟练技术的铁路工人，可获得基本薪资百分之五十的补助金。", "百分之五十", "铁路工人"),
    ("上海市有不少工厂。我们厂的主要机器已经用了二十多年。", "二十多年", "我们厂"),
])
def test_facts_noun_phrase_and_name_subjects(text, figure, subject):
    assert _fact(facts_of(text), figure).subject_text == subject


@pytest.mark.parametrize("text,figure,subject", [
    # the measured thing opening the sentence is no subject: the one before carries over
    ("全省煤矿开展了技术革新。原煤平均日产量提高了百分之三。", "百分之三", "全省"),
    # 乡乡 (every township), 高者 (the highest) and a name after another noun are no subjects
    ("湖南省今春造林很多，乡乡造林万亩。", "万亩", "湖南省"),
    ("河北省的产量可以提高三成，高者可达一倍以上。", "一倍以上", "河北省"),
])
def test_facts_things_are_no_noun_phrase_subjects(text, figure, subject):
    assert _fact(facts_of(text), figure).subject_text == subject


def test_facts_noun_phrase_subject_is_not_carried_over():
    f = facts_of("山西省今年增产粮食十万斤。我们厂的机器用了二十多年。山西省以外还有三万斤。")
    assert _fact(f, "二十多年").subject_text == "我们厂"
    assert _fact(f, "三万斤").subject_text != "我们厂"


@pytest.mark.parametrize("text,figure,measure", [
    # the noun after the figure says what it counts when no measure word of its own clause does
    ("学校经费困难，为了偿还学校三百万元的债务，他到外地讲课。", "三百万元", "debt"),
    ("今年征粮竟为上年之二倍，结果包括一万万以上灾民的灾情更加严重。", "一万万以上", "people"),
    # a land unit is an area; 生产 heading a section measures nothing after it
    ("该公司已在市郊经营农场一百余垧。", "一百余垧", "area"),
    ("生产方面，机关种菜五亩，种蓝二亩。", "五亩", "area"),
    # 出 right before a figure turns out (output); a doubling is no count of occurrences
    ("开始一天出七十一套，现在出到一百五十余套，增加一倍以上。", "七十一套", "output"),
    ("开始一天出七十一套，现在出到一百五十余套，增加一倍以上。", "一倍以上", "output"),
    ("全县粮食产量为上年的两倍。", "两倍", "output"),
    ("该厂在数天内就找出九十多项办法。", "九十多项", "count"),
])
def test_facts_noun_after_units_and_headings(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_preposition_governs_a_whole_list():
    f = facts_of("中共安庆市委发动社员抢收，并从机关、学校中抽出三百多人帮助公社。")
    assert _fact(f, "三百多人").subject_text != "学校"


def test_facts_ambiguous_name_is_no_subject_and_groups_join():
    f = facts_of("各省爱国军民在旱季战斗中共击落美机一百零一架。")
    r = _fact(f, "一百零一架")
    assert r.subject_text == "各省爱国军民"
    assert r.measure == "enemy_equipment_destroyed"


def test_facts_noun_phrase_in_an_earlier_clause_of_the_sentence():
    f = facts_of("北京市郊区的生活好了。我们村去年种了一千五百亩棉花，今年种得更多，一共种了二千二百亩棉花。")
    assert _fact(f, "二千二百亩").subject_text == "我们村"


def test_facts_source_agency_is_no_noun_phrase_subject():
    f = facts_of("山西省征粮很多。路透社十七日电称，此间估计本年征粮约一万万担。")
    assert _fact(f, "一万万担").subject_text != "路透社"


def test_facts_verb_phrase_organisation_is_no_subject():
    from pipeline.facts import _verb_org

    assert _verb_org(SimpleNamespace(label="ORG", gazetteer_id=None, en=None, text="区委发动公社"))
    assert _verb_org(SimpleNamespace(label="ORG", gazetteer_id=None, en=None, text="值人民"))
    assert _verb_org(SimpleNamespace(label="ORG", gazetteer_id=None, en=None, text="办合作社"))
    assert not _verb_org(SimpleNamespace(label="ORG", gazetteer_id=None, en=None, text="高邮县金属生产合作社"))
    assert not _verb_org(SimpleNamespace(label="ORG", gazetteer_id=None, en=None, text="中共安庆市委"))


def test_facts_subject_named_after_the_figure():
    f = facts_of("全省日产铁二万吨以上的有保定专区，一万吨以上的有邯郸、张家口、石家庄三个专区。")
    assert _fact(f, "二万吨以上").subject_text == "保定专区"
    assert _fact(f, "一万吨以上").subject_text.startswith("邯郸、张家口、石家庄")
    assert _fact(f, "一万吨以上").measure == "output"


def test_facts_group_noun_inside_a_longer_word_is_no_subject():
    f = facts_of("琼山县的渔船一个月捕鱼一万市担，值人民币十一万元，每只船平均收入三千多元。")
    assert "人民" not in (_fact(f, "三千多元").subject_text or "")


@pytest.mark.parametrize("text,figure,measure", [
    ("五十多岁的张静波同志把手累肿了，还不停工。", "五十多岁", "age"),
    ("全厂提高了劳动生产率，节约了资金八亿多元，降低了成本百分之一点七。", "八亿多元", "savings"),
    ("这个厂建成后，每天可产汽油十三万桶。", "十三万桶", "output"),
    ("全厂职工经过多次试验，终于取得了二十多种化工原料。", "二十多种", "acquired"),
    ("该社带动私资二十二万元，打井三十九眼。", "二十二万元", "investment"),
])
def test_facts_general_measure_words(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_set_phrase_with_a_numeral_is_no_fact():
    f = facts_of("某厂要求在两条战线上都打胜仗，增产三万斤。")
    assert "两条" not in set(f["zh_text"])
    _fact(f, "三万斤")


@pytest.mark.parametrize("text,figure,measure", [
    ("老解放区九百七十九个村庄，已有五百三十五村实现了耕者有其田。", "九百七十九个村庄", "count"),
    ("沧县平均每亩产量比当地历史上最高产量高一倍多。", "一倍多", "output"),
])
def test_facts_names_and_comparatives_are_no_measure_words(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_verb_before_a_group_noun_is_no_modifier():
    f = facts_of("北京驻军某部帮助农业社运肥料四万斤，送给农业社肥料五万八千多斤。")
    assert not _fact(f, "五万八千多斤").subject_text.startswith("帮助")


def test_facts_name_right_after_a_measure_verb_is_its_object():
    f = facts_of("太平洋西方石油公司取得了中立区的石油开采特权的50％，中立区的石油主权一半属于科威特。")
    assert _fact(f, "50％").subject_text == "太平洋西方石油公司"
    from pipeline.facts import _after_verb
    st = "该公司取得了中立区的特权"
    assert _after_verb(st, st.index("中立区"))
    assert not _after_verb(st, st.index("该公司"))


@pytest.mark.parametrize("text,figure,subject", [
    ("工人们干劲很大。五十多岁的张静波同志把手累肿了，还不停工。", "五十多岁", "张静波同志"),
    ("上海市传出佳话：一家只有八十三人的小型工厂向大厂挑战。", "八十三人", "小型工厂"),
])
def test_facts_relative_clause_figure_describes_what_follows(text, figure, subject):
    assert _fact(facts_of(text), figure).subject_text == subject


def test_facts_counted_noun_after_the_figure_is_no_subject():
    f = facts_of("苏联煤矿区已有七百个以上的图书馆，拥有图书三百万册。")
    assert _fact(f, "七百个以上").subject_text != "图书馆"


@pytest.mark.parametrize("text,figure,norm", [
    # 他 stands for the last person named before its sentence, 他们 for the last agent
    ("农民邓金水种了一亩田，收获了二千多斤。他在自己的丰产田里上了一百三十担肥料。", "一百三十担", "邓金水"),
    ("佃农欠地主的债，只能拿到五十块美元。他们一口人要拿出两块美元。", "两块美元", "佃农"),
])
def test_facts_pronoun_stands_for_the_last_person_or_agent(text, figure, norm):
    r = _fact(facts_of(text), figure)
    assert r.subject_text in ("他", "他们") and r.subject_norm == norm


def test_facts_pronoun_after_a_name_of_its_sentence_is_that_name():
    f = facts_of("佃农欠债很多。吴淞机器厂的车工们，后来他们改用硬质合金刀，使效率提高了五点六倍。")
    assert _fact(f, "五点六倍").subject_text == "吴淞机器厂"
    from pipeline.facts import rules
    assert not rules().pronoun_re.search("其他节约机关")


def test_facts_name_after_a_measure_verb_of_its_clause_is_its_object():
    f = facts_of("集宁除修筑王河上之民生渠，能灌地十五万亩外，又修新渠三道。")
    assert _fact(f, "十五万亩").subject_norm.startswith("集宁")
    # a verb right before 的 makes a relative clause: its head is the subject
    f = facts_of("据已开始造林的安徽、湖南等十二省的不完全统计，春季造林已完成四千五百多万亩。")
    assert _fact(f, "四千五百多万亩").subject_text.startswith("安徽、湖南")


@pytest.mark.parametrize("text,figure,measure", [
    # a figure with a verb of its own takes no measure of an earlier clause
    ("全县共组织了七个村合作社，恢复了十六个村社。", "十六个", "restored"),
    ("运输效率提高了80％，车辆在站的停站作业时间缩短了三分之二。", "三分之二", "change"),
    # list items, relative clauses and carry words keep the earlier clause's measure
    ("全县组织了木厂六个，轧花坊三组，运销九组。", "九组", "organized"),
    ("四川人民所负担的最多，计一千一百万担，受灾最重的湖南亦达六百二十万担，浙江六百万担。", "六百二十万担", "paid"),
    ("四川人民所负担的最多，计一千一百万担，受灾最重的湖南亦达六百二十万担，浙江六百万担。", "六百万担", "paid"),
    ("今年的刷新纪录还有：射击二十四项、无线电收发报十八项。", "十八项", "records"),
    ("杰蒂石油公司的股票一再涨价，从1950年的十一美元上涨到最近的四十五点二五美元。", "四十五点二五美元", "price"),
    # a measure word heading a section holds for its figures
    ("节约方面，县府、县委均确定少领两个月粮食计一万余斤小米。", "一万余斤", "savings"),
    # a word in 率 before a percentage: a rate (or the measure its lexicon suffix names)
    ("该厂铜矿石燃烧成块率由过去的百分之七十四提高到百分之七十六。", "百分之七十六", "rate"),
    ("全厂劳动生产率提高了百分之十二。", "百分之十二", "productivity"),
])
def test_facts_own_verb_and_carried_measures(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_group_noun_subject_holds_for_its_paragraph():
    f = facts_of("国家体委公布了三百三十六项全国纪录。\n举重运动员刷新了二十五项纪录。\n今天公布的全国纪录中，有十六项是新增加的。")
    assert _fact(f, "二十五项").subject_text == "举重运动员"
    assert _fact(f, "十六项").subject_text != "举重运动员"


def test_facts_title_line_takes_the_leads_subject():
    from pipeline.article import read_article
    from pipeline.mentions import article_entities, article_quantities

    doc = ("Title: t\nDate: 1958-03-01\nPage: 2\n\nx\n\n<hr />\n\nOriginal:\n\n### 南方十二省造林运动突飞猛进\n\n"
           "    南方十二省造林运动突飞猛进\n    1958-03-01\n    第2版()\n    专栏：\n\n"
           "    本报讯　安徽、湖南等十二省春季造林已完成四千五百多万亩。\n")
    art = read_article(doc)
    f = extract_facts(art, article_quantities(art, "zh"), article_entities(art, "zh"), None)
    assert f["subject_text"].notna().all(), f[["zh_text", "subject_text"]]


def test_facts_basis_of_a_statistic_is_a_count():
    f = facts_of("东港乡的渔船近来集中在铺前港捕鱼，据三十二只渔船统计，一个月共捕获水干鱼一万一千六百市担。")
    assert _fact(f, "三十二只").measure == "count"
    assert _fact(f, "一万一千六百市担").measure == "catch"


def test_facts_organisation_a_person_holds_a_share_in_is_no_subject():
    f = facts_of("农民邓金水的财产膨胀，他在杰蒂石油公司拥有82％的股票；在斯凯莱石油公司占有59％。")
    r = _fact(f, "59％")
    assert r.subject_norm == "邓金水" and r.measure == "share"


def test_facts_group_after_a_time_word_and_joined_groups():
    f = facts_of("临夏县很多地方，现在合作社社员一天打一亩多。")
    assert _fact(f, "一亩多").subject_text == "合作社社员"


def test_facts_a_verb_of_its_own_in_a_list_ends_the_carried_measure():
    f = facts_of("超过任务者分红，已筹好粉房、纸房、面房各一座，牲口八头。")
    assert _fact(f, "八头").measure != "income"


def test_facts_noun_phrase_of_an_earlier_clause_ends_at_its_measure_word():
    f = facts_of("日本人来过。我们翻了身，去年我们村种了一千五百亩棉花，今年种得更多，一共种了二千二百亩棉花。")
    assert _fact(f, "二千二百亩").subject_text == "我们村"


def test_facts_a_time_figure_far_from_a_measure_word_is_a_duration():
    f = facts_of("铁路工人在运输业中工作二十年以上的，可获得补助。该厂蒸麦秆需三小时。")
    assert _fact(f, "二十年以上").measure == "duration"
    assert _fact(f, "三小时").measure == "required"


def test_facts_index_series_and_units_that_name_their_measure():
    f = facts_of("我国进出口贸易总额如以1950年为一百，\n1951年为一百四十三，\n1952年为一百五十六。")
    assert _fact(f, "一百五十六").measure == "index"
    f = facts_of("这台车床真了不起，一分钟能转二千八百转。")
    assert _fact(f, "二千八百转").measure == "speed"


def test_facts_a_count_of_places_is_about_a_place():
    f = facts_of("美国有一千多万人饿肚皮。饥民遍于全国，二十个州的二百五十多个县被列为饥饿区。")
    r = _fact(f, "二十个州")
    assert r.subject_kind == "country" and r.subject_norm.startswith("美")


@pytest.mark.parametrize("text,figure,measure", [
    ("美国几乎有半数穷人都住在那里。", "半数", "share"),
    ("这些贫穷人民，有三分之一是黑人。", "三分之一", "share"),
])
def test_facts_shares_without_a_measure_word(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


@pytest.mark.parametrize("text,figure,measure", [
    # a measure word after 被 describes the thing; the verb before it is the measure
    ("崞县三区楼板寨沿河村庄，修复被毁水渠五条，增开新渠两条。", "五条", "built"),
    # parallel predicates: the second change is not of the first's measure
    ("刀钳工李贵田设法改良工具，使产量增加了一倍，废品减少了一倍。", "一倍", "change"),
    # a new predicate (并…) takes no measure of the list before it
    ("今春市政府即贷放麦种土豆种八万余斤，并调剂牛马四十余匹。", "四十余匹", "count"),
    ("今春市政府即贷放麦种土豆种八万余斤，并调剂牛马四十余匹。", "八万余斤", "loans"),
    # a noun measure word before 的 and the figure modifies what is counted; the noun after names it
    ("中南全区还有可以改造成为水田的一千六百多万亩旱田。", "一千六百多万亩", "area"),
    ("结果全市一百四十万斤菜籽收购任务提前完成。", "一百四十万斤", "purchased"),
    # people counted are people, not the gift or loan near them
    ("在发展水利上，计贷予一千八百七十四户。", "一千八百七十四户", "households"),
    ("群众热情甚高，万泉寺村自动献工者有八十余名。", "八十余名", "people"),
])
def test_facts_measure_refinements(text, figure, measure):
    f = facts_of(text)
    rows = f[f["zh_text"] == figure]
    assert rows.iloc[-1]["measure"] == measure, rows[["zh_text", "measure", "measure_zh"]]


@pytest.mark.parametrize("text,figure,measure", [
    # a classifier inside a figure is no measure word (一百二十付: 付 is no payment)
    ("翌晨黎明全区六百余人及一百二十付担架即已全部齐集，共编成两个大队。", "两个", "count"),
    # words after a figure and 的 describe the noun it counts, they are not its measure
    ("工程正式开工，到达十六个村的有组织的民工一千多人。", "十六个村", "count"),
    ("今春贵州思南县检查十三个社的造林，质量很好。", "十三个社", "count"),
    ("怀孕的纺织女工，将获得四百万卢布的补助金。", "四百万卢布", "distributed"),
])
def test_facts_words_after_a_figure_and_de(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_group_word_after_a_verb_is_no_subject():
    f = facts_of("部队捐献的拖拉机站已经建成。这些拖拉机站几乎遍布全国各省、市和自治区，共拥有拖拉机一千一百多标准台。")
    assert _fact(f, "一千一百多").subject_text == "这些拖拉机站"


def test_facts_section_heading_goes_back_to_the_paragraphs_organisation():
    f = facts_of("蠡县推进社以一百万元的贷款，扶植了各种生产。在农业扶植上，全县农民增添牲口一百一十八头。"
                 "副业方面：贷出织布机九架，纺纱机十七张。")
    assert _fact(f, "一百一十八头").subject_text.endswith("农民")
    assert _fact(f, "九架").subject_text == "蠡县推进社"


def test_facts_a_new_paragraph_goes_back_to_the_articles_subject():
    f = facts_of("全国普查找矿中已找到矿产地十五万四千个。仅广东省已知的煤矿远景储量就有数十亿吨。\n"
                 "预计今年完成的各种主要矿产，一级储量，比国家原来批准的计划超过几倍到几十倍。")
    assert _fact(f, "数十亿吨").subject_text == "广东省"
    assert _fact(f, "几十倍").subject_text == "全国"


def test_facts_a_later_figure_of_a_sentence_keeps_the_subject_of_the_one_before():
    f = facts_of("接着，他宣读了全厂的竞赛指标，这家厂原定今年上缴利润七十万元，现在增加为八十三万元。")
    assert _fact(f, "八十三万元").subject_text == "这家厂"


def test_facts_a_name_after_any_verb_of_its_clause_is_its_object():
    f = facts_of("法新社报道：北朝鲜部队今日拂晓冲下山来，肃清了温井与太平之间的一段公路，夺获大炮十八门。")
    assert "温井" not in (_fact(f, "十八门").subject_text or "")


def test_facts_a_name_in_the_noun_phrase_a_figure_counts_is_no_subject():
    f = facts_of("苏联煤矿区已有六百五十个以上的俱乐部和文化宫，七百个以上的图书馆，拥有图书三百万册。")
    assert _fact(f, "三百万册").subject_text.startswith("苏联")


def test_facts_surname_and_shi_is_a_person_for_he():
    f = facts_of("周氏任教北大十几年从未间断。他说他目前一家七口每月食米一百五十斤。")
    r = _fact(f, "一百五十斤")
    assert r.subject_text == "他" and r.subject_norm == "周氏"


def test_facts_names_in_an_aside_and_direction_words_are_no_subjects():
    f = facts_of("据临淄、淄川两县农场的统计，就有谷子良种（撑破屯、罗裙带）二万五千多斤。")
    assert "撑破屯" not in (_fact(f, "二万五千多斤").subject_text or "")
    f = facts_of("美国有一千多万人饿肚皮。报告说，饥民遍于全国各地，南部和西南部更为突出，在二十个州内的二百五十六个县被列为饥饿区。")
    assert "南部" not in (_fact(f, "二百五十六个县").subject_norm or "")


def test_facts_a_place_opening_an_exhibitions_name_is_the_exhibition():
    f = facts_of("三日，这是苏联经济及文化建设成就展览会开幕的第二天。今天的参观者共八万多人，情况非常热烈。")
    r = _fact(f, "八万多人")
    assert r.subject_text == "苏联经济及文化建设成就展览会" and r.subject_kind == "event"


def test_facts_people_counted_are_the_subject_when_their_clause_names_none():
    f = facts_of("苏联展览会今天开幕。文化馆里，数千名教师和学生对莫斯科大学模型特别感到兴趣。")
    assert _fact(f, "数千名").subject_text.startswith("教师")
    assert "两侧" not in set(facts_of("展览馆广场两侧的旗杆上挂着国旗，参观者共八万多人。")["zh_text"])


def test_facts_a_count_of_places_takes_no_measure_of_the_clause_before():
    f = facts_of("在采取接力运输以前，北京市所属十七个区、县的党组织，都对运输工作作了安排。")
    assert _fact(f, "十七个区").measure == "count"


def test_facts_quoted_speech_subjects_are_not_carried_and_quoted_names_stay():
    f = facts_of("门头沟煤矿的工人们很高兴。老李说，“这简直是我们中国人民的生日，回去得喝两盅。”在愉快的欢笑中，这一拨子，多出了两吨煤。")
    assert "中国人民" not in (_fact(f, "两吨").subject_text or "")
    from pipeline.facts import _asides
    assert _asides("“莫斯科”餐厅") == [] and _asides("他说：“我们有打日本的经验，何况美国") != []


def test_facts_a_change_with_its_own_measure_word_qualifies_no_figure_before():
    f = facts_of("汽车可以拖挂五、六节拖车，载运量比以往增加了二、三倍。")
    assert _fact(f, "二、三倍").measure == "transported"


def test_facts_an_aside_of_several_sentences_is_no_subject_of_what_follows():
    f = facts_of("太平洋西方石油公司取得了中立区的特权的50％（中立区的石油主权一半属于科威特，另一半属于沙特阿拉伯。"
                 "属于科威特的部分已为美国其他石油公司所得。杰蒂所取得的部分是属沙特阿拉伯的），代价只有九百五十万美元；"
                 "并规定最初三年每年只付一百万美元租金。")
    for fig in ("九百五十万美元", "一百万美元"):
        assert "沙特" not in (_fact(f, fig).subject_text or "")


@pytest.mark.parametrize("text,figure,subject", [
    # people counted opening a sentence are its subject
    ("内蒙古驻军帮助牧民打井。\n两千多名解放军官兵帮助广东省揭阳县农民兴修水吼水库。", "两千多名", "解放军官兵"),
    # a scope word after a preposition is governed too (在全国各地: where, not who)
    ("中国人民解放军和中国人民志愿军共捐款二千多万元，可以分别在全国各地建成三十六个农业拖拉机站。", "三十六个",
     "中国人民解放军和中国人民志愿军"),
])
def test_facts_people_opening_a_sentence_and_governed_scope_words(text, figure, subject):
    assert _fact(facts_of(text), figure).subject_text == subject


@pytest.mark.parametrize("text,figure,measure", [
    ("东北银行哈市分行已以低利渔贷三千五百万元，贷与渔民约千余户。", "三千五百万元", "loans"),
    ("沈阳冶炼厂除配备了领导运动和领导生产的两套干部外，还注意发挥技术人员的力量。", "两套", "count"),
    ("已找到的远景储量在一亿吨左右到一百亿吨以上的大铁矿有一百四十个。", "一百四十个", "count"),
])
def test_facts_measure_words_of_other_figures_and_objects(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_dateline_with_xun_is_no_subject():
    f = facts_of("蒋政府加倍征粮。【新华社延安一日电】沪讯：此间估计本年田赋征实共约一万万担，其中七千一百余万担归各省当局。")
    assert "沪" not in (_fact(f, "七千一百余万担").subject_text or "")


def test_facts_beifu_factory_and_pronouns_in_quoted_speech():
    f = facts_of("去冬被服厂裁棉衣时，即已节约布二万方尺，值洋八十五万元。")
    assert _fact(f, "八十五万元").subject_text == "被服厂"
    f = facts_of("京都师部队遇到大风雪。该记者悲观地说：“他们现在正在气温降低到零下三十度的国家内打仗。”")
    assert _fact(f, "零下三十度").subject_text != "他们"


def test_facts_lists_after_a_colon_and_subjects_named_after_the_figure():
    f = facts_of("国家体委公布了全国纪录。举重运动员刷新了全部二十八项举重全国纪录中的二十五项。"
                 "去年刷新的全国纪录还有：射击二十四项、无线电收发报十八项。")
    assert _fact(f, "二十四项").subject_text == "国家体委"
    f = facts_of("河北省日产铁很多。日产铁千吨以上的，有武安、张家口市等二十四个县市。")
    assert _fact(f, "千吨以上").subject_text.startswith("武安")
    f = facts_of("刀钳工李贵田设法改良工具。检验组人员虽然减少了三分之一，但在竞赛中却超过任务三分之一。")
    assert _fact(f, "三分之一").subject_text == "检验组人员"


def test_facts_coordinated_group_nouns_and_places_a_count_is_in():
    f = facts_of("合作社号召把余粮存到合作社，起先是互助员和群众都响应了，一共送来三百石粮食。")
    assert _fact(f, "三百石").subject_text == "群众"
    f = facts_of("美国的报告说，在二十个州内的二百五十六个县被列为饥饿区，其中四十七个县在佐治亚州，三十个县在得克萨斯州。")
    assert _fact(f, "三十个县").subject_text.startswith("得克萨斯")


def test_facts_relative_clause_place_and_lacking_things():
    f = facts_of("京郊十五区以工代赈。泛滥六十年未经修整的凉水河，将被劳动人民所征服。")
    r = _fact(f, "六十年")
    assert r.measure == "duration"
    f = facts_of("美国南方有二百八十三个县是最贫穷的，其中有九十三个县没有任何形式的分配食品的计划。")
    assert _fact(f, "九十三个县").measure == "count"


def test_facts_group_of_a_place_after_a_locality_word():
    f = facts_of("驻在保定市郊的部队出动了三千名官兵帮助农民抢修水渠。")
    r = _fact(f, "三千名")
    assert r.subject_text == "保定市郊的部队" and "troops" in r.subject_en


def test_facts_numbered_works_and_listed_counts_are_no_facts():
    f = facts_of("机械二厂、三厂今年节约钢材五百吨，另一半任务明年完成。")
    assert set(f["zh_text"]) == {"五百吨"}


@pytest.mark.parametrize("text,figure,measure", [
    # a share opening a clause with a predicate of its own: a share, not the clause before's measure
    ("今年检查了二十个乡的植树，85％成活。", "85％", "share"),
    # large-scale, high-yield: adjectives of what is counted
    ("这次会议选定了12个小麦大面积丰产示范点。", "12个", "count"),
])
def test_facts_share_with_its_own_predicate_and_adjective_compounds(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_name_opening_a_sentence_is_a_person_subject():
    f = facts_of("工人们都很积极。赵占奎天不亮就上工，每天能多织三匹布。")
    assert _fact(f, "三匹").subject_text == "赵占奎"


def test_facts_bare_number_headline_is_no_fact():
    assert facts_of("从三百万到二十亿").empty


@pytest.mark.parametrize("text,figure,subject", [
    ("据报导，李氏任教清华大学二十年，从未休假。", "二十年", "李氏"),
    ("在天津召开的中共河北省第二次县委书记会议，经过五天的讨论，今天闭幕。", "五天", "县委书记会议"),
    ("美国一个团体“全国农民福利协进委员会”公布了一份长达八十页的报告。", "八十页", "全国农民福利协进委员会"),
])
def test_facts_objects_of_a_person_meetings_and_quoted_names(text, figure, subject):
    assert subject in _fact(facts_of(text), figure).subject_text


def test_facts_spending_cut_is_savings():
    assert _fact(facts_of("经过整顿后，全县可缩减开支三万元。"), "三万元").measure == "savings"


def test_facts_size_in_a_relative_clause_is_the_things_and_compared_amounts_carry():
    f = facts_of("展览会上展出了许多机器。一台长达九公尺和重有三万多斤的龙门刨床，吸引着许多观众。")
    assert _fact(f, "九公尺").subject_text == "龙门刨床" and _fact(f, "三万多斤").subject_text == "龙门刨床"
    f = facts_of("今年，全省工会的社会保险费，较去年增加了五千万元。")
    assert _fact(f, "五千万元").measure == "budget"
    f = facts_of("这个专区推广了新办法，各矿又组织了百分之七十的干部下井劳动。")
    assert _fact(f, "百分之七十").subject_text == "各矿"


def test_facts_person_named_again_without_a_title_is_a_subject():
    f = facts_of("老工人王长林同志今年节约了煤炭五吨。在全厂的节约运动中，王长林又提出了十二条建议。")
    assert _fact(f, "十二条").subject_norm == "王长林"


def test_facts_duration_opening_a_sentence_belongs_to_its_subject():
    f = facts_of("河北省的合作社发展很快。在过去三年，石家庄纺织工人建筑了五万方公尺的宿舍。")
    assert _fact(f, "三年").subject_text == _fact(f, "五万方公尺").subject_text != "河北省"


@pytest.mark.parametrize("text,figure,measure,subject", [
    # the total some of which the next figure counts
    ("田径运动员刷新了全部四十项田径全国纪录中的十九项。", "四十项", "count", None),
    ("田径运动员刷新了全部四十项田径全国纪录中的十九项。", "十九项", "records", None),
    # a size before 高的 describes the thing after it
    ("观众们对二十层高的大厦模型特别感兴趣。", "二十层", "length", "大厦模型"),
    # a measure word right before another figure is that figure's (三辆汽车就得花…元)
    ("做一个新的得花两百元，五辆大车就得花一千元。", "五辆", "count", None),
])
def test_facts_totals_sizes_and_the_next_figures_measure(text, figure, measure, subject):
    r = _fact(facts_of(text), figure)
    assert r.measure == measure
    if subject:
        assert r.subject_text == subject


def test_facts_models_and_listed_counts_with_and_are_no_facts():
    assert "五吋" not in set(facts_of("五吋步犁将在各省推广使用。")["zh_text"])
    f = facts_of("城东、城西和北关的新华等三个人民公社，日产铁都达到千吨以上。")
    assert "三个" not in set(f["zh_text"]) and "千吨以上" in set(f["zh_text"])


def test_facts_verb_opening_an_unknown_place_and_a_time_before_a_group():
    f = facts_of("纺织女工王秀英过去次布率常在百分之七左右；十一月份每台的产量，折人民市布达到八十码。")
    assert _fact(f, "八十码").subject_norm == "王秀英"
    f = facts_of("全厂展开了竞赛。一月内群众提出的合理化建议达三百件。")
    assert _fact(f, "三百件").subject_text == "群众"


def test_facts_agent_head_split_off_by_the_tagger():
    f = facts_of("合作社办得很好。后来打猎组打了九只山羊，也来入股。")
    assert _fact(f, "九只").subject_text == "打猎组"


def test_facts_press_organisation_acting_as_a_body_is_a_subject():
    f = facts_of("印刷工人也不落后，如晋察冀日报改为日刊后，排字房过去是五个工人，后减到三个。")
    assert _fact(f, "五个").subject_text == "晋察冀日报"
    f = facts_of("晋察冀日报消息：全县今年产粮三万斤。")
    assert _fact(f, "三万斤").subject_text == "全县"


@pytest.mark.parametrize("text,figure,subject", [
    ("黑龙江、合江各地翻身农民，捐献亦达三千万元以上。", "三千万元以上", "黑龙江、合江各地"),
    ("社员们纷纷要求支援。每个厂养鸡三千只左右。", "三千只左右", "每个厂"),
])
def test_facts_localities_of_places_and_each_unit(text, figure, subject):
    assert _fact(facts_of(text), figure).subject_text == subject


def test_facts_arabic_count_of_a_long_list_is_an_apposition():
    f = facts_of("运动是由河北邯郸棉场、天津郊区农场、山东德州棉场和河南新乡试验站等4个示范点开始的。")
    assert "4个" not in set(f["zh_text"])


@pytest.mark.parametrize("text,figure", [
    ("今年在天津、保定、唐山、邯郸等地新建的四个国营纱厂即将施工。", "四个"),
    ("节约方面，区委、区府均确定少领两个月粮食。", "两个月"),
    ("随后在张村、李村和王庄三地办起了三个养鸡场。", "三个"),
])
def test_facts_counts_after_a_list_that_are_no_appositions(text, figure):
    _fact(facts_of(text), figure)


def test_facts_a_clause_with_a_subject_and_verb_of_its_own_is_no_list_item():
    f = facts_of("过去厂方规定煮料需两小时，前者加碱十斤，后者加碱十五斤。")
    assert _fact(f, "十斤").measure != "required" and _fact(f, "十五斤").measure != "required"


@pytest.mark.parametrize("text,figure,measure", [
    # a verb before 的 and the figure describes the thing; the verb after is what was done
    ("北关小学的学生将自己积存的三百个鸡蛋全部捐出。", "三百个", "donated"),
    # a negated measure word measures nothing (没被刷新: not broken)
    ("除射击的十项全国纪录没被刷新以外，其他二百项全国纪录，去年被刷新了一半。", "二百项", "count"),
])
def test_facts_relative_verbs_and_negated_measure_words(text, figure, measure):
    assert _fact(facts_of(text), figure).measure == measure


def test_facts_place_naming_a_field_of_study_is_no_subject():
    f = facts_of("西域史权威张明教授，为了偿还三百万元的债务，不得不南下。")
    assert _fact(f, "三百万元").subject_text != "西域"


def test_facts_example_sentence_takes_the_rate_named_before():
    f = facts_of("今年一月份各厂的出勤率都大大提高了。如机床厂达到百分之九十六，纱厂达到百分之九十五。")
    assert _fact(f, "百分之九十六").measure_zh == "出勤率"
    f = facts_of("今年各厂都完成了计划。如机床厂完成了百分之一百零五。")
    assert _fact(f, "百分之一百零五").measure == "completed"


def test_facts_compound_agent_and_no_agent_of_a_reason_clause():
    f = facts_of("“莫斯科”餐厅今天招待了五百人。电影馆今天放映了六场纪录片。")
    assert _fact(f, "六场").subject_text == "电影馆"
    f = facts_of("第一汽车厂完成了计划。由于各个职能处都能解决问题，技术问题已经由七月份的八十件减少到几件了。")
    assert _fact(f, "八十件").subject_text != "各个职能处"


def test_facts_count_describing_a_person_and_a_figure_after_ba():
    f = facts_of("班长李明说了话。立过两个大功的连部通讯员王有才说：“我们胜利了。”")
    assert _fact(f, "两个").subject_norm == "王有才"
    f = facts_of("他们买了铁钉和木板，很快地把四辆大车的车厢加固好了。")
    assert _fact(f, "四辆").measure != "purchased"


def test_facts_group_before_a_meeting_word_is_the_meeting_not_the_group():
    f = facts_of("冀中全县农民代表大会于五月一日开幕，开了五天，讨论了春耕问题。")
    assert _fact(f, "五天").subject_text == "冀中全县农民代表大会" or "大会" in _fact(f, "五天").subject_text
    f = facts_of("全县农民召开大会，捐献了三百斤粮食。")  # a verb between: the farmers hold it, they give
    assert _fact(f, "三百斤").subject_text == "全县农民"


def test_facts_people_named_together_are_the_subject_not_the_first_of_them():
    f = facts_of("机修厂工人李长山、赵国华等五人自动改进了烘炉。经过试验，每炉节约煤炭四十斤。")
    assert _fact(f, "四十斤").subject_norm.endswith("等五人")
    f = facts_of("纺织厂女工王秀兰同刘桂英一起研究新操作法，产量提高了两成。")
    assert "刘桂英" in _fact(f, "两成").subject_norm
    f = facts_of("工人李长山改进了烘炉，每炉节约煤炭四十斤。")  # alone: the person
    assert _fact(f, "四十斤").subject_norm == "李长山"


def test_facts_time_opening_a_clause_with_another_figure_is_its_period():
    f = facts_of("该公司规定头两年每年只交五十万元租金，以后每年交一百万元。")
    assert "两年" not in set(f.zh_text) and "两年" in _fact(f, "五十万元").period_text
    assert "两年" not in (_fact(f, "一百万元").period_text or "")  # another clause: not its period
    f = facts_of("这个社最后两年造林五百亩。")  # no figure of another unit in its clause: the period of none
    assert "五百亩" in set(f.zh_text)


def test_facts_slogan_epithet_of_a_place_is_no_fact():
    f = facts_of("各县提出“苦战一月，实现千斤县、万斤社”的口号，全县日产粮食五百吨。")
    assert "千斤" not in set(f.zh_text) and "万斤" not in set(f.zh_text) and "五百吨" in set(f.zh_text)


def test_facts_thing_pointed_at_is_the_subject_not_the_one_carried():
    f = facts_of("展览会吸引着许多观众。观众们都站住了。一位老工人说：这部机床真好，一分钟能转三千转。")
    assert _fact(f, "三千转").subject_text == "这部机床"
    f = facts_of("展览会吸引着许多观众。观众们都站住了。我们的机床最快才能转一千多转。")
    assert _fact(f, "一千多转").subject_text == "我们的机床"
    f = facts_of("东港乡的渔船，共捕鱼五千市担，平均每只船收入三千多元，最高的一艘船收入八千元。")
    assert _fact(f, "八千元").subject_text == "一艘船" and _fact(f, "三千多元").subject_text != "一艘船"
    f = facts_of("他们用这台车床加工了三百个零件。")  # a tool governed by 用: no topic
    assert _fact(f, "三百个").subject_text != "这台车床"


def test_facts_person_count_opening_its_sentence_is_about_those_people():
    f = facts_of("座谈会开得很热烈。他们真是高兴！三十二位劳动模范，都在生产中立了功。")
    assert _fact(f, "三十二位").subject_text == "劳动模范"


def test_facts_people_listed_by_where_they_work_are_each_their_own():
    f = facts_of("该厂共有工人三十名（车间二十人，仓库六人，食堂四人），都是本村的。")
    assert _fact(f, "六人").subject_text == "仓库" and _fact(f, "四人").subject_text == "食堂"
    f = facts_of("这个乡今年种小麦三百亩，玉米二百亩。")  # things, no people: the place's
    assert _fact(f, "二百亩").subject_text == "这个乡"


def test_facts_people_counted_after_their_group_noun_are_the_subject_of_their_sentence():
    f = facts_of("乡政府拨发小米三万斤。来自八个村的工人六百人，当天运土二千担。")
    assert _fact(f, "六百人").subject_text == "工人" and _fact(f, "二千担").subject_text == "工人"
    f = facts_of("乡政府拨发小米三万斤。当天运土二千担。")  # no people counted: the subject carried
    assert _fact(f, "二千担").subject_text == "乡政府"


def test_facts_our_country_is_a_subject_not_the_places_carried():
    f = facts_of("产茶的地方很多，有浙江、安徽、福建等省。茶叶也是我国重要出口物资之一，去年出口的茶叶约能换回三万多吨钢材。")
    assert _fact(f, "三万多吨").subject_text == "我国"


def test_facts_group_after_a_list_and_its_count_is_the_whole_list():
    f = facts_of("今年各地都增了产。东风、前进和胜利等三个农业社，平均亩产达到八百斤。")
    assert _fact(f, "八百斤").subject_text.startswith("东风、前进和胜利")
    f = facts_of("全县有红星、前进等五个农业社，今年增产粮食三十万斤。")  # a verb before the list: not one name
    assert not _fact(f, "三十万斤").subject_text.startswith("全县有")


def test_facts_clause_opening_on_a_modal_shares_the_subject_of_the_reason_clause():
    f = facts_of("运输指挥部组织了运输。现在，因为拖拉机始终在平坦的公路上行驶，可以拖挂五、六节拖车。")
    assert _fact(f, "五、六节").subject_text == "拖拉机"
    f = facts_of("第一汽车厂完成了计划。由于各个职能处都能解决问题，技术问题已经由七月份的八十件减少到几件了。")
    assert _fact(f, "八十件").subject_text != "各个职能处"  # a clause with a topic of its own: not the reason's


def test_facts_what_a_name_holds_is_the_topic_not_the_holder():
    f = facts_of("全省农业劳动模范代表会议所举办的农业成绩展览会已于昨日闭幕。据统计前往参观者共达十二万余人。")
    assert "展览会" in _fact(f, "十二万余人").subject_text
    f = facts_of("全省农业劳动模范代表会议已于昨日闭幕。据统计出席代表共达一千二百人。")  # no relative clause
    assert "会议" in (_fact(f, "一千二百人").subject_text or "") or _fact(f, "一千二百人").subject_text


def test_facts_a_method_pointed_at_is_no_subject():
    f = facts_of("该厂改进了操作。这种办法每月节约煤炭三百斤。")
    assert _fact(f, "三百斤").subject_text != "这种办法"
