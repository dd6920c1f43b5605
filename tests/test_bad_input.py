"""The bad-input battery: every row of bad_input_core and bad_input_playground, under -W error.

A row either raises the named exception with its words in the message, or returns and passes its check.
"""
import re
import signal
import warnings

import pytest
from bad_input_core import ROWS as CORE
from bad_input_playground import ROWS as PLAYGROUND

ROWS = CORE + PLAYGROUND
SECONDS = 10  # a row that takes longer hangs: the battery fails it instead of waiting


def _alarm(signum, frame):
    raise TimeoutError(f"took more than {SECONDS} s")


def test_ids_are_unique():
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_row(row):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if row.exc is not None:
                with pytest.raises(row.exc) as info:
                    row.call()
                message = str(info.value)
                missing = [w for w in row.words if w not in message]
                assert not missing, f"message {message!r} lacks {missing}"
                assert not re.search(r"numpy|Traceback", message), f"message leaks internals: {message!r}"
            else:
                result = row.call()
                if row.check is not None:
                    assert row.check(result), f"check failed on {result!r:.200}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
