"""Graded mode (nnlib/exercises/graded.py) is not fooled by the tampering a student's cells can do by
accident or on a whim: each test runs the exact nbgrader test cell `graded.test_cell_source` writes, in a
namespace standing for the notebook, after the tampering."""
import contextlib
import io
import sys

import numpy as np
import pytest

import nnlib.check
from nnlib.exercises import compare, engine, graded, lesson01, sandbox


def _distance(X, w, b):                       # a student's correct answer, in their own words
    return (X @ w + b) / np.sqrt(np.sum(w ** 2))


def _tanh_grads(X, y, W1, b1, W2, b2):
    a1 = np.tanh(X @ W1 + b1)
    delta2 = (a1 @ W2 + b2 - y) / len(X)
    delta1 = delta2 @ W2.T * (1 - a1 ** 2)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def grade(name, **answers):
    """Run the test cell for `name` with the notebook's variables `answers`: (passed, message, stderr)."""
    notebook = {"check": nnlib.check, **answers}
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(graded.test_cell_source(name, list(answers)), notebook)
        except AssertionError as e:
            assert out.getvalue() == ""
            assert e._render_traceback_() and all(len(line) <= graded.WIDTH for line in e._render_traceback_())
            return False, str(e), err.getvalue()
    assert out.getvalue() == "", "a passed graded check prints nothing"
    return True, "", err.getvalue()


def test_test_cell_is_short_and_passes_correct_work():
    source = graded.test_cell_source("and_not_weights", ["w_and_not", "b_and_not"])
    assert 2 <= len(source.splitlines()) <= 4 and source.endswith('run("and_not_weights", w_and_not, b_and_not)')
    assert grade("and_not_weights", w_and_not=[2, -2], b_and_not=-1)[0]
    assert grade("signed_distance", signed_distance=_distance)[0]
    assert grade("first_epoch_nand", prediction=np.array([-1.0, -1.0, -1.0]))[0]
    with pytest.raises(ValueError, match="exercise_name"):
        graded.test_cell_source("no_such_check", [])


def test_failure_is_the_short_message_once():
    ok, message, _ = grade("signed_distance", signed_distance=lambda X, w, b: X @ w + b)
    assert not ok and message.startswith("signed_distance: not yet. You returned z") and "Traceback" not in message
    assert message.count("You returned z") == 1 and "/" not in message.split("distance.")[0]
    ok, message, _ = grade("signed_distance", signed_distance=None)
    assert not ok and message == f"signed_distance: {engine.NOT_ATTEMPTED}"


def test_rebinding_a_check_changes_nothing_and_is_marked(monkeypatch):
    monkeypatch.setattr(nnlib.check, "signed_distance", lambda *a, **k: True)
    ok, message, err = grade("signed_distance", signed_distance=lambda X, w, b: X @ w + b)
    assert not ok and graded.MARK in message and graded.MARK in err
    ok, _, err = grade("signed_distance", signed_distance=_distance)
    assert ok and "REBOUND" in err                 # right work keeps its grade; the teacher sees the mark


def test_the_reference_answers_are_refused():
    borrowed = lesson01.SOLUTIONS["signed_distance"]
    for answer in (borrowed, lambda X, w, b: borrowed(X, w, b)):
        ok, message, _ = grade("signed_distance", signed_distance=answer)
        assert not ok and "reference answer" in message


def test_patching_the_engine_changes_nothing(monkeypatch):
    monkeypatch.setattr(engine, "verdict", lambda *a, **k: None)
    monkeypatch.setattr(compare, "close", lambda got, want, *a, **k: np.ones(np.shape(want), dtype=bool))
    monkeypatch.setattr(sandbox, "run", lambda *a, **k: None)
    assert not grade("signed_distance", signed_distance=lambda X, w, b: X @ w + b)[0]
    assert grade("signed_distance", signed_distance=_distance)[0]


def _overwriting_backward(J):
    from nnlib.autograd import topological_order
    order = topological_order(J)
    for node in order:
        node.grad = np.zeros_like(node.data)
    J.grad = np.ones_like(J.data)
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad = local(node.grad)


def test_patched_numpy_and_library_change_no_reference(monkeypatch):
    from nnlib.autograd import Value
    monkeypatch.setattr(np, "tanh", lambda z: np.full(np.shape(z), np.nan))
    nan = lambda X, y, W1, b1, W2, b2: (np.nan * W1, np.nan * b1, np.nan * W2, np.nan * b2)  # noqa: E731
    assert not grade("backprop_tanh", backprop_tanh=nan)[0]
    monkeypatch.undo()
    assert grade("backprop_tanh", backprop_tanh=_tanh_grads)[0]
    monkeypatch.setattr(Value, "backward", _overwriting_backward)          # the lesson's `Value.backward = backward`
    assert not grade("residual_grad", prediction=0.84)[0] and grade("residual_grad", prediction=1.84)[0]


def test_numpy_error_state_and_time_limit():
    def raising(X, w, b):
        np.seterr(all="raise")
        return _distance(X, w, b)
    assert grade("signed_distance", signed_distance=raising)[0]
    assert np.geterr()["over"] != "raise"

    def loop(X, w, b):
        while True:
            pass
    ok, message, _ = grade("signed_distance", signed_distance=loop)
    assert not ok and "ran over" in message


def test_sys_exit_is_a_reply_not_an_exit():
    ok, message, _ = grade("signed_distance", signed_distance=lambda X, w, b: sys.exit())
    assert not ok and "raised SystemExit" in message
