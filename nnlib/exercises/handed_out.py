"""The functions the diagnose exercises hand out, as the notebooks hold them (plumbing, not lesson): data.

A check gives the neutral "not attempted yet" only to the handed-out function itself (stubs.handed_out: the
same code, whatever its name, docstring or comments); a changed version that still behaves like it gets a
real "not yet" with its slip's hint. Written from the notebooks' exercise cells (those whose check catalogues
a slip named "given") by `python -m nnlib.exercises.handed_out`; tests/test_exercise_slips_a.py checks it
matches them.
"""
SOURCES = {'adam_step': 'def adam_step(p, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):\n'
              '    m_new = beta1 * m + (1 - beta1) * g\n'
              '    v_new = beta2 * v + (1 - beta2) * np.abs(g)\n'
              '    m_hat = m_new / (1 - beta1)\n'
              '    v_hat = v_new / (1 - beta2 ** t)\n'
              '    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new',
 'bn_backward': 'def bn_backward(dout, z, gamma, eps=1e-5):\n'
                '    mu, var = z.mean(axis=0), z.var(axis=0)\n'
                '    inv_std = 1 / np.sqrt(var + eps)\n'
                '    z_hat = (z - mu) * inv_std\n'
                '    dbeta = dout.sum(axis=0)\n'
                '    dgamma = (dout * z_hat).sum(axis=0)\n'
                '    dz = gamma * inv_std * dout\n'
                '    return dz, dgamma, dbeta',
 'central_difference': 'def central_difference(f, x, h=1e-5):\n'
                       '    # The gradient of the scalar f at the array x, entry by entry, by central '
                       'differences.\n'
                       '    grad = np.zeros_like(x)\n'
                       '    step = np.zeros_like(x)\n'
                       '    for i in np.ndindex(x.shape):\n'
                       '        step[i] = h\n'
                       '        grad[i] = (f(x + step) - f(x - step)) / (2 * h)\n'
                       '    return grad',
 'choose_l2': 'def choose_l2(losses):\n'
              '    # losses[l2] = (training loss, validation loss, test loss) of the net trained with strength '
              'l2.\n'
              '    # Returns the chosen l2 and the loss to report for it.\n'
              '    pooled = {l2: (val + test) / 2 for l2, (train, val, test) in losses.items()}   # 400 points '
              'judge better than 200\n'
              '    best = min(pooled, key=pooled.get)\n'
              '    return best, pooled[best]',
 'dropout_forward': 'def dropout_forward(a, rate, u):\n'
                    '    keep = u < rate\n'
                    '    mask = keep * (1 - rate)\n'
                    '    a *= mask\n'
                    '    return a, mask',
 'fit_logistic': 'def fit_logistic(X, y, lr, epochs):\n'
                 '    # Gradient descent on the mean binary cross-entropy, from w = 0, b = 0; returns w, b.\n'
                 '    w = np.zeros(X.shape[1])\n'
                 '    b = 0.0\n'
                 '    y_hat = sigmoid(X @ w + b)                    # the predictions\n'
                 '    for epoch in range(epochs):\n'
                 '        dJdw = X.T @ (y_hat - y) / len(y)\n'
                 '        dJdb = np.mean(y_hat - y)\n'
                 '        w = w - lr * dJdw\n'
                 '        b = b - lr * dJdb\n'
                 '    return w, b',
 'he_init': 'def he_init(sizes, seed):\n'
            '    rng = np.random.RandomState(seed)\n'
            '    return [(rng.randn(n_in, n_out) * np.sqrt(2 / n_out), np.zeros(n_out))\n'
            '            for n_in, n_out in zip(sizes[:-1], sizes[1:])]',
 'l_layer_grads': 'def l_layer_loss_and_grads(params, X, Y):\n'
                  '    L = len(params) // 2\n'
                  '    a = [X]\n'
                  '    for l in range(1, L):\n'
                  '        a.append(np.tanh(a[-1] @ params[f"W{l}"] + params[f"b{l}"]))\n'
                  '    y_hat = sigmoid(a[-1] @ params[f"W{L}"] + params[f"b{L}"])\n'
                  '    n = X.shape[0]\n'
                  '    J = -np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(y_hat))\n'
                  '    grads = {}\n'
                  '    delta = (y_hat - Y) / n                       # dJ/dz_L for a sigmoid output with '
                  'cross-entropy\n'
                  '    for l in range(L, 0, -1):\n'
                  '        grads["W"] = a[l - 1].T @ delta\n'
                  '        grads[f"b{l}"] = delta.sum(axis=0)\n'
                  '        if l > 1:\n'
                  '            delta = (delta @ params[f"W{l}"].T) * (1 - a[l - 1] ** 2)\n'
                  '    return J, grads',
 'read_digits': 'def read_digits(X_new, mean, std, W1, b1, W2, b2):\n'
                '    a1 = np.tanh(((X_new - mean) / std) @ W1 + b1)\n'
                '    z2 = a1 @ W2 + b2\n'
                '    return np.argmax(z2, axis=0)',
 'shift_digits': 'def shift_digits(X, dy, dx):\n'
                 '    images = X.reshape(-1, 8, 8)\n'
                 '    moved = np.roll(images, (dy, dx), axis=(1, 2))\n'
                 '    return moved.reshape(-1, 64)',
 'standardise': 'def standardise(X_train, X_val):\n'
                '    std = X_train.std(axis=0)\n'
                '    std = np.where(std > 0, std, 1.0)\n'
                '    X_train = (X_train - X_train.mean(axis=0)) / std\n'
                '    X_val = (X_val - X_train.mean(axis=0)) / std\n'
                '    return X_train, X_val',
 'topo_order': 'def topological_order(root):\n'
               "    # Every node of root's graph once, each after all of its parents.\n"
               '    order, seen = [], set()\n'
               '\n'
               '    def visit(node):\n'
               '        if id(node) in seen:\n'
               '            return\n'
               '        seen.add(id(node))\n'
               '        order.append(node)\n'
               '        for parent, _ in node.parents:\n'
               '            visit(parent)\n'
               '\n'
               '    visit(root)\n'
               '    return order',
 'unbroadcast': 'def unbroadcast(g, shape):\n'
                '    # g is dJ/d(result) of a gate whose input of this `shape` numpy broadcast; return that '
                "input's share.\n"
                "    lead = g.ndim - len(shape)                       # the axes numpy put in front of the input's "
                'own\n'
                '    return g.mean(axis=tuple(range(lead)))',
 'weight_history': 'def weight_history(X, y, lr, epochs):\n'
                   '    # The perceptron rule of section 3; returns w after each epoch, shape (epochs, d).\n'
                   '    w = np.zeros(X.shape[1])\n'
                   '    b = 0.0\n'
                   '    history = []\n'
                   '    for epoch in range(epochs):\n'
                   '        for x_i, y_i in zip(X, y):\n'
                   '            update = lr * (y_i - step(x_i @ w + b))\n'
                   '            w += update * x_i\n'
                   '            b += update\n'
                   '        history.append(w)\n'
                   '    return np.array(history)',
 'xor_gradients': 'def gradients(X, y, W1, b1, W2, b2):\n'
                  '    # One backward pass of the explicit-bias network, sample by sample: (dJdW1, dJdb1, dJdW2, '
                  'dJdb2).\n'
                  '    n = X.shape[0]\n'
                  '    dJdW1, dJdb1 = np.zeros_like(W1), np.zeros_like(b1)\n'
                  '    dJdW2, dJdb2 = np.zeros_like(W2), np.zeros_like(b2)\n'
                  '    for x, t in zip(X, y):                              # x (inputs,): one sample; t (1,): its '
                  'target\n'
                  '        a1 = sigmoid(x @ W1 + b1)                       # (hidden,)\n'
                  '        y_hat = sigmoid(a1 @ W2 + b2)                   # (1,)\n'
                  "        delta2 = (y_hat - t) / n * y_hat * (1 - y_hat)  # this sample's dJ/dz2, (1,)\n"
                  "        delta1 = W2 @ delta2                            # this sample's dJ/dz1, (hidden,)\n"
                  '        dJdW2 += np.outer(a1, delta2)\n'
                  '        dJdb2 += delta2\n'
                  '        dJdW1 += np.outer(x, delta1)\n'
                  '        dJdb1 += delta1\n'
                  '    return dJdW1, dJdb1, dJdW2, dJdb2'}


def main():
    """Rewrite this file from the notebooks next to nnlib (a stub changed in a notebook is picked up)."""
    import glob
    import importlib
    import os
    import pprint

    from . import LESSONS
    from .stubs import handed_out_sources
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    names = {n for m in LESSONS for n, slips in importlib.import_module(f"nnlib.exercises.{m}").SLIPS.items()
             if any(s.name == "given" for s in slips)}
    sources = handed_out_sources(glob.glob(os.path.join(root, "notebooks", "*.ipynb")), names)
    with open(__file__, encoding="utf-8") as f:
        text = f.read()
    start, end = text.index("SOURCES = "), text.index("\n\n\ndef main")
    with open(__file__, "w", encoding="utf-8") as f:
        f.write(text[:start] + "SOURCES = " + pprint.pformat(sources, width=116) + text[end:])


if __name__ == "__main__":
    main()
