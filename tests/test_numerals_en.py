"""English number words to exact values (pipeline/numerals/en.py): written-out numbers as the
translations spell them, up to millions, fractions, ordinals; and what is not one number."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.numerals.en import parse_digits, parse_number


@pytest.mark.parametrize("phrase,value", [
    ("two hundred and thirty-five thousand", "235000"),
    ("two hundred thirty-five thousand", "235000"),
    ("one thousand nine hundred and fifty-seven", "1957"),
    ("nineteen hundred and forty-nine", "1949"),
    ("twelve hundred", "1200"),
    ("fifteen hundred", "1500"),
    ("a hundred and five", "105"),
    ("a thousand and one", "1001"),
    ("two thousand and five", "2005"),
    ("three hundred and sixty-five", "365"),
    ("one million two hundred and fifty thousand", "1250000"),
    ("three million five hundred thousand", "3500000"),
    ("seven hundred thousand", "700000"),
    ("one hundred million", "100000000"),
    ("three point eight seven billion", "3870000000"),
    ("zero point five", "0.5"),
    ("1.2 million", "1200000"),
    ("3.87 billion", "3870000000"),
    ("10 thousand", "10000"),
    ("one and a half million", "1500000"),
    ("two and a half thousand", "2500"),
    ("three and a half", "3.5"),
    ("three-fifths", "0.6"),
    ("five eighths", "0.625"),
    ("three-quarters", "0.75"),
    ("twenty-first", "21"),
    ("one hundredth", "0.01"),
    ("hundredth", "100"),
    ("3rd", "3"),
])
def test_numerals_en_written_numbers(phrase, value):
    n = parse_number(phrase)
    assert n is not None and n.value == Decimal(value), (phrase, n)


@pytest.mark.parametrize("phrase", ["and a half million", "thousand hundred", "two one", "half and", "point", "a"])
def test_numerals_en_not_a_number(phrase):
    assert parse_number(phrase) is None


@pytest.mark.parametrize("s,value", [("1,200", "1200"), ("1\u2009200", "1200"), ("3\u202f870\u202f000", "3870000"),
                                     ("0.5", "0.5"), (".5", "0.5")])
def test_numerals_en_digits(s, value):
    assert parse_digits(s) == Decimal(value)
