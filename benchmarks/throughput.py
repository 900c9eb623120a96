"""Throughput of duizhao at archive scale, measured in one run; writes benchmarks/RESULTS.md.

    python benchmarks/throughput.py                 # 10,000 articles (the issue's figures)
    python benchmarks/throughput.py --n 5000 --n-speed 500 --n-base 300   # quicker
    python benchmarks/throughput.py --stages-only --n 500 --n-base 500    # the stage split only

1. Builds a corpus of ``--n`` unique articles (default 10,000) by replicating
   ``../shared/corpus/dev`` (or the repository's ``corpus/`` when ../shared is absent):
   copy k has its dates (header and Chinese date line) moved by k days and a marker
   after its last Chinese line, so every copy has its own id and content hash.
2. Tokenization-only baseline over the first ``--n-base`` articles: spaCy blank English
   (tokenizer only) over the English side + jieba (``HMM=True``) over the Chinese side,
   nothing else; and the full pipeline over the same, pre-read, articles in this process as a
   worker runs it (each article's tables, one DataFrame per table and chunk), stage by stage
   (quantities, entities, tokenization with protected spans, reconciliation, facts, the
   rest); the split is also given for the first pass over each
   source text (the first articles: no per-text cache helps them) and for the later copies.
3. Articles per second of ``duizhao run`` (library ``pipeline.batch.run``, SQLite store,
   CSV export) over the first ``--n-speed`` articles with 1 and with 2 workers.
4. Peak memory (RSS, ``ru_maxrss``) of each worker of a 2-worker run over all ``--n``
   articles, after 1,000 articles and at the end.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_DATE = re.compile(r"^(Date:[ \t]*|[ \t]*)(\d{4})-(\d{2})-(\d{2})[ \t]*$", re.M)


def _letters(k: int) -> str:
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def unique_copy(text: str, k: int) -> str:
    def shift(m):
        d = dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4))) + dt.timedelta(days=k)
        return f"{m.group(1)}{d.isoformat()}"

    return _DATE.sub(shift, text).rstrip() + f"〔{_letters(k)}〕\n"


def source_files() -> tuple[list[Path], str]:
    dev = SHARED / "corpus" / "dev"
    if dev.is_dir():
        return sorted(dev.glob("*.txt")), "../shared/corpus/dev"
    files = sorted(p for p in (ROOT / "corpus").rglob("*.txt") if "defects" not in p.parts)
    return files, "corpus/ (../shared absent)"


def build_corpus(dst: Path, n: int) -> list[Path]:
    from pipeline.article import ArticleError, read_article

    srcs, _ = source_files()
    texts = []
    for p in srcs:
        try:
            read_article(p)
        except ArticleError:
            continue
        texts.append(p.read_text(encoding="utf-8-sig"))
    stamp = dst / ".built"
    want = f"{n} {len(texts)}"
    files = [dst / f"{i // 1000:03d}" / f"copy_{i:06d}.txt" for i in range(n)]
    if stamp.exists() and stamp.read_text() == want:
        return files
    shutil.rmtree(dst, ignore_errors=True)
    for i, f in enumerate(files):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(unique_copy(texts[i % len(texts)], i + 1), encoding="utf-8")
    stamp.write_text(want)
    return files


# --------------------------------------------------------------------------- measurements

def baseline_and_stages(files: list[Path], n_unique: int = 0) -> dict:
    """Tokenization-only baseline vs the full process_article over the same articles.

    The corpus repeats its source texts (copy k of source k mod n), so the per-text caches
    (spaCy's vocabulary, the facts' POS cache ...) flatter the figure: the first ``n_unique``
    articles (one copy of each source, a first pass in this process) are also timed apart,
    stage by stage (``first``), and so are the later ones (``repeats``)."""
    import jieba
    import spacy

    from pipeline.article import read_article
    from pipeline.engines import warm_up

    arts = [read_article(f) for f in files]
    sides = [(a.text[slice(*a.en_span)], a.text[slice(*a.zh_span)]) for a in arts]
    n_chars = sum(len(en) + len(zh) for en, zh in sides)

    en_nlp = spacy.blank("en")
    seg = jieba.Tokenizer()
    seg.initialize()
    en_nlp(sides[0][0]), seg.lcut(sides[0][1])
    clock = time.process_time  # CPU time of this process: other jobs on the machine do not count
    t = clock()
    n_tok = 0
    for en, zh in sides:
        n_tok += len(en_nlp(en))
        n_tok += len(seg.lcut(zh, HMM=True))
    base = clock() - t

    warm_up()
    import pipeline.process as proc
    from pipeline import mentions

    timers: dict[str, float] = {}
    depth: dict[str, int] = {}

    def timed(name, fn):
        # two functions may share a stage (alignment and pairing are reconciliation): a call inside
        # another of the same stage is counted once, by the outer one
        def wrapper(*a, **k):
            if depth.get(name):
                return fn(*a, **k)
            depth[name] = 1
            t0 = clock()
            try:
                return fn(*a, **k)
            finally:
                depth[name] = 0
                timers[name] = timers.get(name, 0.0) + clock() - t0
        return wrapper

    patches = []

    def patch(mod, attr, name):
        if hasattr(mod, attr):
            patches.append((mod, attr, getattr(mod, attr)))
            setattr(mod, attr, timed(name, getattr(mod, attr)))

    # process.py imports these names at module level or at call time: patch both homes
    patch(proc, "article_quantities", "quantities (zh+en)")
    patch(proc, "article_entities", "entities (zh+en)")
    patch(mentions, "article_quantities", "quantities (zh+en)")
    patch(mentions, "article_entities", "entities (zh+en)")
    patch(proc, "_tokenize_side", "tokenization (spaCy+jieba, protected spans)")
    # process_article aligns the paragraphs itself (reconciliation and the entity links share the
    # alignment): the alignment counts as reconciliation, the links as their own stage
    patch(proc, "align_paragraphs", "reconciliation")
    patch(proc, "_links", "entity links (zh-en)")
    for modname, attr, name in (("pipeline.reconcile", "reconcile_article", "reconciliation"),
                                ("pipeline.facts", "extract_facts", "facts")):
        if hasattr(proc, attr):  # imported by name into pipeline.process
            patch(proc, attr, name)
            continue
        try:
            mod = __import__(modname, fromlist=[attr])
        except Exception:
            continue
        patch(mod, attr, name)
    # what a worker of a run does: each article's tables (article_tables: rows, not yet frames),
    # and one frame per table for every chunk of articles (engines.work_chunk)
    from pipeline.engines import DEFAULT_CHUNK, concat_tables

    one = getattr(proc, "article_tables", proc.process_article)
    failed = 0
    n_first = min(n_unique, len(arts))
    parts = []  # (full seconds, stage timers) of the first n_first articles, then of the others
    chunk = []
    t = clock()
    try:
        for i, a in enumerate(arts):
            if i == n_first and i:
                parts.append((clock() - t, dict(timers)))
            try:
                chunk.append(one(a))
            except Exception:
                failed += 1
            if len(chunk) >= DEFAULT_CHUNK or i == n_first - 1 or i == len(arts) - 1:
                concat_tables(chunk)
                chunk = []
    finally:
        full = clock() - t
        for mod, attr, fn in reversed(patches):
            setattr(mod, attr, fn)
    stages = _split(full, timers)
    out = {"n": len(arts), "chars": n_chars, "tokens": n_tok, "baseline_s": base, "full_s": full,
           "ratio": full / base if base else float("nan"), "stages": stages, "failed": failed}
    if parts:
        f_full, f_timers = parts[0]
        out["first"] = {"n": n_first, "full_s": f_full, "stages": _split(f_full, f_timers, order=stages)}
        r_timers = {k: v - f_timers.get(k, 0.0) for k, v in timers.items()}
        out["repeats"] = {"n": len(arts) - n_first, "full_s": full - f_full,
                          "stages": _split(full - f_full, r_timers, order=stages)}
    return out


REST = "rest (rows, DataFrames, glue)"


def _split(full: float, timers: dict, order=None) -> dict:
    """Stage -> seconds, largest first (or in the order of ``order``), with the rest of ``full`` last."""
    if order is None:
        stages = dict(sorted(timers.items(), key=lambda kv: -kv[1]))
    else:
        stages = {k: timers.get(k, 0.0) for k in order if k != REST}
    stages[REST] = max(0.0, full - sum(timers.values()))
    return stages


def _chunk() -> int:
    from pipeline.engines import DEFAULT_CHUNK

    return DEFAULT_CHUNK


def print_stages(b: dict):
    """The stage split on stdout, in ms of CPU per article."""
    n = b["n"]
    print(f"baseline {1000 * b['baseline_s'] / n:.2f} ms/article, full {1000 * b['full_s'] / n:.2f} ms/article: "
          f"{b['ratio']:.1f}x ({n} articles)")
    groups = [("all", b)] + [(g, b[g]) for g in ("first", "repeats") if g in b and b[g]["n"]]
    print(f"{'stage':46s}" + "".join(f"{g + ' (' + str(x['n']) + ')':>16s}" for g, x in groups))
    for name in list(b["stages"]) + ["total"]:
        cells = []
        for _, x in groups:
            secs = x["full_s"] if name == "total" else x["stages"].get(name, 0.0)
            cells.append(f"{1000 * secs / max(1, x['n']):16.2f}")
        print(f"{name:46s}" + "".join(cells))


def timed_run(files, out: Path, workers: int, **kw) -> dict:
    from pipeline.batch import run

    shutil.rmtree(out, ignore_errors=True)
    marks = []

    def on_progress(s):
        marks.append((time.perf_counter(), s.processed + s.failed + s.skipped))

    c0 = os.times()
    t = time.perf_counter()
    r = run(files, out, workers=workers, progress=False, report=False, return_tables=False,
            on_progress=on_progress, **kw)
    secs = time.perf_counter() - t
    c1 = os.times()  # the pool's workers have been joined: their CPU time is in children_*
    parent_cpu = c1.user - c0.user + c1.system - c0.system
    cpu = parent_cpu + c1.children_user - c0.children_user + c1.children_system - c0.children_system
    s = r["summary"]
    # steady state: from the first result after 10% of the inputs to the last one (no start-up,
    # no final export): what an archive of a million articles sees
    n10 = next(m for m in marks if m[1] >= 0.1 * s.inputs)
    steady = (marks[-1][1] - n10[1]) / (marks[-1][0] - n10[0]) if marks[-1][0] > n10[0] else float("nan")
    return {"workers": workers, "n": s.inputs, "processed": s.processed, "failed": s.failed,
            "errors": dict(s.errors_by_kind), "seconds": secs, "rate": s.inputs / secs, "steady": steady,
            "cpu_per_article": cpu / max(1, s.inputs), "parent_cpu_per_article": parent_cpu / max(1, s.inputs),
            "worker_peak_mb": dict(s.worker_peak_mb)}


def memory_run(files, out: Path, checkpoint: int = 1000) -> dict:
    from pipeline.batch import run

    shutil.rmtree(out, ignore_errors=True)
    marks = {}

    last = {}

    def on_progress(s):
        done = s.processed + s.failed + s.skipped
        if checkpoint not in marks and done >= checkpoint:
            marks[checkpoint] = (done, dict(s.worker_peak_mb), _self_rss_mb(), dict(s.worker_pss_mb))
        last["rss"] = _self_rss_mb()

    t = time.perf_counter()
    r = run(files, out, workers=2, progress=False, report=False, return_tables=False, on_progress=on_progress)
    secs = time.perf_counter() - t
    s = r["summary"]
    marks[s.inputs] = (s.inputs, dict(s.worker_peak_mb), last.get("rss", float("nan")), dict(s.worker_pss_mb))
    return {"marks": marks, "parent_after_export": _self_rss_mb(), "seconds": secs, "rate": s.inputs / secs, "n": s.inputs,
            "processed": s.processed, "failed": s.failed, "errors": dict(s.errors_by_kind)}


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def calibrate(n: int = 3_000_000, jobs: int = 8) -> float:
    """Speed-up of 2 processes over 1 on a pure-CPU loop: what the machine offers right now
    (2.0 on an idle 2-core machine, less when other jobs are running)."""
    from concurrent.futures import ProcessPoolExecutor

    t = time.perf_counter()
    for _ in range(jobs):
        _burn(n)
    one = time.perf_counter() - t
    with ProcessPoolExecutor(2) as ex:
        list(ex.map(_burn, [10, 10]))
        t = time.perf_counter()
        list(ex.map(_burn, [n] * jobs))
        two = time.perf_counter() - t
    return one / two


def _self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- report

def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "pipeline"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
        return rev + (" + uncommitted changes in pipeline/" if dirty else "")
    except OSError:
        return "?"


def ok(flag: bool) -> str:
    return "**met**" if flag else "**not met**"


def write_results(path: Path, cmd: str, src: str, r: dict):
    b, one, two, mem = r["base"], r["one"], r["two"], r["mem"]
    speedup = two["steady"] / one["steady"]
    speedup_e2e = two["rate"] / one["rate"]
    m1 = mem["marks"][min(mem["marks"])]
    mN = mem["marks"][max(mem["marks"])]
    pids = sorted(set(m1[1]) | set(mN[1]))
    peak1 = max(m1[1].values()) if m1[1] else float("nan")
    peakN = max(mN[1].values()) if mN[1] else float("nan")
    growth = (peakN - peak1) / peak1 if peak1 else float("nan")
    lines = [
        "# Throughput benchmark",
        "",
        f"Written by `benchmarks/throughput.py` on {r['when']} (UTC). Reproduce from the repository root:",
        "",
        "```sh",
        cmd,
        "```",
        "",
        f"- Machine: {machine()}.",
        f"- Code: commit {r['rev']}; pipeline version {r['version']}.",
        f"- Load average (1 min) at start / end: {r['load'][0]:.1f} / {r['load'][1]:.1f}"
        + (" (other jobs were running on the machine: rates are lower and noisier than on an idle one)"
           if max(r["load"]) > 1.5 else ""),
        f"- Corpus: {mem['n']:,} unique articles replicated from {src} (dates moved, a marker added: every "
        f"copy has its own id and content hash).",
        "",
        "## Figures against the issue's targets",
        "",
        "| what | measured | target | |",
        "| --- | --- | --- | --- |",
        f"| full pipeline time / tokenization-only baseline ({b['n']:,} articles, one process) | "
        f"{b['ratio']:.1f}x ({b['full_s']:.1f} s vs {b['baseline_s']:.1f} s) | <= 1.5x | {ok(b['ratio'] <= 1.5)} |",
        f"| `duizhao run`, 1 worker ({one['n']:,} articles): steady / end to end | {one['steady']:.1f} / "
        f"{one['rate']:.1f} articles/s ({one['seconds']:.0f} s) | | |",
        f"| `duizhao run`, 2 workers ({two['n']:,} articles): steady / end to end | {two['steady']:.1f} / "
        f"{two['rate']:.1f} articles/s ({two['seconds']:.0f} s) | | |",
        f"| speed-up, 2 workers vs 1 (steady state) | {speedup:.2f}x | >= 1.7x | {ok(speedup >= 1.7)} |",
        f"| speed-up, 2 workers vs 1 (end to end, with start-up and export) | {speedup_e2e:.2f}x | | |",
        f"| CPU time per article (all processes), 1 worker / 2 workers | {one['cpu_per_article'] * 1000:.0f} / "
        f"{two['cpu_per_article'] * 1000:.0f} ms (of which the writing parent {two['parent_cpu_per_article'] * 1000:.0f} ms): "
        f"parallel overhead {two['cpu_per_article'] / one['cpu_per_article'] - 1:+.0%}, so about "
        f"{min(2.0, 2 * one['cpu_per_article'] / two['cpu_per_article']):.2f}x on two idle cores | | |",
        f"| for scale: 2 processes vs 1 on a pure-CPU loop, measured at the start / end of this run | "
        f"{r['calib'][0]:.2f}x / {r['calib'][1]:.2f}x (2.0 on an idle 2-core machine) | | |",
        f"| peak RSS per worker after {m1[0]:,} articles (2 workers) | {peak1:.0f} MB | <= 500 MB | {ok(peak1 <= 500)} |",
        f"| peak RSS per worker after {mN[0]:,} articles (2 workers) | {peakN:.0f} MB | <= 500 MB | {ok(peakN <= 500)} |",
        f"| growth of the worker peak, {m1[0]:,} -> {mN[0]:,} articles | {growth:+.1%} | within 10% | {ok(abs(growth) <= 0.10)} |",
        f"| largest PSS per worker (shared pages counted once) after {m1[0]:,} / {mN[0]:,} articles | "
        f"{max(m1[3].values(), default=float('nan')):.0f} / {max(mN[3].values(), default=float('nan')):.0f} MB | | |",
        "",
        f"The 2-worker run over all {mem['n']:,} articles ran at {mem['rate']:.1f} articles/s ({mem['seconds']:.0f} s). "
        f"Per worker (pid: MB after {m1[0]:,} / after {mN[0]:,}): "
        + ", ".join(f"{p}: {m1[1].get(p, float('nan')):.0f} / {mN[1].get(p, float('nan')):.0f}" for p in pids)
        + ". RSS counts the pages a worker shares copy-on-write with the parent, which loaded the models "
        "before forking; PSS divides them among the processes sharing them"
        + f". The writing process (the parent: it also ran the baseline above, so the models are loaded in it; "
        f"it reads the results and writes SQLite) peaked at {m1[2]:.0f} MB after {m1[0]:,} articles and "
        f"{mN[2]:.0f} MB after {mN[0]:,}, and at {mem['parent_after_export']:.0f} MB after the CSV export "
        "(it keeps one id per article for the duplicate check and the resume index).",
        "",
        f"Outcomes of the runs: 1 worker {one['processed']:,} processed / {one['failed']:,} failed; "
        f"2 workers {two['processed']:,} / {two['failed']:,}; memory run {mem['processed']:,} / {mem['failed']:,}"
        + (f" (errors by kind: {mem['errors']})" if mem["errors"] else "") + ".",
        "",
        "## Where the time goes (full pipeline, one process, per article)",
        "",
        "CPU time of this process (`time.process_time`), so that other jobs on the machine do not count. "
        f"Over the same {b['n']:,} pre-read articles ({b['chars'] / b['n']:,.0f} characters each on average, "
        f"{b['tokens'] / b['n']:,.0f} baseline tokens): baseline {1000 * b['baseline_s'] / b['n']:.1f} ms/article, "
        f"full pipeline {1000 * b['full_s'] / b['n']:.1f} ms/article"
        + (f" ({b['failed']} articles raised inside process_article)" if b["failed"] else "") + ".",
        "",
    ]
    first, rep = b.get("first"), b.get("repeats")
    split = bool(first and rep and first["n"] and rep["n"])
    if split:
        lines += [
            f"| stage | ms/article | share of the full time | first pass: the first {first['n']} articles "
            f"(each source text once) | later passes: the other {rep['n']} (texts seen before) |",
            "| --- | --- | --- | --- | --- |",
        ]
    else:
        lines += ["| stage | ms/article | share of the full time |", "| --- | --- | --- |"]
    for name, secs in b["stages"].items():
        row = f"| {name} | {1000 * secs / b['n']:.1f} | {secs / b['full_s']:.0%} |"
        if split:
            row += (f" {1000 * first['stages'].get(name, 0.0) / first['n']:.1f} |"
                    f" {1000 * rep['stages'].get(name, 0.0) / rep['n']:.1f} |")
        lines.append(row)
    if split:
        lines.append(f"| **full pipeline** | {1000 * b['full_s'] / b['n']:.1f} | 100% | "
                     f"{1000 * first['full_s'] / first['n']:.1f} | {1000 * rep['full_s'] / rep['n']:.1f} |")
    lines += [
        f"| *baseline: spaCy blank English + jieba, nothing else* | {1000 * b['baseline_s'] / b['n']:.1f} | |"
        + (" | |" if split else ""),
        "",
    ]
    if split:
        lines += [
            f"The corpus repeats its {first['n']} source texts, so the per-text caches (spaCy's vocabulary, "
            "the facts' part-of-speech cache, the reconciliation's per-value caches) serve the later copies: "
            f"the first pass over unique text costs {first['full_s'] / first['n'] / (rep['full_s'] / rep['n']):.2f}x "
            "the later passes. An archive of unique articles sits between the two columns (its vocabulary "
            "repeats, its sentences do not).",
            "",
        ]
    lines += [
        "Steady state: from the first result after 10% of the inputs to the last one, without "
        "start-up (loading the models) and the final export; it is what a run over an archive sees.",
        "",
        "Stages nest where the code nests them (tokenization reuses the mentions found, so it does "
        "not run the extractors again). `rest` is what a worker does outside the named stages: the "
        "articles' rows, and one DataFrame per table for every chunk of "
        f"{_chunk()} articles, as `duizhao run` builds them.",
        "",
    ]
    notes = r.get("notes") or ""
    if not notes and path.exists():  # keep the hand-written analysis of an earlier run
        old = path.read_text(encoding="utf-8")
        if "\n## Notes\n" in old:
            notes = old.split("\n## Notes\n", 1)[1]
    if notes.strip():
        lines += ["## Notes", "", notes.strip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="articles in the corpus and the memory run (>= 5,000)")
    ap.add_argument("--n-speed", type=int, default=1_000, help="articles for the 1- and 2-worker rates")
    ap.add_argument("--n-base", type=int, default=500, help="articles for the baseline / stage comparison")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "duizhao-throughput",
                    help="where the corpus and the outputs go (default: %(default)s)")
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    ap.add_argument("--notes", type=Path, default=None,
                    help="a Markdown file written as ## Notes (default: keep the Notes of the existing results file)")
    ap.add_argument("--stages-only", action="store_true",
                    help="only the baseline and the stage split over --n-base articles (first pass and later "
                         "passes), printed; no runs, RESULTS.md untouched (--n may be as small as --n-base)")
    args = ap.parse_args(argv)

    from pipeline import __version__

    cmd = "python benchmarks/throughput.py" + "".join(
        f" --{k.replace('_', '-')} {v}" for k, v in (("n", args.n), ("n_speed", args.n_speed), ("n_base", args.n_base))
        if v != ap.get_default(k))
    load0 = os.getloadavg()[0]
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    _, src = source_files()
    t = time.perf_counter()
    files = build_corpus(args.workdir / "corpus", max(args.n, args.n_base) if args.stages_only else args.n)
    n_unique = int((args.workdir / "corpus" / ".built").read_text().split()[1])  # source texts
    print(f"corpus: {len(files):,} articles in {args.workdir / 'corpus'} ({time.perf_counter() - t:.0f} s)", flush=True)
    if args.stages_only:
        print_stages(baseline_and_stages(files[: args.n_base], n_unique))
        return
    r = {"when": when, "version": __version__, "rev": git_rev(), "calib": [calibrate()]}
    print(f"machine: 2 processes give {r['calib'][0]:.2f}x on a CPU loop", flush=True)
    r["base"] = baseline_and_stages(files[: args.n_base], n_unique)
    print_stages(r["base"])
    speed_files = files[: args.n_speed]
    r["one"] = timed_run(speed_files, args.workdir / "out1", 1)
    print(f"1 worker: {r['one']['rate']:.1f} articles/s", flush=True)
    r["two"] = timed_run(speed_files, args.workdir / "out2", 2)
    print(f"2 workers: {r['two']['rate']:.1f} articles/s", flush=True)
    r["mem"] = memory_run(files, args.workdir / "outN")
    print("memory:", r["mem"]["marks"], flush=True)
    r["load"] = (load0, os.getloadavg()[0])
    r["calib"].append(calibrate())
    r["notes"] = args.notes.read_text(encoding="utf-8") if args.notes else ""
    write_results(args.results, cmd, src, r)
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
