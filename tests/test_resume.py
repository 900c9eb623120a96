"""Resume: a rerun skips what is already written; a run killed halfway (kill -9, Ctrl-C)
and restarted with the same arguments ends with the tables of an uninterrupted run."""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from test_batch import assert_same_tables, defective_files, light_process_article, write_copies

import pipeline
from pipeline.batch import run
from pipeline.store import Store

#: imported at start-up by every Python process of the run (and its forked workers):
#: slows the per-article work (article_tables: what process_article and the workers call) down so
#: that the test can interrupt the run halfway
SLOW_HOOK = """
import os
if os.environ.get("DUIZHAO_TEST_SLOW"):
    import time
    import pipeline.process as _p
    _orig = _p.article_tables
    def _slow(article, **kw):
        time.sleep(float(os.environ["DUIZHAO_TEST_SLOW"]))
        return _orig(article, **kw)
    _p.article_tables = _slow
"""


def _tables(out):
    store = Store(out)
    try:
        return {n: store.read(n) for n in store.tables() if n != "meta"}
    finally:
        store.close()


def _corpus(d, n, small=False):
    write_copies(d, n, small=small)
    defective_files(d / "bad", 0)
    (d / "zz_dup.txt").write_bytes((d / "copy_00003.txt").read_bytes())


def test_rerun_skips_unchanged_redoes_changed_and_new_versions(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.process.article_tables", light_process_article)
    d = tmp_path / "in"
    _corpus(d, 40)
    out = tmp_path / "out"
    first = run([d], out, workers=1, progress=False, report=False)
    n_arts, n_errs = len(first["articles"]), len(first["errors"])
    assert first["summary"].processed == n_arts and first["summary"].failed == n_errs

    again = run([d], out, workers=2, progress=False, report=False)
    s = again["summary"]
    assert (s.processed, s.skipped, s.failed) == (0, n_arts, n_errs)  # bad files are looked at again
    assert_same_tables(first, again)

    changed = d / "copy_00010.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Original:", "Original:\n", 1), encoding="utf-8")
    third = run([d], out, workers=2, progress=False, report=False)
    assert (third["summary"].processed, third["summary"].skipped) == (1, n_arts - 1)
    assert len(third["articles"]) == n_arts  # replaced, not added
    assert_same_tables(run([d], tmp_path / "clean", workers=1, progress=False, report=False), third)

    monkeypatch.setattr(pipeline, "__version__", "999.0")
    fourth = run([d], out, workers=1, progress=False, report=False)
    assert (fourth["summary"].processed, fourth["summary"].skipped) == (n_arts, 0)

    forced = run([d], out, workers=1, resume=False, progress=False, report=False)
    assert (forced["summary"].processed, forced["summary"].skipped) == (n_arts, 0)
    assert len(forced["articles"]) == n_arts and len(forced["errors"]) == n_errs


def _count_rows(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            names = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
            return sum(con.execute(f"select count(*) from {t}").fetchone()[0]
                       for t in ("articles", "errors") if t in names)
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("how", ["kill -9", "ctrl-c"])
def test_interrupted_run_restarted_equals_clean_run(tmp_path, how):
    """`python -m pipeline run` (real pipeline, 2 workers) interrupted after some batches,
    restarted with the same arguments: the same tables as an uninterrupted run."""
    d = tmp_path / "in"
    _corpus(d, 100, small=True)
    n_inputs = 100 + 8 + 1
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_HOOK)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "pipeline", "run", str(d), "-o", str(out), "--workers", "2", "--no-progress"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")])),
               DUIZHAO_TEST_SLOW="0.12")  # ~6 s of run: room to interrupt it on a loaded machine
    proc = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        written = 0
        while time.monotonic() < deadline and proc.poll() is None:
            written = _count_rows(out / "duizhao.sqlite")
            if written >= 64:  # at least one batch in the database
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be interrupted"
        if how == "kill -9":
            proc.send_signal(signal.SIGKILL)
        else:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # no stray workers left behind by the test
        except ProcessLookupError:
            pass
    partial = _count_rows(out / "duizhao.sqlite")
    assert 64 <= partial < n_inputs, partial
    store = Store(out)
    done_before = len(store.done())
    store.close()
    if how == "ctrl-c":
        # click reports Ctrl-C as "Aborted!" (status 1); the finished results were written first
        assert proc.returncode != 0 and (b"Aborted" in err or b"interrupted" in err), err

    env.pop("DUIZHAO_TEST_SLOW")
    again = subprocess.run(args, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    m = re.search(r"(\d+) inputs: (\d+) processed, (\d+) skipped \(unchanged\), (\d+) failed", again.stderr)
    assert m, again.stderr
    inputs, processed, skipped, failed = map(int, m.groups())
    assert inputs == n_inputs and processed + skipped + failed == n_inputs
    resumed = _tables(out)
    # articles written before the interruption are skipped, not redone
    assert skipped == done_before

    clean = run([d], tmp_path / "clean", workers=1, progress=False, report=False)
    assert_same_tables(clean, resumed)
    assert len(resumed["articles"]) + len(resumed["errors"]) == n_inputs
    assert set(resumed["articles"]["path"]).isdisjoint(resumed["errors"]["path"])
