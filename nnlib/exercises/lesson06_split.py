"""Exercise check for lesson 6 (06_moons), exercise 4 (diagnose): a colleague's `choose_l2`, which picks the
strength of the L2 brake and the loss to report for it, and lets the test set leak into both. Kept apart from
lesson06.py, which re-exports it, so each file stays short. Data for the engine in engine.py."""
from .engine import Case, Slip, function_check

# losses[l2] = (training loss, validation loss, test loss) of the net trained with that strength. Each case is
# built so that the training, validation, test and pooled (validation + test) losses each pick another strength.
_SWEEP = {0.0: (0.030, 0.121, 0.112), 0.01: (0.040, 0.111, 0.104), 0.1: (0.060, 0.098, 0.131),
          1.0: (0.131, 0.130, 0.126)}
_WIDE = {0.03: (0.050, 0.100, 0.140), 0.3: (0.080, 0.110, 0.105), 3.0: (0.200, 0.160, 0.100)}
_GAPS = {0.001: (0.020, 0.160, 0.150), 0.01: (0.030, 0.095, 0.100), 0.1: (0.060, 0.090, 0.130),
         1.0: (0.150, 0.155, 0.090)}                   # the smallest gap and the worst validation loss part
_CASES = [Case((_SWEEP,), "losses = {0.0: (0.030, 0.121, 0.112), 0.01: (0.040, 0.111, 0.104), "
                          "0.1: (0.060, 0.098, 0.131), 1.0: (0.131, 0.130, 0.126)}"),
          Case((_WIDE,), "losses = {0.03: (0.050, 0.100, 0.140), 0.3: (0.080, 0.110, 0.105), "
                         "3.0: (0.200, 0.160, 0.100)}"),
          Case((_GAPS,), "losses = {0.001: (0.020, 0.160, 0.150), 0.01: (0.030, 0.095, 0.100), "
                         "0.1: (0.060, 0.090, 0.130), 1.0: (0.150, 0.155, 0.090)}")]

_TRAIN, _VAL, _TEST = 0, 1, 2


def _pick(chosen_by, reported_by):
    """A choose_l2 that chooses the strength with the lowest `chosen_by(losses of one strength)` and reports
    `reported_by(losses of the chosen strength, losses)`: the reference and the slips."""
    def choose_l2(losses):
        best = min(losses, key=lambda l2: chosen_by(losses[l2]))
        return best, reported_by(losses[best], losses)
    return choose_l2


def _pooled(row):
    return (row[_VAL] + row[_TEST]) / 2


def _given(losses):                      # the handed-out function: validation and test pooled, for both jobs
    pooled = {l2: (val + test) / 2 for l2, (train, val, test) in losses.items()}
    best = min(pooled, key=pooled.get)
    return best, pooled[best]


_choose_l2 = _pick(lambda row: row[_VAL], lambda row, losses: row[_TEST])

SOLUTIONS = {"choose_l2": _choose_l2}


def _position(losses):                   # a slip: the winner's position among the keys, not its l2
    keys = list(losses)
    best = min(range(len(keys)), key=lambda i: losses[keys[i]][_VAL])
    return best, losses[keys[best]][_TEST]

SLIPS = {"choose_l2": [
    Slip("given", "This still behaves like the colleague's choose_l2 on every sweep the check tries: the same "
         "strength chosen and the same loss reported, so the symptom stays (a reported loss below what the chosen "
         "net does on fresh points). Which losses does each of its two jobs look at, and which of them has the "
         "winner's luck in it?", _given),
    Slip("test chooses", "The test set does the choosing here: the strength is picked by its test loss, so the "
         "winner is partly the strength that was lucky on those test points, and its test loss flatters it.",
         _pick(lambda row: row[_TEST], lambda row, losses: row[_TEST])),
    Slip("pooled chooses", "The reported figure is now untouched by the validation set, but the choice still "
         "looks at the test losses (they are half of each pooled score): the test set helped choose, so its "
         "figure for the winner flatters it.", _pick(_pooled, lambda row, losses: row[_TEST])),
    Slip("validation reported", "The choice is now made on the validation set alone, but the figure reported is "
         "the same validation loss the winner won by: it carries the winner's luck on those points.",
         _pick(lambda row: row[_VAL], lambda row, losses: row[_VAL])),
    Slip("pooled reported", "The choice is now made on the validation set alone, but the reported figure still "
         "averages in the validation loss the winner won by, and with it the winner's luck.",
         _pick(lambda row: row[_VAL], lambda row, losses: _pooled(row))),
    Slip("best test reported", "The figure reported is the lowest test loss of all the strengths, the best of "
         "several test scores: choosing among them on the test set, and usually not even the chosen net's.",
         _pick(lambda row: row[_VAL], lambda row, losses: min(r[_TEST] for r in losses.values()))),
    Slip("training plus validation chooses", "The strength is chosen by its training and validation losses "
         "added up: the training loss rewards the net that fits the training set's noise, and a weaker brake always "
         "lowers it, so it pulls the choice away from what the validation set says about new points.",
         _pick(lambda row: row[_TRAIN] + row[_VAL], lambda row, losses: row[_TEST])),
    Slip("mean test reported", "The choice is now made on the validation set alone, but the figure reported is "
         "the mean test loss of all the strengths, most of them nets you did not choose: report the test loss of "
         "the chosen strength only.", _pick(lambda row: row[_VAL],
                                             lambda row, losses: sum(r[_TEST] for r in losses.values()) / len(losses))),
    Slip("training chooses", "The strength is chosen by its training loss, which a weaker brake always lowers: "
         "that choice prefers the net that fits the training set's noise, however it does on new points.",
         _pick(lambda row: row[_TRAIN], lambda row, losses: row[_TEST])),
    Slip("highest", "The strength chosen has the highest validation loss: a loss is better when it is lower.",
         _pick(lambda row: -row[_VAL], lambda row, losses: row[_TEST])),
    Slip("training reported", "The choice is now made on the validation set alone, but the figure reported is the "
         "winner's training loss, measured on the points it was fitted to: it says how well the net fits them, not "
         "how it does on new points.", _pick(lambda row: row[_VAL], lambda row, losses: row[_TRAIN])),
    Slip("roles swapped", "The two sets' roles are swapped: the test set does the choosing and the validation set "
         "the reporting. The set that chooses is spent on the choice; the one kept aside reports.",
         _pick(lambda row: row[_TEST], lambda row, losses: row[_VAL])),
    Slip("training chooses, validation reported", "The strength is chosen by its training loss, which a weaker brake "
         "always lowers, and the figure reported is a validation loss: the training set cannot judge a brake "
         "meant for new points, and the report should come from the set kept aside.",
         _pick(lambda row: row[_TRAIN], lambda row, losses: row[_VAL])),
    Slip("smallest gap", "The strength chosen has the smallest gap between training and validation loss; a strong "
         "brake closes the gap by fitting both badly. Choose on the validation loss itself.",
         _pick(lambda row: row[_VAL] - row[_TRAIN], lambda row, losses: row[_TEST])),
    Slip("all three", "The choice averages in the test loss (and the training loss): the test set then helps "
         "choose, and its figure for the winner flatters it.", _pick(sum, lambda row, losses: row[_TEST])),
    Slip("position", "The first number returned is the winner's position in the dict (0, 1, 2, ...), not its "
         "strength: return the key, the l2 itself.", _position),
    Slip("order", "The right two things in the wrong order: choose_l2 returns the strength first, then the loss "
         "reported for it.", lambda losses: _choose_l2(losses)[::-1]),
    Slip("whole row", "The loss reported is the winner's whole row (training, validation, test): report one "
         "number, from the set kept aside for it.", _pick(lambda row: row[_VAL], lambda row, losses: row)),
]}


def choose_l2(fn, grade=False):
    """Lesson 6, exercise 4 (diagnose): choose_l2(losses) -> (the strength with the lowest validation loss, its
    test loss), where losses[l2] = (training loss, validation loss, test loss)."""
    return function_check("choose_l2", fn, reference=_choose_l2, cases=_CASES,
                          outputs=("the chosen l2", "the loss reported"), slips=SLIPS["choose_l2"], pure=True,
                          right="The validation set does the choosing, and the winner's luck on it is spent "
                                "there; the test set, looked at once and only for the winner, gives a figure "
                                "no choice has flattered.", grade=grade)


__all__ = ["choose_l2"]
