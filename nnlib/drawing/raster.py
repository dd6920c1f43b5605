"""Pixels without matplotlib (plumbing, not lesson): fonts, round tick values, markers and encoding,
shared by the explorers' canvas (nnlib.drawing.canvas, every lesson) and the playground's pictures (lesson 8).

Pillow draws and encodes in C: a label costs microseconds where matplotlib's text layout costs a
millisecond, which is most of the difference between a 15 ms and a 70 ms redraw.
"""
import io
import os

import matplotlib
import numpy as np
from PIL import Image, ImageFont

FONT_PATH = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")  # matplotlib's own font
FONTS = {}
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def font(size):
    """DejaVu Sans at `size` pixels (cached)."""
    size = max(1, int(round(size)))
    if size not in FONTS:
        FONTS[size] = ImageFont.truetype(FONT_PATH, size)
    return FONTS[size]


def encode(image, fmt, **options):
    """`fmt` ("png" or "jpeg") bytes of a PIL image or a uint8 array (h, w, 3); options go to PIL's save."""
    if isinstance(image, np.ndarray):
        image = Image.fromarray(image)
    buf = io.BytesIO()
    image.save(buf, format=fmt, **options)
    return buf.getvalue()


def ticks(lo, hi, most=6, integer=False):
    """Round tick values in [lo, hi]: multiples of 1, 2 or 5 times a power of ten, at most `most`
    (whole numbers only when `integer`)."""
    lo, hi = min(lo, hi), max(lo, hi)
    if not hi > lo:
        return [lo]
    step = 10.0 ** np.floor(np.log10((hi - lo) / most))
    step *= next(m for m in (1, 2, 5, 10) if (hi - lo) / (step * m) <= most)
    step = max(step, 1.0) if integer else step
    first = np.ceil(lo / step - 1e-9)
    return [float((first + i) * step) for i in range(int(np.floor(hi / step + 1e-9) - first) + 1)]


def log_ticks(lo, hi, most=6):
    """Tick values for a log axis over [lo, hi] (both > 0): powers of ten, every few when there are
    many; 1, 2 and 5 times them when fewer than two powers of ten lie inside, 1 to 9 times them when
    that still gives fewer than three."""
    a, b = np.ceil(np.log10(lo) - 1e-9), np.floor(np.log10(hi) + 1e-9)
    if b - a < 1:
        for multiples in ((1, 2, 5), range(1, 10)):
            values = [m * 10.0 ** e for e in np.arange(a - 1, b + 1) for m in multiples]
            values = [v for v in values if lo * (1 - 1e-9) <= v <= hi * (1 + 1e-9)]
            if len(values) >= 3:
                return values
        return values if len(values) >= 2 else ticks(lo, hi, 4)
    every = int(np.ceil((b - a + 1) / most))
    return [10.0 ** e for e in np.arange(a, b + 1, every)]


def tick_label(value, log=False):
    """A tick's text: 10⁻³ style on a log axis when the value is a power of ten, else %g."""
    if log and value > 0 and abs(np.log10(value) - round(np.log10(value))) < 1e-9:
        e = int(round(np.log10(value)))
        return f"{10 ** e:g}" if -1 <= e <= 2 else "10" + str(e).translate(SUPERSCRIPT)
    return f"{value:.6g}".replace("-", "−")


def marker(draw, shape, x, y, r, fill, outline, width):
    """One marker of radius r at (x, y) on an ImageDraw: shape is one of "o s ^ D v P X *" (matplotlib's
    names) or a class index (0 o, 1 s, 2 ^, 3 D, 4 v, 5 P)."""
    shape = "os^DvP"[shape % 6] if isinstance(shape, (int, np.integer)) else shape
    if shape in ("o", "."):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=width)
    elif shape == "s":
        r *= 0.9
        draw.rectangle((x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=width)
    else:
        sides, rot, grow = {"^": (3, 0, 1.4), "v": (3, 180, 1.4), "D": (4, 45, 1.25), "P": (5, 0, 1.25),
                            "X": (4, 0, 1.25), "*": (5, 180, 1.25)}.get(shape, (3, 0, 1.4))
        draw.regular_polygon((x, y, r * grow), sides, rotation=rot, fill=fill, outline=outline, width=width)
