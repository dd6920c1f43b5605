"""Lesson 3 (03_xor_by_hand), exercise 1: the output layer's shapes and the XOR network's shapes are named.
Each wrong answer is written as a student writes it; its reply names the slip without handing over the answer."""
from functools import partial

from support import replies

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
