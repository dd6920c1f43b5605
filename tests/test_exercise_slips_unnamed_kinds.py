"""Kinds of mistakes a blind writer's first set found unnamed, for ten checks, and the engine's general replies
(predict.py, compare.py) those answers showed missing: each wrong answer here, written as a student writes it, gets
a reply naming its own mistake (and never the answer itself), and the right answer is still accepted.

Checks: first_epoch_nand (lesson 1), tanh_derivative (3), central_difference (4), adamw_unused (7),
tanh_output_delta (8), early_stop (9), bn_output_spread (10), softplus_gate, topo_order and
finite_difference_passes (11).
"""
import contextlib
import io
import re

import numpy as np
import pytest

from nnlib import check
from nnlib.autograd import Value
from nnlib.exercises import lesson01, lesson07_adamw, lesson09, lesson10_batchnorm, lesson11, lesson11_onesided
from nnlib.exercises.compare import differs


def reply(name, *answers):
    """What check.<name> prints for this answer (a check returns None)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert getattr(check, name)(*answers) is None
    return out.getvalue().strip()


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


# --- lesson 10: the spread of batch norm's output ---------------------------------------------------------------
@pytest.mark.parametrize("prediction, words", [
    ((2, 1), ["ratio of variances", "square root"]),
    ((1, 0.5), ["ratio of variances", "multiplies the spread by gamma"]),
    ((2, 1.994), ["added eps to the std", "under the root"]),
    ((2, 0.00316), ["spread at the input"]),
    ((2, 0.00632), ["gamma times its spread at the input"]),
    ((1.414, 1), ["scaled the variance by gamma"]),
    ((2, 2), ["as small as eps"]),
])
def test_bn_output_spread_names_each_kind(prediction, words):
    refused("bn_output_spread", prediction, *words)
    assert reply("bn_output_spread", (2, 1.414)).startswith("bn_output_spread: correct")


def test_bn_output_spread_hints_never_write_out_the_answer():
    for slip in lesson10_batchnorm.SLIPS["bn_output_spread"]:
        assert "1.41" not in slip.hint and "0.707" not in slip.hint and "halves" not in slip.hint, slip.hint


# --- lesson 11: the softplus gate ---------------------------------------------------------------------------------
def _gate(local):
    return lambda x: Value(np.logaddexp(0, x.data), [(x, local(x))], "softplus")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


@pytest.mark.parametrize("local, words", [
    (lambda x: (lambda g: g), ["passes g through unchanged"]),
    (lambda x: (lambda g: g / (1 + np.exp(x.data))), ["sign of the exponent", "du/dz"]),
    (lambda x: (lambda g: g * _sigmoid(np.logaddexp(0, x.data))), ["at the gate's output"]),
    (lambda x: (lambda g: g / np.logaddexp(0, x.data)), ["divided g by softplus itself"]),
    (lambda x: (lambda g: g * np.exp(x.data)), ["inner derivative alone"]),
    (lambda x: (lambda g: g * np.exp(-x.data)), ["You used e^-z"]),
    (lambda x: (lambda g: g * np.exp(x.data) / (1 + np.exp(x.data))), ["inf / inf = nan at z = 800"]),
])
def test_softplus_gate_names_each_kind(local, words):
    refused("softplus_gate", _gate(local), *words)
    assert reply("softplus_gate", _gate(lambda x: (lambda g: g * _sigmoid(x.data)))).startswith(
        "softplus_gate: correct")


def test_softplus_hints_never_write_out_the_derivative():
    for slip in lesson11.SLIPS["softplus_gate"]:
        if slip.name != "overflow":
            assert "= sigmoid(z)" not in slip.hint and "1 / (1 + e^-z)" not in slip.hint, slip.hint
            assert "the sigmoid itself" not in slip.hint, slip.hint


# --- lesson 11: the topological order -------------------------------------------------------------------------------
def _fixed_then_reversed(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)
    visit(root)
    return order[::-1]


def _one_parent(which):
    def topological_order(root):
        order, seen = [], set()

        def visit(node):
            if id(node) in seen:
                return
            seen.add(id(node))
            parents = [parent for parent, _ in node.parents]
            for parent in (parents[:1] if which == "first" else parents[-1:]):
                visit(parent)
            order.append(node)
        visit(root)
        return order
    return topological_order


def _parents_appended(root):
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
            order.append(parent)
    visit(root)
    return order


def _shallow(root):
    order = []

    def visit(node):
        order.append(node)
        if node is root:
            for parent, _ in node.parents:
                visit(parent)
    visit(root)
    return order[::-1]


@pytest.mark.parametrize("fn, words", [
    (_fixed_then_reversed, ["then reversed", "already walks `order` from its end"]),
    (_one_parent("first"), ["only each node's first parent"]),
    (_one_parent("last"), ["only each node's last parent"]),
    (_shallow, ["only the root and its own parents"]),
    (_parents_appended, ["The root is missing", "or only its parents"]),
])
def test_topo_order_names_each_kind(fn, words):
    refused("topo_order", fn, *words)


# --- lesson 11: the one-sided difference's cost and error ---------------------------------------------------------
@pytest.mark.parametrize("prediction, words", [
    ((49, 10), ["first layer's parameters only"]),
    ((48, 10), ["first layer's parameters only", "unchanged weights is missing"]),
    ((35, 10), ["second layer's parameters only"]),
    ((34, 10), ["second layer's parameters only", "unchanged weights is missing"]),
    ((1, 10), ["count for one parameter"]),
    ((2, 10), ["count for one parameter"]),
    ((21, 10), ["units (neurons)"]),
    ((64, 10), ["left out the biases", "one pass at the unchanged weights"]),
    ((83, 0.1), ["new error over the old one"]),
    ((83, 0.01), ["new error over the old one", "central difference's"]),
    ((164, 10), ["run again for every parameter", "central differences"]),
])
def test_finite_difference_passes_names_each_kind(prediction, words):
    text = refused("finite_difference_passes", prediction, *words)
    assert "83" not in text.split("You predicted")[0]
    assert reply("finite_difference_passes", (83, 10)).startswith("finite_difference_passes: correct")


def test_slip_names_stay_unique():
    for module, name in [(lesson01, "first_epoch_nand"), (lesson07_adamw, "adamw_unused"),
                         (lesson10_batchnorm, "bn_output_spread"), (lesson11_onesided, "finite_difference_passes")]:
        names = [s.name for s in module.SLIPS[name]]
        assert len(set(names)) == len(names), names


# --- the engine: replies for several numbers and for arrays -----------------------------------------------------
def test_a_tuple_grouped_by_quantity_is_named_as_grouped_the_other_way():
    text = refused("early_stop", (2, 7, 5, 11), "grouped the other way round", "order")
    assert "2, 5, 7, 11" not in text


@pytest.mark.parametrize("name, prediction, words", [
    ("early_stop", (2, 5), ["four numbers", "two where the prompt asks for all four"]),
    ("bn_output_spread", 2.0, ["two numbers (a pair)", "one where the prompt asks for both"]),
    ("finite_difference_passes", (83,), ["two numbers (a pair)", "one where the prompt asks for both"]),
    ("early_stop", (2, 5, 7, 11, 12), ["five, more than the prompt asks for"]),
])
def test_too_few_or_too_many_numbers_are_counted(name, prediction, words):
    refused(name, prediction, *words)


def test_several_options_given_to_a_choice_are_told_to_choose_one():
    refused("jagged_curve", ["dropout 0.2", "l2 too strong"], "several answers given", "single option")


def test_several_numbers_given_to_a_numeric_choice_are_told_to_choose_one():
    refused("playground_regularise", [0.001, 0.01], "Choose one of", "several answers given")


def test_a_single_option_outside_the_list_gets_no_several_words():
    assert "several answers" not in refused("jagged_curve", "momentum")


def test_entries_that_differ_by_one_shared_factor_or_offset_are_named():
    want = np.array([1.0, 2.0, 3.0, 4.0])
    assert "each of them is 2 times the expected one" in differs("x", np.array([1.0, 4.0, 6.0, 4.0]), want)
    assert "each of them is off by the same 0.5" in differs("x", np.array([1.0, 2.5, 3.5, 4.0]), want)
    plain = differs("x", np.array([1.0, 2.5, 3.7, 4.0]), want)
    assert plain.endswith("(2 of 4 entries differ, by up to 0.7)"), plain
