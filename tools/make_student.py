"""Write the student notebooks in notebooks/ from the solutions in solutions/.

    python tools/make_student.py            # regenerate every student notebook
    python tools/make_student.py --check    # only report which ones are stale

In a solution notebook, the code a learner writes stands between two lines

    ### BEGIN SOLUTION
    # TODO: what to write, in plain words (kept for the learner)
    ...the answer...
    ### END SOLUTION

The student copy keeps the comment lines that open the block (the TODO) and
replaces the rest by ``raise NotImplementedError``, with the same indentation.
A cell tagged ``solution`` (a written answer) is left out. Outputs, execution
counts and widget state are cleared, so the result depends only on the source.
"""
import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS, NOTEBOOKS = ROOT / "solutions", ROOT / "notebooks"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SOLUTION_TAG = "solution"


class MarkerError(ValueError):
    """The solution markers in a cell are not well formed."""


def strip_solution(source, where="cell"):
    """The source with every solution block replaced by its TODO and a raise."""
    out, block = [], None
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if block is not None:
                raise MarkerError(f"{where}, line {number}: {BEGIN} inside another solution block")
            block = {"indent": line[: len(line) - len(line.lstrip())], "todo": [], "code": False}
        elif stripped == END:
            if block is None:
                raise MarkerError(f"{where}, line {number}: {END} without {BEGIN}")
            if not block["todo"] or not block["todo"][0].strip().startswith("# TODO"):
                raise MarkerError(f"{where}: a solution block must open with a '# TODO: ...' comment")
            out += block["todo"] + [block["indent"] + "raise NotImplementedError"]
            block = None
        elif block is not None:
            if stripped.startswith("#") and not block["code"]:
                block["todo"].append(line)
            elif stripped:
                block["code"] = True
        else:
            out.append(line)
    if block is not None:
        raise MarkerError(f"{where}: {BEGIN} without {END}")
    return "\n".join(out)


def student_notebook(solution):
    """A new notebook: the student copy of the ``solution`` notebook node."""
    student = nbformat.v4.new_notebook()
    student.metadata = {k: v for k, v in solution.metadata.items() if k != "widgets"}
    student.nbformat, student.nbformat_minor = solution.nbformat, solution.nbformat_minor
    for index, cell in enumerate(solution.cells):
        if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        metadata = {k: v for k, v in cell.metadata.items() if k not in ("execution", "scrolled", "collapsed")}
        source = cell.source
        if cell.cell_type == "code":
            source = strip_solution(source, where=f"cell {index}")
            new = nbformat.v4.new_code_cell(source, metadata=metadata)
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(source, metadata=metadata)
        else:
            new = nbformat.v4.new_raw_cell(source, metadata=metadata)
        new.id = cell.get("id", f"cell-{index}")
        student.cells.append(new)
    return student


def render(solution_path):
    """The text of the student notebook generated from ``solution_path``."""
    solution = nbformat.read(solution_path, as_version=4)
    return nbformat.writes(student_notebook(solution)) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale notebooks, write nothing")
    args = parser.parse_args(argv)
    NOTEBOOKS.mkdir(exist_ok=True)
    stale = []
    for solution_path in sorted(SOLUTIONS.glob("*.ipynb")):
        target = NOTEBOOKS / solution_path.name
        text = render(solution_path)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(target)
        if not args.check:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    extra = sorted({p.name for p in NOTEBOOKS.glob("*.ipynb")} - {p.name for p in SOLUTIONS.glob("*.ipynb")})
    for name in extra:
        print(f"notebooks/{name} has no solution in solutions/: delete it or add its solution")
    if args.check and (stale or extra):
        for target in stale:
            print(f"stale: {target.relative_to(ROOT)}")
        return 1
    return 1 if extra else 0


if __name__ == "__main__":
    sys.exit(main())
