"""Unit tests for nnlib.layers and nnlib.losses (lessons 3-5): activations, derivatives,
softmax, losses and output deltas; all checked against independent formulas."""
import math

import numpy as np
import pytest

from nnlib import layers, losses
from nnlib.gradcheck import numerical_gradient, rel_error

Z = np.linspace(-6, 6, 49).reshape(7, 7)
Z_NO_KINK = Z + 0.037  # keeps every entry away from 0, where relu and leaky_relu have a kink

REFERENCE = {
    "sigmoid": lambda z: 1.0 / (1.0 + math.exp(-z)),
    "tanh": lambda z: (math.exp(z) - math.exp(-z)) / (math.exp(z) + math.exp(-z)),
    "relu": lambda z: z if z > 0 else 0.0,
    "leaky_relu": lambda z: z if z > 0 else 0.01 * z,
    "identity": lambda z: z,
}


def test_tables_cover_the_same_names():
    assert set(layers.ACTIVATIONS) == set(layers.DERIVATIVES) == set(REFERENCE)
    assert set(layers.OUTPUTS) == {"softmax", "sigmoid", "identity"}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_activation_matches_reference(name):
    got = layers.ACTIVATIONS[name](Z)
    want = np.vectorize(REFERENCE[name])(Z)
    assert got.shape == Z.shape
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_derivative_matches_finite_differences(name):
    f, df = layers.ACTIVATIONS[name], layers.DERIVATIVES[name]
    h = 1e-6
    numeric = (f(Z_NO_KINK + h) - f(Z_NO_KINK - h)) / (2 * h)
    analytic = df(f(Z_NO_KINK))  # derivatives take the output a = f(z)
    assert analytic.shape == Z.shape
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_relu_derivative_values():
    a = layers.relu(np.array([-2.0, 0.0, 3.0]))
    np.testing.assert_array_equal(layers.DERIVATIVES["relu"](a), [0.0, 0.0, 1.0])
    a = layers.leaky_relu(np.array([-2.0, 3.0]))
    np.testing.assert_array_equal(a, [-0.02, 3.0])
    np.testing.assert_array_equal(layers.DERIVATIVES["leaky_relu"](a), [0.01, 1.0])


EXTREME = np.array([[-1e308, -1000.0, -40.0, 0.0, 40.0, 1000.0, 1e308]])


def test_sigmoid_extreme_inputs_no_warning():
    s = layers.sigmoid(EXTREME)  # warnings are errors in this suite
    assert np.all(np.isfinite(s))
    assert s[0, 0] == 0.0 and s[0, -1] == 1.0 and s[0, 3] == 0.5
    assert np.all((s >= 0) & (s <= 1))
    assert np.all(np.diff(s[0]) >= 0)


def test_tanh_extreme_inputs_no_warning():
    t = layers.tanh(EXTREME)
    assert t[0, 0] == -1.0 and t[0, -1] == 1.0


@pytest.mark.parametrize("row", [[1e308, -1e308], [-1e308, 1e308, 0.0], [1000.0, -1000.0, 0.0],
                                 [1e308, 1e308], [-1e308, -1e308, -1e308], [-1000.0, -1000.0]])
def test_softmax_extreme_rows(row):
    p = layers.softmax(np.array([row]))
    assert np.all(np.isfinite(p))
    assert p.sum() == pytest.approx(1.0)
    top = np.flatnonzero(np.array(row) == max(row))
    np.testing.assert_allclose(p[0, top], 1.0 / len(top))


def test_softmax_matches_reference_and_rows_sum_to_one():
    z = np.random.default_rng(0).normal(scale=3, size=(6, 4))
    p = layers.softmax(z)
    e = np.exp(z)
    np.testing.assert_allclose(p, e / e.sum(axis=1, keepdims=True), rtol=1e-12)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(layers.softmax(z + 500.0), p, rtol=1e-10)  # shift-invariant


def test_softmax_single_row_1d():
    z = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(layers.softmax(z), layers.softmax(z[None, :])[0])


def test_softmax_does_not_modify_input():
    z = np.array([[1.0, 2.0], [3.0, -1.0]])
    before = z.copy()
    layers.softmax(z)
    np.testing.assert_array_equal(z, before)


# --- losses ---------------------------------------------------------------------------------------
def test_mse_formula():
    y_hat = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 3.0]])
    Y = np.array([[0.0, 2.0], [1.0, 1.0], [3.0, 0.0]])
    # 1/(2n) sum of squared errors: (1 + 0 + 1 + 4 + 0 + 9) / 6
    assert losses.mse(y_hat, Y) == pytest.approx(15 / 6)


def test_cross_entropy_formula():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    Y = np.array([[1, 0, 0], [0, 0, 1]], dtype=float)
    assert losses.cross_entropy(p, Y) == pytest.approx(-(math.log(0.7) + math.log(0.8)) / 2)


def test_binary_cross_entropy_formula():
    p = np.array([[0.9], [0.2], [0.6]])
    Y = np.array([[1.0], [0.0], [0.0]])
    want = -(math.log(0.9) + math.log(0.8) + math.log(0.4)) / 3
    assert losses.binary_cross_entropy(p, Y) == pytest.approx(want)


def test_losses_finite_at_zero_and_one():
    Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    wrong = np.array([[0.0, 1.0], [1.0, 0.0]])
    right = Y.copy()
    ce = losses.cross_entropy(wrong, Y)
    assert np.isfinite(ce) and ce == pytest.approx(-math.log(losses.EPS))
    assert losses.cross_entropy(right, Y) == 0.0
    bce = losses.binary_cross_entropy(wrong, Y)
    assert np.isfinite(bce) and bce > 50
    assert 0.0 <= losses.binary_cross_entropy(right, Y) < 1e-10


def _output_grad_case(output, loss, seed=0, n=5, k=3):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, k))
    if output == "softmax":
        Y = np.eye(k)[rng.integers(0, k, n)]
    elif output == "sigmoid":
        Y = rng.integers(0, 2, (n, k)).astype(float)
    else:
        Y = rng.normal(size=(n, k))
    name = "binary_cross_entropy" if (output, loss) == ("sigmoid", "cross_entropy") else loss
    return z, Y, layers.OUTPUTS[output], losses.LOSSES[name]


@pytest.mark.parametrize("output, loss", [("softmax", "cross_entropy"), ("sigmoid", "cross_entropy"),
                                          ("identity", "mse"), ("sigmoid", "mse"), ("softmax", "mse")])
def test_output_delta_is_dJ_dz(output, loss):
    z, Y, g, J = _output_grad_case(output, loss)
    numeric = numerical_gradient(lambda: J(g(z), Y), z)
    analytic = losses.output_delta(g(z), Y, output, loss)
    assert analytic.shape == z.shape
    assert rel_error(analytic, numeric) < 1e-8


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_public_activations_return_new_arrays(name):
    """A float array goes in unchecked-fast (no copy first), so each function must still leave it alone
    and hand back an array of its own."""
    z = np.array([[-2.0, 0.5], [3.0, -0.25]])
    kept = z.copy()
    a = getattr(layers, name)(z)
    assert not np.shares_memory(a, z)
    np.testing.assert_array_equal(z, kept)
