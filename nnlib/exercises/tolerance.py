"""The exercise engine's tolerance policy (plumbing, not lesson): when a number counts as matching another."""
import numpy as np

__all__ = ["ATOL", "RTOL", "close"]

ATOL = 1e-6
RTOL = 1e-6


def close(got, want, atol=ATOL, rtol=RTOL):
    """The tolerance policy, entry by entry: |got - want| <= atol + rtol * |want| (NaN matches only NaN,
    an infinity only the same infinity)."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    with np.errstate(invalid="ignore"):
        near = (np.abs(got - want) <= atol + rtol * np.abs(want)) & np.isfinite(want)
    return near | (got == want) | (np.isnan(got) & np.isnan(want))
