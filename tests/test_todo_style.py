"""Every TODO in the student notebooks says what to compute, never the code that computes it.

The TODO is what a learner always sees: what to compute, in words and in the notebook's maths, with
the shapes. The first folded hint says how; the second gives the code. A TODO that is the code gets
copied, not understood.

The rule, for each `# TODO:` comment block (its comment lines without `#`, joined, `TODO:` removed).
It holds code when it has:

1. a call with arguments, of a dotted name or of a name of two or more characters: `np.exp(-z)`,
   `zip(weights, biases)`, `.astype(Z.dtype)`. A bare name (`np.argmax`) and a one-letter maths
   function (`S(z)`, `f(x)`, `N(0, 1)`) are fine;
2. a keyword argument, `name=value` without spaces: `axis=1`, `keepdims=True`;
3. a Python-only operator: `@`, `**`, `==`, `!=`, `//`, or an augmented assignment (`+=`, `-=`, ...);
4. a loop header `for x in` / `for x, y in`, or `lambda`;
5. a run of words, within a clause, that Python parses as one of these statements: an augmented
   assignment; a `return` of more than a bare name or number ("return it" is English,
   `return s * (1 - s)` is code); an assignment that is not plain maths. Clauses end at `;`, at `: `,
   at the end of a sentence, and at a comma outside brackets followed by a word (", where K is ...").
   Plain maths has only one-letter names (`z`, `W_l`, `n_in`: one letter, then an optional `_` and
   subscript), numbers, `+ - / ^`, parentheses and one-letter functions: `z = a W + b` (which Python
   cannot even parse), `a = S(z)`, `p = p + v`. Anything else that parses (`a = sigmoid(z)`,
   `Y[i] = 1`, `v = mu * v - eta * g`) is code.
"""
import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

CALL = re.compile(r"(?:\.[A-Za-z_]\w*|(?<![\w.])[A-Za-z_]\w+)\(\s*[^\s)]")
KEYWORD = re.compile(r"\b[A-Za-z_]\w*=(?=[^=\s])")
OPERATOR = re.compile(r"@|\*\*|==|!=|//|(?:\+|-|\*|/|%|@)=")
LOOP = re.compile(r"\bfor\s+[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s+in\b|\blambda\b")
MATHS_NAME = re.compile(r"[^\W\d_](?:_\w+)?")
MATHS_NODES = (ast.Module, ast.Assign, ast.Name, ast.Load, ast.Store, ast.Constant, ast.Tuple, ast.BinOp,
               ast.UnaryOp, ast.Add, ast.Sub, ast.Div, ast.BitXor, ast.USub, ast.UAdd, ast.Call)


def is_plain_maths(tree):
    """True if the parsed statement uses only one-letter names, numbers, + - / ^ and one-letter functions."""
    return all(isinstance(node, MATHS_NODES) and (not isinstance(node, ast.Name) or MATHS_NAME.fullmatch(node.id))
               and (not isinstance(node, ast.Call) or isinstance(node.func, ast.Name))
               for node in ast.walk(tree))


def statement(clause):
    """The first run of words in `clause` that is a code statement (rule 5), or None."""
    words = [m.span() for m in re.finditer(r"\S+", clause)]
    for i, (start, _) in enumerate(words):
        for _, end in words[i:]:
            piece = clause[start:end]
            if piece.lower().startswith("return "):
                piece = "return " + piece[len("return "):]
            try:
                tree = ast.parse(piece)
            except SyntaxError:
                continue
            node = tree.body[0] if len(tree.body) == 1 else None
            if (isinstance(node, ast.AugAssign)
                    or isinstance(node, ast.Return) and not isinstance(node.value, (type(None), ast.Name, ast.Constant))
                    or isinstance(node, ast.Assign) and not is_plain_maths(tree)):
                return piece
    return None


def clauses(text):
    """The clauses of a TODO's text (rule 5); a comma ends one only before a word of two or more letters."""
    found, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        rest = text[i + 1:]
        if (char == ";" or char in ":." and (rest == "" or rest[0].isspace())
                or char == "," and depth == 0 and re.match(r"\s+[^\W\d_]{2}", rest)):
            found.append(text[start:i])
            start = i + 1
    return found + [text[start:]]


def call_at(text, start):
    """The call that starts at `start` in text, up to its closing parenthesis."""
    depth, i = 0, text.index("(", start)
    for i in range(i, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            break
    return text[start: i + 1]


def code_in(text):
    """The code in a TODO's text, as a list of (rule, code); empty when there is none."""
    found = [("a call", call_at(text, m.start())) for m in CALL.finditer(text)]
    found += [("a keyword argument", m.group() + "...") for m in KEYWORD.finditer(text)]
    found += [("a Python operator", m.group()) for m in OPERATOR.finditer(text)]
    found += [("a loop or lambda", m.group()) for m in LOOP.finditer(text)]
    found += [("a statement", piece) for piece in map(statement, clauses(text)) if piece]
    return found


def todo_blocks(source):
    """The text of every `# TODO:` comment block in a cell: its comment lines, without `#`, joined."""
    blocks, lines = [], source.splitlines()
    for number, line in enumerate(lines):
        if not line.strip().startswith("# TODO"):
            continue
        block = []
        for following in lines[number:]:
            stripped = following.strip()
            if not stripped.startswith("#") or (block and stripped.startswith("# TODO")):
                break
            block.append(stripped.lstrip("#").strip())
        blocks.append(re.sub(r"^TODO:?\s*", "", " ".join(block)))
    return blocks


def all_todos():
    """(notebook name, TODO text) for every TODO of every student notebook."""
    return [(path.name, text) for path in NOTEBOOKS
            for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
            for text in todo_blocks(cell.source)]


@pytest.mark.parametrize("text", [
    "a = X; then for each W, b in zip(weights, biases): a = sigmoid(a @ W + b). Return a.",
    "s = sigmoid(z); return s * (1 - s).",
    "v = mu * v - eta * g; then p = p + v; return p, v.",
    "return 1 / (1 + np.exp(-z))",
    "W -= eta * nW",
    "for W, b in zip(weights, biases)",
    "clip z first, then return 1 / (1 + e^(-z)) using np.exp.",
    "set Y[i, y[i]] = 1 for every i",
    "return nabla_W + lam * W.",
    "return the rate r with r * 2 / num_outputs == eta.",
    "return (Z > 0) converted to Z's float type with .astype(Z.dtype).",
    "the sum of 1/2 * (outputs - Y) ** 2",
    "divide each row by its sum (axis=1, keepdims=True)",
    "keep the best with max(histories, key=lambda h: h[-1])",
    "for l in range(len(weights))",
    "nabla_w, nabla_b = grads",
    "return p, v",
    "v = mu v - eta g, then p = p + v: v = mu * v - eta * g",
])
def test_code_is_flagged(text):
    assert code_in(text), f"not seen as code: {text!r}"


@pytest.mark.parametrize("text", [
    "S(z) = 1 / (1 + e^(-z)), elementwise; z has any shape, return the same shape",
    "the index of the largest output in each row (np.argmax)",
    "z = a W + b, then a = S(z), for each layer in turn; X (n, n_in) gives (n, n_out)",
    "S'(z) = S(z) (1 - S(z)), elementwise, from z (not from S(z)); same shape as z",
    "weights (n_in, n_out) drawn from N(0, 1/n_in); use rng.standard_normal and np.sqrt",
    "for every epoch: shuffle the row numbers (rng.permutation), then take them batch_size at a time",
    "keep the history with the highest final validation accuracy and return it",
    "v ← μ v − η g, then p ← p + v; return the new p and v",
    "o_j = e^(z_j) / (the sum of e^(z_i) over the row)",
    "the rate r that solves r · 2 / K = η, where K is the number of outputs",
    "o = S(z), the output of the layer, with z = a W + b",
])
def test_words_and_maths_pass(text):
    assert code_in(text) == [], f"seen as code: {text!r}: {code_in(text)}"


def test_the_notebooks_have_todos():
    assert len(all_todos()) >= 19, "fewer TODOs than expected: is todo_blocks broken?"


@pytest.mark.parametrize("student", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_todo_spells_out_the_code(student):
    bad = [(text, code_in(text)) for name, text in all_todos() if name == student.name and code_in(text)]
    report = "\n".join(f"  # TODO: {text}\n    code: {', '.join(f'{rule} `{code}`' for rule, code in found)}"
                       for text, found in bad)
    assert not bad, (f"{student.name}: a TODO says what to compute, in words and maths, with the shapes; "
                     f"the code goes in the second hint:\n{report}")
