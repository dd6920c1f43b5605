"""The public functions and methods of nnlib by how many arguments they take by position (plumbing for the
review: options should be keyword-only).

    python tests/support/signatures.py [N]     the N longest positional signatures (default 15)
"""
import importlib
import inspect
import pkgutil
import sys

import nnlib

POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def public_callables():
    """(qualified name, callable) of every public function, class and method defined in nnlib."""
    seen = set()
    for info in pkgutil.walk_packages(nnlib.__path__, "nnlib."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            items = [(f"{module.__name__}.{name}", obj)]
            if inspect.isclass(obj):
                items += [(f"{module.__name__}.{name}.{m}", f) for m, f in vars(obj).items()
                          if inspect.isfunction(f) and (not m.startswith("_") or m == "__init__")]
            for qual, fn in items:
                if callable(fn) and qual not in seen:
                    seen.add(qual)
                    yield qual, fn


def positional(fn):
    """The names of fn's parameters that can be passed by position (self and cls left out)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in params if p.kind in POSITIONAL and p.name not in ("self", "cls")]


def main(n):
    rows = sorted(((len(positional(fn)), qual, positional(fn)) for qual, fn in public_callables()), reverse=True)
    print(f"{len(rows)} public callables; the {n} longest positional signatures:")
    for count, qual, names in rows[:n]:
        print(f"  {count:2d}  {qual}({', '.join(names)})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
