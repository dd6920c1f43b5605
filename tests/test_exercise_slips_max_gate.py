"""Lesson 5, exercise 2 (05_layers_and_gates): the max gate. Its reference is checked against central differences
(an independent reference) and the tie rule; wrong answers, written as a student writes them, are named by the
usual slip without handing over the answer; right answers written other ways pass."""
import contextlib
import io

import numpy as np
import pytest

from nnlib import check
from nnlib.exercises.lesson05_max import _max_rows
from nnlib.gradcheck import gradcheck


def reply(cls):
    """What check.max_gate prints for this class (a check returns None)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.max_gate(cls) is None
    return out.getvalue().strip()


def hint_of(text):
    return text.split(" For z = ")[0]


# --- the reference ------------------------------------------------------------------------------------------
def test_reference_backward_matches_central_differences():
    rng = np.random.default_rng(5)
    for shape in [(4, 3), (2, 5), (6, 1)]:
        z, G = rng.normal(size=shape), rng.normal(size=shape[0])       # continuous draws: no ties
        _, dJdz = _max_rows(z, G)
        assert gradcheck(lambda z=z, G=G: np.sum(G * np.max(z, axis=1)), z, dJdz) < 1e-7


def test_reference_sends_a_tie_to_the_first_entry_only():
    a, dJdz = _max_rows(np.array([[1.0, -0.5, 1.0], [2.0, 2.0, 2.0]]), np.array([3.0, -1.0]))
    assert np.array_equal(a, [1.0, 2.0])
    assert np.array_equal(dJdz, [[3.0, 0.0, 0.0], [-1.0, 0.0, 0.0]])


# --- right answers --------------------------------------------------------------------------------------------
class Max:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        dJdz = np.zeros(self.z.shape)
        dJdz[np.arange(len(dJda)), self.z.argmax(axis=1)] = dJda
        return dJdz


class MaxLoop:
    def forward(self, z):
        self.where = [int(np.argmax(row)) for row in z]
        self.shape = z.shape
        return np.array([row[j] for row, j in zip(z, self.where)])

    def backward(self, dJda):
        dJdz = np.zeros(self.shape)
        for i, j in enumerate(self.where):
            dJdz[i, j] = dJda[i]
        return dJdz


class MaxOneHot:
    def forward(self, z):
        self.onehot = np.eye(z.shape[1])[np.argmax(z, axis=1)]
        return np.max(z, axis=1)

    def backward(self, dJda):
        return dJda[:, None] * self.onehot


@pytest.mark.parametrize("cls", [Max, MaxLoop, MaxOneHot])
def test_right_answers_pass(cls):
    assert reply(cls).startswith("max_gate: correct")


# --- wrong answers, as a student writes them ----------------------------------------------------------------
class ToEveryEntry(Max):
    def backward(self, dJda):
        return np.repeat(dJda[:, None], self.z.shape[1], axis=1)       # like an add gate


class MaskOnly(Max):
    def backward(self, dJda):
        mask = np.zeros(self.z.shape)
        mask[np.arange(len(dJda)), self.z.argmax(axis=1)] = 1
        return mask                                                     # the upstream gradient forgotten


class EqualsMax(Max):
    def backward(self, dJda):
        return dJda[:, None] * (self.z == self.z.max(axis=1, keepdims=True))


class SplitTies(Max):
    def backward(self, dJda):
        mask = self.z == self.z.max(axis=1, keepdims=True)
        return dJda[:, None] * mask / mask.sum(axis=1, keepdims=True)


class ColumnArgmax(Max):
    def backward(self, dJda):
        return dJda[:, None] * (self.z == self.z.max(axis=0))


class ReturnsIndex(Max):
    def forward(self, z):
        self.z = z
        return z.argmax(axis=1)


class KeepDims(Max):
    def forward(self, z):
        self.z = z
        return z.max(axis=1, keepdims=True)


class UpstreamBack(Max):
    def backward(self, dJda):
        return dJda


WRONG = [(ToEveryEntry, ["add gate", "nudge"]), (MaskOnly, ["upstream", "multiply"]),
         (EqualsMax, ["tied", "which one"]), (SplitTies, ["shared", "tied"]),
         (ColumnArgmax, ["column", "row i"]), (ReturnsIndex, ["index", "value"]),
         (KeepDims, ["(n, 1)", "one number per row"]), (UpstreamBack, ["z's shape"])]


@pytest.mark.parametrize("cls, words", WRONG, ids=[c.__name__ for c, _ in WRONG])
def test_wrong_answers_are_named(cls, words):
    text = reply(cls)
    assert text.startswith("max_gate: not yet."), text
    hint = hint_of(text)
    assert all(w in hint for w in words), text
    assert "argmax" not in hint and "first" not in hint and "np.zeros" not in hint, text   # no answer handed over


def test_an_instance_is_refused_with_the_class_named():
    assert "check.max_gate(Max), not an instance Max()" in reply(Max())


def test_the_stub_is_not_attempted():
    class Stub:
        def forward(self, z):
            raise NotImplementedError  # your code here

        def backward(self, dJda):
            raise NotImplementedError  # your code here
    assert reply(Stub) == ("max_gate: not attempted yet: put your answer (or your fix) in the cell above, run that "
                           "cell, then run this one again.")
