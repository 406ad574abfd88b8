"""The figures whose point is in their geometry: every label readable and on its arrow, every point in view."""
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots

matplotlib.use("Agg")
W1 = np.array([[1.0, 2.0, 0.4], [0.5, 0.2, 0.4]])  # notebook 02's tiny network
W2 = np.array([[1.5], [4.0], [0.2]])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(ax):
    return {t.get_text(): t for t in ax.texts}


def test_network_names_its_inputs_and_numbers_its_hidden_nodes():
    plots.draw_network([2, 3, 1], [W1, W2])
    names = [t.get_text() for t in plt.gca().texts]
    assert "$x_1$" in names and "$x_2$" in names
    assert {"1", "2", "3"} <= set(names)


def distance_to_segment(point, start, end):
    """How far a point is from the segment start-end (data units)."""
    p, a, b = (np.asarray(v, dtype=float) for v in (point, start, end))
    t = np.clip(np.dot(p - a, b - a) / np.dot(b - a, b - a), 0, 1)
    return float(np.hypot(*(p - a - t * (b - a))))


def test_each_weight_is_written_on_its_own_arrow_and_no_two_overlap():
    plots.draw_network([2, 3, 1], [W1, W2], [np.full(3, 0.5), np.array([0.3])])
    ax = plt.gca()
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]  # drawn layer by layer, i, then j
    labels = [t for t in ax.texts if t not in arrows and t.get_bbox_patch() is not None]
    weights = [f"{W[i, j]:g}" for W in (W1, W2) for i in range(W.shape[0]) for j in range(W.shape[1])]
    assert len(arrows) == len(labels) == len(weights) == 9
    for k, label in enumerate(labels):  # on its own arrow, and well off every other one
        distances = [distance_to_segment(label.get_position(), a.xyann, a.xy) for a in arrows]
        assert distances[k] < 1e-9, f"the label {label.get_text()} is not on its arrow"
        assert sorted(distances)[1] > 0.15, f"the label {label.get_text()} is also near another arrow"
        assert label.get_text() == weights[k]
    renderer = ax.figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in labels]
    for m in range(len(boxes)):
        for n in range(m + 1, len(boxes)):
            assert not boxes[m].overlaps(boxes[n]), f"{labels[m].get_text()} overlaps {labels[n].get_text()}"


def descend(x, eta, steps=12):
    xs = [x]
    for _ in range(steps):
        x = x - 2 * eta * x
        xs.append(x)
    return xs


def test_descent_keeps_every_point_in_view_even_when_it_diverges():
    paths = {f"eta = {eta}": descend(2.5, eta) for eta in (0.05, 0.3, 0.9, 1.02)}
    plots.plot_descent(lambda x: x ** 2, paths)
    axes = plt.gcf().axes
    assert len(axes) == 4
    for ax, xs in zip(axes, paths.values()):
        (left, right), (bottom, top) = ax.get_xlim(), ax.get_ylim()
        for x in xs:
            assert left < x < right and bottom < x ** 2 < top, f"{ax.get_title()}: x = {x:.2f} is out of view"
