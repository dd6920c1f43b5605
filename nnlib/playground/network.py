"""The network diagram (plumbing, not lesson 8): one square per neuron showing its output over the
plane, one line per weight (blue positive, orange negative, thicker = larger), as TensorFlow
Playground draws it; and the reverse, which neuron or link sits at a pixel (for hover and click).

Neuron (l, j) is unit j of column l: column 0 the input features, 1..L the hidden layers, L + 1 the
outputs (one square per class, each showing that class's probability; one for regression). Link
(l, i, j) is the weight W_{l+1}[i, j] (params[l][0][i, j]); bias (l, None, j) is b_{l+1}[j], the small
square at the lower left of neuron j of column l + 1.
"""
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw

from ..drawing.plotting import CLASS_RGB
from ..drawing.raster import encode, font
from .pictures import GREY, NEG_RGB, POS_RGB, unit_values, value_colors

WIDTH, HEIGHT, TOP, LEFT, GAP = 470, 340, 26, 58, 8


@dataclass(frozen=True)
class Geometry:
    """Where everything is: square size `node`, column x positions `xs`, unit y positions `ys`."""
    node: int
    xs: tuple
    ys: tuple
    height: int


def geometry(layer_sizes, width=WIDTH, height=HEIGHT):
    """The diagram's layout for a network of these layer sizes (one square per unit)."""
    shown = list(layer_sizes)
    cols, tallest = len(shown), max(shown)
    node = int(min(40, (height - 30) // tallest - GAP, (width - LEFT - 4 - 20 * (cols - 1)) // cols))
    xs = tuple(LEFT + round(i * (width - LEFT - node - 4) / (cols - 1)) for i in range(cols))
    ys = tuple(tuple(TOP + (tallest - m) * (node + GAP) / 2 + j * (node + GAP) for j in range(m)) for m in shown)
    return Geometry(node, xs, ys, TOP + tallest * (node + GAP) + 4)


def links(g, layer_sizes):
    """Every link as ((x_start, y_start, x_end, y_end), (l, i, j))."""
    out = []
    for l in range(len(layer_sizes) - 1):
        for i in range(layer_sizes[l]):
            for j in range(layer_sizes[l + 1]):
                end = g.ys[l + 1][j]
                out.append(((g.xs[l] + g.node, g.ys[l][i] + g.node / 2, g.xs[l + 1], end + g.node / 2), (l, i, j)))
    return out


def biases(g, layer_sizes):
    """Every bias as ((left, top, right, bottom), (l, None, j)): a small square at the lower left of
    neuron j of column l + 1."""
    side = max(5, g.node // 4)
    return [((g.xs[l + 1] - side - 2, g.ys[l + 1][j] + g.node - side, g.xs[l + 1] - 2, g.ys[l + 1][j] + g.node),
             (l, None, j)) for l in range(len(layer_sizes) - 1) for j in range(layer_sizes[l + 1])]


def bias_at(g, layer_sizes, x, y, tolerance=2.0):
    """(l, None, j) of the bias square under pixel (x, y), or None."""
    for (x0, y0, x1, y1), key in biases(g, layer_sizes):
        if x0 - tolerance <= x <= x1 + tolerance and y0 - tolerance <= y <= y1 + tolerance:
            return key
    return None


def neuron_at(g, x, y):
    """(column, unit) of the square under pixel (x, y), or None."""
    for l, (left, tops) in enumerate(zip(g.xs, g.ys)):
        for j, top in enumerate(tops):
            if left <= x <= left + g.node and top <= y <= top + g.node:
                return l, j
    return None


def link_at(g, layer_sizes, x, y, tolerance=4.0):
    """(l, i, j) of the link nearest to pixel (x, y) if it passes within `tolerance` pixels, or None."""
    best, found = tolerance, None
    for (x0, y0, x1, y1), key in links(g, layer_sizes):
        t = np.clip(((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2), 0, 1)
        d = np.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0)))
        if d <= best:
            best, found = d, key
    return found


def weight_of(params, key):
    """The weight of link `key` = (l, i, j), or the bias (l, None, j), as a float."""
    l, i, j = key
    return float(params[l][1].reshape(-1)[j]) if i is None else float(params[l][0][i, j])


def _maps(acts, node, activation, regression):
    """Each column's squares as uint8 (units, node, node, 3): every neuron's output over the plane."""
    r = int(round(np.sqrt(acts[0].shape[0])))
    pick = (np.arange(node) * r) // node  # nearest grid cells: the square shows the whole plane
    maps = []
    for l, a in enumerate(acts[:-1]):
        a = a.reshape(r, r, -1)[pick][:, pick].transpose(2, 0, 1)
        maps.append(value_colors(unit_values(a, l == 0, activation)))
    out = acts[-1].reshape(r, r, -1)[pick][:, pick]
    if regression:
        maps.append(value_colors(out[..., 0])[None])
    else:  # one square per class: white where its probability is 0, its colour where it is 1
        p = np.nan_to_num(out.transpose(2, 0, 1))[..., None]
        colours = 1 - p * (1 - CLASS_RGB[np.arange(p.shape[0]) % len(CLASS_RGB)][:, None, None, :])
        maps.append((np.clip(colours, 0, 1) * 255).astype(np.uint8))
    return maps


def link_styles(w):
    """Colours (n, 3) uint8 and widths (n,) of links with weights w: blue positive, orange negative,
    darker and thicker the larger |w| (saturating at 2 for the colour, 3 for the width)."""
    w = np.nan_to_num(np.asarray(w, dtype=float))
    t = (0.15 + 0.85 * np.minimum(np.abs(w) / 2, 1))[:, None]
    base = np.where(w[:, None] > 0, np.array(POS_RGB), np.array(NEG_RGB))
    colours = (255 * (1 - t * (1 - base))).astype(int)
    return colours, np.maximum(1, np.round(1 + np.minimum(np.abs(w), 3))).astype(int)


HIGHLIGHT = (255, 214, 0)  # a yellow halo under the selected link or bias: it keeps its own colour


def _draw_links(d, g, params, layer_sizes, selected):
    drawn = links(g, layer_sizes)
    colours, widths = link_styles([weight_of(params, key) for _, key in drawn])
    for ((x0, y0, x1, y1), key), colour, width in zip(drawn, colours.tolist(), widths.tolist()):
        if key == selected:
            d.line((x0, y0, x1, y1), fill=HIGHLIGHT, width=width + 6)
            width += 1
        d.line((x0, y0, x1, y1), fill=tuple(colour), width=width)


def _draw_biases(d, g, params, layer_sizes, selected):
    squares = biases(g, layer_sizes)
    colours, _ = link_styles([weight_of(params, key) for _, key in squares])
    for (box, key), colour in zip(squares, colours.tolist()):
        if key == selected:
            d.rectangle((box[0] - 3, box[1] - 3, box[2] + 3, box[3] + 3), fill=HIGHLIGHT)
        d.rectangle(box, fill=tuple(colour), outline=(120, 120, 120))


@lru_cache(maxsize=32)
def text_layer(sizes, features, width=WIDTH):
    """The diagram's words (column names, input labels) on a transparent layer, for a network of these
    layer sizes: drawn once per network shape, since text is slow to render and never changes."""
    g = geometry(sizes, width)
    layer = Image.new("RGBA", (width, int(g.height)), (0, 0, 0, 0))
    d, small, ft = ImageDraw.Draw(layer), font(11), font(13)
    names = ["inputs"] + [f"layer {l}" for l in range(1, len(sizes) - 1)] + ["output" if sizes[-1] == 1 else "classes"]
    for l, name in enumerate(names):
        x = min(g.xs[l] + g.node / 2, width - 2 - small.getlength(name) / 2)  # "output" stays inside
        d.text((x, 4), name if g.node > 30 or l in (0, len(names) - 1) else str(l), font=small, fill=GREY, anchor="ma")
    for j, label in enumerate(features):
        d.text((g.xs[0] - 6, g.ys[0][j] + g.node / 2), label, font=ft, fill=(40, 40, 40), anchor="rm")
    return layer


def _frames(d, g, maps, shown):
    """A thin frame around every square; a thick black one around the neuron shown large."""
    for l, m in enumerate(maps):
        for j in range(m.shape[0]):
            edge, line = ((0, 0, 0), 3) if (l, j) == shown else ((120, 120, 120), 1)
            x, y = g.xs[l], g.ys[l][j]
            d.rectangle((x - line, y - line, x + g.node + line - 1, y + g.node + line - 1), outline=edge, width=line)


def network_jpeg(acts, params, features, activation, regression=False, shown=None, selected=None, width=WIDTH):
    """The diagram as JPEG bytes. acts: [X, a1, ..., outputs] on the grid; features: the inputs'
    labels; shown: the (column, unit) drawn large in the output panel (outlined); selected: a link."""
    layer_sizes = [a.shape[1] for a in acts]
    g = geometry(layer_sizes, width)
    maps = _maps(acts, g.node, activation, regression)
    img = Image.new("RGB", (width, int(g.height)), "white")
    _draw_links(ImageDraw.Draw(img), g, params, layer_sizes, selected)
    pix = np.asarray(img).copy()
    for l, m in enumerate(maps):
        for j in range(m.shape[0]):
            y0 = int(g.ys[l][j])
            pix[y0:y0 + m.shape[1], g.xs[l]:g.xs[l] + m.shape[2]] = m[j]
    img = Image.fromarray(pix)
    _frames(ImageDraw.Draw(img), g, maps, shown)
    _draw_biases(ImageDraw.Draw(img), g, params, layer_sizes, selected)
    words = text_layer(tuple(layer_sizes), tuple(features), width)
    img.paste(words, (0, 0), words)
    return encode(img, "jpeg", quality=90)
