"""Lesson 8's exercise 3 (08_playground, nnlib/exercises/lesson08_tanh.py): the delta of a tanh output for regression.

* each catalogued slip leads with its own hint, and no two slips give the same numbers on the check's cases;
* right answers in other styles pass; the stub is neutral;
* the reference is dJ/dz itself: it matches central differences of J through tanh.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson08_tanh as tanh_delta

SLIPS = tanh_delta.SLIPS["tanh_output_delta"]


reply = partial(replies.reply, "tanh_output_delta")  # what the check prints for an answer


@pytest.mark.parametrize("slip", SLIPS, ids=lambda s: s.name)
def test_each_slip_leads_with_its_hint(slip):
    assert reply(slip.answer).startswith(f"tanh_output_delta: not yet. {slip.hint}")


def test_the_slips_differ_on_the_cases():
    seen = []
    for slip in SLIPS:
        outs = [np.asarray(slip.answer(y_hat.copy(), y.copy())) for y_hat, y in tanh_delta.CASES]
        key = tuple(np.round(o, 12).tobytes() + str(o.shape).encode() for o in outs)
        assert key not in seen, slip.name
        seen.append(key)


def _subtract(y_hat, y):
    return np.subtract(y_hat, y) * (1 - np.square(y_hat)) / y_hat.shape[0]


def _loop(y_hat, y):
    n = len(y)
    return np.array([[(y_hat[i, 0] - y[i, 0]) * (1 - y_hat[i, 0] ** 2) / n] for i in range(n)])


def _via_z(y_hat, y):
    z = np.arctanh(y_hat)
    return (np.tanh(z) - y) / np.cosh(z) ** 2 / len(y)


@pytest.mark.parametrize("answer", [tanh_delta._delta, _subtract, _loop, _via_z], ids=lambda f: f.__name__)
def test_right_answers_pass(answer):
    assert reply(answer).startswith("tanh_output_delta: correct")


def test_the_stub_is_neutral():
    def tanh_output_delta(y_hat, y):
        raise NotImplementedError  # your code here
    assert reply(tanh_output_delta).startswith("tanh_output_delta: not attempted yet")


def test_the_reference_is_the_derivative_of_the_loss():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=(6, 1)), rng.uniform(-1, 1, size=(6, 1))
    loss = lambda z: np.sum((np.tanh(z) - y) ** 2) / (2 * len(y))     # noqa: E731
    h, numeric = 1e-6, np.zeros_like(z)
    for i in range(len(z)):
        step = np.zeros_like(z)
        step[i] = h
        numeric[i] = (loss(z + step) - loss(z - step)) / (2 * h)
    assert np.allclose(tanh_delta._delta(np.tanh(z), y), numeric, atol=1e-8)
