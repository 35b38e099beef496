"""Shared fixtures: small hand-made articles and the corpus location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    path = data_dir()
    if not path.is_dir():
        pytest.skip(f"corpus folder {path} not found: set SPINSCOPE_DATA to the shared data folder")
    return path


@pytest.fixture
def news_text() -> str:
    return (
        "Leaders meet in Geneva\n\n"
        "President Maria Lopez met Chancellor Olaf Brandt in Geneva on Tuesday. "
        "The two leaders discussed a ceasefire in the region, officials said.\n"
        "According to the United Nations, 40 civilians were killed last week.\n"
    )
