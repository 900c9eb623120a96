"""Evaluation built in (pipeline/evaluate.py): gold scoring and error injection."""
import json
import random
from decimal import Decimal as D

import pytest

from pipeline.evaluate import evaluate_gold, inject_errors, locate, make_injection
from pipeline.types import Quantity


def test_evaluate_locate_in_order():
    text = "标题一百斤\n正文一百斤，又二百斤"
    spans = locate(text, ["一百斤", "一百斤", "二百斤", "三百斤"], 0)
    assert spans[0] == (2, 5) and spans[1] == (8, 11) and spans[2][0] == text.index("二百斤") and spans[3] is None


@pytest.mark.parametrize("kind,expect", [
    ("scale10", "more than 2,670,000 yuan"), ("scale1e4", "more than 2,670,000,000 yuan"),
    ("qualifier", "267,000 yuan"), ("removed", ""), ("unit", "more than 267,000 dollars"),
])
def test_evaluate_make_injection(kind, expect):
    text = "They saved more than 267,000 yuan in two months."
    s = text.index("more")
    q = Quantity("more than 267,000 yuan", s, s + 22, D("267000"), None, "yuan", "more_than", "number", None, "yuan")
    new, ns, ne, desc = make_injection(text, q, kind, random.Random(0))
    assert new[ns:ne] == expect and new[:s] == text[:s] and new[ne:] == text[s + 22:]


def test_evaluate_digit_injection_changes_one_significant_digit():
    q = Quantity("3.87 billion yuan", 0, 17, D("3870000000"), None, "yuan", None, "number", "billion", "yuan")
    for seed in range(20):
        new, ns, ne, _ = make_injection("3.87 billion yuan", q, "digit", random.Random(seed))
        digits = new.replace(",", "").split()[0]
        assert len(digits) == 10 and digits != "3870000000"
        assert sum(a != b for a, b in zip(digits, "3870000000")) == 1
        assert digits[3:] == "0000000"  # only the significant digits 3, 8, 7 change


def test_evaluate_gold_on_a_small_gold_file(seed_path, tmp_path):
    """A hand-made gold file for the seed article with one changed English figure."""
    text = seed_path.read_text(encoding="utf-8").replace("7.21 million yuan", "72.1 million yuan")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(text, encoding="utf-8")
    gold = {"file": "seed.txt", "numbers": [
        {"zh": "三十八亿七千万元", "verdict": "match"},
        {"zh": "1957-08-20", "verdict": "not_applicable"},
        {"zh": "第5版", "verdict": "not_applicable"},
        {"zh": "七百二十一万元", "verdict": "scale_error"},
        {"zh": "二百斤", "verdict": "match"},
    ], "extra_en": []}
    gp = tmp_path / "gold.jsonl"
    gp.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    res = evaluate_gold(gp, corpus)
    assert res["n_gold"] == 5 and res["unlocated"] == 0
    assert res["per_verdict"]["scale_error"]["recall"] == 1.0
    assert res["flag"]["recall"] == 1.0
    assert res["accuracy"] == 1.0


def test_evaluate_inject_errors_on_the_seed(seed_path, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / seed_path.name).write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    res = inject_errors(corpus, kinds=("scale10", "scale1e4", "removed"), per_kind=2)
    assert res["n"] == 6
    assert res["per_kind"]["scale10"]["caught"] == 2 and res["per_kind"]["scale1e4"]["caught"] == 2
    assert res["caught_rate"] >= 5 / 6


@pytest.mark.slow
def test_evaluate_dev_gold_targets(shared_dir):
    """The issue's targets on ../shared/gold/dev.jsonl (about 3 s)."""
    res = evaluate_gold(shared_dir / "gold" / "dev.jsonl", shared_dir / "corpus" / "dev")
    assert res["unlocated"] == 0
    assert res["accuracy"] >= 0.95
    assert res["flag"]["recall"] >= 0.85


def test_evaluate_cli_eval_json(seed_path, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    gp = tmp_path / "gold.jsonl"
    gp.write_text(json.dumps({"file": "seed.txt", "numbers": [{"zh": "三十八亿七千万元", "verdict": "match"}],
                              "extra_en": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", "--gold", str(gp), "--corpus", str(corpus), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["n_gold"] == 1 and out["accuracy"] == 1.0
    r = CliRunner().invoke(cli, ["eval", "--gold", str(tmp_path / "nope.jsonl")])
    assert r.exit_code != 0 and "not found" in r.output


def test_evaluate_errors_show_both_sides(seed_path, tmp_path):
    """Each disagreement carries the reconciler's note, the Chinese around the figure and the
    aligned English sentence, to read it without opening the article."""
    text = seed_path.read_text(encoding="utf-8").replace("7.21 million yuan", "72.1 million yuan")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(text, encoding="utf-8")
    gold = {"file": "seed.txt", "numbers": [{"zh": "七百二十一万元", "verdict": "match"}], "extra_en": []}
    gp = tmp_path / "gold.jsonl"
    gp.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    (err,) = [e for e in evaluate_gold(gp, corpus)["errors"] if e["zh"] == "七百二十一万元"]
    assert err["pred"] == "scale_error" and "10^1" in err["why"]
    assert "[[七百二十一万元]]" in err["zh_context"] and "72.1 million yuan" in err["en_context"]
