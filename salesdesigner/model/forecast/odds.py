"""Win probability per stage from the team's own history, with the targets as a weak prior.

Each transient stage's exits (:mod:`.prior`) get a Dirichlet posterior: the targets'
means × the prior strength κ plus the finished visits that left by each exit
(:func:`~salesdesigner.model.actuals.bottleneck.observed_moves`).  The posterior means are
the steps of the absorbing chain that the bottleneck already solves
(:func:`~salesdesigner.model.actuals.bottleneck.build_chain`): the **win probability** of
a stage is its chance of ending in won, exact for loops.

* **Credible interval** (default 80 %: the 10th and 90th percentiles): :data:`DRAWS`
  draws of every stage's exit rates from their posteriors with a fixed seed, each chain
  solved.  Up to :data:`EXACT_UP_TO` stages in the system each draw is solved exactly;
  above, each draw's change is carried to the chances to first order, ``Δw = (I − Q)⁻¹
  (ΔQ w + Δr)``, one factorisation for all draws (a 1,000-stage process in well under a
  second; exact to first order in the draws' spread, which shrinks as 1/√deals).
* **Days to close**: the chain's expected time to absorption (won or lost), each visit
  weighted by the stage's mean finished stay (the designed duration when no stay is
  measured, else 0).  **Days to win** is the same time for the deals that end won (the
  chain conditioned on winning: ``(I − Q) u = w ∘ d``, days = u / w); the forecast
  places the won deals with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from salesdesigner.model.actuals.bottleneck import WON, Chain, build_chain, is_won
from salesdesigner.model.entities import StageKind
from salesdesigner.model.forecast.prior import PRIOR_STRENGTH, all_prior_means
from salesdesigner.model.process import Process

DRAWS = 400
LEVEL = 0.8
EXACT_UP_TO = 80
SEED = 0


@dataclass(frozen=True)
class StageOdds:
    """One stage's chance to end won, its credible interval and days to close."""

    stage_id: str
    name: str
    kind: str
    win: float                     # posterior-mean chain's chance to end won
    low: float                     # credible interval (``level``)
    high: float
    days_to_close: float | None    # expected days until won or lost (None: never closes)
    days_to_win: float | None      # expected days until won, for deals that win
    observed: int                  # finished visits seen leaving the stage
    prior: float                   # the pseudo-deals the targets are worth here


@dataclass(frozen=True, eq=False)
class Estimate:
    """Every stage's odds plus what the forecast and the levers build on."""

    process: Process
    stages: tuple[StageOdds, ...]
    rows: dict[str, dict[str, float]]     # stage → exit → posterior mean step probability
    alpha: dict[str, dict[str, float]]    # stage → exit → Dirichlet parameter
    chain: Chain                          # of the posterior means
    days: dict[str, float]                # stage → mean days per visit used
    draws: Any                            # (draws, len(chain.live)) chances to win
    level: float
    prior_strength: float
    method: str                           # "exact" | "linear" (see the module doc)
    _by_id: dict[str, StageOdds] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({s.stage_id: s for s in self.stages})

    def odds(self, stage_id: str) -> StageOdds:
        return self._by_id[stage_id]

    @property
    def win(self) -> dict[str, float]:
        return {s.stage_id: s.win for s in self.stages}


def estimate(history: Any, *, prior_strength: float = PRIOR_STRENGTH, draws: int = DRAWS,
             level: float = LEVEL, seed: int = SEED) -> Estimate:
    """The odds of every stage of ``history``'s process from its observed moves, a deal
    gone quiet (:mod:`~salesdesigner.model.actuals.quiet`) counting as lost where it stands."""
    from salesdesigner.model.actuals.quiet import settled_moves
    return estimate_from_moves(history.process, settled_moves(history), mean_stays(history),
                               prior_strength=prior_strength, draws=draws, level=level,
                               seed=seed)


def mean_stays(history: Any) -> dict[str, float]:
    """Stage id → mean finished stay in days over the whole history (stages with one)."""
    import numpy as np

    from salesdesigner.model.actuals.history import SECONDS_PER_DAY
    done = history.v_next >= 0
    n = len(history.stage_ids)
    stage = history.v_stage[done]
    days = (history.v_left[done] - history.v_in[done]).astype(np.float64) / 1e6 / SECONDS_PER_DAY
    total = np.bincount(stage, weights=days, minlength=n)
    count = np.bincount(stage, minlength=n)
    return {sid: float(total[i] / count[i]) for i, sid in enumerate(history.stage_ids)
            if count[i]}


def estimate_from_moves(process: Process, moves: Mapping[str, Mapping[str, float]],
                        stays: Mapping[str, float] | None = None, *,
                        prior_strength: float = PRIOR_STRENGTH, draws: int = DRAWS,
                        level: float = LEVEL, seed: int = SEED) -> Estimate:
    """:func:`estimate` from moves counted already (stage → exit → deals) and mean stays."""
    import numpy as np

    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    alpha: dict[str, dict[str, float]] = {}
    for sid, means in all_prior_means(process).items():
        row = {e: prior_strength * m for e, m in means.items()}
        for e, n in moves.get(sid, {}).items():
            if n > 0:
                row[e] = row.get(e, 0.0) + float(n)
        if not row or sum(row.values()) <= 0:
            row = {"": 1.0}
        alpha[sid] = {e: v for e, v in row.items() if v > 0}
    rows = {sid: {e: v / sum(row.values()) for e, v in row.items()}
            for sid, row in alpha.items()}
    chain = build_chain(kinds, rows)
    days = _days_per_visit(process, stays or {})
    w = chain.solve(chain.r)
    drawn, method = _draw(chain, alpha, kinds, w, draws, seed)
    to_close = _days_to_close(kinds, rows, days, chain)
    to_win = _days_to_win(chain, w, days)
    lo_q, hi_q = (1 - level) / 2, (1 + level) / 2
    if len(chain.live) and len(drawn):
        lows, highs = np.quantile(drawn, [lo_q, hi_q], axis=0)
    else:
        lows = highs = np.zeros(len(chain.live))
    out = []
    for stage in process.stages:
        sid = stage.id
        if sid in chain.index:
            i = chain.index[sid]
            win, low, high = _unit(w[i]), _unit(lows[i]), _unit(highs[i])
            low, high = min(low, win), max(high, win)
        else:
            win = low = high = chain.fixed.get(sid, 0.0)
        kind = kinds[sid]
        observed = int(round(sum(moves.get(sid, {}).values()))) if not kind.is_terminal else 0
        out.append(StageOdds(sid, stage.name, kind.value, win, low, high, to_close.get(sid),
                             to_win.get(sid), observed,
                             0.0 if kind.is_terminal else prior_strength))
    return Estimate(process, tuple(out), rows, alpha, chain, days, drawn, level,
                    prior_strength, method)


def _unit(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def _days_per_visit(process: Process, stays: Mapping[str, float]) -> dict[str, float]:
    out = {}
    for s in process.stages:
        if StageKind(s.kind).is_terminal or StageKind(s.kind) is StageKind.DECISION:
            continue
        if s.id in stays:
            out[s.id] = float(stays[s.id])
        elif s.duration_days is not None:
            out[s.id] = float(s.duration_days)
        else:
            out[s.id] = 0.0
    return out


def _days_to_close(kinds: dict[str, StageKind], rows: dict[str, dict[str, float]],
                   days: dict[str, float], winning: Chain) -> dict[str, float]:
    """Expected days to absorption: the same chain with every ending (won, lost, "") as
    its "won", so its system holds the stages that can close and solves the time (the
    winning chain's own system when both hold the same stages: then Q is the same)."""
    import numpy as np
    transient = [sid for sid, kind in kinds.items() if not kind.is_terminal and sid in rows]
    if set(winning.live) == set(transient):
        d = np.array([days.get(sid, 0.0) for sid in winning.live])
        t = winning.solve(d)
        return {sid: float(max(0.0, t[i])) for sid, i in winning.index.items()}
    closing: dict[str, dict[str, float]] = {}
    for sid, row in rows.items():
        out = closing.setdefault(sid, {})
        for e, v in row.items():
            key = WON if e in ("", WON) or (e in kinds and kinds[e].is_terminal) else e
            out[key] = out.get(key, 0.0) + v
    chain = build_chain(kinds, closing)
    if not chain.live:
        return {}
    d = np.array([days.get(sid, 0.0) for sid in chain.live])
    t = chain.solve(d)
    return {sid: float(max(0.0, t[i])) for sid, i in chain.index.items()}


def _days_to_win(chain: Chain, w: Any, days: dict[str, float]) -> dict[str, float]:
    """Expected days to won for the deals that win: ``(I − Q) u = w ∘ d``, days = u / w."""
    import numpy as np
    if not chain.live:
        return {}
    d = np.array([days.get(sid, 0.0) for sid in chain.live])
    u = chain.solve(w * d)
    return {sid: float(max(0.0, u[i] / w[i])) for sid, i in chain.index.items() if w[i] > 0}


def _exit_table(chain: Chain, alpha: dict[str, dict[str, float]],
                kinds: dict[str, StageKind]) -> tuple[Any, Any, Any, Any]:
    """The live stages' exits as flat arrays: source index, α, destination index (-1: won,
    -2: anywhere that cannot win) — grouped by source, in chain order."""
    import numpy as np
    src, a, dst = [], [], []
    for sid in chain.live:
        for e, v in alpha[sid].items():
            src.append(chain.index[sid])
            a.append(v)
            dst.append(-1 if is_won(kinds, e) else chain.index.get(e, -2))
    starts = np.flatnonzero(np.r_[True, np.diff(src) != 0]) if src else np.zeros(0, int)
    return np.array(src, dtype=np.int64), np.array(a), np.array(dst, dtype=np.int64), starts


def _draw(chain: Chain, alpha: dict[str, dict[str, float]], kinds: dict[str, StageKind],
          w: Any, draws: int, seed: int) -> tuple[Any, str]:
    """(draws × live) chances from Dirichlet draws of every live stage's exits."""
    import numpy as np
    n = len(chain.live)
    method = "exact" if n <= EXACT_UP_TO else "linear"
    if not n or draws <= 0:
        return np.zeros((0, n)), method
    src, a, dst, starts = _exit_table(chain, alpha, kinds)
    rng = np.random.default_rng(seed)
    g = rng.gamma(a, size=(draws, len(a)))
    group = np.searchsorted(starts, np.arange(len(a)), side="right") - 1  # exit → its row
    p = g / np.add.reduceat(g, starts, axis=1)[:, group]
    to_won, to_live = dst == -1, dst >= 0
    if method == "linear":
        mean = a / np.add.reduceat(a, starts)[group]
        value = np.where(to_won, 1.0, np.where(to_live, w[np.maximum(dst, 0)], 0.0))
        change = np.zeros((draws, n))  # exits are grouped by source: one reduceat
        change[:, src[starts]] = np.add.reduceat((p - mean) * value, starts, axis=1)
        return w[None, :] + chain.solve(change.T).T, method
    out = np.empty((draws, n))
    eye = np.eye(n)
    batch = max(1, int(2_000_000 // max(1, n * n)))
    for lo in range(0, draws, batch):
        part = p[lo:lo + batch]
        k = len(part)
        q = np.zeros((k, n, n))
        q[:, src[to_live], dst[to_live]] = part[:, to_live]
        r = np.zeros((k, n))
        np.add.at(r.T, src[to_won], part[:, to_won].T)
        out[lo:lo + k] = np.linalg.solve(eye[None] - q, r[..., None])[..., 0]
    return out, method
