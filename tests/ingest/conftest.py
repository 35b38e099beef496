"""Fixtures for the ingest tests: options that keep the text exactly as read."""

from __future__ import annotations

import pytest

from spinscope.options import Options


@pytest.fixture
def opts() -> Options:
    """Boilerplate removal off, so that each test sees exactly what ingest produced."""
    return Options(keep_boilerplate=True)
