"""The storage layer: explicit schema, foreign keys, upsert by article id, exact numbers, exports.

The checks are functions of a database URL so that tests/test_postgres.py runs the very same
ones against a real PostgreSQL server.
"""
from decimal import Decimal

import pandas as pd
import pytest
import sqlalchemy as sa

from pipeline.store import SCHEMA, SCHEMA_VERSION, Store, columns, exact

from conftest import SHARED

NAMES = ("articles", "quantities", "entities", "reconciliation", "facts", "errors")


def synthetic(aid, path, n=3, label="PLACE"):
    """One article's tables, shaped as process_article makes them (plus a column the schema lacks)."""
    arts = pd.DataFrame([{
        "id": aid, "path": path, "date": "1957-08-20", "page": 5, "column": None, "title_zh": "标题",
        "content_hash": "h-" + aid, "pipeline_version": "0.1.0", "n_figures": n, "n_match": n,
        "fidelity": 1.0, "a_new_summary_column": 7,
    }])
    q = pd.DataFrame([{
        "article_id": aid, "lang": "zh", "para": 1, "start": 10 * i, "end": 10 * i + 4, "text": "三十八亿",
        "value": Decimal("3870000000") if i == 0 else Decimal(1) / Decimal(3), "high": None,
        "unit": "yuan", "approx": None, "kind": "number", "scale": "亿",
    } for i in range(n)])
    e = pd.DataFrame([{"article_id": aid, "lang": "zh", "para": 1, "start": 100, "end": 104, "text": "哈尔滨市",
                       "label": label, "subtype": "city", "norm": "哈尔滨市", "en": "Harbin City"}])
    r = pd.DataFrame([{"article_id": aid, "zh_para": 1, "en_para": 1, "zh_text": "三十八亿", "zh_start": 10 * i,
                       "zh_end": 10 * i + 4, "zh_value": "3870000000", "en_text": "3.87 billion",
                       "en_value": "3870000000", "verdict": "match", "kind": "number", "bead": "1>1"}
                      for i in range(n)])
    f = pd.DataFrame([{
        "fact_id": f"{aid}:{10 * i}", "article_id": aid, "lang": "zh", "para": 1, "zh_start": 10 * i,
        "zh_end": 10 * i + 4, "zh_text": "三十八亿", "value": Decimal("3870000000"), "unit": "yuan",
        "measure": "output_value", "subject_entity_lang": "zh", "subject_entity_start": 100,
        "subject_entity_end": 104, "subject_entity_label": label,
    } for i in range(n)])
    return {"articles": arts, "quantities": q, "entities": e, "reconciliation": r, "facts": f}


def SHARED_DEV():
    """A few dev articles when ../shared is there, else none."""
    return sorted((SHARED / "corpus" / "dev").glob("*.txt"))[:6:2]


def check_whole_run(url, out, seed_path):
    """The seed and a few dev articles through `run`, twice: same counts, every key resolves."""
    from pipeline.batch import run

    inputs = [seed_path] + SHARED_DEV()
    kw = dict(db_url=url, progress=False, report=False, engine="local", workers=1, return_tables=False)
    run(inputs, out, **kw)
    s = Store(out, url)
    try:
        first = counts(s)
        assert first["articles"] == len(inputs) and first["errors"] == 0
        assert first["facts"] > 0 and first["quantities"] > first["facts"] // 2
        run(inputs, out, resume=False, **kw)
        assert counts(s) == first
        with s.engine.connect() as con:
            n = con.exec_driver_sql(
                "SELECT count(*) FROM facts f JOIN quantities q ON q.article_id = f.article_id "
                "AND q.lang = f.lang AND q.start = f.zh_start AND q.end = f.zh_end").scalar_one()
            assert n == first["facts"]
            linked = con.exec_driver_sql(
                "SELECT count(*) FROM facts WHERE subject_entity_start IS NOT NULL").scalar_one()
            joined = con.exec_driver_sql(
                "SELECT count(*) FROM facts f JOIN entities e ON e.article_id = f.article_id "
                "AND e.lang = f.subject_entity_lang AND e.start = f.subject_entity_start "
                "AND e.end = f.subject_entity_end AND e.label = f.subject_entity_label").scalar_one()
            assert linked == joined and linked > 0
            orphans = con.exec_driver_sql(
                "SELECT count(*) FROM facts f LEFT JOIN articles a ON a.id = f.article_id WHERE a.id IS NULL"
            ).scalar_one()
            assert orphans == 0
    finally:
        s.close()


def counts(store):
    return {n: store.count(n) for n in NAMES}


def check_schema(url, out):
    s = Store(out, url)
    try:
        assert s.schema_version() == SCHEMA_VERSION
        insp = sa.inspect(s.engine)
        assert set(NAMES) | {"meta"} <= set(insp.get_table_names())
        for name in NAMES:
            assert [c["name"] for c in insp.get_columns(name)] == columns(name)
        fks = {fk["name"]: fk for fk in insp.get_foreign_keys("facts")}
        refs = {fk["referred_table"] for fk in insp.get_foreign_keys("facts")}
        assert refs == {"articles", "quantities", "entities"}, fks
        for name in ("quantities", "entities", "reconciliation"):
            assert [fk["referred_table"] for fk in insp.get_foreign_keys(name)] == ["articles"]
        assert insp.get_pk_constraint("articles")["constrained_columns"] == ["id"]
        assert insp.get_pk_constraint("errors")["constrained_columns"] == ["path"]
    finally:
        s.close()


def check_rerun_and_second_corpus(url, out):
    s = Store(out, url)
    try:
        s.write(synthetic("a1", "/c/a1.txt"))
        first = counts(s)
        assert first == {"articles": 1, "quantities": 3, "entities": 1, "reconciliation": 3, "facts": 3, "errors": 0}
        s.write(synthetic("a1", "/c/a1.txt"))  # the same input again: rows replaced, not added
        assert counts(s) == first
        s.write(synthetic("a2", "/d/a2.txt", n=2))  # a second corpus adds to it
        assert counts(s)["articles"] == 2 and counts(s)["facts"] == 5
        # the same path re-read as a different article (edited file): the old id's rows go
        s.write(synthetic("a1-edited", "/c/a1.txt", n=1))
        got = s.read("articles").set_index("id")
        assert set(got.index) == {"a1-edited", "a2"}
        assert counts(s)["quantities"] == 3
        # a path that now fails replaces its article rows by one errors row
        s.write({"errors": pd.DataFrame([{"path": "/d/a2.txt", "kind": "empty_file", "message": "file is empty"}])})
        assert counts(s) == {"articles": 1, "quantities": 1, "entities": 1, "reconciliation": 1, "facts": 1,
                             "errors": 1}
        # and fixed again: the errors row goes
        s.write(synthetic("a2", "/d/a2.txt", n=2))
        assert counts(s)["errors"] == 0 and counts(s)["articles"] == 2
        assert s.done() == {"/c/a1.txt": ("h-a1-edited", "0.1.0"), "/d/a2.txt": ("h-a2", "0.1.0")}
    finally:
        s.close()
    s = Store(out, url)  # reopening keeps everything
    try:
        assert counts(s)["articles"] == 2
    finally:
        s.close()


def check_exact_and_extra(url, out):
    s = Store(out, url)
    try:
        s.write(synthetic("a1", "/c/a1.txt"))
        q = s.read("quantities").sort_values("start")
        assert list(q["value"])[:2] == ["3870000000", str(Decimal(1) / Decimal(3))]
        assert q["start"].dtype == "Int64"
        arts = s.read("articles")
        assert arts.loc[0, "extra"] == '{"a_new_summary_column": 7}'
        assert arts.loc[0, "fidelity"] == 1.0
        rec = s.read("reconciliation")
        assert sorted(rec["pair"]) == [0, 1, 2]
    finally:
        s.close()


def check_foreign_keys(url, out):
    s = Store(out, url)
    try:
        s.write(synthetic("a1", "/c/a1.txt"))
        bad = synthetic("a9", "/c/a9.txt")
        del bad["articles"]  # children of an article that is not there
        with pytest.raises(sa.exc.IntegrityError):
            s.write(bad)
        assert counts(s)["quantities"] == 3  # the failed batch left nothing behind
        # deleting an article cascades to its rows
        with s.engine.begin() as con:
            con.execute(sa.delete(SCHEMA["articles"]).where(SCHEMA["articles"].c.id == "a1"))
        assert counts(s) == dict.fromkeys(NAMES, 0)
        # a fact whose subject entity is missing keeps its row, without the link
        t = synthetic("a2", "/c/a2.txt")
        t["facts"]["subject_entity_label"] = "ORG"
        s.write(t)
        f = s.read("facts")
        assert len(f) == 3 and f["subject_entity_start"].isna().all()
    finally:
        s.close()


def check_exports(url, out):
    s = Store(out, url)
    try:
        s.write(synthetic("a1", "/c/a1.txt"))
        paths = s.export(("csv", "parquet", "jsonl"), chunksize=2)
        assert len(paths) == 3 * len(NAMES)
        for name in NAMES:
            csv = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
            pq = pd.read_parquet(out / f"{name}.parquet")
            assert list(csv.columns) == list(pq.columns) == columns(name)
            assert len(csv) == len(pq) == s.count(name)
            lines = (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            assert len([x for x in lines if x.strip()]) == s.count(name)
        q = pd.read_csv(out / "quantities.csv", dtype=str)
        assert "3870000000" in set(q["value"]) and set(q["start"]) == {"0", "10", "20"}
    finally:
        s.close()


CHECKS = [check_schema, check_rerun_and_second_corpus, check_exact_and_extra, check_foreign_keys, check_exports]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_store_sqlite(check, tmp_path):
    check(None, tmp_path)


def test_store_sqlite_whole_run_twice(tmp_path, seed_path):
    check_whole_run(None, tmp_path / "out", seed_path)
    import sqlite3

    con = sqlite3.connect(tmp_path / "out" / "duizhao.sqlite")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_store_sqlite_enforces_foreign_keys_on_every_connection(tmp_path):
    s = Store(tmp_path)
    try:
        with s.engine.connect() as con:
            assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        s.close()


def test_store_rebuilds_an_older_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'duizhao.sqlite'}"
    eng = sa.create_engine(url)
    with eng.begin() as con:  # the layout of schema version 1: untyped tables, no keys
        con.exec_driver_sql("CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT)")
        con.exec_driver_sql("INSERT INTO meta VALUES ('schema_version', '1')")
        con.exec_driver_sql("CREATE TABLE articles (id TEXT, path TEXT)")
        con.exec_driver_sql("INSERT INTO articles VALUES ('old', '/x.txt')")
    eng.dispose()
    s = Store(tmp_path)
    try:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.count("articles") == 0 and s.done() == {}
        assert columns("articles") == [c["name"] for c in sa.inspect(s.engine).get_columns("articles")]
    finally:
        s.close()


def test_store_refuses_a_newer_schema(tmp_path):
    s = Store(tmp_path)
    with s.engine.begin() as con:
        con.exec_driver_sql(f"UPDATE meta SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")
    s.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(tmp_path)


def test_store_keeps_every_stage_column(tmp_path):
    """The columns process_article writes are stored: named by the schema (today all of them are),
    or, for a column a stage adds later, kept in ``extra``."""
    import json

    from pipeline.process import ARTICLE_COLUMNS, ENTITY_COLUMNS, QUANTITY_COLUMNS

    for cols, name in ((ARTICLE_COLUMNS, "articles"), (QUANTITY_COLUMNS, "quantities"), (ENTITY_COLUMNS, "entities")):
        t = synthetic("a1", "/c/a1.txt")
        df = t[name]
        t[name] = df.assign(**{c: 1 for c in cols if c not in df.columns})
        store = Store(tmp_path / name)
        try:
            store.write(t)
            got = store.read(name)
        finally:
            store.close()
        for c in cols:
            assert c in got.columns or c in json.loads(got.loc[0, "extra"] or "{}"), (name, c)


def test_store_keeps_every_reconciliation_column(tmp_path):
    """Every column reconciliation and its summary produce is stored: in its own column when the
    schema names it (the issue's columns must be named), else inside ``extra``; never dropped."""
    rec = pytest.importorskip("pipeline.reconcile")
    assert set(rec.COLUMNS) <= set(columns("reconciliation"))
    summary = rec.summarize(None)
    assert {"n_figures", "n_match", "fidelity"} <= set(columns("articles")) & set(summary)
    t = synthetic("a1", "/c/a1.txt")
    t["articles"] = t["articles"].assign(**{k: 1 for k in summary if k != "fidelity"})
    extra_rec = [c for c in rec.COLUMNS + rec.EXTRA_COLUMNS if c not in t["reconciliation"].columns]
    t["reconciliation"] = t["reconciliation"].assign(**{c: 1 for c in extra_rec if c not in ("article_id",)})
    s = Store(tmp_path)
    try:
        s.write(t)
        arts, recs = s.read("articles"), s.read("reconciliation")
    finally:
        s.close()
    import json

    for k in summary:
        if k != "fidelity":
            assert k in arts.columns and arts.loc[0, k] == 1 or json.loads(arts.loc[0, "extra"]).get(k) == 1, k
    for c in extra_rec:
        assert c in recs.columns or c in json.loads(recs.loc[0, "extra"] or "{}"), c


def test_store_schema_has_the_fact_columns():
    facts = pytest.importorskip("pipeline.facts")
    assert facts.FACT_COLUMNS == [c for c in columns("facts") if c != "extra"]


def test_store_docs_describe_every_column():
    """docs/schema.md documents every column of every table, and the schema version."""
    import re

    from conftest import ROOT

    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert f"Schema version **{SCHEMA_VERSION}**" in doc
    for name in SCHEMA:
        section = doc.split(f"## `{name}`")[1].split("\n## ")[0]
        named = set()
        for line in section.splitlines():
            if line.startswith("| `"):
                named |= set(re.findall(r"`([a-z_0-9]+)`", line.split("|")[1]))
        assert [c for c in columns(name) if c not in named] == [], name


def test_prepared_rows_are_those_of_the_pandas_way():
    """_prepare builds the rows to insert as column lists; they must be exactly what the pandas
    way (_prepare_frame, then _rows of the frame) gives: missing values, exact numbers, ints
    stored as floats, numpy scalars, unknown columns into extra, repeated keys (last kept) and
    facts whose subject entity is not in the batch."""
    import numpy as np

    from pipeline import store as st

    def old(name, df):
        return st._prepare_frame(name, df)

    def rows(name, prep):  # with each value's type: 3 == 3.0 and True == 1 in Python
        return list(prep.columns), [tuple((type(v), v) for v in r) for r in st._rows(SCHEMA[name], prep)]

    art = pd.DataFrame({"id": ["a1", "a2", "a1"], "path": ["x", None, "z"], "page": [3, np.nan, 5],
                        "column": [True, 5, None], "n_chars_en": [True, 2, 3], "n_chars_zh": [1.0, 2.0, 3.0],
                        "title_en": [1.5, float("nan"), "t"], "title_zh": ["a", "b", "c"],
                        "n_figures": pd.array([1, None, 2], dtype="Int64"), "fidelity": [0.5, None, np.float64(1)],
                        "stage_note": [None, "kept", np.int64(7)], "date": ["1957-01-01", "1957-01-02", float("nan")]})
    qty = pd.DataFrame({"article_id": ["a1"] * 4, "lang": ["zh", "zh", "en", "zh"], "start": [1, 1, 2, 9],
                        "end": [3, 3, 4.0, 11], "text": ["五", "五", "5", "七"],
                        "value": [Decimal("5"), Decimal("5.0"), "5.50", None], "high": [None, None, None, Decimal("1E+3")],
                        "unit": [None, "jin", "jin", None], "extra": [None, '{"k": 1}', "not json", None]})
    rec = pd.DataFrame({"article_id": ["a1", "a1", "a2"], "zh_para": [0, 1, 2], "en_para": [0.0, np.nan, 2.0],
                        "zh_value": ["3", None, "0.25"], "verdict": ["match", "missing_in_en", "match"]})
    ents = pd.DataFrame({"article_id": ["a1"], "lang": ["zh"], "start": [1], "end": [3], "label": ["PLACE"],
                         "text": ["高邮"]})
    facts = pd.DataFrame({"fact_id": ["f1", "f2", "f3"], "article_id": ["a1"] * 3,
                          "subject_entity_lang": ["zh", "zh", None], "subject_entity_start": [1, 5, None],
                          "subject_entity_end": [3, 7, None], "subject_entity_label": ["PLACE", "ORG", None],
                          "value": ["1", "2", None]})
    for name, df in (("articles", art), ("quantities", qty), ("reconciliation", rec), ("entities", ents),
                     ("facts", facts)):
        assert rows(name, st._prepare(name, df)) == rows(name, old(name, df)), name
    new_f = st._drop_dangling_subjects(st._prepare("facts", facts), st._prepare("entities", ents))
    old_f = st._drop_dangling_subjects(old("facts", facts), old("entities", ents))
    assert rows("facts", new_f) == rows("facts", old_f)
    cols, got = rows("facts", new_f)
    assert [r[cols.index("subject_entity_start")][1] for r in got] == [1, None, None]  # f2's entity is not in the batch


@pytest.mark.parametrize("s", ["0", "-0", "7", "3870000000", "34.88", "-0.5", "0.000001", "1.50", "1.0", "007",
                               "1E+3", " 12 ", "9" * 28, "9" * 29, "0." + "3" * 27, "0." + "3" * 28, "-" + "9" * 28,
                               "1" + "0" * 27 + ".5"])
def test_exact_returns_canonical_strings_as_the_decimal_way_does(s):
    """exact() gives a canonical string back unchanged without parsing it: the same answer (or
    error) as reading it as a Decimal (integers quantized, fractions normalized)."""
    from decimal import Decimal

    from pipeline.store import exact

    def decimal_way(v):
        d = Decimal(v.strip())
        return format(d.quantize(Decimal(1)), "f") if d == d.to_integral_value() else format(d.normalize(), "f")

    try:
        want = decimal_way(s)
    except ArithmeticError as e:
        with pytest.raises(type(e)):
            exact(s)
    else:
        assert exact(s) == want


def test_exact_is_idempotent_and_is_the_sqlite_bind_processor():
    """The SQLite writer does not apply the ExactDecimal bind processor to prepared rows (their
    exact numbers already went through exact()): that is only sound if the processor is exact
    and exact gives its own results back unchanged."""
    import random

    from sqlalchemy.dialects import sqlite

    from pipeline.store import ExactDecimal

    proc = ExactDecimal()._cached_bind_processor(sqlite.dialect())
    rnd = random.Random(7)
    values = ["0", "-0", "7", "34.88", "-0.5", "0.000001", "1.50", "007", "1E+3", " 12 ", "9" * 28, "9" * 29,
              "0." + "3" * 28, "0E-10", "NaN", "inf", None, 1.5, 3, float("nan"), Decimal("5.0"), Decimal("1E+3")]
    values += [str(rnd.randint(-10 ** 27, 10 ** 27)) for _ in range(300)]
    values += [Decimal(rnd.randint(-10 ** 12, 10 ** 12)).scaleb(rnd.randint(-30, 15)) for _ in range(300)]
    values += [rnd.random() * 10 ** rnd.randint(-12, 12) for _ in range(300)]
    n = 0
    for v in values:
        try:
            once = exact(v)
        except ArithmeticError:  # too long for the context: _prepare raises before any bind
            continue
        n += 1
        assert exact(once) == once and proc(v) == once and proc(once) == once, v
    assert n > 700
