"""Shareable links (plumbing, not lesson 8): the playground's set-up in a page address, as TensorFlow
Playground keeps its state in the URL.

    to_query(settings, play)  ->  "dataset=spiral&noise=0.2&share=0.5&features=x1,x2&neurons=4,2&...&play=1"
    from_query(text)          ->  (settings, play, ignored): each part checked alone; a bad or stale part is
                                  left out (its default stays) and named in `ignored`

A link holds the data set, classes, points, noise, training share, features, the hidden layers (one
count each; "none" for no hidden layer), activation, regularisation and its rate, learning rate,
batch size ("full" for the whole training set), optimizer, seed and whether to play on open.
The Voila app (app/playground.ipynb) reads the page's query (Voila gives the kernel QUERY_STRING) and
writes the address back as the settings change (url_script: a tiny script the page runs).
"""
import html
import json
import urllib.parse

from .settings import DEFAULTS, SETTINGS, check_setting, resolve

# name in the address -> setting name (short names where the setting's own is a code name)
PARTS = {"dataset": "dataset", "classes": "classes", "points": "points", "noise": "noise", "share": "train_ratio",
         "features": "features", "neurons": "neurons", "activation": "activation", "reg": "reg",
         "reg_rate": "reg_rate", "lr": "lr", "batch": "batch_size", "optimizer": "optimizer", "seed": "seed"}
MAX_QUERY = 2000  # characters; a longer query is ignored whole


def _text(name, value):
    """A setting's value as it stands in the address."""
    if name == "features":
        return ",".join(value)
    if name == "neurons":
        return ",".join(map(str, value)) or "none"
    if name == "batch_size":
        return "full" if value == 0 else str(value)
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def _value(name, text):
    """The value a part of the address stands for (not yet checked); ValueError if it is no number."""
    kind = SETTINGS[name].kind
    if name == "batch_size":
        return 0 if text == "full" else int(text)
    if kind == "features":
        return [f for f in text.split(",") if f]
    if kind == "neurons":
        return [] if text == "none" else [int(v) for v in text.split(",")]
    if kind == "int":
        return int(text)
    if kind in ("float", "log"):
        return float(text)
    return text


def to_query(settings, play=False):
    """The query part of a link to these settings (every part, so that a link stays exact when the
    defaults change)."""
    parts = [(part, _text(name, settings[name])) for part, name in PARTS.items()]
    parts.append(("play", "1" if play else "0"))
    return urllib.parse.urlencode(parts, safe=",")


def from_query(text):
    """(changes, play, ignored): the settings a query asks for, each checked on its own; `ignored` lists
    the parts left out, each with the reason."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a query string, got {type(text).__name__}")
    if len(text) > MAX_QUERY:
        return {}, False, [f"the whole link ({len(text)} characters, more than {MAX_QUERY})"]
    changes, play, ignored = {}, False, []
    for part, raw in urllib.parse.parse_qsl(text.lstrip("?#"), keep_blank_values=True):
        if part == "play":
            play = raw in ("1", "true")
            if raw not in ("0", "1", "true", "false"):
                ignored.append(f"play={raw[:20]} (1 or 0)")
            continue
        if part not in PARTS:
            ignored.append(f"{part[:20]} (not a setting)")
            continue
        try:
            changes[PARTS[part]] = check_setting(PARTS[part], _value(PARTS[part], raw))
        except (ValueError, TypeError) as e:
            ignored.append(f"{part}={raw[:20]} ({str(e)[:200]})")
    try:
        resolve(DEFAULTS, changes)
    except ValueError as e:  # parts that are fine alone but not together: keep the defaults
        ignored.append(f"the combination ({e}); the defaults are used")
        changes = {}
    return changes, play, ignored


def url_script(query, serial=0):
    """HTML that sets the page's address to `?query` when shown (an image that fails to load runs its
    onerror: ipywidgets' HTML runs no <script>; `serial` makes each image's address new, so that the
    browser does not answer from its list of images already tried). It also gives the page an _xsrf
    cookie if it has none, so that Voila's shutdown request on closing the page is accepted and the
    kernel ends."""
    js = ("if(!/(^|; )_xsrf=/.test(document.cookie)){const a=new Uint8Array(16);crypto.getRandomValues(a);"
          "document.cookie='_xsrf='+Array.from(a,b=>b.toString(16).padStart(2,'0')).join('')+';path=/;SameSite=Strict';}"
          f"history.replaceState(history.state,'','?'+{json.dumps(query)});")
    return f"<img src='data:,{int(serial)}' alt='' style='display:none' onerror=\"{html.escape(js)}\">"
