"""English quantities: number + unit + qualifier spans with exact values.

Two steps, as in Recognizers-Text: *find* and *parse*.

1. Find (``find_cores``): one precompiled regex (``tables().core``, built from the
   word lists in ``pipeline/data/en/numbers.toml``), tried only where a token can
   start a number (a digit or one of the trigger words), finds number cores: digits (``1,200``,
   ``3.87 billion``, ``100k``), number words (``one hundred and fifty``),
   fractions (``two-thirds``, ``1/3``), vague counts (``hundreds of``,
   ``several``), one-word multiples (``doubled``), ordinals (``31st``,
   ``twenty-fifth``), dates (``August 20``, ``1946-06-02``) and labels
   (``Page: 2``, ``No. 1``).
2. Parse: each core gets its value from :mod:`pipeline.numerals.en`; then named
   rules, applied in this order, look around it: ``rule_negative`` (the negative
   list of ``pipeline/data/en/negatives.toml``: "one of the", "no one", "MiG-15"),
   ``rule_ratio`` ("3:0", "two-eight"), ``rule_percent`` (``%``, ``percent``), ``rule_parenthetical`` ("forty-five (45)"),
   ``rule_ranges`` ("700 to 800", "between 3 and 5", "two to three hundred"),
   ``rule_measure`` with ``rule_unit`` (the unit tables of ``pipeline/data/units.toml``,
   else the plural noun after the number, singularised; "N times"), ``rule_dates``
   (bare years, day ordinals, enumerators, clock times), ``rule_currency`` ("$3
   million"), ``rule_qualifier`` (``pipeline/data/en/qualifiers.toml``) and
   ``rule_names`` ("666 powder", "the Five-Year Plan"). A failing example traces
   back to one of them.

``extract(text)`` never raises: odd input gives an empty (or partial) list.

Conventions (where English leaves a choice; each has a case in tests/specs/quantities/en.jsonl or
in TRANSLATION_CASES of tests/test_quantities_en.py):

- Counts keep their classifier: "150 dozen" = 150 ``dozen``, "two dozen eggs" = 2 ``dozen``; but
  "a dozen" alone is about twelve things (12, unit from the noun): "more than a dozen varieties".
- Vague counts are ranges with ``approx="about"``, the Chinese 几/数 convention of the gold:
  "several", "a few" = 2..9 (only with a noun after them), "dozens of" = 20..90, "hundreds of" =
  100..900, "thousands of" = 1000..9000, "tens of thousands of" = 10000..90000, "decades" = 20..90
  years, "several hundred" = 200..900.
- "nearly"/"almost" is ``nearly`` (the gold folds 近 into ``about``; the scorer treats them alike);
  "at least"/"at most" stay apart from more_than/less_than.
- "700 to 800", "700-800", "two or three", "between 3 and 5" are ranges; "from 3,000 to 5,000" is a
  change (two quantities). "two to three hundred" = 200..300. The first figure of a change, or of a
  list, takes the unit and scale the last one names: "from 30 to 40 percent" (30 percent), "from 2.5
  to 3.1 million tons" (2,500,000 ton), "by 20, 30 and 40 percent respectively".
- Ratios are no quantities: "3:0", "2:8", "the two-eight dividend system" (二八; "two-three days" is
  a range). Numbers naming a slogan keep no unit: "the Three Red Banners" = 3 (三面红旗).
- Literal renderings of Chinese numerals: "387 wan yuan", "14,366 ten thousand yuan" (万), "300-odd
  thousand" (三十多万) = 300,000 more_than, "increased by one time" (增加一倍) = multiple 1.
- "1,243 jin per mu": 1243 ``jin`` and a quantity of its own "per mu" = 1 ``mu`` (the gold reads
  每亩 as 一亩); "a month", "a ton" = 1 of a measure unit; "a village" is no quantity.
- Multiples are ``kind="multiple"``, unit ``times``, the factor as English says it: doubled = 2,
  halved = 0.5, "three times" = 3; "once" = 1 ``times`` (kind number).
- Fractions keep the exact ratio (``1/3`` to 28 digits); with a unit they are amounts:
  "half a year" = 0.5 ``year`` (kind number); with a scale word, numbers: "half a million" = 500000.
- "two decades" = 20 ``year``; a century keeps its key as 世纪 does: "half a century" = 0.5 ``century``.
  Ages: "aged 45" = 45 ``year``, "in his fifties" = 50 ``year`` more_than (五十多岁).
- Dates: ``kind="date"``; ``unit`` names the grain and ``value`` encodes it: ``year`` (1957),
  ``month`` (194606 for June 1946), ``day`` (the day of month: "the 25th", "August 20" = 20),
  ``date`` (19570820), ``time`` (1030 for 10:30), ``half`` ("the first half of the year" = 1),
  ``xun`` ("the first / middle / last ten days of March" = 1 / 2 / 3, 上旬 / 中旬 / 下旬).
  A bare 4-digit 1000..2100 with no unit is a year.
- Ordinals and labels ("first", "31st", "Page: 2", "No. 1", "(1)", "1." in a list) are
  ``kind="ordinal"``: nothing downstream takes them for quantities.
- A unit no table knows is the plural noun after the number (up to three modifiers between),
  singularised: "24 newly built canals" -> ``canal``; "9 provinces and cities" -> ``province_city``.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pipeline.numerals import en as num
from pipeline.types import Quantity

DATA = Path(__file__).resolve().parents[1] / "data"

#: units that read as one after "a"/"an"/"per": "a month" = 1 month, "per mu" = 1 mu
MEASURES = ("year", "month", "day", "week", "hour", "minute", "mu", "jin", "liang", "dan", "ton", "kg", "li", "km",
            "meter", "hectare", "yuan", "shi", "qing", "shang", "chi", "zhang", "pair")
#: after "per" any unit reads as one: "per village", "per person"
PER_ANY = True

#: tests set this to True so that a bug raises instead of being swallowed by the never-raise net
STRICT = False

_SP = r"[ \t\u00a0]"  # a space that is not a line break
_SPS = _SP + "+"


def _alt(words) -> str:
    """Regex alternation, longest first, each word escaped (spaces -> any run of spaces)."""
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        out.append(re.escape(w).replace(r"\ ", _SPS))
    return "(?:" + "|".join(out) + ")"


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------


@dataclass
class _Tables:
    core: re.Pattern
    triggers: frozenset
    unit_re: re.Pattern
    unit_forms: dict  # lower-case form -> key
    qual_before: re.Pattern
    qual_before_map: dict
    qual_after: re.Pattern
    qual_after_map: dict
    neg: dict
    particles: dict
    qual_last_words: frozenset
    one_before: re.Pattern
    one_after: re.Pattern
    names: re.Pattern | None
    hyphen_not_unit: frozenset
    stop: frozenset


def _load_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError:  # a missing table degrades; a broken one is a bug and raises at load time
        return {}


@lru_cache(maxsize=1)
def tables() -> _Tables:
    lex = num.lexicon()
    ones = list(lex["ones"])
    tens = list(lex["tens"])
    scales = list(lex["scales"])
    scales_all = list(lex["scales"]) + list(lex["scales_plural"])
    ords = list(lex["ordinals"])
    dens = list(lex["denominators"])
    months = list(lex["months"])
    mults = list(lex["multiples"])

    numword = _alt(ones + tens + ["hundred"] + scales + [w + "s" for w in scales if not w.endswith("s")])
    joiner = rf"(?:{_SPS}and{_SPS}|{_SP}*-{_SP}*|{_SPS})"
    wordseq = (
        rf"(?:(?:minus|negative){_SPS})?"
        rf"(?:an?{_SPS}(?=(?:hundred|thousand|million|billion|trillion)\b))?"
        rf"{numword}\b(?:{joiner}{numword}\b)*"
        rf"(?:{_SPS}point{_SPS}(?:\d+|{_alt([w for w in ones if lex['ones'][w] < 10])}(?:{_SPS}{_alt([w for w in ones if lex['ones'][w] < 10])})*)\b"
        rf"(?:{_SPS}{_alt(scales_all)}\b)*)?"
        rf"(?:{_SPS}and{_SPS}an?{_SPS}(?:half|third|quarter)\b(?:{_SPS}{_alt(scales_all)}\b)?)?"
    )
    # thousands separated by commas, or by a thin / narrow no-break space ("1\u2009200")
    dig = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u2009\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    cn_scales = lex.get("chinese_scales", {})
    cn_alt = (rf"|(?<!(?<![\d,.])\d{{4}})(?:{_SPS}|{_SP}*-{_SP}*)(?-i:"
              + "|".join(re.escape(w).replace(r"\ ", _SPS) for w in cn_scales) + ")") if cn_scales else ""
    scale_after = rf"(?:(?:(?:{_SPS}|{_SP}*-{_SP}*){_alt(scales_all)}{cn_alt})\b)*"
    month_alt = _alt([m for m in months if len(m) > 3] + [m + r"." for m in months if len(m) <= 4 and m != "may"] + [m for m in months if len(m) <= 3])
    small_num = _alt([w for w in ones if 1 <= lex["ones"][w] <= 10] + ["a", "an"])
    ord_words = _alt(ords)
    vague = lex["vague"]
    units_early = _load_toml(DATA / "units.toml")
    measure_forms = [f for k in MEASURES for f in (units_early.get(k, {}) or {}).get("en", []) if f[:1].isalpha()]
    measure = _alt(measure_forms or ["day", "year", "month"])
    vague_pl = lex["vague_plural"]
    core = (
        r"(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}\b)"
        r"|(?P<time>\b\d{1,2}:\d{2}(?:" + _SPS + r"?[ap]\.?m\.?)?(?![\d:]))"
        r"|(?P<md>\b" + month_alt + r"\.?" + _SPS + r"\d{1,2}(?:st|nd|rd|th)?\b(?:,?" + _SPS + r"\d{4}\b)?)"
        r"|(?P<dm>\b\d{1,2}(?:st|nd|rd|th)?" + _SPS + r"(?:of" + _SPS + r")?" + _alt([m for m in months if len(m) > 3]) + r"\b(?:,?" + _SPS + r"\d{4}\b)?)"
        r"|(?P<my>\b" + _alt([m for m in months if len(m) > 3]) + r",?" + _SPS + r"\d{4}\b)"
        r"|(?P<label>\b(?-i:Page|page|Edition|No\.?|Nos\.|Number|Article|Chapter|Section|Clause|Vol\.|PAGE|NO\.|Volume|Resolution|Paragraph|Part|Item|Document|Room|Route|Unit|Squad|Platoon|Company|Battalion|Regiment|Division|Brigade|Team|Highway|Furnace|Building|Workshop|Pit|Well)" + _SP + r"*:?" + _SP + r"*\d+\b)"
        r"|(?P<dord>\b\d+(?:st|nd|rd|th)\b)"
        r"|(?P<frac>(?<![\w/.,])(?:\d{1,2}" + _SP + r"(?=\d{1,2}/\d))?\d+" + _SP + r"?/" + _SP + r"?\d+(?![\w/]))"
        r"|(?P<pointnum>(?<![\w.,])(?:\d+" + _SPS + r")?point" + _SPS + r"\d+\b)"
        r"|(?P<dig>(?<![\w.,])(?:(?:minus|negative)" + _SPS + r"|(?<![^\n])-" + _SP + r")?-?" + dig + r"(?:(?-i:[kKMG])(?![A-Za-z\d]))?" + scale_after + r")"
        r"|(?P<vague>\b(?:" + _alt(list(vague)) + r"(?:" + _SPS + r"(?:dozen|hundred|thousand|million|billion)\b)*"
        r"|" + _alt(list(vague_pl)) + r"(?:" + _SPS + r"of" + _SPS + _alt(["hundreds", "thousands", "millions", "billions"]) + r")*(?=" + _SPS + r"of\b)"
        r")\b)"
        r"|(?P<mult>\b" + _alt(mults) + r"\b)"
        r"|(?P<fracw>\b" + small_num + r"(?:-|" + _SPS + r")" + _alt(dens) + r"\b)"
        r"|(?P<century>\b(?:century-old\b|decade-old\b|(?:a|one|half" + _SPS + r"a)" + _SPS + r"(?:century|decade)\b(?!-)))"
        r"|(?P<half>\bhalf\b(?![-\u2010]\w)(?!" + _SPS + r"(?:way|hearted|time)\b))"
        r"|(?P<aunit>\b(?:an?(?=" + _SPS + measure + r"\b)|per(?=" + _SPS + r"[A-Za-z])))"
        r"|(?P<both>\bboth(?=" + _SPS + r"[A-Za-z]))"
        r"|(?P<once>(?<!\bat )\bonce(?=" + _SP + r"*(?:[,.;:)]|$|" + _SPS + r"(?:a|every|per|in|more" + _SPS + r"than)\b)))"
        r"|(?P<adozen>\ba" + _SPS + r"dozen\b)"
        r"|(?P<decade>\b(?:decades|centuries)\b)"
        r"|(?P<age>(?:(?<=his )|(?<=her )|(?<=their ))(?:(?:early|late|mid)[ -])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
        r"|(?P<halfdate>\b(?:first|second|latter|last|later)" + _SPS + r"half\b(?=" + _SPS + r"of\b))"
        r"|(?P<xun>\b(?:first|middle|last|final)" + _SPS + r"(?:ten|10)" + _SPS + r"days\b(?=" + _SPS + r"of" + _SPS + r"(?:the" + _SPS + r"month|this" + _SPS + r"month|last" + _SPS + r"month|" + month_alt + r")))"
        r"|(?P<word_ord>\b(?:" + _alt(tens) + r"(?:-|" + _SPS + r"))?" + ord_words + r"\b)"
        r"|(?P<word>\b" + wordseq + r")"
    )
    core_re = re.compile(core, re.I)

    # units: en forms of every key in units.toml
    units = _load_toml(DATA / "units.toml")
    unit_forms: dict[str, str] = {}
    for table in (units, _load_toml(DATA / "en" / "units.toml")):  # shared keys first, then English-only forms
        for key, tab in table.items():
            if isinstance(tab, dict):
                for form in tab.get("en", []) or []:
                    unit_forms.setdefault(form.lower(), key)
    unit_forms.setdefault("metre", "meter")
    forms = [f for f in unit_forms if f not in ("$", "us$", "u.s.$", "%", "％")]
    unit_re = re.compile(
        rf"(?:(?<=[\w.%])[*_]{{1,2}}(?={_SP}))?(?:(?P<h>{_SP}*-{_SP}*)|{_SPS}|(?<=\d)(?=[A-Za-z]))[*_]{{0,2}}({_alt(forms)})[*_]{{0,2}}"
        rf"(?(h)(?!\w|\.\w)|(?![\w-]|\.\w))", re.I
    )

    q = _load_toml(DATA / "en" / "qualifiers.toml")
    qb = {p.lower(): k for k, ps in q.get("before", {}).items() for p in ps}
    qa = {p.lower(): k for k, ps in q.get("after", {}).items() for p in ps}
    qual_before = re.compile(rf"(?<![\w-])({_alt(qb)}){_SPS}\Z", re.I)
    qual_after = re.compile(rf"(?:{_SP}*-{_SP}*|{_SPS})({_alt(qa)})\b", re.I)

    neg = _load_toml(DATA / "en" / "negatives.toml")
    stop = frozenset(w.lower() for w in neg.get("unit_stop", {}).get("words", []))
    triggers = frozenset(
        [w.lower() for w in ones + tens + scales_all + ords + months + mults]
        + [w.split()[0] for w in list(vague) + list(vague_pl)]
        + ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "early", "late", "mid",
           "middle"]
        + ["a", "an", "per", "half", "century", "decade", "latter", "last", "later", "both", "once", "minus", "negative", "point", "decades", "centuries",
           "page", "edition", "no", "nos", "number", "article", "chapter", "section", "clause", "vol", "volume", "resolution",
           "paragraph", "part", "item", "document", "room", "route", "unit", "squad", "platoon", "company", "battalion",
           "regiment", "division", "brigade", "team", "highway", "furnace", "building", "workshop", "pit", "well"]
        + [w.split("-")[0] for w in mults]
    )
    particles = {k: frozenset(v) for k, v in q.get("particle_verbs", {}).items()}
    qual_last_words = frozenset(p.split()[-1].lower() for p in qb)
    one = neg.get("one", {})
    one_before = re.compile(rf"(?<![\w-])(?:{_alt(one.get('before', ['no']))}){_SPS}\Z", re.I)
    one_after = re.compile(rf"(?:{_SPS}|-|(?=['’]))(?:{_alt(one.get('after', ['of']))})(?!\w)", re.I)
    pats = neg.get("names", {}).get("patterns", [])
    names = re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None
    return _Tables(core_re, triggers, unit_re, unit_forms, qual_before, qb, qual_after, qa, neg, particles, qual_last_words,
                   one_before, one_after, names,
                   frozenset(w.lower() for w in neg.get("hyphen_not_unit", {}).get("words", [])), stop)


# ---------------------------------------------------------------------------
# working record
# ---------------------------------------------------------------------------


@dataclass
class _Q:
    start: int
    end: int
    value: Decimal
    high: Decimal | None = None
    kind: str = "number"
    scale: str | None = None
    unit: str | None = None
    unit_text: str | None = None
    approx: str | None = None
    group: str = ""  # which CORE alternative found it
    core_end: int = 0  # end of the number itself (before percent/unit)
    mult: Decimal | None = None  # trailing scale multiplier (for "two to three hundred")
    year: bool = False  # a bare 4-digit number that may be a year
    of_ok: bool = False  # "hundreds of youths": the unit may follow "of"
    currency: bool = False


_WORD_TOK = re.compile(r"[A-Za-z]+|\d[\d,]*(?:\.\d+)?|\.\d+")
_ORD_DIG = re.compile(r"(\d+)(?:st|nd|rd|th)", re.I)
_BULLET_REST = re.compile(r"[^\n]*[A-Za-z%]")


def _digits_core(text: str, m: re.Match, lex: dict) -> _Q | None:
    s, e = m.span()
    raw = m.group()
    mm = re.match(r"(?:(?:minus|negative)\s+|-\s)?-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u2009\u202f]\d{3})+(?:\.\d+)?|"
                  r"\d+(?:\.\d+)?|\.\d+)", raw, re.I)
    if not mm:
        return None
    sign = mm.group()[:1].isalpha() or mm.group()[:2] == "- "
    if mm.group()[:2] == "- " and _BULLET_REST.match(text, e):
        # "- 3,000 tons of steel": a list bullet at the start of a line, not a minus
        # (a line that is only "- 1,200,000" stays negative)
        sign, s = False, s + 2 + len(raw[2:]) - len(raw[2:].lstrip())
    d = num.parse_digits(re.sub(r"^(?:[A-Za-z]+|-)\s+", "", mm.group()))
    if d is None:
        return None
    if sign:
        d = -d
    rest = raw[mm.end():]
    scale_word = None
    mult = None
    if rest[:1] in ("k", "K", "M", "G"):
        suf = rest[0]
        mult = lex["suffixes"][suf]
        d = num.mul(d, mult)
        scale_word = suf
        rest = rest[1:]
    cn = lex.get("chinese_scales", {})
    words = re.findall(r"ten[ \t-]+thousand|[A-Za-z]+", rest) if cn else re.findall(r"[A-Za-z]+", rest)
    if words:
        m_all = Decimal(1)
        for w in words:
            lw = w.lower()
            v = lex["scales"].get(lw) or lex["scales_plural"].get(lw) or cn.get(re.sub(r"[ \t]+", " ", w))
            if v is None:
                return None
            m_all = num.mul(m_all, v)
            if scale_word is None and v >= 1000:
                scale_word = w
        if scale_word is None:
            scale_word = None
        d = num.mul(d, m_all)
        mult = m_all if mult is None else num.mul(mult, m_all)
    q = _Q(s, e, d, group="dig", scale=scale_word, mult=mult)
    q.year = (not words and not rest and re.fullmatch(r"\d{4}", mm.group()) is not None
              and 1000 <= d <= 2100)
    return q


def _word_cores(text: str, m: re.Match, lex: dict) -> list[_Q]:
    """The numbers in a run of number words, left to right ("three five" is 3 and 5; "two and three" too)."""
    base = m.start()
    toks = list(_WORD_TOK.finditer(m.group()))
    low = [t.group().lower() for t in toks]
    out: list[_Q] = []
    i = 0
    n_tok = len(low)
    while i < n_tok:
        n, used = num.words_prefix(low[i:i + 64])
        if n is None or used == 0:
            i += 1
            continue
        j = i + used  # tokens [i, j) are the number
        end = base + toks[j - 1].end()
        value = n.value
        if used == 1 and low[i] in _CENTURIES and j < n_tok and low[j] in lex["tens"] \
                and m.group()[toks[i].end():toks[j].start()].isspace():
            # a year in words: "nineteen fifty-seven", "in nineteen forty-nine"
            n2, used2 = num.words_prefix(low[j:j + 2])
            if n2 is not None and 20 <= n2.value < 100:
                j2 = j + used2
                out.append(_Q(base + toks[i].start(), base + toks[j2 - 1].end(),
                              Decimal(int(value) * 100 + int(n2.value)), kind="date", unit="year", group="word"))
                i = j2
                continue
        # "one and a half", "three and a half"; "a million and a half" = 1,500,000
        if j + 2 < n_tok and low[j] == "and" and low[j + 1] in ("a", "an") and low[j + 2] in ("half", "third", "quarter"):
            last = lex["scales"].get(low[j - 1]) or lex["scales_plural"].get(low[j - 1]) if n.scale else None
            value = value + num.div(last or Decimal(1), lex["denominators"][low[j + 2]])
            end = base + toks[j + 2].end()
            j += 3
            # "one and a half million yuan" = 1,500,000 (the scale applies to the whole)
            sc = lex["scales"].get(low[j]) if j < n_tok and n.scale is None else None
            if sc is not None:
                value = num.mul(value, sc)
                n = replace(n, scale=low[j])
                end = base + toks[j].end()
                j += 1
        # trailing scale run, for "two to three hundred"
        k = i + used - 1
        mr = Decimal(1)
        while k >= i and (low[k] in lex["scales"] or low[k] in lex["scales_plural"] or low[k] == "hundred"):
            mr = num.mul(mr, lex["scales"].get(low[k]) or lex["scales_plural"].get(low[k]) or Decimal(100))
            k -= 1
        out.append(_Q(base + toks[i].start(), end, num._norm(value), group="word", scale=n.scale,
                      mult=mr if mr != 1 else None))
        i = j
    return out


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
#: a unit counted in another: "two decades" = 20 years (二十年); a century keeps its key as the
#: Chinese 世纪 does ("half a century" = 0.5 century, 半个世纪)
_YEARS_IN = {"decade": (Decimal(10), "year"), "century": (Decimal(1), "century")}
_OF_A = re.compile(r"[ \t]+of[ \t]+an?(?=[ \t])", re.I)
_OF_A_CENTURY = re.compile(r"[ \t]+of[ \t]+a[ \t]+(century|decade)\b", re.I)
_CENTURIES = frozenset(("eighteen", "nineteen"))
_NOS_BEFORE = re.compile(r"\bNos\.[ \t]*\d+(?:[ \t]*,[ \t]*\d+)*[ \t]*(?:,|and|&)[ \t]*\Z")
_SCALE_AFTER_ODD = re.compile(r"[ \t]+(thousand|million|billion)\b", re.I)
_FRAC_SCALE = re.compile(r"(?:(?:[ \t]+of)?[ \t]+an?[ \t]+|[ \t]+|-)(hundred|thousand|million|billion|dozen)\b(?!-)", re.I)
_DEGREE_SIGN = re.compile(r"[ \t]?(?:°[ \t]?[CF]?|℃|℉)(?![A-Za-z])")
_PERIOD_BEFORE = re.compile(r"\b(?:first|last|past|next|previous|preceding|following|remaining)[ \t]+\Z", re.I)
_YEAR_SLASH = re.compile(r"(1[0-9]{3}|20[0-9]{2})[ \t]?/[ \t]?([0-9]{2}|[0-9]{4})")
_SEVERAL_BEFORE = re.compile(r"\b(?:several|a[ \t]+few)[ \t]+\Z", re.I)


def _next_core(text: str, pos: int, core: re.Pattern, triggers: frozenset) -> re.Match | None:
    """The next CORE match at or after ``pos``.

    Equivalent to ``core.search(text, pos)`` but much faster: CORE is only tried where
    a token (``_TOKEN``, read from ``pos`` on) can start one (a digit, or a word of
    ``triggers``), not at every character. The tokens that can are found by one search
    (:func:`_candidate_re`) instead of reading every word; each is checked as before.
    """
    tm = _TOKEN.match(text, pos)  # the first token may start inside a word: read as before
    if tm is not None:
        m = _core_at(text, pos, tm, core, triggers)
        if m is not None:
            return m
        i = tm.end()
    else:
        i = pos
    cand = _candidate_re(triggers)
    while True:
        cm = cand.search(text, i)
        if cm is None:
            return None
        st = cm.start()
        tm = _TOKEN.match(text, st)
        if tm is None:  # (a case-folded match of no ASCII token: the Kelvin sign)
            i = st + 1
            continue
        m = _core_at(text, pos, tm, core, triggers)
        if m is not None:
            return m
        i = tm.end()


def _core_at(text: str, pos: int, tm: re.Match, core: re.Pattern, triggers: frozenset) -> re.Match | None:
    """CORE at the token ``tm`` (or just before a digit token: "-5", "- 5", ".5"), or None."""
    st = tm.start()
    tok = tm.group()
    if tok[0].isdigit():
        if st >= pos + 2 and text[st - 2:st] in ("- ", "-."):
            m = core.match(text, st - 2)
            if m:
                return m
        if st > pos and text[st - 1] in "-.":
            m = core.match(text, st - 1)
            if m:
                return m
    elif tok.lower() not in triggers:
        return None
    m = core.match(text, st)
    return m if m else None


_CANDIDATE_RE: dict = {}


def _candidate_re(triggers: frozenset) -> re.Pattern:
    """Where the tokens that may start a CORE are: a run of digits, or an ASCII word of
    ``triggers`` as a whole token (case-insensitive: a superset of ``tok.lower() in triggers``;
    :func:`_core_at` checks each token found exactly as the token loop did)."""
    r = _CANDIDATE_RE.get(triggers)
    if r is None:
        words = {w.lower() for w in triggers if w.isascii() and w.isalpha()}
        # a trie of the words (one branch per letter), so that a word start costs a few tests
        r = re.compile(r"\d+|(?<![A-Za-z])" + _trie(words) + r"(?![A-Za-z])", re.I)
        _CANDIDATE_RE[triggers] = r
    return r


def _trie(words) -> str:
    """A regular expression matching exactly ``words`` (lowercase ASCII letters), as a trie."""
    if not words:
        return "(?!)"
    heads: dict = {}
    end = False
    for w in words:
        if w:
            heads.setdefault(w[0], set()).add(w[1:])
        else:
            end = True
    alts = [h + _trie(rest) if rest != {""} else h for h, rest in sorted(heads.items())]
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body


def find_cores(text: str) -> list[_Q]:
    """Step 1: every number core in ``text`` with its value (no unit, no qualifier yet)."""
    t = tables()
    lex = num.lexicon()
    out: list[_Q] = []
    pos = 0
    n = len(text)
    core = t.core
    triggers = t.triggers
    while pos < n:
        m = _next_core(text, pos, core, triggers)
        if m is None:
            break
        g = m.lastgroup
        s, e = m.span()
        q = None
        try:
            if g == "dig":
                q = _digits_core(text, m, lex)
            elif g == "word":
                qs = _word_cores(text, m, lex)
                for q in qs[:-1]:
                    q.core_end = q.end
                    out.append(q)
                q = qs[-1] if qs else None
            elif g == "iso":
                y, mo, d = (int(x) for x in m.group().split("-"))
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    q = _Q(s, e, Decimal(y * 10000 + mo * 100 + d), kind="date", unit="date", group=g)
                else:
                    # "1967-1968"-like or not a date: let the digit rule read it
                    m2 = re.compile(r"\d+").match(text, s)
                    q = _Q(s, m2.end(), Decimal(m2.group()), group="dig", year=1000 <= int(m2.group()) <= 2100)
            elif g == "time":
                hh, mm_ = re.match(r"(\d+):(\d+)", m.group()).groups()
                if int(hh) <= 24 and int(mm_) < 60:
                    q = _Q(s, e, Decimal(int(hh) * 100 + int(mm_)), kind="date", unit="time", group=g)
            elif g in ("md", "dm"):
                dd = int(re.search(r"\d{1,2}(?!\d)", m.group()).group())
                yy = re.search(r"\d{4}", m.group())
                mon = re.search(r"[A-Za-z]{3,}", re.sub(r"(?i)\b(?:st|nd|rd|th|of)\b", "", m.group()))
                mo = lex["months"].get(mon.group().lower().rstrip(".")) if mon else None
                if 1 <= dd <= 31 and mo:
                    v = Decimal(int(yy.group()) * 10000 + int(mo) * 100 + dd) if yy else Decimal(dd)
                    q = _Q(s, e, v, kind="date", unit="date" if yy else "day", group=g)
            elif g == "my":
                yy = re.search(r"\d{4}", m.group())
                mon = re.match(r"[A-Za-z]+", m.group()).group().lower()
                q = _Q(s, e, Decimal(int(yy.group()) * 100 + int(lex["months"][mon])), kind="date", unit="month", group=g)
            elif g == "label":
                v = re.search(r"\d+", m.group()).group()
                q = _Q(s, e, Decimal(v), kind="ordinal", group=g)
            elif g == "dord":
                q = _Q(s, e, Decimal(_ORD_DIG.match(m.group()).group(1)), kind="ordinal", group=g)
            elif g == "frac":
                ym = _YEAR_SLASH.fullmatch(m.group())
                if ym:
                    # "the 1957/58 season", "1957/1958": a span of years, not a ratio
                    y1, y2 = ym.group(1), ym.group(2)
                    y2 = y1[:4 - len(y2)] + y2
                    if int(y1) < int(y2) <= int(y1) + 10:
                        q = _Q(s, e, Decimal(y1), high=Decimal(y2), kind="date", unit="year", group=g)
                if q is None:
                    v = num.parse_fraction(m.group())
                    if v is not None:
                        q = _Q(s, e, v, kind="fraction", group=g)
            elif g == "fracw":
                raw = m.group()
                low = raw.lower()
                after = text[e:e + 4].lower()
                plural = low.endswith("s") and not low.startswith(("a ", "an ", "one"))
                if low.endswith("quarters") and _PERIOD_BEFORE.search(text, max(0, s - 12), s):
                    # "the first three quarters" (前三季度): a count of quarters of the year, not 3/4
                    wm = re.compile(r"[A-Za-z]+").match(text, s)
                    v = lex["cardinal"].get(wm.group().lower())
                    if v is not None:
                        q = _Q(s, e, v, unit="season", unit_text=raw.split()[-1].split("-")[-1], group="word")
                        q.core_end = q.end
                        out.append(q)
                        pos = e
                        continue
                alone = low.split()[-1] in ("quarter", "half") and not re.match(r"\s+[A-Za-z]", text[e:e + 2]) or re.match(r"\s+of\b|\s*(?:[,.;:)]|$)", text[e:e + 4])
                if "-" in raw or re.match(r"\s+of\b", after) or plural or alone or _FRAC_SCALE.match(text, e):
                    v = num.parse_fraction(raw)
                    if v is not None:
                        q = _Q(s, e, v, kind="fraction", group=g)
                if q is None:
                    # "a third party", "one fifth district": let the word rule read the numerator
                    wm = re.compile(r"[A-Za-z]+").match(text, s)
                    wlow = wm.group().lower()
                    if wlow in lex["cardinal"]:
                        q = _Q(s, wm.end(), lex["cardinal"][wlow], group="word")
                    else:
                        pos = wm.end()
                        continue
            elif g == "xun":
                # "the first ten days of March" (三月上旬): a part of a month, a time, not ten days
                w = m.group().lower().split()[0]
                q = _Q(s, e, Decimal({"first": 1, "middle": 2}.get(w, 3)), kind="date", unit="xun", group=g)
            elif g == "halfdate":
                # "the first half of the year" (上半年) is a time, not a fraction
                q = _Q(s, e, Decimal(1 if m.group().lower().startswith("first") else 2), kind="date", unit="half",
                       group=g)
            elif g == "half":
                q = _Q(s, e, Decimal("0.5"), kind="fraction", group=g)
            elif g == "pointnum":
                a_, b_ = re.match(r"(?:(\d+)\s+)?point\s+(\d+)", m.group(), re.I).groups()
                q = _Q(s, e, Decimal(f"{a_ or 0}.{b_}"), group="dig")
            elif g == "aunit":
                q = _Q(s, e, Decimal(1), group=g)
            elif g == "both":
                q = _Q(s, e, Decimal(2), group=g)
            elif g == "once":
                q = _Q(s, e, Decimal(1), unit="times", unit_text=m.group(), group=g)
            elif g == "adozen":
                # "a dozen" is about twelve things ("more than a dozen varieties" = 十几种);
                # a count of dozens keeps its classifier: "150 dozen" = 150 dozen (一百五十打)
                q = _Q(s, e, Decimal(12), group=g, of_ok=True)
            elif g == "century":
                low = m.group().lower()
                span, unit = _YEARS_IN["decade" if "decade" in low else "century"]
                q = _Q(s, e, span / 2 if low.startswith("half") else span, unit=unit,
                       unit_text="decade" if "decade" in low else "century", group=g)
            elif g == "decade":
                lo, hi = lex["vague_plural"][m.group().lower()]
                q = _Q(s, e, lo, high=hi, approx="about", unit="year", unit_text=m.group(), group=g)
            elif g == "age":
                # "in his fifties" (五十多岁): an age of fifty and more
                w = m.group().lower().split()[-1].split("-")[-1]
                q = _Q(s, e, lex["tens"][w[:-3] + "y"], approx="more_than", unit="year", unit_text=w, group=g)
            elif g == "word_ord":
                v = num.parse_ordinal(m.group())
                if v is not None:
                    q = _Q(s, e, v, kind="ordinal", group=g)
            elif g == "vague":
                low = re.sub(r"\s+", " ", m.group().lower())
                parts = low.split(" of ")
                head = parts[0]
                if head in lex["vague_plural"]:
                    lo, hi = lex["vague_plural"][head]
                    for p in parts[1:]:
                        f = lex["scales"].get(p[:-1]) or Decimal(1)
                        lo, hi = num.mul(lo, f), num.mul(hi, f)
                    sev = _SEVERAL_BEFORE.search(text, max(0, s - 10), s) if head in ("tens", "hundreds") else None
                    if sev:
                        # "several tens of thousands of" (几万) = 20,000..90,000
                        s, lo = sev.start(), num.mul(lo, Decimal(2))
                    q = _Q(s, e, lo, high=hi, approx="about", group=g, of_ok=True, scale=parts[-1] if len(parts) > 1 else None)
                    if head in ("decades", "centuries"):
                        q.unit, q.unit_text, q.of_ok = "year", m.group(), False
                else:
                    # "several", "a few", "several hundred", "a couple of"
                    key = next((k for k in sorted(lex["vague"], key=len, reverse=True) if head.startswith(k)), None)
                    if key is not None:
                        lo, hi = lex["vague"][key]
                        rest = head[len(key):].split()
                        f = Decimal(1)
                        for w in rest:
                            # "a few dozen" / "several dozen" render 几十: tens, as "dozens of" (20..90)
                            f = num.mul(f, Decimal(10) if w == "dozen" else (lex["scales"].get(w) or Decimal(100)))
                        lo, hi = num.mul(lo, f), num.mul(hi, f)
                        q = _Q(s, e, lo, high=None if hi == lo else hi, approx=None if hi == lo else "about",
                               group=g, of_ok=key.endswith("of"), scale=rest[-1] if rest and rest[-1] != "dozen" else None)
            elif g == "mult":
                v = lex["multiples"].get(m.group().lower())
                if v is not None:
                    q = _Q(s, e, v, kind="multiple", unit="times", unit_text=m.group(), group=g)
        except Exception:  # never let one odd match stop the scan
            if STRICT:
                raise
            q = None
        if q is None:
            pos = max(e, s + 1)
            continue
        if q.kind == "fraction" and q.group in ("half", "fracw", "frac"):
            fm = _FRAC_SCALE.match(text, q.end)
            if fm:
                # "half a million" = 500,000, "a quarter of a million", "a half-million", "half a dozen" = 6
                w = fm.group(1).lower()
                f = Decimal(12) if w == "dozen" else (lex["scales"].get(w) or Decimal(100))
                q.value, q.kind, q.end = num.mul(q.value, f), "number", fm.end()
                q.scale = None if w == "dozen" else fm.group(1)
                q.group = "word"
        q.core_end = q.end
        out.append(q)
        pos = max(q.end, s + 1)
    return out


# ---------------------------------------------------------------------------
# rules
# ---------------------------------------------------------------------------

_PERCENT = re.compile(
    rf"(?:{_SP}*(?:%|％)|{_SPS}(?:per{_SP}*-?{_SP}*cent|percentage{_SPS}points?|percent|pct)\b)", re.I
)
_CURRENCY_BEFORE = re.compile(r"(?:(?:US|U\.S\.|HK|NT|CN|NC|CNC)" + _SP + r"?\$|\$|£|¥|RMB" + _SP + r"?|JMP" + _SP + r"?)" + _SP + r"?\Z")
#: the dollar signs of other currencies: HK$ (港元), NT$ (台币), CN$/NC$ (the pre-1949 Chinese yuan)
_DOLLAR_SIGNS = {"HK": "hkd", "NT": "twd", "CN": "yuan", "NC": "yuan", "CNC": "yuan"}
_RANGE_JOIN = re.compile(rf"^(?:{_SP}*(?:-|–|—|~|to|or){_SP}*|{_SPS}(?:to|or){_SPS})\Z", re.I)
_FROM_Q = re.compile(rf"\bfrom{_SPS}(?:[A-Za-z.]+{_SPS}){{1,3}}\Z", re.I)
_BETWEEN = re.compile(rf"\b(?:between|from){_SPS}(?:(?:about|approximately|around|some|roughly|nearly|almost){_SPS})?\Z", re.I)
_AND_JOIN = re.compile(rf"^{_SPS}and{_SPS}\Z", re.I)
_MODIFIER = re.compile(rf"{_SPS}([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?:\.[A-Za-z]\.?)*)")
_OF = re.compile(rf"{_SPS}of\b", re.I)
_HYPHEN_NOUN = re.compile(r"-([A-Za-z]{2,})(?=-|\b)(?!-(?:odd|fold)\b)")
_TIMES_RIGHT = re.compile(
    r"[ \t]+(?:as|more|less|larger|bigger|higher|greater|faster|longer|that[ \t]+of|those[ \t]+of|what|over|"
    r"compared|than|the|its|their|his|her|our|of[ \t]+(?:the|its|their|that|last|pre)|in[ \t]+\d+|and[ \t]+\d+|"
    r"respectively|to[ \t]+\d+)\b", re.I)
_OCC_RIGHT = re.compile(
    r"[ \t]+(?:a|an|per|every|each|already|(?:last|this)(?![ \t]+\w+['’]s\b)|since|before|during|so[ \t]+far|in[ \t]+(?:a[ \t]+row|succession|all|total)|"
    r"that[ \t]+(?!of\b))", re.I)
_TIMES_LEFT = re.compile(
    r"\b(?:by|increased?|increasing|rose|risen|grew|grown|multiplied|is|was|were|are|be|been|being|about|nearly|"
    r"almost|over|than|to|equivalent[ \t]+to|equal[ \t]+to|reached|reaching|some|exceeded|exceeding|expanded|"
    r"raised|boosted|times[ \t]+and|or|(?:increase|increment|growth|rise|expansion)[ \t]+of)(?:[ \t]+(?:about|nearly|almost|some|roughly|over|more[ \t]+than|"
    r"approximately|around))?[ \t]+\Z", re.I)
_POSSESSIVE = re.compile(r"['’](?:s\b|[ \t]+[a-z])")
_VAGUE_TO = re.compile(r"[ \t]+(?:to|or)[ \t]+(?:(?:dozens|tens|hundreds|thousands|scores)[ \t]+of|more|[\d,.]+|a[ \t]+dozen|"
                       r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                       r"forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?)(?=[ \t])", re.I)
_FAMILY_OF = re.compile(r"\b(?:famil(?:y|ies)|households?)[ \t]+of[ \t]+\Z", re.I)
_AGED = re.compile(r"\b(?:aged|age(?:[ \t]+of)?)[ \t]+\Z", re.I)
_ONE_TIME = re.compile(r"[ \t]+time\b(?![ \t]+(?:of|to|when|for)\b)", re.I)
_BY_RISE = re.compile(r"\b(?:increased?|increasing|rose|risen|grew|grown|went[ \t]+up|gone[ \t]+up|up|raised|expanded)"
                      r"[ \t]+by[ \t]+\Z", re.I)
_FACTOR_OF = re.compile(r"\b(?:a|the)[ \t]+factor[ \t]+of[ \t]+\Z", re.I)
_IDENT_BEFORE = re.compile(r"[A-Za-z]{1,6}[-‐]\Z|[A-Za-z]\Z")
_MULT_OK_RIGHT = re.compile(r"(?:[ \t]+(?:the|its|their|his|her|our|this|that|these|those|what|in|by|over|from|within|compared)\b|[ \t]*(?:[,.;:!?)]|$))", re.I)
_AND_A_HALF = re.compile(rf"{_SPS}and{_SPS}a{_SPS}half\b", re.I)
_OUT_OF = re.compile(rf"{_SPS}out{_SPS}of{_SPS}(?:(?:a|the){_SPS}(?:total{_SPS}of{_SPS})?)?", re.I)
_LIST_PREP = re.compile(rf"{_SPS}(in|each|for|from|at|on)\b", re.I)
_LIST_GAP = re.compile(r",[ \t]+(?:and[ \t]+)?\Z|[ \t]+and[ \t]+\Z")
_LAST_WORD = re.compile(r"([A-Za-z.]+)[ \t\u00a0]+\Z")
_A_AN = re.compile(rf"{_SPS}an?\b", re.I)
_DECADE_S = re.compile(r"'?s\b")
_CLOCK = re.compile(r"(?:[ \t]+o['’]clock\b|[ \t]*[ap]\.m\.|[ \t]*[AP]M\b|[ \t]*[ap]m\b)")
_DAY_LEFT = re.compile(r"\b(?:on|from|since|by|until|till|before|after|as of)\s+the\s+\Z", re.I)
_ENUM_RIGHT = re.compile(r"[.)][ \t]+[A-Z]")
_ENUM_LEFT = re.compile(r"(?:^|[\n\t:;]|[.!?][ \t])[ \t]*\Z")
_OF_THE = re.compile(rf"{_SPS}of{_SPS}the\b", re.I)
_AND_UNIT = re.compile(rf"{_SPS}and(?=\s)", re.I)
_PER = re.compile(rf"{_SPS}(?:per|a|each|every){_SPS}", re.I)
_PAREN = re.compile(rf"{_SP}*\({_SP}*([^()\n]{{1,60}}?){_SP}*\)")
#: "thirty-odd years", "3,000-plus people", "thirty-some villages", "twenty-something workers" (多)
_ODD = re.compile(rf"(?:(?:{_SP}*-{_SP}*|{_SPS})odd|-(?:plus|some|something))\b", re.I)
_YEAR_LEFT = re.compile(
    rf"\b(?:in|since|of|by|until|till|from|before|after|during|year|the{_SPS}year|to|through|and|winter|summer|spring|autumn|fall|early|late|mid|end|beginning|,)\W*\Z",
    re.I,
)


_IRREGULAR = {"leaves": "leaf", "knives": "knife", "wives": "wife", "lives": "life", "halves": "half",
              "shelves": "shelf", "thieves": "thief", "men": "man", "women": "woman", "children": "child",
              "feet": "foot", "teeth": "tooth", "geese": "goose", "mice": "mouse", "people": "person",
              "series": "series", "species": "species", "means": "means", "news": "news", "works": "works"}


def _singular(w: str) -> str:
    lw = w.lower()
    if lw in _IRREGULAR:
        return _IRREGULAR[lw]
    if lw.endswith("ies") and len(lw) > 4:
        return lw[:-3] + "y"
    if lw.endswith("oes") and lw not in ("shoes", "toes", "hoes", "foes", "canoes"):
        return lw[:-2]
    if lw.endswith(("sses", "shes", "ches", "xes", "zes")):
        return lw[:-2]
    if lw.endswith("s") and not lw.endswith(("ss", "us", "is")):
        return lw[:-1]
    return lw


def _looks_plural(w: str, stop: frozenset) -> bool:
    lw = w.lower()
    return (
        len(lw) >= 4
        and lw.endswith("s")
        and not lw.endswith(("ss", "us", "is", "'s", "’s"))
        and lw not in stop
        and "." not in lw
        and (w.islower() or w.istitle() or w.isupper() and len(w) > 4)
    )


def _unit_from(text: str, q: _Q, t: _Tables, end: int) -> bool:
    """:func:`rule_unit` read from ``end`` (after a qualifier or "a"/"an" the figure takes in): the
    figure keeps the new end when a unit is found there, else its old one. Whether one was found."""
    save, q.end = q.end, end
    rule_unit(text, q, t)
    if q.unit is None:
        q.end = save
    return q.unit is not None


def rule_unit(text: str, q: _Q, t: _Tables) -> None:
    """The unit after the number: a known form (with up to 3 modifiers between), else a plural noun."""
    pos = q.end
    if q.of_ok:
        m = _OF.match(text, pos)
        if m:
            pos = m.end()
    m = t.unit_re.match(text, pos)
    if m and not (_POSSESSIVE.match(text, m.end()) and t.unit_forms.get(m.group(2).lower()) not in MEASURES):
        # ("one month's salary" is a month; "300 workers' families" are families, "the Three People's
        # Principles" no people)
        _set_unit(text, q, m, t)
        return
    # "283 of the poorest counties": a known unit after "of the"
    if not q.of_ok:
        om = _OF_THE.match(text, pos)
        if om:
            p = om.end()
            for _ in range(3):
                m = t.unit_re.match(text, p)
                if m and m.group(2).lower().endswith("s"):
                    _set_unit(text, q, m, t)
                    return
                w = _MODIFIER.match(text, p)
                if not w or w.group(1).lower() in t.stop:
                    break
                p = w.end()
    # modifiers: "24 newly built canals", "seven wild boars", "72 wheat-growing households"
    cand = None
    p = pos
    lex = num.lexicon()
    if q.group == "aunit":
        return
    prev_ly = False
    # "a fifty-line switchboard": the noun glued by a hyphen is the unit, as written
    hm = _HYPHEN_NOUN.match(text, pos)
    if hm and q.group in ("dig", "word") and hm.group(1).lower() not in t.stop \
            and hm.group(1).lower() not in t.hyphen_not_unit and not hm.group(1).lower().endswith(("ly", "ed")):
        word = hm.group(1)
        q.unit, q.unit_text, q.end = t.unit_forms.get(word.lower()) or word.lower(), word, hm.end()
        return
    for k in range(6):
        w = _MODIFIER.match(text, p)
        if not w:
            break
        word = w.group(1)
        lw = word.lower().rstrip(".")
        if lw == "and" and q.group == "both":
            # "both urban and rural areas": a coordination, not a count of two
            q.unit = None
            return
        if lw == "and" and k > 0 and cand is None:
            # "three new and old canals"
            p = w.end()
            continue
        if lw in t.stop or lw in lex["cardinal"] or lw in lex["ordinals"] or lw in lex["months"] and word[0].isupper():
            break
        if cand is None and k < 4 and _looks_plural(word, t.stop):
            if prev_ly:
                # "seven currently consumes": right after an adverb comes a verb, not a noun
                break
            cand = w
        prev_ly = lw.endswith("ly")
        p = w.end()
        m = t.unit_re.match(text, p)
        if m:
            _set_unit(text, q, m, t)
            return
        if cand is not None:
            break
    if cand is not None:
        word = cand.group(1)
        key = t.unit_forms.get(word.lower()) or _singular(word).replace("-", "_")
        q.unit, q.unit_text, q.end = key, word, cand.end()


def _set_unit(text: str, q: _Q, m: re.Match, t: _Tables) -> None:
    key = t.unit_forms.get(re.sub(r"\s+", " ", m.group(2).lower()))
    if key is None:
        return
    # noun compounds: "eighty aircraft sorties" -> sortie
    m2 = t.unit_re.match(text, m.end()) if m.group("h") is None and key != "cent" else None
    if m2 and not text[m.end():m2.start()].strip(" *_") and m2.group(2).lower().endswith("s"):
        k2 = t.unit_forms.get(re.sub(r"\s+", " ", m2.group(2).lower()))
        if k2 and k2 not in ("percent", "times"):
            m, key = m2, k2
    if key == "dollar" and (_LOCAL_DOLLAR.search(text, q.end, m.start(2)) or _IN_CURRENCY.match(text, m.end())):
        # "500 Border Region dollars", "Chiang dollars", "puppet dollars": the yuan of old China
        key = "yuan"
    elif key == "pound_weight" and not _OF.match(text, m.end()) \
            and _MONEY_WORDS.search(text, max(0, q.start - 80), min(len(text), m.end() + 40)) \
            and not _WEIGHT_WORDS.search(text, max(0, q.start - 40), q.start):
        # "a loan of 5 million pounds" (英镑): money, not weight ("200 million pounds of wheat")
        key = "pound"
    q.unit, q.unit_text, q.end = key, m.group(2), m.end()
    if key == "cent":
        # "55 cents U.S. dollars" = 0.55 usd (五角五分美元)
        q.value = num.div(q.value, Decimal(100))
        if q.high is not None:
            q.high = num.div(q.high, Decimal(100))
        m3 = t.unit_re.match(text, q.end)
        k3 = t.unit_forms.get(re.sub(r"\s+", " ", m3.group(2).lower())) if m3 else None
        if k3 in ("usd", "dollar", "yuan"):
            q.unit, q.unit_text, q.end = k3, text[m.start(2):m3.end()], m3.end()
        else:
            q.unit = "dollar"
        return
    if text[q.end - 1] in "*_" and text[m.start(2) - 1] not in "*_":
        q.end = m.end(2)
    # "500,000 mu per day", "25,000 barrels per day"
    pm = _PER.match(text, q.end)
    if pm and text[pm.start():pm.end()].strip().lower() == "per":
        m2 = t.unit_re.match(text, pm.end() - 1)
        if m2:
            k2 = t.unit_forms.get(re.sub(r"\s+", " ", m2.group(2).lower()))
            if k2 and k2 not in ("percent",):
                # "1,243 jin per mu": the base unit is the key (as 每亩1243斤) and "per mu" is a
                # quantity of its own (1 mu), as the gold reads 一亩; nothing to extend here
                return
    # "9 provinces and cities", "seventeen districts and counties"
    am = _AND_UNIT.match(text, q.end)
    if am and m.group(2).lower().endswith("s"):
        m2 = t.unit_re.match(text, am.end())
        if m2 and m2.group(2).lower().endswith("s"):
            k2 = t.unit_forms.get(re.sub(r"\s+", " ", m2.group(2).lower()))
            if k2 and k2 != key and k2 not in ("percent", "times"):
                q.unit = f"{key}_{k2}"
                q.unit_text = text[m.start(2):m2.end()].strip("*_")
                q.end = m2.end()


_LOCAL_DOLLAR = re.compile(r"(?i:\b(?:border|region|chiang|puppet|national|currency|silver|local|chinese|northeast|"
                           r"north|liberated|area|bank|jinan|jichao|beihai|central|kuomintang|kmt|nationalist|"
                           r"legal|tender|fabi|gold|yuan|people'?s)\b)")
_MONEY_WORDS = re.compile(r"(?i:\b(?:britain|british|england|english|london|sterling|loans?|cost|costs|paid|pay|"
                          r"worth|prices?|trade|budget|deficit|debts?|credits?|funds?|invest\w*|exports?|imports?|"
                          r"profits?|income|revenues?|spent|spend|expenditure|wages?|salary|salaries|taxes|earned)\b)")
_WEIGHT_WORDS = re.compile(r"(?i:\b(?:weigh\w*|heavy|heavier|weight)\b)")
_IN_CURRENCY = re.compile(rf"{_SPS}(?:in|of){_SPS}(?!(?:US|U\.S\.|American)\b)(?:[\w'’]+{_SPS}){{0,3}}(?:currency|notes|banknotes)\b", re.I)
_QUOTED_NAME = re.compile(r"[A-Z][A-Za-z]+[ \t]\Z")


def rule_names(text: str, q: _Q, t: _Tables) -> bool:
    """True when the number is part of a name: "666 powder", "the First Five-Year Plan",
    the variety "Xiongyue 253" (a bare number in quotes right after a capitalised word)."""
    if t.names is not None and t.names.match(text, q.start):
        return True
    if q.group == "dig" and q.unit is None and q.approx is None and q.kind == "number" \
            and re.match(r",?[\"”']", text[q.end:q.end + 2]) and _QUOTED_NAME.search(text, max(0, q.start - 30), q.start):
        return True
    if q.group == "word" and q.kind == "number" and q.approx is None and q.high is None and text[q.start].isupper() \
            and _CAP_NEXT.match(text, q.core_end) and _LOWER_BEFORE.search(text, max(0, q.start - 20), q.start) \
            and not (q.unit_text and q.unit_text.lower() in t.unit_forms) and not _title_line(text, q.start):
        # a capitalised number word inside a sentence, before a capitalised word, is part of a name:
        # the slogans and campaigns "the Three Red Banners", "the 'Three-Anti' campaign", "the Four
        # Modernizations", "the Three People's Principles" (三面红旗, 三反, 四个现代化, 三民主义). The
        # number stays (the Chinese side may count 三面 or not) but the name's noun is no unit, so an
        # unmatched one is no figure the translation added; a unit after it is a count in a headline's
        # words ("Completed in Three Days")
        q.unit = q.unit_text = None
        q.end = q.core_end
    return False


_CAP_RUN = re.compile(r"(?:[A-Z][A-Za-z'’]*[ \t-]*)+")
_CAP_NEXT = re.compile(r"(?:[ \t]+|-)[A-Z][a-z]")
_LOWER_BEFORE = re.compile(r"\b[a-z]+[ \t]+[\"“'‘]?\Z")


def _title_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a headline in Title Case ("Over a Thousand Sanatoriums Built")?"""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    run = _CAP_RUN.match(text, pos)  # the name itself does not count
    line = text[max(a, pos - 200):pos] + " " + text[run.end() if run else pos:b if b >= 0 else len(text)][:200]
    words = re.findall(r"[A-Za-z]{4,}", line)
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _merge_range(text: str, a: _Q, b: _Q, conn: str) -> _Q | None:
    if a.kind not in ("number", "percent", "multiple", "fraction") or b.kind != a.kind and not (
            a.kind == "number" and b.kind == "percent"):
        return None
    lo, hi = a.value, b.value
    if a.mult is None and b.mult is not None and a.group in ("dig", "word") and b.group in ("dig", "word") and a.scale is None and lo < hi:
        mant = num.div(hi, b.mult)
        if lo < mant:
            lo = num.mul(lo, b.mult)
    if not lo < hi:
        return None
    if a.high is not None or b.high is not None:
        return None
    return _Q(a.start, b.end, lo, high=hi, kind=b.kind, scale=b.scale or a.scale, unit=b.unit or a.unit,
              unit_text=b.unit_text, approx=a.approx, group=b.group, core_end=b.core_end, mult=b.mult)


def _year_like(q: _Q) -> bool:
    return q.group == "dig" and q.year


def extract(text: str) -> list[Quantity]:
    """All quantities in English ``text``, in text order. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(text)
    except Exception:  # pragma: no cover - last line of defence
        if STRICT:
            raise
        return []


def rule_negative(text: str, q: _Q, t: _Tables) -> bool:
    """True when the core is no number at all: "one of the", "no one", "a double harvest",
    "at first", "a second later", "MiG-15". Also reads a minus only where one can stand."""
    low = text[q.start:q.end].lower()
    if q.group == "word" and low in ("one", "a", "an"):
        lw = text[max(0, q.start - 20):q.start]
        if (t.one_before.search(lw) or t.one_after.match(text, q.end)) \
                and not (low == "one" and _ONE_TIME.match(text, q.end) and _BY_RISE.search(lw)):
            return True
    if q.group == "mult" and low in ("double", "triple", "quadruple"):
        # "double the output", "more than double" are multiples; "a double harvest",
        # "double-cropping" are adjectives
        right = text[q.end:q.end + 16]
        lw = text[max(0, q.start - 12):q.start].lower()
        if not (_MULT_OK_RIGHT.match(right) or re.search(r"\b(?:than|nearly|almost|to|will|would|could|can|did)\s+\Z", lw)):
            return True
    if q.kind == "ordinal" and q.group == "word_ord":
        lw = text[max(0, q.start - 12):q.start].lower()
        if low == "second" and re.search(r"\b(?:a|per|one|each|every)\s+\Z", lw):
            return True
        if re.search(r"\bat\s+\Z", lw) and low == "first":
            return True
    # identifiers: MiG-15, B-29, U-2
    if q.group == "dig" and q.start > 0 and _IDENT_BEFORE.search(text[max(0, q.start - 7):q.start]):
        if text[q.start] != "-":
            return True
    if q.group == "dig" and text[q.start] == "-":
        # a minus only after a space / start, never right after a number ("700-800")
        before = text[max(0, q.start - 2):q.start]
        if before and not re.fullmatch(r"(?:^|.*[\s(\[:=])", before):
            q.start += 1
            q.value = abs(q.value)
    return False


def rule_compound(text: str, qs: list[_Q]) -> list[_Q]:
    """Digits with falling scale words in a row are one number: "1 million 200 thousand yuan"
    (一百二十万元) = 1,200,000, "2 billion 500 million", "10 thousand 5 hundred"."""
    out: list[_Q] = []
    for q in qs:
        if out:
            a = out[-1]
            if a.group == q.group == "dig" and a.mult and q.mult and q.mult < a.mult and q.value < a.mult \
                    and a.kind == q.kind == "number" and a.high is None and q.high is None \
                    and _COMPOUND_GAP.fullmatch(text, a.end, q.start):
                # the smallest scale gives the precision, as in "three million five hundred thousand"
                a.value, a.end, a.core_end, a.mult, a.scale = a.value + q.value, q.end, q.end, q.mult, q.scale
                continue
        out.append(q)
    return out


_COMPOUND_GAP = re.compile(rf"{_SPS}(?:and{_SPS})?", re.I)
_SMALL_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))


def rule_ratio(text: str, qs: list[_Q]) -> list[_Q]:
    """Ratios are no quantities (README: 二八分红, 3:0): "a 3:0 victory", "2:8", and two digit
    words joined by a hyphen that are not neighbours, "the two-eight dividend system" (二八),
    "four-eight cross-operations" ("two-three days" stays a range, 两三天)."""
    drop: set[int] = set()
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if b.start != a.end + 1 or a.kind != "number" or b.kind != "number":
            continue
        sep = text[a.end]
        if sep == ":" and a.group == b.group == "dig" and not text[a.start:b.end].count(".") \
                and not text[b.end:b.end + 1].isdigit():
            drop.update((i, i + 1))
        elif sep == "-" and a.group == b.group == "word" and text[a.start:a.end].lower() in _SMALL_WORDS \
                and text[b.start:b.end].lower() in _SMALL_WORDS and abs(b.value - a.value) >= 2:
            drop.update((i, i + 1))
    return [q for i, q in enumerate(qs) if i not in drop] if drop else qs


def rule_percent(text: str, q: _Q) -> None:
    """ "34.88%", "34.88 percent", "per cent", "percentage points" -> kind and unit percent."""
    if q.kind in ("number", "fraction") and q.group in ("dig", "word", "frac", "fracw"):
        m = _PERCENT.match(text, q.end)
        if m:
            q.kind, q.unit, q.unit_text, q.end = "percent", "percent", m.group().strip(), m.end()
        elif text.startswith("‰", q.end):
            # "10.8‰" (千分之十点八): per mille, as "35 per thousand"
            q.unit, q.unit_text, q.end = "permille", "‰", q.end + 1
        else:
            dm = _DEGREE_SIGN.match(text, q.end)
            if dm:
                # "30°C", "-5 °C" (摄氏三十度, 零下五度)
                q.unit, q.unit_text, q.end = "degree", dm.group().strip(), dm.end()


def rule_parenthetical(text: str, qs: list[_Q]) -> list[_Q]:
    """One quantity for a number repeated in brackets: "forty-five (45)", "45 (forty five)"."""
    merged: list[_Q] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        if i + 1 < len(qs):
            r = qs[i + 1]
            pm = _PAREN.match(text, q.end)
            if pm and pm.start(1) == r.start and r.end == pm.end(1) and r.value == q.value:
                q.end = pm.end()
                merged.append(q)
                i += 2
                continue
        merged.append(q)
        i += 1
    return merged


def rule_ranges(text: str, qs: list[_Q], t: _Tables) -> list[_Q]:
    """Join neighbours into ranges: "700 to 800", "700-800", "two or three", "between 3 and 5",
    "two to three hundred", "1967-1968", "1957-58", "February 17 to 22". "from 3,000 to 5,000"
    is a change and stays two quantities."""
    out: list[_Q] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        if i + 1 < len(qs):
            r = qs[i + 1]
            conn = text[q.end:r.start]
            left = text[max(0, q.start - 24):q.start]
            between = _BETWEEN.search(left)
            if between is None and _FROM_Q.search(text, max(0, q.start - 30), q.start):
                # "from below 7 percent to 8 percent": a change, not a range
                between = _FROM_Q.search(text, max(0, q.start - 30), q.start)
            joined = None
            if q.kind == "date" and q.unit == "day" and r.group == "dig" and r.scale is None and 1 <= r.value <= 31 \
                    and r.value > q.value and re.fullmatch(r"\d{1,2}", text[r.start:r.end]) and (
                    _RANGE_JOIN.match(conn) or between and _AND_JOIN.match(conn)) and not _PERCENT.match(text, r.end):
                # "From February 17 to 22" ("December 22nd and 24th" is two dates)
                joined = _Q(q.start, r.end, q.value, high=r.value, kind="date", unit="day", group=q.group)
            elif (_RANGE_JOIN.match(conn) and not (between and between.group().lower().startswith("from"))) or (
                    between and between.group().lower().startswith("between") and _AND_JOIN.match(conn)):
                if _year_like(q) and _year_like(r) and r.value > q.value:
                    joined = _Q(q.start, r.end, q.value, high=r.value, kind="date", unit="year", group="dig")
                elif q.kind == "date" or r.kind == "date" or q.kind == "ordinal" or r.kind == "ordinal":
                    joined = None
                elif conn.strip() in ("-", "–", "—") and re.fullmatch(r"\d{2}", text[r.start:r.end]) \
                        and _year_like(q) and Decimal(str(q.value)[:2] + text[r.start:r.end]) > q.value:
                    # "1957-58"
                    joined = _Q(q.start, r.end, q.value, high=Decimal(str(q.value)[:2] + text[r.start:r.end]),
                                kind="date", unit="year", group="dig")
                else:
                    joined = _merge_range(text, q, r, conn)
            if joined is not None:
                joined.core_end = r.end
                if between and between.group().lower().startswith("between"):
                    joined.start = q.start - (len(left) - between.start())
                    inner = between.group().split()
                    if len(inner) > 1:
                        joined.approx = t.qual_before_map.get(inner[1].lower(), joined.approx)
                out.append(joined)
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def rule_measure(text: str, q: _Q, t: _Tables) -> bool:
    """Unit and kind after the number: "thirty-odd years", the unit (rule_unit), "N times" as a
    multiple or a count of occurrences, "half a year". False when the core needs a unit and has
    none ("a village" is no count, "both the workers and", a bare "several")."""
    if q.kind in ("number", "fraction") or (q.kind == "multiple" and q.unit is None):
        # "thirty-odd years", "3,000-plus people"
        om = _ODD.match(text, q.end)
        if om:
            q.end = om.end()
            q.approx = "more_than"
            sm = _SCALE_AFTER_ODD.match(text, q.end) if q.scale is None else None
            if sm:
                # "300-odd thousand people" (三十多万人) = more than 300,000
                f = num.lexicon()["scales"][sm.group(1).lower()]
                q.value, q.end, q.scale = num.mul(q.value, f), sm.end(), sm.group(1)
                if q.high is not None:
                    q.high = num.mul(q.high, f)
        if q.unit is None and q.kind != "fraction":
            rule_unit(text, q, t)
            if q.unit is None and q.approx is None and q.high is None:
                # "1,000 or more tons", "ten or so days", "a dozen or so villages": the unit after the qualifier
                am = t.qual_after.match(text, q.end)
                if am and am.group(1)[:1].lower() in "oa" and _unit_from(text, q, t, am.end()):
                    q.approx = t.qual_after_map[re.sub(r"\s+", " ", am.group(1).lower())]
            if q.unit in _YEARS_IN:
                # "two decades" (二十年)
                f, q.unit = _YEARS_IN[q.unit]
                q.value, q.high = num.mul(q.value, f), num.mul(q.high, f) if q.high is not None else None
            hm = _AND_A_HALF.match(text, q.end) if q.unit and q.high is None else None
            if hm:
                # "a year and a half", "an hour and a half"
                q.value, q.end = q.value + Decimal("0.5"), hm.end()
        if q.unit == "times" and q.group != "once":
            # "increased by 3 times", "three times as large" (倍) vs "announced three times" (次):
            # a comparison around it makes a multiple, else a count of occurrences
            q.kind = "multiple"
            if (q.unit_text or "").lower() == "times" and (q.high is None and q.approx is None or q.group == "vague") \
                    and not _TIMES_LEFT.search(text, max(0, q.start - 40), q.start) \
                    and not _TIMES_RIGHT.match(text, q.end):
                if _OCC_RIGHT.match(text, q.end) or (
                        re.match(r"[ \t]*(?:[,.;:!?)]|$)", text[q.end:q.end + 2])
                        and re.search(r"[A-Za-z][ \t]+\Z", text[max(0, q.start - 3):q.start])
                        and (q.value == q.value.to_integral_value() or q.group == "vague")):
                    q.kind = "number"
        elif q.unit == "percent":
            q.kind = "percent"
    if q.unit is None and q.kind == "number" and q.group in ("dig", "word"):
        if _AGED.search(text, max(0, q.start - 16), q.start):
            # "aged 45", "at the age of 45" (四十五岁): years
            q.unit = "year"
        elif _FAMILY_OF.search(text, max(0, q.start - 20), q.start):
            # "his family of seven" (一家七口): people
            q.unit = "person"
    if q.unit is None and q.kind == "number" and q.group in ("dig", "word") and q.high is None \
            and _ONE_TIME.match(text, q.end) and _BY_RISE.search(text, max(0, q.start - 20), q.start):
        # "increased by one time" (增加一倍, as a literal translation says it): a multiple
        tm = _ONE_TIME.match(text, q.end)
        q.kind, q.unit, q.unit_text, q.end = "multiple", "times", tm.group().strip(), tm.end()
    if q.unit is None and q.kind == "number" and q.group in ("dig", "word") and q.high is None \
            and _FACTOR_OF.search(text, max(0, q.start - 16), q.start):
        # "increased by a factor of three" (增加了两倍 or 三倍: as the English says it, 3)
        q.kind, q.unit = "multiple", "times"
    if q.group == "mult" and q.approx is None and (q.unit_text or "").lower() in ("twice", "thrice") \
            and _OCC_RIGHT.match(text, q.end) and not _TIMES_RIGHT.match(text, q.end):
        # "twice a day", "twice in a row" (两次): occurrences; "twice last year's output" stays a multiple
        q.kind = "number"
    if q.unit == "side" and q.value == 2 and q.group == "word" and q.high is None:
        # "the two sides held talks" (双方, no numeral in the Chinese): the parties, no measured figure;
        # the count stays (两侧 "the two sides of the road" pairs with it), its noun is no unit
        q.unit = q.unit_text = None
        q.end = q.core_end
    if q.group in ("aunit", "both") and q.unit is None:
        return False
    if q.group == "vague" and q.unit is None and q.kind == "number":
        # "by several to dozens of times", "several or more times" (几倍到几十倍): the unit named after the range
        rm = _VAGUE_TO.match(text, q.end)
        um = t.unit_re.match(text, rm.end()) if rm else None
        if um:
            q.unit, q.unit_text = t.unit_forms.get(re.sub(r"\s+", " ", um.group(2).lower())), None
            if q.unit == "times":
                q.kind = "multiple"
    if q.group == "vague" and q.unit is None and not q.of_ok \
            and text[q.start:q.core_end].lower().split()[-1] in ("several", "few"):
        # bare "a few", "several of them": no count to reconcile
        return False
    # "half a year" / "half an hour"
    if q.group == "half" and q.unit is None:
        m = _A_AN.match(text, q.end)
        if m and _unit_from(text, q, t, m.end()):
            q.kind = "number"
    if q.kind == "fraction" and q.unit is None and q.group in ("frac", "fracw", "half"):
        um = t.unit_re.match(text, q.end) if q.group == "frac" else None
        if um and t.unit_forms.get(um.group(2).lower()) in MEASURES:
            # "1/2 jin", "2 1/2 mu" (a measure written right after the digits)
            _set_unit(text, q, um, t)
        else:
            # "a quarter of a century" (0.25 century), "half of a decade" (5 years), "three quarters of an hour"
            om = _OF_A.match(text, q.end)
            cm = _OF_A_CENTURY.match(text, q.end) if om else None
            if cm:
                f, unit = _YEARS_IN[cm.group(1).lower()]
                q.value, q.unit, q.unit_text, q.end, q.kind = num.mul(q.value, f), unit, cm.group(1), cm.end(), "number"
            elif om:
                save = q.end
                q.end = om.end()
                rule_unit(text, q, t)
                fu = _YEARS_IN.get(q.unit or "")
                if q.unit is not None and (fu is not None or q.unit in MEASURES):
                    if fu is not None:
                        q.value, q.unit = num.mul(q.value, fu[0]), fu[1]
                    q.kind = "number"
                else:
                    q.end, q.unit, q.unit_text = save, None, None
    if q.unit and q.kind == "fraction" and q.group in ("fracw", "frac") and not _OF.match(text, q.core_end):
        q.kind = "number"
    return True


def rule_dates(text: str, q: _Q) -> None:
    """Years ("in 1957", "the 1950s"), days ("the 25th", "on the 11th of last month", datelines
    "Xingxian, 25th:"), list enumerators ("(1)", "1. Shorten") and clock times ("12 o'clock")."""
    if _year_like(q) and q.kind == "number" and q.high is None:
        lw = text[max(0, q.start - 16):q.start]
        # "in 1957 farmers", "the 1955 National Economic Construction Bonds" (a name after a year)
        if q.unit is None or _YEAR_LEFT.search(lw) or re.match(r"[ \t]+[A-Z][a-z]", text[q.core_end:q.core_end + 3]):
            q.kind, q.unit, q.unit_text = "date", "year", None
            q.end = q.core_end
            sm = _DECADE_S.match(text, q.end)
            if sm:
                q.end = sm.end()
    if q.group in ("dord", "word_ord") and q.kind == "ordinal" and 1 <= q.value <= 31:
        right = text[q.end:q.end + 30]
        left = text[max(0, q.start - 14):q.start].lower()
        if re.match(rf"{_SPS}of{_SPS}(?:this|last|next|that|the|the{_SPS}same|each|every){_SPS}month\b", right, re.I) or (
                q.group == "dord" and re.match(r"[ \t]*(?:[,.:;\]]|$)|[ \t]+(?i:dispatch|cable|telegram|report)\b", right)) or (
                q.group == "dord" and text[q.start - 1:q.start] == "(" and right[:1] == ")") or (
                q.group == "dord" and _DAY_LEFT.search(left + " ") is not None and not re.match(r"[ \t]+[A-Z]", right)) or (
                q.group == "dord" and re.search(r"\bthe\s+$", left) and re.match(r"\s*(?:[,.;:)!?]|$|and\b|to\b|or\b|-|–)", right)) or (
                q.group == "dord" and re.match(r"[ \t]*(?:\((?!\d)|--|—|–)", right)) or (
                q.group == "dord" and re.search(r"\d(?:st|nd|rd|th),?[ \t]+(?:and[ \t]+|to[ \t]+)?$", left)):
            # "Beijing, 12th (Xinhua)", "12th -- The", "the 1st, 2nd and 3rd of this month"
            q.kind, q.unit = "date", "day"
    # "Nos. 3 and 4", "Nos. 3, 4 and 5": the labels after the first
    if q.group == "dig" and q.kind == "number" and q.high is None and _NOS_BEFORE.search(text, max(0, q.start - 30), q.start):
        q.kind, q.unit, q.unit_text, q.end = "ordinal", None, None, q.core_end
    # "(1) Complete on time": a list enumerator
    if q.group == "dig" and q.kind == "number" and q.unit is None and q.start > 0 and text[q.start - 1] == "(" \
            and text[q.end:q.end + 1] == ")" and q.value < 100:
        q.kind = "ordinal"
    # "1. Shorten the cycle; 2. Save steel": list enumerators
    if q.group == "dig" and q.kind == "number" and q.unit is None and q.value < 30 and q.high is None \
            and _ENUM_RIGHT.match(text, q.end) and _ENUM_LEFT.search(text, max(0, q.start - 3), q.start):
        q.kind = "ordinal"
    # "12 o'clock", "3 p.m."
    if q.group in ("dig", "word") and q.kind == "number" and q.high is None:
        cm = _CLOCK.match(text, q.core_end)
        if cm:
            q.kind, q.unit, q.unit_text, q.end = "date", "time", None, cm.end()


def rule_currency(text: str, q: _Q) -> None:
    """A currency sign before the number: "$3 million", "US$3 million" (usd), "£5,000", "HK$500"."""
    if q.group == "dig" and q.kind == "number":
        cm = _CURRENCY_BEFORE.search(text, max(0, q.start - 6), q.start) \
            if q.start and text[q.start - 1] in "$£¥ B\t\u00a0" else None
        if cm:
            sym = cm.group().strip()
            key = "usd" if "$" in sym else ("pound" if "£" in sym else "yuan")
            key = _DOLLAR_SIGNS.get(sym.split("$")[0].strip(), key)
            if q.unit is None or q.unit in ("dollar", "usd"):
                if q.unit is None:
                    q.end = q.core_end if q.high is None else q.end
                q.unit, q.unit_text = key, sym
            q.start = cm.start()
            if key != "usd" and q.unit == "usd":
                q.unit = key


def rule_qualifier(text: str, q: _Q, t: _Tables) -> None:
    """The qualifier before ("more than 220,000 mu", not "turn over 700,000 yuan") or after
    ("1,000 tons or more") the quantity; qualifiers/*.toml hold the phrases."""
    if q.kind in ("date", "ordinal"):
        return
    lw = text[max(0, q.start - 40):q.start]
    last = _LAST_WORD.search(lw)
    # cheap test first: the word right before the number must end some qualifier phrase
    qm = t.qual_before.search(lw) if last and last.group(1).lower() in t.qual_last_words else None
    if qm and qm.group(1).lower() in t.particles:
        pv = re.search(r"([A-Za-z]+)\W*\Z", lw[:qm.start()])
        if pv and pv.group(1).lower() in t.particles[qm.group(1).lower()]:
            qm = None
    if qm and q.approx is None or (qm and q.group == "vague"):
        q.approx = t.qual_before_map[re.sub(r"\s+", " ", qm.group(1).lower())]
        q.start = q.start - (len(lw) - qm.start())
    elif qm:
        # "about 100,000-plus inhabitants", "some thirty-odd years": the words after the number
        # say more; the qualifier before still belongs to the mention
        q.start = q.start - (len(lw) - qm.start())
    if q.approx is None or q.approx == "about" and q.group == "vague":
        am = t.qual_after.match(text, q.end)
        if am:
            q.approx = t.qual_after_map[re.sub(r"\s+", " ", am.group(1).lower())]
            q.end = am.end()
    if q.group == "adozen" and q.approx in ("more_than", "about") and q.high is None:
        # "more than a dozen", "a dozen or so" say ten-odd (十多, 十几, 十来), not twelve: more than 10,
        # or about 11..19 (both pair with 十几 as well); "a dozen" alone stays 12
        if q.approx == "more_than":
            q.value = Decimal(10)
        else:
            q.value, q.high = Decimal(11), Decimal(19)


def _extract(text: str) -> list[Quantity]:
    t = tables()
    qs = rule_ratio(text, rule_compound(text, [q for q in find_cores(text) if not rule_negative(text, q, t)]))
    for q in qs:
        rule_percent(text, q)
    qs = rule_ranges(text, rule_parenthetical(text, qs), t)
    result: list[Quantity] = []
    for q in qs:
        if not rule_measure(text, q, t):
            continue
        rule_dates(text, q)
        rule_currency(text, q)
        rule_qualifier(text, q, t)
        if q.kind == "number" and q.unit == "percent":
            q.kind = "percent"
        if result and q.start < result[-1].end:
            continue
        if rule_names(text, q, t):
            continue
        result.append(Quantity(text=text[q.start:q.end], start=q.start, end=q.end, value=q.value, high=q.high,
                               unit=q.unit, approx=q.approx, kind=q.kind, scale=q.scale, unit_text=q.unit_text))
    return rule_shared_unit(text, rule_one_in(text, result))


def rule_one_in(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "one in three", "one in every five households" (三分之一, 五分之一) are fractions;
    "10 out of 29 households" stays two counts (rule_shared_unit gives the first its unit)."""
    if len(qs) < 2:
        return qs
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            b = qs[i + 1]
            m = _ONE_IN.fullmatch(text, a.end, b.start)
            if m and a.kind == b.kind == "number" and a.unit is None and a.high is None and b.high is None \
                    and 0 < a.value < b.value and b.unit not in MEASURES and b.approx is None \
                    and (m.group(1) or not m.group().lower().lstrip().startswith("out")):
                end = b.start + len(text[b.start:b.end].split()[0]) if b.unit else b.end
                out.append(Quantity(text=text[a.start:end], start=a.start, end=end, value=num.div(a.value, b.value),
                                    kind="fraction", approx=a.approx))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_TO = re.compile(rf"{_SPS}to{_SPS}", re.I)
_ONE_IN = re.compile(rf"{_SPS}(?:in|out{_SPS}of){_SPS}(every{_SPS})?", re.I)
_COMMA = re.compile(rf"{_SP}*,{_SP}*")
_LIST_SEP = re.compile(rf"{_SP}*,{_SP}*(?:and{_SPS})?|{_SPS}and{_SPS}", re.I)
_FROM_LEFT = re.compile(rf"\bfrom{_SPS}\Z", re.I)


def _scale_mult(scale: str | None) -> Decimal | None:
    """The multiplier of a scale word ("million") or suffix ("M"); None for none."""
    if not scale:
        return None
    lex = num.lexicon()
    return lex["scales"].get(scale.lower()) or lex["scales_plural"].get(scale.lower()) or lex["suffixes"].get(scale)


def rule_shared_unit(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A number whose unit the English leaves out (``unit_text`` stays None):
    "10 out of 29 households" (the second number's unit), a change "from 30 to 40 percent" (the
    second's unit and scale), and parallel lists
    "47 counties in Georgia, 37 in Mississippi, and 30 in Texas" (the first item's unit)."""
    out = list(qs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.unit is None and a.kind == "number" and b.unit and b.kind == "number" \
                and _OUT_OF.fullmatch(text, a.end, b.start):
            out[i] = replace(a, unit=b.unit)
        elif a.kind == "number" and a.high is None and b.kind in ("number", "percent") and b.high is None \
                and _TO.fullmatch(text, a.end, b.start) and _FROM_LEFT.search(text, max(0, a.start - 8), a.start):
            # a change "from 30 to 40 percent", "from 2.5 to 3.1 million tons" (由百分之三十提高到百分之四十):
            # the first figure takes the second's unit and, when it has none of its own, its scale word
            if a.unit is None and b.unit:
                va, sc = a.value, a.scale
                mult = _scale_mult(b.scale) if a.scale is None and a.unit_text is None else None
                if mult is not None and 0 < va < 1000 and b.value / 100 <= num.mul(va, mult) <= b.value * 100:
                    va, sc = num.mul(va, mult), b.scale
                out[i] = replace(a, unit=b.unit, kind=b.kind, value=va, scale=sc)
            elif b.unit is None and a.unit and b.kind == "number" and a.kind == "number":
                # "from 3,000 yuan to 5,000"
                out[i + 1] = replace(b, unit=a.unit)
    # a list that names its unit once, at the end: "by 20, 30 and 40 percent respectively",
    # "20, 30 and 40 million tons" (分别增长百分之二十、三十和四十)
    for i in range(len(out) - 1, 0, -1):
        b = out[i]
        if not b.unit or b.kind not in ("number", "percent") or b.high is not None:
            continue
        j = i - 1
        while j >= 0:
            a = out[j]
            if a.unit is not None or a.kind != "number" or a.high is not None or a.scale is not None \
                    or not _LIST_SEP.fullmatch(text, a.end, out[j + 1].start):
                break
            if "," in text[a.end:out[j + 1].start] and "and" in text[a.end:out[j + 1].start].lower() and not (
                    j > 0 and out[j - 1].unit is None and out[j - 1].kind == "number"
                    and _COMMA.fullmatch(text, out[j - 1].end, a.start)):
                break  # "He was 45, and 300 people came": ", and" joins clauses unless a list runs before it
            mult = _scale_mult(b.scale)
            va, sc = a.value, a.scale
            if mult is not None and 0 < va < 1000 and b.value / 100 <= num.mul(va, mult) <= b.value * 100:
                va, sc = num.mul(va, mult), b.scale
            out[j] = replace(a, unit=b.unit, kind=b.kind, value=va, scale=sc)
            j -= 1
    for i in range(1, len(out)):
        b = out[i]
        if b.unit is not None or b.kind != "number" or b.high is not None:
            continue
        j = i - 1
        while j >= 0 and out[j].kind == "date":  # "30 tons in 1957 and 40 in 1958"
            j -= 1
        if j < 0:
            continue
        a = out[j]
        if a.unit and a.kind == "number":
            pa, pb = _LIST_PREP.match(text, a.end), _LIST_PREP.match(text, b.end)
            if pa and pb and pa.group(1).lower() == pb.group(1).lower() \
                    and _LIST_GAP.search(text, a.end, b.start) and not re.search(r"[.;!?\n]", text[a.end:b.start]):
                out[i] = replace(b, unit=a.unit)
    return out


__all__ = ["extract", "find_cores", "tables", "rule_negative", "rule_percent", "rule_parenthetical", "rule_ranges",
           "rule_measure", "rule_unit", "rule_dates", "rule_currency", "rule_qualifier", "rule_names",
           "rule_shared_unit", "rule_ratio", "rule_one_in", "rule_compound"]
