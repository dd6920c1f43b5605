"""The engine's words for a wrong number with no catalogued slip (nnlib/exercises/predict.py): the likely cause
(a square, a root, a fraction upside down, the complement) with the direction, never as arithmetic on the answer
("the square root of the answer" leaves one multiplication between a student and the answer)."""
import pytest

from nnlib.exercises.predict import prediction_check

CASES = [  # (prediction, truth, the direction, words of the cause)
    (1.5, 2.25, "too low", "a square missing"),
    (0.5, 0.25, "too high", "a square missing"),
    (6.25, 2.5, "too high", "a square too many"),
    (0.04, 0.2, "too low", "a square too many"),
    (0.4, 2.5, "too low", "a fraction upside down"),
    (2.5, 0.4, "too high", "a fraction upside down"),
    (0.3, 0.7, "too low", "the complement"),
    (0.8, 0.2, "too high", "the complement"),
]


@pytest.mark.parametrize("prediction, truth, side, cause", CASES)
def test_a_related_number_gets_its_cause_not_its_arithmetic(capsys, prediction, truth, side, cause):
    prediction_check("relation", prediction, truth=truth, tol=0.001)
    out = capsys.readouterr().out
    assert f": {cause}" in out and side not in out, out       # the cause, never the direction (a bisection)
    assert "of the answer" not in out.split("counts as right")[-1], out
    assert str(truth) not in out.replace(str(prediction), ""), out


def test_a_number_with_no_relation_gets_no_direction(capsys):
    prediction_check("relation", 3.3, truth=4.1, tol=0.001)
    assert capsys.readouterr().out.rstrip().endswith("counts as right)")
