"""The discovered flow: the directly-follows graph of the deal history, against the design.

Counting rules (pinned by tests/model/discovery with hand-worked numbers):

* A **move** is one deal leaving one stage for the next stage it entered: the visits of
  :mod:`salesdesigner.model.actuals.history` taken pairwise (re-entering the stage a deal
  is in continues the visit, so it is no move; a loop's every move counts).  This is the
  directly-follows relation process-mining tools (pm4py's DFG) count over the same log.
* ``moves`` counts every move, ``deals`` the distinct deals that made it;
  ``median_days`` is the median of the days each such deal spent in the source stage
  before the move (from entering it to entering the target).
* Against the design a move is ``designed`` when an arrow, or a way through decision
  stages only (a CRM records no decisions), leads from source to target; otherwise an
  ``exit`` when it ends in a lost or end stage the design does not lead to from there (a
  deal dropped out early: no stage was skipped), a ``skip`` when the design leads from
  source to target through other stages, ``backward``
  when it leads from target to source (a deal went back), ``other`` when it connects them
  neither way.  The design's loops are cut (:func:`~salesdesigner.model.ordering.acyclic_view`)
  before asking, so a designed loop back does not make every move both.
* A designed arrow's use is the moves whose way passes along it; arrows with none are
  the ones nobody takes.

How: one pass of numpy over the history's visit columns (codes ``source × n + target``),
so a million events take a fraction of the time building the history took.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np  # loaded with the discovery, never at start-up

from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.funnel import _distinct
from salesdesigner.model.actuals.history import SECONDS_PER_DAY, History, build_history
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process

if TYPE_CHECKING:
    import networkx as nx

DESIGNED, SKIP, BACKWARD, EXIT, OTHER = "designed", "skip", "backward", "exit", "other"
KINDS = (DESIGNED, SKIP, BACKWARD, EXIT, OTHER)


@dataclass(frozen=True)
class Move:
    """Deals went from ``source`` straight to ``target`` (see the module's rules)."""

    source: str
    target: str
    moves: int
    deals: int
    median_days: float | None
    kind: str                               # one of KINDS
    way: tuple[str, ...] = ()               # the designed arrows it takes (designed only)
    skipped: tuple[str, ...] = ()           # stages every designed way passes (skips only)

    @property
    def designed(self) -> bool:
        return self.kind == DESIGNED


@dataclass(frozen=True)
class DiscoveredFlow:
    """The directly-follows graph of one history on one process."""

    process: Process
    deals: int                              # deals in the history
    moves: tuple[Move, ...]                 # most moves first (then source, target)
    arrows: dict[str, int]                  # transition id → moves along it (every arrow)
    starts: dict[str, int]                  # stage id → deals whose first visit it was

    @property
    def most(self) -> int:
        """The largest number of moves of one arrow or one observed-only move."""
        return max([*self.arrows.values(), *(m.moves for m in self.observed_only), 0])

    @property
    def observed_only(self) -> tuple[Move, ...]:
        """Moves the design lacks (skips, backwards, other), most first."""
        return tuple(m for m in self.moves if not m.designed)

    @property
    def unused(self) -> tuple[str, ...]:
        """Designed arrows no move passed along, in the process's arrow order."""
        return tuple(tid for tid, n in self.arrows.items() if n == 0)

    def move(self, source: str, target: str) -> Move | None:
        return self._by_pair.get((source, target))

    @cached_property
    def _by_pair(self) -> dict[tuple[str, str], Move]:
        return {(m.source, m.target): m for m in self.moves}

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The moves as a networkx ``DiGraph``: a node per stage of the process, an edge per
        observed move with ``moves``, ``deals``, ``median_days``, ``kind`` (and ``way``)."""
        import networkx as nx

        g = nx.DiGraph()
        g.add_nodes_from(self.process.stage_ids)
        for m in self.moves:
            g.add_edge(m.source, m.target, moves=m.moves, deals=m.deals,
                       median_days=m.median_days, kind=m.kind, way=m.way)
        return g


def discover(process: Process, events: Iterable[DealEvent]) -> DiscoveredFlow:
    """The discovered flow of ``events`` on ``process``."""
    return discover_history(build_history(process, events))


def _pairs(history: History) -> tuple[Any, Any, Any]:
    """The finished visits as (pair code ``source × n + target``, deal, microseconds in
    the source)."""
    n = len(history.stage_ids)
    done = history.v_next >= 0
    pair = history.v_stage[done] * n + history.v_next[done]
    return pair, history.v_deal[done], history.v_left[done] - history.v_in[done]


def _days(micros: Any) -> Any:
    """Microseconds → days, as ``timedelta.total_seconds() / 86400`` computes them."""
    return micros.astype(np.float64) / 1e6 / SECONDS_PER_DAY


def discover_history(history: History) -> DiscoveredFlow:
    """:func:`discover` on a history built once (the analysis shares it)."""
    process = history.process
    sids = history.stage_ids
    n = len(sids)
    pair, deal, stays = _pairs(history)
    moves: list[Move] = []
    if len(pair):
        order = np.lexsort((stays, pair))           # by pair, then stay: medians by index
        pair_sorted, days_sorted = pair[order], _days(stays[order])
        # runs of equal codes in the sorted pairs (np.unique hashes: several times slower)
        first = np.flatnonzero(np.r_[True, pair_sorted[1:] != pair_sorted[:-1]])
        codes = pair_sorted[first]
        count = np.diff(np.r_[first, len(pair_sorted)])
        lo = first + (count - 1) // 2
        hi = first + count // 2
        medians = ((days_sorted[lo] + days_sorted[hi]) / 2).tolist()
        deal_codes = _distinct(deal * (n * n) + pair) % (n * n)
        per_pair = np.bincount(deal_codes, minlength=n * n)
        design = Design(process)
        for code, k, med in zip(codes.tolist(), count.tolist(), medians, strict=True):
            s, t = sids[code // n], sids[code % n]
            kind, way, skipped = design.classify(s, t)
            moves.append(Move(s, t, int(k), int(per_pair[code]), med, kind, way, skipped))
    moves.sort(key=lambda m: (-m.moves, -m.deals, m.source, m.target))
    arrows = {t.id: 0 for t in process.transitions}
    for m in moves:
        for tid in m.way:
            arrows[tid] = arrows.get(tid, 0) + m.moves
    starts: dict[str, int] = {}
    if len(history.deal_ids):
        first_stage = history.v_stage[history.deal_visits[:-1]]
        for i, k in enumerate(np.bincount(first_stage, minlength=n).tolist()):
            if k:
                starts[sids[i]] = k
    return DiscoveredFlow(process, len(history.deal_ids), tuple(moves), arrows, starts)


class Design:
    """The design's answers for observed moves (ways, skips, direction), asked once per
    distinct move."""

    def __init__(self, process: Process) -> None:
        from salesdesigner.model.ordering import acyclic_view

        self.process = process
        self.dag = acyclic_view(process)
        self.kinds = {s.id: StageKind(s.kind) for s in process.stages}

    def classify(self, source: str, target: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """(kind, the designed way, the skipped stages) of a move."""
        import networkx as nx

        from salesdesigner.model.actuals.onscreen import arrows_of

        way = tuple(arrows_of(self.process, source, target))
        if way:
            return DESIGNED, way, ()
        if self.kinds[target] in (StageKind.LOST, StageKind.END):
            return EXIT, (), ()  # dropped out where the design has no way out: no skip
        if nx.has_path(self.dag, source, target):
            return SKIP, (), self.skipped(source, target)
        if nx.has_path(self.dag, target, source):
            return BACKWARD, (), ()
        return OTHER, (), ()

    def skipped(self, source: str, target: str) -> tuple[str, ...]:
        """The working stages every designed way from ``source`` to ``target`` passes
        (the deal surely left them out), in the process's stage order; decisions and
        outcomes are not stages a deal stands in."""
        import networkx as nx

        between = nx.descendants(self.dag, source) & nx.ancestors(self.dag, target)
        out = []
        for sid in self.process.stage_ids:
            if sid not in between or self.kinds[sid] not in (StageKind.STAGE, StageKind.START):
                continue
            cut = nx.restricted_view(self.dag, [sid], [])
            if not nx.has_path(cut, source, target):
                out.append(sid)
        return tuple(out)


def deals_taking(history: History, source: str, target: str) -> list[str]:
    """The ids of the deals that moved from ``source`` straight to ``target`` (sorted);
    confidential: for the designer's own list, never for an export."""
    if source not in history.stage_ids or target not in history.stage_ids:
        return []
    n = len(history.stage_ids)
    code = history.stage_ids.index(source) * n + history.stage_ids.index(target)
    pair, deal, _ = _pairs(history)
    return [history.deal_ids[d] for d in _distinct(deal[pair == code]).tolist()]


__all__ = ["BACKWARD", "DESIGNED", "EXIT", "KINDS", "OTHER", "SKIP", "Design", "DiscoveredFlow",
           "Move", "deals_taking", "discover", "discover_history"]
