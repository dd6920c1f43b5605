"""Lesson 5, exercises 1 and 3: the ReLU gate's reply names the student's own argument, and the value used twice
(a gate whose code is hidden) names each way of not adding the two gradients, without the answer."""
import re

import numpy as np
import pytest
from support.replies import reply


class ReluChangesUpstream:
    def forward(self, z):
        self.a = np.maximum(z, 0)
        return self.a

    def backward(self, dJda):
        dJda[self.a <= 0] = 0                           # right numbers, but the caller's array is changed
        return dJda


def test_a_relu_that_changes_dJda_in_place_is_told_so_by_its_own_name():
    text = reply("relu_gate", ReluChangesUpstream)
    assert text.startswith("relu_gate: not yet.") and "changed `dJda` in place" in text, text
    assert "`G`" not in text


@pytest.mark.parametrize("prediction, words", [
    (1.2, "first input receives"), (4.8, "second input receives"), (3.0, "averaged"), (5.76, "multiplied"),
    (2.4, "twice the first input's"), (9.6, "twice the second input's"), (1.0, "upstream gradient"),
    (2.0, "x itself"), ((1.2, 4.8), "gradients of the gate's two inputs")])
def test_each_way_of_not_adding_the_two_gradients_is_named_without_the_answer(prediction, words):
    text = reply("shared_input", prediction)
    assert text.startswith("shared_input: not yet.") and words in text, text
    hint = text.split(" You predicted")[0]
    assert re.search(r"(?<![\d.])6(?:\.0)?(?![\d.])", hint) is None and "add" not in hint, hint


def test_the_sum_of_the_two_gradients_is_right_and_measured():
    assert reply("shared_input", 6.0).startswith("shared_input: correct.")
    assert reply("shared_input", 6.01).startswith("shared_input: not yet.")
