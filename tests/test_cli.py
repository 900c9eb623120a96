import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from conftest import CORPUS, ROOT
from pipeline.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_commands():
    block = re.search(r"## Two commands\n.*?```sh\n(.*?)```", README, re.S).group(1)
    return [l for l in block.splitlines() if l.strip() and not l.startswith("#")]


def test_cli_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    cmds = _readme_commands()
    assert len(cmds) == 2
    assert "duizhao run corpus" in cmds[0] and "pytest" in cmds[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert cmds[1] in ci


def test_cli_readme_reference_lists_every_run_option():
    runner = CliRunner()
    out = runner.invoke(cli, ["run", "--help"]).output
    for opt in re.findall(r"(--[a-z-]+)", out):
        if opt != "--help":
            assert opt in README, f"{opt} is not in the README's CLI reference"


def test_cli_run_bundled_corpus_accounts_for_every_file(tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["run", str(CORPUS), "-o", str(out), "--no-progress"])
    assert r.exit_code == 0, r.output
    arts = pd.read_csv(out / "articles.csv")
    errs = pd.read_csv(out / "errors.csv")
    inputs = {str(p) for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md")}
    assert set(arts["path"]) | set(errs["path"]) == inputs
    assert not set(arts["path"]) & set(errs["path"])
    assert "internal_error" not in set(errs["kind"]), errs.to_string()
    assert set(errs["kind"]) == {"no_original", "empty_side", "missing_date", "empty_file", "binary_file", "encoding"}
    seed = arts[arts["path"].str.endswith("000_33999ee4fb8daa75.txt")].iloc[0]
    assert (seed["date"], seed["page"], seed["n_paragraphs_en"], seed["n_paragraphs_zh"]) == ("1957-08-20", 5, 4, 6)
    assert seed["n_chars_zh"] / 4 < seed["n_tokens_zh"] < seed["n_chars_zh"] / 1.2
    assert seed["n_sentences_en"] >= 15 and seed["n_sentences_zh"] >= 15
    con = sqlite3.connect(out / "duizhao.sqlite")
    assert con.execute("select count(*) from articles").fetchone()[0] == len(arts)
    assert con.execute("select count(*) from errors").fetchone()[0] == len(errs)
    con.close()


def test_cli_run_missing_input_fails_with_reason(tmp_path):
    r = CliRunner().invoke(cli, ["run", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")])
    assert r.exit_code != 0 and "no such file or directory" in r.output


def test_cli_python_dash_m_pipeline_works():
    r = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "run" in r.stdout
