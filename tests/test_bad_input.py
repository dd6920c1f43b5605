"""The bad-input battery, under -W error and a per-row time limit: the checkers' tables
(bad_input_checkers: every bad value each checker of nnlib/validation refuses), then the rows of
bad_input_core, bad_input_drawing, bad_input_mlp, bad_input_parts, bad_input_playground, bad_input_runs and
bad_input_odd: one route row per (entry point, argument) showing that the entry point hands that
argument to its checker, the errors an entry point raises itself, and the extreme and legitimate inputs.

A row either raises the named exception with its words (the argument's name and the value) in a
message that leaks no internals, or returns and passes its check. The last tests compare the battery
with tests/support/battery_before.tsv, the record of what it caught before it became tables: every
(checker, settings, value, error) still in a table, every (entry point, argument, checker) still routed,
every error an entry point raises itself still raised. `python tests/test_bad_input.py` prints the
counts.
"""
import contextlib
import importlib
import math
import re
import signal
import sys
import warnings

import pytest
from bad_input_checkers import CHECKS
from support import battery_coverage as coverage
from support.bad_input_row import counts

from nnlib.playground import settings as playground_settings
from nnlib.validation import arguments

SECONDS = 10  # a row that takes longer hangs: the battery fails it instead of waiting
# words that mean an error escaped from inside numpy, scikit-learn or the math module
LEAKS = re.compile(r"numpy|Traceback|random_state|math domain|not supported for the input types|could not be safely "
                   r"coerced|has no len\(\)|unsupported operand|index \d+ is out of bounds")


TABLES = {name: importlib.import_module(name).ROWS
          for name in ("bad_input_core", "bad_input_drawing", "bad_input_mlp", "bad_input_parts",
                       "bad_input_playground", "bad_input_runs", "bad_input_odd")}
ROWS = [row for rows in TABLES.values() for row in rows]
RECORDS = {}  # row id -> battery_coverage.Record of its error, filled by test_row
CASES = [(checker, settings, value, exc) for checker, table in CHECKS.items()
         for settings, cases in table.items() for value, exc in cases]
BEFORE = [coverage.Record(*line.split("\t"), None)
          for line in (coverage.Path(coverage.__file__).parent / "battery_before.tsv").read_text().splitlines()]


def _alarm(signum, frame):
    raise TimeoutError(f"took more than {SECONDS} s")


def row_id(row):
    """A row's test id without memory addresses (an object's repr "... at 0x7f..."): the same in every
    process, as pytest-xdist's workers (make test) must collect the same tests."""
    return re.sub(r" at 0x[0-9a-fA-F]+", "", row.id)


def test_ids_are_unique():
    ids = [row_id(r) for r in ROWS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_core_table_outcomes_and_routes():
    core = counts(TABLES["bad_input_core"])
    assert set(core) == {"clear error", "handled correctly", "legitimate input accepted"}
    plumbing = TABLES["bad_input_core"] + TABLES["bad_input_drawing"]
    assert sum(r.route for r in plumbing) >= 50  # one per (entry point, argument) of the plumbing


def test_every_public_function_of_the_plumbing_has_rows():
    # each public function or class defined in these modules is called by some row of the core or drawing table
    from nnlib import data as datasets
    from nnlib import gradcheck, perceptron
    from nnlib.drawing import plotting, widgets
    ids = " ".join(r.id for r in TABLES["bad_input_core"] + TABLES["bad_input_drawing"])
    missing = [f"{m.__name__}.{name}" for m in (datasets, gradcheck, perceptron, plotting, widgets)
               for name, obj in vars(m).items() if not name.startswith("_") and callable(obj)
               and getattr(obj, "__module__", None) == m.__name__ and not re.search(rf"\b{name}\b", ids)]
    assert missing == []


def test_every_error_row_names_something():
    assert [r.id for r in ROWS if r.exc is not None and not r.words] == []


def check_call(checker, settings, value):
    """Call a checker of the tables with `value` under the name "arg" (a playground setting: its own name)."""
    kwargs = eval(f"dict({settings})", {"nan": math.nan, "inf": math.inf})  # the tables' own text
    if checker in coverage.PLAYGROUND_CHECKERS:
        fn = getattr(playground_settings, checker)
        return fn(value=value, **kwargs) if "name" in kwargs else fn(value, "arg", **kwargs)
    fn = getattr(arguments, checker)
    return fn(value, "arg", value) if checker == "affordable" else fn(value, name="arg", **kwargs)


TABLE_IDS = [(checker, settings) for checker, table in CHECKS.items() for settings in table]


@pytest.mark.parametrize("checker, settings", TABLE_IDS, ids=[f"{c}({s})" for c, s in TABLE_IDS])
def test_checker_refuses(checker, settings):
    """Every bad value of one table: the checker raises its error, naming the argument, leaking nothing."""
    name = re.search(r"name='([^']*)'", settings)
    failures = []
    for value, exc in CHECKS[checker][settings]:
        try:
            with limits():
                check_call(checker, settings, value)
            failures.append(f"{coverage.shown(value)}: no error")
        except exc as error:
            message = str(error)
            if (name.group(1) if name else "arg") not in message or LEAKS.search(message):
                failures.append(f"{coverage.shown(value)}: {message!r}")
        except Exception as error:  # noqa: BLE001 - reported with the value
            failures.append(f"{coverage.shown(value)}: {type(error).__name__} {error}, not {exc.__name__}")
    assert failures == []


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r) for r in ROWS])
def test_row(row):
    with limits():
        if row.exc is not None:
            with pytest.raises(row.exc) as info:
                row.call()
            message = str(info.value)
            missing = [w for w in row.words if w not in message]
            assert not missing, f"message {message!r} lacks {missing}"
            assert not LEAKS.search(message), f"message leaks internals: {message!r}"
            RECORDS[row.id] = coverage.record_one(row, info.value)
            if row.route:
                checker, _, name, _, _ = coverage.raising_checker(info.value)
                assert (checker, name) != ("-", None), f"raised outside the checkers: {message!r}"
                assert name == row.words[0] or name.startswith(f"{row.words[0]}["), \
                    f"{checker} was given the name {name!r}, not {row.words[0]!r}"
        else:
            result = row.call()
            if row.check is not None:
                assert row.check(result), f"check failed on {result!r:.200}"


@contextlib.contextmanager
def limits():
    """Warnings are errors, and the call may take SECONDS at most."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# --- the same cases as before the tables ------------------------------------------------------------------
def checker_keys():
    keys = set()
    for checker, settings, value, exc in CASES:
        try:
            with limits():
                check_call(checker, settings, value)
        except exc as error:
            name, recorded, *_ = coverage.raising_checker(error)
            keys.add((name, recorded, coverage.shown(value), exc.__name__))
    return keys


def test_the_tables_hold_every_value_each_checker_refused_before():
    before = {(r.checker, r.settings, r.value, r.error) for r in BEFORE if r.checker != "-"}
    assert sorted(before - checker_keys()) == []


@pytest.fixture(scope="module")
def now():
    """The record of the battery's error rows as it is now: test_row's (the same worker ran them first,
    make test schedules by file), and the rows it did not run (-k) recorded here."""
    return [RECORDS.get(row.id) or coverage.record_one(row, coverage.run(row)) for row in ROWS if row.exc is not None]


def test_every_entry_point_still_routes_every_argument_to_its_checker(now):
    def routes(records):  # a checker called directly is its own table's business
        return {(r.entry, r.arg, r.checker, r.settings) for r in records
                if r.checker != "-" and not r.entry.startswith("nnlib.validation.")}
    assert sorted(routes(BEFORE) - routes(now)) == []


def test_every_error_an_entry_point_raises_itself_is_still_raised(now):
    def own(records):
        return {(row_id(r), r.error) for r in records if r.checker == "-"}
    assert sorted(own(BEFORE) - own(now)) == []


if __name__ == "__main__":
    print(f"bad_input_checkers: {len(CASES)} values in {sum(map(len, CHECKS.values()))} tables of "
          f"{len(CHECKS)} checkers")
    for name, rows in TABLES.items():
        print(f"{name}: {len(rows)} rows, {counts(rows)}")
    print(f"all: {len(ROWS)} rows, {counts(ROWS)}", file=sys.stdout)
