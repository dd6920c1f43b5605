"""One row of the bad-input battery (tests/test_bad_input.py): a call and what it must do.

    Row("mse broadcast", lambda: losses.mse(np.zeros((4, 1)), np.ones(4)), ValueError, ("Y", "(4,)"))
    Row("one sample works", lambda: net.predict(X[:1]), check=lambda out: out.shape == (1,), legit=True)

With `exc`, the call must raise that type (a subclass counts) and every word in `words` must be in the
message: a clear error. Without it, the call must return, and `check(result)` (when given) must be
true: a bad or extreme input handled correctly, or (legit=True) a legitimate input accepted. Every call
runs with warnings as errors and a time limit.

    Row("moons n=0", partial(moons, n=0), ValueError, ("n", "0"), route=True)

A route row (route=True) stands for every bad value of its argument: the error must come from one of
the checkers (tests/bad_input_checkers.py holds their tables) given the argument's name, words[0]. It
fails if the entry point stops routing that argument through its checker.
"""
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any


@dataclass
class Row:
    id: str
    call: Callable[[], Any]
    exc: type | None = None
    words: tuple = ()
    check: Callable[[Any], bool] | None = None
    legit: bool = False
    route: bool = False

    @property
    def outcome(self):
        """"clear error", "handled correctly" or "legitimate input accepted"."""
        if self.exc is not None:
            return "clear error"
        return "legitimate input accepted" if self.legit else "handled correctly"


def counts(rows):
    """The rows' count by outcome, e.g. {"clear error": 310, "handled correctly": 40, ...}."""
    return dict(Counter(r.outcome for r in rows))


def shown(value):
    """How nnlib.validation shows a value in a message (repr, cut at 60 characters)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57]


class Table:
    """The rows of one battery module and the helpers that make them; every id starts with `prefix`."""

    def __init__(self, prefix=""):
        self.rows, self.prefix = [], prefix

    def bad(self, id, call, exc, *words, route=False):
        self.rows.append(Row(self.prefix + id, call, exc, tuple(words), route=route))

    def route(self, id, call, exc, *words):
        """A route row: the error comes from a checker given the name words[0]."""
        self.bad(id, call, exc, *words, route=True)

    def handled(self, id, call, check=None):
        self.rows.append(Row(self.prefix + id, call, check=check))

    def legit(self, id, call, check=None):
        self.rows.append(Row(self.prefix + id, call, check=check, legit=True))

    def every_value(self, prefix, fn, arg, cases, **kwargs):
        """One row per (value, exception) of an argument no checker sees: fn(**kwargs, arg=value) names it."""
        for value, exc, *extra in cases:
            self.bad(f"{prefix} {arg}={shown(value)}", partial(fn, **{**kwargs, arg: value}), exc, arg, shown(value),
                     *extra)

    def bad_values(self, prefix, fn, arg, cases, **kwargs):
        """The route row of fn's argument arg: fn(**kwargs, arg=value) for the first (value, exception) of
        cases names arg and shows value. The checker's other bad values are its table (bad_input_checkers)."""
        value, exc, *extra = cases[0]
        self.route(f"{prefix} {arg}={shown(value)}", partial(fn, **{**kwargs, arg: value}), exc, arg, shown(value),
                   *extra)

    def each(self, prefix, fn, arg, cases, **kwargs):
        """As bad_values, the value in the id as its repr (40 characters) and `words` after arg's name."""
        value, exc, *words = cases[0]
        self.route(f"{prefix} {arg}={value!r:.40}", partial(fn, **{**kwargs, arg: value}), exc, arg, *words)
