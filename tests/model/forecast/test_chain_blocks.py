"""The chain's block solve (large processes) gives the dense solve's answer: on generated
chains with loops, forward and transposed, and the loop-local inverse the levers use."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals import bottleneck as bn
from salesdesigner.model.entities import StageKind


@st.composite
def chains(draw):
    """A main path s0 → … → won with losses, random jumps back and forward (loops)."""
    n = draw(st.integers(2, 25))
    counts = {}
    for i in range(n):
        row = {"lost": draw(st.integers(1, 9)),
               (f"s{i + 1}" if i + 1 < n else "won"): draw(st.integers(1, 9))}
        for _ in range(draw(st.integers(0, 2))):
            j = draw(st.integers(0, n - 1))
            if j != i:
                row[f"s{j}"] = row.get(f"s{j}", 0) + draw(st.integers(1, 5))
        counts[f"s{i}"] = row
    kinds = {f"s{i}": StageKind.STAGE for i in range(n)}
    kinds.update(won=StageKind.WON, lost=StageKind.LOST)
    return kinds, counts


@settings(max_examples=25, deadline=None)
@given(chains(), st.integers(0, 2**31))
def test_block_solve_equals_dense_solve(chain_case, seed):
    kinds, counts = chain_case
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bn, "DENSE_UP_TO", 0)
        chain = bn.build_chain(kinds, counts)
        n = len(chain.live)
        a = np.eye(n) - chain.q
        rhs = np.random.default_rng(seed).random((n, 3))
        assert np.allclose(chain.solve(rhs), np.linalg.solve(a, rhs))
        assert np.allclose(chain.solve(rhs, transposed=True), np.linalg.solve(a.T, rhs))
        assert np.allclose(chain.solve(chain.r), np.linalg.solve(a, chain.r))
        full = np.linalg.inv(a)
        for i in range(n):
            members, inverse = chain.within(i)
            assert np.allclose(inverse[:, members.index(i)], full[members, i])
            outside = [t for t in range(n) if t not in members]
            # nothing outside i's loops comes back to i: the levers may leave it out
            assert np.allclose(full[outside, i][[full[i, t] > 0 for t in outside]]
                               if outside else [], 0.0)
