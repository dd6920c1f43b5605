"""The exercise engine and each lesson's checks (plumbing, not lesson).

`engine` holds the one engine (Slip, function_check, prediction_check; tolerance and message policy);
`lessonNN` holds lesson NN's checks as data: SOLUTIONS, SLIPS and the check functions named in its
`__all__`. `nnlib.check` gathers them all, so a notebook calls `check.<name>(...)`.
"""
LESSONS = tuple(f"lesson{n:02d}" for n in range(1, 13))
