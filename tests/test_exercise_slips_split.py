"""Lesson 6, exercise 4 (diagnose): `choose_l2`, whose colleague pooled the validation and test losses both to
choose the strength and to report it. The handed-out code gets only the neutral reply; each leak a student may
leave, written as a student writes it, is named in its own words; right answers in other styles pass; and the
symptom the prompt states (the reported loss is lower, on average, than the chosen net's true loss) holds for the
handed-out code and not for the fix.
"""
from functools import partial

import numpy as np
import pytest
from support import replies

from nnlib.exercises import engine, lesson06_split
from nnlib.exercises.handed_out import SOURCES

reply = partial(replies.reply, "choose_l2")  # what the check prints for an answer


def hint(slip):
    return next(s.hint for s in lesson06_split.SLIPS["choose_l2"] if s.name == slip)


def handed_out(source=SOURCES["choose_l2"]):
    return replies.defined(source, "choose_l2")


def pooled_halves(losses):                       # the handed-out code changed, with the same leaks
    pooled = {l2: 0.5 * val + 0.5 * test for l2, (train, val, test) in losses.items()}
    best = min(pooled, key=pooled.get)
    return best, pooled[best]


def test_the_handed_out_code_is_not_attempted_yet_and_a_change_that_keeps_its_leaks_is_named():
    assert reply(handed_out()) == f"choose_l2: {engine.NOT_ATTEMPTED}"
    assert reply(pooled_halves).startswith(f"choose_l2: not yet. {hint('given')}")


def on_validation_items(losses):                 # right: items() and unpacking
    best_l2, best = None, None
    for l2, (train, val, test) in losses.items():
        if best is None or val < best[1]:
            best_l2, best = l2, (train, val, test)
    return best_l2, best[2]


def on_validation_sorted(losses):                # right: sorted by the validation loss, returned as a list
    l2 = sorted(losses, key=lambda k: losses[k][1])[0]
    return [l2, losses[l2][2]]


def on_validation_argmin(losses):                # right: numpy's argmin over the strengths
    strengths = list(losses)
    val = np.array([losses[s][1] for s in strengths])
    chosen = strengths[int(np.argmin(val))]
    return chosen, float(losses[chosen][2])


@pytest.mark.parametrize("answer", [on_validation_items, on_validation_sorted, on_validation_argmin])
def test_right_answers_in_other_styles_pass(answer):
    assert reply(answer).startswith("choose_l2: correct")


def chooses_on_test(losses):                     # fixed the report, chose on the test set
    best = min(losses, key=lambda l2: losses[l2][2])
    return best, losses[best][2]


def keeps_pooled_choice(losses):                 # reports the test loss, still chooses on the pooled score
    pooled = {l2: (v + t) / 2 for l2, (_, v, t) in losses.items()}
    best = min(pooled, key=pooled.get)
    return best, losses[best][2]


def reports_validation(losses):                  # chooses on validation, reports the same figure
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][1]


def reports_pooled(losses):                      # chooses on validation, still reports the pooled figure
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, (losses[best][1] + losses[best][2]) / 2


def reports_best_test(losses):                   # chooses on validation, reports the best test loss of all
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, min(t for _, _, t in losses.values())


def chooses_on_training(losses):                 # "the net that learned best"
    best = min(losses, key=lambda l2: losses[l2][0])
    return best, losses[best][2]


@pytest.mark.parametrize("answer, slip, words", [
    (chooses_on_test, "test chooses", "test set does the choosing"),
    (keeps_pooled_choice, "pooled chooses", "the choice still looks at the test losses"),
    (reports_validation, "validation reported", "validation loss the winner won by"),
    (reports_pooled, "pooled reported", "averages in the validation loss"),
    (reports_best_test, "best test reported", "best of several test scores"),
    (chooses_on_training, "training chooses", "training loss"),
])
def test_each_leak_is_named_in_its_own_words(answer, slip, words):
    text = reply(answer)
    assert text.startswith(f"choose_l2: not yet. {hint(slip)}") and words in text, text


def reports_training(losses):                    # chooses on validation, reports the training loss
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best][0]


def swapped_roles(losses):      # the sets' roles swapped
    best = min(losses, key=lambda l2: losses[l2][2])
    return best, losses[best][1]


def by_smallest_gap(losses):                      # "the net that overfits least"
    best = min(losses, key=lambda l2: losses[l2][1] - losses[l2][0])
    return best, losses[best][2]


def by_smallest_size_of_gap(losses):              # the same idea with abs()
    best = min(losses, key=lambda l2: abs(losses[l2][1] - losses[l2][0]))
    return best, losses[best][2]


def by_all_three(losses):                         # the sum of all three losses
    best = min(losses, key=lambda l2: sum(losses[l2]))
    return best, losses[best][2]


def position_not_key(losses):                    # the winner's index in the dict
    vals = [v[1] for v in losses.values()]
    i = vals.index(min(vals))
    return i, list(losses.values())[i][2]


def loss_first(losses):                           # the two results the other way round
    best = min(losses, key=lambda l2: losses[l2][1])
    return losses[best][2], best


def whole_row(losses):                            # the winner's whole row as the loss
    best = min(losses, key=lambda l2: losses[l2][1])
    return best, losses[best]


def training_chooses_validation_reports(losses):
    best = min(losses, key=lambda l2: losses[l2][0])
    return best, losses[best][1]


@pytest.mark.parametrize("answer, slip, words", [
    (reports_training, "training reported", "training loss"),
    (swapped_roles, "roles swapped", "roles are swapped"),
    (by_smallest_gap, "smallest gap", "smallest gap"),
    (by_smallest_size_of_gap, "smallest gap", "smallest gap"),
    (by_all_three, "all three", "averages in the test loss"),
    (position_not_key, "position", "position in the dict"),
    (loss_first, "order", "wrong order"),
    (whole_row, "whole row", "whole row"),
    (training_chooses_validation_reports, "training chooses, validation reported", "training loss"),
])
def test_more_mix_ups_are_named_in_their_own_words(answer, slip, words):
    text = reply(answer)
    assert text.startswith(f"choose_l2: not yet. {hint(slip)}") and words in text, text


def test_the_cases_tell_every_slip_from_the_reference_and_from_each_other():
    cases = [c.args[0] for c in lesson06_split._CASES]
    ref = lesson06_split.SOLUTIONS["choose_l2"]
    outcomes = {s.name: [s.answer(c) for c in cases] for s in lesson06_split.SLIPS["choose_l2"]}
    assert all(got != [ref(c) for c in cases] for got in outcomes.values())
    assert len({tuple(v) for v in outcomes.values()}) == len(outcomes)


def true_minus_reported(choose, sweeps=4000, strengths=5, seed=0):
    """The mean of (reported loss - true loss of the chosen net) over sweeps in which every strength has the same
    true loss, 0.1, measured on 200-point validation and test sets (independent errors of size 0.02)."""
    rng = np.random.default_rng(seed)
    gaps = []
    for _ in range(sweeps):
        noise = rng.normal(0, 0.02, size=(strengths, 3))
        losses = {float(k): (0.05 + noise[k, 0], 0.1 + noise[k, 1], 0.1 + noise[k, 2]) for k in range(strengths)}
        gaps.append(choose(losses)[1] - 0.1)
    return float(np.mean(gaps)), float(np.std(gaps) / np.sqrt(sweeps))


def test_the_symptom_the_prompt_states_holds_for_the_handed_out_code_and_not_for_the_fix():
    gap, err = true_minus_reported(handed_out())
    assert gap < -5 * err and gap < -0.01, (gap, err)         # lower on average, sweep after sweep
    gap, err = true_minus_reported(lesson06_split.SOLUTIONS["choose_l2"])
    assert abs(gap) < 4 * err, (gap, err)                      # the fix: no bias left
