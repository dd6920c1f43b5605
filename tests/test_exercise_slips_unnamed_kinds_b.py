"""Kinds of mistakes a blind writer's first set found unnamed, lessons 10 and 11 (bn_output_spread, softplus_gate,
topo_order, finite_difference_passes), with neighbouring ones, and the engine's general replies those answers showed
missing (predict.py: a tuple grouped the other way round, too few numbers, several options; patterns.py: entries
sharing one factor or offset): each wrong answer gets a reply naming its own mistake, never the answer itself.
"""

import numpy as np
import pytest
from support.replies import reply

from nnlib.autograd import Value
from nnlib.exercises import lesson01, lesson07_adamw, lesson10_batchnorm, lesson11, lesson11_onesided
from nnlib.exercises.compare import differs


def refused(name, answer, *words):
    text = reply(name, answer)
    assert text.startswith(f"{name}: not yet."), text
    for word in words:
        assert word in text, (word, text)
    return text


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
