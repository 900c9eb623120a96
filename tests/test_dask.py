"""The Dask engine (a LocalCluster of two single-threaded worker processes) gives the same
tables as the local engine, on the real pipeline."""
import pytest

from test_batch import assert_same_tables, defective_files, write_copies

from conftest import CORPUS
from pipeline.batch import run

pytest.importorskip("dask.distributed")


def test_dask_engine_tables_equal_local_engine(tmp_path):
    d = tmp_path / "in"
    write_copies(d, 40, small=True)
    defective_files(d / "bad", 0)
    big = d / "bad" / "huge.txt"  # too large to ship: its error row is made by the client
    big.write_bytes(b"x" * (5 * 1024 * 1024 + 10))
    (d / "zz_dup.txt").write_bytes((d / "copy_00002.txt").read_bytes())
    inputs = [CORPUS, d]
    local = run(inputs, tmp_path / "local", workers=1, progress=False, report=False)
    # a cluster started on its own, reached by its address: what `--scheduler tcp://...` does
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = run(inputs, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                   progress=False, report=False)
    s = dask["summary"]
    assert s.engine == "dask" and s.workers == 2
    assert len(s.worker_peak_mb) >= 1  # work ran in the cluster's worker processes
    assert_same_tables(local, dask)
    assert (s.processed, s.failed) == (local["summary"].processed, local["summary"].failed)
    kinds = set(dask["errors"]["kind"])
    assert {"too_large", "duplicate", "encoding", "empty_file"} <= kinds
    gbk = dask["articles"][dask["articles"]["path"].str.endswith("_gbk.txt")]
    assert list(gbk["encoding"]) == ["gb18030"]
