"""The part of a lesson its widgets need: the browser tests run only that (nbval runs every cell).

A widget cell is one whose stored outputs show a widget; it is kept whole. Of the code before it, the
top-level statements it needs are found by walking back from it: a statement is kept when it binds a
name a kept statement reads (assignment, def, class, import, for/with target) or may change an object
a kept statement reads (a method call on it, a store into its attribute or item: `net.fit(X, y)`,
`model.b2[:] = -6`); the kept statement's own reads then count too. A function's own variables stay
inside it. Imports, definitions and cells with IPython magics are always kept (cheap, and they may set
things up); everything after the last widget is left out. Each cell keeps its needed statements, in
their order; a cell with none is left out. The rest (a lesson's experiments, prints and exercises) is
executed and checked by nbval. A dependency this misses (a function changing its argument in place,
np.random.shuffle(X)) makes the browser test fail: with a NameError, or because an explorer's status line
differs from the full lesson's stored output (test_lab.py compares them).
"""
import ast
import json

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CHEAP = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)


def _source(cell):
    """(the cell's Python, its IPython magic lines blanked; whether it had any)."""
    lines = "".join(cell["source"]).splitlines()
    magic = [line.lstrip().startswith(("%", "!")) for line in lines]
    return "\n".join("" if m else line for line, m in zip(lines, magic)), any(magic)


def _root(node):
    """The name an attribute/item chain starts from (`net` in net.layers[0].W), or None."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _scan(nodes, binds, reads, changes):
    """Collect names bound, read and changed in place by `nodes`; a function's own names stay inside it."""
    for node in nodes:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inner = (set(), set(), set())
            args = node.args
            params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg] if a}
            body = node.body if isinstance(node.body, list) else [node.body]
            _scan(body + args.defaults + [d for d in args.kw_defaults if d], *inner)
            local = inner[0] | params
            reads |= inner[1] - local
            changes |= inner[2] - local
            if not isinstance(node, ast.Lambda):
                binds.add(node.name)
            continue
        if isinstance(node, ast.ClassDef):
            binds.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            binds.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Name):
            (reads if isinstance(node.ctx, ast.Load) else binds).add(node.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            changes.add(_root(node.func.value))
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, ast.Store):
            changes.add(_root(node.value))
        _scan(ast.iter_child_nodes(node), binds, reads, changes)


def _names(node):
    """(names a statement or cell binds at top level, names it reads, names it may change in place)."""
    binds, reads, changes = set(), set(), set()
    _scan(node.body if isinstance(node, ast.Module) else [node], binds, reads, changes)
    return binds, reads, changes - {None}


def _units(nb, last):
    """(cell index, a statement or a whole cell's tree, its source, kept always) for the code up to cell
    `last`: cells with magics and the last widget cell whole, the others statement by statement (imports
    and definitions kept always)."""
    for i, cell in enumerate(nb["cells"][:last + 1]):
        if cell["cell_type"] != "code":
            continue
        text, magic = _source(cell)
        tree = ast.parse(text)
        if magic or i == last:
            yield i, tree, "".join(cell["source"]), True
            continue
        for stmt in tree.body:
            yield i, stmt, ast.get_source_segment(text, stmt), isinstance(stmt, CHEAP)


def needed_code(nb):
    """{cell index: the source it keeps} for the widget cells and what they need, in order."""
    code = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    widgets = [i for i in code if any(WIDGET_VIEW in o.get("data", {}) for o in nb["cells"][i].get("outputs", []))]
    if not widgets:
        return {i: "".join(nb["cells"][i]["source"]) for i in code}
    units = list(_units(nb, widgets[-1]))
    modules = {(a.asname or a.name).split(".")[0] for _, node, _, _ in units for n in ast.walk(node)
               if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    kept, needed = [], set()
    for i, node, text, always in reversed(units):
        binds, reads, changes = _names(node)
        changes -= modules  # np.exp(z) changes nothing
        if always or i in widgets or needed & (binds | changes):
            kept.append((i, text))
            needed = (needed - (binds - reads)) | reads
    cells = {}
    for i, text in reversed(kept):
        cells[i] = cells[i] + "\n" + text if i in cells else text
    return cells


def widget_copy(source, destination):
    """Write the lesson at `source` to `destination` with only the code its widgets need (markdown kept)."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    code = needed_code(nb)
    cells = [dict(c, source=code[i].splitlines(keepends=True)) if c["cell_type"] == "code" else c
             for i, c in enumerate(nb["cells"]) if c["cell_type"] != "code" or i in code]
    destination.write_text(json.dumps(dict(nb, cells=cells), indent=1, ensure_ascii=False), encoding="utf-8")
