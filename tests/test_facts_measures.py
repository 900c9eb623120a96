"""The measure lexicon (pipeline/data/facts/measures.toml) on sentences of its own: the measure verbs and
nouns a People's Daily article of 1946-2003 uses around its figures, each giving the figure its measure
through pipeline.facts (the lexicon's own examples are run by tests/test_facts.py)."""
import tomllib
from pathlib import Path

import pytest

from pipeline.facts import facts_of, rules

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "facts"


def _measure(text, figure):
    f = facts_of(text)
    rows = f[f["zh_text"].str.contains(figure, regex=False)]
    assert len(rows), f"no fact for {figure!r} in {list(f['zh_text'])}"
    return rows.iloc[0]["measure"], rows.iloc[0]["measure_zh"]


# (sentence, figure, measure key): production and work verbs, trade, money, war, people, plans, and nouns
VERBS_AND_NOUNS = [
("该厂今年生产拖拉机三千台。", "三千台", "output"),
("这个工厂上月制造机床八十台。", "八十台", "made"),
("全县今年修建水库十二座。", "十二座", "built"),
("农具站今冬修理水车四百多部。", "四百多部", "repaired"),
("移民新村今年开垦荒地六千亩。", "六千亩", "reclaimed"),
("青年突击队开荒三百亩。", "三百亩", "reclaimed"),
("全省今春植树八千万株。", "八千万株", "trees_planted"),
("这个专区今年造林二十万亩。", "二十万亩", "trees_planted"),
("新修的水渠可以灌溉农田五万亩。", "五万亩", "irrigated_area"),
("全县今年排涝六万多亩。", "六万多亩", "drained"),
("铁路局今年运输货物一千二百万吨。", "一千二百万吨", "transported"),
("汽车队每天运送粮食二十万斤。", "二十万斤", "transported"),
("供销社收购生猪四万头。", "四万头", "purchased"),
("百货公司今年销售农具二十万件。", "二十万件", "sold"),
("国营商店出售化肥三千吨。", "三千吨", "sold"),
("农民购买了抽水机四十台。", "四十台", "purchased"),
("我国今年进口钢材八十万吨。", "八十万吨", "imports"),
("我国今年出口大米五十万吨。", "五十万吨", "exports"),
("银行向农民贷款三百万元。", "三百万元", "loans"),
("人民银行今春发放农业贷款二千万元。", "二千万元", "loans"),
("政府救济灾民粮食五百万斤。", "五百万斤", "distributed"),
("这个县今年因旱灾减产粮食一千万斤。", "一千万斤", "losses"),
("全乡农民缴纳公粮八十万斤。", "八十万斤", "paid"),
("国家今年征收农业税粮食三百亿斤。", "三百亿斤", "paid"),
("乡干部扣留群众的粮食三千斤。", "三千斤", "withheld"),
("人民法院没收了奸商的布匹二千匹。", "二千匹", "confiscated"),
("我军缴获步枪一千二百支。", "一千二百支", "captured"),
("我军歼灭敌人四千余名。", "四千余名", "enemy_casualties"),
("这次战斗俘虏敌军八百名。", "八百名", "captured"),
("我军毙伤敌军二千三百余人。", "二千三百余人", "enemy_casualties"),
("我空军击落敌机十二架。", "十二架", "enemy_equipment_destroyed"),
("敌军伤亡五千余人。", "五千余人", "casualties"),
("全村参加互助组的有一百二十户。", "一百二十户", "participants"),
("全乡报名参军的青年有三百名。", "三百名", "participants"),
("今年全乡入社农户达到九百户。", "九百户", "participants"),
("去年全县新入党的有二百多人。", "二百多人", "participants"),
("农业技术站培训技术员五百名。", "五百名", "enrolled"),
("民兵训练班训练民兵一千名。", "一千名", "enrolled"),
("今年全省中学毕业生有三万人。", "三万人", "enrolled"),
("这个学院今年招收新生一千二百名。", "一千二百名", "enrolled"),
("全县动员民工二万人修建水库。", "二万人", "participants"),
("全区组织互助组二千多个。", "二千多个", "organized"),
("各乡召开群众大会一百多次。", "一百多次", "meetings_held"),
("出席大会的代表有一千二百多人。", "一千二百多人", "participants"),
("今年又有二十三个新厂投入生产。", "二十三个", "put_into_production"),
("今年全省建成水电站四十座。", "四十座", "built"),
("全厂完成全年计划的百分之一百一十。", "百分之一百一十", "completed"),
("全厂超额完成了计划的百分之二十。", "百分之二十", "completed"),
("这个车间节约原材料十二吨。", "十二吨", "savings"),
("新工艺节约劳动力百分之三十。", "百分之三十", "savings"),
("全厂的生产周期缩短了百分之四十。", "百分之四十", "cycle"),
("工地提早五天完成了任务。", "五天", "ahead_of_schedule"),
("全省粮食产量达到三百亿斤。", "三百亿斤", "output"),
("全县工业总产值达到八千万元。", "八千万元", "output_value"),
("全县棉花种植面积达到四十万亩。", "四十万亩", "area"),
("今年参加夜校的人数达到三千人。", "三千人", "participants"),
("全校学生人数已达二千四百多。", "二千四百多", "people"),
("全村户数为二百三十户。", "二百三十户", "households"),
("工人的平均工资每月六十元。", "六十元", "income"),
("社员今年的收入比去年增加了百分之二十。", "百分之二十", "income"),
("这个县今年财政支出八百万元。", "八百万元", "cost"),
("全省今年的预算为三亿元。", "三亿元", "budget"),
("全厂今年上缴利润四百万元。", "四百万元", "income"),
("每吨钢的成本降低了十五元。", "十五元", "cost"),
("小麦的价格每斤一角二分。", "一角二分", "price"),
("这种布的单价是每尺五角。", "五角", "price"),
("全县今年交税一百万元。", "一百万元", "paid"),
("这个合作社的产值今年增加了二十万元。", "二十万元", "output_value"),
("今年全县税收比去年增加了百分之十二。", "百分之十二", "paid"),
]


# a figure's own verb wins over the measure word of an earlier clause, or over the noun of what it counts
OWN_VERB_OVER_EARLIER_OR_NEARER_WORDS = [
    # drainage after irrigation: 排渍 is the figure's own
    ("全区可以利用机械灌溉的农田有五百万亩，利用机械排渍的农田有四十万亩。", "四十万亩", "drained"),
    # labour saved is a saving, not labour
    ("采煤组推行新方法以后，产量增加了一倍，节约劳动力百分之二十五，节约坑木百分之十。", "百分之二十五", "savings"),
    # stations built and stations still to go into production
    ("农场从去年开始建立，现在已建成投入生产的有八个站，将要投入生产的有五个站。", "五个", "put_into_production"),
    # a cycle the clause names is no bare change
    ("造船周期缩短百分之二十；修船周期缩短百分之三十。", "百分之三十", "cycle"),
    # relief to disaster victims: distributed, not casualties
    ("政府救济灾民粮食五百万斤。", "五百万斤", "distributed"),
    # households joining the cooperative are participants, not a mere count of households
    ("今年全乡入社农户达到九百户。", "九百户", "participants"),
    # a bare 人数 after 参加 keeps the participants
    ("今年参加夜校的人数达到三千人。", "三千人", "participants"),
]


def test_needs_as_a_noun_measure_nothing():
    # 围绕生产的需要 (the needs of production) is no figure required; the problems are counted
    got = _measure("各车间都能围绕生产的需要去解决问题，技术问题已经由七月份的九十件减少到只有几件了。", "九十件")
    assert got[0] != "required", got
    # but 需要 as a verb still measures what is required
    assert _measure("修好这条渠需要民工三千人。", "三千人")[0] in ("required", "labour")


def test_a_meeting_that_lasted_is_a_duration():
    # 开了 (a meeting went on) is no meeting held: the hours are a duration
    assert _measure("会议一直开了四小时之久。", "四小时")[0] == "duration"


def test_displacement_is_a_weight_not_drainage():
    assert _measure("这艘新船的排水量为一万二千吨。", "一万二千吨")[0] == "weight"


def test_withheld_is_its_own_measure_not_the_goods():
    assert _measure("有的乡干部扣留群众的粮食三千斤。", "三千斤") == ("withheld", "扣留")


def test_every_new_key_has_english_and_examples():
    with open(DATA / "measures.toml", "rb") as f:
        m = tomllib.load(f)
    keys = {e["key"]: e for e in m["measure"]}
    r = rules()
    for k in ("withheld", "confiscated", "drained", "put_into_production", "repaired", "meetings_held", "people",
              "ahead_of_schedule", "cycle", "debt", "deficit", "surplus", "trade", "deposits", "livestock_raised", "target",
              "benefited", "votes", "elected", "signed", "fined", "cases_solved",
              "arrested", "treated", "resettled", "disaster_affected", "evacuated", "performances"):
        patterns = [x for x in m["pattern"] if x["key"] == k]
        # a key is named by its words with their examples, or by a pattern with its examples (target, meetings held)
        assert k in keys and ((keys[k].get("examples") and keys[k]["zh"]) or any(x["examples"] for x in patterns)), k
        assert r.measure_en[k] == keys[k]["en"] or k in m["default_en"], k
    # every zh word belongs to one key only (the first entry would silently win)
    seen = {}
    for e in m["measure"]:
        for w in e["zh"]:
            assert seen.setdefault(w, e["key"]) == e["key"], (w, seen[w], e["key"])


# money, trade, people and campaigns of political and economic articles
MEASURE_OF_MONEY_TRADE_PEOPLE_AND_CAMPAIGNS = [
    ("这个国家的外债已达四十亿美元。", "四十亿美元", "debt"),
    ("该国今年的财政赤字达到九十亿美元。", "九十亿美元", "deficit"),
    ("去年日本对美国的贸易顺差为一百二十亿美元。", "一百二十亿美元", "surplus"),
    ("中国同这些国家的贸易总额比去年增加了百分之十八。", "百分之十八", "trade"),
    ("全市城乡居民的储蓄存款已达一亿二千万元。", "一亿二千万元", "deposits"),
    ("该国的外汇储备减少到三亿美元。", "三亿美元", "reserves"),
    ("这个国家今年的军费又增加了二十亿美元。", "二十亿美元", "cost"),
    ("这个社今年养猪三千四百多头。", "三千四百多头", "livestock_raised"),
    ("警察当局昨天又逮捕了爱国学生二百多名。", "二百多名", "arrested"),
    ("医疗队在三个月里共治疗病人一万二千多人次。", "一万二千多人次", "treated"),
    ("全市今年安置复员军人四千多名。", "四千多名", "resettled"),
    ("今年全省受灾面积达三百多万亩。", "三百多万亩", "disaster_affected"),
    ("洪水到来以前，全县已转移群众八万多人。", "八万多人", "evacuated"),
    ("电影队今年在农村放映电影四百多场。", "四百多场", "performances"),
    ("参加罢工的工人已达五万人。", "五万人", "participants"),
    ("全县今冬扫除文盲一万二千人。", "一万二千人", "enrolled"),
    ("这个工程队今年铺设铁轨八十公里。", "八十公里", "built"),
    ("这个电站去年发电三亿度。", "三亿度", "output"),
    ("这份报纸的发行量已达五十万份。", "五十万份", "printed"),
    ("展览会共接待了观众十二万人。", "十二万人", "visitors"),
]


def test_a_word_for_the_affected_province_is_no_measure():
    # 受灾最重的湖南 describes the province: the figure keeps the levy of the sentence
    f = facts_of("四川人民所负担的最多，计一千一百万担，受灾最重的湖南亦达六百二十万担。")
    assert f[f["zh_text"] == "六百二十万担"].iloc[0]["measure"] == "paid"


def test_a_concession_share_is_no_output():
    # 石油开采特权的50％: a share of the rights, 开采 names the rights, not an output
    got = _measure("该公司取得了中立区的石油开采特权的50％。", "50％")
    assert got[0] != "output", got


def test_a_target_moved_toward_is_no_figure_done():
    # 已经积肥…，现在正向…进军: the second figure is a target, not manure already collected
    text = "全乡已经积肥三十万担，现在正在向五十万担进军。"
    assert _measure(text, "三十万担")[0] == "manure_collected"
    assert _measure(text, "五十万担")[0] == "target"
    # a plain 向 (to whom) is no target
    assert _measure("供销社向农民出售化肥三千吨。", "三千吨")[0] == "sold"


LAND_SERVED_AND_GAME_TAKEN = [
    ("这条水渠修成以后，可以使大约八万亩农田受益。", "大约八万亩", "benefited"),
    ("堤坝加固以后，沿河两万多亩良田免于水灾。", "两万多亩", "benefited"),
    ("狩猎队今冬猎获野猪一百二十多头。", "一百二十多头", "catch"),
]


POLITICS_LAW_AND_MEMBERS = [
    ("这项提案在大会上得票三十八张。", "三十八张", "votes"),
    ("全县选出人民代表四百二十名。", "四百二十名", "elected"),
    ("全市在和平宣言上签名的已有一百二十万人。", "一百二十万人", "signed"),
    ("法院对这家奸商罚款二千万元。", "二千万元", "fined"),
    # 盗窃案件 names the cases, no theft counted
    ("公安局今年破获盗窃案件三百四十多件。", "三百四十多件", "cases_solved"),
    ("今年全乡新发展党员四十五名。", "四十五名", "participants"),
    ("全县今年订阅人民日报三千二百份。", "三千二百份", "subscribed"),
    ("这家公司今年的股息为二十万元。", "二十万元", "income"),
    ("养路工人三天内抢修公路一百二十公里。", "一百二十公里", "repaired"),
]


@pytest.mark.parametrize("text,figure,wrong", [
    ("全省新建了三个发电厂。", "三个", "output"),
    ("全省的发电厂已有三十多个。", "三十多个", "output"),
    ("全社的养猪场已发展到五个。", "五个", "livestock_raised"),
    ("全县的储蓄所已有八个。", "八个", "deposits"),
])
def test_places_named_by_a_measure_verb_are_counted(text, figure, wrong):
    got = _measure(text, figure)
    assert got[0] != wrong, got


@pytest.mark.parametrize("text,figure", [
    # what is withheld is named by another measure word: the withholding is the figure's measure
    ("有的乡干部扣留捐献的稻子三千斤。", "三千斤"),
    ("有的区干部克扣救济粮食二千多斤。", "二千多斤"),
    ("这家企业截留利润八十多万元。", "八十多万元"),
    # kept back for another use: neither the donation nor the purchase it is kept for
    ("合作社将三千万元捐献款留作收购棉花资金。", "三千万元"),
])
def test_withheld_goods_named_by_another_measure(text, figure):
    assert _measure(text, figure)[0] == "withheld"


def test_meetings_held_only_with_the_meeting_before_the_figure():
    assert _measure("两国代表在日内瓦举行了会谈三次。", "三次")[0] == "meetings_held"
    # a meeting in the clause before measures nothing of the figures after it
    got = _measure("基本建设局连续召开了施工管理等一系列专业座谈会，总结和交流了四个主要工地的先进经验。", "四个")
    assert got[0] != "meetings_held", got


@pytest.mark.parametrize("text,figure,key", [
    # a target noun in the clause before carries to no done figure
    ("油田实现了年产一百五十万吨的奋斗目标，全年钻井三十口。", "三十口", "target"),
    # a farming trade (养殖业) is no livestock raised: the women take part in it
    ("全区参加海水养殖业的妇女达百分之四十。", "百分之四十", "livestock_raised"),
    # paying out (掏出) and charging (只收) are no output
    ("这家企业在最困难的时候掏出一万元支援灾区。", "一万元", "output"),
    ("一碗茶只收三分钱。", "三分钱", "output"),
])
def test_words_that_are_no_measure_here(text, figure, key):
    got = _measure(text, figure)
    assert got[0] != key, got


LOSSES_AND_TURNOVER = [
    ("该厂去年的亏损额比上年下降了百分之十四。", "百分之十四", "losses"),
    ("这家商场的年营业额已达二亿元。", "二亿元", "sold"),
]


FEES_FOREIGN_EXCHANGE_AND_MARKETS = [
    ("他把车送去大修，花去修理费三千多元。", "三千多元", "cost"),
    ("全省旅游业今年创汇十二亿美元。", "十二亿美元", "income"),
    ("国际组织提前向该国输送了一百亿美元。", "一百亿美元", "delivered"),
    ("银川市建有农副产品批发市场十九个。", "十九个", "count"),
]


#: every (sentence, figure, measure key) table above
MEASURED = (VERBS_AND_NOUNS + OWN_VERB_OVER_EARLIER_OR_NEARER_WORDS + MEASURE_OF_MONEY_TRADE_PEOPLE_AND_CAMPAIGNS
            + LAND_SERVED_AND_GAME_TAKEN + POLITICS_LAW_AND_MEMBERS + LOSSES_AND_TURNOVER
            + FEES_FOREIGN_EXCHANGE_AND_MARKETS)


@pytest.mark.parametrize("text,figure,key", MEASURED, ids=[f"{k}:{f}" for _, f, k in MEASURED])
def test_measure_of_a_figure(text, figure, key):
    got = _measure(text, figure)
    assert got[0] == key, got
