"""nnlib.batchnorm (lesson 10): forward statistics, the backward pass against finite differences and against
a staged chain rule written out node by node, training against inference, and bad input."""
import numpy as np
import pytest

from nnlib.batchnorm import batchnorm_backward, batchnorm_forward
from nnlib.gradcheck import gradcheck

SHAPES = [(3, 1), (5, 3), (16, 7), (40, 2)]   # n = 2 gives z_hat = +-1 whatever z: dz ~ 0


def _data(shape, seed):
    rng = np.random.default_rng(seed)
    z = 3 * rng.standard_normal(shape) + rng.standard_normal(shape[1]) * 5
    gamma, beta = rng.standard_normal(shape[1]) + 1.5, rng.standard_normal(shape[1])
    return z, gamma, beta, rng.standard_normal(shape)


def _staged_backward(dout, z, gamma, eps):
    """The chain rule through each node of the forward graph, one node at a time (cs231n's staged way),
    written without the compact formula."""
    n = z.shape[0]
    mu = z.sum(axis=0) / n
    zc = z - mu
    var = (zc ** 2).sum(axis=0) / n
    std = np.sqrt(var + eps)
    inv = 1 / std
    z_hat = zc * inv
    dz_hat = dout * gamma
    dinv = (dz_hat * zc).sum(axis=0)
    dzc = dz_hat * inv
    dstd = -dinv / std ** 2
    dvar = dstd * 0.5 / std
    dzc += 2 * zc / n * dvar
    dmu = -dzc.sum(axis=0)
    dz = dzc + dmu / n
    return dz, (dout * z_hat).sum(axis=0), dout.sum(axis=0)


@pytest.mark.parametrize("shape", SHAPES)
def test_training_output_has_mean_beta_and_std_gamma(shape):
    z, gamma, beta, _ = _data(shape, 0)
    out, _ = batchnorm_forward(z, gamma, beta, eps=1e-12)
    assert np.allclose(out.mean(axis=0), beta, atol=1e-10)
    assert np.allclose(out.std(axis=0), np.abs(gamma), rtol=1e-8)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("training", [True, False])
def test_gradients_match_finite_differences(shape, training):
    z, gamma, beta, weights = _data(shape, 1)
    running = {"mean": np.array(z.mean(axis=0) + 0.3), "var": np.array(z.var(axis=0) + 0.5)}

    def loss():   # a weighted sum of the outputs: dJ/dout = weights
        kept = {k: v.copy() for k, v in running.items()}   # the running statistics stay as they were
        return float((batchnorm_forward(z, gamma, beta, training=training, running=kept)[0] * weights).sum())

    _, cache = batchnorm_forward(z, gamma, beta, training=training, running={k: v.copy() for k, v in running.items()})
    dz, dgamma, dbeta = batchnorm_backward(weights, cache)
    for x, analytic in ((z, dz), (gamma, dgamma), (beta, dbeta)):
        assert gradcheck(loss, x, analytic) < 1e-7


def test_a_backward_without_the_mean_terms_fails_the_gradcheck():
    z, gamma, beta, weights = _data((8, 3), 2)
    _, cache = batchnorm_forward(z, gamma, beta)
    wrong = cache["gamma"] * cache["inv_std"] * weights

    def loss():
        return float((batchnorm_forward(z, gamma, beta)[0] * weights).sum())

    assert gradcheck(loss, z, wrong) > 1e-2


@pytest.mark.parametrize("shape", SHAPES)
def test_backward_matches_the_staged_chain_rule(shape):
    z, gamma, beta, dout = _data(shape, 3)
    _, cache = batchnorm_forward(z, gamma, beta, eps=1e-3)
    for got, want in zip(batchnorm_backward(dout, cache), _staged_backward(dout, z, gamma, 1e-3)):
        assert np.allclose(got, want, rtol=1e-9, atol=1e-12)


def test_dz_sums_to_zero_and_is_orthogonal_to_z_hat():
    z, gamma, beta, dout = _data((30, 4), 4)
    _, cache = batchnorm_forward(z, gamma, beta, eps=1e-12)   # eps makes mean(z_hat^2) fall short of 1
    dz, _, _ = batchnorm_backward(dout, cache)
    assert np.allclose(dz.sum(axis=0), 0, atol=1e-10)
    assert np.allclose((dz * cache["z_hat"]).sum(axis=0), 0, atol=1e-9)


def test_running_statistics_and_inference():
    rng = np.random.default_rng(5)
    running = {"mean": np.zeros(3), "var": np.ones(3)}
    gamma, beta = np.ones(3), np.zeros(3)
    batches = [rng.standard_normal((20, 3)) * [1, 2, 3] + [4, -1, 0] for _ in range(3)]
    mean, var = np.zeros(3), np.ones(3)
    for z in batches:
        batchnorm_forward(z, gamma, beta, running=running, momentum=0.8)
        mean, var = 0.8 * mean + 0.2 * z.mean(axis=0), 0.8 * var + 0.2 * z.var(axis=0)
    assert np.allclose(running["mean"], mean) and np.allclose(running["var"], var)
    kept = {k: v.copy() for k, v in running.items()}
    one = np.array([[1.0, 2.0, 3.0]])       # inference works on a single sample, with the running statistics
    out, _ = batchnorm_forward(one, gamma, beta, training=False, running=running)
    assert np.allclose(out, (one - mean) / np.sqrt(var + 1e-5))
    assert all(np.array_equal(running[k], kept[k]) for k in kept), "inference changed the running statistics"
    out_batch, _ = batchnorm_forward(batches[0], gamma, beta, training=False, running=running)
    assert not np.allclose(out_batch.mean(axis=0), 0, atol=1e-3), "inference must not use the batch's statistics"


def test_inputs_are_not_changed():
    z, gamma, beta, dout = _data((6, 2), 6)
    copies = [a.copy() for a in (z, gamma, beta, dout)]
    _, cache = batchnorm_forward(z, gamma, beta)
    batchnorm_backward(dout, cache)
    assert all(np.array_equal(a, b) for a, b in zip((z, gamma, beta, dout), copies))


GOOD = dict(z=np.ones((4, 2)) * [[1], [2], [3], [4]], gamma=np.ones(2), beta=np.zeros(2))


@pytest.mark.parametrize("change, error, words", [
    (dict(z="abc"), TypeError, "z must be"),
    (dict(z=np.ones(4)), ValueError, "z must have shape (n, units)"),
    (dict(z=np.ones((1, 2))), ValueError, "at least 2 samples"),
    (dict(z=np.array([[1.0, np.nan], [2, 3]])), ValueError, "z must be finite"),
    (dict(gamma=np.ones(3)), ValueError, "gamma must have shape (2,)"),
    (dict(beta=None), TypeError, "beta must be"),
    (dict(eps=0), ValueError, "eps must be"),
    (dict(eps=-1e-5), ValueError, "eps must be"),
    (dict(momentum=1.5), ValueError, "momentum must be"),
    (dict(training="yes"), TypeError, "training must be True or False"),
    (dict(training=False), ValueError, "running must be given"),
    (dict(running={"mean": np.zeros(2)}), TypeError, "running must be None or a dict"),
    (dict(running={"mean": [0.0, 0.0], "var": np.ones(2)}), TypeError, "running['mean'] must be a float64"),
    (dict(running={"mean": np.zeros(3), "var": np.ones(3)}), ValueError, "running['mean'] must have shape (2,)"),
    (dict(running={"mean": np.zeros(2), "var": -np.ones(2)}), ValueError, "running['var'] must be >= 0"),
])
def test_forward_bad_input(change, error, words):
    with pytest.raises(error) as raised:
        batchnorm_forward(**{**GOOD, **change})
    assert words in str(raised.value)


def test_backward_bad_input():
    _, cache = batchnorm_forward(**GOOD)
    with pytest.raises(TypeError, match="cache must be the dict batchnorm_forward returned"):
        batchnorm_backward(np.ones((4, 2)), {"z_hat": 1})
    with pytest.raises(ValueError, match=r"dout must have the shape of the forward pass's z, \(4, 2\)"):
        batchnorm_backward(np.ones((2, 4)), cache)
    with pytest.raises(TypeError, match="dout must be"):
        batchnorm_backward("x", cache)


def _exercise_stub():
    """Lesson 10's exercise 5 stub, bn_backward, as the notebook hands it out."""
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "notebooks" / "10_depth.ipynb"
    cells = [c for c in json.loads(path.read_text())["cells"] if c["metadata"].get("exercise") == "bn_backward"]
    assert len(cells) == 1
    namespace = {}
    exec("".join(cells[0]["source"]), namespace)
    return namespace["bn_backward"]


@pytest.mark.parametrize("seed", range(8))
def test_exercise_stub_shows_the_symptoms_its_prompt_states(seed):
    """Exercise 5's prompt: on batches of 8, dgamma and dbeta pass a gradient check and dz fails it (relative
    error 0.1 to 0.6); on 2 samples that differ by more than 1 per unit, the numerical dz is almost 0 while the
    stub returns gamma * dout / std."""
    bn_backward = _exercise_stub()
    rng = np.random.default_rng(seed)
    z, gamma, beta, G = rng.normal(2, 3, (8, 3)), rng.normal(1, 0.5, 3), rng.normal(size=3), rng.normal(size=(8, 3))
    dz, dgamma, dbeta = bn_backward(G, z, gamma)

    def loss():
        return float(np.sum(batchnorm_forward(z, gamma, beta)[0] * G))

    assert 0.1 < gradcheck(loss, z, dz) < 0.6
    assert gradcheck(loss, gamma, dgamma) < 1e-7 and gradcheck(loss, beta, dbeta) < 1e-7
    z2 = np.array([[0.0, 1.0, -3.0], [1.5, 4.0, 2.0]]) + rng.normal(0, 0.2, (2, 3))
    G2 = G[:2].copy()

    def loss2():
        return float(np.sum(batchnorm_forward(z2, gamma, beta)[0] * G2))

    from nnlib.gradcheck import numerical_gradient
    assert np.abs(numerical_gradient(loss2, z2)).max() < 1e-4
    assert np.allclose(bn_backward(G2, z2, gamma)[0], gamma * G2 / z2.std(axis=0), rtol=1e-4)
