"""nnlib.autograd (lesson 11) against independent references: central finite differences
(nnlib.gradcheck) for every gate, and nnlib.MLP's hand-written backprop for whole networks."""
import numpy as np
import pytest

from nnlib import MLP
from nnlib.autograd import Value, cross_entropy, mlp_loss, topological_order
from nnlib.gradcheck import numerical_gradient, rel_error

RNG = np.random.default_rng(0)
A = RNG.normal(size=(4, 3))
B = RNG.normal(size=(3, 2))
BIAS = RNG.normal(size=2)
G = RNG.normal(size=(4, 2))     # a random upstream gradient: J = sum(G * gate(inputs))
POS = RNG.uniform(0.5, 2.0, size=(4, 2))

# name -> (function of Values, input arrays); each output has shape (4, 2)
GATES = {
    "matmul": (lambda a, w: a @ w, [A, B]),
    "add with a broadcast bias": (lambda u, b: u + b, [G.copy() * 0.5, BIAS]),
    "mul with a broadcast row": (lambda u, b: u * b, [POS.copy(), BIAS]),
    "sub": (lambda u, v: u - v, [POS.copy(), G.copy()]),
    "div": (lambda u, v: u / v, [G.copy(), POS.copy()]),
    "pow 3": (lambda u: u ** 3, [G.copy()]),
    "tanh": (lambda u: u.tanh(), [G.copy()]),
    "sigmoid": (lambda u: u.sigmoid(), [G.copy()]),
    "relu": (lambda u: u.relu(), [G.copy() + 0.05]),    # no entry near the kink at 0
    "exp": (lambda u: u.exp(), [G.copy()]),
    "log": (lambda u: u.log(), [POS.copy()]),
    "sum over rows, keepdims": (lambda u: (u.sum(axis=0, keepdims=True) + u * 0.0), [G.copy()]),
    "sum over columns": (lambda u: u * 0.0 + u.sum(axis=1).sum() * 2.0, [G.copy()]),
    "used twice: u * u + u": (lambda u: u * u + u, [G.copy()]),
    "reflected: 2 - u / 3 + ndarray @ w": (lambda u, w: 2.0 - u / 3.0 + A @ w, [G.copy(), B.copy()]),
}


@pytest.mark.parametrize("name", GATES)
def test_each_gate_matches_finite_differences(name):
    fn, arrays = GATES[name]
    inputs = [Value(x) for x in arrays]
    J = (fn(*inputs) * G).sum()
    J.backward()
    for v in inputs:        # the numerical gradient of the same scalar, one input at a time
        num = numerical_gradient(lambda: float(np.sum(G * fn(*[Value(u.data) for u in inputs]).data)), v.data)
        assert v.grad.shape == v.data.shape
        assert rel_error(v.grad, num) < 1e-7, name


def test_lesson4_circuit_by_hand():
    u, v, s = Value(-2.0), Value(5.0), Value(-4.0)
    f = (u + v) * s
    f.backward()
    assert float(f.data) == -12.0
    assert (float(u.grad), float(v.grad), float(s.grad)) == (-4.0, -4.0, 3.0)


def test_a_value_used_twice_gets_both_shares():
    x = Value(3.0)
    (x * x).backward()
    assert float(x.grad) == 6.0                 # 2x, not x (one path only)
    y = Value(2.0)
    f = (x + y) * x                             # df/dx = 2x + y = 8
    f.backward()
    assert (float(x.grad), float(y.grad)) == (8.0, 3.0)


def test_backward_resets_gradients_between_calls():
    x = Value(1.5)
    f = x.tanh() * 2.0
    f.backward()
    first = float(x.grad)
    f.backward()
    assert float(x.grad) == first


def test_topological_order_diamond_and_long_chain():
    x = Value(0.5)
    left, right = x * 2.0, x.exp()
    top = left + right
    order = topological_order(top)
    position = {id(n): i for i, n in enumerate(order)}
    assert len(order) == len({id(n) for n in order})
    for node in order:
        for parent, _ in node.parents:
            assert position[id(parent)] < position[id(node)]
    assert order[-1] is top
    chain = x
    for _ in range(5000):                       # deeper than Python's recursion limit
        chain = chain * 1.0
    chain.backward()
    assert float(x.grad) == 1.0


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("l2", [0.0, 0.3])
def test_whole_network_matches_mlp_backprop(activation, l2):
    X = RNG.normal(size=(12, 3))
    y = np.arange(12) % 4
    net = MLP([3, 5, 4, 4], activation=activation, seed=1)
    J_ref, grads_ref = net.loss_and_grads(X, y, l2=l2)
    params = [(Value(W), Value(b)) for W, b in net.params]
    J = mlp_loss(params, X, np.eye(4)[y], activation=activation, l2=l2)
    J.backward()
    assert abs(float(J.data) - J_ref) < 1e-12
    for (W, b), (dW, db) in zip(params, grads_ref):
        assert rel_error(W.grad, dW) < 1e-7
        assert rel_error(b.grad, db) < 1e-7


def test_cross_entropy_no_overflow_and_gradient():
    z = Value(np.array([[1000.0, 1001.0], [0.0, -3.0]]))
    Y = np.array([[0.0, 1.0], [1.0, 0.0]])
    J = cross_entropy(z, Y)
    J.backward()
    p = np.exp(z.data - z.data.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    assert np.isfinite(float(J.data))
    assert rel_error(z.grad, (p - Y) / 2) < 1e-12


def test_bad_input_names_the_problem():
    with pytest.raises(TypeError, match="data must be"):
        Value("three")
    with pytest.raises(ValueError, match="single number"):
        Value(np.ones(3)).backward()
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(3.0)
    with pytest.raises(TypeError, match="parents"):
        Value(1.0, parents=[(1.0, None)])
    with pytest.raises(ValueError, match=r"got \(4, 3\) and \(4, 2\)"):
        Value(A) @ Value(G)
    with pytest.raises(ValueError, match="activation"):
        mlp_loss([(Value(np.ones((2, 2))), Value(np.zeros(2)))], np.ones((1, 2)), np.eye(2)[[0]], activation="elu")
