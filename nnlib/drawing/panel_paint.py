"""Painting a canvas Panel with Pillow (plumbing, not lesson; nnlib.drawing.canvas calls it for every
lesson's explorer): limits from the data, round ticks, room for the texts, then the items.

Sizes are in points (1/72 inch) as in matplotlib, turned into pixels by `pt` (pixels per point);
the canvas paints at twice its size and halves it, so lines and markers come out smooth.
"""
import numpy as np
from matplotlib import colormaps
from PIL import Image, ImageDraw

from . import panel_items
from .raster import encode, font, log_ticks, tick_label, ticks

INK = (0, 0, 0)


def png_bytes(image):
    return encode(image, "png", compress_level=1)


def image_rgb(a, cmap, vmin, vmax):
    """An imshow argument as uint8 RGB (h, w, 3): values through a colormap, or RGB floats / uint8."""
    if a.ndim == 2:
        if cmap not in colormaps:
            raise ValueError(f"cmap must be a matplotlib colormap's name (e.g. 'viridis', 'RdBu_r'), got {cmap!r:.60}")
        a = np.nan_to_num(a.astype(float))
        lo, hi = (a.min() if vmin is None else vmin), (a.max() if vmax is None else vmax)
        a = colormaps[cmap](np.clip((a - lo) / (hi - lo if hi > lo else 1.0), 0, 1))[..., :3]
    if a.ndim != 3 or a.shape[2] not in (3, 4):
        raise ValueError(f"image must have shape (h, w), (h, w, 3) or (h, w, 4), got {a.shape}")
    a = a[..., :3]
    return a if a.dtype == np.uint8 else (np.clip(np.nan_to_num(a), 0, 1) * 255).astype(np.uint8)


def _data_range(panel, axis):
    """(low, high) of the data on axis "x" or "y" (positive values only on a log axis); sticky: an image
    or a contour sets the limits exactly, as in matplotlib."""
    log = panel.settings[axis + "scale"] == "log"
    values, sticky = [], False
    for it in panel.items:
        if it["kind"] in ("line", "scatter"):
            values.append(it[axis])
        elif it["kind"] == "image":
            e = it["extent"]
            values.append(np.array(e[:2] if axis == "x" else e[2:]))
            sticky = True
        elif it["kind"] == "contour":
            values.append((it["xx"] if axis == "x" else it["yy"]).ravel())
            sticky = True
    v = np.concatenate(values) if values else np.array([])
    v = v[np.isfinite(v) & ((v > 0) if log else True)]
    return (v.min(), v.max()) if v.size else ((1.0, 10.0) if log else (0.0, 1.0)), sticky


def limits(panel, axis):
    """The axis' (low, high): as set, else the data's range with a 5% margin (in log space on a log axis)."""
    if axis + "lim" in panel.settings:
        return tuple(float(v) for v in panel.settings[axis + "lim"])
    (lo, hi), sticky = _data_range(panel, axis)
    log = panel.settings[axis + "scale"] == "log"
    lo, hi = (np.log10(lo), np.log10(hi)) if log else (lo, hi)
    pad = 0.0 if sticky else 0.05 * (hi - lo)
    lo, hi = (lo - pad, hi + pad) if hi > lo else (lo - 0.5, hi + 0.5)
    lo, hi = (10.0 ** lo, 10.0 ** hi) if log else (lo, hi)
    flip = axis == "y" and any(it["kind"] == "image" and it["extent"][3] < it["extent"][2] for it in panel.items)
    return (hi, lo) if flip else (lo, hi)


def axis_ticks(panel, axis, lim):
    """(values, labels) of an axis' ticks inside its limits."""
    log = panel.settings[axis + "scale"] == "log"
    lo, hi = min(lim), max(lim)
    values = panel.settings.get(axis + "ticks")
    if values is None:
        values = log_ticks(lo, hi) if log else ticks(lo, hi, panel.nbins[axis], panel.integer[axis])
    values = [v for v in values if lo - 1e-9 * (hi - lo) <= v <= hi + 1e-9 * (hi - lo)]
    return values, [tick_label(v, log) for v in values]


class Mapping:
    """Data -> pixel coordinates of a panel's box (left, top, right, bottom), on linear or log axes."""

    def __init__(self, box, xlim, ylim, xlog, ylog):
        self.box, self.logs = box, (xlog, ylog)
        self.lims = [tuple(np.log10(v) if log else v for v in lim) for lim, log in ((xlim, xlog), (ylim, ylog))]

    def _scale(self, v, i):
        v = np.asarray(v, dtype=float)
        if self.logs[i]:
            with np.errstate(divide="ignore", invalid="ignore"):
                v = np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), np.nan)
        lo, hi = self.lims[i]
        return (v - lo) / (hi - lo)

    def __call__(self, x, y):
        left, top, right, bottom = self.box
        px = left + self._scale(x, 0) * (right - left)
        py = bottom - self._scale(y, 1) * (bottom - top)
        return np.clip(px, -1e5, 1e5), np.clip(py, -1e5, 1e5)


def _text_size(s, size):
    left, top, right, bottom = font(size).getbbox(s or " ")
    return right - left, bottom - top


def _box(panel, canvas_size, pt, xl, yl):
    """The plot box inside the panel's cell, leaving room for the title, tick labels and axis labels."""
    W, H = canvas_size
    c = panel.cell
    left, top, right, bottom = c[0] * W + 6 * pt, c[1] * H + 5 * pt, c[2] * W - 8 * pt, c[3] * H - 4 * pt
    if panel.settings.get("title"):
        top += _text_size("Ag", 12 * pt)[1] + 6 * pt
    if panel.axis_on:
        label_h = _text_size("0g", 10 * pt)[1]
        bottom -= (label_h + 7 * pt if xl else 0) + (label_h + 5 * pt if panel.settings.get("xlabel") else 0)
        left += (max((_text_size(s, 10 * pt)[0] for s in yl), default=0) + 7 * pt)
        left += label_h + 5 * pt if panel.settings.get("ylabel") else 0
    return left, top, right, bottom


def _equal_aspect(box, xlim, ylim):
    """Shrink the box so one data unit is as long across as up (imshow's default aspect)."""
    left, top, right, bottom = box
    w, h = right - left, bottom - top
    ratio = abs(xlim[1] - xlim[0]) / max(abs(ylim[1] - ylim[0]), 1e-300)
    nw, nh = (w, w / ratio) if w / ratio <= h else (h * ratio, h)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return cx - nw / 2, cy - nh / 2, cx + nw / 2, cy + nh / 2


def paint(img, panel, pt):
    """Paint one panel onto img (a PIL RGB image); pt = pixels per point."""
    xlim, ylim = limits(panel, "x"), limits(panel, "y")
    (xt, xl), (yt, yl) = axis_ticks(panel, "x", xlim), axis_ticks(panel, "y", ylim)
    box = _box(panel, img.size, pt, xl if panel.axis_on else [], yl if panel.axis_on else [])
    if any(it["kind"] == "image" and it["equal"] for it in panel.items):
        box = _equal_aspect(box, xlim, ylim)
    box = tuple(2 * int(round(v / 2)) for v in box)  # even: the frame lands on whole pixels when halved
    to_px = Mapping(box, xlim, ylim, panel.settings["xscale"] == "log", panel.settings["yscale"] == "log")
    panel_items.paint_items(img, panel, box, to_px, pt)
    draw = ImageDraw.Draw(img)
    if panel.axis_on:
        _decorate(draw, img, panel, box, to_px, pt, (xt, xl), (yt, yl))
    if panel.settings.get("title"):
        draw.text(((box[0] + box[2]) / 2, box[1] - 6 * pt), panel.settings["title"], font=font(12 * pt),
                  fill=INK, anchor="md")


def _decorate(draw, img, panel, box, to_px, pt, xticks, yticks):
    """The frame, ticks with their labels, and the axis labels."""
    left, top, right, bottom = box
    width, tick, small = max(2, int(round(0.8 * pt))), 3.5 * pt, font(10 * pt)  # at least 1 pixel when halved
    draw.rectangle((left, top, right - 1, bottom - 1), outline=INK, width=width)
    for v, s in zip(*xticks):
        x = float(to_px([v], [1.0])[0][0])
        draw.line((x, bottom, x, bottom + tick), fill=INK, width=width)
        draw.text((x, bottom + tick + 2 * pt), s, font=small, fill=INK, anchor="ma")
    for v, s in zip(*yticks):
        y = float(to_px([1.0], [v])[1][0])
        draw.line((left - tick, y, left, y), fill=INK, width=width)
        draw.text((left - tick - 2 * pt, y), s, font=small, fill=INK, anchor="rm")
    label_h = _text_size("0g", 10 * pt)[1]
    if panel.settings.get("xlabel"):
        y = bottom + tick + 2 * pt + (label_h + 5 * pt if xticks[0] else 0)
        draw.text(((left + right) / 2, y), panel.settings["xlabel"], font=small, fill=INK, anchor="ma")
    if panel.settings.get("ylabel"):
        text = panel.settings["ylabel"]
        w, _ = _text_size(text, 10 * pt)
        strip = Image.new("L", (int(w) + 4, int(label_h * 1.6)), 0)
        ImageDraw.Draw(strip).text((2, 0), text, font=small, fill=255, anchor="la")
        strip = strip.rotate(90, expand=True)
        x = panel.cell[0] * img.size[0] + 6 * pt
        y = (top + bottom) / 2 - strip.size[1] / 2
        img.paste(INK, (int(x), int(max(y, 0))), strip)
