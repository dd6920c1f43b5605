"""How the exercise engine shows a value in a message (plumbing, not lesson): small arrays in full on one line
with 6 significant digits, large ones by their shape, a function by its name; whether a value holds text where
numbers belong; an output's name that can name an entry's place in words."""
import numpy as np

__all__ = ["SHOWN", "Named", "has_text", "show"]

SHOWN = 12            # arrays with at most this many entries are printed in full


def _entries(a):
    """Nested lists of an array's entries, each to 6 significant digits: [[0.5, -1], [2, 0.25]]."""
    if a.ndim == 0:
        return "nan" if np.isnan(a) else f"{float(a) + 0.0:.6g}"
    return "[" + ", ".join(_entries(row) for row in a) + "]"


def show(value):
    """A value as a message shows it: small arrays in full on one line, large ones by shape."""
    if callable(value):
        name = getattr(value, "__name__", "<")
        return "a function" if name.startswith("<") else name
    if isinstance(value, (bool, np.bool_, int, np.integer, str)):
        return repr(value.item() if isinstance(value, np.generic) else value)
    try:
        if has_text(value):
            return f"{value!r:.60}"
        a = np.asarray(value, dtype=float)
    except Exception:  # noqa: BLE001 - any object a student returns can be shown somehow
        try:
            return f"{value!r:.60}"
        except Exception:  # noqa: BLE001
            return f"a {type(value).__name__}"
    if a.size > SHOWN:
        return f"an array of shape {a.shape}"
    return "(" + _entries(a)[1:-1] + ")" if isinstance(value, tuple) and a.ndim == 1 else _entries(a)



def has_text(value):
    """Whether a value holds text where numbers belong ("0.3", ["1", "2"])."""
    if isinstance(value, (str, bytes, np.str_, np.bytes_)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "USO" and (value.dtype.kind != "O" or any(has_text(v) for v in value.flat))
    if isinstance(value, (list, tuple)):
        return any(has_text(v) for v in value)
    return False


class Named(str):
    """An output's name with `where(index)`, which names an entry's place in words (a plain str: 'row i, column j')."""

    def __new__(cls, name, where):
        label = super().__new__(cls, name)
        label.where = where
        return label

