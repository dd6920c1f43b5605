"""Lesson 6, exercise 5 (implement): power iteration for lambda_max. An answer that reads the eigenvalue off one
entry, (H @ v)[0] / v[0], is right on the rotated matrices and wrong on diag(1, 3), whose top eigenvector has a 0
first entry: it is told about the entry ratio, not about v @ v, which it never computed.
"""
import contextlib
import io

import numpy as np

from nnlib import check
from nnlib.exercises import lesson06


def reply(fn):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.top_eigenvalue(fn) is None
    return out.getvalue().strip()


def hint(name):
    return next(s.hint for s in lesson06.SLIPS["top_eigenvalue"] if s.name == name)


def power(value, start):
    def top_eigenvalue(H):
        v = start(H.shape[0])
        for _ in range(400):
            v = H @ v
            v = v / np.linalg.norm(v)
        return value(v, H)
    return top_eigenvalue


def test_an_entry_ratio_is_named_as_one():
    for start in [np.ones, lambda n: np.random.default_rng(0).standard_normal(n)]:
        text = reply(power(lambda v, H: (H @ v)[0] / v[0], start))
        assert text.startswith(f"top_eigenvalue: not yet. {hint('entry ratio')}"), text
        assert "v @ v is 1" not in text


def test_v_dot_v_is_still_named_as_such():
    text = reply(power(lambda v, H: v @ v, np.ones))
    assert text.startswith(f"top_eigenvalue: not yet. {hint('v @ v')}"), text
