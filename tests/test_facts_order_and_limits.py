"""Facts rules of the fourth session, on sentences of our own: time figures ahead of schedule and deadlines,
session numbers, what 吸收 takes in, two measure words before a figure, respectively-lists, subjects
that do not carry into a sentence about something else."""
from types import SimpleNamespace

import pytest

from pipeline.facts import facts_of


def _facts(text):
    return facts_of(text)


def _fact(text, figure):
    df = _facts(text)
    rows = df[df["zh_text"].str.contains(figure, regex=False)]
    assert len(rows), f"no fact for {figure!r} in {list(df['zh_text'])}"
    rec = rows.iloc[0].to_dict()
    return SimpleNamespace(**{k: None if isinstance(v, float) and v != v else v for k, v in rec.items()})


def _no_fact(text, figure):
    df = _facts(text)
    return not df["zh_text"].str.contains(figure, regex=False).any()


# --- time figures: ahead of schedule is no period; a deadline is no fact -------------------------

@pytest.mark.parametrize("text,figure", [
    ("该水库工程可以提前二十多天完成。", "二十多天"),
    ("全厂提前三个月完成了全年计划。", "三个月"),
])
def test_ahead_of_schedule_is_no_duration_period(text, figure):
    f = _fact(text, figure)
    assert f.measure == "ahead_of_schedule"
    assert f.period_duration is None and f.period_text is None


def test_first_months_still_a_period():
    f = _fact("前三个月完成了五百吨。", "五百吨")
    assert f.period_text == "前三个月"


def test_ahead_of_schedule_is_no_period_of_the_next_figure():
    df = _facts("工厂提前三个月生产了五百吨。")
    assert set(df["zh_text"]) == {"三个月", "五百吨"}
    assert _fact("工厂提前三个月生产了五百吨。", "五百吨").period_text is None


@pytest.mark.parametrize("text,figure", [
    ("该社拟于三个月内学会织袜。", "三个月"),
    ("全县争取在两年内完成这项工程。", "两年"),
])
def test_a_deadline_is_no_fact(text, figure):
    assert _no_fact(text, figure)


def test_a_time_taken_stays_a_fact():
    f = _fact("全厂在两个月内完成了任务。", "两个月")
    assert f.measure == "duration" and f.period_duration == "P2M"


# --- session numbers -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("党的六届一中全会在北京召开。", "六届"),
    ("十一届三中全会以来，农村发生了巨大变化。", "十一届"),
    ("八届人大一次会议通过了这项决定。", "八届"),
])
def test_a_session_number_is_no_fact(text, figure):
    assert _no_fact(text, figure)


def test_sessions_counted_stay_a_fact():
    assert not _no_fact("这个运动会已经举办了三届。", "三届")


# --- 吸收: taken in ------------------------------------------------------------------------------

def test_goods_taken_in_are_received_not_funds():
    f = _fact("群众拿上布匹、粮食都来入股。很短期间，便吸收了三万四千元的物资。", "三万四千元")
    assert f.measure == "received"


def test_deposits_taken_in_are_deposits():
    assert _fact("银行今年吸收存款八千万元。", "八千万元").measure == "deposits"


# --- two measure words before a figure: the verb, when the later word names the goods --------------

@pytest.mark.parametrize("text,figure,key,word", [
    ("有的乡干部扣留捐献的稻子三千斤。", "三千斤", "withheld", "扣留"),
    ("有的区干部克扣救济粮食二千多斤。", "二千多斤", "withheld", "克扣"),
    ("这家企业截留利润八十多万元。", "八十多万元", "withheld", "截留"),
    ("事件发生后即捐出慰劳款一万八千元。", "一万八千元", "donated", "捐出"),
    # a list item after the clause shares its verb, not the goods' word
    ("有的乡干部扣留捐献稻子五千斤，人民币一百多万元，准备建筑乡公所。", "一百多万元", "withheld", "扣留"),
])
def test_the_verb_before_the_goods_word_is_the_measure(text, figure, key, word):
    f = _fact(text, figure)
    assert (f.measure, f.measure_zh) == (key, word)


@pytest.mark.parametrize("text,figure,key", [
    ("今年实现利润八十万元。", "八十万元", "income"),  # a figure reached: the goods' word
    ("提高单位面积产量百分之三十。", "百分之三十", "output"),  # 面积 is no verb
    ("现在已建成投入生产的有十四个站。", "十四个", "put_into_production"),  # 有 names no goods
])
def test_the_goods_word_stays_without_an_acting_verb(text, figure, key):
    assert _fact(text, figure).measure == key


# --- respectively: as many names or measures listed together as figures listed together -----------

def test_measures_listed_together_go_to_their_figures_in_order():
    df = _facts("今年工业产值和利润分别比去年增长15％和20％。")
    got = dict(zip(df["zh_text"], df["measure"]))
    assert got == {"15％": "output_value", "20％": "income"}


def test_a_measure_outside_the_lexicon_is_named_not_taken_from_its_neighbour():
    f = _fact("原煤产量和焦炭装窑量就比以前猛增26％和20％。", "20％")
    assert f.measure != "output" and f.measure_zh == "焦炭装窑量"


def test_names_listed_together_go_to_their_figures_in_order():
    df = _facts("辽宁和吉林的粮食产量分别增长了百分之二十六和百分之二十。")
    assert list(df["subject_text"]) == ["辽宁", "吉林"]
    # without 分别 the list is the subject of its one figure
    assert _fact("辽宁和吉林的粮食产量增长了百分之二十六。", "百分之二十六").subject_text == "辽宁和吉林"


def test_the_whole_list_carries_on_after_respectively():
    f = _fact("辽宁和吉林的粮食产量分别增长了百分之二十六和百分之二十。增产粮食五百万斤。", "五百万斤")
    assert f.subject_text == "辽宁和吉林"


def test_one_measure_for_figures_listed_after_it():
    df = _facts("该厂生产拖拉机三千台和汽车五百辆。")
    assert set(df["measure"]) == {"output"}


# --- subjects carried into a sentence about something else ----------------------------------------

def test_a_things_size_makes_it_no_topic_of_what_follows():
    text = ("京郊十七区三项挖河工程如期完成。该工程为：护城河一段，长一千九百二十三公尺；旱河，长二十六里。"
            "工程于上月十一日开始；共组织三千一百余农民参加工作。")
    assert _fact(text, "二十六里").subject_text == "旱河"
    assert _fact(text, "三千一百余").subject_text != "旱河"


def test_a_sentence_on_a_new_thing_goes_back_to_the_articles_subject():
    text = ("中南军政委员会财政经济委员会召开了农业机械计划会议。河南旱地主要依靠水车浇灌作物。"
            "一九五三年准备推广水车一万五千辆。杀虫器械的推广，在明年要完成防治二千七百万亩。")
    assert _fact(text, "一万五千辆").subject_text == "河南"
    assert _fact(text, "二千七百万亩").subject_text == "中南军政委员会财政经济委员会"


def test_a_measure_noun_opening_a_sentence_keeps_the_subject_carried():
    text = "中南军政委员会召开了会议。河南旱地主要依靠水车浇灌作物。粮食产量提高了百分之二十。"
    assert _fact(text, "百分之二十").subject_text == "河南"


# --- a baseline described by a relative clause -----------------------------------------------------

def test_a_baselines_relative_clause_names_no_measure():
    text = "今年新建的四个大厂的规模，较去年建立的四个厂增大一倍。"
    f = _fact(text, "一倍")
    assert (f.measure, f.measure_zh) == ("scale", "规模")
    assert f.related_fact_id is None  # a change of the scale named after 四个, not of the four plants


def test_a_change_still_qualifies_the_figure_before_its_measure():
    f = _fact("全厂产量三十万吨，比去年增长百分之二十。", "百分之二十")
    assert f.measure == "output" and f.related_fact_id is not None


# --- a change with no words of its own ---------------------------------------------------------------

def test_a_bare_change_after_a_figure_takes_its_measure():
    text = "中国同亚非地区的贸易有了较迅速的发展，1955年的贸易总额约比1954年增加了18.4％；今年上半年比去年同期又增加了53％左右。"
    f = _fact(text, "53％")
    assert (f.measure, f.measure_zh) == ("trade", "贸易总额")


def test_a_change_of_something_named_stays_a_change():
    text = "1955年的贸易总额约比1954年增加了18.4％；废品比去年同期减少了一半。"
    assert _fact(text, "一半").measure != "trade"


# --- meetings' time; the time a measure is counted over -----------------------------------------------

def test_a_meetings_time_is_the_meetings():
    text = "中国人民政协会议在北京开幕，到会一千二百人。”会一直开了四小时之久。"
    assert _fact(text, "四小时").subject_text == "会"


def test_a_time_before_a_measure_is_the_period_of_its_figure():
    text = "十一月份个人每台二十小时的产量，折人民市布达到九十四点二六码。"
    assert _no_fact(text, "二十小时")
    assert _fact(text, "九十四点二六码").period_duration == "PT20H"
    assert _fact("他们用了三天的时间修好了水渠。", "三天").measure == "duration"


# --- verbs that name no measure are still a clause's own verb ----------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("该厂生产拖拉机三千台，交流了四个车间的经验。", "四个车间"),
    ("各社收购生猪四万头，开展了五个竞赛。", "五个"),
])
def test_a_no_measure_verb_stops_the_measure_before(text, figure):
    assert _fact(text, figure).measure == "count"


# --- longer words holding a measure word (PD1998's word boundaries) ---------------------------------

@pytest.mark.parametrize("text,figure,wrong", [
    ("第八届全运会上，全国有上千名运动员进行了交流。", "上千名", "participants"),
    ("今年全市共征集文献五千多件。", "五千多件", "donated"),
    ("这次演出了三场。", "三场", "output"),
    ("群众进行了大规模转移，共一万五千人。", "一万五千人", "scale"),
])
def test_a_longer_word_is_no_measure_word_it_holds(text, figure, wrong):
    assert _fact(text, figure).measure != wrong


def test_imports_and_exports_together_are_trade():
    assert _fact("全年进出口一千五百亿美元。", "一千五百亿美元").measure == "trade"


@pytest.mark.parametrize("text,figure,key", [
    ("这项工程的工期缩短三个月。", "三个月", "duration"),  # a change verb between: no measure word of the time
    ("过去蒸麦秆需三小时。", "三小时", "required"),  # right before it: its measure
])
def test_a_measure_word_takes_a_time_figure_only_right_before_it(text, figure, key):
    assert _fact(text, figure).measure == key


def test_over_fulfilling_a_task_is_completed():
    df = _facts("检验组人员虽然减少了三分之一，但在竞赛中却超过任务三分之一。")
    assert list(df["measure"])[-1] == "completed"


def test_over_the_plan_keeps_the_measure_named_before():
    f = _fact("十一月份的产量，折人民市布达到九十四码，超过计划百分之四点九八。", "百分之四点九八")
    assert f.measure == "output"


def test_a_sum_to_be_got_is_received():
    assert _fact("街头募捐已于十日结束。估计总数可得三亿元左右。", "三亿元").measure == "received"


@pytest.mark.parametrize("text,figure,key", [
    ("他在自己的丰产田里上了一百三十担肥料。", "一百三十担", "fertilizer_applied"),
    ("每亩追肥三十斤。", "三十斤", "fertilizer_applied"),
    ("全社积肥二十万担。", "二十万担", "manure_collected"),
    ("他说他目前一家七口每月食米一百五十斤。", "一百五十斤", "consumption"),
])
def test_fertiliser_applied_and_food_eaten(text, figure, key):
    assert _fact(text, figure).measure == key


def test_a_list_item_with_nothing_but_its_name_shares_the_measure_before():
    text = "预计今年矿产一级储量超过计划，其中铁矿储量将比原计划提高三点五倍；铜矿三点四倍；铝矿三点九倍。"
    df = _facts(text)
    assert set(df["measure"]) == {"reserves"}
    # a figure with words of its own does not
    assert _fact("铁矿储量将比原计划提高三点五倍；全县人口增加一倍。", "一倍").measure != "reserves"


def test_a_bare_ratio_takes_the_measure_its_paragraph_named():
    text = "预计今年将比1955年更有新的增长。其中对苏联和各人民民主国家的贸易额增长最大。1955年约为1950年的六倍半，今年上半年比去年同期又增长1.5％。"
    assert _fact(text, "六倍半").measure == "trade"
    assert _fact(text, "1.5％").measure == "trade"


@pytest.mark.parametrize("text,figure,key", [
    ("悉尼的艺术团演出了近十场。", "近十场", "performances"),  # 演出 stays a measure word
    ("去年全省创造总产值二百三十亿元。", "二百三十亿元", "output_value"),  # a record verb names no goods
    ("家庭农场投入生产费用四十八亿元。", "四十八亿元", "cost"),
])
def test_measure_words_that_stay(text, figure, key):
    assert _fact(text, figure).measure == key


@pytest.mark.parametrize("text,figure,wrong", [
    ("千户企业户均总资产二十七亿元。", "二十七亿元", "output"),  # 资产 holds no 产
    ("其中单项业务企业、主导产品企业和相关联多元化企业分别占28％、38％和29％。", "38％", "change"),  # 占 lists no measures
])
def test_no_measure_from_a_word_it_is_not(text, figure, wrong):
    assert _fact(text, figure).measure != wrong


def test_a_verb_before_de_and_a_masked_word_describes_the_noun():
    f = _fact("一万五千多群众进行了有组织的大规模转移。", "一万五千多")
    assert f.measure != "organized"


def test_a_body_named_for_a_persons_post_is_not_carried():
    text = ("平顺县全县各机关已节约米七四五三斤。四区分委书记曹二其同志虽在病中，亦积极响应这一运动。"
            "生产方面，已决定合并各机关商业基金，由县统一生产，共集资二百五十八万一千三百元。")
    assert _fact(text, "二百五十八万").subject_text != "四区分委"


def test_an_area_worked_is_no_labour():
    text = "单干一个劳动力一天只能打半亩，最多打七、八分地。"
    assert _fact(text, "七、八分地").measure == "area"
    assert _fact("全社投入劳动力三百人。", "三百人").measure != "area"


def test_things_pooled_with_funds_are_counted_not_funds():
    text = "生产方面，由县统一生产，共集资二百五十八万一千三百元，骡子十一头，驴五头。"
    assert _fact(text, "二百五十八万").measure == "budget"
    assert _fact(text, "十一头").measure == "count"
