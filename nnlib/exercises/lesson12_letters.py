"""Exercise check for lesson 12 (12_digits), section 9.1: a 26-letter reader whose loss before its first step is
0.13 (exercise 3, diagnose): which cause fits? Kept apart from lesson12.py, which re-exports it, so each file stays
short. Data for the engine in engine.py.

The reported loss is what a fresh 64-16-26 network gives when the mean is taken over every entry of the (n, 26)
array -Y log p, so divided by n x 26 instead of n: (log 26 or a little above) / 26, about 0.13.
tests/test_exercise_slips_letters.py measures it, and that no other cause on the list gives it."""
import re

from .engine import Slip, prediction_check
from .predict import plain_text

CAUSES = ("weights drawn too large", "learning rate too high", "label among the inputs", "log base 10 in the loss",
          "averaged over the classes too", "nothing is wrong")

SOLUTIONS = {"letters_start": "averaged over the classes too"}

SLIPS = {"letters_start": [
    Slip("large weights", "Weights drawn too large make the scores large and unrelated to the label: the network is "
         "confidently wrong as often as not, which lifts the first loss, on average, far above a "
         "guess's (section 9.1's ten-times-larger weights), not below it.", "weights drawn too large"),
    Slip("learning rate", "No step has been taken yet: the learning rate cannot change the loss before the first "
         "step.", "learning rate too high"),
    Slip("leak", "A fresh network cannot use the label yet: its random weights turn that input into scores as "
         "unrelated to the label as any other input's, so the first loss stays where a guess's is. A leak shows "
         "later, as training that is too easy.", "label among the inputs"),
    Slip("log base 10", "A base-10 log divides every loss by ln 10 = 2.3: a network that guesses would then report "
         "log10(26) = 1.41 or a little above, still about ten times 0.13.", "log base 10 in the loss"),
    Slip("nothing", "A network that knows nothing gives each letter about 1/26 of the probability: work out the "
         "loss that gives, and compare it with 0.13; a fresh network cannot start far below a guess's loss.",
         "nothing is wrong"),
]}


# Words that show which listed cause an answer off the list means, and two causes not on it.
_MEANT = (("log base 10 in the loss", ("log10", "base 10", "base-10", "log 10")),
          ("averaged over the classes too", ("averag", "mean", "class", "divided by 26", "/ 26", "/26")),
          ("learning rate too high", ("learning rate", "lr", "step size")),
          ("label among the inputs", ("label", "leak", "target")),
          ("nothing is wrong", ("nothing", "fine", "no problem", "correct")),
          ("weights drawn too large", ("large", "big weight", "huge")))
_NOT_LISTED = {"small": "Weights drawn too small make every score nearly equal: each letter gets about 1/26 of the "
                        "probability, which gives a guess's loss, not one far below it.",
               "bias": "The biases start at 0 or near it, and the scores of a fresh network do not depend on them "
                       "enough to move its first loss far from a guess's."}


def _off_list(prediction):
    """A hint for an answer that is not one of CAUSES as written (what it seems to mean, or what to give), else
    None."""
    if isinstance(prediction, str) and plain_text(prediction) in map(plain_text, CAUSES):
        return None
    if isinstance(prediction, (list, tuple, set)):
        return "Name one cause, as one string: which single cause explains the 0.13 on its own?"
    if not isinstance(prediction, str):
        return ("Name the cause as one of the listed strings, not a number: a number (a loss worked out, or an "
                "option's position) does not say which cause you mean.")
    text = prediction.lower()
    for word, hint in _NOT_LISTED.items():
        if word in text:
            return hint
    for cause, words in _MEANT:
        if any(re.search((r"\b" if w[0].isalnum() else "") + re.escape(w), text) for w in words):
            hint = next((s.hint for s in SLIPS["letters_start"] if s.answer == cause), "")
            return f"That reads like {cause!r}: write it exactly as listed. {hint}".strip()
    return ("Each listed option names a cause: ask what it would do to the loss before the first step, and which "
            "one could bring a fresh network's loss far below a guess's.")


def letters_start(prediction, grade=False):
    """Lesson 12, exercise 3 (diagnose): which of CAUSES explains a fresh 26-letter reader's first loss of 0.13."""
    return prediction_check("letters_start", prediction, truth=SOLUTIONS["letters_start"], options=CAUSES,
                            right="A fresh network starts at log 26 = 3.26 or a little above (section 9.1); 0.13 is "
                                  "about that divided by 26. The mean of the (n, 26) array -Y log p divides by n x 26; "
                                  "the mean cross-entropy sums over the classes and divides by n only.",
                            slips=SLIPS["letters_start"], advice=_off_list, grade=grade)


__all__ = ["letters_start"]
