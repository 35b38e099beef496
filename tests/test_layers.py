"""The house keeps its plan (docs/architecture.md): every import runs from a layer to the layers it builds on,
never back up, and analysing or serving never imports the training package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
# From the ground up; a module may import from its own layer and the ones before it.  The longest prefix decides.
LAYERS = [
    ("data", ["spinscope.errors", "spinscope.formats", "spinscope.options", "spinscope.model", "spinscope.failures", "spinscope.shared_data", "spinscope.version"]),
    ("text", ["spinscope.nlp", "spinscope.encoders", "spinscope.ingest"]),
    ("detectors", ["spinscope.detectors"]),
    ("engine", ["spinscope.pipeline", "spinscope.executors", "spinscope.engine"]),
    ("outputs", ["spinscope.outputs", "spinscope.web", "spinscope.exchange"]),
    ("corpus", ["spinscope.corpus"]),
    ("training", ["spinscope_train"]),
    (
        "interfaces",
        ["spinscope.cli", "spinscope.corpus.cli", "spinscope.web.routes", "spinscope.runner", "spinscope.api", "spinscope.errordocs", "spinscope.notebook", "spinscope.__main__", "spinscope"],
    ),
]


def layer_of(module: str) -> int | None:
    found = [(len(p), i) for i, (_, prefixes) in enumerate(LAYERS) for p in prefixes if module == p or module.startswith(p + ".")]
    return max(found)[1] if found else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, known: set[str]):
    """Every spinscope module ``path`` imports, at the top or inside a function, with its line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known else node.module for a in node.names]
        else:
            continue
        yield from ((name, node.lineno) for name in names if name.split(".")[0] in ("spinscope", "spinscope_train"))


def test_layers_every_module_has_a_layer():
    files = sorted(SRC.glob("spinscope*/**/*.py"))
    assert len(files) > 100
    assert [module_name(p) for p in files if layer_of(module_name(p)) is None] == []


def test_layers_no_import_runs_back_up():
    files = sorted(SRC.glob("spinscope*/**/*.py"))
    known = {module_name(p) for p in files}
    upward = []
    for path in files:
        here = layer_of(module_name(path))
        for target, line in imports(path, known):
            there = layer_of(target)
            if there is not None and there > here:
                upward.append(f"{module_name(path)}:{line} ({LAYERS[here][0]}) imports {target} ({LAYERS[there][0]})")
    assert upward == []


def test_layers_analysing_and_serving_never_import_training():
    code = (
        "import sys, spinscope; from spinscope.cli import app; "
        "spinscope.analyze(open('examples/oped-hyperpartisan.txt', encoding='utf-8').read()); "
        "from fastapi.testclient import TestClient; from spinscope.api import create_app; "
        "c = TestClient(create_app()); assert c.post('/api/analyze', json={'text': 'The corrupt traitors lied, Smith said.'}).status_code == 200; "
        "assert c.get('/').status_code == 200; "
        "print(sorted(m for m in sys.modules if m.startswith('spinscope_train') or m in ('torch', 'transformers')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=SRC.parent, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
