"""Fisher's exact test and Benjamini–Hochberg against values worked out by hand, against
an exact-fraction oracle on drawn tables (both of the test's paths), and against scipy
where it happens to be installed."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.discovery import fisher
from salesdesigner.model.discovery.fisher import benjamini_hochberg, fisher_exact


def oracle(x: int, n: int, y: int, m: int) -> Fraction:
    """The definition, in fractions: every table with these margins no likelier than the
    observed one."""
    total, k = n + m, x + y
    prob = {i: Fraction(math.comb(k, i) * math.comb(total - k, n - i), math.comb(total, n))
            for i in range(max(0, n - (total - k)), min(k, n) + 1)}
    return sum((p for p in prob.values() if p <= prob[x]), Fraction(0))


def test_three_of_four_against_five_of_ten_is_581_in_1001():
    # N = 14 deals, 8 moved on, the owner has 4.  Weights C(8,k)·C(6,4−k) for k = 0…4:
    # 15, 160, 420, 336, 70 (sum 1001 = C(14,4)).  Observed k = 3 (336); no likelier:
    # 15 + 160 + 336 + 70 = 581.
    assert fisher_exact(3, 4, 5, 10) == pytest.approx(581 / 1001, rel=1e-15)


def test_sixteen_of_twenty_against_twenty_three_of_fifty():
    # P(k) = C(39,k)·C(31,20−k) / C(70,20), k = 0…20; the tables no likelier than k = 16
    # are k ≤ 4 and k ≥ 16: p = 0.0155212887703066 (summed in fractions, 16 digits).
    assert fisher_exact(16, 20, 23, 50) == pytest.approx(0.0155212887703066, rel=1e-12)
    assert float(oracle(16, 20, 23, 50)) == pytest.approx(0.0155212887703066, rel=1e-12)


def test_one_possible_table_or_an_empty_group_gives_one():
    assert fisher_exact(5, 5, 7, 7) == 1.0
    assert fisher_exact(0, 0, 3, 9) == 1.0
    assert fisher_exact(0, 4, 0, 9) == 1.0


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        fisher_exact(5, 4, 1, 2)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.data())
def test_the_exact_path_equals_the_fraction_oracle_and_is_symmetric(n, m, data):
    x = data.draw(st.integers(0, n))
    y = data.draw(st.integers(0, m))
    p = fisher_exact(x, n, y, m)
    assert 0.0 <= p <= 1.0
    assert p == pytest.approx(float(oracle(x, n, y, m)), rel=1e-12, abs=1e-300)
    assert p == pytest.approx(fisher_exact(y, m, x, n), rel=1e-12, abs=1e-300)


@pytest.mark.parametrize("seed", range(6))
def test_the_log_space_path_for_large_tables_equals_the_oracle(seed, monkeypatch):
    rnd = random.Random(seed)
    n, m = rnd.randrange(200, 1500), rnd.randrange(200, 1500)
    x = rnd.randrange(n + 1)
    y = min(m, max(0, round(m * x / n + rnd.gauss(0, 25))))  # near equal: p not tiny
    expected = float(oracle(x, n, y, m))
    monkeypatch.setattr(fisher, "EXACT_LIMIT", 0)  # force the large-table path
    assert fisher_exact(x, n, y, m) == pytest.approx(expected, rel=1e-6, abs=1e-12)


def test_matches_scipy_on_many_random_tables():
    stats = pytest.importorskip("scipy.stats")
    rnd = random.Random(14)
    for _ in range(30):  # both paths: up to 1,000 deals exact, above in log space
        n, m = rnd.randrange(1, 1500), rnd.randrange(1, 1500)
        x, y = rnd.randrange(n + 1), rnd.randrange(m + 1)
        expected = stats.fisher_exact([[x, n - x], [y, m - y]]).pvalue
        assert fisher_exact(x, n, y, m) == pytest.approx(expected, rel=1e-6, abs=1e-12)


def test_benjamini_hochberg_by_hand():
    # sorted: 0.01 (rank 1), 0.03 (2), 0.04 (3), 0.2 (4); m = 4.  q = p·m/rank, made
    # monotone from the top: 0.2, min(0.0533, 0.2), min(0.06, 0.0533), 0.04.
    passed, q = benjamini_hochberg([0.01, 0.04, 0.03, 0.2], 0.05)
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.2])
    assert passed == [True, False, False, False]
    assert benjamini_hochberg([], 0.05) == ([], [])
