"""What the performance overlay and the dashboard show, worked out from an analysis without
Qt: each stage's standing against its targets, the deals each drawn arrow carried, the
flows nobody drew, the funnel in the team's own order, and the period a manager looks at
first.  The canvas and the dock only draw these values (tests pin them by hand).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salesdesigner.model.actuals.analysis import Analysis
from salesdesigner.model.actuals.kpis import KpiActual
from salesdesigner.model.actuals.periods import Period
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process

#: An unmet KPI within this share of its target is "near" (amber), beyond it "missed".
NEAR = 0.10

MET, NEAR_MISS, MISSED, UNMEASURED = "met", "near", "missed", "none"
STATUSES = (MET, NEAR_MISS, MISSED, UNMEASURED)


@dataclass(frozen=True)
class StageMark:
    """One stage as the overlay shows it: its standing and the numbers on its card."""

    stage_id: str
    status: str                       # one of STATUSES
    reached: int
    kpis: tuple[KpiActual, ...]       # the stage's KPIs, in the stage's order
    bottleneck: bool = False
    stalled: int = 0


@dataclass(frozen=True)
class GhostFlow:
    """Deals moved from ``source`` to ``target`` and no arrow (or way through decisions)
    is drawn there: the overlay draws it dashed."""

    source: str
    target: str
    deals: int
    moves: int


@dataclass(frozen=True)
class Overlay:
    stages: dict[str, StageMark]
    arrows: dict[str, int]            # transition id -> deals that took it
    ghosts: tuple[GhostFlow, ...]
    most: int                         # the largest flow (arrows and ghosts): width scale

    def width(self, deals: int) -> float:
        return flow_width(deals, self.most)


#: the widest arrow (pixels at 100 %) and the thinnest a flow with deals is drawn
MAX_WIDTH = 14.0
MIN_WIDTH = 1.0


def flow_width(deals: int, most: int) -> float:
    """Pen width for ``deals`` when the biggest flow has ``most``: in proportion
    (``MAX_WIDTH × deals / most``), never thinner than :data:`MIN_WIDTH` so a small
    flow stays visible."""
    if most <= 0 or deals <= 0:
        return MIN_WIDTH
    return max(MIN_WIDTH, MAX_WIDTH * deals / most)


def kpi_status(k: KpiActual) -> str:
    """"met", "near" (unmet by at most :data:`NEAR` of the target), "missed", or "none"
    when the KPI has no target or no actual."""
    met = k.met
    if met is None:
        return UNMEASURED
    if met:
        return MET
    target = abs(k.target or 0.0)
    if target and k.shortfall <= NEAR * target * (1 + 1e-9):  # 7.7 vs 7: float noise
        return NEAR_MISS
    return MISSED


def stage_status(kpis: tuple[KpiActual, ...] | list[KpiActual]) -> str:
    """The worst standing of the stage's measured KPIs; "none" when none is measured."""
    found = {kpi_status(k) for k in kpis} - {UNMEASURED}
    for status in (MISSED, NEAR_MISS, MET):
        if status in found:
            return status
    return UNMEASURED


def arrows_of(process: Process, source: str, target: str) -> list[str]:
    """The drawn arrows a move from ``source`` to ``target`` takes: the arrow between
    them, or the shortest way through decision stages only (a CRM records no decisions);
    empty when the flow is not designed."""
    direct = process.transition_between(source, target)
    if direct is not None:
        return [direct.id]
    # breadth first from source, stepping only onto decisions, until target
    paths: dict[str, list[str]] = {}
    frontier: list[tuple[str, list[str]]] = []
    for t in process.outgoing(source):
        if StageKind(process.stage(t.target).kind) is StageKind.DECISION:
            frontier.append((t.target, [t.id]))
    while frontier:
        nxt: list[tuple[str, list[str]]] = []
        for node, path in frontier:
            if node in paths:
                continue
            paths[node] = path
            for t in process.outgoing(node):
                if t.target == target:
                    return [*path, t.id]
                if (StageKind(process.stage(t.target).kind) is StageKind.DECISION
                        and t.target not in paths):
                    nxt.append((t.target, [*path, t.id]))
        frontier = nxt
    return []


def overlay(process: Process, analysis: Analysis) -> Overlay:
    """The overlay's values for ``analysis`` of ``process`` (deals per arrow add up the
    flows that pass along it; a flow through a decision counts on each of its arrows)."""
    bottleneck = analysis.bottleneck.stage_id if analysis.bottleneck is not None else None
    per_stage: dict[str, list[KpiActual]] = {}
    for k in analysis.kpis:
        per_stage.setdefault(k.stage_id, []).append(k)
    stages = {}
    for s in analysis.stages:
        kpis = tuple(per_stage.get(s.stage_id, ()))
        stages[s.stage_id] = StageMark(s.stage_id, stage_status(kpis), s.reached, kpis,
                                       s.stage_id == bottleneck, s.stalled)
    arrows: dict[str, int] = {t.id: 0 for t in process.transitions}
    ghosts = []
    for f in analysis.transitions:
        if not (process.has_stage(f.source) and process.has_stage(f.target)):
            continue
        way = arrows_of(process, f.source, f.target)
        if not way:
            ghosts.append(GhostFlow(f.source, f.target, f.deals, f.moves))
        for tid in way:
            arrows[tid] = arrows.get(tid, 0) + f.deals
    most = max([*arrows.values(), *(g.deals for g in ghosts), 0])
    return Overlay(stages, arrows, tuple(ghosts), most)


def funnel_order(process: Process) -> list[str]:
    """The stages a funnel shows, in the team's own process order (the graph's, loops
    cut): starts and working stages, then the won stages; decisions, lost and end stages
    are not steps a deal stands in, nor are the stages after a win (onboarding)."""
    import networkx as nx

    from salesdesigner.model.ordering import acyclic_view, process_order

    order = process_order(process)
    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    won = [sid for sid in order if kinds[sid] is StageKind.WON]
    # what follows a won deal (order processing, after-sales) is not a step to the sale
    dag = acyclic_view(process)
    after: set[str] = set()
    for sid in won:
        after |= nx.descendants(dag, sid)
    steps = [sid for sid in order
             if kinds[sid] in (StageKind.START, StageKind.STAGE) and sid not in after]
    return steps + won


def latest_full_month(first: datetime | None, last: datetime | None) -> Period | None:
    """The period a manager reviews first: the last calendar month that ended before the
    data's latest event (the month before it), or the data's only month."""
    if first is None or last is None:
        return None
    year, month = (last.year - 1, 12) if last.month == 1 else (last.year, last.month - 1)
    if (year, month) < (first.year, first.month):
        return Period.month(last.year, last.month)
    return Period.month(year, month)


def recent_weeks(first: datetime | None, last: datetime | None,
                 limit: int = 26) -> list[Period]:
    """The ISO weeks of the data, latest first (at most ``limit``)."""
    if first is None or last is None:
        return []
    out: list[Period] = []
    year, week, _ = last.isocalendar()
    while len(out) < limit:
        p = Period.iso_week(year, week)
        if p.end <= first:
            break
        out.append(p)
        prev = p.start.toordinal() - 7
        year, week, _ = datetime.fromordinal(prev).isocalendar()
    return out


__all__ = ["MET", "MISSED", "NEAR_MISS", "STATUSES", "UNMEASURED", "GhostFlow", "Overlay",
           "StageMark", "arrows_of", "flow_width", "funnel_order", "kpi_status",
           "latest_full_month", "overlay", "recent_weeks", "stage_status"]
