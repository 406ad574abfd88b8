"""Properties every check verifies, whatever the mistake: kind and type of the result, no state kept
between calls, the random generator used as given; and the smallest input on which an answer differs.
"""
import copy

import numpy as np

from ._causes import CAUSES
from ._compare import compare, part_words, ratio_words
from ._core import CheckFailed, call, fail


def float_result(got, name, tried):
    """Fail unless ``got`` holds floats (a float, or an array of floats): integers where the TODO asks for floats."""
    kind = getattr(got, "dtype", None)
    if kind is None and isinstance(got, (list, tuple)):
        kind = np.asarray(got).dtype
    if kind is None:
        kind = np.dtype(type(got)) if isinstance(got, (bool, int, float, np.generic)) else None
    if kind is not None and not np.issubdtype(kind, np.floating):
        what = "True/False (bool)" if kind == bool else f"whole numbers ({kind})"
        fail(f"{name} on {tried} (integers) returned {what}; it should return floats, whatever type its input "
             "has: an array made with np.zeros_like (or np.empty_like) of an integer input is an integer "
             "array, and every value written into it is cut to a whole number.",
             "make the result from a float computation (np.exp, /, ...) or give np.zeros a float shape: "
             "np.zeros(z.shape).", cause="dtype")


def stateless(run, name, first, second, reference=None):
    """Fail unless ``run(first)``, ``run(second)``, ``run(first)``, ``run(second)`` repeat their answers, and
    two inputs whose right answers differ get different answers.

    ``first`` and ``second`` are (arguments, what they are), chosen so that their right answers differ;
    ``run(arguments)`` returns something ``same`` compares. A list or a number kept outside the function
    (and never reset), or a name read from outside instead of an argument, shows here. An error on these
    inputs is left for the rest of the check to explain. ``reference(arguments)`` gives the right answer: only
    answers of its shape are said to be "the same for two inputs" (two wrong shapes can agree by chance).
    """
    (args_a, what_a), (args_b, what_b) = first, second
    try:
        answers = [copy.deepcopy(run(args)) for args in (args_a, args_b, args_a, args_b)]
    except CheckFailed:
        return
    if any(answer is None for answer in answers):  # no answer at all: the rest of the check says so
        return
    if not (same(answers[0], answers[2]) and same(answers[1], answers[3])):
        fail(f"{name} gave two different answers for the same input ({what_a}, or {what_b}), called again after "
             f"a call on the other. It {CAUSES['state']}: make every list and number it fills inside the function, "
             "so that each call starts afresh.", cause="state")
    if reference is not None and same(answers[0], answers[1]) and not same(reference(args_a), reference(args_b)) \
            and np.shape(answers[0]) == np.shape(reference(args_a)):
        fail(f"{name} gave the same answer for two different inputs ({what_a}, and {what_b}), whose right answers "
             f"differ. It {CAUSES['state']}: does it return something kept from an earlier call, or use a name "
             "defined outside the function instead of its own arguments?", cause="state")


def same(a, b):
    """True if a and b hold the same numbers, in the same structure (arrays, lists, tuples, numbers)."""
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b)
                and all(same(x, y) for x, y in zip(a, b)))
    try:
        x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return a is b or a == b
    return x.shape == y.shape and np.allclose(x, y, rtol=1e-12, atol=1e-12, equal_nan=True)


def smallest_failure(error, attempts):
    """``error`` (a CheckFailed with no named cause) with the smallest input on which the answer is also wrong.

    ``attempts`` are (what the input is, a function that runs one compare), smallest first. The first
    that fails is quoted; if every smaller input passes, the message says the answer is right on them.
    """
    if error.cause is not None or not any(w in str(error) for w in ("the values are wrong", "expected shape")):
        return error  # an error, a None, a wrong kind: the message already says what happened
    right = []
    for what, attempt in attempts:
        try:
            attempt()
        except CheckFailed as smaller:
            if smaller.cause is not None:  # a cause named on a smaller input: that is the message
                return smaller
            text = str(smaller).split("\nHint:")[0]
            return with_words(error, f"\nThe smallest input on which it is wrong: {text}", keep_hint=True)
        right.append(what)
    if right:
        return with_words(error, f"\nIt is right on smaller inputs ({'; '.join(right)}): look at what changes "
                                 "with more samples or more rows.", keep_hint=True)
    return error


def rng_properties(run, name, tried):
    """Fail unless ``run(rng)`` uses the generator it is given, and only it.

    Same seed: the same result; another seed: another result; NumPy's global random state
    (np.random.seed, np.random.rand...) untouched. ``run`` returns something np.array_equal compares.
    """
    state = np.random.get_state()
    probe = np.random.random()  # what the global state gives next, if nobody draws from it
    np.random.set_state(state)
    first, again, other = run(np.random.default_rng(0)), run(np.random.default_rng(0)), run(np.random.default_rng(1))
    touched = np.random.random() != probe
    np.random.set_state(state)
    hint = ("draw every random number from the rng argument, e.g. rng.permutation(n) or "
            "rng.standard_normal(shape), never from np.random directly.")
    if touched:
        fail(f"{name} on {tried}: it {CAUSES['global-rng']}, so its results cannot be reproduced.", hint,
             cause="global-rng")
    if not _equal(first, again):
        fail(f"{name} on {tried}: it gives different results for two generators with the same seed: it "
             f"{CAUSES['own-rng']}, so its results cannot be reproduced.", hint, cause="own-rng")
    if _equal(first, other):
        fail(f"{name} on {tried}: it gives the same result for rng = np.random.default_rng(0) and "
             f"default_rng(1): it {CAUSES['fixed-seed']} (or draws nothing at all).",
             "use the rng it is given (rng.permutation, rng.standard_normal...); do not make a new one "
             "with a seed inside the function.", cause="fixed-seed")


def _equal(a, b):
    try:
        return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True)) if isinstance(a, list) \
            else np.array_equal(a, b)
    except ValueError:
        return False


def with_words(error, words, keep_hint=False):
    """``error`` with ``words`` added to its message, the same cause; its general hint dropped unless ``keep_hint``."""
    if not words:
        return error
    text = str(error)
    head, hint = (text.split("\nHint:", 1) + [None])[:2]
    return CheckFailed(head + words + (f"\nHint:{hint}" if hint is not None and keep_hint else ""), error.cause)


def first_wrong_number(func, name, reference, points, call):
    """Words for the smallest |z| at which an elementwise ``func`` is wrong, tried one number at a time; '' if none."""
    right = []
    for z in sorted(points, key=abs):
        try:
            got = np.asarray(call(func, name, np.array([z])), dtype=float)
        except CheckFailed:
            return ""
        expected = reference(np.array([z]))
        if got.shape != expected.shape or not np.allclose(got, expected, rtol=1e-5, atol=1e-6):
            upto = f"right for z = {', '.join(f'{r:g}' for r in right[-3:])}, but " if right else ""
            value = float(got.ravel()[0]) if got.size else None
            as_if = next((f", the right value for z = {w:g}, as if z were {w:g} there" for w in
                          dict.fromkeys([float(np.trunc(z)), float(np.round(z)), -z] + right[::-1]
                                        + [w / 2 for w in range(-40, 41)])
                          if w != z and value is not None and np.isclose(value, float(reference(np.array([w]))[0]),
                                                                         rtol=1e-6, atol=1e-9)), "")
            return (f"\nOne number at a time, it is {upto}wrong at z = {z:g}: expected {float(expected[0]):.6g}, "
                    f"got {f'{value:.6g}' if value is not None else 'nothing'}{as_if}.")
        right.append(z)
    return ""


def zero_probes(func, name, args, names, reference, call, changeable=(), meanings=None):
    """Fail, naming the input, when setting one input to 0 shows which part of the formula is wrong.

    ``args`` are the arguments, ``names`` their names; each array or number is set to zero in turn and
    the answer compared with ``reference(*args)`` there. Returns quietly when every probe agrees.
    """
    order = [names.index(what) for what in meanings] if meanings else range(len(names))
    for k, value, what in [(k, args[k], names[k]) for k in order]:
        if not isinstance(value, (np.ndarray, float, int)) or isinstance(value, bool):
            continue
        probe = list(args)
        probe[k] = np.zeros_like(value) if isinstance(value, np.ndarray) else 0.0
        expected = reference(*[p.copy() if isinstance(p, np.ndarray) else p for p in probe])
        got = call(func, name, *[p.copy() if isinstance(p, np.ndarray) else p for p in probe],
                   changeable=changeable)
        for part, (g, e) in enumerate(_pairs(got, expected)):
            g, e = np.asarray(g, dtype=float), np.asarray(e, dtype=float)
            if g.shape != e.shape or not np.allclose(g, e, rtol=1e-5, atol=1e-8):
                which = f" (the {('first', 'second')[part]} result)" if isinstance(expected, tuple) else ""
                zeroed = ", ".join(f"{n} = 0" if n == what else n for n in names)
                should = f", so the answer should be {meanings[what]}" if meanings and what in meanings else ""
                verdict = (f"It returns 0 there: the part of the formula without {what} is missing."
                           if np.all(g == 0) else f"So the part of your formula without {what} is not right (or a "
                           f"term with {what} does not vanish when {what} is 0).")
                part = part_words(g, e)
                fail(f"{name}({zeroed}) gives a wrong answer{which}: with {what} = 0 every term with {what} in it "
                     f"is 0{should}{ratio_words(g, e) or ('' if 'every entry' in part else part)}. {verdict}\n"
                     + _expected_got(e, g))


def _pairs(got, expected):
    if isinstance(expected, tuple):
        got = got if isinstance(got, (tuple, list)) and len(got) == len(expected) else (got,) * len(expected)
        return list(zip(got, expected))
    return [(got, expected)]


def _expected_got(expected, got):
    from ._core import expected_got
    return expected_got(expected, got)


def unless_named(compare_thunk, explain):
    """Run ``compare_thunk()``; if it fails with no named cause, let ``explain()`` fail with better words first."""
    try:
        compare_thunk()
    except CheckFailed as error:
        if error.cause is None:
            explain()
        raise


def elementwise_sizes(func, name, reference, seed):
    """Integers in, floats out; then a random 7x5 array (odd sizes, every entry its own): an elementwise TODO."""
    whole = np.array([-3, 0, 2, 7])
    got = call(func, name, whole)
    float_result(got, name, "z = [-3 0 2 7]")
    compare(got, reference(whole.astype(float)), name, "z = [-3 0 2 7] (integers)")
    odd = np.random.default_rng(seed).normal(0, 4, (7, 5))
    compare(call(func, name, odd), reference(odd), name, "a random 7x5 array")
