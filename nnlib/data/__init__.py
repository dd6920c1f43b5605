"""Data for the lessons (plumbing, not lesson): the data sets (`sets`) and the splits and scaling that
lessons 6, 9 and 10 derive (`splits`). A notebook writes `from nnlib.data import moons, train_test_split`.
"""
from .sets import DATASETS, MAX_NOISE, MAX_SEED, blobs, circles, digits, logic_gate, make, moons, spiral, xor
from .splits import standardise, train_test_split, train_val_test_split

__all__ = ["DATASETS", "MAX_NOISE", "MAX_SEED", "blobs", "circles", "digits", "logic_gate", "make", "moons", "spiral",
           "standardise", "train_test_split", "train_val_test_split", "xor"]
