"""Lesson 6, exercise 6 (implement): power iteration for lambda_max. An answer that reads the eigenvalue off one
entry, (H @ v)[0] / v[0], or starts along the first axis, is right on the rotated matrices and wrong on diag(1, 3),
whose top eigenvector has a 0 first entry: it is told about both, not about v @ v, which it never computed. A start
of ones is refused on [[2, -1], [-1, 2]], whose top eigenvector (1, -1) is at right angles to it, and is told so;
so is any start that reads another eigenvalue. A quotient of a v that is not a unit vector is told so.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import lesson06
from nnlib.exercises import lesson06_runaway as runaway

reply = partial(replies.reply, "top_eigenvalue")  # what the check prints for an answer


def hint(name):
    return next(s.hint for s in lesson06.SLIPS["top_eigenvalue"] if s.name == name)


def power(value, start):
    def top_eigenvalue(H):
        v = start(H.shape[0])
        for _ in range(400):
            v = H @ v
            v = v / np.linalg.norm(v)
        return value(v, H)
    return top_eigenvalue


def test_an_entry_ratio_is_named_as_one():
    for start in [np.ones, lambda n: np.random.default_rng(0).standard_normal(n)]:
        text = reply(power(lambda v, H: (H @ v)[0] / v[0], start))
        assert text.startswith(f"top_eigenvalue: not yet. {hint('first axis')}"), text
        assert "v @ v is 1" not in text


def test_v_dot_v_is_still_named_as_such():
    text = reply(power(lambda v, H: v @ v, np.ones))
    assert text.startswith(f"top_eigenvalue: not yet. {hint('v @ v')}"), text


def random_start(n):
    return np.random.default_rng(7).standard_normal(n)


def rayleigh(v, H):
    return v @ H @ v


def test_a_start_along_the_first_axis_is_named():
    text = reply(power(rayleigh, lambda n: np.eye(n)[0]))
    assert text.startswith(f"top_eigenvalue: not yet. {hint('first axis')}"), text


def test_a_start_of_ones_is_refused_and_named():
    assert lesson06._exact_top(np.array([[2.0, -1.0], [-1.0, 2.0]])) == pytest.approx(3.0)
    text = reply(power(rayleigh, np.ones))
    assert text.startswith(f"top_eigenvalue: not yet. {hint('ones start')}"), text


def test_any_start_that_reads_another_eigenvalue_is_told_about_its_start():
    H = np.array([[5.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]])      # top eigenvector (1, 0, 0)
    reading = runaway.misread(power(rayleigh, lambda n: np.eye(n)[-1]), [(H,)], lesson06._exact_top)
    assert reading is not None and reading[0] == runaway.START, reading
    assert runaway.misread(power(rayleigh, random_start), [(H,)], lesson06._exact_top) is None


def test_a_quotient_of_a_longer_v_is_named():
    text = reply(power(lambda v, H: (2 * v) @ H @ (2 * v), random_start))
    assert text.startswith(f"top_eigenvalue: not yet. {runaway.ABOVE}"), text
    text = reply(_max_scaled)
    assert text.startswith(f"top_eigenvalue: not yet. {hint('unit quotient')}"), text


def _max_scaled(H):
    v = random_start(H.shape[0])
    for _ in range(400):
        v = H @ v
        v = v / np.abs(v).max()
    return v @ H @ v


def test_a_random_start_passes():
    assert reply(power(rayleigh, random_start)) == "top_eigenvalue: correct"
