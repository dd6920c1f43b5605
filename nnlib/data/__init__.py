"""Data for the lessons (plumbing, not lesson): the data sets (`sets`), the splits and scaling that lessons 6, 9
and 10 derive (`splits`), and the moons' Bayes ceiling that lesson 8 derives (`ceiling`). A notebook writes
`from nnlib.data import moons, train_test_split`.
"""
from .ceiling import moons_bayes_accuracy
from .sets import DATASETS, MAX_NOISE, MAX_SEED, blobs, circles, digits, logic_gate, make, moons, spiral, xor
from .splits import standardise, train_test_split, train_val_test_split

__all__ = ["DATASETS", "MAX_NOISE", "MAX_SEED", "blobs", "circles", "digits", "logic_gate", "make", "moons",
           "moons_bayes_accuracy", "spiral", "standardise", "train_test_split", "train_val_test_split", "xor"]
