"""Chinese numbers and quantities: spans by one precompiled regex, values by rules.

``extract(text) -> list[Quantity]`` in text order, offsets into ``text``; never raises.

Two steps, as in Recognizers-Text:

1. *find*: one big regex (built once from the data files in ``pipeline/data``) finds
   candidate spans: ISO dates, relative date words, festivals, ``[qualifier][第]
   [百分之] numeral [分之 numeral]``, and the negative words (一定, 统一, 万一, 九江 ...),
   which are consumed so that nothing matches inside them; a second anchored regex
   reads what follows the numeral (多/余, 个, 半, the unit or classifier, 左右/以上 ...).
2. *parse*: the numeral's value comes from :mod:`pipeline.numerals.zh`; the ``_rule_*``
   functions turn numeral + tail into a :class:`Quantity` (percent, fraction,
   multiple, date, ordinal, money compounds, ranges).

Conventions (documented choices):

* 一半 / 半数 -> kind ``fraction``, value 0.5, unit None; 半年 -> 0.5 ``year``.
* 三成 -> 30 ``percent``; 千分之五 -> fraction 0.005; 三分之一 -> fraction 1/3 (28 digits).
* N倍 -> kind ``multiple``, unit ``times``, value N as written (增长两倍 -> 2; whether
  that means x2 or x3 is for the reconciler). 翻一番 -> 2, 翻两番 -> 4 (the factor),
  加倍 -> 2.
* 几 and neighbouring digits are ranges: 十几 -> 11..19 and 几十 -> 20..90 (approx
  ``about``); 七八百 -> 700..800 (approx None: the range says it).
* 近/将近 -> ``nearly``; 以上/多/余 -> ``more_than``; 至少 -> ``at_least``.
* Dates: kind ``date``; the unit says what the value is (``pipeline/data/zh/dates.toml``):
  ``year`` (1957年 -> 1957), ``month`` (八月 -> 8; 1953年3月 -> 195303, as the English side),
  ``day`` (二十日 -> 20), ``hour`` (四时 -> 4), ``time`` (九时二十分 -> 920, hhmm as the English
  side's 10:30 -> 1030), ``date`` (yyyymmdd, month-day without a year as mmdd: 1957-08-20 ->
  19570820, 八月二十日 -> 820), ``quarter`` (第二季度 -> 2), ``decade`` (三十年代 -> 1930),
  ``relative_year``/``relative_month``/``relative_day`` (value = offset: 去年 -> -1).
* Unit keys: ``pipeline/data/units.toml`` (``meter``, not ``metre``); a classifier the
  tables know but cannot map (条, 道 without a known noun) is kept as written in ``unit``.
* The noun a classifier counts (``pipeline/data/zh/classifiers.toml``): the head noun in a
  window of modifiers after it (四个规模巨大的国营棉纺织厂 -> factory; the window stops at
  punctuation and verb-like words; compounds end in their head: 七个村合作社 -> cooperative),
  else a noun right before the number when the classifier ends its phrase (新开渠二十四道，
  -> canal), else anaphora (全国纪录…有二百零五项 -> record), else the classifier's default.
  成百 / 数以百计 = 100..900 about.
* Counted nouns by context (added with the PKU 1998 m+q pairs and the dev gold): 起/宗/例/案
  ``case``; N地 ``place`` (京沪两地); N块 + a noun a piece of it (三块地 plot, 一块石头 piece), money
  before 钱/的/punctuation; 班 ``shift`` in a paragraph about a works, ``squad`` among troops; a
  number in brackets counts the noun before them (矿点总和（四万四千个） site); a bare number after
  以…为一百 is an ``index``; a bare decimal after the same verb as a percent just before it is a percent
  (纺织机械厂达到百分之九十七点五八，纺织一厂达到九六点一八); a currency before N元 is the unit
  (港币二百万元 hkd).
* Names, not counts: 纺织一厂达到, 炸弹三所刘…, 采煤十六组的 (a works' name, ordinal); enumerations
  一怕…二怕, 一是…二是 (ordinal); list markers 一、 after ：；; 二十一世纪 (ordinal, ``century``);
  N区 after a list of N names is a count (…松浦、顾乡五区). 一 as "as soon as" (刚一坐下，就…;
  一住就是一个月) or "with one V" (往国门前一站，) is no number.
* Alternatives joined by 、 with the same unit are a range (三年、五年 = 3..5, as 三、五年); a
  range of months without 个 is a date range (一至十一月); 五八年 = 1958 (two-digit years).
* Qualifiers by position: 约为/约比/约占 … qualifies the figure after the comparison
  (约为1950年的六倍半 about); 超过 after 比/较 in its clause is the verb "exceeded by" (no
  qualifier); 近三年来 is "the recent three years" (no qualifier); 千把/万把 + a unit about;
  一大半 more than 0.5; 十之八九 0.8..0.9.
"""
from __future__ import annotations

import re
import tomllib
from decimal import Decimal, localcontext
from importlib import resources

from pipeline.numerals.zh import NUMERAL_CHARS, RANGE_PAIRS, fold, norm
from pipeline.numerals.zh import parse as parse_numeral
from pipeline.types import Quantity


def _toml(name: str) -> dict:
    with resources.files("pipeline.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


UNITS = _toml("units.toml")
CLS = _toml("zh/classifiers.toml")
QUAL = _toml("zh/qualifiers.toml")
_NEG_DATA = _toml("zh/negatives.toml")
NEG_WORDS: list[str] = _NEG_DATA["words"]
DATES = _toml("zh/dates.toml")

UNIT_OF: dict[str, str] = {s: key for key, t in UNITS.items() for s in t.get("zh", [])}
GENERIC: dict[str, str] = dict(CLS["generic"])
GENERIC["点"] = "point"
NOUNS: dict[str, str] = CLS["nouns"]
ANAPHORA: dict[str, list[str]] = CLS.get("anaphora", {})
#: classifiers whose anaphora stays inside the sentence (个 counts too many kinds of things)
ANAPHORA_SENTENCE: dict[str, list[str]] = CLS.get("anaphora_sentence", {})
#: classifiers that never take a noun's key (一轮, 八届, 二版)
NO_NOUN: set[str] = set(CLS.get("no_noun", {}).get("classifiers", []))
#: words that contain a lexicon noun but are none (社会主义, 国营, 马上): stepped over
NOT_NOUNS: set[str] = set(CLS.get("not_nouns", {}).get("words", []))
#: one-character nouns that only count right after the classifier (三块地, 五个字), never
#: further on in the window (积极地, 各地)
IMMEDIATE_ONLY: set[str] = set(CLS.get("immediate_only", {}).get("words", []))
#: place-name suffixes that never count the number after them (天津市八十个工厂)
#: a noun followed by these is another word (社会, 户头, 地域): the unit table's not_before and more
NOUN_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    k: tuple(CLS["not_before"].get(k, [])) + tuple(CLS.get("noun_not_before", {}).get(k, []))
    for k in set(CLS["not_before"]) | set(CLS.get("noun_not_before", {}))
}
#: units that name a part of an organisation (第三部, 第二所): N部 after 第N部 is its short name
NAME_UNITS: set[str] = set(CLS.get("name_units", {}).get("words", []))
BEFORE_NEVER: set[str] = set(CLS.get("before_never", {}).get("words", []))
#: classifiers that count people as well as things (四万六千个母亲); others count people only
#: with the noun right after them
PEOPLE_CLASSIFIERS: set[str] = set(CLS.get("window", {}).get("people_classifiers", "个"))
COORDINATED: set[str] = set(CLS.get("coordinated", {}).get("words", []))
#: a bare number after these words counts what they say (歼敌四千多 -> person)
BARE_BEFORE: dict[str, str] = CLS.get("bare_before", {})
#: 港币二百万元: a currency right before a number in 元 gives the figure its unit
CURRENCY_BEFORE: dict[str, str] = CLS.get("currency_before", {})
FACTOR: dict[str, tuple[str, Decimal]] = {k: (v[0], Decimal(v[1])) for k, v in CLS["factor"].items()}
PREFIX_Q: dict[str, str] = QUAL["prefix"]
INNER_Q: dict[str, str] = QUAL["inner"]
SUFFIX_Q: dict[str, str] = QUAL["suffix"]
RELATIVE: dict[str, list] = DATES["relative"]
FESTIVALS: dict[str, int] = DATES["festivals"]
LUNAR_MONTHS: dict[str, int] = DATES["months"]
MONTH_SUFFIX: list[str] = DATES["month_suffix"]["words"]
DURATION_AFTER: list[str] = DATES["duration_after"]["words"]

#: classifiers that name a unit of an organisation/place: 三区 = "District 3" (ordinal)
ORDINAL_NOUNS = {"区", "连", "排", "班", "号", "等", "级", "团", "营", "师", "纵", "中队", "大队", "支队", "分区"}
#: units after which digits go on as decimals: 二米二五 = 2.25 m, 十三秒五 = 13.5 s
DECIMAL_AFTER = {"米", "公尺", "秒"}

_NUMCH = set(NUMERAL_CHARS) | {"几", "幾"}
#: a unit word that starts a longer noun is no unit: 国营, 石油, 架子, 人民
NOT_BEFORE: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in CLS["not_before"].items()}


def _alt(words) -> str:
    """A trie-shaped regex alternation (fast in sre) for literal words."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _cls(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


_DIGIT_CHARS = "零〇○一二两三四五六七八九壹贰貳叁參叄肆伍陆陸柒捌玖兩0123456789０１２３４５６７８９"
NUMCH = _cls(_NUMCH)
D = _cls(_DIGIT_CHARS)
#: a negative word stands aside when one of these follows (一面旗帜, 一道彩虹, 这一举措)
NEG_EXCEPT: dict[str, list[str]] = _NEG_DATA.get("unless_followed_by", {})


def _neg_re(words) -> str:
    plain = [w for w in words if w not in NEG_EXCEPT]
    parts = ["(?:" + _alt(plain) + ")"] if plain else []
    parts += [re.escape(w) + "(?!" + _alt(NEG_EXCEPT[w]) + ")" for w in words if w in NEG_EXCEPT]
    return "(?:" + "|".join(parts) + ")"


#: negative words that end in a numeral (统一, 划一, 如一) do not apply before more numerals or a
#: counting classifier (计划一百吨, 正如一位读者)
_NUM_END = [w for w in NEG_WORDS if w[-1] in _NUMCH]
NEG_ALT = (
    _neg_re([w for w in NEG_WORDS if w[-1] not in _NUMCH or len(w) > 2])
    + "|"
    + _neg_re([w for w in _NUM_END if len(w) <= 2])
    + rf"(?![{''.join(sorted(_NUMCH))}个位只名次件条张座盏面道把块片股阵声朵群根])"
)
_neg_impure = [w for w in NEG_WORDS if w[0] in _NUMCH and any(c not in _NUMCH for c in w)]
_neg_pure = [w for w in NEG_WORDS if all(c in _NUMCH for c in w)]
NEGLOOK = "(?:" + _neg_re(_neg_impure) + ")(?!(?<=分)之)"  # 十分之一 is a fraction; 千钧一发之际 an idiom
PURENEG = _alt(_neg_pure)

_CN_D = "零〇○一二两三四五六七八九"
#: 、 inside a numeral: thousands (六、七○二、三○五) or a range of neighbouring digits (七、八百)
_PAIR_GLUE = "|".join(f"(?<={p[0]})、(?={p[1]})" for p in sorted(RANGE_PAIRS))
RUN = (
    rf"(?:(?:(?<=第)|(?!{NEGLOOK}))(?![千万][瓦卡]|千克|千伏){NUMCH}|数(?=[十百千万亿])|(?<![0-9０-９])[.．](?=[0-9０-９]))"
    rf"(?:(?![千万][瓦卡]|千克|千伏|(?<=[0-9０-９零〇○二三四五六七八九])[两兩](?=[个個年天月次位人家项种国省县地点方者岸侧旁倍批期届卷本部条张件座所辆艘架台场门篇幅集章节段句路]))(?:(?<![0-9０-９])[零〇○一二两三四五六七八九]|(?![零〇○一二两三四五六七八九]){NUMCH}|(?<=十)数(?![量字据学目额]))"
    rf"|(?<={NUMCH})[点點.．](?={D})(?!{NEGLOOK})"
    rf"|(?<=[0-9０-９])[,，](?=[0-9０-９]{{3}}(?![0-9０-９]))"
    rf"|(?<=[0-9０-９])·(?=[0-9０-９])"
    rf"|(?<=[0-9０-９]) ?[.．] ?(?=[0-9０-９])"
    rf"|(?<=[十百千万亿拾佰仟萬億0-9０-９])[多余餘](?=[万亿萬億])"
    rf"|(?<=[{_CN_D}])、(?=[{_CN_D}]{{3}}(?![{_CN_D}]))"
    rf"|{_PAIR_GLUE})*"
)

_PRE = sorted(PREFIX_Q, key=len, reverse=True)
#: a qualifier that ends a word is no qualifier: 节约 (economise) 七百万元, 附近, 不超过
_NOT_AFTER: dict[str, str] = QUAL.get("not_after", {})
PRE = "|".join(
    (f"(?<![{re.escape(_NOT_AFTER[w])}]){re.escape(w)}" if w in _NOT_AFTER else re.escape(w)) for w in _PRE
)

#: 超过 after a comparison (较二月份超过百分之廿) is the verb "exceed by", not "more than"
_VERB_PRE = {"超过", "超出"}
_COMPARE_BEFORE = re.compile(r"(?:比(?![赛例重率较如方])|较(?![为大多少高低好快长差小强早]))[^，。；！？：\n]*$")
#: 约为…的 / 约比…增加: the qualifier stands before the comparison, the figure comes after it
_ABOUT_COMPARE = re.compile(r"(?<![节制契条公预简邀合婚])约(?:比|较|为|占|是|等于)(?P<gap>[^，。；！？：、\n]*)$")
_YEARS_IN_GAP = re.compile(r"[0-9０-９一二三四五六七八九〇○零]{2,4}年(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}日)?)?")
#: 近三年来: 近 with a duration and these after it is "the recent N years"
_RECENT_AFTER = ("来", "以来", "中", "里", "内", "间")
#: 九，二二写 / 九，二二 at the end of a line: a signature date
_SIGNED_DATE = re.compile(r"(?P<d>[一二三四五六七八九十]{1,3})日?(?=写|作|夜|晨|于|草|改|稿|[ \t\u3000]*(?:\n|$))")
#: 纺织一厂, 炸弹三所, 采煤十六组: units of a works' name (see _short_name) and the words before a count
_SHORT_NAME_UNITS = {"厂", "所", "组"}
_SHORT_NAME_NOT_AFTER = set("是有共计建办设立成了的各和及与这那一每该此进入到看供在为达约近余多分编第另")
#: 一 + one character ending its clause (一站，一扫，一算，): a verb done once
_ONE_VERB_END = re.compile(r"[站扫抄算量吐挥推拉踩瞧瞅望跺蹬摆甩捅拽砸][，。；！？：,;!?]")
#: 一 + a verb + 就/便 (一住就是一个月, 一有消息，就开会): "as soon as"
_AS_SOON_AS = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:就|便)|[有到想看听开进出走来去见提说碰遇接拿抓打问查算]{1}[\u4e00-\u9fff]{0,4}?[，,](?:就|便)")
#: round numbers before 把 ("or so"): 千把人, 万把块钱, 百把斤
_BA_ROUND = {"百", "千", "万", "一百", "一千", "一万"}
_SLASH = re.compile(r"(?P<slash>[0-9０-９]{1,3}[／/][0-9０-９]{1,3})(?![0-9０-９／/])")
#: after N块 these keep it money (五块钱, 五块的, 五块多, 三块五)
_KUAI_NOUN_KEYS = {"plot", "silver_dollar", "yuan", "usd"}
_KUAI_MONEY_AFTER = set("钱的多余来左右上下以一半买卖给交付收花")
_ENUM_NEXT = {"一": "二", "二": "三", "三": "四", "四": "五", "五": "六", "六": "七", "七": "八", "八": "九", "九": "十"}
_ENUM_PREV = {v: k for k, v in _ENUM_NEXT.items()}
#: 一月结算一次: once a month
_ONCE_A_MONTH = re.compile(r"[^\W\d_了份日号底初中末]{0,3}?一次")
#: 班 counts shifts in a works, squads among troops
_WORKS_WORDS = re.compile(r"厂|车间|工人|职工|工厂|矿|倒班|轮班|夜班|生产")
_TROOPS_WORDS = re.compile(r"部队|战士|连队|排长|班长|民兵|军|战斗|指导员|营长|连长")
#: a qualifier right before 半数 (近半数, 几乎有半数)
_PRE_END = re.compile(rf"(?P<p>{PRE})(?:有|为)?$")

#: 完成百分之九十, 变成千...: 成 ending a verb is no "by the hundreds"
_CHENG_NOT_AFTER = "完变组形造达构促合养赞建改做制换分折装写译结生收集落长"
_VAGUE_BASE = {"十": 10, "百": 100, "千": 1000, "万": 10000, "十万": 100000, "百万": 1000000, "千万": 10000000, "亿": 100000000}

#: 约为蒋币五亿元: a currency between the qualifier and its number
_BETWEEN = "(?:" + _alt(QUAL.get("between", {}).get("words", [])) + ")?" if QUAL.get("between") else ""

MASTER = re.compile(
    rf"(?P<iso>[0-9０-９]{{4}}[-－/][0-9０-９]{{1,2}}[-－/][0-9０-９]{{1,2}})(?![0-9０-９])"
    rf"|(?P<fest>{_alt(FESTIVALS)})"
    rf"|(?P<rel>{_alt(RELATIVE)})"
    rf"|(?P<lmon>{_alt(LUNAR_MONTHS)})(?:初(?P<lday>[一二三四五六七八九十]))?"
    rf"|(?P<paren>[（(][一二三四五六七八九十]{{1,3}}[）)])"
    rf"|(?P<jiabei>加倍|翻了?(?P<fan>[一两二三四五六七八九十]{{1,2}})番)"
    rf"|(?P<halfw>半)(?=个|個|数|數|年|天|月|日|小时|钟头|里|斤|亩|吨|米|公里|尺|寸|晌)"
    rf"|(?P<slash>[0-9０-９]{{1,3}}[／/][0-9０-９]{{1,3}})(?![0-9０-９／/])"
    rf"|(?P<neg1>第一线)"
    rf"|(?:(?P<pre>{PRE})(?:有|为)?{_BETWEEN})?(?P<ord>第)?(?P<sign>负 ?|負 ?|(?<![0-9０-９])[-－] ?|(?<=[为是、和及达：:])—(?=[0-9０-９]))?(?P<pct>百分之|千分之|万分之|零下)?(?P<pt>(?<=之)[点點](?={D}))?(?!(?:{PURENEG})(?!{NUMCH}))(?P<num>{RUN})"
    rf"(?:(?P<fz>分之)(?P<den>{RUN}))?"
    rf"|(?P<vague>数以(?P<vn1>十万|百万|千万|百|千|万|亿)计|(?<![{_CHENG_NOT_AFTER}])成(?P<vn2>百|千|万)(?![分上成倍古里]))"
    rf"|(?P<shang>上)(?=[百千万亿])"
    rf"|(?P<neg>{NEG_ALT})"
)

#: every character a MASTER match can start with: a cheap charset scan finds candidates,
#: MASTER.match is tried only there
_FIRST = (
    set(_NUMCH) | set("数.．第负負-－—（(加翻半上成")
    | {w[0] for w in PREFIX_Q} | {w[0] for w in FESTIVALS} | {w[0] for w in RELATIVE}
    | {w[0] for w in LUNAR_MONTHS} | {w[0] for w in NEG_WORDS}
)
SCAN = re.compile(_cls(_FIRST))

_UNIT_WORDS = set(UNIT_OF) | set(GENERIC) | set(FACTOR)
UNIT_ALT = _alt(_UNIT_WORDS)
TAIL = re.compile(
    rf"(?P<inner>[多余餘](?![年]?以)|来(?=[个個]|{UNIT_ALT}))?"
    rf"(?P<ge>[个個](?![人]?[性别体]))?"
    rf"(?P<inner_ge>[多余](?=月|钟头|小时|星期|礼拜))?"
    rf"(?P<half>半(?![数岛导边途信殖封工壁自]))?"
    rf"(?P<unit>{UNIT_ALT})?"
    rf"(?P<half2>半(?![年月天日小数个岛导边途信殖封工壁自]))?"
    rf"(?P<inner2>[多余餘](?![年]?以))?"
    rf"(?P<post>{_alt(SUFFIX_Q)})?"
)
NOUN_AFTER = re.compile(rf"(?:大|小|新|旧|老|主要|重要|大型|小型|较大的)?(?P<noun>{_alt(NOUNS)})")
NOUN_BEFORE = re.compile(rf"(?:{_alt(NOUNS)})")
_WIN = CLS.get("window", {})
_WIN_MAX: int = _WIN.get("max", 12)
_WIN_STOP = re.compile(_WIN.get("stop", r"[，。、；：！？]"))
_WIN_NOUN = re.compile(_alt(set(NOUNS) | set(NOT_NOUNS)))
_ANA_MAX: int = _WIN.get("anaphora_max", 300)
_ANA_SENT_MAX: int = _WIN.get("anaphora_sentence_max", 40)
_PEOPLE_MAX: int = _WIN.get("people_max", 4)
_TITLE_MAX: int = _WIN.get("title_max", 40)
_DETERMINERS = set(_WIN.get("determiners", "该本这那此其每各全一"))
_BARE_PERSON = re.compile(rf"[\u4e00-\u9fff]{{1,3}}?(?P<noun>{_alt([w for w, k in NOUNS.items() if k == 'person' and len(w) >= 2])})")
_CURRENCY_BEFORE_RE = re.compile(rf"(?:{_alt(CURRENCY_BEFORE)})(?:约|共|计|共计|达)?$") if CURRENCY_BEFORE else None
_BARE_BEFORE_RE = re.compile(rf"(?:{_alt(BARE_BEFORE)})$") if BARE_BEFORE else None
#: 水渠，共二十四条 / 大矿就有五百个: a noun, then linking words, then the number
_BEFORE_RE = re.compile(
    rf"(?P<noun>{_alt(set(NOUNS) | set(NOT_NOUNS))})(?P<link>{_WIN.get('before_link', '')})$"
)
_RUN_RE = re.compile(RUN)
_PEOPLE_AFTER = re.compile(r"人民(?!币|公社|政府|日报|银行|代表|解放军|法院|检察|委员|大会|政协|广播|出版|大学|医院|英雄|警察|公安|武装|民主|共和|内部|群众团体)")
_DUN_TAIL = re.compile(rf"、(?P<n2>[一二两三四五六七八九十])")
_SMALL_CN = set("一二两三四五六七八九十")
#: what follows a go player's rank (九段、 / 九段和 / 九段战胜): names and games, no section
_DAN_AFTER = re.compile(r"、|和|与|同|战胜|击败|负于|对|迎战|执黑|执白|展开|以|在|将|也|都|均|分别|获|）|\)")
_GO_WORDS = re.compile(r"棋|对局|擂台|段位|名人战|天元|棋圣")
_PAREN_NOUN = re.compile(rf"(?P<noun>{_alt(set(NOUNS) | set(NOT_NOUNS))})(?:总和|总数|总计|合计|数)?$")
RANGE_TAIL = re.compile(rf"(?:至|到|~|～|—{{1,2}}|－|-)(?P<pct2>百分之)?(?P<n2>{RUN})")
MONTH_DAY = re.compile(rf"(?P<m>{RUN})月(?:(?P<d>{RUN})[日号])?")
DAY_AFTER_MONTH = re.compile(rf"(?P<d>{RUN})[日号]")
MONTH_SUFFIX_RE = re.compile(_alt(MONTH_SUFFIX))
DURATION_RE = re.compile(_alt(DURATION_AFTER))
MONEY_JIAO = re.compile(rf"(?P<j>{RUN})[角毛](?:(?P<f>{RUN})分)?")
MONEY_FEN = re.compile(rf"(?P<f>{RUN})分(?P<cur>钱|美元|美金)?")
CONGRESS = re.compile(r"大(?![家型量小批片部多概约都众学会街队肆])")
CONGRESS_BEFORE = re.compile(r"(?:党的|中共|越共|共产党|参加|参加了|开完|学习|落实|贯彻|按照|实现|召开|举行)$")
#: 加倍 before a verb or adjective is an adverb (加倍努力: redouble), not a multiple
JIABEI_ADVERB = re.compile(r"地|努力|严格|注意|警惕|小心|工作|爱护|珍惜|奋斗|用功|认真|提高警惕")
CONGRESS_AFTER = re.compile(r"精神|提出|报告|以来|所|对党|上当选|开拓|制定|通过|召开|依据|再次|路线|决议|文件|代表|前夕|期间|后|闭幕|开幕|全面|确定|与|专辑|会议|战略|[’”』」]")
CLOCK_BEFORE = re.compile(r"(?:上午|下午|早上|早晨|晚上|凌晨|中午|傍晚|夜里|夜间|清晨)$")
MINUTES = re.compile(rf"(?P<mi>{RUN})分(?!之)")
MU_FEN = re.compile(rf"(?P<f>{RUN})分(?:(?P<l>{RUN})厘)?")
CUR_AFTER = re.compile(r"钱|美元|美金")
DIGITS_ONLY = re.compile(r"[零〇○一二三四五六七八九]+")
CHENG = re.compile(r"成(?![为立功绩员果就本品交熟了语群])")
LINE_START = re.compile(r"(?:^|\n)[ \t\u3000]*$")

_HALF = Decimal("0.5")
#: financial capitals that are ordinary characters when they stand alone (队伍, 陆续, 收拾)
FINANCIAL_ALONE = set("壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ARABIC = set("0123456789０１２３４５６７８９")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
#: letters then a digit or 型/号 after a number make a code (５０１０Ｘ型); 1.3nm is a number
_CODE_AFTER = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]+(?:[0-9０-９]|[型号式]|$)")
#: ＧＤＰ７万亿元: a scale word makes a number even right after letters
_SCALE_IN = re.compile(r"[万亿萬億]|[0-9０-９][百千]")
_KMG = re.compile(r"[KkMG](?![A-Za-z])")
#: unit keys a following noun may refine (十四座水库 -> reservoir, 八十匹马 -> head)
NOUN_OVERRIDABLE = {"piece", "vehicle", "bolt", "machine", "head", "household", "item", "kind", "boat", "aircraft", "trip"}
#: classifiers whose reduplication (一件件) means "one by one"
_REDUP_OK = {w for w in set(GENERIC) | {k for k, v in UNIT_OF.items() if v in NOUN_OVERRIDABLE} if len(w) == 1}
_PCT_DIV = {"百分之": 1, "千分之": 1000, "万分之": 10000}


def _val(text: str):
    return parse_numeral(text)


def _q(text, s, e, value, high=None, unit=None, approx=None, kind="number", scale=None, unit_text=None):
    return Quantity(text[s:e], s, e, norm(value), None if high is None else norm(high), unit, approx, kind, scale, unit_text)


def _noun_value(word: str) -> str | None:
    """The unit key of a lexicon noun; "" = a counted noun with no key of its own."""
    return NOUNS.get(word)


def _noun_after(text: str, pos: int, people: bool = True) -> str | None:
    """The head noun counted by a classifier ending at ``pos``: 四个【规模巨大的国营棉纺织厂】.

    Looks at up to ``[window] max`` characters of modifiers, stopping at punctuation or a
    verb-like word (``[window] stop``: 是, 在, 派出, 帮助 ...; a stop inside a lexicon noun
    does not count: 生产小组); the first lexicon noun is the head unless another noun follows
    right after it (村合作社 -> 合作社: Chinese compounds are head-final). Words of
    ``[not_nouns]`` (社会主义, 国营, 人民) are stepped over. ``people=False``: a noun of people
    counts only right after the classifier (炸弹三所刘致明同志: 所 counts no people).
    Returns the key, "" for a counted noun with no key (方面, 问题: the classifier's
    default), None if none.
    """
    end = min(len(text), pos + _WIN_MAX)
    nouns = list(_WIN_NOUN.finditer(text, pos, end))
    for st in _WIN_STOP.finditer(text, pos, end):
        if any(m.start() <= st.start() < m.end() for m in nouns):
            continue  # 生产小组: 生产 is part of the noun
        if st.group() == "、" and 0 < st.start() - pos <= 4 and all(
            m.group() in NOT_NOUNS for m in nouns if m.end() <= st.start()
        ):
            continue  # 八十个国营、地方国营工厂, 二个大、小工厂: 、 between short modifiers
        end = st.start()
        break
    head = None
    for m in nouns:
        if m.end() > end:
            break
        w = m.group()
        if w in NOT_NOUNS or text.startswith(NOUN_NOT_BEFORE.get(w, ()), m.end()):
            if head is not None:
                break
            continue
        if head is not None:
            gap = text[head.end() : m.start()]
            if NOUNS[w] == "person" or (gap and any(c in _NUMCH or c in _GAP_BREAK for c in gap)):
                break  # 三个村的农民, 两个村五百户, 五个工厂职工, 十四个水库和…工程: the first noun is counted
            if gap and (w in IMMEDIATE_ONLY or not NOUNS[w]):
                continue  # 肉山羊商品基地: a one-character or keyless noun further on does not take over
            # 村合作社 (adjacent), 城市生活污水处理厂 (a compound ends in its head)
        elif m.start() != pos and text[m.start() - 1] in _NUMCH:
            return None  # 九幢楼386户: the noun is counted by another number
        elif m.start() != pos and NOUNS[w] == "person" and (
            not people or m.start() - pos > _PEOPLE_MAX or any(c in _NUMCH for c in text[pos : m.start()])
        ):
            return None  # 炸弹三所刘致明同志, 两个文明建设中…工人, 一个几十万人口的社区
        elif m.start() != pos and w in IMMEDIATE_ONLY:
            continue
        head = m
    if head is None:
        return None
    w = head.group()
    if w in COORDINATED and text.startswith("、", head.end()) and text[head.end() + 1 : head.end() + 2] in COORDINATED:
        k2 = NOUNS[text[head.end() + 1]]
        if k2 and k2 != NOUNS[w]:
            return f"{NOUNS[w]}_{k2}"  # 9个省、市: provinces and cities
    return NOUNS[w]


def _noun_before(text: str, num_start: int, allow_have: bool, tail_end: int | None = None) -> str | None:
    """A noun right before the number it is counted by (新开渠二十四道, 水渠，共二十四条,
    大矿就有五百个). Not after a determiner (该厂有两个蒸锅: the container, not the noun
    counted); 有 links only when ``allow_have``."""
    if tail_end is not None and tail_end < len(text) and not _WIN_STOP.match(text, tail_end):
        return None  # 车站3245个计算机售票窗口: a noun follows, the one before is another phrase's
    lo = max(0, num_start - 12)
    m = _BEFORE_RE.search(text, lo, num_start)
    if m is None:
        if num_start > 0 and text[num_start - 1] in "（(" and text.startswith(("）", ")"), tail_end or num_start):
            # 矿点总和（四万四千个）: a number in brackets counts the noun just before them
            pm = _PAREN_NOUN.search(text, max(0, num_start - 9), num_start - 1)
            if pm and pm.group("noun") not in NOT_NOUNS and pm.group("noun") not in BEFORE_NEVER:
                return NOUNS[pm.group("noun")] or None
        return None
    if not allow_have and "有" in m.group("link"):
        return None
    ns = m.start("noun")
    if ns > 0 and text[ns - 1] in _DETERMINERS:
        return None
    w = m.group("noun")
    if w in NOT_NOUNS or w in BEFORE_NEVER or w in IMMEDIATE_ONLY:
        return None
    return NOUNS[w]


def _unit_key(text: str, unit_text: str | None, num_start: int, tail_end: int) -> str | None:
    """Canonical key of a unit/classifier; generic classifiers look at the noun.

    Order: the noun after the classifier (a window of modifiers), the noun right before
    the number, the nearest noun of the same classifier earlier in the paragraph
    (anaphora), then the classifier's default."""
    if unit_text is None:
        return None
    if unit_text in UNIT_OF:
        key = UNIT_OF[unit_text]
        if unit_text in COORDINATED and text.startswith("、", tail_end) and text[tail_end + 1 : tail_end + 2] in COORDINATED:
            k2 = NOUNS.get(text[tail_end + 1])
            if k2 and k2 != key:
                return f"{key}_{k2}"  # 9个省、市: provinces and cities
        if key == "household":
            # 百余家工厂 -> factory; 三百户农民 stays household (the measure), 7户东乡族社员 too
            if unit_text != "家":
                m = NOUN_AFTER.match(text, tail_end)
                n = NOUNS[m.group("noun")] if m else None
                return n if n and n not in ("person", "household") and m.group("noun") not in BEFORE_NEVER else key
            # 家 counts firms as well as families: 百余家工厂, 数十家独资、合资企业, 工厂百余家
            n = _noun_after(text, tail_end, False)
            if n is None:
                n = _noun_before(text, num_start, False, tail_end)
            return n if n and n not in ("person", "household") else key
        if unit_text == "块":
            n = _noun_after(text, tail_end, False)  # 三块地 (plots), 十块银元; 五块 (yuan)
            if n in _KUAI_NOUN_KEYS:
                return n  # 三块地, 十块银元 (一块羊油, 一块红布: a piece of it)
            nxt = text[tail_end : tail_end + 1]
            if nxt and _CJK.match(nxt) and nxt not in _KUAI_MONEY_AFTER and nxt not in _NUMCH:
                return "piece"  # 一块石头, 六块尖碑: a piece of something
            return key
        if key in NOUN_OVERRIDABLE:
            n = _counted_noun(text, unit_text, num_start, tail_end, False, False)
            return key if n == "item" and key != "piece" else n or key  # 一种意见 stays a kind; 三件建议 items
        return key
    if unit_text in FACTOR:
        return FACTOR[unit_text][0]
    if unit_text == "班" and _works_paragraph(text, num_start):
        return "shift"  # 过去四个班还要拖延 (a factory): shifts, not squads
    if unit_text in ORDINAL_NOUNS:
        return GENERIC.get(unit_text) or unit_text
    if unit_text in NO_NOUN:
        return GENERIC.get(unit_text) or unit_text
    if unit_text in GENERIC:
        n = _counted_noun(text, unit_text, num_start, tail_end, unit_text in PEOPLE_CLASSIFIERS, True)
        return n or GENERIC[unit_text] or unit_text
    return unit_text


def _counted_noun(text, unit_text, num_start, tail_end, people_after, phrase_end_before):
    """The noun a classifier counts: after it, else right before the number, else named
    earlier (anaphora). "" when a search rejected the context outright, None when nothing
    was found."""
    n = _noun_after(text, tail_end, people_after)
    if n is None:
        n = _noun_before(text, num_start, phrase_end_before, tail_end)
        if n is None:
            n = _anaphora(text, unit_text, num_start, tail_end)
    return n


_ANAPHORA_RE = {k: re.compile(_alt(v)) for k, v in ANAPHORA.items()}
_ANAPHORA_SENT_RE = {k: re.compile(_alt(v)) for k, v in ANAPHORA_SENTENCE.items()}
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_LINE_END = re.compile(r"\n")


#: between two nouns of the window, these end the compound (的, 和: the first noun is counted)
_GAP_BREAK = set("的和与及或跟同")
_PHRASE_END = re.compile(r"[，。、；：！？,.;:!?）)”’\n]")
_PARTITIVE = ("中", "之中", "里", "当中")


def _anaphora(text: str, unit_text: str, num_start: int, tail_end: int) -> str | None:
    """The nearest noun counted by this classifier earlier in the same paragraph (line),
    ``[anaphora]``; or in the same sentence, close by, ``[anaphora_sentence]``: only when the
    classifier ends its phrase (减到两个，) or counts a part of a whole named just before
    (四个孩子中三个: 祖国的一个献礼 counts something unnamed). A short line (a title) also
    looks at the line before it."""
    rx = _ANAPHORA_SENT_RE.get(unit_text)
    if rx is not None:
        lo = max(0, num_start - _ANA_SENT_MAX)
        window = text[lo:num_start]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        if ends:
            window = window[ends[-1] :]
        after = text[tail_end : tail_end + 1]
        last = None
        for m in rx.finditer(window):
            if not after or _PHRASE_END.match(after) or window.startswith(_PARTITIVE, m.end()):
                last = m.group()
        if last:
            return NOUNS.get(last) or None
    rx = _ANAPHORA_RE.get(unit_text)
    if rx is None:
        return None
    lo = max(0, num_start - _ANA_MAX)
    nl = text.rfind("\n", lo, num_start)
    start = nl + 1 if nl >= 0 else lo
    last = None
    for m in rx.finditer(text, start, num_start):
        last = m.group()
    if last is None and nl >= 0:
        line_end = text.find("\n", num_start)
        line = text[start : line_end if line_end >= 0 else len(text)]
        if len(line.strip()) <= _TITLE_MAX and "。" not in line:
            prev = text.rfind("\n", lo, max(lo, nl))
            for m in rx.finditer(text, prev + 1 if prev >= 0 else lo, nl):
                last = m.group()
    return NOUNS.get(last) or None if last else None


def _date_or_duration(text, s, num_s, e, nv, unit_text, ge):
    """N年 / N月 / N日 / N时: a date (kind date) or a duration; returns Quantity or None."""
    v = nv.value
    after = e
    dur = DURATION_RE.match(text, after)
    is_int = nv.high is None and v == v.to_integral_value()
    if unit_text == "年" and text.startswith("代", e) and is_int and 10 <= v <= 90 and v % 10 == 0:
        return _q(text, s, e + 1, 1900 + v, unit="decade", kind="date")
    if unit_text == "年":
        arabic = text[num_s] in "0123456789０１２３４５６７８９"
        two = e - 1 - num_s == 2 and all(c in "零〇○一二三四五六七八九" for c in text[num_s : e - 1])
        if two and nv.digitwise and is_int and not ge:
            # 五八年, 九七年, ○三年: a year of the century written with its last two digits
            v = (2000 if text[num_s] in "零〇○" else 1900) + v
        elif ge or not (nv.digitwise and is_int and (1000 <= v <= 2100 or (arabic and 100 <= v < 1000 and e - num_s == 4))):
            return None
        md = MONTH_DAY.match(text, e)
        if md:
            m = _val(md.group("m"))
            if m and m.high is None and 1 <= m.value <= 12:
                d = _val(md.group("d")) if md.group("d") else None
                if md.group("d") and d and d.high is None and 1 <= d.value <= 31:
                    return _q(text, s, md.end(), v * 10000 + m.value * 100 + d.value, unit="date", kind="date")
                end = md.end() if not md.group("d") else md.start("d")
                ms = MONTH_SUFFIX_RE.match(text, end)
                return _q(text, s, ms.end() if ms else end, v * 100 + m.value, unit="month", kind="date")
        return _q(text, s, e, v, unit="year", kind="date")
    if unit_text == "月" and nv.high is not None:
        if ge or dur or not (1 <= v <= 12 and 1 <= nv.high <= 12) or v != v.to_integral_value():
            return None
        ms = MONTH_SUFFIX_RE.match(text, e)
        return _q(text, s, ms.end() if ms else e, v, nv.high, unit="month", kind="date")
    if unit_text == "月":
        if ge or not is_int or not (1 <= v <= 12) or text[num_s] in "两兩" or dur:
            return None
        if text[num_s] == "一" and e - num_s == 2 and _ONCE_A_MONTH.match(text, e):
            return None  # 一月结算一次, 一月分一次红: once a month, not January
        dm = DAY_AFTER_MONTH.match(text, e)
        if dm:
            d = _val(dm.group("d"))
            if d and d.high is None and 1 <= d.value <= 31:
                return _q(text, s, dm.end(), v * 100 + d.value, unit="date", kind="date")
        ms = MONTH_SUFFIX_RE.match(text, e)
        return _q(text, s, ms.end() if ms else e, v, unit="month", kind="date")
    if unit_text in ("日", "号"):
        if ge or not is_int or not (1 <= v <= 31) or dur or text[num_s] in "两兩":
            return None
        return _q(text, s, e, v, unit="day", kind="date")
    if unit_text in ("时", "点钟", "点多钟"):
        if ge or not (0 <= v <= 24) or dur:
            return None
        mm = MINUTES.match(text, e)
        if mm and unit_text == "时":
            mv = _val(mm.group("mi"))
            if mv is not None and mv.high is None and 0 <= mv.value < 60:
                return _q(text, s, mm.end(), v * 100 + mv.value, unit="time", kind="date")
        return _q(text, s, e, v, unit="hour", kind="date")
    return None


def _short_name(text, s, num_s, e, unit_text, value, high, ge, approx, inner, inner2, half, post) -> bool:
    """纺织一厂, 炸弹三所, 采煤十六组: a trade word, a small number and 厂/所/组 run on into the
    sentence (纺织一厂达到…): the name of a works. A count ends its phrase (砖窑三组，), follows a
    verb or a determiner (建了三所, 这一组), says 两 (长春两所) or names what it counts (三所学校)."""
    if ge or approx or inner or inner2 or half or post or high is not None or text[num_s] in "两兩":
        return False
    if not (1 <= value <= 30 and value == value.to_integral_value()) or s == 0 or e >= len(text):
        return False
    before, after = text[s - 1], text[e]
    if before == "、" and s >= 3 and text[s - 2] == unit_text:
        pass  # 炸弹二所、三所: the second name of a list of names
    elif not _CJK.match(before) or before in _SHORT_NAME_NOT_AFTER or before in _NUMCH:
        return False
    if after == "、" and text.startswith(unit_text, e + 2) and text[e + 1] in _NUMCH:
        return True  # 二所、三所
    if not _CJK.match(after) or after in "个":
        return False
    n = _noun_after(text, e, False)
    return n is None or (n == "person" and unit_text != "组")  # 川棉一厂职工: the works' workers
def _works_paragraph(text: str, pos: int) -> bool:
    """The paragraph around ``pos`` speaks of a works (厂, 车间, 工人 ...) and not of troops."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    para = text[lo : hi if hi >= 0 else len(text)]
    return bool(_WORKS_WORDS.search(para)) and not _TROOPS_WORDS.search(para)


def _counts_list(text: str, s: int, value) -> bool:
    """家、新阳、松浦、顾乡五区: the number counts the names listed before it (joined by 、)."""
    lo = max(0, s - 40)
    k = max(text.rfind(c, lo, s) for c in "，。；：！？\n,;:")
    seg = text[max(lo, k + 1) : s]
    if "、" not in seg or seg.count("、") + 1 != value:
        return False
    items = seg.split("、")
    # names: short runs of characters, no numerals (一号机、二号机 are names with numbers) or quotes
    return all(1 <= len(w) <= 8 and _CJK.match(w[-1]) and not any(c in _NUMCH for c in w) for w in items)


def _enumeration(text: str, num_s: int, num_text: str) -> bool:
    """一怕…，二怕…; 一是…二是…: a bare digit before a word that the next digit (or the one
    before) repeats close by is an item number."""
    w = text[num_s + 1 : num_s + 2]
    if not w or not _CJK.match(w) or w in _NUMCH:
        return False
    nxt, prv = _ENUM_NEXT.get(num_text), _ENUM_PREV.get(num_text)
    return (nxt is not None and text.find(nxt + w, num_s + 2, num_s + 42) >= 0) or (
        prv is not None and text.find(prv + w, max(0, num_s - 40), num_s) >= 0
    )


def _about_compare(text: str, s: int) -> bool:
    """约为/约比/约占 … before the figure in its clause, with no other number between (years aside)."""
    if text.rfind("约", max(0, s - 24), s) < 0:
        return False
    ac = _ABOUT_COMPARE.search(text, max(0, s - 24), s)
    return bool(ac) and not any(c in _NUMCH for c in _YEARS_IN_GAP.sub("", ac.group("gap")))


def _rule_numeral(text: str, m: re.Match, shang_ok: bool = False) -> list[Quantity]:
    """[qualifier][第][百分之] numeral [分之 numeral] + tail -> Quantity (or several).
    ``shang_ok``: called by 上百万 (a bare scale word is a number there)."""
    s, num_s, num_e = m.start(), m.start("num"), m.end("num")
    num_text = (m.group("pt") or "") + m.group("num")
    if m.group("pt"):
        num_text = "零" + num_text
    pre, ordw, pct = m.group("pre"), m.group("ord"), m.group("pct")
    approx = PREFIX_Q.get(pre) if pre else None
    if pre in _VERB_PRE and _COMPARE_BEFORE.search(text, max(0, s - 20), s):
        # 成品较二月份超过百分之廿: after a comparison 超过 is the verb (exceeded by 20%)
        approx = None
        s = min(m.start(g) for g in ("ord", "sign", "pct", "pt", "num") if m.group(g) is not None)
    if (num_s > 0 and _LATIN.match(text, num_s - 1) and num_text[0] in _ARABIC and not _SCALE_IN.search(num_text)) or (
        num_text[-1] in _ARABIC and _CODE_AFTER.match(text, num_e) and not _KMG.match(text, num_e)
    ):
        return []  # ＨＭＣ５０１０Ｘ, B29: a code, not a number
    if num_e < len(text) and text[num_e] in "型式" and len(num_text) >= 2 and all(c in _ARABIC for c in num_text):
        return []  # 马自达３２３型轿车, 米２４式: a model number
    if len(num_text) == 1 and num_text in FINANCIAL_ALONE and (
        _CJK.match(text, num_e) or (num_s > 0 and _CJK.match(text, num_s - 1) and not m.group("sign"))
    ):
        return []  # 队伍, 陆续, 收拾: a capital standing alone among words is no numeral
    if num_text in ("十", "百", "千") and text.startswith("之", num_e) and not ordw and not pct:
        fm = _RUN_RE.match(text, num_e + 1)
        fv = _val(fm.group()) if fm else None
        if fv is not None and fv.value < _VAGUE_BASE[num_text]:
            d = Decimal(_VAGUE_BASE[num_text])  # 十之八九: eight or nine in ten
            return [_q(text, s, fm.end(), fv.value / d, None if fv.high is None else fv.high / d, None, approx or ("about" if fv.high is not None else None), "fraction")]
    if num_text == "一" and text.startswith("大半", num_e) and not ordw and not pct:
        return [_q(text, s, num_e + 2, _HALF, approx=approx or "more_than", kind="fraction")]  # 一大半: the greater part
    if pre and num_e < len(text) and text[num_e] in "／/":
        sm = _SLASH.match(text, num_s)
        if sm:  # 约１／３, 近１／３: the qualifier belongs to the fraction
            fq = _rule_slash(text, sm)
            if fq:
                return [_q(text, s, fq[0].end, fq[0].value, approx=approx, kind="fraction")]
    if len(num_text) == 2 and num_text[0] in FINANCIAL_ALONE and num_text[1] in "两兩" and num_s > 0 and _CJK.match(text, num_s - 1):
        # 水陆两路: 陆 is a word of its own here; the number is 两
        m2 = MASTER.match(text, num_s + 1)
        return _rule_numeral(text, m2) if m2 is not None and m2.group("num") is not None else []
    nv = _val(num_text) if not (len(num_text) > 1 and num_text[-1] in "两兩" and num_text[-2] in "十百千万亿拾佰仟萬億") else None
    if nv is not None and not pre and not ordw and not pct and num_e < len(text) and text[num_e] in "，,、．":
        sg = _SIGNED_DATE.match(text, num_e + 1)
        if sg and nv.high is None and 1 <= nv.value <= 12 and LINE_START.search(text, max(0, s - 40), s):
            dv = _val(sg.group("d"))
            if dv is not None and dv.high is None and 1 <= dv.value <= 31 and nv.value == int(nv.value):
                # 九，二二写 closing an article: the day it was written (month 9, day 22)
                return [_q(text, s, sg.end("d"), nv.value * 100 + dv.value, unit="date", kind="date")]
    out: list[Quantity] = []
    if nv is None:
        # 七两 (7 liang), 一、二、三 (an enumeration): split and retry
        if len(num_text) > 1 and num_text[-1] in "两兩":
            nv = _val(num_text[:-1])
            if nv is not None and not pct and not ordw:
                return [_q(text, s, num_e, nv.value, nv.high, "liang", approx or nv.approx, scale=nv.scale, unit_text=num_text[-1])]
        if "、" in num_text:
            pos = num_s
            for i, part in enumerate(num_text.split("、")):
                pv = _val(part)
                if pv is not None:
                    st = s if (i == 0 and ordw) else pos
                    out.append(_q(text, st, pos + len(part), pv.value, pv.high, approx=pv.approx, scale=pv.scale, kind="ordinal" if ordw else "number"))
                pos += len(part) + 1
        return out
    value, high, scale = nv.value, nv.high, nv.scale
    if nv.approx:
        approx = approx or nv.approx
    e = num_e
    kind = "number"
    unit = None
    unit_text = None
    sign = -1 if (pct == "零下" or m.group("sign")) else 1
    kmg = re.match(r"[KkMG](?![A-Za-z])", text[e:e + 2]) if num_text[-1:] in "0123456789０１２３４５６７８９" else None
    if kmg:
        kv = _val(num_text + kmg.group())
        if kv is not None:
            value, e = kv.value, e + 1

    # 百分之四百三十二万分之四: the scale word before 分之 opens the next fraction (万分之四)
    if m.group("fz") and pct in _PCT_DIV and len(num_text) > 1 and num_text[-1] in "万千百":
        pv = _val(num_text[:-1])
        if pv is not None:
            div = Decimal(_PCT_DIV[pct])
            v = pv.value if div == 1 else pv.value / div
            first = _q(text, s, num_e - 1, sign * v, None, "percent" if div == 1 else None, approx, "percent" if div == 1 else "fraction", None, pct)
            m2 = MASTER.match(text, num_e - 1)  # the next fraction, read here: the scanner resumes after this match
            rest = _rule_numeral(text, m2) if m2 is not None and m2.group("num") is not None and m2.group("pct") else []
            return [first] + rest
    # fraction: 三分之一 (denominator first)
    if m.group("fz"):
        dv = _val(m.group("den"))
        if dv is None or value == 0:
            return []
        with localcontext() as ctx:
            ctx.prec = 28
            frac = dv.value / value
        if pct in _PCT_DIV:  # 百分之 + 分之 makes no sense
            return []
        return [_q(text, s, m.end(), sign * frac, None, None, approx, "fraction", unit_text=None)]

    if pct in _PCT_DIV:
        e2 = e
        rt = RANGE_TAIL.match(text, e)
        if rt:
            hv = _val(rt.group("n2"))
            if hv is not None and hv.high is None and hv.value > value:
                high, e2 = hv.value, rt.end()
        t = TAIL.match(text, e2)
        post = t.group("post") if t else None
        inner = t.group("inner2") or t.group("inner") if t else None
        if t and (post or inner) and not t.group("unit") and not t.group("ge"):
            e2 = t.end()
            approx = approx or SUFFIX_Q.get(post) or INNER_Q.get(inner or "")
        div = _PCT_DIV[pct]
        if approx is None and _about_compare(text, s):
            approx = "about"  # 约占全国的百分之三十
        if sign < 0:
            value, high = -value, (None if high is None else -high)
        if div == 1:
            return [_q(text, s, e2, value, high, "percent", approx, "percent", scale, unit_text=pct)]
        return [_q(text, s, e2, value / div, None if high is None else high / div, None, approx, "fraction", scale, pct)]

    # 三成 = 30 percent
    if not ordw:
        c = CHENG.match(text, e)
        if c:
            c_half = text.startswith("半", c.end()) and not text.startswith(("半数", "半岛"), c.end())
            t = TAIL.match(text, c.end() + c_half)
            e2 = c.end() + c_half
            if c_half:  # 一成半 = 15 percent
                value += _HALF
                high = None if high is None else high + _HALF
            post = None
            if t and not t.group("unit") and not t.group("ge") and (t.group("inner") or t.group("inner2") or t.group("post")):
                post = t.group("post")
                inn = t.group("inner") or t.group("inner2")
                approx = approx or (SUFFIX_Q.get(post) if post else INNER_Q.get(inn))
                e2 = t.end()
            if value <= 10 and (value == value.to_integral_value() or c_half):
                return [_q(text, s, e2, value * 10, None if high is None else high * 10, "percent", approx, "percent", scale, "成")]

    if text.startswith("把", e) and not ordw and fold(num_text) in _BA_ROUND:
        tb = TAIL.match(text, e + 1)
        if tb.group("unit") or tb.group("ge") or not _CJK.match(text, e + 1):
            approx = approx or "about"  # 千把人, 万把块钱: about a thousand (一百把椅子: 把 chairs)
            e += 1
    t = TAIL.match(text, e)
    ge = t.group("ge")
    unit_text = t.group("unit")
    inner = t.group("inner")
    inner2 = t.group("inner2") or t.group("inner_ge")
    post = t.group("post")
    half = t.group("half") or t.group("half2")
    if unit_text and (
        (unit_text in NOT_BEFORE and text.startswith(NOT_BEFORE[unit_text], t.end("unit")))
        or (unit_text == "方" and not scale and value < 100)  # 三方首脑 (parties); 四百多万方 (cubic metres)
    ):
        # 八十个国营工厂, 两个石油, 五个架子: the unit word is the start of a noun
        unit_text = None
        e_unit_cut = t.start("unit")
    else:
        e_unit_cut = None
    if inner == "来" and not unit_text and not ge:
        inner = None
    if t.group("half") and not ge and not t.group("unit") and fold(num_text) != "一":
        half = None  # 两半 = two halves, not 2.5
    if unit_text is None and ge:
        unit_text = ge
    # decide where the span ends
    if e_unit_cut is not None:
        e = e_unit_cut
        half = inner2 = post = None
        if unit_text is None and ge:
            unit_text = ge
    elif t.group("unit") or ge or half or inner or inner2 or post:
        e = t.end()
        if inner and not (t.group("unit") or ge or half or inner2 or post):
            e = t.end("inner")
    # 一点 / 三点 as a clock time is handled with 点钟; a bare 点 is "point"
    # dates and durations
    if unit_text == "点" and CLOCK_BEFORE.search(text, max(0, s - 2), s):
        unit_text = "时"  # 早上６点 = 6 o'clock
    if unit_text == "起" and nv.digitwise and high is None and 1000 <= value <= 2100 and num_e - num_s == 4 and not inner and not post and s > 0 and text[s - 1] in "自从由":
        return [_q(text, s, num_e, value, unit="year", kind="date")]  # 自1949起: since 1949, no 1949 cases
    if unit_text in ("年", "月", "日", "时", "点钟", "点多钟") and not ordw and not half and not inner:
        dq = _date_or_duration(text, s, num_s, t.end("unit"), nv, unit_text, ge)
        if dq is not None:
            if approx:
                dq = Quantity(dq.text, dq.start, dq.end, dq.value, dq.high, dq.unit, None, dq.kind, dq.scale, unit_text)
            if unit_text == "点多钟":  # 两点多钟: a little after two
                dq = Quantity(dq.text, dq.start, dq.end, dq.value, dq.high, dq.unit, "more_than", dq.kind, dq.scale, unit_text)
            return [Quantity(dq.text, dq.start, dq.end, dq.value, dq.high, dq.unit, dq.approx, dq.kind, dq.scale, unit_text)]
    if half:
        value += _HALF
        if high is not None:
            high += _HALF
    for a in (inner, inner2):
        if a:
            approx = approx or INNER_Q.get(a)
    if post:
        approx = approx or SUFFIX_Q.get(post)
    if unit_text and "多" in unit_text:
        approx = approx or "more_than"
    if nv.approx == "about" and not approx:
        approx = "about"

    if unit_text:
        if text.startswith(unit_text, e) and fold(num_text) == "一" and unit_text in _REDUP_OK:
            # 一件件, 一座座 ("one by one"): the classifier's own key, no noun looked for
            unit = UNIT_OF.get(unit_text) or GENERIC.get(unit_text) or unit_text
        else:
            unit = _unit_key(text, unit_text, num_s, e_unit_cut if e_unit_cut is not None else t.end("unit") if t.group("unit") else t.end("ge"))
        if unit_text in FACTOR:
            f = FACTOR[unit_text][1]
            value *= f
            if high is not None:
                high *= f
            if unit_text in ("角", "毛"):
                mf = MONEY_FEN.match(text, e if not post else t.end("unit"))
                if mf and not post:
                    fv = _val(mf.group("f"))
                    if fv is not None and fv.high is None:
                        value += fv.value / 100
                        e = mf.end()
                        if mf.group("cur") in ("美元", "美金"):
                            unit = "usd"
                elif not post:
                    ca = CUR_AFTER.match(text, e)
                    if ca:
                        e = ca.end()
                        unit = "usd" if ca.group() != "钱" else "yuan"
        elif unit in ("yuan", "usd") and not post and not inner2:
            mj = MONEY_JIAO.match(text, e)
            if mj:
                jv = _val(mj.group("j"))
                fv = _val(mj.group("f")) if mj.group("f") else None
                if jv is not None and jv.high is None and jv.value < 10:
                    value += jv.value / 10
                    if fv is not None and fv.high is None:
                        value += fv.value / 100
                    e = mj.end()
        elif unit == "mu" and not post and not inner2:
            mm = MU_FEN.match(text, e)
            if mm:
                fv = _val(mm.group("f"))
                lv = _val(mm.group("l")) if mm.group("l") else None
                if fv is not None and fv.high is None and fv.value < 10:
                    value += fv.value / 10
                    if lv is not None and lv.high is None:
                        value += lv.value / 100
                    e = mm.end()
        elif unit_text in DECIMAL_AFTER and not post and not inner2 and not half:
            dm = DIGITS_ONLY.match(text, e)
            if dm and not TAIL.match(text, dm.end()).group("unit"):
                frac = "".join(str("零一二三四五六七八九".find(c) if c in "零一二三四五六七八九" else 0) for c in dm.group())
                value += Decimal("0." + frac)
                e = dm.end()
        if unit_text == "倍":
            kind = "multiple"
            unit = "times"
        elif unit in ("percent",):
            kind = "percent"
        elif unit == "permille":
            kind, unit, value = "fraction", None, value / 1000
    if unit is None and not unit_text and not ordw and not half:
        # 两民族, 六百余民兵, 一万万以上灾民: a bare number before a known noun
        mn = NOUN_AFTER.match(text, e)
        if mn and mn.start("noun") == e and len(mn.group("noun")) >= 2:
            unit = NOUNS[mn.group("noun")] or None
        elif kind == "number" and not pct and (value >= 10 or scale):
            # 五千纺织工人, 二千九百七十万美国人: people after a short modifier; 歼敌四千多
            wn = _BARE_PERSON.match(text, e)
            if wn and NOUNS.get(wn.group("noun")) == "person" and not _WIN_STOP.search(wn.group()):
                unit = "person"
            elif _PEOPLE_AFTER.match(text, e):
                unit = "person"  # 三万万人民, 六亿人民: the people (not 人民币, 人民公社)
            elif _BARE_BEFORE_RE is not None and _BARE_BEFORE_RE.search(text, max(0, s - 6), s):
                unit = BARE_BEFORE[_BARE_BEFORE_RE.search(text, max(0, s - 6), s).group()]
    if not unit_text and not ordw and kind == "number" and CONGRESS.match(text, e) and (CONGRESS_BEFORE.search(text, max(0, s - 3), s) or CONGRESS_AFTER.match(text, e + 1)):
        kind, e = "ordinal", e + 1  # 党的十五大, 八大精神: the Nth Party Congress
    if not unit_text and not ordw and not post and kind == "number" and text.startswith("电", e) and high is None and 1 <= value <= 31 and value == value.to_integral_value():
        return [_q(text, s, e, value, None, "day", None, "date", None, None)]  # 本报太原31电: the dispatch's day
    if not unit_text and not ordw and kind == "number" and high is None and not pre and len(num_text) == 1 and num_text in _ENUM_NEXT and _enumeration(text, num_s, num_text):
        kind = "ordinal"  # 一怕敌人扫荡，二怕老鼠吃; 一是…二是…: the items of an enumeration
    if not unit_text and not ordw and kind == "number" and s > 0 and text[s - 1] == "其" and high is None and value <= 10:
        kind = "ordinal"  # 其一, 其二
    if ordw:
        kind = "ordinal"
        if unit_text in ("季度", "季"):
            kind, unit = "date", "quarter"
    elif unit_text == "季度" and not ge and high is None and not approx and not half and value in (1, 2, 3, 4) and text[num_s] in "一二三四1234１２３４" and (s == 0 or text[s - 1] not in "前头后近"):
        kind, unit = "date", "quarter"  # 三季度 = the third quarter (三个季度, 前三季度: three quarters)
    elif unit_text == "世纪" and not ge and high is None and not approx and not half and not inner and 1 <= value <= 21 and value == value.to_integral_value() and (s == 0 or text[s - 1] not in "下上本这那该每"):
        kind = "ordinal"  # 二十世纪 = the 20th century (三个世纪: three centuries)
    elif unit_text in NAME_UNITS and not ge and high is None and not approx and text.rfind("第" + text[num_s:e], max(0, s - 3000), s) >= 0:
        kind = "ordinal"  # 华北大学第三部 … 三部副主任: the short form of a name given before
    elif unit_text == "段" and not ge and not approx and high is None and 2 <= value <= 9 and len(num_text) == 1 and num_text in _SMALL_CN and s > 0 and _CJK.match(text, s - 1) and text[s - 1] not in _SHORT_NAME_NOT_AFTER and _DAN_AFTER.match(text, e) and _GO_WORDS.search(text, max(0, s - 120), e + 120):
        kind, unit = "ordinal", "dan"  # 马晓春九段、汪见虹九段: a go player's rank
    elif unit_text in _SHORT_NAME_UNITS and _short_name(text, s, num_s, e, unit_text, value, high, ge, approx, inner, inner2, half, post):
        kind = "ordinal"  # 纺织一厂达到, 炸弹三所刘致明, 采煤十六组的工人: a works' name, not a count
    elif unit_text == "版" and s > 0 and text[s - 1] == "报" and not ge and high is None:
        kind = "ordinal"  # 本报二版, 人民日报四版: a page of the paper
    elif unit_text in ORDINAL_NOUNS and not ge and not half and not inner and not inner2 and not post and high is None:
        if text[num_s] not in "两兩" and not approx and not _counts_list(text, s, value):
            kind = "ordinal"  # 三区 = District 3; 家、新阳、松浦、顾乡五区: the five districts listed
    elif not unit_text and not half and not inner and not inner2 and not post and e < len(text) and text[e] in "、．.·" and high is None and value <= 30 and (s == 0 or LINE_START.search(text, max(0, s - 40), s) or (text[s - 1] in "：；:;" and _CJK.match(text, e + 1))):
        kind = "ordinal"  # 一、 / １． at the start of a line: a list marker
        e += 1

    # ranges: 三至五, 100斤到200斤, 一倍到三倍
    if high is None and kind in ("number", "multiple", "percent") and not post:
        rt = RANGE_TAIL.match(text, e)
        if rt is None and unit_text and not inner and not inner2 and not half and text.startswith("、", e) and len(num_text) == 1 and num_text in _SMALL_CN and (s == 0 or text[s - 1] != "、"):
            # 三年、五年 (three or five years): the same unit after both, as 三、五年 -> a range
            rd = _DUN_TAIL.match(text, e)
            if rd and rd.group("n2") in _SMALL_CN and text.startswith(unit_text, rd.end()) and "、" not in text[rd.end() + len(unit_text) : rd.end() + len(unit_text) + 1]:
                rt = rd
        if rt:
            hv = _val(rt.group("n2"))
            if hv is not None and hv.high is None:
                hval = hv.value
                re2 = rt.end()
                t2 = TAIL.match(text, re2)
                if t2.group("unit") and (t2.group("unit") == unit_text or not unit_text):
                    if not unit_text:
                        unit_text = t2.group("unit")
                        unit = _unit_key(text, unit_text, num_s, t2.end("unit"))
                        if unit_text == "倍":
                            kind, unit = "multiple", "times"
                    re2 = t2.end("unit")
                    if t2.group("post"):
                        approx = approx or SUFFIX_Q.get(t2.group("post"))
                        re2 = t2.end()
                elif unit_text and t2.group("unit"):
                    re2 = None
                elif t2.group("ge") and unit_text in (None, t2.group("ge")):
                    # １—２个街道, 三个至五个: the classifier after the high end counts both
                    if not unit_text:
                        unit_text = t2.group("ge")
                        unit = _unit_key(text, unit_text, num_s, t2.end("ge"))
                    re2 = t2.end("ge") if value < hval else None
                elif not unit_text and not t2.group("unit"):
                    re2 = re2 if value < hval else None
                if re2 is not None:
                    if hv.scale and not scale and value < hval and value * 10 ** 4 <= hval * 10:
                        # 三至五万: the low end takes the scale of the high end
                        mult = Decimal(10) ** (len(str(int(hval))) - len(str(int(value))))
                        if value * mult <= hval:
                            value = value * mult
                    if value < hval:
                        high = hval
                        e = re2
                        if unit_text == "年" and nv.digitwise and hv.digitwise and 1000 <= value and hval <= 2100:
                            kind, unit = "date", "year"
                        elif unit_text == "月" and not ge and not t2.group("ge") and 1 <= value < hval <= 12 and value == int(value) and hval == int(hval):
                            kind, unit = "date", "month"  # 一至十一月, １—１１月份: January to November
                            ms = MONTH_SUFFIX_RE.match(text, e)
                            e = ms.end() if ms else e
    # a bare 几, 万, 亿 is no number
    core = fold(num_text)
    if not unit_text and not inner and not post and not half and kind == "number":
        if core in ("几",) or (all(c in "百千万亿" for c in core) and not (pre or shang_ok)):
            return []  # 千万 (must), 万 alone; 超千万, 近万 keep their qualifier
    if core == "几" and unit_text != "倍":
        return []
    if core == "一" and not unit_text and not pre and not ordw and kind == "number" and high is None and e == num_e and (
        (s > 0 and text[s - 1] in "刚才")
        or (_AS_SOON_AS.match(text, e) and (s == 0 or (text[s - 1] not in "这那另每某同任" and text[s - 1] != text[e])))
        or (_ONE_VERB_END.match(text, e) and (s == 0 or text[s - 1] not in "这那另每某同任第"))
    ):  # 往国门前一站，; 粗粗一算，: "with one V", no number
        return []  # 刚一坐下，就…; 一住就是一个月: "as soon as", not a number
    if approx and pre == "近" and unit_text in ("年", "个月", "年头", "天") and (high is not None or text.startswith(_RECENT_AFTER, e)):
        approx = None  # 近三年来, 近一二年: the recent years, not "nearly"
    if approx is None and kind in ("number", "percent", "multiple") and _about_compare(text, s):
        approx = "about"  # 约为1950年的六倍半, 约比1954年增加了18.4％
    if sign < 0:
        value, high = -value, (None if high is None else -high)
    if unit == "yuan" and unit_text in ("元", "圆", "块", "万元") and _CURRENCY_BEFORE_RE is not None:
        cb = _CURRENCY_BEFORE_RE.search(text, max(0, s - 5), s)
        if cb:
            unit = CURRENCY_BEFORE[cb.group().rstrip("约共计达")]
    return [_q(text, s, e, value, high, unit, approx, kind, scale, unit_text)]


def _rule_iso(text, m):
    y, mo, d = re.split(r"[-－/]", fold(m.group("iso")))
    return [_q(text, m.start(), m.end(), Decimal(int(y) * 10000 + int(mo) * 100 + int(d)), unit="date", kind="date")]


def _rule_relative(text, m):
    unit, off = RELATIVE[m.group("rel")]
    return [_q(text, m.start(), m.end(), Decimal(off), unit=unit, kind="date")]


def _rule_festival(text, m):
    return [_q(text, m.start(), m.end(), Decimal(FESTIVALS[m.group("fest")]), unit="date", kind="date")]


def _rule_lunar(text, m):
    mo = LUNAR_MONTHS[m.group("lmon")]
    if m.group("lday"):
        d = "一二三四五六七八九十".index(m.group("lday")) + 1
        return [_q(text, m.start(), m.end(), Decimal(mo * 100 + d), unit="date", kind="date")]
    return [_q(text, m.start(), m.end(), Decimal(mo), unit="month", kind="date")]


def _rule_paren(text, m):
    nv = _val(m.group("paren")[1:-1])
    return [_q(text, m.start(), m.end(), nv.value, kind="ordinal")] if nv else []


def _rule_jiabei(text, m):
    if m.group("fan"):
        nv = _val(m.group("fan"))
        if nv is None or nv.high is not None or nv.value > 20:
            return []
        return [_q(text, m.start(), m.end(), Decimal(2) ** int(nv.value), unit="times", kind="multiple", unit_text="番")]
    if JIABEI_ADVERB.match(text, m.end()):
        return []
    return [_q(text, m.start(), m.end(), Decimal(2), unit="times", kind="multiple", unit_text="倍")]


def _rule_half(text, m):
    s = m.start()
    t = TAIL.match(text, m.end())
    ge, unit_text = t.group("ge"), t.group("unit")
    if unit_text is None and ge:
        unit_text = ge
    if text.startswith("数", m.end()) or text.startswith("數", m.end()):
        pm = _PRE_END.search(text, max(0, s - 5), s)  # 近半数, 约半数, 几乎有半数
        return [_q(text, pm.start() if pm else s, m.end() + 1, _HALF, approx=PREFIX_Q[pm.group("p")] if pm else None, kind="fraction", unit_text=None)]
    if not unit_text:
        return []
    e = t.end("unit") if t.group("unit") else t.end("ge")
    approx = None
    if t.group("post"):
        approx = SUFFIX_Q.get(t.group("post"))
        e = t.end()
    if t.group("inner_ge"):
        approx = approx or INNER_Q.get(t.group("inner_ge"))
    if t.group("inner2") and not approx:  # 半年多: 多 after the unit
        approx = INNER_Q.get(t.group("inner2"))
        e = max(e, t.end("inner2"))
    unit = _unit_key(text, unit_text, s, e)
    return [_q(text, s, e, _HALF, None, unit, approx, "number", None, unit_text)]


def _rule_vague(text, m):
    """数以百计 / 成百 ("by the hundreds"): 100..900 about, with the unit after it (成百名 -> person)."""
    base = Decimal(_VAGUE_BASE[m.group("vn1") or m.group("vn2")])
    s, e = m.start(), m.end()
    unit = unit_text = None
    if m.group("vn2"):
        t = TAIL.match(text, e)
        ut = t.group("unit") or t.group("ge")
        if ut and ut not in ("年", "月", "日", "时"):
            unit_text = ut
            e = t.end("unit") if t.group("unit") else t.end("ge")
            unit = _unit_key(text, ut, s, e)
    else:
        unit = _noun_after(text, e + (text[e : e + 1] == "的"), True) or None  # 数以百计的男女青年
    return [_q(text, s, e, base, base * 9, unit, "about", "number", None, unit_text)]


def _rule_slash(text, m):
    a, _, b = fold(m.group("slash")).partition("/")
    if int(b) < 2 or int(a) >= int(b):
        return []
    with localcontext() as ctx:
        ctx.prec = 28
        v = Decimal(int(a)) / Decimal(int(b))
    return [_q(text, m.start(), m.end(), v, kind="fraction")]


def _rule_shang(text, m):
    """上百 / 上千 / 上万: 'as many as hundreds' -> 100 about."""
    mm = MASTER.match(text, m.end())
    if mm is None or mm.group("num") is None or mm.group("pre") or mm.group("ord") or mm.group("pct"):
        return []
    qs = _rule_numeral(text, mm, shang_ok=True)
    if len(qs) != 1 or qs[0].kind != "number":
        return []
    q = qs[0]
    return [Quantity(text[m.start() : q.end], m.start(), q.end, q.value, q.high, q.unit, q.approx or "about", q.kind, q.scale, q.unit_text)]


_RULES = {
    "slash": _rule_slash,
    "shang": _rule_shang,
    "vague": _rule_vague,
    "iso": _rule_iso,
    "fest": _rule_festival,
    "rel": _rule_relative,
    "lmon": _rule_lunar,
    "paren": _rule_paren,
    "jiabei": _rule_jiabei,
    "halfw": _rule_half,
    "num": _rule_numeral,
}


def _fix_half(q: list[Quantity], text: str) -> list[Quantity]:
    """一半 -> fraction 0.5 (a bare 一 + 半 with no unit)."""
    out = []
    for x in q:
        if x.unit is None and x.kind == "number" and x.text.endswith(("一半", "一半兒", "一半儿")) and (x.text[0] == "一" or x.value == 1 + _HALF):
            # 约一半, 近一半: the prefix qualifies the half
            x = Quantity(x.text, x.start, x.end, _HALF, None, None, x.approx, "fraction", None, None)
        out.append(x)
    return out


def _fix_bare(qs: list[Quantity], text: str) -> list[Quantity]:
    """Bare numbers that their sentence gives a unit:

    * index numbers: 如以1950年为一百，1951年为一百四十三 … (unit ``index``);
    * a decimal parallel to a percent just before it in the sentence: 纺织机械厂达到百分之九十七点五八，
      纺织一厂达到九六点一八 (``percent``).
    """
    out = []
    prev = None
    for q in qs:
        if q.unit is None and q.kind == "number" and q.high is None:
            if q.start > 0 and text[q.start - 1] == "为" and text.find("以", max(0, q.start - _INDEX_BACK), q.start) >= 0:
                bm = None
                for bm in _INDEX_BASE.finditer(text, max(0, q.start - _INDEX_BACK), q.end):
                    pass
                if bm is not None and "。" not in text[bm.end() : q.start]:
                    q = Quantity(q.text, q.start, q.end, q.value, None, "index", q.approx, q.kind, q.scale, q.unit_text)
            elif (
                prev is not None and prev.kind == "percent" and q.value < 1000 and ("点" in q.text or "." in q.text or "．" in q.text)
                and q.start - prev.end <= 30 and not _SENTENCE_END.search(text, prev.end, q.start)
                and q.start >= 2 and text[q.start - 2 : q.start] == text[prev.start - 2 : prev.start]
            ):  # the same verb before both (达到…，…达到)
                q = Quantity(q.text, q.start, q.end, q.value, None, "percent", q.approx, "percent", q.scale, q.unit_text)
        out.append(q)
        if q.kind not in ("ordinal", "date"):
            prev = q
    return out


#: 如以1950年为一百: the base of an index (the numbers after 为 that follow are index values)
_INDEX_BASE = re.compile(r"以[^，。；]{1,20}?为(?:一百|100|１００)(?![0-9０-９零〇○一二两三四五六七八九十百千万亿])")
_INDEX_BACK = 300


def extract(text: str) -> list[Quantity]:
    """All numbers and quantities in ``text``, in order. Never raises on odd input."""
    if not isinstance(text, str) or not text:
        return []
    out: list[Quantity] = []
    pos_end = 0
    pos = 0
    scan = SCAN.search
    match = MASTER.match
    n = len(text)
    while pos < n:
        m0 = scan(text, pos)
        if m0 is None:
            break
        m = match(text, m0.start())
        if m is None:
            pos = m0.start() + 1
            continue
        pos = m.end() if m.end() > m.start() else m.start() + 1
        if m.group("neg") is not None or m.group("neg1") is not None:
            continue
        rule = None
        for name in ("num", "iso", "fest", "rel", "lmon", "paren", "jiabei", "halfw", "slash", "shang", "vague"):
            if m.group(name) is not None:
                rule = _RULES[name]
                break
        if rule is None:
            continue
        try:
            qs = rule(text, m)
        except (ArithmeticError, ValueError, KeyError, IndexError, TypeError, AttributeError):
            qs = []
        for x in qs:
            if x.start >= pos_end:
                out.append(x)
                pos_end = max(pos_end, x.end)
        pos = max(pos, pos_end)
    if out:
        out = _fix_half(out, text)
        out = _fix_bare(out, text)
    return out


__all__ = ["extract"]
