"""Places and organisations in Chinese text, by rules and the gazetteer (no model, no segmenter).

Named rules, in order (each result carries text offsets into the input):

1. ``lexicon``: longest match at each position over the gazetteer's names and short forms and the organisation
   lexicon (a dict scan keyed by first character: fast on long texts).
2. ``place_suffix``: unknown stems with a place suffix (X县, X专区, X乡, X村 ...), the stem bounded by function
   words (pipeline/data/entities/zh_stop.txt) and checked against common words (zh_not_place.txt).
3. ``coordination``: a shared suffix distributes over a list: 南宁市和容县、桂林、平乐等专区 -> 桂林 and 平乐 are
   special districts (names carrying their own suffix keep it).
4. ``abbreviation``: one-character names in set phrases: 中美关系, 访华, 在京.
5. ``org_suffix``: organisations ending in a suffix (生产社, 合作社, 厂, 局, 委员会 ... zh_org_suffixes.tsv), whose
   name may start with places (江苏高邮县金属生产社 -> place 高邮县, place_parent 江苏, trade 金属).

Smaller named rules inside those (each with its data file and tests in tests/test_entities_zh.py):

- ``facility`` (lexicon): 德黑兰|机场, 杭州|植物园 -> the facility is a place too (zh_place_facilities.tsv).
- ``suburbs`` / ``area`` (lexicon): 北京市|郊 -> 北京; 嘉山|地区 -> 嘉山 and 嘉山地区 (regions keep 地区 outside).
- ``autonomous``: 大苗山 + 苗族自治县 -> one place through its peoples.
- ``pair_before_relation`` (abbreviation): 中日|两国, 巴以|谈判 (zh_abbrev_pair_next.txt); words that merely hold
  the character (美德, 升华, 意外: zh_abbrev_words.txt) block pair and single readings; 罗|政府, 日|首相
  (zh_abbrev_next_words.txt).
- ``org_in_org`` (org_suffix): 国务院|法制|办公室, 中央军委|法制|局: a short unit after a known body is one name.
- guards (org_suffix): classifiers after numerals (35家|航空公司), verb phrases (上中学, 办厂: zh_org_verb_phrases.txt),
  titles (统战部|部长, 常副|局长), given names in 军 (吴方军), verbs before a place in the run (收购|太平洋电信公司),
  boundary characters that start words inside names (有线, 最高, 和平: zh_stop_name_words.txt), sports teams
  (zh_org_sports.txt), 第N届 sessions, foreign names with a middle dot (乔治·梅森大学); words a one-character suffix
  ends (签署, 政局, 南部, 组队: zh_org_suffix_words.txt); a verb and its object (拿|银行); games (苦战五|局); a person
  and his title (李振成|局长).
- ``dateline``: 新华社康开三十一日电, 本报德国罗滕堡5月27日电, 沪讯： -> the place of filing (unknown names too).
- ``enumeration``: 桓台、章邱、章历 / 本厂、金村和水东三地 / 琅勃拉邦省舍肖、舍卡梭: unknown items of a list of places.
- ``village_of_place`` (place_suffix): 东湖|渠村 -> one village; 西高庙|乡: a township named after its temple.
- ``person_name`` (lexicon): 许|银川, 记者贾|西平: a two-character county after a surname is a given name.
- ``party_centre`` (lexicon): 致公党|中央, 民革|中央 -> one name; ``sports_club`` (org_suffix): 健力宝|队 on the
  sports pages (zh_sports_context.txt); parties and companies known by a bare name (zh_orgs_world.tsv).
- ``press_edition``: 华北《人民日报》, 美国《时代》周刊: a newspaper right after its place.
- ``org_unit``: 科学技术部|农村科技|司, 中国科学院|自然科学史|研究所, 铁道部|十四局|三处|丽华服装厂: a part of a known body
  (unit words in zh_org_units.tsv count only there); 麻阳水公社|大新大队 is returned under its own name too.
- ``transliteration`` (lexicon, place_suffix): 法|兰西, 准|噶尔, 奥兰|迪斯 are inside foreign names, not places of their
  own; 贾拉拉巴德州, 莱克伍德县, 尼·伯尔切斯库镇: a long transliterated stem before a place suffix is one name
  (zh_transliteration.tsv).
- ``sports_country``: e组的美国、俄罗斯、立陶宛; 对中国、丹麦等强队: countries listed as teams on the sports pages are
  organisations.
- ``org_coordination`` also reads 天府、南桐、鱼田堡等煤矿, 华西、双良、申达等一大批乡镇企业 (no count needed).
- name starts (org_suffix): a word running into the start (3月份|特区政府, 可惜|通讯), 该报|文艺部, 任|乡党委, a rank
  (第三大银行|国民银行) are no part of the name; 西北|部 and 中南|部 are directions.

A place inside an organisation's name is returned as well (overlaps are fine). Never raises.

Conventions (dev gold, followed here; the issue lists newspapers and government bodies among organisations): 本报,
美国政府, 市政府 and 新中国 are names; newspapers keep their 《》. The PD1998 NER annotators differ on exactly these
(benchmarks/entities_eval.py scores both ways; ours is the primary figure). One-character abbreviations inside words
(美|军, 藏|胞) are returned as places, as PD1998 labels them; the dev gold lists none of them.
"""
from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache

from pipeline.entities.gazetteer import load as load_gazetteer
from pipeline.entities.gazetteer import rule_lines as _lines
from pipeline.entities.gazetteer import rule_rows as _rows
from pipeline.types import Entity


_HAN = re.compile(r"[\u3400-\u9fff]")
_NUMERAL = set("〇一二三四五六七八九十百千万两零第0123456789０１２３４５６７８９几")
_SEPARATORS = {"、", "和", "及", "与", "，", "同", "以及", "跟"}


class _Rules:
    def __init__(self):
        g = self.g = load_gazetteer()
        self.orgs = {}
        for r in _rows("zh_orgs.tsv"):
            rec = (r["zh"], r["subtype"], r["en"])
            self.orgs[r["zh"]] = rec
            for a in (r["aliases"] or "").split("|"):
                if a:
                    self.orgs.setdefault(a, rec)
        for r in _rows("zh_orgs_world.tsv"):  # parties and companies known by a bare name (自由党, 微软)
            rec = (r["zh"], r["subtype"], r["en"])
            self.orgs.setdefault(r["zh"], rec)
            for a in (r["aliases"] or "").split("|"):
                if a:
                    self.orgs.setdefault(a, rec)
        for r in _rows("zh_standalone_orgs.tsv"):
            self.orgs.setdefault(r["zh"], (r["zh"], r["subtype"], r["en"]))
        # surface -> ("P", None) | ("O", rec); places from the gazetteer, orgs from the lexicon (orgs win ties)
        self.lex = {}
        for n in g.names_zh():
            if len(n) >= 2:
                if len(n) == 2 and n.endswith("区") and all(p.level == "district" for p in g.lookup_zh(n)):
                    continue  # 南区, 东区, 城区: generic words, left to the suffix rule
                self.lex[n] = "P"
        for n in self.orgs:
            self.lex[n] = "O"
        for n in _lines("zh_block_words.txt"):
            self.lex[n] = "N"  # consumed by the scan, reported as nothing
        self.first = {}
        for n in self.lex:
            self.first.setdefault(n[0], set()).add(len(n))
        self.first = {c: sorted(ls, reverse=True) for c, ls in self.first.items()}
        #: the first two characters of every lexicon name (None when a name has one character: _scan then tries
        #: every position)
        self.lex_pre2 = {n[:2] for n in self.lex} if all(len(n) >= 2 for n in self.lex) else None
        self.place_suffixes = sorted(
            [(r["suffix"], r["subtype"], int(r["min"]), int(r["max"]), r["en"]) for r in _rows("zh_place_suffixes.tsv")],
            key=lambda t: -len(t[0]))
        self.place_suffix_map = {t[0]: t for t in self.place_suffixes}
        self.org_suffixes = sorted(
            [(r["suffix"], r["subtype"], r["en"], int(r["max"])) for r in _rows("zh_org_suffixes.tsv")],
            key=lambda t: -len(t[0]))
        stop = _lines("zh_stop.txt")
        self.stop = {w for w in stop if len(w) == 1}
        self.stop_words = {w for w in stop if len(w) > 1}
        self.stop_name_words = set(_lines("zh_stop_name_words.txt"))
        self.not_place = set(_lines("zh_not_place.txt")) | set(_lines("not_place_auto.txt"))
        self.not_org = set(_lines("zh_not_org.txt")) | set(_lines("not_org_auto.txt"))
        self.common = {r["word"]: r["tag"] for r in _rows("zh_common_words.tsv")}
        self.common.update({r["word"]: r["tag"] for r in _rows("zh_common_overrides.tsv")})
        self.trades = {r["zh"]: r["en"] for r in _rows("zh_trades.tsv")}
        self.trades_by_len = sorted(self.trades, key=len, reverse=True)
        self.trade_rank = {t: i for i, t in enumerate(self.trades_by_len)}
        self.trades_by_first, self.trades_by_last = {}, {}  # (in trades_by_len order: longest first)
        for t in self.trades_by_len:
            self.trades_by_first.setdefault(t[0], []).append(t)
            self.trades_by_last.setdefault(t[-1], []).append(t)
        self.ambiguous = g.ambiguous
        suf = "|".join(re.escape(s[0]) for s in self.place_suffixes if s[1] in (
            "special_district", "county", "city", "province", "prefecture", "township", "village", "district", "region"))
        self.distrib = re.compile(r"(等)?(" + suf + ")")
        self.place_suffix_re = re.compile("|".join(re.escape(s[0]) for s in self.place_suffixes))
        self.org_suffix_re = re.compile("|".join(re.escape(s[0]) for s in self.org_suffixes))
        self.org_suffix_map = {s[0]: s for s in self.org_suffixes}
        ab = {r["char"]: r for r in _rows("zh_abbrev.tsv")}
        self.abbrev = ab
        #: the one-character names (_abbreviations jumps from one to the next)
        self.abbrev_char_re = re.compile("[%s]" % "".join(re.escape(c) for c in sorted(ab) if len(c) == 1)) \
            if any(len(c) == 1 for c in ab) else None
        self.abbrev_pair_chars = {c for c, r in ab.items() if r["pair"] == "1"}
        self.abbrev_verbs = set(_lines("zh_abbrev_verbs.txt"))
        self.abbrev_words = set(_lines("zh_abbrev_words.txt"))
        self.abbrev_next_words = tuple(_lines("zh_abbrev_next_words.txt"))
        self.abbrev_countries = {c for c, r in ab.items()
                                 if g.best_zh(r["zh"]) is not None and g.best_zh(r["zh"]).subtype == "country"}
        self.abbrev_pair_next = tuple(sorted(_lines("zh_abbrev_pair_next.txt"), key=len, reverse=True))
        self.org_next_block = {r["suffix"]: set(r["not_followed_by"]) for r in _rows("zh_org_suffix_guards.tsv")}
        self.org_needs_prefix = {}
        for r in _rows("zh_org_stem_whitelist.tsv"):
            self.org_needs_prefix[r["suffix"]] = set(r["stems"].split("|"))
        self.org_generic_stem_suffixes = set(_lines("zh_org_generic_stem_suffixes.txt"))
        self.org_verb_phrases = set(_lines("zh_org_verb_phrases.txt"))
        self.org_suffix_words = set(_lines("zh_org_suffix_words.txt"))
        self.sports_words = tuple(_lines("zh_sports_context.txt"))
        self.sports = tuple(sorted(_lines("zh_org_sports.txt"), key=len, reverse=True))
        self.facilities = sorted(((r["suffix"], r["en"]) for r in _rows("zh_place_facilities.tsv")), key=lambda t: -len(t[0]))
        self.facility_first = {f[0][0] for f in self.facilities}
        self.org_prefixes = sorted(_lines("zh_org_prefixes.txt"), key=len, reverse=True)
        self.org_prefix_set = set(self.org_prefixes)
        #: the prefixes by their last character, in org_prefixes order (longest first), with their lengths
        self.org_prefixes_by_last = {}
        for w in self.org_prefixes:
            self.org_prefixes_by_last.setdefault(w[-1], []).append((w, len(w)))
        self.standalone_orgs = {r["zh"]: (r["subtype"], r["en"]) for r in _rows("zh_standalone_orgs.tsv")}
        tr = {r["side"]: set(r["chars"]) for r in _rows("zh_transliteration.tsv")}
        self.translit_before, self.translit_after = tr.get("before", set()), tr.get("after", set())
        self.translit_alphabet = tr.get("alphabet", set()) - self.stop
        self.translit_strong = tr.get("strong", set())
        cues = _rows("zh_place_cues.tsv")
        self.place_cues_before = {r["word"] for r in cues if r["side"] == "before"}
        self.place_cues_after = tuple(sorted((r["word"] for r in cues if r["side"] == "after"), key=len, reverse=True))
        self.place_cue_re = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(
            self.place_cues_before | {"在", "到"}, key=len, reverse=True)) + ")(?=[%s]{2})" % "".join(
            sorted(self.translit_alphabet)))
        #: rule org_unit: unit words after a known organisation (zh_org_units.tsv and the longer organisation suffixes)
        self.org_units = {s[0]: (s[1], s[2]) for s in self.org_suffixes if len(s[0]) >= 2}
        self.org_units.update({r["suffix"]: (r["subtype"], r["en"]) for r in _rows("zh_org_units.tsv")})
        #: unit words that are no organisation suffix: they may follow the body directly (杜马议会|党团); the suffixes
        #: right after a body are rule org_suffix's (本报|通讯 stays out)
        self.org_units_only = {r["suffix"] for r in _rows("zh_org_units.tsv")} - {s[0] for s in self.org_suffixes}
        self.org_unit_first = {}
        for u in self.org_units:
            self.org_unit_first.setdefault(u[0], set()).add(len(u))
        self.org_unit_first = {c: sorted(ls, reverse=True) for c, ls in self.org_unit_first.items()}
        self.org_unit_re = re.compile("|".join(re.escape(u) for u in sorted(self.org_units, key=len, reverse=True)))


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules()


def _place_entity(text, s, e, place, subtype=None, norm=None, en=None):
    if place is None:
        return Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype=subtype or "other", norm=norm or text[s:e], en=en)
    return Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype=subtype or place.subtype, norm=norm or place.zh,
                  en=en or place.en, gazetteer_id=place.id, modern=place.modern or None)


def _scan(text, R):
    """Longest lexicon match at each position, left to right, non-overlapping."""
    out = []
    n = len(text)
    first, lex = R.first, R.lex
    pre2 = R.lex_pre2
    if pre2 is not None:
        # only the positions where a name's first two characters stand (found in one pass) are tried
        starts = [i for i in range(n - 1) if text[i:i + 2] in pre2]
    else:  # a one-character name in the lexicon: every position where a name's first character stands
        starts = [i for i in range(n) if text[i] in first]
    end = 0
    for i in starts:
        if i < end:
            continue
        for L in first[text[i]]:
            if i + L <= n:
                w = text[i:i + L]
                kind = lex.get(w)
                if kind:
                    if i > 0 and (_left_cut(text, i, R) or (text[i] in "日月年" and text[i - 1] in _NUMERAL)):
                        break  # 发展中|国家, 其中|国王, 二十八日|本报: the first character belongs to the word before
                    out.append((i, i + L, kind, w))
                    end = i + L
                    break
    return out


#: place suffixes of facilities: a common word before them is no name (首都|国际机场)
_FACILITY_SUFFIXES = {"机场", "大桥", "体育馆", "体育场", "郡"}

#: countries, provinces and continents: too well known to be read inside another word (斯|日本, 当|日本, 西藏|拉萨)
_MAJOR_LEVELS = {"country", "province", "municipality", "region", "continent"}

#: words after a river's name (汉水|流域 is not 汉|水流)
_RIVER_PARTS = {"流域", "两岸", "沿岸", "上游", "中游", "下游", "水系"}

#: region names that are also compass directions (西北|部 'the north-west part')
_DIRECTION_REGIONS = {"东北", "西北", "东南", "西南", "中南"}

_AUTONOMOUS = re.compile(r"(?:[\u4e00-\u9fff]{1,3}?族)*自治(县|州|区|旗)")
_LOW_LEVELS = {"county", "district", "township", "village", "other", "river", "lake", "mountain"}
_EXT_SUFFIXES = ("共和国", "开发区", "专区", "地区", "车站", "特区", "新区", "省", "市", "县", "区", "乡", "镇", "村", "街", "港", "州")
_VERBISH = {"v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "r", "m", "t", "f", "zg", "q", "u", "y", "mq", "tg", "vg", "ag",
            "dg", "rg", "e", "o", "l", "i", "k", "b", "z", "uj", "ul", "uz", "ud", "ug", "uv"}


_VERB1 = {"v", "d", "p", "c", "r", "u", "y", "zg", "vg", "dg", "uj", "ul"}


_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
                "盛项傅洪骆柳倪施牛葛康伍阎邢常樊殷庞詹翟蔺")
#: last characters of role words before a name (主任, 工人, 社长, 书记, 委员, 代表, 同志, 老师 ...)
_ROLE_END = set("任人长记员表志师手兵工者")
#: surnames that are also one-character words before a place (于 'at', 高 'high', 万 'ten thousand' ...)
_SURNAME_WORDS = set("于万高方石金白田林江马向成常安程周")


def _in_foreign_name(text, s, e, R):
    """Rule transliteration: a two-character place with a transliteration character right before or after it
    (zh_transliteration.tsv) that makes no common word with its own neighbour lies inside a foreign name."""
    if s > 0 and text[s - 1] in R.translit_before and text[s - 1] not in R.stop \
            and (s < 2 or text[s - 2:s] not in R.common) and text[s - 1:s + 1] not in R.common:
        return True
    if e < len(text) and text[e] in R.translit_after and text[e:e + 2] not in R.common and text[e:e + 2] not in R.lex \
            and text[e:e + 3] not in R.lex \
            and text[e - 1:e + 1] not in R.common and (e + 1 >= len(text) or _is_han(text[e + 1]) or text[e + 1] in "·•"):
        return True
    return False


#: place suffixes after which a long transliterated stem is a name (not 渠, 村, 寺 ...)
_TRANSLIT_SUBS = {"province", "county", "city", "township", "other", "river", "lake", "mountain", "region", "prefecture"}


def _translit_len(text, j, lo, R):
    """Length of the run of transliteration characters (zh_transliteration.tsv alphabet, a middle dot between them)
    ending at j, when it is 4 to 7 long and holds a character of the before/after/strong lists; else 0."""
    k = j
    alpha = R.translit_alphabet
    while k > lo and j - k < 8 and (text[k - 1] in alpha or (
            text[k - 1] in "·•" and k - 2 >= lo and text[k - 2] in alpha and k < j)):
        k -= 1
    L = j - k
    if L < 4 or L > 7 or (k > lo and text[k - 1] in alpha):
        return 0
    strong = R.translit_before | R.translit_after | R.translit_strong
    return L if any(c in strong for c in text[k:j]) else 0


def _translit_places(text, R, places):
    """Rule translit_place: a bare name of 2-6 transliteration characters that no other rule read, after a verb of
    arriving or lying (抵|拉塔基亚|后, 迁都|阿斯塔纳) or between 在/到 and a word of place (在|埃舍德|小镇, 到|吞武里|一带):
    zh_place_cues.tsv. Persons are not named in these slots."""
    out = []
    alpha = R.translit_alphabet
    strong = R.translit_before | R.translit_after | R.translit_strong
    covered = None
    for m in R.place_cue_re.finditer(text):  # (only cues followed by two transliteration characters)
        if covered is None:
            covered = {i for p in places for i in range(p.start, p.end)}
        cue = m.group(0)
        a = m.end()
        b = a
        while b < len(text) and b - a < 6 and text[b] in alpha:
            b += 1
        if b - a < 2 or any(i in covered for i in range(a, b)):
            continue
        name = text[a:b]
        after = next((w for w in R.place_cues_after if text.startswith(w, b)), None)
        if cue in R.place_cues_before:
            ok = after is not None or b >= len(text) or text[b] in _PUNCT or text[b] in "后的"
        else:  # 在 / 到
            ok = after is not None
        if not ok or not any(c in strong for c in name) or name in R.common or name in R.lex or name in R.not_place:
            continue
        out.append(Entity(text=name, start=a, end=b, label="PLACE", subtype="other", norm=name, en=_pinyin(name)))
    return out


def _person_name(text, s, e):
    """A two-character place name right after a surname that follows a role word (职工何|新荣, 记者贾|西平), or
    followed by 同志/说, or after a surname standing alone after punctuation or a function word (对许|银川、,
    、陆|新平二人) when the name is not followed by a place word."""
    if s < 1 or text[s - 1] not in _SURNAMES:
        return False
    if (s >= 2 and text[s - 2] in _ROLE_END) or text.startswith(("同志", "等同志", "说"), e):
        return True
    before = text[s - 2] if s >= 2 else "\n"
    return text[s - 1] not in _SURNAME_WORDS and (before in _PUNCT or before in "的对与和同给向跟被让把将是") \
        and text[e:e + 1] not in "省市县区乡镇村州旗盟港站街路山河江湖"


def _cuts_word(text, s, e, R):
    """The match's last character forms a common word with the next one (修水|渠, 大丰|收). Names ending in
    their own suffix (南安县|境) are never cut."""
    if text[e - 1] in "省市县区乡镇村旗盟州":
        return False
    nxt = text[e - 1:e + 1]
    if len(nxt) == 2 and nxt in R.common and text[s:e + 1] not in R.lex:
        return True
    if e - s == 2 and s > 0:
        prv = text[s - 1:s + 1]
        if prv in R.common and (R.common[prv] in _VERBISH or text[s:e] in R.ambiguous):
            return True
    return False


def _suffix_extension(text, e, name, R, level=None):
    """龙潭|乡, 琅勃拉邦|省: a place suffix right after a gazetteer name that does not already carry one."""
    if text.startswith(("新区", "特区", "开发区"), e) and name[-1] not in "区" and level in ("city", "county", "prefecture",
                                                                                      "municipality", "district"):
        suf = next(w for w in ("开发区", "新区", "特区") if text.startswith(w, e))
        return suf, R.place_suffix_map[suf][1]  # 苏州|新区, 深圳|特区: a zone of the city
    if name[-1] in "省市县区乡镇村州旗盟港站街" and not (name[-1] in "港站街" and text[e:e + 1] in "乡镇村"):
        return None  # (but 东港|乡: a township named after a harbour)
    for suf in _EXT_SUFFIXES:
        if text.startswith(suf, e):
            if suf == "地区" and level in ("region", "world_region", "country", "continent", "sea", "province"):
                return None  # 东北|地区, 中东|地区: the generic word stays outside the name
            after = text[e + len(suf) - 1:e + len(suf) + 1]
            if len(after) == 2 and after in R.common:
                return None
            if len(suf) == 1 and (name[-1] + suf) in R.common:
                return None  # 最大|城市: 大城 + 市 would cut the word 城市
            return suf, R.place_suffix_map[suf][1]
    return None


def _trim_stem(stem, R, boundary=False):
    """Drop leading verbs/adverbs (修筑|王河, 挖|河) from an unknown stem. ``boundary``: the stem starts right after a
    boundary word or punctuation (中部|花树下水库), so its first character is not dropped alone."""
    changed = True
    while changed and len(stem) > 1:
        changed = False
        if len(stem) > 2 and R.common.get(stem[:2]) in _VERBISH:
            stem = stem[2:]
            changed = True
        elif len(stem) > 2 and R.common.get(stem[:1]) in _VERB1 and stem[:2] not in R.common and not boundary:
            stem = stem[1:]
            changed = True
    return stem


def _left_cut(text, i, R):
    """The character at i ends a common (non-verb) word that starts before it, and what follows it is a word too
    (其中|国王; but 打中国人 keeps 中国)."""
    common = R.common
    if text[i + 1:i + 3] not in common:
        return False
    for w in (text[i - 1:i + 1], text[i - 2:i + 1] if i >= 2 else ""):
        if w in common and common[w] not in ("v", "vn", "vd"):
            return True
    return False


def _is_han(c):
    return "\u3400" <= c <= "\u9fff"


_PUNCT = set("，。、；：？！（）()《》“”\"'　 \n\t·—-「」『』,.;:?!")


def _stem_left(text, j, lo, maxlen, R, place_ends=None, word_start=False):
    """Start of the run of name characters ending at j (no stop characters or stop words, not before lo);
    returns (start, run_len). A stop character right after punctuation or a place (、曾家山煤矿, 綦江同兴煤矿)
    belongs to the name."""
    k = j
    words = R.stop_words
    while k > lo and (_is_han(text[k - 1]) or (text[k - 1] in "·•" and k - 2 >= lo and _is_han(text[k - 2]) and k < j)) \
            and j - k < maxlen + 3:  # 乔治·梅森大学: a foreign name's dot stays inside
        c = text[k - 1]
        if c in R.stop and not (text[k - 1:k + 1] in R.trades or text[k - 1:k + 2] in R.trades
                                or text[k - 1:k + 1] in R.stop_name_words):
            before = text[k - 2] if k - 2 >= 0 else "\n"
            if c not in _CORE_STOP and k - 1 > lo and (before == "、" or (place_ends and (k - 1) in place_ends)) \
                    and j - k >= 1:
                k -= 1
            break
        if k - 2 >= lo and (text[k - 2:k] in words or (k - 3 >= lo and text[k - 3:k] in words)):
            break
        k -= 1
    # a stem never starts with the second character of a boundary word (全国 -> not 国...), nor, for places
    # (``word_start``), of a common word begun by the stop character before it (沿岸|万泉寺 -> not 岸万泉寺), nor,
    # for any name, of a noun begun by it (全球|性国际组织)
    if k > lo and k < j and (text[k - 1:k + 1] in words or (
            k < j - 2 and text[k - 1] in R.stop and (
                (word_start and text[k - 1:k + 1] in R.common) or R.common.get(text[k - 1:k + 1]) == "n"))):
        k += 1
        if k < j - 2 and text[k - 2:k + 1] in R.common:
            k += 1  # 全球性|国际组织
    return k, j - k


#: two-character words a one-character facility suffix starts that still name the facility (中山路|口, 韶山路|上)
_FACILITY_WORDS = {"路口", "路上", "路段", "路边", "路旁"}
#: words a weak suffix starts with the next character (祖国山|水 'the motherland's landscape')
_SUFFIX_WORDS = {"山水", "山林", "江山", "湖畔", "河畔", "江畔", "岛上", "旗帜"}
_WEAK_SUFFIXES = {"盟", "旗", "州", "港", "街", "庄", "屯", "寨", "岛", "山", "江", "河", "湖", "渠", "洋"}
_CORE_STOP = set("的在是了和把被对从到给与及等各该这那每本我你他她它们个为有也都就又并而或所之着过得如据")


def _cut_verbs(stem, R, boundary=False):
    """部长深入|沫江, 现|印刷界, 配合|国营土产: keep what follows the last verb-like word of a stem ('' when the
    stem ends in one: 区委发动|公社). ``boundary``: the stem starts right after punctuation (、曾家山煤矿), so its
    first character is not cut alone."""
    best = 0
    for i in range(len(stem) - 1):
        w = stem[i:i + 2]
        if R.common.get(w) in _VERB2 and (len(stem) - (i + 2) >= 2 or i + 2 == len(stem)
                                           or stem[i + 2:] in ("县", "市", "省", "区", "乡", "村", "镇")):
            best = i + 2
    if best:
        return stem[best:]
    if len(stem) >= 3 and ((not boundary and R.common.get(stem[0]) in _VERB1 | {"t", "tg"}) or stem[0] in _LEAD_TIME) \
            and stem[:2] not in R.common:
        return stem[1:]
    return stem


#: titles and the 兼 of a person holding two posts: a body's name never runs through them
_TITLES = ("局长", "部长", "厅长", "处长", "科长", "县长", "市长", "省长", "校长", "院长", "所长", "社长", "队长", "团长",
           "书记", "主任", "主席", "总理", "经理", "董事长", "兼")

_TITLE_RE = re.compile("|".join(sorted(_TITLES, key=len, reverse=True)))

#: 该报, 该国, 本市: a demonstrative and a one-character noun before a name (rule org_suffix drops both)
_DEMONSTRATIVES = set("该本我此其贵")
_DEMONSTRATED = set("报国市县省区厂社校院所部局队团台刊")
#: 第三大银行, 第一大港: a rank, not a name
_RANK = re.compile(r"第[一二三四五六七八九十0-9]+大")

#: suffixes of bodies named by the work they do, so a stem may end in a verb (编译出版社, 勘探研究所)
_VERB_NAMED = {"出版社", "研究所", "研究院", "设计院", "研究会", "学会", "研究中心"}

#: numerals of numbered city districts (十五区政府, 第四区区委)
_DISTRICT_NUMERALS = set("一二三四五六七八九十")
_NUMBERED_DISTRICT = re.compile(r"(第?[一二三四五六七八九十]{1,3})区")
_ORDINALS_EN = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth",
                "Nineteenth", "Twentieth"]


def _ordinal_en(num: str) -> str:
    """四 -> Fourth, 第十五 -> Fifteenth, 二十三 -> 23rd (a district's number in English)."""
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    num = num.lstrip("第")
    if "十" in num:
        a, _, b = num.partition("十")
        n = (digits.get(a, 1) if a else 1) * 10 + (digits.get(b, 0) if b else 0)
    else:
        n = digits.get(num[:1], 0)
    if 0 < n < len(_ORDINALS_EN):
        return _ORDINALS_EN[n]
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"

#: classifiers and words after a numeral that make the stem a count (三家公司, 两个厂, 一些工厂, 几所学校)
_COUNT_WORDS = set("个家所座批位名条支种项只台辆部些级类户间处套艘架")

#: classifiers after a numeral inside a stem (新一轮|乡, 第三批|村): a count, not a name
_COUNTED = set("个座条只头匹块间轮批次届")

#: measure words that follow a numeral or determiner (35家, 各级, 这位, 一所)
_CLASSIFIERS = set("家级位名个所座批支")

#: time words and determiners that start a clause, not a name (现|印刷界职工会, 冬|被服厂)
_LEAD_TIME = set("现今去昨本该此各每其冬春夏秋原前")


_VERB2 = {"v", "vd", "d", "p", "c", "r", "ad", "t", "zg", "u", "y"}


def extract(text: str) -> list[Entity]:
    try:
        return _extract(text)
    except Exception:  # never raise on odd input
        if os.environ.get("DUIZHAO_STRICT"):
            raise
        return []


def _extract(text: str) -> list[Entity]:
    if not isinstance(text, str) or not text:
        return []
    R = rules()
    g = R.g
    spans = _scan(text, R)
    places: list[Entity] = []
    orgs: list[Entity] = []
    taken = []  # (s, e) of lexicon matches
    directions = []  # (s, e) of compass words read as no place (西北|部): no abbreviation inside them either
    for s, e, kind, w in spans:
        if kind == "N":
            taken.append((s, e))
            continue
        if kind == "O" and w[0] == "党" and s > 0 and _is_han(text[s - 1]) and text[s - 1] not in R.stop \
                and R.common.get(text[s - 2:s]) not in _VERB2 | {"vn"}:
            continue  # 老挝爱国战线|党中央: the party's own name ends in 党 (but 宣传|党中央: a verb before it)
        if kind == "O" and w[-1] == "党" and e < len(text) and text[e] in R.org_next_block.get("党", ()):
            continue  # 共产党|员, 共产党|人: a party member, not the party (but 新华社|长春, 解放军|官兵 stay)
        if kind == "O" and w[-1] == "部" and text[e:e + 1] in ("门", "分", "署", "位", "件", "落"):
            continue  # 司法部|门, 公安部|门 'the judicial departments': not the ministry
        if kind == "O":
            zh, sub, en = R.orgs[w]
            if sub == "party" and text.startswith("中央", e) and text[e + 2:e + 3] not in ("委", "政"):
                # rule party_centre: 致公党|中央, 民革|中央 -> the party's central committee is one name (not 国民党中央|政府)
                orgs.append(Entity(text=text[s:e + 2], start=s, end=e + 2, label="ORG", subtype=sub, norm=text[s:e + 2],
                                   en=f"Central Committee of the {en}" if en else None))
            orgs.append(Entity(text=w, start=s, end=e, label="ORG", subtype=sub, norm=zh, en=en))
            taken.append((s, e))
            continue
        cands = g.lookup_zh(w)
        p = cands[0]
        if s > 0 and p.level not in _MAJOR_LEVELS and text[s - 1:s + 1] in R.common and R.common.get(w[1:]) is not None and (
                len(w) >= 3 or R.common[w[1:]] in ("d", "p", "c", "u", "r", "q")) and not _place_context(text, s, e, spans, R):
            continue  # 抗议|政府 (not 议政府), 厂商|都 (not 商都): the first character ends a word, the rest is one
        if e - s == 2 and p.level not in _MAJOR_LEVELS and _in_foreign_name(text, s, e, R):
            # 法|兰西, 准|噶尔, 奥兰|迪斯: part of a longer transliterated name; when the name ends in a unit word
            # (贾拉拉巴|德州, 南里奥格朗|德州), the whole run of name characters before it is the place
            a = s
            while a > 0 and s - a < 6 and _is_han(text[a - 1]) and text[a - 1] not in R.stop and text[a - 1] not in _PUNCT:
                a -= 1
            if w[-1] in "州省市县郡邦岛港" and s - a >= 2 and text[e - 1:e + 1] not in R.common \
                    and all(c in R.translit_alphabet for c in text[a:s]):
                places.append(Entity(text=text[a:e], start=a, end=e, label="PLACE", subtype="other", norm=text[a:e],
                                     en=f"{_pinyin(text[a:e - 1])} {R.place_suffix_map.get(w[-1], (0, 0, 0, 0, ''))[4]}".strip()))
                taken.append((a, e))
            else:
                taken.append((s, e))
            continue
        if w in R.ambiguous and not _place_context(text, s, e, spans, R):
            continue
        if p.level in _LOW_LEVELS and _cuts_word(text, s, e, R) and not _place_context(text, s, e, spans, R):
            continue
        if e - s == 2 and w[1] in "县市区" and text[e:e + 1] == "长" and w[0] in "代任副正前原兼":
            continue  # 代|县长, 五任|县长: a title before 长, not the county 代县
        if e - s == 2 and p.level in _LOW_LEVELS | {"city"} and _person_name(text, s, e) \
                and not _place_context(text, s, e, spans, R):
            continue  # 主任田|昆山, 工人刘|永清: a person's given name
        if w.endswith("市") and len(w) >= 3 and text.startswith("郊", e) and g.best_zh(w[:-1]) is not None:
            # 北京市郊 is 北京 + 市郊 'the suburbs': the city's short name is the place
            places.append(_place_entity(text, s, e - 1, g.best_zh(w[:-1])))
            taken.append((s, e - 1))
            continue
        m = _AUTONOMOUS.match(text, e) if text.startswith(("族", "自治"), e) or "族" in text[e:e + 4] else None
        if m and w[-1] not in "省市县区州旗":
            # 大苗山|苗族自治县, 广通|回族自治县: the autonomous unit's name runs through its peoples
            name = text[s:m.end()]
            q = g.best_zh(name)
            sub = {"县": "county", "州": "prefecture", "区": "province", "旗": "county"}[m.group(1)]
            places.append(_place_entity(text, s, m.end(), q) if q is not None else Entity(
                text=name, start=s, end=m.end(), label="PLACE", subtype=sub, norm=name,
                en=f"{(p.en or _pinyin(w)).split(' ')[0]} {R.place_suffix_map.get('自治' + m.group(1), (0, 0, 0, 0, 'Autonomous ' + m.group(1)))[4]}"))
            taken.append((s, m.end()))
            continue
        ext = _suffix_extension(text, e, w, R, p.level)
        if ext:
            suf, sub = ext
            if suf == "地区":
                # 嘉山|地区, 北京|地区: the area around a named place; the name alone is returned too
                places.append(_place_entity(text, s, e, p))
            name = w + suf
            q = g.best_zh(name)
            if q is not None:
                places.append(_place_entity(text, s, e + len(suf), q))
            else:
                base_en = p.en.split(" ")[0] if p.level not in ("country",) else p.en
                places.append(Entity(text=name, start=s, end=e + len(suf), label="PLACE", subtype=sub, norm=name,
                                     en=f"{base_en} {R.place_suffix_map[suf][4]}"))
            taken.append((s, e + len(suf)))
            continue
        if w in _DIRECTION_REGIONS and text[e:e + 1] == "部":
            taken.append((s, e + 1))
            directions.append((s, e + 1))
            continue  # 美国西北|部, 华北中南|部: 'the north-western part', a direction, not the region
        places.append(_place_entity(text, s, e, p))
        taken.append((s, e))
        if text[e:e + 1] in R.facility_first:
            for suf, en_suf in R.facilities:
                if text.startswith(suf, e) and not R.org_suffix_re.match(text, e + len(suf)) \
                        and not (len(suf) == 1 and text[e:e + 2] in R.common and text[e:e + 2] not in _FACILITY_WORDS):
                    # rule facility (not 上海铁路|局: a body named after the facility): 德黑兰|机场, 杭州|植物园 (the place stays a place of its own)
                    places.append(Entity(text=text[s:e + len(suf)], start=s, end=e + len(suf), label="PLACE",
                                         subtype="other", norm=text[s:e + len(suf)], en=f"{p.en or _pinyin(w)} {en_suf}"))
                    taken.append((s, e + len(suf)))
                    break
    # places nested in lexicon organisations (中国人民解放军 -> 中国)
    for o in list(orgs):
        for s2, e2, kind, w in _scan(o.text[:-1], R):  # (not the whole name: 中国|工程院 is in the lexicon too)
            if kind == "P" and w not in R.ambiguous and (e2 - s2) < len(o.text):
                places.append(_place_entity(text, o.start + s2, o.start + e2, g.lookup_zh(w)[0]))
    # rule place_suffix: unknown stems + suffix
    occupied = _Spans(taken)
    lex_end = {p.end: p for p in places if p.end - p.start == 2}
    absorbed = set()
    for m in R.place_suffix_re.finditer(text):
        j, k = m.start(), m.end()
        suf = m.group(0)
        if _inside(occupied, j, k):
            continue
        _, sub, mn, mx, en_suf = R.place_suffix_map[suf]
        lo = occupied.last_end(j)
        st, run = _stem_left(text, j, lo, mx, R, word_start=True)
        q = lex_end.get(lo) if sub == "village" and st == lo and 1 <= run <= 2 else None
        if q is not None and q.subtype in ("district", "township", "other") \
                and not any(c in R.stop for c in text[lo:j]) and text[lo:j + 1] not in R.common:
            # rule village_of_place: 东湖|渠村 -> 东湖渠村, a village named with a place name and one or two characters
            name = text[q.start:k]
            places.append(Entity(text=name, start=q.start, end=k, label="PLACE", subtype="village", norm=name,
                                 en=f"{_pinyin(name[:-1])} {en_suf}"))
            absorbed.add(id(q))
            occupied.add(q.start, k)
            continue
        if sub not in ("province", "region", "city", "prefecture", "special_district") and run >= 2:
            seg = text[st:j]
            cut = max(seg.rfind(c) for c in "省市县区乡镇村")
            if cut >= 0 and cut < len(seg) - 1:
                st = st + cut + 1
                lo = st
                run = j - st
        tl = _translit_len(text, j, lo, R) if sub in _TRANSLIT_SUBS else 0
        if tl >= max(4, mx) and text[j - tl:k] not in R.not_place:
            # rule transliteration: 莱克伍德|县, 巴达赫尚|省, 尼·伯尔切斯库|镇: a foreign name is longer than Chinese ones
            s0 = j - tl
            q = g.best_zh(text[s0:k])
            places.append(_place_entity(text, s0, k, q, subtype=None if q else sub,
                                        en=None if q else f"{_pinyin(text[s0:j])} {en_suf}".strip()))
            occupied.add(s0, k)
            continue
        if run < mn:
            continue
        natural = sub in ("river", "lake", "mountain", "village", "other")
        if run > mx:
            if natural or st != lo:
                continue
        stem = text[j - min(run, mx):j]
        if sub not in ("province", "region", "city", "prefecture", "special_district"):
            for cut in "省市县":
                if cut in stem:
                    stem = stem[stem.rindex(cut) + 1:]
        s_st = j - len(stem)
        stem = _trim_stem(stem, R, boundary=s_st > 0 and (text[s_st - 2:s_st] in R.stop_words or text[s_st - 1] in _PUNCT))
        if len(stem) < mn or not stem:
            continue
        if stem in R.common and not (len(stem) == 1 and sub == "river"):
            if sub in ("district", "prefecture", "province", "city", "county", "region") or R.common[stem] in _VERBISH \
                    or suf in _FACILITY_SUFFIXES:
                continue  # (国际|机场, 新|体育馆: a kind of facility, not its name)
        if len(stem) == 1 and R.common.get(stem) in _VERBISH:
            continue
        if len(stem) >= 2 and R.common.get(stem[0]) == "v" and g.best_zh(stem) is None and stem[:2] not in R.common \
                and suf in ("河", "渠", "江", "湖", "沟"):
            continue  # 修|旧渠, 挖|河, 撑|破屯: a verb, not a name
        if (stem[-1] + suf[0]) in R.common and g.best_zh(stem + suf) is None and suf in _WEAK_SUFFIXES:
            continue  # 工农联|盟, 两国|国旗: the suffix is part of a common word
        if suf in _WEAK_SUFFIXES and len(suf) == 1 and (text[j:k + 1] in R.common or text[j:k + 1] in _SUFFIX_WORDS) \
                and text[k:k + 1] not in "村镇乡庄屯寨区" and text[k:k + 2] != "地区" \
                and g.best_zh(stem + suf) is None:
            continue  # 祖国山|水, 流落岛|上, 团结旗|帜: the suffix starts a common word with what follows
        if text.startswith("军区", j - 1):
            continue
        if suf == "共和国" and (stem in R.common or "人民" in stem or "民主" in stem or "加盟" in stem):
            continue  # 人民共和国, 加盟共和国: not a name on its own
        if any(c in "吨斤亩元米" for c in stem) or text[j:k + 1] in ("村庄", "区域", "乡镇") \
                or any(a in _NUMERAL and b in _COUNTED for a, b in zip(stem, stem[1:])):  # (新一轮|乡: a count)
            continue
        if len(stem) == 2 and R.common.get(stem[0]) == "v" and stem not in R.common and g.best_zh(stem) is None \
                and sub in ("province", "district", "county", "prefecture"):
            continue  # 产棉|省, 产漆|地区
        if len(stem) == 2 and stem[0] in _SURNAMES and (stem[1] + suf) in R.lex:
            continue  # 阎|锡山: a surname and a known place's name make a person's name
        if suf in ("乡", "州") and text[k:k + 1] == "族":
            continue  # 7户|东乡族, 回|州族: an ethnic group, not a township
        if (suf == "市" and text[k:k + 1] == "场") or (suf == "山" and text[k:k + 1] == "区"):
            continue  # 旧货市|场 (market), 贫困山|区 (mountain area)
        if suf in ("市", "县", "区", "省") and text[k:k + 1] == "长" and (stem[-1] in "代任副正前原" or stem[-1] in _SURNAMES):
            continue  # 托项|市长, 代|县长: a title, not a place
        if suf in ("市", "省", "县") and (stem[-1] + suf) in R.common and g.best_zh(stem + suf) is None:
            continue  # 大城|市, 都|市
        s0 = j - len(stem)
        name = stem + suf
        if name in R.not_place or stem in R.not_place or stem[-1] in _NUMERAL or \
                (stem[0] in _NUMERAL and (len(stem) < 2 or stem[1] in _NUMERAL or stem[1] in "个座条只头匹块间")):
            continue
        if any(name.endswith(w) for w in (name[-3:], name[-2:]) if w in R.not_place and len(w) > len(suf)):
            continue
        if any(c in R.stop for c in stem):
            continue
        if k < len(text) and suf in ("市", "县", "省", "区") and text[k:k + 1] in ("长", "委", "级", "属", "民", "场", "面", "镇"):
            # 县长, 市委 ...: still a place, the following word is separate; keep
            pass
        if suf in ("寺", "庙", "宫", "港", "桥") and text[k:k + 1] in ("乡", "镇", "村"):
            # 西高庙|乡, 万泉寺|村: a township or village named after its temple
            stem, suf = name, text[k]
            name = stem + suf
            k += 1
            _, sub, _, _, en_suf = R.place_suffix_map[suf]
        p = g.best_zh(name)
        places.append(_place_entity(text, s0, k, p, subtype=None if p else sub,
                                    en=None if p else f"{_pinyin(stem)} {en_suf}".strip()))
        if suf in ("地区", "渔场") and p is None and len(stem) >= 2:
            # 芒显|地区, 感恩|渔场: the area around a named place; the name alone is returned too (as for gazetteer
            # names)
            places.append(Entity(text=stem, start=s0, end=j, label="PLACE", subtype="other", norm=stem,
                                 en=_pinyin(stem)))
        occupied.add(s0, k)
    if absorbed:
        places = [p for p in places if id(p) not in absorbed]
    places.extend(_safe(_datelines, [], text, R, places, orgs))
    places = _safe(_merge_autonomous, places, text, places, R)
    places.extend(_safe(_enumerations, [], text, R, places))
    places.extend(_safe(_translit_places, [], text, R, places))
    places.sort(key=lambda e: (e.start, -e.end))
    places = _dedupe(places)
    places = _safe(_coordination, places, text, places, R)
    places.extend(_safe(_abbreviations, [], text, R, places, directions))
    teams = _safe(_sports_countries, [], text, places, R)
    if teams:
        ids = {id(p) for p in teams}
        places = [p for p in places if id(p) not in ids]
        orgs.extend(Entity(text=p.text, start=p.start, end=p.end, label="ORG", subtype="sports", norm=p.text,
                           en=p.en, place=p.text) for p in teams)
    orgs = _safe(_extend_lexicon_orgs, orgs, text, orgs, places, R)
    orgs.extend(_safe(_quoted_and_congress, [], text, R, places, orgs))
    inside_names = set()
    orgs.extend(_safe(_org_suffix, [], text, R, places, orgs, inside_names))
    if inside_names:
        places = [p for p in places if id(p) not in inside_names]
    orgs.extend(_safe(_agencies, [], text, R, orgs))
    coord = _safe(_org_coordination, [], text, R)
    if coord:
        spans = {(o.start, o.end) for o in coord}
        places = [p for p in places if not (p.gazetteer_id is None and (p.start, p.end) in spans)]
        orgs.extend(coord)  # (午汲 of 城关、午汲和红旗等三个人民公社 is a commune, not a guessed place)
    orgs.extend(_safe(_merge_chains, [], text, orgs, places, R))
    orgs.extend(_safe(_org_units, [], text, orgs, places, R))
    out = _dedupe(sorted(places + orgs, key=lambda e: (e.start, -e.end, e.label)))
    return out


#: rule dateline: 新华社康开三十一日电, 本报德国罗滕堡5月27日电: what stands between the agency and the date (or 电/讯)
#: is where the dispatch was filed
_DATELINE = re.compile(r"(?:新华社|新华通讯社|本报|中央社|中新社|路透社|合众社|美联社|法新社|塔斯社|共同社)"
                       r"([\u4e00-\u9fff]{2,8}?)(?:[〇一二三四五六七八九十廿卅0-9０-９]{1,3}月)?"
                       r"(?:[〇一二三四五六七八九十廿卅0-9０-９]{1,3}日)?(?:专)?[电讯]")


#: agencies that head a dispatch (rule _merge_chains joins nothing to them)
_DATELINE_AGENCIES = {"新华社", "新华通讯社", "本报", "中央社", "中新社", "路透社", "合众社", "美联社", "法新社", "塔斯社", "共同社"}

#: 沪讯：, 京电： at the head of a dispatch: a one-character name before 讯/电
_WIRE_ABBREV = re.compile(r"(?:^|(?<=[】\n　 ]))([\u4e00-\u9fff])(?:[〇一二三四五六七八九十廿卅]{1,3}日)?[电讯][：:]")
#: what every _WIRE_ABBREV match ends with (a text without it is not scanned)
_WIRE_TAIL = re.compile(r"[电讯][：:]")


#: words of the byline, not of the place: 本报通讯员王明讯, 本报驻沈阳记者张三电
_DATELINE_NOT = ("记者", "特派", "通讯", "员", "驻", "特约", "消息", "报道")


def _datelines(text, R, places, orgs):
    if "电" not in text and "讯" not in text:
        return []
    out = []
    for m in (_WIRE_ABBREV.finditer(text) if _WIRE_TAIL.search(text) else ()):
        if m.group(1) in R.abbrev:
            out.append(_abbrev_entity(text, m.start(1), R.g, R.abbrev))
    place_starts, org_starts = {}, {}
    for p in places:
        place_starts.setdefault(p.start, []).append(p)
    for o in orgs:
        org_starts.setdefault(o.start, []).append(o)
    for m in _DATELINE.finditer(text):
        s, e = m.span(1)
        seg = m.group(1)
        near_orgs = [o for x in range(max(0, s - 24), e) for o in org_starts.get(x, ())]
        if any(w in seg for w in _DATELINE_NOT) or any(o.start < e and s < o.end for o in near_orgs) \
                or any(R.lex.get(seg[:n]) == "O" for n in range(2, len(seg) + 1)):
            continue  # 本报记者..., 本报联合国6月9日电 (an organisation, not a place)
        near = [p for x in range(max(0, s - 24), e) for p in place_starts.get(x, ())]
        inside = sorted((p for p in near if s <= p.start and p.end <= e), key=lambda p: p.start)
        if any(p.start < e and s < p.end and not (s <= p.start and p.end <= e) for p in near):
            continue
        pos = s
        gaps = []
        for p in inside:
            if p.start > pos:
                gaps.append((pos, p.start))
            pos = max(pos, p.end)
        if pos < e:
            gaps.append((pos, e))
        for a, b in gaps:
            w = text[a:b]
            if b - a < 2 or w in R.common or w in R.not_place or any(c in R.stop for c in w) or w[0] in _NUMERAL:
                continue
            out.append(Entity(text=w, start=a, end=b, label="PLACE", subtype="other", norm=w, en=_pinyin(w)))
    return out


_ETHNIC_UNIT = re.compile(r"(?:[\u4e00-\u9fff]{1,3}?族)+自治(县|州|区|旗)")


def _merge_autonomous(text, places, R):
    """大苗山 + 苗族自治县 -> 大苗山苗族自治县: a place right before '<people>族自治县' names the autonomous unit."""
    by_end = {}
    for p in places:
        if p.end not in by_end or p.start < by_end[p.end].start:
            by_end[p.end] = p
    out, drop = [], set()
    for q in places:
        if not _ETHNIC_UNIT.fullmatch(q.text) or q.start not in by_end:
            continue
        p = by_end[q.start]
        name = text[p.start:q.end]
        g = R.g.best_zh(name)
        out.append(_place_entity(text, p.start, q.end, g) if g is not None else Entity(
            text=name, start=p.start, end=q.end, label="PLACE", subtype=q.subtype, norm=name,
            en=f"{(p.en or _pinyin(p.text)).split(' ')[0]} {q.en.split(' ', 1)[-1] if q.en else ''}".strip()))
        drop.add(id(q))
        if not p.gazetteer_id:
            drop.add(id(p))  # 大苗山 was only a guess from its 山
    if not out:
        return places
    return [p for p in places if id(p) not in drop] + out


#: items of 2-4 characters separated by 、, the last one possibly joined by 和/与/及 (本厂、金村和水东三地)
_ENUM = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、){1,12}[\u4e00-\u9fff]"
                   r"[\u4e00-\u4e0d\u4e0f-\u53c9\u53cb-\u548b\u548d-\u9fff]{1,3}"  # (not 与 及 和)
                   r"(?:[和与及][\u4e00-\u9fff]{2,4})?")
_ENUM_TAIL = re.compile(r"(等)?([一二三四五六七八九十两几]+个?)?(专区|地区|省|市|县|区|乡|镇|村|地)")


def _enumerations(text, R, places):
    """桓台、章邱、章历、长山 / 新阳、松浦、顾乡五区: in a list of short names where most items are known places,
    or that ends in a place word (五区, 等县), the unknown items are places too."""
    out = []
    by_span = starts = ends = None
    for m in (_ENUM.finditer(text) if "、" in text else ()):  # (every list has a 、)
        if by_span is None:  # (built at the first list)
            by_span = {(p.start, p.end) for p in places}
            starts = {p.start: p for p in places}
            ends = {p.end: p for p in places}
        s0 = m.start()
        if s0 > 0 and _is_han(text[s0 - 1]) and text[s0 - 1] not in R.stop:
            # the first item must start at a boundary; else it is the known place ending there (满载|曹县、齐滨两县),
            # or it is dropped
            first_end = text.index("、", s0)
            p0 = ends.get(first_end)
            q = next((x for x in range(s0 + 1, first_end - 1) if x in ends), None)
            if p0 is not None and p0.start > s0:
                s0 = p0.start
            elif q is not None:
                s0 = q  # 琅勃拉邦省|舍肖、舍卡梭: the list starts after the province that holds it
            else:
                s0 = first_end + 1
        # a list right after a unit written with its suffix (琅勃拉邦省|舍肖、舍卡梭) lies in it
        after_place = s0 in ends and ends[s0].text[-1] in "省县州" and ends[s0].subtype != "other"
        items = []
        pos = s0
        parts = text[s0:m.end()].split("、")
        last = parts[-1]
        for k in range(2, len(last) - 1):
            if last[k] in "和与及" and k <= 4:
                parts[-1:] = [last[:k], last[k + 1:]]  # 金村和水东: the last item joined by 和
                break
        for part in parts:
            items.append((pos, pos + len(part), part))
            pos += len(part) + 1
        if len(items) < 2:
            continue
        # the last item may run into the tail (顾乡五区): cut at the tail
        ls, le, lp = items[-1]
        tail = None
        for cut in range(2, len(lp) + 1):
            t = _ENUM_TAIL.match(text, ls + cut)
            if t and (t.group(2) or (t.group(1) and t.group(3) != "地")):  # 三地 (three places), not 等地 (and so on)
                tail = t
                items[-1] = (ls, ls + cut, lp[:cut])
                break
        if tail is None:
            t = _ENUM_TAIL.match(text, le)
            if t and (t.group(2) or (t.group(1) and t.group(3) != "地")):
                tail = t
        known = sum(1 for s, e, w in items if (s, e) in by_span or (s in starts and starts[s].end == e))
        if not tail and not after_place and known * 2 < len(items):
            continue
        if known == 0 and not tail and not after_place:
            continue
        for s, e, w in items:
            if (s, e) in by_span or w in R.common or w in R.not_place or any(c in R.stop for c in w) \
                    or w[0] in _NUMERAL or len(w) > 3:
                continue
            if any(p.start < e and s < p.end for p in places):
                continue
            out.append(Entity(text=w, start=s, end=e, label="PLACE", subtype="other", norm=w, en=_pinyin(w)))
    return out


class _Spans:
    """Sorted (start, end) spans with fast 'inside' and 'last end before' queries."""

    def __init__(self, spans=()):
        self.spans = sorted(spans)
        self.max_len = max((e - s for s, e in self.spans), default=0)
        self.ends = sorted(e for _, e in self.spans)

    def add(self, s, e):
        bisect.insort(self.spans, (s, e))
        bisect.insort(self.ends, e)
        self.max_len = max(self.max_len, e - s)

    def inside(self, j, k):
        i = bisect.bisect_right(self.spans, (j, float("inf")))
        while i > 0:
            i -= 1
            s, e = self.spans[i]
            if s < j - self.max_len:
                break
            if s <= j and k <= e:
                return True
        return False

    def last_end(self, j):
        i = bisect.bisect_right(self.ends, j)
        return self.ends[i - 1] if i else 0


def _safe(fn, default, *args):
    """Run one rule; a rule that fails on odd input loses its own results only (DUIZHAO_STRICT=1 re-raises)."""
    try:
        return fn(*args)
    except Exception:
        if os.environ.get("DUIZHAO_STRICT"):
            raise
        return default


def _inside(spans, j, k):
    if isinstance(spans, _Spans):
        return spans.inside(j, k)
    for s, e in spans:
        if s <= j and k <= e:
            return True
    return False


def _dedupe(ents):
    seen = set()
    out = []
    for e in ents:
        key = (e.start, e.end, e.label)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def _place_context(text, s, e, spans, R):
    """An ambiguous name counts as a place before a place suffix, in a list of places (、和及), or right after
    the province or prefecture it lies in (河北省|太平 when 太平 is a county of 河北)."""
    nxt = text[e:e + 2]
    if (nxt[:1] in "省市县区乡村镇" and nxt not in ("村庄", "区域", "市场", "镇压", "省得")) or nxt in ("专区", "地区"):
        return True  # (沿河|村庄 'villages along the river': no place suffix there)
    if nxt in _RIVER_PARTS:
        return True  # 汉水|流域, 淮河|两岸: a river's basin, banks and reaches
    by_end, by_start, words_by_end = _span_index(spans, R)
    for pos in (s - 1,):
        if pos in by_end and text[pos:s] in "、和及与":
            return True
    for pos in (e + 1,):
        if pos in by_start and text[e:pos] in "、和及与":
            return True
    if s in words_by_end:
        parent = words_by_end[s]
        g = R.g
        pnames = {parent}
        for p in g.lookup_zh(parent)[:3]:
            pnames.add(p.zh)
        for c in g.lookup_zh(text[s:e]):
            if c.province in pnames or c.parent in pnames:
                return True
    return False


_SPAN_CACHE = {}


def _span_index(spans, R):
    key = id(spans)
    hit = _SPAN_CACHE.get(key)
    if hit is not None and hit[0] is spans:
        return hit[1], hit[2], hit[3]
    by_end, by_start, words_by_end = set(), set(), {}
    for s2, e2, kind, w in spans:
        if kind == "P" and w not in R.ambiguous:
            by_end.add(e2)
            by_start.add(s2)
            words_by_end[e2] = w
    _SPAN_CACHE.clear()
    _SPAN_CACHE[key] = (spans, by_end, by_start, words_by_end)
    return by_end, by_start, words_by_end


def _coordination(text, places, R):
    """南宁市和容县、桂林、平乐等专区: the suffix after the list applies to the bare names in it."""
    if not places:
        return places
    g = R.g
    out = list(places)
    index = {id(p): i for i, p in enumerate(out)}
    for i, p in enumerate(out):
        m = R.distrib.match(text, p.end)
        if not m or (not m.group(1) and p.text.endswith(tuple(R.place_suffix_map))):
            continue
        if not m.group(1) and R.place_suffix_map.get(m.group(2), (None, None))[1] in ("village", "district", "township"):
            continue
        suf = m.group(2)
        sub = R.place_suffix_map[suf][1]
        chain = [i]
        j = i
        while j > 0:
            q = out[j - 1]
            gap = text[q.end:out[j].start]
            if gap in _SEPARATORS and q.end <= out[j].start:
                chain.append(j - 1)
                j -= 1
            else:
                break
        for c in chain:
            q = out[c]
            if q.text.endswith(tuple(R.place_suffix_map)) and not q.text.endswith(("东", "西", "南", "北")):
                continue
            full = q.text + suf
            pl = g.best_zh(full) or g.best_zh(q.text, sub)
            en = None
            if not pl or pl.level != sub:
                base = g.best_zh(q.text)
                py = (base.en.split(" ")[0] if base else q.text)
                en = f"{py} {R.place_suffix_map[suf][4]}"
            sub_c = pl.subtype if (pl and pl.zh == full) else sub
            if pl and pl.subtype != sub_c and pl.zh != full and suf in ("专区", "地区"):
                alt = [a for a in pl.en_alt if a.endswith(R.place_suffix_map[suf][4])]
                if alt:
                    en = alt[0]
                pl_id = pl.id
            else:
                pl_id = None
            out[c] = Entity(text=q.text, start=q.start, end=q.end, label="PLACE", subtype=sub_c,
                            norm=(pl.zh if pl and pl.subtype == sub_c else full),
                            en=(pl.en if pl and pl.subtype == sub_c else en),
                            gazetteer_id=(pl.id if pl and pl.subtype == sub_c else pl_id or q.gazetteer_id),
                            modern=(pl.modern or None) if pl and pl.subtype == sub_c else q.modern)
    return out


def _abbreviations(text, R, places, blocked=()):
    """One-character names: pairs (中美关系, 日俄和约), X方 (中方), after a verb (访华, 抗日), before a head (美军, 华侨).
    ``blocked``: spans read as no place (西北|部), where no abbreviation starts either."""
    g = R.g
    covered = bytearray(len(text) + 1)
    for p in places:
        for i in range(p.start, p.end):
            covered[i] = 1
    for a, b in blocked:
        for i in range(a, b):
            covered[i] = 1
    out = []
    ab, pairs, common = R.abbrev, R.abbrev_pair_chars, R.common
    n = len(text)
    i = 0
    find = R.abbrev_char_re.search if R.abbrev_char_re is not None else None
    while i < n:
        if find is not None:
            m = find(text, i)  # (the characters before it are no names)
            if m is None:
                break
            i = m.start()
        c = text[i]
        if c not in ab or covered[i]:
            i += 1
            continue
        prev = text[i - 1] if i else ""
        # words through the left edge (其中, 集中, 发展中, 升华) are not names, unless the word is 访华, 驻华 ...
        if prev and ((prev + c) in common or (prev + c) in R.abbrev_words) and prev not in R.abbrev_verbs:
            i += 1
            continue
        # rule pair_before_relation: two or three one-character names right before a relation word (中日两国,
        # 巴以谈判, 中美关系), even when the pair also spells a common word (中日 'noon and day') or one of them is
        # no pair character on its own (以)
        j = i
        while j < n and j - i < 3 and text[j] in ab and not covered[j] and (j == i or text[j] != text[j - 1]):
            j += 1
        if j - i >= 2 and text.startswith(R.abbrev_pair_next, j) \
                and not (prev and (prev + c) in common and prev not in R.abbrev_verbs):
            for k in range(i, j):
                out.append(_abbrev_entity(text, k, g, ab))
            i = j
            continue
        # rule pair_with_comma: 中、阿建交, 中、斯登山队: two names joined by 、 before a relation word
        if i + 3 <= n and text[i + 1:i + 2] == "、" and text[i + 2:i + 3] in ab and not covered[i + 2] \
                and (text.startswith(R.abbrev_pair_next, i + 3) or text.startswith(("在", "建交"), i + 3)) \
                and (not prev or not _is_han(prev) or prev in R.stop):
            out.append(_abbrev_entity(text, i, g, ab))
            out.append(_abbrev_entity(text, i + 2, g, ab))
            i += 3
            continue
        # a run of pair characters: 中美, 中日韩
        j = i
        while j < n and text[j] in pairs and not covered[j] and (j == i or (
                text[j - 1:j + 1] not in common and text[j - 1:j + 1] not in R.abbrev_words)):
            j += 1
        while j - i >= 2 and j < n and text[j - 1:j + 1] in common:
            j -= 1  # 中美加|强: the last character belongs to the next word
        if j - i >= 2 and (j >= n or (text[j - 1:j + 1] not in common)):
            for k in range(i, j):
                out.append(_abbrev_entity(text, k, g, ab))
            i = j
            continue
        nxt = text[i + 1] if i + 1 < n else ""
        r = ab[c]
        ok = False
        if any(R.lex.get(text[i:i + L]) == "O" or (text[i:i + L] in R.lex and text[i:i + L] not in R.ambiguous)
               for L in range(2, 6)):
            i += 1
            continue  # 朝|鲜人民军: the character starts a longer name
        if nxt and nxt in (r.get("next") or "") and (c + nxt) not in R.abbrev_words \
                and (common.get(c + nxt, "n")[:1] in ("n", "q", "j") or (nxt == "方" and c in R.abbrev_countries)) \
                and not (nxt == "方" and text[i + 1:i + 3] in common):  # (以|方便, 以|方法)
            ok = True  # 美军, 日方, 巴总理, 华侨, 京剧, 藏族 (中方 'the Chinese side'): the following character is curated
        if not ok and c in R.abbrev_countries and text.startswith(R.abbrev_next_words, i + 1) and c != "中" \
                and (not prev or not _is_han(prev) or prev in R.stop or prev in R.abbrev_verbs):
            ok = True  # 罗|政府, 日|首相, 巴|境内: a country before a word of state
        if not ok and r["single"] == "1" and prev in R.abbrev_verbs and (not nxt or (c + nxt) not in common):
            ok = True
        if not ok and c == "俄" and nxt not in ("顷", "而"):
            ok = True
        if ok:
            out.append(_abbrev_entity(text, i, g, ab))
        i += 1
    return out


def _abbrev_entity(text, k, g, ab):
    r = ab[text[k]]
    p = g.best_zh(r["zh"])
    return _place_entity(text, k, k + 1, p, subtype=(p.subtype if p else "country"))


def _covered(ents, s, e):
    return any(x.start <= s and e <= x.end for x in ents)


def _org_suffix(text, R, places, orgs, inside_names=None):
    """``inside_names`` (a set) receives the ids of places read inside an organisation's own name (中|梁山|煤矿,
    张|德昌|组): the name runs through them, so they are no places of their own."""
    g = R.g
    out = []
    place_end = {}
    for p in places:
        if p.end not in place_end or p.start < place_end[p.end].start:
            place_end[p.end] = p
    # a body word known on its own may still end a longer name (西满铁路|总工会, 科学技术|协会): its span is open,
    # unless it starts with its own level word (市政府, 县委, 区党委: 今春|市政府, 该区|区政府 are no names)
    open_ = {w for w in R.standalone_orgs if w[0] not in "市县省区地村团党专行乡"}
    taken = _Spans((o.start, o.end) for o in orgs if o.text not in open_)
    org_end = {}
    for o in orgs:
        if (o.end not in org_end or o.start < org_end[o.end].start) and o.text not in open_:
            org_end[o.end] = o
    for m in R.org_suffix_re.finditer(text):
        j, k = m.start(), m.end()
        suf = m.group(0)
        if _inside(taken, j, k):
            continue
        if suf == "军" and text[j:k + 1] in R.common:
            continue  # 军|政, 军|事: the suffix starts a common word
        if len(suf) == 1 and j > 0 and text[j - 1:k] in R.org_suffix_words:
            continue  # 俄罗斯|签署, 日本|政局, 发展|大局: the suffix ends a common word
        prev_org = org_end.get(j)
        if prev_org is not None and suf not in ("党",) and (
                text[k:k + 1] in R.org_next_block.get(suf, ()) or (len(suf) == 1 and text[j:k + 1] in R.common)):
            continue  # 统战部|部长, 公安局|局长: the suffix starts a title after the name, not a second body
        if prev_org is not None and suf == "组织" and _is_han(text[k:k + 1]) and text[k] not in R.stop:
            continue  # 市政府|组织渔业生产合作总社: the body organises, 组织 is its verb
        if prev_org is not None and suf not in ("党",):
            # 国民党|政府, 青年团|支部, 行署|印刷厂, 北京师范大学|教育系: an organisation word after a known one
            _, sub, en_suf, mx = R.org_suffix_map[suf]
            a = prev_org.start
            q = place_end.get(a)
            if q is not None and prev_org.place is None and q.subtype in ("township", "village", "district", "county") \
                    and text[a:a + 2] in ("中共", "中国"):
                a = q.start  # 龙潭乡|中共|支部: the township's party branch
            name = text[a:k]
            o = Entity(text=name, start=a, end=k, label="ORG", subtype=sub, norm=name,
                       en=(f"{en_suf} of {prev_org.en}" if prev_org.en else None),
                       place=prev_org.place or (q.text if a != prev_org.start else None),
                       place_parent=prev_org.place_parent)
            out.append(o)
            org_end[k] = o
            taken.add(a, k)
            continue
        # the longest suffix ending here (合作社 not 社)
        _, sub, en_suf, mx = R.org_suffix_map[suf]
        if text[k:k + 1] in R.org_next_block.get(suf, ()):
            continue
        # left part: trade/name stem, then places
        lo = taken.last_end(j)
        st, run = _stem_left(text, j, lo, mx, R, place_end)
        inner = [place_end[x] for x in range(st + 1, j + 1) if x in place_end and place_end[x].start >= st]
        seg_from = inner[-1].end if inner else st
        if j - seg_from >= 2 and not (inner and len(suf) >= 2 and j - seg_from >= 4
                                      and R.common.get(text[seg_from:seg_from + 2]) not in _VERB2 | {"vn", "a"}
                                      and text[seg_from] not in R.stop):
            # (but 中国|环境管理体系认证指导|委员会: after a place, the verbs inside a long name belong to it)
            cut = _cut_verbs(text[seg_from:j], R, boundary=bool(inner) or text[st] in R.stop or (
                seg_from == st and (st == 0 or not _is_han(text[st - 1]) or text[st - 1] in _CORE_STOP)))
            if not cut and suf in _VERB_NAMED and j - seg_from >= 3 and R.common.get(text[seg_from:seg_from + 2]) \
                    not in _VERB2 | {"vn"}:
                cut = text[seg_from:j]  # 中央编译|出版社, 地质勘探|研究所: a press or an institute is named by its work
            if len(cut) < j - seg_from and not (not cut and inner):
                st, run = j - len(cut), len(cut)
                if not cut:
                    continue
        if inner and inner[0].start - st >= 2:
            # 收购|太平洋电信公司: a verb before the first place inside the run is no part of the name
            pre = text[st:inner[0].start]
            cut = _cut_verbs(pre, R, boundary=True)
            if len(cut) < len(pre):
                st = inner[0].start - len(cut)
                run = j - st
        if suf.endswith("委") and text.startswith("员会", k):
            k += 2
            suf, sub, en_suf = suf + "员会", "government" if suf == "委" else "party", "Committee"
        # a place ending within the run starts the name
        start = None
        trade = None
        place_ent = parent_ent = None
        q0 = place_end.get(j + 1)
        if q0 is not None and q0.text[-1] == suf[0] and len(suf) >= 2 and q0.start >= lo:
            # 河北省|委, 安庆市|委: the place's own suffix starts the organisation word
            place_ent = q0
            start = q0.start
            q = place_end.get(q0.start)
            if q and q.start >= lo:
                parent_ent, start = q, q.start
            name = text[start:k]
            start = _extend_prefix(text, start, R, orgs)
            name = text[start:k]
            en = (place_ent.en or place_ent.text) + " " + en_suf
            out.append(Entity(text=name, start=start, end=k, label="ORG", subtype=sub, norm=name, en=en,
                              place=place_ent.text, place_parent=(parent_ent.text if parent_ent else None)))
            taken.add(start, k)
            continue
        rejected = []
        for pos in range(j, st - 1, -1):
            p = place_end.get(pos)
            if p and p.start >= lo and p.start > st and p.start not in place_end and p.subtype in _LOW_LEVELS \
                    and _is_han(text[p.start - 1]) and text[p.start - 1] not in R.stop:
                rejected.append(p)
            elif p and p.start >= lo:
                place_ent = p
                start = p.start
                q = place_end.get(p.start)
                if q and q.start >= lo:
                    parent_ent = q
                    start = q.start
                break
        if start is None:
            if run < 1 or run > mx:
                if run > mx and st == lo and run <= mx + 3:
                    start = j - mx
                else:
                    continue
            else:
                start = st
            if start > 0 and ((text[start] in _CLASSIFIERS and (text[start - 1] in _NUMERAL or text[start - 1] in "各多每数几该这那哪某"))
                              or (text[start] in "年月" and text[start - 1] in _NUMERAL)):
                start += 1  # 35家|航空公司, 各级|党组织, 这位|新部长, 1958年|人保公司: no name starts there
                run = j - start
                if run < 1:
                    continue
        if any(text[j - n:k] in R.org_verb_phrases for n in (1, 2) if j - n >= start):
            continue  # 校|上中学, 刚|出医院, 自己|办厂: a verb phrase
        pre = 2 if start >= 2 and text[start - 2:start + 1] in R.org_prefix_set else 0
        if pre and not place_ent:
            start -= pre  # 主持自治|区人民政府 -> 自治区人民政府: a prefix word of names runs into the start
        elif not place_ent and 0 < start < j and _is_han(text[start - 1]) and text[start:start + 2] not in R.common \
                and (R.common.get(text[start - 1:start + 1]) in _VERB2 | {"f", "a"} or text[start - 1:start + 1] == "月份"
                     or (start >= 2 and text[start - 2:start + 1] in R.common)):
            start += 1  # 3月|份特区政府, 可|惜通讯, 团以|上党委中心组, 直辖|市党委: a word runs into the name's start
            #             (but 反对|联邦贸易委员会: 联邦 is a word of its own)
            if start >= j - 1 and len(suf) == 1 or start >= j and suf in R.org_generic_stem_suffixes:
                continue  # (可惜|通讯: nothing is left of the name)
        elif not place_ent and 0 < start < j - 2 and text[start - 1] in _DEMONSTRATIVES and text[start] in _DEMONSTRATED:
            start += 1  # 该|报文艺部, 该|国海岸集团: 'that paper', 'that country' before the name
        elif not place_ent and j - start == 2 and text[start + 1] in "乡县市区镇村" and text[start:j] not in R.lex \
                and text[start:j] not in R.common \
                and R.common.get(text[start]) in ("v", "r", "f", "p", "d"):
            start += 1  # 任|乡党委, 到|县委: a verb before the unit's own place word
        if not place_ent:
            cut_at = -1
            for t in _TITLE_RE.finditer(text, start, j - 1):
                cut_at = t.end()  # (a title right before the suffix is the body's own word: 主席|团, 部长|理事会)
            if cut_at > start:
                start = cut_at  # 公安局副局长兼|交警支队: a person's titles are no part of the next body's name
                if j - start < 1 or (len(suf) == 1 and j - start < 2):
                    continue
        stem = text[(place_ent.end if place_ent else start):j]
        if _RANK.match(stem):
            taken.add(start, k)
            continue  # 美国第三大银行|国民银行: 'the third largest bank' is a rank, not a name
        if stem and stem[-1] in "副正代" and text[k:k + 1] == "长":
            continue  # 常副|局长: a title
        if stem and (stem[0] == "某" or any(w in stem for w in ("一家", "一个", "一所", "几家", "某些"))):
            continue  # 成都|一家著名电脑公司, 某步兵师: an indefinite body, not a name
        if not place_ent and len(stem) == 1 and R.common.get(stem) in ("v", "p", "d", "c", "r") \
                and not in_org_candidate(lo, st, org_end) and start > 0 and text[start - 1] not in _PUNCT:
            continue  # 强令|银行, 拿|银行, 受|银行: a verb and its object
        if suf == "局" and text[j - 1:j] in _NUMERAL:
            continue  # 苦战五|局, 5局: games of a match
        if not place_ent and (text[k:k + 1] == "长" or suf == "办公室") and 2 <= len(stem) <= 3 \
                and stem[0] in _SURNAMES and stem not in R.lex and stem[:2] not in R.common:
            continue  # 李振成|局长, 刘延宇|办公室: a person and his title or office
        if suf == "军" and not place_ent and stem not in R.lex and (stem[-1] in _SURNAMES or (
                len(stem) >= 2 and stem[-2] in _SURNAMES and stem[-2:] not in R.common)) and (stem[-1] + suf) not in R.common:
            continue  # 吴方军, 张增军: a person's given name ending in 军
        # rule org_in_org: a known body, a short name and a body word make one name (国务院|法制|办公室,
        # 中央军委|法制|局, 科学技术部|农村科技|司): the unit belongs to the body before it
        in_org = False
        if not place_ent and st == lo and start == st and lo in org_end and 1 <= j - lo <= _IN_ORG_MAX \
                and not any(c in R.stop for c in text[lo:j]):
            if R.common.get(text[lo:lo + 2]) in ("v", "vn") and sub in ("cooperative", "factory", "farm", "mine"):
                continue  # 区委|发动|公社: the body's verb and the communes it moves, no name
            start = org_end[lo].start
            in_org = True
        name = text[start:k]
        if not stem and not place_ent:
            continue
        if stem and (stem in R.not_org or name in R.not_org):
            continue
        if stem and stem[0] in _NUMERAL and not place_ent and not _numeral_ok(stem, suf) and not (
                len(stem) >= 2 and stem[1] not in _NUMERAL and stem[1] not in _COUNT_WORDS
                and R.common.get(stem[:2], "n") in ("n", "nz", "nr", "ns")):
            continue  # 三家|公司, 两个厂, 一般|公司: a count or a word; but 百花文艺|出版社, 三毛|集团 are names
        if not place_ent and suf in R.org_needs_prefix and stem not in R.org_needs_prefix[suf] \
                and not any(stem.endswith(x) for x in R.org_needs_prefix[suf]) \
                and not (suf == "队" and 2 <= len(stem) <= 4 and stem not in R.common and _sports_context(text, j, R)):
            continue  # (rule sports_club: 健力宝|队, 八一|队 on the sports pages)
        if stem and (not place_ent or suf in ("部", "团", "组", "师", "军", "队")) \
                and not (suf == "队" and stem.endswith(R.sports)) \
                and (stem[-1:] + suf[:1]) in R.common and R.common[stem[-1:] + suf[:1]] not in ("nt",) and len(suf) == 1:
            continue  # 干|部, 北|部, 老|干部: the suffix is part of a common word
        if not place_ent and stem in R.common and suf in R.org_generic_stem_suffixes and not in_org:
            continue  # 保险公司, 大公司: a generic noun, not a name
        if name in R.not_org or len(name) < 2:
            continue
        if stem:  # the first trade word, longest first, that the stem ends or starts with
            cands = [t for t in R.trades_by_last.get(stem[-1], ()) if stem.endswith(t)]
            cands += [t for t in R.trades_by_first.get(stem[0], ()) if stem.startswith(t)]
            if cands:
                trade = min(cands, key=R.trade_rank.__getitem__)
        if len(suf) == 1 and sub == "cooperative" and not (trade or place_ent):
            continue
        if not place_ent and len(suf) == 1 and run < 2:
            continue
        en = _org_en(g, place_ent, stem, trade, en_suf, R)
        md = _NUMBERED_DISTRICT.fullmatch(stem) if not place_ent else None
        if md:
            en = f"{_ordinal_en(md.group(1))} District {en_suf}"  # 四区|分委 -> Fourth District Committee
        s_before = start
        start = _extend_prefix(text, start, R, orgs)
        if start < s_before and text[s_before] == "区" and text[start] in _DISTRICT_NUMERALS | {"第"}:
            # 四|区分委 -> Fourth District Committee (the district's number, not pinyin)
            en = f"{_ordinal_en(text[start:s_before])} District {en_suf}".strip()
        name = text[start:k]
        main = Entity(text=name, start=start, end=k, label="ORG", subtype=sub, norm=name, en=en,
                      place=(place_ent.text if place_ent else None),
                      place_parent=(parent_ent.text if parent_ent else None), trade=trade)
        out.append(main)
        if inside_names is not None:
            inside_names.update(id(p) for p in rejected if start < p.start and p.end <= j)
        if k not in org_end or start < org_end[k].start:
            org_end[k] = main  # 福州市国税局|党组: a later body word may extend it
        if parent_ent is not None and place_ent.subtype not in ("province", "municipality", "region", "country"):
            # 河南|安阳棉场, 潭北区|宏才乡农会: the name proper starts at the last place, the one before locates it
            ps = place_ent.start
            out.append(Entity(text=text[ps:k], start=ps, end=k, label="ORG", subtype=sub, norm=text[ps:k], en=en,
                              place=place_ent.text, trade=trade))
        if place_ent is not None and len(stem) >= 2 and stem != trade and not stem.startswith(trade or "\0") \
                and stem not in R.common:
            # 松江呼兰县|北关小学: the organisation's own name without the places before it
            cs = place_ent.end
            out.append(Entity(text=text[cs:k], start=cs, end=k, label="ORG", subtype=sub, norm=text[cs:k],
                              en=_org_en(g, None, stem, trade, en_suf, R)))
        if in_org and sub.startswith("cooperative") and len(stem) >= 2 and stem not in R.common:
            # 麻阳水公社|大新大队: a brigade or team is known by its own name too
            out.append(Entity(text=text[lo:k], start=lo, end=k, label="ORG", subtype=sub, norm=text[lo:k],
                              en=_org_en(g, None, stem, trade, en_suf, R)))
        taken.add(start, k)
    return out


def in_org_candidate(lo, st, org_end):
    """The run starts right after a known body (国务院|法制|办公室): rule org_in_org may apply."""
    return st == lo and lo in org_end


#: what follows a list of countries that are teams (美国和俄罗斯|队, 中国、丹麦、韩国、马来西亚|等强队)
_TEAM_AFTER = ("等强队", "等队", "队")
#: what precedes one (e组的|美国、俄罗斯, 在对|中国、丹麦)
_TEAM_BEFORE = ("组的", "对")


def _sports_countries(text, places, R):
    """Rule sports_country: on the sports pages (a sports word within 30 characters), countries listed (、 和 与 及)
    right before 队 / 等强队 or right after 组的 / 对 are teams, i.e. organisations (美国和俄罗斯队, e组的美国、俄罗斯、
    立陶宛、西班牙, 对中国、丹麦、韩国、马来西亚等强队). The one right before 队 is already the team X队."""
    if "队" not in text and "组的" not in text and "对" not in text:
        return []
    countries = sorted((p for p in places if p.subtype == "country" and p.end - p.start >= 2), key=lambda p: p.start)
    out = []
    i = 0
    while i < len(countries):
        chain = [countries[i]]
        while i + 1 < len(countries) and text[chain[-1].end:countries[i + 1].start] in ("、", "和", "与", "及"):
            i += 1
            chain.append(countries[i])
        i += 1
        a, b = chain[0].start, chain[-1].end
        after = next((w for w in _TEAM_AFTER if text.startswith(w, b)), None)
        before = any(text[max(0, a - len(w)):a] == w for w in _TEAM_BEFORE)
        if not (after or (before and len(chain) >= 2)) or not _sports_context(text, a, R):
            continue
        out.extend(chain[:-1] if after == "队" else chain)
    return out


def _sports_context(text, j, R):
    """A sports word within 30 characters of position j (zh_sports_context.txt)."""
    window = text[max(0, j - 30):j + 30]
    return any(w in window for w in R.sports_words)


def _extend_prefix(text, start, R, orgs):
    """中共 + 河北省委, 国营 + 陕西第一棉纺织厂: a prefix word right before the name belongs to it."""
    if start < 1:
        return start
    for w, n in R.org_prefixes_by_last.get(text[start - 1], ()):
        if start >= n and text.startswith(w, start - n):  # (a negative index would wrap round)
            return start - n
    if start >= 2 and text[start - 2:start + 1] in R.org_prefix_set:
        return start - 2  # 自治|区党委: the prefix word shares its last character with the name (not 全|国民党)
    if text[start] == "区" and text[start - 1] in _DISTRICT_NUMERALS:
        a = start
        while a > 0 and start - a < 3 and text[a - 1] in _DISTRICT_NUMERALS:
            a -= 1
        if a > 0 and text[a - 1] == "第":
            a -= 1
        if start - a <= 4 and not (a > 0 and text[a - 1] in _NUMERAL):
            return a  # 十五|区政府, 四|区分委: a numbered district's body (1940s-50s city districts)
    return start


#: longest unit name between a known body and a body word (国务院|残疾人工作协调|委员会)
_IN_ORG_MAX = 6

#: bodies every province, city and county has, named with its level word (市政协, 县人大, 省妇联)
_LEVEL_BODIES = {"政协", "人大", "妇联", "总工会", "科协", "文联", "侨联", "残联", "工商联", "团委"}

_SESSION = re.compile(r"第[〇一二三四五六七八九十百0-9０-９]{1,4}届")


def _extend_lexicon_orgs(text, orgs, places, R):
    """美国 + 财政部, 苏联 + 铁道部, 中央 + 纺织工业部: a place or prefix word right before a known organisation."""
    place_end = {}
    for p in places:
        if p.end not in place_end or p.start < place_end[p.end].start:
            place_end[p.end] = p
    out = []
    for o in orgs:
        start = o.start
        p = place_end.get(start)
        if p is not None and p.end - p.start == 1 and p.start > 0 and _is_han(text[p.start - 1]) \
                and text[p.start - 1] not in R.stop:
            p = None  # 访华|新华社: a one-character name ending a verb phrase
        if p is not None and p.subtype in ("country", "province", "municipality", "region", "city", "county") \
                and R.orgs.get(o.text, (None, None))[1] in ("government", "party", "army", "other", "federation", "press", "school"):
            start = p.start
        elif p is not None and p.subtype in ("township", "district", "village", "county", "city", "special_district") \
                and R.orgs.get(o.text, (None, None))[1] == "cooperative":
            # 崔马镇|供销社, 城关区|人民公社: a generic cooperative named by its place
            start = p.start
        if start == o.start and o.text in _LEVEL_BODIES and start > 0 and text[start - 1] in "省市县区" \
                and (start < 2 or not _is_han(text[start - 2]) or text[start - 2] in R.stop):
            start -= 1  # 市|政协, 县|人大: the body of a province, city or county
        s_before = start
        start = _extend_prefix(text, start, R, orgs)
        district_en = None
        if start < s_before and text[s_before] == "区" and text[start] in _DISTRICT_NUMERALS | {"第"}:
            district_en = f"{_ordinal_en(text[start:s_before])} District {(o.en or '').split(' ', 1)[-1]}".strip()
        m = _SESSION.search(text, max(0, start - 8), start)
        if m and m.end() == start:
            start = m.start()  # 第二届|全国人民代表大会: the session belongs to the name
        if start != o.start:
            name = text[start:o.end]
            out.append(Entity(text=name, start=start, end=o.end, label="ORG", subtype=o.subtype, norm=name,
                              en=district_en or (((p.en or "") + " " if p is not None and start <= p.start else "")
                                                 + (o.en or "")).strip(),
                              place=(p.text if p is not None and start <= p.start else None)))
        else:
            out.append(o)
    return out


_QUOTED = re.compile(r"[《“\"]([^《》“”\"\n]{1,16})[》”\"](周刊|杂志|月刊|半月刊|画报|日报|报|餐厅|饭店|电台|通讯社)?")
_CONGRESS = re.compile(r"(中共)?(十[一二三四五六七八九]|[一二三四五六七八九])大(?![学小家量多半概批型都部事会])")
#: what every _CONGRESS match holds (a text without it is not scanned)
_CONGRESS_CORE = re.compile(r"[一二三四五六七八九]大")


_PRESS_PLACES = ("country", "region", "province", "municipality", "city", "special_district", "prefecture")


def _quoted_and_congress(text, R, places, orgs):
    out = []
    for m in _QUOTED.finditer(text):
        inner, suf = m.group(1), m.group(2)
        s, e = m.start(), m.end()
        if suf == "报" and text[e:e + 1] in "道告":
            # 据《今日美国》|报道 'reports': the verb, not the paper's name; what reports is a medium
            if m.group(0)[0] == "《" and inner not in R.orgs:
                out.append(Entity(text=text[s:e - 1], start=s, end=e - 1, label="ORG", subtype="press",
                                  norm=text[s:e - 1], en=None))
                continue
            suf, e = None, e - 1
        # the edition of a place: 美国《时代》周刊, 华北《人民日报》, 晋察冀区《晋察冀日报》
        p = next((x for x in places if x.end == s and x.subtype in _PRESS_PLACES), None) if m.group(0)[0] == "《" \
            else None
        if not suf and inner in R.orgs:
            if p is not None:
                out.append(Entity(text=text[p.start:e], start=p.start, end=e, label="ORG", subtype="press",
                                  norm=text[p.start:e], en=None, place=p.text))
            continue  # 《人民日报》: the known name inside the brackets is enough
        if suf or inner.endswith(("报", "杂志", "周刊", "月刊", "画报", "时报", "日报", "通讯")):
            if p is not None:
                s = p.start
            sub = "other" if suf in ("餐厅", "饭店") else "press"
            out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=sub, norm=text[s:e], en=None))
    for m in (_CONGRESS.finditer(text) if _CONGRESS_CORE.search(text) else ()):
        if not m.group(1) and len(m.group(2)) < 2:
            continue
        s = m.start()
        out.append(Entity(text=m.group(0), start=s, end=m.end(), label="ORG", subtype="party", norm=m.group(0),
                          en="Party Congress"))
    return out


_AGENCY = re.compile(r"(?<=[（(“\"\s　，。、])([\u4e00-\u9fff]{2,4}社)(?=讯|电|记者|报道|消息|广播)")


def _agencies(text, R, orgs):
    out = []
    for m in (_AGENCY.finditer(text) if "社" in text else ()):
        s, e = m.span(1)
        while s < e - 2 and text[s] in R.stop:
            s += 1  # 据|新华社讯
        if any(o.start < e and s < o.end for o in orgs):
            continue
        name = text[s:e]
        if name[:-1] in R.common or name in R.not_org:
            continue
        out.append(Entity(text=name, start=s, end=e, label="ORG", subtype="press", norm=name, en=None))
    return out


def _merge_chains(text, orgs, places, R):
    """国民党 + 中央政府, 行署 + 印刷厂, 中国人民解放军 + 新疆军区...: adjacent organisation words make one name."""
    by_start = {}
    for o in orgs:
        if o.start not in by_start or o.end > by_start[o.start].end:
            by_start[o.start] = o
    place_by_start = {}
    for p in places:
        if p.start not in place_by_start or p.end > place_by_start[p.start].end:
            place_by_start[p.start] = p
    out = []
    for a in sorted(orgs, key=lambda o: (o.start, -o.end)):
        if a.text in _DATELINE_AGENCIES and not text.startswith("分社", by_start[a.end].end - 2 if a.end in by_start else 0):
            continue  # 本报|联合国6月9日电, 本报|《经济周刊》: a dispatch's or an edition's agency, not one name
            #           (but 新华社|香港分社: its branch)
        cur = a
        hops = 0
        while hops < 4:
            b = by_start.get(cur.end)
            p = place_by_start.get(cur.end)
            if p is not None and p.subtype in _TOP_LEVELS and getattr(place_by_start.get(a.start), "subtype", "country") \
                    != "country":
                break  # 湖南省农科院|湖南省长沙市卫生局: a list of located bodies, not one name (but 中国人民解放军|新疆军区)
            if b is None:
                if p is not None:
                    b2 = None
                    for o in orgs:
                        if o.start == p.start and o.end > p.end:
                            b2 = o if b2 is None or o.end > b2.end else b2
                    b = b2
            if b is None or b is cur or b.end <= cur.end:
                break
            cur = Entity(text=text[a.start:b.end], start=a.start, end=b.end, label="ORG", subtype=b.subtype,
                         norm=text[a.start:b.end], en=" ".join(x for x in (b.en, "of", a.en) if x) if a.en and b.en else None,
                         place=b.place or a.place, place_parent=b.place_parent, trade=b.trade)
            hops += 1
        if cur is not a:
            out.append(cur)
    return out


#: words inside a unit's name that show a clause, not a name (国务院副总理兼外交部, 公司投资办厂): titles and persons
_UNIT_RUN_BLOCK = ("长", "讯", "某", "总理", "主任", "书记", "委员", "代表", "主席", "秘书", "人员", "干部", "记者", "同志", "负责人",
                   "官员", "发言人", "专家", "职工", "工人", "成员", "领导")
#: longest run of name characters between an organisation and a unit word (铁道部|十四局三|处 takes two steps)
_UNIT_RUN_MAX = 8


def _org_units(text, orgs, places, R):
    """Rule org_unit: an organisation, up to 8 name characters and a unit word make the name of one of its parts
    (科学技术部|农村科技|司, 中国科学院|自然科学史|研究所, 南京军区|前线|话剧团, 市政府|新闻|处); the unit words
    (zh_org_units.tsv) count only there. The run has no stop character or word, no title or person word (国务院|副总理兼外交|部
    is no name), starts with no verb of its own unless it is the unit's whole name (组织|部, 宣传|部: a verb starting a
    longer run is the organisation's predicate: 公司|投资办|厂), and the unit word does not start a word with the next
    character (研究|所长, 中国科学院|院士). Chains of units follow (铁道部|十四局|三处|丽华服装厂)."""
    if not orgs:
        return []
    units = R.org_units
    first = R.org_unit_first
    stop, words, common = R.stop, R.stop_words, R.common
    by_end = {}
    for o in orgs:
        if o.end not in by_end or o.start < by_end[o.end].start:
            by_end[o.end] = o
    # the run holds no other organisation and no place (新华社|莫斯科, 四川全兴队|主场迎战延边敖东|队, 本报|讯黑龙江省阿城|市委)
    inner = bytearray(len(text) + 1)
    ends_at = {}
    for x in orgs:
        inner[x.start] = 1
        ends_at.setdefault(x.start, set()).add(x.end)
    for x in places:
        if x.end - x.start >= 2:
            for i in range(x.start, x.end):
                inner[i] = 1
    out = []
    seen = set()
    n = len(text)
    for end in sorted(by_end):
        o = by_end[end]
        if o.text.endswith("队"):
            continue  # 四川全兴队|主场迎战: a team is no body with units
        cur = o
        hops = 0
        last_suf = None  # (训练班|戏剧科|音乐科: a second unit of the same kind is a sibling, not a part)
        while hops < 4:
            p = cur.end
            found = None
            if not R.org_unit_re.search(text, p, p + _UNIT_RUN_MAX + 4):
                break  # (no unit word near: the usual case)
            for i in range(p, min(n, p + _UNIT_RUN_MAX + 1)):
                c = text[i]
                if not _is_han(c) and c not in "0123456789０１２３４５６７８９":
                    break
                if i > p and (c in stop or text[i - 1:i + 1] in words):
                    break
                for L in first.get(c, ()):
                    suf = text[i:i + L]
                    if len(suf) == L and suf in units and (i > p or (L >= 2 and suf in R.org_units_only)) \
                            and (L >= 2 or i - p >= 2) and suf != last_suf \
                            and not (L == 1 and (text[i:i + 2] in common or text[i + 1:i + 2] == "长"
                                                 or text[i - 1:i + 1] in common)):
                        found = (i, i + L, suf)  # (not 研究|所长, 科学院|院士, 农村|科技: the unit word starts a word)
                        break
                if found:
                    break
            if not found:
                break
            i, k, suf = found
            run = text[p:i]
            if any(inner[x] and not (x > p and ends_at.get(x) == {k} and (
                    text[x:k] not in R.orgs or common.get(text[p:x]) in ("n", "b", "vn"))) for x in range(p, k)):
                break  # (but 中国科学院|自然|科学史研究所, 乐山地委|工业|交通部: the unit was found without its head;
                #        not 对外贸易经济合作部|经商|外交部: a verb between two bodies)
            if run and R.common.get(run[0]) == "v" and run[:2] not in common:
                break  # 贝尔公司|买下纽新|公司: a verb
            if run and (run[0] in stop or any(w in run for w in _UNIT_RUN_BLOCK) or
                        (len(run) > 2 and common.get(run[:2]) == "v") or
                        (common.get(run[:2]) in ("v", "vn") and units[suf][0] in ("cooperative", "factory", "farm", "mine"))):
                break
            if k < n and text[k] == "长" and suf[-1] in "司处科室局部厅署办所":
                break  # 新闻处|长: a title
            name = text[o.start:k]
            sub, en_suf = units[suf]
            cur = Entity(text=name, start=o.start, end=k, label="ORG", subtype=sub, norm=name,
                         en=(f"{_pinyin(run)} {en_suf} of {cur.en}".replace("  ", " ").strip() if cur.en else None),
                         place=o.place, place_parent=o.place_parent)
            if (o.start, k) not in seen:
                seen.add((o.start, k))
                out.append(cur)
            hops += 1
            last_suf = suf
    return out


#: province-level units: bodies of two of them side by side are a list (rule _merge_chains)
_TOP_LEVELS = {"province", "municipality", "region"}

#: rule org_coordination: 武安县的城关、午汲和元氏县的红旗等三个人民公社 -> 城关, 午汲, 红旗 are communes
_ORG_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,8}[、和及与]){1,8}[\u4e00-\u9fff]{2,8}?)(等)?"
                       r"([一二三四五六七八九十两几]+个)(人民公社|公社|生产合作社|合作社|农业社|工厂|厂|煤矿|矿|农场)")
#: what every _ORG_LIST match ends with (a text without it is not scanned)
_ORG_LIST_TAIL = re.compile(r"[一二三四五六七八九十两几]个(?:人民公社|公社|生产合作社|合作社|农业社|工厂|厂|煤矿|矿|农场)")


_UNIT_LEVELS = {"country", "continent", "world_region", "province", "municipality", "region", "city",
                "special_district", "prefecture", "county"}

#: rule org_coordination without a count: 华西、双良、阳光、申达等一大批乡镇企业, 天府、南桐、鱼田堡等煤矿 (the items
#: must be no common words nor trades: 钢铁、煤炭等企业 are trades)
_ORG_LIST_ETC = re.compile(r"(?<=[\u4e00-\u9fff])等"
                           r"(?:[一二三四五六七八九十两几]+个|一大批|一批|多家|几家|[0-9]+家)?[\u4e00-\u9fff]{0,6}?"
                           r"(人民公社|生产合作社|合作社|农业社|工厂|煤矿|农场|企业|公司|厂商|厂家|集团|银行)")
_ORG_ETC_SUB = {"人民公社": "cooperative", "生产合作社": "cooperative", "合作社": "cooperative", "农业社": "cooperative",
                "工厂": "factory", "煤矿": "mine", "农场": "farm", "企业": "factory", "公司": "other", "厂商": "factory",
                "厂家": "factory", "集团": "other", "银行": "other"}


def _org_coordination(text, R):
    """Items of a list counted as so many communes, cooperatives, factories, mines or farms are their names."""
    out = []
    if "等" in text and "、" in text:
        out.extend(_org_list_etc(text, R))
    if "个" not in text:
        return out
    for m in (_ORG_LIST.finditer(text) if _ORG_LIST_TAIL.search(text) else ()):
        suf = m.group(4)
        sub = {"人民公社": "cooperative", "公社": "cooperative", "生产合作社": "cooperative", "合作社": "cooperative",
               "农业社": "cooperative", "工厂": "factory", "厂": "factory", "煤矿": "mine", "矿": "mine",
               "农场": "farm"}[suf]
        pos = m.start(1)
        items = re.split(r"([、和及与])", m.group(1))
        names = []
        for k, part in enumerate(items):
            if k % 2 == 0:
                a = pos
                cut = max(part.rfind("的"), max(part.rfind(c) for c in "县市省区"))
                if cut >= 0:
                    a += cut + 1
                    part = part[cut + 1:]
                known = R.g.best_zh(part) if R.lex.get(part) == "P" and part not in R.ambiguous else None
                if 2 <= len(part) <= 4 and not any(c in R.stop for c in part) and part[0] not in _NUMERAL \
                        and not (known is not None and known.level in _UNIT_LEVELS):
                    names.append((a, a + len(part), part))  # (天津、北京等五个厂: factories in those cities)
            pos += len(items[k])
        if len(names) < 2 or len(names) < (len(items) + 1) // 2:
            continue  # every item must be a name
        for a, b, w in names:
            out.append(Entity(text=w, start=a, end=b, label="ORG", subtype=sub, norm=w + suf,
                              en=f"{_pinyin(w)} {R.org_suffix_map[suf][2] if suf in R.org_suffix_map else suf}"))
    return out


def _org_list_etc(text, R):
    """Rule org_coordination, the 等 form: items of a 、-list followed by 等 and a kind of body (企业, 煤矿, 公司 ...)
    are its names when at least two and half of them are no places, common words or trades."""
    out = []
    for m in _ORG_LIST_ETC.finditer(text):
        # the list before 等, read backwards: items of 2-4 characters joined by 、 (found from 等, not by a
        # pattern tried at every position)
        items = []
        e = m.start()
        while len(items) < 9:
            b = e
            while b > 0 and e - b < 5 and _is_han(text[b - 1]):
                b -= 1
            if not 2 <= e - b <= 4 or (b > 0 and _is_han(text[b - 1])):
                break
            items.append((b, e, text[b:e]))
            if b > 0 and text[b - 1] == "、":
                e = b - 1
            else:
                break
        if len(items) < 2 or (items[-1][0] > 0 and text[items[-1][0] - 1] == "、"):
            continue  # (a list that runs on past 9 items or into a longer word is not read)
        items.reverse()
        kind = m.group(1)
        names = [(a, b, w) for a, b, w in items
                 if w not in R.common and w not in R.trades and R.lex.get(w) != "P" and w not in R.not_org
                 and not any(c in R.stop for c in w) and w[0] not in _NUMERAL
                 and not any(t in w for t in R.trades_by_len if len(t) >= 2)]
        if len(names) < 2 or len(names) * 2 < len(items):
            continue
        if max(sum(1 for x in items if x[2][0] == c) for c in {x[2][0] for x in items}) * 2 > len(items):
            continue  # 小炼焦、小炼铁、小化工等土小企业: kinds of works sharing their first word, not names
        for a, b, w in names:
            out.append(Entity(text=w, start=a, end=b, label="ORG", subtype=_ORG_ETC_SUB[kind], norm=w, en=_pinyin(w)))
    return out


def _numeral_ok(stem, suf):
    """第一汽车厂, 纺织一厂, 六二六团, 第六师: ordinals and unit numbers are names."""
    if stem.startswith("第"):
        return True
    if suf in ("团", "师", "军", "旅", "营", "连", "所", "厂", "分厂", "矿", "队") and all(c in _NUMERAL for c in stem) and len(stem) >= 2:
        return True
    return False


def _org_en(g, place_ent, stem, trade, en_suf, R):
    """English name of a pattern organisation: place + the stem's trade words (or pinyin) + the suffix's head noun:
    江苏高邮县金属生产社 -> Gaoyou County Metal Production Cooperative."""
    parts = []
    if place_ent is not None:
        parts.append(place_ent.en or _pinyin(place_ent.text))
    parts.extend(_translate_stem(stem, R))
    parts.append(en_suf)
    return " ".join(p for p in parts if p)


def _translate_stem(stem, R):
    out, i, buf = [], 0, ""
    while i < len(stem):
        for t in R.trades_by_first.get(stem[i], ()):
            if stem.startswith(t, i):
                if buf:
                    out.append(_pinyin(buf))
                    buf = ""
                out.append(R.trades[t])
                i += len(t)
                break
        else:
            buf += stem[i]
            i += 1
    if buf:
        out.append(_pinyin(buf))
    return out


@lru_cache(maxsize=4096)
def _pinyin(s: str) -> str:
    try:
        from pypinyin import Style, lazy_pinyin

        syl = lazy_pinyin(s, style=Style.NORMAL, errors="ignore")
        return "".join(syl).capitalize()
    except Exception:
        return s


__all__ = ["extract", "rules"]
