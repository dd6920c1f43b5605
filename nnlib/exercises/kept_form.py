"""A diagnose exercise whose fix must keep the handed-out code's form (plumbing, not lesson): lesson 11's
recursive topological order, lesson 12's shift by np.roll. Right results from code of another form are refused
with the exercise's own message, which names neither the bug nor the fix."""
from .reply import NotYet, verdict
from .stubs import untouched


def refuse_other_forms(name, fn, run, keeps, message, grade=False):
    """Run the check `run(grade)` on `fn`; when `fn` is an attempt whose form `keeps(fn)` rejects and whose results
    are all right, reply `message` instead of `correct`. A wrong attempt of another form gets its usual reply, which
    is about its own mistake."""
    if callable(fn) and not untouched(fn) and not keeps(fn):
        try:
            run(grade=True)
        except NotYet:
            return run(grade)
        return verdict(name, message, grade=grade)
    return run(grade)
