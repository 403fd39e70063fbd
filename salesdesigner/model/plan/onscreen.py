"""What the app shows of the plan: the goal the manager last set (Process ▸ Plan…, the
what-if panel, the manual's plan page), and the plan again with the what-if panel's rate
— the deals that must enter each stage and take each arrow, as the canvas overlay
writes them on the cards and arrows (Qt-free).

The goal is session state of a window, not part of the document: a plan is a question
asked of the process, like the what-if rate, and asking it changes nothing to undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.entities import StageKind
from salesdesigner.model.plan.backcalc import Plan, back_calculate
from salesdesigner.model.process import Process

#: (stage id, exit — a stage id or bottleneck.WON —, rate 0..1): the what-if's change
Change = tuple[str, str, float]


@dataclass(frozen=True)
class PlanGoal:
    """The plan's inputs: the goal as won deals or as revenue (with a deal size, None:
    the actuals' average), where the rates come from, the arrows' rates set by hand."""

    won: float | None = 10.0
    goal: float | None = None
    deal_size: float | None = None
    source: str = "targets"
    overrides: tuple[tuple[tuple[str, str], float], ...] = field(default=())

    @property
    def revenue(self) -> bool:
        return self.goal is not None

    def plan(self, process: Process, events: Iterable[DealEvent] | None = None,
             change: Change | None = None,
             keep: Mapping[tuple[str, str], float] | None = None) -> Plan:
        """The plan for this goal, with ``change``'s arrow (if the diagram has one for it)
        at the what-if rate and the arrows in ``keep`` at those rates; PlanInputError
        (one line) when it cannot be planned."""
        overrides = dict(self.overrides)
        arrow = arrow_for(process, change) if change is not None else None
        if arrow is not None and change is not None:
            kept = {a: r for a, r in (keep or {}).items() if a[0] != arrow[0]}
            overrides = {**kept, **overrides, arrow: min(1.0, max(0.0, change[2]))}
        return back_calculate(process, won=None if self.revenue else self.won,
                              goal=self.goal, deal_size=self.deal_size if self.revenue
                              else None, source=self.source, overrides=overrides,
                              events=list(events) if events else None)


def arrow_for(process: Process, change: Change) -> tuple[str, str] | None:
    """The drawn arrow (source, target) whose rate is the what-if's: the arrow S→X itself,
    or — X reached through decision nodes only, or "closed as won at S" — the last arrow
    of that way, when every earlier arrow on it is its stage's only exit (then the
    decision's share is S's share, as the plan reads a conversion target).  None: the
    diagram has no such way (a move nobody drew), so the plan cannot follow it."""
    from salesdesigner.model.actuals.bottleneck import WON
    from salesdesigner.model.plan.rates import _sole_way, _way

    source, target = change[0], change[1]
    if not process.has_stage(source):
        return None
    if process.has_stage(target) and process.transition_between(source, target) is not None:
        return source, target
    if target == WON:
        way = _way(process, source, lambda s: process.stage(s).kind is StageKind.WON)
    elif process.has_stage(target):
        way = _way(process, source, lambda s: s == target)
    else:
        return None
    if not way or not _sole_way(process, way):
        return None
    last = process.transition(way[-1])
    return last.source, last.target


@dataclass(frozen=True)
class PlanMarks:
    """The plan as the overlay draws it: expected entries per stage and deals per arrow
    (transition id) in the period."""

    stages: Mapping[str, float]
    arrows: Mapping[str, float]
    won: float
    entries: float
    rates: Mapping[tuple[str, str], float] = field(default_factory=dict)  # followed arrows


def marks(plan: Plan) -> PlanMarks:
    """Every stage the plan needs deals in (decisions route, they are no one's work:
    left out) and every followed arrow with deals on it."""
    stages = {s.stage_id: s.entries for s in plan.stages
              if StageKind(s.kind) is not StageKind.DECISION
              and (s.entries > 0 or StageKind(s.kind) is StageKind.WON)}
    arrows = {a.rate.transition_id: a.deals for a in plan.arrows
              if a.rate.how != "closed" and a.deals > 0}
    rates = {(a.rate.source, a.rate.target): a.rate.rate for a in plan.arrows
             if a.rate.how != "closed"}
    return PlanMarks(stages, arrows, plan.won, plan.entries, rates)




@dataclass(frozen=True)
class PlanView:
    """The plan the overlay shows: for ``goal`` with the data's rates (``base``) and with
    the what-if rate (``now``; ``base`` without one), or why it cannot be planned."""

    goal: PlanGoal
    base: PlanMarks | None
    now: PlanMarks | None
    error: str = ""
    followed: bool = True      # False: the what-if moves a step the plan has no arrow for
    change: Change | None = None


def plan_view(process: Process, goal: PlanGoal, events: Iterable[DealEvent] | None,
              change: Change | None = None, base: PlanMarks | None = None) -> PlanView:
    """The plan of ``goal`` without and with ``change`` (``base`` reused when given: a
    drag of the what-if slider solves one plan per move, not two).  With the change every
    other stage's arrows keep the rates of the plan without it: a rate fitted to a win-
    rate target upstream (proposal wins 35 %) would otherwise give back what the dragged
    rate adds, and the what-if asks "this rate, everything else as planned"."""
    from salesdesigner.model.errors import UserError

    events = list(events) if events else None
    try:
        if base is None:
            base = marks(goal.plan(process, events))
        arrow = arrow_for(process, change) if change is not None else None
        if arrow is None:
            return PlanView(goal, base, base, followed=change is None, change=change)
        return PlanView(goal, base, marks(goal.plan(process, events, change, base.rates)),
                        change=change)
    except UserError as exc:
        return PlanView(goal, base, None, str(exc), change=change)


__all__ = ["Change", "PlanGoal", "PlanMarks", "PlanView", "arrow_for", "marks", "plan_view"]
