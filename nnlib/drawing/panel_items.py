"""Painting what a canvas Panel holds (plumbing, not lesson; nnlib.drawing.panel_paint calls it for every
lesson's explorer): images, the contour line, lines, markers, texts and the legend, clipped to the
panel's box.

The contour line is the level where the field crosses zero, found between grid points as the
playground finds its boundary: field / |gradient| is the signed distance (in pixels) to the level,
nearly linear near it, so it is computed on the grid, upsampled bilinearly, and pixels within half a
line width of zero are inked (anti-aliased by the distance).
"""
import numpy as np
from PIL import Image, ImageDraw

from .raster import font, marker

ANCHOR_H = {"left": "l", "center": "m", "right": "r"}
ANCHOR_V = {"baseline": "s", "center": "m", "center_baseline": "m", "top": "t", "bottom": "d"}


def _image(img, it, to_px, offset):
    e = it["extent"]
    (x0, x1), (ytop, ybot) = to_px([e[0], e[1]], [e[3], e[2]])
    rgb = it["rgb"][:, ::-1] if x1 < x0 else it["rgb"]
    rgb = rgb[::-1] if ybot < ytop else rgb
    size = (max(1, int(round(abs(x1 - x0)))), max(1, int(round(abs(ybot - ytop)))))
    picture = Image.fromarray(np.ascontiguousarray(rgb)).resize(size, Image.BILINEAR if it["smooth"] else Image.NEAREST)
    img.paste(picture, (int(round(min(x0, x1) - offset[0])), int(round(min(ytop, ybot) - offset[1]))))


def _contour(canvas, it, to_px, offset, pt):
    """Ink the zero level of it["field"] onto the PIL image canvas."""
    f, (r, c) = np.nan_to_num(it["field"], nan=np.inf), it["field"].shape
    if r < 2 or c < 2 or not (np.nanmin(f) < 0 < np.nanmax(f)):
        return
    X, Y = to_px(it["xx"][0, :], np.full(c, it["yy"][0, 0]))[0], to_px(np.full(r, it["xx"][0, 0]), it["yy"][:, 0])[1]
    sx, sy = (X[-1] - X[0]) / (c - 1), (Y[-1] - Y[0]) / (r - 1)
    gy, gx = np.gradient(np.where(np.isfinite(f), f, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(np.isfinite(f), f / np.hypot(gx / sx, gy / sy), np.inf)
    far = 2 * max(abs(sx), abs(sy)) + 20.0  # clipped beyond a grid step only: interpolation stays linear
    d = np.clip(np.nan_to_num(d, nan=far), -far, far).astype(np.float32)
    d = d[::-1] if sy < 0 else d
    d = d[:, ::-1] if sx < 0 else d
    left, top = int(round(min(X) - abs(sx) / 2 - offset[0])), int(round(min(Y) - abs(sy) / 2 - offset[1]))
    w, h = max(1, int(round(c * abs(sx)))), max(1, int(round(r * abs(sy))))
    d = np.asarray(Image.fromarray(np.ascontiguousarray(d), "F").resize((w, h), Image.BILINEAR))
    alpha = np.clip(it["width"] * pt / 2 + 0.5 - np.abs(d), 0.0, 1.0)
    canvas.paste(it["color"], (left, top, left + w, top + h), Image.fromarray((alpha * 255).astype(np.uint8)))


def _runs(px, py, most):
    """The finite stretches of a polyline as lists of points, thinned to about `most` points each."""
    ok = np.isfinite(px) & np.isfinite(py)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], ok.astype(int), [0]])))
    for start, stop in zip(edges[::2], edges[1::2]):
        idx = np.arange(start, stop)
        stride = max(1, len(idx) // most)
        idx = np.unique(np.concatenate([idx[::stride], idx[-1:]]))
        yield list(zip(px[idx].tolist(), py[idx].tolist()))


def _line(draw, it, to_px, offset, pt, most):
    px, py = to_px(it["x"], it["y"])
    px, py = px - offset[0], py - offset[1]
    for run in _runs(px, py, most):
        if it["line"] and len(run) > 1:
            draw.line(run, fill=it["color"], width=max(1, int(round(it["width"] * pt))), joint="curve")
        if it["marker"]:
            r = (1.5 if it["marker"] == "." else 3.0) * pt
            for x, y in run:
                marker(draw, it["marker"], x, y, r, it["color"], None, 0)


def _scatter(draw, it, to_px, offset, pt):
    px, py = to_px(it["x"], it["y"])
    r, width = np.sqrt(it["size"]) / 2 * pt, max(1, int(round(it["edge_width"] * pt)))
    for x, y in zip(px - offset[0], py - offset[1]):
        if np.isfinite(x) and np.isfinite(y):
            marker(draw, it["marker"], x, y, r, it["color"], it["edge"], width if it["edge"] else 0)


def _text(draw, it, to_px, offset, size, pt):
    if it["axes"]:
        x, y = it["x"] * size[0], (1 - it["y"]) * size[1]
    else:
        x, y = (float(v[0]) for v in to_px([it["x"]], [it["y"]]))
        x, y = x - offset[0], y - offset[1]
    anchor = ANCHOR_H.get(it["ha"], "l") + ANCHOR_V.get(it["va"], "s")
    draw.text((x, y), it["s"], font=font(it["size"] * pt), fill=it["color"], anchor=anchor)


def _legend(draw, items, size, pt):
    """A framed legend in the box's upper right: a sample of each labelled line or marker, its label."""
    rows = [it for it in items if it["kind"] in ("line", "scatter") and it.get("label")
            and not str(it["label"]).startswith("_")]
    if not rows:
        return
    small, sample = font(9 * pt), 18 * pt
    height = small.getbbox("Ag")[3] + 4 * pt
    width = max(small.getlength(str(it["label"])) for it in rows) + sample + 14 * pt
    right, top = size[0] - 6 * pt, 6 * pt
    draw.rectangle((right - width, top, right, top + height * len(rows) + 6 * pt), fill="white",
                   outline=(204, 204, 204))
    for i, it in enumerate(rows):
        y = top + 3 * pt + height * (i + 0.5)
        x = right - width + 5 * pt
        if it["kind"] == "line" and it["line"]:
            draw.line((x, y, x + sample, y), fill=it["color"], width=max(1, int(round(it["width"] * pt))))
        else:
            marker(draw, it["marker"] or "o", x + sample / 2, y, 3 * pt, it["color"], it.get("edge"), 1)
        draw.text((x + sample + 4 * pt, y), str(it["label"]), font=small, fill=(0, 0, 0), anchor="lm")


def paint_items(img, panel, box, to_px, pt):
    """Paint the panel's items into its box (left, top, right, bottom) of img, clipped to the box."""
    left, top, right, bottom = box
    size = (max(1, right - left), max(1, bottom - top))
    canvas = Image.new("RGB", size, "white")
    offset = (left, top)
    for it in panel.items:
        if it["kind"] == "image":
            _image(canvas, it, to_px, offset)
    for it in panel.items:
        if it["kind"] == "contour":
            _contour(canvas, it, to_px, offset, pt)
    draw = ImageDraw.Draw(canvas)
    for it in sorted(panel.items, key=lambda it: it["zorder"]):
        if it["kind"] == "line":
            _line(draw, it, to_px, offset, pt, 2 * size[0])
        elif it["kind"] == "scatter":
            _scatter(draw, it, to_px, offset, pt)
        elif it["kind"] == "text":
            _text(draw, it, to_px, offset, size, pt)
    if panel.show_legend:
        _legend(draw, panel.items, size, pt)
    img.paste(canvas, (left, top))
