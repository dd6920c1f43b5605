"""The playground's scores as HTML (plumbing, not lesson 8): accuracies and the confusion matrix for
classes, the colour scale for regression targets.
"""
import html

from ..drawing.plotting import CLASS_COLORS
from .pictures import NEG, POS


def _percent(v):
    return "-" if v is None else f"{100 * v:.1f}%"


def _dot(j):
    return f'<span style="color:{CLASS_COLORS[j % 8]};font-size:1.2em">&#9679;</span>{j}'


def confusion_html(C):
    """The confusion matrix (rows: true class, columns: predicted) as a small HTML table."""
    k = C.shape[0]
    shade = {True: "#e3f1e9", False: "#fbe3d6"}  # right, wrong (empty cells stay pale grey)
    cells = [[f"<td style='text-align:center;padding:1px 8px;background:"
              f"{shade[i == j] if C[i, j] or i == j else '#fafafa'}'>{C[i, j]}</td>" for j in range(k)]
             for i in range(k)]
    rows = "".join(f"<tr><th style='text-align:right;padding:0 6px'>{_dot(i)}</th>{''.join(r)}</tr>"
                   for i, r in enumerate(cells))
    head = "".join(f"<th style='padding:0 8px'>{_dot(j)}</th>" for j in range(k))
    return (f"<table style='border-collapse:collapse;margin-top:2px'><tr><th style='font-weight:normal;color:#666;"
            f"padding:0 6px'>true \\ predicted</th>{head}</tr>{rows}</table>")


def colour_scale_html(low=-1.0, high=1.0):
    """The regression colour scale: orange (low) through white (0) to blue (high)."""
    neg, pos = (f"rgb({','.join(str(int(255 * c)) for c in rgb)})" for rgb in (NEG, POS))
    return (f"<div style='display:flex;align-items:center;gap:6px;font-size:13px'>{low:g}"
            f"<div style='width:200px;height:12px;background:linear-gradient(to right,{neg},white,{pos})'></div>"
            f"{high:g} <span style='color:#666'>target / output</span></div>")


def _loss(v):
    return "-" if v is None else f"{v:.3f}"


def numbers_html(m, regression=False):
    """The loss (and accuracy) of the training and validation points, large enough for a projector."""
    cell = "padding:0 10px 0 0;white-space:nowrap"
    big = "font-size:22px;font-weight:600;font-family:monospace"
    name = "squared error" if regression else "loss"
    rows = [(name, _loss(m["train_loss"]), _loss(m["val_loss"]))]
    if not regression:
        rows.append(("accuracy", _percent(m["train_accuracy"]), _percent(m["val_accuracy"])))
    body = "".join(f"<tr><td style='{cell};color:#555'>{label}</td><td style='{cell};{big};color:#3c3c3c'>{a}</td>"
                   f"<td style='{cell};{big};color:#d55e00'>{b}</td></tr>" for label, a, b in rows)
    head = (f"<tr><td></td><td style='{cell};color:#3c3c3c;font-size:12px'>training</td>"
            f"<td style='{cell};color:#d55e00;font-size:12px'>validation</td></tr>")
    return f"<table style='border-collapse:collapse;line-height:1.1'>{head}{body}</table>"


def metrics_html(m, regression=False):
    """The confusion matrix (classification), or the colour scale (regression)."""
    if regression:
        return f"<div style='font-size:14px;line-height:1.5'>{colour_scale_html()}</div>"
    return (f"<div style='font-size:14px;line-height:1.5'>"
            f"<span style='color:#666'>confusion matrix ({html.escape(m['confusion_of'])} points)</span>"
            f"{confusion_html(m['confusion'])}</div>")
