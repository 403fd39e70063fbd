"""Win-rate targets solved exactly through the absorbing chain, loops included.

A win rate is not one arrow's rate: it is the probability that a deal at the stage ends
won, however it gets there — round a nurture loop, back to an earlier stage, through a
decision.  Fixing every such target at once turns the chain inside out: with each targeted
stage's chance pinned at its target ``τ``, every other stage's chance is the solution of
one linear system (the chain's ``(I − Q) w = b``, the targeted stages acting as absorbing
states worth ``τ`` — :meth:`~salesdesigner.model.actuals.bottleneck.Chain.solve`, the one
solver).  Then each targeted stage's own row is a single linear equation in one unknown:

    τ = Σ_fixed rate·w(T)  +  c · Σ_free rate·w(T)        →   c = (τ − fixed) ÷ free

The rule that makes it one unknown (the free part): the stage's arrows that a manager
override or a conversion target set stay as they are; its other ways that can lead to won
(the arrow the win rate itself set, what is left, an even split, actual shares) are scaled
together by ``c``, keeping their mix; its other ways that cannot lead to won (to lost) take
what that frees or gives up, in their proportions (none: the stage closes it, lost).  One
free way is exact; with several the mix is an assumption (reported, ``fitted_mix``).

The pinned values and the solved rows satisfy every equation of the new chain, whose
solution is unique, so every fitted stage's chance equals its target — no iteration.  A
target no such ``c`` reaches (more than the ways on can win, or below what the fixed
arrows already give) is only checked; the system is then solved again without it (at most
once per target).  Example, a loop with re-entry: call (win 30 %) → meeting → won 40 %,
back to nurture → call 50 %: ``w = 0.4p / (1 − 0.5p) = 0.3`` gives call → meeting
``p = 6/11``, a deal re-entering call with ``r = 3/11`` and visiting it ``1/(1 − r)``
times.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from salesdesigner.model.entities import StageKind
from salesdesigner.model.plan.rates import ArrowRate, TargetUse
from salesdesigner.model.process import Process

FREE_HOWS = ("rest", "even", "actual")
TOLERANCE = 1e-12
MET = 1e-7              # a win rate within this of its target is met (targets are typed)


def fit_win_rates(process: Process, rates: list[ArrowRate], uses: list[TargetUse],
                  source: str, stage_sources: Mapping[str, str], chain,  # type: ignore[no-untyped-def]
                  ) -> tuple[list[ArrowRate], list[TargetUse], set[str]]:
    """The rates with every reachable win-rate target solved in (see the module doc), the
    uses updated (the arrow each now sets, reason cleared), and the stages whose target
    was reached by scaling several ways at once (the mix assumed).

    ``chain(rates)`` gives the plan's (kinds, steps) for a list of rates."""
    by_id = {r.transition_id: r for r in rates}
    pending: dict[str, int] = {}
    for n, use in enumerate(uses):
        sid = use.stage_id
        exits = [by_id[t.id] for t in process.outgoing(sid)]
        if (use.measure == "win_rate" and use.reason in ("", "outcome") and sid not in pending
                and stage_sources.get(sid, source) == "targets"
                and process.stage(sid).kind is StageKind.STAGE
                and not any(r.how == "override" for r in exits)
                and any(_free(r, use) for r in exits)):
            pending[sid] = n
    candidates = dict(pending)
    while pending:
        kinds, steps = chain(list(by_id.values()))
        values = _pinned_values(kinds, steps, {sid: uses[n].target for sid, n in pending.items()})
        solved: dict[str, float] = {}
        for sid, n in pending.items():
            c = _scale(process, by_id, sid, uses[n], values)
            if c is not None:
                solved[sid] = c
        if len(solved) == len(pending):
            break
        pending = {sid: n for sid, n in pending.items() if sid in solved}
    uses = list(uses)
    for sid, n in candidates.items():
        if sid not in pending:      # no rate reaches it: checked, even if it set an arrow
            uses[n] = replace(uses[n], transition_id="", reason="outcome")
    mixed: set[str] = set()
    for sid, n in pending.items():
        use = uses[n]
        c = solved[sid]
        changed = _apply(process, by_id, sid, use, values, c)
        positive = [r for r in changed if values.get(r.target, 0.0) > 0]
        if sum(1 for r in positive if r.rate > 0) > 1:
            mixed.add(sid)
        if not use.transition_id or use.reason:
            first = next((r for r in positive if r.rate > 0), None)
            uses[n] = replace(use, transition_id=first.transition_id if first else "",
                              reason="" if first else use.reason)
    return [by_id[r.transition_id] for r in rates], uses, mixed


def checked_only(uses: list[TargetUse], chances: Mapping[str, float]) -> list[TargetUse]:
    """The uses with every win rate the plan's chance does not meet marked "outcome" (only
    checked), whatever arrow it set: its arrow may be overridden, or set by another KPI,
    or no rate reaches it — the plan never says it used a target it does not meet."""
    return [replace(u, transition_id="", reason="outcome")
            if u.measure == "win_rate" and not u.reason
            and abs(chances.get(u.stage_id, 0.0) - u.target) > MET else u for u in uses]


def _free(rate: ArrowRate, use: TargetUse) -> bool:
    """Whether the win-rate target may move this arrow: rule 3's rates, or the arrow the
    win rate itself set (a conversion target or an override stays)."""
    return rate.how in FREE_HOWS or (rate.how == "target" and rate.transition_id
                                     == use.transition_id and rate.kpi == use.name)


def _pinned_values(kinds: dict[str, StageKind], steps: dict[str, dict[str, float]],
                   pinned: Mapping[str, float]) -> dict[str, float]:
    """Every stage's chance to win with the ``pinned`` stages held at their values: one
    solve of the shared chain (the pinned stages absorb, worth their value)."""
    import numpy as np

    from salesdesigner.model.actuals.bottleneck import build_chain, is_won

    inside = {sid: (StageKind.WON if sid in pinned else kind) for sid, kind in kinds.items()}
    rows = {sid: {t: p for t, p in row.items() if p > 0} | {"": max(0.0, 1 - sum(row.values()))}
            for sid, row in steps.items() if sid not in pinned}
    chain = build_chain(inside, rows)
    worth = {sid: 1.0 for sid, kind in kinds.items() if kind is StageKind.WON} | dict(pinned)
    b = np.zeros(len(chain.live))
    for i, sid in enumerate(chain.live):
        row = rows.get(sid, {})
        total = sum(row.values())
        for nxt, p in row.items():
            if nxt and is_won(inside, nxt):
                b[i] += p / total * worth.get(nxt, 1.0)
    values = {sid: (1.0 if kind is StageKind.WON else 0.0) for sid, kind in kinds.items()}
    values.update(pinned)
    for sid, x in zip(chain.live, chain.solve(b).tolist(), strict=True):
        values[sid] = float(min(1.0, max(0.0, x)))
    return values


def _parts(process: Process, by_id: Mapping[str, ArrowRate], sid: str, use: TargetUse,
           values: Mapping[str, float]):  # type: ignore[no-untyped-def]
    """S's arrows as (fixed, free ways to won, free ways that cannot win)."""
    exits = [by_id[t.id] for t in process.outgoing(sid)]
    fixed = [r for r in exits if not _free(r, use)]
    free = [r for r in exits if _free(r, use)]
    return (fixed, [r for r in free if values.get(r.target, 0.0) > 0],
            [r for r in free if values.get(r.target, 0.0) <= 0])


def _scale(process: Process, by_id: Mapping[str, ArrowRate], sid: str, use: TargetUse,
           values: Mapping[str, float]) -> float | None:
    """The factor ``c`` on S's free ways to won that gives its target; None when none
    does (no such way, below what the fixed arrows give, or more than S can send on)."""
    fixed, positive, _ = _parts(process, by_id, sid, use, values)
    fixed_w = sum(r.rate * values.get(r.target, 0.0) for r in fixed)
    free_w = sum(r.rate * values[r.target] for r in positive)
    if free_w <= 0:
        return None
    c = (use.target - fixed_w) / free_w
    room = 1.0 - sum(r.rate for r in fixed) - c * sum(r.rate for r in positive)
    if c < -TOLERANCE or room < -1e-7:   # a target typed to a few decimals: rounding
        return None
    return max(0.0, c)


def _apply(process: Process, by_id: dict[str, ArrowRate], sid: str, use: TargetUse,
           values: Mapping[str, float], c: float) -> list[ArrowRate]:
    """Scale S's free ways to won by ``c``; its free ways to lost take the difference.
    Returns S's free arrows as they now are (unchanged when ``c`` is 1)."""
    fixed, positive, zero = _parts(process, by_id, sid, use, values)
    if abs(c - 1.0) <= TOLERANCE:
        return positive + zero
    moved = sum(r.rate for r in positive) * (1.0 - c)     # what the ways to won give up
    lost = sum(r.rate for r in zero)
    share = max(0.0, lost + moved) / lost if lost > 0 else 0.0
    room = max(0.0, 1.0 - sum(r.rate for r in fixed))
    out = []
    for r, rate in [*((r, r.rate * c) for r in positive), *((r, r.rate * share) for r in zero)]:
        new = replace(r, rate=min(room, rate), how="target", kpi=use.name, basis=0)
        by_id[r.transition_id] = new
        out.append(new)
    return out
