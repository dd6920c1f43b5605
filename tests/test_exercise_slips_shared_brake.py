"""Lesson 5's shared_input and lesson 6's l2_half_life and lr_limit: each kind of wrong answer their first blind
sets showed, and its neighbours, written as a student writes it (rounded too), gets a reply naming its own slip,
both causes where two give one number, and never the answer."""
import math
import re

import pytest
from support.replies import reply

from nnlib.exercises import lesson05, lesson06

LESSON = {"shared_input": lesson05, "l2_half_life": lesson06, "lr_limit": lesson06}
ANSWER = {"shared_input": r"(?<![\d.])6(?:\.0)?(?![\d.])", "l2_half_life": r"693|0\.999",
          "lr_limit": r"1/3|0\.33|(?<![\d./^])6(?![\d.])"}


def hint(name, slip):
    return next(s.hint for s in LESSON[name].SLIPS[name] if s.name == slip)


def named(name, prediction, slip):
    """The reply leads with the slip's hint, and nothing in it gives the answer away."""
    text = reply(name, prediction)
    assert text.startswith(f"{name}: not yet. {hint(name, slip)}"), text
    assert re.search(ANSWER[name], text.split(" You predicted")[0]) is None, text    # the student's own number aside
    return text


@pytest.mark.parametrize("prediction, slip", [
    (3.6, "difference +"), (-3.6, "difference -"),                 # one gradient minus the other
    (12, "twice over"), (12.0, "twice over"),                       # doubled for "used twice"
    (4.94773, "length"), (4.95, "length"), (4.947, "length"),       # the gradient's length, as printed or rounded
    (24.48, "squares"), (24.5, "squares"),                          # its squared length
    (7, "upstream term"),                                           # df/df = 1 as a third term
    (4, "formula"), (0.25, "ratio"),                                # a guessed formula, or a ratio of the two
    (5.8, "product"), (2.0, "x")])
def test_shared_input_names_each_kind(prediction, slip):
    assert "add" not in hint("shared_input", slip)                  # the rule itself is not given away
    named("shared_input", prediction, slip)


def test_shared_input_numbers_with_two_causes_name_both():
    assert "factor 2" in hint("shared_input", "twice over")         # one cause, the likelier: doubling
    assert "formula" in hint("shared_input", "formula") and "ratio" in hint("shared_input", "formula")
    assert "x itself" in hint("shared_input", "x") and "a + b" in hint("shared_input", "x")


@pytest.mark.parametrize("prediction", [6.01, 5.9, 36, 0])
def test_shared_input_rounding_is_no_licence_near_the_answer(prediction):
    text = reply("shared_input", prediction)
    assert re.fullmatch(r"shared_input: not yet\. You predicted \S+, which is not it \(within 1e-06 of the answer "
                        r"counts as right\)(: .*)?", text), text
    assert "too high" not in text and "too low" not in text      # a direction would let a student bisect


@pytest.mark.parametrize("prediction, slip", [
    (150, "amount"), (300, "amount to zero"),                       # L1's fixed amount, halfway or to 0
    (301, "log10 above"), (302, "log10 above"),                     # log10 2 over the natural-log shrink
    (1596, "log10 below"), (1595, "log10 below"),                   # ln 2 over the base-10 log shrink
    (1000, "to zero"), (999, "to zero"),                            # 1 / fraction: to 0 by amounts, or 1/e
    (1386, "half fraction"), (1387, "half fraction"),               # lr left out, or the 1/2 kept
    (6932, "classic l2"), (6931, "classic l2"), (6930, "classic l2"),   # the classic run's l2 = 0.01
    (69, "units for n"), (69.3, "units for n"), (70, "units for n"),    # n = 20 hidden units
    (1897, "start"), (1896, "start"),                               # 0.999^k < 0.15: the start left in
    (0.693, "ln 2"), (0.69, "ln 2"), (3.47, "no n")])               # ln 2 alone; ln 2 / (lr * l2), unrounded
def test_half_life_names_each_kind(prediction, slip):
    named("l2_half_life", prediction, slip)


def test_half_life_numbers_with_two_causes_name_both():
    assert "time constant" in hint("l2_half_life", "to zero") and "all the way to 0" in hint("l2_half_life", "to zero")
    assert "leaves lr out" in hint("l2_half_life", "half fraction") and "1/2" in hint("l2_half_life", "half fraction")


@pytest.mark.parametrize("prediction", [600, 690, 700, 800, 0.15, 0.5])
def test_half_life_rounding_is_no_licence_near_the_answer_or_a_small_slip(prediction):
    assert re.fullmatch(r"l2_half_life: not yet\. You predicted [\d.]+, which is not it \(within 1 of the answer "
                        r"counts as right\)(: the answer is a whole number \(a count\); yours is not)?",
                        reply("l2_half_life", prediction))


def test_half_life_never_still_gets_its_own_hint():
    assert "finite number of steps" in reply("l2_half_life", math.inf)


@pytest.mark.parametrize("prediction, slip", [
    (0.25, "double l2"), (0.2, "double data"),                      # a 2 kept in one term
    (2 / 8.2, "targets mean(y^2)"), (0.244, "targets mean(y^2)"), (2 / 5.2, "targets mean(x y)"),
    (3.2 / 6, "best weight"), (0.53, "best weight"), (0.8, "best weight of the data alone"),
    (2 / 7, "x = 0 dropped"), (0.29, "x = 0 dropped"), (2 / 14, "l2 not over n"), (0.27, "n - 1"),
    (4 / 3, "quarter all"), (1.33, "quarter all")])
def test_lr_limit_names_each_kind(prediction, slip):
    named("lr_limit", prediction, slip)


@pytest.mark.parametrize("slip, prediction, causes", [
    ("half", 2 / 3, ("2 that comes down", "1/4")),                  # a dropped 2, or lesson 2's logistic 1/4
    ("one over", 1 / 6, ("1/lambda", "kept the 2 of each square")),
    ("l2 alone", 1.0, ("penalty's curvature alone", "square of the mean")),
    ("n - 1", 2 / 7.5, ("n - 1", "x = 0")),
    ("x = 0 dropped", 2 / 7, ("n - 1", "x = 0 left out"))])
def test_lr_limit_numbers_with_two_causes_name_both(slip, prediction, causes):
    text = named("lr_limit", prediction, slip)
    assert all(cause in text for cause in causes), text


@pytest.mark.parametrize("name", ["shared_input", "l2_half_life", "lr_limit"])
def test_no_hint_gives_the_answer(name):
    for slip in LESSON[name].SLIPS[name]:
        assert re.search(ANSWER[name], slip.hint) is None, (slip.name, slip.hint)
