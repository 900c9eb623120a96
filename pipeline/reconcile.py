"""Reconcile every Chinese figure with its English rendering: the translation validator.

:func:`reconcile_article` aligns the two sides (:mod:`pipeline.align`), pairs each Chinese
quantity with an English one inside the aligned unit (by value, unit, qualifier and order,
preferring the aligned sentence), and gives each pair or lone figure a verdict:

``match``
    same value (or the English rounds the Chinese at the English precision: 三十八亿七千万 vs
    "3.9 billion", noted "rounded"; or converts it: 二十斤 vs "10 kilograms", noted "converted"),
    same measure unit, compatible qualifiers.
``approx_dropped`` / ``approx_added``
    the value agrees but a qualifier (多, 余, 约, 近 ... / "more than", "about" ...) is on the
    Chinese side only / the English side only (or was changed to one that says something else).
``scale_error``
    the English is the Chinese times a power of ten (the 万/亿 vs thousand/million/billion
    slips). ``factor`` is ``x10^k`` with English = Chinese x 10^k: ``x10^1`` (七百二十一万 as
    "72.1 million"), ``x10^4``, ``x10^-1`` (一万万五千六百零八万 as "15,608,400").
``value_mismatch``
    any other difference of value.
``unit_mismatch``
    the same number with another measure unit (斤 as "kilograms", 顷 as "hectares", 户 as
    "members", 石 as "tons", 百分点 percentage points as "%"); only units listed as measures in
    ``pipeline/data/reconcile.toml`` count: classifiers (个, piece) and units kept as written
    never do. A sum in 角/块/钱 that names no currency is in the English figure's currency
    (五角钱 in an article on America is fifty cents: "five cents" is a ``scale_error``).
``missing_in_en``
    the Chinese figure has no English counterpart in its aligned unit (the note says when the
    whole paragraph was dropped).
``extra_in_en``
    an English figure with no Chinese source. Only figures written with digits or number
    words and carrying a unit, scale word, qualifier, percentage or a value of 10 or more
    are reported ("a village", "several times", "hundreds of" are not), and not when the
    English repeats a figure it rendered, nor when the Chinese of the unit writes the value
    in some form the extractor left out (六六六 as "666"), nor when it is the translator's
    conversion in brackets of the figure before it ("20,000 jin (10,000 kilograms)"; one that does
    not convert is reported).

How pairs are found and judged (the rules' data is ``pipeline/data/reconcile.toml``):

* Pairing happens inside one aligned unit (paragraph bead; the title lines form their own
  unit with the English title pool), greedily by score: exact value > rounded > range overlap,
  then qualifier and unit agreement, the aligned sentence and the place in it (characters and
  clauses: a dropped clause does not move the figures after it); copies of one figure keep their
  order. A different
  number is only a candidate (``value_mismatch``) in the same aligned sentence with the same
  unit (or the sentence next to it when both name that unit); a power-of-ten slip only between
  like units.
* A figure missing in its unit whose rendering is an unpaired English figure at the edge of the
  paragraph bead just before or after (a sentence the English moved across a paragraph break)
  is judged against it, noted.
* Rounding: the English precision (digits after the point times the scale word; with
  "about", the last non-zero digit) allows a difference of half a unit in the last place and
  never more than 10% (三十八亿七千万 "3.9 billion" is a match noted "rounded"). "More than X"
  on one side and "nearly"/"about" the next round figure on the other match (三万九千多
  "nearly 40,000", 近四万 "more than 39,000"), as do 上百/上千 and "over a hundred".
* A compound measure (一斤二两, 三丈五尺) rendered as one English figure is one figure ("1.2
  jin"; 1.125 jin with the old jin of 16 liang).
* A list said respectively (分别 / "respectively") pairs by place: the same values in another
  order are figures attached to other items (``value_mismatch``).
* 张明胜等六人 "Zhang Mingsheng and five others": the English counts the others besides the
  ones named before 等 (a match); "and six others" is a ``value_mismatch``.
* Units: two measure keys of one dimension convert (二十斤 "10 kilograms" match, noted
  "converted"); the same number with another measure is ``unit_mismatch``.
* Ranges: equal ranges match whatever their qualifiers (二三百 "about two to three hundred");
  a Chinese range rendered as two English figures (从八百万到十五亿 "from 8 million to 15
  billion") gives one row per end; two Chinese figures rendered as one English range
  (三年、五年 "three to five years") both match it; a vague range and a bound overlap
  (十几年 "more than ten years").
* Qualifiers written apart from the figure (约比1954年增加了18.4％; "the costs exceed 19
  billion") are read from the few characters or words before it, to clear a qualifier flag;
  a strict subset (约, 将近, 至少, 不到 ...) also raises ``approx_dropped`` when neither
  extractor saw a qualifier and the English has none.
* A Chinese figure with no English figure is still a match when the aligned English sentence
  says it in a word: 一天 "per day", 两侧 "both sides", 一年 "annual" (with a measure unit the
  word must come with the unit's English form; a vague count 几倍 "several"), or writes its
  digits; with a qualifier the English word lacks (一个多月 "the past month") it is
  ``approx_dropped``. 一家 counted by its members right after it (一家七口 "his family of seven")
  and 一 after a determiner (这一天, 去年一年) get no row. A number written digit by
  digit that the English writes the same way (熊岳二五三 "Xiongyue 253", 二八分红 "two-eight split")
  is a name or a label: no row, like the ordinal names below.

**Dates and ordinals are out of scope**: a Chinese quantity of kind ``date`` or ``ordinal``
(1957年, 八月二十日, 第五版, 第一) gets no row in the table (the verdict vocabulary has no
"not applicable"), and neither do the date and page header lines. They still anchor the
alignment and absorb their English renderings, so "the 25th" is never reported as extra.
A Chinese number whose only counterpart is an English ordinal of the same value
(三区 as "the third district", 六二六团 as "626th Regiment") is read as a name and left out
the same way.

Multiples follow the Chinese: 增加一倍 (kind ``multiple``, value 1) is an increase by one
time, so "doubled" matches it; 增加两倍 is x3, so "doubled" is a ``value_mismatch``, while
the ambiguous "increased by two times" matches either reading.

The table has the issue's columns (:data:`COLUMNS`) then :data:`EXTRA_COLUMNS`; values are
exact decimal strings, offsets index ``article.text``.
"""
from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from dataclasses import dataclass
from collections import Counter
from decimal import Decimal, InvalidOperation
from functools import lru_cache, wraps
from pathlib import Path

import pandas as pd

from pipeline.align import Bead, align_paragraphs
from pipeline.mentions import META, TITLE
from pipeline.types import Quantity

VERDICTS = ("match", "approx_dropped", "approx_added", "scale_error", "value_mismatch", "unit_mismatch",
            "missing_in_en", "extra_in_en")
FLAGS = tuple(v for v in VERDICTS if v != "match")
COLUMNS = ["article_id", "zh_para", "en_para", "zh_text", "zh_start", "zh_end", "zh_value", "zh_high", "zh_unit",
           "zh_approx", "en_text", "en_start", "en_end", "en_value", "en_high", "en_unit", "en_approx", "verdict",
           "factor", "note"]
#: after the issue's columns: the figure's kind, the alignment bead, the aligned sentence spans
EXTRA_COLUMNS = ["kind", "bead", "zh_sent_start", "zh_sent_end", "en_sent_start", "en_sent_end"]
OUT_OF_SCOPE_KINDS = ("date", "ordinal")

_DATA = Path(__file__).parent / "data" / "reconcile.toml"
_SCALE_WORDS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "万": 4, "亿": 8, "千": 3, "百": 2,
                "万万": 8, "hundred": 2, "lakh": 5, "crore": 7}
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_RANGE_SEP = re.compile(r"到|至|—+|－|~|～|-")
_ZERO = Decimal(0)
#: largest relative difference a rounding may make
_ROUND_REL = Decimal("0.1")
#: relative tolerance of an exact comparison (fractions: 0.333333333333 vs 1/3)
_EPS = Decimal("1e-9")


@lru_cache(maxsize=1)
def rules() -> dict:
    """The reconciler's data (pipeline/data/reconcile.toml), parsed once per process."""
    with open(_DATA, "rb") as f:
        raw = tomllib.load(f)
    dims, factors = {}, {}
    for dim, units in raw["dimension"].items():
        for unit, factor in units.items():
            dims[unit] = dim
            factors[unit] = Decimal(factor)
    compatible = {frozenset(p) for p in raw["approx"].pop("compatible")}
    reach = tuple(raw["approx"].pop("reach_prefixes", ()))
    return {"dim": dims, "factor": factors, "alias": raw.get("alias", {}), "approx": raw["approx"],
            "approx_compatible": compatible, "reach_prefixes": reach, "increase": tuple(raw["multiple"]["increase"]),
            "decrease": tuple(raw["multiple"]["decrease"]), "en_exact": set(raw["multiple"]["en_exact"]),
            "unit_swap": raw["inject"]["unit_swap"], "confusable": raw.get("confusable", {}),
            "lone": {Decimal(k): re.compile(r"\b(?:" + "|".join(map(re.escape, v)) + r")\b", re.I)
                     for k, v in raw["lone"].items()},
            "lone_vague": {tuple(Decimal(x) for x in k.split("..")):
                           re.compile(r"\b(?:" + "|".join(map(re.escape, v)) + r")\b", re.I)
                           for k, v in raw.get("lone_vague", {}).items()},
            "generic_units": set(raw.get("generic_units", {}).get("keys", [])),
            "determiners": tuple(raw.get("not_a_count", {}).get("determiners", [])),
            "frames": tuple(raw.get("not_a_count", {}).get("frames", [])),
            "lone_unit": {k: re.compile(r"\b(?:" + "|".join(map(re.escape, v)) + r")\b", re.I)
                          for k, v in raw.get("lone_unit", {}).items()},
            "ctx_zh": [(a, re.compile(p)) for a, p in raw["context"]["zh"]], "ctx_zh_window": raw["context"]["zh_window"],
            "ctx_en": [(a, re.compile(p, re.I)) for a, p in raw["context"]["en"]],
            "ctx_zh_raise": [(a, re.compile(p)) for a, p in raw["context"]["zh_raise"]],
            "ctx_en_window": raw["context"]["en_window"]}


# ---------------------------------------------------------------- values


def _by_identity(kind):
    """Cache ``fn(x)`` per object of exactly type ``kind``, by identity (frozen records and
    Decimals: the result cannot change; two equal objects may still differ in how their Decimals
    are written, so never by value), 4,096 objects at a time; other arguments go straight to ``fn``."""

    def wrap(fn):
        memo: dict = {}

        @wraps(fn)
        def cached(x):
            if type(x) is not kind:
                return fn(x)
            hit = memo.get(id(x))
            if hit is not None and hit[0] is x:
                return hit[1]
            r = fn(x)
            if len(memo) >= 4096:
                memo.clear()
            memo[id(x)] = (x, r)
            return r

        return cached

    return wrap


@_by_identity(Decimal)  # the same Decimal objects come back (bounds are cached per figure)
def dec(v) -> str | None:
    """Exact decimal string ("3870000000", "0.333333333333"), None for None."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        if not v.is_finite():
            return str(v)
        return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    return str(v)


def _d(v) -> Decimal | None:
    if v is None:
        return None
    try:
        d = v if isinstance(v, Decimal) else Decimal(str(v))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def unit_key(u):
    if not u:
        return None
    hit = _UNIT_KEYS.get(u) if type(u) is str else None
    if hit is not None:
        return hit
    u = str(u)
    alias = rules()["alias"]
    key = alias.get(u, alias.get(u.lower(), u))
    if len(_UNIT_KEYS) < 4096:
        _UNIT_KEYS[u] = key  # the rules are read once per process: a unit's key never changes
    return key


_UNIT_KEYS: dict = {}
#: a Chinese money figure that names its currency (元, 人民币, 美元 ...); 五角钱, 两块, 一毛 do not
_ZH_CURRENCY = re.compile(r"元|圆|币|镑|卢布|法郎|马克|美金|券|票")


def _zu(zq, eq):
    """The Chinese figure's unit key, compared with the English figure ``eq``: a sum in 角/块/钱
    that names no currency is in the English figure's currency (五角钱 in an article on America is
    fifty cents: "five cents" is a slip of scale, not another currency)."""
    zu = unit_key(zq.unit)
    if zu == "yuan" and eq.unit:
        eu = unit_key(eq.unit)
        dims = rules()["dim"]
        if eu != zu and dims.get(eu, "").startswith("money_") and dims[eu] != "money_cny" \
                and not _ZH_CURRENCY.search(zq.unit_text or zq.text or ""):
            return eu
    return zu


def space(q) -> str:
    """What a value measures: 'ratio' (percent, fraction), 'times' (multiples) or 'count'."""
    if q.unit in ("percent", "permille") or q.kind in ("percent", "fraction"):
        return "ratio"
    if q.kind == "multiple":
        return "times"  # 次 (occurrences) may carry the unit "times" but counts, not multiplies
    return "count"


def _ratio(q, v: Decimal) -> Decimal:
    """Percent values in ratio space (34.88 percent -> 0.3488, 4 permille -> 0.004)."""
    if q.unit == "percent" or q.kind == "percent":
        return v / 100
    if q.unit == "permille":
        return v / 1000
    return v


#: :func:`_pair` judges every Chinese figure against every English one: per-figure answers are cached
_per_quantity = _by_identity(Quantity)


@_per_quantity
def bounds(q) -> tuple[Decimal, Decimal] | None:
    lo, hi = _d(q.value), _d(q.high)
    if lo is None:
        return None
    if hi is None:
        hi = lo
    if space(q) == "ratio":
        lo, hi = _ratio(q, lo), _ratio(q, hi)
    return (min(lo, hi), max(lo, hi))


@_per_quantity
def quantum(q) -> Decimal:
    """Precision of an English figure: half of it is the rounding the translation may do.

    "3.9 billion" -> 10^8, "267 thousand" -> 1000, "34.9%" -> 0.1 (percent), "7" -> 1;
    with "about"/"nearly" a round integer is read at its last non-zero digit ("about 270,000" -> 10^4).
    """
    m = _DIGITS.search(q.text or "")
    exp = _SCALE_WORDS.get((q.scale or "").lower(), 0) if q.scale else 0
    if m:
        decimals = len(m.group(1) or "")
        qv = Decimal(1).scaleb(exp - decimals)
        if not decimals and not exp and q.approx in ("about", "nearly"):
            digits = m.group().replace(",", "")
            zeros = len(digits) - len(digits.rstrip("0"))
            if zeros and zeros < len(digits):
                qv = Decimal(1).scaleb(zeros)
    else:
        qv = Decimal(1).scaleb(exp)
    if space(q) == "ratio":
        qv = _ratio(q, qv)
    return qv


def _close(z: Decimal, e: Decimal, qe: Decimal) -> str | None:
    """'equal', 'rounded' or None: does ``z`` read as ``e`` at English precision ``qe``?"""
    if z == e:
        return "equal"
    tol = max(qe / 2, abs(e) * _EPS)  # fractions: 0.333333333333 vs 1/3
    # rounding never moves a figure by more than a tenth of itself ("a year" is not 半年)
    if abs(z - e) <= tol and abs(z - e) <= abs(e) * _ROUND_REL:
        return "rounded" if abs(z - e) > abs(e) * _EPS else "equal"
    return None


def _scale(z: Decimal, e: Decimal, qe: Decimal) -> int | None:
    if z == 0 or e == 0 or (z < 0) != (e < 0):
        return None
    r = math.log10(float(abs(e)) / float(abs(z)))
    if abs(r - round(r)) > 0.05 or round(r) == 0:  # not near a power of ten: no slip of scale
        return None
    tol = max(qe / 2, abs(e) * _EPS)
    for k in (1, 2, 3, 4, 5, 6, 8, -1, -2, -3, -4, -5, -6, -8, 7, -7, 9, -9):
        zk = z.scaleb(k)
        if abs(zk - e) <= tol:
            return k
    return None


# ---------------------------------------------------------------- verdict


@dataclass(frozen=True)
class Verdict:
    verdict: str
    factor: str | None = None
    note: str = ""
    score: float = 0.0


def _approx_group(a):
    return rules()["approx"].get(a) if a else None


def _approx_ok(za, ea) -> bool:
    gz, ge = _approx_group(za), _approx_group(ea)
    return gz == ge or frozenset((gz, ge)) in rules()["approx_compatible"]


def _multiple_form(text: str, start: int, value=None) -> str | None:
    """'increase' / 'decrease' when the words before (or in) the multiple make it one.

    一倍 with no verb before it (高者可达一倍以上) is an increase too: "one times as much" is not said."""
    before = text[max(0, start - 4):start]
    r = rules()
    for w in sorted(r["decrease"], key=len, reverse=True):
        if before.endswith(w) or before.endswith(w + "了"):
            return "decrease"
    for w in sorted(r["increase"], key=len, reverse=True):
        if before.endswith(w) or before.endswith(w + "了") or before.endswith(w + "到"):
            return "increase"
    if value is not None and _d(value) == 1:
        return "increase"
    return None


def _en_exact_multiple(eq) -> bool:
    words = set(re.findall(r"[a-z]+", (eq.text or "").lower()))
    return bool(words & rules()["en_exact"]) and not re.search(r"\d|times", eq.text or "")


def _candidates(zq, eq, zform) -> list[tuple[Decimal, Decimal, str]]:
    """Readings of the Chinese value to compare with the English one, each with a note."""
    zb, eb = bounds(zq), bounds(eq)
    if zb is None or eb is None:
        return []
    zs, es = space(zq), space(eq)
    out = []
    if zform is None and zs == "times" and zb == (1, 1):
        zform = "increase"  # 一倍 with no verb: "one times as much" is not said
    if zs == es == "times" and zform in ("increase", "increase_result", "decrease"):
        if zform != "decrease":
            plus = (zb[0] + 1, zb[1] + 1, "increase by N times = x(N+1)")
            out = [plus] if _en_exact_multiple(eq) or zform == "increase_result" else [(zb[0], zb[1], ""), plus]
        else:
            half = (Decimal(1) / (zb[0] + 1), Decimal(1) / (zb[1] + 1), "decrease by N times read as 1/(N+1)")
            out = [(zb[0], zb[1], ""), half]
    elif zs == es:
        out = [(zb[0], zb[1], "")]
    elif zs == "times" and es == "ratio" and zform in ("increase", "increase_result"):
        out = [(zb[0], zb[1], "increase by N times = +N x 100%")]
    elif zs == "ratio" and es == "times":
        out = [(zb[0], zb[1], "")]  # 一半 "halving"
        if _en_exact_multiple(eq):
            out.append((zb[0] + 1, zb[1] + 1, "increase by 100% = doubled"))
        elif zform == "increase_result":  # 增长百分之二十 "1.2 times that of last year"
            out.append((zb[0] + 1, zb[1] + 1, "increase by N% = x(1 + N/100)"))
    return out


def context_approx(text: str, q, lang: str, strict: bool = False) -> str | None:
    """A qualifier written apart from the figure, just before it in ``text`` (see reconcile.toml [context]).

    ``strict``: only the Chinese patterns that may raise a flag (``zh_raise``)."""
    # :func:`_pair` asks this of every pair's figures: cached per (text, figure) object, as
    # :func:`_per_quantity` does (the answer reads only ``text`` before ``q.start``)
    if _CONTEXT_TEXT[0] is not text:  # one article's figures at a time (no old text kept alive)
        _CONTEXT.clear()
        _CONTEXT_TEXT[0] = text
    key = (id(q), lang, strict)
    hit = _CONTEXT.get(key)
    if hit is not None and hit[0] is q:
        return hit[1]
    a = _context_approx(text, q, lang, strict)
    if len(_CONTEXT) >= 4096:
        _CONTEXT.clear()
    _CONTEXT[key] = (q, a)
    return a


_CONTEXT: dict = {}
_CONTEXT_TEXT: list = [None]


def _context_approx(text: str, q, lang: str, strict: bool = False) -> str | None:
    r = rules()
    w = r[f"ctx_{lang}_window"]
    before = text[max(0, q.start - w):q.start]
    if lang == "en":
        before = before.replace("\n", " ")
    pats = r["ctx_zh_raise"] if (strict and lang == "zh") else r[f"ctx_{lang}"]
    for approx, pat in pats:
        if pat.search(before):
            return approx
    return None


_AND_BEFORE = re.compile(r"\band\s+$")
_OTHERS_AFTER = re.compile(r"\s*(?:others?|other\s+[a-z]+|more)\b", re.I)
_OTHERS_IN = re.compile(r"\bothers?\b", re.I)
_ZH_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n（）()“”]")


def _and_others(text: str, zq, eq) -> int | None:
    """张明胜等六人 "Zhang Mingsheng and five others": the English counts the others besides the k
    people named before 等 (张明胜、李四等六人: two). Returns k when the English says "and N
    others" after a group 等N人, else None."""
    if text[zq.start - 1:zq.start] != "等" or zq.high is not None or eq.high is not None:
        return None
    if space(zq) != "count" or unit_key(zq.unit) not in (None, "person"):
        return None
    if not (_AND_BEFORE.search(text, max(0, eq.start - 5), eq.start)
            and (_OTHERS_AFTER.match(text, eq.end, eq.end + 20) or _OTHERS_IN.search(eq.text or ""))):
        return None
    lo = zq.start - 1
    while lo > 0 and lo > zq.start - 40 and not _ZH_CLAUSE_END.match(text, lo - 1):
        lo -= 1
    return len(re.split(r"[、和及与]", text[lo:zq.start - 1]))


#: after an English multiple, words that make it the result, not the increase: "2.5 times that of 1980",
#: "three times as much as", "twice the level of" ("increased 1.5 times" may mean either)
_EN_RESULT = re.compile(r"\s+(?:that|those|as\s+(?:much|many|large|high|big|great|long|fast)\b|the\s+"
                        r"(?:level|figure|amount|number|output|total|size|value|volume|quantity)\b)", re.I)


def judge_in_text(text: str, zq, eq, zform: str | None = None) -> Verdict | None:
    """:func:`judge`, then a qualifier flag is cleared when the side that lacks one has it in context."""
    import dataclasses

    if zform == "increase" and text is not None and eq.kind == "multiple" and _EN_RESULT.match(text, eq.end):
        zform = "increase_result"  # 增长1.5倍 given as "1.5 times that of 1980": the English states the result
    v = judge(zq, eq, zform)
    named = None
    if text is not None and (v is None or v.verdict in ("match", "value_mismatch")):
        named = _and_others(text, zq, eq)
    zv, ev = (_d(zq.value), _d(eq.value)) if named else (None, None)
    if zv is not None and ev is not None:
        if zv == ev + named:
            others = "" if _OTHERS_IN.search(eq.text or "") else " others"
            return Verdict("match", None, f"{named} named and {eq.text}{others}", 9)
        if v is not None and v.verdict == "match":
            return Verdict("value_mismatch", None, f"{named} named and {dec(ev)} others are {dec(ev + named)}, "
                           f"not {dec(zv)} (等{dec(zv)}人 counts the ones named)", 3)
    if v is not None and text is not None and v.verdict == "match" and not zq.approx and not eq.approx:
        # a Chinese qualifier written apart (约比…增加了18.4％) that the English does not render
        a = context_approx(text, zq, "zh", strict=True)
        if a and not context_approx(text, eq, "en"):
            v2 = judge(dataclasses.replace(zq, approx=a), eq, zform)
            if v2 is not None and v2.verdict == "approx_dropped":
                return Verdict("approx_dropped", None, f"Chinese qualifier before the figure ({a}) not rendered",
                               v2.score)
        return v
    if v is None or text is None or v.verdict not in ("approx_added", "approx_dropped"):
        return v
    if v.verdict == "approx_added" and not zq.approx:
        a = context_approx(text, zq, "zh")
        if a:
            v2 = judge(dataclasses.replace(zq, approx=a), eq, zform)
            if v2 is not None and v2.verdict == "match":
                return Verdict("match", None, "; ".join(x for x in (v2.note, f"Chinese qualifier before the figure ({a})") if x), v2.score)
    if v.verdict == "approx_dropped" and not eq.approx:
        a = context_approx(text, eq, "en")
        if a:
            v2 = judge(zq, dataclasses.replace(eq, approx=a), zform)
            if v2 is not None and v2.verdict == "match":
                return Verdict("match", None, "; ".join(x for x in (v2.note, f"English qualifier before the figure ({a})") if x), v2.score)
    return v


def judge(zq, eq, zform: str | None = None) -> Verdict | None:
    """The verdict for a Chinese quantity ``zq`` rendered as the English quantity ``eq``.

    Returns None when the two cannot be the same figure at all (a percentage and a count).
    ``zform`` is 'increase' / 'decrease' for a multiple after 增加 / 减少 (see the module doc).
    """
    if eq.unit == "point" and eq.kind != "percent" and zq.unit == "percent" and _points(zq):
        eq = _as_points(eq)  # 二十个百分点 "20 points"
    cands = _candidates(zq, eq, zform)
    if not cands:
        return None
    eb = bounds(eq)
    qe = quantum(eq)
    zu, eu = _zu(zq, eq), unit_key(eq.unit)
    r = rules()
    measure_clash = bool(zu and eu and zu != eu and zu in r["dim"] and eu in r["dim"])
    conv = None
    if measure_clash and r["dim"][zu] == r["dim"][eu]:
        if r["factor"][zu] == r["factor"][eu]:
            measure_clash = False  # the same measure under two names (垧 and hectare)
        else:
            conv = r["factor"][eu] / r["factor"][zu]  # one English unit in Chinese units
    zname, ename = zq.unit, eq.unit
    if zu == eu == "percent" and _points(zq) and not _points(eq):
        # 提高了二十个百分点 "rose by 20%": a difference of rates is no rate of change. (Not the other
        # way: 由百分之六十提高到百分之八十，提高了百分之二十 is rightly "20 percentage points")
        measure_clash = True
        zname, ename = "percentage points", "per cent"

    best = None
    for zlo, zhi, cnote in cands:
        rel = _relate(zlo, zhi, eb, qe, zq.approx, eq.approx)
        if rel is None and not cnote and _next_round(zq, eq):
            rel = "rounded"  # 近四万 "more than 39,000": the English precision alone does not say it
        v = None
        if rel in ("equal", "rounded", "overlap"):
            if measure_clash:
                v = Verdict("unit_mismatch", None, f"same number, {zname} rendered as {ename}", 7)
            else:
                v = _approx_verdict(zq, eq, rel, cnote)
        elif conv is not None:
            crel = _relate(zlo, zhi, (eb[0] * conv, eb[1] * conv), qe * conv, zq.approx, eq.approx)
            if crel in ("equal", "rounded", "overlap"):
                v = _approx_verdict(zq, eq, crel, f"converted {eq.unit} to {zq.unit}")
            else:
                k = _scale(zlo, eb[0] * conv, qe * conv)
                if k is not None:
                    v = Verdict("scale_error", f"x10^{k}", f"English = Chinese x 10^{k} after converting "
                                f"{eq.unit} to {zq.unit}", 5)
                else:
                    v = _confused(zq, eq, zlo, zhi, eb, qe, zu, eu, r)
        if v is None:
            k = _scale(zlo, eb[0], qe) if zlo == zhi and eb[0] == eb[1] else None
            if k is not None:
                v = Verdict("scale_error", f"x10^{k}", f"English = Chinese x 10^{k}" + _scale_note(zq, eq), 5)
            elif measure_clash:
                v = Verdict("unit_mismatch", None, f"{zname} rendered as {ename}, and the numbers differ", 2)
            else:
                zs_ = dec(zlo) if zlo == zhi else f"{dec(zlo)}..{dec(zhi)}"
                es_ = dec(eb[0]) if eb[0] == eb[1] else f"{dec(eb[0])}..{dec(eb[1])}"
                v = Verdict("value_mismatch", None, f"{zs_} vs {es_}" + (f" ({cnote})" if cnote else ""), 1)
        if best is None or v.score > best.score:
            best = v
    return best


_POINTS = re.compile(r"百分点|\bpoints?\b", re.I)


def _points(q) -> bool:
    """A percentage-point figure (二十个百分点, "20 percentage points"), not a percentage."""
    return bool(_POINTS.search(q.unit_text or q.text or ""))


def _confused(zq, eq, zlo, zhi, eb, qe, zu, eu, r) -> Verdict | None:
    """三百亿斤 given as "30 million tons": the Chinese unit read as the unit it is confused with
    (reconcile.toml [confusable]: 斤 as kilograms), then converted. A unit_mismatch with the reading."""
    alt = r["confusable"].get(zu)
    if alt is None or alt == eu or r["dim"].get(alt) != r["dim"].get(eu):
        return None
    conv = r["factor"][eu] / r["factor"][alt]
    if _relate(zlo, zhi, (eb[0] * conv, eb[1] * conv), qe * conv, zq.approx, eq.approx) in ("equal", "rounded"):
        return Verdict("unit_mismatch", None, f"{zq.unit} read as {alt}, then given in {eq.unit}", 6)
    return None


@_by_identity(Quantity)
def _as_points(eq):
    """An English "20 points" read as percentage points (for a Chinese 百分点 figure)."""
    return dataclasses.replace(eq, unit="percent", kind="percent")


def _scale_note(zq, eq) -> str:
    zs, es = zq.scale or "", eq.scale or ""
    return f" ({zs or 'no scale word'} vs {es or 'no scale word'})" if zs or es else ""


def _relate(zlo, zhi, eb, qe, za, ea) -> str | None:
    elo, ehi = eb
    a, b = _close(zlo, elo, qe), _close(zhi, ehi, qe)
    if a and b:
        return "rounded" if "rounded" in (a, b) else "equal"
    # one side a range, the other a qualified figure inside it (七八百 / "about 750")
    if zlo != zhi and elo == ehi and zlo <= elo <= zhi and ea:
        return "overlap"
    if elo != ehi and zlo == zhi and elo <= zlo <= ehi and (za or ea):
        return "overlap"  # "hundreds of youths" for 成百名 (100): a vague English range holds it
    if zlo != zhi and elo != ehi and zlo <= ehi and elo <= zhi and (za or ea):
        return "overlap"
    # a vague range (十几年, 11..19) and a bound ("more than ten years"): the bound's reach overlaps
    if zlo != zhi and elo == ehi and ea and za:
        a, b = _reach(elo, ea)
        if a <= zhi and zlo <= b:
            return "overlap"
    if elo != ehi and zlo == zhi and za and ea:
        a, b = _reach(zlo, za)
        if a <= ehi and elo <= b:
            return "overlap"
    return None


def _reach(v: Decimal, approx: str) -> tuple[Decimal, Decimal]:
    """The values a qualified figure may stand for: "more than 10" 10..20, "nearly 10" 5..10."""
    g = _approx_group(approx)
    if g == "up":
        return v, v * 2
    if g in ("down", "near"):
        return v / 2, v
    return v * Decimal("0.8"), v * Decimal("1.25")


_NEAR_REL = Decimal("0.05")


def _last_place(v: Decimal) -> Decimal:
    """The place of the last non-zero digit: 39000 -> 1000, 1029000 -> 1000, 2.5 -> 0.1."""
    t = v.normalize().as_tuple()
    return Decimal(1).scaleb(t.exponent)


def _next_round(zq, eq) -> bool:
    """A figure "more than X" on one side and "nearly"/"about" the next round figure Y on the other
    (X < Y <= X + the place of X's last digit, and Y within 5% of X): 三万九千多 (39,000-39,999) is
    "nearly 40,000"."""
    lo_q, hi_q = (zq, eq) if _approx_group(zq.approx) == "up" else (eq, zq)
    if _approx_group(lo_q.approx) != "up" or _approx_group(hi_q.approx) not in ("near", "about"):
        return False
    if lo_q.high is not None or hi_q.high is not None or space(zq) != space(eq):
        return False
    x, y = bounds(lo_q)[0], bounds(hi_q)[0]
    # within a twentieth: 三万多 (30,000-39,999) is no "nearly 40,000", nor 近四万 "more than 30,000"
    return x < y <= x + _last_place(x) and (y - x) <= y * _NEAR_REL


def _approx_verdict(zq, eq, rel, cnote) -> Verdict:
    notes = [n for n in (cnote, "rounded" if rel == "rounded" else "",
                         "range overlap" if rel == "overlap" else "") if n]
    za, ea = zq.approx, eq.approx
    base = {"equal": 10, "rounded": 9, "overlap": 8.5}[rel]
    if _approx_ok(za, ea):
        return Verdict("match", None, "; ".join(notes), base + (1 if za == ea else 0))
    ranged = zq.high is not None and _d(zq.high) != _d(zq.value)
    if rel == "overlap" and ranged and za and ea:
        # 十几年 "more than ten years", 一千几百万 "more than ten million": vague both ways
        return Verdict("match", None, "; ".join(notes + ["vague on both sides"]), base)
    if ranged and _approx_group(za) in (None, "about", "near") and _approx_group(ea) in (None, "about", "near"):
        # 二三百 is "about two to three hundred" and 一二年 "one or two years": a range is approximate
        return Verdict("match", None, "; ".join(notes + ["a range is approximate"]), base)
    if rel in ("rounded", "overlap") and ea in ("about", "nearly") and not za:
        return Verdict("match", None, "; ".join(notes + ["English 'about' for a rounded figure"]), base - 0.5)
    if za == "about" and _approx_group(ea) == "up" and rel == "equal" and zq.high is None \
            and (zq.text or "").startswith(rules()["reach_prefixes"]):
        return Verdict("match", None, "; ".join(notes + [f"{zq.text[:2]} reaches the round figure"]), base - 0.5)
    if rel == "rounded" and _next_round(zq, eq):
        # 三万九千多 "nearly 40,000" / "about 40,000"; 近四万 "more than 39,000": the same few values
        return Verdict("match", None, "; ".join(notes + [f"'{ea}' the next round figure"]), base - 0.5)
    if za and not ea:
        return Verdict("approx_dropped", None, f"{za} not rendered" + (f"; {'; '.join(notes)}" if notes else ""),
                       base - 2)
    if ea and not za:
        if rel == "rounded" and ((ea in ("more_than", "at_least") and _d(eq.value) < _d(zq.value))
                                 or (ea in ("less_than", "at_most", "nearly") and _d(eq.value) > _d(zq.value))):
            return Verdict("match", None, "; ".join(notes + [f"English '{ea}' for a rounded figure"]), base - 0.5)
        return Verdict("approx_added", None, f"English adds {ea}" + (f"; {'; '.join(notes)}" if notes else ""),
                       base - 2)
    return Verdict("approx_dropped", None, f"qualifier changed: {za} -> {ea}", base - 2.5)


# ---------------------------------------------------------------- pairing


_EN_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion)\b", re.I)
_EN_VAGUE = re.compile(r"\b(?:several|few|dozens|hundreds|thousands|millions|billions|tens|scores|some|many|"
                       r"a|an|per|half|double|doubled|twice|both)\b(?!\s*(?:\d|percent|%))", re.I)


def _other_nouns(zq, eq) -> bool:
    """Both figures name what they count, and not the same thing (nor two measures of one dimension)."""
    zu, eu = unit_key(zq.unit), unit_key(eq.unit)
    if not zu or not eu or zu == eu:
        return False
    dims = rules()["dim"]
    return dims.get(zu, zu) != dims.get(eu, eu)


def _significant_en(q) -> bool:
    """An unpaired English figure worth reporting as extra_in_en: written with digits or number
    words ("a village", "several times", "hundreds of", "half" are not), not a date or ordinal,
    and a unit, scale, qualifier, percentage, range or a value of 10 or more."""
    if q.kind in OUT_OF_SCOPE_KINDS:
        return False
    v = _d(q.value)
    if v is None or not _EN_NUMBER_WORD.search(q.text or ""):
        return False
    if _EN_VAGUE.search(q.text or "") and not re.search(r"\d", q.text or ""):
        return False
    return bool(q.unit or q.scale or q.approx or q.kind in ("percent", "fraction", "multiple")
                or abs(v) >= 10 or q.high is not None)


_ZH_DIGITS = "〇一二三四五六七八九"
_FW = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def _zh_int(n: int) -> str:
    """Standard Chinese numeral for 0 <= n < 10^16 (二十六万七千, 一亿零六百八十三万)."""
    if n == 0:
        return "零"
    units = ["", "十", "百", "千"]

    def four(x):
        out, zero = "", False
        for i in range(3, -1, -1):
            d = x // 10 ** i % 10
            if d:
                if zero and out:
                    out += "零"
                out += _ZH_DIGITS[d] + units[i]
                zero = False
            else:
                zero = True
        return out

    parts, big = [], ["", "万", "亿", "万亿"]
    i = 0
    while n:
        parts.append((n % 10000, big[i]))
        n //= 10000
        i += 1
    out = ""
    for k, (x, b) in enumerate(reversed(parts)):
        if x:
            if out and x < 1000:
                out += "零"
            out += four(x) + b
    out = out.replace("零零", "零")
    if out.startswith("一十"):
        out = out[1:]
    return out


def zh_renderings(v: Decimal) -> set[str]:
    """Ways the Chinese text may write value ``v`` (for telling an English figure's source apart)."""
    out = set()
    if v is None or not v.is_finite() or v < 0:
        return out
    s = dec(v)
    out.add(s)
    ip, _, fp = s.partition(".")
    digit = "".join(_ZH_DIGITS[int(c)] for c in ip)
    if fp:
        frac = "".join(_ZH_DIGITS[int(c)] for c in fp)
        out |= {digit + "点" + frac, _zh_int(int(ip)) + "点" + frac}
    elif len(ip) > 1:
        out |= {digit, digit.replace("〇", "○"), digit.replace("〇", "零")}
    if not fp and int(ip) < 10 ** 16:
        n = int(ip)
        std = _zh_int(n)
        out.add(std)
        if std.startswith("二") and n >= 100:
            out.add("两" + std[1:])
        for scale, word in ((10 ** 8, "亿"), (10 ** 4, "万")):
            if n >= scale and n % scale == 0:
                out.add(_zh_int(n // scale) + word)
                out.add(f"{n // scale}{word}")
            elif n >= scale:
                q = Decimal(n) / scale
                out.add(f"{dec(q)}{word}")
    return {x for x in out if x}


def _zh_mentions(zh_text: str, v: Decimal) -> bool:
    norm = "".join(zh_text.translate(_FW).split())
    return any(r in norm for r in zh_renderings(v))


@lru_cache(maxsize=1)
def _unit_forms() -> dict:
    """English forms of each unit key, from the quantity extractors' pipeline/data/units.toml."""
    path = Path(__file__).parent / "data" / "units.toml"
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    out = {}
    for key, t in raw.items():
        if isinstance(t, dict) and t.get("en"):
            forms = sorted((f for f in t["en"] if isinstance(f, str) and f), key=len, reverse=True)
            # the noun right after the word or two words on ("a single bolt"); after "both", "each" ...
            # a few words on, in the clause ("both the 'tiger hunting' and production fronts")
            alt = "|".join(map(re.escape, forms))
            out[key] = (re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:" + alt + r")\b", re.I),
                        re.compile(r"\s+(?:[^\s,.;:!?()]+\s+){0,5}?(?:" + alt + r")\b", re.I))
    return out


_ARTICLES = frozenset(("a", "an", "the", "one"))


def _not_a_count(text, zq) -> bool:
    """A lone Chinese reading that is no count: a bare numeral character, or 一 after 这/每/另 ..."""
    if text is None or zq.approx or zq.high is not None:
        return False
    t = (zq.text or "").strip()
    if len(t) == 1 and not zq.unit and space(zq) == "count":
        return True
    if t.startswith("一") and _d(zq.value) == 1:
        before = text[max(0, zq.start - 2):zq.start]
        if any(before.endswith(d) for d in rules()["determiners"]):
            return True
        # 一家七口: the household counted by its members right after it
        return t in rules()["frames"] and text[zq.end:zq.end + 1] in _ZH_NUMERAL_START
    return False


_ZH_NUMERAL_START = frozenset("一二两三四五六七八九十0123456789０１２３４５６７８９")


def _lone_word(text, bead: Bead, zq, taken: set | None = None, en_spans=None,
               blocked=frozenset()) -> tuple[str, int] | None:
    """The English words that render a lone Chinese figure (see reconcile.toml [lone]) and where
    they start, or None. A vague count (几, 数: 2..9) is rendered by "several", "a few" ([lone_vague]);
    a qualifier (一个多月) is the caller's to judge.

    Each word renders one figure: its offset is added to ``taken``."""
    lo, hi = _d(zq.value), _d(zq.high)
    r = rules()
    if hi is not None and hi != lo:
        pat = r["lone_vague"].get((lo, hi))
    else:
        pat = r["lone"].get(lo)
    if pat is None or text is None:
        return None
    taken = set() if taken is None else taken
    k, sb = _sentence_of(bead, zq.start, "zh")
    if sb is not None and sb.en:
        # the aligned sentence first, then the sentences beside it (one Chinese sentence is often
        # three English ones, and the sentence alignment may give the third to the next bead)
        near = [bead.sentences[x] for x in (k - 1, k + 1) if 0 <= x < len(bead.sentences)]
        spans = list(sb.en) + [sp for b in near for sp in b.en]
    else:
        spans = [(s, e) for b in bead.sentences for s, e in b.en]
    if not spans:
        spans = list(en_spans or ())
    # with a known unit, the word must come with it: "per day", "a single bolt", "both sides" ...
    # (generic classifiers such as 一种, 一项 are rendered "a view", "a task": any noun will do)
    unit_pat = _unit_forms().get(zq.unit) if zq.unit and zq.unit not in rules()["generic_units"] else None
    adj = rules()["lone_unit"].get(zq.unit) if lo == 1 and hi is None else None
    if adj is not None:
        for s, e in spans:
            for m in adj.finditer(text, s, e):
                if m.start() not in taken and m.start() not in blocked:
                    taken.add(m.start())
                    return m.group(), m.start()
    for s, e in spans:
        for m in pat.finditer(text, s, e):
            if m.start() in taken or m.start() in blocked:
                continue
            if unit_pat is not None:
                u = unit_pat[m.group().lower() not in _ARTICLES].match(text, m.end(), e)
                if not u:
                    continue
                taken.add(m.start())
                return text[m.start():u.end()], m.start()
            taken.add(m.start())
            return m.group(), m.start()
    return None


_TIME_SPAN = re.compile(r"the\s+(?:past|last|previous|next|coming|whole|entire)\b", re.I)


def _lone_verdict(text, zq, word: str, start: int) -> Verdict:
    """A lone figure said in a word: a match, unless the Chinese qualifies an exact figure (一个多月)
    and the English has no qualifier of its group before the word ("over the past month")."""
    note = f"rendered in a word: {word!r}"
    if not zq.approx or (zq.high is not None and _d(zq.high) != _d(zq.value)):
        return Verdict("match", None, note)
    w = rules()["ctx_en_window"]
    before = text[max(0, start - w):start].replace("\n", " ")
    ea = next((a for a, pat in rules()["ctx_en"] if pat.search(before)), None)
    if _TIME_SPAN.match(word):
        ea = None  # "over the past month" is "during", not "more than" (the patterns see only "Over ")
    if ea and _approx_ok(zq.approx, ea):
        return Verdict("match", None, f"{note}, with '{ea}'")
    return Verdict("approx_dropped", None, f"{zq.approx} not rendered; {note}")


#: clause marks: the Chinese list mark 、 and the English comma (not inside "1,000") count as one
_CLAUSE = re.compile(r"[，；;：:、]|,(?!\d)")


def _in_sentence(bead: Bead, q, lang: str, text: str | None = None) -> float:
    """Where a figure sits in its aligned sentence unit, 0 (start) .. 1 (end): by characters, and
    with ``text`` the mean of that and its clause's place among the unit's clauses (a clause the
    translation drops moves the characters after it, not the clauses: 他们一口人要…，哪怕一口人只…
    "even if one person only ...")."""
    _, sb = _sentence_of(bead, q.start, lang)
    spans = (sb.zh if lang == "zh" else sb.en) if sb is not None else ()
    if not spans:
        return 0.5
    total = sum(e - s for s, e in spans) or 1
    before = sum(min(e, q.start) - s for s, e in spans if s < q.start)
    by_chars = max(0.0, min(1.0, before / total))
    if text is None:
        return by_chars
    n = k = 0
    for s, e in spans:
        n += 1
        k += s <= q.start
        for m in _CLAUSE.finditer(text, s, e):
            n += 1
            k += m.end() <= q.start
    return (by_chars + (k - 0.5) / n) / 2


def _sentence_of(bead: Bead, start: int, lang: str):
    for k, sb in enumerate(bead.sentences):
        for s, e in (sb.zh if lang == "zh" else sb.en):
            if s <= start < e:
                return k, sb
    return None, None


def _span(spans):
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (None, None)


def reconcile_article(article, zh=None, en=None, beads: list[Bead] | None = None) -> pd.DataFrame:
    """One row per Chinese figure (paired or ``missing_in_en``) and per unpaired English figure.

    ``zh`` / ``en``: (Segment, Quantity) lists from :func:`pipeline.mentions.article_quantities`
    (computed when None); ``beads``: an alignment from :func:`pipeline.align.align_paragraphs`
    (computed when None). Columns: :data:`COLUMNS` + :data:`EXTRA_COLUMNS`.
    """
    from pipeline.mentions import article_quantities

    if zh is None:
        zh = article_quantities(article, "zh")
    if en is None:
        en = article_quantities(article, "en")
    if beads is None:
        beads = align_paragraphs(article, zh, en)
    text = article.text
    zby: dict[int, list] = {}
    eby: dict[int, list] = {}
    for seg, q in zh:
        zby.setdefault(seg.index, []).append((seg, q))
    for seg, q in en:
        eby.setdefault(seg.index, []).append((seg, q))

    rows = []
    lone: list[tuple] = []  # rows of Chinese figures missing in their aligned unit
    rendered: list[tuple] = []  # (start, end of an English figure, the Chinese figure it renders)
    used_en: set[tuple[int, int]] = set()
    en_seen: dict[tuple[int, int], tuple] = {}
    en_beads: dict[tuple[int, int], list[int]] = {}
    used_values: dict[int, set] = {}
    for bi, bead in enumerate(beads):
        zs = [p for i in bead.zh for p in zby.get(i, [])]
        es = [p for i in bead.en for p in eby.get(i, [])]
        for seg, q in es:
            en_seen.setdefault((q.start, q.end), (bi, seg, q))
            en_beads.setdefault((q.start, q.end), []).append(bi)
        if bead.zh == (META,):
            for seg, q in es:
                used_en.add((q.start, q.end))
            continue
        pairs, absorbed = _pair(text, bead, zs, es, _en_spans(article, bead))
        for seg, q in es:
            if (q.start, q.end) in absorbed or any(e is not None and e[1] is q for _, e, _ in pairs):
                used_en.add((q.start, q.end))
                used_values.setdefault(bi, set()).add(_d(q.value))
        for (zseg, zq), epair, v in pairs:
            rows.append(_row(article, bi, bead, zseg, zq, *(epair or (None, None)), v))
            if v.verdict == "missing_in_en" and bead.zh != (TITLE,):
                lone.append((len(rows) - 1, bi, zseg, zq))
            elif epair is not None:
                rendered.append((epair[1].start, epair[1].end, zq))
    if lone:
        merged = _next_door(article, beads, rows, lone, eby, used_en, used_values)
    else:
        merged = set()
    for key, (bi, seg, q) in en_seen.items():
        if key in used_en or seg.index in (META,) or not _significant_en(q):
            continue
        bis = en_beads[key]
        gloss = _gloss(text, q, rendered)
        if gloss == "converts":
            continue  # "20,000 jin (10,000 kilograms)": the translator's conversion of the figure before it
        if not gloss:
            if any(_d(q.value) in used_values.get(b, ()) for b in bis):
                continue  # the English repeats a figure it rendered (title and subtitle)
            if any(_zh_mentions(_zh_text(article, beads[b]), _d(q.value)) for b in bis):
                continue  # the Chinese writes it, as a name (六六六) or in a form the extractor left out
        bead = beads[bi]
        if gloss:
            note = f"a conversion in brackets that does not convert ({gloss})"
        elif not bead.zh:
            note = "English paragraph with no Chinese source"
        else:
            note = "no Chinese figure of this value in the aligned paragraph"
        rows.append(_row(article, bi, bead, None, None, seg, q, Verdict("extra_in_en", None, note)))
    rows.sort(key=lambda r: (r.pop("_bead"), r.pop("_pos")))
    cols = COLUMNS + EXTRA_COLUMNS
    # column by column is faster than from the row dicts (same dtypes and values); no rows: the usual way
    # (no ``columns=``: the dict's keys are the columns in order, and selecting them again costs)
    data = {c: [r[c] for r in rows] for c in cols}
    df = pd.DataFrame(data) if rows else pd.DataFrame(rows, columns=cols)
    _LAST_FRAME[0] = (df, data, len(rows))  # for records(df): the rows without reading the frame back
    # the alignment's findings, for check and the summary (paragraphs with no figure included)
    # (a paragraph called dropped whose every figure was found next door was merged there, not dropped)
    df.attrs["alignment"] = [b.note for k, b in enumerate(beads) if b.note and (b.dropped or b.merged or not b.zh)
                             and b.zh != (TITLE,) and "title repeat" not in b.note and k not in merged]
    df.attrs["dropped_paragraphs"] = [i for k, b in enumerate(beads) if b.dropped and k not in merged
                                      for i in b.zh if i >= 0]
    return df


_LAST_FRAME: list = [None]

#: how DataFrame.to_dict("records") gives back a cell of a column of each dtype
_NAN = float("nan")
_BOX = {
    "int64": int,
    "float64": lambda v: _NAN if v is None else float(v),
    "str": lambda v: _NAN if v is None else v,
    "object": lambda v: v,
}


def records(df: pd.DataFrame) -> list[dict]:
    """``df.to_dict("records")`` of a frame :func:`reconcile_article` returned: the same dicts
    (same keys, values and types: NaN for a missing value in a float or text column, None in an
    object column), made from the rows it was built from when ``df`` is the last frame built
    (and unchanged since: do not call it on a frame you modified), else by pandas. Reading a
    frame back cell by cell costs about as much as building it (pandas 3 text columns are arrow
    arrays); :mod:`pipeline.facts` reads every row of it."""
    hit = _LAST_FRAME[0]
    if hit is None or hit[0] is not df or len(df) != hit[2] or not hit[2]:
        return df.to_dict("records")
    _, data, n = hit
    cols = list(df.columns)
    if cols != list(data):
        return df.to_dict("records")
    boxes = []
    for c, dt in zip(cols, df.dtypes):
        box = _BOX.get(str(dt))
        if box is None:
            return df.to_dict("records")
        boxes.append(box)
    columns = [[box(v) for v in data[c]] for c, box in zip(cols, boxes)]
    return [dict(zip(cols, row)) for row in zip(*columns)]


def _zh_scale(t: str) -> str | None:
    for w in ("万万", "亿", "万"):
        if w in t:
            return w
    return None


_ZH_DIGIT_CHARS = "〇○零一二三四五六七八九"
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ZH_DIGIT_STRING = re.compile(f"[{_ZH_DIGIT_CHARS}]{{2,}}")


def _en_writes(text: str, en_spans, zq, blocked=frozenset()) -> tuple[str, bool] | None:
    """The digits of a Chinese number of 3+ digits or with decimals found verbatim in the English
    side, outside the English figures (``blocked``: offsets inside them), and whether the Chinese
    writes it digit by digit (熊岳二五三 "Xiongyue 253", 二八分红 "two-eight split": a name or a label,
    in digits or in digit words). None when the English does not write it."""
    v = _d(zq.value)
    if v is None or zq.high is not None or space(zq) != "count" or zq.unit:
        return None
    d = dec(v)
    digit_string = bool(_ZH_DIGIT_STRING.fullmatch((zq.text or "").strip()))
    pats = []
    if "." in d or len(d.lstrip("-")) >= 3:
        pats.append(re.compile(r"(?<![\d.,])" + re.escape(d) + r"(?![\d]|[.,]\d)"))
    if digit_string:
        ds = [_ZH_DIGITS.index(c) if c in _ZH_DIGITS else 0 for c in zq.text.strip()]  # ○, 零: 0
        pats.append(re.compile(r"(?<![\w-])" + r"[-\s:]".join(_DIGIT_WORDS[x] for x in ds) + r"(?![\w-])", re.I))
        pats.append(re.compile(r"(?<![\d.,])" + r"[-:]".join(str(x) for x in ds) + r"(?![\d]|[.,]\d)"))
    for pat in pats:
        for s, e in en_spans or ():
            for m in pat.finditer(text, s, e):
                if m.start() not in blocked:
                    return m.group(), digit_string
    return None


def _en_spans(article, bead: Bead) -> list[tuple[int, int]]:
    """Spans of the English side of a bead (the title line, paragraphs)."""
    paras = {p.index: p for p in article.paragraphs_en}
    out = []
    for i in bead.en:
        if i == TITLE and article.title_en_span:
            out.append(article.title_en_span)
        elif i in paras:
            out.append((paras[i].start, paras[i].end))
    return out


def _zh_text(article, bead: Bead) -> str:
    parts = []
    paras = {p.index: p for p in article.paragraphs_zh}
    for i in bead.zh:
        if i == TITLE and article.title_zh_span:
            parts.append(article.text[article.title_zh_span[0]:article.title_zh_span[1]])
        elif i in paras:
            parts.append(paras[i].text)
    return "\n".join(parts)


def _uncross(text, zs, es, zdone) -> None:
    """A figure written twice or more on both sides (一千米 … 一千米, "1,000-meter" … "1,000-meter") keeps
    its order: copies of one reading paired with English copies of one value, with one verdict,
    are re-paired first to first (the greedy pairing by score may cross them). Changes ``zdone``
    in place."""
    if len(zdone) < 2:
        return
    groups: dict = {}
    for i, (j, v) in zdone.items():
        zq, eq = zs[i][1], es[j][1]
        key = (bounds(zq), unit_key(zq.unit), zq.approx, zq.kind, bounds(eq), unit_key(eq.unit), eq.approx,
               eq.kind, v.verdict)
        groups.setdefault(key, []).append(i)
    for ids in groups.values():
        if len(ids) < 2:
            continue
        ids.sort(key=lambda i: zs[i][1].start)
        js = sorted((zdone[i][0] for i in ids), key=lambda j: es[j][1].start)
        if [zdone[i][0] for i in ids] == js:
            continue
        new = {i: (j, judge_in_text(text, zs[i][1], es[j][1])) for i, j in zip(ids, js)}
        if all(v is not None and v.verdict == zdone[i][1].verdict for i, (_, v) in new.items()):
            zdone.update(new)


_RESPECTIVELY_EN = re.compile(r"\brespectively\b", re.I)


def _respectively(text, bead: Bead, zs, es, scope, zdone) -> None:
    """A list said respectively (A、B、C分别增长10%、15%和20% / "... 10%, 20% and 15% respectively")
    pairs its figures by place in the list: when the English gives the same values in another
    order, each figure is attached to another item, a ``value_mismatch`` (the pairing by value
    would call them all matches). Only lists of two or more figures of one kind and unit, all
    paired, after 分别 in a Chinese sentence whose aligned English says "respectively".
    Changes ``zdone`` in place."""
    if len(scope) < 2 or not any(text.find("分别", s, e) >= 0 for sb in bead.sentences for s, e in sb.zh):
        return
    for sb in bead.sentences:
        if not sb.zh or not sb.en or not any(_RESPECTIVELY_EN.search(text, s, e) for s, e in sb.en):
            continue
        marks = [text.find("分别", s, e) for s, e in sb.zh]
        marks = [(m, e) for m, (s, e) in zip(marks, sb.zh) if m >= 0]
        if not marks:
            continue
        groups: dict = {}
        for i, (_, zq) in scope:
            if i in zdone and any(m <= zq.start < e for m, e in marks):
                groups.setdefault((space(zq), unit_key(zq.unit)), []).append(i)
        for ids in groups.values():
            if len(ids) < 2:
                continue
            js = [zdone[i][0] for i in ids]
            if any(not any(s <= es[j][1].start < e for s, e in sb.en) for j in js):
                continue  # rendered outside the aligned sentence: not the English list
            by_place = sorted(js, key=lambda j: es[j][1].start)
            if by_place == js:
                continue  # the same order: the pairing by value stands
            if sorted(bounds(zs[i][1]) for i in ids) != sorted(bounds(es[j][1]) for j in js):
                continue  # not the same values in another order
            for i, j in zip(ids, by_place):
                if j != zdone[i][0]:
                    zq, eq = zs[i][1], es[j][1]
                    zv, ev = bounds(zq), bounds(eq)
                    zdone[i] = (j, Verdict("value_mismatch", None,
                                           f"{dec(zq.value)} vs {dec(eq.value)}: the list said respectively gives "
                                           f"its figures in another order (each is attached to another item)", 1))


def _compounds(zs, es):
    """Two Chinese measures written as one (一斤二两, 三丈五尺: the larger unit, then a smaller one of the
    same dimension right after it) become one figure in the larger unit (1.2 jin) when the English
    has a figure that renders the two as one ("1.2 jin") and neither part alone. Before 1959 a jin had 16 liang: both
    readings are tried. Returns ``zs`` (a new list when something was joined)."""
    if len(zs) < 2 or not es:
        return zs
    r = rules()
    dims, factors = r["dim"], r["factor"]
    out, k, joined = [], 0, False
    while k < len(zs):
        seg, q1 = zs[k]
        if k + 1 < len(zs):
            q2 = zs[k + 1][1]
            u1, u2 = unit_key(q1.unit), unit_key(q2.unit)
            if q1.end == q2.start and u1 in dims and u2 in dims and dims[u1] == dims[u2] \
                    and factors[u1] > factors[u2] and q1.high is None and q2.high is None \
                    and not q1.approx and q1.kind == q2.kind == "number" \
                    and _d(q1.value) is not None and _d(q2.value) is not None:
                best = None
                # English figures neither part reads as: the joined figure may be one of them
                others = [x for _, x in es if x.kind not in OUT_OF_SCOPE_KINDS
                          and not any((v := judge(p_, x)) is not None and v.score >= 9 for p_ in (q1, q2))]
                steps = [factors[u2] / factors[u1]]
                if (u1, u2) == ("jin", "liang"):
                    steps.append(Decimal(1) / 16)  # the old jin of 16 liang
                for step in steps if others else ():
                    value = _d(q1.value) + _d(q2.value) * step
                    if step != steps[0]:
                        value = value.quantize(Decimal("0.0001"))
                    merged = dataclasses.replace(q1, text=q1.text + q2.text, end=q2.end, value=value,
                                                 approx=q2.approx)
                    if any((v := judge(merged, e)) is not None and v.verdict == "match" for e in others):
                        best = merged
                        break
                if best is not None:
                    out.append((seg, best))
                    k += 2
                    joined = True
                    continue
        out.append((seg, q1))
        k += 1
    return out if joined else zs


def _pair(text, bead: Bead, zs, es, en_spans=()):
    """Pair the figures of one bead. Returns ([(zpair, epair|None, Verdict)], absorbed en keys)."""
    absorbed = set()
    zs = _compounds(zs, es)
    scope = [(i, p) for i, p in enumerate(zs) if p[1].kind not in OUT_OF_SCOPE_KINDS]
    oos = [(i, p) for i, p in enumerate(zs) if p[1].kind in OUT_OF_SCOPE_KINDS]
    nz, ne = len(zs), len(es)

    def relpos(q, lang):
        k, sb = _sentence_of(bead, q.start, lang)
        return k

    zsent = [relpos(q, "zh") for _, q in zs]
    esent = [relpos(q, "en") for _, q in es]
    zpos: list = [None] * nz  # where each figure sits in its aligned sentence (computed when needed)
    epos: list = [None] * ne
    zorder = {id(q): i / max(1, nz - 1) for i, (_, q) in enumerate(zs)}
    eorder = {id(q): j / max(1, ne - 1) for j, (_, q) in enumerate(es)}

    cands = []
    for i, (zseg, zq) in scope:
        form = _multiple_form(text, zq.start, zq.value) if space(zq) in ("times", "ratio") else None
        for j, (eseg, eq) in enumerate(es):
            if eq.kind in OUT_OF_SCOPE_KINDS:
                continue
            v = judge_in_text(text, zq, eq, form)
            if v is None:
                continue
            if v.verdict == "scale_error" and (_zu(zq, eq) != unit_key(eq.unit) and zq.unit and eq.unit):
                continue  # 一家 (1 household) and "ten years" are not a scale slip
            if v.verdict == "unit_mismatch" and _d(eq.value) == 1 and not _EN_NUMBER_WORD.search(eq.text or ""):
                continue  # 一年 and "per day" (每天): two different "one"s, not a unit slip
            if "range overlap" in v.note and _other_nouns(zq, eq):
                continue  # 两车间 is not "a few days": a vague range holds a figure only of its own noun
            if v.verdict in ("value_mismatch", "unit_mismatch") and v.score <= 2:
                # a different number: only a candidate in the same aligned sentence, same unit and space
                # (or the sentence next to it when both name the same unit: the sentence alignment errs)
                if zsent[i] is None or esent[j] is None or _zu(zq, eq) != unit_key(eq.unit) \
                        or space(zq) != space(eq) or (zq.kind != eq.kind):
                    continue
                if zsent[i] != esent[j] and (abs(zsent[i] - esent[j]) > 1 or not zq.unit or not eq.unit):
                    continue
            s = v.score
            zu, eu = _zu(zq, eq), unit_key(eq.unit)
            if zu and zu == eu:
                s += 0.5
            elif zu and eu and (zu in rules()["dim"]) != (eu in rules()["dim"]):
                s -= 4  # 两小时 is not "both sides": a measure against another noun
            elif zu and eu and zu != eu:
                s -= 1  # two different nouns (两国, "both sides"): prefer a figure without or with the same
            if zsent[i] is not None and zsent[i] == esent[j]:
                s += 1.5
                # within one aligned sentence, compare where the figures sit in it
                if zpos[i] is None:
                    zpos[i] = _in_sentence(bead, zq, "zh", text)
                if epos[j] is None:
                    epos[j] = _in_sentence(bead, eq, "en", text)
                s -= 2.0 * abs(zpos[i] - epos[j])
            else:
                s -= 2.0 * abs(zorder[id(zq)] - eorder[id(eq)])
            cands.append((s, i, j, v))
    zdone, edone, out = {}, set(), []
    split_rows: dict[int, list] = {}
    taken: set[int] = set()  # English words already used to render a lone figure
    # offsets inside the English figures: their words belong to them, never to a lone figure
    en_taken = {k for _, eq in es for k in range(eq.start, eq.end)}
    # a Chinese range left alone may be two English figures: 从八百万到十五亿 "from 8 million to 15 billion"
    for i, (zseg, zq) in scope:
        if i in zdone or zq.high is None or _d(zq.high) == _d(zq.value):
            continue
        if any(c[1] == i and c[3].score >= 5 for c in cands):
            continue  # the range has a rendering of its own
        import dataclasses
        lo_q = dataclasses.replace(zq, high=None)
        hi_q = dataclasses.replace(zq, value=zq.high, high=None)
        exact = {c[2] for c in cands if c[1] != i and c[3].score >= 10}  # other figures' exact renderings
        free = [j for j in range(ne) if j not in edone and j not in exact
                and es[j][1].kind not in OUT_OF_SCOPE_KINDS]
        best = None
        for j1 in free:
            v1 = judge(lo_q, es[j1][1])
            if v1 is None or v1.verdict != "match":
                continue
            for j2 in free:
                if j2 == j1 or es[j2][1].start < es[j1][1].start:
                    continue
                v2 = judge(hi_q, es[j2][1])
                if v2 is None or v2.score < 5:
                    continue
                key = (v2.score, -(es[j2][1].start - es[j1][1].end))
                if best is None or key > best[0]:
                    best = (key, j1, j2, v2)
        if best is not None:
            _, j1, j2, v2 = best
            both = f"range rendered as two figures: {es[j1][1].text!r} .. {es[j2][1].text!r}"
            jrow = j2 if v2.verdict != "match" else j1
            zdone[i] = (jrow, Verdict(v2.verdict, v2.factor, "; ".join(x for x in (both, v2.note) if x), v2.score))
            m = _RANGE_SEP.search(zq.text)
            if m and 0 < m.start() and m.end() < len(zq.text):
                # one row per end, each with its own Chinese surface and offsets
                lo_t, hi_t = zq.text[:m.start()], zq.text[m.end():]
                lo_z = dataclasses.replace(lo_q, text=lo_t, end=zq.start + m.start(), scale=_zh_scale(lo_t))
                hi_z = dataclasses.replace(hi_q, text=hi_t, start=zq.start + m.end(), scale=_zh_scale(hi_t))
                v2 = judge(hi_z, es[j2][1]) or v2
                split_rows[i] = [(lo_z, j1, Verdict("match", None, "one end of a Chinese range", 10)),
                                 (hi_z, j2, Verdict(v2.verdict, v2.factor,
                                                    "; ".join(x for x in ("one end of a Chinese range", v2.note) if x),
                                                    v2.score))]
            edone.update((j1, j2))
            absorbed.add((es[j1][1].start, es[j1][1].end))
            absorbed.add((es[j2][1].start, es[j2][1].end))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    for s, i, j, v in cands:
        if i in zdone or j in edone:
            continue
        zdone[i] = (j, v)
        edone.add(j)
    _uncross(text, zs, es, zdone)
    _respectively(text, bead, zs, es, scope, zdone)
    # two Chinese figures may be one English range: 三年、五年 "three to five years"
    by_e = {j: i for i, (j, _) in zdone.items()}
    for i, (zseg, zq) in scope:
        if i in zdone:
            continue
        for j, (eseg, eq) in enumerate(es):
            if eq.high is None or j not in by_e or zq.high is not None:
                continue
            other = zs[by_e[j]][1]
            ends = {_d(eq.value), _d(eq.high)}
            if {_d(zq.value), _d(other.value)} == ends and unit_key(zq.unit) in (None, unit_key(eq.unit)):
                zdone[i] = (j, Verdict("match", None, f"one end of the English range {eq.text!r}", 10))
                if zdone[by_e[j]][1].verdict == "value_mismatch":
                    zdone[by_e[j]] = (j, Verdict("match", None, f"one end of the English range {eq.text!r}", 10))
                break
    # out-of-scope Chinese figures (dates, ordinals) absorb their English renderings
    # (first a date or ordinal in the aligned sentence: the list mark （二） is "(2)", not the
    # "Second" of 二所 two sentences before)
    for i, (zseg, zq) in oos:
        zv = _d(zq.value)
        if zv is None:
            continue
        best = None
        for j, (eseg, eq) in enumerate(es):
            if j in edone or _d(eq.value) != zv:
                continue
            key = (zsent[i] is None or zsent[i] != esent[j], eq.kind not in OUT_OF_SCOPE_KINDS, j)
            if best is None or key < best[0]:
                best = (key, j)
        if best is not None:
            j = best[1]
            edone.add(j)
            absorbed.add((es[j][1].start, es[j][1].end))
    # offsets inside the English figures paired with another Chinese figure: a digit string there is theirs
    paired_en = {k for j in edone for k in range(es[j][1].start, es[j][1].end)}
    for i, (zseg, zq) in scope:
        if i in split_rows:
            for zpart, j, v in split_rows[i]:
                out.append(((zseg, zpart), es[j], v))
            continue
        if i in zdone:
            j, v = zdone[i]
            out.append((zs[i], es[j], v))
            continue
        # a Chinese number rendered as an English ordinal/date of the same value: a name (三区, 626团)
        hit = None
        for j, (eseg, eq) in enumerate(es):
            if j not in edone and eq.kind in OUT_OF_SCOPE_KINDS and _d(eq.value) == _d(zq.value) \
                    and (zsent[i] is None or esent[j] is None or zsent[i] == esent[j]):
                # in the aligned sentence: "Second, ..." opening another sentence is no 两车间
                hit = j
                break
        if hit is not None:
            edone.add(hit)
            absorbed.add((es[hit][1].start, es[hit][1].end))
            continue
        if _not_a_count(text, zq):
            continue  # 曹二其, 这一天: not a figure, no row
        if not bead.en:
            note = "the English has no title line" if bead.zh == (TITLE,) else (bead.note or "paragraph not aligned")
        elif (digits := _en_writes(text, en_spans, zq, paired_en)):
            if digits[1]:
                continue  # 熊岳二五三 "Xiongyue 253", 二八分红 "two-eight": a name or label, no figure (no row)
            out.append((zs[i], None, Verdict("match", None, f"written in the English as {digits[0]!r} (a name)")))
            continue
        elif (hit := _lone_word(text, bead, zq, taken, en_spans, en_taken)):
            # 一天 "per day", 一座 "a mill", 两侧 "both sides": the English says it in a word
            out.append((zs[i], None, _lone_verdict(text, zq, *hit)))
            continue
        else:
            _, sb = _sentence_of(bead, zq.start, "zh")
            if sb is not None and not sb.en:
                note = "the Chinese sentence has no English counterpart (dropped sentence)"
            else:
                note = "no English figure of this value in the aligned paragraph"
        out.append((zs[i], None, Verdict("missing_in_en", None, note)))
    return out, absorbed


_GLOSS_GAP = re.compile(r"\s*[(（\[]\s*(?:(?:about|approximately|approx\.|around|some|or|i\.e\.,?|roughly)\s+)?$", re.I)


_GLOSS_BEFORE = re.compile(r"\s*[(（\[]\s*")  # "10,000 kilograms (20,000 jin)": the figure rendered in brackets


def _gloss(text: str, eq, rendered) -> str | None:
    """An English figure in brackets right after the English rendering of a Chinese figure (or right
    before it when the rendering is in brackets), giving the amount in another unit of the same
    dimension ("20,000 jin (10,000 kilograms)", "1,500 mu (about 247 acres)", "10,000 kilograms
    (20,000 jin)"): "converts" when it is the translator's conversion (no figure of its own),
    else the Chinese figure it should convert (the gloss is wrong); None when it is no such gloss."""
    for start, end, zq in rendered:
        if (end <= eq.start and eq.start - end <= 24 and _GLOSS_GAP.fullmatch(text, end, eq.start)) \
                or (eq.end <= start and start - eq.end <= 24 and _GLOSS_BEFORE.fullmatch(text, eq.end, start)):
            zu, eu = unit_key(zq.unit), unit_key(eq.unit)
            dims = rules()["dim"]
            if zu and eu and zu != eu and zu in dims and dims.get(eu) == dims[zu]:
                v = judge(dataclasses.replace(zq, approx=None), dataclasses.replace(eq, approx=None))
                return "converts" if v is not None and v.verdict == "match" else f"of {zq.text}"
    return None


def _next_door(article, beads, rows, lone, eby, used_en, used_values) -> set[int]:
    """A Chinese figure missing in its aligned unit whose rendering is an unpaired English figure
    at the edge of the paragraph bead just before or after it (in its last two sentences, or the
    first two of the next; anywhere in them when the alignment found the figure's paragraph
    dropped): the English moved a sentence across a paragraph break. The row is
    judged against it (a match, a dropped qualifier, a slip of scale ...: anything but a different
    number, which stays missing), noted; the English figure is used. Changes ``rows``,
    ``used_en``, ``used_values`` in place. Returns the beads called dropped whose every figure
    was found next door (merged there, not dropped)."""
    text = article.text
    found_in: dict[int, list[bool]] = {}
    for ri, bi, zseg, zq in lone:
        if bounds(zq) is None:
            continue
        best = None
        for nb in (bi - 1, bi + 1):
            if not 0 <= nb < len(beads) or beads[nb].zh in ((META,), (TITLE,)) or not beads[nb].zh:
                continue
            spans = sorted(sp for sb in beads[nb].sentences for sp in sb.en)
            # (a paragraph the alignment calls dropped may be anywhere in its neighbour)
            edge = () if not beads[bi].en else spans[-2:] if nb < bi else spans[:2]
            for i in beads[nb].en:
                for seg, eq in eby.get(i, ()):
                    if (eq.start, eq.end) in used_en or not _significant_en(eq) or eq.kind in OUT_OF_SCOPE_KINDS:
                        continue
                    if edge and not any(s <= eq.start < e for s, e in edge):
                        continue
                    v = judge_in_text(text, zq, eq)
                    if v is None or v.verdict == "value_mismatch" or v.score < 5:
                        continue
                    zu, eu = _zu(zq, eq), unit_key(eq.unit)
                    if zu and eu and zu != eu and (v.verdict == "scale_error"
                                                   or (zu in rules()["dim"]) != (eu in rules()["dim"])):
                        continue  # as in _pair: a slip of scale between like units; a measure is no noun
                    if best is None or v.score > best[0].score:
                        best = (v, nb, seg, eq)
        found_in.setdefault(bi, []).append(best is not None)
        if best is None:
            continue
        v, nb, seg, eq = best
        used_en.add((eq.start, eq.end))
        used_values.setdefault(nb, set()).add(_d(eq.value))
        note = "; ".join(x for x in (f"rendered in the neighbouring English paragraph {seg.index}", v.note) if x)
        row = _row(article, bi, beads[bi], zseg, zq, seg, eq, Verdict(v.verdict, v.factor, note, v.score))
        row["_pos"] = rows[ri]["_pos"]
        rows[ri] = row
    return {b for b, hits in found_in.items() if beads[b].dropped and all(hits)}


def _row(article, bi, bead, zseg, zq, eseg, eq, v: Verdict) -> dict:
    zsent = _sentence_of(bead, zq.start, "zh")[1] if zq is not None else None
    esent = _sentence_of(bead, eq.start, "en")[1] if eq is not None else None
    # a lone figure: the other side's sentence aligned with its own (where the rendering should be)
    zss = _span(zsent.zh) if zsent else (_span(esent.zh) if esent else (None, None))
    ess = _span(esent.en) if esent else (_span(zsent.en) if zsent and eq is None else (None, None))
    return {
        "article_id": article.id,
        "zh_para": zseg.index if zseg is not None else None,
        "en_para": eseg.index if eseg is not None else None,
        "zh_text": zq.text if zq is not None else None,
        "zh_start": zq.start if zq is not None else None,
        "zh_end": zq.end if zq is not None else None,
        "zh_value": dec(zq.value) if zq is not None else None,
        "zh_high": dec(zq.high) if zq is not None else None,
        "zh_unit": zq.unit if zq is not None else None,
        "zh_approx": zq.approx if zq is not None else None,
        "en_text": eq.text if eq is not None else None,
        "en_start": eq.start if eq is not None else None,
        "en_end": eq.end if eq is not None else None,
        "en_value": dec(eq.value) if eq is not None else None,
        "en_high": dec(eq.high) if eq is not None else None,
        "en_unit": eq.unit if eq is not None else None,
        "en_approx": eq.approx if eq is not None else None,
        "verdict": v.verdict,
        "factor": v.factor,
        "note": v.note or None,
        "kind": (zq or eq).kind,
        "bead": f"{','.join(map(str, bead.zh))}>{','.join(map(str, bead.en))}",
        "zh_sent_start": zss[0], "zh_sent_end": zss[1],
        "en_sent_start": ess[0], "en_sent_end": ess[1],
        "_bead": bi,
        "_pos": (zq.start if zq is not None else eq.start),
    }


def summarize(df: pd.DataFrame) -> dict:
    """Per-article summary of a reconciliation table (one article's rows).

    ``n_figures``: Chinese figures reconciled (rows with a Chinese side: dates and ordinals
    are out of scope and not counted); ``n_<verdict>`` for each of :data:`VERDICTS`
    (``n_extra_in_en`` counts English figures with no Chinese source); ``n_flagged``: rows
    whose verdict is not ``match``; ``n_dropped_paragraphs``: Chinese paragraphs the alignment
    found untranslated (from ``df.attrs``, so counted even when they hold no figure); ``fidelity``: n_match / (n_figures + n_extra_in_en), the
    share of all figures rendered faithfully, 1.0 is a perfect translation, None when the
    article has no figure.
    """
    out = {}
    if df is None or len(df) == 0:
        out["n_figures"] = 0
        for v in VERDICTS:
            out[f"n_{v}"] = 0
        out["n_flagged"] = 0
        out["n_dropped_paragraphs"] = len(df.attrs.get("dropped_paragraphs", ())) if df is not None else 0
        out["fidelity"] = None
        return out
    # counted in Python: Series.value_counts costs more than the rest of the summary (NA left out, as there)
    counts = Counter(v for v in df["verdict"].tolist() if isinstance(v, str))
    out["n_figures"] = int(df["zh_text"].count())  # the values that are not NA (= notna().sum(), faster)
    for v in VERDICTS:
        out[f"n_{v}"] = int(counts.get(v, 0))
    out["n_flagged"] = int(len(df) - out["n_match"])
    out["n_dropped_paragraphs"] = len(df.attrs.get("dropped_paragraphs", ()))
    denom = out["n_figures"] + out["n_extra_in_en"]
    out["fidelity"] = round(out["n_match"] / denom, 4) if denom else None
    return out


__all__ = ["reconcile_article", "records", "summarize", "judge", "Verdict", "VERDICTS", "FLAGS", "COLUMNS", "EXTRA_COLUMNS"]
