"""nbgrader settings for `make teach`: the course that `make assignments` writes into assignments/.

The settings themselves are assignments/nbgrader_config.py (written by tools/make_assignments.py).
"""
import os

c = get_config()  # noqa: F821 (nbgrader provides it)
COURSE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "assignments")
c.CourseDirectory.root = COURSE
if os.path.exists(os.path.join(COURSE, "nbgrader_config.py")):
    load_subconfig(os.path.join(COURSE, "nbgrader_config.py"))  # noqa: F821 (nbgrader provides it)
