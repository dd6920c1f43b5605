"""The playground app of lesson 8 (plumbing, not lesson): TensorFlow Playground in numpy.

    from nnlib.playground import Playground, measure_fps
    pg = Playground(seed=0)     # the last line of a cell shows the dashboard

The parts, each a concept:
    settings.py   the one settings table (ranges, defaults, labels, effects) and its checks
    data.py       data sets (classification and regression), input features, split, window
    training.py   Trainer: points, the nnlib.MLP and its training (MLP.train_epoch), metrics
    files.py      CSV points and the JSON export/import (with optimizer state: exact resume)
    pictures.py   the output picture, points layer, loss curves, scores (numpy + Pillow)
    network.py    the network diagram and what is at a pixel of it
    controls.py   the controls, built from the settings table
    view.py       the widgets' layout, status line and events
    actions.py    each widget event as a guarded Playground call
    focus.py      the neuron shown large and the selected link
    painter.py    puts the pictures of a Trainer into the View
    runner.py     play/pause in a background thread
    editing.py    a neuron shown large; weights and biases read on hover and edited
    links.py      shareable links: the settings in the page address (the Voila app)
    app.py        Playground: owns a Trainer, a View, a Painter, a Focus and a Runner

Importing nnlib does not import this package (ipywidgets, Pillow and ipyevents load only here).
"""
from .app import Playground
from .runner import measure_fps
from .settings import SETTINGS
from .training import Trainer

__all__ = ["Playground", "SETTINGS", "Trainer", "measure_fps"]
