"""One row of the bad-input battery (tests/test_bad_input.py): a call and what it must do.

    Row("mse broadcast", lambda: losses.mse(np.zeros((4, 1)), np.ones(4)), ValueError, ("Y", "(4,)"))
    Row("one sample works", lambda: net.predict(X[:1]), check=lambda out: out.shape == (1,))

With `exc`, the call must raise that type (a subclass counts) and every word in `words` must be in the
message. Without it, the call must return, and `check(result)` (when given) must be true: a handled
edge case or a legitimate input. Every call runs with warnings as errors.
"""
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Row:
    id: str
    call: Callable[[], Any]
    exc: type | None = None
    words: tuple = ()
    check: Callable[[Any], bool] | None = None
