"""Unit tests for what MLP gained in this round (lessons 6-10): weight initialisations, L1, dropout,
train_epoch, early stopping, the one divergence rule, activations/targets. Gradients are checked
against central differences of an independent forward pass (tests/test_mlp.py's reference)."""
import math

import numpy as np
import pytest
from support.reference import ref_forward

from nnlib import MLP, divergence, dropout, init, optim, regularise
from nnlib import data as datasets
from nnlib.gradcheck import numerical_gradient, rel_error

MOONS = datasets.moons(200, noise=0.2, seed=0)


# --- initialisation (lesson 10) ---------------------------------------------------------------------
SCALES = {"lecun": lambda a, b: 1 / np.sqrt(a), "normal": lambda a, b: 1.0, "small": lambda a, b: 0.01,
          "glorot": lambda a, b: np.sqrt(2 / (a + b)), "he": lambda a, b: np.sqrt(2 / a)}


def test_inits_table():
    assert set(init.INITS) == set(SCALES)


@pytest.mark.parametrize("name", sorted(SCALES))
def test_init_draws_are_scaled_randn(name):
    net = MLP([3, 5, 4, 2], seed=7, init=name)
    rs = np.random.RandomState(7)  # layer by layer, randn(n_in, n_out) times the rule's scale
    for (W, b), (a, c) in zip(net.params, [(3, 5), (5, 4), (4, 2)]):
        np.testing.assert_allclose(W, rs.randn(a, c) * SCALES[name](a, c), rtol=1e-14)
        np.testing.assert_array_equal(b, np.zeros(c))


def test_lecun_default_same_draws_as_before():
    rs = np.random.RandomState(0)
    net = MLP([2, 3, 2], seed=0)
    assert net.init == "lecun" and repr(net) == "MLP([2, 3, 2], activation='tanh', output='softmax', seed=0)"
    np.testing.assert_array_equal(net.params[0][0], rs.randn(2, 3) / np.sqrt(2))  # bit for bit
    np.testing.assert_array_equal(net.params[1][0], rs.randn(3, 2) / np.sqrt(3))
    assert "init='he'" in repr(MLP([2, 3, 2], seed=0, init="he"))


@pytest.mark.parametrize("name", sorted(SCALES))
@pytest.mark.parametrize("act", ["tanh", "relu", "sigmoid"])
def test_gradients_for_every_init(name, act):
    """Backprop is right from every starting scale (< 1e-7 against central differences; one hidden
    layer, so that "small"'s gradients stay well above the differences' rounding)."""
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(6, 3)), np.arange(6) % 2
    net = MLP([3, 5, 2], activation=act, seed=2, init=name)
    net.params = [(W, rng.normal(scale=0.5, size=b.shape)) for W, b in net.params]  # no relu kink at z = 0
    _, grads = net.loss_and_grads(X, y)
    for (W, b), (dW, db) in zip(net.params, grads):
        for p, g in ((W, dW), (b, db)):
            assert rel_error(g, numerical_gradient(lambda: net.loss(X, y), p)) < 1e-7


def test_variance_of_activations_follows_the_rule():
    """he keeps relu signals at the same size through depth; small makes them vanish; normal explodes."""
    X = np.random.default_rng(0).normal(size=(500, 100))
    spread = {}
    for name in ("he", "small", "normal"):
        acts = MLP([100] * 8 + [2], activation="relu", seed=0, init=name).activations(X)
        spread[name] = [float(np.std(a)) for a in acts[1:-1]]
    assert 0.3 < spread["he"][-1] / spread["he"][0] < 3
    assert spread["small"][-1] < 1e-8
    assert spread["normal"][-1] > 1e4


# --- L1 (lesson 6) ---------------------------------------------------------------------------------
@pytest.mark.parametrize("output, k", [("softmax", 2), ("sigmoid", 1), ("identity", 2)])
def test_l1_term_and_gradient(output, k):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(7, 3))
    y = rng.normal(size=(7, k)) if output == "identity" else np.arange(7) % 2
    net = MLP([3, 5, k], output=output, seed=4)
    W_abs = sum(np.sum(np.abs(W)) for W, _ in net.params)
    assert net.loss(X, y, l1=0.3) - net.loss(X, y) == pytest.approx(0.3 / 7 * W_abs, rel=1e-12)
    assert regularise.l1_penalty([W for W, _ in net.params], 0.3, 7) == pytest.approx(0.3 / 7 * W_abs, rel=1e-12)
    J, grads = net.loss_and_grads(X, y, l1=0.3, l2=0.1)
    assert pytest.approx(net.loss(X, y, l1=0.3, l2=0.1), rel=1e-12) == J
    for (W, b), (dW, db) in zip(net.params, grads):
        for p, g in ((W, dW), (b, db)):
            num = numerical_gradient(lambda: net.loss(X, y, l1=0.3, l2=0.1), p)
            assert rel_error(g, num) < 1e-7
    _, plain = net.loss_and_grads(X, y, l2=0.1)
    for (W, _), (dW1, _), (dW0, _) in zip(net.params, grads, plain):
        np.testing.assert_allclose(dW1 - dW0, regularise.l1_gradient(W, 0.3, 7), atol=1e-14)


def test_l1_makes_weights_sparse():
    X, y = MOONS
    plain, sparse = MLP([2, 20, 2], seed=0), MLP([2, 20, 2], seed=0)
    plain.fit(X, y, epochs=300, lr=0.5)
    sparse.fit(X, y, epochs=300, lr=0.5, l1=2.0)
    small = [np.mean(np.abs(net.params[0][0]) < 0.05) for net in (plain, sparse)]
    assert small[1] > small[0] + 0.2


# --- dropout (lesson 9) ---------------------------------------------------------------------------
def test_dropout_mask_values_and_seed():
    rng = np.random.default_rng(0)
    M = dropout.mask(rng, (400, 50), 0.25)
    assert set(np.unique(M)) == {0.0, 1 / 0.75}
    assert abs(np.mean(M == 0) - 0.25) < 0.02 and abs(M.mean() - 1.0) < 0.03  # expected output unchanged
    np.testing.assert_array_equal(dropout.mask(np.random.default_rng(5), (3, 4), 0.5),
                                  dropout.mask(np.random.default_rng(5), (3, 4), 0.5))
    assert np.all(dropout.mask(rng, (3, 4), 0.0) == 1.0)


def test_dropout_forward_backward_gradcheck():
    rng = np.random.default_rng(1)
    a, M, up = rng.normal(size=(5, 4)), dropout.mask(rng, (5, 4), 0.5), rng.normal(size=(5, 4))
    num = numerical_gradient(lambda: np.sum(dropout.forward(a, M) * up), a)
    assert rel_error(dropout.backward(up, M), num) < 1e-7
    np.testing.assert_array_equal(dropout.forward(a, M), a * M)


@pytest.mark.parametrize("act", ["tanh", "relu", "sigmoid", "leaky_relu"])
@pytest.mark.parametrize("rates", [(0.5, 0.5), (0.3, 0.0), (0.0, 0.6)])
def test_mlp_gradients_with_fixed_dropout_masks(act, rates):
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(6, 3)), np.arange(6) % 3
    net = MLP([3, 5, 4, 3], activation=act, seed=3)
    net.params = [(W, rng.normal(scale=0.5, size=b.shape)) for W, b in net.params]  # no relu kink at z = 0
    masks = [dropout.mask(rng, (6, u), r) for u, r in zip((5, 4), rates)]

    def ref():  # the dropped-out network's loss, written out here
        a = X
        for (W, b), M in zip(net.params[:-1], masks):
            z = a @ W + b
            a = {"tanh": np.tanh, "relu": lambda v: np.maximum(v, 0), "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
                 "leaky_relu": lambda v: np.where(v > 0, v, 0.01 * v)}[act](z) * M
        W, b = net.params[-1]
        p = ref_forward([(W, b)], a, act, "softmax")
        return -np.mean(np.log(p[np.arange(6), y])) + 0.2 / 12 * sum(np.sum(W ** 2) for W, _ in net.params)

    J, grads = net.loss_and_grads(X, y, l2=0.2, masks=masks)
    assert pytest.approx(ref(), rel=1e-12) == J
    for (W, b), (dW, db) in zip(net.params, grads):
        for p, g in ((W, dW), (b, db)):
            assert rel_error(g, numerical_gradient(ref, p)) < 1e-7


def test_dropout_in_fit_is_reproducible_and_off_at_prediction():
    X, y = MOONS
    runs = [MLP([2, 16, 16, 2], seed=0) for _ in range(3)]
    h = [net.fit(X, y, epochs=50, lr=0.5, dropout=d, seed=1) for net, d in zip(runs, [0.3, 0.3, [0.3, 0.0]])]
    assert h[0].loss == h[1].loss and h[0].loss != h[2].loss
    np.testing.assert_array_equal(runs[0].forward(X), runs[0].forward(X))  # no dropout when predicting
    plain = MLP([2, 16, 16, 2], seed=0).fit(X, y, epochs=50, lr=0.5, seed=1, dropout=0.0)
    assert plain.loss == MLP([2, 16, 16, 2], seed=0).fit(X, y, epochs=50, lr=0.5).loss  # rate 0 = no dropout


# --- train_epoch ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("batch_size, name, rate", [(None, "sgd", None), (32, "sgd", None), (32, "adam", 0.2),
                                                   (None, "momentum", 0.5)])
def test_train_epoch_is_what_fit_does(batch_size, name, rate):
    X, y = MOONS
    a, b = MLP([2, 5, 2], seed=1), MLP([2, 5, 2], seed=1)
    h = a.fit(X, y, epochs=6, lr=0.3, l2=0.1, l1=0.05, batch_size=batch_size, optimizer=name, seed=4, dropout=rate)
    opt, rng, Y = optim.get_optimizer(name), np.random.default_rng(4), b.targets(y)
    losses = [b.train_epoch(X, Y, 0.3, opt, l2=0.1, l1=0.05, batch_size=batch_size, rng=rng, dropout=rate)
              for _ in range(6)]
    assert losses == h.loss
    for (W1, b1), (W2, b2) in zip(a.params, b.params):
        np.testing.assert_array_equal(W1, W2)
        np.testing.assert_array_equal(b1, b2)


def test_train_epoch_accepts_labels_and_soft_targets():
    X, y = MOONS
    net = MLP([2, 4, 2], seed=0)
    J_labels = MLP([2, 4, 2], seed=0).train_epoch(X, y, 0.1, optim.SGD())
    J_matrix = net.train_epoch(X, net.targets(y), 0.1, optim.SGD())
    assert J_labels == J_matrix
    soft = np.full((200, 2), 0.5)
    assert net.train_epoch(X, soft, 0.1, optim.SGD()) == pytest.approx(np.log(2), abs=0.1)


# --- activations and targets ---------------------------------------------------------------------------
def test_activations_are_every_layer():
    X, _ = MOONS
    net = MLP([2, 4, 3, 2], seed=0)
    acts = net.activations(X[:5])
    assert [a.shape for a in acts] == [(5, 2), (5, 4), (5, 3), (5, 2)]
    np.testing.assert_array_equal(acts[-1], net.forward(X[:5]))
    np.testing.assert_allclose(acts[1], np.tanh(X[:5] @ net.params[0][0] + net.params[0][1]), rtol=1e-14)


def test_targets():
    np.testing.assert_array_equal(MLP([2, 3], seed=0).targets([0, 2, 1]), np.eye(3)[[0, 2, 1]])
    np.testing.assert_array_equal(MLP([2, 1], output="sigmoid").targets([1, 0]), [[1.0], [0.0]])
    np.testing.assert_array_equal(MLP([2, 1], output="identity").targets([0.5, 2.0]), [[0.5], [2.0]])
    assert MLP([2, 3], seed=0).targets(np.array([0, 1]), loss="mse").shape == (2, 3)


# --- early stopping (lesson 9) -----------------------------------------------------------------------
def test_patience_stops_and_restores_best_weights():
    X, y = datasets.moons(200, noise=0.35, seed=1)
    X_tr, y_tr, X_va, y_va = X[:100], y[:100], X[100:], y[100:]
    net = MLP([2, 40, 2], seed=0)
    h = net.fit(X_tr, y_tr, epochs=4000, lr=2.0, validation=(X_va, y_va), patience=100)
    best = h.best_epoch
    assert h.stopped_early and len(h.loss) == best + 101
    assert h.val_loss[best] == min(h.val_loss)
    assert net.loss(X_va, y_va) == pytest.approx(h.val_loss[best], rel=1e-12)  # the best weights are back
    quiet = MLP([2, 40, 2], seed=0).fit(X_tr, y_tr, epochs=20, lr=0.1, validation=(X_va, y_va), patience=1000)
    assert not quiet.stopped_early and len(quiet.loss) == 20 and quiet.best_epoch == int(np.argmin(quiet.val_loss))
    assert sorted(MLP([2, 3, 2], seed=0).fit(X_tr, y_tr, epochs=2)) == ["diverged", "loss"]


# --- divergence -----------------------------------------------------------------------------------------
def test_divergence_rule():
    assert not divergence.diverged([0.69, 0.5, 0.3])
    assert divergence.diverged([0.7, float("nan")]) and divergence.diverged([0.7, float("inf")])
    assert not divergence.diverged([0.5, 0.9, 0.8])  # within the warm-up
    assert divergence.diverged([0.5] + [0.4] * 5 + [0.9] * 10)
    assert divergence.epoch([0.5] + [0.4] * 5 + [0.9] * 10) == 7
    assert divergence.epoch([0.5, 0.7, float("nan")]) == 3
    assert not divergence.diverged([0.5, 0.6] + [0.3] * 20)  # rose in the warm-up, then learned
    assert divergence.diverged([0.5, 27.7], ceiling=divergence_ceiling())
    assert divergence.message([0.69, 0.5]) == ""
    assert divergence.message([0.7, 0.9, float("nan")]) == "diverged at epoch 3: lower the learning rate"
    assert divergence.diverged([]) is False


def divergence_ceiling():
    from nnlib.losses import CEILING
    return CEILING


def test_big_learning_rate_is_diverged_although_finite():
    X, y = MOONS
    net = MLP([2, 3, 2], activation="tanh", seed=0)
    h = net.fit(X, y, epochs=30, lr=1e6)
    assert all(np.isfinite(h.loss)) and h.loss[-1] > h.loss[0]
    assert h.diverged is True and divergence.message(h.loss).startswith("diverged at epoch")
    assert MLP([2, 3, 2], seed=0).fit(X, y, epochs=30, lr=2.0).diverged is False


@pytest.mark.parametrize("batch_size", [None, 4])
def test_blow_up_keeps_last_finite_weights(batch_size):
    X = np.linspace(-1, 1, 20)[:, None]
    y = 5 * np.sin(3 * X[:, 0])
    net = MLP([1, 8, 1], activation="relu", output="identity", seed=0)
    h = net.fit(X, y, epochs=300, lr=50.0, batch_size=batch_size, seed=0)
    assert h.diverged and not np.isfinite(h.loss[-1])
    assert all(np.all(np.isfinite(a)) for pair in net.params for a in pair)
    assert np.isfinite(net.loss(X, y)) and np.all(np.isfinite(net.predict(X)))


def test_schedule_returning_a_bad_rate_raises_before_the_first_step():
    X, y = MOONS
    net = MLP([2, 3, 2], seed=0)
    before = [a.copy() for pair in net.params for a in pair]
    with pytest.raises(ValueError, match=r"lr \(a schedule\) must return a finite number > 0, got -1 at epoch 3"):
        net.fit(X, y, epochs=10, lr=lambda e: 0.1 if e < 3 else -1)
    assert all(np.array_equal(a, b) for a, b in zip(before, [a for pair in net.params for a in pair]))
    with pytest.raises(ValueError, match=r"got 0\.0 at epoch 1072 \(a decaying rate that fell below"):
        net.fit(X, y, epochs=3000, lr=lambda e: 0.1 * 0.5 ** e)


@pytest.mark.parametrize("schedule, exact, zero_at", [
    (optim.exponential_decay(0.2, 0.03), lambda e: 0.2 * math.exp(-0.03 * e), 24785),
    (optim.step_decay(0.2, drop=0.5, every=20), lambda e: 0.2 * 0.5 ** (e // 20), 21460)])
def test_a_schedule_that_underflows_keeps_the_run(schedule, exact, zero_at):
    """The issue's runs: the rate lr * exp(-gamma epoch) (or lr * drop^k) becomes 0.0 in floats at epoch
    zero_at; the schedule gives TINY_LR instead, and the run goes to its last epoch with its History."""
    assert exact(zero_at - 1) > 0 == exact(zero_at) and schedule(zero_at) == optim.TINY_LR
    assert schedule(0) == 0.2 and schedule(1000) == exact(1000)
    X, y = MOONS
    h = MLP([2, 8, 2], seed=0).fit(X[:40], y[:40], epochs=zero_at + 200, lr=schedule)
    assert len(h.loss) == zero_at + 200 and np.all(np.isfinite(h.loss)) and not h.diverged
    assert h.loss[-1] == h.loss[-2]  # a step at 2.2e-308 moves no weight, as the exact rate would not


def test_a_callback_that_assigns_params_trains_the_new_ones():
    """fit trains the weights the net holds after the callback, as if the callback had changed them in place."""
    X, y = MOONS
    runs = []
    for assign in (True, False):
        def clip(epoch, net, history, assign=assign):
            if assign:
                net.params = [(np.clip(W, -1, 1), b) for W, b in net.params]
            else:
                for W, _ in net.params:
                    np.clip(W, -1, 1, out=W)
        net = MLP([2, 8, 2], seed=0)
        runs.append((net.fit(X, y, epochs=100, lr=1.0, callback=clip).loss, net.params))
    assert runs[0][0] == runs[1][0] and runs[0][0][-1] < runs[0][0][1] - 0.1
    assert all(np.array_equal(a, b) for p, q in zip(runs[0][1], runs[1][1]) for a, b in zip(p, q))


def test_minibatch_epochs_are_the_textbook_loop():
    """fit with batches: each epoch one permutation from the seed's generator, then one SGD step per batch
    of it (the last one shorter: 200 = 3 * 64 + 8), each on that batch's mean gradient; the epoch's loss is
    the batches' losses (before their steps) weighted by their sizes. The reference uses only public calls."""
    X, y = MOONS
    net, ref = MLP([2, 6, 2], seed=1), MLP([2, 6, 2], seed=1)
    history = net.fit(X, y, epochs=3, lr=0.3, batch_size=64, seed=5)
    rng, losses = np.random.default_rng(5), []
    for _ in range(3):
        order, J = rng.permutation(len(X)), 0.0
        for start in range(0, len(X), 64):
            idx = order[start:start + 64]
            J_batch, grads = ref.loss_and_grads(X[idx], y[idx])
            for (W, b), (dW, db) in zip(ref.params, grads):
                W -= 0.3 * dW
                b -= 0.3 * db
            J += J_batch * len(idx) / len(X)
        losses.append(J)
    np.testing.assert_allclose(history.loss, losses, rtol=1e-12)
    for (W, b), (W_ref, b_ref) in zip(net.params, ref.params):
        np.testing.assert_allclose(W, W_ref, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(b, b_ref, rtol=1e-12, atol=1e-15)
