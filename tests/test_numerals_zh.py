"""Chinese numeral values: an independent writer of Chinese numerals checks the parser
on many numbers in several written forms (standard, 两, financial capitals, traditional,
digit by digit), plus grain, scale, ranges and odd input."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from pipeline.numerals.zh import parse, value

_D = "零一二三四五六七八九"


def _section(v: int) -> str:
    out, zero, started = "", False, False
    for i, u in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        d = v // 10**i % 10
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out += "零"
            zero = False
        out += _D[d] + u
        started = True
    return out


def write_chinese(n: int) -> str:
    """The standard written form of ``n`` < 10**12 (一万零五, 十五, 三亿零四十万)."""
    if n == 0:
        return "零"
    out, started, zero = "", False, False
    for v, u in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if v == 0:
            zero = zero or started
            continue
        if started and (zero or v < 1000):
            out += "零"
        zero = False
        out += _section(v) + u
        started = True
    return out[1:] if out.startswith("一十") else out


_RNG = random.Random(1946)
NUMBERS = sorted({_RNG.randrange(1, 10**k) for k in range(1, 12) for _ in range(12)} | {10, 100, 1000, 10**4, 10**8, 10**8 + 1})


@pytest.mark.parametrize("n", NUMBERS)
def test_numerals_zh_standard_form(n):
    assert value(write_chinese(n)) == n


@pytest.mark.parametrize("n", NUMBERS[::5])
def test_numerals_zh_financial_and_traditional_forms(n):
    s = write_chinese(n)
    fin = s.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
    trad = s.translate(str.maketrans("万亿", "萬億"))
    assert value(fin) == n
    assert value(trad) == n


@pytest.mark.parametrize("n", NUMBERS[::4])
def test_numerals_zh_digit_by_digit_and_arabic(n):
    digits = "".join("〇一二三四五六七八九"[int(c)] for c in str(n))
    assert value(digits) == n
    assert value(str(n)) == n
    assert value(f"{n:,}") == n
    assert value(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n


@pytest.mark.parametrize("n", [200, 2000, 20000, 2 * 10**8, 2500, 2_000_000])
def test_numerals_zh_liang(n):
    s = write_chinese(n)
    assert s.startswith("二")
    assert value("两" + s[1:]) == n


@pytest.mark.parametrize(
    "text,val,grain,scale",
    [
        ("三十八亿七千万", 3870000000, 7, "亿"),
        ("一万万四千三百六十六万", 143660000, 4, "万万"),
        ("五十万万", 5000000000, 9, "万万"),
        ("一万五千亿", 1500000000000, 11, "亿"),
        ("3.87亿", 387000000, 8, "亿"),
        ("三点五", Decimal("3.5"), -1, None),
        ("一百二", 120, 1, None),
        ("三万二", 32000, 3, "万"),
    ],
)
def test_numerals_zh_grain_and_scale(text, val, grain, scale):
    n = parse(text)
    assert (n.value, n.grain, n.scale) == (Decimal(val), grain, scale)


@pytest.mark.parametrize(
    "text,low,high,approx",
    [
        ("七八百", 700, 800, None),
        ("三四十万", 300000, 400000, None),
        ("十七八", 17, 18, None),
        ("七、八百", 700, 800, None),
        ("十几", 11, 19, "about"),
        ("几十", 20, 90, "about"),
        ("二十几万", 210000, 290000, "about"),
        ("数百", 200, 900, "about"),
    ],
)
def test_numerals_zh_ranges(text, low, high, approx):
    n = parse(text)
    assert (n.value, n.high, n.approx) == (low, high, approx)


def test_numerals_zh_more_than_inside():
    assert parse("二十多万").approx == "more_than"
    assert parse("一亿八千多万").value == 180000000


def test_numerals_zh_digitwise_flag():
    assert parse("一九五○").digitwise
    assert not parse("一千九百五十").digitwise


@pytest.mark.parametrize("text", ["", "万", "十十", "百百", "两两两", "点", "三点", "abc", "一二三点", "、", "多", "负", "1..2", "零零五"])
def test_numerals_zh_odd_input_never_raises(text):
    n = parse(text)
    assert n is None or isinstance(n.value, Decimal)
