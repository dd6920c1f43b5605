"""Every figure a lesson's prose reports as a result appears in a stored output (all lessons).

A re-run that changes a printed number must not leave the text behind. The rule that tells a reported
result from a setting or a derivation:

* derivations are skipped: numbers inside $...$ / $$...$$ maths, `code` spans, fenced code, and the
  folded solutions (<details>: their results appear only when a student runs them); so are section
  numbers (a heading's "### 9.1", "section 9.4");
* results are, in running text: decimals (0.86, 1.2e-5), percentages (86 %), "epoch N" and counts
  "N of M";
* a decimal right after a setting's name or an "=" ("lr 0.5", "noise 0.20", "l2 = 0.1") is a setting;
* a prose decimal may round an output's by one digit (0.13 for a printed 0.133);
* what remains and is still a setting or a derivation is listed, with its reason, in ALLOWED.

A figure is backed when it appears in the stored text outputs of its lesson, or of a lesson the same
markdown cell names ("lesson 5").
"""
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Per lesson: figures that are settings or derivations the rules above cannot tell apart, each with why.
ALLOWED = {
    "04": {"0.01": "exercise 4's tolerance, a setting"},
    "06": {"0.002": "exercise 2's grid of learning rates the check tries, a setting"},
    "07": {"0.9": "momentum's usual coefficient, a setting",
           "1.9": "exercise 3's buggy Adam step, a derivation the student repeats"},
    "08": {"90": "the median accuracy exercises 1 and 2 ask for, a setting",
           "0.5": "exercise 1's training share, a setting",
           "0.50": "exercise 4's symptom, data the student reads (tests/test_exercise_slips_flat.py checks it)",
           "0.01": "exercise 4's symptom, data the student reads (tests/test_exercise_slips_flat.py checks it)"},
    "09": {"40": "the share dealt out to validation, a setting"},
    "10": {"0.177": "the table of scales: sqrt(2 / 64), a derivation",
           "0.25": "the table of scales: sqrt(2 / 32), a derivation",
           "0.01": "exercise 1's example alpha, a setting"},
    "12": {"0.13": "exercise 3's reported first loss, data the student reads"},
}

SETTING = re.compile(r"(?:\blr|learning rate|noise|\bl2|\bl1|alpha|momentum|dropout|\bp|rate|decay|"
                     r"strength|scale|=|≈|``)\s*(?:of\s*)?$", re.IGNORECASE)
DECIMAL = re.compile(r"(?<![\w.])(\d+\.\d+(?:e[-+]?\d+)?)(?![\w.]*\d|\s?%)")
PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")
EPOCH = re.compile(r"\bepoch (\d+)\b")
COUNT = re.compile(r"(?<![\w.])(\d+) of (\d+)\b")
STRIP = [re.compile(p, re.DOTALL) for p in (r"<details>.*?</details>", r"```.*?```", r"\$\$.*?\$\$",
                                            r"\$[^$]*\$", r"\]\([^)]*\)", r"https?://\S+",
                                            r"(?m)^#+\s*\d+\.\d+", r"(?i)\bsections?\s+\d+\.\d+")]
CODE = re.compile(r"`[^`]*`")  # a code span becomes ``: a decimal right after one is that name's setting
LESSON = re.compile(r"\blessons? (\d+)")


def cells(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))["cells"]


def output_text(path):
    """The stored text outputs of one notebook, joined."""
    parts = []
    for cell in cells(path):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append("".join(out["text"]))
            elif "text/plain" in out.get("data", {}):
                parts.append("".join(out["data"]["text/plain"]))
    return "\n".join(parts)


def prose(source):
    """A markdown cell's running text: maths, code and folded solutions removed."""
    for pattern in STRIP:
        source = pattern.sub(" ", source)
    return CODE.sub("``", source)


def reported(text):
    """[(kind, figure)] for the results a stretch of running text reports."""
    found = []
    for m in DECIMAL.finditer(text):
        if not SETTING.search(text[max(0, m.start() - 20):m.start()]):
            found.append(("decimal", m.group(1)))
    found += [("percent", m.group(1)) for m in PERCENT.finditer(text)]
    found += [("epoch", m.group(1)) for m in EPOCH.finditer(text)]
    found += [("count", f"{m.group(1)} of {m.group(2)}") for m in COUNT.finditer(text)]
    return found


def numbers_in(haystack):
    return set(re.findall(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?", haystack))


def backed(kind, figure, haystack, numbers):
    """Is this figure in the outputs? Decimals may round an output's by one digit."""
    if kind == "count":
        return re.search(r"(?<!\d)" + figure.replace(" of ", r"\s+of\s+") + r"(?!\d)", haystack) is not None
    if kind == "epoch":
        return re.search(rf"(?<![\d.]){figure}(?![\d.]?\d)", haystack) is not None
    if kind == "percent":
        value = float(figure) / 100
        return (re.search(rf"(?<![\d.]){re.escape(figure)}\s?%", haystack) is not None
                or any(_rounds_to(n, value, 2 + _places(figure)) for n in numbers))
    if "e" in figure:
        return figure in numbers
    places = _places(figure)
    return any(_rounds_to(n, float(figure), places) for n in numbers
               if "e" in n or _places(n) in (places, places + 1))


def _places(figure):
    mantissa = figure.split("e")[0]
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def _rounds_to(number, value, places):
    return round(float(number), places) == round(value, places)


def lesson_outputs(number):
    matches = [p for p in NOTEBOOKS if p.name.startswith(f"{int(number):02d}_")]
    return output_text(matches[0]) if matches else ""


def unbacked(path, outputs=None):
    """[(cell index, kind, figure)] for every reported figure of the lesson found in no output."""
    own = output_text(path) if outputs is None else outputs
    allowed = ALLOWED.get(Path(path).name[:2], {})
    missing = []
    for i, cell in enumerate(cells(path)):
        if cell["cell_type"] != "markdown":
            continue
        text = prose("".join(cell["source"]))
        cited = "\n".join(lesson_outputs(n) for n in set(LESSON.findall(text)))
        haystack = own + "\n" + cited
        numbers = numbers_in(haystack)
        for kind, figure in reported(text):
            if figure not in allowed and not backed(kind, figure, haystack, numbers):
                missing.append((i, kind, figure))
    return missing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_reported_figure_is_in_an_output(path):
    assert unbacked(path) == []


def test_a_changed_output_is_caught():
    # Lesson 4 reports the epoch where the lr-10 cost overflowed; change that output and the prose is caught.
    path = next(p for p in NOTEBOOKS if p.name.startswith("04_"))
    outputs = output_text(path)
    assert "not finite from epoch 162" in outputs
    changed = outputs.replace("not finite from epoch 162", "not finite from epoch 171")
    assert ("epoch", "162") in [(kind, figure) for _, kind, figure in unbacked(path, changed)]


def test_the_rules():
    text = prose("at `lr` = 0.2 it reaches 0.93 (seed 0), $0.25$ in maths, lr 0.5, 86 %, epoch 12, 4 of 5 "
                 "<details>0.77</details>")
    assert reported(text) == [("decimal", "0.93"), ("percent", "86"), ("epoch", "12"), ("count", "4 of 5")]
    assert reported(prose("### 9.1 Checks\nas section 9.4 showed, 0.95 here")) == [("decimal", "0.95")]
    haystack = "loss 0.933, accuracy 0.8600, diverged at epoch 12; 4 of 5 seeds"
    numbers = numbers_in(haystack)
    assert backed("decimal", "0.93", haystack, numbers)
    assert not backed("decimal", "0.94", haystack, numbers)
    assert backed("percent", "86", haystack, numbers)
    assert not backed("epoch", "1", haystack, numbers)
    assert not backed("count", "3 of 5", haystack, numbers)
