"""Shared fixtures: the seed and demo corpora, and stores built from them once per session.

The seed documents and their gold facts live in ../shared (they are the user's and are not
copied into the repository); tests that need them are marked `shared` and skip where it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.build import build
from app.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The user's five seed documents (../shared/corpus/seeds)."""
    if not SEEDS.is_dir():
        pytest.skip(
            "../shared/corpus/seeds is absent: seed-based tests need the shared folder beside the repo"
        )
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The hand-made gold facts of the seed documents (../shared/gold)."""
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is absent: gold-based tests need the shared folder beside the repo")
    return GOLD


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Store]:
    """An on-disk store holding the vocabularies and the five seed documents."""
    store = Store.open(tmp_path_factory.mktemp("seed") / "oxigraph")
    report = build([seeds_dir], store)
    assert report.documents == 5 and not report.problems
    yield store
    store.close()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """An on-disk store holding the vocabularies and the bundled demo corpus."""
    store = Store.open(tmp_path_factory.mktemp("demo") / "oxigraph")
    report = build([DEMO], store)
    assert report.documents >= 6 and not report.problems
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh on-disk store with nothing in it."""
    store = Store.open(tmp_path / "oxigraph")
    yield store
    store.close()
