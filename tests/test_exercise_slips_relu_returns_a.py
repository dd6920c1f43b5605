"""Lesson 5 (05_layers_and_gates), exercise 1: a ReLU backward that returns the forward output is named.
The wrong answer is written as a student writes it; its reply names the slip without handing over the answer."""
from functools import partial

import numpy as np
from support import replies

reply = partial(replies.reply, "relu_gate")  # what the check prints for an answer


class ReturnsA:
    def forward(self, z):
        self.a = np.maximum(z, 0)
        return self.a

    def backward(self, dJda):
        return self.a


def test_a_backward_returning_the_output_is_named():
    text = reply(ReturnsA)
    assert text.startswith("relu_gate: not yet.") and "self.a" in text and "forward output" in text, text
    assert "(z > 0)" not in text and "dJda * " not in text, text


def test_the_right_gate_still_passes():
    class ReLU(ReturnsA):
        def backward(self, dJda):
            return dJda * (self.a > 0)
    assert reply(ReLU).startswith("relu_gate: correct")
