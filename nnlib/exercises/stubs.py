"""What an untouched stub and a borrowed answer look like (plumbing, not lesson).

`untouched(answer)`: None, all Nones, or a function (every method of a class) whose body is still a stub's
(pass, ..., a docstring, `return None`, `raise NotImplementedError`). `from_checker(answer)`: the answer is
the engine's own code (a reference imported from nnlib.exercises), refused in graded mode. `handed_out(answer,
source)`: the answer is a diagnose exercise's handed-out function, unchanged (handed_out.py holds the sources).
"""
import ast
import copy
import inspect
import json
import os
import textwrap

from .handed_out import SOURCES

_EXERCISES = os.path.dirname(os.path.abspath(__file__))


def _stub_statement(node):
    """Whether a statement is one a stub is made of: pass, ..., a docstring, return [None], raise
    NotImplementedError."""
    if isinstance(node, ast.Pass):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return True
    if isinstance(node, ast.Return):
        return node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None)
    if isinstance(node, ast.Raise) and node.exc is not None:
        exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"
    return False


def stub_function(fn):
    """Whether a function's body is still a stub (None when its source cannot be read)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return None
    defs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]
    if not defs or isinstance(defs[0], ast.Lambda):
        return False
    return all(_stub_statement(n) for n in defs[0].body)


def untouched(answer):
    """Whether an answer is what the notebook's stub gives: None, all Nones, a stub function or class."""
    if answer is None or (isinstance(answer, tuple) and answer and all(a is None for a in answer)):
        return True
    if isinstance(answer, type):
        methods = [v for k, v in vars(answer).items() if inspect.isfunction(v)]
        return bool(methods) and all(stub_function(m) for m in methods)
    return inspect.isfunction(answer) and stub_function(answer) is True


def from_checker(answer):
    """Whether an answer is the checker's own code (a reference imported from nnlib.exercises)."""
    items = answer if isinstance(answer, tuple) else (answer,)
    for item in items:
        code = getattr(item, "__code__", None)
        if isinstance(item, type):
            module = inspect.getmodule(item)
            path = getattr(module, "__file__", "") or ""
        else:
            path = code.co_filename if code is not None else ""
        if path.startswith(_EXERCISES):
            return True
    return False


BORROWED = "this is the checker's own reference answer (imported from nnlib.exercises), not your work"


def _definition(source, name=None):
    """The first top-level function or class of `source` (the one called `name`, if there is one), or None."""
    try:
        tree = ast.parse(textwrap.dedent(source))
    except (SyntaxError, ValueError):
        return None
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    return next((d for d in defs if d.name == name), defs[0] if defs else None)


def _shape(node):
    """A definition's code with its name and docstrings left out (comments are not code either)."""
    node = copy.deepcopy(node)
    for n in ast.walk(node):
        body = getattr(n, "body", None)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            n.name = "_"
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and \
                    isinstance(body[0].value.value, str):
                n.body = body[1:] or [ast.Pass()]
    return ast.dump(node, annotate_fields=False)


def handed_out(answer, source):
    """Whether `answer` is the function (or class) handed out as `source`, code for code: True, False, or None
    when the answer's source cannot be read. Names, docstrings and comments do not count."""
    try:
        mine = _definition(inspect.getsource(answer))
    except (OSError, TypeError):
        return None
    given = _definition(source, getattr(answer, "__name__", None))
    if mine is None or given is None:
        return None
    return _shape(mine) == _shape(given)


def handed_out_sources(notebooks, names):
    """{exercise name: the source of the function its exercise cell hands out} for the `names` found in the
    notebooks (paths); what nnlib/exercises/handed_out.py holds."""
    out = {}
    for path in sorted(notebooks):
        with open(path, encoding="utf-8") as f:
            cells = json.load(f)["cells"]
        for cell in cells:
            name = cell.get("metadata", {}).get("exercise")
            if name in names and cell["cell_type"] == "code":
                text = "".join(cell["source"])
                node = _definition(text)
                if node is not None:
                    out[name] = ast.get_source_segment(text, node)
    return out


def changed_given(name, answer, given):
    """Whether the answer to exercise `name` is its handed-out function changed: its code is neither the
    notebook's (handed_out.py) nor the `given` slip's answer's. Code whose source cannot be read (run from a
    string) counts as changed: only code known to be the handed-out one gets the neutral reply."""
    code = getattr(answer, "__code__", None)
    if answer is given or (code is not None and code is getattr(given, "__code__", None)):
        return False
    return name in SOURCES and handed_out(answer, SOURCES[name]) is not True
