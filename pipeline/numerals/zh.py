"""Value of a Chinese numeral string, exact (Decimal) and with its grain.

``parse("三十八亿七千万")`` -> ``Numeral(value=3870000000, grain=7, scale="亿")``.

Handles 十百千万亿 at any nesting, the 1940s 万万 (= 亿), 两, 廿卅卌, zeros 零〇○,
financial capitals (壹贰叁...), traditional forms (萬億兩點), digit-by-digit numerals
(一九五○), 、 as a thousands separator (六、七○二、三○五), full-width digits, mixed
forms (3.87亿, 38亿7千万, 1,200万, 3万4000), decimals (三点五), elided trailing units
(一百二 = 120, 三万二 = 32000), ranges (七八百, 七、八百, 三四十万, 十几, 几十) and
多/余 inside a numeral (二十多万). The lexicon is ``pipeline/data/zh/numerals.toml``.

``parse`` never raises: a string that is not a numeral gives ``None``.
"""
from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

from pipeline.numerals import Numeral


def _load() -> dict:
    with resources.files("pipeline.data").joinpath("zh/numerals.toml").open("rb") as fh:
        return tomllib.load(fh)


LEX = _load()
DIGITS: dict[str, int] = LEX["digits"]
TENS: dict[str, int] = LEX["tens"]
UNITS: dict[str, int] = LEX["units"]
SCALES: dict[str, int] = LEX["scales"]
FOLD = str.maketrans(LEX["fold"])
RANGE_PAIRS: set[str] = set(LEX["range_pairs"]["pairs"])

_TENS_TEXT = {k: {20: "二十", 30: "三十", 40: "四十"}[v] for k, v in TENS.items()}
_UNIT_CHARS = "".join(UNITS) + "".join(SCALES)
_CN_DIGITS = "".join(DIGITS)
#: every character a numeral may be written with (before folding)
NUMERAL_CHARS = (
    _CN_DIGITS + "".join(TENS) + _UNIT_CHARS + "".join(k for k, v in LEX["fold"].items() if v in DIGITS or v in UNITS or v in SCALES)
    + "0123456789" + "０１２３４５６７８９"
)

_ONE = Decimal(1)
_TEN = Decimal(10)
_RE_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_RE_SEP_GROUPS = re.compile(rf"[{_CN_DIGITS}0-9]{{1,3}}(?:、[{_CN_DIGITS}0-9]{{3}})+")


def fold(s: str) -> str:
    """Traditional, financial and full-width forms to one form (廿卅卌 spelled out)."""
    s = s.translate(FOLD)
    if "廿" in s or "卅" in s or "卌" in s:
        s = "".join(_TENS_TEXT.get(c, c) for c in s)
    return s


def _tokens(s: str):
    """Tokens: ('n', value, is_single_cn_digit) | ('z',) | ('u', mult, text) | ('s', mult, text)."""
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in "0123456789.":
            m = _RE_ARABIC.match(s, i)
            if not m:
                return None
            out.append(("n", Decimal(m.group()), False))
            i = m.end()
        elif c in DIGITS:
            j = i
            while j < n and s[j] in DIGITS:
                j += 1
            run = s[i:j]
            if j - i == 1:
                if c == "零" or c == "〇" or c == "○":
                    out.append(("z",))
                else:
                    out.append(("n", Decimal(DIGITS[c]), True))
            else:
                stripped = run.lstrip("零")
                if stripped != run and out and out[-1][0] in "us":
                    # 一千零五, 一万零六百: a filler zero then the rest
                    out.append(("z",))
                    run = stripped
                    if len(run) == 1:
                        out.append(("n", Decimal(DIGITS[run]), True))
                        i = j
                        continue
                if "两" in run[1:]:
                    return None  # 两 never stands inside a digit-by-digit run
                out.append(("n", Decimal("".join(str(DIGITS[d]) for d in run)), False))
            i = j
        elif c in UNITS:
            out.append(("u", UNITS[c], c))
            i += 1
        elif c in SCALES:
            out.append(("s", SCALES[c], c))
            i += 1
        else:
            return None
    return out


def _evaluate(s: str):
    """(value, grain, scale_text) of a folded numeral without ranges/qualifiers, or None."""
    if not s:
        return None
    if "点" in s:
        left, _, right = s.partition("点")
        j = 0
        while j < len(right) and (right[j] in DIGITS or right[j] in "0123456789"):
            j += 1
        frac, rest = right[:j], right[j:]
        if not frac or (rest and any(c not in SCALES for c in rest)):
            return None
        lv = _evaluate(left) if left else (Decimal(0), 0, None)
        if lv is None:
            return None
        value = lv[0] + Decimal("0." + "".join(d if d in "0123456789" else str(DIGITS[d]) for d in frac))
        grain = -len(frac)
        scale = None
        for c in rest:
            value *= SCALES[c]
            grain = len(str(SCALES[c])) - 1
        if rest:
            scale = rest
        return value, grain, scale or lv[2]
    toks = _tokens(s)
    if not toks:
        return None
    if all(t[0] == "z" for t in toks):
        return (Decimal(0), 0, None) if len(toks) == 1 else None
    total = Decimal(0)
    section = Decimal(0)
    cur = None
    cur_single = False
    prev = None  # type of previous token
    last_mult = 1
    grain = sec_grain = 0
    scale_text = None
    scale_run = ""
    run_mult = best_mult = 0
    seen_any = False
    prev2 = None
    for t in toks:
        kind = t[0]
        if kind == "n":
            if cur is not None:
                return None
            cur, cur_single = t[1], t[2]
            seen_any = True
        elif kind == "z":
            if prev == "n":
                return None
        elif kind == "u":
            m = t[1]
            if cur is None:
                if prev in (None, "s", "z") or (prev == "u" and m < last_mult):
                    cur = _ONE  # 十五, 万十, 一百十六
                else:
                    return None
            if prev == "u" and m >= last_mult:
                return None  # 十百, 百百
            section += cur * m
            cur = None
            last_mult = m
            grain = sec_grain = len(str(m)) - 1
            seen_any = True
        else:  # scale
            m = t[1]
            if cur is not None and cur_single and prev == "n" and prev2 == "u" and last_mult >= 100:
                cur *= last_mult // 10  # 百二万 = 120万
            val = section + (cur if cur is not None else 0)
            if prev == "s":
                total *= m  # 万万 = 亿
                scale_run += t[2]
                run_mult *= m
            elif val == 0:
                if seen_any or prev == "z":
                    return None
                total = Decimal(m)  # 万余人: a bare scale word is one of it
            elif total < m:
                total = (total + val) * m
            else:
                total += val * m
            if prev != "s":
                if scale_run and run_mult > best_mult:
                    scale_text, best_mult = scale_run, run_mult
                scale_run, run_mult = t[2], m
            if prev == "s":
                grain += len(str(m)) - 1
            else:
                grain = (0 if cur is not None else sec_grain) + len(str(m)) - 1
            section = Decimal(0)
            cur = None
            sec_grain = 0
            last_mult = m
            seen_any = True
        prev2, prev = prev, kind
    if scale_run and run_mult > best_mult:
        scale_text = scale_run
    if cur is not None:
        if cur_single and prev == "n" and len(toks) >= 2 and toks[-2][0] in "us" and last_mult >= 10:
            # 一百二 = 120, 三万二 = 32000: the trailing digit takes the next unit down
            m = last_mult // 10
            cur *= m
            grain = len(str(m)) - 1
        else:
            grain = 0
        total += section + cur
    else:
        total += section
    if not seen_any:
        return None
    return total, grain, scale_text


def norm(d: Decimal) -> Decimal:
    """Decimal without a spurious exponent or trailing zeros (387000000.00 -> 387000000)."""
    if d == d.to_integral_value():
        return d.quantize(_ONE)
    return d.normalize()


def _range_split(s: str):
    """(low, high) strings for 七八百 / 十七八 / 几十 / 十几, else None."""
    if "几" in s or "数" in s:
        # 几十 / 数百 = 20..90 / 200..900 (before 十百千); 十几, 二十几万 = 11..19 (after a unit)
        w = "几" if "几" in s else "数"
        i = s.index(w)
        before_unit = i + 1 < len(s) and s[i + 1] in "十百千"
        after_unit = i > 0 and s[i - 1] in _UNIT_CHARS
        low = s.replace(w, "一" if after_unit and not before_unit else "二", 1)
        high = s.replace(w, "九", 1)
        return low, high, "about"
    n = len(s)
    for i in range(n - 1):
        pair = s[i : i + 2]
        if pair in RANGE_PAIRS:
            before_ok = i == 0 or s[i - 1] in _UNIT_CHARS
            after_ok = i + 2 == n or s[i + 2] in _UNIT_CHARS
            if before_ok and after_ok:
                return s[:i] + pair[0] + s[i + 2 :], s[:i] + pair[1] + s[i + 2 :], None
    return None


@lru_cache(maxsize=65536)
def parse(text: str) -> Numeral | None:
    """Numeral value of ``text`` (the whole string must be a numeral), or None."""
    try:
        return _parse(text)
    except (InvalidOperation, ValueError, KeyError, IndexError, ArithmeticError):
        return None


def _parse(text: str) -> Numeral | None:
    s = fold(text).replace(",", "").replace(" ", "")
    if not s:
        return None
    sign = 1
    if s[0] in "负-－":
        sign, s = -1, s[1:]
        if not s:
            return None
    if s[-1] in "KkMG" and len(s) > 1:
        inner = parse(s[:-1])
        if inner is None or inner.high is not None:
            return None
        mult = {"K": 1000, "k": 1000, "M": 1000000, "G": 1000000000}[s[-1]]
        return Numeral(norm(sign * inner.value * mult), None, inner.grain + len(str(mult)) - 1, None)
    approx = None
    # 二十多万, 一亿八千多万: 多/余 before a scale word
    if "多" in s or "余" in s:
        t = re.sub(r"[多余](?=[万亿])", "", s)
        if t != s:
            approx, s = "more_than", t
        if "多" in s or "余" in s:
            return None
    if "、" in s:
        if _RE_SEP_GROUPS.fullmatch(s):
            s = s.replace("、", "")
        else:
            parts = s.split("、")
            if len(parts) == 2 and len(parts[0]) == 1 and parts[0] + parts[1][:1] in RANGE_PAIRS:
                s = parts[0] + parts[1]  # 七、八百 = 七八百
            else:
                return None
    rng = _range_split(s)
    if rng:
        low_s, high_s, r_approx = rng
        lo = _evaluate(low_s)
        hi = _evaluate(high_s)
        if lo is None or hi is None or hi[0] <= lo[0]:
            return None
        return Numeral(norm(sign * lo[0]), norm(sign * hi[0]), lo[1], lo[2], approx or r_approx)
    ev = _evaluate(s)
    if ev is None:
        return None
    digitwise = not any(c in _UNIT_CHARS or c == "点" for c in s)
    return Numeral(norm(sign * ev[0]), None, ev[1], ev[2], approx, digitwise)


def value(text: str) -> Decimal | None:
    """Just the value (low end of a range)."""
    n = parse(text)
    return n.value if n else None


__all__ = ["parse", "value", "fold", "norm", "NUMERAL_CHARS"]
