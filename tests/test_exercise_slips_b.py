"""The slips added to lessons 8-12's checks (nnlib/exercises/lessonNN_slips.py, MORE) and lesson 10's second
batch-norm exercise (bn_output_spread).

* each added slip, passed to its check, gets its own hint first, and the right answer is still accepted;
* the same mistakes written apart (other code, same behaviour) get the same hint, so the catalogue recognises a
  mistake and not one spelling of it;
* bn_output_spread: right answers of any numeric type pass, the tolerance holds, and the stub is neutral.
"""

import numpy as np
import pytest
from support.cells import cell_code
from support.replies import reply

import nnlib.autograd as autograd
from nnlib.exercises import (
    engine,
    lesson08,
    lesson08_slips,
    lesson09,
    lesson09_slips,
    lesson10,
    lesson10_batchnorm,
    lesson10_slips,
    lesson11,
    lesson11_order,
    lesson11_slips,
    lesson12,
    lesson12_slips,
)

ADDED = [(lesson, name, slip) for lesson, extra in ((lesson08, lesson08_slips), (lesson09, lesson09_slips),
                                                    (lesson10, lesson10_slips), (lesson11, lesson11_slips),
                                                    (lesson12, lesson12_slips))
         for name, slips in extra.MORE.items() for slip in slips]
ADDED += [(lesson10, name, slip) for name, slips in lesson10_batchnorm.SLIPS.items() for slip in slips
          if slip.name not in ("given", "mean term only", "variance term only", "sums", "rows", "times the std")]
ADDED += [(lesson11, "topo_order", slip) for slip in lesson11_order.SLIPS["topo_order"] if slip.name != "given"]


def hint_of(lesson, name, slip_name):
    return next(s.hint for s in lesson.SLIPS[name] if s.name == slip_name)


@pytest.mark.parametrize("lesson, name, slip", ADDED, ids=[f"{n}-{s.name}" for _, n, s in ADDED])
def test_an_added_slip_gets_its_own_hint(lesson, name, slip):
    assert slip in lesson.SLIPS[name], "the slip is in the check's catalogue"
    assert reply(name, slip.answer).startswith(f"{name}: not yet. {slip.hint}")


@pytest.mark.parametrize("name", sorted({n for _, n, _ in ADDED}))
def test_the_right_answer_is_still_accepted(name):
    lesson = next(m for m, n, _ in ADDED if n == name)
    assert reply(name, lesson.SOLUTIONS[name]).startswith(f"{name}: correct")


def test_every_check_of_lessons_8_to_12_catalogues_its_mistakes():
    few = {"playground_features": 3, "playground_regularise": 3, "curve_remedy": 3,   # 4 options: 3 wrong ones
           "letters_start": 5, "jagged_curve": 3,                                      # 6 (3) options: 5 (2+1) wrong
           "dropout_left_on": 3}                                                       # 4 options: 3 wrong ones
    for lesson in (lesson08, lesson09, lesson10, lesson11, lesson12):
        for name in lesson.__all__:
            assert len(lesson.SLIPS[name]) >= few.get(name, 6), f"{name}: {len(lesson.SLIPS[name])} slips"


# --- the same mistakes, written apart ---------------------------------------------------------------------------
def _dropout_half_fixed(a, rate, u):                 # only the in-place write fixed
    out = a.copy()
    mask = np.where(u < rate, 1 - rate, 0.0)
    out *= mask
    return out, mask


def _standardise_ddof(X_train, X_val):
    m = np.mean(X_train, axis=0)
    s = np.sqrt(np.sum((X_train - m) ** 2, axis=0) / (len(X_train) - 1))
    s[s == 0] = 1
    return (X_train - m) / s, (X_val - m) / s


def _standardise_pooled(X_train, X_val):
    X = np.vstack((X_train, X_val))
    s = X.std(0)
    s = np.where(s == 0, 1, s)
    return (X_train - X.mean(0)) / s, (X_val - X.mean(0)) / s


def _unbroadcast_once(g, shape):
    if len(g.shape) != len(shape):
        g = np.sum(g, axis=0)
    for i in range(len(shape)):
        if shape[i] == 1 and g.shape[i] > 1:
            g = np.sum(g, axis=i, keepdims=True)
    return g


def _confusion_or(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    for i in range(k):
        for j in range(k):
            C[i, j] = sum(1 for t, p in zip(y, y_hat) if t == i or p == j)
    return C


def _confusion_one_based(y, y_hat, k):
    C = np.zeros((k, k), dtype=int)
    for t, p in zip(y, y_hat):
        C[t - 1][p - 1] += 1
    return C


def _read_precedence(X_new, mean, std, W1, b1, W2, b2):
    X = X_new - mean / np.maximum(std, 1e-12) * (std > 0)
    h = np.tanh(np.dot(X, W1) + b1)
    return (h @ W2 + b2).argmax(axis=-1)


def _shift_dx_only(X, dy, dx):
    images = np.zeros((len(X), 8, 8))
    src = np.reshape(X, (-1, 8, 8))
    if dx > 0:
        images[:, :, dx:] = src[:, :, :-dx]
    elif dx < 0:
        images[:, :, :dx] = src[:, :, -dx:]
    else:
        images = src.copy()
    return images.reshape(len(X), 64)


def _order_no_seen(root):
    order, stack = [], [(root, iter(root.parents))]
    while stack:
        node, parents = stack[-1]
        parent = next(parents, None)
        if parent is None:
            order.append(stack.pop()[0])
        else:
            stack.append((parent[0], iter(parent[0].parents)))
    return order


APART = [(lesson09, "dropout_forward", "keep and scale", _dropout_half_fixed),
         (lesson10, "standardise", "ddof", _standardise_ddof),
         (lesson10, "standardise", "pooled", _standardise_pooled),
         (lesson11, "unbroadcast", "once", _unbroadcast_once),
         (lesson11, "topo_order", "no seen", _order_no_seen),
         (lesson12, "confusion_matrix", "or", _confusion_or),
         (lesson12, "confusion_matrix", "one based", _confusion_one_based),
         (lesson12, "read_digits", "precedence", _read_precedence),
         (lesson12, "shift_digits", "dx only", _shift_dx_only)]


@pytest.mark.parametrize("lesson, name, slip_name, answer", APART, ids=[f"{n}-{s}" for _, n, s, _ in APART])
def test_a_mistake_written_apart_gets_the_same_hint(lesson, name, slip_name, answer):
    assert reply(name, answer).startswith(f"{name}: not yet. {hint_of(lesson, name, slip_name)}")


PREDICTED = [(lesson08, "playground_neurons", "eight", 8.0),
             (lesson10, "funnel_backward", "no half", np.float32(0.7)), (lesson11, "residual_grad", "value", 1.262),
             (lesson11, "finite_difference_passes", "no baseline", np.array([82.0, 9.8])),
             (lesson10, "bn_output_spread", "no eps", [2, 2]),
             (lesson10, "bn_output_spread", "std halved", np.array([2.0, 1.0]))]


@pytest.mark.parametrize("lesson, name, slip_name, prediction", PREDICTED,
                         ids=[f"{n}-{s}" for _, n, s, _ in PREDICTED])
def test_a_prediction_near_a_slip_gets_its_hint(lesson, name, slip_name, prediction):
    assert reply(name, prediction).startswith(f"{name}: not yet. {hint_of(lesson, name, slip_name)}")


# --- lesson 10, exercise 6 (predict): the spread of batch norm's output ------------------------------------------
@pytest.mark.parametrize("prediction", [(2.0, 1.414), [2, 1.41], np.array([1.995, 1.42]), (2.0, np.sqrt(2))])
def test_bn_output_spread_right_in_any_form(prediction):
    assert reply("bn_output_spread", prediction).startswith("bn_output_spread: correct")


@pytest.mark.parametrize("prediction", [(2.0, 1.43), (2.02, 1.414), (1.414, 2.0), 1.414, "2, 1.414"])
def test_bn_output_spread_wrong_is_not_yet(prediction):
    assert reply("bn_output_spread", prediction).startswith("bn_output_spread: not yet.")


def test_bn_output_spread_stub_is_neutral_and_the_run_is_the_lesson_layer():
    assert reply("bn_output_spread", None) == f"bn_output_spread: {engine.NOT_ATTEMPTED}"
    assert lesson10_batchnorm._output_spread() == (2.0, 1.414)
    z, gamma, beta = lesson10_batchnorm._spread_batch()
    assert np.allclose(z.var(axis=0), [4.0, lesson10_batchnorm.SPREAD_EPS])


# --- lesson 11, exercise 5 (diagnose): the topological order ---------------------------------------------------
def _notebook_stub():
    """The topological_order that notebook 11's exercise 5 hands out, executed from the notebook."""
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "notebooks" / "11_autograd.ipynb"
    cell = next(c for c in json.loads(path.read_text())["cells"] if c["metadata"].get("exercise") == "topo_order")
    namespace = {}
    exec(cell_code("".join(cell["source"])), namespace)
    return namespace["topological_order"]


def test_topo_order_stub_is_neutral_and_shows_the_prompts_symptoms():
    stub = _notebook_stub()
    assert reply("topo_order", stub) == f"topo_order: {engine.NOT_ATTEMPTED}"
    assert list(lesson11_order._leaf_grads(stub, "circuit")) == [0.0, 0.0, 3.0]       # df/du = df/dv = 0, df/ds = 3
    assert not lesson11_order._leaf_grads(stub, "deep").any()                         # every leaf's gradient is 0
    x, y = autograd.Value(2.0), autograd.Value(-3.0)
    f = x * y
    for node in stub(f):
        node.grad = np.zeros_like(node.data)
    f.grad = np.ones_like(f.data)
    for node in reversed(stub(f)):
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)
    assert (float(x.grad), float(y.grad)) == (-3.0, 2.0)                              # a single gate is right


def test_topo_order_refuses_the_library_order():
    assert "nnlib.autograd's own topological_order" in reply("topo_order", autograd.topological_order)

    def borrowed(root):
        return autograd.topological_order(root)
    assert "not allow" in reply("topo_order", borrowed)


@pytest.mark.parametrize("offset, right", [(0.009, True), (-0.009, True), (0.011, False), (-0.011, False)])
def test_bn_output_spread_tolerance_boundary(offset, right):
    for prediction in ((2.0 + offset, 1.414), (2.0, 1.414 + offset)):
        assert reply("bn_output_spread", prediction).startswith("bn_output_spread: correct") is right, prediction
