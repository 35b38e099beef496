"""Technique classification of given spans (SemEval-2020 Task 11, TC setting)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope.errors import InputError


def read_text(path: Path) -> str:
    """Read an article exactly as the SemEval scorers do (offsets index this string)."""
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def read_spans(path: Path) -> list[tuple[str, int, int]]:
    """``(id, start, end)`` per line of ``ID<TAB>start<TAB>end`` or ``ID<TAB>anything<TAB>start<TAB>end``."""
    if not Path(path).is_file():
        raise InputError("E100", source=str(path))
    rows = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.rstrip("\r").split("\t")
        try:
            if len(parts) not in (3, 4):
                raise ValueError(f"{len(parts)} columns")
            rows.append((parts[0].strip(), int(parts[-2]), int(parts[-1])))
        except ValueError as exc:
            raise InputError("E130", source=f"{path}:{number}", detail=str(exc)) from exc
    return rows


def label(articles_dir: Path, rows: list[tuple[str, int, int]], model_path: Path | None = None) -> list[str]:
    """One technique per row, in input order; each article is encoded once."""
    from spinscope.detectors.techniques.runtime import TechniqueModel

    model = TechniqueModel(model_path)
    by_article: dict[str, list[int]] = {}
    for index, (aid, _, _) in enumerate(rows):
        by_article.setdefault(aid, []).append(index)
    labels = [""] * len(rows)
    for aid, indices in by_article.items():
        path = articles_dir / f"article{aid}.txt"
        if not path.exists():
            raise InputError("E100", source=str(path))
        text = read_text(path)
        out = model.token_outputs(text)
        for i in indices:
            start, end = rows[i][1], rows[i][2]
            if not 0 <= start < end <= len(text):
                raise InputError("E131", source=f"article{aid}.txt", start=start, end=end, length=len(text))
            labels[i] = TECHNIQUES[int(np.argmax(model.span_probs(out, text, start, end)))]
    return labels


def label_file(articles_dir: Path, spans: Path, output: Path, model_path: Path | None = None) -> int:
    if not Path(articles_dir).is_dir():
        raise InputError("E100", source=str(articles_dir))
    rows = read_spans(spans)
    labels = label(articles_dir, rows, model_path)
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            for (aid, start, end), tech in zip(rows, labels):
                handle.write(f"{aid}\t{tech}\t{start}\t{end}\n")
    except OSError as exc:
        raise InputError("E203", source=str(output), path=str(output), detail=exc.strerror or str(exc)) from exc
    return len(rows)
