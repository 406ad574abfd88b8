"""Comparing a learner's answer with the right one, and saying how they differ.

When the answer is the right one changed in a simple way (its negative, twice it, its transpose...),
``compare`` names the change; when it is not, ``difference_words`` says what is known: a constant
ratio between them (n, n^2, 5/3...), and which part differs (the first row only, one column...).
"""
from fractions import Fraction

import numpy as np

from ._core import as_array, expected_got, fail, fmt

KIND_WORDS = ("a NumPy array is asked: NumPy's arithmetic, slicing and indexing with arrays (Y[batch], "
              "X @ W) do not work on a list. np.array(...) of it, or build the result with NumPy")


def array_kind(got, name, tried, expected_ndim=1):
    """Fail when a Python list or tuple is returned where a NumPy array is asked (the values may be right)."""
    if expected_ndim >= 1 and isinstance(got, (list, tuple)):
        fail(f"{name} on {tried} returned a Python {type(got).__name__}; {KIND_WORDS}.", cause="kind")


def compare(got, expected, name, tried, hint="", rtol=1e-5, atol=1e-6, mistakes=(), sizes=(), related=(),
            causes=True, more_sizes=()):
    """Fail unless ``got`` matches ``expected`` in shape and values.

    ``tried`` says in words what input was used; ``mistakes`` are ``(array a typical mistake would
    give, what that mistake is, cause identifier)``: when the answer matches one of them, the
    message names the mistake. Failing that, ``diagnose`` tries simple changes of the right answer
    (its negative, twice, half, times or divided by one of ``sizes``, its transpose, one of
    ``related``, given like ``mistakes``). ``hint`` is shown only when no cause is found. With
    ``causes=False`` (inputs so small that a slip can look like another), it says only expected and got.
    """
    expected = np.asarray(expected, dtype=float)
    array_kind(got, name, tried, expected.ndim)
    got = as_array(got, name, expected.shape)
    same_shape = got.shape == expected.shape
    if same_shape and not np.all(np.isfinite(got)):
        bad = "NaN" if np.isnan(got).any() else "inf"
        where = [list(map(int, k)) for k in np.argwhere(~np.isfinite(got))[:4]] if got.ndim else []
        at = f" at entries {', '.join(map(str, where))}" if where else ""
        why = (" (NaN comes from 0 / 0, inf - inf, inf / inf or the log of a negative number)" if bad == "NaN"
               else " (inf comes from a division by 0 or an overflow)")
        fail(f"{name} on {tried} returned {bad} values{at}{why}:\n    got {fmt(got)}", hint)
    if same_shape and np.allclose(got, expected, rtol=rtol, atol=atol):
        return
    decimals = rounded(got, expected) if same_shape else None
    if decimals is not None and not (got.ndim == 0 and decimals == 0):
        fail(f"{name} on {tried}: the answer is the right one rounded to {decimals} decimals; return it as it is "
             "computed (round only when you print it).\n" + expected_got(expected, got), cause="rounded")
    if same_shape and got.ndim == 0 and float(got) == np.floor(expected) != expected and float(got) != 0:
        fail(f"{name} on {tried}: the answer is wrong; it is the right answer rounded down to a whole number: "
             "// is integer division; divide with /.\n" + expected_got(expected, got), cause="integer-division")
    problem = "the answer is wrong" if same_shape else f"expected shape {expected.shape}, got shape {got.shape}"
    start = f"{name} on {tried}: {problem}"
    if not causes:
        fail(f"{start}{shape_only_words(got, expected)}.\n" + expected_got(expected, got))
    for wrong, mistake, *cause in mistakes:  # a listed mistake first, else the diagnosis
        wrong = np.asarray(wrong, dtype=float)
        if wrong.shape == got.shape and np.allclose(got, wrong, rtol=rtol, atol=atol):
            fail(f"{start}; it looks like {mistake}\n" + expected_got(expected, got), cause=(cause or [None])[0])
    found = diagnose_cause(got, expected, sizes, related, rtol, atol)
    if found:
        fail(f"{start}; it is {found[0]}\n" + expected_got(expected, got), cause=found[1])
    if not same_shape:
        fail(f"{start}{shape_only_words(got, expected)}.", hint)
    difference = np.abs(got - expected)
    first = np.unravel_index(np.argmax(difference > atol + rtol * np.abs(expected)), got.shape) if got.ndim else ()
    at = f"; the first entry that differs is [{', '.join(map(str, first))}]" if got.ndim and got.size > 1 else ""
    fail(f"{name} on {tried}: the values are wrong (largest difference {difference.max():.3g}{at})"
         f"{difference_words(got, expected, [*sizes, *more_sizes], rtol, atol)}.\n" + expected_got(expected, got), hint)


def ratio_words(got, expected, sizes=(), rtol=1e-5):
    """'; it is 5/3 of the right answer' when got / expected is one constant (not 1), else ''.

    A size or a ratio of two sizes (n, n^2, n/k...) is named; another simple fraction is given as it is;
    a ratio of any other kind only for answers of 3 numbers or more (for fewer, any two numbers have one).
    """
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if got.shape != expected.shape or np.any(expected == 0) or got.size == 0:
        return ""
    ratios = (got / expected).ravel()
    r = float(np.median(ratios))
    if r == 0 or not np.allclose(ratios, r, rtol=max(rtol, 1e-7), atol=0) or np.isclose(r, 1):
        return ""
    every = "it is" if got.size == 1 else "every entry is"
    sign = "minus " if r < 0 else ""
    for k, what in sizes:
        for power, times in ((2, f"{what} squared, {k}^2 = {k * k}"), (1, f"{what} ({k})")):
            if np.isclose(abs(r), k ** power, rtol=1e-6):
                return f"; {every} {sign}{times} times the right one"
            if np.isclose(abs(r), 1 / k ** power, rtol=1e-6):
                return f"; {every} the right one divided by {sign}{times}"
    for a, what_a in sizes:
        for b, what_b in sizes:
            if a != b and np.isclose(abs(r), a / b, rtol=1e-6):
                return (f"; {every} {sign}{a}/{b} of the right one: divided by {what_b} ({b}) "
                        f"where {what_a} ({a}) is meant")
    fraction = Fraction(r).limit_denominator(12)
    if np.isclose(float(fraction), r, rtol=1e-6) and abs(fraction.numerator) <= 24:
        amount = f"{fraction} times" if fraction.denominator == 1 else f"{fraction} of"
        return (f"; {every} {amount} the right one: the pattern is right, a factor is not "
                "(a constant multiplied or divided once too often, or the wrong one)")
    square = Fraction(r * r).limit_denominator(12)
    if np.isclose(float(square), r * r, rtol=1e-6) and square.numerator <= 24 and square != 1:
        return (f"; {every} {'minus ' if r < 0 else ''}sqrt({square}) = {abs(r):.4g} times the right one (its square "
                f"is {square} times the right one's): a square root, or what is under it, is not right")
    if got.size >= 3:
        return f"; every entry is {r:.4g} times the right one: the pattern is right, a factor is not"
    return ""


def rounded(got, expected):
    """The number of decimals d when got is expected rounded to d decimals (and differs from it), else None."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if got.shape != expected.shape:
        return None
    for d in range(2, 7):  # to 0 or 1 decimal, too many other slips look the same
        if np.array_equal(got, np.round(expected, d)) and not np.allclose(got, expected, rtol=1e-9, atol=1e-12):
            return d
    return None


def shape_only_words(got, expected):
    """Words when ``got`` holds the right numbers in another shape; else ''."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if got.shape == expected.shape or got.size != expected.size or not np.allclose(got.ravel(), expected.ravel()):
        return ""
    extra = " in an extra axis of size 1 (keepdims=True, a reshape or [None] adds one)" \
        if np.squeeze(got).shape == np.squeeze(expected).shape else ""
    return f"; the numbers are right, but{extra} the shape is not: the answer should have shape {expected.shape}"


def part_words(got, expected, rtol=1e-5, atol=1e-6):
    """'; only the first row differs' and the like, when the difference is in one part; else ''."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if got.shape != expected.shape or got.ndim == 0 or got.size < 2:
        return ""
    wrong = ~np.isclose(got, expected, rtol=rtol, atol=atol)
    if got.ndim == 2 and got.shape[0] > 1 and np.allclose(got, got[:1]) and not np.allclose(expected, expected[:1]) \
            and not np.allclose(got, 0):
        return ("; every row of it is the same, where the right rows differ: one row's worth of numbers spread "
                "over every row (an array of shape (n_out,) used where a matrix is meant?)")
    if wrong.all():
        return "; every entry differs"
    if got.ndim == 1:
        places = np.flatnonzero(wrong)
        return f"; only entr{'y' if len(places) == 1 else 'ies'} {', '.join(map(str, places[:6]))} of {got.size} differ" \
            + ("s" if len(places) == 1 else "") + " (the others are right)"
    rows, columns = np.flatnonzero(wrong.any(axis=1)), np.flatnonzero(wrong.any(axis=0))
    n, m = wrong.shape[:2]
    def which(places, count, noun):
        if len(places) == 1:
            k = places[0]
            return f"the {'first' if k == 0 else 'last' if k == count - 1 else f'{noun} {k}'}" + \
                (f" {noun}" if k in (0, count - 1) else "")
        return f"{noun}s {', '.join(map(str, places[:6]))}"
    if len(rows) < n:
        return f"; only {which(rows, n, 'row')} of {n} differ{'s' if len(rows) == 1 else ''} (the other rows are right)"
    if len(columns) < m:
        return (f"; only {which(columns, m, 'column')} of {m} differ{'s' if len(columns) == 1 else ''} "
                "(the other columns are right)")
    return ""


def difference_words(got, expected, sizes=(), rtol=1e-5, atol=1e-6):
    """What is known of a difference with no named cause: a constant ratio, or the part that differs."""
    return ratio_words(got, expected, sizes, rtol) or part_words(got, expected, rtol, atol)


def _changes(expected, sizes, related):
    """(array, what it is, cause) for each simple change of the right answer that a slip can make."""
    scales = [(2, "twice the right answer", "a factor 2 too many (a 1/2 forgotten, or something counted twice?)",
               "scale:2"),
              (0.5, "half the right answer", "a factor 1/2 too many (a 1/2 or a mean that does not belong?)",
               "scale:2")]
    for k, what in [(k, what) for k, what in sizes if k != 1]:  # times 1 changes nothing
        scales += [(k * k, f"{k}^2 = {k * k} times the right answer",
                    f"multiplied by {what} squared ({k}^2): a sum where the mean is wanted, and the mean "
                    f"taken the wrong way round (divided by {k} where multiplied is meant?)", "scale:n"),
                   (1 / (k * k), f"the right answer divided by {k}^2 = {k * k}",
                    f"divided by {what} twice: the mean taken twice?", "scale:n")]
        scales += [(k, f"{k} times the right answer",
                    f"multiplied by {what} ({k}) once too often (a sum where the mean is wanted?)", "scale:n"),
                   (1 / k, f"the right answer divided by {k}",
                    f"divided by {what} ({k}) once too often (a mean where a sum is wanted, or the mean taken twice?)",
                    "scale:n")]
    found = [(-expected, "the negative of the right answer: a sign is flipped somewhere "
                         "(a - b where b - a is meant, or + where - is meant?)", "sign")]
    for k, amount, cause, kind in scales:
        found += [(k * expected, f"{amount}: {cause}", kind),
                  (-k * expected, f"minus {amount}: a sign is flipped, and {cause}", kind)]
    if expected.ndim == 2:
        found.append((expected.T, "the transpose of the right answer: rows and columns are swapped "
                                  "(a .T too many or too few?)", "transpose"))
    return found + [(np.asarray(array, dtype=float), what, (cause or [None])[0]) for array, what, *cause in related]


def diagnose_cause(got, expected, sizes=(), related=(), rtol=1e-5, atol=1e-6):
    """(what ``got`` is, its cause identifier), when it is one simple change of ``expected``; else None.

    Nothing is said when it could be more than one: an answer of zeros (0 times anything),
    a right answer of zeros (any multiple of it), a change that leaves the right answer
    as it is (the transpose of a symmetric matrix), or two changes that give the same.
    """
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if np.allclose(got, 0, atol=atol) or np.allclose(expected, 0, atol=atol):
        return None
    atol = min(atol, rtol * np.max(np.abs(expected)))  # small answers: match relatively, not within atol

    def same(a, b):
        return a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol)

    matches = {(what, cause) for change, what, cause in _changes(expected, sizes, related)
               if same(got, change) and not same(change, expected)}
    return matches.pop() if len(matches) == 1 else None


def diagnose(got, expected, sizes=(), related=(), rtol=1e-5, atol=1e-6):
    """What ``got`` is, when it is one simple change of ``expected`` and no other; else None."""
    found = diagnose_cause(got, expected, sizes, related, rtol, atol)
    return found[0] if found else None


