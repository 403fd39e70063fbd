"""Fisher's exact test and the Benjamini–Hochberg guard, in plain Python (no scipy).

Why exact: a rep's counts per stage are small (3 of 4 deals), where a normal
approximation (a z-test on two shares) calls chance differences real.  Fisher's test
conditions on the table's margins and sums hypergeometric probabilities, so it is valid
at any size.

Two-sided p, as R's ``fisher.test`` and ``scipy.stats.fisher_exact`` define it: the
probability of every table with the same margins that is no more likely than the one
observed.  Up to :data:`EXACT_LIMIT` deals the weights are whole numbers
(``C(K, k)·C(N−K, n₁−k)``) compared and summed exactly, so ties are ties; above it the
log-probabilities come from the pmf's ratio recurrence with numpy (a million-row history
has stages with 100,000 deals, where the exact integers would have 30,000 digits), with
scipy's relative tolerance of 1e-7 for "no more likely".
"""

from __future__ import annotations

from collections.abc import Sequence
from math import comb

#: tables with at most this many deals are summed in exact integers
EXACT_LIMIT = 1_000
_TOLERANCE = 1 + 1e-7


def fisher_exact(hits: int, n: int, other_hits: int, other_n: int) -> float:
    """Two-sided p that ``hits`` of ``n`` and ``other_hits`` of ``other_n`` differ only by
    chance (1.0 when either group is empty or the margins leave one possible table)."""
    if not (0 <= hits <= n and 0 <= other_hits <= other_n):
        raise ValueError("hits must lie between 0 and the group's size")
    total, successes = n + other_n, hits + other_hits
    lo, hi = max(0, n - (total - successes)), min(successes, n)
    if lo == hi:
        return 1.0
    if total <= EXACT_LIMIT:
        return _exact(hits, n, successes, total, lo, hi)
    return _logspace(hits, n, successes, total, lo, hi)


def _exact(x: int, n: int, k: int, total: int, lo: int, hi: int) -> float:
    weights = [comb(k, i) * comb(total - k, n - i) for i in range(lo, hi + 1)]
    observed = weights[x - lo]
    tail = sum(w for w in weights if w <= observed)
    return min(1.0, tail / comb(total, n))


def _logspace(x: int, n: int, k: int, total: int, lo: int, hi: int) -> float:
    import numpy as np  # lazily, like every numeric part of the analysis

    i = np.arange(lo, hi, dtype=np.float64)
    # P(i+1)/P(i) = (k−i)(n−i) / ((i+1)(total−k−n+i+1))
    step = (np.log(k - i) + np.log(n - i) - np.log(i + 1) - np.log(total - k - n + i + 1))
    logp = np.concatenate(([0.0], np.cumsum(step)))
    logp -= logp.max()
    p = np.exp(logp)
    observed = p[x - lo]
    tail = float(p[p <= observed * _TOLERANCE].sum())
    return min(1.0, tail / float(p.sum()))


def benjamini_hochberg(p_values: Sequence[float], alpha: float = 0.05
                       ) -> tuple[list[bool], list[float]]:
    """Which of ``p_values`` are discoveries at false-discovery rate ``alpha``, and each
    one's adjusted p (q).  Guards against the many comparisons a table of reps × stages
    × next stages makes: with 200 tests, 10 would pass p < 0.05 by chance alone."""
    m = len(p_values)
    order = sorted(range(m), key=p_values.__getitem__)
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * m / rank)
        q[i] = min(1.0, running)
    return [value <= alpha for value in q], q


__all__ = ["EXACT_LIMIT", "benjamini_hochberg", "fisher_exact"]
