"""How fast is nnlib.MLP.fit against the bare numpy training loop doing the same arithmetic?

Workload: moons(200, noise=0.2, seed=0), a 2-3-2 tanh/softmax net, full batch, lr 2.0,
l2 0.01, 20000 epochs. Three runs, interleaved (their order rotates from round to round), several
rounds; the best round of each counts:

  bare loop       forward, backward, update, nothing else (no loss recorded): the floor
  reference loop  the bare loop plus a full clipped cross-entropy every epoch (the old yardstick)
  nnlib MLP.fit   the library, recording the loss of every epoch (from the softmax's own pieces)

    .venv/bin/python benchmarks/fit_speed.py [--epochs 20000] [--rounds 7] [--clock cpu|wall]

Target: MLP.fit <= 1.10 x the bare loop. The default clock is this process's CPU time
(time.process_time), which other processes on a busy machine disturb less than the wall clock;
--clock wall times what a person waits. Either way the best of several rounds counts.
"""
import argparse
import time

import numpy as np

from nnlib import MLP
from nnlib import data as datasets


def start_weights(seed=0):
    rng = np.random.RandomState(seed)  # MLP's default ("lecun") initialisation, same draws
    return rng.randn(2, 3) / np.sqrt(2), np.zeros(3), rng.randn(3, 2) / np.sqrt(3), np.zeros(2)


def bare_loop(X, y, epochs, lr, l2, full_loss=False):
    """The classic loop (wildml's, with mean-over-samples scaling); with full_loss, also the clipped
    cross-entropy plus the L2 penalty every epoch, as the old reference did."""
    n = X.shape[0]
    W1, b1, W2, b2 = start_weights()
    Y = np.eye(2)[y]
    losses = []
    for _ in range(epochs):
        a1 = np.tanh(X @ W1 + b1)
        z2 = a1 @ W2 + b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        if full_loss:
            loss = -np.sum(Y * np.log(np.clip(p, 1e-12, 1.0))) / n
            losses.append(float(loss + l2 / (2 * n) * (np.sum(W1 * W1) + np.sum(W2 * W2))))
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


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def timed(fn, clock):
    t0 = clock()
    out = fn()
    return clock() - t0, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    args = ap.parse_args()
    clock = CLOCKS[args.clock]
    X, y = datasets.moons(200, noise=0.2, seed=0)
    E, times, out = args.epochs, {"bare": [], "reference": [], "fit": []}, {}

    def fit():
        net = MLP([2, 3, 2], activation="tanh", output="softmax", seed=0)
        return net, net.fit(X, y, epochs=E, lr=2.0, l2=0.01)

    runs = {"bare": lambda: bare_loop(X, y, E, 2.0, 0.01)[1],
            "reference": lambda: bare_loop(X, y, E, 2.0, 0.01, full_loss=True)[0], "fit": fit}
    for r in range(args.rounds):  # the order rotates: what ran just before can slow a run down
        for key in list(runs)[r % 3:] + list(runs)[:r % 3]:
            t, out[key] = timed(runs[key], clock)
            times[key].append(t)
    bare_w, ref_losses, (net, hist) = out["bare"], out["reference"], out["fit"]
    best = {k: min(v) for k, v in times.items()}
    print(f"workload: moons(200, noise=0.2), 2-3-2 tanh/softmax, full batch, lr 2.0, l2 0.01, {E} epochs, "
          f"best of {args.rounds} rounds, {args.clock} time")
    labels = {"bare": "bare loop (no loss)", "reference": "reference (full loss)", "fit": "nnlib MLP.fit"}
    for key, label in labels.items():
        print(f"{label:22s}: best {best[key]:.3f} s  median {np.median(times[key]):.3f} s  "
              f"({1e6 * best[key] / E:.1f} us/epoch)")
    print(f"MLP.fit / bare loop      : {best['fit'] / best['bare']:.3f}   (target <= 1.10)")
    print(f"MLP.fit / reference loop : {best['fit'] / best['reference']:.3f}")
    same_w = all(np.array_equal(a, b) for a, b in zip(bare_w, [p for pair in net.params for p in pair]))
    rel = np.max(np.abs(np.array(hist.loss) - ref_losses) / np.array(ref_losses))
    print(f"same weights as the bare loop, bit for bit: {same_w}; loss history vs the reference: max relative "
          f"difference {rel:.1e}")
    print(f"final loss {hist.loss[-1]:.4f}, training accuracy {net.accuracy(X, y):.3f}")


if __name__ == "__main__":
    main()
