"""nnlib._fast, the inner loop's speed tricks: each gives the bits of the plain numpy it replaces."""
import numpy as np
import pytest

from nnlib import _fast, losses
from nnlib.layers import OUTPUTS


@pytest.mark.parametrize("k", range(1, 10))
def test_row_max_and_row_sum_are_numpys_bit_for_bit(k):
    """The inner loop's row max/sum (column by column below NARROW columns) give numpy's own bits, in new
    arrays: softmax_cross_entropy then subtracts the max from z in place."""
    z = np.random.default_rng(k).normal(size=(37, k)) * 10 ** np.arange(k)
    m, s = _fast.row_max(z), _fast.row_sum(z)
    np.testing.assert_array_equal(m, z.max(axis=1, keepdims=True))
    np.testing.assert_array_equal(s, z.sum(axis=1, keepdims=True))
    kept = m.copy()
    z -= m
    np.testing.assert_array_equal(m, kept)  # not a view of z
    assert not np.shares_memory(m, z) and not np.shares_memory(s, z)


@pytest.mark.parametrize("k", [2, 3, 10])
def test_softmax_cross_entropy_is_the_plain_loss_and_delta_bit_for_bit(k):
    """The in-place path gives the delta of softmax and output_delta bit for bit, and the loss of
    losses.cross_entropy up to the order of its sum (a gather of n terms, not n k)."""
    rng = np.random.default_rng(k)
    z = rng.normal(size=(41, k)) * 3
    z[0, 0] = 800.0  # an overflowing exp in a plain softmax without the max subtracted
    labels = rng.integers(0, k, size=41)
    Y = np.eye(k)[labels]
    y_hat = OUTPUTS["softmax"](z)
    J_plain = losses.cross_entropy(y_hat, Y)
    delta_plain = losses.output_delta(y_hat, Y, "softmax", "cross_entropy")
    picks = _fast.picks(Y, "softmax", "cross_entropy")
    np.testing.assert_array_equal(picks, _fast.batch_picks(labels, k))
    J, delta = _fast.softmax_cross_entropy(z.copy(), Y, picks, losses.EPS)
    assert abs(J - J_plain) <= 1e-14 * abs(J_plain)
    np.testing.assert_array_equal(delta, delta_plain)


def test_picks_only_for_one_hot_softmax_cross_entropy():
    Y = np.eye(3)[[0, 2, 1]]
    assert _fast.picks(Y, "softmax", "mse") is None
    assert _fast.picks(Y, "sigmoid", "cross_entropy") is None
    assert _fast.picks(Y * 0.5, "softmax", "cross_entropy") is None
