"""duizhao check (pipeline/check.py and the CLI command)."""
import io

import pytest
from click.testing import CliRunner

from pipeline.article import read_article
from pipeline.check import check_files, context, parse_verdicts
from pipeline.cli import cli


def _scaled_copy(seed_path, tmp_path):
    """The seed article with one English figure slipped by 10 (7.21 million -> 72.1 million)."""
    text = seed_path.read_text(encoding="utf-8")
    assert "7.21 million yuan" in text
    p = tmp_path / "scaled.txt"
    p.write_text(text.replace("7.21 million yuan", "72.1 million yuan"), encoding="utf-8")
    return p


def test_check_parse_verdicts():
    assert parse_verdicts("scale_error, value_mismatch") == {"scale_error", "value_mismatch"}
    assert "missing_in_en" in parse_verdicts("all") and "match" not in parse_verdicts("all")
    assert parse_verdicts("") == set()
    with pytest.raises(ValueError, match="unknown verdict"):
        parse_verdicts("scale_eror")


def test_check_context_highlights_with_brackets_or_bold():
    text = "first line\n甲乙丙三十八亿七千万元丁戊。\nlast"
    s = text.index("三十八")
    e = s + len("三十八亿七千万元")
    plain = context(text, s, e)
    assert "[[三十八亿七千万元]]" in plain and "first" not in plain and "last" not in plain
    bold = context(text, s, e, tty=True)
    assert "\033[1m三十八亿七千万元\033[0m" in bold


def test_check_prints_flagged_figure_both_sides_and_fails_on_request(seed_path, tmp_path):
    path = _scaled_copy(seed_path, tmp_path)
    out = io.StringIO()
    status = check_files([path], {"scale_error"}, out=out)
    text = out.getvalue()
    assert status == 1
    assert "scale_error x10^1" in text
    assert "[[72.1 million yuan]]" in text and "七百二十一万元]]" in text
    assert "zh ¶" in text and "en ¶" in text
    # the same file without --fail-on: reported, exit 0
    assert check_files([path], set(), out=io.StringIO()) == 0
    assert check_files([path], {"unit_mismatch"}, out=io.StringIO()) == 0


def test_check_unreadable_file_is_status_2(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    out = io.StringIO()
    assert check_files([bad], set(), out=out) == 2
    assert "error" in out.getvalue()


def test_check_cli_exit_status(seed_path, tmp_path):
    path = _scaled_copy(seed_path, tmp_path)
    r = CliRunner().invoke(cli, ["check", str(path), "--fail-on", "scale_error,value_mismatch"])
    assert r.exit_code == 1, r.output
    assert "[[72.1 million yuan]]" in r.output
    r = CliRunner().invoke(cli, ["check", str(path), "--fail-on", "nonsense"])
    assert r.exit_code == 2 and "unknown verdict" in r.output


def test_check_every_flag_in_output_is_a_row(seed_path, tmp_path):
    from pipeline.reconcile import reconcile_article

    path = _scaled_copy(seed_path, tmp_path)
    df = reconcile_article(read_article(path))
    out = io.StringIO()
    check_files([path], set(), out=out)
    n_flag_lines = sum(1 for line in out.getvalue().splitlines() if line.startswith("  ") and not line.startswith("    "))
    assert n_flag_lines == int((df.verdict != "match").sum())


def test_check_a_missing_figure_shows_the_english_sentence_aligned_with_it(seed_path, tmp_path):
    """A figure the English lost: the English sentence where its rendering should be is printed."""
    text = seed_path.read_text(encoding="utf-8")
    assert "more than 267,000 yuan" in text
    p = tmp_path / "lost.txt"
    p.write_text(text.replace("more than 267,000 yuan", "some money"), encoding="utf-8")
    out = io.StringIO()
    check_files([p], set(), out=out)
    lines = out.getvalue().splitlines()
    k = next(i for i, line in enumerate(lines) if "[[二十六万七千多元]]" in line)
    assert "missing_in_en" in lines[k - 1]
    assert lines[k + 1].startswith("    en: (no English figure) in: ") and "saved some money" in lines[k + 1]
