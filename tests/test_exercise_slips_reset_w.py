"""Lesson 1, exercise 4 (nnlib/exercises/lesson01.py, `weight_history`): a student who resets w alone inside the
epoch loop, keeping b outside, is told about w (the code they wrote), not that w and b both restart."""
from functools import partial

import numpy as np
from support import replies

reply = partial(replies.reply, "weight_history")  # what the check prints for an answer


def test_resetting_w_alone_gets_a_reply_about_w():
    def weight_history(X, y, lr, epochs):
        b, rows = 0.0, []
        for _ in range(epochs):
            w = np.zeros(X.shape[1])
            for x_i, y_i in zip(X, y):
                update = lr * (y_i - (x_i @ w + b >= 0))
                w, b = w + update * x_i, b + update
            rows.append(w)
        return np.array(rows)
    text = reply(weight_history)
    assert text.startswith("weight_history: not yet."), text
    assert "w starts again from zero" in text and "w and b start" not in text, text
