"""Exercise check for lesson 11 (11_autograd), section 2: a topological order that puts nodes in the wrong place
(exercise 5, diagnose; the fix must stay recursive). Kept apart from lesson11.py, which re-exports it, so each file
stays short. Data for the engine in engine.py.

The check runs backward (written out here, as section 2 writes it) with the student's order on small graphs of
nnlib.autograd Values and compares the leaves' gradients with those the right order gives."""
from collections import deque

import numpy as np

from ..autograd import Value, topological_order
from .engine import Case, Slip, function_check
from .kept_form import refuse_other_forms


def _order_ref(root):                       # a private copy of section 2's order (the library's is forbidden)
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent, _ in node.parents if id(parent) not in seen)
    return order


def _circuit():
    u, v, s = Value(-2.0), Value(5.0), Value(-4.0)
    return (u + v) * s, (u, v, s)


def _used_twice():
    u, v = Value(-2.0), Value(5.0)
    return (u + v) * u, (u, v)


def _diamond():
    x, y, c = Value(2.0), Value(-3.0), Value(1.5)
    a = x * y
    return a * (a + c), (x, y, c)


def _deep():
    x, w, b = Value(0.5), Value(-1.0), Value(0.25)
    h = (x * w + b).tanh()
    return h * h + h * w, (x, w, b)


GRAPHS = {"circuit": _circuit, "used twice": _used_twice, "diamond": _diamond, "deep": _deep}


def _leaf_grads(order_fn, graph):
    """The leaves' gradients after section 2's backward, walking order_fn(f) in reverse. The leaves start with
    the gradient 7 left by an earlier backward, as in section 7's training loop: backward must reset them too."""
    f, leaves = GRAPHS[graph]()
    for leaf in leaves:
        leaf.grad = np.full_like(leaf.data, 7.0)
    order = order_fn(f)
    if not isinstance(order, (list, tuple)) or not all(isinstance(node, Value) for node in order):
        raise TypeError(f"topological_order must return a list of Values, got {order!r:.60}")
    for node in order:
        node.grad = np.zeros_like(node.data)
    f.grad = np.ones_like(f.data)
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad = parent.grad + local(node.grad)
    return np.array([float(leaf.grad) for leaf in leaves])


def _as_run(order_fn):
    """The student's topological_order as a function of a graph's name: its leaves' gradients."""
    if not callable(order_fn):
        raise TypeError(f"expected a function topological_order(root), got {type(order_fn).__name__}")
    if order_fn is topological_order:
        raise TypeError("that is nnlib.autograd's own topological_order: fix the function above instead")
    return lambda graph: _leaf_grads(order_fn, graph)


def _truth(graph):
    return _leaf_grads(_order_ref, graph)


def _order_given(root):                     # the function as the notebook hands it out: a node before its parents
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        order.append(node)
        for parent, _ in node.parents:
            visit(parent)
    visit(root)
    return order


def _order_unseen(root):                    # parents first, but no record of the nodes already placed
    order = []

    def visit(node):
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)
    visit(root)
    return order


def _order_given_reversed(root):            # the handed-out order, reversed at the end
    return _order_given(root)[::-1]


def _order_in_order(root):                  # a node placed after its first parent, before the others
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        parents = [parent for parent, _ in node.parents]
        for parent in parents[:1]:
            visit(parent)
        order.append(node)
        for parent in parents[1:]:
            visit(parent)
    visit(root)
    return order


def _order_bfs(root):                       # breadth first from the root, reversed
    order, seen, queue = [], {id(root)}, deque([root])
    while queue:
        node = queue.popleft()
        order.append(node)
        for parent, _ in node.parents:
            if id(parent) not in seen:
                seen.add(id(parent))
                queue.append(parent)
    return order[::-1]


def _order_no_leaves(root):                 # only the nodes computed from others
    return [node for node in _order_ref(root) if node.parents]


def _order_no_root(root):                   # every node but the root itself
    return [node for node in _order_ref(root) if node is not root]


def _order_shallow(root):                  # the root's own parents, then the root: no deeper nodes
    return [parent for parent, _ in root.parents] + [root]


def _order_some_parent(pick):
    """Each node after one of its parents only (`pick` chooses which), as when `visit` misses the others."""
    def order_fn(root):
        order, seen = [], set()

        def visit(node):
            if id(node) in seen:
                return
            seen.add(id(node))
            for parent, _ in pick(node.parents):
                visit(parent)
            order.append(node)
        visit(root)
        return order
    return order_fn


def _order_recursive(root):                 # the handed-out function fixed: each node after its parents
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order


SOLUTIONS = {"topo_order": _order_recursive}

SLIPS = {
    "topo_order": [
        Slip("given", "This still behaves as the function handed out, each node before its parents. Two ways give "
                      "it: `visit` still puts a node into `order` before its parents, or it puts it in after them "
                      "and the list is then reversed: backward already walks `order` from its end, so reversing "
                      "it undoes the fix.", _order_given),
        Slip("no seen", "A node reached along two paths goes into the order twice, so backward hands out its "
                        "shares twice: remember which nodes are already placed.", _order_unseen),
        Slip("reversed", "Reversing the handed-out order is right on a tree, but not where a node is used twice: "
                         "a node must come after all of its parents, including one reached along a later path.",
             _order_given_reversed),
        Slip("no leaves", "The leaves (the inputs) are missing from your order, so backward never resets their "
                          "gradients: a second backward adds onto the first's. Every node goes in, the leaves "
                          "included.", _order_no_leaves),
        Slip("in order", "Each node comes after its first parent but before the others: it must come after all of "
                         "them.", _order_in_order),
        Slip("breadth first", "Breadth first by distance from the root is not a topological order: a node can be "
                              "closer to the root along one path and further along another, and must come after "
                              "all of its parents.", _order_bfs),
        Slip("shallow", "Your order holds only the root and its own parents: nodes further back (a parent's "
                        "parents, and so on to the leaves) are missing, so backward never reaches them. Every node "
                        "of the graph goes in: `visit` must go on into each parent's parents.", _order_shallow),
        Slip("first parent", "Your `visit` follows only each node's first parent: a node with two parents (a sum, a "
                             "product) loses its second one, and everything behind it, from the order. Visit every "
                             "parent.", _order_some_parent(lambda parents: parents[:1])),
        Slip("last parent", "Your `visit` follows only each node's last parent: is the recursive call inside the "
                            "loop over the parents, or after it (where the loop variable holds the last one)?",
             _order_some_parent(lambda parents: parents[-1:])),
        Slip("no root", "The root is missing from your order, so backward never hands out its gradient: every "
                        "node of the graph goes in, the root included. (Does `visit` put the node itself in, or "
                        "only its parents? The root is nobody's parent.)", _order_no_root),
    ],
}

_STALE = "; every leaf holds grad 7 from an earlier backward"
_CASES = [Case(("circuit",), "section 2's circuit f = (u + v) * s at u = -2, v = 5, s = -4 (leaves u, v, s)" + _STALE),
          Case(("used twice",), "f = (u + v) * u at u = -2, v = 5 (leaves u, v)" + _STALE),
          Case(("diamond",), "a = x * y, f = a * (a + c) at x = 2, y = -3, c = 1.5 (leaves x, y, c)" + _STALE),
          Case(("deep",), "h = tanh(x * w + b), f = h * h + h * w at x = 0.5, w = -1, b = 0.25 (leaves x, w, b)"
               + _STALE)]


def _recursive(fn):
    """Whether fn, or a function defined inside it, calls itself (by its global name or from its closure)."""
    codes, found = [getattr(fn, "__code__", None)], False
    while codes and not found:
        code = codes.pop()
        if code is None:
            continue
        found = code.co_name in code.co_freevars or (code is fn.__code__ and code.co_name in code.co_names)
        codes.extend(c for c in code.co_consts if hasattr(c, "co_code"))
    return found


_NOT_THE_FIX = ("Your order gives the right gradients, but it is not the colleague's recursive function fixed: the "
                "exercise asks you to find what is wrong in their `visit`, so keep it recursive (section 2's stack "
                "version is right, but copying it skips the diagnosis).")


def topo_order(fn, grade=False):
    """Lesson 11, exercise 5 (diagnose): topological_order(root) -> every node of root's graph once, each after
    all of its parents; checked by the gradients section 2's backward gets with it. The fix must stay recursive."""
    def run(grade):
        return function_check("topo_order", fn, reference=_truth, cases=_CASES, outputs=("the leaves' gradients",),
                              slips=SLIPS["topo_order"], adapt=_as_run,
                              forbid=("nnlib.autograd.topological_order",), grade=grade)
    return refuse_other_forms("topo_order", fn, run, _recursive, _NOT_THE_FIX, grade)


__all__ = ["topo_order"]
