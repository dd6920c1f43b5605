"""Lesson 8's exercise 4 (08_playground, nnlib/exercises/lesson08_flat.py): a network stuck at 50/50, neurons flat.

* the symptom the prompt states holds on every one of seeds 0 to 4 for the right setting (l2 = 10): the training
  and validation loss are 0.69 from epoch 10 to the end, the validation accuracy is 0.50, the picture is 50/50
  everywhere, no hidden neuron's output spreads by 0.01 over the plane, and no divergence is reported;
* each wrong setting misses the symptom on every seed, in the way its hint says (a loss well below 0.69, a loss of
  4 or more, or neurons that still shade across the plane), so exactly one option fits;
* each catalogued wrong answer leads with its own hint, and the right answer passes.
"""
from functools import partial

import pytest
from support import replies

from nnlib.exercises import lesson08_flat as flat

HINTS = {s.name: s.hint for s in flat.SLIPS["flat_neurons"]}
WRONG = [s.answer for s in flat.SLIPS["flat_neurons"]]


reply = partial(replies.reply, "flat_neurons")  # what the check prints for an answer


def stuck(s):
    """The prompt's symptom: losses at 0.69 from epoch 10 on, accuracy 0.50, every hidden neuron flat."""
    at_log2 = all(abs(s[k] - 0.693) < 0.005 for k in ("early_loss", "train_loss", "val_loss"))
    pale = s["surest"] < 0.01 and not s["diverged"]                     # 50/50 everywhere, no divergence reported
    return at_log2 and pale and abs(s["val_accuracy"] - 0.5) < 0.005 and s["neuron_spread"] < 0.01


@pytest.mark.parametrize("seed", flat.SEEDS)
def test_the_right_setting_shows_the_symptom_on_every_seed(seed):
    assert stuck(flat.symptom("l2 10", seed)), flat.symptom("l2 10", seed)


@pytest.mark.parametrize("option", WRONG)
def test_each_wrong_setting_misses_the_symptom_as_its_hint_says(option):
    for seed in flat.SEEDS:
        s = flat.symptom(option, seed)
        assert not stuck(s), (option, seed, s)
        if option in ("noise 0.5", "batch size full", "l2 0.03"):      # "the training loss falls below 0.69"
            assert s["train_loss"] < 0.65, (option, seed, s)
        elif option == "lr 10":                                         # "far above 0.69 (to 4 or more)"
            assert s["train_loss"] > 4 and s["diverged"], (option, seed, s)
        else:                                                           # near 0.69, but the neurons shade
            assert s["neuron_spread"] > 1, (option, seed, s)


def test_the_right_setting_only_differs_by_the_neurons_from_the_closest_wrong_ones():
    """identity and lr 0.001 also end near 0.69 on some seeds: only the neurons' spread rules them out."""
    near = [flat.symptom(o, seed)["train_loss"] for o in ("identity", "lr 0.001") for seed in flat.SEEDS]
    assert max(abs(v - 0.69) for v in near) < 0.03


@pytest.mark.parametrize("slip", flat.SLIPS["flat_neurons"], ids=lambda s: s.name)
def test_each_wrong_setting_gets_its_own_hint(slip):
    assert reply(slip.answer).startswith(f"flat_neurons: not yet. {HINTS[slip.name]}")


def test_the_right_setting_passes_and_a_stub_is_not_attempted():
    assert reply("l2 10").startswith("flat_neurons: correct")
    assert "not attempted yet" in reply(None)


def test_an_unknown_option_is_refused_by_name():
    with pytest.raises(ValueError, match="option must be one of"):
        flat.symptom("l1 10", 0)
