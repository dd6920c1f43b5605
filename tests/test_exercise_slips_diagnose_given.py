"""Lessons 3, 5 and 7, the diagnose exercises: a change that leaves the handed-out code behaving as before is told
so, with the symptom the lesson states, and never where the bugs are; and lesson 7's Adam step without the bias
correction is told that its first steps are too large, which the reply's own numbers show."""
import re
from functools import partial

import numpy as np
import pytest
from support import replies
from support.replies import reply

from nnlib.exercises import handed_out, lesson03, lesson05, lesson07
from nnlib.layers import sigmoid

HARMLESS = [("xor_gradients", "gradients", "    n = X.shape[0]\n", "    nn = X.shape[0]\n    n = nn\n",
             lesson03, re.compile(r"slope|factor|shape|transpos|order|X\.T|delta1")),
            ("l_layer_grads", "l_layer_loss_and_grads", "    n = X.shape[0]\n", "    nn = X.shape[0]\n    n = nn\n",
             lesson05, re.compile(r"log .* of|taken of|key under|f\"W|'W'|stores|1 - y_hat")),
            ("adam_step", "adam_step", "    m_new =", "    lr = lr * 1\n    m_new =",
             lesson07, re.compile(r"square|abs|power|beta1 \*\*|\^t|bias correction"))]

defined = partial(replies.defined, sigmoid=sigmoid)  # the cells run after the lessons' import of sigmoid


@pytest.mark.parametrize("name, fname, old, new, lesson, location", HARMLESS, ids=[h[0] for h in HARMLESS])
def test_a_harmless_change_gets_the_symptom_not_the_bugs(name, fname, old, new, lesson, location):
    source = handed_out.SOURCES[name]
    assert source.count(old) == 1
    assert reply(name, defined(source, fname)) == f"{name}: not attempted yet: put your answer (or your fix) in " \
                                                 "the cell above, run that cell, then run this one again."
    hint = next(s.hint for s in lesson.SLIPS[name] if s.name == "given")
    assert hint.startswith("This still behaves as the") and "did not alter" in hint, hint
    assert not location.search(hint), f"{name}: the hint points at a bug: {location.search(hint)[0]!r}"
    assert reply(name, defined(source.replace(old, new), fname)).startswith(f"{name}: not yet. {hint}")


def test_the_location_patterns_would_catch_the_old_hints():
    old = {"xor_gradients": "check every factor of delta1, and the shape of dJdW1",
           "l_layer_grads": "look at what each of J's two logs is taken of, and at the key under which the backward "
                            "loop stores each layer's weight gradient",
           "adam_step": "look at what v averages (the square of g?) and at the power of beta1 in m's bias correction"}
    for name, _, _, _, _, location in HARMLESS:
        assert location.search(old[name]), name


def test_no_bias_correction_is_told_its_first_step_is_too_large():
    slip = next(s for s in lesson07.SLIPS["adam_step"] if s.name == "no_correction")
    assert "too large" in slip.hint and "too small" not in slip.hint
    assert "3.2" in slip.hint
    p, g, zero = np.array([0.5]), np.array([0.1]), np.zeros(1)
    right, _, _ = lesson07._adam(p, g, zero, zero.copy(), 1, 0.01)
    dropped, _, _ = slip.answer(p, g, zero, zero.copy(), 1, 0.01)
    ratio = float((p - dropped)[0] / (p - right)[0])
    assert round(ratio, 1) == 3.2                        # the number the hint gives, at t = 1
    m, v = np.array([0.3]), np.array([0.02])
    later = [float((p - slip.answer(p, g, m, v, t, 0.01)[0])[0] / (p - lesson07._adam(p, g, m, v, t, 0.01)[0])[0])
             for t in (10, 100, 1000)]
    assert all(r > 1 for r in later)                     # still too large after many steps: the excess fades slowly
    text = reply("adam_step", slip.answer)
    assert text.startswith(f"adam_step: not yet. {slip.hint}") and "got [[0.468377" in text, text
