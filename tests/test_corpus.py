"""The bundled corpus/ carries translation errors of known kinds: the whole pipeline finds them."""
from collections import Counter

import pytest

from conftest import CORPUS
from pipeline import process_article, read_article

EXPECTED_FLAGS = {
    "000_33999ee4fb8daa75.txt": {},
    "layouts/1949-04-12_2_wanwan_edition_tabs.txt": {"scale_error": 1, "approx_dropped": 1, "unit_mismatch": 1},
    "layouts/1950-06-01_2_gbk_encoded.txt": {},
    "layouts/1951-03-05_3_letter_bom_crlf.txt": {},
    "layouts/1955-11-20_2_dropped_paragraph.txt": {"missing_in_en": 2},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_FLAGS))
def test_corpus_sample_flags_exactly_its_planted_errors(name):
    tables = process_article(read_article(CORPUS / name))
    rec = tables["reconciliation"]
    flags = Counter(v for v in rec["verdict"] if v != "match")
    assert dict(flags) == EXPECTED_FLAGS[name], rec[rec["verdict"] != "match"][["zh_text", "en_text", "verdict"]]
    assert (rec["verdict"] == "match").sum() >= 4


def test_corpus_scale_error_reports_its_factor():
    rec = process_article(read_article(CORPUS / "layouts/1949-04-12_2_wanwan_edition_tabs.txt"))["reconciliation"]
    row = rec[rec["verdict"] == "scale_error"].iloc[0]
    assert row["zh_text"] == "一万万四千三百六十六万元" and row["zh_value"] == "143660000"
    assert row["en_text"] == "14.366 million yuan" and row["factor"] == "x10^-1"
