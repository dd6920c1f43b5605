"""Lesson 12 (12_digits), exercise 5 (diagnose): a learning curve whose validation accuracy is still rising while
the training accuracy falls towards it, short of the accuracy the task needs: which remedy comes first. Data for the
engine in engine.py."""
from .engine import Slip, prediction_check

REMEDIES = ("more data", "bigger network", "stronger regularisation", "smaller network")
TRAINING_IMAGES = (100, 300, 1000, 3000)
TRAINING_ACCURACY = (1.00, 0.97, 0.93, 0.91)
VALIDATION_ACCURACY = (0.70, 0.80, 0.86, 0.89)
TARGET = 0.97


def gaps():
    """Training minus validation accuracy at each size of the table (what the right reply reads off)."""
    return tuple(round(t - v, 2) for t, v in zip(TRAINING_ACCURACY, VALIDATION_ACCURACY))


SOLUTIONS = {"curve_remedy": "bigger network"}

SLIPS = {"curve_remedy": [
    Slip("more data", "The validation accuracy is still rising, but look at what it is rising towards: on average, "
                      "and for long, a network scores no better on new images than on its training images, and the "
                      "training accuracy falls as the data grow. Where do the two curves meet, and is that enough?",
         "more data"),
    Slip("regularise", "A brake holds the training fit back to close a gap between the curves; here the gap is "
                       "already small, and the training accuracy itself is below what the task needs.",
         "stronger regularisation"),
    Slip("smaller", "A smaller network fits the training images even less well than this one, and the training "
                    "accuracy is already the ceiling the validation accuracy cannot pass for long.", "smaller network"),
]}


def _right():
    gap = gaps()
    return (f"The gap closes ({gap[0]:.2f}, {gap[1]:.2f}, {gap[2]:.2f}, {gap[3]:.2f}), so at 100 images this was "
            "variance, and more data was the cure; by 3000 images it has done its work. Both curves now head for "
            f"the same level, near {TRAINING_ACCURACY[-1]:.2f} and falling: the network cannot fit even its training "
            f"images to {TARGET:.2f}, which is bias, and more data would only close the last of the gap. First a "
            "network with more capacity (or longer training); then read the curves again, since a bigger network "
            "may open the gap once more and call for data or a brake.")


def curve_remedy(prediction, grade=False):
    """Lesson 12, exercise 5 (diagnose): which remedy the learning curves of the prompt call for first."""
    return prediction_check("curve_remedy", prediction, truth="bigger network", options=REMEDIES, right=_right,
                            slips=SLIPS["curve_remedy"], grade=grade)
