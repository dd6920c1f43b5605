"""A hash of the bits of trained weights, to show a refactor changes no stored result (lessons 6-10).

Trains a grid of small nets (activations x outputs x optimizers x batch sizes, with and without
l2/l1/dropout) on moons and blobs, and prints one SHA-256 over every final weight's bytes and every
recorded loss, plus one line per net. Run it before and after a change and compare:

    PYTHONPATH=$PWD .venv/bin/python benchmarks/weights_hash.py
"""
import hashlib
import itertools

import numpy as np

from nnlib import MLP
from nnlib import data as datasets


def runs():
    X, y = datasets.moons(120, noise=0.2, seed=0)
    yield "moons", X, y, 2
    X, y = datasets.spiral(150, seed=1, classes=3)
    yield "spiral", X, y, 3


def main():
    total = hashlib.sha256()
    for (name, X, y, k), act, out, opt, batch, reg in itertools.product(
            runs(), ["tanh", "relu", "sigmoid", "leaky_relu"], ["softmax", "sigmoid"],
            ["sgd", "momentum", "adam"], [None, 16], ["none", "l2", "l1+dropout"]):
        if out == "sigmoid" and k != 2:
            continue
        sizes = [2, 5, 4, k if out == "softmax" else 1]
        net = MLP(sizes, activation=act, output=out, seed=3)
        extra = {"none": {}, "l2": {"l2": 0.01}, "l1+dropout": {"l1": 0.001, "dropout": 0.2}}[reg]
        h = net.fit(X, y, epochs=60, lr=0.1, batch_size=batch, optimizer=opt, seed=5, **extra)
        one = hashlib.sha256()
        for W, b in net.params:
            one.update(np.ascontiguousarray(W).tobytes())
            one.update(np.ascontiguousarray(b).tobytes())
        one.update(np.asarray(h["loss"], dtype=float).tobytes())
        total.update(one.digest())
        print(name, act, out, opt, batch, reg, one.hexdigest()[:16])
    print("ALL", total.hexdigest())


if __name__ == "__main__":
    main()
