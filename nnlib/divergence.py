"""When has training diverged? One rule for MLP.fit, every explorer and the playground (lesson 5).

A run has diverged when

  * a loss is not finite (inf or NaN: the numbers overflowed), or reaches `ceiling` (for the
    clipped cross-entropy, losses.CEILING = -log(EPS): every sample confidently wrong), or
  * after a short warm-up (more than `warmup` epochs), the loss ends above where it started.

The second rule matters because the cross-entropy is clipped: a run whose learning rate is far too
big stays finite (on the moons, lr 1e6 takes the loss from 0.58 to 7.18 in 30 epochs) but it ends
worse than it began, which no learning run does. The warm-up lets a loss rise for a few epochs
before falling (momentum's first overshoot) without a false alarm.

    diverged([0.69, 0.5, 0.3])                  -> False
    diverged([0.58, 3.1, 7.2] + [7.18] * 10)    -> True
    message([0.7, 0.9, float("nan")])           -> "diverged at epoch 3: lower the learning rate"
"""
import numbers

import numpy as np

from .validate import positive

WARMUP = 10  # epochs during which a rising loss is not yet called divergence


def _check(losses, warmup, ceiling):
    if isinstance(losses, (str, bytes, dict)) or not hasattr(losses, "__len__"):
        raise TypeError(f"losses must be a sequence of numbers, got {losses!r:.60}")
    if isinstance(warmup, bool) or not isinstance(warmup, numbers.Integral) or warmup < 0:
        raise ValueError(f"warmup must be an integer >= 0, got {warmup!r:.60}")
    if ceiling is not None:
        positive(ceiling, "ceiling")
    try:
        arr = np.asarray(losses, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise TypeError(f"losses must be a sequence of numbers, got {losses!r:.60}") from None
    if np.ndim(losses) > 1:
        raise ValueError(f"losses must be one-dimensional (one loss per epoch), got shape {np.shape(losses)}")
    return arr


def epoch(losses, warmup=WARMUP, ceiling=None):
    """The epoch (counted from 1) at which the run diverged, or None: the first non-finite loss (or
    one at `ceiling`); otherwise, when the loss ends above its start after the warm-up, the first
    epoch from which it stayed above the start. Lesson 5."""
    arr = _check(losses, warmup, ceiling)
    bad = ~np.isfinite(arr)
    if ceiling is not None:
        bad |= np.isfinite(arr) & (arr >= ceiling)
    if bad.any():
        return int(np.argmax(bad)) + 1
    if arr.size <= max(warmup, 1) or not arr[-1] > arr[0]:
        return None
    below = np.flatnonzero(arr <= arr[0])
    return int(below[-1]) + 2  # the epoch after the last one at or below the start


def diverged(losses, warmup=WARMUP, ceiling=None):
    """True when the run diverged (see the module docstring): a non-finite loss (or one at
    `ceiling`), or a loss that ends above its start after `warmup` epochs. Lesson 5."""
    return epoch(losses, warmup, ceiling) is not None


def message(losses, warmup=WARMUP, ceiling=None):
    """"" for a healthy run, else e.g. "diverged at epoch 12: lower the learning rate". Lesson 5."""
    at = epoch(losses, warmup, ceiling)
    return "" if at is None else f"diverged at epoch {at}: lower the learning rate"
