"""Lesson 11's exercise 4 (11_autograd, nnlib/exercises/lesson11_onesided.py): both slips at once.

A student who forgets the shared pass at w AND takes the central difference's eps^2 order answers (82, 100); the
reply must explain both slips in this exercise's terms, not fall back to a generic "too high" hint.
"""
from functools import partial

from support import replies

from nnlib.exercises import lesson11

reply = partial(replies.reply, "finite_difference_passes")  # what the check prints for an answer


def test_no_baseline_and_central_order_together_get_both_hints():
    text = reply((82, 100))
    hint = next(s.hint for s in lesson11.SLIPS["finite_difference_passes"] if s.name == "no baseline, central order")
    assert text.startswith(f"finite_difference_passes: not yet. {hint}")
    assert "variance" not in text and "a square too many" not in text


def test_each_slip_alone_keeps_its_own_hint():
    slips = {s.name: s.hint for s in lesson11.SLIPS["finite_difference_passes"]}
    assert slips["no baseline"] in reply((82, 10))
    assert slips["central order"] in reply((83, 100))


def test_the_right_answer_is_not_a_slip():
    assert "not yet" not in reply((83, 10))
