"""Shared fixtures. Data from ../shared is optional: tests that need it skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared evaluation data is not in this checkout)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article: the copy bundled in data/seed/, else the one in ../shared."""
    bundled = DATA / "seed" / "cnn-xi-putin-moscow.id.txt"
    if bundled.is_file():
        return bundled
    return shared_path("corpus", "seed", "cnn-xi-putin-moscow.id.txt")
