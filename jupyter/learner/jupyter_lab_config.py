"""JupyterLab for a learner (`make lab`): opens lesson 1 from notebooks/, with the course's settings.

jupyter/README.md says what each file in this folder does and why.
"""
import os

c = get_config()  # noqa: F821 (Jupyter provides it)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
c.ServerApp.root_dir = os.path.join(ROOT, "notebooks")
c.LabApp.default_url = "/lab/tree/01_perceptron.ipynb"
# No news pop-up, full lesson names in the file browser (jupyter/lab-settings/overrides.json; Binder
# copies the same file into its environment).
c.LabApp.app_settings_dir = os.path.join(ROOT, "jupyter", "lab-settings")
