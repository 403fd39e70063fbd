"""What-if: the odds and the forecast again with one exit rate set by hand (the app's
slider).  The stage's other exits give up (or take back) the difference in proportion to
their size, as the levers do; every chance, interval and day is solved again."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from salesdesigner.model.forecast.odds import DRAWS, Estimate, estimate_from_moves


def exits(estimate: Estimate) -> list[tuple[str, str, float]]:
    """(stage, exit, rate now) a manager can move: the exits of the stages in the chain
    towards a stage that can still win, or won, in process order."""
    from salesdesigner.model.actuals.bottleneck import is_won
    from salesdesigner.model.entities import StageKind

    kinds = {s.id: StageKind(s.kind) for s in estimate.process.stages}
    out = []
    for sid in estimate.chain.live:
        for to, rate in estimate.rows[sid].items():
            if is_won(kinds, to) or to in estimate.chain.index:
                out.append((sid, to, rate))
    return out


def with_rate(estimate: Estimate, stage_id: str, to: str, rate: float, *,
              draws: int = DRAWS // 4) -> Estimate:
    """``estimate`` with ``stage_id``'s step to ``to`` at ``rate`` (0..1): the posterior
    means of that row rescaled, as strong as before (its Dirichlet total kept)."""
    rate = min(1.0, max(0.0, rate))
    alpha = {sid: dict(row) for sid, row in estimate.alpha.items()}
    row = alpha[stage_id]
    total = sum(row.values())
    now = row.get(to, 0.0) / total
    others = 1.0 - now
    new: dict[str, float] = {}
    for e, a in row.items():
        share = a / total
        if e == to:
            new[e] = rate * total
        elif others > 0:
            new[e] = share * (1.0 - rate) / others * total
    if to not in new:
        new[to] = rate * total
    if others <= 0 and rate < 1.0:
        new[""] = (1.0 - rate) * total  # nothing else to give it to: lost here
    alpha[stage_id] = {e: v for e, v in new.items() if v > 0}
    return _from_alpha(estimate, alpha, draws)


def _from_alpha(base: Estimate, alpha: dict[str, dict[str, float]], draws: int) -> Estimate:
    """An estimate whose Dirichlet parameters are ``alpha`` exactly (no prior added again:
    they hold it already)."""
    stays: dict[str, Any] = dict(base.days)
    found = estimate_from_moves(base.process, alpha, stays, prior_strength=0.0, draws=draws,
                                level=base.level)
    stages = tuple(replace(s, observed=base.odds(s.stage_id).observed,
                           prior=base.odds(s.stage_id).prior) for s in found.stages)
    return replace(found, stages=stages, prior_strength=base.prior_strength, _by_id={})
