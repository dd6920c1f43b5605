"""Disturb the low bits of floating-point maths the way another machine's maths library would.

Test plumbing for the disturbed nbval pass (`pytest --nbval --disturb-bits`, see the root conftest.py),
not lesson code. Another CPU or operating system picks other routines for tanh, exp, log and the matrix
products (other SIMD paths, another libm or BLAS kernel): their results differ from this machine's in
the last bit or two, and a chaotic run amplifies that into other printed figures. `install` makes this
machine imitate that. Every float64 result of the functions in NUMPY_FUNCTIONS and SCIPY_FUNCTIONS is
multiplied by 1 + eps*k with k in {-1, 0, 1} taken from a hash of the result's own bits (`disturb`);
results of exactly 0 or +-1 (exp(0), a saturated tanh), right on every machine, are left alone. With
`products` (pytest's --disturb-products), every float64 matrix product (PRODUCTS, and `@` in notebook
cells and in nnlib) is also summed in the other order
(`other_order`: the summed axis reversed), as another BLAS kernel may sum it: a product that is exact
(small integers, as in lesson 1's perceptron) stays exact, as it is on every machine, and a rounded one
moves in its last bits. Both are functions of the operands, as on another machine: the same computation
gives the same bits twice, so a lesson's "same weights, bit for bit: True" still holds.

Covered: the numpy functions below (called as `np.name`, which is how nnlib, scikit-learn and the lessons
call them), scipy's `expit` (its own ufunc: nnlib.layers and scikit-learn import it by name, so it is
replaced before they are imported), and `@` in notebook cells (an IPython AST transformer) and in every
nnlib module (compiled from source through an import hook, never cached as bytecode). Not covered:
`@` inside scikit-learn or scipy, `ndarray.dot`, float32 results, functions a library bound to a local
name before `install` ran (none in a fresh kernel).
"""
import ast
import builtins
import importlib.abc
import importlib.machinery
import sys

import numpy as np

EPS = np.finfo(np.float64).eps
NUMPY_FUNCTIONS = ("tanh", "exp", "log", "log1p", "expm1")
PRODUCTS = ("matmul", "dot")
SCIPY_FUNCTIONS = {"scipy.special": ("expit",)}
MATMUL_NAME = "__disturbed_matmul__"     # what `a @ b` becomes in transformed code, found in builtins
TRANSFORMED_PACKAGES = ("nnlib",)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9))
_SAVED = {}                               # (module, name) -> original, while installed


def factors(values):
    """1 + eps*k for each float64 in `values`, k in {-1, 0, 1} from a hash of the value's bits."""
    bits = np.asarray(values, dtype=np.float64).view(np.uint64)
    bits = bits.reshape(1) if bits.ndim == 0 else bits   # arrays wrap silently; numpy scalars would warn
    h = bits * _MIX[0]
    h ^= h >> np.uint64(31)
    h *= _MIX[1]
    k = ((h >> np.uint64(40)) % np.uint64(3)).astype(np.float64) - 1.0
    k[np.abs(values).reshape(k.shape) == 1.0] = 0.0       # exp(0), a saturated tanh: right on every machine
    return 1.0 + EPS * k                                  # 1 - eps, 1, 1 + eps: all exact


def disturb(result, where=True):
    """`result` with its float64 values nudged by `factors` (an ndarray in place); anything else as is."""
    if type(result) is np.ndarray and result.dtype == np.float64:
        np.multiply(result, factors(result).reshape(result.shape), out=result, where=where)
    elif type(result) is np.float64:
        result = np.float64(result * factors(result)[0])
    return result


class Disturbed:
    """A numpy or scipy function whose float64 results go through `disturb`; other attributes
    (`reduce`, `nin`, `__name__`...) are the original's."""

    def __init__(self, func):
        self.func = func

    def __call__(self, *args, **kwargs):
        return disturb(self.func(*args, **kwargs), kwargs.get("where", True))

    def __getattr__(self, name):
        return getattr(self.func, name)

    def __repr__(self):
        return f"<disturbed {self.func!r}>"


def other_order(a, b):
    """The operands of a matrix product with the summed axis reversed: the same product, other order."""
    return a[..., ::-1], (b[::-1] if b.ndim == 1 else b[..., ::-1, :])


def _summed(a, b, result):
    """Whether result = a @ b (or np.dot) is a float64 sum over an axis of two plain arrays."""
    return (type(a) is np.ndarray and type(b) is np.ndarray and a.ndim and b.ndim
            and getattr(result, "dtype", None) == np.float64)


class OtherOrder:
    """np.matmul or np.dot, its float64 products summed in the other order; other attributes the original's."""

    def __init__(self, func):
        self.func = func

    def __call__(self, a, b, *args, **kwargs):
        result = self.func(a, b, *args, **kwargs)
        if not _summed(a, b, result):
            return result
        again = self.func(*other_order(a, b))
        if type(result) is np.ndarray:
            result[...] = again
            return result
        return again

    def __getattr__(self, name):
        return getattr(self.func, name)

    def __repr__(self):
        return f"<summed in the other order {self.func!r}>"


def matmul(a, b):
    """`a @ b` (whatever the operands' own rules), a float64 product summed in the other order."""
    result = a @ b
    return other_order(a, b)[0] @ other_order(a, b)[1] if _summed(a, b, result) else result


class MatMulCalls(ast.NodeTransformer):
    """Rewrites `a @ b` as `__disturbed_matmul__(a, b)` (and `a @= b` as `a = ...(a, b)` for a name)."""

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if not isinstance(node.op, ast.MatMult):
            return node
        call = ast.Call(func=ast.Name(MATMUL_NAME, ast.Load()), args=[node.left, node.right], keywords=[])
        return ast.copy_location(call, node)

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.MatMult) and isinstance(node.target, ast.Name):
            left = ast.Name(node.target.id, ast.Load())
            value = ast.BinOp(left=left, op=ast.MatMult(), right=node.value)
            return ast.copy_location(ast.Assign(targets=[node.target], value=self.visit_BinOp(value)), node)
        return node


class _TransformingLoader(importlib.machinery.SourceFileLoader):
    """Compiles a module from its source with MatMulCalls applied; never reads or writes bytecode."""

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        tree = ast.fix_missing_locations(MatMulCalls().visit(ast.parse(self.get_data(path), path)))
        return compile(tree, path, "exec", dont_inherit=True)


class _TransformingFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] not in TRANSFORMED_PACKAGES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = _TransformingLoader(spec.loader.name, spec.loader.path)
        return spec


def _targets(products):
    yield np, NUMPY_FUNCTIONS, Disturbed
    if products:
        yield np, PRODUCTS, OtherOrder
    for module_name, names in SCIPY_FUNCTIONS.items():
        try:
            module = __import__(module_name, fromlist=["_"])
        except ImportError:     # no scipy: nothing of it to disturb
            continue
        yield module, names, Disturbed


def install(shell=None, products=True):
    """Disturb from now on (see the module docstring); `shell`: the IPython shell whose cells' `@`
    to rewrite; `products`: whether matrix products are summed in the other order too. Refuses when
    nnlib is already imported (its functions would escape)."""
    if _SAVED:
        return
    loaded = [m for m in TRANSFORMED_PACKAGES if m in sys.modules]
    if loaded:
        raise RuntimeError(f"disturb_bits.install: {loaded} already imported, it would not be disturbed")
    for module, names, wrapper in _targets(products):
        for name in names:
            _SAVED[module, name] = getattr(module, name)
            setattr(module, name, wrapper(_SAVED[module, name]))
    if not products:
        return
    setattr(builtins, MATMUL_NAME, matmul)
    sys.meta_path.insert(0, _TransformingFinder())
    if shell is not None:
        shell.ast_transformers.append(MatMulCalls())


def uninstall(shell=None):
    """Undo `install` (modules imported meanwhile keep what they bound)."""
    for (module, name), func in _SAVED.items():
        setattr(module, name, func)
    _SAVED.clear()
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _TransformingFinder)]
    if shell is not None:
        shell.ast_transformers[:] = [t for t in shell.ast_transformers if not isinstance(t, MatMulCalls)]
    if hasattr(builtins, MATMUL_NAME):
        delattr(builtins, MATMUL_NAME)
