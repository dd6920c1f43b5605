"""The exercise engine keeps its promises (nnlib/exercises/engine.py): tolerance, slips, pure, forbid, grade,
the neutral reply to a stub, the time limit, the library's pristine state for references."""
import numpy as np
import pytest

from nnlib.exercises import pristine
from nnlib.exercises.engine import (
    ATOL,
    NOT_ATTEMPTED,
    RTOL,
    Case,
    NotYet,
    Slip,
    close,
    function_check,
    prediction_check,
)


def _double(x):
    return 2 * x


def _in_place(x):
    x *= 2
    return x


SLIPS = [Slip("square", "You squared x.", lambda x: x ** 2),
         Slip("in place", "You doubled x in place.", _in_place),
         Slip("shortcut", "np.multiply is not allowed.", lambda x: np.multiply(x, 2))]
CASES = [(np.array([1.0, -2.0, 3.0]),)]


def _check(fn, capsys, **kwargs):
    kwargs = {"outputs": ("y",), "slips": SLIPS, "pure": True, "forbid": ("np.multiply",), **kwargs}
    assert function_check("double", fn, _double, CASES, **kwargs) is None    # nothing for Jupyter to echo
    out = capsys.readouterr().out.strip()
    return out.startswith("double: correct"), out


def test_correct_and_message_style(capsys):
    assert _check(_double, capsys) == (True, "double: correct")
    result, out = _check(lambda x: 4 * x, capsys)
    assert result is False
    assert out.startswith("double: not yet. For (x=[1, -2, 3]): y: expected [2, -4, 6], got [4, -8, 12]")
    assert "every entry is 2 times the expected one" in out


def test_each_slip_is_named_before_the_numbers(capsys):
    for slip in SLIPS:
        result, out = _check(slip.answer, capsys)
        assert result is False and out.startswith(f"double: not yet. {slip.hint} For (x=[1, -2, 3])"), out


def test_pure_and_forbid_are_reported_without_slips(capsys):
    _, out = _check(_in_place, capsys, slips=())
    assert "changed `x` in place" in out
    assert _check(_in_place, capsys, slips=(), pure=False)[0] is True

    def sneaky(x):
        try:
            return np.multiply(x, 2)
        except Exception:       # swallowing the error does not hide the call
            return 2 * x
    _, out = _check(sneaky, capsys, slips=())
    assert "called np.multiply, which this exercise does not allow" in out
    assert np.multiply(2, 3) == 6                       # restored afterwards


def test_errors_none_and_shapes(capsys):
    assert _check(None, capsys)[1] == f"double: {NOT_ATTEMPTED}"
    assert "Expected a function, got 3" in _check(3, capsys)[1]
    assert "it returned None: the function must end with `return`" in _check(lambda x: None, capsys)[1]
    assert "raised ZeroDivisionError" in _check(lambda x: 1 / 0, capsys)[1]
    assert "y should have shape (3,), got shape (1, 3)" in _check(lambda x: 2 * x[None], capsys)[1]


def test_tolerance_boundary(capsys):
    want = _double(CASES[0][0])
    for scale, ok in ((0.9, True), (1.1, False)):
        assert _check(lambda x, s=scale: want + s * (ATOL + RTOL * np.abs(want)), capsys, slips=())[0] is ok
    assert close(1.0 + 1.5e-6, 1.0) and not close(1.0 + 2.5e-6, 1.0)


def test_case_text_and_grade(capsys):
    with pytest.raises(NotYet) as e:
        function_check("double", lambda x: x, _double, [Case(CASES[0], "the fixed x")], grade=True)
    assert capsys.readouterr().out == "", "graded mode prints nothing"
    assert str(e.value).startswith("double: not yet. For the fixed x: the result: expected")
    assert " ".join(e.value._render_traceback_()) == str(e.value)       # the message alone, wrapped, no traceback
    assert all(len(line) <= 90 for line in e.value._render_traceback_())
    assert function_check("double", lambda x: x + x, _double, CASES, grade=True) is None
    with pytest.raises(NotYet, match="reference answer"):      # graded: the check's own reference is refused
        function_check("double", _double, _double, CASES, grade=True)
    assert capsys.readouterr().out == ""


def test_predictions(capsys):
    def run(p, **kwargs):
        args = {"truth": 0.693, "tol": 0.02, "right": "log 2.", "slips": [Slip("zero", "Not zero.", 0.0)], **kwargs}
        assert prediction_check("init_loss", p, **args) is None
        out = capsys.readouterr().out.strip()
        return out.startswith("init_loss: correct"), out
    assert run(None) == (False, f"init_loss: {NOT_ATTEMPTED}")
    assert run(0.7) == (True, "init_loss: correct. log 2.")
    assert run(0.01)[1].startswith("init_loss: not yet. Not zero. You predicted 0.01, which is not it")
    assert "0.693" not in run(0.01)[1]                   # the answer is never shown after a wrong try
    assert "Predict one number, not text" in run("0.7")[1]
    assert run("B", truth="b", options=("a", "b"), tol=0)[0] is True
    assert "choose one of 'a', 'b'" in run("c", truth="b", options=("a", "b"))[1].lower()
    assert run([3, 2], truth=(3, 2))[0] is True and run((2, 3), truth=(3, 2))[0] is False
    assert run(None, truth=lambda: 1 / 0)[0] is False        # the experiment runs only once there is a prediction
    for bad in (float("nan"), float("inf"), -np.inf, np.array(np.nan)):   # no crash, and a reply in words
        assert "Predict a finite number; got" in run(bad)[1]
        assert "Predict 2 finite numbers; got" in run((3.0, bad), truth=(3, 2))[1]


def test_a_slip_that_yields_nan_or_inf_is_recognised(capsys):
    nan_slip = Slip("log of a negative", "You took the log of x, which is NaN for x < 0.",
                    lambda x: np.where(x < 0, np.nan, 2 * x))
    function_check("double", nan_slip.answer, _double, CASES, outputs=("y",), slips=[nan_slip])
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"double: not yet. {nan_slip.hint}"), out
    assert not close(np.nan, 1.0) and close(np.nan, np.nan)
    assert close(np.inf, np.inf) and not close(np.inf, -np.inf) and not close(np.inf, 1e308)
    assert not close(1.0, np.inf) and not close(-np.inf, np.inf)


def test_an_answer_that_blows_up_is_not_given_a_slip_that_merely_blows_up_too(capsys):
    cases = [*CASES, (np.array([0.5, 0.25]),)]
    zero_start = Slip("zero start", "v starts at 0.", lambda x: np.full_like(x, np.nan))

    def overflow(x):                     # nan on the first case (as the slip), finite and wrong on the second
        return np.full_like(x, np.nan) if x.size == 3 else 3 * x
    function_check("double", overflow, _double, cases, outputs=("y",), slips=[zero_start])
    out = capsys.readouterr().out.strip()
    assert out.startswith("double: not yet.") and zero_start.hint not in out, out
    function_check("double", zero_start.answer, _double, cases, outputs=("y",), slips=[zero_start])
    assert capsys.readouterr().out.strip().startswith(f"double: not yet. {zero_start.hint}")


def test_a_product_in_the_wrong_order_is_one_slip_whichever_function_multiplied(capsys):
    slip = Slip("order", "You multiplied in the wrong order.", lambda A, B: B @ A)
    cases = [(np.ones((3, 2)), np.ones((2, 4)))]
    for answer in (lambda A, B: np.dot(B, A), lambda A, B: np.matmul(B, A), lambda A, B: B @ A):
        function_check("prod", answer, lambda A, B: A @ B, cases, outputs=("P",), slips=[slip])
        assert capsys.readouterr().out.startswith(f"prod: not yet. {slip.hint}")
    function_check("prod", lambda A, B: A @ np.ones((3, 3)), lambda A, B: A @ B, cases, outputs=("P",), slips=[slip])
    out = capsys.readouterr().out                   # another product that does not fit: not this slip
    assert slip.hint not in out and "shapes do not fit" in out, out


def test_untouched_stubs_and_the_handed_out_function(capsys):
    def stub(x):
        """Double x."""
        raise NotImplementedError("your code here")

    def started(x):
        print(2 * x)
        raise NotImplementedError
    given = Slip("given", "never shown", lambda x: x ** 2)
    assert _check(stub, capsys)[1] == f"double: {NOT_ATTEMPTED}"
    assert _check(given.answer, capsys, slips=SLIPS + [given])[1] == f"double: {NOT_ATTEMPTED}"
    assert "stub's `raise NotImplementedError` is still in place" in _check(started, capsys)[1]


def test_the_time_limit_and_forbidden_packages(capsys):
    def slow(x):
        while True:
            pass
    assert "ran over 0.3 s" in _check(slow, capsys, limit=0.3)[1]
    _, out = _check(lambda x: 2 * x + 0 * np.linalg.norm(x), capsys, forbid_modules=("numpy.linalg",))
    assert "called into numpy.linalg" in out


def test_words_for_shapes_order_and_integers(capsys):
    def pair(x):
        return 2 * x, x.sum()
    function_check("pair", lambda x: (x.sum(), 2 * x), pair, CASES, outputs=("y", "s"))
    assert "y and s are swapped" in capsys.readouterr().out
    function_check("index", lambda: 3, lambda: 2, [()])
    assert "(off by one)" in capsys.readouterr().out
    function_check("mean", lambda x: x.sum(axis=1), lambda x: x.sum(axis=0), [(np.ones((2, 3)),)])
    assert "wrong axis" in capsys.readouterr().out
    function_check("number", lambda: 14.0, lambda: 2.0, [()])
    assert "times" not in capsys.readouterr().out


def test_references_run_in_the_pristine_library(capsys, monkeypatch):
    monkeypatch.setattr(np, "tanh", lambda z: np.nan * z)
    with pristine.pristine():
        assert np.tanh(0.5) == pytest.approx(0.46211715726)
    assert np.isnan(np.tanh(0.5))


def test_no_order_or_shift_read_into_a_short_two_valued_output():
    """A 0/1 output of four entries with one weight's sign wrong is no 'shift' or 'order mixed up': any
    rearrangement of two kinds of value holds the right entries, so the reply says only what differs."""
    from nnlib.exercises.placement import order_words, shift_words
    want = np.array([1.0, 1, 1, 0])
    for got in (np.array([1.0, 1, 0, 1]), np.array([1.0, 0, 1, 1])):
        assert shift_words(got, want, 1e-9, 1e-9) == "" and order_words(got, want, 1e-9, 1e-9) == ""
    assert "wrong places" in order_words(np.array([3.0, 1, 2]), np.array([1.0, 2, 3]), 1e-9, 1e-9)
    assert "one place away" in shift_words(np.roll(np.arange(6.0), 1), np.arange(6.0), 1e-9, 1e-9)
