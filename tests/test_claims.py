"""The rule for every claim: a winner only when its lead is larger than the margin, else a tie."""
import pytest

from helpers.claims import FLOOR, compare, seed_lead


def test_a_clear_lead_names_the_winner_with_its_margin():
    verdict = compare({10: [0.885, 0.889, 0.883], 30: [0.911, 0.912, 0.743], 100: [0.930, 0.926, 0.650]})
    assert verdict.winner == verdict.choice == 100 and verdict.leaders == [100]
    assert verdict.scores == {10: 0.889, 30: 0.912, 100: 0.930}
    assert verdict.margin == pytest.approx(FLOOR)  # the seed leads (0.004, 0.001, 0.004) are below the floor
    assert str(verdict) == ("100 is better: 93.00% against 91.20% for 30, a lead of 1.80 points, "
                            "more than the margin of 1.00 points.")


def test_a_lead_within_the_floor_is_a_tie_and_the_choice_is_the_first_given():
    verdict = compare({(30,): [0.9113, 0.905], (30, 30): [0.9157, 0.91], (30, 30, 30): [0.9206, 0.915]},
                      name=lambda hidden: f"{len(hidden)} layer(s)")
    assert verdict.winner is None and verdict.choice == (30,)
    assert verdict.leaders == [(30, 30, 30), (30, 30), (30,)]
    assert str(verdict) == ("about the same: 3 layer(s) 92.06%, 2 layer(s) 91.57%, 1 layer(s) 91.13%; "
                            "0.93 points apart, within the margin of 1.00 points.")


def test_a_lead_that_rests_on_one_lucky_seed_is_a_tie():
    # 0.95 is 3 points ahead of 0.92, but its next best seed is 5 points behind it: the margin is 5 points.
    verdict = compare({"steady": [0.92, 0.918, 0.915], "lucky": [0.95, 0.90, 0.60]})
    assert verdict.winner is None and verdict.leaders == ["lucky", "steady"] and verdict.choice == "steady"
    assert verdict.margin == pytest.approx(0.05)
    assert "within the margin of 5.00 points" in str(verdict)


def test_the_winner_must_beat_every_other_and_only_the_close_ones_tie():
    verdict = compare({"a": [0.80], "b": [0.905], "c": [0.90]})
    assert verdict.winner is None and verdict.leaders == ["b", "c"] and verdict.choice == "b"
    assert "80.00%" not in str(verdict)
    assert compare({"a": [0.80], "b": [0.905], "c": [0.90]}, floor=0.004).winner == "b"


@pytest.mark.parametrize("gap, expected", [(0.0099, None), (0.0101, "high")])
def test_the_floor_is_the_line(gap, expected):
    assert compare({"low": [0.5], "high": [0.5 + gap]}).winner == expected


def test_seed_lead():
    assert seed_lead([0.9]) == 0.0
    assert seed_lead([0.7, 0.93, 0.9]) == pytest.approx(0.03)


@pytest.mark.parametrize("results", [{}, {"only": [0.9]}, {"a": [0.9], "b": []}])
def test_too_little_to_compare_is_a_clear_error(results):
    with pytest.raises(ValueError, match="two settings or more, each with a score per seed"):
        compare(results)
