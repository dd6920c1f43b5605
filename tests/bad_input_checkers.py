"""The bad-input battery's checker tables: for each checker of nnlib/validation/arguments.py, with each
of the settings the entry points call it with, the bad values it must refuse and the error it raises.

Each entry point routes its arguments through these checkers; tests/bad_input_routes.py holds one row per
(entry point, argument) showing that it does, so a value refused here is refused by every entry point
that routes that argument here. The values are every distinct bad value the battery held per checker
before it became tables (tests/support/battery_before.tsv; test_bad_input.py compares).
"""
from decimal import Decimal
from fractions import Fraction

import numpy as np

from nnlib import optim
from nnlib.playground import SETTINGS

NAN, INF = float("nan"), float("inf")

# checker: {its settings (as keywords): [(bad value, error), ...]}
CHECKS = {
    'affordable': {
        '': [
            (10**10, ValueError), (3 * 10**10, ValueError), (3 * 10**30, ValueError),
            (10**12, ValueError), (2**70, ValueError)]},
    'as_features': {
        'n_features=2': [
            (np.zeros((2, 3)), ValueError), ([[NAN, 0.0]], ValueError), ('abcd', TypeError), (None, TypeError),
            ([[0.0, 1.0], [NAN, 0.0], [1.0, 1.0], [2.0, 0.0]], ValueError),
            ([[0.0, 1.0], [1.0, 0.0], [1.0, INF], [2.0, 0.0]], ValueError),
            ([[0.0, 1.0], [1.0], [1.0, 1.0], [2.0, 0.0]], TypeError),
            (np.array([[0j, 1j], [(1+0j), 0j], [(1+0j), (1+0j)], [(2+0j), 0j]], 'complex128'), TypeError),
            ([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']], TypeError), ([0.0, 1.0, 2.0], ValueError),
            (np.zeros((4, 2, 1)), ValueError), (np.zeros((0, 2)), ValueError), (np.zeros((4, 3)), ValueError),
            (np.full((12, 2), NAN, 'float64'), ValueError), (np.full((12, 3), 1.0, 'float64'), ValueError)],
        'n_features=None': [
            ([0.0, 1.0, 2.0], ValueError), (np.zeros((4, 2, 1)), ValueError), (np.zeros((0, 2)), ValueError),
            ('abcd', TypeError), (None, TypeError), ([[0.0, 1.0], [NAN, 0.0], [1.0, 1.0], [2.0, 0.0]], ValueError),
            ([[0.0, 1.0], [1.0, 0.0], [1.0, INF], [2.0, 0.0]], ValueError),
            ([[0.0, 1.0], [1.0], [1.0, 1.0], [2.0, 0.0]], TypeError),
            (np.array([[0j, 1j], [(1+0j), 0j], [(1+0j), (1+0j)], [(2+0j), 0j]], 'complex128'), TypeError),
            ([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']], TypeError)]},
    'as_labels': {
        'n=12,n_classes=2': [
            (np.array(["a", "b"] * 6), TypeError),
            (np.full((12,), 5, 'int64'), ValueError), (np.full((12,), 2.5, 'float64'), ValueError),
            (np.full((12,), -1, 'int64'), ValueError), (np.full((12,), NAN, 'float64'), ValueError),
            (np.arange(11) % 2, ValueError),
            (np.eye(2)[np.arange(12) % 2], ValueError), (None, ValueError), ('01', ValueError),
            (np.full((12,), 2, 'int64'), ValueError), (np.arange(5) % 2, ValueError),
            (np.zeros((12, 3)), ValueError), (np.full((12,), 4, 'int64'), ValueError), ('ab', ValueError)],
        'n=12,n_classes=3': [
            (np.full((12,), 3, 'int64'), ValueError)],
        'n=2,n_classes=2': [
            ([0, 5], ValueError), ([0, 7], ValueError), ([0, NAN], ValueError), ([0, 0.5], ValueError)],
        'n=2,n_classes=3': [
            ([0, 3], ValueError)],
        'n=2,n_classes=None': [
            ([0, 2.5], ValueError), ([0, 1, 1], ValueError)],
        'n=3,n_classes=2': [
            ([0, 1, 5], ValueError), ([0, 1], ValueError)],
        'n=3,n_classes=3': [
            ([0, 1, 3], ValueError)],
        'n=4,n_classes=2': [
            ([0, 1, 2, 1], ValueError), ([0, -1, 1, 1], ValueError), ([0, 0.5, 1, 1], ValueError),
            ([0, NAN, 1, 1], ValueError), (['a', 'b', 'a', 'b'], TypeError), ([0, 1, 1], ValueError),
            ([[0, 1], [1, 0], [0, 1], [1, 0]], ValueError)],
        'n=4,n_classes=None': [
            ([0, 1], ValueError), (['a', 'b', 'a', 'b'], TypeError), ([0, 0.5, 1, 1], ValueError)],
        'n=400,n_classes=None': [
            (np.full((400,), 0.5, 'float64'), ValueError)]},
    'boolean': {
        '': [
            (1, TypeError), ('yes', TypeError), (None, TypeError), (np.full((1,), True, 'bool'), TypeError)]},
    'check_count': {
        '': [
            (0, ValueError), (-1, ValueError), (1.5, ValueError), ('2', ValueError), (None, ValueError),
            (True, ValueError), (NAN, ValueError), (np.int64(0), ValueError)]},
    'check_number': {
        '': [
            (NAN, ValueError), ('1', ValueError), (INF, ValueError), ('a', ValueError), (None, ValueError),
            ('x', ValueError)]},
    'choice': {
        "options=['adagrad', 'adam', 'momentum', 'nesterov', 'rmsprop', 'sgd']": [
            ('adamw', ValueError), (optim.SGD, ValueError), (None, ValueError)],
        "options=['and', 'nand', 'or', 'xor']": [
            ('xnor', ValueError), ('', ValueError), (3, ValueError), (None, ValueError), (['and'], ValueError)],
        "options=['circle', 'gaussian', 'moons', 'spiral', 'xor']": [
            ('moon', ValueError), ('', ValueError), (None, ValueError), (3, ValueError), ('Moons', ValueError)],
        "options=['cross_entropy', 'mse']": [
            ('hinge', ValueError), ('binary_cross_entropy', ValueError), (0, ValueError), ('l1', ValueError)],
        "options=['glorot', 'he', 'lecun', 'normal', 'small']": [
            ('Lecun', ValueError), ('xavier', ValueError), (None, ValueError), (0.01, ValueError),
            ('uniform', ValueError)],
        "options=['identity', 'leaky_relu', 'relu', 'sigmoid', 'tanh']": [
            ('softmax', ValueError), ('Tanh', ValueError), (None, ValueError), (np.tanh, ValueError)],
        "options=['identity', 'sigmoid', 'softmax']": [
            ('linear', ValueError), ('relu', ValueError), (None, ValueError)],
        "options=['relu', 'sigmoid', 'tanh']": [
            ('softmax', ValueError)],
        "options=['softmax', 'sigmoid', 'identity']": [
            ('tanh', ValueError)],
        "options=['tanh', 'relu']": [
            ('tanhh', ValueError)]},
    'function': {
        '': [
            (3, TypeError), (3.0, TypeError), ('predict', TypeError), ('print', TypeError)]},
    'in_range': {
        'low=0,high=1,low_open=False,high_open=False,integer=False': [
            (5, ValueError), (NAN, ValueError), (True, TypeError), (1j, TypeError), (None, TypeError),
            (2, ValueError)],
        'low=0,high=1,low_open=False,high_open=True,integer=False': [
            (1, ValueError), (-0.1, ValueError), (1.5, ValueError), (NAN, ValueError), ('a', TypeError),
            (None, TypeError), (1.0, ValueError), ('0.9', TypeError), (-5, ValueError), (1.2, ValueError),
            (2, ValueError), (-0.5, ValueError)],
        'low=0,high=1,low_open=True,high_open=False,integer=False': [
            (0, ValueError), (-1e-05, ValueError), (NAN, ValueError), (2.0, ValueError), ('1e-5', TypeError)],
        'low=0,high=1,low_open=True,high_open=True,integer=False': [
            (0, ValueError), (1, ValueError), (-0.2, ValueError), (1.5, ValueError), (NAN, ValueError),
            (INF, ValueError), ('0.2', TypeError), (None, TypeError), (False, TypeError)],
        'low=0,high=1.0,low_open=True,high_open=False,integer=False': [
            (0, ValueError), (2.0, ValueError), (NAN, ValueError)],
        'low=0,high=1000.0,low_open=False,high_open=False,integer=False': [
            (-0.1, ValueError), (NAN, ValueError), (INF, ValueError), ('a', TypeError), (None, TypeError),
            (True, TypeError), ([0.1], TypeError), (1j, TypeError), (1e+308, ValueError), (1001.0, ValueError)],
        'low=0,high=10000.0,low_open=True,high_open=False,integer=False': [
            (0, ValueError), (-3, ValueError), ('big', TypeError), (NAN, ValueError)],
        'low=0,high=1e+300,low_open=False,high_open=False,integer=False': [
            (-1, ValueError), (NAN, ValueError), ('a', TypeError), (1e+301, ValueError)],
        'low=0,high=None,low_open=False,high_open=False,integer=False': [
            ('1', TypeError)],
        'low=0,high=None,low_open=False,high_open=False,integer=True': [
            (-1, ValueError), (1.5, TypeError)],
        'low=0.001,high=10.0,low_open=False,high_open=False,integer=False': [
            (20.0, ValueError), (0, ValueError), (NAN, ValueError), ('0.5', TypeError)],
        'low=1,high=100000,low_open=False,high_open=False,integer=True': [
            (0, ValueError), (-5, ValueError), (2.5, TypeError), ('10', TypeError), (None, TypeError),
            (True, TypeError), (NAN, TypeError), (10.0, TypeError), ([10], TypeError), ((1+2j), TypeError),
            (1000000000, ValueError)],
        'low=1,high=20,low_open=False,high_open=False,integer=True': [
            (0, ValueError)],
        'low=1,high=50,low_open=False,high_open=False,integer=True': [
            (0, ValueError), (51, ValueError), (2.5, TypeError), ('3', TypeError), (None, TypeError)],
        'low=1,high=9,low_open=False,high_open=False,integer=True': [
            (2.0, TypeError)],
        'low=1,high=None,low_open=False,high_open=False,integer=True': [
            (0, ValueError), (-1, ValueError), (0.5, TypeError)],
        'low=10,high=1000,low_open=False,high_open=False,integer=False': [
            (0, ValueError), (1000000, ValueError)],
        'low=10,high=400,low_open=False,high_open=False,integer=False': [
            (0, ValueError)],
        'low=2,high=1000,low_open=False,high_open=False,integer=True': [
            (1.5, TypeError), (0, ValueError), (1, ValueError), (-4, ValueError), (100000, ValueError),
            ('50', TypeError), (None, TypeError), (True, TypeError), (2.5, TypeError)],
        'low=None,high=None,low_open=False,high_open=False,integer=False': [
            (-INF, ValueError), ('0', TypeError)]},
    'layer_sizes': {
        '': [
            ({2, 5}, ValueError), ({2: 3, 3: 2}, ValueError), ('23', ValueError), (3, ValueError), ([2], ValueError),
            ([], ValueError), ([2, 0, 2], ValueError), ([2, -3, 2], ValueError), ([2, 2.5, 2], ValueError),
            ([2, True, 2], ValueError), ([2, '3', 2], ValueError), ([2, None, 2], ValueError),
            ([2, NAN, 2], ValueError), (np.full((2, 2), 0, 'int64'), ValueError),
            ([2, 1000000, 1000000, 2], ValueError), ([100000, 100000], ValueError), (None, ValueError),
            ({2, 3}, ValueError)]},
    'network_input': {
        'sizes=[2, 3, 2]': [
            ([0.0, 1.0, 2.0], ValueError), (np.zeros((4, 2, 1)), ValueError), (np.zeros((0, 2)), ValueError),
            ('abcd', TypeError), (None, TypeError), (np.array([[0.0, NAN]], 'float64'), ValueError),
            (np.array([[INF, 0.0]], 'float64'), ValueError), (np.array([[1j, 0j]], 'complex128'), TypeError),
            ([[0.0, 1.0], [2.0]], TypeError), (np.zeros((4, 3)), ValueError),
            (np.array([['a', 'b']], '<U1'), TypeError),
            (np.broadcast_to(0.0, (10**8, 2)), ValueError), (np.zeros((3, 3)), ValueError),
            (np.full((3, 2), NAN, 'float64'), ValueError)]},
    'positive': {
        'integer=False,minimum=0': [
            (-0.1, ValueError), (NAN, ValueError), ('0.1', TypeError), (None, TypeError), (-1, ValueError),
            (INF, ValueError), ('a', TypeError), (1j, TypeError), ('0', TypeError), (Decimal('-1'), ValueError),
            (np.array(1j), TypeError)],
        'integer=False,minimum=None': [
            (0, ValueError), (-0.1, ValueError), (NAN, ValueError), (INF, ValueError), ('1', TypeError),
            (None, TypeError), (True, TypeError), ([1.0], TypeError), (-1.0, ValueError), ('0.1', TypeError),
            ('10', TypeError), (-0.5, ValueError), (-1e-08, ValueError), (0.0, ValueError),
            (Decimal('NaN'), ValueError), (np.array(NAN), ValueError), (np.full((1,), 0.1, 'float64'), TypeError),
            (Fraction(-1, 2), ValueError),
            (10**400, ValueError)],
        'integer=True,minimum=1': [
            (0, ValueError), (10.0, TypeError), (-3, ValueError), ('5', TypeError), (None, TypeError),
            (2.5, TypeError), (-1, ValueError), ('8', TypeError), (1.5, TypeError)],
        'integer=True,minimum=2': [
            (0, ValueError), (-5, ValueError), (2.5, TypeError), ('10', TypeError), (None, TypeError),
            (True, TypeError), (NAN, TypeError), (10.0, TypeError), ([10], TypeError), ((1+2j), TypeError),
            (1, ValueError), ('3', TypeError)],
        'integer=True,minimum=3': [
            (0, ValueError), (-5, ValueError), (2.5, TypeError), ('10', TypeError), (None, TypeError),
            (True, TypeError), (NAN, TypeError), (10.0, TypeError), ([10], TypeError), ((1+2j), TypeError),
            (2, ValueError)]},
    'real_array': {
        'finite=False,none_is_nan=False': [
            ('abc', TypeError), ([1j], TypeError), (None, TypeError), (np.full((1,), 1j, 'complex128'), TypeError),
            ([[1.0], [1.0, 2.0]], TypeError), ([1.0, None], TypeError), (1j, TypeError), ({1: 2}, TypeError)],
        'finite=True,none_is_nan=False': [
            (np.full((2, 3), NAN, 'float64'), ValueError), ([0, INF], ValueError),
            (np.full((2, 3), 1j, 'complex128'), TypeError), ('abc', TypeError), ([[0, 0, 0], [0, 0]], TypeError),
            (np.full((12,), NAN, 'float64'), ValueError),
            (['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'], TypeError),
            (np.full((12, 3), NAN, 'float64'), ValueError), (np.full((12, 2), NAN, 'float64'), ValueError),
            (np.full((12, 2), 1j, 'complex128'), TypeError), (np.full((2, 2), NAN, 'float64'), ValueError),
            ('ab', TypeError), (np.full((2, 2), (1+1j), 'complex128'), TypeError)]},
    'seed': {
        'maximum=4294967295': [
            (4294967296, ValueError), (-1, ValueError), ('abc', TypeError), (1.5, TypeError), (True, TypeError),
            (NAN, TypeError), ([1], TypeError), (np.float64(3.0), TypeError), (np.int64(-2), ValueError),
            (np.float64(2.0), TypeError), ('x', TypeError)],
        'maximum=None': [
            (-1, ValueError), ('abc', TypeError), (1.5, TypeError), (True, TypeError), (NAN, TypeError),
            ([1], TypeError), (np.float64(3.0), TypeError), (np.int64(-2), ValueError), (0.5, TypeError)]},
}


def setting_values(name, spec):
    """The bad values of a playground setting's kind (from the settings table itself)."""
    wrong_type = ["3", None, True, 2 + 1j, [1]]
    if spec.kind == "int":
        return [spec.low - 1, spec.high + 1, 2.5, NAN, *wrong_type]
    if spec.kind in ("float", "log"):
        return [spec.low - 1, spec.high * 10, NAN, INF, -INF, *wrong_type]
    if spec.kind == "bool":
        return ["no", 1, 0.0, None]
    if spec.kind == "features":
        return [[], ["x3"], "x9", 5, [1], None]
    if spec.kind == "neurons":
        return [[0], [spec.high + 1], [3] * 9, "3", [2.5], None, 4]  # [] is legit: no hidden layer
    ints = isinstance(spec.options[0], int)
    return ["nope", 3.0 if ints else 3, None, True, [spec.options[0]], 10.0 if name == "batch_size" else "×"]


CHECKS["check_setting"] = {f"name={name!r},prefix=''": [(v, ValueError) for v in setting_values(name, spec)]
                           for name, spec in SETTINGS.items()}
# unknown settings, values between a slider's steps, a name inside a JSON file
for _settings, _value in (("name='3',prefix=''", 1), ("name='colour',prefix=''", "red"),
                          ("name='click',prefix=''", 99), ("name='neurons',prefix=''", [9, 8]),
                          ("name='noise',prefix=''", 0.13), ("name='points',prefix=''", 205),
                          ("name='hidden',prefix=\"text['settings']\"", 99)):
    CHECKS["check_setting"].setdefault(_settings, []).append((_value, ValueError))
