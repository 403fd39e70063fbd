"""Back-calculation (逆算): from a period's goal back through the process graph to the deals
that must enter it and the entries every stage and arrow needs.

The goal is a number of won deals, or revenue ÷ the average deal size (typed, or the
average amount of the won deals in the history — from at least :data:`MIN_WON_FOR_SIZE`
of them, so that it never is one deal's amount).  Each arrow gets a rate
(:mod:`.rates`); the process is then an absorbing Markov chain — won, lost and end stages
absorb, and what a stage's rates leave short of 1 closes there, lost — and the expected
entries of every stage come from one linear solve
(:func:`~salesdesigner.model.actuals.bottleneck.expected_visits`, ``v = entry · (I − Q)⁻¹``).
Loops count every pass: a deal that goes round a nurture loop twice enters its stages
twice, which is the work the team does.  Deals enter at the start points (shared evenly
between several); the entries needed are ``won ÷ (chance of a deal entering to be won)``.

Per rep: with a head count per lane and the period's working days, each stage's entries
÷ (heads × days) is what one person handles a day in that stage ("12 calls a day each";
stages only: a start point, a decision or an end is no one's work).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.entities import StageKind
from salesdesigner.model.plan.assumptions import Assumption, find_assumptions
from salesdesigner.model.plan.rates import (
    ArrowRate,
    PlanInputError,
    TargetUse,
    choose_rates,
)
from salesdesigner.model.process import Process

MIN_WON_FOR_SIZE = 3   # won deals with an amount needed to take the deal size from actuals
MAX_ENTRIES = 1e15     # a plan needing more deals than this is no plan (and floats overflow)


@dataclass(frozen=True)
class StagePlan:
    stage_id: str
    name: str
    kind: str
    lane: str                       # lane id ("" without one)
    entries: float                  # expected entries in the period (every pass of a loop)
    dropped: float                  # of them, closed here without taking an arrow
    win_chance: float               # the plan's chance that a deal here is won
    per_person_day: float | None    # entries ÷ (the lane's heads × working days)


@dataclass(frozen=True)
class ArrowPlan:
    rate: ArrowRate
    deals: float                    # expected moves along the arrow in the period


@dataclass(frozen=True)
class Plan:
    process_name: str
    language: str
    currency: str
    won: float                      # won deals the goal needs
    goal_amount: float | None
    deal_size: float | None
    deal_size_from: str             # "typed" | "actuals" | "" (goal given as won deals)
    source: str                     # "targets" | "actual": what the rates came from first
    entries: float                  # deals that must enter the process
    entry_stages: tuple[str, ...]
    win_chance: float               # won ÷ entries
    stages: tuple[StagePlan, ...]
    arrows: tuple[ArrowPlan, ...]
    targets: tuple[TargetUse, ...]
    undrawn: Mapping[str, int]      # stage → observed moves the diagram has no way for
    working_days: float | None
    heads: Mapping[str, float]      # lane id → people
    has_history: bool
    assumptions: tuple[Assumption, ...] = ()   # what the plan had to assume (.assumptions)

    def stage(self, stage_id: str) -> StagePlan:
        return next(s for s in self.stages if s.stage_id == stage_id)

    def arrow(self, source: str, target: str) -> ArrowPlan:
        return next(a for a in self.arrows
                    if a.rate.source == source and a.rate.target == target)


def _positive(value: float | None, what: str) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or value <= 0:
        raise PlanInputError(f"{what} must be a positive number, not {value:g}.")
    return float(value)


def back_calculate(process: Process, *, won: float | None = None, goal: float | None = None,
                   deal_size: float | None = None, source: str = "targets",
                   stage_sources: Mapping[str, str] | None = None,
                   overrides: Mapping[tuple[str, str], float] | None = None,
                   events: Iterable[DealEvent] | None = None,
                   heads: Mapping[str, float] | None = None,
                   working_days: float | None = None) -> Plan:
    """The plan for ``won`` deals, or for revenue ``goal`` at ``deal_size`` (None: the
    actuals' average won amount); rates as :func:`.rates.choose_rates` chooses them from
    ``source`` / ``stage_sources`` / ``overrides`` and the deal history ``events``.
    PlanInputError (one line) for input the plan cannot work with."""
    if (won is None) == (goal is None):
        raise PlanInputError("give the goal either as revenue or as a number of won deals.")
    won, goal = _positive(won, "the number of won deals"), _positive(goal, "the goal")
    deal_size = _positive(deal_size, "the deal size")
    working_days = _positive(working_days, "the working days")
    heads = dict(heads or {})
    for lane_id, n in heads.items():
        if not process.has_lane(lane_id):
            raise PlanInputError(f"there is no lane with id {lane_id[:40]!r}.")
        _positive(n, "a head count")
    if heads and working_days is None:
        raise PlanInputError("a head count needs the period's working days.")
    history = _history(process, events)
    uses_actual = source == "actual" or "actual" in (stage_sources or {}).values()
    if uses_actual and history is None:
        raise PlanInputError("actual rates need deal history: import a CRM export first.")
    size_from = ""
    if goal is not None:
        size_from = "typed"
        if deal_size is None:
            deal_size, size_from = _size_from(history), "actuals"
        won = goal / deal_size
    assert won is not None
    moves = None
    if history is not None:
        from salesdesigner.model.actuals.quiet import settled_moves
        moves = settled_moves(history)  # deals gone quiet count as lost, as everywhere
    rates, uses, undrawn = choose_rates(process, source=source, stage_sources=stage_sources,
                                        overrides=overrides, moves=moves)
    entry = _entry_stages(process)
    from salesdesigner.model.actuals.bottleneck import expected_visits
    from salesdesigner.model.plan.winfit import checked_only, fit_win_rates
    before = rates
    rates, uses, mixed = fit_win_rates(process, rates, uses, source, stage_sources or {},
                                       lambda rs: _chain(process, rs))
    kinds, steps = _chain(process, rates)
    try:
        unit = expected_visits(kinds, steps, {sid: 1 / len(entry) for sid in entry})
    except ValueError as exc:
        raise PlanInputError(f"with these rates {exc} (a loop with every rate 1): "
                             "lower a rate on it.") from None
    won_stages = [s.id for s in process.stages if s.kind is StageKind.WON]
    chance = sum(unit.get(sid, 0.0) for sid in won_stages)
    if chance <= 0:
        if not _reaches_won(process, entry):
            raise PlanInputError("no path leads from the start to a won stage, so no goal "
                                 "can be planned: draw the arrows to a won stage.")
        raise PlanInputError("with these rates no deal is ever won (a rate of 0 on every "
                             "way to a won stage).")
    scale = won / chance
    if not scale <= MAX_ENTRIES:
        raise PlanInputError("with these rates almost no deal is won (the goal would need "
                             "more than 10^15 deals): raise a rate on the way to won.")
    wins = _chances(kinds, steps)
    uses = checked_only(uses, wins)
    stages = []
    for stage in process.stages:
        sid = stage.id
        entries = unit.get(sid, 0.0) * scale
        leave = sum(steps.get(sid, {}).values())
        transient = not kinds[sid].is_terminal
        lane = stage.lane or ""
        per = None
        if working_days and lane in heads and stage.kind is StageKind.STAGE:
            per = entries / (heads[lane] * working_days)
        stages.append(StagePlan(sid, stage.name, StageKind(stage.kind).value, lane, entries,
                                entries * max(0.0, 1 - leave) if transient else 0.0,
                                1.0 if stage.kind is StageKind.WON else wins.get(sid, 0.0),
                                per))
    visits = {s.stage_id: s.entries for s in stages}
    arrows = tuple(ArrowPlan(r, visits[r.source] * r.rate
                             if not kinds[r.source].is_terminal else 0.0) for r in rates)
    final = {a.rate.transition_id: a.rate for a in arrows}
    assumed = find_assumptions(process, before, final, mixed, visits)
    return Plan(process.name, process.language, process.currency, won, goal, deal_size,
                size_from, source, won / chance, tuple(entry), chance,
                tuple(stages), arrows, tuple(uses), dict(undrawn), working_days, heads,
                history is not None, assumed)


def _chances(kinds: dict[str, StageKind], steps: dict[str, dict[str, float]],
             ) -> dict[str, float]:
    """Each stage's chance to be won under the plan's rates (the analysis's solver, the
    rates as move shares and what they leave short of 1 as closing lost)."""
    from salesdesigner.model.actuals.bottleneck import chances_from_moves
    return chances_from_moves(kinds, {sid: {t: p for t, p in row.items() if p > 0}
                                      | {"": max(0.0, 1 - sum(row.values()))}
                                      for sid, row in steps.items()})


def _history(process: Process, events: Iterable[DealEvent] | None):  # type: ignore[no-untyped-def]
    if events is None:
        return None
    events = list(events)
    if not events:
        return None
    from salesdesigner.model.actuals.history import build_history
    history = build_history(process, events)
    return history if len(history.deal_ids) else None


def _size_from(history) -> float:  # type: ignore[no-untyped-def]
    """The won deals' average amount, from at least MIN_WON_FOR_SIZE of them."""
    need = (f"a revenue goal needs the average deal size: give it (--deal-size), or import "
            f"deal history with at least {MIN_WON_FOR_SIZE} won deals that carry an amount")
    if history is None:
        raise PlanInputError(need + ".")
    from salesdesigner.model.actuals.bottleneck import average_won_amount
    from salesdesigner.model.actuals.history import WON
    known = int(((history.d_outcome == WON) & history.d_has_amount).sum())
    size = average_won_amount(history)
    if known < MIN_WON_FOR_SIZE or size is None or size <= 0:
        raise PlanInputError(need + f" (the history has {known}).")
    return size


def _entry_stages(process: Process) -> list[str]:
    """Where deals enter: the start points, else the stages no arrow leads into."""
    starts = process.start_stages()
    if starts:
        return starts
    fed = {t.target for t in process.transitions}
    firsts = [s.id for s in process.stages
              if not StageKind(s.kind).is_terminal and s.id not in fed]
    if not firsts:
        raise PlanInputError("the process has no start point (and every stage has an arrow "
                             "into it), so there is nowhere for deals to enter.")
    return firsts


def _chain(process: Process, rates: list[ArrowRate],
           ) -> tuple[dict[str, StageKind], dict[str, dict[str, float]]]:
    """The absorbing chain's kinds and steps: a lost or end stage with a re-approach rate
    is a stage deals pass through (the rest of its deals close there)."""
    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    steps: dict[str, dict[str, float]] = {}
    for r in rates:
        if r.how == "closed":
            continue
        row = steps.setdefault(r.source, {})
        row[r.target] = row.get(r.target, 0.0) + r.rate
        if kinds[r.source] in (StageKind.LOST, StageKind.END) and r.rate > 0:
            kinds[r.source] = StageKind.STAGE
    return kinds, steps


def _reaches_won(process: Process, entry: list[str]) -> bool:
    todo, seen = list(entry), set(entry)
    while todo:
        sid = todo.pop()
        if process.stage(sid).kind is StageKind.WON:
            return True
        for nxt in process.successors(sid):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False
