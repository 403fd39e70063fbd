"""What the process *means* to happen, as a weak prior on each stage's exits.

A stage's **exits** are where a deal can go from it in one recorded move: the stages its
arrows reach, passing through decisions (a CRM records no decision: prop → "agreed?" → won
is the move prop → won), plus ``""``, "closed lost here" (a deal can be dropped anywhere).
The prior mean of each exit comes from the stage's KPI targets:

* a **conversion** KPI with ``measure_to`` T sets the mean of exit T to its target (30 % →
  0.3); one with no ``measure_to`` ("to any won stage") sets the total of the exits that
  reach a won stage directly (split between them by the arrows' default shares);
* what the targets leave over (1 − their sum) goes to the exits without a target, in
  proportion to their default shares — each arrow of a stage or decision an even share,
  multiplied along a way through decisions (a decision's own conversion targets split it
  first, by the same rule); with no exit left without a target it goes to ``""`` (lost);
* targets adding up to more than 1 are scaled down to 1; a stage with no arrow and no
  target is lost for sure.

Win rate, entries, days and amounts are outcomes of the whole path, not exit rates: they
set no prior.  The prior has a **strength** κ (default :data:`PRIOR_STRENGTH` = 2 deals):
the posterior of a stage's exit rates is Dirichlet(κ·mean + observed moves), so with no
data the targets' chain answers, and with 2 deals seen the data weighs as much as the
targets, with 98 as 98 %.
"""

from __future__ import annotations

from salesdesigner.model.actuals.kpis import is_percent
from salesdesigner.model.entities import Measure, Stage, StageKind
from salesdesigner.model.process import Process

#: pseudo-deals the targets are worth at each stage (see the module doc)
PRIOR_STRENGTH = 2.0
LOST_HERE = ""  # the exit "closed lost while in this stage" (as observed_moves names it)


def _targets(stage: Stage) -> dict[str, float]:
    """Exit → target rate (0..1) from the stage's conversion KPIs ("" key: to won)."""
    out: dict[str, float] = {}
    for kpi in stage.kpis:
        if kpi.measure is None or Measure(kpi.measure) is not Measure.CONVERSION \
                or kpi.target is None:
            continue
        rate = kpi.target / 100.0 if is_percent(kpi) else kpi.target
        key = kpi.measure_to if kpi.measure_to and kpi.measure_to != stage.id else "*won"
        out[key] = min(1.0, max(0.0, rate))
    return out


def _apply(shares: dict[str, float], targets: dict[str, float],
           won: set[str]) -> dict[str, float]:
    """Default ``shares`` (exit → weight) with ``targets`` set and the rest spread."""
    fixed: dict[str, float] = {}
    for key, rate in targets.items():
        if key == "*won":
            to_won = [e for e in shares if e in won and e not in targets]
            weight = sum(shares[e] for e in to_won)
            for e in to_won:
                fixed[e] = fixed.get(e, 0.0) + rate * (shares[e] / weight if weight else
                                                       1.0 / len(to_won))
        elif key in shares:
            fixed[key] = rate
    total = sum(fixed.values())
    if total > 1.0:
        fixed = {e: v / total for e, v in fixed.items()}
        total = 1.0
    free = {e: w for e, w in shares.items() if e not in fixed and w > 0}
    rest = 1.0 - total
    out = dict(fixed)
    weight = sum(free.values())
    if rest > 1e-12:
        if weight > 0:
            for e, w in free.items():
                out[e] = out.get(e, 0.0) + rest * w / weight
        else:
            out[LOST_HERE] = out.get(LOST_HERE, 0.0) + rest
    return {e: v for e, v in out.items() if v > 0}


def _expanded(process: Process, stage_id: str, seen: frozenset[str]) -> dict[str, float]:
    """Where one deal at ``stage_id`` goes by default: even shares per arrow, decisions
    passed through (split by their own targets), ``""`` when there is no arrow."""
    shares: dict[str, float] = {}
    arrows = process.outgoing(stage_id)
    for arrow in arrows:
        shares[arrow.target] = shares.get(arrow.target, 0.0) + 1.0 / len(arrows)
    if not shares:
        return {LOST_HERE: 1.0}
    out: dict[str, float] = {}
    for target, share in shares.items():
        kind = StageKind(process.stage(target).kind)
        if kind is StageKind.DECISION and target not in seen:
            inner = _expanded(process, target, seen | {target})
            inner = _apply(inner, _targets(process.stage(target)), _won_exits(process, inner))
            for e, v in inner.items():
                out[e] = out.get(e, 0.0) + share * v
        elif kind is StageKind.DECISION:
            out[LOST_HERE] = out.get(LOST_HERE, 0.0) + share  # decisions in a ring: no way on
        else:
            out[target] = out.get(target, 0.0) + share
    return out


def _won_exits(process: Process, exits: dict[str, float]) -> set[str]:
    return {e for e in exits if e and StageKind(process.stage(e).kind) is StageKind.WON}


def prior_means(process: Process, stage_id: str) -> dict[str, float]:
    """Exit → prior mean step probability for a deal at ``stage_id`` (sums to 1; see the
    module doc)."""
    shares = _expanded(process, stage_id, frozenset({stage_id}))
    return _apply(shares, _targets(process.stage(stage_id)), _won_exits(process, shares))


def all_prior_means(process: Process) -> dict[str, dict[str, float]]:
    """:func:`prior_means` of every transient stage, in process order."""
    return {s.id: prior_means(process, s.id) for s in process.stages
            if not StageKind(s.kind).is_terminal}
