"""Kinds of mistakes a blind writer's first set found unnamed, lessons 1 to 9 (first_epoch_nand, tanh_derivative,
central_difference, adamw_unused, tanh_output_delta, early_stop), with neighbouring ones a reader of the lesson
could make: each wrong answer here, written as a student writes it, gets a reply naming its own mistake (and never
the answer itself), and the right answer is still accepted. Lessons 10 and 11 and the engine's general replies are
in test_exercise_slips_unnamed_kinds_b.py.
"""
import re

import numpy as np
import pytest
from support.replies import reply

from nnlib.exercises import lesson07_adamw, lesson09


def refused(name, answer, *words):
    text = reply(name, answer)
    assert text.startswith(f"{name}: not yet."), text
    for word in words:
        assert word in text, (word, text)
    return text


# --- lesson 1: the first epoch of the perceptron on NAND ----------------------------------------------------
@pytest.mark.parametrize("prediction, words", [
    ((0, 0, 1), ["first sample alone", "step(0) = 0"]),
    ((-1, -1, -2), ["bias moved further"]),
    ((-1, -1, 1), ["bias moved up"]),
    ((0, 0, -1), ["Only your bias moved"]),
    ((-1, 0, -1), ["Only w1 moved", "both weights move"]),
    ((0, -1, -1), ["Only w2 moved", "both weights move"]),
    ((-2, -1, 2), ["settles on after several epochs"]),
    ((-1, -1, 0), ["step(0) = 0", "the bias b"]),
])
def test_first_epoch_nand_names_each_kind(prediction, words):
    refused("first_epoch_nand", prediction, *words)
    assert reply("first_epoch_nand", (-1, -1, -1)).startswith("first_epoch_nand: correct")


# --- lesson 3: tanh's derivative written with a ---------------------------------------------------------------
@pytest.mark.parametrize("fn, words", [
    (lambda a: 1 - a, ["squares got lost"]),
    (lambda a: -2 * a, ["with respect to a", "one derivative too many"]),
    (lambda a: 1 - (1 - a) ** 2, ["squares the wrong thing"]),
    (lambda a: a * a - 1, ["negative everywhere", "wrong way round"]),
    (lambda a: 0.5 * (1 - a * a), ["chain rule brings", "2 sigmoid(2z) - 1"]),
    (lambda a: 1 / (1 - a * a), ["dz/da", "arctanh"]),
])
def test_tanh_derivative_names_each_kind(fn, words):
    refused("tanh_derivative", fn, *words)
    assert reply("tanh_derivative", lambda a: 1 - a * a).startswith("tanh_derivative: correct")


# --- lesson 4: central differences ------------------------------------------------------------------------------
def _central(size, divide):
    def central_difference(f, x, h=1e-5):
        grad, step = np.zeros_like(x), np.zeros_like(x)
        for i in np.ndindex(x.shape):
            step[i] = size(h)
            grad[i] = divide(f(x + step) - f(x - step), h)
            step[i] = 0.0
        return grad
    return central_difference


@pytest.mark.parametrize("size, divide, words", [
    (lambda h: 1.0, lambda d, h: d / (2 * h), ["enormous", "must be the same number"]),
    (lambda h: 1.0, lambda d, h: d / 2, ["far too coarse"]),
    (lambda h: h, lambda d, h: d, ["tiny", "divide by the distance"]),
    (lambda h: h, lambda d, h: d / 2 * h, ["multiplied by h rather than divided", "left to right"]),
])
def test_central_difference_names_each_kind(size, divide, words):
    refused("central_difference", _central(size, divide), *words)
    right = _central(lambda h: h, lambda d, h: d / (2 * h))
    assert reply("central_difference", right).startswith("central_difference: correct")


def test_central_difference_names_a_one_sided_difference_over_2h_and_a_flat_gradient():
    def one_sided_over_2h(f, x, h=1e-5):
        grad, step = np.zeros_like(x), np.zeros_like(x)
        for i in np.ndindex(x.shape):
            step[i] = h
            grad[i] = (f(x + step) - f(x)) / (2 * h)
            step[i] = 0.0
        return grad

    def flat(f, x, h=1e-5):
        grad, step = [], np.zeros_like(x)
        for i in np.ndindex(x.shape):
            step[i] = h
            grad.append((f(x + step) - f(x - step)) / (2 * h))
            step[i] = 0.0
        return np.array(grad)
    refused("central_difference", one_sided_over_2h, "one-sided", "divided by 2h")
    refused("central_difference", flat, "the gradient is flat", "shape of x")


# --- lesson 7: AdamW against Adam with L2 on an unused weight --------------------------------------------------
@pytest.mark.parametrize("prediction, words", [
    ((0.9 ** 10, 0.9), ["scaled by the learning rate"]),
    ((0.0, 0.9), ["scaled by the learning rate"]),
    ((0.904, 0.9), ["shrinks too fast", "check that product"]),
    ((0.89, 0.9), ["m and v stay 0", "only the decay acts"]),
    ((0.891, 0.9), ["m and v stay 0"]),
    ((0.01, 0.1), ["how far w moved"]),
    ((0.99, 0.1), ["how far w moved"]),
    ((0.01, 0.9), ["how far w moved"]),
    ((0.99, 0.463), ["without the bias correction"]),
    ((0.463, 0.9), ["without the bias correction", "in AdamW's place"]),
    ((0.99, 0.904), ["no share of w"]),
    ((0.999, 0.9), ["each of the 10 steps"]),
])
def test_adamw_unused_names_each_kind(prediction, words):
    refused("adamw_unused", prediction, *words)


def test_adamw_hints_never_write_out_the_answer():
    for slip in lesson07_adamw.SLIPS["adamw_unused"]:
        assert "^10" not in slip.hint and not re.search(r"(?<![\d.])0\.99?(?!\d)", slip.hint), slip.hint


# --- lesson 8: the output delta of a tanh output ---------------------------------------------------------------
@pytest.mark.parametrize("fn, words", [
    (lambda y_hat, y: (y_hat - y) * (1 - y_hat) ** 2 / len(y), ["squares the wrong thing"]),
    (lambda y_hat, y: (y_hat - y) * (1 + y_hat ** 2) / len(y), ["levels off", "check the sign"]),
    (lambda y_hat, y: (y_hat - y) * (1 - y ** 2) / len(y), ["slope at the target"]),
    (lambda y_hat, y: (y_hat - y) * (1 - y_hat ** 2) ** 2 / len(y), ["slope twice"]),
    (lambda y_hat, y: (1 - y_hat ** 2) / len(y), ["leaves out the error"]),
    (lambda y_hat, y: y_hat * (1 - y_hat ** 2) / len(y), ["leaves out the target"]),
    (lambda y_hat, y: (y_hat - y) * (1 - y_hat ** 2) / (2 * len(y)), ["1/2 of J is still there"]),
    (lambda y_hat, y: (y_hat - y) * (1 - np.tanh(y_hat) ** 2) / len(y), ["applied tanh twice"]),
    (lambda y_hat, y: (y_hat - y) * (1 - y_hat) / len(y), ["not tanh's", "odd"]),
    (lambda y_hat, y: (y_hat - y) * (1 - np.arctanh(y_hat) ** 2) / len(y), ["You squared z"]),
    (lambda y_hat, y: (y_hat - y) / (1 - y_hat ** 2) / len(y), ["divided by tanh's slope"]),
    (lambda y_hat, y: (y_hat - y) / len(y), ["delta of a linear output"]),
    (lambda y_hat, y: (y_hat - y) * (1 - y_hat ** 2), ["n times too large"]),
    (lambda y_hat, y: (y - y_hat) * (1 - y_hat ** 2) / len(y), ["sign is flipped"]),
    (lambda y_hat, y: 2 * (y_hat - y) * (1 - y_hat ** 2) / len(y), ["Twice too large"]),
])
def test_tanh_output_delta_names_each_kind(fn, words):
    text = refused("tanh_output_delta", fn, *words)
    assert "the slope is 1 - y_hat^2" not in text
    right = lambda y_hat, y: (y_hat - y) * (1 - y_hat ** 2) / len(y)  # noqa: E731
    assert reply("tanh_output_delta", right).startswith("tanh_output_delta: correct")


# --- lesson 9: early stopping on paper ------------------------------------------------------------------------
@pytest.mark.parametrize("prediction, words", [
    ((2, 5, 2, 7), ["whose loss is a new best", "restarts the count"]),
    ((7, 5, 7, 11), ["was ever run", "actually run"]),
    ((7, 11, 7, 11), ["whole list at patience 3"]),
    ((2, 6, 7, 12), ["count the epochs run", "index"]),
    ((2, 5, 7, 12), ["runs out", "no epoch past it"]),
    ((2, 5, 2, 11), ["runs on past a loss lower", "replaces the kept epoch"]),
    ((5, 2, 11, 7), ["(best_epoch, last_epoch)"]),
    ((2, 4, 7, 11), ["stops is run"]),
    ((3, 6, 8, 12), ["counted from 0", "counted from 1"]),
])
def test_early_stop_names_each_kind(prediction, words):
    refused("early_stop", prediction, *words)
    assert reply("early_stop", (2, 5, 7, 11)).startswith("early_stop: correct")


def test_early_stop_new_slips_are_what_their_rules_give():
    answers = {s.name: s.answer for s in lesson09.SLIPS["early_stop"]}
    assert answers["seen best"] == (7, 5, 7, 11) and answers["never stops"] == (7, 11, 7, 11)
    assert answers["count"] == (2, 6, 7, 12) and answers["before best"] == (2, 5, 2, 7)
