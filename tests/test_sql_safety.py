"""No SQL is built by string formatting: every raw SQL string in the package is a constant, values go in as bound parameters."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "spinscope"
SQL_CALLS = {"text", "execute", "executemany", "exec_driver_sql", "executescript"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _built(node: ast.expr) -> bool:
    """An f-string, ``%`` formatting, ``.format()`` or ``+`` concatenation involving a string."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return any(isinstance(side, (ast.Constant, ast.JoinedStr)) and not isinstance(getattr(side, "value", ""), (int, float)) for side in (node.left, node.right))
    if isinstance(node, ast.Call) and _name(node.func) == "format":
        return True
    return False


def formatted_sql(source: str, filename: str) -> list[str]:
    """``file:line`` of every SQL call whose first argument is built by formatting."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and _name(node.func) in SQL_CALLS and node.args and _built(node.args[0]):
            found.append(f"{filename}:{node.lineno}")
    return found


def test_sql_safety_scanner_catches_formatted_sql():
    assert formatted_sql('conn.execute(f"SELECT * FROM t WHERE id = {x}")', "a.py") == ["a.py:1"]
    assert formatted_sql('sa.text("SELECT * FROM t WHERE id = %s" % x)', "a.py") == ["a.py:1"]
    assert formatted_sql('cur.execute("DELETE FROM t WHERE id = {}".format(x))', "a.py") == ["a.py:1"]
    assert formatted_sql('cur.execute("SELECT " + column)', "a.py") == ["a.py:1"]
    assert formatted_sql('sa.text("SELECT * FROM t WHERE id = :id").bindparams(id=x)', "a.py") == []


def test_sql_safety_no_formatted_sql_in_the_package():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    found = [hit for path in files for hit in formatted_sql(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))]
    assert found == []
