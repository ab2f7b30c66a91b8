"""Which way imports go: the core never reaches out, and no modules import each other.

The edges are the packages that run the core for someone and choose its outside parts:
- `tracker/cli/`: the command line (click), entry point of everything else;
- `tracker/web/`: the Flask app, started by `followthrough service` and `web`;
- `tracker/service/`: the long-running process (scheduler, jobs, health, metrics); it
  picks the notification transports (`integrations.notify.transports_for`) and serves
  the web app;
- `tracker/demo/`: `followthrough demo`, which starts the sandbox help desk
  (`helpdesk_sandbox`) and a mail sink and runs the whole app against them;
- `tracker/__main__.py`: `python -m tracker`, which only calls the CLI.
Nothing in the core imports any of them (checked below), which is what makes them edges.

Rules, over every import statement of every module (also those inside functions, which
run as surely as the others, only later; `if TYPE_CHECKING:` imports are left out):
1. the core (all of `tracker/` but the edges) imports neither `integrations`,
   `helpdesk_sandbox`, `tracker.web`, `tracker.cli`, `tracker.service` nor `tracker.demo`;
2. `integrations/` imports none of tracker's edges nor `helpdesk_sandbox`;
3. module-level imports form no cycle (imports inside functions may close one: that is
   how a module defers a heavy or optional import, and it cannot fail at import time).

The core asks for its outside parts through protocols of its own (tracker.sources: a
connector's spec, its export readers and reply mailbox; tracker.corrections.buttons:
Slack's side of the buttons), and the edges hand them in.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("tracker", "integrations", "helpdesk_sandbox")
EDGES = ("tracker.cli", "tracker.web", "tracker.service", "tracker.demo", "tracker.__main__")
OUTSIDE = ("integrations", "helpdesk_sandbox")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _known(name: str) -> str | None:
    """The module of ours `name` is, or is in (`a.b.func` -> `a.b`); None for others."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if MODULES[module].name != "__init__.py":
                package.pop()
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        # `from a import b` imports the module a.b when there is one, else a name in a.
        names = [f"{base}.{alias.name}" for alias in node.names]
    for name in names:
        target = _known(name)
        if target is not None:
            yield target


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str) -> Iterator[tuple[str, bool]]:
    """(imported module, at module level?) for every import of `module` that runs."""
    tree = ast.parse(MODULES[module].read_text(), str(MODULES[module]))

    def walk(node: ast.AST, top: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in _targets(module, child):
                    yield target, top
            elif isinstance(child, ast.If) and _is_type_checking(child):
                yield from walk(ast.Module(body=child.orelse, type_ignores=[]), top)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                yield from walk(child, False)
            else:
                yield from walk(child, top)

    yield from walk(tree, True)


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _core(module: str) -> bool:
    return module.startswith("tracker") and not _within(module, EDGES)


def _wrong_way() -> set[tuple[str, str]]:
    found = set()
    for module in MODULES:
        for target, _ in _imports(module):
            if _core(module) and _within(target, OUTSIDE + EDGES):
                found.add((module, target))
            if _within(module, ("integrations",)) and _within(target, EDGES + OUTSIDE[1:]):
                found.add((module, target))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module in MODULES:
        graph[module] = {t for t, top in _imports(module) if top and t != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as [a, b, …, a], or None (depth-first, three colours)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def test_the_core_imports_no_connector_sandbox_or_edge_code():
    wrong = _wrong_way()
    assert not wrong, "imports against the direction:\n" + "\n".join(
        f"  {a} -> {b}" for a, b in sorted(wrong)
    )


def test_no_modules_import_each_other_at_module_level():
    cycle = find_cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_edges_are_imported_only_by_edges():
    for module in MODULES:
        for target, _ in _imports(module):
            if _within(target, EDGES):
                assert _within(module, EDGES), f"{module} imports the edge {target}"


# The checks themselves, on small made-up graphs and sources.


def test_a_cycle_is_found_and_reported_in_order():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_imports_inside_functions_count_and_type_checking_ones_do_not(tmp_path, monkeypatch):
    source = (
        "from typing import TYPE_CHECKING\n"
        "from tracker import config\n"
        "if TYPE_CHECKING:\n"
        "    from integrations import http\n"
        "def later():\n"
        "    from integrations.notify import transports_for\n"
        "    from . import models\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source)
    monkeypatch.setitem(MODULES, "tracker.probe", path)
    assert sorted(_imports("tracker.probe")) == [
        ("integrations.notify", False),
        ("tracker.config", True),
        ("tracker.models", False),
    ]
    assert ("tracker.probe", "integrations.notify") in _wrong_way()
