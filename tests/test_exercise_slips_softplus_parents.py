"""Lesson 11's exercise 1 (11_autograd, nnlib/exercises/lesson11.py): a gate with no parents at all.

A Value returned without parents is not "built from other gates": the reply says what it lacks instead.
"""
from functools import partial

import numpy as np
from support import replies

from nnlib.autograd import Value

reply = partial(replies.reply, "softplus_gate")  # what the check prints for an answer


def test_a_gate_without_parents_is_told_so():
    text = reply(lambda x: Value(np.logaddexp(0, x.data)))
    assert "no parents" in text and "built from other gates" not in text


def test_a_gate_built_from_other_gates_keeps_its_reply():
    text = reply(lambda x: Value(np.logaddexp(0, x.data), [(Value(x.data), lambda g: g)], "softplus"))
    assert "built from other gates" in text
