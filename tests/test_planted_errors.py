"""corpus/errors/: articles written for this project (1975, 1985, 1997 styles) with translation
errors planted on purpose. Each test names the error and the rule that must find it."""
from collections import Counter

import pytest

from conftest import CORPUS
from pipeline import process_article, read_article
from pipeline.quantities import en as qen
from pipeline.quantities import zh as qzh
from pipeline.reconcile import judge_in_text

ERRORS = CORPUS / "errors"

PLANTED = {
    # 三千七百万万斤 (3.7 x 10^11) as "370 thousand jin"; 增长百分之二十 as "1.2 times that of last year" is right
    "1964-12-26_2_wanwan_as_thousand.txt": {"scale_error": 1},
    # 多 dropped (二十一万多亩 "210,000 mu"); 斤 as kilograms; a paragraph dropped (十二个, 超过千斤) while
    # the English merges the paragraphs around it
    "1975-06-15_2_jin_as_kg_merged_paragraphs.txt": {"approx_dropped": 1, "unit_mismatch": 1, "missing_in_en": 2},
    # 增长1.5倍 (x2.5) as "1.5 times that of 1980"; 一万多台 (more than) as "about 10,000"
    "1985-03-10_2_times_that_of.txt": {"value_mismatch": 1, "approx_dropped": 1},
    # 三百亿斤 as "30 million tons" (斤 read as kilograms, then converted); 1.2个百分点 as "1.2 percent"
    "1997-12-28_1_jin_converted_percentage_points.txt": {"unit_mismatch": 2},
}


def _rec(name):
    return process_article(read_article(ERRORS / name))["reconciliation"]


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_each_article_flags_exactly_its_planted_errors(name):
    rec = _rec(name)
    flags = Counter(v for v in rec["verdict"] if v != "match")
    assert dict(flags) == PLANTED[name], rec[rec["verdict"] != "match"][["zh_text", "en_text", "verdict"]]
    assert (rec["verdict"] == "match").sum() >= 8


def test_jin_read_as_kilograms_then_converted_is_a_unit_mismatch():
    rec = _rec("1997-12-28_1_jin_converted_percentage_points.txt")
    row = rec[rec["zh_text"] == "三百亿斤"].iloc[0]
    assert row["en_text"] == "30 million tons" and row["verdict"] == "unit_mismatch"
    assert "jin read as kg" in row["note"]
    # a right conversion stays a match: 4925亿公斤 = 492.5 million tons
    assert (rec[rec["zh_text"] == "4925亿公斤"]["verdict"] == "match").all()


def test_percentage_points_given_as_percent_are_a_unit_mismatch():
    rec = _rec("1997-12-28_1_jin_converted_percentage_points.txt")
    row = rec[rec["zh_text"] == "1.2个百分点"].iloc[0]
    assert row["en_text"] == "1.2 percent" and row["verdict"] == "unit_mismatch"
    rec = _rec("1985-03-10_2_times_that_of.txt")
    row = rec[rec["zh_text"] == "6.2个百分点"].iloc[0]
    assert row["en_text"] == "6.2 percentage points" and row["verdict"] == "match"


@pytest.mark.parametrize("english, verdict", [
    ("1.5 times that of 1980", "value_mismatch"),   # states the result: 2.5 was meant
    ("2.5 times that of 1980", "match"),
    ("three times as much as", "value_mismatch"),
    ("increased 1.5 times", "match"),               # either reading: not flagged
])
def test_increase_by_n_times_against_an_english_result(english, verdict):
    z = [q for q in qzh.extract("比1980年增长1.5倍") if q.kind == "multiple"][0]
    e = [q for q in qen.extract(english) if q.kind == "multiple"][0]
    text = "比1980年增长1.5倍\n" + english
    assert judge_in_text(text, z, _shift(e, len("比1980年增长1.5倍\n")), "increase").verdict == verdict


def _shift(q, k):
    import dataclasses
    return dataclasses.replace(q, start=q.start + k, end=q.end + k)


def test_wanwan_read_as_thousand_is_a_scale_error_and_a_percent_increase_may_be_a_multiple():
    rec = _rec("1964-12-26_2_wanwan_as_thousand.txt")
    row = rec[rec["zh_text"] == "三千七百万万斤"].iloc[0]
    assert (row["zh_value"], row["en_value"], row["verdict"], row["factor"]) == (
        "370000000000", "370000", "scale_error", "x10^-6")
    row = rec[rec["zh_text"] == "百分之二十"].iloc[0]
    assert row["en_text"] == "1.2 times" and row["verdict"] == "match"


def test_a_figure_the_alignment_put_in_the_next_paragraph_is_paired_there():
    rec = _rec("1975-06-15_2_jin_as_kg_merged_paragraphs.txt")
    row = rec[rec["zh_text"] == "一千五百多名"].iloc[0]
    assert row["en_text"] == "more than 1,500 cadres" and row["verdict"] == "match"
    assert "neighbouring English paragraph" in row["note"]
    assert not (rec["verdict"] == "extra_in_en").any()
