"""The code's shape, as issue 10 fixed it: no import cycles (type-only ones included), small attribution modules,
and serving that never imports training code."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_ATTRIBUTION_LINES = 300


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, known: set[str]) -> set[str]:
    """Every project module a file imports, anywhere in it (functions and TYPE_CHECKING blocks included).
    ``from package import submodule`` imports the submodule, not the package's own code."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            subs = {f"{base}.{a.name}" for a in node.names} & known  # "from model.attribution import acts"
            out |= subs if len(subs) == len(node.names) else subs | {base}
    return {m for m in out if m in known and m != name}


def graph() -> dict[str, set[str]]:
    files = [p for top in ("model", "service") for p in (ROOT / top).rglob("*.py")]
    known = {module_name(p) for p in files}
    return {module_name(p): imports(p, known) for p in files}


def test_no_import_cycles():
    g = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*path[path.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    # A package's __init__ may import its own submodules; a submodule importing its package back is a cycle.
    assert cycles == []


def test_attribution_modules_are_small():
    folder = ROOT / "model" / "attribution"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_ATTRIBUTION_LINES} == {}


def test_serving_never_imports_training():
    g = graph()
    # model/data's scripts (drawing, prefilling and checking labels) are run by hand beside the data, as training is.
    serving = [m for m in g if not m.startswith(("model.training", "model.data"))]
    reach: set[str] = set()
    todo = ["model", "service", *serving]
    while todo:
        m = todo.pop()
        if m not in reach:
            reach.add(m)
            todo.extend(g.get(m, ()))
    assert sorted(m for m in reach if m.startswith(("model.training", "model.data"))) == []


def test_model_never_imports_service_or_flask():
    for path in (ROOT / "model").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in names if m.split(".")[0] in ("service", "flask")}, path.name
