"""Speed tricks for nnlib's inner training loop (lessons 5-9), kept out of the lesson modules.

None of this is lesson maths: each function gives the same bits as the plain numpy a lesson writes,
only faster on the small arrays the course trains on.

    row_max(z), row_sum(e)   z.max(axis=1, keepdims=True), e.sum(axis=1, keepdims=True)
    picks(Y, output, loss)   flat indices row * k + label of one-hot Y's true classes (or None)
    batch_picks(labels, k)   the same for a batch of labels
    softmax_cross_entropy    (J, delta) from the output's z, the softmax computed in place

All unchecked: the public entry points (MLP, training) check their arguments once.
"""
import numpy as np

NARROW = 8  # below this many columns, column-by-column row max/sum: numpy's own order, so the same bits


def row_max(z):
    """z.max(axis=1, keepdims=True). For a narrow z (n, k < NARROW) taken column by column: numpy's
    reduction machinery costs ~5 us a call on small arrays, k - 1 elementwise maxima far less."""
    if z.shape[1] >= NARROW:
        return z.max(axis=1, keepdims=True)
    if z.shape[1] == 1:
        return z.copy()
    m = np.maximum(z[:, :1], z[:, 1:2])
    for j in range(2, z.shape[1]):
        np.maximum(m, z[:, j:j + 1], out=m)
    return m


def row_sum(e):
    """e.sum(axis=1, keepdims=True), column by column for a narrow e: numpy adds the columns of a
    narrow C-ordered array left to right, so this gives the same bits, faster (see row_max)."""
    if e.shape[1] >= NARROW:
        return e.sum(axis=1, keepdims=True)
    if e.shape[1] == 1:
        return e.copy()
    s = e[:, :1] + e[:, 1:2]
    for j in range(2, e.shape[1]):
        s += e[:, j:j + 1]
    return s


def picks(Y, output, loss):
    """For softmax + cross-entropy on one-hot targets Y (n, k): the flat indices of the true classes in
    a (n, k) array (row * k + label), so the loss can come from the softmax's own pieces
    (softmax_cross_entropy); else None."""
    if output != "softmax" or loss != "cross_entropy":
        return None
    if not np.all((Y == 0) | (Y == 1)) or not np.all(row_sum(Y) == 1):
        return None
    return batch_picks(np.argmax(Y, axis=1), Y.shape[1])


def batch_picks(labels, k):
    """Flat indices row * k + label of each row's true class in a (len(labels), k) array."""
    return np.arange(len(labels)) * k + labels


def softmax_cross_entropy(z, Y, picks, eps):
    """(J, delta) for softmax + cross-entropy on one-hot Y, from the output's pre-activation z
    (overwritten): the softmax and then delta = (y_hat - Y) / n in place, and the loss from the true
    classes' probabilities alone (a gather of n numbers instead of log and multiply over all n k),
    clipped at eps as losses.cross_entropy is."""
    n = Y.shape[0]
    z -= row_max(z)
    p = np.exp(z, out=z)
    p /= row_sum(p)  # the softmax, in place
    p_true = np.take(p, picks)
    J = -np.add.reduce(np.log(np.maximum(p_true, eps, out=p_true), out=p_true)) / n
    p -= Y
    p /= n  # delta = (y_hat - Y) / n
    return J, p
