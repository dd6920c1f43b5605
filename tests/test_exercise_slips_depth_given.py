"""Lesson 10's diagnose exercises (10_depth: standardise, he_init, bn_backward): code that still has the handed-out
bug after a harmless edit is told the symptom the lesson states (how it behaves), never the cause or the fix."""
import re

import numpy as np
import pytest
from support.replies import defined, reply

from nnlib.exercises import handed_out, lesson10

HARMLESS = [("standardise", "    std = X_train.std(axis=0)\n", "    s = X_train.std(axis=0)\n    std = s\n",
             re.compile(r"rebound|already holds|mean is 0|before transform|name X_train")),
            ("he_init", "    rng = np.random.RandomState(seed)\n",
             "    gen = np.random.RandomState(seed)\n    rng = gen\n",
             re.compile(r"n_out|n_in|square|rows of W|agree")),
            ("bn_backward", "    dbeta = dout.sum(axis=0)\n", "    dbeta = np.sum(dout, axis=0)\n",
             re.compile(r"constant|running|mu\b|sigma|mean terms?|route"))]


def given_hint(name):
    return next(s.hint for s in lesson10.SLIPS[name] if s.name == "given")


@pytest.mark.parametrize("name, old, new, location", HARMLESS, ids=[h[0] for h in HARMLESS])
def test_a_harmless_change_gets_the_symptom_not_the_cause(name, old, new, location):
    source = handed_out.SOURCES[name]
    assert source.count(old) == 1
    assert "not attempted yet" in reply(name, defined(source, name))
    hint = given_hint(name)
    assert hint.startswith("This still behaves as the code handed out") and "did not alter" in hint, hint
    assert not location.search(hint), f"{name}: the hint names the cause: {location.search(hint)[0]!r}"
    text = reply(name, defined(source.replace(old, new), name))
    assert text.startswith(f"{name}: not yet. {hint}"), text
    assert not location.search(text.split(hint, 1)[1]), text


def test_the_cause_patterns_would_catch_the_old_hints():
    old = {"standardise": "when its mean is subtracted, the name X_train already holds the standardised part",
           "he_init": "The scale uses n_out: On square layers the two agree",
           "bn_backward": "dz treats the batch mean and variance as constants"}
    for name, _, _, location in HARMLESS:
        assert location.search(old[name]), name


def test_the_stated_symptoms_hold():
    X_train = lesson10._X_TRAIN
    _, val = lesson10._standardise_given(X_train, lesson10._X_VAL)
    _, shifted = lesson10._standardise_given(X_train + 7.0, lesson10._X_VAL)
    assert np.allclose(val, shifted)                            # X_val does not depend on X_train's mean
    sizes = [3, 8, 8, 2]
    bug, right = lesson10._he_n_out(sizes, 0), lesson10._he_ref(sizes, 0)
    same = [np.allclose(b[0], r[0]) for b, r in zip(bug, right)]
    assert same == [False, True, False]                         # W1 and W3 differ, W2 matches
    from nnlib.exercises import lesson10_batchnorm as bn
    for case in bn._BN_CASES:
        dz = bn._bn_constant_stats(*case.args)[0]
        assert not np.allclose(dz.sum(axis=0), 0)               # does not sum to 0 over the batch
        assert np.allclose(bn._bn_ref(*case.args)[0].sum(axis=0), 0)
