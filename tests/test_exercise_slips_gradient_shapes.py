"""Lesson 3 (03_xor_by_hand), exercise 1: the output layer's shapes, the XOR network's shapes and inputs, and an
extra bias unit are named, and no reply says which of the four numbers is wrong or which way it is off.
Each wrong answer is written as a student writes it; its reply names the slip without handing over the answer."""
import re
from functools import partial

from support import replies

from nnlib import check
from nnlib.exercises.reply import NotYet

reply = partial(replies.reply, "gradient_shapes")  # what the check prints for an answer


def hint_of(text):
    return text.split(" You predicted")[0]


def test_the_output_layers_shapes_are_named():
    for prediction in [(10, 2, 7, 2), [10, 2, 7, 2]]:
        text = reply(prediction)
        assert text.startswith("gradient_shapes: not yet.") and "delta2" in text and "hidden layer" in text, text
        assert "(10, 7)" not in hint_of(text) and "(3, 7)" not in hint_of(text), text


def test_the_xor_networks_shapes_are_named():
    for prediction, section in [((4, 5, 3, 5), "section 4"), ((4, 5, 2, 5), "section 6")]:
        text = reply(prediction)
        assert text.startswith("gradient_shapes: not yet.") and "XOR network" in text and section in text, text
        assert "(10, 7)" not in hint_of(text) and "(3, 7)" not in hint_of(text), text


def test_the_right_shapes_still_pass():
    assert reply((10, 7, 3, 7)).startswith("gradient_shapes: correct")


def test_the_xor_networks_inputs_and_the_extra_bias_unit_are_named():
    text = reply((10, 7, 2, 7))
    assert text.startswith("gradient_shapes: not yet.") and "XOR network's 2 inputs" in text, text
    for prediction in [(10, 8, 4, 8), (10, 8, 3, 8)]:
        text = reply(prediction)
        assert text.startswith("gradient_shapes: not yet.") and "bias unit" in text, text
        assert "off by one" not in text, text


WRONG = [(10, 7, 2, 7), (10, 8, 4, 8), (10, 8, 3, 8), (10, 7, 4, 7), (10, 7, 3, 8), (9, 7, 3, 7), (11, 7, 3, 7),
         (10, 6, 3, 6), (10, 7, 3, 2), (10, 7, 3, 70), (1, 7, 3, 7), (10, 2, 3, 7), (10, 7, 10, 7), (4, 5, 3, 5),
         (10, 7, 7, 3), (7, 10, 3, 7), (3, 7, 10, 7), (10.5, 7, 3, 7), (-10, 7, 3, 7)]
LOCATES = re.compile(r"number \d|numbers? (1|2|3|4)\b|first|second|third|fourth|last", re.I)
DIRECTION = re.compile(r"too (high|low|large|small)|off by|bigger|smaller|larger|fewer|more than|less than", re.I)


def test_no_reply_locates_the_wrong_number_or_says_which_way_it_is_off():
    for prediction in WRONG:
        for text in (reply(prediction), graded(prediction)):
            assert text.startswith("gradient_shapes: not yet."), text
            assert not LOCATES.search(text), (LOCATES.search(text)[0], text)
            assert not DIRECTION.search(text), (DIRECTION.search(text)[0], text)
            assert "(10, 7, 3, 7)" not in text and "(10, 7)" not in hint_of(text) and "(3, 7)" not in hint_of(text)


def test_an_unnamed_wrong_answer_gets_the_method_not_the_answer():
    text = reply((10, 7, 3, 8))
    assert "z1 = X @ W1 + b1" in text and "shape" in text, text


def graded(prediction):
    try:
        check.gradient_shapes(prediction, grade=True)
    except NotYet as error:
        return str(error)
    raise AssertionError(f"{prediction} passed in graded mode")
