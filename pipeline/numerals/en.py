"""Value of an English number phrase, exactly (``decimal.Decimal``).

The lexicon (number words, scales, ordinals, fraction denominators, vague counts,
multiples, months) lives in ``pipeline/data/en/numbers.toml``; this module only
combines resolved word values (Duckling's ``Numeral/EN/Rules.hs`` in small):

- digits with separators and decimals: ``1,200`` ``3.87`` ``.77`` ``0033``
- digits with a scale word or suffix: ``3.87 billion`` ``267 thousand`` ``100k`` ``1.2M``
- number words: ``five`` ``twenty-one`` ``one hundred and fifty`` ``a hundred``
  ``thirty-one million two hundred fifty-six thousand seven hundred twenty-one``
  ``two point two million``
- fractions: ``a third`` ``two-thirds`` ``one and a half`` ``1/3`` ``half`` (``one and a half million``)
- ordinals: ``first`` ``31st`` ``twenty-fifth``

``parse_number(phrase)`` returns a :class:`pipeline.numerals.Numeral` or None.
The finer entry points (``parse_digits``, ``parse_words``, ``parse_ordinal``,
``parse_fraction``) are what :mod:`pipeline.quantities.en` calls on the spans
its regex found.
"""
from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache
from pathlib import Path

from pipeline.numerals import Numeral

DATA = Path(__file__).resolve().parents[1] / "data" / "en" / "numbers.toml"

#: significant digits kept for non-terminating ratios (1/3 -> 0.333... to 28 digits)
PRECISION = 28


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The number-word tables, values as Decimal (loaded once per process)."""
    with open(DATA, "rb") as fh:
        raw = tomllib.load(fh)
    lex: dict = {}
    for table, entries in raw.items():
        if table in ("vague", "vague_plural"):
            lex[table] = {k.lower(): (Decimal(str(lo)), Decimal(str(hi))) for k, (lo, hi) in entries.items()}
        elif table == "suffixes":
            lex[table] = {k: Decimal(str(v)) for k, v in entries.items()}
        else:
            lex[table] = {k.lower(): Decimal(str(v)) for k, v in entries.items()}
    # plural scale forms (thousands, millions) as multipliers after a number
    lex["scales_plural"] = {k + "s": v for k, v in lex["scales"].items() if not k.endswith("s")}
    lex["cardinal"] = {**lex["ones"], **lex["tens"]}
    return lex


def div(a: Decimal, b: Decimal) -> Decimal:
    """a / b with PRECISION significant digits, normalised when exact (2/10 -> 0.2)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        q = a / b
    return _norm(q)


def _norm(d: Decimal) -> Decimal:
    """Drop trailing zeros but never turn 100 into 1E+2; exact for numbers of any length."""
    if not d.is_finite():
        return d
    t = d.as_tuple()
    with localcontext() as ctx:
        ctx.prec = max(PRECISION, len(t.digits) + abs(t.exponent) + 2)
        if d == d.to_integral_value():
            return d.quantize(Decimal(1))
        return d.normalize()


def mul(a: Decimal, b: Decimal) -> Decimal:
    """a * b, exactly: the precision grows with the operands."""
    with localcontext() as ctx:
        ctx.prec = max(60, len(a.as_tuple().digits) + len(b.as_tuple().digits) + 2)
        return _norm(a * b)


_DIGITS = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)")


def parse_digits(s: str) -> Decimal | None:
    """'1,200' -> 1200, '3.87' -> 3.87, '.77' -> 0.77, '0033' -> 33; None if not a number."""
    s = s.replace(",", "").replace("\u2009", "").replace("\u202f", "").replace(" ", "")
    if not s or not _DIGITS.fullmatch(s):
        return None
    try:
        return _norm(Decimal(s))
    except InvalidOperation:
        return None


_WORD_SPLIT = re.compile(r"[A-Za-z]+|\d[\d,]*(?:\.\d+)?|\.\d+")


def parse_words(phrase: str) -> Numeral | None:
    """Value of a cardinal phrase in words or digits+scale words.

    Returns None when the whole phrase is not one well-formed number
    ("two three" is two numbers, not 23).
    """
    toks = [t.lower() for t in _WORD_SPLIT.findall(phrase)]
    if not toks:
        return None
    n, used = words_prefix(toks)
    if n is None or used != len(toks):
        return None
    return n


def words_prefix(toks: list[str]) -> tuple[Numeral | None, int]:
    """Longest well-formed number at the start of lower-case tokens: (Numeral, tokens used)."""
    lex = lexicon()
    card, scales, scales_pl = lex["cardinal"], lex["scales"], lex["scales_plural"]
    total = Decimal(0)
    current: Decimal | None = None  # value below the last big scale
    last = None  # kind of the last token: one, ten, hundred, scale, digits, and
    last_scale = None  # value of the last big scale used (must decrease)
    scale_word = None
    used = 0
    best: tuple[Numeral | None, int] = (None, 0)
    i = 0
    negative = False
    if toks and toks[0] in ("minus", "negative"):
        negative = True
        i = 1
    start_i = i
    while i < len(toks):
        t = toks[i]
        if t in ("a", "an") and i == start_i and i + 1 < len(toks) and (toks[i + 1] in scales or toks[i + 1] == "hundred"):
            current = Decimal(1)
            last = "one"
            i += 1
            continue
        if t == "and":
            # "one hundred and fifty", "seven hundred twenty-one thousand and twelve"
            if last in ("hundred", "scale") and i + 1 < len(toks) and toks[i + 1] in card:
                last = "and"
                i += 1
                continue
            break
        if t == "point" and i + 1 < len(toks):
            # "two point two million", "point 77", "1 point 1"
            j = i + 1
            frac = ""
            while j < len(toks):
                u = toks[j]
                if u in lex["ones"] and lex["ones"][u] < 10:
                    frac += str(int(lex["ones"][u]))
                elif u.isdigit() and not frac:
                    frac += u
                else:
                    break
                j += 1
            if not frac or last in ("and",):
                break
            base = current if current is not None else Decimal(0)
            current = _norm(Decimal(f"{int(base)}.{frac}")) if base == base.to_integral_value() else None
            if current is None:
                break
            last = "point"
            i = j
            best = (_mk(total + current, scale_word, negative), i)
            continue
        if t[0].isdigit() or t[0] == ".":
            if i != start_i:
                break
            d = parse_digits(t)
            if d is None:
                break
            current = d
            last = "digits"
        elif t in card:
            v = card[t]
            is_ten = t in lex["tens"]
            if last in (None, "hundred", "scale", "and"):
                pass
            elif last == "ten" and not is_ten and 0 < v < 10:
                pass
            else:
                break
            current = (current or Decimal(0)) + v
            last = "ten" if is_ten else "one"
        elif t == "hundred":
            if last not in ("one", "ten", "digits", "point") or current is None or (last != "digits" and current >= 100):
                break
            current = mul(current, Decimal(100))
            last = "hundred"
        elif t in scales or t in scales_pl:
            s = scales.get(t) or scales_pl[t]
            if last == "scale" and last_scale is not None and s >= last_scale:
                # "three thousand millions": a scale on a scaled total
                total = mul(total, s)
            elif last in ("one", "ten", "hundred", "digits", "point") and (last_scale is None or s < last_scale):
                total = total + mul(current, s)
            else:
                break
            current = None
            last = "scale"
            last_scale = s
            scale_word = t
        else:
            break
        i += 1
        best = (_mk(total + (current or Decimal(0)), scale_word, negative), i)
    return best


def _mk(v: Decimal, scale_word: str | None, negative: bool) -> Numeral:
    v = _norm(v)
    return Numeral(value=-v if negative else v, scale=scale_word)


def parse_ordinal(s: str) -> Decimal | None:
    """'31st' -> 31, 'first' -> 1, 'twenty-fifth' -> 25, 'one hundredth' -> 100."""
    s = s.strip().lower()
    m = re.fullmatch(r"(\d+)\s*(?:st|nd|rd|th|d)", s)
    if m:
        return Decimal(m.group(1))
    lex = lexicon()
    toks = re.findall(r"[a-z]+", s)
    if not toks or toks[-1] not in lex["ordinals"]:
        return None
    last = lex["ordinals"][toks[-1]]
    if len(toks) == 1:
        return last
    head, used = words_prefix(toks[:-1])
    if head is None or used != len(toks) - 1:
        return None
    if last >= 100:
        return mul(head.value, last)
    return head.value + last


def parse_fraction(s: str) -> Decimal | None:
    """'1/3', 'a third', 'two-thirds', 'three quarters', 'half', 'one and a half', '2 1/2'."""
    s = s.strip().lower()
    m = re.fullmatch(r"(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)", s)
    if m:
        whole = Decimal(m.group(1) or 0)
        den = Decimal(m.group(3))
        if den == 0:
            return None
        return _norm(whole + div(Decimal(m.group(2)), den))
    lex = lexicon()
    toks = re.findall(r"[a-z]+|\d+(?:\.\d+)?", s)
    if not toks:
        return None
    if toks == ["half"]:
        return Decimal("0.5")
    # "<whole> and a half", "one and a third", "one and a half million" (the scale applies to the whole)
    if "and" in toks:
        k = toks.index("and")
        scale = lex["scales"].get(toks[-1]) if len(toks) > k + 2 else None
        if scale is not None:
            inner = parse_fraction(" ".join(toks[:-1]))
            return mul(inner, scale) if inner is not None else None
        whole = parse_words(" ".join(toks[:k])) if toks[:k] else None
        rest = parse_fraction(" ".join(toks[k + 1:]))
        if whole is None or rest is None or rest >= 1:
            return None
        return _norm(whole.value + rest)
    den = lex["denominators"].get(toks[-1])
    if den is None:
        return None
    if len(toks) == 1:
        return None  # "thirds", "quarter": no numerator, no fraction
    if toks[:-1] in (["a"], ["an"], ["one"]):
        num = Decimal(1)
    elif toks[-1] == "half" or toks[-1] == "quarter" or toks[-1] == "third" or not toks[-1].endswith("s"):
        # "two third" is not a fraction; singular only after a/one
        n = parse_words(" ".join(toks[:-1]))
        if n is None or n.value != 1:
            return None
        num = Decimal(1)
    else:
        n = parse_words(" ".join(toks[:-1]))
        if n is None:
            return None
        num = n.value
    return div(num, den)


def parse_number(phrase: str) -> Numeral | None:
    """Value of any English number phrase (cardinal, fraction, ordinal), or None."""
    if not isinstance(phrase, str):
        return None
    p = phrase.strip()
    if not p:
        return None
    d = parse_digits(p)
    if d is not None:
        return Numeral(value=d, digitwise=True)
    m = re.fullmatch(r"([+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+))\s*([kKMG])", p)
    if m:
        d = parse_digits(m.group(1))
        if d is not None:
            return Numeral(value=mul(d, lexicon()["suffixes"][m.group(2)]), scale=m.group(2))
    n = parse_words(p)
    if n is not None:
        return n
    f = parse_fraction(p)
    if f is not None:
        return Numeral(value=f)
    o = parse_ordinal(p)
    if o is not None:
        return Numeral(value=o)
    return None


__all__ = ["parse_number", "parse_digits", "parse_words", "parse_ordinal", "parse_fraction", "words_prefix",
           "lexicon", "div", "mul"]
