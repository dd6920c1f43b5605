"""What a student's function is given instead of the real thing (plumbing, not lesson): a shortcut the
exercise forbids is refused by what the function receives, whatever module the shortcut comes from.

`MatrixOnly(H)` (lesson 6, power iteration) is a symmetric matrix the function can only multiply vectors
by: `H @ v`, `v @ H`, `H.dot(v)` and `H.shape` work; numpy, scipy or scikit-learn cannot read its entries
(np.linalg.eigvalsh(H), np.linalg.norm(H, 2), np.diag(H) raise a TypeError saying so), and it cannot be
changed in place (`H /= scale` raises too).
"""
import numpy as np

ONLY = ("H here can only multiply vectors (H @ v, v @ H, H.dot(v)) and tell its shape: find the answer from "
        "such products alone")


def _refuse(*args, **kwargs):
    raise TypeError(ONLY)


def _frozen(self, other):
    raise TypeError("H cannot be changed in place: build new arrays from products H @ v instead")


class MatrixOnly:
    """A matrix as an operator: products with vectors, its shape, nothing else."""
    __array_ufunc__ = None            # numpy's ufuncs refuse it instead of reading it
    __array__ = __iter__ = __getitem__ = __len__ = __float__ = _refuse
    __iadd__ = __isub__ = __imul__ = __itruediv__ = __imatmul__ = __ipow__ = _frozen

    def __init__(self, H):
        H = np.array(H, dtype=float)
        self.shape, self.ndim = H.shape, 2

        def product(v, left=False):
            v = np.asarray(v, dtype=float)
            if v.shape[0 if not left else -1] != H.shape[0]:
                raise ValueError(f"H is {H.shape[0]} x {H.shape[1]}: it multiplies vectors of {H.shape[0]} "
                                 f"entries, got shape {v.shape}")
            return v @ H if left else H @ v
        self._product = product

    def __matmul__(self, v):
        return self._product(v)

    def __rmatmul__(self, v):
        return self._product(v, left=True)

    def dot(self, v):
        return self._product(v)

    @property
    def T(self):  # noqa: N802 - numpy's name
        return self

    def __repr__(self):
        return f"<a {self.shape[0]} x {self.shape[1]} matrix you can multiply vectors by: H @ v>"


def matrix_only(fn):
    """The student's fn(H) as a function of the real matrix that hands fn a MatrixOnly."""
    if not callable(fn):
        raise TypeError("expected a function top_eigenvalue(H)")
    return lambda H: fn(MatrixOnly(H))
