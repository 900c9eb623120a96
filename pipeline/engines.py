"""Where the per-article work runs: in this process, in local worker processes, or on Dask.

Every engine does the same thing: it takes *chunks* of work items, runs
:func:`work_chunk` on each (in this process, in a ``ProcessPoolExecutor`` worker, or on a
``dask.distributed`` worker) and yields the results **in input order**, keeping only a
bounded window of chunks in flight, so memory does not grow with the corpus. The results
are written by the calling process (:func:`pipeline.batch.run`); workers never touch
the store.

A work item is ``(path, data, expected)``: the file's path (a string, as it will appear
in the tables), its bytes (``None``: the worker reads the file itself; the Dask engine
ships the bytes so workers need no shared file system) and, for resume, the
``(content_hash, pipeline_version)`` already in the store (or ``None``). A result is
``(path, status, article_id, kind, tables)`` with status ``processed``, ``skipped`` or
``failed``.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from pathlib import Path

#: articles per task sent to a worker
DEFAULT_CHUNK = 16


# --------------------------------------------------------------------------- worker side

def work_item(item, frames: bool = True) -> tuple:
    """Process one item; never raises (a bad file or a bug gives an ``errors`` row).

    ``frames=False``: the tables :func:`pipeline.process.article_tables` gives (some as
    :class:`pipeline.process.Rows`, not yet DataFrames), for :func:`concat_tables`."""
    import pandas as pd

    from pipeline import __version__
    from pipeline.article import ArticleError, read_article

    path, data, expected = item
    try:
        article = read_article(data, path=path) if data is not None else read_article(Path(path))
        if expected is not None and tuple(expected) == (article.content_hash, __version__):
            return path, "skipped", article.id, None, {}
        from pipeline import process

        tables = process.article_tables(article)
        return path, "processed", article.id, None, process.frames(tables) if frames else tables
    except ArticleError as e:
        kind, message = e.kind, e.message
    except Exception as e:  # a bug must not stop a batch of a million articles: record it
        kind, message = "internal_error", f"{type(e).__name__}: {e}"
    row = {"path": str(path), "kind": kind, "message": message}
    return path, "failed", None, kind, {"errors": pd.DataFrame([row])}


def peak_rss_kb() -> int:
    """This process's peak resident set size in KB (Linux ``ru_maxrss``)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def concat_tables(parts: list[dict]) -> tuple[dict, list[dict]]:
    """Concatenate per-article tables: (tables, for each part {name: (start, stop)} of its rows).

    A table whose parts are all :class:`pipeline.process.Rows` with the same columns becomes one
    DataFrame built from all their rows (one frame per chunk instead of one per article: the
    values the store writes are the same); other parts are made frames and concatenated."""
    import pandas as pd

    from pipeline.process import Rows, _frame

    names = list(dict.fromkeys(n for p in parts for n in p))
    frames = {n: [] for n in names}
    ranges = [dict() for _ in parts]
    size = dict.fromkeys(names, 0)
    for i, p in enumerate(parts):
        for n, df in p.items():
            k = 0 if df is None else len(df.rows) if isinstance(df, Rows) else len(df)
            if k:
                frames[n].append(df)
                ranges[i][n] = (size[n], size[n] + k)
                size[n] += k
    tables = {}
    for n, fs in frames.items():
        if not fs:
            continue
        if all(isinstance(f, Rows) and f.columns == fs[0].columns for f in fs):
            tables[n] = _frame([r for f in fs for r in f.rows], fs[0].columns)
            continue
        fs = [_frame(f.rows, f.columns) if isinstance(f, Rows) else f for f in fs]
        tables[n] = fs[0].reset_index(drop=True) if len(fs) == 1 else pd.concat(fs, ignore_index=True)
    return tables, ranges


def pss_kb() -> int | None:
    """This process's proportional set size in KB (shared pages divided among the processes
    sharing them; Linux only), or None."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def work_chunk(items) -> tuple[list, dict, tuple]:
    """Process a chunk; returns (meta, tables, (worker pid, peak RSS in KB, current PSS in KB or None)).

    ``meta`` has one ``(path, status, article_id, kind, rows)`` per item, ``rows`` giving the
    ``(start, stop)`` of the item's rows in each of the chunk's ``tables``, concatenated
    here: one frame per table and chunk is much cheaper to send than one per article.
    Items that are already results (computed by the client, e.g. a file too large to
    ship) are passed through as ``("done", result)``.
    """
    results = [item[1] if item[0] == "done" else work_item(item, frames=False) for item in items]
    tables, ranges = concat_tables([r[4] for r in results])
    meta = [(path, status, aid, kind, rows) for (path, status, aid, kind, _), rows in zip(results, ranges)]
    return meta, tables, (os.getpid(), peak_rss_kb(), pss_kb())


_WARM_UP = """Title: Warm-up
Date: 1957-08-20
Page: 5

Xinhua News Agency: output in Liaoning Province rose by 34.88% to 3.87 billion yuan.

<hr />

Original:

### 热身

1957-08-20
第5版()
专栏：

    据新华社讯  辽宁省手工业合作社的产值达到三十八亿七千万元，比去年同期增长34.88％。
"""


def warm_up():
    """Load everything once per worker process (spaCy pipelines, jieba dictionary, the
    extractors' lexicons and gazetteer) by processing a tiny built-in article."""
    try:
        from pipeline.article import read_article
        from pipeline.nlp import jieba_tokenizer, make_nlp

        jieba_tokenizer()
        make_nlp("zh")
        make_nlp("en")
        from pipeline.process import process_article

        process_article(read_article(_WARM_UP))
    except Exception:  # the first article will report the problem in the errors table
        pass
    # the models, lexicons and pypinyin's phrase table are some 200,000 long-lived objects: moved out of
    # the collector's reach, a full collection costs microseconds instead of 40-60 ms, and forked
    # workers do not touch (copy) the parent's pages to scan them
    import gc

    gc.collect()
    gc.freeze()
    return os.getpid()


def _exit_with_parent(parent: int, every: float = 0.5):
    """Watchdog thread: a worker whose parent died (kill -9) exits instead of lingering."""
    import threading
    import time

    def watch():
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="duizhao-parent-watch", daemon=True).start()


def init_local_worker(parent: int | None = None):
    """ProcessPoolExecutor initializer: Ctrl-C is the parent's business; load models once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        _exit_with_parent(parent)
    warm_up()


# --------------------------------------------------------------------------- client side

def _ordered(submit, chunks, window):
    """Submit chunks keeping at most ``window`` in flight; yield results in order."""
    pending = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class SerialEngine:
    """Everything in this process (``--workers 1``): simplest to debug and profile."""

    name = "serial"

    def __init__(self, workers=1):
        self.workers = 1

    def map_chunks(self, chunks):
        for chunk in chunks:
            yield work_chunk(chunk)

    def close(self, cancel=False):
        pass


class LocalEngine:
    """``workers`` processes of this machine (``concurrent.futures.ProcessPoolExecutor``)."""

    name = "local"

    def __init__(self, workers: int):
        from concurrent.futures import ProcessPoolExecutor

        import multiprocessing

        self.workers = workers
        ctx = multiprocessing.get_context()
        if ctx.get_start_method() == "fork":
            # load the models here once: forked workers inherit them (copy-on-write) and start at once
            warm_up()
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_local_worker,
                                        initargs=(os.getpid(),))

    def map_chunks(self, chunks):
        return _ordered(lambda c: self.pool.submit(work_chunk, c), chunks, window=4 * self.workers)

    def close(self, cancel=False):
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


class DaskEngine:
    """The same work on a ``dask.distributed`` cluster.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); workers need
    duizhao installed (the same version) but no access to the input files: the client
    reads each file and ships its bytes, and writes every result itself (the workers
    never touch the database). Without an address, a ``LocalCluster`` of ``workers``
    single-threaded processes is started and stopped with the run. A real cluster::

        pip install 'duizhao[dask]'          # everywhere, the same version
        dask scheduler                       # on one machine: tcp://HOST:8786
        dask worker tcp://HOST:8786 --nworkers auto --nthreads 1    # on each worker machine
        duizhao run ARCHIVE/ -o out/ --scheduler tcp://HOST:8786    # where the files are

    One thread per worker process: the pipeline is pure Python (the GIL) and loads its
    models once per process.
    """

    name = "dask"
    ships_data = True

    def __init__(self, workers: int | None = None, scheduler: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as e:  # pragma: no cover - depends on the install
            raise RuntimeError("the dask engine needs the 'dask' extra: pip install 'duizhao[dask]'") from e
        import logging

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                        processes=True, dashboard_address=None,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        info = self.client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))
        try:
            self.client.run(warm_up)
        except Exception:
            pass

    def map_chunks(self, chunks):
        return _ordered(lambda c: self.client.submit(work_chunk, c, pure=False), chunks,
                        window=4 * self.workers)

    def close(self, cancel=False):
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def make_engine(engine: str = "local", workers: int | None = None, scheduler: str | None = None):
    """``local`` (``workers`` processes; 1 means in this process) or ``dask``."""
    if engine == "dask" or scheduler:
        return DaskEngine(workers, scheduler)
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    workers = workers or os.cpu_count() or 1
    return SerialEngine() if workers <= 1 else LocalEngine(workers)
