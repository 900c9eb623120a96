"""Measures named by a noun phrase of the clause, value added, output words, deductions (facts helper, round 2)."""
import pytest

from pipeline.facts import facts_of


def _row(text, figure, date="1990-05-01"):
    f = facts_of(text, date=date)
    rows = f[f["zh_text"] == figure]
    assert len(rows), (text, figure, list(f["zh_text"]))
    return rows.iloc[0]


@pytest.mark.parametrize("text,figure,key,word", [
    ("今年全市的货物周转速度加快一倍。", "一倍", "speed", "货物周转速度"),
    ("基本建设工作量为一九五三年的百分之二一一点六六。", "百分之二一一点六六", "volume", "基本建设工作量"),
    ("１９９７年我国工业增加值增长１１％。", "１１％", "value_added", "工业增加值"),
])
def test_a_change_or_ratio_takes_the_noun_phrase_its_clause_names(text, figure, key, word):
    row = _row(text, figure)
    assert (row["measure"], row["measure_zh"]) == (key, word)


@pytest.mark.parametrize("text,figure", [
    ("工人的产量较二月份平均数提高百分之五十。", "百分之五十"),  # the baseline's noun names nothing measured
    ("废品大量减少了一倍。", "一倍"),  # an adverb ending in 量 is no noun
])
def test_no_named_measure_from_a_baseline_or_an_adverb(text, figure):
    row = _row(text, figure)
    assert row["measure_zh"] not in ("平均数", "废品大量", "大量"), row["measure_zh"]


def test_a_named_speed_is_no_size_of_a_thing():
    # a speed named by a clause's noun phrase is a process's: no thing becomes the subject
    assert _row("货物周转速度加快一倍。", "一倍")["subject_text"] != "货物周转速度"


def test_value_added_is_its_own_measure():
    assert _row("全省乡镇企业实现增加值一百二十亿元。", "一百二十亿元")["measure"] == "value_added"


def test_iron_tapped_is_output():
    assert _row("一号高炉昨天出铁一千五百吨。", "一千五百吨")["measure"] == "output"


def test_a_deduction_for_prices_is_no_price_measure():
    row = _row("今年农民人均纯收入扣除价格因素增长4.6％。", "4.6％")
    assert row["measure"] != "price" and row["measure_zh"] != "价格"


@pytest.mark.parametrize("text,figure,wrong", [
    ("上海一百多个工厂赶制水闸机件，提前完成了任务。", "一百多个", "made"),
    ("全县三十多个合作社修建水库，完成了任务。", "三十多个", "built"),
])
def test_a_count_of_agents_before_their_verb_and_object_is_a_count(text, figure, wrong):
    row = _row(text, figure)
    assert row["measure"] == "count", (row["measure"], row["measure_zh"])


def test_things_moved_keep_the_verb_with_no_object():
    # 有九车毛猪从这里装运出去: the pigs are what is moved (no object after the verb)
    assert _row("每天有九车毛猪从这里装运出去。", "九车")["measure_zh"] == "装运"


def test_a_verb_whose_object_has_its_own_figure_is_that_figures():
    row = _row("全区五千万亩秋作物预计可产粮食三百亿斤。", "五千万亩")
    assert row["measure"] == "area", (row["measure"], row["measure_zh"])
    assert _row("全区五千万亩秋作物预计可产粮食三百亿斤。", "三百亿斤")["measure"] == "output"


@pytest.mark.parametrize("text,figure,subject", [
    ("文化馆里，数千名教师和学生对模型特别感到兴趣。", "数千名", "教师和学生"),
    ("昨天，三百多名工人和农民参加了大会。", "三百多名", "工人和农民"),
])
def test_people_counted_are_all_the_groups_coordinated_after_the_figure(text, figure, subject):
    assert _row(text, figure)["subject_text"] == subject


@pytest.mark.parametrize("text,name", [
    ("西域史权威向达教授，在北大任教八年。", "向达"),
    ("北大周作仁、向达两教授生活苦况。", "向达"),
])
def test_a_surname_that_is_also_a_preposition_before_a_title(text, name):
    from pipeline.facts import _persons
    assert name in [p.norm for p in _persons(text)]


@pytest.mark.parametrize("text", ["他向王同志汇报了工作。", "市长向老同志恭贺新春。"])
def test_a_preposition_before_a_name_or_a_title_is_no_surname(text):
    from pipeline.facts import _persons
    assert not [p for p in _persons(text) if p.norm.startswith("向")]


def test_a_pronoun_after_a_person_named_by_a_preposition_surname():
    text = ("北大周作仁教授生活很苦，周氏欠债一百万元。\n"
            "西域史权威向达教授，在北大任教八年，今年刚好轮到他休假，但为了偿还北大三百万元的债务，不得不南下。")
    f = facts_of(text, date="1947-10-02")
    row = f[f["zh_text"] == "三百万元"].iloc[0]
    assert "向达" in (row["subject_norm"] if "subject_norm" in f else row["subject_text"]), dict(row)


def test_a_count_that_only_delimits_where_a_rate_is_measured_states_nothing():
    f = facts_of("全国一百个最大城市的最贫穷的居民区失业的比率为百分之七。")
    assert "一百个" not in list(f["zh_text"]) and "百分之七" in list(f["zh_text"])


def test_a_count_described_by_a_clause_before_it_stays():
    # 占整个赛会设置的６８个小项的５８．８％: the 68 events are a count of their own
    f = facts_of("其中小项共４０个，占整个赛会设置的６８个小项的５８．８％。")
    assert "６８个" in list(f["zh_text"])


def test_people_counted_in_a_quotation_are_no_speakers():
    t = "许多工人都认识到：“这是与淮河两岸一千几百万受灾农民兄弟生命相关的事情呀”，“不能马虎”。"
    row = _row(t, "一千几百万", date="1951-06-01")
    assert "农民" in row["subject_text"] and row["subject_text"] != "工人"


def test_a_short_quoted_name_keeps_its_place():
    t = "去年初，他们在全区农村开展了“十万农民党员联户扶贫活动”。"
    f = facts_of(t, date="1998-01-05")
    assert list(f[f["zh_text"] == "十万"]["subject_text"]) != ["农民"]


def test_money_handed_over_where_the_paragraph_speaks_of_giving_is_donated():
    t = "全城纷纷输捐慰劳。南关街炸油条的一位老翁从口袋里拿出五十元钱说：“八路军才把俺救活了。”"
    row = _row(t, "五十元钱", date="1946-09-01")
    assert row["measure"] == "donated"
    assert row["subject_text"] != "南关街" and "老翁" in row["subject_text"]


def test_money_put_up_with_no_gift_near_stays_a_cost():
    assert _row("合作社拿出十石小米雇了一个运输工人。", "十石", date="1946-06-04")["measure"] == "cost"


@pytest.mark.parametrize("text,figure", [
    ("全县今年修建水库十二座。国家投资二十亿元兴建水利工程。", "二十亿元"),
    ("河北省今年粮食产量增长百分之五。国家今年对农业的投资达到二十亿元。", "二十亿元"),
])
def test_the_state_opening_the_clause_of_its_money_is_the_subject(text, figure):
    row = _row(text, figure)
    assert row["subject_text"] == "国家" and row["subject_en"] == "the state"


def test_the_state_that_sets_a_task_for_a_factory_is_not_its_output():
    row = _row("第一汽车厂今年生产很好。国家规定第一汽车厂在第三季度出产三百辆汽车的任务。", "三百辆")
    assert row["subject_text"] != "国家"


def test_a_size_describing_a_listed_thing_is_that_things():
    t = "参观者把采煤联合机、载重量二十五吨的自动卸货汽车和巨大的掘土机围得水泄不通。"
    row = _row(t, "二十五吨", date="1954-10-04")
    assert row["subject_text"] == "自动卸货汽车", row["subject_text"]


@pytest.mark.parametrize("text,figure,norm", [
    ("西五号村是个好村。去年我们村种了二千二百亩棉花。", "二千二百亩", "西五号村"),
    ("沧县是产棉区。这个县今年种棉花二十五万亩。", "二十五万亩", "沧县"),
])
def test_a_demonstrative_territorial_unit_is_the_one_named_before(text, figure, norm):
    assert _row(text, figure, date="1958-03-02")["subject_norm"] == norm


def test_a_drink_in_colloquial_speech_states_nothing():
    f = facts_of("他笑着说：“今天是中国人民的生日，回去得喝两盅。”", date="1949-10-01")
    assert "两盅" not in list(f["zh_text"])
