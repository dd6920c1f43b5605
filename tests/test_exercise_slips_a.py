"""The exercise engine's replies name the mistake (nnlib/exercises/engine.py, stubs.py, pristine.py,
sandbox.py, predict.py) and lessons 1 and 3-7 catalogue the slips a student of each lesson makes.

* the handed-out function of a diagnose exercise, unchanged, is "not attempted yet"; a changed version that
  still behaves like it is a real "not yet" with the hint (handed_out.py matches the notebooks);
* a matched slip's hint is the reply's one explanation: the numbers stay, no generic pattern is guessed;
* a check's own library patches (forbid) and a lazily bound nnlib name are not reported as the student's;
* a slip matches to the engine's tolerance, not to a check's looser margin; a predicted number matches a
  slip within the check's margin scaled to the slip's size.
"""
import glob
import importlib
from pathlib import Path

import numpy as np
import pytest
from support import replies
from support.replies import reply

from nnlib import check, exercises
from nnlib.exercises import engine, handed_out, lesson01, lesson04, stubs
from nnlib.exercises.engine import NotYet, Slip, function_check, prediction_check

ROOT = Path(__file__).resolve().parents[1]


def defined(source, name):
    """`name` from `source` run as a notebook cell runs, after lesson 1's earlier cell defined `step`."""
    return replies.defined(source, name, step=lambda z: (np.asarray(z) >= 0).astype(int))


# --- E1: the handed-out function, unchanged or changed ------------------------------------------------------
def test_handed_out_sources_match_the_notebooks():
    names = {n for m in exercises.LESSONS for n, slips in importlib.import_module(f"nnlib.exercises.{m}")
             .SLIPS.items() if any(s.name == "given" for s in slips)}
    found = stubs.handed_out_sources(glob.glob(str(ROOT / "notebooks" / "*.ipynb")), names)
    assert found == handed_out.SOURCES, "run `python -m nnlib.exercises.handed_out` after changing a stub"
    assert "weight_history" in found and "adam_step" in found


def test_only_the_unchanged_handed_out_function_is_not_attempted():
    given = handed_out.SOURCES["weight_history"]
    as_handed_out = defined(given.replace("# The perceptron", "# my notes: the perceptron"), "weight_history")
    assert reply(check.weight_history, as_handed_out) == f"weight_history: {engine.NOT_ATTEMPTED}"
    renamed = defined(given.replace("def weight_history", "def history_fixed"), "history_fixed")
    assert reply(check.weight_history, renamed) == f"weight_history: {engine.NOT_ATTEMPTED}"
    still_wrong = defined(given.replace("history.append(w)", "history.append(w[:])"), "weight_history")
    out = reply(check.weight_history, still_wrong)
    hint = lesson01.SLIPS["weight_history"][0].hint
    assert out.startswith(f"weight_history: not yet. {hint} For AND"), out
    fixed = defined(given.replace("history.append(w)", "history.append(w.copy())"), "weight_history")
    assert reply(check.weight_history, fixed) == "weight_history: correct"


def test_handed_out_compares_code_not_names_or_comments():
    source = "def f(x):\n    'Double.'\n    # twice\n    return 2 * x\n"
    assert stubs.handed_out(defined("def g(y):\n    return 2 * y\n", "g"), source) is False   # other names
    assert stubs.handed_out(defined("def g(x):\n    return 2 * x  # mine\n", "g"), source) is True
    assert stubs.handed_out(defined("def g(x):\n    return x * 2\n", "g"), source) is False
    assert stubs.handed_out(len, source) is None                     # no source to read: cannot tell


# --- E2: a matched slip's hint is the explanation -----------------------------------------------------------
def _double(x):
    return 2 * x


def test_a_matched_slip_drops_the_generic_patterns(capsys):
    slips = [Slip("half", "You halved where you should double.", lambda x: x / 2)]
    x = np.array([1.0, -2.0, 3.0])
    function_check("double", lambda x: x / 2, _double, [(x,)], outputs=("y",), slips=slips)
    out = capsys.readouterr().out.strip()
    assert out == ("double: not yet. You halved where you should double. For (x=[1, -2, 3]): y: expected "
                   "[2, -4, 6], got [0.5, -1, 1.5]"), out
    function_check("double", lambda x: x / 4, _double, [(x,)], outputs=("y",), slips=slips)
    assert "every entry is 1/8 of the expected one" in capsys.readouterr().out     # no slip: the pattern stays


def test_a_matched_prediction_slip_drops_the_guess_but_keeps_the_facts(capsys):
    slips = [Slip("double", "You counted each sample twice.", 1.0), Slip("sign", "The loss falls.", -0.5)]
    prediction_check("change", 1.0, truth=0.5, tol=0.01, slips=slips)
    out = capsys.readouterr().out.strip()
    assert out == "change: not yet. You counted each sample twice. You predicted 1, which is not it " \
                  "(within 0.01 of the answer counts as right)", out     # no "a factor 2 too many?" guessed
    prediction_check("change", -0.5, truth=0.5, tol=0.01, slips=slips)
    assert capsys.readouterr().out.strip().endswith("The loss falls. You predicted -0.5, which is not it "
                                                    "(within 0.01 of the answer counts as right): the opposite sign")
    prediction_check("change", -0.6, truth=0.5, tol=0.01, slips=slips)
    assert capsys.readouterr().out.strip().endswith(": the wrong sign, and another size")


COUNT_QUESTION = "off by one (where does your count start, and where does it stop?)"


def test_whole_numbers_off_by_one_and_a_swapped_pair_are_named(capsys):
    slips = [Slip("leftover", "8 is what is left over.", 8)]
    prediction_check("steps", 8, truth=7, slips=slips)
    assert capsys.readouterr().out.strip().endswith("You predicted 8, which is not it")   # the hint explains
    prediction_check("spread", (1, 1), truth=(2, 1.414), tol=0.01)       # 1 for 2 is as much a factor 2
    assert "off by one" not in capsys.readouterr().out
    prediction_check("label", (5, 5, 5), truth=(-1, -1, -1))             # not minus the answer: no "opposite sign"
    assert "opposite sign" not in capsys.readouterr().out
    prediction_check("steps", 6, truth=7)
    assert capsys.readouterr().out.strip().endswith(f": {COUNT_QUESTION}")
    prediction_check("shapes", (7, 10, 3, 7), truth=(10, 7, 3, 7))
    assert "two of them are swapped" in capsys.readouterr().out
    prediction_check("shapes", (7, 3, 10, 7), truth=(10, 7, 3, 7))
    assert "in another order" in capsys.readouterr().out


def test_replies_give_no_position_or_direction_to_adjust_by(capsys):
    """A reply names the slip and asks its question; it does not say which way to move a count, which places to
    exchange, or which numbers are already right (each turns a prediction into guess-and-adjust)."""
    for prediction, truth in ((6, 7), (8, 7), ((7, 10, 3, 7), (10, 7, 3, 7)), ((0.99, 0.9), (0.9, 0.99)),
                              ((3, 6, 7, 11), (3, 6, 8, 11)), ((2, 5, 8), (2, 5, 7))):
        prediction_check("p", prediction, truth=truth)
        out = capsys.readouterr().out
        for told in ("one too few", "one too many", "numbers 1 and 2", "right: number"):
            assert told not in out, (prediction, out)
    prediction_check("p", (1, 2, 3), truth=(4, 5, 6), sealed=True)
    assert "none of the 3 numbers is right" in capsys.readouterr().out


def test_predictions_never_show_the_answer(capsys):
    for prediction, truth in ((0.3, 2 / 7), (0, 0.6931), (130, 164), ((7, 3, 10, 7), (10, 7, 3, 7))):
        prediction_check("p", prediction, truth=truth, tol=0.005)
        out = capsys.readouterr().out
        shown = truth if isinstance(truth, tuple) else (truth,)
        assert out.startswith("p: not yet.") and not any(f"{t:.3g}" in out.split("which is not it")[1]
                                                         for t in shown if abs(t) > 1), out
        assert "0.2857" not in out and "0.693" not in out, out


def test_graded_predictions_never_show_the_answer():
    cases = ((8, 7, "7"), (0.3, 2 / 7, "0.28"), (-0.5, 0.5, "sign"), ((7, 10, 3, 7), (10, 7, 3, 7), "10, 7, 3, 7"))
    for prediction, truth, answer in cases:
        with pytest.raises(NotYet) as failed:
            prediction_check("p", prediction, truth=truth, tol=0.005, grade=True)
        message = str(failed.value)
        assert answer not in message and "the run gives" not in message and "off by one" not in message, message


# --- false notes of a changed library -------------------------------------------------------------------------
def _central(f, x, h=1e-5):
    return lesson04.SOLUTIONS["central_difference"](f, x, h)


def test_a_forbidden_lazy_name_is_not_reported_as_the_students():
    import nnlib
    vars(nnlib).pop("numerical_gradient", None)        # as in a fresh kernel: bound on first use
    for answer in (_central, lambda f, x, h=1e-5: x):
        assert "Your code changed" not in reply(check.central_difference, answer)
    assert "numerical_gradient" not in vars(nnlib)      # the check left nnlib as it found it


def test_a_lazy_import_in_the_students_code_is_not_a_change():
    import nnlib

    def central(f, x, h=1e-5):
        from nnlib import rel_error  # noqa: F401 - bound lazily by nnlib's __getattr__
        return _central(f, x, h)

    def patched(f, x, h=1e-5):
        nnlib.rel_error = None
        return _central(f, x, h)
    vars(nnlib).pop("rel_error", None)
    assert reply(check.central_difference, central) == "central_difference: correct"
    out = reply(check.central_difference, patched)
    assert out.startswith("central_difference: correct") and "changed nnlib.rel_error" in out
    assert nnlib.rel_error is not None


# --- slip matching tolerance ----------------------------------------------------------------------------------
def test_a_slip_matches_to_the_engines_tolerance_not_the_checks(capsys):
    slips = [Slip("half", "You halved where you should double.", lambda x: x / 2)]
    x = np.array([1.0, -2.0, 3.0])
    function_check("double", lambda x: x / 2 + 1e-4, _double, [(x,)], outputs=("y",), slips=slips, atol=1e-3)
    assert "You halved" not in capsys.readouterr().out
    function_check("double", lambda x: x / 2 + 1e-8, _double, [(x,)], outputs=("y",), slips=slips, atol=1e-3)
    assert "You halved" in capsys.readouterr().out


def test_a_prediction_slip_matches_within_a_margin_of_its_own_size(capsys):
    slips = [Slip("same", "The two deltas are not the same.", 1.0), Slip("double", "Twice the ratio.", 202.0)]
    for prediction, named in ((1.01, "not the same"), (0.5, None), (1.5, None), (201.0, "Twice"), (99.0, None)):
        prediction_check("ratio", prediction, truth=101.0, tol=1.5, slips=slips)
        out = capsys.readouterr().out
        assert (named in out) if named else ("not the same" not in out and "Twice" not in out), out

# --- the catalogues of lessons 1 and 3-7 ----------------------------------------------------------------------
def test_lessons_1_and_3_to_7_catalogue_several_distinct_slips():
    """Each exercise names at least 5 mistakes, every one its own
    behaviour: tests/test_exercises.py checks that each slip's answer gets its own hint and the solution passes."""
    for lesson in ("lesson01", "lesson03", "lesson04", "lesson05", "lesson06", "lesson07"):
        module = importlib.import_module(f"nnlib.exercises.{lesson}")
        for name in module.__all__:
            assert len(module.SLIPS[name]) >= 5, f"{lesson}.{name}: {len(module.SLIPS[name])} slips"
            assert len({s.name for s in module.SLIPS[name]}) == len(module.SLIPS[name]), f"{name}: names repeat"


def test_a_new_slip_gets_its_hint_and_the_solution_still_passes():
    cases = [(check.signed_distance, "precedence"), (check.tanh_derivative, "caret"),
             (check.adam_step, "hats returned")]
    for fn, slip_name in cases:
        module = importlib.import_module(fn.__module__)
        slip = next(s for s in module.SLIPS[fn.__name__] if s.name == slip_name)
        assert reply(fn, slip.answer).startswith(f"{fn.__name__}: not yet. {slip.hint} For "), slip_name
        assert reply(fn, module.SOLUTIONS[fn.__name__]).startswith(f"{fn.__name__}: correct")
