"""nnlib.divergence, the one definition of a diverged (or unstable) run, on hand-made loss curves:
among them the three curves that the old rule (the first epoch from which the loss stayed above its
start, or the first inf) reported misleadingly."""
import numpy as np
import pytest

from nnlib import divergence

INF, NAN = float("inf"), float("nan")


def test_a_learning_run_is_healthy():
    for losses in ([0.69, 0.5, 0.3], [], [0.7], np.linspace(0.7, 0.01, 500)):
        assert divergence.epoch(losses) is None and divergence.unstable_epoch(losses) is None
        assert divergence.message(losses) == ""


def test_the_reported_epoch_is_the_blow_up_not_the_overflow():
    losses = [0.7, 1.9, 60.0, 5e3, 4e5, INF]
    assert divergence.epoch(losses) == 2 and divergence.diverged(losses)
    assert divergence.message(losses) == "diverged at epoch 2: lower the learning rate"


def test_blow_up_means_twice_the_start():
    below = [0.5, 0.99] + [0.9] * 20          # never above 2 x 0.5: a slow climb, reported where it rose
    assert divergence.epoch(below) == 2
    above = [0.5, 0.9, 1.01] + [0.9] * 20     # 1.01 > 2 x 0.5: blew up at epoch 3
    assert divergence.epoch(above) == 3


def test_finding_lesson_8_thrash_from_epoch_3():
    # The old rule said "diverged at epoch 198": the last time the loss touched its start. It thrashed from 3.
    rng = np.random.default_rng(0)
    thrash = np.where(np.arange(194) % 2, rng.uniform(0.3, 0.7, 194), rng.uniform(3, 12, 194))
    losses = [0.7, 0.5] + list(thrash) + [0.4] + [2.5] * 5
    assert losses[196] <= 0.7 and min(losses[197:]) > 0.7   # the old rule's 198
    assert divergence.epoch(losses) == 3
    assert divergence.message(losses) == "diverged at epoch 3: lower the learning rate"


def test_finding_lesson_5_spike_that_came_back():
    # A loss above 10 for 120 epochs, then low again: the old rule said nothing because it ended low.
    losses = [0.69, 0.5, 0.4] + [12.0] * 120 + list(np.linspace(1.0, 0.2, 177))
    assert not divergence.diverged(losses)
    assert divergence.unstable(losses) and divergence.unstable_epoch(losses) == 4
    assert divergence.message(losses) == ("unstable: the loss jumped at epoch 4 and came back; "
                                          "lower the learning rate")


def test_finding_lesson_3_the_faster_blow_up_is_not_reported_later():
    # lr 2: the cost creeps up (the old rule said epoch 2); lr 10: ~100x an epoch until inf (old rule: 162).
    lr2 = [1.0 * 1.3 ** k for k in range(300)]
    lr10 = [1.0] + [100.0 ** k for k in range(1, 154)] + [INF]
    assert divergence.epoch(lr10) == 2
    assert divergence.epoch(lr2) == 4                      # 1.3 ** 3 = 2.2: the first loss above twice the start


@pytest.mark.parametrize("losses, diverged, unstable", [
    ([0.7, 1.2, 0.5, 0.3], False, None),                  # momentum's first overshoot, inside the warm-up
    ([0.7] + [0.6] * 11 + [1.3, 0.5, 0.3], False, 13),     # the same jump after the warm-up: a spike
    ([0.7] + [0.01] * 11 + [0.001, 0.003, 0.001], False, None),  # noise around a tiny loss is no spike
    ([0.7] + [0.01] * 11 + [0.001, 0.2, 0.001], False, 14),      # a jump by 0.2 (> 0.1 x 0.7) is one
    ([0.7, 0.9, NAN], True, None),                         # NaN: overflowed
    ([NAN], True, None),
    ([0.5, 0.9, 0.8], False, None),                        # ends above its start, but within the warm-up
    ([0.5] + [0.4] * 5 + [0.9] * 10, True, None),          # ends above its start after a jump
    ([1.5e308, 1.6e308, 1e308], False, None),              # twice the start overflows to inf: no warning
])
def test_verdicts(losses, diverged, unstable):
    assert divergence.diverged(losses) is diverged
    assert divergence.unstable_epoch(losses) == unstable
    assert not (divergence.diverged(losses) and divergence.unstable(losses))


def test_ceiling_counts_as_blown_up():
    assert divergence.epoch([20.0, 21.0, 27.7], ceiling=27.6) == 3
    assert divergence.epoch([20.0, 21.0, 27.7]) is None      # below 2 x 20 and within the warm-up


@pytest.mark.parametrize("bad, exc", [("abc", TypeError), (None, TypeError), ([[0.5, 0.4]], ValueError)])
def test_bad_input_names_the_argument(bad, exc):
    for fn in (divergence.epoch, divergence.unstable_epoch, divergence.message, divergence.unstable):
        with pytest.raises(exc, match="losses"):
            fn(bad)


def test_fit_history_carries_the_verdict():
    from nnlib import MLP
    from nnlib import data as datasets
    X, y = datasets.moons(60, seed=0)
    healthy = MLP([2, 3, 2], seed=0).fit(X, y, epochs=30, lr=0.5)
    assert healthy.verdict == "" and healthy.diverged is False
    blown = MLP([2, 3, 2], seed=0).fit(X, y, epochs=30, lr=1e6)
    assert blown.diverged is True and blown.verdict == divergence.message(blown.loss)
    assert blown.verdict == f"diverged at epoch {divergence.epoch(blown.loss)}: lower the learning rate"
    assert sorted(healthy) == ["diverged", "loss"]   # the verdict is no key of its own
