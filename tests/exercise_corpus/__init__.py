"""A corpus of answers to the lessons' exercises, written by a fresh reader from the lessons alone.

Each lesson's module (lesson01.py ... lesson12.py) holds ENTRIES, a list of `Entry`: plausible WRONG answers a
student could write after reading the lesson, each with what is wrong and the words (pre-registered, written
before the check's reply was seen) any of which a reply naming that mistake would contain; and RIGHT answers in
other styles than the lesson's. tests/test_exercise_corpus.py runs them through `nnlib.check`.

heldout_*.py hold a second blind set for exercises whose slips were improved after their first set's replies were
read: the first set then measures a tuned check, the second, written by readers who saw neither the checks nor the
first set, measures it fairly (the report prints its share on a line of its own).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One answer to `check.<exercise>`: kind "wrong" or "right"; for several arguments, `args` holds them."""

    exercise: str
    kind: str
    answer: object
    what: str
    words: tuple = ()
    args: bool = False          # True: `answer` is a tuple of the check's arguments (check.and_not_weights(w, b))


def wrong(exercise, answer, what, words, args=False):
    return Entry(exercise, "wrong", answer, what, tuple(words), args)


def right(exercise, answer, what, args=False):
    return Entry(exercise, "right", answer, what, (), args)
