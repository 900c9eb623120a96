"""Numeric facts: who, what measure, how much, over which period, against what.

:func:`extract_facts` turns the Chinese figures of an article (the authoritative side)
into one row per figure that states something (dates, ordinals and the page line are
not facts; a time figure that is the period of its sentence's figures, such as 五个月 in
在五个月内, is their period rather than a fact). Each row carries:

* the **subject**: the place or organisation the figure is about (nearest before it in
  its sentence, not governed by a preposition, widened to its coordination and group
  noun: 广西省南宁市和容县、桂林、平乐等专区的手工业合作组织), linked to the ``entities`` row
  it rests on by (article_id, subject_entity_lang, subject_entity_start,
  subject_entity_end, subject_entity_label), its names in both languages;
* the **measure** (canonical key, word as written, English) and the **object** (焊锡 solder);
* the exact ``value``/``high`` (decimal strings), ``unit`` and ``approx``;
* the **period**: calendar span resolved against the article's date (今年上半年 in a
  1957-08-20 article: 1957-01-01..1957-06-30), duration (五个月内: P5M), rate (每月: month);
* the **comparison**: 比去年同期增长34.88％ -> change +34.88 percent against the same period
  of the previous year (its calendar span too); the change figure is a fact of its own
  (``role`` ``change``) linked to the figure it qualifies (``related_fact_id``);
* the sentence in both languages, offsets, the English rendering and reconciliation verdict.

Rules are data: ``pipeline/data/facts/{measures,periods,comparisons,objects,subjects}.toml``,
each with examples that tests/test_facts.py runs.
"""
from __future__ import annotations

import calendar
import json
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd

FACT_COLUMNS = [
    "fact_id", "article_id", "lang", "para", "role", "related_fact_id",
    "subject_text", "subject_start", "subject_end", "subject_norm", "subject_en", "subject_kind", "subject_id",
    "subject_entity_lang", "subject_entity_start", "subject_entity_end", "subject_entity_label", "subject_places",
    "measure", "measure_zh", "measure_en", "object_zh", "object_en",
    "value", "high", "unit", "approx", "kind",
    "period_text", "period_start", "period_end", "period_duration", "period_per",
    "comparison_text", "comparison_kind", "comparison_value", "comparison_unit", "comparison_baseline",
    "comparison_period_start", "comparison_period_end",
    "zh_text", "zh_start", "zh_end", "zh_sentence", "zh_sentence_start", "zh_sentence_end",
    "en_text", "en_start", "en_end", "en_sentence", "en_sentence_start", "en_sentence_end", "verdict",
]
NOT_FACTS = ("date", "ordinal")
RELATIVE_UNITS = ("percent", "times", None)

_DATA = Path(__file__).parent / "data" / "facts"
_SENT = re.compile(r"(?:[^。！？；!?;\n\u3000 ]| (?! ))*[。！？；!?;]?")  # a headline's parts are split by wide spaces
_CLAUSE = set("，,：:（）()")
_MASK = "\u25a0"  # stands in for entity names, so that 生产社 is no 生产
_CODE_DIGITS = frozenset("〇○零一二三四五六七八九")
_ZH_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_DEMONSTRATIVE = re.compile(r"(?:这|那|这些|那些|上述|以上)$")
_ENUM_BEFORE = re.compile(r"[、和与及][\u4e00-\u9fff]{1,4}$")  # 曹县、齐滨|两县
#: characters that end a verb phrase, not a modifier of a group noun (把工人, 在农民)
_NOT_MODIFIER = set("把被在从向对给让使由为是有了着过将就都也还又再和与及等据经如")
#: figures in these units take a measure word only from their own clause
_OWN_CLAUSE_UNITS = frozenset({"li", "km", "metre", "chi", "year", "month", "day", "hour", "second", "minute", "degree"})
_REL_AFTER = re.compile(r"[^，,；;。：:的“”]{0,6}?的")  # 立过三个大功|的 …
_BARE_AROUND = "从由到至约近共达：:，,。！!？?“”\"' \u3000\t"
_VERB_PARTICLES = set("了着过出去来起上下到给完好成得在于为比")
_REL_AFTER_LONG = re.compile(r"[^，,；;。：:的“”]{0,12}?的")
_PAREN = re.compile(r"（[^（）]*）|\([^()]*\)")
_LEAD = re.compile(r"(?:如|例如|其中|而且|而|另外|此外|同时|这些|那些|这个|那个|该|许多|不少|一些|有些|全体|广大|这|那|各|"
                   r"现在|目前|过去|今年|去年|当时|后来|最近|近来|以后|如今)+$")
_GENERIC_OBJECT = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
_OBJECT_STOP = set("了的得是有在为和与及把被将就都也还又再共计约近达到出每从向个这那其各全该本此")


# --- rules -------------------------------------------------------------------------------

def _load(name):
    with open(_DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def _alt(words):
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))  # one pattern per word list


@dataclass
class Rules:
    measures: dict = field(default_factory=dict)  # zh word -> (key, en)
    measure_en: dict = field(default_factory=dict)  # key -> en
    measure_re: re.Pattern | None = None
    unit_default: dict = field(default_factory=dict)
    adjacent: dict = field(default_factory=dict)
    share_first: tuple = ()
    rate_re: re.Pattern | None = None
    carry_words: frozenset = frozenset()
    measure_patterns: list = field(default_factory=list)
    basis_before: tuple = ()
    index_re: re.Pattern | None = None
    title_surnames: frozenset = frozenset()
    title_given_not: frozenset = frozenset()
    gift_verbs: frozenset = frozenset()
    state_words: dict = field(default_factory=dict)
    state_re: re.Pattern | None = None
    resident_re: re.Pattern | None = None
    gift_words: tuple = ()
    gift_key: str = "donated"
    group_after_re: re.Pattern | None = None  # up to four modifier characters and a group noun (受灾农民兄弟)
    named_heads: dict = field(default_factory=dict)
    named_head_gap: frozenset = frozenset()
    named_head_not: frozenset = frozenset()
    named_head_skip: frozenset = frozenset()
    named_head_lead: tuple = ()
    basis_after: tuple = ()
    carry_re: re.Pattern | None = None
    time_word_re: re.Pattern | None = None
    heading_words: tuple = ()
    change_verbs: frozenset = frozenset()
    not_measure_re: re.Pattern | None = None
    scope_not_re: re.Pattern | None = None
    objects: dict = field(default_factory=dict)
    object_re: re.Pattern | None = None
    years: dict = field(default_factory=dict)
    year_re: re.Pattern | None = None
    parts: list = field(default_factory=list)
    part_re: re.Pattern | None = None
    part_res: list = field(default_factory=list)
    dur_units: dict = field(default_factory=dict)
    dur_after: tuple = ()
    dur_before: tuple = ()
    dur_before_not: tuple = ()
    per: dict = field(default_factory=dict)
    per_re: re.Pattern | None = None
    baselines: dict = field(default_factory=dict)
    baseline_years: dict = field(default_factory=dict)
    verbs: dict = field(default_factory=dict)
    level_fillers: frozenset = frozenset()
    change_re: re.Pattern | None = None
    compare_with_re: re.Pattern | None = None
    ratio_re: re.Pattern | None = None
    prepositions: tuple = ()
    preposition_chars: frozenset = frozenset()
    coordination: tuple = ()
    tail_re: re.Pattern | None = None
    scope: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)
    scope_re: re.Pattern | None = None
    group_re: re.Pattern | None = None
    not_subject: tuple = ()
    press_acts_re: re.Pattern | None = None
    home_country: frozenset = frozenset()
    surnames: frozenset = frozenset()
    compound_surnames: tuple = ()
    role_re: re.Pattern | None = None
    clan_re: re.Pattern | None = None
    title_re: re.Pattern | None = None
    name_stop: frozenset = frozenset()
    dateline_re: re.Pattern | None = None
    determiners: frozenset = frozenset()
    set_phrases: frozenset = frozenset()
    hypothetical: tuple = ()
    deadline_before: tuple = ()
    deadline_after: tuple = ()
    followed_by: tuple = ()
    apposition_after: tuple = ()
    quote_count_units: frozenset = frozenset()
    part_units: frozenset = frozenset()
    part_before: tuple = ()
    team_units: frozenset = frozenset()
    designation_re: re.Pattern | None = None
    name_item_re: re.Pattern | None = None
    name_item_before: frozenset = frozenset()
    apposition_units: frozenset = frozenset()
    numbered_units: frozenset = frozenset()
    model_units: tuple = ()
    model_head_re: re.Pattern | None = None
    total_after_re: re.Pattern | None = None
    size_after: dict = None
    negated: frozenset = frozenset()
    negated_lens: tuple = ()
    negated_chars: frozenset = frozenset()
    scope_lens: tuple = ()
    preposition_set: frozenset = frozenset()
    preposition_lens: tuple = ()
    term_after_re: re.Pattern | None = None
    total_before: tuple = ()
    numbered_person_re: re.Pattern | None = None
    another_before: tuple = ()
    period_next_before: tuple = ()
    period_next_after: tuple = ()
    epithet_units: frozenset = frozenset()
    epithet_re: re.Pattern | None = None
    locality_re: re.Pattern | None = None
    session_units: frozenset = frozenset()
    session_after: tuple = ()
    session_re: re.Pattern | None = None
    scope_name_re: re.Pattern | None = None
    ratio_year_re: re.Pattern | None = None
    noun_tags: frozenset = frozenset()
    heading_after: tuple = ()
    unit_word: dict = field(default_factory=dict)
    adjacent_not: dict = field(default_factory=dict)
    org_verb_start: tuple = ()
    subject_after: tuple = ()
    group_not_followed_by: dict = field(default_factory=dict)
    back_reference: tuple = ()
    org_verb_inside_re: re.Pattern | None = None
    noun_after: dict = field(default_factory=dict)
    noun_after_re: re.Pattern | None = None
    ambiguous: dict = field(default_factory=dict)
    governed_list_re: re.Pattern | None = None
    person_tags: frozenset = frozenset()
    modifier_tags: frozenset = frozenset()
    verb_tags: frozenset = frozenset()
    agent_heads: frozenset = frozenset()
    not_agent: frozenset = frozenset()
    person_after: tuple = ()
    plural_pronouns: frozenset = frozenset()
    not_preposition: tuple = ()
    direction_words: frozenset = frozenset()
    event_re: re.Pattern | None = None
    meeting_re: re.Pattern | None = None
    collective_re: re.Pattern | None = None
    thing_re: re.Pattern | None = None
    agent_relative_re: re.Pattern | None = None
    modal_open: tuple = ()
    listed_group_re: re.Pattern | None = None
    owner_re: re.Pattern | None = None
    meeting_word_re: re.Pattern | None = None
    meeting_topic_re: re.Pattern | None = None
    group_meeting_gap: int = 2
    thing_measures: frozenset = frozenset()
    meeting_not_between: tuple = ()
    not_governing_verbs: frozenset = frozenset()
    section_heading_re: re.Pattern | None = None
    place_count_units: frozenset = frozenset()
    share_words: tuple = ()
    people_measures: frozenset = frozenset()
    new_predicate: tuple = ()
    goods_verb_not: frozenset = frozenset()
    people_only: frozenset = frozenset()
    money_only: frozenset = frozenset()
    people_only_units: frozenset = frozenset()
    not_measure_verbs: frozenset = frozenset()
    not_measure_verb_re: re.Pattern | None = None
    all_pronouns: frozenset = frozenset()
    pronoun_re: re.Pattern | None = None


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The fact rules, read from ``pipeline/data/facts/*.toml`` once per process."""
    r = Rules()
    m = _load("measures")
    for entry in m["measure"]:
        r.measure_en[entry["key"]] = entry["en"]
        for w in entry["zh"]:
            r.measures.setdefault(w, entry["key"])
    r.measure_en.update(m.get("default_en", {}))
    r.unit_default = m.get("unit_default", {})
    r.adjacent = m.get("adjacent", {})
    r.rate_re = re.compile(m["rate_pattern"])
    r.share_words = tuple(m["share_words"])
    r.people_measures = frozenset(m["people_measures"])
    r.new_predicate = tuple(m["new_predicate"])
    r.goods_verb_not = frozenset(m["goods_verb_not"])
    r.people_only = frozenset(m.get("people_only", ()))
    r.money_only = frozenset(m.get("money_only", ()))
    r.people_only_units = frozenset(m.get("people_only_units", ()))
    r.carry_words = frozenset(m["carry_words"])
    r.measure_patterns = [(re.compile(x["pattern"]), x["key"]) for x in m.get("pattern", [])]
    r.basis_before = tuple(m["basis"]["before"])
    r.index_re = re.compile(m["index_before"] + "$")
    nh = m.get("named_head", {})
    r.named_heads = nh.get("heads", {})
    r.named_head_gap = frozenset(nh.get("gap", ()))
    r.named_head_not = frozenset(nh.get("not", ()))
    r.named_head_skip = frozenset(nh.get("skip", ()))
    r.gift_verbs = frozenset(m.get("gift", {}).get("verbs", ()))
    r.gift_words = tuple(m.get("gift", {}).get("words", ()))
    r.gift_key = m.get("gift", {}).get("key", "donated")
    r.named_head_lead = tuple(sorted(nh.get("lead", ()), key=lambda w: (-len(w), w)))
    r.basis_after = tuple(m["basis"]["after"])
    r.carry_re = re.compile(_alt(r.carry_words))
    r.time_word_re = re.compile("[年月日季]")
    r.heading_words = tuple(m["heading_words"])
    r.share_first = tuple(sorted(m.get("share_first", []), key=len, reverse=True))
    r.not_measure_re = re.compile(_alt(m.get("not_measure", {}).get("words", [])) or "(?!)")
    r.not_measure_verbs = frozenset(m.get("not_measure", {}).get("verbs", ()))
    r.not_measure_verb_re = re.compile(_alt(r.not_measure_verbs) or "(?!)")
    r.adjacent_not = m.get("adjacent_not", {})
    r.unit_word = m.get("unit_word", {})
    r.heading_after = tuple(m.get("not_measure", {}).get("before", ()))
    r.noun_after = m.get("noun_after", {})
    # a noun of three or more characters may follow an object of up to three (一百四十万斤菜籽收购任务)
    long_nouns = [w for w in r.noun_after if len(w) >= 3]
    r.noun_after_re = re.compile(f"的?(?:(?P<noun>{_alt(r.noun_after)})|[\u4e00-\u9fff]{{1,3}}?(?P<noun2>{_alt(long_nouns)}))"
                                 if r.noun_after else "(?!)")
    r.measure_re = re.compile(_alt(r.measures))
    o = _load("objects")
    r.objects = o["zh"]
    r.object_re = re.compile(_alt(r.objects))
    p = _load("periods")
    r.years = p["year"]
    r.year_re = re.compile(f"(?:{_alt(r.years)})|{p['year_pattern']}")
    r.parts = p["part"]
    r.part_re = re.compile("|".join(f"(?P<part{i}>{re.sub(r'[(][?]P<[a-z]+>', '(?:', x['pattern'])})"
                                    for i, x in enumerate(r.parts)))
    r.part_res = [re.compile(x["pattern"]) for x in r.parts]
    r.dur_units = p["duration"]["units"]
    r.dur_after = tuple(sorted(p["duration"]["after"], key=len, reverse=True))
    r.dur_before = tuple(sorted(p["duration"]["before"], key=len, reverse=True))
    r.dur_before_not = tuple(p["duration"].get("before_not", ()))
    r.per = p["per"]
    r.per_re = re.compile(_alt(r.per))
    c = _load("comparisons")
    r.baselines = c["baseline"]
    r.baseline_years = c["years"]
    r.verbs = c["verbs"]
    r.change_verbs = frozenset(r.verbs)
    base, marker, after = _alt(r.baselines), _alt(c["markers"]), _alt(c["after_baseline"])
    r.change_re = re.compile(
        f"(?:(?P<marker>{marker})(?P<base1>{base})?(?:{after})?[，,]?)?"
        f"(?P<verb>{_alt(r.verbs)})(?P<base2>{base})?(?P<fill>{_alt(c['fillers'] + c['level_fillers'])})?$")
    r.level_fillers = frozenset(c["level_fillers"])
    r.compare_with_re = re.compile(f"(?:{marker})(?P<base>{base})(?:{after}|同期)")
    r.ratio_year_re = re.compile(f"(?P<ratio>{_alt(c['ratio'])})(?P<base>{p['year_pattern']})的$")
    r.ratio_re = re.compile(f"(?P<ratio>{_alt(c['ratio'])})(?P<base>{base})的$")
    s = _load("subjects")
    r.prepositions = tuple(sorted(s["prepositions"], key=len, reverse=True))
    r.preposition_chars = frozenset(p for p in s["prepositions"] if len(p) == 1) - {"和", "被"}  # (被服厂)
    r.coordination = tuple(s["coordination"])
    r.tail_re = re.compile(s["coordination_tail"])
    r.scope = s["scope"]
    r.groups = s["group"]
    r.resident_re = re.compile("[\u4e00-\u9fff]{0,8}?的(?:一位|一个|一名|位|个)?(?:%s)" % _alt(s.get("residents", ["(?!)"])))
    r.state_words = s.get("state_words", {})
    r.state_re = re.compile("(?:%s)(?![\u4e00-\u9fff]{0,2}(?:机关|部门|计委|主席|领导|干部|工作人员|银行|机构))" % (
        _alt(r.state_words) or "(?!)"))
    r.group_after_re = re.compile("[\u4e00-\u9fff]{0,4}?(?P<g>%s)(?:兄弟姊妹|兄弟|姐妹|们)?" % _alt(r.groups))
    r.not_subject = tuple(s.get("not_subject_subtypes", ()))
    r.press_acts_re = re.compile(s.get("press_acts", "(?!)"))
    r.term_after_re = re.compile(s.get("place_term_after", "(?!)"))
    r.home_country = frozenset(s["home_country"])
    r.dateline_re = re.compile(s["dateline_after"])
    flt = _load("filters")
    r.determiners = frozenset(flt["determiners"])
    r.set_phrases = frozenset(flt["set_phrases"])
    r.hypothetical = tuple(flt["hypothetical"])
    r.deadline_before = tuple(flt.get("deadline", {}).get("before", ()))
    r.deadline_after = tuple(flt.get("deadline", {}).get("after", ()))
    r.back_reference = tuple(sorted(flt.get("back_reference", ()), key=len, reverse=True))
    r.followed_by = tuple(flt.get("followed_by", ()))
    r.apposition_after = tuple(flt["apposition_after"])
    r.quote_count_units = frozenset(flt["quote_count_units"])
    r.part_units = frozenset(flt["in_parts"]["units"])
    r.part_before = tuple(flt["in_parts"]["before"])
    r.team_units = frozenset(flt["team_units"])
    r.designation_re = re.compile("|".join(flt["designation_after"]))
    r.name_item_re = re.compile(flt["name_item"]["after"])
    r.name_item_before = frozenset(flt["name_item"]["before"])
    r.apposition_units = frozenset(flt.get("apposition_units", ()))
    r.numbered_units = frozenset(flt.get("numbered_units", ()))
    r.model_units = tuple(flt.get("model", {}).get("units", ()))
    r.model_head_re = re.compile(flt.get("model", {}).get("head", "(?!)"))
    r.total_before = tuple(m.get("total", {}).get("before", ()))
    r.total_after_re = re.compile(m.get("total", {}).get("after", "(?!)"))
    r.size_after = m.get("size_after", {})
    r.negated = frozenset(m.get("negated", ()))
    r.negated_lens = tuple(sorted({len(w) for w in r.negated}))
    r.negated_chars = frozenset(w[0] for w in r.negated)
    r.numbered_person_re = re.compile(f"[{s['surnames']}][\u4e00-\u9fff]{{1,2}}(?:{_alt(s['person_titles'])})")
    r.another_before = tuple(flt.get("another_before", ()))
    r.period_next_before = tuple(flt.get("period_of_next", {}).get("before", ()))
    r.period_next_after = tuple(flt.get("period_of_next", {}).get("after", ()))
    r.epithet_units = frozenset(flt.get("epithet", {}).get("units", ()))
    r.epithet_re = re.compile(flt.get("epithet", {}).get("heads", "(?!)"))
    r.locality_re = re.compile(f"(?:{_alt(s.get('locality_before_group', ()))})") if s.get("locality_before_group") \
        else None
    r.session_units = frozenset(flt.get("session_units", ()))
    r.session_after = tuple(sorted(flt.get("session_after", ()), key=len, reverse=True))
    r.session_re = re.compile(f"[一二三四五六七八九十]{{0,3}}(?:{_alt(r.session_after)})")
    r.scope_re = re.compile(_alt(r.scope))
    r.scope_lens = tuple(sorted({len(w) for w in r.scope}, reverse=True))
    r.preposition_set = frozenset(r.prepositions)
    r.preposition_lens = tuple(sorted({len(w) for w in r.prepositions}))
    r.scope_not_re = re.compile(_alt(s.get("scope_not", [])) or "(?!)")
    r.scope_name_re = re.compile(  # a name runs on without function words (全国各地农民都参加了会议 is none)
        f"(?:(?![的了都已在是有和与及把被将就也还又对向从为])[\u4e00-\u9fff]){{0,12}}?(?:{_alt(s['scope_name_heads'])})")
    r.surnames = frozenset(s["surnames"])
    r.title_surnames = r.surnames | frozenset(s.get("title_only_surnames", ""))
    r.title_given_not = r.surnames | frozenset(s.get("title_only_given_not", ""))
    r.compound_surnames = tuple(s["compound_surnames"])
    r.role_re = re.compile(_alt(s["person_roles"]))
    r.clan_re = re.compile(f"[{s['surnames']}]氏(?![族])")
    r.title_re = re.compile(_alt(s["person_titles"]))
    r.name_stop = frozenset(s["name_stop"])
    r.group_re = re.compile(_alt(r.groups))
    r.noun_tags = frozenset(s["noun_tags"])
    r.person_tags = frozenset(s["person_tags"])
    r.modifier_tags = frozenset(s["modifier_tags"])
    r.verb_tags = frozenset(s["verb_tags"])
    r.agent_heads = frozenset(s["agent_heads"])
    r.not_agent = frozenset(s["not_agent"])
    r.person_after = tuple(sorted(s["person_after"], key=len, reverse=True))
    r.org_verb_start = tuple(s["org_verb_start"])
    r.group_not_followed_by = s.get("group_not_followed_by", {})
    r.subject_after = tuple(sorted(s["subject_after"], key=len, reverse=True))
    r.org_verb_inside_re = re.compile(_alt(s["org_verb_inside"]))
    r.ambiguous = {k: re.compile(v) for k, v in s.get("ambiguous", {}).items()}
    # a preposition governs a whole list: 从机关、学校中 (学校 is no subject either)
    r.not_preposition = tuple(s["not_preposition"])
    r.direction_words = frozenset(s["direction_words"])
    r.event_re = re.compile(s["event_after"])
    r.meeting_re = re.compile(s["meeting_after"])
    r.collective_re = re.compile(s["collective_after"])
    r.thing_re = re.compile(s["thing_pointer"])
    r.agent_relative_re = re.compile(s["agent_relative"])
    r.modal_open = tuple(s["modal_open"])
    r.listed_group_re = re.compile(s["listed_group_before"] + "$")
    r.owner_re = re.compile(s["thing_owner"])
    r.meeting_word_re = re.compile(s["meeting_word"] + "$")
    r.meeting_topic_re = re.compile(s["meeting_topic"])
    r.group_meeting_gap = int(s.get("group_meeting_gap", 2))
    r.thing_measures = frozenset(s["thing_measures"])
    r.meeting_not_between = tuple(s["meeting_not_between"])
    r.not_governing_verbs = frozenset(s["not_governing_verbs"])
    r.section_heading_re = re.compile(s["section_heading"])
    r.place_count_units = frozenset(s["place_count_units"])
    r.plural_pronouns = frozenset(s["pronouns"]["plural"])
    r.all_pronouns = frozenset(s["pronouns"]["plural"] + s["pronouns"]["singular"])
    r.pronoun_re = re.compile(f"(?<![{s['pronouns']['not_after']}])(?:{_alt(r.all_pronouns)})"
                              f"(?![{s['pronouns']['not_before']}])")
    r.governed_list_re = re.compile(f"(?:{_alt(s['prepositions'])})(?:[\u4e00-\u9fff]{{1,10}}[、及])+$")
    return r


# --- small helpers -----------------------------------------------------------------------

def _dec(v) -> str | None:
    if v is None:
        return None
    d = v if isinstance(v, Decimal) else Decimal(str(v))
    if d == d.to_integral_value():
        return format(d.quantize(Decimal(1)), "f")
    return format(d.normalize(), "f")


def _small_int(s: str) -> int | None:
    """1-99 written in digits or Chinese (七, 十二, 两)."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s:
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _ZH_DIGITS.get(a, 1) if a else 1
        ones = _ZH_DIGITS.get(b, 0) if b else 0
        return tens * 10 + ones
    if all(c in _ZH_DIGITS for c in s):
        n = 0
        for c in s:
            n = n * 10 + _ZH_DIGITS[c]
        return n
    return None


def _month_end(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _span(y: int, m1: int, m2: int) -> tuple[str, str]:
    return f"{y:04d}-{m1:02d}-01", _month_end(y, m2)


def _duration(value: Decimal, unit: str, letters: dict) -> str | None:
    letter = letters.get(unit)
    if letter is None:
        return None
    if value != value.to_integral_value():
        if unit == "year" and (value * 12) == (value * 12).to_integral_value():
            return f"P{int(value * 12)}M"
        if unit == "month" and (value * 30) == (value * 30).to_integral_value():
            return f"P{int(value * 30)}D"
        return f"P{_dec(value)}{letter}"
    if letter == "H":
        return f"PT{int(value)}H"
    return f"P{int(value)}{letter}"


@dataclass
class Period:
    start: int  # offsets into the sentence
    end: int
    text: str
    date_start: str | None = None
    date_end: str | None = None
    months: tuple[int, int] | None = None
    year: int | None = None


@dataclass
class Subject:
    start: int  # offsets into the sentence
    end: int
    text: str
    norm: str | None
    en: str | None
    kind: str | None
    entity: object | None = None
    places: list = field(default_factory=list)
    pronoun: bool = False  # 他 / 他们 standing for the name in norm, en, entity


# --- sentences and masks -----------------------------------------------------------------

def _sentences(text: str, start: int, end: int):
    """(start, end) of the sentences of text[start:end], white space trimmed."""
    out = []
    for m in _SENT.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _clause_bounds(st: str, s: int, e: int) -> tuple[int, int]:
    a = s
    while a > 0 and st[a - 1] not in _CLAUSE:
        a -= 1
    b = e
    while b < len(st) and st[b] not in _CLAUSE:
        b += 1
    return a, b


# --- periods -------------------------------------------------------------------------------

def _periods(st: str, exclude: list[tuple[int, int]], art_year: int) -> list[Period]:
    """Calendar periods of a sentence (year words, written years, parts of a year)."""
    r = rules()

    def excluded(s, e):
        return any(a <= s and e <= b for a, b in exclude)

    years = []
    for m in r.year_re.finditer(st):
        if excluded(m.start(), m.end()):
            continue
        w = m.group(0)
        if w in r.years:
            y = art_year + int(r.years[w])
        else:
            ys = m.group("y")
            y = int(ys) if ys.isdigit() else int("".join(str(_ZH_DIGITS[c]) for c in ys))
        years.append((m.start(), m.end(), y))
    parts = []
    for m in r.part_re.finditer(st):
        if excluded(m.start(), m.end()):
            continue
        i = int(next(k for k, v in m.groupdict().items() if v is not None and k.startswith("part"))[4:])
        rule = r.parts[i]
        sub = r.part_res[i].match(st, m.start())
        if sub is None:
            continue
        months = None
        if "months" in rule:
            months = tuple(rule["months"])
        elif rule.get("quarter"):
            n = _small_int(sub.group("n") or sub.group("n2"))
            if n and 1 <= n <= 4:
                months = (3 * n - 2, 3 * n)
        elif rule.get("first_months"):
            n = _small_int(sub.group("n"))
            if n and 1 <= n <= 12:
                months = (1, n)
        elif rule.get("month_range"):
            a, b = _small_int(sub.group("a")), _small_int(sub.group("b"))
            if a and b and 1 <= a <= b <= 12:
                months = (a, b)
        elif rule.get("month"):
            n = _small_int(sub.group("m"))
            if n and 1 <= n <= 12:
                months = (n, n)
        if months:
            parts.append((m.start(), m.end(), months))
    out = []
    used = set()
    for ys, ye, y in years:
        part = next((p for p in parts if ye <= p[0] <= ye + 1), None)  # 今年上半年, 1955年第一季度
        if part is not None:
            used.add(part)
            ds, de = _span(y, *part[2])
            out.append(Period(ys, part[1], st[ys:part[1]], ds, de, part[2], y))
        else:
            ds, de = _span(y, 1, 12)
            out.append(Period(ys, ye, st[ys:ye], ds, de, (1, 12), y))
    for p in parts:
        if p in used:
            continue
        prior = [x for x in out if x.end <= p[0]]
        y = prior[-1].year if prior else art_year
        ds, de = _span(y, *p[2])
        out.append(Period(p[0], p[1], st[p[0]:p[1]], ds, de, p[2], y))
    out.sort(key=lambda x: x.start)
    return out


def _duration_of(st: str, qs: int, qe: int, q) -> tuple[int, int, str] | None:
    """(start, end, ISO duration) when the time figure q reads as a duration (在五个月内)."""
    r = rules()
    if q.unit not in r.dur_units or q.kind != "number":
        return None
    after = next((w for w in r.dur_after if st.startswith(w, qe)), None)
    before = next((w for w in r.dur_before if st.endswith(w, 0, qs)), None)
    if before is not None and st.endswith(r.dur_before_not, 0, qs):
        before = None  # 提前二十多天: ahead of time by, no period of its own
    if after is None and before is None:
        return None
    iso = _duration(q.value, q.unit, r.dur_units)
    if iso is None:
        return None
    return qs - len(before or ""), qe + len(after or ""), iso


# --- comparisons ---------------------------------------------------------------------------

@dataclass
class Comparison:
    start: int  # offset into the sentence of the comparison words
    kind: str  # change | ratio
    sign: int
    baseline: str | None
    base_span: tuple[int, int] | None
    year: int | None = None  # a written baseline year


def _comparison(st: str, cs: int, qs: int, q) -> Comparison | None:
    """The comparison right before the figure at qs (its clause starts at cs)."""
    r = rules()
    window = st[max(cs, qs - 24):qs]
    off = qs - len(window)
    m = r.change_re.search(window)
    if m and m.group("verb"):
        base_g = "base1" if m.group("base1") else "base2" if m.group("base2") else None
        marker = m.group("marker")
        if marker or base_g or len(m.group("verb")) > 1:
            base = r.baselines[m.group(base_g)] if base_g else None
            kind = "level" if m.group("fill") in r.level_fillers or m.group("verb")[-1] in "至到" else "change"
            return Comparison(off + m.start(), kind, int(r.verbs[m.group("verb")]), base,
                              (off + m.start(base_g), off + m.end(base_g)) if base_g else None)
    m = r.ratio_re.search(window)
    if m:
        return Comparison(off + m.start(), "ratio", 1, r.baselines[m.group("base")],
                          (off + m.start("base"), off + m.end("base")))
    m = r.ratio_year_re.search(window)
    if m:  # 为一九五三年的211％
        ys = m.group("y")
        y = int(ys) if ys.isdigit() else int("".join(str(_ZH_DIGITS[c]) for c in ys))
        return Comparison(off + m.start(), "ratio", 1, "year", (off + m.start("base"), off + m.end("base")), y)
    return None


def _baseline_period(baseline: str | None, period: Period | None, art_year: int, year: int | None = None):
    r = rules()
    if baseline == "year" and year is not None:
        return _span(year, 1, 12)
    if baseline is None or baseline not in r.baseline_years:
        return None, None
    dy = int(r.baseline_years[baseline])
    if baseline.startswith("same_period"):
        if period is None or period.months is None:
            return None, None
        return _span(period.year + dy, *period.months)
    y = (period.year if period is not None and period.year is not None else art_year) + dy
    return _span(y, 1, 12)


# --- measures and objects --------------------------------------------------------------------

def _own_verb(st: str, masked: str, cs: int, qs: int, q, fig_ends=(), own_clause: bool = True) -> bool:
    """Whether the figure's clause before it has a verb of its own that does not carry an earlier
    clause's measure on (measures.toml `carry_words`); names are left out (masked)."""
    r = rules()
    # a list item (…，轧花坊三组，运销九组 / 射击二十四项、无线电收发报十八项) shares the list's measure
    if any(cs <= e < qs and st[e] == "、" for e in fig_ends):
        return False  # 射击二十四项、无线电收发报|十八项
    bare = r.carry_re.sub("，", st[cs:qs])
    if fig_ends and any(max(cs - 4, 0) <= e <= cs - 1 for e in fig_ends) and len(st[cs:qs]) <= 6 \
            and not set(bare) & set("了过着") and not any(v in bare for v in r.change_verbs if len(v) > 1) \
            and not st.startswith(r.new_predicate, cs) \
            and not _subject_verb(bare):
        # (but 产量增加了一倍，废品减少了一倍 / 并调剂牛马四十余匹 / 前者加灰二十斤: a predicate of its own)
        return False
    if st.startswith(r.new_predicate, cs) and not st.startswith(tuple(r.carry_words), cs):
        return True  # 并调剂牛马四十余匹: a predicate of its own (but 另有赤金七两 carries on)
    # the verbs of a relative clause before 的 (受灾最重的湖南亦达) are none of the figure's
    k = max(st.rfind("的", cs, qs), cs - 1) + 1
    if k >= qs - 1:
        k = cs  # …将使秦淮河畔的三千多亩农田: the figure opens the head, its clause's verb (使) is its own
    own = masked[k:qs]
    if len(own) <= 1 or _MASK * len(own) == own:
        return False
    own = r.carry_re.sub("，", own)  # 上涨到, 计有, 要求达到 carry the measure on: out of the way of the tagger
    toks = _dict_tags(own)
    if q.unit not in RELATIVE_UNITS and r.not_measure_verb_re.search(own):
        return True  # 总结和交流了四个主要工地的经验: a verb of its own that names no measure
    # 社会保险费，较去年增加了三亿四千万卢布: an amount compared with a baseline is a change of what the clause
    # before names, as a relative figure is
    relative = q.unit in RELATIVE_UNITS or own.startswith(("较", "比"))
    if relative and own_clause and any(t[:1] == "n" and not r.time_word_re.search(w) and _MASK not in w
                                       for _, _, w, t in toks):
        return True  # 停站作业时间缩短了三分之二, 大疙瘩由百分之四十七…: a change of something else named here
    for a, b, w, t in toks:
        if t[:1] == "v" and t != "vn" and _MASK not in w and (relative is False or w not in r.change_verbs):
            return True
    return False


_EXAMPLE = ("如", "例如", "比如", "譬如")
# what may stand between a measure word and a time figure it measures (需三小时, 需要了约两天); anything else, as a
# change verb (工期缩短了三个月), leaves the time figure a duration
_TIME_GAP = ("", "了", "约", "近", "达", "了约", "了近", "达到", "要", "需")
_SUBORDINATE = ("由于", "因为", "为了", "虽然", "如果", "要是", "假如")


def _last_rate(st: str):
    """(word, key) of the last rate a sentence names (各厂的出勤率都大大提高了), or None."""
    r = rules()
    m = None
    for m in r.rate_re.finditer(st):
        pass
    if m is None:
        return None
    w = m.group(0)
    w = w[w.rfind("的") + 1:]
    return w, next((r.measures[w[k:]] for k in range(len(w)) if w[k:] in r.measures), "rate")


def _subject_verb(words: str) -> bool:
    """A two-character noun or pronoun and a one-character verb (前者|加|灰): a predicate of its own, no list
    item (织口袋机, 打笨井, 纺线车 open with their verb: names of things)."""
    r = rules()
    toks = _dict_tags(words) if len(words) >= 3 else ()
    return any(t[:1] == "v" and t != "vn" and len(w) == 1 and 0 < i < len(toks) - 1
               and toks[i - 1][3][:1] in ("n", "r") and len(toks[i - 1][2]) >= 2 and _MASK not in toks[i - 1][2] and w not in r.not_governing_verbs
               for i, (_, _, w, t) in enumerate(toks))


_COORD_FIGURES = ("和", "、", "及", "与", "以及")
_COORD_STOP = frozenset("，,：:；;。（）()的在是有就都也比较由从已均各分为到将使把被" + _MASK)


def _coordinated_nouns(masked: str, mw, lo: int) -> list:
    """The nouns named together with the one ending in the measure word mw (原煤产量和焦炭装窑量): their
    (start, end), in order; the clause starts at lo."""
    def left(p):
        while p > lo and masked[p - 1] not in _COORD_STOP and masked[p - 1] not in "和、及与":
            p -= 1
        return p
    s0 = left(mw[0])
    nouns = [(s0, mw[1])]
    p = s0
    while p - 1 > lo and masked[p - 1] in "和、及与":
        s2 = left(p - 1)
        if s2 == p - 1:
            break
        nouns.insert(0, (s2, p - 1))
        p = s2
    p = mw[1]
    while p < len(masked) and masked[p] in "和、及与":
        e2 = p + 1
        while e2 < len(masked) and masked[e2] not in _COORD_STOP and masked[e2] not in "和、及与":
            e2 += 1
        if e2 == p + 1:
            break
        nouns.append((p + 1, e2))
        p = e2
    return nouns


def _new_topic(st: str) -> bool:
    """Whether the sentence opens on a thing of its own as its topic (杀虫器械的推广, 会议最后…): a common noun of
    two or more characters, naming no measure, followed by 的 or a word that is no noun or figure."""
    r = rules()
    t0 = len(st) - len(_LEAD.sub("", st.lstrip(" \u3000\t“”"), count=1))
    toks = _dict_tags(st[t0:t0 + 10])
    run = []
    for x, y, w, t in toks:
        if t in ("n", "nz", "vn") and len(w) >= 2:
            run.append(w)
            continue
        break
    if not run or _dict_tags(run[0])[0][3] != "n" or len(toks) <= len(run):
        return False
    nxt = toks[len(run)]
    noun = "".join(run)
    if r.measure_re.search(noun) or r.time_word_re.search(noun) or noun in r.groups or noun[-1] in r.agent_heads:
        return False
    return nxt[2] == "的" or nxt[3][:1] in ("v", "d", "p")


def _own_words(st: str, a: int, b: int, periods) -> bool:
    """Whether st[a:b] says more than its periods, adverbs of continuing (又, 也, 还) and lead words."""
    rest = "".join(ch for i, ch in enumerate(st[a:b], a) if not any(p.start <= i < p.end for p in periods))
    for w in sorted(rules().baselines, key=len, reverse=True):
        rest = rest.replace(w, "")  # 比去年同期
    return bool(_LEAD.sub("", rest).strip(" \u3000\t“又也还再则更仍都并而比较与同跟和约大近"))


def _names_goods(masked: str, x, qs: int) -> bool:
    """Whether the measure word x right before the figure at qs is part of the name of the goods it counts: a
    noun of its own right before the figure (利润 in 截留利润八十多万元), or a word describing the noun after it
    (捐献的稻子, 救济粮食, 慰劳款)."""
    between = masked[x[1]:qs]
    if not between:
        return all(t[:1] == "n" and t != "nr" for _, _, _, t in _dict_tags(x[2]))
    goods = between[1:] if between[0] == "的" else between
    if len(goods) == 1:  # 慰劳款 (but 投入生产的有十四个站: a verb)
        return _cjk(goods) and goods not in _VERB_PARTICLES and _dict_tags(goods)[0][3][:1] in ("n", "m", "q")
    return 0 < len(goods) <= 4 and _cjk(goods) and _MASK not in goods and all(
        t[:1] == "n" and t != "nr" for _, _, _, t in _dict_tags(goods))


def _named_head(st: str, cs: int, end: int):
    """(start, end, phrase, key) of a noun phrase ending in a measure-like head (工作量, 周转速度, 出口额) that
    closes the clause's words right before ``end`` (the comparison), with only adverbs between, or None."""
    r = rules()
    j = end
    while j > cs and st[j - 1] in r.named_head_gap:
        j -= 1
    for h in sorted(r.named_heads, key=lambda w: (-len(w), w)):
        if not st.endswith(h, cs, j):
            continue
        i = j - len(h)
        while i > cs and j - i < 8 and _cjk(st[i - 1]) and st[i - 1] not in _NOT_MODIFIER and st[i - 1] not in "的较":
            i -= 1
        while i < j - len(h) and (st[i] in r.named_head_skip or st.startswith(r.named_head_lead, i)):
            i += next((len(x) for x in r.named_head_lead if st.startswith(x, i)), 1)  # 1997年|我国|工业增加值
        w = st[i:j]
        if st[i - 1:i] in ("比", "较") or "较" in st[cs:i]:
            return None  # 较二月份平均数提高: the baseline, not what is measured
        if i == j - len(h) or w in r.named_head_not or any(w.endswith(x) for x in r.named_head_not if len(x) > len(h)):
            return None  # 数, 大量: no noun of its own
        return i, j, w, r.named_heads[h]
    return None


def _agents_acting(masked: str, qe: int, x) -> bool:
    """A count followed by its noun and then a verb with an object of its own (一百多个工厂赶制水闸机件): the
    things counted are the verb's agents, not what it made (but 九车毛猪从这里装运出去: the pigs are moved)."""
    noun = masked[qe:x[0]]
    if not (1 <= len(noun) <= 5) or not _cjk(noun) or "的" in noun or any(c in _NOT_MODIFIER for c in noun):
        return False
    j = x[1]
    while j < len(masked) and masked[j] in "了着过":
        j += 1
    nxt = masked[j:j + 1]
    return bool(nxt) and (_cjk(nxt) or nxt == _MASK) and nxt not in _VERB_PARTICLES and nxt != "的"


def _measure(masked: str, cs: int, ce: int, qs: int, qe: int, q, share: bool, st: str | None = None,
             fig_ends=(), fig_spans=()):
    """(word start, word end, word, key) of the figure's measure, or None. ``st``: the sentence with its
    names masked but not its comparisons (for the figure's own verb)."""
    r = rules()
    if r.not_measure_re.search(masked):
        masked = r.not_measure_re.sub(lambda m: _MASK * len(m.group(0)), masked)
    found = [(m.start(), m.end(), m.group(0)) for m in r.measure_re.finditer(masked)
             if not (r.heading_after and masked.startswith(r.heading_after, m.end()))]
    if found and r.negated_chars.intersection(masked):  # 没被刷新: not done, no measure
        found = [x for x in found if not any(masked[x[0] - k:x[0]] in r.negated for k in r.negated_lens)]
    if q.kind in ("percent", "fraction"):
        rate = None
        for m in r.rate_re.finditer(masked, cs, qs):
            rate = m
        if rate is not None:  # 成块率由过去的百分之七十四提高到…, 失业的比率为百分之七: a rate, not a share
            w = rate.group(0)
            key = next((r.measures[w[k:]] for k in range(len(w)) if w[k:] in r.measures), "rate")
            return rate.start(), rate.end(), w, key
        for w in r.share_first:
            i = masked.rfind(w, cs, qs)
            if i >= 0:
                return i, i + len(w), w, "share"
    adj = r.adjacent.get(masked[qs - 1:qs]) if qs > cs else None
    if adj and qs - 2 >= cs and masked[qs - 2] in r.adjacent_not.get(masked[qs - 1], ""):
        adj = None  # 找出, 抽出: another word
    if adj and "比" in masked[cs:qs - 1]:
        adj = None  # 比历史上最高产量高一倍多: a comparative, not a height
    if adj and not any(x[1] == qs and x[0] < qs - 1 for x in found):  # 长二十六里, but 增产1亿斤
        return qs - 1, qs, masked[qs - 1], adj
    # a measure word may share its last character with a figure read with a qualifier (节约|约七百)
    before = [x for x in found if cs <= x[0] and (x[1] <= qs or (x[0] < qs and x[1] == qs + 1))]
    # a word followed in the clause by another figure and 的 measures that figure and the noun after it, not
    # this one (远景储量在一亿吨左右到一百亿吨以上的大铁矿有一百四十个: a count of mines)
    before = [x for x in before if not any(x[1] <= fa and fb < qs and masked.startswith("的", fb)
                                           for fa, fb in fig_spans)]
    if len(before) > 1:  # 修复被毁水渠五条: 被毁 describes the canals, 修复 is what was done
        before = [x for x in before if masked[x[0] - 1:x[0]] != "被" and not x[2].startswith("被")] or before
    if before:
        x = max(before, key=lambda x: (x[1], x[1] - x[0]))
        verb = next((y for y in before if y[1] == x[0]), None)
        if verb is not None and r.measures[verb[2]] not in r.goods_verb_not and _names_goods(masked, x, qs) \
                and not any(t == "n" for _, _, _, t in _dict_tags(verb[2])):  # (单位面积产量: no verb)
            x = verb  # 扣留捐献的稻子三千斤, 截留利润八十多万元: the word right after the verb names the goods
        if masked[x[1]:x[1] + 1] == "的" and x[1] + 1 == qs:
            # 自己积存的五百个鸡蛋亦全部捐出: the word before 的 describes the eggs; the verb after is what was done
            later = [y for y in found if qe <= y[0] and y[1] <= ce
                     and not (masked[y[1]:y[1] + 1] == "的" and _cjk(masked[y[1] + 1:y[1] + 2]))
                     and all(t[:1] == "v" for _, _, _, t in _dict_tags(y[2]))]
            if later:
                x = min(later)
        return (*x, r.measures[x[2]])
    for rx, key in r.measure_patterns:  # 超过全月计划百分之八: a pattern of the figure's own clause
        m = None  # (read with its comparison words when no measure word came before: 超过任务三分之一)
        for m in rx.finditer(masked if st is None or any(x[1] <= cs for x in found) else st, cs, qs):
            pass
        if m is not None:
            return m.start(), m.end(), m.group(0), key
    if share:  # 90％的社、组投入增产节约运动 (but 十六个村的有组织的民工: 组织 describes the labourers)
        after = [x for x in found if qe <= x[0] and x[1] <= ce
                 and not (masked[x[1]:x[1] + 1] == "的" and (_cjk(masked[x[1] + 1:x[1] + 2]) or masked[x[1] + 1:x[1] + 2] == _MASK))]
        if after:
            x = min(after)
            return (*x, r.measures[x[2]])
    if r.unit_default.get(q.unit or q.kind, "count") == "count" and any(
            qe <= x[0] and x[1] <= ce and any(x[1] <= fa <= x[1] + 1 for fa, _ in fig_spans) for x in found):
        return None  # 三辆汽车就得花一千五百多元: the verb after the count measures the next figure; this one counts
    if q.unit in _OWN_CLAUSE_UNITS:
        return None  # 驻地离瓷场半里: a distance or a time is what its unit says, not an earlier verb
    asides = [(m.start(), m.end()) for m in _PAREN.finditer(masked, 0, cs)]
    earlier = [x for x in found if x[1] <= cs and not any(a <= x[0] < b for a, b in asides)]
    if earlier and masked[qs - 1:qs] == "把":
        earlier = []  # 他们买了元钉，很快地把三辆汽车的车厢加固好了: the verb after 把 is what was done to them
    if earlier and _classifier(q) in r.place_count_units:
        earlier = []  # 在采取接力运输以前，北京市所属十七个区: a count of places, not of what the clause before did
    if earlier and st is not None and not masked.startswith(r.heading_words, max(earlier, key=lambda x: x[1])[1]):
        # 恢复了十六个村社: its own verb, not the 组织了 of the clause before; and back through the clauses
        # before, one with a verb of its own that names no measure ends the search (已筹好粉房…各一座，牲口八头);
        # a measure word heading a section (节约方面，…) holds for all
        if _own_verb(st, st, cs, qs, q, fig_ends):
            earlier = []
        else:
            b = cs - 1
            while b > 0:
                a = b
                while a > 0 and st[a - 1] not in _CLAUSE:
                    a -= 1
                if any(a <= x[0] and x[1] <= b for x in earlier):
                    break
                # the clause's words before its first figure (受灾最重的湖南亦达|六百二十万担)
                f0 = min((x for x, y in fig_spans if a <= x < b), default=b)
                if st[a - 1:a] in "（(" or st[b:b + 1] in "）)":
                    b = a - 1  # an aside (又名鰯鱼): passed over
                    continue
                if _own_verb(st, st, a, f0, q, fig_ends, own_clause=False):
                    earlier = []
                    break
                b = a - 1
    if earlier:
        x = max(earlier, key=lambda x: (x[1], x[1] - x[0]))
        verb = next((y for y in earlier if y[1] == x[0]), None)
        nxt = min((fa for fa, _ in fig_spans if fa >= x[1]), default=None)
        if verb is not None and nxt is not None and r.measures[verb[2]] not in r.goods_verb_not \
                and _names_goods(masked, x, nxt) and not any(t == "n" for _, _, _, t in _dict_tags(verb[2])):
            x = verb  # 扣留捐献稻子五千斤，人民币一百多万元: the list's verb, not the goods' word
        return (*x, r.measures[x[2]])
    # 有九车毛猪从这里装运出去 (but 到达十六个村的有组织的民工: a word before 的 describes the noun after it)
    after = [x for x in found if qe <= x[0] and x[1] <= ce
             and not (masked[x[1]:x[1] + 1] == "的" and (_cjk(masked[x[1] + 1:x[1] + 2]) or masked[x[1] + 1:x[1] + 2] == _MASK))]
    # 三辆汽车就得花一千五百多元: a measure word right before another figure is that figure's; so is one before
    # its object and another figure (五千万亩秋作物预计可产粮食三百亿斤: the grain's output, not the area's)
    after = [x for x in after if not any(x[1] <= fa <= x[1] + 1 or (fa <= x[1] + 6 and fa > x[1]
                                                                    and _cjk(masked[x[1]:fa].replace(_MASK, "一")))
                                         for fa, _ in fig_spans)]
    if after and r.unit_default.get(q.unit or q.kind, "count") == "count" and _agents_acting(masked, qe, min(after)):
        return None  # 上海一百多个工厂赶制水闸机件: the factories counted do the making; a count, nothing made
    if after and any(w in masked[qe:after[0][0]] for w in ("没有", "没")):
        after = []  # 九十三个县没有任何形式的分配食品的计划: what they lack is no measure
    if after and q.unit not in ("household", "person", "li", "km", "metre", "chi") and not masked.startswith("的", qe):
        x = min(after)
        return (*x, r.measures[x[2]])
    return None


def _object(masked: str, cs: int, ce: int, qs: int, qe: int, mword) -> tuple[str, str | None] | None:
    r = rules()
    # between the measure word and the figure: 提炼出焊锡二百斤
    if mword is not None and cs <= mword[1] <= qs:
        between = masked[mword[1]:qs].lstrip("出了到得成")
        if between:
            m = r.object_re.fullmatch(between) or r.object_re.search(between)
            if m:
                return m.group(0), r.objects[m.group(0)]
            if _GENERIC_OBJECT.match(between) and not set(between) & _OBJECT_STOP:
                return between, None
    # right before the figure: 紫铜四十二斤
    head = masked[cs:qs]
    for n in range(min(6, len(head)), 0, -1):
        w = head[-n:]
        if w in r.objects:
            return w, r.objects[w]
    # after the figure and an optional 的: 一百多斤机油, 90％的社、组
    tail = masked[qe:ce]
    if tail.startswith("的"):
        tail = tail[1:]
    m = r.object_re.match(tail)
    if m:
        return m.group(0), r.objects[m.group(0)]
    return None


# --- subjects ------------------------------------------------------------------------------

def _outer(ents):
    """Entities not inside another one (an organisation's place stays inside it)."""
    ents = sorted(ents, key=lambda e: (e.start, -(e.end - e.start)))
    out = []
    for e in ents:
        if out and e.start >= out[-1].start and e.end <= out[-1].end:
            continue
        out.append(e)
    return out


def _group_after(st: str, pos: int):
    r = rules()
    loc = r.locality_re.match(st, pos) if r.locality_re is not None else None
    if loc is not None:
        pos = loc.end()  # 驻在天津市郊的部队: the troops of the city's outskirts
    p = pos + 1 if st.startswith("的", pos) else pos
    m = r.group_re.match(st, p)
    if m:
        return m.end(), m.group(0), r.groups[m.group(0)]
    return None


def _join_en(names):
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _candidates(st: str, sent_start: int, ents, all_ents):
    """Subject candidates of a sentence: entity chains, scope words, leading group nouns."""
    r = rules()
    outer = [e for e in _outer(ents) if not (e.label == "ORG" and e.subtype in r.not_subject
                                             and not r.press_acts_re.match(st, e.end - sent_start))
             and not r.dateline_re.match(st, e.end - sent_start)
             and not (e.label == "PLACE" and r.term_after_re.match(st, e.end - sent_start))  # 西域史权威
             # a name does not open with a preposition: 同洛克菲勒集团 is 同 + a name
             and not (e.gazetteer_id is None and e.text[:1] in r.preposition_chars)
             and not _ambiguous(st, e.start - sent_start, e.end - sent_start, e.text)
             and not _verb_org(e)]
    chains = []
    for e in outer:
        s, en = e.start - sent_start, e.end - sent_start
        if chains:
            prev = chains[-1]
            gap = st[prev["end"]:s]
            gap_tail = r.tail_re.match(gap)
            rest = gap[gap_tail.end():] if gap_tail else gap
            if "head" not in prev and (gap == "" or gap in r.coordination or (gap_tail and rest in r.coordination)):
                prev["ents"].append(e)
                prev["end"] = en
                continue
            # 等专区的手工业合作组织: an organisation with no place of its own is the places' group noun
            if ("head" not in prev and e.label == "ORG" and not e.place and not e.gazetteer_id
                    and rest in ("的", "") and all(x.label == "PLACE" for x in prev["ents"])):
                prev["head"] = e
                prev["head_end"] = en
                continue
        chains.append({"start": s, "end": en, "ents": [e]})
    out = []
    for c in chains:
        end = c["end"]
        tail = r.tail_re.match(st, end)
        if tail and tail.end() > end and (st[end:end + 1] == "等" or (
                st[end:end + 1] == "各" and tail.end() - end >= 2 and all(x.label == "PLACE" for x in c["ents"]))):
            end = tail.end()
        group = _group_after(st, end)
        if "head" in c:
            h = c["head"]
            group = (c["head_end"], h.text, r.groups.get(h.text) or h.en or h.norm or h.text)
        ents_ = c["ents"]
        orgs = [e for e in ents_ if e.label == "ORG"]
        places_all = [x for x in all_ents if x.label == "PLACE" and c["start"] <= x.start - sent_start
                      and x.end - sent_start <= c["end"]]
        if group:
            end = group[0]
        text = st[c["start"]:end]
        if len(ents_) == 1 and not group:
            e = ents_[0]
            norm, en_name = e.norm or e.text, e.en
            kind = e.subtype if e.label == "ORG" else f"{e.subtype}" if e.subtype else "place"
            link = e
        else:
            containers = [e for e in ents_ if e.label == "PLACE" and e.subtype in ("province", "region", "country")]
            inner = [e for e in ents_ if e not in containers[:1]] if len(ents_) > 1 and ents_[0] in containers else ents_
            link = orgs[0] if len(orgs) == 1 and len(ents_) == 1 else (inner[0] if inner else ents_[0])
            names = [e.en or e.norm or e.text for e in inner]
            where = _join_en(names)
            if inner is not ents_ and ents_[0].en:
                where = f"{where}, {ents_[0].en}"
            norm = "、".join(e.norm or e.text for e in ents_)
            if group:
                norm = f"{norm}的{group[1]}"
                en_name = f"{group[2]} of {where}" if where else group[2]
                kind = "group"
            else:
                en_name = where
                kind = link.subtype if link.label == "ORG" else "places"
        out.append(Subject(c["start"], end, text, norm, en_name, kind, link,
                           [p.norm or p.text for p in places_all]))
    for i, c in enumerate(out):  # 苏联经济及文化建设成就展览会: the exhibition, not the country
        m = r.event_re.match(st, c.end)
        if m is not None and c.entity is not None and c.entity.label == "PLACE":
            name = st[c.start:m.end()]
            out[i] = Subject(c.start, m.end(), name, name, None, "event", None, list(c.places))
            continue
        m = r.meeting_re.match(st, c.end)  # 第一次区委书记会议: the meeting
        if m is not None and c.entity is not None and c.entity.label == "ORG" and c.kind != "group" \
                and not any(w in st[c.end:m.end()] for w in r.meeting_not_between):
            name = st[c.start:m.end()]
            out[i] = Subject(c.start, m.end(), name, name, None, "event", None, list(c.places))
            continue
        q0 = st.rfind("“", max(0, c.start - 20), c.start)
        if c.entity is not None and c.entity.label == "ORG" and q0 >= 0 and _cjk(st[c.start - 1:c.start]) \
                and "”" not in st[q0:c.start] and st[c.end:c.end + 1] == "”" and _cjk(st[q0 + 1:c.start]):
            # “饥饿与营养不良问题公民调查委员会”: the whole quoted name, not its tail the entities stage read
            name = st[q0 + 1:c.end]
            out[i] = Subject(q0 + 1, c.end, name, name, c.en, c.kind, None, list(c.places))
    not_scope = [(m.start(), m.end()) for m in r.scope_not_re.finditer(st)]
    for m in r.scope_re.finditer(st):
        word = m.group(0)
        if any(a <= m.start() < b for a, b in not_scope):
            continue
        if word == "全国" and r.scope_name_re.match(st, m.end()):
            continue  # 全国工农兵劳模成绩展览会: a name
        if any(c.start <= m.start() < c.end for c in out):
            continue  # 黑龙江、合江各地: part of the places' subject
        if word.startswith("各") and word != "各地" and _cjk(st[m.start() - 1:m.start()]):
            continue  # 各矿 opening a clause is every mine; 东北各省, 所属各厂, 遍布全国各省 are read with their words
        info = r.scope[word]
        end = m.end()
        group = _group_after(st, end)
        if group:
            end = group[0]
        level = info.get("level", "")
        if word == "全国":
            # in an article about another country, 全国 is that country (饥民遍于全国: the United States)
            foreign = [e for e in all_ents if e.start < sent_start + m.start() and e.subtype == "country"]
            home = not foreign or (foreign[-1].norm or foreign[-1].text) in r.home_country
            if home:
                norm, en_name, kind, link = "全国", info["en"], "nationwide", None
            else:
                link = foreign[-1]
                norm, en_name, kind = link.norm or link.text, link.en or link.norm, "country"
        elif word in r.home_country:  # 我国: the home country, linked to its last mention when there is one
            link = next((e for e in reversed(all_ents) if e.start < sent_start + m.start()
                         and (e.norm or e.text) in r.home_country), None)
            norm = (link.norm or link.text) if link else word
            en_name = (link.en or info["en"]) if link else info["en"]
            kind = "country" if link else "scope"
        else:
            # (a name opening on a doubled character, 人人爱厂 of 人人爱厂如家, is a phrase misread as a name: passed over)
            prior = [e for e in all_ents if e.start < sent_start + m.start() and e.subtype == level
                     and not (len(e.text) > 2 and e.text[0] == e.text[1])]
            link = prior[-1] if prior else None
            norm = (link.norm or link.text) if link else word
            en_name = (link.en or link.norm) if link else info["en"]
            kind = level or "scope"
        if group:
            nationwide = word == "全国" and kind == "nationwide"
            norm = f"{norm}{group[1]}" if nationwide else f"{norm}的{group[1]}"
            en_name = f"{group[2]} {en_name}" if nationwide else f"{group[2]} of {en_name}"
            kind = "nationwide" if nationwide else "group"
        out.append(Subject(m.start(), end, st[m.start():end], norm, en_name, kind, link,
                           [link.norm] if link is not None and link.label == "PLACE" else []))
    for p in _persons(st):
        name_start = p.end - len(p.norm) if not st.startswith(p.norm, p.start) else p.start
        if not any(c.start <= name_start < c.end and c.kind != "group" for c in out):
            # a "place" inside a name (邵玉林: 玉林) is the name's
            out = [c for c in out if not (name_start <= c.start and c.end <= p.end)]
            out.append(p)
    for i, c in enumerate(out):
        m = r.collective_re.match(st, c.end) if c.kind == "person" else None
        if m is not None:  # 张锡明、王嘉林等六人, 张三和李四一起: what they do together is the group's, not one member's
            name = st[c.start:m.end()]
            out[i] = Subject(c.start, m.end(), name, name, None, "group", None, list(c.places))
    # a group noun opening the sentence or a clause: 手工业产值, 农民..., 社员...
    # (with a short modifier before it: 游泳运动员, 贫困的居民)
    for m in r.group_re.finditer(st):
        s = m.start()
        if st[m.end():m.end() + 1] and st[m.end()] in r.group_not_followed_by.get(m.group(0), ""):
            continue  # 人民币: money
        head = _LEAD.sub("", st[:s]).rstrip(" \t\u3000")
        begin = s
        joined = any(c.kind == "group" and c.end == s and c.entity is None and c.text in r.groups for c in out)
        coordinated = st[s - 1:s] in ("和", "与", "及", "、")  # 互助员和群众: the group noun stands on its own
        if head and head[-1] not in _CLAUSE and st[s - 1:s] not in (" ", "\u3000", "\t") and not joined \
                and not coordinated:
            cut = max(head.rfind(c) for c in _CLAUSE | {" ", "\u3000"}) + 1
            prefix = head[cut:]
            if set(prefix) & _CODE_DIGITS and prefix[-1:] in "内里中来后前" and len(prefix) <= 4:
                # 一月内群众: a time before the group, no modifier of it
                prefix = ""
            elif not (0 < len(prefix) <= 4 and _cjk(prefix) and not set(prefix) & _NOT_MODIFIER
                    and not prefix.startswith(r.org_verb_start)):
                continue  # 帮助农业社: a verb and its object, no modifier
            begin = s - len(prefix)
        word = m.group(0)
        prev = next((c for c in out if c.kind == "group" and c.end == s and c.entity is None
                     and (c.text in r.groups or c.text in r.scope)), None)
        if prev is not None:  # 各省|爱国军民: one group
            out.remove(prev)
            begin = prev.start
        elif any(c.start <= begin < c.end or c.start <= s < c.end for c in out):
            continue
        text_ = st[begin:m.end()]
        out.append(Subject(begin, m.end(), text_, text_, r.groups[word], "group", None, []))
    for c in list(out):
        # 城关、午汲和元氏县的红旗等三个人民公社: the communes listed before 等 + their count are the group, not
        # 人民公社 alone nor the last place of the list
        m = r.listed_group_re.search(st, max(0, c.start - 8), c.start) if c.kind == "group" and c.entity is None \
            or (c.entity is not None and c.entity.label == "ORG" and not c.entity.gazetteer_id) else None
        if m is not None:
            start = max(st.rfind(ch, 0, m.start()) for ch in _CLAUSE | {"。", "；", "！", "？"}) + 1
            start += len(st[start:m.start()]) - len(_LEAD.sub("", st[start:m.start()]).lstrip(" \u3000\t"))
            if start < m.start() and _cjk(st[start:m.start()].replace("、", "")) \
                    and not set(st[start:m.start()]) & (_NOT_MODIFIER - set("和与及")) \
                    and not _governed(st, start):
                name = st[start:c.end]
                out = [p for p in out if not (start <= p.start and p.end <= c.end)]
                out.append(Subject(start, c.end, name, name, c.en, "group", None, list(c.places)))
    for i, c in enumerate(list(out)):
        # a group with at most a couple of words before a meeting word is a piece of the meeting's name
        # (全区群众工作会议 is the conference, not the masses): the meeting is the subject
        m = r.meeting_re.match(st, c.end) if c.kind == "group" else None
        if m is not None and len(m.group(0)) - len(r.meeting_word_re.search(m.group(0)).group(0)) \
                <= r.group_meeting_gap and not any(w in st[c.end:m.end()] for w in r.meeting_not_between):
            start = c.start
            prev = next((p for p in out if p.end == c.start and p.kind != "group" and p.entity is not None
                         and p.entity.label == "PLACE"), None)
            if prev is not None:  # 太岳|全区群众工作会议: the place opens the name
                start = prev.start
                out = [p for p in out if p is not prev]
            name = st[start:m.end()]
            # (of kind noun: it holds for its own sentence, what follows goes back to the subject before)
            out = [Subject(start, m.end(), name, name, None, "noun", None, list(c.places)) if p is c else p
                   for p in out]
    out.sort(key=lambda c: c.start)
    return out


def _verb_org(e) -> bool:
    """An organisation with no gazetteer entry whose name is a verb phrase (办合作社, 区委发动公社)."""
    r = rules()
    # (a place with no gazetteer entry has at most a pinyin English: 折人民市布 is 折 + 人民市布, no city)
    return not e.gazetteer_id and e.label in ("ORG", "PLACE") and (
        e.text.startswith(r.org_verb_start) or r.org_verb_inside_re.search(e.text, 1) is not None)


def _ambiguous(st: str, s: int, e: int, name: str) -> bool:
    """An entity name that is two words run together here (战斗中|共击落): subjects.toml [ambiguous]."""
    rx = rules().ambiguous.get(name)
    return rx is not None and rx.search(st[max(0, s - 4):e + 4]) is not None


def _cjk(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def _name_at(st: str, p: int) -> str | None:
    """A person's name starting at p: a surname and one or two characters."""
    r = rules()
    for cs in r.compound_surnames:
        if st.startswith(cs, p):
            rest = st[p + 2:p + 4]
            n = 2 if len(rest) == 2 and _cjk(rest) and not set(rest) & r.name_stop else 1
            given = st[p + 2:p + 2 + n]
            return st[p:p + 2 + n] if _cjk(given) and given[0] not in r.name_stop else None
    if p >= len(st) or st[p] not in r.surnames:
        return None
    three, two = st[p:p + 3], st[p:p + 2]
    if len(three) == 3 and _cjk(three) and not set(three[1:]) & r.name_stop:
        return three
    if len(two) == 2 and _cjk(two) and two[1] not in r.name_stop:
        return two
    return None


def _person_en(name: str) -> str | None:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pragma: no cover - a dependency, but English names are a nicety
        return None
    syl = lazy_pinyin(name)
    k = 2 if name[:2] in rules().compound_surnames else 1
    return " ".join(x for x in ("".join(syl[:k]).capitalize(), "".join(syl[k:]).capitalize()) if x)


def _persons(st: str) -> list[Subject]:
    """Persons named in a sentence: 农民邓金水, 支部书记袁茂荣, 刘致明同志."""
    r = rules()
    out = []
    for m in r.role_re.finditer(st):
        name = _name_at(st, m.end())
        if name:
            out.append(Subject(m.start(), m.end() + len(name), st[m.start():m.end() + len(name)], name,
                               _person_en(name), "person", None, []))
    for m in r.clan_re.finditer(st):  # 周氏: Mr. Zhou, named before by his full name
        if not any(x.start <= m.start() < x.end for x in out):
            out.append(Subject(m.start(), m.end(), m.group(0), m.group(0), _person_en(m.group(0)[0]), "person", None, []))
    for m in r.title_re.finditer(st):
        t = m.start()
        for n in (3, 2):
            a = t - n
            if a >= 0 and (st[a] in r.surnames or (st[a] in r.title_surnames and st[a + 1] not in r.title_given_not)) \
                    and _cjk(st[a:t]) and not set(st[a + 1:t]) & r.name_stop:
                if not any(x.start <= a < x.end for x in out):
                    out.append(Subject(a, m.end(), st[a:m.end()], st[a:t], _person_en(st[a:t]), "person", None, []))
                break
    for m in r.title_re.finditer(st):  # 周作仁、向达两教授: names listed before their count and title
        c = _LISTED_TITLE.search(st, 0, m.start())
        if c is None or c.end() != m.start():
            continue
        for n in re.finditer(r"[\u4e00-\u9fff]{2,3}", c.group("names")):
            a = c.start("names") + n.start()
            if (st[a] in r.surnames or (st[a] in r.title_surnames and st[a + 1] not in r.title_given_not)) \
                    and not set(n.group(0)[1:]) & r.name_stop \
                    and not any(x.start <= a < x.end for x in out):
                out.append(Subject(a, a + len(n.group(0)), n.group(0), n.group(0), _person_en(n.group(0)), "person",
                                   None, []))
    return out


_STATE_GAP = re.compile(r"(?:今年|去年|明年|本年|同年|当年|[〇○零一二三四五六七八九\d]{2,4}年)?(?:对[^，,。；;]{1,10}?的|用于[^，,。；;]{1,8}?的)?"
                        r"(?:又|已|还|共|再|将|先后|累计|每年)?")  # 国家|今年对农业的|投资
_THING_ITEM = re.compile(r"[\u4e00-\u9fff]{2,8}?(?=[和与及、，,。；;）)]|$)")
_SCOPE_OF_NEXT = re.compile(r"[\u4e00-\u9fff]{1,6}?的")  # 一百个最大城市的…
_LISTED_TITLE = re.compile(r"(?P<names>[\u4e00-\u9fff]{2,3}(?:[、和与][\u4e00-\u9fff]{2,3})+)[两二三四五六七八九]位?$")


@lru_cache(maxsize=1)
def _pos_tokenizer():
    """A jieba part-of-speech tokenizer over the pipeline's own jieba tokenizer (one copy of the
    dictionary per process; the global jieba is left alone), loaded once."""
    import jieba.posseg

    from pipeline.nlp import jieba_tokenizer

    return jieba.posseg.POSTokenizer(jieba_tokenizer())


@lru_cache(maxsize=4096)
def _pos(st: str) -> tuple:
    """(start, end, word, tag) of the words of a sentence."""
    out, i = [], 0
    for w, t in _pos_tokenizer().cut(st):
        out.append((i, i + len(w), w, t))
        i += len(w)
    return tuple(out)


@lru_cache(maxsize=1)
def _tag_table():
    """The tagger's dictionary (word -> part of speech), for a quick look without its HMM pass."""
    return _pos_tokenizer().word_tag_tab


@lru_cache(maxsize=8192)
def _dict_tags(st: str) -> tuple:
    """(start, end, word, tag) by forward maximum matching over the tagger's dictionary (words of up to
    four characters; anything else one character, tag ``x``): cheap, for the verbs of a short clause."""
    tab = _tag_table()
    out, i, n = [], 0, len(st)
    while i < n:
        for k in (4, 3, 2, 1):
            w = st[i:i + k]
            if len(w) == k and w in tab:
                out.append((i, i + k, w, tab[w]))
                i += k
                break
        else:
            out.append((i, i + 1, st[i], "x"))
            i += 1
    return tuple(out)


def _thing_after(st: str, a: int, b: int) -> Subject | None:
    """The noun opening st[a:b] (拉床, 调查报告), as a subject of kind noun."""
    r = rules()
    end = None
    for x, y, w, t in _pos(st[a:b]):
        if t not in r.noun_tags:
            break
        end = a + y
    if end is None:
        return None
    return Subject(a, end, st[a:end], st[a:end], None, "noun", None, [])


def _noun_subject(st: str, a: int, b: int) -> Subject | None:
    """A person's name or an agent noun phrase opening st[a:b] (see subjects.toml: noun_tags)."""
    r = rules()
    toks = [(x + a, y + a, w, t) for x, y, w, t in _pos(st[a:b])]  # only the clause: the tagger is slow
    merged = []
    for tok in toks:  # 打猎|组, 运输|队, 检验|组: a verb and an agent head are one agent noun
        if merged and len(tok[2]) == 1 and tok[2] in r.agent_heads and (tok[3][:1] == "n" or tok[3] == "zg") \
                and merged[-1][3][:1] == "v" and len(merged[-1][2]) == 2:
            p = merged.pop()
            tok = (p[0], tok[1], p[2] + tok[2], "n")
        elif merged and len(tok[2]) == 2 and tok[2][0] in "组队班" and tok[3][:1] == "v" \
                and merged[-1][3][:1] == "v" and len(merged[-1][2]) == 2 and st[tok[1]:tok[1] + 1] in "了着过":
            # 打猎|组打|了: the tagger's 组打 is the head 组 and the verb 打 (打猎组打了七只山猪)
            p = merged.pop()
            merged.append((p[0], tok[0] + 1, p[2] + tok[2][0], "n"))
            tok = (tok[0] + 1, tok[1], tok[2][1], "v")
        merged.append(tok)
    toks = merged
    skip_to, seen_noun = -1, False
    for i, (s, e, w, tag) in enumerate(toks):
        if i < skip_to:
            continue
        if tag.startswith("v"):
            # a relative clause before its head (怀孕的纺织女工, 有高度熟练技术的铁路工人) is no verb of the topic
            k = next((k for k in range(i + 1, len(toks)) if toks[k][2] == "的" or toks[k][3] in ("p", "x")), None)
            if k is not None and toks[k][2] == "的" and not any(t[3].startswith("v") for t in toks[i + 1:k]):
                skip_to = k + 1
                continue
        if tag.startswith("v") or tag in ("p", "x") and w not in "“”\"\'":
            return None  # past the topic: a verb, a preposition, punctuation
        if tag not in r.noun_tags and not (len(w) == 1 and w in r.agent_heads and i > 0 and toks[i - 1][3] == "r"):
            continue  # (我们|村 is sometimes tagged zg)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tag in r.person_tags and 2 <= len(w) <= 3 and not seen_noun:
            if len(w) == 2 and w[0] in r.surnames and nxt is not None and len(nxt[2]) == 1 and _cjk(nxt[2]) \
                    and nxt[2] not in r.name_stop and st.startswith("的", nxt[1]):
                w, e = st[s:nxt[1]], nxt[1]  # 陈家|全的: a given name split off
            if st.startswith(r.person_after, e) or r.title_re.match(st, e) or (
                    s == 0 and len(w) == 3 and w[0] in r.surnames and w[1] not in r.name_stop) or (
                    nxt is not None and nxt[0] == e and nxt[3].startswith("v")):
                return Subject(s, e, w, w, _person_en(w), "person", None, [])
        seen_noun = True
        single_head = len(w) == 1 and w in r.agent_heads and i > 0 and toks[i - 1][3] == "r"
        if nxt is not None and nxt[3] in r.noun_tags and not single_head:
            continue  # a modifier (石油|公司): the head comes later (but 每个|厂|养鸡: 厂 is the head)
        if w[-1] in r.agent_heads and w not in r.not_agent and not (len(w) == 2 and w[0] == w[1]) and (
                len(w) >= 2 or (i > 0 and toks[i - 1][3] == "r")
                or (i > 0 and toks[i - 1][3] in r.noun_tags and len(toks[i - 1][2]) >= 2 and toks[i - 1][1] == s
                    and toks[i - 1][2] + w not in r.not_agent)):  # 电影|馆: a compound agent
            j = i  # widen over its modifiers: 纺织女工, 这个县, 杰蒂所属的石油公司 stays 石油公司
            while j > 0 and (toks[j - 1][3] in r.noun_tags or toks[j - 1][3] in r.modifier_tags) \
                    and toks[j - 1][2] not in ("的",) + tuple(r.not_agent):
                j -= 1
            start = toks[j][0]
            text_ = st[start:e]
            en_ = next((r.groups[text_[k:]] for k in range(len(text_)) if text_[k:] in r.groups), None)
            return Subject(start, e, text_, text_, en_, "noun", None, [])
        return None  # the topic is a thing (原煤平均日产量): no agent
    return None


_QUOTE = re.compile(r"“[^“”]*(?:”|$)|^[^“”]*”")
_SPEECH = set("，,。！？!?；;：:")  # a quotation with these is speech; without, a name or a term


def _asides(st: str) -> list:
    """Spans of the asides (in brackets) and quotations of a sentence; a quotation left open runs to the end,
    one closed with no opening starts at the beginning (the sentence splitter cuts long quotations)."""
    return [(m.start(), m.end()) for m in _PAREN.finditer(st)] + [
        (m.start(), m.end()) for m in _QUOTE.finditer(st) if set(m.group(0)) & _SPEECH]  # (“莫斯科”餐厅: a name)


def _counted(st: str, pos: int, fig_ends) -> bool:
    """A name right after a figure, or in the noun phrase it counts (六百五十个以上的俱乐部和文化宫), is part of
    what the figure counts, no subject."""
    if pos in fig_ends:
        return True
    for e in fig_ends:
        if e < pos <= e + 7 and st.startswith("的", e) and not set(st[e:pos]) & _CLAUSE:
            return True
    return False


def _governed(st: str, pos: int) -> bool:
    """Whether a preposition (从, 在, 据 ...) right before pos governs what starts there (现在 is no 在), also
    over a scope word (在全国各地: 各地 is governed)."""
    r = rules()
    for k in r.scope_lens:  # the longest scope word ending at pos (set lookups: this runs for every name)
        if pos - k > 0 and st[pos - k:pos] in r.scope:
            pos -= k
            break
    return any(st[max(0, pos - k):pos] in r.preposition_set for k in r.preposition_lens) \
        and not st.endswith(r.not_preposition, 0, pos)


def _pick_subject(st: str, cands, qs: int, masked: str | None = None, person_carried: bool = False,
                  extra_asides=()):
    masked = st if masked is None else masked
    r = rules()
    # a name inside an aside or a quotation the figure is not in (谷子良种（撑破屯、罗裙带）二万五千多斤,
    # 他们说：“我们有打日本的经验…”) is no subject of it
    asides = [(x, y) for x, y in _asides(st) + list(extra_asides) if not (x < qs < y)]
    before = [c for c in cands if c.end <= qs and not any(x < c.start < y for x, y in asides)]
    if not before:
        return None
    before = [c for c in before if not r.governed_list_re.search(st, max(0, c.start - 24), c.start)]
    objects = [c for c in before if _verb_governs(masked, c.start, c.kind != "person")]
    # a name right after a person and a word of the same clause (周氏任教北大) is the object of what the person
    # does, not a subject (but 周氏的北大, 周氏和北大, 周氏在北大: possessive, coordination, preposition)
    objects += [c for c in before if c.kind != "person" and c not in objects and any(
        p.kind == "person" and p.end < c.start and c.start - p.end <= 4 and _cjk(st[p.end:c.start])
        and st[p.end] not in "和与及同跟在从对向给为把被所" and not any(ch in _CLAUSE or ch == "的" for ch in st[p.end:c.start])
        for p in before)]
    free = [c for c in before if not _governed(st, c.start)
            and not _after_verb(st, c.start) and c not in objects]
    # with no free candidate, a governed place is the locus (在甘蒙省，…有成百名青年); a governed organisation is
    # where a person named before holds something (在斯凯莱石油公司占有59％: Getty's share), an object none
    pool = free or [c for c in before if c not in objects
                    and not (person_carried and c.entity is not None and c.entity.label == "ORG")]
    if not pool:
        return None
    return max(pool, key=lambda c: (c.start, c.end))


@lru_cache(maxsize=1)
def _verb_end_re():
    r = rules()
    verbs = [w for w, k in r.measures.items() if len(w) >= 2 and w[-1] not in "量值额数率"]
    return re.compile(f"(?:{_alt(verbs)})$")


@lru_cache(maxsize=1)
def _verb_in_re():
    r = rules()
    verbs = [w for w, k in r.measures.items() if len(w) >= 2 and w[-1] not in "量值额数率"]
    return re.compile(_alt(verbs))


def _verb_governs(masked: str, pos: int, any_verb: bool = False) -> bool:
    """A name after a measure verb of its own clause is that verb's object (集宁除修筑王河上之民生渠:
    the canal is built, 集宁 builds it), not a subject."""
    a = pos
    while a > 0 and masked[a - 1] not in _CLAUSE:
        a -= 1
    if a >= pos:
        return False
    # the last measure verb before it; right before 的 it makes a relative clause (已开始造林的安徽、湖南等)
    last = None
    for m in _verb_in_re().finditer(masked, a, pos):
        last = m
    if last is not None:
        return not masked.startswith("的", last.end())
    if not any_verb:
        return False
    # for a group or scope word, any other verb of the clause before it (这些拖拉机站几乎遍布全国各省),
    # unless a 的 after it makes a relative clause; copulas and existentials (是, 有) govern no object here
    r = rules()
    verb_end = None
    for x, y, w, t in _dict_tags(masked[a:pos]):
        if t[:1] == "v" and t != "vn" and w not in r.not_governing_verbs:
            verb_end = y
    return verb_end is not None and "的" not in masked[a + verb_end:pos]


def _after_verb(st: str, pos: int) -> bool:
    """A name right after a measure verb is its object (修筑王河上之民生渠), not a subject."""
    return _verb_end_re().search(st, max(0, pos - 8), pos) is not None


def _topic(st: str, cands):
    """The sentence's topic: its first candidate not governed by a preposition, nor inside an aside or a
    quotation (what someone said is no topic of the report)."""
    asides = _asides(st)
    free = [c for c in cands if not _governed(st, c.start) and not any(x <= c.start < y for x, y in asides)]
    if free:
        stop = min([i for i in (st.find(ch, free[0].end) for ch in "，,。；;：:") if i >= 0] + [len(st)])
        m = rules().agent_relative_re.search(st, free[0].end, stop)
        if m is not None and (m.start() == free[0].end or _cjk(st[free[0].end:m.start()])) \
                and "的" not in st[free[0].end:m.start()]:
            # 全国…会议所举办的劳模成绩展览会已…闭幕: the thing it holds is the topic, not the holder
            head = _thing_after(st, m.end(), stop)
            if head is not None and not any(c.start == head.start for c in cands):
                return head
    return free[0] if free else None


# --- the English side ------------------------------------------------------------------------

def _recon_index(recon):
    if recon is None or len(recon) == 0 or "zh_start" not in recon.columns:
        return {}
    from pipeline.reconcile import records

    idx = {}
    for row in records(recon):  # = recon.to_dict("records"), from the rows reconcile_article built
        zs, ze = row.get("zh_start"), row.get("zh_end")
        if zs is None or ze is None or pd.isna(zs) or pd.isna(ze):
            continue
        idx[(int(zs), int(ze))] = row
    return idx


def _int(v):
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return int(v)


def _classifier(q) -> str:
    """The unit word of a figure as written (两县 -> 县, 三个专区 -> 个专区)."""
    if q.unit_text:
        return q.unit_text
    m = re.search(r"[个]?[\u4e00-\u9fff]{1,2}$", q.text)
    return m.group(0) if m else ""


_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?[、和及与])+[\u4e00-\u9fff]{1,8}?等?$")
_ONE_DIGIT = "两二三四五六七八九"


def _list_apposition(text: str, q) -> bool:
    """A one-digit count right after a list of as many names (熔炉、制板两车间): it counts the names just
    listed, an apposition, no fact."""
    if q.approx or q.high is not None or q.text[:1] not in _ONE_DIGIT + "23456789" \
            or q.text[1:2] in _CODE_DIGITS or q.text[1:2] in "十百千万亿0123456789.．":
        return False
    m = _LIST_BEFORE.search(text, max(0, q.start - 80), q.start)
    if m is None:
        return False
    n = int(q.text[0]) if q.text[0].isdigit() else _small_int(q.text[:1])
    tail = re.split("[、和及与]", m.group(0))[-1]
    if tail.endswith("的") or len(tail.rstrip("等")) > (7 if tail.endswith("等") else 6) \
            or set(m.group(0)) & _CODE_DIGITS:
        return False  # 西安等地新建的四个…: a relative clause; 县委均确定少领两个月: a predicate, no name
    if "、" not in m.group(0):
        return False
    return len(re.findall("[、和及与]", m.group(0))) + 1 == n


def _numbered(text: str, q) -> bool:
    """A bare numeral and a works' or pit's word right after a noun (炸弹二所), followed by 、 and another
    such number (二所、三所) or by a person's name (三所刘致明同志), or the second of such a pair: a name."""
    r = rules()
    if not r.numbered_units or q.approx or q.high is not None or len(q.text) < 2 or q.text[0] not in _ONE_DIGIT + "一":
        return False
    unit = q.text[1:]
    if unit not in r.numbered_units:
        return False
    prev = text[max(0, q.start - 1 - len(q.text)):q.start]
    if prev[-1:] == "、" and prev[:1] in _ONE_DIGIT + "一" and prev[1:-1] == unit and _cjk(
            text[q.start - 2 - len(q.text):q.start - 1 - len(q.text)]):
        return True  # the 三所 of 炸弹二所、三所
    if not _cjk(text[q.start - 1:q.start]) or text[q.start - 1] in _CODE_DIGITS or text[q.start - 1] in _NOT_MODIFIER:
        return False
    nxt = text[q.end:q.end + 1 + len(q.text)]
    if nxt[:1] == "、" and nxt[1:2] in _ONE_DIGIT + "一" and nxt[2:] == unit:
        return True  # 二所、三所
    return r.numbered_person_re.match(text, q.end) is not None


def states_something(q) -> bool:
    """False for dates, ordinals, 一 used as an article (一个), bare one-character numerals (二、)."""
    if q.kind in NOT_FACTS:
        return False
    if q.text in rules().set_phrases:
        return False  # 四季造林: all year round
    if q.approx is None and (q.text in rules().determiners or (
            q.text[:1] == "一" and q.kind == "number" and q.high is None and q.value == 1)):
        return False  # 一个, 一部, 一个社: "a", "one" that states nothing
    if len(q.text) == 1 and q.unit is None and not q.text.isdigit():
        return False
    if q.unit is None and len(q.text) >= 2 and all(c in _CODE_DIGITS for c in q.text):
        return False  # 八一一, 一九五一织布工作法, 四八交叉作业: a number read digit by digit with no unit names something
    return True


# --- the facts -------------------------------------------------------------------------------

def extract_facts(article, zh_quantities, zh_entities, recon=None) -> pd.DataFrame:
    """One row per Chinese figure that states something, in the columns :data:`FACT_COLUMNS`.

    ``zh_quantities`` / ``zh_entities``: (Segment, Quantity) / (Segment, Entity) lists from
    :mod:`pipeline.mentions` (offsets into ``article.text``); ``recon``: the reconciliation
    table of the article (or None), which gives each figure its English rendering.
    """
    text = article.text
    art_year = int(article.date[:4])
    r = rules()
    rec = _recon_index(recon)
    ents_by_seg: dict[tuple, list] = {}
    all_ents = sorted((e for _, e in zh_entities), key=lambda e: e.start)
    for seg, e in zh_entities:
        ents_by_seg.setdefault((seg.start, seg.end), []).append(e)
    by_seg: dict[tuple, list] = {}
    segs = {}
    for seg, q in zh_quantities:
        if seg.role == "meta" or not states_something(q):
            continue
        if r.followed_by and (q.text.endswith(r.followed_by) or text.startswith(r.followed_by, q.end)):
            continue  # 本报二版: a page
        if (r.model_units and q.text.endswith(r.model_units) and r.model_head_re.match(text, q.end)):
            continue  # 七吋步犁: a model named by its size
        if r.designation_re.match(text, q.end) or (
                r.name_item_re.match(text, q.end) and text[q.start - 1:q.start] in r.name_item_before):
            continue  # 五百公里运动: a campaign's name; 来亨、澳洲黑、九斤黄等: a breed's
        if _classifier(q) in r.session_units and r.session_re.match(text, q.end):
            continue  # 四次大会: a session's number
        if _classifier(q) in r.quote_count_units and text[q.start - 1:q.start] in "”」\"'":
            continue  # “瘦骨嶙峋”四个字: the words of a quotation
        if _classifier(q) in r.part_units and text.endswith(r.part_before, 0, q.start):
            continue  # 分两期制造: in two phases
        if _classifier(q) in r.team_units and _cjk(text[q.start - 1:q.start]) and text.startswith("的", q.end) \
                and r.group_re.match(text, q.end + 1):
            continue  # 采煤十六组的工人: the workers of team No. 16, a team's name
        if q.unit in r.epithet_units and q.kind == "number" and r.epithet_re.match(text, q.end):
            continue  # 万吨专、千吨县: a slogan's epithet of a place
        if _numbered(text, q):
            continue  # 炸弹二所、三所: works numbered No. 2 and No. 3, names
        if r.another_before and q.unit is None and q.text in r.share_words and text.endswith(r.another_before, 0, q.start):
            continue  # 另一半: the other half of what was just shared, no new fact
        by_seg.setdefault((seg.start, seg.end), []).append(q)
        segs[(seg.start, seg.end)] = seg
    # designations (六百米九人…): figures written back to back; appositions (齐滨两县)
    ends = {q.end for _, q in zh_quantities}
    spans = {(q.start, q.end) for _, q in zh_quantities if q.kind not in NOT_FACTS}
    starts = {q.start for _, q in zh_quantities}
    place_ends = {e.end for _, e in zh_entities if e.label == "PLACE"}
    for key in list(by_seg):
        by_seg[key] = [q for q in by_seg[key] if q.start not in ends and q.end not in starts
                       and not ((_classifier(q) in r.apposition_units or (not q.unit_text and len(q.text) == 1)) and (
                           q.start in place_ends or _ENUM_BEFORE.search(text, max(0, q.start - 6), q.start)))
                       and not (not q.unit_text and len(q.text) == 1 and text.startswith(r.apposition_after, q.end))
                       and not _list_apposition(text, q)]
        # (周作仁、向达两教授, 吴、范、成三校长: a bare numeral counting the names just listed)
    for seg, _ in zh_entities:
        segs.setdefault((seg.start, seg.end), seg)
    rows = []
    carried = None  # the subject so far: a figure with none in its sentence takes it
    # the last person and the last agent named (what 他 / 他们 stand for), the last place or organisation
    art_topic = None
    mem = {"person": None, "agent": None, "linked": None}
    for key in sorted(segs):
        seg = segs[key]
        if seg.role == "meta":
            continue
        qs_all = sorted(by_seg.get(key, []), key=lambda q: q.start)
        seg_ents = ents_by_seg.get(key, [])
        if carried is not None and carried[0].entity is None and mem.get("linked") is not None \
                and carried[0].kind in ("group", "noun"):
            # a group named with no place or organisation (举重运动员) holds for its paragraph: the next one
            # goes back to the last place or organisation named
            carried = mem["linked"]
        if art_topic is not None and seg.role == "body" and carried is not None:
            # a new paragraph with no subject of its own goes back to the article's (its lead's) subject, not
            # the last one named (仅广东省…储量就有数十亿吨。¶ 预计…一级储量…超过几倍: the nation's)
            carried = art_topic
        # brackets over the whole paragraph: an aside may hold several sentences (…（…。…。…），代价只有…)
        seg_asides = [(m.start() + seg.start, m.end() + seg.start) for m in _PAREN.finditer(text[seg.start:seg.end])]
        topic = None  # the paragraph's first subject: what a section heading inside it (副业方面：) goes back to
        for s0, e0 in _sentences(text, seg.start, seg.end):
            qs = [q for q in qs_all if s0 <= q.start and q.end <= e0]
            if topic and r.section_heading_re.match(text, s0, e0):
                carried = topic
            inside = any(x < s0 and e0 < y for x, y in seg_asides)  # a sentence within an aside
            before_aside = carried
            if qs:
                carried = _sentence_facts(article, text, s0, e0, seg, qs, seg_ents, all_ents, rec, art_year,
                                          rows, carried, mem, spans, seg_asides)
            else:
                ents = [e for e in seg_ents if s0 <= e.start and e.end <= e0]
                st = text[s0:e0]
                if ents:
                    cands = _candidates(st, s0, ents, all_ents)
                    subj = _topic(st, cands)
                    if subj is not None and not (subj.entity is not None and subj.entity.label == "ORG"
                                                 and r.role_re.match(st, subj.end)):
                        # (四区分委书记曹二其同志…: a sentence about a person holding a post, no topic for what
                        # follows; the body named for his post is not carried on)
                        carried = (subj, s0)
                    _remember(mem, cands, s0)
                elif r.pronoun_re.search(st) is None:
                    _remember(mem, _persons(st), s0)
                mem["rate"] = _last_rate(st)
            if inside:
                carried = before_aside  # what an aside is about is no subject of what follows it
            if art_topic is None and seg.role == "body" and carried is not None and carried[1] >= seg.start \
                    and not carried[0].pronoun:
                art_topic = carried
                mem["art_topic"] = art_topic
            if topic is None and carried is not None and carried[1] >= seg.start and not carried[0].pronoun:
                # an organisation's report (蠡县推进社…); a paragraph opening on places may go through several
                topic = carried if carried[0].entity is not None and carried[0].entity.label == "ORG" else False
    _fill_forward_subjects(rows)
    # plain object columns (exact strings, ints, None): a quarter of the cost of dtype inference
    return pd.DataFrame([[row.get(c) for c in FACT_COLUMNS] for row in rows], columns=FACT_COLUMNS, dtype=object)


_SUBJECT_KEYS = tuple(k for k in FACT_COLUMNS if k.startswith("subject_"))


def _fill_forward_subjects(rows):
    """A figure with no subject before it (a headline, an article's first figures) takes the
    subject of the next figure that has one, in its paragraph or the next (the title: the lead)."""
    nxt = None
    for row in reversed(rows):
        if row.get("subject_text") is not None:
            nxt = row
            continue
        if nxt is None:
            continue
        if row["para"] < 0 or row.get("_title") or nxt["para"] <= row["para"] + 1:
            for k in _SUBJECT_KEYS:
                row[k] = nxt.get(k)
            if row["para"] >= 0:
                nxt = row  # a run of one-line paragraphs (1951年为一百四十三，/1952年为…) passes it on

def _is_agent(subj) -> bool:
    """An organisation, a group or an agent noun phrase: what 他们 can stand for (a place cannot)."""
    e = subj.entity
    return subj.kind in ("group", "noun") or (e is not None and e.label == "ORG")


def _is_place(subj) -> bool:
    """A place or a scope word (全国, 全县 ...), no group, person, noun phrase or organisation."""
    e = subj.entity
    return subj.kind not in ("group", "noun", "person") and not subj.pronoun and not (e is not None and e.label == "ORG")


def _remember(mem, cands, s0):
    for c in cands:
        if c.entity is not None and not c.pronoun:
            mem["linked"] = (c, s0)
        if _is_place(c):
            mem["place"] = (c, s0)
        if c.kind == "person":
            mem["person"] = (c, s0)
            if len(c.norm) >= 2 and _cjk(c.norm):
                mem.setdefault("names", {})[c.norm] = c
        elif _is_agent(c):
            mem["agent"] = (c, s0)


def _pronouns(st: str, cands, mem) -> list:
    """他 / 他们 ... as subjects standing for the last person / agent named before the sentence."""
    r = rules()
    out = []
    quoted = [(x, y) for x, y in _asides(st) if st[x:x + 1] == "“" or st[y - 1:y] == "”"]
    for m in r.pronoun_re.finditer(st):
        if any(x <= m.start() < y for x, y in quoted):
            continue  # 他们 in quoted speech stands for someone of the speaker's, not of the report
        plural = m.group(0) in r.plural_pronouns
        if any(c.start < m.end() and (_is_agent(c) if plural else c.kind == "person") for c in cands):
            continue  # a name before it in its sentence is what it stands for, and the nearer subject
        ante = (mem["agent"] or mem["person"]) if plural else mem["person"]
        if ante is None:
            continue
        a = ante[0]
        out.append(Subject(m.start(), m.end(), m.group(0), a.norm, a.en, a.kind, a.entity, list(a.places), True))
    return out


def _sentence_facts(article, text, s0, e0, seg, qs, seg_ents, all_ents, rec, art_year, rows, carried, mem=None,
                    q_spans=None, seg_asides=()):
    mem = {"person": None, "agent": None, "linked": None} if mem is None else mem
    r = rules()
    st = text[s0:e0]
    # an "entity" that cuts through a figure (出二百匹军) is a misreading: not a name here
    ents = [e for e in seg_ents if s0 <= e.start and e.end <= e0
            and not any(e.start < q.end and q.start < e.end for q in qs)]
    masked = list(st)
    for e in ents:
        if e.label == "PLACE" and not (e.gazetteer_id or e.en):
            continue  # an unknown "place" may be a misread verb phrase (修旧渠): leave its words readable
        for i in range(e.start - s0, e.end - s0):
            masked[i] = _MASK
    persons = _persons(st)
    for pr in persons:  # a name is no measure word (张长印 is no 印)
        for i in range(pr.end - len(pr.norm) if not st.startswith(pr.norm, pr.start) else pr.start,
                       pr.start + len(pr.norm) if st.startswith(pr.norm, pr.start) else pr.end):
            masked[i] = _MASK
    # words that hold a measure word but are none (解放后, 生产队) masked too: for the verbs that govern a name
    verb_masked = r.not_measure_re.sub(lambda m: _MASK * len(m.group(0)), "".join(masked))
    # for a clause's own verbs, the words that are no measure but verbs (交流, 检修, 开展 ...) stay readable
    own_masked = r.not_measure_re.sub(
        lambda m: m.group(0) if m.group(0) in r.not_measure_verbs else _MASK * len(m.group(0)), "".join(masked))
    for x, y in (q_spans or ()):  # a figure's own words are no measure words (一百二十付担架: 付 is a classifier)
        if s0 <= x and y <= e0:
            for i in range(x - s0 + 1, y - s0):
                masked[i] = _MASK
    masked = "".join(masked)
    local = [(q, q.start - s0, q.end - s0) for q in qs]
    # comparisons first: their baseline words are never a period
    comps = {}
    for q, a, b in local:
        cs, _ = _clause_bounds(st, a, b)
        c = _comparison(st, cs, a, q)
        if c is not None:
            comps[q.start] = c
    if comps:  # 增长 is no measure (长 length), 比去年 no subject
        ml = list(masked)
        for q, a, b in local:
            c = comps.get(q.start)
            if c is not None and c.kind in ("change", "level"):
                for i in range(c.start, a):
                    ml[i] = _MASK
                cs_ = _clause_bounds(st, a, b)[0]
                k = max(st.rfind("比", cs_, c.start), st.rfind("较", cs_, c.start))
                d = st.rfind("的", k, c.start) if k >= 0 else -1
                if d >= 0 and d < c.start - 1:
                    # 规模较去年建立的四个厂增大一倍: a baseline described by a relative clause names no measure
                    for i in range(k, d):
                        ml[i] = _MASK
        masked = "".join(ml)
    exclude = [c.base_span for c in comps.values() if c.base_span]
    exclude += [(m.start("base"), m.end("base")) for m in r.compare_with_re.finditer(st)]  # 和去年比较
    periods = _periods(st, exclude, art_year)
    durations = []
    consumed = set()
    for q, a, b in local:
        if any(p.start <= a and b <= p.end for p in periods):
            consumed.add(q.start)  # 半年 of 上半年
            continue
        d = _duration_of(st, a, b, q)
        if q.unit in r.dur_units and q.kind == "number" and (
                (st.endswith(r.period_next_before, 0, a) and not st.endswith(r.dur_before_not, 0, a))
                or st.startswith(r.period_next_after, b)
                or (st.startswith("的", b) and r.measure_re.match(st, b + 1))  # 每台二十小时的产量…达到九十四码
                or not _LEAD.sub("", st[_clause_bounds(st, a, b)[0]:a]).strip(" \u3000\t“")):
            # 最初三年每年只付一百万美元: the time the next figure of its clause holds for (that clause only)
            cs_, ce_ = _clause_bounds(st, a, b)
            if st.startswith("的", b) and r.measure_re.match(st, b + 1):
                ce_ = len(st)  # (每台二十小时的产量，折…达到九十四码: the measure's figure may be in the next clause)
            iso = _duration(q.value, q.unit, r.dur_units)
            if iso is not None and any(a < x.start - s0 and x.end - s0 <= ce_ and x.unit not in r.dur_units
                                       for x in qs):
                # (a duration of its own words, 三天中, holds for the sentence unless 每 follows: 头两年每年)
                if d is None or st.startswith(r.period_next_after, b) or st.startswith("的", b):
                    d = (d[0], d[1], d[2], ce_) if d is not None else (a, b, iso, ce_)
        if d is not None and any(x.start > q.start and x.unit not in rules().dur_units for x, _, _ in local):
            durations.append((d[0], d[1], d[2], st[d[0]:d[1]], d[3] if len(d) > 3 else len(st)))
            consumed.add(q.start)
    pers = [(m.start(), m.end(), r.per[m.group(0)], m.group(0)) for m in r.per_re.finditer(st)]
    cands = [c for c in _candidates(st, s0, ents, all_ents)  # (南部和西南部更为突出: no 南部县)
             if not set(re.split("[和、及与]", c.text)) & r.direction_words]
    # 这3个县的137万亩棉田: "these three counties", named before, are the subject of what follows
    for q, a, b in local:
        d = _DEMONSTRATIVE.search(st, 0, a)
        if d and _classifier(q) in r.apposition_units:
            cands.append(Subject(d.start(), b, st[d.start():b], st[d.start():b], None, "group", None, []))
    for name, p in (mem.get("names") or {}).items():
        # a person named before, named again with no role or title (…杰蒂也有小小的一份): a subject again
        i = st.find(name)
        while i >= 0:
            if not any(c.start <= i < c.end or i <= c.start < i + len(name) for c in cands):
                cands.append(Subject(i, i + len(name), name, p.norm, p.en, "person", None, []))
            i = st.find(name, i + len(name))
    if r.pronoun_re.search(st):
        cands += _pronouns(st, cands, mem)
    cands.sort(key=lambda c: c.start)
    _remember(mem, [c for c in cands if not c.pronoun], s0)
    fig_ends = {b for _, _, b in local}
    prev_subj = None  # the subject of the sentence's figure before
    # the parts of the sentence inside a paragraph's aside that opens or closes outside it
    para_asides = [(max(x, s0) - s0, min(y, e0) - s0) for x, y in seg_asides if x < e0 and s0 < y
                   and not (s0 <= x and y <= e0)]
    quoted = [(x, y) for x, y in _asides(st) if st[x:x + 1] in "“”" or st[y - 1:y] == "”"]
    list_spans = {(a, b) for _, a, b in local} | {(x - s0, y - s0) for x, y in (q_spans or ()) if s0 <= x and y <= e0}
    list_ends = {b for _, b in list_spans}  # 暖坊一组，织口袋的六组: a list
    facts_here = []
    prev_rate = mem.get("rate")  # the rate the sentence before named: an example sentence (如…) gives its values
    example = st.lstrip(" \u3000\t").startswith(_EXAMPLE)
    mem["rate"] = _last_rate(st) or (prev_rate if example else None)
    opening_durations = []  # durations opening the sentence before its subject is named
    # figures coordinated back to back (增长26％和20％): their place in the list, and its length
    chain, run = {}, []
    for q, a, b in local:
        if run and st[run[-1][2]:a] in _COORD_FIGURES:
            run.append((q, a, b))
        else:
            run = [(q, a, b)]
        for k, (x, _, _) in enumerate(run):
            chain[x.start] = (k, len(run))
    for q, a, b in local:
        if q.start in consumed:
            continue
        if r.back_reference and st.endswith(r.back_reference, 0, a):
            continue  # 这十六项: things already counted
        cs, ce = _clause_bounds(st, a, b)
        if q.unit is None and q.kind == "number" and not (st[:a] + st[b:]).strip(_BARE_AROUND):
            continue  # a headline that is a bare number (从八百万到十五亿): of what, it does not say
        if r.unit_default.get(q.unit or q.kind, "count") == "count" and q.unit not in RELATIVE_UNITS \
                and _SCOPE_OF_NEXT.match(st, b) and st[a - 1:a] != "的" and any(
                    b < a2 < ce and x.kind in ("percent", "fraction") and "的" in st[b:a2] for x, a2, _ in local):
            continue  # 全国一百个最大城市的…失业的比率为百分之七: the cities only delimit where the rate is measured
        if any(w in st[cs:a] for w in r.hypothetical):
            continue  # 哪怕一口人只拿出五角钱, 都好象是要交两千美元一样: supposed, not stated
        if q.unit in r.dur_units and st.startswith(r.deadline_after, b) and any(w in st[cs:a] for w in r.deadline_before):
            continue  # 拟于三个月内学会织袜: a deadline, the period of what is planned
        comp = comps.get(q.start)
        # measure
        share = q.kind in ("percent", "fraction") or (st.startswith("的", b) and q.unit in RELATIVE_UNITS)
        mw = _measure(masked, cs, ce, a, b, q, share, own_masked, list_ends, list_spans)
        named_head = False  # a measure named by a noun phrase of the clause (周转速度): a process's, not a thing's
        timed = q.unit in r.dur_units and q.kind == "number"
        if timed and (mw is None or mw[0] < cs or st[mw[1]:a] not in _TIME_GAP or _duration_of(st, a, b, q) is not None):
            mw = None  # 经过九个月来 / 病了四天 / 在运输业中工作二十年: a duration, whatever verb came before (需三小时 stays)
            measure, measure_zh = "duration", None
        elif mw is not None:
            measure, measure_zh = mw[3], mw[2]
        elif comp is not None and comp.kind in ("change", "ratio") and q.unit in RELATIVE_UNITS:
            measure, measure_zh = comp.kind, None  # 废品减少了一倍: a change of something unnamed
            nh = _named_head(masked, cs, comp.start) if cs <= comp.start <= a else None
            named_head = nh is not None
            if nh is not None:  # 货物周转速度加快一倍, 基本建设工作量为一九五三年的…: what the clause names
                measure, measure_zh = nh[3], nh[2]
            elif not _own_words(st, cs, comp.start, periods):
                # 贸易总额约比1954年增加了18.4％；今年上半年比去年同期又增加了53％左右 / …的贸易额增长最大。1955年约为
                # 1950年的六倍半: a change or ratio with no words of its own but its period is one of what the figure
                # before it in its paragraph measures, else of the last measure word its paragraph named
                last = rows[-1] if rows and rows[-1]["para"] == seg.index else None
                if last is not None and last["measure_zh"] is not None \
                        and last["measure"] not in ("change", "ratio", "count"):
                    measure, measure_zh = last["measure"], last["measure_zh"]
                elif last is None:
                    named = None
                    for m in r.measure_re.finditer(text, seg.start, s0):
                        named = m
                    if named is not None and not any(
                            m.start() < named.end() and named.start() < m.end()
                            for m in r.not_measure_re.finditer(text, max(seg.start, named.start() - 3), named.end() + 3)):
                        measure, measure_zh = r.measures[named.group(0)], named.group(0)
        elif q.unit == "times" and q.kind == "number" and "倍" not in q.text:
            measure, measure_zh = "count", None  # 战斗一百五十五次: occurrences, not a multiple
        else:
            measure, measure_zh = r.unit_default.get(q.unit or q.kind, "count"), None
            if q.unit is None and q.text.endswith(r.share_words):
                measure = "share"  # 美国几乎有半数穷人: a share
            last = rows[-1] if rows and rows[-1]["para"] == seg.index else None
            head = st[:a].strip(" \u3000\t")
            if q.unit in ("times", "percent") and last is not None and last["unit"] == q.unit \
                    and last["measure_zh"] is not None and 2 <= len(head) <= 4 and _cjk(head) \
                    and not st[b:].strip("；;。，, \u3000") and all(t[:1] == "n" for _, _, _, t in _dict_tags(head)):
                # 其中铁矿储量将比原计划提高三点五倍；铜矿三点四倍；: an item of a list with nothing but its name
                # shares the measure of the item before it
                measure, measure_zh = last["measure"], last["measure_zh"]
        if q.kind in ("percent", "fraction") and mw is not None and mw[1] <= cs and not _LEAD.sub("", st[cs:a]) \
                and _cjk(st[b:b + 1]) and not st.startswith("的", b):
            # 检查十三个社的造林，95％合于质量要求: a share opening a clause with a predicate of its own is a share
            # of what the clause before names, not that clause's measure
            measure, measure_zh = "share", None
        if measure == "share" and measure_zh is None and q.kind == "percent" and example and prev_rate is not None:
            measure_zh, measure = prev_rate  # 出勤率都大大提高了。如纺织机械厂达到百分之九十七点五八: that rate
        ix = r.index_re.search(st, max(cs, a - 12), a) if q.unit in (None, "index") and q.kind == "number" else None
        if ix is not None:  # 1951年为一百四十三: an index to a base year; 以1950年为一百 sets the base, no fact
            if st.endswith("以", 0, ix.start()):
                continue
            measure, measure_zh = "index", None
        sized = st[b + 1:b + 2] == "的" and st[b:b + 1] in r.size_after and q.kind == "number"
        if sized:
            measure, measure_zh = r.size_after[st[b]], st[b]  # 三十二层高的模型: a height
        if r.total_before and st.endswith(r.total_before, cs, a) and r.total_after_re.match(st, b):
            measure, measure_zh = "count", None  # 全部三十项…全国纪录中的二十七项: the total, of which some were broken
        if st.endswith(r.basis_before, cs, a) and any(w in st[b:ce] for w in r.basis_after):
            measure, measure_zh = "count", None  # 据三十二只渔船统计: the count a statistic rests on
        if measure in r.money_only and mw is not None and mw[0] < cs and q.unit not in RELATIVE_UNITS \
                and r.unit_default.get(q.unit or q.kind, "count") == "count":
            measure, measure_zh = "count", None  # 集资…元，骡子十一头: the mules are counted, no funds
        if measure in r.people_only and q.unit in r.people_only_units:
            measure, measure_zh = r.unit_default.get(q.unit, "count"), None  # 一个劳动力…最多打七、八分地: an area
        if q.unit in ("person", "household") and measure not in r.people_measures and measure_zh is not None:
            # 计贷予一千八百七十四户, 自动献工者有八十余名: the figure counts people, not the loan or gift
            measure, measure_zh = r.unit_default[q.unit], None
        uw = next((r.unit_word[w] for w in r.unit_word if q.text.endswith(w)), None)
        if uw is not None:  # 五十多岁: an age, whatever verb is near
            measure, measure_zh = uw, None
        aside = _PAREN.match(st, b)  # 一百二十五万元（人民币，下同）的贷款
        na = r.noun_after_re.match(st, aside.end() if aside else b)
        # a measure word right before 的 and the figure modifies what it counts (可以改造成为水田的一千六百多万亩旱田)
        modifier = mw is not None and mw[1] == a - 1 and st[mw[1]] == "的" and all(
            t[:1] == "n" for _, _, _, t in _dict_tags(mw[2]))  # (已开垦的…荒地: a verb, reclaimed)
        if na and (mw is None or mw[0] < cs or modifier) and measure != "duration":  # 三百万元的债务: a debt
            noun = na.group("noun") or na.group("noun2")
            measure, measure_zh = r.noun_after[noun], noun
        k_n = chain.get(q.start)
        if k_n is not None and k_n[1] >= 2 and mw is not None and cs <= mw[0] and mw[1] <= a \
                and not any(t[:1] == "v" for _, _, _, t in _dict_tags(mw[2])):  # (A、B和C分别占…: a verb, no list)
            # 原煤产量和焦炭装窑量…猛增26．29％和20．81％, 产值和利润分别增长15％和20％: as many measures named
            # together as figures listed together, each figure takes its own, in order
            nouns = _coordinated_nouns(masked, mw, cs)
            if len(nouns) == k_n[1]:
                x0, x1 = nouns[k_n[0]]
                own = None
                for m in r.measure_re.finditer(masked, x0, x1):
                    own = m
                if own is not None:
                    mw = (own.start(), own.end(), own.group(0), r.measures[own.group(0)])
                    measure, measure_zh = mw[3], mw[2]
                else:
                    measure = "change" if q.unit in RELATIVE_UNITS else r.unit_default.get(q.unit or q.kind, "count")
                    measure_zh = st[x0:x1]
        if measure_zh in r.gift_verbs and any(
                w in text[seg.start:s0 + a] or w in st[b:] for w in r.gift_words):
            measure = r.gift_key  # 纷纷输捐慰劳…一位老翁…拿出五十元钱: a gift, no cost
        obj = _object(masked, cs, ce, a, b, mw if mw is not None and mw[0] >= cs else None)
        # subject
        # the subject comes before the measure word: 爱国军民…打落美机十五架 is no figure of 美;
        # and a name right after a figure is part of what it counts (十五架美国强盗飞机)
        limit = mw[0] if mw is not None and mw[0] >= cs and mw[1] <= a else a
        subj = _pick_subject(st, [c for c in cands if c.kind == "person" or not _counted(st, c.start, fig_ends)], limit,
                             verb_masked, carried is not None and carried[0].kind == "person", para_asides)
        split_whole = None
        if subj is not None and k_n is not None and k_n[1] >= 2 and subj.end <= a and "分别" in st[subj.end:a] \
                and subj.kind != "group" and subj.entity is not None:
            # 辽宁和吉林…分别增长26％和20％: each name listed takes its own figure, in order
            named = sorted((e for e in ents if subj.start <= e.start - s0 and e.end - s0 <= subj.end), key=lambda e: e.start)
            named = [e for e in _outer(named)]
            if len(named) == k_n[1]:
                split_whole = subj  # (what the sentences after it are about is the whole list)
                e = named[k_n[0]]
                kind = e.subtype if e.label == "ORG" else (e.subtype or "place")
                subj = Subject(e.start - s0, e.end - s0, e.text, e.norm or e.text, e.en, kind, e,
                               [e.norm or e.text] if e.label == "PLACE" else [])
        whole = next((c for c in cands if c.kind == "group" and c.start < a and b <= c.end), None)
        if whole is not None:
            subj = whole  # 张锡明、王嘉林等六人: the group the figure counts
        if subj is None or subj.end <= cs:
            # no subject in the figure's clause: a name or an agent noun opening it (倪志钦的男子跳高…),
            # else, with none in the sentence, one opening the sentence (怀孕的纺织女工，将获得…)
            enum = st.rfind("、", cs, limit) + 1  # a list item opens with its own name (…、崔麟的男子…)
            own = _noun_subject(st, enum, limit) if enum > cs else None
            if own is not None and not (own.kind == "person" and st.startswith("的", own.end)):
                own = None  # a list item's own subject is a person's record (…、崔麟的男子…), not 山药蛋等
            own = own or _noun_subject(st, cs, limit)
            if own is None and subj is None:  # the clauses before, nearest first (…，去年我们村种了…，一共种了…)
                bounds = [0] + [i + 1 for i, ch in enumerate(st[:cs]) if ch in _CLAUSE]
                for x, y in reversed(list(zip(bounds, bounds[1:]))):
                    conj = next((w for w in _SUBORDINATE if st.startswith(w, x)), None)
                    if conj is not None:
                        if not st.startswith(r.modal_open, cs):
                            continue  # 由于各个职能处…，…九十件: the agent of a reason clause, not of the figure
                        x += len(conj)  # 因为汽车…行驶，可以拖挂五、六节拖车: a clause opening on a modal shares it
                    # up to its measure word (去年我们村|种了一千五百亩: 村种 is no word)
                    mws = [m.start() for m in r.measure_re.finditer(verb_masked, x, y - 1)]
                    own = _noun_subject(st, x, min(mws + [y - 1]))
                    if own is None and conj is not None:
                        own = _thing_after(st, x, min(mws + [y - 1]))  # (汽车: a thing that acts)
                        own = own if own is not None and own.end - own.start >= 2 else None
                    if own is None and x == 0 and mws and mws[0] < 3:  # 吴占标…: 占 is the name's, no measure
                        own = _noun_subject(st, 0, y - 1)
                        own = own if own is not None and own.kind == "person" else None
                    if own is not None:
                        break
            if own is not None and (r.governed_list_re.search(st, max(0, own.start - 24), own.start)
                                    or (_governed(st, own.start) and not st.endswith(_SUBORDINATE, 0, own.start))):
                own = None  # 从机关、学校中抽出: governed by a preposition
            if own is not None and any(e.start - s0 < own.end and own.start < e.end - s0 for e in seg_ents):
                own = None  # a name the entities stage read and the subject rules set aside (路透社: a source)
            if own is not None:
                subj = own
        if q.unit == "person" and ((subj is not None and subj.end <= cs) or (subj is None and seg.role != "title")):
            # 文化馆里，数千名教师和学生对…感到兴趣: the people counted are the subject
            counted = next((c for c in cands if c.kind == "group" and c.end > b
                            and (a <= c.start <= b or (c.start == b + 1 and st[b] == "的"))), None)
            if counted is not None:
                start = max(counted.start, b + (1 if st[b:b + 1] == "的" else 0))
                subj = counted if counted.start == start else Subject(
                    start, counted.end, st[start:counted.end], st[start:counted.end], counted.en, "group", None, [])
        if q.unit == "person" and (subj is None or subj.end <= cs) and b == ce and 2 <= a - cs <= 4 \
                and _cjk(st[cs:a]) and all(t[:1] == "n" for _, _, _, t in _pos(st[cs:a])):
            # 门市部三人，粉房二人，运销员一人: a list of people by where they work or what they are, each named
            # right before its count
            subj = Subject(cs, a, st[cs:a], st[cs:a], r.groups.get(st[cs:a]), "noun", None, [])
        if q.unit == "person" and (subj is None or subj.end <= cs):
            # …的民工一、一八二人，当天完成了…: the people counted right after their group noun are the subject
            # (and of the figures after it in its sentence), not one carried or named in a clause before
            gw = next((st[a - k:a] for k in (4, 3, 2) if st[a - k:a] in r.groups), None)
            if gw is not None:
                subj = Subject(a - len(gw), a, gw, gw, r.groups[gw], "noun", None, [])
        if q.unit == "person" and subj is None and not _LEAD.sub("", st[cs:a]).strip(" \u3000\t“") \
                and mw is None and st[b:b + 1] not in ("的", "") and seg.role == "body" and q.unit_text:
            # 二十七位战斗英雄，在战场流过血: a count opening its sentence's subject clause names the people it is about
            people = _thing_after(st, b, ce)
            if people is not None:
                subj = Subject(people.start, people.end, people.text, people.text, None, "group", None, [])
        if mw is not None and cs <= mw[0] < a and (subj is None or subj.end <= cs):
            # 国家投资二十亿元, 国家今年对农业的投资达到…: the state opening the clause of its money is the subject,
            # not a place carried from the sentence before
            head = _LEAD.sub("", st[cs:mw[0]]).lstrip(" 　	“")
            sm = r.state_re.match(head)
            if sm is not None and _STATE_GAP.fullmatch(head, sm.end()):  # (国家规定…厂出产…: the factory's output)
                k = st.index(sm.group(0), cs)
                subj = Subject(k, k + len(sm.group(0)), sm.group(0), sm.group(0), r.state_words[sm.group(0)], "noun",
                               None, [])
        if subj is not None and _is_place(subj) and subj.end < limit:
            # 南关街炸油条的一位老翁…拿出五十元钱: a place that only says where a person lives or works is no subject
            pm = r.resident_re.match(st, subj.end, limit)
            if pm is not None:
                subj = Subject(subj.start, pm.end(), st[subj.start:pm.end()], st[subj.start:pm.end()], None, "noun",
                               None, [])
        if measure in r.people_only and subj is not None and subj.end <= a:
            # “这是与淮河两岸一千几百万受灾农民兄弟生命相关的事情呀”: people counted in a quotation by their group
            # noun right after the figure are those people, not the speakers named before the quotation
            qm = next((m for m in _QUOTE.finditer(st) if m.start() < a and b <= m.end()), None)
            if qm is not None and subj.end <= qm.start() and (len(qm.group(0)) > 16 or set(qm.group(0)) & _SPEECH):
                # (a short quoted term, “十万农民党员联户扶贫活动”, is a name: its place keeps the figure)
                gm = r.group_after_re.match(st, b)
                if gm is not None:
                    e1 = gm.end()
                    subj = Subject(b, e1, st[b:e1], st[b:e1], r.groups.get(gm.group("g")), "group", None, [])
        if subj is not None and q.unit == "person" and subj.start == b and subj.entity is None:
            # 数千名教师和学生: the people counted are all the groups coordinated after the figure, not the first
            end, parts = subj.end, [subj.text]
            while True:
                cw = next((w for w in _COORD_FIGURES if st.startswith(w, end)), None)
                more = _thing_after(st, end + len(cw), ce) if cw else None
                if more is None or more.end - more.start > 6:
                    break
                cut = next((k for k in range(more.start, more.end) if st[k] in _NOT_MODIFIER), more.end)
                if cut == more.start:
                    break
                end = cut  # (学生对…: 对 opens what follows)
                parts.append(st[more.start:cut])
            if end > subj.end:
                en = [r.groups.get(w) for w in parts]
                subj = Subject(subj.start, end, st[subj.start:end], st[subj.start:end],
                               " and ".join(en) if all(en) else None, subj.kind, None, [])
        if subj is None or subj.end <= cs:
            # 这台车床…一分钟能转二千八百转, 最高的一只船收入六千元: a thing the sentence points at (this lathe, one
            # boat) after its last subject is what the figure is about, not the subject carried or named before
            tm = None
            for m in r.thing_re.finditer(st, subj.end if subj is not None else 0, limit):
                tm = m
            tc = max([st.rfind(ch, 0, tm.start()) for ch in _CLAUSE] + [-1]) + 1 if tm is not None else 0
            head = _LEAD.sub("", st[tc:tm.start()]).strip(" \u3000\t“") if tm is not None else ""
            if tm is not None and (tm.start() >= cs or not st.startswith("一", tm.start())) \
                    and (not head or head.endswith("的")) and not _governed(st, tm.start()):
                # (opening its clause, or after a modifier with 的: 用这台车床加工 is a tool, no topic)
                thing = _thing_after(st, tm.end(), limit)
                if thing is not None and st[thing.end:thing.end + 1] != "的" and thing.end < a \
                        and not any(tm.start() <= x < thing.end for _, x, _ in local):
                    name = st[tm.start():thing.end]
                    subj = Subject(tm.start(), thing.end, name, name, None, "noun", None, [])
        if subj is None and measure in r.thing_measures and not named_head:
            # 咱们的车床最快才能转一千多转: a size or speed of a thing opening the figure's clause is that thing's,
            # not the subject carried from before (观众)
            t0 = cs + len(st[cs:a]) - len(st[cs:a].lstrip(" \u3000\t“"))
            own = r.owner_re.match(st, t0, a)
            thing = _thing_after(st, own.end() if own else t0, limit)
            if thing is not None and thing.end < a and st[thing.end:thing.end + 1] != "的" \
                    and not any(thing.start <= x < thing.end for _, x, _ in local):
                subj = Subject(t0, thing.end, st[t0:thing.end], st[t0:thing.end], None, "noun", None, [])
        if measure == "duration" and (subj is None or subj.end <= cs):
            t0 = len(st) - len(st.lstrip(" \u3000\t“”"))
            mt = r.meeting_topic_re.match(st, t0)
            if mt is not None and mt.end() <= a:  # 会一直开了四小时之久: the meeting's time
                subj = Subject(mt.start(), mt.end(), mt.group(0), mt.group(0), None, "noun", None, [])
        if prev_subj is not None and (subj is None or (subj.end <= cs and subj.start <= prev_subj.start)):
            subj = prev_subj  # 这家厂原定…七十万元，现在增加为八十三万元: the subject of the figure before it
        if (subj is None or subj.end <= cs) and measure != "count" and q.kind not in ("percent", "fraction") \
                and q.unit in r.unit_default and not _classifier(q).startswith("个"):
            # a figure in a relative clause belongs to the person or group it describes (五十多岁的张静波同志,
            # 只有八十三人的小型工厂); a count (四个…的棉纺织厂, 80％的干部) counts it instead
            rel = _REL_AFTER.match(st, b, ce)
            if rel is not None:
                de = rel.end()
                named = next((c for c in cands if de <= c.start <= de + 4 and c.end <= ce and not c.pronoun
                              and (c.kind in ("person", "group") or (c.entity is not None and (
                                  c.entity.gazetteer_id or c.entity.en)))), None)  # (泛滥六十年…的凉水河)
                if named is None:
                    named = _noun_subject(st, de, ce)
                if named is not None:
                    subj = named
        described = mw is not None and mw[1] == a and st.startswith("的", b) and cs <= mw[0] and (
            mw[0] == cs or st[mw[0] - 1] in "、和与及把将为")  # 、载重量二十五吨的自动卸货汽车: a size describing a thing
        if (subj is None or subj.end <= cs or sized or described) and measure in r.thing_measures and not named_head:
            # 一部长达七点五公尺…的拉床: a size in a relative clause is the size of the thing it describes
            rel = _REL_AFTER_LONG.match(st, b, ce)  # (…七点五公尺和重有两万多斤的拉床)
            if rel is not None:
                thing = _thing_after(st, rel.end(), ce)
                if thing is None and described:  # 自动卸货汽车: a noun phrase up to the next item of the list
                    tm = _THING_ITEM.match(st, rel.end(), ce)
                    if tm is not None:
                        thing = Subject(tm.start(), tm.end(), tm.group(0), tm.group(0), None, "noun", None, [])
                if thing is not None:
                    subj = thing
        if measure == "count" and (subj is None or subj.end <= a):
            rel = _REL_AFTER.match(st, b, ce)  # 立过三个大功的团部旗员袁恩: the merits are the person's
            if rel is not None:
                person = next((c for c in cands if c.kind == "person" and not c.pronoun
                               and rel.end() <= c.start <= rel.end() + 6 and c.end <= ce), None)
                if person is not None:
                    subj = person
        after = next((w for w in r.subject_after if st.startswith(w, b)), None)
        if after is not None:  # 二万吨以上的有保定专区: the name after is the subject
            named = next((c for c in cands if c.start == b + len(after) and c.kind != "noun"), None)
            if named is not None:
                subj = named
        place_abs = None
        located = next((c for c in cands if c.start == b + 1 and st[b] == "在" and _is_place(c)), None)
        if located is not None and _classifier(q) in r.place_count_units:
            subj = located  # 三十个县在得克萨斯州: the counties are Texas's
        elif _classifier(q) in r.place_count_units:
            # a count of states, counties, villages is about a place (饥民遍于全国，二十个州的…: the country),
            # not the people of the clause before: the nearest place before it, else the last one named
            cur = subj if subj is not None else (carried[0] if carried is not None else None)
            if cur is None or cur.pronoun or cur.kind in ("group", "noun", "person"):
                place = max((c for c in cands if c.end <= a and _is_place(c)), key=lambda c: c.start, default=None)
                if place is not None:
                    subj = place
                elif mem.get("place") is not None:
                    place_abs = mem["place"]
        subj_abs = None
        if subj is not None:
            subj_abs = (subj, s0)
            if not subj.pronoun:
                _remember(mem, [subj], s0)
        elif place_abs is not None:
            subj_abs = place_abs
        elif carried is not None:
            subj_abs = carried
            top = mem.get("art_topic")
            if top is not None and top is not carried and _is_place(carried[0]) and not facts_here and _new_topic(st):
                # 杀虫器械的推广，…要完成防治二千七百万亩: a sentence opening on a thing of its own, not named
                # before, is no more about the last place named (河南, of the sentences on water wheels) but
                # about the article's subject (the region whose plan it is)
                subj_abs = top
            if (carried[0].kind in ("group", "noun") and carried[0].entity is None and mem.get("linked") is not None
                    and not carried[0].text.startswith(tuple(r.scope)) and ("：" in st[:a] or ":" in st[:a])):
                # a list after a colon (去年刷新的全国纪录还有：射击二十四项、…) is no item of the group named in the
                # sentence before (举重运动员): it goes back to the last place or organisation named
                subj_abs = mem["linked"]
        # period
        per_before = [p for p in periods if p.end <= a and not (comp and comp.base_span
                                                               and p.start >= comp.base_span[0])]
        period = per_before[-1] if per_before else None
        dur = [d for d in durations if d[1] <= a and b <= d[4]]  # (最初三年每年…: its own clause only)
        dur = dur[-1] if dur else None
        if dur is None and timed:
            own = _duration_of(st, a, b, q)
            if own is not None:
                dur = (own[0], own[1], own[2], st[own[0]:own[1]])
        per = [p for p in pers if p[1] <= a]
        per = per[-1] if per else None
        ptext = "；".join(x for x in (period.text if period else None, dur[3] if dur else None,
                                      per[3] if per else None) if x) or None
        row = {
            "fact_id": f"{article.id}:{q.start}", "article_id": article.id, "lang": "zh", "para": seg.index,
            "role": "value", "related_fact_id": None, "_title": seg.role == "title",
            "measure": measure, "measure_zh": measure_zh, "measure_en": r.measure_en.get(measure),
            "object_zh": obj[0] if obj else None, "object_en": obj[1] if obj else None,
            "value": _dec(q.value), "high": _dec(q.high), "unit": q.unit, "approx": q.approx, "kind": q.kind,
            "period_text": ptext,
            "period_start": period.date_start if period else None,
            "period_end": period.date_end if period else None,
            "period_duration": dur[2] if dur else None,
            "period_per": per[2] if per else None,
            "zh_text": q.text, "zh_start": q.start, "zh_end": q.end,
            "zh_sentence": st, "zh_sentence_start": s0, "zh_sentence_end": e0,
        }
        row.update(_subject_fields(article, subj_abs))
        _english(row, rec.get((q.start, q.end)), article.text)
        if comp is not None:
            row["comparison_text"] = st[comp.start:b]
            row["comparison_kind"] = comp.kind
            row["comparison_value"] = _dec(comp.sign * q.value) if comp.kind == "change" else _dec(q.value)
            row["comparison_unit"] = q.unit
            row["comparison_baseline"] = comp.baseline
            row["role"] = "value" if comp.kind == "level" else comp.kind
            asides = [(m.start() + s0, m.end() + s0) for m in _PAREN.finditer(st)]
            def _near(f):  # the figure it qualifies: in its clause or the one before, no colon between
                between = st[f[0]["zh_end"] - s0:comp.start]
                return not set(between) & set("：:；;") and sum(between.count(c) for c in "，,") <= 1

            # a change with a measure word of its own clause (载运量比以往增加了二、三倍) qualifies no figure before
            own_measure = mw is not None and mw[0] >= cs
            base_lo = max(st.rfind("比", cs, comp.start), st.rfind("较", cs, comp.start))  # (较去年建立的四个厂增大)
            main = None if comp.kind == "level" or own_measure else next((f for f in reversed(facts_here) if f[1] is None
                         and not any(x <= f[0]["zh_start"] < y for x, y in asides) and _near(f)
                         and not (0 <= base_lo <= f[0]["zh_start"] - s0 < comp.start)
                         and not (mw is not None and mw[0] >= f[0]["zh_end"] - s0)  # (四个大厂的规模…增大一倍)
                         and ((q.unit in RELATIVE_UNITS and f[0]["unit"] not in ("percent", "times"))
                              or q.unit == f[0]["unit"])), None)
            if main is not None:
                m_row, _, m_period = main
                row["related_fact_id"] = m_row["fact_id"]
                for k in ("measure", "measure_zh", "measure_en", "object_zh", "object_en", "period_text",
                          "period_start", "period_end", "period_duration", "period_per") + tuple(
                        k for k in FACT_COLUMNS if k.startswith("subject_")):
                    if row.get(k) is None or k.startswith("subject_") or k.startswith("period") or k.startswith(
                            "measure") or k.startswith("object"):
                        row[k] = m_row.get(k)
                period = m_period
                for k in ("comparison_text", "comparison_kind", "comparison_value", "comparison_unit",
                          "comparison_baseline"):
                    m_row[k] = row[k]
                bs, be = _baseline_period(comp.baseline, m_period, art_year, comp.year)
                m_row["comparison_period_start"], m_row["comparison_period_end"] = bs, be
            bs, be = _baseline_period(comp.baseline, period, art_year, comp.year)
            row["comparison_period_start"], row["comparison_period_end"] = bs, be
        if subj is not None and not subj.pronoun:
            for prow in opening_durations:  # 在过去两年，该工会职工建筑了…: the time opening the sentence is theirs
                prow.update({k: row[k] for k in _SUBJECT_KEYS})
            opening_durations = []
        elif subj is None and measure == "duration" and not _LEAD.sub("", st[cs:a]).strip("在过去近最这") and \
                not any(c.end <= a for c in cands):
            opening_durations.append(row)
        rows.append(row)
        facts_here.append((row, comp, period))
        if subj is not None:
            prev_subj = subj
        if subj_abs is not None and subj_abs[0].kind != "noun" and not (
                subj_abs[1] == s0 and any(x <= subj_abs[0].start < y for x, y in quoted)) and not (
                measure in r.thing_measures and subj is not None and not _is_agent(subj) and subj.kind != "person"
                and carried is not None):
            # (旱河，长二十六里: a thing's size makes it no topic of what follows; the subject before it carries on)
            carried = (split_whole, s0) if split_whole is not None else subj_abs
            # (a noun phrase subject holds for its own sentence only, a quoted one for its quotation)
    return carried


def _subject_fields(article, subj_abs) -> dict:
    out = dict.fromkeys(k for k in FACT_COLUMNS if k.startswith("subject_"))
    if subj_abs is None:
        return out
    subj, s0 = subj_abs
    e = subj.entity
    out.update({
        "subject_text": subj.text, "subject_start": subj.start + s0, "subject_end": subj.end + s0,
        "subject_norm": subj.norm, "subject_en": subj.en, "subject_kind": subj.kind,
        "subject_places": json.dumps(subj.places, ensure_ascii=False) if subj.places else None,
    })
    if e is not None:
        out.update({
            "subject_entity_lang": "zh", "subject_entity_start": e.start, "subject_entity_end": e.end,
            "subject_entity_label": e.label, "subject_id": f"{article.id}:zh:{e.start}-{e.end}:{e.label}",
        })
    return out


def _english(row, rec_row, text):
    for k in ("en_text", "en_start", "en_end", "en_sentence", "en_sentence_start", "en_sentence_end", "verdict"):
        row.setdefault(k, None)
    if not rec_row:
        return
    row["verdict"] = rec_row.get("verdict")
    es, ee = _int(rec_row.get("en_start")), _int(rec_row.get("en_end"))
    if es is not None and ee is not None:
        row["en_text"], row["en_start"], row["en_end"] = text[es:ee], es, ee
    ss, se = _int(rec_row.get("en_sent_start")), _int(rec_row.get("en_sent_end"))
    if ss is not None and se is not None:
        row["en_sentence"], row["en_sentence_start"], row["en_sentence_end"] = text[ss:se], ss, se


def facts_of(zh: str, date: str = "1957-08-20", en: str = "(no translation)") -> pd.DataFrame:
    """The facts of a Chinese text alone (no reconciliation): for examples, tests and quick looks."""
    from pipeline.article import read_article
    from pipeline.mentions import article_entities, article_quantities

    body = "\n".join("    " + line for line in zh.splitlines() if line.strip())
    doc = (f"Title: example\nDate: {date}\nPage: 1\n\n{en}\n\n<hr />\n\nOriginal:\n\n### 例\n\n{date}\n第1版()\n"
           f"专栏：\n\n{body}\n")
    art = read_article(doc)
    return extract_facts(art, article_quantities(art, "zh"), article_entities(art, "zh"), None)


__all__ = ["extract_facts", "facts_of", "FACT_COLUMNS", "rules"]
