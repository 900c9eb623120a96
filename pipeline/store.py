"""Tables -> a SQL database (SQLite by default, any SQLAlchemy URL) and flat files.

The database is the run's source of truth. Its schema is explicit (:data:`METADATA`,
documented column by column in ``docs/schema.md``): ``articles`` (primary key ``id``),
``quantities``, ``entities``, ``reconciliation`` and ``facts`` (each with a foreign key
``article_id -> articles.id ON DELETE CASCADE``; facts also point at the quantity they
state and at the entity that is their subject), ``errors`` (primary key ``path``) and
``meta`` (``schema_version``). SQLite enforces the foreign keys (``PRAGMA
foreign_keys=ON`` on every connection); PostgreSQL always does.

Each batch of articles is written in one transaction that first deletes the rows of
those articles and of those paths (upsert by article id), then bulk-inserts: ``COPY``
on PostgreSQL (psycopg), ``executemany`` elsewhere. Re-running the same input replaces
rows instead of duplicating them; a second corpus run into the same database adds to it.

Exact numbers (``value``, ``high`` ...) are :class:`decimal.Decimal` written as exact
strings: ``TEXT`` in SQLite, ``NUMERIC`` in PostgreSQL, read back as strings in both.
A column a stage adds that the schema does not know is kept, not dropped: it goes into
the table's ``extra`` column as JSON.

Flat files (CSV, Parquet, JSON Lines) are exported from the database in chunks.
"""
from __future__ import annotations

import json
import logging
import math
import re
from decimal import Decimal, InvalidOperation, getcontext
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import (Column, Float, ForeignKeyConstraint, Index, Integer, MetaData, PrimaryKeyConstraint,
                        String, Table, Text)
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

#: bump when a table or column changes; an older database is rebuilt (its rows are derived data)
SCHEMA_VERSION = 4
#: tables keyed by article id, in write order (parents first)
ARTICLE_TABLES = ("articles", "quantities", "entities", "reconciliation", "facts")
TABLES = ARTICLE_TABLES + ("errors",)
FORMATS = ("csv", "parquet", "jsonl")
#: verdict names whose counts the reconciliation summary adds to ``articles`` (n_<verdict>)
VERDICTS = ("match", "approx_dropped", "approx_added", "scale_error", "value_mismatch", "unit_mismatch",
            "missing_in_en", "extra_in_en")


class ExactDecimal(TypeDecorator):
    """A Decimal kept exact: ``NUMERIC`` in PostgreSQL, ``TEXT`` elsewhere; always read back as a string."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(sa.Numeric(asdecimal=True))
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value, dialect):
        return exact(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return exact(value)


def exact(v) -> str | None:
    """The exact string of a number ("3870000000", "34.88"); None for None/NaN/unparsable."""
    if v is None:
        return None
    if type(v) is str and len(v) <= 30 and _CANONICAL.fullmatch(v) \
            and len(v) - v.startswith("-") - ("." in v) <= 28 and getcontext().prec >= 28:
        # already what the lines below give: an integer, or a decimal with no trailing zero, of
        # at most 28 digits (so neither quantize nor normalize rounds): every stored value is one
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return None
        v = repr(v)
    try:
        d = v if isinstance(v, Decimal) else Decimal(str(v).strip())
    except (InvalidOperation, ValueError):
        log.warning("not a number, stored as NULL: %r", v)
        return None
    if not d.is_finite():
        return None
    if d == d.to_integral_value():
        return format(d.quantize(Decimal(1)), "f")
    return format(d.normalize(), "f")


#: strings exact() returns unchanged: "-"?, an integer without leading zeros, or one with a
#: fraction that does not end in 0 (exact() also asks for at most 28 digits)
_CANONICAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?")

METADATA = MetaData()

_ids = dict(nullable=False)

ARTICLES = Table(
    "articles", METADATA,
    Column("id", String(64), primary_key=True),
    Column("path", Text),
    Column("date", String(10)),
    Column("page", Integer),
    Column("column", Text),
    Column("title_en", Text),
    Column("title_zh", Text),
    Column("author", Text),
    Column("n_paragraphs_en", Integer),
    Column("n_paragraphs_zh", Integer),
    Column("n_chars_en", Integer),
    Column("n_chars_zh", Integer),
    Column("n_tokens_en", Integer),
    Column("n_tokens_zh", Integer),
    Column("n_sentences_en", Integer),
    Column("n_sentences_zh", Integer),
    Column("encoding", String(32)),
    Column("content_hash", String(64)),
    Column("pipeline_version", String(32)),
    # reconciliation summary (pipeline.reconcile.summarize)
    Column("n_figures", Integer),
    *[Column(f"n_{v}", Integer) for v in VERDICTS],
    Column("n_flagged", Integer),
    Column("n_dropped_paragraphs", Integer),
    Column("fidelity", Float),
    Column("extra", Text),
    Index("ix_articles_path", "path"),
)

QUANTITIES = Table(
    "quantities", METADATA,
    Column("article_id", String(64), **_ids),
    Column("lang", String(2), **_ids),
    Column("para", Integer),
    Column("start", Integer, **_ids),
    Column("end", Integer, **_ids),
    Column("text", Text),
    Column("value", ExactDecimal),
    Column("high", ExactDecimal),
    Column("unit", String(32)),
    Column("unit_text", Text),
    Column("approx", String(16)),
    Column("kind", String(16)),
    Column("scale", String(16)),
    Column("extra", Text),
    PrimaryKeyConstraint("article_id", "lang", "start", "end", name="pk_quantities"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_quantities_article"),
)

ENTITIES = Table(
    "entities", METADATA,
    Column("article_id", String(64), **_ids),
    Column("lang", String(2), **_ids),
    Column("para", Integer),
    Column("start", Integer, **_ids),
    Column("end", Integer, **_ids),
    Column("text", Text),
    Column("label", String(8), **_ids),
    Column("subtype", String(32)),
    Column("norm", Text),
    Column("en", Text),
    Column("gazetteer_id", Text),
    Column("modern", Text),
    Column("place", Text),
    Column("place_parent", Text),
    Column("trade", Text),
    Column("link_start", Integer),
    Column("link_end", Integer),
    Column("link_text", Text),
    Column("link_score", Float),
    Column("extra", Text),
    PrimaryKeyConstraint("article_id", "lang", "start", "end", "label", name="pk_entities"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_entities_article"),
)

RECONCILIATION = Table(
    "reconciliation", METADATA,
    Column("article_id", String(64), **_ids),
    Column("pair", Integer, **_ids),
    Column("zh_para", Integer),
    Column("en_para", Integer),
    Column("zh_text", Text),
    Column("zh_start", Integer),
    Column("zh_end", Integer),
    Column("zh_value", ExactDecimal),
    Column("zh_high", ExactDecimal),
    Column("zh_unit", String(32)),
    Column("zh_approx", String(16)),
    Column("en_text", Text),
    Column("en_start", Integer),
    Column("en_end", Integer),
    Column("en_value", ExactDecimal),
    Column("en_high", ExactDecimal),
    Column("en_unit", String(32)),
    Column("en_approx", String(16)),
    Column("verdict", String(32)),
    Column("factor", Text),
    Column("note", Text),
    Column("kind", String(16)),
    Column("bead", Text),
    Column("zh_sent_start", Integer),
    Column("zh_sent_end", Integer),
    Column("en_sent_start", Integer),
    Column("en_sent_end", Integer),
    Column("extra", Text),
    PrimaryKeyConstraint("article_id", "pair", name="pk_reconciliation"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_reconciliation_article"),
)

FACTS = Table(
    "facts", METADATA,
    Column("fact_id", String(96), primary_key=True),
    Column("article_id", String(64), **_ids),
    Column("lang", String(2), **_ids),
    Column("para", Integer),
    Column("role", String(16)),
    Column("related_fact_id", String(96)),
    Column("subject_text", Text),
    Column("subject_start", Integer),
    Column("subject_end", Integer),
    Column("subject_norm", Text),
    Column("subject_en", Text),
    Column("subject_kind", String(32)),
    Column("subject_id", Text),
    Column("subject_entity_lang", String(2)),
    Column("subject_entity_start", Integer),
    Column("subject_entity_end", Integer),
    Column("subject_entity_label", String(8)),
    Column("subject_places", Text),
    Column("measure", String(64)),
    Column("measure_zh", Text),
    Column("measure_en", Text),
    Column("object_zh", Text),
    Column("object_en", Text),
    Column("value", ExactDecimal),
    Column("high", ExactDecimal),
    Column("unit", String(32)),
    Column("approx", String(16)),
    Column("kind", String(16)),
    Column("period_text", Text),
    Column("period_start", String(10)),
    Column("period_end", String(10)),
    Column("period_duration", String(16)),
    Column("period_per", String(16)),
    Column("comparison_text", Text),
    Column("comparison_kind", String(16)),
    Column("comparison_value", ExactDecimal),
    Column("comparison_unit", String(32)),
    Column("comparison_baseline", String(48)),
    Column("comparison_period_start", String(10)),
    Column("comparison_period_end", String(10)),
    Column("zh_text", Text),
    Column("zh_start", Integer, **_ids),
    Column("zh_end", Integer, **_ids),
    Column("zh_sentence", Text),
    Column("zh_sentence_start", Integer),
    Column("zh_sentence_end", Integer),
    Column("en_text", Text),
    Column("en_start", Integer),
    Column("en_end", Integer),
    Column("en_sentence", Text),
    Column("en_sentence_start", Integer),
    Column("en_sentence_end", Integer),
    Column("verdict", String(32)),
    Column("extra", Text),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_facts_article"),
    ForeignKeyConstraint(["article_id", "lang", "zh_start", "zh_end"],
                         ["quantities.article_id", "quantities.lang", "quantities.start", "quantities.end"],
                         ondelete="CASCADE", name="fk_facts_quantity"),
    ForeignKeyConstraint(["article_id", "subject_entity_lang", "subject_entity_start", "subject_entity_end",
                          "subject_entity_label"],
                         ["entities.article_id", "entities.lang", "entities.start", "entities.end", "entities.label"],
                         ondelete="CASCADE", name="fk_facts_subject_entity"),
    Index("ix_facts_article", "article_id"),
    Index("ix_facts_measure", "measure"),
)

ERRORS = Table(
    "errors", METADATA,
    Column("path", Text, primary_key=True),
    Column("kind", String(32)),
    Column("message", Text),
    Column("extra", Text),
)

META = Table(
    "meta", METADATA,
    Column("key", String(64), primary_key=True),
    Column("value", Text),
)

SCHEMA = {t.name: t for t in (ARTICLES, QUANTITIES, ENTITIES, RECONCILIATION, FACTS, ERRORS)}
#: columns each table must be unique on (rows repeating a key within a batch keep the last)
_KEYS = {
    "articles": ["id"], "quantities": ["article_id", "lang", "start", "end"],
    "entities": ["article_id", "lang", "start", "end", "label"], "reconciliation": ["article_id", "pair"],
    "facts": ["fact_id"], "errors": ["path"],
}
_ENTITY_REF = ["subject_entity_lang", "subject_entity_start", "subject_entity_end", "subject_entity_label"]


def columns(name: str) -> list[str]:
    """The schema's column names of a table, in order."""
    return [c.name for c in SCHEMA[name].columns]


def default_url(out_dir: Path) -> str:
    return f"sqlite:///{Path(out_dir).resolve() / 'duizhao.sqlite'}"


def _sqlite_pragmas(dbapi_con, _record):
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


class SchemaError(RuntimeError):
    pass


class Store:
    """Write article tables batch by batch, replacing the rows of re-run articles."""

    def __init__(self, out_dir, db_url: str | None = None):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.url = db_url or default_url(self.out_dir)
        self.engine = sa.create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._migrate()

    # --- schema
    def _migrate(self):
        have = set(sa.inspect(self.engine).get_table_names())
        version = None
        if "meta" in have:
            with self.engine.connect() as con:
                row = con.execute(sa.select(META.c.value).where(META.c.key == "schema_version")).fetchone()
            version = int(row[0]) if row and str(row[0]).isdigit() else None
        if version is not None and version > SCHEMA_VERSION:
            raise SchemaError(f"{self.url}: database schema version {version} is newer than this duizhao's "
                              f"({SCHEMA_VERSION}); upgrade duizhao or write to another database")
        ours = have & (set(SCHEMA) | {"meta"})
        if ours and version != SCHEMA_VERSION:
            # an older layout: its rows are derived from the articles, so rebuild and let the run refill it
            log.warning("%s: schema version %s -> %s: rebuilding the duizhao tables", self.url, version, SCHEMA_VERSION)
            with self.engine.begin() as con:
                if self.engine.dialect.name == "sqlite":
                    con.exec_driver_sql("PRAGMA foreign_keys=OFF")
                for name in ("facts", "reconciliation", "entities", "quantities", "articles", "errors", "meta"):
                    if name in have:
                        con.execute(sa.text(f"DROP TABLE {self.engine.dialect.identifier_preparer.quote(name)}"
                                            + (" CASCADE" if self.engine.dialect.name == "postgresql" else "")))
        METADATA.create_all(self.engine)
        with self.engine.begin() as con:
            row = con.execute(sa.select(META.c.value).where(META.c.key == "schema_version")).fetchone()
            if row is None:
                con.execute(META.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))

    def schema_version(self) -> int:
        with self.engine.connect() as con:
            return int(con.execute(sa.select(META.c.value).where(META.c.key == "schema_version")).scalar_one())

    def tables(self) -> set[str]:
        return set(sa.inspect(self.engine).get_table_names())

    # --- reading
    def done(self) -> dict[str, tuple[str, str]]:
        """{path: (content_hash, pipeline_version)} of the articles already written."""
        with self.engine.connect() as con:
            rows = con.execute(sa.select(ARTICLES.c.path, ARTICLES.c.content_hash, ARTICLES.c.pipeline_version))
            return {r[0]: (r[1], r[2]) for r in rows}

    def count(self, name: str) -> int:
        t = SCHEMA[name] if name in SCHEMA else sa.table(name)
        with self.engine.connect() as con:
            return con.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()

    def _select(self, name):
        t = SCHEMA[name]
        return sa.select(t).order_by(*t.primary_key.columns)

    def _chunks(self, name, chunksize):
        """DataFrames of a table in primary-key order, ``chunksize`` rows at a time."""
        if name not in SCHEMA:
            if name not in self.tables():
                return
            with self.engine.connect() as con:
                yield pd.read_sql_table(name, con)
            return
        ints = [c.name for c in SCHEMA[name].columns if isinstance(c.type, Integer)]
        with self.engine.connect() as con:
            con = con.execution_options(stream_results=True)
            empty = True
            for df in pd.read_sql(self._select(name), con, chunksize=chunksize, coerce_float=False):
                empty = False
                yield _typed(df, ints)
            if empty:
                yield _typed(pd.DataFrame(columns=columns(name)), ints)

    def read(self, name: str) -> pd.DataFrame:
        """A whole table as a DataFrame (exact numbers as strings, nullable integers as Int64)."""
        parts = list(self._chunks(name, 100_000))
        if not parts:
            return pd.DataFrame()
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)

    # --- writing
    def write(self, tables: dict[str, pd.DataFrame]):
        """Write one batch: delete old rows of its articles and paths, then bulk insert, in one transaction."""
        arts = tables.get("articles")
        errs = tables.get("errors")
        ids = [str(x) for x in arts["id"]] if arts is not None and len(arts) else []
        paths = [p for p in arts["path"] if isinstance(p, str)] if arts is not None and len(arts) else []
        err_paths = [str(p) for p in errs["path"]] if errs is not None and len(errs) else []
        extra_tables = [n for n in tables if n not in SCHEMA and n != "meta"]
        prepared = {name: _prepare(name, tables[name]) for name in TABLES
                    if tables.get(name) is not None and len(tables[name])}
        if "facts" in prepared:
            prepared["facts"] = _drop_dangling_subjects(prepared["facts"], prepared.get("entities"))
        with self.engine.begin() as con:
            stale = set(ids)
            if paths or err_paths:
                stale |= set(_select_in(con, ARTICLES.c.id, ARTICLES.c.path, paths + err_paths))
            if stale:
                stale = sorted(stale)
                for name in reversed(ARTICLE_TABLES):
                    t = SCHEMA[name]
                    _delete_in(con, t, t.c.id if name == "articles" else t.c.article_id, stale)
                for name in extra_tables:
                    if name in self.tables() and "article_id" in tables[name].columns:
                        _delete_in(con, sa.table(name, sa.column("article_id")),
                                   sa.column("article_id"), stale)
            if paths or err_paths:
                _delete_in(con, ERRORS, ERRORS.c.path, paths + err_paths)
            for name in TABLES:
                if name in prepared:
                    self._insert(con, SCHEMA[name], prepared[name])
            for name in extra_tables:
                df = tables[name]
                if df is not None and len(df):
                    df.to_sql(name, con, if_exists="append", index=False, chunksize=1000, method="multi")

    def _insert(self, con, table: Table, df):
        cols = list(df.columns)
        sqlite_prepared = self.engine.dialect.name == "sqlite" and isinstance(df, _Prepared)
        rows = None if sqlite_prepared else _rows(table, df)
        if self.engine.dialect.name == "postgresql" and self.engine.dialect.driver == "psycopg":
            import psycopg
            from psycopg import sql

            stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c) for c in cols))
            try:
                with con.connection.driver_connection.cursor() as cur, cur.copy(stmt) as copy:
                    for row in rows:
                        copy.write_row(row)
            except psycopg.errors.IntegrityError as e:  # the same exception as the executemany path
                raise sa.exc.IntegrityError(f"COPY {table.name}", None, e) from e
            except psycopg.Error as e:
                raise sa.exc.DBAPIError(f"COPY {table.name}", None, e) from e
        elif self.engine.dialect.name == "sqlite":
            # the driver's executemany with the columns' bind processors applied here: what the
            # core insert below sends, without its per-row parameter dictionaries (5x faster)
            dialect = con.dialect
            quote = dialect.identifier_preparer.quote
            procs = [table.c[c].type._cached_bind_processor(dialect) for c in cols]
            if sqlite_prepared:  # column by column: the same values, without a generator per row
                # exact numbers went through exact() in _prepare: the ExactDecimal processor (exact
                # again) would give them back unchanged (exact is idempotent: a test checks)
                procs = [None if isinstance(table.c[c].type, ExactDecimal) else p for p, c in zip(procs, cols)]
                rows = list(zip(*(df.data[c] if p is None else list(map(p, df.data[c]))
                                  for p, c in zip(procs, cols))))
            elif any(p is not None for p in procs):
                rows = [tuple(v if p is None else p(v) for p, v in zip(procs, r)) for r in rows]
            sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
                   f"VALUES ({', '.join('?' * len(cols))})")
            if rows:
                con.exec_driver_sql(sql, rows)
        else:
            # executemany through the core insert (bound parameters, batched by the driver)
            ins = table.insert()
            keys = [f"p{i}" for i in range(len(cols))]
            stmt = ins.values({c: sa.bindparam(k) for c, k in zip(cols, keys)})
            con.execute(stmt, [dict(zip(keys, r)) for r in rows])

    # --- flat files
    def export(self, formats=("csv",), names=TABLES, chunksize=50_000):
        """Write OUT/<table>.<fmt> for each table from the database, in chunks; returns the paths."""
        for fmt in formats:
            if fmt not in FORMATS:
                raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        written = []
        for name in names:
            if name not in SCHEMA and name not in self.tables():
                continue
            paths = {fmt: self.out_dir / f"{name}.{fmt}" for fmt in formats}
            writers = {}
            try:
                for i, df in enumerate(self._chunks(name, chunksize)):
                    for fmt, path in paths.items():
                        if fmt == "csv":
                            df.to_csv(path, index=False, mode="w" if i == 0 else "a", header=i == 0)
                        elif fmt == "jsonl":
                            with open(path, "w" if i == 0 else "a", encoding="utf-8") as f:
                                if len(df):
                                    df.to_json(f, orient="records", lines=True, force_ascii=False)
                                    f.write("\n")
                        elif fmt == "parquet":
                            import pyarrow as pa
                            import pyarrow.parquet as pq

                            schema = _arrow_schema(name, df)
                            if "parquet" not in writers:
                                writers["parquet"] = pq.ParquetWriter(path, schema)
                            writers["parquet"].write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False))
            finally:
                for w in writers.values():
                    w.close()
            written += list(paths.values())
        return written

    def close(self):
        self.engine.dispose()


# --- helpers -------------------------------------------------------------------------

def _typed(df: pd.DataFrame, ints) -> pd.DataFrame:
    for c in ints:
        if c in df.columns:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
    return df


def _arrow_schema(name, df):
    import pyarrow as pa

    if name not in SCHEMA:
        return pa.Schema.from_pandas(df, preserve_index=False)
    fields = []
    for c in SCHEMA[name].columns:
        if isinstance(c.type, Integer):
            typ = pa.int64()
        elif isinstance(c.type, Float):
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(c.name, typ))
    return pa.schema(fields)


def _jsonable(v):
    if isinstance(v, Decimal):
        return exact(v)
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


class _Prepared:
    """A table ready to insert: its columns (schema order, ``extra`` last) and one list of plain
    values per column (None for every missing value), as :func:`_rows` sends them."""

    def __init__(self, columns: list[str], data: dict[str, list]):
        self.columns = columns
        self.data = data

    def __len__(self):
        return len(self.data[self.columns[0]]) if self.columns else 0

    def __getitem__(self, column: str) -> list:
        return self.data[column]


def _prepare(name: str, df: pd.DataFrame):
    """The table in the schema's columns: exact numbers as strings, unknown columns packed into ``extra``.

    Built as column lists, value by value, with the result of :func:`_prepare_frame` (the
    pandas way, kept for frames with repeated column names) followed by :func:`_rows`: a
    missing value (``pd.isna``) is None, exact columns ``exact(v)``, integer columns ``int(v)``,
    float columns ``float(v)``, text columns ``str``; rows with the same key: the last one kept.
    """
    if not df.columns.is_unique or (name == "reconciliation" and "pair" not in df.columns and len(df)
                                    and any(_missing(x) for x in df["article_id"].tolist())):
        return _prepare_frame(name, df)
    table = SCHEMA[name]
    known = [c.name for c in table.columns]
    df = df.reset_index(drop=True)
    n = len(df)
    raw: dict[str, list] = {}
    for c in known:
        if c in df.columns and c != "extra":
            raw[c] = df[c].tolist()
    if name == "reconciliation" and "pair" not in df.columns:
        seen: dict = {}
        pair = []
        for x in df["article_id"].tolist():  # = groupby("article_id").cumcount()
            k = seen.get(x, 0)
            pair.append(k)
            seen[x] = k + 1
        raw["pair"] = pair
    unknown = [c for c in df.columns if c not in known]
    if unknown or "extra" in df.columns:
        raw["extra"] = _extras(df, unknown)
    cols = [c for c in known if c in raw]
    data = {}
    for c in cols:
        typ = table.c[c].type
        vals = raw[c]
        # the value types of the column decide which steps can change anything (most columns hold
        # only str, int or float, and None): the same values as the steps done value by value
        types = set(map(type, vals))
        if types <= _PLAIN_TYPES:
            if float in types:  # NaN is the only missing value among these (v != v)
                vals = [None if v != v else v for v in vals]
                types = set(map(type, vals))
        else:
            vals = [None if _missing(v) else v for v in vals]
            types = None
        if isinstance(typ, ExactDecimal):
            vals = [exact(v) for v in vals]
        elif isinstance(typ, Integer):
            if types is None or not types <= _INT_TYPES:
                vals = [None if v is None else int(v) for v in vals]
        elif isinstance(typ, Float):
            if types is None or not types <= _FLOAT_TYPES:
                vals = [None if v is None else float(v) for v in vals]
        else:
            if types is None or not types <= _STR_TYPES:
                vals = [None if v is None else (v if isinstance(v, str) else str(_jsonable(v))) for v in vals]
        data[c] = vals
    # "extra" is the schema's last column: it comes last, as when _prepare_frame adds it
    cols = [c for c in cols if c != "extra"] + (["extra"] if "extra" in data else [])
    key = [k for k in _KEYS[name] if k in data]
    if key and n:
        last = {}
        for i, k in enumerate(zip(*(data[c] for c in key))):
            last[k] = i  # drop_duplicates(keep="last"): the last row of each key, in row order
        if len(last) < n:
            keep = sorted(last.values())
            data = {c: [v[i] for i in keep] for c, v in data.items()}
    return _Prepared(cols, data)


#: value types whose missing values are None and NaN only (what :func:`_missing` says of them)
_PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))
#: columns of only these types need no int() / float() / str(): each value is already one
_INT_TYPES = frozenset((int, type(None)))
_FLOAT_TYPES = frozenset((float, type(None)))
_STR_TYPES = frozenset((str, type(None)))


def _extras(df: pd.DataFrame, unknown: list[str]) -> list:
    """The ``extra`` column: the columns the schema does not know, as JSON (with an ``extra`` given)."""
    extras = []
    base = df["extra"] if "extra" in df.columns else [None] * len(df)
    for i, rec in enumerate(df[unknown].to_dict("records") if unknown else [{}] * len(df)):
        d = {}
        if isinstance(base[i], str) and base[i]:
            try:
                d.update(json.loads(base[i]))
            except ValueError:
                d["extra"] = base[i]
        d.update({k: _jsonable(v) for k, v in rec.items() if not _missing(v)})
        extras.append(json.dumps(d, ensure_ascii=False, default=str, sort_keys=True) if d else None)
    return extras


def _prepare_frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """:func:`_prepare` the pandas way, as a DataFrame (for frames with repeated column names)."""
    table = SCHEMA[name]
    known = [c.name for c in table.columns]
    df = df.reset_index(drop=True)
    if name == "reconciliation" and "pair" not in df.columns:
        df = df.assign(pair=df.groupby("article_id").cumcount() if len(df) else [])
    unknown = [c for c in df.columns if c not in known]
    out = pd.DataFrame({c: df[c] for c in known if c in df.columns and c != "extra"})
    if unknown or "extra" in df.columns:
        out["extra"] = _extras(df, unknown)
    out = out.astype(object).where(pd.notna(out), None)
    for c in table.columns:
        if c.name not in out.columns:
            continue
        if isinstance(c.type, ExactDecimal):
            out[c.name] = [exact(v) for v in out[c.name]]
        elif isinstance(c.type, Integer):
            out[c.name] = [None if v is None else int(v) for v in out[c.name]]
        elif isinstance(c.type, Float):
            out[c.name] = [None if v is None else float(v) for v in out[c.name]]
        else:
            out[c.name] = [None if v is None else (v if isinstance(v, str) else str(_jsonable(v)))
                           for v in out[c.name]]
    key = [k for k in _KEYS[name] if k in out.columns]
    if key:
        out = out.drop_duplicates(subset=key, keep="last")
    return out


def _missing(v):
    if v is None:
        return True
    t = type(v)
    if t is str or t is int or t is bool:
        return False  # (what pd.isna says of them, at a tenth of its cost: every cell comes here)
    if t is float:
        return v != v
    try:
        return bool(pd.api.types.is_scalar(v) and pd.isna(v))
    except (TypeError, ValueError):
        return False


def _drop_dangling_subjects(facts, entities):
    """A fact whose subject entity is not among the batch's entities keeps its subject text, not the link."""
    if not all(c in facts.columns for c in _ENTITY_REF):
        return facts
    if isinstance(facts, _Prepared) and (entities is None or isinstance(entities, _Prepared)):
        have = set()
        if entities is not None and len(entities):
            have = set(zip(entities["article_id"], entities["lang"], entities["start"], entities["end"],
                           entities["label"]))
        keys = list(zip(facts["article_id"], *(facts[c] for c in _ENTITY_REF)))
        bad = [not _missing(k[1]) and k not in have for k in keys]
        if any(bad):
            log.warning("%d facts point at subject entities not in the batch; link dropped", sum(bad))
            data = dict(facts.data)
            for c in _ENTITY_REF:
                data[c] = [None if b else v for b, v in zip(bad, data[c])]
            facts = _Prepared(facts.columns, data)
        return facts
    if isinstance(facts, _Prepared):
        facts = _frame_of(facts)
    if isinstance(entities, _Prepared):
        entities = _frame_of(entities)
    have = set()
    if entities is not None and len(entities):
        have = set(zip(entities["article_id"], entities["lang"], entities["start"], entities["end"], entities["label"]))
    keys = list(zip(facts["article_id"], *(facts[c] for c in _ENTITY_REF)))
    bad = [not _missing(k[1]) and k not in have for k in keys]
    if any(bad):
        log.warning("%d facts point at subject entities not in the batch; link dropped", sum(bad))
        facts = facts.copy()
        for c in _ENTITY_REF:
            facts.loc[bad, c] = None
    return facts


def _clean(v):
    t = type(v)
    if t is str or t is int or t is bool:
        return v  # not missing, no numpy scalar: as below, without the tests
    if v is None or (t is float and v != v):
        return None
    if t is float:
        return v
    if _missing(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalar -> Python
        return v.item()
    return v


def _frame_of(prep: _Prepared) -> pd.DataFrame:
    return pd.DataFrame({c: prep.data[c] for c in prep.columns}, columns=prep.columns)


def _rows(table: Table, df):
    """Plain Python tuples in the column types (None for every missing value: pandas turns None
    into NaN in str and int columns)."""
    if isinstance(df, _Prepared):
        return list(zip(*(df.data[c] for c in df.columns)))
    cols = []
    for c in df.columns:
        typ = table.c[c].type
        conv = int if isinstance(typ, Integer) else float if isinstance(typ, Float) else None
        vals = [_clean(v) for v in df[c].tolist()]
        if conv is not None:
            vals = [None if v is None else conv(v) for v in vals]
        cols.append(vals)
    return list(zip(*cols))


def _chunked(xs, n=500):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def _select_in(con, col, key, values):
    out = []
    for chunk in _chunked(list(dict.fromkeys(values))):
        out += [r[0] for r in con.execute(sa.select(col).where(key.in_(chunk)))]
    return out


def _delete_in(con, table, key, values):
    for chunk in _chunked(list(dict.fromkeys(values))):
        con.execute(sa.delete(table).where(key.in_(chunk)))
