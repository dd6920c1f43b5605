"""Lessons 3 and 5: slips a review named. Lesson 3's tanh slope with a factor 2 too many is named as that slip;
lesson 5's ReLU gate masked with a >= 0 (True everywhere, since a = max(z, 0)) is named as that mask."""

import numpy as np
from support.replies import reply

from nnlib import check


def test_tanh_slope_twice_too_large_is_named():
    text = reply(lambda: check.tanh_derivative(lambda a: 2 * (1 - a ** 2)))
    assert "factor 2" in text and "correct" not in text.lower().split()


def test_relu_mask_greater_or_equal_is_named():
    class ReLU:
        def forward(self, z):
            self.a = np.maximum(z, 0)
            return self.a

        def backward(self, dJda):
            return dJda * (self.a >= 0)

    text = reply(lambda: check.relu_gate(ReLU))
    assert "a >= 0 is True everywhere" in text
