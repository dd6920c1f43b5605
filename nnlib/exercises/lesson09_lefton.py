"""Lesson 9 (09_generalisation), exercise 2 (predict): inverted dropout left on at prediction time keeps the mean
score but not the mean probability. Data for the engine in engine.py; `left_on` runs the experiment the prompt
describes."""
import re

import numpy as np

from .engine import Slip, prediction_check

CHOICES = ("above", "the same", "below", "it changes from run to run")
RATE, UNITS, SCORE = 0.5, 50, 3.0


def _point(seed=0):
    """One point's 50 hidden activations and the output weights of the score difference, scaled so that with
    dropout off the two scores differ by SCORE."""
    rng = np.random.default_rng(seed)
    a1 = np.abs(rng.standard_normal(UNITS)) + 0.1
    w = rng.normal(0.3, 1.0, UNITS)                        # output weights of both signs
    return a1, w * SCORE / (w @ a1)


def left_on(masks=100_000, seed=0):
    """Run it: (mean score difference, mean probability of class 1) over `masks` fresh inverted-dropout masks, and
    the probability with dropout off."""
    a1, w = _point(seed)
    rng = np.random.default_rng(seed + 1)
    mask = (rng.random((masks, UNITS)) >= RATE) / (1 - RATE)
    z = (a1 * mask) @ w
    return float(z.mean()), float(np.mean(1 / (1 + np.exp(-z)))), float(1 / (1 + np.exp(-SCORE)))


def _truth():
    _, mean_p, p_off = left_on()
    if abs(mean_p - p_off) < 0.01:
        return "the same"
    return "below" if mean_p < p_off else "above"


SOLUTIONS = {"dropout_left_on": "below"}

SLIPS = {"dropout_left_on": [
    Slip("same", "Inverted dropout keeps the mean of the *score*: on average the two scores still differ by 3. "
                 "But the probability is a curved function of the score, not a straight line: look at how much a "
                 "mask that raises the score by some amount gains, against how much one that lowers it by as much "
                 "loses.",
         "the same"),
    Slip("above", "Dividing by 1 - p makes the kept units larger, but it also drops half of them: on average the "
                  "score is what it was with dropout off. What changes is its spread. Look at the shape of the "
                  "probability curve around this score: does a rise gain as much as an equal fall loses?", "above"),
    Slip("random", "Each mask is random, but an average over 100000 of them is not: it lands in the same place on "
                   "every seed. Whether it is above or below 0.95 comes from the shape of the probability curve, "
                   "not from luck.", "it changes from run to run"),
]}


_LOWER = ("below", "lower", "less", "smaller", "down", "falls", "drops", "decreases", "unsure")
_MEANT = (("the same", ("same", "equal", "unchanged", "no change", "not change", "constant")),
          ("above", ("above", "higher", "larger", "bigger", "greater", "rises", "increases", "surer")),
          ("it changes from run to run", ("random", "varies", "vary", "depends", "run to run", "changes",
                                          "unpredictable", "luck")))
_OWN_WORDS = ("That is not one of the four options as written: choose the option that says what you mean and "
              "write it exactly as listed.")


def _meant(text):
    """The option a free-text answer reads like (by its words), or None."""
    words = re.findall(r"[a-z]+", text.lower())
    joined = " ".join(words)
    if any(cue in words for cue in _LOWER):
        return None
    for option, cues in _MEANT:
        if any((cue in joined) if " " in cue else (cue in words) for cue in cues):
            return option
    return None


def _hint_of(option):
    return next(s.hint for s in SLIPS["dropout_left_on"] if s.answer == option)


def _number_advice(value):
    """The hint for a number given where a direction is asked."""
    if abs(value - 0.95) < 0.005:
        return ("0.95 is the probability with dropout off; as an answer, that reads like 'the same'. "
                + _hint_of("the same"))
    if abs(value - SCORE) < 0.05:
        return ("3 is the score difference, whose mean inverted dropout keeps; the question asks which way the "
                "average probability moves, as one of the listed options.")
    if abs(value - RATE) < 0.005:
        return "0.5 is the dropout rate p; the question asks which way the average probability moves."
    return ("A number is not one of the options: the question asks which way the average probability moves "
            "from 0.95, as one of the listed strings.")


def _advice(prediction):
    """The hint for an answer that is not one of CHOICES as written (what it seems to mean), else None."""
    if isinstance(prediction, (bool, np.bool_)):
        return None
    if isinstance(prediction, (int, float, np.integer, np.floating)):
        return _number_advice(float(prediction))
    if not isinstance(prediction, str):
        return None
    option = _meant(prediction)
    if option is None:
        return _OWN_WORDS
    return f"That reads like {option!r}: write it exactly as listed. {_hint_of(option)}"


def _right():
    mean_z, mean_p, p_off = left_on()
    return (f"The mean score difference stays {mean_z:.1f} (inverted dropout keeps each unit's mean), but the score "
            "now scatters around it, and the probability, the sigmoid of the score difference (the softmax of two "
            "classes), is curved: above 3 it is nearly flat, close to 1, so a mask that raises the score gains "
            "little; below 3 it falls steeply, so one that lowers the score by as much loses a lot. Averaged over "
            f"the masks it comes out at {mean_p:.2f}, against {p_off:.2f} with dropout off: a network left in "
            "training mode is less sure, and noisier, than the one it should be. Switch dropout off at prediction "
            "(`MLP.predict` does).")


def dropout_left_on(prediction, grade=False):
    """Lesson 9, exercise 2 (predict): with inverted dropout (p = 0.5) left on at prediction time, is the average
    probability over many masks above, about the same as, or below the 0.95 of dropout off (or does it change from
    run to run)?"""
    return prediction_check("dropout_left_on", prediction, truth=_truth, options=CHOICES,
                            right=_right, slips=SLIPS["dropout_left_on"], advice=_advice, grade=grade)
