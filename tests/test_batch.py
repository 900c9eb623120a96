"""Batch runs: every input accounted for, parallel workers give the same tables as one.

Helpers here (unique copies of an article, defective files, canonical tables) are also
used by test_resume.py and test_dask.py.
"""
import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import CORPUS, ROOT, SHARED

import pipeline
from pipeline.batch import find_inputs, run
from pipeline.cli import cli

SEED = CORPUS / "000_33999ee4fb8daa75.txt"
# The benchmark's corpus builder is the one the tests use: unique copies (own dates, own id).
_spec = importlib.util.spec_from_file_location("duizhao_throughput", ROOT / "benchmarks" / "throughput.py")
_throughput = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_throughput)
unique_copy, _letters = _throughput.unique_copy, _throughput._letters


def sources() -> list[Path]:
    """The seed plus ../shared's dev articles when present."""
    dev = sorted((SHARED / "corpus" / "dev").glob("*.txt")) if (SHARED / "corpus" / "dev").is_dir() else []
    return [SEED] + dev


def shrink(path: Path) -> str:
    """A small article from a real one: the header, the first English paragraph, the Chinese
    head lines and the first Chinese body paragraph up to its second 。 (fast to process)."""
    from pipeline.article import read_article

    a = read_article(path)
    t = a.text
    en = next(p for p in a.paragraphs_en if p.role == "body")
    zh = next(p for p in a.paragraphs_zh if p.role == "body")
    stop = zh.end
    ends = [i for i in range(zh.start, zh.end) if t[i] == "。"]
    if len(ends) >= 2:
        stop = ends[1] + 1
    en_stop = en.end
    dots = [i for i in range(en.start, en.end - 1) if t[i] == "." and t[i + 1] == " "]
    if len(dots) >= 2:
        en_stop = dots[1] + 1
    return t[:en_stop] + "\n\n<hr />\n\nOriginal:\n" + t[a.zh_span[0]:stop] + "\n"


def write_copies(dst: Path, n: int, srcs=None, start=0, small=False) -> list[Path]:
    srcs = srcs or sources()
    texts = [shrink(p) if small else p.read_text(encoding="utf-8-sig") for p in srcs]
    dst.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = dst / f"copy_{i:05d}.txt"
        p.write_text(unique_copy(texts[i % len(texts)], i + 1), encoding="utf-8")
        out.append(p)
    return out


def defective_files(dst: Path, k: int) -> dict[Path, str | None]:
    """One file of each defect (copy ``k``), with the error kind expected (None: valid)."""
    text = unique_copy(SEED.read_text(encoding="utf-8"), 100_000 + k)
    head, _, rest = text.partition("<hr />")
    hdr_end = head.index("\n\n") + 2
    files = {
        f"{k:03d}_no_original.txt": (re.sub(r"(?m)^Original:.*\n", "", text).encode(), "no_original"),
        f"{k:03d}_empty_english.txt": ((head[:hdr_end] + "\n<hr />" + rest).encode(), "empty_side"),
        f"{k:03d}_empty_chinese.txt": (text[:text.index("Original:") + len("Original:")].encode() + b"\n", "empty_side"),
        f"{k:03d}_no_date.txt": (re.sub(r"(?m)^Date:.*\n", "", text).encode(), "missing_date"),
        f"{k:03d}_gbk.txt": (unique_copy(SEED.read_text(encoding="utf-8"), 200_000 + k).encode("gb18030"), None),
        f"{k:03d}_bad_bytes.txt": (text.encode()[:300] + b"\xff\xfe\xff\x80\xff" + text.encode()[300:], "encoding"),
        f"{k:03d}_empty.txt": (b"", "empty_file"),
        f"{k:03d}_binary.txt": (bytes(range(256)) * 8, "binary_file"),
    }
    dst.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, (data, kind) in files.items():
        (dst / name).write_bytes(data)
        out[dst / name] = kind
    return out


def canonical(df: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted, index reset, every value as a string: equal tables compare equal
    whatever order the batches were written in."""
    if df is None or df.empty:
        return pd.DataFrame()
    df = df.astype(object).where(df.notna(), None).astype(str)
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def assert_same_tables(a: dict, b: dict):
    names = {n for n in a if n != "summary"} | {n for n in b if n != "summary"}
    for n in sorted(names):
        ta, tb = canonical(a.get(n)), canonical(b.get(n))
        pd.testing.assert_frame_equal(ta, tb, obj=f"table {n}")


def light_process_article(article, **kw):
    """Stand-in for process_article where only accounting is tested (fast)."""
    return {"articles": pd.DataFrame([{
        "id": article.id, "path": article.path, "date": article.date, "page": article.page,
        "encoding": article.encoding, "content_hash": article.content_hash,
        "pipeline_version": pipeline.__version__,
    }])}


# ---------------------------------------------------------------------------------------


def test_unique_copies_have_distinct_ids_and_valid_dates(tmp_path):
    from pipeline.article import read_article

    paths = write_copies(tmp_path, 140)
    arts = [read_article(p) for p in paths]
    assert len({a.id for a in arts}) == len(arts)
    src = read_article(SEED)
    first = arts[0]
    assert first.date != src.date and first.n_chars_zh == src.n_chars_zh + 2 + len(_letters(1))
    assert first.text.count(first.date) == 2  # the header and the Chinese date line moved together


def test_thousand_files_ten_percent_defective_every_input_accounted_for(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.process.article_tables", light_process_article)
    d = tmp_path / "in"
    expected = {}
    for p in write_copies(d / "good", 894):
        expected[p] = None
    for k in range(13):
        expected.update(defective_files(d / "bad", k))
    big = d / "bad" / "huge.txt"
    text = SEED.read_text(encoding="utf-8")
    big.write_text(text * (5 * 1024 * 1024 // len(text.encode()) + 2), encoding="utf-8")
    expected[big] = "too_large"
    dup = d / "zz_duplicate_of_copy_00000.txt"  # sorted after its original
    dup.write_bytes((d / "good" / "copy_00000.txt").read_bytes())
    expected[dup] = "duplicate"
    assert len(expected) == 1000
    n_bad = sum(1 for k in expected.values() if k)
    assert 90 <= n_bad <= 110

    r = run([d], tmp_path / "out", workers=2, progress=False, report=False)
    arts, errs = r["articles"], r["errors"]
    in_arts, in_errs = set(arts["path"]), set(errs["path"])
    inputs = {str(p) for p in expected}
    assert in_arts | in_errs == inputs  # never neither
    assert not in_arts & in_errs  # never both
    assert len(arts) == len(in_arts) and len(errs) == len(in_errs)  # once each
    got = dict(zip(errs["path"], errs["kind"]))
    for p, kind in expected.items():
        assert got.get(str(p)) == kind, (p, kind, got.get(str(p)))
    gbk = arts[arts["path"].str.endswith("_gbk.txt")]
    assert len(gbk) == 13 and set(gbk["encoding"]) == {"gb18030"}
    s = r["summary"]
    assert (s.inputs, s.processed, s.failed, s.skipped) == (1000, len(arts), len(errs), 0)
    # the CSV exports say the same as the database
    assert set(pd.read_csv(tmp_path / "out" / "errors.csv")["path"]) == in_errs
    assert set(pd.read_csv(tmp_path / "out" / "articles.csv")["path"]) == in_arts


def test_duplicate_is_the_later_file_whatever_the_workers(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.process.article_tables", light_process_article)
    paths = write_copies(tmp_path / "in", 30)
    for name in ("a_dup.txt", "z_dup.txt"):  # before and after copy_00007 in input order
        (tmp_path / "in" / name).write_bytes(paths[7].read_bytes())
    for workers, chunk in ((1, None), (2, 1)):
        r = run([tmp_path / "in"], tmp_path / f"out{workers}_{chunk}", workers=workers, chunk_size=chunk,
                progress=False, report=False)
        errs = r["errors"]
        assert list(errs["kind"]) == ["duplicate", "duplicate"]
        first = str(tmp_path / "in" / "a_dup.txt")
        assert first in set(r["articles"]["path"])
        assert set(errs["path"]) == {str(paths[7]), str(tmp_path / "in" / "z_dup.txt")}
        assert all(first in m for m in errs["message"])


def test_progress_callback_and_summary(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.process.article_tables", light_process_article)
    write_copies(tmp_path / "in", 50)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    seen = []
    r = run([tmp_path / "in"], tmp_path / "out", workers=2, chunk_size=5, batch_size=10, progress=False,
            report=False, on_progress=lambda s: seen.append(s.processed + s.failed + s.skipped))
    s = r["summary"]
    assert seen == sorted(seen) and seen[-1] == 51 and len(seen) == 11
    assert (s.inputs, s.processed, s.failed, s.errors_by_kind) == (51, 50, 1, {"empty_file": 1})
    assert s.engine == "local" and s.workers == 2 and 1 <= len(s.worker_peak_mb) <= 2
    assert all(0 < mb < 2000 for mb in s.worker_peak_mb.values())
    assert "51 inputs: 50 processed, 0 skipped" in s.line()


def test_real_pipeline_two_workers_same_tables_as_one(tmp_path):
    """The real process_article (whatever stages exist now) on the bundled corpus and copies."""
    write_copies(tmp_path / "in", 40, small=True)
    inputs = [CORPUS, tmp_path / "in"]
    one = run(inputs, tmp_path / "one", workers=1, progress=False, report=False)
    two = run(inputs, tmp_path / "two", workers=2, chunk_size=2, progress=False, report=False)
    assert one["summary"].engine == "serial" and two["summary"].engine == "local"
    assert_same_tables(one, two)
    n = len(find_inputs(inputs))
    assert len(one["articles"]) + len(one["errors"]) == n


def test_chunk_frames_from_rows_store_what_article_frames_store():
    """A worker builds one frame per table and chunk from the articles' rows; the store writes
    from it exactly what it writes from the articles' own frames (process_article) concatenated."""
    from pipeline.article import ArticleError, read_article
    from pipeline.engines import concat_tables
    from pipeline.process import Rows, article_tables, frames
    from pipeline.store import _prepare

    parts = []
    for f in find_inputs([CORPUS]):
        try:
            parts.append(article_tables(read_article(f)))
        except ArticleError:
            continue
    assert len(parts) >= 3 and any(isinstance(t, Rows) for t in parts[0].values())
    by_rows, ranges = concat_tables(parts)
    by_frames, ranges_frames = concat_tables([frames(p) for p in parts])
    assert ranges == ranges_frames and list(by_rows) == list(by_frames)
    for name in by_rows:
        assert isinstance(by_rows[name], pd.DataFrame) and list(by_rows[name].columns) == list(by_frames[name].columns)
        a, b = _prepare(name, by_rows[name]), _prepare(name, by_frames[name])
        assert a.columns == b.columns
        for c in a.columns:  # the same values of the same types
            assert [(type(v), v) for v in a[c]] == [(type(v), v) for v in b[c]], (name, c)


def test_cli_run_options(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.process.article_tables", light_process_article)
    write_copies(tmp_path / "in", 6)
    args = ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-progress"]
    r = CliRunner().invoke(cli, args + ["--workers", "2"])
    assert r.exit_code == 0, r.output
    assert "6 processed, 0 skipped" in r.output and "2 local workers" in r.output
    r = CliRunner().invoke(cli, args + ["-w", "1"])
    assert r.exit_code == 0 and "0 processed, 6 skipped" in r.output, r.output
    r = CliRunner().invoke(cli, args + ["-w", "1", "--force"])
    assert r.exit_code == 0 and "6 processed, 0 skipped" in r.output, r.output
    r = CliRunner().invoke(cli, args + ["-w", "1", "--no-resume"])
    assert r.exit_code == 0 and "6 processed, 0 skipped" in r.output, r.output
    r = CliRunner().invoke(cli, args + ["--engine", "spark"])
    assert r.exit_code != 0 and "spark" in r.output
    r = CliRunner().invoke(cli, args + ["--workers", "0"])
    assert r.exit_code != 0
