"""The playground's pictures (plumbing, not lesson 8): numpy pixels encoded by Pillow, no matplotlib.

The output picture is the network's outputs on the grid, upsampled: for classes, the class colours
(Okabe-Ito, paler where the network is unsure, as plotting.region_image) with the boundary drawn
dark; for regression and for single neurons, a diverging scale (blue positive, orange negative,
white zero). The points sit in a separate transparent PNG layer, redrawn only when they change;
its ticks are 1, 2 or 5 times a power of ten, at most 7 a side, whatever the coordinates' size.
"""
import io

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from ..drawing.plotting import CLASS_RGB, region_image
from ..drawing.raster import encode, font, marker, ticks

POS, NEG = CLASS_RGB[0], CLASS_RGB[1]  # blue, orange
POS_RGB, NEG_RGB = tuple(float(c) for c in POS), tuple(float(c) for c in NEG)
GREY = (90, 90, 90)
VERMILLION = (213, 94, 0)


def png_palette(image, colors=128):
    """A small PNG of a PIL image (RGB or RGBA) reduced to `colors` colours: for pictures sent rarely."""
    method = Image.Quantize.FASTOCTREE if image.mode == "RGBA" else Image.Quantize.MEDIANCUT
    return encode(image.quantize(colors, method=method, dither=Image.Dither.NONE), "png", optimize=True)


def upsample(channels, size):
    """(r, r, k) floats -> (size, size, k) float32 by bilinear interpolation (cell centres stay centres)."""
    return np.stack([np.asarray(Image.fromarray(np.ascontiguousarray(channels[..., j], dtype=np.float32), "F")
                                .resize((size, size), Image.BILINEAR)) for j in range(channels.shape[-1])], axis=-1)


def to_pixels(P, window, size):
    """Pixel coordinates (column, row) of points P (n, 2) in a size x size picture of `window`."""
    x0, x1, y0, y1 = window
    return np.column_stack([(P[:, 0] - x0) / (x1 - x0) * size, (y1 - P[:, 1]) / (y1 - y0) * size])


def from_pixels(col, row, window, size):
    """The point (x1, x2) at pixel (column, row) of a size x size picture of `window`."""
    x0, x1, y0, y1 = window
    return x0 + col / size * (x1 - x0), y1 - row / size * (y1 - y0)


def value_colors(V):
    """Colours (..., 3) as uint8 for values V in [-1, 1]: blue positive, orange negative, white 0."""
    V = np.clip(np.nan_to_num(np.asarray(V, dtype=np.float32)), -1, 1)[..., None]
    c = np.where(V >= 0, 1 - V * (1 - POS.astype(np.float32)), 1 + V * (1 - NEG.astype(np.float32)))
    return (c * 255).astype(np.uint8)


def boundary_shade(proba, size):
    """Brightness factors (size, size) in [0.2, 1], uint8 0..255: 0.2 on the decision boundary, an
    anti-aliased line about 2 pixels wide around the edge of each class's region, 1 away from it.
    Class c's margin p_c - max_{j != c} p_j is positive inside its region and crosses zero at its edge;
    margin / |gradient| is the signed distance to that edge, nearly linear there, so it is computed on
    the grid (r, r, k) and upsampled (for two classes one margin serves both)."""
    if proba.shape[-1] == 2:
        margins = proba[..., :1] - proba[..., 1:]
    else:
        second, first = np.moveaxis(np.sort(proba, axis=-1)[..., -2:], -1, 0)
        margins = proba - np.where(proba == first[..., None], second[..., None], first[..., None])
    slope = np.hypot(*np.gradient(margins, axis=(0, 1))) * (proba.shape[0] / size)  # per pixel of the picture
    with np.errstate(divide="ignore", invalid="ignore"):
        # a flat cell is far from every edge, on its own side: +inf inside the region, -inf outside
        # (a plain +inf would give a zero crossing between a flat cell outside and its neighbours)
        distance = np.where(slope > 1e-9, margins / slope, np.copysign(np.inf, margins))
    far = 2.0 * size / proba.shape[0] + 10.0  # clipped beyond a grid step only: the interpolation stays linear
    near = np.abs(upsample(np.clip(distance, -far, far), size)).min(axis=-1)
    return (51 + 204 * np.clip(near - 0.3, 0.0, 1.0)).astype(np.uint8)


def class_image(proba, size, discretize=False, strength=0.6):
    """The shaded class regions of proba (r*r, k) as a PIL image (size x size), the boundary drawn dark.
    Shading is coloured on the grid and upsampled (smooth anyway); discretized regions are drawn
    from the upsampled probabilities, so their edges stay sharp."""
    k = proba.shape[1]
    r = int(round(np.sqrt(proba.shape[0])))
    p = np.nan_to_num(proba.reshape(r, r, k), nan=1.0 / k).astype(np.float32)
    if discretize:
        labels = upsample(p, size).argmax(axis=-1)
        rgb = Image.fromarray((region_image(labels, np.eye(k, dtype=np.float32)[labels], strength) * 255)
                              .astype(np.uint8))
    else:
        small = (np.clip(region_image(p.argmax(axis=-1), p, strength), 0, 1) * 255).astype(np.uint8)
        rgb = Image.fromarray(small).resize((size, size), Image.BILINEAR)
    shade = Image.fromarray(boundary_shade(p, size)).convert("RGB")
    return ImageChops.multiply(rgb, shade)


def value_pixels(values, size, discretize=False):
    """Values on the grid (r*r,) as a diverging-colour picture uint8 (size, size, 3)."""
    r = int(round(np.sqrt(values.shape[0])))
    up = upsample(np.nan_to_num(values.reshape(r, r, 1), posinf=1.0, neginf=-1.0), size)[..., 0]
    return value_colors(np.round(up * 4) / 4 if discretize else up)


def output_jpeg(outputs, size, regression=False, discretize=False, diverged=False):
    """The output picture: class regions, or the fitted values; a vermillion frame if diverged."""
    if regression:
        img = Image.fromarray(value_pixels(outputs[:, 0], size, discretize))
    else:
        img = class_image(outputs, size, discretize)
    if diverged:
        ImageDraw.Draw(img).rectangle((0, 0, size - 1, size - 1), outline=VERMILLION, width=max(3, size // 60))
    return encode(img, "jpeg", quality=92)


def unit_values(a, first_layer, activation):
    """Neurons' outputs a (units, ...) scaled to [-1, 1] for colouring, each unit on its own: inputs
    by their largest size, sigmoid as 2a - 1, tanh as is, unbounded ones (relu, ...) by their
    largest size when it exceeds 1."""
    if activation == "sigmoid" and not first_layer:
        return 2 * a - 1
    if activation == "tanh" and not first_layer:
        return a
    size = np.abs(a).reshape(len(a), -1).max(axis=1).reshape((-1,) + (1,) * (a.ndim - 1))
    return a / np.maximum(size, 1e-12 if first_layer else 1.0)


def neuron_jpeg(values, size, first_layer, activation, discretize=False):
    """One neuron's outputs on the grid (r*r,) as the big picture, on the diverging scale."""
    scaled = unit_values(values[None], first_layer, activation)[0]
    return encode(value_pixels(scaled, size, discretize), "jpeg", quality=92)


def _axes(d, window, S, scale):
    """Grid lines and labels at round values of both coordinates."""
    x0, x1, y0, y1 = window
    ft = font(11 * scale)
    for v in ticks(x0, x1):
        c = (v - x0) / (x1 - x0) * S
        d.line((c, 0, c, S), fill=(0, 0, 0, 70 if v == 0 else 22), width=scale)
        d.text((c + 3 * scale, S - 3 * scale), f"{v:.6g}", font=ft, fill=(60, 60, 60, 200), anchor="ls")
    for v in ticks(y0, y1)[1:]:
        c = (y1 - v) / (y1 - y0) * S
        d.line((0, c, S, c), fill=(0, 0, 0, 70 if v == 0 else 22), width=scale)
        d.text((3 * scale, c - 3 * scale), f"{v:.6g}", font=ft, fill=(60, 60, 60, 200), anchor="ls")


def points_layer(P, y, val, window, size, show_val=True, regression=False, scale=2):
    """A transparent RGBA layer with axes and the points (training: white rim; validation: black rim);
    classes by colour and marker, regression targets by the diverging colour scale."""
    S = size * scale
    layer = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    _axes(d, window, S, scale)
    xy = to_pixels(P, window, S)
    fills = value_colors(y) if regression else (CLASS_RGB[np.asarray(y, dtype=int) % len(CLASS_RGB)] * 255)
    for i in np.argsort(val, kind="stable"):  # validation points on top
        if val[i] and not show_val:
            continue
        shape = 0 if regression else int(y[i])
        rim = (0, 0, 0) if val[i] else (255, 255, 255)
        marker(d, shape, xy[i, 0], xy[i, 1], 5.5 * scale, tuple(int(c) for c in fills[i]), rim,
                int(1.5 * scale) if val[i] else scale)
    return layer.resize((size, size), Image.LANCZOS)


def compose(picture, layer):
    """The picture (JPEG bytes) scaled to the points layer's size with the layer on top: a PIL image."""
    img = Image.open(io.BytesIO(picture)).convert("RGBA").resize(layer.size, Image.BILINEAR)
    img.alpha_composite(layer)
    return img.convert("RGB")


def _curve(d, ep, c, color, xy, width):
    ok = np.isfinite(c)
    if ok.sum() >= 2:
        stride = max(1, int(ok.sum() // width))
        pts = [xy(e, v) for e, v in zip(ep[ok][::stride], c[ok][::stride])] + [xy(ep[ok][-1], c[ok][-1])]
        d.line(pts, fill=color, width=2, joint="curve")
    return c[ok][-1] if ok.any() else None


def loss_png(history, name="loss", width=400, height=120):
    """Training (dark grey) and validation (vermillion) loss against the epoch (their latest values
    are shown large beside the picture, not here)."""
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    left, right, top, bottom = 36, 8, 22, 18
    ep = np.asarray(history["epoch"], dtype=float)
    curves = [(np.array([np.nan if v is None else v for v in history[k]], dtype=float), c, label)
              for k, c, label in (("train", (60, 60, 60), "training"), ("val", VERMILLION, "validation"))]
    finite = np.concatenate([c[np.isfinite(c)] for c, _, _ in curves] + [np.zeros(1)])
    ymax, xmax = max(float(finite.max()) * 1.05, 0.1), max(float(ep.max()) if ep.size else 1.0, 1.0)

    def xy(e, v):
        return left + e / xmax * (width - left - right), top + (1 - v / ymax) * (height - top - bottom)
    small = font(11)
    for v in np.linspace(0, ymax, 3):
        d.line((left, xy(0, v)[1], width - right, xy(0, v)[1]), fill=(228, 228, 228))
        d.text((left - 4, xy(0, v)[1]), f"{v:.2g}", font=small, fill=GREY, anchor="rm")
    d.text((width - right, height - 2), f"epoch {int(ep.max()) if ep.size else 0}", font=small, fill=GREY, anchor="rd")
    d.text((left, height - 2), "0", font=small, fill=GREY, anchor="ld")
    x = left
    for c, color, label in curves:
        _curve(d, ep, c, color, xy, width - left)
        text = f"{label} {name}"
        d.text((x, 3), text, font=font(12), fill=color)
        x += font(12).getlength(text) + 16
    return encode(img, "png", compress_level=1)


def snapshot_png(picture, network, loss, gap=12):
    """One still PNG (128 colours, so it stays small): the picture above the loss curve, the network beside."""
    network, loss = (Image.open(io.BytesIO(b)).convert("RGB") for b in (network, loss))
    size = (picture.width + gap + network.width, max(picture.height + gap + loss.height, network.height))
    out = Image.new("RGB", size, "white")
    out.paste(picture, (0, 0))
    out.paste(loss, (0, picture.height + gap))
    out.paste(network, (picture.width + gap, 0))
    return png_palette(out)
