"""The bad-input battery: every row of bad_input_core, bad_input_mlp (when present), bad_input_playground,
bad_input_runs and bad_input_odd, under -W error and a per-row time limit.

A row either raises the named exception with its words (the argument's name and the value) in a
message that leaks no internals, or returns and passes its check. `python tests/test_bad_input.py`
prints the rows' counts by outcome.
"""
import importlib
import re
import signal
import sys
import warnings

import pytest
from support.bad_input_row import counts

SECONDS = 10  # a row that takes longer hangs: the battery fails it instead of waiting
# words that mean an error escaped from inside numpy, scikit-learn or the math module
LEAKS = re.compile(r"numpy|Traceback|random_state|math domain|not supported for the input types|could not be safely "
                   r"coerced|has no len\(\)|unsupported operand|index \d+ is out of bounds")


TABLES = {name: importlib.import_module(name).ROWS
          for name in ("bad_input_core", "bad_input_mlp", "bad_input_playground",
                                                             "bad_input_runs", "bad_input_odd")}
ROWS = [row for rows in TABLES.values() for row in rows]


def _alarm(signum, frame):
    raise TimeoutError(f"took more than {SECONDS} s")


def row_id(row):
    """A row's test id without memory addresses (an object's repr "... at 0x7f..."): the same in every
    process, as pytest-xdist's workers (make test) must collect the same tests."""
    return re.sub(r" at 0x[0-9a-fA-F]+", "", row.id)


def test_ids_are_unique():
    ids = [row_id(r) for r in ROWS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_core_table_size_and_outcomes():
    core = counts(TABLES["bad_input_core"])
    assert sum(core.values()) >= 300 and set(core) == {"clear error", "handled correctly", "legitimate input accepted"}


def test_every_public_function_of_the_plumbing_has_rows():
    # each public function or class defined in these modules is called by some row of the core table
    from nnlib import data as datasets
    from nnlib import gradcheck, perceptron
    from nnlib.drawing import plotting, widgets
    ids = " ".join(r.id for r in TABLES["bad_input_core"])
    missing = [f"{m.__name__}.{name}" for m in (datasets, gradcheck, perceptron, plotting, widgets)
               for name, obj in vars(m).items() if not name.startswith("_") and callable(obj)
               and getattr(obj, "__module__", None) == m.__name__ and not re.search(rf"\b{name}\b", ids)]
    assert missing == []


def test_every_error_row_names_something():
    assert [r.id for r in ROWS if r.exc is not None and not r.words] == []


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r) for r in ROWS])
def test_row(row):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if row.exc is not None:
                with pytest.raises(row.exc) as info:
                    row.call()
                message = str(info.value)
                missing = [w for w in row.words if w not in message]
                assert not missing, f"message {message!r} lacks {missing}"
                assert not LEAKS.search(message), f"message leaks internals: {message!r}"
            else:
                result = row.call()
                if row.check is not None:
                    assert row.check(result), f"check failed on {result!r:.200}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


if __name__ == "__main__":
    for name, rows in TABLES.items():
        print(f"{name}: {len(rows)} rows, {counts(rows)}")
    print(f"all: {len(ROWS)} rows, {counts(ROWS)}", file=sys.stdout)
