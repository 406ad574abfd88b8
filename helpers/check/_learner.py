"""The learner's own code, read to explain a failure: their line, their arrays' shapes, their sources.

An exception becomes words about the learner's arrays (``explain_error``); a hint that asks for code
the learner already wrote becomes "that line looks right; here is where its inputs come from"
(``unrepeated``). Nothing here runs the learner's code, except to read the value of a plain name or
subscript (``a``, ``weights[l]``, ``activations[-1].T``) in the frame where it failed.
"""
import ast
import functools
import inspect
import re
import textwrap
import traceback

import numpy as np

LIBRARIES = ("helpers", "numpy", "matplotlib")


def learner_frames(error):
    """The traceback's frames in the learner's code (not in helpers, NumPy or Matplotlib): [(frame, line number)]."""
    frames, tb = [], error.__traceback__
    while tb is not None:
        if not any(library in tb.tb_frame.f_code.co_filename for library in LIBRARIES):
            frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def learner_line(error):
    """(frame summary, source line) of the last learner frame, or (None, '')."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if not any(library in f.filename for library in LIBRARIES)]
    return (frames[-1], (frames[-1].line or "").strip()) if frames else (None, "")


_SAFE = (ast.Name, ast.Attribute, ast.Subscript, ast.Constant, ast.Slice, ast.UnaryOp, ast.BinOp, ast.Tuple,
         ast.Load, ast.USub, ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)


PURE_METHODS = {"reshape", "sum", "mean", "max", "min", "astype", "copy", "flatten", "ravel", "squeeze", "T",
                "shape", "transpose", "argmax"}


def _value(node, frame):
    """The value of a plain expression (names, subscripts, .T, a.reshape(...), small arithmetic) in ``frame``.

    None for anything else: nothing of the learner's is called, only NumPy's pure array methods.
    """
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            if not (isinstance(n.func, ast.Attribute) and n.func.attr in PURE_METHODS):
                return None
        elif isinstance(n, ast.keyword):
            continue
        elif not isinstance(n, _SAFE):
            return None
    if any(isinstance(n, ast.Attribute) and n.attr not in PURE_METHODS for n in ast.walk(node)):
        return None
    try:
        return eval(compile(ast.Expression(node), "<check>", "eval"), dict(frame.f_globals), dict(frame.f_locals))
    except Exception:  # noqa: BLE001 -- a value we cannot read is simply not shown
        return None


def _parse(line):
    try:
        return ast.parse(line.strip().removeprefix("return ").rstrip(":").removeprefix("elif ").removeprefix("if "))
    except SyntaxError:
        return None


def _products(tree):
    """(left node, right node) of every matrix product in ``tree``: a @ b, np.dot(a, b), a.dot(b), np.matmul(a, b)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            yield node.left, node.right
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and len(node.args) >= 1:
            if node.func.attr in ("dot", "matmul") and isinstance(node.func.value, ast.Name) and \
                    node.func.value.id in ("np", "numpy") and len(node.args) == 2:
                yield node.args[0], node.args[1]
            elif node.func.attr == "dot" and len(node.args) == 1:
                yield node.func.value, node.args[0]


ELEMENTWISE = {"sigmoid", "sigmoid_prime", "relu", "relu_prime", "exp", "log", "abs", "sqrt", "tanh", "clip",
               "softmax", "square", "negative"}


def _shape(node, frame):
    """The shape of a plain expression in ``frame`` (products and elementwise calls worked out); None if unknown."""
    value = _value(node, frame)
    if value is not None:
        return np.shape(value)
    if isinstance(node, ast.BinOp):
        left, right = _shape(node.left, frame), _shape(node.right, frame)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.MatMult):
            if len(left) == 2 and len(right) == 2 and left[1] == right[0]:
                return (left[0], right[1])
            if len(left) == 1 and len(right) == 2 and left[0] == right[0]:
                return (right[1],)
            return None
        try:
            return np.broadcast_shapes(left, right)
        except ValueError:
            return None
    if isinstance(node, ast.Call) and node.args:
        called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if called in ELEMENTWISE:
            return _shape(node.args[0], frame)
    return None


def _call_words(tree, frame):
    """'In `f(a, b)`, a (shape ...) goes in as X, b (shape ...) as Y' for a learner's call of a function with arrays."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) >= 2):
            continue
        called = frame.f_globals.get(node.func.id, frame.f_locals.get(node.func.id))
        try:
            parameters = list(inspect.signature(called).parameters)
        except (TypeError, ValueError):
            continue
        given = [(ast.unparse(a), p, _value(a, frame)) for a, p in zip(node.args, parameters)]
        shown = [f"{text} (shape {np.shape(v)}) as {p}" for text, p, v in given if isinstance(v, np.ndarray)]
        if len(shown) >= 2:
            return (f"\nIn `{ast.unparse(node)}`, the arrays go in as {node.func.id}({', '.join(parameters)}) "
                    f"takes them: {', '.join(shown)}. Is each one the array that {node.func.id} expects there?")
    return ""


def shape_words(error):
    """Words about the learner's arrays for a matmul, broadcast, index or type error in their line; '' if none."""
    frames = learner_frames(error)
    if not frames:
        return ""
    frame = frames[-1][0]
    _, line = learner_line(error)
    tree = _parse(line)
    if tree is None:
        return ""
    text = str(error)
    if isinstance(error, TypeError) and "as a data type" in text:
        return ("\nThe shape of a new array goes in as one tuple, np.zeros((rows, columns)) or "
                "rng.standard_normal((rows, columns)): a second number is read as something else (the type of "
                "the numbers).")
    if isinstance(error, ValueError) and "could not be broadcast" in text:
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.MatMult):
                left, right = _shape(node.left, frame), _shape(node.right, frame)
                if left is not None and right is not None:
                    try:
                        np.broadcast_shapes(left, right)
                    except ValueError:
                        return (f"\nIn `{ast.unparse(node)}`, {ast.unparse(node.left)} has shape {left} and "
                                f"{ast.unparse(node.right)} has shape {right}: an elementwise operation needs the "
                                "same shape (or a size 1 where they differ). Which of the two is not the array "
                                "you meant?")
    if isinstance(error, ValueError) and ("matmul" in text or "not aligned" in text):
        for left, right in _products(tree):
            a, b = _value(left, frame), _value(right, frame)
            sa, sb = np.shape(a) if a is not None else None, np.shape(b) if b is not None else None
            if sa is None or sb is None or not sa or not sb:
                continue
            inner_a, inner_b = sa[-1], sb[0] if len(sb) == 1 else sb[-2]
            if inner_a == inner_b:
                continue
            la, lb = ast.unparse(left), ast.unparse(right)
            fits = (f"for {la} @ {lb} to work, {lb} needs {inner_a} rows (one per column of {la}), "
                    f"or {la} needs {inner_b} columns")
            return (f"\nIn `{la} @ {lb}`, {la} has shape {sa} and {lb} has shape {sb}: a matrix product needs "
                    f"the last size of the left one ({inner_a}) to equal the first size of the right one "
                    f"({inner_b}); {fits}.")
    if isinstance(error, IndexError):
        match = re.search(r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)", text)
        mismatch = re.search(r"shape mismatch: indexing arrays could not be broadcast together with shapes (.*)", text)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Subscript):
                continue
            base = _value(node.value, frame)
            name = ast.unparse(node.value)
            if match and isinstance(base, np.ndarray):
                index, axis, size = map(int, match.groups())
                if base.ndim > axis and base.shape[axis] == size:
                    what = ({0: "rows", 1: "columns"}.get(axis, f"places along axis {axis}") if base.ndim == 2
                            else "entries" if base.ndim == 1 else f"places along axis {axis}")
                    return (f"\nIn `{ast.unparse(node)}`, {name} has shape {base.shape}: its {what} are numbered "
                            f"0 to {size - 1}, and the index {index} is used there.")
            if isinstance(base, (list, tuple)) and "list index" in text or "tuple index" in text:
                if isinstance(base, (list, tuple)):
                    return (f"\nIn `{ast.unparse(node)}`, {name} is a {type(base).__name__} of {len(base)} items"
                            + (": it is empty, so there is nothing to take." if not base else
                               f", numbered 0 to {len(base) - 1}."))
            if mismatch and isinstance(base, np.ndarray):
                parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
                shapes = [(ast.unparse(p), np.shape(_value(p, frame))) for p in parts if _value(p, frame) is not None]
                if len(shapes) >= 2:
                    listed = ", ".join(f"{p} has shape {s}" for p, s in shapes)
                    return (f"\nIn `{ast.unparse(node)}`, {listed}: index arrays used together pick one entry per "
                            "position, so they need the same length.")
    if isinstance(error, (ValueError, IndexError)):
        return _call_words(tree, frame)
    return ""


def source_lines(func):
    """(lines, number of the first line) of the learner's function, or ([], 0)."""
    return _source(func)


def _source(func):
    """(lines, number of the first line) of the learner's function, or ([], 0)."""
    try:
        lines, first = inspect.getsourcelines(func)
    except (OSError, TypeError):
        return [], 0
    return lines, first


_CODE = re.compile(r"[A-Za-z_][\w.]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\])+(?:\.\w+(?:\([^()]*\))?)*"
                   r"|[A-Za-z_][\w.\[\]]*\s*@\s*[A-Za-z_][\w.\[\]]*")


def code_in_hint(hint):
    """The pieces of code a hint quotes (calls, subscripts, products), at least 6 characters each."""
    return [m.group(0) for m in _CODE.finditer(hint) if len(re.sub(r"\s", "", m.group(0))) >= 6]


def _squash(text):
    return re.sub(r"\s", "", text)


def unrepeated(func, hint):
    """``hint``, or, when the learner's source already holds all the code it quotes, words that say so.

    The new words name the line that holds it, say that it looks right, and point to the lines that make
    the names it reads (where the cause must be).
    """
    if not hint or func is None:
        return hint
    lines, first = _source(func)
    pieces = code_in_hint(hint)
    if not lines or not pieces:
        return hint
    found = {}
    for piece in pieces:
        for k, line in enumerate(lines):
            if not line.lstrip().startswith("#") and _squash(piece) in _squash(line):
                found[piece] = (first + k, line.strip())
                break
    if len(found) != len(pieces):
        return hint
    number, line = next(iter(found.values()))
    statement = _parse(line)
    if statement is not None and len(statement.body) == 1 and isinstance(statement.body[0], ast.Expr) \
            and isinstance(statement.body[0].value, ast.Call) and "out=" not in line \
            and not line.startswith(("return", "if ", "elif ", "yield")):
        return (f"your line {number}, `{line}`, computes a new array and throws it away: NumPy functions return "
                "their result; keep it, `name = ...`, and use that name afterwards.")
    prose = re.sub(r"\s+", " ", functools.reduce(lambda text, piece: text.replace(piece, ""), pieces, hint))
    if len(prose.split()) > 8:  # the hint says more than its code: keep it, and say which part is done
        quoted = ", ".join(f"`{piece}`" for piece in found)
        return f"{hint} (Your line {number} already has {quoted}: that part looks right.)"
    return (f"your line {number}, `{line}`, already does what this hint would ask, and looks right: "
            "the cause is in what it is given." + inputs_of(lines, first, line, func))


def inputs_of(lines, first, line, func):
    """' Its inputs come from: `x` (line N: ...), ...' for the names ``line`` reads, made elsewhere in the source."""
    tree = _parse(line)
    if tree is None:
        return ""
    try:
        parameters = set(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        parameters = set()
    read = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in read:
            read.append(node.id)
    made = []
    for name in read:
        if name in parameters:
            made.append(f"`{name}` is an argument")
            continue
        pattern = re.compile(rf"^\s*(?:for\s+.*\b{name}\b.*\bin\b|{name}\s*(?:\[[^\]]*\])?\s*[-+*/@]?=(?!=)"
                             rf"|[\w, ]*\b{name}\b[\w, ]*=(?!=)|{name}\.(?:append|insert|extend)\()")
        where = [f"line {first + k}: `{text.strip()}`" for k, text in enumerate(lines)
                 if pattern.search(text) and text.strip() != line]
        if where:
            made.append(f"`{name}` from " + ", ".join(where[:3]))
    return (" Look at where its inputs come from: " + "; ".join(made) + ".") if made else ""


def dedent_source(func):
    """The learner's function's source, dedented, or ''."""
    lines, _ = _source(func)
    return textwrap.dedent("".join(lines))
