"""Run the pipeline over files and directories, streaming batches to the store.

Every input is accounted for: each file ends up either in ``articles`` or in
``errors`` (path, kind, message), never both and never neither.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SUFFIXES = (".txt", ".md")
ERROR_COLUMNS = ["path", "kind", "message"]


def find_inputs(inputs) -> list[Path]:
    """Files named directly, plus ``*.txt`` / ``*.md`` under directories (recursively), sorted."""
    seen, out = set(), []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
        elif p.exists():
            found = [p]
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")
        for f in found:
            key = str(f.resolve())
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


@dataclass
class Summary:
    inputs: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors_by_kind: dict = field(default_factory=dict)
    engine: str = "serial"
    workers: int = 1
    #: peak resident memory (MB) of each worker process seen, by pid
    worker_peak_mb: dict = field(default_factory=dict)
    #: largest proportional set size (MB: shared pages counted once across processes) seen, by pid
    worker_pss_mb: dict = field(default_factory=dict)

    def line(self) -> str:
        rate = self.processed / self.seconds if self.seconds else 0.0
        return (f"{self.inputs} inputs: {self.processed} processed, {self.skipped} skipped (unchanged), "
                f"{self.failed} failed, in {self.seconds:.1f} s ({rate:.1f} articles/s, "
                f"{self.workers} {self.engine} worker{'s' if self.workers != 1 else ''})")


def process_path(path) -> dict[str, pd.DataFrame]:
    """Read and process one file; a bad file gives an ``errors`` row instead of raising."""
    from pipeline.engines import work_item

    return work_item((str(path), None, None))[4]


def _concat(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    names = {n for p in parts for n in p}
    out = {}
    for n in names:
        frames = [p[n] for p in parts if n in p and len(p[n])]
        if frames:
            out[n] = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return out


def _without(df: pd.DataFrame, spans) -> pd.DataFrame:
    """``df`` without the rows in the (start, stop) spans."""
    if not spans:
        return df
    keep = [True] * len(df)
    for a, b in spans:
        keep[a:b] = [False] * (b - a)
    return df[keep].reset_index(drop=True)


def _items(files, done, ships_data):
    """Work items in input order (see :mod:`pipeline.engines`)."""
    from pipeline.article import MAX_BYTES
    from pipeline.engines import work_item

    for f in files:
        p = str(f)
        expected = done.get(p)
        if not ships_data:
            yield (p, None, expected)
            continue
        try:  # the client reads the file so that remote workers need no shared file system
            if f.stat().st_size > MAX_BYTES:
                raise OSError("too large to ship")
            data = f.read_bytes()
        except OSError:  # too large or unreadable: the error row is made here, the same as a worker's
            yield ("done", work_item((p, None, expected)))
            continue
        yield (p, data, expected)


def _chunked(items, size):
    chunk = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(inputs=("corpus",), out="outputs", *, db_url=None, formats=("csv",), batch_size=64,
        progress=True, report=True, workers=None, engine="local", scheduler=None, resume=True,
        chunk_size=None, return_tables=True, on_progress=None) -> dict[str, pd.DataFrame]:
    """Process ``inputs`` into ``out`` and return the tables as DataFrames (+ ``"summary"``).

    ``workers``: processes (default: the machine's cores; 1 runs in this process).
    ``engine``: ``"local"`` or ``"dask"`` (``scheduler``: a dask.distributed address; none
    starts a LocalCluster of ``workers`` processes). ``resume``: skip the files whose
    article is already in the store with the same content hash and pipeline version (an
    interrupted run restarted with the same arguments ends with the same tables as an
    uninterrupted one). Results are written by this process, ``batch_size`` inputs per
    transaction, in input order. ``on_progress(summary)`` is called after each chunk.
    """
    import os

    from pipeline.engines import DEFAULT_CHUNK, make_engine
    from pipeline.store import Store

    t0 = time.perf_counter()
    files = find_inputs(inputs)
    store = Store(out, db_url)
    done = store.done() if resume else {}
    workers = workers or os.cpu_count() or 1
    eng = make_engine(engine, workers, scheduler)
    summary = Summary(inputs=len(files), engine=eng.name, workers=eng.workers)
    chunk_size = chunk_size or max(1, min(DEFAULT_CHUNK, len(files) // (4 * eng.workers) or 1))
    seen_ids: dict[str, str] = {}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
    pending: list[dict] = []
    n_pending = 0

    def flush():
        nonlocal n_pending
        tables = _concat(pending)
        if tables:
            store.write(tables)
        pending.clear()
        n_pending = 0

    cancelled = False
    try:
        chunks = _chunked(_items(files, done, getattr(eng, "ships_data", False)), chunk_size)
        for meta, tables, (pid, rss_kb, pss) in eng.map_chunks(chunks):
            summary.worker_peak_mb[pid] = max(summary.worker_peak_mb.get(pid, 0.0), rss_kb / 1024)
            if pss is not None:
                summary.worker_pss_mb[pid] = max(summary.worker_pss_mb.get(pid, 0.0), pss / 1024)
            drop: dict[str, list] = {}
            dups = []
            for path, status, aid, kind, rows in meta:
                if aid is not None:
                    first = seen_ids.get(aid)
                    if first is not None and first != path:
                        status, kind = "failed", "duplicate"
                        for name, span in rows.items():
                            drop.setdefault(name, []).append(span)
                        dups.append({"path": path, "kind": kind,
                                     "message": f"same Chinese text, date and page as {first} (article {aid}); "
                                                "not counted twice"})
                    else:
                        seen_ids[aid] = path
                if status == "processed":
                    summary.processed += 1
                elif status == "skipped":
                    summary.skipped += 1
                else:
                    summary.failed += 1
                    summary.errors_by_kind[kind] = summary.errors_by_kind.get(kind, 0) + 1
            if drop:
                tables = {name: _without(df, drop.get(name, ())) for name, df in tables.items()}
            if dups:
                pending.append({"errors": pd.DataFrame(dups)})
            if tables:
                pending.append(tables)
            n_pending += len(meta)
            if n_pending >= batch_size:
                flush()
            if bar is not None:
                bar.update(len(meta))
                bar.set_postfix(failed=summary.failed, skipped=summary.skipped, refresh=False)
            if on_progress is not None:
                on_progress(summary)
        flush()
    except BaseException:
        cancelled = True
        try:
            flush()  # keep what was finished: a restart skips it
        except Exception:
            pass
        raise
    finally:
        eng.close(cancel=cancelled)
        if bar is not None:
            bar.close()
    store.export(formats)
    if return_tables:
        result = {name: store.read(name) for name in store.tables() if name != "meta"}
    else:
        result = {}
    if report:
        from pipeline.report import write_report

        tables = result or {name: store.read(name) for name in ("articles", "reconciliation")}
        write_report(tables.get("articles"), tables.get("reconciliation"), Path(out) / "report.html")
    store.close()
    summary.seconds = time.perf_counter() - t0
    result["summary"] = summary
    return result
