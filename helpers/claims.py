"""A rule for every claim: call one setting better only when its lead is larger than the noise.

``compare(results)`` takes, for each setting, its score from every seed it was trained from
(validation accuracies as fractions), e.g. {10: [0.88, 0.89, 0.87], 100: [0.93, 0.92, 0.60]}.
A setting's **score** is its best seed (the network that restarts keep). The rule:

- how much a score rests on one lucky seed: its **seed lead**, how far its best seed is ahead of
  its next best (0 with one seed);
- how much a score moves on another computer (which sums in another order): the **floor**;
- two settings' **margin** is the largest of the floor and their two seed leads;
- the best setting **wins** when it is ahead of every other by more than their margin; otherwise the
  settings within their margin of it are **about the same** (a tie, printed with the numbers).

Printed, a verdict says which it is, the numbers, and the margin that the claim rests on.
The rule makes a close result a tie; it cannot make a result far from close: a lesson that wants
the same words on every machine compares settings whose gap is far from their margin either way.
"""
from dataclasses import dataclass

FLOOR = 0.01  # one percentage point: one run that learned ends up to about 0.7 points away on another CPU (measured)


def seed_lead(scores):
    """How far the best of a setting's scores (one per seed) is ahead of its next best: 0 for one seed."""
    ranked = sorted(scores, reverse=True)
    return ranked[0] - ranked[1] if len(ranked) > 1 else 0.0


@dataclass
class Verdict:
    """What ``compare`` found. ``winner`` is None for a tie; ``choice`` is the winner, or in a tie the first
    of the tied settings in the order they were given (put the simplest first)."""

    scores: dict  # setting -> its best seed's score
    leaders: list  # the best setting and every one about the same as it, best first
    margin: float  # the margin between the best and the runner-up (or, in a tie, the last of the leaders)
    name: object  # setting -> its name in the sentence

    @property
    def winner(self):
        return self.leaders[0] if len(self.leaders) == 1 else None

    @property
    def choice(self):
        return self.winner if self.winner is not None else next(s for s in self.scores if s in self.leaders)

    def __str__(self):
        best = self.leaders[0]
        if self.winner is not None:
            runner_up = max((s for s in self.scores if s != best), key=self.scores.get)
            gap = self.scores[best] - self.scores[runner_up]
            return (f"{self.name(best)} is better: {self.scores[best]:.2%} against {self.scores[runner_up]:.2%} "
                    f"for {self.name(runner_up)}, a lead of {gap:.2%} points, more than the margin of "
                    f"{self.margin:.2%} points.").replace("% points", " points")
        listed = ", ".join(f"{self.name(s)} {self.scores[s]:.2%}" for s in self.leaders)
        gap = self.scores[best] - self.scores[self.leaders[-1]]
        return (f"about the same: {listed}; {gap:.2%} points apart, within the margin of "
                f"{self.margin:.2%} points.").replace("% points", " points")


def compare(results, floor=FLOOR, name=str):
    """The verdict on ``results``, {setting: [score of each seed]} (two settings or more, higher is better).

    floor: the smallest margin, for the noise of other computers (a fraction: 0.01 is one point).
    name: setting -> how the sentence names it. Print the verdict for the sentence.
    """
    results = {setting: [float(score) for score in scores] for setting, scores in results.items()}
    if len(results) < 2 or not all(results.values()):
        raise ValueError(f"compare needs two settings or more, each with a score per seed; got {results!r}")
    scores = {setting: max(values) for setting, values in results.items()}
    leads = {setting: seed_lead(values) for setting, values in results.items()}
    best = max(scores, key=scores.get)  # the first of equal scores, in the order given

    def margin(other):
        return max(floor, leads[best], leads[other])

    others = sorted((s for s in scores if s != best), key=scores.get, reverse=True)
    leaders = [best] + [s for s in others if scores[best] - scores[s] <= margin(s)]
    deciding = others[0] if len(leaders) == 1 else leaders[-1]
    return Verdict(scores, leaders, margin(deciding), name)
