"""Lesson 4, exercise 3 (nnlib/exercises/lesson04.py, `input_gradient`): a student who returns the weight gradient
X^T delta1, or its transpose, is told that the result has W1's shape and sums over the samples, not that a loop
stopped early; the reply does not spell out the answer."""
from functools import partial

from support import replies

from nnlib.layers import sigmoid

reply = partial(replies.reply, "input_gradient")  # what the check prints for an answer


def _delta1(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    y_hat = sigmoid(a1 @ W2 + b2)
    delta2 = (y_hat - y) / X.shape[0] * y_hat * (1 - y_hat)
    return delta2 @ W2.T * a1 * (1 - a1)


def test_the_weight_gradient_is_named_not_blamed_on_a_loop():
    text = reply(lambda X, *rest: X.T @ _delta1(X, *rest))
    assert text.startswith("input_gradient: not yet.") and "shape of W1" in text and "weight gradient" in text, text
    assert "loop" not in text and "W1^T" not in text and "W1.T" not in text


def test_the_transposed_weight_gradient_is_named_too():
    text = reply(lambda X, *rest: (X.T @ _delta1(X, *rest)).T)
    assert text.startswith("input_gradient: not yet.") and "shape of W1 turned over" in text, text
    assert "loop" not in text


def test_the_right_answer_still_passes():
    assert reply(lambda X, y, W1, *rest: _delta1(X, y, W1, *rest) @ W1.T) == "input_gradient: correct"
