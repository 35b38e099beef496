"""Models saved with joblib in a folder of ``spinscope/models/`` (genre, frames, hyperpartisan): finding the file,
loading it, and picking the words of a text that a reader can take as the model's reasons.

A joblib file is a pickle: loading one runs code, so load only files from a source you trust,
such as the ones shipped with spinscope or ones you trained yourself.
"""

from __future__ import annotations

import functools
from pathlib import Path

from spinscope.errors import PipelineError


def model_file(default: Path, path: str | Path | None = None) -> Path:
    """The ``model.joblib`` inside a model folder (``default`` when no path is given), or the file itself."""
    path = Path(path) if path else default
    return path / "model.joblib" if path.is_dir() or not path.suffix else path


def load_joblib(name: str, file: Path, check=None):
    """The object saved in ``file``; any failure (missing, truncated, foreign, or refused by ``check``)
    becomes the one-line ``E302`` naming the model and the file."""
    try:
        import joblib

        found = joblib.load(file)
        if check is not None:
            check(found)
        return found
    except Exception as exc:
        raise PipelineError("E302", name=name, path=str(file), detail=f"{type(exc).__name__}: {exc}") from exc


@functools.lru_cache(maxsize=16)
def vocabulary(vectorizer):
    """The fitted ``vectorizer``'s terms by column, built once per loaded model (sorting the
    vocabulary on every article would cost more than scoring it)."""
    return vectorizer.get_feature_names_out()


def telling(term: str) -> bool:
    """A TF-IDF term a reader can take as a reason: not made only of stop words or digits ("they were", "your")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return any(word not in ENGLISH_STOP_WORDS and not word.isdigit() for word in term.split())
