"""Fail on an import cycle between gci modules, or on an import that breaks the layers.

Every ``import`` of a gci module counts, at the top of a file or inside a
function (an import inside a function is still a dependency, only a later
one); only imports under ``if TYPE_CHECKING:`` are left out. Migrations are
left out (they are history, and import only what they were written against).

Usage: ``python scripts/check_imports.py [ROOT] [--graph]``; ROOT is the
checkout (the package ``gci``), by default the folder above this script.
``--graph`` prints how many imports go from each app to each other app.

The layers, top first. A module belongs to the layer of the longest prefix
that names it (``*`` stands for any app); every module must belong to one.
A module may import its own layer and the layers below it; in a layer marked
independent, a module may import only its own app (``gci.<app>``) there.
"""

import ast
import sys
from collections import Counter
from pathlib import Path

LAYERS = [
    (
        "entry points",
        False,
        [
            # Settings, URLs and the request pipeline put the apps together.
            "gci.site.settings",
            "gci.site.urls",
            "gci.site.wsgi",
            "gci.site.middleware",
            "gci.site.health",
            "gci.site.request_log",
            "gci.site.views",
            "gci.site.api",
            "gci.site.sitemap",
            # Site chrome (templates load it by name) and registration.
            "gci.site.templatetags",
            "gci.site.wagtail_hooks",
            "gci.site.viewsets",  # the admin of the site's own records (the outbox)
            "gci.site.apps",
            # Commands may compose every app (load_demo builds the whole site).
            "gci.*.management",
        ],
    ),
    # The apps: each room of the site, independent of the others. What two
    # apps share goes down into the layers below.
    ("apps", True, ["gci.calendar", "gci.materials", "gci.focal_points"]),
    (
        "shared rules",
        False,
        [
            # The partnership (organisations, roles, who may see what, shared
            # vocabularies) and the site services that apply its rules.
            "gci.home",
            "gci.site.page_cache",
            "gci.site.private_images",
            "gci.site.search",
            "gci.site.languages",
        ],
    ),
    (
        "foundation",
        False,
        [
            # Utilities that know nothing of the partnership.
            "gci.site.memo",
            "gci.site.cache",
            "gci.site.mail",
            "gci.site.outbox",  # delivers the outbox: the mail tasks
            "gci.site.forms",
            "gci.site.routes",
            "gci.site.models",
            "gci.site.schedule",
            "gci.site.dates",
            "gci.site.admin_panels",
            "gci.site.admin_display",  # UN dates, amounts, yes/no in admin listings
            "gci.site.admin_ids",  # the admin's forms refuse a crafted id
            "gci.site.uploads",  # what an uploaded file really is
            "gci.site.fields",  # model fields of no one app
            "gci.site.versioning",  # records edited in two places, saved only from the version read
            "gci.site.formats",  # number formats per language (FORMAT_MODULE_PATH)
            "gci.site.listing",  # the listing pages' query string, filters and pager
        ],
    ),
]

# Known cycles being removed, each with the reason it is still here. The
# check ignores an import between the two modules of a pair (either way).
ALLOWED_CYCLES: list[tuple[str, str]] = []

# Known imports across the layers being removed, each with its reason.
ALLOWED_IMPORTS: list[tuple[str, str]] = []

SKIPPED_FOLDERS = {
    "migrations",
    ".venv",
    "var",
    "tests",
    "scripts",
    "docs",
    "locale",
    "node_modules",
}


def modules(root):
    """``{dotted name: (path, package parts)}`` of every gci module under root."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if len(relative.parts) == 1:  # manage.py and the root __init__.py
            continue
        if SKIPPED_FOLDERS & set(relative.parts[:-1]) or any(
            part.startswith(".") for part in relative.parts
        ):
            continue
        parts = ["gci", *relative.with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
            package = parts
        else:
            package = parts[:-1]
        found[".".join(parts)] = (path, package)
    return found


def _is_type_checking(node):
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(tree, package):
    """Each import statement of a module as ``(line, [dotted names])``
    (``from a import b`` names ``a`` and ``a.b``), skipping ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, [alias.name]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, [module, *(f"{module}.{alias.name}" for alias in node.names)]
        stack.extend(ast.iter_child_nodes(node))


def _resolve(name, known):
    """The gci module a dotted name is or is in, or None."""
    if not name.startswith("gci."):
        return None
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(root):
    """``({module: {imported module: first line}}, modules, statements)``
    between gci modules; ``statements`` lists ``(module, line, {targets})``."""
    known = modules(root)
    graph, statements = {}, []
    for name, (path, package) in known.items():
        edges = graph.setdefault(name, {})
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, names in _statements(tree, package):
            targets = {_resolve(n, known) for n in names} - {None, name}
            if targets:
                statements.append((name, line, targets))
            for target in targets:
                edges[target] = min(line, edges.get(target, line))
    return graph, known, statements


def _matches(module, prefix):
    parts, wanted = module.split("."), prefix.split(".")
    return len(parts) >= len(wanted) and all(
        w in ("*", p) for w, p in zip(wanted, parts, strict=False)
    )


def layer_of(module, layers=LAYERS):
    """``(index, name, independent)`` of the module's layer, or None."""
    best = None
    for index, (name, independent, prefixes) in enumerate(layers):
        for prefix in prefixes:
            if _matches(module, prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index, name, independent)
    return best and best[1:]


def app_of(module):
    return ".".join(module.split(".")[:2])


def _allowed(a, b, allowed):
    return (a, b) in allowed or (b, a) in allowed


def cycles(graph, allowed=()):
    """Strongly connected groups of more than one module (Tarjan), each as a
    list with one cycle through them."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = [0]

    def edges(node):
        return [t for t in graph.get(node, {}) if t in graph and not _allowed(node, t, allowed)]

    def visit(node):
        # Iterative Tarjan: deep import chains must not hit the recursion limit.
        work = [(node, iter(edges(node)))]
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        while work:
            current, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges(child))))
                    break
                if child in on_stack:
                    low[current] = min(low[current], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[current])
                if low[current] == index[current]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == current:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [(group, _one_cycle(group, edges)) for group in sorted(groups)]


def _one_cycle(group, edges):
    """A shortest path from the group's first module back to itself."""
    members, start = set(group), group[0]
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop(0)
        for child in sorted(edges(path[-1])):
            if child == start:
                return path + [start]
            if child in members and child not in seen:
                seen.add(child)
                paths.append(path + [child])
    return group


def problems(root, layers=LAYERS, allowed=ALLOWED_CYCLES, allowed_imports=ALLOWED_IMPORTS):
    """Every broken rule, as readable lines."""
    graph, known, _statements = imports(root)
    found = []
    for group, cycle in cycles(graph, allowed):
        steps = []
        for a, b in zip(cycle, cycle[1:], strict=False):
            path = known[a][0].relative_to(root)
            steps.append(f"{a} imports {b} ({path}:{graph[a][b]})")
        others = sorted(set(group) - set(cycle))
        more = f"\n    (and more cycles through {', '.join(others)})" if others else ""
        found.append("import cycle: " + " -> ".join(cycle) + "\n    " + "\n    ".join(steps) + more)
    for module in sorted(graph):
        mine = layer_of(module, layers)
        if mine is None:
            found.append(
                f"{module} belongs to no layer: add it to LAYERS in scripts/check_imports.py"
            )
            continue
        for target, line in sorted(graph[module].items()):
            theirs = layer_of(target, layers)
            if (
                theirs is None
                or _allowed(module, target, allowed)
                or (module, target) in allowed_imports
            ):
                continue
            where = f"{known[module][0].relative_to(root)}:{line}"
            if theirs[0] < mine[0]:
                found.append(
                    f"{where}: {module} ({mine[1]}) imports {target} ({theirs[1]}),"
                    f" a layer above it"
                )
            elif theirs[0] == mine[0] and mine[2] and app_of(module) != app_of(target):
                found.append(
                    f"{where}: {module} imports {target}: the {mine[1]} are independent"
                    f" ({app_of(module)} may not import {app_of(target)}:"
                    " share what both need in a layer below)"
                )
    return found


def app_graph(root):
    """``Counter((app, app))`` of import statements between apps, as the
    issue's table counts them (one per imported module per statement)."""
    _graph, _known, statements = imports(root)
    counts = Counter()
    for module, _line, targets in statements:
        a = module.split(".")[1]
        for b in {target.split(".")[1] for target in targets} - {a}:
            counts[(a, b)] += 1
    return counts


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    if "--graph" in argv:
        counts = app_graph(root)
        width = max((len(a) for a, _b in counts), default=4)
        for (a, b), n in sorted(counts.items()):
            print(f"{a:>{width}} -> {b:<12} {n}")
        return 0
    found = problems(root)
    for line in found:
        print(line)
    if found:
        print(f"\n{len(found)} import problem(s): see the layers at the top of {__file__}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
