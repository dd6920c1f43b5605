"""Sphinx settings for the course's static site (`make book`; README "The course as a website").

MyST-NB renders every lesson from its stored outputs (no notebook is run): the text, the maths, the
pictures and each explorer's still image (the PNG stored beside its widget). The maths is typeset by
MathJax from book/node_modules (`npm ci --prefix book`), copied into the site, so no page loads
anything from another host.
"""

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
MATHJAX = HERE / "node_modules" / "mathjax" / "es5"
# What tex-chtml.js loads at run time (fonts, TeX extensions, the menu); the speech engine (sre) is left out.
MATHJAX_PARTS = ["tex-chtml.js", "input", "output/chtml", "a11y", "ui", "adaptors"]

project = "nn-course"
author = "nn-course"
copyright = "nn-course authors"
extensions = ["myst_nb"]
exclude_patterns = ["_build", "node_modules", "**.ipynb_checkpoints"]
# The lessons are ../notebooks (book/lessons is a symlink), committed with their outputs.
nb_execution_mode = "off"
# Widgets cannot run without a kernel: each explorer shows the still image stored beside its widget,
# and no widget script is loaded (it would come from a CDN).
nb_mime_priority_overrides = [("*", "application/vnd.jupyter.widget-view+json", None)]
nb_ipywidgets_js = {}
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
# Lesson 8 steps from its title (H1) to H3 in places; the notebooks are not this folder's to edit.
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = "nn-course: neural networks from scratch"
html_theme_options = {
    "repository_url": "https://github.com/nn-course/nn-course",
    "path_to_docs": "book",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
    "show_toc_level": 2,
}
# An explicit mode: without one the theme logs "invalid theme mode" as a console error on first visit.
html_context = {"default_mode": "light"}
html_static_path = []
html_last_updated_fmt = None
mathjax_path = "mathjax/tex-chtml.js"


def copy_mathjax(app, exception):
    # The site's own copy of MathJax, under _static/mathjax/ (mathjax_path above points there).
    if exception is not None or app.builder.format != "html":
        return
    if not MATHJAX.is_dir():
        raise RuntimeError(f"MathJax is missing at {MATHJAX}: run `npm ci --prefix book` first")
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        source = MATHJAX / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)


def setup(app):
    app.connect("build-finished", copy_mathjax)
