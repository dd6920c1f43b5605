"""What each diagnose prompt says the student will observe holds for the stub the notebook hands out.

A diagnose prompt states the symptom, never the cause, so the symptom is a claim of the lesson: each test
here takes the stub from its notebook (the exercise cell tagged with the check's name), runs it as the
prompt describes and asserts what the prompt says comes out. A stub changed without its prompt fails here.
"""
import json
import re
from pathlib import Path

import numpy as np
import pytest

import nnlib.autograd as autograd
from nnlib import MLP, data
from nnlib.gradcheck import gradcheck, numerical_gradient
from nnlib.layers import sigmoid

ROOT = Path(__file__).resolve().parents[1]


def stub(lesson, name):
    """The exercise cell of `name` in notebooks/<lesson>*.ipynb, executed: its namespace."""
    path = next((ROOT / "notebooks").glob(f"{lesson}_*.ipynb"))
    cells = [c for c in json.loads(path.read_text())["cells"] if c["metadata"].get("exercise") == name]
    assert len(cells) == 1, f"{path.name}: {len(cells)} exercise cells for {name}"
    namespace = {"np": np, "sigmoid": sigmoid, "step": lambda z: (np.asarray(z) >= 0).astype(int)}
    exec(compile("".join(cells[0]["source"]), f"{path.stem} {name}", "exec"), namespace)
    return namespace


def test_lesson01_history_rows_are_equal():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    history = stub("01", "weight_history")["weight_history"](X, np.array([0, 0, 0, 1]), 1.0, 6)
    assert history.shape == (6, 2) and all(np.array_equal(row, history[0]) for row in history)


def test_lesson02_loss_falls_then_climbs_and_w_moves_by_equal_steps():
    from nnlib import logistic
    from nnlib.data import blobs
    X, y = blobs(n=200, noise=1.5, seed=0)                # section 3's blobs, lr = 1
    fit_logistic = stub("02", "fit_logistic")["fit_logistic"]
    losses = [logistic.loss(X, y, *fit_logistic(X, y, 1.0, epochs)) for epochs in range(0, 101)]
    assert losses[0] > losses[1] > losses[2] and losses[2] < losses[3]       # falls for two epochs, then ...
    assert all(a < b for a, b in zip(losses[2:], losses[3:]))              # ... climbs without end
    with np.errstate(divide="ignore", invalid="ignore"):                   # section 3's cross_entropy: log 0
        y_hats = [sigmoid(X @ w + b) for w, b in (fit_logistic(X, y, 1.0, epochs) for epochs in range(13))]
        costs = [-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) for p in y_hats]
    assert np.isfinite(costs[:4]).all() and np.isnan(costs[4:]).any() and np.isnan(costs[-1])  # ... then nan
    steps = np.diff([fit_logistic(X, y, 1.0, epochs)[0] for epochs in range(6)], axis=0)
    assert np.allclose(steps, steps[0], rtol=0, atol=1e-12) and np.linalg.norm(steps[0]) > 0.1


def _xor_final_costs(gradients):
    """Lesson 3, section 8's ten starts (5 hidden units), trained at lr = 1 for 5000 epochs with `gradients`."""
    X, y = data.logic_gate("xor")[0], np.array([[0.0], [1.0], [1.0], [0.0]])
    costs = []
    for seed in range(10):
        rng = np.random.default_rng(seed)
        W, W2 = rng.standard_normal((3, 5)), rng.standard_normal((5, 1))
        W1, b1, b2 = W[:2], W[2], np.zeros(1)
        for _ in range(5000):
            dW1, db1, dW2, db2 = gradients(X, y, W1, b1, W2, b2)
            W1, b1, W2, b2 = W1 - dW1, b1 - db1, W2 - dW2, b2 - db2
        costs.append(float(np.sum((sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2) - y) ** 2) / 8))
    return np.array(costs)


def test_lesson03_backward_pass_stays_on_the_plateau():
    from nnlib.exercises.lesson03 import _gradients
    namespace = stub("03", "xor_gradients")
    gradients = namespace["gradients"]
    rng = np.random.default_rng(3)                      # the right shapes, and no error, on a non-square W1
    X, y = rng.normal(size=(4, 2)), rng.integers(0, 2, size=(4, 1)).astype(float)
    W1, b1, W2, b2 = rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(3, 1)), rng.normal(size=1)
    assert [g.shape for g in gradients(X, y, W1, b1, W2, b2)] == [(2, 3), (3,), (3, 1), (1,)]
    stuck, learned = _xor_final_costs(gradients), _xor_final_costs(_gradients)
    assert np.all(np.abs(stuck - 0.125) < 0.02), stuck          # on the plateau at the end, every start
    assert np.all(learned < 0.01), learned                      # where the right lines learn XOR from each


def test_lesson04_right_only_for_the_first_entry():
    x = np.array([1.0, 2.0, 3.0, -1.0])
    grad = stub("04", "central_difference")["central_difference"](lambda v: float(np.sum(v ** 2)), x)
    assert np.isclose(grad[0], 2 * x[0]) and not np.isclose(grad[1:], 2 * x[1:]).any()


def test_lesson05_weights_never_move_and_b1_fails_its_gradient_check():
    fn = stub("05", "l_layer_grads")["l_layer_loss_and_grads"]
    rng = np.random.default_rng(0)
    params = {"W1": rng.normal(size=(2, 3)), "b1": np.zeros(3), "W2": rng.normal(size=(3, 1)), "b2": np.zeros(1)}
    X, Y = rng.normal(size=(5, 2)), np.array([[0.0], [1.0], [1.0], [0.0], [1.0]])
    J, grads = fn(params, X, Y)
    y_hat = sigmoid(np.tanh(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"])
    assert not np.isclose(J, -np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat)))
    assert gradcheck(lambda: fn(params, X, Y)[0], params["b1"], grads["b1"]) > 1e-3     # the prompt's check fails
    start = {key: value.copy() for key, value in params.items()}
    for _ in range(20):                                  # the prompt's loop runs without an error ...
        _, grads = fn(params, X, Y)
        for key in params:
            params[key] -= 0.1 * grads.get(key, 0)
    assert all(np.array_equal(params[key], start[key]) for key in ("W1", "W2"))   # ... and no weight moves
    assert not np.array_equal(params["b1"], start["b1"])


def test_lesson07_adam_steps():
    adam_step = stub("07", "adam_step")["adam_step"]
    p1, m, v = adam_step(np.zeros(3), np.array([4.0, 1.0, 0.01]), np.zeros(3), np.zeros(3), 1, 1.0)
    assert np.allclose(-p1, [2.0, 1.0, 0.1], rtol=1e-6)
    g = np.ones(1)
    p1, m, v = adam_step(np.zeros(1), g, np.zeros(1), np.zeros(1), 1, 1.0)
    p2, _, _ = adam_step(p1, g, m, v, 2, 1.0)
    assert np.allclose(p1 - p2, 1.9, rtol=1e-6)


def test_lesson09_dropout_symptoms():
    rng = np.random.default_rng(0)
    a = rng.uniform(0.5, 1.5, size=(1000, 100))
    before = a.copy()
    out, _ = stub("09", "dropout_forward")["dropout_forward"](a, 0.2, rng.uniform(size=a.shape))
    assert abs(np.mean(out == 0) - 0.8) < 0.01                    # about 80% zeros
    assert abs(out.mean() / before.mean() - 0.16) < 0.01          # about 0.16 times the mean
    assert not np.array_equal(a, before)                          # the caller's a changed


def test_lesson10_standardise_symptoms():
    standardise = stub("10", "standardise")["standardise"]
    rng = np.random.default_rng(0)
    X_train, X_val = rng.normal(3, 2, size=(50, 4)), rng.normal(3, 2, size=(20, 4))
    S_train, S_val = standardise(X_train, X_val)
    assert np.allclose(S_train.mean(axis=0), 0) and np.allclose(S_train.std(axis=0), 1)
    assert np.allclose(S_val.std(axis=0), X_val.std(axis=0) / X_train.std(axis=0))   # the spread is right
    assert np.allclose(standardise(X_train + 5, X_val)[1], S_val)                   # a shifted X_train: no change
    X, y = data.moons(200, noise=0.2, seed=0)
    X_train, X_val = data.train_test_split(100 * X, y, test_size=0.25, seed=0)[:2]  # section 4's split
    assert np.all(np.abs(standardise(X_train, X_val)[1].mean(axis=0) - 0.5) < 0.1)  # about half a std above 0


def test_lesson10_he_init_symptoms():
    sizes = [2, 32, 32, 32, 3]
    got, want = stub("10", "he_init")["he_init"](sizes, 0), MLP(sizes, init="he", seed=0).params
    same = [np.array_equal(W, W_ref) for (W, _), (W_ref, _) in zip(got, want)]
    assert same == [False, True, True, False]


def test_lesson11_unbroadcast_symptoms(monkeypatch):
    monkeypatch.setattr(autograd, "unbroadcast", stub("11", "unbroadcast")["unbroadcast"])
    rng = np.random.default_rng(0)
    for n, b_right in [(1, True), (8, False)]:
        a, W0, b0 = rng.normal(size=(n, 2)), rng.normal(size=(2, 3)), rng.normal(size=3)
        W, b = autograd.Value(W0), autograd.Value(b0)
        (a @ W + b).tanh().sum().backward()

        def J(a=a, W0=W0, b0=b0):
            return float(np.tanh(a @ W0 + b0).sum())
        assert np.allclose(W.grad, numerical_gradient(J, W0))
        assert np.allclose(b.grad, numerical_gradient(J, b0)) == b_right
    W, b = autograd.Value(W0), autograd.Value(b0[None, :])
    message = "gate '+' returned a gradient of shape (8, 3) for an input of shape (1, 3)"
    with pytest.raises(ValueError, match=re.escape(message)):
        (a @ W + b).tanh().sum().backward()


def test_lesson12_reader_symptoms():
    read_digits = stub("12", "read_digits")["read_digits"]
    rng = np.random.default_rng(0)
    X_new = rng.integers(0, 17, size=(5, 64)).astype(float)
    mean, std = rng.uniform(2, 8, size=64), rng.uniform(2, 6, size=64)
    X_new[:, 0], mean[0], std[0] = 0.0, 0.0, 0.0                 # a pixel blank in every training image
    W1, b1, W2, b2 = rng.normal(size=(64, 32)) * 0.2, np.zeros(32), rng.normal(size=(32, 10)), np.zeros(10)
    with pytest.warns(RuntimeWarning, match="invalid value encountered in divide"):
        labels = read_digits(X_new, mean, std, W1, b1, W2, b2)
    assert labels.shape == (10,) and not labels.any()             # 10 labels for 5 scans, all 0


def test_lesson12_shift_symptoms():
    shift_digits = stub("12", "shift_digits")["shift_digits"]
    image = np.zeros((8, 8))
    image[2:6, 5:8] = 9.0                                         # ink touching the right-hand edge, none on the left
    moved = shift_digits(image.reshape(1, 64), 0, 1).reshape(8, 8)
    assert np.array_equal(moved[:, 1:7], image[:, 0:6])          # it does look moved to the right
    assert image[:, 0].sum() == 0 and moved[:, 0].sum() > 0       # and ink appears in the left-hand column
