"""Tables -> a SQL database (SQLite by default, any SQLAlchemy URL) and flat files.

The database is the run's source of truth: each batch of articles is written in one
transaction that first deletes the rows of those articles (upsert by article id), so
re-running the same input replaces rows instead of duplicating them, and a second
corpus run into the same database adds to it. Flat files (CSV, Parquet, JSON Lines)
are exported from the database at the end of a run, in chunks.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import sqlalchemy as sa

SCHEMA_VERSION = 1
#: tables keyed by article id, in write order (parents first)
ARTICLE_TABLES = ("articles", "quantities", "entities", "reconciliation", "facts")
TABLES = ARTICLE_TABLES + ("errors",)
FORMATS = ("csv", "parquet", "jsonl")


def _article_columns():
    from pipeline.process import ARTICLE_COLUMNS

    return ARTICLE_COLUMNS


#: tables written even when a run produced no row for them
EMPTY_COLUMNS = {"articles": _article_columns, "errors": lambda: ["path", "kind", "message"]}


def default_url(out_dir: Path) -> str:
    return f"sqlite:///{Path(out_dir).resolve() / 'duizhao.sqlite'}"


class Store:
    """Write article tables batch by batch, replacing the rows of re-run articles."""

    def __init__(self, out_dir, db_url: str | None = None):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.url = db_url or default_url(self.out_dir)
        self.engine = sa.create_engine(self.url)
        with self.engine.begin() as con:
            con.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS meta (key VARCHAR(64) PRIMARY KEY, value TEXT)"
            )
            have = con.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if have is None:
                con.exec_driver_sql(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', :v)".replace(":v", f"'{SCHEMA_VERSION}'")
                )

    def tables(self) -> set[str]:
        return set(sa.inspect(self.engine).get_table_names())

    def done(self) -> dict[str, tuple[str, str]]:
        """{path: (content_hash, pipeline_version)} of the articles already written."""
        if "articles" not in self.tables():
            return {}
        with self.engine.connect() as con:
            rows = con.exec_driver_sql("SELECT path, content_hash, pipeline_version FROM articles").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def write(self, tables: dict[str, pd.DataFrame]):
        """Write one batch: delete old rows of its articles and paths, then bulk insert."""
        have = self.tables()
        arts = tables.get("articles")
        errs = tables.get("errors")
        ids = list(arts["id"]) if arts is not None and len(arts) else []
        paths = list(arts["path"]) if arts is not None and len(arts) else []
        err_paths = list(errs["path"]) if errs is not None and len(errs) else []
        with self.engine.begin() as con:
            if ids or err_paths:
                stale = set(ids)
                if err_paths and "articles" in have:
                    stale |= set(_select_in(con, "articles", "id", "path", err_paths))
                if paths and "articles" in have:
                    stale |= set(_select_in(con, "articles", "id", "path", paths))
                for t in reversed(ARTICLE_TABLES):
                    if t in have and stale:
                        _delete_in(con, t, "id" if t == "articles" else "article_id", sorted(stale))
                if "errors" in have:
                    _delete_in(con, "errors", "path", paths + err_paths)
            for name in TABLES:
                df = tables.get(name)
                if df is not None and len(df):
                    df.to_sql(name, con, if_exists="append", index=False, chunksize=1000)

    def read(self, name: str) -> pd.DataFrame:
        if name not in self.tables():
            return pd.DataFrame()
        with self.engine.connect() as con:
            return pd.read_sql_table(name, con)

    def export(self, formats=("csv",), names=TABLES):
        """Write OUT/<table>.<fmt> for each table from the database."""
        written = []
        for name in names:
            df = self.read(name)
            if df.empty and name in EMPTY_COLUMNS and name not in self.tables():
                df = pd.DataFrame(columns=EMPTY_COLUMNS[name]())
            elif name not in self.tables():
                continue
            for fmt in formats:
                path = self.out_dir / f"{name}.{fmt}"
                if fmt == "csv":
                    df.to_csv(path, index=False)
                elif fmt == "parquet":
                    df.to_parquet(path, index=False)
                elif fmt == "jsonl":
                    df.to_json(path, orient="records", lines=True, force_ascii=False)
                else:
                    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
                written.append(path)
        return written

    def close(self):
        self.engine.dispose()


def _chunks(xs, n=500):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def _select_in(con, table, col, key, values):
    out = []
    t = sa.table(table, sa.column(col), sa.column(key))
    for chunk in _chunks(list(values)):
        out += [r[0] for r in con.execute(sa.select(t.c[col]).where(t.c[key].in_(chunk)))]
    return out


def _delete_in(con, table, key, values):
    t = sa.table(table, sa.column(key))
    for chunk in _chunks(list(values)):
        con.execute(sa.delete(t).where(t.c[key].in_(chunk)))
