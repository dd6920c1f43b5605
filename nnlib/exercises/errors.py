"""How an error raised by a student's function is compared and worded (plumbing for every lesson's checks): a
product whose inner sizes do not fit is one mistake however numpy words it; numpy's shape errors are put in
words, and the student's line is named."""
import re

__all__ = ["error_key", "error_words"]

_RAW = {"matmul: Input operand": "a matrix product A @ B whose shapes do not fit (A's columns must match B's rows): "
                                 "check the order of the factors and of the arguments (samples in rows: X @ W)",
        "operands could not be broadcast": "an elementwise operation on two arrays whose shapes do not fit: "
                                           "check each array's shape (and the order of the arguments)",
        "not aligned": "a product whose shapes do not fit: check the order of the factors and arguments"}
_PRODUCT = ("matmul: Input operand", "not aligned")     # @ and np.dot word one mistake two ways


def error_key(outcome):
    """An error as compared between an answer and a slip: a product whose inner sizes do not fit is one mistake
    whether `@`, np.matmul or np.dot reported it (the two sizes must match); any other error by its full text."""
    if outcome.error and any(raw in outcome.error for raw in _PRODUCT):
        sizes = re.search(r"size (\d+) is different from (\d+)|(\d+) \(dim \d+\) != (\d+) \(dim", outcome.error)
        if sizes:
            return "product shapes", outcome.kind, tuple(sorted(int(n) for n in sizes.groups() if n))
    return outcome.error


def error_words(outcome):
    """The error of a call, with numpy's shape errors put in words and the student's line named."""
    text = outcome.error.split(": ", 1)[-1] if outcome.kind == "Refused" else outcome.error
    for raw, words in _RAW.items():
        if raw in text:
            text = f"raised {outcome.kind}: {words}"
    if outcome.kind == "NotImplementedError":
        text += " (the stub's `raise NotImplementedError` is still in place)"
    return text + (f", in the line {outcome.where}" if outcome.where else "")
