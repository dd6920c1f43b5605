"""How a wrong result moved from one of the arguments (plumbing for every lesson's checks): p_new moved from p
the opposite way, not at all, or by a step of the wrong size; or the result is the argument minus the expected."""
import numpy as np

from .tolerance import ATOL, close

__all__ = ["step_words"]


def step_words(got, want, outputs, args, names):
    """For a wrong result related to one of the arguments: ' (...)' when its change from that argument (p_new from
    p) has the opposite sign, or it is that argument minus the expected, else ''. Only the first wrong result is
    looked at."""
    if len(outputs) > 1 and not (isinstance(got, (tuple, list)) and len(got) == len(outputs)):
        return ""
    gots, wants = (got, want) if len(outputs) > 1 else ((got,), (want,))
    for label, g, w in zip(outputs, gots, wants):
        try:
            g, w = np.asarray(g, dtype=float), np.asarray(w, dtype=float)
        except Exception:  # noqa: BLE001 - whatever the student returned
            return ""
        if g.shape != w.shape or np.all(close(g, w)):
            continue
        for name, a in zip(names, args):
            if isinstance(a, np.ndarray) and a.shape == w.shape and a.dtype.kind == "f":
                dw, dg = w - a, g - a
                if np.any(np.abs(dw) > ATOL) and np.all(close(dg, -dw)):
                    return (f" ({label} moves from {name} the opposite way: the change has the wrong sign, a step "
                            "uphill where it should go downhill?)")
                updated = label == f"{name}_new"          # p_new is p after one step
                if updated and np.any(np.abs(dw) > ATOL) and np.all(close(g, a)):
                    return f" ({label} is {name} unchanged: the update is never applied, or applied to a copy?)"
                scale = _step_scale(dg, dw) if updated else None
                if scale:
                    return (f" ({label}'s change from {name} is {scale:.3g} times the expected change: the size of the "
                            "step is off, such as the learning rate or a factor in it?)")
                if np.all(close(g, a - w)):
                    return (f" ({label} is {name} minus the expected: a complement, such as 1 - s where s belongs, "
                            "or a sign inside an exponent: sigmoid(-z) for sigmoid(z)?)")
        return ""
    return ""


def _step_scale(dg, dw):
    """The factor k when the change dg is k times the expected change dw (k not 1, not -1, several entries moved),
    else None."""
    big = np.abs(dw) > 10 * ATOL
    if big.sum() < 2:
        return None
    k = float(np.median(dg[big] / dw[big]))
    if abs(k - 1) < 1e-3 or abs(k + 1) < 1e-3 or abs(k) < 1e-3 or not np.all(close(dg, k * dw, 10 * ATOL, 1e-4)):
        return None
    return k
