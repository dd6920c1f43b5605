"""What the bad-input battery catches, recorded row by row (plumbing for tests/test_bad_input.py).

    python tests/support/battery_coverage.py OUT.tsv

runs every clear-error row of the battery tables and writes one line per row: the row's id, the
entry point it calls, the argument its message names, the bad value, the exception type raised, and
the checker of nnlib/validation/arguments.py that raised it (the outermost frame of arguments.py in
the traceback) with the checker's settings (integer, low, high, ...), or "-" when the entry point
raised it itself. Then it prints the counts. The record made before the battery became tables is
tests/support/battery_before.tsv (made by this script at commit 3203820); tests/test_bad_input.py
compares the battery with it.
"""
import importlib
import importlib.util
import re
import sys
import warnings
from collections import namedtuple
from pathlib import Path

Record = namedtuple("Record", "id entry arg value error checker settings obj")
NNLIB = Path(__file__).resolve().parents[2] / "nnlib"
# The checkers: every public function of the validation module, and the playground's setting checks.
ARGUMENTS = str(NNLIB / "validation" / "arguments.py")
PLAYGROUND = str(NNLIB / "playground" / "settings.py")
PLAYGROUND_CHECKERS = {"check_setting", "check_count", "check_number"}
NOT_SETTINGS = {"value", "x", "X", "y", "name", "n_values", "what"}  # the value, its name, a message's words
TABLES = ("bad_input_core", "bad_input_drawing", "bad_input_mlp", "bad_input_parts", "bad_input_playground",
          "bad_input_runs", "bad_input_odd")  # _drawing and _parts: split from _core and _mlp after the record


def is_checker(code):
    if code.co_filename == ARGUMENTS:
        return not code.co_name.startswith("_")
    return code.co_filename == PLAYGROUND and code.co_name in PLAYGROUND_CHECKERS


def outer_entry(exc):
    """module:qualname of the first nnlib frame in exc's traceback: the public entry point the row called."""
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.startswith(str(NNLIB)):
            module = Path(code.co_filename).relative_to(NNLIB.parent).with_suffix("")
            return f"{'.'.join(module.parts)}:{code.co_qualname}"
        tb = tb.tb_next
    return "-"


def raising_checker(exc):
    """(checker name, its settings as text, the name it was given, the value as text, the value) of the
    outermost checker frame in exc's traceback. check_setting's name (the setting) is one of its settings."""
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if is_checker(frame.f_code):
            names = frame.f_code.co_varnames[:frame.f_code.co_argcount]
            keyed = frame.f_code.co_name == "check_setting"
            settings = {k: sorted(map(str, v)) if isinstance(v, dict) else list(v) if isinstance(v, tuple) else v
                        for k, v in frame.f_locals.items()
                        if k in names and (k not in NOT_SETTINGS or keyed and k == "name")}
            value = frame.f_locals["value" if keyed else names[0]]
            return (frame.f_code.co_name, ",".join(f"{k}={v!r}" for k, v in settings.items()),
                    frame.f_locals.get("name", "?"), shown(value), value)
        tb = tb.tb_next
    return "-", "", None, None, None


def shown(value):
    """A value as text, one line, arrays by dtype, shape and first numbers (the same in every process)."""
    if type(value).__name__ == "ndarray":
        return f"array({value.dtype}, {value.shape}, {' '.join(map(str, value.flat[:4]))})"
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))[:80]


def run(row):
    """The exception row.call() raises under -W error, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            row.call()
    except Exception as exc:  # noqa: BLE001 - recording whatever the row raises
        return exc
    return None


def record_one(row, exc):
    """The Record of a clear-error row that raised exc (None: it raised nothing)."""
    name = row.words[0] if row.words else "?"
    if exc is None:
        return Record(row.id, "-", name, "", "none", "-", "", None)
    checker, settings, arg, value, obj = raising_checker(exc)
    return Record(row.id, outer_entry(exc), arg or name, value or "", type(exc).__name__, checker, settings, None)


def record(rows):
    """One Record per clear-error row (a row that raised nothing gets error "none")."""
    return [record_one(row, run(row)) for row in rows if row.exc is not None]


def main(out):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    rows = [r for t in TABLES if importlib.util.find_spec(t) for r in importlib.import_module(t).ROWS]
    records = record(rows)
    Path(out).write_text("".join("\t".join(r[:-1]).replace("\n", " ") + "\n" for r in records))
    summary(rows, records)


def summary(rows, records):
    by_checker = {}
    for r in records:
        by_checker.setdefault(r.checker, []).append(r)
    routes = {(r.entry, r.arg, r.checker, r.settings) for r in records if r.checker != "-"}
    print(f"{len(rows)} rows, {len(records)} clear-error rows, {len(routes)} (entry point, argument, checker) routes;"
          f" raised by:")
    for checker, group in sorted(by_checker.items(), key=lambda kv: -len(kv[1])):
        print(f"  {checker}: {len(group)} rows, {len({(g.settings, g.value, g.error) for g in group})} distinct "
              f"(settings, value, error)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
