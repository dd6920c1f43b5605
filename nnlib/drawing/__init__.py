"""Pictures and widgets for the lessons (plumbing, not lesson).

`plotting` draws decision regions and loss curves (matplotlib); `widgets` builds the explorers' sliders
and live panels (ipywidgets) and `run_view` what an explorer shows of one run. The live panels are drawn by
a small Pillow renderer, faster than a matplotlib redraw: `canvas` (the panel a widget shows),
`panel_paint` and `panel_items` (what is painted on it), `raster` (ticks, fonts, markers), `layout`
(matplotlib's own layout engine, so the frames sit where matplotlib would put them). Nothing here is
imported by `import nnlib`: a notebook writes `from nnlib.drawing.plotting import loss_curves`.
"""
