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

from pipeline.article import ArticleError, read_article

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

    def line(self) -> str:
        rate = self.processed / self.seconds if self.seconds else 0.0
        return (f"{self.inputs} inputs: {self.processed} processed, {self.skipped} skipped (unchanged), "
                f"{self.failed} failed, in {self.seconds:.1f} s ({rate:.1f} articles/s)")


def process_path(path) -> dict[str, pd.DataFrame]:
    """Read and process one file; a bad file gives an ``errors`` row instead of raising."""
    from pipeline.process import process_article

    try:
        article = read_article(Path(path))
        return process_article(article)
    except ArticleError as e:
        return {"errors": pd.DataFrame([{"path": str(path), "kind": e.kind, "message": e.message}])}
    except Exception as e:  # a bug must not stop a batch of a million articles: record it
        return {"errors": pd.DataFrame([{"path": str(path), "kind": "internal_error",
                                          "message": f"{type(e).__name__}: {e}"}])}


def _concat(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    names = {n for p in parts for n in p}
    out = {}
    for n in names:
        frames = [p[n] for p in parts if n in p and len(p[n])]
        if frames:
            out[n] = pd.concat(frames, ignore_index=True)
    return out


def run(inputs=("corpus",), out="outputs", *, db_url=None, formats=("csv",), batch_size=64,
        progress=True, report=True) -> dict[str, pd.DataFrame]:
    """Process ``inputs`` into ``out`` and return the tables as DataFrames."""
    from pipeline.store import Store

    t0 = time.perf_counter()
    files = find_inputs(inputs)
    store = Store(out, db_url)
    summary = Summary(inputs=len(files))
    seen_ids: dict[str, str] = {}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="article", file=sys.stderr, dynamic_ncols=True)
    pending = []

    def flush():
        if pending:
            store.write(_concat(pending))
            pending.clear()

    try:
        for f in files:
            tables = process_path(f)
            arts = tables.get("articles")
            if arts is not None and len(arts):
                aid = arts["id"].iloc[0]
                if aid in seen_ids and seen_ids[aid] != str(f):
                    tables = {"errors": pd.DataFrame([{
                        "path": str(f), "kind": "duplicate",
                        "message": f"same Chinese text, date and page as {seen_ids[aid]} (article {aid}); not counted twice",
                    }])}
                else:
                    seen_ids[aid] = str(f)
            if "errors" in tables:
                summary.failed += 1
                kind = tables["errors"]["kind"].iloc[0]
                summary.errors_by_kind[kind] = summary.errors_by_kind.get(kind, 0) + 1
            else:
                summary.processed += 1
            pending.append(tables)
            if len(pending) >= batch_size:
                flush()
            if bar is not None:
                bar.update(1)
        flush()
    finally:
        if bar is not None:
            bar.close()
    store.export(formats)
    result = {name: store.read(name) for name in store.tables() if name != "meta"}
    if report:
        try:
            from pipeline.report import write_report
        except ModuleNotFoundError as err:
            if err.name != "pipeline.report":
                raise
        else:
            write_report(result.get("articles"), result.get("reconciliation"), Path(out) / "report.html")
    store.close()
    summary.seconds = time.perf_counter() - t0
    result["summary"] = summary
    return result
