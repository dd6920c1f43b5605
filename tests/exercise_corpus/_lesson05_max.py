"""Lesson 5, exercise 2 (the max gate): blind answers, kept apart so that lesson05.py stays short.

Written from the notebook's lesson and the exercise's prompt alone, without the check or its catalogue of slips;
the words were registered before any reply was read. lesson05.py adds MAX_GATE_ENTRIES to its ENTRIES.
"""
import numpy as np

from . import right, wrong


def _route(z, cols, dJda):
    dJdz = np.zeros(z.shape)
    dJdz[np.arange(z.shape[0]), cols] = dJda
    return dJdz


class MaxCopies:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        return np.repeat(dJda[:, None], self.z.shape[1], axis=1)     # like the add gate: every entry


class MaxNoUpstream:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        return _route(self.z, self.z.argmax(axis=1), 1.0)            # the local derivative only


class MaxAllTies:
    def forward(self, z):
        self.a = z.max(axis=1)
        self.mask = z == self.a[:, None]
        return self.a

    def backward(self, dJda):
        return self.mask * dJda[:, None]                              # every tied entry gets it


class MaxLastTie:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        m = self.z.shape[1]
        return _route(self.z, m - 1 - self.z[:, ::-1].argmax(axis=1), dJda)


class MaxSplitTies:
    def forward(self, z):
        self.a = z.max(axis=1)
        self.mask = z == self.a[:, None]
        return self.a

    def backward(self, dJda):
        return self.mask * (dJda / self.mask.sum(axis=1))[:, None]   # ties share the gradient


class MaxColumns:
    def forward(self, z):
        self.z = z
        return z.max(axis=0)

    def backward(self, dJda):
        dJdz = np.zeros(self.z.shape)
        dJdz[self.z.argmax(axis=0), np.arange(self.z.shape[1])] = dJda
        return dJdz


class MaxNoAxis:
    def forward(self, z):
        self.z = z
        return np.max(z)

    def backward(self, dJda):
        dJdz = np.zeros(self.z.shape)
        dJdz[np.unravel_index(self.z.argmax(), self.z.shape)] = np.sum(dJda)
        return dJdz


class MaxFlatArgmax:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        dJdz = np.zeros(self.z.shape)
        dJdz.flat[self.z.argmax()] = dJda[np.unravel_index(self.z.argmax(), self.z.shape)[0]]
        return dJdz


class MaxReusesZ:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        cols = self.z.argmax(axis=1)
        self.z[:] = 0                                                 # reuse z's memory for dJdz
        self.z[np.arange(len(cols)), cols] = dJda
        return self.z


class MaxSpreads:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        return np.repeat(dJda[:, None], self.z.shape[1], axis=1) / self.z.shape[1]


class MaxArgmin:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        return _route(self.z, self.z.argmin(axis=1), dJda)


class MaxKeepdims:
    def forward(self, z):
        self.z = z
        return z.max(axis=1, keepdims=True)                          # (n, 1), not (n,)

    def backward(self, dJda):
        return _route(self.z, self.z.argmax(axis=1), np.ravel(dJda))


class MaxReturnsRow:
    def forward(self, z):
        self.z = z
        return z.max(axis=1)

    def backward(self, dJda):
        return dJda * 1.0                                             # slope 1 for the max: dJdz = dJda


class MaxMaskNoKeepdims:
    def forward(self, z):
        self.a = z.max(axis=1)
        self.first = np.argmax(z == self.a, axis=1)                  # a (n,) compared along the columns
        self.shape = z.shape
        return self.a

    def backward(self, dJda):
        dJdz = np.zeros(self.shape)
        dJdz[np.arange(self.shape[0]), self.first] = dJda
        return dJdz


class MaxPutAlongAxis:
    def forward(self, z):
        self.idx = np.argmax(z, axis=1)[:, None]
        self.shape = z.shape
        return np.take_along_axis(z, self.idx, axis=1)[:, 0]

    def backward(self, dJda):
        dJdz = np.zeros(self.shape)
        np.put_along_axis(dJdz, self.idx, np.asarray(dJda, dtype=float)[:, None], axis=1)
        return dJdz


class MaxLoop:
    def forward(self, z):
        self.z = np.array(z, dtype=float)
        a = np.empty(len(self.z))
        self.winner = []
        for i, row in enumerate(self.z):
            j_best = 0
            for j in range(1, len(row)):
                if row[j] > row[j_best]:                              # strictly larger: the first tie stays
                    j_best = j
            self.winner.append(j_best)
            a[i] = row[j_best]
        return a

    def backward(self, dJda):
        dJdz = np.zeros(self.z.shape)
        for i, j in enumerate(self.winner):
            dJdz[i, j] = dJda[i]
        return dJdz


class MaxFirstMask:
    def forward(self, z):
        is_max = z == z.max(axis=1, keepdims=True)
        self.mask = is_max & (np.cumsum(is_max, axis=1) == 1)         # only the first of tied maxima
        return z.max(axis=1)

    def backward(self, dJda):
        return self.mask * np.asarray(dJda)[:, None]


MAX_GATE_ENTRIES = [
    wrong("max_gate", MaxCopies, "copied the gradient to every entry of the row, as the add gate does",
          ["every entry", "all entries", "each entry", "copies", "add gate", "only the", "one entry", "route"]),
    wrong("max_gate", MaxNoUpstream, "returned the local derivative (1 at the max) without the upstream dJ/da",
          ["upstream", "dj/da", "djda", "multiply by", "chain rule"]),
    wrong("max_gate", MaxAllTies, "a mask z == max sends the gradient to every tied entry, not the first",
          ["tie", "first", "leftmost"]),
    wrong("max_gate", MaxLastTie, "on a tie sent the gradient to the last tied entry instead of the first",
          ["tie", "first", "leftmost", "last"]),
    wrong("max_gate", MaxSplitTies, "split the gradient equally among tied entries instead of all to the first",
          ["tie", "first", "leftmost", "split"]),
    wrong("max_gate", MaxColumns, "took the max down each column (axis=0) instead of along each row",
          ["axis", "column", "per row", "each row", "along the row"]),
    wrong("max_gate", MaxNoAxis, "np.max without an axis: one number for the whole array, not one per row",
          ["axis", "whole array", "per row", "each row", "one number", "shape"]),
    wrong("max_gate", MaxFlatArgmax, "argmax without an axis: only the largest entry of the whole array gets a "
          "gradient, the other rows none", ["axis", "whole array", "per row", "each row", "every row", "flat"]),
    wrong("max_gate", MaxReusesZ, "reused the stored z as the buffer for dJdz, so backward changes the caller's z",
          ["in place", "changed", "modif", "copy", "overwr"]),
    wrong("max_gate", MaxSpreads, "spread the gradient evenly over the row (dJda / m), as for a mean",
          ["spread", "share", "split", "average", "mean", "only the", "one entry", "route"]),
    wrong("max_gate", MaxArgmin, "routed the gradient to the smallest entry (argmin) instead of the largest",
          ["smallest", "argmin", "minimum"]),
    wrong("max_gate", MaxKeepdims, "forward returns a column of shape (n, 1) (keepdims) instead of (n,)",
          ["shape", "(n,)", "keepdims", "column"]),
    wrong("max_gate", MaxReturnsRow, "backward returns dJda itself, shape (n,), instead of an array shaped like z",
          ["shape", "shape of z", "(n, m)"]),
    wrong("max_gate", MaxMaskNoKeepdims, "compared z with its row maxima without keepdims, so a (n,) is matched "
          "against the columns, not the rows", ["keepdims", "broadcast", "[:, none]", "column", "align"]),
    right("max_gate", MaxPutAlongAxis, "argmax with take_along_axis / put_along_axis"),
    right("max_gate", MaxLoop, "a loop over rows and entries, strict > keeps the first tie"),
    right("max_gate", MaxFirstMask, "a mask of the maxima, cut to the first tie with cumsum"),
]
