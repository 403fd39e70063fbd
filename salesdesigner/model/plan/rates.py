"""The rate of every arrow a plan works with: where a deal in a stage goes next, and with
what probability.

How each arrow's rate is chosen, first rule that applies:

1. **override** — the manager set it (``rates={"call:meeting": 0.4}``, the CLI's
   ``--rate call:meeting=0.4``).
2. **target** (only when the stage plans with targets, the default) — a KPI of the stage
   with a target that says what it measures:

   * a *conversion* to stage T (``measure_to``) is the probability of the arrow into T: the
     arrow S→T itself, or, when T is reached through decision nodes only (S → "agreed?" →
     T), the decision's arrow into T — provided every earlier arrow on that way is its
     stage's only exit, so that the KPI's share of S's deals is exactly that arrow's share
     of the decision's.  Example: appointment rate 10 % on "call" with ``measure_to`` =
     "meeting" makes call → meeting 0.10.
   * a *win rate* (or a conversion with no ``measure_to``: to any won stage) is used the
     same way when the stage reaches a won stage in that one step.  Either way it is the
     chance that a deal at the stage ends won, however it gets there, so the
     back-calculation then solves it through the chain (:mod:`.winfit`): every win-rate
     target pinned at once, the stage's free ways on scaled by one closed-form factor —
     with one exit S→T and no loop that is ``target ÷ (T's chance to win)`` (proposal wins
     35 %, negotiation 70 % → proposal → negotiation 0.5), with a loop back through S the
     loop's wins count too.  A target no rate can give (more than the ways on can win, or
     a stage whose exits the manager set) is only *checked*: the plan's own chance to win
     from the stage is shown beside it.
   * Targets are fractions when the KPI is written in percent (30 → 0.30, see
     :func:`~salesdesigner.model.actuals.kpis.is_percent`); a rate outside 0…1, a lower-is-
     better rate, or a KPI naming a stage the way above cannot reach is not used (noted).
3. what is left, ``1 − (rates set by 1 and 2)``, goes to the stage's other arrows:

   * a **stage** with deal history: each other arrow takes its **actual** rate (the share
     of the stage's finished visits that took it, see :func:`arrow_counts`), scaled down
     together if they would exceed what is left; the remainder closes there, lost
     ("drops").  Without history the other arrows share what is left **evenly** (one arrow
     takes it all: "rest").
   * a **decision** routes every deal somewhere, so its other arrows share what is left in
     proportion to their actual rates, or evenly without history.

With ``source="actual"`` rule 2 is skipped: every arrow takes its actual rate unless
overridden.  Arrows out of won, lost and end stages are not followed (those stages close
the deal; a won deal's after-sales path is not part of the goal), except an arrow out of a
lost or end stage with an override: "re-approach after a loss", e.g. ``lost:nurture=0.2``
sends a fifth of the lost deals back into nurturing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from salesdesigner.model.actuals.kpis import is_percent
from salesdesigner.model.entities import Direction, Kpi, Measure, StageKind
from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process

#: How an arrow's rate was chosen (each a catalogue key ``plan.how_<code>``).
HOWS = ("override", "target", "actual", "even", "rest", "closed")
SOURCES = ("targets", "actual")


class PlanInputError(UserError, ValueError):
    """Input the plan cannot work with; the message is one line for the user."""


@dataclass(frozen=True)
class ArrowRate:
    transition_id: str
    source: str
    target: str
    rate: float
    how: str                   # one of HOWS
    kpi: str = ""              # the KPI's name when ``how == "target"``
    basis: int = 0             # finished visits behind an actual rate


@dataclass(frozen=True)
class TargetUse:
    """A rate KPI with a target and what the plan made of it."""

    stage_id: str
    kpi_id: str
    name: str
    measure: str
    target: float              # as a fraction
    transition_id: str         # the arrow it set ("" when it could only be checked)
    reason: str = ""           # why it set no arrow: "not_next" | "outcome" | "range" | "lower"


def parse_override(text: str) -> tuple[str, str, float]:
    """``"call:meeting=0.4"`` → ("call", "meeting", 0.4); PlanInputError otherwise."""
    arrow, sep, value = text.partition("=")
    source, colon, target = arrow.partition(":")
    if not sep or not colon or not source.strip() or not target.strip():
        raise PlanInputError(f"--rate {text[:60]!r} must look like SOURCE:TARGET=P "
                             "(stage ids, P between 0 and 1).")
    try:
        rate = float(value)
    except ValueError:
        raise PlanInputError(f"--rate {text[:60]!r}: {value[:30]!r} is not a number.") from None
    if not 0.0 <= rate <= 1.0:
        raise PlanInputError(f"--rate {text[:60]!r}: a rate is between 0 and 1 "
                             f"(30 % is 0.3), not {value[:30]}.")
    return source.strip(), target.strip(), rate


def check_overrides(process: Process, overrides: Mapping[tuple[str, str], float]) -> None:
    """PlanInputError for an override naming an unknown stage or an arrow the process lacks."""
    for (source, target), rate in overrides.items():
        for sid in (source, target):
            if not process.has_stage(sid):
                raise PlanInputError(f"--rate {source[:40]}:{target[:40]}: there is no stage "
                                     f"with id {sid[:40]!r}.")
        if process.transition_between(source, target) is None:
            raise PlanInputError(f"--rate {source[:40]}:{target[:40]}: the process has no "
                                 "arrow from the one to the other.")
        if not 0.0 <= rate <= 1.0:
            raise PlanInputError(f"--rate {source[:40]}:{target[:40]}: a rate is between 0 "
                                 f"and 1, not {rate:g}.")


def _way(process: Process, source: str, goal) -> list[str] | None:  # type: ignore[no-untyped-def]
    """The arrows (ids) of the shortest way from ``source`` to a stage ``goal(id)`` accepts,
    through decision nodes only; None without one."""
    first = [(t.target, [t.id]) for t in process.outgoing(source)]
    seen = {source}
    queue = list(first)
    while queue:
        node, path = queue.pop(0)
        if goal(node):
            return path
        if node in seen or process.stage(node).kind is not StageKind.DECISION:
            continue
        seen.add(node)
        queue.extend((t.target, [*path, t.id]) for t in process.outgoing(node))
    return None


def _sole_way(process: Process, way: list[str]) -> bool:
    """Whether every arrow before the last is its stage's only exit."""
    return all(len(process.outgoing(process.transition(tid).source)) == 1 for tid in way[:-1])


def target_uses(process: Process) -> list[TargetUse]:
    """Every rate KPI with a target, in process order, with the arrow it sets (rule 2)."""
    out = []
    for stage in process.stages:
        if StageKind(stage.kind).is_terminal:
            continue
        for kpi in stage.kpis:
            use = _use(process, stage.id, kpi)
            if use is not None:
                out.append(use)
    return out


def _use(process: Process, stage_id: str, kpi: Kpi) -> TargetUse | None:
    if kpi.target is None or kpi.measure not in (Measure.CONVERSION, Measure.WIN_RATE):
        return None
    measure = Measure(kpi.measure)
    fraction = kpi.target / 100.0 if is_percent(kpi) else float(kpi.target)
    to_won = measure is Measure.WIN_RATE or not kpi.measure_to

    def use(tid: str = "", reason: str = "") -> TargetUse:
        return TargetUse(stage_id, kpi.id, kpi.name, "win_rate" if to_won else "conversion",
                         fraction, tid, reason)

    if Direction(kpi.direction) is Direction.LOWER:
        return use(reason="lower")
    if not 0.0 <= fraction <= 1.0:
        return use(reason="range")
    if to_won:
        way = _way(process, stage_id, lambda s: process.stage(s).kind is StageKind.WON)
    elif process.has_stage(kpi.measure_to) and kpi.measure_to != stage_id:
        way = _way(process, stage_id, lambda s: s == kpi.measure_to)
    else:
        return use(reason="not_next")
    if way is None or not _sole_way(process, way):
        return use(reason="outcome" if to_won else "not_next")
    return use(way[-1])


def arrow_counts(process: Process, moves: Mapping[str, Mapping[str, int]],
                 ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """The deals' observed moves (:func:`~salesdesigner.model.actuals.bottleneck.
    observed_moves`) laid on the drawn arrows: (arrow id → moves that took it, stage id →
    finished visits it is a share of, stage id → moves the diagram has no way for).

    A move S→X takes the arrow S→X, or the arrows of a way through decisions (a CRM has
    no decision stages: proposal → won runs proposal → "agreed?" → won), each decision on
    the way counting it as one of its own; a deal closed as won at S goes the way to a won
    stage; a deal closed lost at S counts in S's visits only (it dropped there).  A move the
    diagram has no way for is left out of the shares (and counted as undrawn)."""
    from salesdesigner.model.actuals.bottleneck import WON

    taken: dict[str, int] = {}
    visits: dict[str, int] = {}
    undrawn: dict[str, int] = {}
    for sid, row in moves.items():
        if not process.has_stage(sid):
            continue
        for nxt, n in row.items():
            if nxt == "":
                visits[sid] = visits.get(sid, 0) + n
                continue
            if nxt == WON:
                way = _way(process, sid, lambda s: process.stage(s).kind is StageKind.WON)
            else:
                way = _way(process, sid, lambda s, nxt=nxt: s == nxt)
            if way is None:
                undrawn[sid] = undrawn.get(sid, 0) + n
                continue
            for tid in way:
                taken[tid] = taken.get(tid, 0) + n
                src = process.transition(tid).source
                visits[src] = visits.get(src, 0) + n
    return taken, visits, undrawn


def choose_rates(process: Process, *, source: str = "targets",
                 stage_sources: Mapping[str, str] | None = None,
                 overrides: Mapping[tuple[str, str], float] | None = None,
                 moves: Mapping[str, Mapping[str, int]] | None = None,
                 ) -> tuple[list[ArrowRate], list[TargetUse], dict[str, int]]:
    """Every arrow's rate by the module's rules, in the process's arrow order; the rate
    KPIs and what became of them; moves left out because the diagram has no way for them.

    ``source`` is "targets" or "actual" for every stage, ``stage_sources`` per stage id;
    ``moves`` the observed moves (None: no deal history).  PlanInputError when the rates
    set on one stage's arrows add up to more than 1."""
    overrides = dict(overrides or {})
    check_overrides(process, overrides)
    for sid, how in {"": source, **(stage_sources or {})}.items():
        if how not in SOURCES:
            raise PlanInputError(f"rates come from 'targets' or 'actual', not {how[:30]!r}.")
        if sid and not process.has_stage(sid):
            raise PlanInputError(f"there is no stage with id {sid[:40]!r}.")
    taken, visits, undrawn = arrow_counts(process, moves or {})
    uses = target_uses(process)
    by_arrow: dict[str, TargetUse] = {}
    for use in uses:
        if use.transition_id:
            by_arrow.setdefault(use.transition_id, use)  # the first KPI on an arrow wins
    out: dict[str, ArrowRate] = {}
    for stage in process.stages:
        sid = stage.id
        exits = process.outgoing(sid)
        kind = StageKind(stage.kind)
        if kind.is_terminal:
            for t in exits:
                rate = overrides.get((sid, t.target))
                if kind is StageKind.WON or rate is None:
                    out[t.id] = ArrowRate(t.id, sid, t.target, 0.0, "closed")
                else:
                    out[t.id] = ArrowRate(t.id, sid, t.target, rate, "override")
            continue
        plan_targets = (stage_sources or {}).get(sid, source) == "targets"
        set_: dict[str, ArrowRate] = {}
        for t in exits:
            if (sid, t.target) in overrides:
                set_[t.id] = ArrowRate(t.id, sid, t.target, overrides[(sid, t.target)],
                                       "override")
            elif plan_targets and t.id in by_arrow:
                use = by_arrow[t.id]
                set_[t.id] = ArrowRate(t.id, sid, t.target, use.target, "target", use.name)
        used = sum(r.rate for r in set_.values())
        if used > 1 + 1e-9:
            raise PlanInputError(f"the rates out of stage {sid[:40]!r} add up to "
                                 f"{used:.4g}, more than 1.")
        rest = max(0.0, 1.0 - used)
        others = [t for t in exits if t.id not in set_]
        seen = visits.get(sid, 0)
        if others and seen:
            shares = {t.id: taken.get(t.id, 0) / seen for t in others}
            total = sum(shares.values())
            if kind is StageKind.DECISION:
                scale = rest / total if total else 0.0
            else:
                scale = min(1.0, rest / total) if total else 0.0
            if kind is StageKind.DECISION and not total:
                for t in others:
                    set_[t.id] = ArrowRate(t.id, sid, t.target, rest / len(others), "even")
            else:
                for t in others:
                    set_[t.id] = ArrowRate(t.id, sid, t.target, shares[t.id] * scale,
                                           "actual", basis=seen)
        elif others:
            how = "rest" if len(others) == 1 else "even"
            for t in others:
                set_[t.id] = ArrowRate(t.id, sid, t.target, rest / len(others), how)
        out.update(set_)
    return [out[t.id] for t in process.transitions], uses, undrawn
