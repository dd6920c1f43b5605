"""Lesson 6, exercise 6 (06_moons, power iteration): the reply to an answer whose lambda_max ran away because v
was not normalised inside the loop, whatever its start vector and number of repetitions, to one above lambda_max
(a quotient of a v that is not a unit vector), to one that reads another eigenvalue (a start with no part along
the top eigenvector), and to one that stopped repeating too early, whatever its start (a catalogued slip matches
one such answer only, by its output)."""
import numpy as np

from .compare import compare, show
from .handles import matrix_only
from .reply import NotYet, verdict
from .sandbox import run
from .stubs import untouched

RUNAWAY = ("Your lambda_max ran away: v's length grows (or shrinks) like lambda_max^steps unless v is divided by its "
           "norm inside the loop, and whatever you compute from v at the end (v @ H @ v, or the length of H @ v) grows "
           "with it, past the largest float (about 1e308) if the loop is long: normalise v after every product "
           "H @ v.")
FEW = ("Right where the two largest eigenvalues are far apart, too low where they are close: v has not yet turned "
       "to the top eigenvector. Each repetition shrinks the other components by lambda_2 / lambda_max, and with "
       "0.9 against 1.0 that takes many repetitions. A stop once the quotient changes by little is no proof either: "
       "when lambda_2 / lambda_max is near 1, it creeps up by a little at every step for a long while. How many "
       "repetitions bring 0.9^k below the error you accept?")
ABOVE = ("Your lambda_max is above the largest eigenvalue, and no vector's Rayleigh quotient can be: v @ H @ v is the "
         "eigenvalue only for a unit v. Divide by v @ v, or scale v by its length np.linalg.norm(v).")
START = ("Your answer is another eigenvalue of H, not the largest: your start has no part along the top eigenvector, "
         "and every product H @ v keeps it without one, so v turns to the next eigenvector instead. Start from a "
         "random vector: it has some part along every direction.")
WIDE = np.diag([10.0, 1.0, 0.5])                 # lambda_2 / lambda_max = 0.1: a few repetitions are enough


def _number(fn, H, forbid_modules):
    """fn(H) as one float, with H handed over as a MatrixOnly; None if it raised or gave no single number."""
    outcome = run(matrix_only(fn), (H,), forbid_modules=forbid_modules)
    try:
        return None if outcome.error else float(outcome.value)
    except (TypeError, ValueError):
        return None


def runaway(fn, cases, reference, forbid_modules=()):
    """The first case's problem where fn's answer ran away, else None: it came out inf or over 100 times
    lambda_max (v never normalised), or it is wrong on H and right on H / lambda_max, whose lambda_max = 1 keeps
    v's length from overflowing (v normalised only after the loop)."""
    for (H,) in cases:
        top, got = reference(H), _number(fn, H, forbid_modules)
        if got is None or abs(got - top) <= 1e-4 * (1 + abs(top)):
            continue
        scaled = _number(fn, H / top, forbid_modules)
        if np.isinf(got) or abs(got) > 100 * abs(top) or (scaled is not None and abs(scaled - 1) <= 1e-4):
            return f"for (H={show(H)}): " + compare(got, top, ("lambda_max",), words=False)
    return None


def stopped_early(fn, cases, reference, forbid_modules=()):
    """The first case's problem if fn is right on WIDE, rotated, and below lambda_max on that case (the Rayleigh
    quotient of a v that has not yet turned to the top eigenvector), else None."""
    Q, _ = np.linalg.qr(np.random.default_rng(5).standard_normal((3, 3)))
    wide = Q @ WIDE @ Q.T
    got = _number(fn, wide, forbid_modules)
    if got is None or abs(got - 10.0) > 1e-4 * 11:
        return None
    for (H,) in cases:
        top, got = reference(H), _number(fn, H, forbid_modules)
        if got is not None and got < top - 1e-4 * (1 + abs(top)):
            return f"for (H={show(H)}): " + compare(got, top, ("lambda_max",), words=False)
    return None


def misread(fn, cases, reference, forbid_modules=()):
    """(the reply, the first case's problem) if fn's answer on a case is above lambda_max (ABOVE) or is another
    eigenvalue of H (START), else None. A runaway answer is caught before this."""
    for (H,) in cases:
        top, got = reference(H), _number(fn, H, forbid_modules)
        if got is None or not np.isfinite(got) or abs(got - top) <= 1e-4 * (1 + abs(top)):
            continue
        problem = f"for (H={show(H)}): " + compare(got, top, ("lambda_max",), words=False)
        if got > top:
            return ABOVE, problem
        if np.any(np.abs(np.linalg.eigvalsh(H)[:-1] - got) <= 1e-4 * (1 + abs(got))):
            return START, problem
    return None


def named_or_runaway(name, fn, check, slips, cases, reference, forbid_modules, grade):
    """Run check(grade); a failure no slip in `slips` names whose answer ran away gets RUNAWAY instead, one above
    lambda_max ABOVE, one that reads another eigenvalue START, and one that stopped repeating too early FEW."""
    if not callable(fn) or untouched(fn):
        return check(grade)
    try:
        check(True)
    except NotYet as failure:
        named = any(f"not yet. {slip.hint}" in str(failure) for slip in slips)
        problem = None if named else runaway(fn, cases, reference, forbid_modules)
        if problem is not None:
            return verdict(name, problem, RUNAWAY, grade)
        wrong = None if named else misread(fn, cases, reference, forbid_modules)
        if wrong is not None:
            return verdict(name, wrong[1], wrong[0], grade)
        early = None if named else stopped_early(fn, cases, reference, forbid_modules)
        if early is not None:
            return verdict(name, early, FEW, grade)
    return check(grade)
