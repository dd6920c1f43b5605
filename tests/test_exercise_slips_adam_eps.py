"""Lesson 7's exercise 3 (07_training, nnlib/exercises/lesson07.py): eps's place in the Adam step.

With gradients of 0.05 or more, sqrt(v_hat + eps) and sqrt(v_hat) + eps agree to many digits; the check's
tiny-gradient case tells them apart, so eps under the root is named as a slip, not accepted.
"""
from functools import partial

import numpy as np
from support import replies

reply = partial(replies.reply, "adam_step")  # what the check prints for an answer


def adam_eps_inside(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g * g
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    return p - lr * m_hat / np.sqrt(v_hat + eps), m_new, v_new


def adam_right(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g * g
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


def test_eps_under_the_root_is_named_not_accepted():
    text = reply(adam_eps_inside)
    assert "correct" not in text.split(".")[0], text
    assert "inside the square root" in text, text
    assert "sqrt(v_hat) + eps" in text, text


def test_the_right_step_still_passes():
    assert reply(adam_right).startswith("adam_step: correct")


def test_the_two_differ_for_a_tiny_gradient():
    g, zero = np.full((1, 1), 1e-5), np.zeros((1, 1))
    right = adam_right(zero, g, zero, zero, 1, 0.01)[0]
    inside = adam_eps_inside(zero, g, zero, zero, 1, 0.01)[0]
    assert abs(right[0, 0]) > 5 * abs(inside[0, 0])
