"""Lesson 3. Exercise 2 (tanh's slope written with a = tanh(z)): no reply hands over the answer. Neither a hint of
the exercise, nor a hint of lesson 3's other exercises (which a student may reach first), writes a squared in any
form; each hint of a wrong formula points at a method instead: the quotient rule, a central difference at
a = 0.5, or tanh being odd. Exercise 3 (the backward pass to repair): a hidden slope taken of z1 is named."""
import contextlib
import io
import re
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib import check
from nnlib.exercises import lesson03

SQUARE_OF_A = re.compile(r"\ba1?\s*(\*\*\s*2|\^\s*2|²|\*\s*a1?\b)|\ba1? squared|square of a\b|\bsquares? a\b")
METHOD = re.compile(r"quotient rule|central difference|odd")
TANH = lesson03.SLIPS["tanh_derivative"]


reply = partial(replies.reply, "tanh_derivative")  # what the check prints for an answer


@pytest.mark.parametrize("name", [s for s in lesson03.__all__], ids=str)
def test_no_lesson3_hint_writes_a_squared(name):
    found = [s.name for s in lesson03.SLIPS[name] if SQUARE_OF_A.search(s.hint)]
    assert not found, f"{name}: {found}"


def test_the_detector_sees_the_forms_it_must_refuse():
    for text in ("1 - a ** 2", "1 - a^2", "1 - a1**2", "1 - a * a", "1 minus a squared", "the sign in front of a**2"):
        assert SQUARE_OF_A.search(text), text
    assert not SQUARE_OF_A.search("a rising function's slope; powers are written **")


@pytest.mark.parametrize("slip", [s for s in TANH if s.name in ("sigmoid form", "no square", "twice", "plus",
                                                                  "square of difference")], ids=lambda s: s.name)
def test_a_wrong_formula_is_pointed_at_a_method(slip):
    assert METHOD.search(slip.hint), slip.hint
    text = reply(slip.answer)
    assert text.startswith(f"tanh_derivative: not yet. {slip.hint}") and not SQUARE_OF_A.search(text), text


def test_the_right_slope_still_passes_in_other_forms():
    assert reply(lambda a: 1 - a * a) == "tanh_derivative: correct"
    assert reply(lambda a: (1 - a) * (1 + a)) == "tanh_derivative: correct"
    assert reply(lambda a: np.subtract(1, np.square(a))) == "tanh_derivative: correct"


def test_a_hidden_slope_of_z1_is_named():
    from nnlib.layers import sigmoid

    def gradients(X, y, W1, b1, W2, b2):
        n = X.shape[0]
        z1 = X @ W1 + b1
        a1 = sigmoid(z1)
        y_hat = sigmoid(a1 @ W2 + b2)
        delta2 = (y_hat - y) / n * y_hat * (1 - y_hat)
        delta1 = delta2 @ W2.T * z1 * (1 - z1)
        return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check.xor_gradients(gradients)
    assert out.getvalue().startswith("xor_gradients: not yet. The hidden slope is written with z1"), out.getvalue()


@pytest.mark.parametrize("fn", [lambda a: np.ones_like(a), lambda a: 1 - a ** 3, lambda a: np.cos(a),
                                lambda a: a * (1 - a), lambda a: 1 - np.abs(a)], ids=["ones", "cube", "cos",
                                                                                     "sigmoid form", "abs"])
def test_a_wrong_slope_is_told_how_far_off_never_the_true_values(fn):
    text = reply(fn)
    assert text.startswith("tanh_derivative: not yet.") and "off by up to" in text, text
    for true_value in ("0.75", "0.19", "0.0199", "expected"):      # 1 - a^2 at a = 0.5, -0.9, 0.99
        assert true_value not in text, (true_value, text)


def test_a_slope_of_the_wrong_shape_or_not_numbers_gets_the_usual_reply():
    assert "should have shape (4,), got shape (2,)" in reply(lambda a: (1 - a * a)[:2])
    assert "not text" in reply(lambda a: "1 - a")
    assert "not all finite numbers" in reply(lambda a: a * np.nan)


def test_graded_mode_passes_a_right_slope_and_refuses_a_wrong_one_the_same_way():
    from nnlib.exercises.reply import NotYet
    assert check.tanh_derivative(lambda a: 1 - a * a, grade=True) is None
    with pytest.raises(NotYet, match="off by up to"):
        check.tanh_derivative(lambda a: np.ones_like(a), grade=True)


def _per_sample(slope=True, keepdims=False, transposed=False):
    """Exercise 3's loop, as a student may leave it: the hidden slope there or not, dJdb1 with a kept axis, dJdW1
    transposed."""
    from nnlib.layers import sigmoid

    def gradients(X, y, W1, b1, W2, b2):
        n = X.shape[0]
        dW1, db1, dW2, db2 = np.zeros_like(W1).T if transposed else np.zeros_like(W1), 0, 0, 0
        for x, t in zip(X, y):
            a1 = sigmoid(x @ W1 + b1)
            y_hat = sigmoid(a1 @ W2 + b2)
            delta2 = (y_hat - t) / n * y_hat * (1 - y_hat)
            delta1 = W2 @ delta2 * (a1 * (1 - a1) if slope else 1)
            dW1 = dW1 + (np.outer(delta1, x) if transposed else np.outer(x, delta1))
            db1, dW2, db2 = db1 + delta1, dW2 + np.outer(a1, delta2), db2 + delta2
        return dW1, db1[None, :] if keepdims else db1, dW2, db2
    return gradients


def test_the_loop_without_the_hidden_slope_is_told_the_plateau_not_the_bug():
    text = replies.reply("xor_gradients", _per_sample(slope=False))
    assert text.startswith("xor_gradients: not yet. This still behaves as the code handed out") and "plateau" in text
    assert not re.search(r"slope|factor|sigma|a1", text.split(" For the XOR")[0]), text


def test_a_kept_axis_in_dJdb1_is_named_not_a_missing_sum():
    text = replies.reply("xor_gradients", _per_sample(keepdims=True))
    assert text.startswith("xor_gradients: not yet. dJdb1 keeps the summed axis"), text
    assert "missing" not in text, text


def test_the_old_stub_both_bugs_is_told_both():
    text = replies.reply("xor_gradients", _per_sample(slope=False, transposed=True))
    assert text.startswith("xor_gradients: not yet. dJdW1 is transposed") and "factor" in text, text


def test_the_loop_fixed_passes():
    assert replies.reply("xor_gradients", _per_sample()).startswith("xor_gradients: correct")


def test_a_flattened_slope_is_named():
    text = reply(lambda a: list(np.ravel(1 - np.asarray(a) * np.asarray(a))))
    assert text.startswith("tanh_derivative: not yet. The slope comes back flattened"), text
    assert "wrong axis" not in text, text
