"""Lesson 10's exercise 3 (10_depth, nnlib/exercises/lesson10.py): a standardisation that takes its statistics
from X_train but takes the mean again after X_train was rebound to the standardised part.

* the handed-out stub is neutral; the same bug rewritten gets the "given" hint (X_val never shifted);
* scaling X_val with its own statistics, the section 4 warning, is still named ("own");
* the fix passes, and no reply to a wrong answer contains the right code.
"""
from functools import partial

import numpy as np
from support import replies

from nnlib.exercises import lesson10

HINTS = {s.name: s.hint for s in lesson10.SLIPS["standardise"]}


reply = partial(replies.reply, "standardise")  # what the check prints for an answer


def rebound(X_train, X_val):            # the stub's bug, written another way
    std = np.where(X_train.std(0) > 0, X_train.std(0), 1.0)
    centred = X_train - X_train.mean(0)
    X_train = centred / std
    return X_train, (X_val - X_train.mean(0)) / std


def own(X_train, X_val):                # each part with its own statistics
    def scale(X):
        std = X.std(axis=0)
        return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)
    return scale(X_train), scale(X_val)


def fixed(X_train, X_val):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_val - mean) / std


def test_the_stub_is_neutral():
    assert "not attempted yet" in reply(lesson10._standardise_given)


def test_the_stub_rewritten_gets_the_given_hint():
    text = reply(rebound)
    assert "not attempted" not in text and HINTS["given"] in text


def test_own_statistics_are_named():
    text = reply(own)
    assert HINTS["own"] in text and HINTS["given"] not in text


def test_the_fix_passes():
    assert reply(fixed).startswith("standardise: correct")
