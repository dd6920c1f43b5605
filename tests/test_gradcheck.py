"""Unit tests for nnlib.gradcheck (lesson 4): numerical_gradient, rel_error, gradcheck."""
import numpy as np
import pytest

from nnlib import numerical_gradient, rel_error
from nnlib.gradcheck import gradcheck


def test_sum_of_squares_gives_2x():
    x = np.random.default_rng(0).normal(size=(3, 4))
    g = numerical_gradient(lambda: np.sum(x ** 2), x)
    assert g.shape == x.shape
    np.testing.assert_allclose(g, 2 * x, rtol=1e-8, atol=1e-8)


@pytest.mark.parametrize("shape", [(), (5,), (2, 3), (2, 2, 2)])
def test_known_functions_any_shape(shape):
    x = np.random.default_rng(1).normal(size=shape)
    g = numerical_gradient(lambda: np.sum(np.sin(x)) + 3.0 * np.sum(x), x)
    assert g.shape == x.shape
    np.testing.assert_allclose(g, np.cos(x) + 3.0, rtol=1e-7, atol=1e-8)


def test_linear_function_exact():
    a = np.array([1.5, -2.0, 0.25])
    x = np.array([0.1, 0.2, 0.3])
    np.testing.assert_allclose(numerical_gradient(lambda: a @ x, x), a, atol=1e-9)


def test_restores_x_and_keeps_identity():
    x = np.random.default_rng(2).normal(size=(4, 3))
    before = x.copy()
    seen = []
    numerical_gradient(lambda: seen.append(x.copy()) or float(np.sum(x ** 3)), x)
    np.testing.assert_array_equal(x, before)  # bit-for-bit restored
    assert len(seen) == 2 * x.size
    # each call perturbs exactly one entry by +-h
    for k, arr in enumerate(seen):
        diff = arr - before
        assert np.count_nonzero(diff) == 1
        assert abs(diff.flat[k // 2]) == pytest.approx(1e-5, rel=1e-3)


def test_non_contiguous_view_is_perturbed():
    W = np.arange(6.0).reshape(2, 3)
    Wt = W.T  # not C-contiguous: a reshape(-1) would silently copy
    g = numerical_gradient(lambda: np.sum(W ** 2), Wt)
    np.testing.assert_allclose(g, 2 * Wt, atol=1e-6)
    np.testing.assert_array_equal(W, np.arange(6.0).reshape(2, 3))


def test_column_slice_view():
    A = np.random.default_rng(3).normal(size=(3, 4))
    col = A[:, 1]
    g = numerical_gradient(lambda: np.sum(A ** 2), col)
    np.testing.assert_allclose(g, 2 * A[:, 1], atol=1e-6)


def test_integer_x_rejected():
    x = np.arange(3)
    with pytest.raises(TypeError, match=r"x must be a float32 or float64 array .*got dtype int"):
        numerical_gradient(lambda: np.sum(x), x)


def test_step_size_used():
    x = np.array([1.0])
    # f = x^3: central difference = 3x^2 + h^2 exactly
    g = numerical_gradient(lambda: x[0] ** 3, x, h=0.1)
    assert g[0] == pytest.approx(3.0 + 0.01, rel=1e-9)


# --- rel_error -------------------------------------------------------------------------------------
def test_rel_error_equal_is_zero():
    a = np.random.default_rng(4).normal(size=(3, 3))
    assert rel_error(a, a.copy()) == 0.0
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert rel_error([], []) == 0.0


def test_rel_error_opposite_sign_is_one():
    a = np.random.default_rng(5).normal(size=7)
    assert rel_error(a, -a) == pytest.approx(1.0, abs=1e-12)


def test_rel_error_values():
    assert rel_error([3.0, 4.0], [0.0, 0.0]) == pytest.approx(1.0)
    assert rel_error([1.0], [1.1]) == pytest.approx(0.1 / 2.1)
    assert rel_error([1.0, 0.0], [0.0, 1.0]) == pytest.approx(np.sqrt(2) / 2)
    # symmetric, scale-invariant, between 0 and 1
    rng = np.random.default_rng(6)
    a, b = rng.normal(size=5), rng.normal(size=5)
    assert rel_error(a, b) == pytest.approx(rel_error(b, a))
    assert rel_error(1e6 * a, 1e6 * b) == pytest.approx(rel_error(a, b))
    assert 0.0 < rel_error(a, b) <= 1.0
    assert isinstance(rel_error(a, b), float)


def test_rel_error_small_entry_not_blown_up():
    a = np.array([1.0, 1e-12])
    b = np.array([1.0, 2e-12])  # elementwise ratio would be 1/3 on the second entry
    assert rel_error(a, b) < 1e-12


def test_rel_error_shape_mismatch():
    with pytest.raises(ValueError, match=r"a and b must have the same shape, got \(3,\) and \(1, 3\)"):
        rel_error(np.zeros(3), np.zeros((1, 3)))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_rel_error_non_finite_never_passes(bad):
    assert rel_error([bad, 1.0], [1.0, 1.0]) == float("inf")
    assert rel_error([1.0, 1.0], [1.0, bad]) == float("inf")


# --- gradcheck ---------------------------------------------------------------------------------------
def test_gradcheck_passes_right_gradient():
    x = np.random.default_rng(7).normal(size=(4, 2))
    f = lambda: np.sum(np.tanh(x))  # noqa: E731
    assert gradcheck(f, x, 1 - np.tanh(x) ** 2) < 1e-8


def test_gradcheck_detects_wrong_gradient():
    x = np.random.default_rng(8).normal(size=(4, 2))
    f = lambda: np.sum(np.tanh(x))  # noqa: E731
    assert gradcheck(f, x, 1 - np.tanh(x)) > 1e-2          # forgot the square
    assert gradcheck(f, x, -(1 - np.tanh(x) ** 2)) == pytest.approx(1.0, abs=1e-6)  # sign flipped
    wrong = 1 - np.tanh(x) ** 2
    wrong[2, 1] *= 1.5                                      # one entry off
    assert gradcheck(f, x, wrong) > 1e-3


def test_gradcheck_through_closure_of_weights():
    rng = np.random.default_rng(9)
    X, W = rng.normal(size=(5, 3)), rng.normal(size=(3, 2))
    f = lambda: 0.5 * np.sum((X @ W) ** 2)  # noqa: E731
    assert gradcheck(f, W, X.T @ (X @ W)) < 1e-8
    assert gradcheck(f, W, 2 * X.T @ (X @ W)) == pytest.approx(1 / 3, rel=1e-6)  # twice the gradient


def test_list_x_refused_not_silently_zero():
    x = [1.0, 2.0]
    with pytest.raises(TypeError, match=r"x must be the float array that f reads .*a list would be copied"):
        numerical_gradient(lambda: x[0] ** 2 + x[1] ** 2, x)


def test_x_restored_when_f_raises():
    x = np.array([1.0, 2.0])
    calls = []

    def f():
        calls.append(x.copy())
        if len(calls) == 2:
            raise RuntimeError("boom")
        return float(np.sum(x))

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


def test_float32_and_zero_d_arrays():
    x = np.array([1.0, -2.0], dtype=np.float32)
    g = numerical_gradient(lambda: float(np.sum(x.astype(float) ** 2)), x, h=1e-2)
    assert g.dtype == np.float32
    np.testing.assert_allclose(g, [2.0, -4.0], rtol=1e-3)
    s = np.array(3.0)
    assert numerical_gradient(lambda: float(s) ** 2, s) == pytest.approx(6.0)


@pytest.mark.parametrize("call, exc, pattern", [
    (lambda x: numerical_gradient("f", x), TypeError, r"f must be a function, got 'f'"),
    (lambda x: numerical_gradient(lambda: np.ones(2), x), TypeError, r"f must return one number"),
    (lambda x: numerical_gradient(lambda: 0.0, x, h=0), ValueError, r"h must be in \(0, 1\], got 0"),
    (lambda x: numerical_gradient(lambda: 0.0, x, h=np.nan), ValueError, r"h must be a finite number"),
    (lambda x: numerical_gradient(lambda: 0.0, x.astype(np.float16)), TypeError, r"got dtype float16"),
    (lambda x: gradcheck(lambda: float(np.sum(x)), x, np.ones(3)), ValueError,
     r"analytic must have x's shape \(2,\), got \(3,\)"),
    (lambda x: rel_error("abc", [1.0]), TypeError, r"a must be an array of numbers, got 'abc'"),
    (lambda x: rel_error([1.0], [1j]), TypeError, r"b must be real, got complex values"),
])
def test_bad_arguments(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call(np.array([1.0, 2.0]))


def test_read_only_x_refused():
    x = np.array([1.0, 2.0])
    x.flags.writeable = False
    with pytest.raises(ValueError, match=r"x must be writeable"):
        numerical_gradient(lambda: float(np.sum(x)), x)


@pytest.mark.parametrize("scale", [1e308, 1e-310])
def test_rel_error_at_the_ends_of_the_float_range(scale):
    a = np.array([1.0, 1.5]) * scale
    assert rel_error(a, a) == 0.0  # no overflow warning (warnings are errors here)
    assert rel_error(a, -a) == pytest.approx(1.0)
    assert rel_error(a, a * 0.5) == pytest.approx(1 / 3)
