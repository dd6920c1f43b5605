"""What an untouched stub and a borrowed answer look like (plumbing, not lesson).

`untouched(answer)`: None, all Nones, or a function (every method of a class) whose body is still a stub's
(pass, ..., a docstring, `return None`, `raise NotImplementedError`). `from_checker(answer)`: the answer is
the engine's own code (a reference imported from nnlib.exercises), refused in graded mode.
"""
import ast
import inspect
import os
import textwrap

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
