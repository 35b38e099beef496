"""Where the training and validation corpora are: the one place that resolves the shared data folder.

``$SPINSCOPE_DATA`` when set, else ``../shared/data`` beside the repository
(the layout of a development checkout).  Only training, evaluation and the
tests read it; an analysis never does.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "SPINSCOPE_DATA"
REPO = Path(__file__).resolve().parents[2]  # src/spinscope/shared_data.py -> the repository


def folder(*parts: str) -> Path:
    """The shared data folder, or a folder inside it: ``folder("ptc2020")``."""
    root = os.environ.get(ENV)
    return Path(root if root else REPO.parent / "shared" / "data").joinpath(*parts)
