"""nnlib.MLP against scikit-learn's MLPClassifier, and minibatch training's reproducibility (lesson 7).

The comparison is the one in notebooks/07_training.ipynb: the same data, full-batch gradient descent with
the same lr, L2 (alpha), tanh hidden layer and number of epochs, both starting from our initial weights
(handed to scikit-learn through `coefs_`/`intercepts_` and `warm_start`). Two classes: scikit-learn uses one
logistic output unit, so ours is MLP([2, h, 1], output="sigmoid"); three classes: both use softmax.
"""
import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from nnlib import MLP
from nnlib.data import moons, spiral


def train_both(X, y, hidden, lr, l2, epochs):
    """Train our MLP and an MLPClassifier set up the same way from the same weights; return both and their
    loss curves."""
    k = len(np.unique(y))
    ours = MLP([X.shape[1], hidden, 1 if k == 2 else k], activation="tanh",
               output="sigmoid" if k == 2 else "softmax", seed=0)
    theirs = MLPClassifier(hidden_layer_sizes=(hidden,), activation="tanh", solver="sgd", alpha=l2,
                           batch_size=len(X), shuffle=False, learning_rate="constant", learning_rate_init=lr,
                           momentum=0.0, nesterovs_momentum=False, max_iter=epochs, tol=0.0,
                           n_iter_no_change=epochs, early_stopping=False, random_state=0, warm_start=True)
    theirs.partial_fit(X, y, classes=np.unique(y))      # builds the network; its step is overwritten next
    theirs.coefs_ = [W.copy() for W, _ in ours.params]
    theirs.intercepts_ = [b.copy() for _, b in ours.params]
    with warnings.catch_warnings():
        # stopping at max_iter is what we ask for: a fixed number of epochs
        warnings.filterwarnings("ignore", category=ConvergenceWarning)
        theirs.fit(X, y)
    hist = ours.fit(X, y, epochs=epochs, lr=lr, l2=l2)
    return ours, theirs, np.array(hist.loss), np.array(theirs.loss_curve_[-epochs:])


@pytest.mark.parametrize("case", ["moons, 2 classes (logistic output)", "spiral, 3 classes (softmax)"])
def test_final_loss_matches_sklearn(case):
    if case.startswith("moons"):
        X, y = moons(200, noise=0.20, seed=0)
        ours, theirs, curve_ours, curve_theirs = train_both(X, y, hidden=5, lr=1.0, l2=0.01, epochs=3000)
        assert theirs.out_activation_ == "logistic" and theirs.coefs_[-1].shape == (5, 1)
    else:
        X, y = spiral(300, classes=3, seed=0)
        ours, theirs, curve_ours, curve_theirs = train_both(X, y, hidden=20, lr=0.5, l2=0.001, epochs=1000)
        assert theirs.out_activation_ == "softmax" and theirs.coefs_[-1].shape == (20, 3)
    assert theirs.n_iter_ == len(curve_ours) == len(curve_theirs)
    # training did something: the loss fell well below its start
    assert curve_ours[-1] < 0.5 * curve_ours[0]
    rel = abs(curve_theirs[-1] - curve_ours[-1]) / curve_ours[-1]
    assert rel < 0.02, f"final loss: ours {curve_ours[-1]:.6f}, scikit-learn {curve_theirs[-1]:.6f} ({rel:.2%} apart)"
    # same arithmetic from the same start: the whole curves agree, and so do the predictions
    np.testing.assert_allclose(curve_ours, curve_theirs, rtol=1e-6, atol=1e-9)
    np.testing.assert_array_equal(ours.predict(X), theirs.predict(X))


def test_l2_term_is_sklearns_alpha():
    """At the same weights our loss with l2 equals scikit-learn's loss with alpha = l2 (its loss_curve_[0])."""
    X, y = moons(200, noise=0.20, seed=0)
    ours, theirs, curve_ours, curve_theirs = train_both(X, y, hidden=5, lr=1.0, l2=0.3, epochs=5)
    assert curve_theirs[0] == pytest.approx(curve_ours[0], rel=1e-12)
    fresh = MLP([2, 5, 1], activation="tanh", output="sigmoid", seed=0)
    assert fresh.loss(X, y, l2=0.3) == pytest.approx(curve_ours[0], rel=1e-12)
    assert fresh.loss(X, y, l2=0.3) > fresh.loss(X, y) + 1e-3     # the penalty is really in there


def minibatch_history(seed):
    X, y = moons(200, noise=0.20, seed=0)
    net = MLP([2, 8, 2], seed=0)
    hist = net.fit(X, y, epochs=30, lr=0.2, batch_size=20, seed=seed)
    return hist, net


def test_minibatch_same_seed_same_history():
    h1, net1 = minibatch_history(seed=3)
    h2, net2 = minibatch_history(seed=3)
    assert len(h1.loss) == 30 and not h1.diverged
    assert h1.loss == h2.loss                            # bit for bit
    for (W1, b1), (W2, b2) in zip(net1.params, net2.params):
        np.testing.assert_array_equal(W1, W2)
        np.testing.assert_array_equal(b1, b2)


def test_minibatch_other_seed_other_history():
    h1, _ = minibatch_history(seed=3)
    h2, _ = minibatch_history(seed=4)
    assert h1.loss[0] != h2.loss[0]                      # the very first epoch's batches already differ
    assert not np.allclose(h1.loss, h2.loss)
