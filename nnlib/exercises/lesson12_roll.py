"""Lesson 12, exercise 4's rule that the fix keeps the colleague's np.roll call: an answer written another way
(section 9.4's pad-and-slice shift, loops, scipy) gives the right images but skips the diagnosis."""
import numpy as np

NOT_THE_FIX = ("Your images are right, but this is not the colleague's function fixed: the exercise asks you to find "
               "what is wrong with their `np.roll` version and repair it, keeping the `np.roll` call (section 9.4's "
               "`shift` is right, but copying it or writing the move another way skips the diagnosis).")


def calls_roll(fn):
    """Whether fn, or a function defined inside it, names `roll` (np.roll, numpy.roll or roll imported alone)."""
    codes = [getattr(fn, "__code__", None)]
    while codes:
        code = codes.pop()
        if code is None:
            continue
        if "roll" in code.co_names:
            return True
        codes.extend(c for c in code.co_consts if hasattr(c, "co_code"))
    return False


def shift_fixed(X, dy, dx):
    """The colleague's roll kept, then the row and the column that came round to the other side blanked."""
    moved = np.roll(np.reshape(X, (-1, 8, 8)), (dy, dx), axis=(1, 2))
    if dy:
        moved[:, 0 if dy > 0 else -1, :] = 0
    if dx:
        moved[:, :, 0 if dx > 0 else -1] = 0
    return moved.reshape(-1, 64)
