"""Shared fixtures. Data in ../shared is used by path and never copied into the repo;
tests that need it are skipped when it is absent (a fresh clone without ../shared)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


def shared_path(*parts) -> Path:
    return SHARED.joinpath(*parts)


needs_shared = pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="../shared is absent")


@pytest.fixture(scope="session")
def shared_dir():
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def dev_files(shared_dir):
    return sorted((shared_dir / "corpus" / "dev").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_path():
    return CORPUS / "000_33999ee4fb8daa75.txt"
