"""The browser tests' slicer (tests/support/widget_cells.py): which code a lesson's widgets need."""
from support.widget_cells import WIDGET_VIEW, needed_code


def _nb(*sources, widget):
    cells = []
    for i, src in enumerate(sources):
        outputs = [{"output_type": "display_data", "data": {WIDGET_VIEW: {}, "text/plain": "Explorer()"}}] \
            if i == widget else []
        cells.append({"cell_type": "code", "source": src, "outputs": outputs, "metadata": {}})
    return {"cells": [{"cell_type": "markdown", "source": "# lesson"}] + cells}


def test_keeps_what_the_widget_reads_and_what_changes_it_in_place():
    nb = _nb("import numpy as np\n%matplotlib inline",
             "X = np.ones((3, 2))\nprint(X.mean())\nslow = [np.exp(X) for _ in range(10 ** 6)]",
             "net = make()\nnet.fit(X)\nother = 3",
             "X = X * 100\nresults = {lr: train(X, lr) for lr in (1, 2)}",
             "def draw(fig, lr):\n    model = net.copy()\n    model.fit(X, lr)\n    return str(lr)\n\nshow(draw)",
             "exercise = results[1]",
             widget=4)
    code = needed_code(nb)
    assert code == {1: "import numpy as np\n%matplotlib inline",     # magics: the whole cell
                    2: "X = np.ones((3, 2))\nprint(X.mean())",       # X (X.mean() might change X), not the slow part
                    3: "net = make()\nnet.fit(X)",                     # net, and what changes it in place
                    4: "X = X * 100",                                  # the X the widget reads
                    5: nb["cells"][5]["source"]}                       # the widget cell whole; nothing after it


def test_a_function_s_own_names_stay_inside_it():
    nb = _nb("net = slow()", "def draw(fig):\n    net = fresh()\n    return net\n\nshow(draw)", widget=1)
    assert list(needed_code(nb)) == [2]  # draw's own `net` does not pull in the global one


def test_without_widgets_every_code_cell_is_kept():
    nb = _nb("a = 1", "b = a + 1", widget=None)
    assert needed_code(nb) == {1: "a = 1", 2: "b = a + 1"}
