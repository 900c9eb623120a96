"""The storage checks of test_store.py against a real PostgreSQL server, plus a whole run.

Needs DUIZHAO_PG_URL (a SQLAlchemy URL, e.g. postgresql+psycopg://duizhao:duizhao@127.0.0.1:5432/duizhao,
as printed by .ci/postgres.sh, which .ci/run sources); skipped only when it is unset.
Each test works in a database of its own, created and dropped here (the role needs CREATEDB);
when that is not allowed, the duizhao tables of the given database are dropped first.
"""
import os
import uuid

import pytest
import sqlalchemy as sa

import test_store
from pipeline.store import SCHEMA, Store

URL = os.environ.get("DUIZHAO_PG_URL")
pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not URL, reason="DUIZHAO_PG_URL is not set (see .ci/postgres.sh)")]


@pytest.fixture
def pg_url():
    base = sa.engine.make_url(URL)
    name = f"duizhao_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as con:
            con.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.DBAPIError:
        # no CREATEDB: use the given database, emptied of duizhao's tables
        with admin.connect() as con:
            for t in ("facts", "reconciliation", "entities", "quantities", "articles", "errors", "meta"):
                con.exec_driver_sql(f'DROP TABLE IF EXISTS "{t}" CASCADE')
        admin.dispose()
        yield str(base.render_as_string(hide_password=False))
        return
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as con:
            con.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.mark.parametrize("check", test_store.CHECKS, ids=lambda c: c.__name__)
def test_postgres_store(check, pg_url, tmp_path):
    check(pg_url, tmp_path)


def test_postgres_exact_numbers_are_numeric(pg_url, tmp_path):
    s = Store(tmp_path, pg_url)
    try:
        s.write(test_store.synthetic("a1", "/c/a1.txt"))
        with s.engine.connect() as con:
            typ = con.exec_driver_sql(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'quantities' "
                "AND column_name = 'value'").scalar_one()
            total = con.exec_driver_sql("SELECT sum(value) FROM quantities").scalar_one()
        assert typ == "numeric"
        assert str(total).startswith("3870000000.6666666666")  # exact: 3870000000 + 2/3
    finally:
        s.close()


def test_postgres_whole_run_twice(pg_url, tmp_path, seed_path):
    test_store.check_whole_run(pg_url, tmp_path / "out", seed_path)
