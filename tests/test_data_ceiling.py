"""The moons' Bayes ceiling (lesson 8) against an independent reference: the integral of max(f0, f1) / 2 over
the plane, on a grid, with each class's density written out as a normalised mixture of Gaussians along a finer
arc than the library's."""
import numpy as np
import pytest

from nnlib.data import moons_bayes_accuracy


def quadrature_ceiling(noise, step=0.02, arc_points=1000):
    """sum over grid cells of max(p0 f0, p1 f1) * area, p0 = p1 = 1/2: the Bayes accuracy by integration."""
    t = np.linspace(0, np.pi, arc_points)
    arcs = [np.column_stack([np.cos(t), np.sin(t)]), np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])]
    xs, ys = np.arange(-1 - 6 * noise, 2 + 6 * noise, step), np.arange(-0.5 - 6 * noise, 1 + 6 * noise, step)
    grid = np.stack(np.meshgrid(xs, ys), -1).reshape(-1, 2)
    total = 0.0
    for start in range(0, len(grid), 4000):
        part = grid[start:start + 4000]
        f = [np.exp(-((part[:, None] - a) ** 2).sum(-1) / (2 * noise**2)).mean(1) / (2 * np.pi * noise**2)
             for a in arcs]
        total += np.maximum(f[0], f[1]).sum() / 2
    return total * step**2


@pytest.mark.parametrize("noise", [0.3, 0.5])
def test_the_ceiling_agrees_with_integration(noise):
    estimate, reference = moons_bayes_accuracy(noise, n=40_000), quadrature_ceiling(noise)
    standard_error = np.sqrt(reference * (1 - reference) / 40_000)
    assert abs(estimate - reference) < 4 * standard_error, (estimate, reference)


def test_little_noise_leaves_almost_nothing_to_guess():
    assert moons_bayes_accuracy(0.05, n=20_000) > 0.999


@pytest.mark.parametrize("kwargs, error, words", [
    ({"noise": 0}, ValueError, "noise"), ({"noise": -0.3}, ValueError, "noise"), ({"noise": "0.3"}, TypeError, "noise"),
    ({"noise": 0.3, "n": 0}, ValueError, "n"), ({"noise": 0.3, "n": 2.5}, TypeError, "n"),
    ({"noise": 0.3, "n": 10**9}, ValueError, "n"), ({"noise": 0.3, "seed": -1}, ValueError, "seed")])
def test_bad_arguments_are_named(kwargs, error, words):
    with pytest.raises(error, match=words):
        moons_bayes_accuracy(**kwargs)
