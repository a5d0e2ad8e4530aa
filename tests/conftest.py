"""Shared test set-up: hypothesis profiles, the corpus location, the golden-file flag."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI runs a derandomized profile so a red build is reproducible; locally we explore.
settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden files (only after their invariants pass)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def corpus_dir() -> Path | None:
    """Return the shared corpus folder named by REDLINE_CORPUS, or None when absent."""
    env = os.environ.get("REDLINE_CORPUS")
    if env and Path(env, "README.md").is_file():
        return Path(env)
    return None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real UN texts; tests using it skip with a reason when absent."""
    path = corpus_dir()
    if path is None:
        pytest.skip("REDLINE_CORPUS is not set to the shared corpus folder (../shared/corpus)")
    return path
