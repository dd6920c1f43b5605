"""Lesson 8's exercises 1 and 4 (08_playground, nnlib/exercises/lesson08.py): runs judged over five seeds.

* exercise 6 (which L2 strength): the winner by the median validation loss over seeds 0-4 has the lowest
  validation loss on every one of the five seeds, so the answer is no one seed's accident; the slips' hints say only
  what holds on every seed; the right reply prints all four medians and ranges and the test loss, and puts the
  test/validation gap down to few validation points first;
* exercise 1 (how many neurons): the right reply prints what the check measured, on seed 0 and on seeds 0-4.
"""

import numpy as np
from support.replies import reply

from nnlib.exercises import lesson08

HINTS = {s.name: s.hint for s in lesson08.SLIPS["playground_regularise"]}


def _val(l2, seed):
    return lesson08._overfit_run(l2, seed).metrics()["val_loss"]


def _train(l2, seed):
    return lesson08._overfit_run(l2, seed).metrics()["train_loss"]


def test_the_winning_l2_wins_on_every_seed_by_a_margin():
    best = lesson08._best_l2()
    assert best == lesson08.SOLUTIONS["playground_regularise"]
    for seed in lesson08.SEEDS:
        others = [_val(l2, seed) for l2 in lesson08.L2_CHOICES if l2 != best]
        assert _val(best, seed) < min(others) - 0.05, f"seed {seed}: {_val(best, seed):.3f} against {others}"
    assert lesson08._wins(best) == len(lesson08.SEEDS)


def test_the_slips_hints_hold_on_every_seed():
    for seed in lesson08.SEEDS:
        assert _val(0, seed) > 0.7 and _train(0, seed) < 0.15, seed                  # "none"
        assert _val(0.03, seed) > 0.55 and _train(0.03, seed) < 0.2, seed            # "weak"
        assert abs(_val(10, seed) - np.log(2)) < 0.005 and abs(_train(10, seed) - np.log(2)) < 0.005, seed
    assert "above 0.7" in HINTS["none"] and "above 0.55" in HINTS["weak"] and "0.69" in HINTS["strong"]


def test_each_wrong_strength_leads_with_its_hint_and_the_right_one_tells_the_story():
    for slip in lesson08.SLIPS["playground_regularise"]:
        assert reply("playground_regularise", slip.answer).startswith(f"playground_regularise: not yet. {slip.hint}")
    text = reply("playground_regularise", 3)
    assert text.startswith("playground_regularise: correct.") and "is lowest on 5 of the 5 seeds" in text
    for l2 in lesson08.L2_CHOICES:
        values = [_val(l2, seed) for seed in lesson08.SEEDS]
        assert f"{l2}: {np.median(values):.2f} ({min(values):.2f} to {max(values):.2f})" in text
    tests = lesson08._test_losses(3)
    assert f"test loss {np.median(tests):.2f} ({min(tests):.2f} to {max(tests):.2f})" in text
    if round(np.median(tests), 2) > round(np.median([_val(3, s) for s in lesson08.SEEDS]), 2):
        assert "70 validation points are few" in text and "flattery" not in text.split("few")[0]
    assert reply("playground_regularise", None).endswith("not attempted yet: put your answer (or your fix) in the "
                                                          "cell above, run that cell, then run this one again.")


def test_the_neurons_reply_shows_what_was_measured():
    text = reply("playground_neurons", 3)
    assert text.startswith("playground_neurons: correct.")
    for h in range(1, 5):
        assert f"{h}: {lesson08._circle_median(h, ('x1', 'x2')):.2f}" in text
    three = [lesson08._circle_accuracy(3, ("x1", "x2"), seed) for seed in range(5)]
    assert ", ".join(f"{a:.2f}" for a in three) in text
    four = [lesson08._circle_accuracy(4, ("x1", "x2"), seed) for seed in range(5)]
    assert min(four) >= 0.95 and min(three) < 0.95, (four, three)   # "need not", and four on every seed
