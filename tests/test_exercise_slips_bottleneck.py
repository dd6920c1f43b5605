"""Lesson 8's exercise 5 (08_playground, nnlib/exercises/lesson08_bottleneck.py): a 2-8-1-8-3 network without a bend.

* the check's tools are right: collapse() gives the single layer that computes the network's scores, and
  directions() counts parallel boundaries once and crossing ones apart;
* the run behind the truth: the squeezed network's collapsed W has rank 1 and one boundary direction, the wide
  2-8-8-8-3 one rank 2 and three directions, and the squeeze costs validation accuracy on the triangle of blobs;
* each catalogued wrong prediction, written as a student would (a tuple, a list, an array), leads with its own
  hint; the right one passes in several forms; the stub is neutral.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib import MLP
from nnlib.exercises import lesson08_bottleneck as bottleneck
from nnlib.layers import softmax

HINTS = {s.name: s.hint for s in bottleneck.SLIPS["bottleneck_rank"]}


reply = partial(replies.reply, "bottleneck_rank")  # what the check prints for an answer


@pytest.mark.parametrize("sizes", [[2, 8, 1, 8, 3], [2, 8, 8, 8, 3], [2, 3]])
def test_collapse_computes_the_networks_output(sizes):
    net = MLP(sizes, activation="identity", seed=1)
    net.params = [(W, b + 0.1 * np.arange(1, b.size + 1)) for W, b in net.params]   # biases that matter
    X = np.random.default_rng(0).normal(size=(20, 2))
    W, b = bottleneck.collapse(net.params)
    assert W.shape == (2, sizes[-1]) and np.allclose(softmax(X @ W + b), net.predict_proba(X))


def test_directions_counts_parallel_boundaries_once():
    u = np.array([1.0, -2.0])
    assert bottleneck.directions(np.outer(u, [0.5, -1.0, 3.0])) == 1            # rank 1: all parallel
    assert bottleneck.directions(np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]])) == 3
    assert bottleneck.directions(np.array([[1.0, 1.0, 0.0], [2.0, 2.0, 1.0]])) == 1  # 0 and 1 tie: no line


def test_the_runs_behind_the_truth():
    rank, lines, squeezed = bottleneck._run(bottleneck.SQUEEZED)
    wide = bottleneck._run(bottleneck.WIDE)
    assert (rank, lines) == (1, 1) and wide[:2] == (2, 3)
    assert squeezed < wide[2]                                   # the squeeze costs points on the triangle of blobs


@pytest.mark.parametrize("prediction, slip", [
    ((2, 3), "wide"), ([2, 1], "shape"), ((3, 3), "classes"), (np.array([8, 3]), "width"), ((1, 3), "pairs"),
    ((1, 2), "lines"), ((0, 0), "zero")])
def test_a_wrong_prediction_names_its_slip(prediction, slip):
    assert reply(prediction).startswith(f"bottleneck_rank: not yet. {HINTS[slip]}")


@pytest.mark.parametrize("prediction", [(1, 1), [1, 1], np.array([1, 1]), (1.0, 1.0), (np.int64(1), 1)])
def test_the_right_prediction_passes_and_says_what_the_run_found(prediction):
    text = reply(prediction)
    assert text.startswith("bottleneck_rank: correct") and "rank 1, 1 direction" in text and "rank 2" in text


@pytest.mark.parametrize("prediction", [(4, 4), (1, 5), 1, "1, 1"])
def test_other_answers_fail_without_a_slip_hint(prediction):
    text = reply(prediction)
    assert text.startswith("bottleneck_rank: not yet.") and not any(h in text for h in HINTS.values())


def test_the_stub_is_neutral():
    assert reply(None).startswith("bottleneck_rank: not attempted yet")


@pytest.mark.parametrize("prediction, words", [
    ((3, 1), "The rank cannot be 3"), ((8, 1), "8 is the width"), ((2, 2), "a product's rank is at most"),
    ((0, 1), "A rank of 0"), ((4, 3), "Three directions"), ((1, 0), "No boundary at all"),
    ((5, 2), "Count directions, not lines")])
def test_a_slip_in_one_number_is_named_whatever_the_other(prediction, words):
    text = reply(prediction)
    assert text.startswith("bottleneck_rank: not yet.") and words in text, text


def test_two_slips_in_one_pair_get_both_hints():
    text = reply((3, 2))
    assert "The rank cannot be 3" in text and "Count directions, not lines" in text
