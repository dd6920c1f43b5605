"""Lesson 6 (06_moons), exercise 2 (lr_limit): the one-sided rule for a right answer, in every reply. A rate
above the largest safe rate is refused however close, so the engine's two-sided "(within 0.01 ...)" tail would
misstate the rule; lesson06.py wraps its check in one_sided_tail."""
import contextlib
import io

from .reply import NotYet

ONE_SIDED = (" (an answer counts as right from 0.01 below the largest safe rate up to that rate, and not above "
             "it: any rate above it, however slightly, lets w drift away from w*)")
WITHIN = (" (within 0.01 of the answer counts as right)", " (within 0.01 counts as right)")


def one_sided(text):
    """text with the engine's two-sided tolerance tail replaced by ONE_SIDED."""
    for within in WITHIN:
        text = text.replace(within, ONE_SIDED)
    return text


@contextlib.contextmanager
def one_sided_tail():
    """Replace the engine's "(within 0.01 of the answer ...)" tail in a reply with ONE_SIDED, the rule lr_limit
    applies (a rate above the limit is refused however close), printed or raised."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            yield
    except NotYet as err:
        raise NotYet(one_sided(str(err))) from None
    finally:
        print(one_sided(buffer.getvalue()), end="")
