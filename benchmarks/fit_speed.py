"""How fast is nnlib.MLP.fit against a hand-fused numpy loop doing the same arithmetic?

Workload (issue 3): make_moons(200, noise=0.20, seed 0), a 2-3-2 tanh/softmax net,
full batch, lr 2.0, l2 0.01, 20000 epochs, loss recorded every epoch.
Both run in one process, interleaved, several rounds; we report the best round of each.

    .venv/bin/python benchmarks/fit_speed.py [--epochs 20000] [--rounds 5]
"""
import argparse
import time

import numpy as np

from nnlib import MLP, datasets


def hand_fused(X, y, epochs, lr, l2, seed=0):
    """The classic loop (wildml's, with mean-over-samples scaling), loss every epoch."""
    n = X.shape[0]
    rng = np.random.RandomState(seed)
    W1, b1 = rng.randn(2, 3) / np.sqrt(2), np.zeros(3)
    W2, b2 = rng.randn(3, 2) / np.sqrt(3), np.zeros(2)
    Y = np.eye(2)[y]
    losses = []
    for _ in range(epochs):
        a1 = np.tanh(X @ W1 + b1)
        z2 = a1 @ W2 + b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(Y * np.log(np.clip(p, 1e-12, 1.0))) / n
        loss += l2 / (2 * n) * (np.sum(W1 * W1) + np.sum(W2 * W2))
        losses.append(float(loss))
        delta2 = (p - Y) / n
        dW2 = a1.T @ delta2 + (l2 / n) * W2
        db2 = delta2.sum(axis=0)
        delta1 = (delta2 @ W2.T) * (1 - a1 * a1)
        dW1 = X.T @ delta1 + (l2 / n) * W1
        db1 = delta1.sum(axis=0)
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
    return losses, (W1, b1, W2, b2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    X, y = datasets.moons(200, noise=0.20, seed=0)
    t_ref, t_lib = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        ref_losses, _ = hand_fused(X, y, args.epochs, 2.0, 0.01)
        t_ref.append(time.perf_counter() - t0)
        net = MLP([2, 3, 2], activation="tanh", output="softmax", seed=0)
        t0 = time.perf_counter()
        hist = net.fit(X, y, epochs=args.epochs, lr=2.0, l2=0.01)
        t_lib.append(time.perf_counter() - t0)
    same = np.allclose(ref_losses, hist["loss"], rtol=1e-9, atol=1e-12)
    print(f"workload: moons(200, noise=0.20), 2-3-2 tanh/softmax, full batch, lr 2.0, l2 0.01, {args.epochs} epochs")
    print(f"hand-fused numpy loop : best {min(t_ref):.3f} s  median {np.median(t_ref):.3f} s  ({1e6 * min(t_ref) / args.epochs:.1f} us/epoch)")
    print(f"nnlib MLP.fit         : best {min(t_lib):.3f} s  median {np.median(t_lib):.3f} s  ({1e6 * min(t_lib) / args.epochs:.1f} us/epoch)")
    print(f"ratio (best / best)   : {min(t_lib) / min(t_ref):.3f}   (median / median: {np.median(t_lib) / np.median(t_ref):.3f})")
    print(f"same loss curve as the reference: {same}")
    print(f"final loss: reference {ref_losses[-1]:.4f}, nnlib {hist['loss'][-1]:.4f}; "
          f"nnlib training accuracy {net.accuracy(X, y):.3f}")


if __name__ == "__main__":
    main()
