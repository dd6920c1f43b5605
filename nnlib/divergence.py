"""When has training diverged, and when was it unstable? The one definition for MLP.fit, every
explorer and the playground (lesson 5 explains it).

Epochs are counted from 1; `start` is the first epoch's loss.

  * The loss BLEW UP at the first epoch whose loss is not finite (inf or NaN: the numbers
    overflowed), reaches `ceiling` (for the clipped cross-entropy, losses.CEILING = -log(EPS):
    every sample confidently wrong), or exceeds BLOWUP (2) times the start.
  * A SPIKE is an epoch whose loss exceeds SPIKE (2) times the lowest loss before it, by at least
    FLOOR (0.1) times the start (so that noise around a tiny loss, 0.001 to 0.003, is no spike).
    During the first `warmup` epochs a rise that has not blown up is not a spike (momentum's first
    overshoot); a blow-up is a spike at any epoch.
  * The run DIVERGED when it ended badly: its last loss is not finite or at the ceiling, or it is
    above the start (once the loss blew up, or after more than `warmup` epochs). The epoch reported
    is where the trouble began: the first blow-up or spike (no warm-up excused), else, for a slow
    climb without either, the first epoch above the start. Not where the numbers finally overflowed,
    nor the first epoch from which the loss stayed above its start.
  * The run was UNSTABLE when it did not diverge but had a spike: it ended no higher than it began,
    yet its loss jumped on the way (a picture that looks fine hides a run that thrashed).

    epoch([0.69, 0.5, 0.3])                         -> None
    epoch([0.7, 1.9, 60.0, 5e3, 4e5, inf])          -> 2     (blew up at 2, overflowed at 6)
    message([0.7, 0.4, 12.0, 11.0, 0.3, 0.2])       -> "unstable: the loss jumped at epoch 3 and came
                                                        back; lower the learning rate"
"""
import numbers

import numpy as np

from .validation import positive

WARMUP = 10   # epochs during which a rise that stays below BLOWUP x the start is not a spike
BLOWUP = 2.0  # a loss above BLOWUP x the first epoch's loss has blown up
SPIKE = 2.0   # a loss above SPIKE x the lowest loss before it is a spike ...
FLOOR = 0.1   # ... when it is also above that lowest loss by FLOOR x the first epoch's loss


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


def _blown(arr, ceiling):
    """Boolean per epoch: not finite, at the ceiling, or above BLOWUP x the start."""
    finite = np.isfinite(arr)
    bad = ~finite
    if ceiling is not None:
        bad |= finite & (arr >= ceiling)
    if finite[0]:
        with np.errstate(all="ignore"):  # 2 x a loss near the largest float is inf: fine here
            bad |= finite & (arr > BLOWUP * arr[0])
    return bad


def _first(mask):
    return int(np.argmax(mask)) + 1 if mask.any() else None


def _spikes(arr, warmup, blown):
    """Boolean per epoch: a spike (see the module docstring)."""
    if arr.size < 2 or not np.isfinite(arr[0]):
        return blown
    lowest = np.minimum.accumulate(np.where(np.isfinite(arr), arr, np.inf))[:-1]  # lowest before epoch 2, 3, ...
    rise = arr[1:]
    with np.errstate(all="ignore"):  # 2 x a loss near the largest float is inf: fine here
        jump = (rise > SPIKE * lowest) & (rise - lowest > FLOOR * abs(arr[0]))
    jump &= np.arange(2, arr.size + 1) > warmup
    return blown | np.concatenate([[False], jump])


def _ended_bad(arr, warmup, ceiling, blown):
    last = arr[-1]
    if not np.isfinite(last) or (ceiling is not None and last >= ceiling):
        return True
    return bool(np.isfinite(arr[0]) and last > arr[0] and (blown.any() or arr.size > warmup))


def epoch(losses, warmup=WARMUP, ceiling=None):
    """The epoch (from 1) where the trouble of a diverged run began, else None: its first blow-up
    or spike, else its first epoch above the start. See the module docstring. Lesson 5."""
    arr = _check(losses, warmup, ceiling)
    if arr.size == 0:
        return None
    blown = _blown(arr, ceiling)
    if not _ended_bad(arr, warmup, ceiling, blown):
        return None
    with np.errstate(all="ignore"):  # a NaN is above nothing
        above = arr > arr[0]
    return _first(_spikes(arr, 0, blown)) or _first(above) or _first(~np.isfinite(arr))


def unstable_epoch(losses, warmup=WARMUP, ceiling=None):
    """The epoch (from 1) of the first spike of a run that did not diverge, else None (a healthy
    run, or a diverged one: see `epoch`). Lesson 5."""
    arr = _check(losses, warmup, ceiling)
    if arr.size == 0 or epoch(arr, warmup, ceiling) is not None:
        return None
    return _first(_spikes(arr, warmup, _blown(arr, ceiling)))


def diverged(losses, warmup=WARMUP, ceiling=None):
    """True when the run diverged: its loss blew up and did not come back (module docstring). Lesson 5."""
    return epoch(losses, warmup, ceiling) is not None


def unstable(losses, warmup=WARMUP, ceiling=None):
    """True when the run did not diverge but its loss spiked on the way (module docstring). Lesson 5."""
    return unstable_epoch(losses, warmup, ceiling) is not None


def message(losses, warmup=WARMUP, ceiling=None):
    """"" for a healthy run; "diverged at epoch 12: lower the learning rate"; or "unstable: the loss
    jumped at epoch 12 and came back; lower the learning rate". Lesson 5."""
    at = epoch(losses, warmup, ceiling)
    if at is not None:
        return f"diverged at epoch {at}: lower the learning rate"
    at = unstable_epoch(losses, warmup, ceiling)
    return "" if at is None else f"unstable: the loss jumped at epoch {at} and came back; lower the learning rate"
