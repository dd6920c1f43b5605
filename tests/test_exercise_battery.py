"""One row per finding of the exercises review (answers a student could give that the engine judged
wrongly, replies that misled, verdicts the student's own code changed): each runs the real lesson check as a
notebook would and asserts the fair reply. Graded mode's tampering rows are in test_exercise_graded.py."""
import sys
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from support.replies import reply

from nnlib import check
from nnlib.exercises import engine, lesson01, lesson04, lesson06, lesson07, lesson08, lesson09, lesson11, sandbox


def correct(fn, *answers):
    return reply(fn, *answers).startswith(f"{fn.__name__}: correct")


# --- the answer is not in sight before an attempt ---------------------------------------------------------
def _stub_raises(X, w, b):
    raise NotImplementedError  # your code here


def _stub_returns(y, y_hat, k):
    # your code here: return C, shape (k, k)
    return None


class _StubGate:
    def forward(self, z):
        raise NotImplementedError

    def backward(self, dJda):
        raise NotImplementedError


STUBS = [(check.signed_distance, (_stub_raises,)), (check.confusion_matrix, (_stub_returns,)),
         (check.relu_gate, (_StubGate,)), (check.and_not_weights, (None, None)), (check.residual_grad, (None,)),
         (check.weight_history, (lesson01.SLIPS["weight_history"][0].answer,))]


@pytest.mark.parametrize("fn, answers", STUBS)
def test_an_untouched_stub_gets_the_same_neutral_reply(fn, answers):
    assert reply(fn, *answers) == f"{fn.__name__}: {engine.NOT_ATTEMPTED}"


# --- wrong verdicts ------------------------------------------------------------------------------------------
def test_a_prediction_may_be_any_real_type_or_array():
    assert correct(check.first_epoch_nand, np.array([-1, -1, -1]))
    assert correct(check.first_epoch_nand, [-1.0, -1, np.float32(-1)])
    for variance in (np.array(2.875), np.float64(2.875), Fraction(23, 8), Decimal("2.875"), 2.875):
        assert correct(check.dropout_output_variance, variance), variance
    assert correct(check.dropout_output_variance, 2.8750001)


def test_numbers_as_text_are_refused_clearly():
    assert "not text: got '1.84'" in reply(check.residual_grad, "1.84")
    assert "not text" in reply(check.signed_distance, lambda X, w, b: ["0.3"] * len(X))
    assert "not text" in reply(check.early_stop, ("2", "5", "7", "11"))


def test_in_place_change_of_H_is_caught():
    def top_eigenvalue(H):
        H /= 2
        return 4.0
    assert "cannot be changed in place" in reply(check.top_eigenvalue, top_eigenvalue)


def test_a_derive_exercise_refuses_finite_differences():
    for h in (1e-4, 1e-5, 1e-6):
        message = reply(check.input_gradient, lambda *a, h=h: lesson04._input_grad_numerically(*a, h=h))
        assert "not yet" in message and ("finite differences" in message), message


# --- misleading or vague replies -----------------------------------------------------------------------------
def test_off_by_one_and_factors_only_where_they_mean_something():
    best, *rest = lesson09.SOLUTIONS["early_stop"]
    message = reply(check.early_stop, (best + 1, *rest))
    assert "times the expected" not in message and "off by one" in message, message

    def adam(p, g, m, v, t, lr):
        p_new, m_new, v_new = lesson07.SOLUTIONS["adam_step"](p, g, m, v, t, lr)
        return p_new + 0.001, m_new, v_new
    assert "1 times" not in reply(check.adam_step, adam)


def test_shape_and_order_mistakes_are_named_in_words():
    ref = lesson04.SOLUTIONS["backprop_tanh"]
    message = reply(check.backprop_tanh, lambda *a: (ref(*a)[0], ref(*a)[0].sum(axis=1), *ref(*a)[2:]))
    assert "wrong axis" in message, message

    def swapped(*a):
        dW1, db1, dW2, db2 = ref(*a)
        return dW1, db1, db2, dW2
    assert "dJdW2 and dJdb2 are swapped" in reply(check.backprop_tanh, swapped)
    drop = lesson09.SOLUTIONS["dropout_forward"]
    assert "out and mask are swapped" in reply(check.dropout_forward, lambda a, rate, u: drop(a, rate, u)[::-1])
    message = reply(check.signed_distance, lambda X, w, b: (w @ X + b) / np.linalg.norm(w))
    assert "matrix product" in message and "order" in message and "matmul: Input operand" not in message, message


def test_overflow_and_none_are_explained():
    def top_eigenvalue(H):
        v = np.ones(H.shape[0])
        for _ in range(2000):
            v = H @ v
        return float(v @ H @ v)
    assert "largest float" in reply(check.top_eigenvalue, top_eigenvalue)

    def confusion_matrix(y, y_hat, k):
        for i in range(len(y)):
            if i > 100:
                return np.zeros((k, k), dtype=int)
        return None
    message = reply(check.confusion_matrix, confusion_matrix)
    assert "did you forget" not in message and "returned None" in message and "not attempted" not in message


# --- verdicts changed by the student's own code ---------------------------------------------------------------
def test_value_backward_patched_by_the_lessons_idiom(monkeypatch):
    from nnlib.autograd import Value, topological_order

    def overwrite(J):                       # an engine whose last share wins instead of adding the shares
        order = topological_order(J)
        for node in order:
            node.grad = np.zeros_like(node.data)
        J.grad = np.ones_like(J.data)
        for node in reversed(order):
            for parent, local in node.parents:
                parent.grad = local(node.grad)
    monkeypatch.setattr(Value, "backward", overwrite)
    assert correct(check.softplus_gate, lesson11.SOLUTIONS["softplus_gate"])
    assert not correct(check.softplus_gate, lesson11.SLIPS["softplus_gate"][0].answer)
    assert not correct(check.residual_grad, 0.84) and correct(check.residual_grad, 1.84)


def test_library_functions_patched_before_the_check(monkeypatch):
    import nnlib.layers
    monkeypatch.setattr(np, "tanh", lambda z: np.full(np.shape(z), np.nan))
    nan_grads = lambda *a: tuple(np.full(np.shape(g), np.nan) for g in lesson04.SOLUTIONS["backprop_tanh"](*a))  # noqa: E731
    assert not correct(check.backprop_tanh, nan_grads)
    monkeypatch.undo()
    monkeypatch.setattr(nnlib.layers, "sigmoid", lambda z: np.zeros(np.shape(z)))
    assert not correct(check.xor_gradients, lambda X, y, W1, b1, W2, b2: (0 * W1, 0 * b1, 0 * W2, 0 * b2))


def test_state_the_students_call_changes_is_put_back():
    def distance(X, w, b):
        np.seterr(all="raise")
        np.random.seed(123)
        return (X @ w + b) / np.linalg.norm(w)
    before = np.geterr(), np.random.get_state()[1].copy()
    message = reply(check.signed_distance, distance)
    assert message.startswith("signed_distance: correct") and "np.seterr" in message
    assert np.geterr() == before[0] and np.array_equal(np.random.get_state()[1], before[1])
    assert correct(check.top_eigenvalue, lesson06.SOLUTIONS["top_eigenvalue"])


def test_lesson7_cache_follows_the_trainer(monkeypatch):
    from nnlib.playground import training
    before = lesson08._trainer_state()
    monkeypatch.setattr(training.Trainer, "train", lambda self, epochs: None)
    assert lesson08._trainer_state() != before
    monkeypatch.undo()
    assert lesson08._trainer_state() == before


@pytest.mark.parametrize("shortcut", ["norm", "private eigvalsh", "scipy"])
def test_forbidden_shortcuts_whatever_their_module(shortcut):
    import numpy.linalg
    import scipy.linalg
    fns = {"norm": lambda H: np.linalg.norm(H, 2),
           "private eigvalsh": lambda H: float(sys.modules[numpy.linalg.eigvalsh.__module__].eigvalsh(H)[-1]),
           "scipy": lambda H: float(scipy.linalg.eigvalsh(H)[-1])}
    assert not correct(check.top_eigenvalue, fns[shortcut])


def test_sklearns_private_confusion_matrix_is_refused():
    from sklearn.metrics import _classification
    message = reply(check.confusion_matrix,
                    lambda y, y_hat, k: _classification.confusion_matrix(y, y_hat, labels=list(range(k))))
    assert "sklearn" in message and "not yet" in message


def test_a_loop_runs_out_of_time(monkeypatch):
    monkeypatch.setattr(sandbox, "LIMIT", 0.5)

    def loop(X, w, b):
        while True:
            try:  # noqa: SIM105
                pass
            except BaseException:       # noqa: BLE001 - even a bare except cannot swallow the time limit
                pass
    assert "ran over 0.5 s" in reply(check.signed_distance, loop)


class _Unprintable(Exception):
    def __str__(self):
        raise ValueError("no")


@pytest.mark.parametrize("exc", [SystemExit, GeneratorExit, MemoryError, RecursionError, _Unprintable])
def test_every_exception_becomes_a_reply(exc):
    def raising(X, w, b):
        raise exc()
    assert f"raised {exc.__name__}" in reply(check.signed_distance, raising)


def test_an_interrupt_still_interrupts():
    def interrupted(X, w, b):
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        reply(check.signed_distance, interrupted)
