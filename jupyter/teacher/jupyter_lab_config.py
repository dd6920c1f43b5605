"""JupyterLab for a teacher (`make teach`): the repository, with nbgrader's menus and formgrader.

jupyter/README.md says what each file in this folder does and why.
"""
import os

c = get_config()  # noqa: F821 (Jupyter provides it)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
c.ServerApp.root_dir = ROOT
c.LabApp.app_settings_dir = os.path.join(ROOT, "jupyter", "lab-settings")
