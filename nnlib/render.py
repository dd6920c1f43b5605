"""Fast pictures for the playground (plumbing, not lesson 7): numpy pixels encoded as PNG by Pillow.

No matplotlib per frame: the class probabilities on the grid are upsampled, coloured like
plotting.region_image (Okabe-Ito palette, paler where the network is unsure) and encoded as
JPEG (ten times faster than PNG for smooth shading); the points sit in a separate transparent
PNG layer on top, redrawn only when the points change. Neuron heatmaps colour each unit's output
over the plane: blue for positive, orange for negative, white for zero (sigmoid: 2a - 1).
"""
import html
import io
import os

import matplotlib
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .features import FEATURES
from .plotting import CLASS_COLORS, _RGB, region_image

FONT_PATH = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
_FONTS = {}
POS, NEG = _RGB[0], _RGB[1]  # blue, orange
GREY = (90, 90, 90)


def font(size):
    if size not in _FONTS:
        _FONTS[size] = ImageFont.truetype(FONT_PATH, size)
    return _FONTS[size]


def encode(image, fmt, **options):
    """`fmt` ("png" or "jpeg") bytes of a PIL image or a uint8 array (h, w, 3); options go to
    PIL's save (png: compress_level; jpeg: quality)."""
    if isinstance(image, np.ndarray):
        image = Image.fromarray(image)
    buf = io.BytesIO()
    image.save(buf, format=fmt, **options)
    return buf.getvalue()


def png_palette(image, colors=128):
    """A small PNG of a PIL image (RGB or RGBA) reduced to `colors` colours: for pictures sent rarely."""
    method = Image.Quantize.FASTOCTREE if image.mode == "RGBA" else Image.Quantize.MEDIANCUT
    return encode(image.quantize(colors, method=method, dither=Image.Dither.NONE), "png", optimize=True)


def _upsample(channels, size):
    """(r, r, k) floats -> (size, size, k) by bilinear interpolation (cell centres stay centres)."""
    return np.stack([np.asarray(Image.fromarray(np.ascontiguousarray(channels[..., j], dtype=np.float32), "F")
                                .resize((size, size), Image.BILINEAR)) for j in range(channels.shape[-1])], axis=-1)


def to_pixels(P, window, size):
    """Pixel coordinates (column, row) of points P (n, 2) in a size x size picture of `window`."""
    x0, x1, y0, y1 = window
    return np.column_stack([(P[:, 0] - x0) / (x1 - x0) * size, (y1 - P[:, 1]) / (y1 - y0) * size])


def from_pixels(col, row, window, size):
    x0, x1, y0, y1 = window
    return x0 + col / size * (x1 - x0), y1 - row / size * (y1 - y0)


def region_pixels(proba, size, discretize=False, strength=0.6):
    """The shaded class regions as uint8 (size, size, 3), the decision boundary drawn dark."""
    k = proba.shape[1]
    r = int(round(np.sqrt(proba.shape[0])))
    p = np.nan_to_num(proba.reshape(r, r, k), nan=1.0 / k)
    up = _upsample(p, size)
    labels, smooth = up.argmax(axis=-1), up
    if discretize:
        up = np.eye(k, dtype=np.float32)[labels]
    rgb = region_image(None, up, strength)  # float32, as `up` is
    # the boundary, where the two largest probabilities meet: distance in pixels ~ their gap divided by
    # how fast the probabilities change; drawn as an anti-aliased dark line about 2 pixels wide
    top = np.partition(smooth, k - 2, axis=-1)[..., -2:]
    gy, gx = np.gradient(smooth, axis=(0, 1))
    alpha = np.clip(1.3 - (top[..., 1] - top[..., 0]) / (np.hypot(gx, gy).sum(axis=-1) + 1e-9), 0.0, 1.0)[..., None]
    rgb = rgb * (1.0 - 0.8 * alpha)
    return (np.clip(rgb, 0, 1) * 255).astype(np.uint8)


def _marker(draw, k, x, y, r, fill, outline, width):
    shape = k % 6
    if shape == 0:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=width)
    elif shape == 1:
        r *= 0.9
        draw.rectangle((x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=width)
    else:
        sides, rot = {2: (3, 0), 3: (4, 45), 4: (3, 180), 5: (5, 0)}[shape]
        draw.regular_polygon((x, y, r * (1.4 if sides == 3 else 1.25)), sides, rotation=rot, fill=fill,
                             outline=outline, width=width)


def points_layer(P, y, test, window, size, show_test=True, scale=2):
    """A transparent RGBA layer with axes, ticks and the points (training: white rim; test: black rim)."""
    S = size * scale
    layer = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    x0, x1, y0, y1 = window
    ft = font(11 * scale)
    for v in range(int(np.ceil(x0)), int(np.floor(x1)) + 1):  # ticks at the integers
        c = (v - x0) / (x1 - x0) * S
        d.line((c, 0, c, S), fill=(0, 0, 0, 70 if v == 0 else 22), width=scale)
        d.text((c + 3 * scale, S - 3 * scale), f"{v}", font=ft, fill=(60, 60, 60, 200), anchor="ls")
    for v in range(int(np.ceil(y0)), int(np.floor(y1)) + 1):
        c = (y1 - v) / (y1 - y0) * S
        d.line((0, c, S, c), fill=(0, 0, 0, 70 if v == 0 else 22), width=scale)
        if v != int(np.ceil(y0)):
            d.text((3 * scale, c - 3 * scale), f"{v}", font=ft, fill=(60, 60, 60, 200), anchor="ls")
    xy = to_pixels(P, window, S)
    order = np.argsort(test, kind="stable")  # test points on top
    for i in order:
        if test[i] and not show_test:
            continue
        k = int(y[i])
        fill = tuple(int(255 * c) for c in _RGB[k % len(_RGB)])
        rim = (0, 0, 0) if test[i] else (255, 255, 255)
        _marker(d, k, xy[i, 0], xy[i, 1], 5.5 * scale, fill, rim, int(1.5 * scale) if test[i] else scale)
    return layer.resize((size, size), Image.LANCZOS)


def regions_jpeg(proba, size=200, discretize=False, diverged=False):
    """The output picture's background: shaded regions and boundary; a vermillion frame if diverged."""
    img = Image.fromarray(region_pixels(proba, size, discretize))
    if diverged:
        ImageDraw.Draw(img).rectangle((0, 0, size - 1, size - 1), outline=(213, 94, 0), width=max(3, size // 60))
    return encode(img, "jpeg", quality=92)


def compose(regions, layer):
    """The regions (JPEG bytes) scaled to the points layer's size with the layer on top: a PIL image."""
    img = Image.open(io.BytesIO(regions)).convert("RGBA").resize(layer.size, Image.BILINEAR)
    img.alpha_composite(layer)
    return img.convert("RGB")


def unit_colors(V):
    """Heatmap colours (..., 3) as uint8 for values V in [-1, 1]: blue positive, orange negative."""
    V = np.clip(np.nan_to_num(V.astype(np.float32)), -1, 1)[..., None]
    c = np.where(V >= 0, 1 - V * (1 - POS.astype(np.float32)), 1 + V * (1 - NEG.astype(np.float32)))
    return (c * 255).astype(np.uint8)


def network_jpeg(acts, params, features, activation, width=470, height=410):
    """The network drawn Playground-style: every input feature and hidden unit as a heatmap of its
    output over the plane, lines for the weights (blue positive, orange negative, thicker = larger)."""
    r = int(round(np.sqrt(acts[0].shape[0])))
    tallest = max(a.shape[1] for a in acts[:-1])
    node = min(40, (height - 30) // tallest - 8)  # 40 pixels a neuron up to 8 in a layer, then smaller
    step = max(1, r // node)
    maps = []
    for l, a in enumerate(acts[:-1]):
        a = a.reshape(r, r, -1)[::step, ::step][:node, :node].transpose(2, 0, 1)
        if l == 0:
            a = a / np.maximum(np.abs(a).max(axis=(1, 2), keepdims=True), 1e-12)
        elif activation == "sigmoid":
            a = 2 * a - 1
        elif activation != "tanh":
            a = a / np.maximum(np.abs(a).max(axis=(1, 2), keepdims=True), 1.0)
        maps.append(unit_colors(a))
    out = region_image(None, acts[-1].reshape(r, r, -1)[::step, ::step][:node, :node], strength=0.6)
    maps.append((np.clip(out, 0, 1) * 255).astype(np.uint8)[None])
    cols, gap, top, left = len(maps), 8, 26, 58
    height = top + tallest * (node + gap) + 4
    xs = [left + round(i * (width - left - node - 4) / (cols - 1)) for i in range(cols)]
    ys = [[top + (tallest - m.shape[0]) * (node + gap) / 2 + j * (node + gap) for j in range(m.shape[0])] for m in maps]
    img = Image.new("RGB", (width, int(height)), "white")
    d = ImageDraw.Draw(img)
    for l, (W, _) in enumerate(params[:-1]):
        for i, row in enumerate(np.nan_to_num(W).tolist()):
            for j, w in enumerate(row):
                t = 0.15 + 0.85 * min(abs(w) / 2, 1)
                color = tuple(int(255 * (1 - t * (1 - c))) for c in (POS if w > 0 else NEG))
                d.line((xs[l] + node, ys[l][i] + node / 2, xs[l + 1], ys[l + 1][j] + node / 2),
                       fill=color, width=max(1, int(round(1 + min(abs(w), 3)))))
    for i in range(maps[-2].shape[0]):  # the last hidden layer feeds the output (all classes at once)
        d.line((xs[-2] + node, ys[-2][i] + node / 2, xs[-1], ys[-1][0] + node / 2), fill=(200, 200, 200), width=1)
    pix = np.asarray(img).copy()
    for l, m in enumerate(maps):
        for j in range(m.shape[0]):
            y0 = int(ys[l][j])
            pix[y0:y0 + node, xs[l]:xs[l] + node] = m[j]
    img = Image.fromarray(pix)
    d = ImageDraw.Draw(img)
    ft, small = font(13), font(11)
    names = ["inputs"] + [f"layer {l}" for l in range(1, cols - 1)] + ["output"]
    for l in range(cols):
        x = min(xs[l] + node / 2, width - 2 - small.getlength(names[l]) / 2)  # "output" stays inside
        d.text((x, 4), names[l], font=small, fill=GREY, anchor="ma")
        for j in range(maps[l].shape[0]):
            d.rectangle((xs[l] - 1, ys[l][j] - 1, xs[l] + node, ys[l][j] + node), outline=(120, 120, 120))
    for j, f in enumerate(features):
        d.text((xs[0] - 6, ys[0][j] + node / 2), FEATURES[f][0], font=ft, fill=(40, 40, 40), anchor="rm")
    return encode(img, "jpeg", quality=90)


def loss_png(history, width=400, height=130):
    """Training (dark grey) and test (vermillion) loss against the epoch, with the latest values."""
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    left, right, top, bottom = 36, 8, 22, 18
    ep = np.asarray(history["epoch"], dtype=float)
    curves = [(np.array([np.nan if v is None else v for v in history[k]], dtype=float), c, k)
              for k, c in (("train", (60, 60, 60)), ("test", (213, 94, 0)))]
    finite = np.concatenate([c[np.isfinite(c)] for c, _, _ in curves] + [np.zeros(1)])
    ymax = max(float(finite.max()) * 1.05, 0.1)
    xmax = max(float(ep.max()) if ep.size else 1.0, 1.0)
    X = lambda e: left + e / xmax * (width - left - right)
    Y = lambda v: top + (1 - v / ymax) * (height - top - bottom)
    small = font(11)
    for v in np.linspace(0, ymax, 3):
        d.line((left, Y(v), width - right, Y(v)), fill=(228, 228, 228))
        d.text((left - 4, Y(v)), f"{v:.2g}", font=small, fill=GREY, anchor="rm")
    last = int(xmax) if ep.size and ep.max() > 0 else 0
    d.text((width - right, height - 2), f"epoch {last}", font=small, fill=GREY, anchor="rd")
    d.text((left, height - 2), "0", font=small, fill=GREY, anchor="ld")
    x_text = left
    for c, color, name in curves:
        ok = np.isfinite(c)
        if ok.sum() >= 2:
            stride = max(1, int(ok.sum() // (width - left)))
            pts = [(X(e), Y(v)) for e, v in zip(ep[ok][::stride], c[ok][::stride])] + [(X(ep[ok][-1]), Y(c[ok][-1]))]
            d.line(pts, fill=color, width=2, joint="curve")
        label = f"{name} loss {c[ok][-1]:.3f}" if ok.any() else f"{name} loss -"
        d.text((x_text, 3), label, font=font(12), fill=color)
        x_text += 150
    return encode(img, "png", compress_level=1)


def metrics_html(m, k):
    """Accuracy and the confusion matrix (rows: true class, columns: predicted) as a small HTML table."""
    fmt = lambda v: "-" if v is None else f"{100 * v:.1f}%"
    dot = lambda j: f'<span style="color:{CLASS_COLORS[j % 8]};font-size:1.2em">&#9679;</span>{j}'
    C = m["confusion"]
    shade = lambda i, j: "#e3f1e9" if i == j else ("#fbe3d6" if C[i, j] else "#fafafa")  # right, wrong, none
    rows = "".join(
        f"<tr><th style='text-align:right;padding:0 6px'>{dot(i)}</th>" + "".join(
            f"<td style='text-align:center;padding:1px 8px;background:{shade(i, j)}'>{C[i, j]}</td>"
            for j in range(k)) + "</tr>" for i in range(k))
    head = "<tr><th style='font-weight:normal;color:#666;padding:0 6px'>true \\ predicted</th>" + "".join(
        f"<th style='padding:0 8px'>{dot(j)}</th>" for j in range(k)) + "</tr>"
    return (f"<div style='font-size:14px;line-height:1.5'><b>accuracy</b> training {fmt(m['train_accuracy'])} "
            f"&nbsp;·&nbsp; test {fmt(m['test_accuracy'])}<br>"
            f"<span style='color:#666'>confusion matrix ({html.escape(m['confusion_of'])} points)</span>"
            f"<table style='border-collapse:collapse;margin-top:2px'>{head}{rows}</table></div>")


def snapshot_png(picture, network, loss, gap=12):
    """One still PNG (128 colours, so it stays small): the picture above the loss curve, the network beside."""
    network, loss = (Image.open(io.BytesIO(b)).convert("RGB") for b in (network, loss))
    size = (picture.width + gap + network.width, max(picture.height + gap + loss.height, network.height))
    out = Image.new("RGB", size, "white")
    out.paste(picture, (0, 0))
    out.paste(loss, (0, picture.height + gap))
    out.paste(network, (picture.width + gap, 0))
    return png_palette(out)
