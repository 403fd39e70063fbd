"""What a plan had to assume, said out loud, each with the stage or arrow it concerns.

A plan is only as good as its rates, and some rates are not known but assumed.  Each
assumption is one of:

* ``even`` — an arrow whose rate nobody gave (no target, no deal history): its stage's
  other ways share what is left evenly ("Agreed? → Nurture: 50 % assumed").
* ``no_rate`` — a working stage (not a start point or a decision) whose one way on has no
  rate (no target, no deal history): every deal is assumed to move on, none to close
  there (a way into a decision is not one: the decision's split says who is lost).
* ``few_deals`` — a stage whose actual rates come from fewer than :data:`FEW_DEALS`
  finished visits: the rates are the history's, but a handful of deals says little.
* ``fitted_mix`` — a win-rate target reached by scaling several of the stage's ways on
  together (:mod:`.winfit`): the target fixes how many go on, not which way, so their mix
  (actual or even) is kept.

Aggregates only: stage and arrow ids, rates and counts of visits, never a deal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from salesdesigner.model.entities import StageKind
from salesdesigner.model.plan.rates import ArrowRate
from salesdesigner.model.process import Process

FEW_DEALS = 10          # finished visits below which an actual rate is "from few deals"
KINDS = ("even", "no_rate", "few_deals", "fitted_mix")


@dataclass(frozen=True)
class Assumption:
    kind: str                  # one of KINDS (a catalogue key ``plan.assume_<kind>``)
    stage_id: str
    transition_id: str = ""    # the arrow it concerns ("" for the stage as a whole)
    target: str = ""           # that arrow's target stage id
    rate: float | None = None  # the rate the plan uses on it
    basis: int = 0             # finished visits behind the stage's actual rates


def find_assumptions(process: Process, chosen: Iterable[ArrowRate],
                     final: Mapping[str, ArrowRate], mixed: Iterable[str],
                     reached: Mapping[str, float]) -> tuple[Assumption, ...]:
    """The plan's assumptions in process order: ``chosen`` are the rates as the rules
    chose them (before win-rate targets were solved in, so an even split is still known
    as one), ``final`` the rates the plan uses, ``mixed`` the stages whose win rate was
    reached by scaling several ways, ``reached`` each stage's expected entries (a stage no
    deal enters assumes nothing)."""
    by_source: dict[str, list[ArrowRate]] = {}
    for r in chosen:
        by_source.setdefault(r.source, []).append(r)
    mixed = set(mixed)
    out: list[Assumption] = []
    for stage in process.stages:
        sid = stage.id
        arrows = [r for r in by_source.get(sid, ()) if r.how != "closed"]
        if not arrows or reached.get(sid, 0.0) <= 0:
            continue
        kind = StageKind(stage.kind)
        working = kind is not StageKind.START and kind is not StageKind.DECISION
        if working and all(r.how == "rest" and final[r.transition_id].how == "rest"
                           and process.stage(r.target).kind is not StageKind.DECISION
                           for r in arrows):
            r = arrows[0]
            out.append(Assumption("no_rate", sid, r.transition_id, r.target,
                                  final[r.transition_id].rate))
        for r in arrows:
            if r.how == "even":
                out.append(Assumption("even", sid, r.transition_id, r.target,
                                      final[r.transition_id].rate))
        basis = min((r.basis for r in arrows if r.how == "actual"), default=None)
        if basis is not None and basis < FEW_DEALS:
            out.append(Assumption("few_deals", sid, basis=basis))
        if sid in mixed:
            out.append(Assumption("fitted_mix", sid))
    return tuple(out)
