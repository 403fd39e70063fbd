"""Top performers: what each owner (rep) does differently at each stage of the process.

Definitions (pinned by tests/model/discovery/test_owners.py with hand-worked numbers):

* A deal's **owner** is the latest non-empty owner its events name (deals change hands;
  the one who holds it now answers for it).  Deals without one count in the team, never
  as an owner of their own.
* Per owner and stage: **reach** (distinct deals that entered the stage), **moves on** to
  each next stage (distinct deals that left a visit of the stage for it, as in
  :mod:`salesdesigner.model.actuals.funnel`), **won** (reached deals that ended won) and
  **days in stage** (median of the finished stays).
* **The team** is everyone else: all the deals the owner does not hold (other owners' and
  unowned).  Comparing two disjoint groups is what the test below needs; "team average"
  in a sentence means this rest of the team.
* A **conversion** S → T of an owner differs from the team's when Fisher's exact test
  (:mod:`.fisher`, valid at any count) on the 2×2 table (owner: moved / not moved, team:
  moved / not moved) gives a small p, **guarded against many comparisons** with
  Benjamini–Hochberg at false-discovery rate :data:`ALPHA` within each move S → T (the
  owners compared on one move are one family: "who differs here?").  Tested: moves into
  stages that are not lost or end (a loss is the complement of going on, and would say
  each finding twice).  A **finding** is such a difference at least :data:`MIN_GAP`
  (5 points) wide: in a million-row history, 0.3 points is real but not worth a tip.
* Days in stage and reach are shown against the team, not tested.

How: the history's visit columns (numpy) are counted per ``owner × stage`` and
``owner × stage × next stage`` in a few bincounts, like the funnel's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.history import (
    WON,
    History,
    build_history,
    last_where,
    paused_gc,
)
from salesdesigner.model.discovery.fisher import benjamini_hochberg, fisher_exact
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process

ALPHA = 0.05
MIN_GAP = 0.05
JSON_VERSION = 1


@dataclass(frozen=True)
class Comparison:
    """One owner's conversion from ``stage_id`` to ``target`` against the team's."""

    owner: str
    stage_id: str
    target: str
    hits: int
    reached: int
    team_hits: int
    team_reached: int
    p_value: float
    q_value: float = 1.0      # Benjamini–Hochberg adjusted, within the move's family
    flagged: bool = False     # q ≤ alpha and the gap at least min_gap

    @property
    def rate(self) -> float:
        return self.hits / self.reached

    @property
    def team_rate(self) -> float:
        return self.team_hits / self.team_reached

    @property
    def higher(self) -> bool:
        return self.rate > self.team_rate


@dataclass(frozen=True)
class OwnerStage:
    """One owner at one stage, and the team (everyone else) beside it."""

    stage_id: str
    reached: int
    team_reached: int
    moved_on: dict[str, int] = field(default_factory=dict)       # next stage → deals
    team_moved_on: dict[str, int] = field(default_factory=dict)
    won: int = 0
    team_won: int = 0
    stays: int = 0
    team_stays: int = 0
    days_median: float | None = None
    team_days_median: float | None = None


@dataclass(frozen=True)
class OwnerStats:
    owner: str
    deals: int
    stages: tuple[OwnerStage, ...]   # the process's order

    def stage(self, stage_id: str) -> OwnerStage:
        return next(s for s in self.stages if s.stage_id == stage_id)


@dataclass(frozen=True)
class OwnerComparison:
    """Every owner against the team, and the findings (largest evidence first)."""

    process_name: str
    language: str
    stage_ids: tuple[str, ...]
    stage_names: dict[str, str]
    stage_kinds: dict[str, str]
    deals: int
    unowned_deals: int
    owners: tuple[OwnerStats, ...]       # most deals first, then by name
    comparisons: tuple[Comparison, ...]  # every tested one
    findings: tuple[Comparison, ...]
    alpha: float = ALPHA
    min_gap: float = MIN_GAP

    def open_stage(self, stage_id: str) -> bool:
        """Whether deals stay in the stage (not won, lost or end): what the view shows."""
        return not StageKind(self.stage_kinds[stage_id]).is_terminal

    def owner(self, name: str) -> OwnerStats:
        return next(o for o in self.owners if o.owner == name)

    def flagged(self, owner: str, stage_id: str) -> tuple[Comparison, ...]:
        """The findings of ``owner`` at ``stage_id`` (what the view highlights)."""
        return tuple(c for c in self.findings if c.owner == owner and c.stage_id == stage_id)


def compare_owners(process: Process, events: Iterable[DealEvent], *, alpha: float = ALPHA,
                   min_gap: float = MIN_GAP) -> OwnerComparison:
    """Each owner's figures per stage against the team's, and the differences flagged."""
    return compare_history(build_history(process, events), alpha=alpha, min_gap=min_gap)


def deal_owners(history: History) -> tuple[list[str], Any]:
    """The owners (sorted) and each deal's owner as an index among them (-1: none)."""
    import numpy as np

    n_deals = len(history.deal_ids)
    raw = history.events.column("owner")
    tidy = {name: " ".join(name.split()) for name in set(raw)}  # each spelling once
    names = list(map(tidy.__getitem__, raw))
    has = np.fromiter(map(bool, names), dtype=bool, count=len(names))
    bounds = history.deal_events
    deal = np.repeat(np.arange(n_deals), np.diff(bounds)) if n_deals else np.zeros(0, int)
    last = last_where(has, deal, n_deals)
    chosen = [names[i] if i >= 0 else "" for i in last.tolist()]
    owners = sorted(set(chosen) - {""})
    number = {name: i for i, name in enumerate(owners)}
    number[""] = -1
    return owners, np.fromiter(map(number.__getitem__, chosen), dtype=np.int64,
                               count=n_deals)


def compare_history(history: History, *, alpha: float = ALPHA,
                    min_gap: float = MIN_GAP) -> OwnerComparison:
    """:func:`compare_owners` on a history built once."""
    with paused_gc():
        return _compare(history, alpha, min_gap)


def _count(codes: Any, size: int) -> Any:
    import numpy as np
    return np.bincount(codes, minlength=size) if len(codes) else np.zeros(size, np.int64)


def _compare(history: History, alpha: float, min_gap: float) -> OwnerComparison:
    import numpy as np

    from salesdesigner.model.actuals.funnel import _days, _distinct

    process = history.process
    sids = history.stage_ids
    n = len(sids)
    kinds = [StageKind(process.stage(sid).kind) for sid in sids]
    owners, deal_owner = deal_owners(history)
    groups = len(owners) + 1                       # row 0: unowned deals
    deal, stage, nxt = history.v_deal, history.v_stage, history.v_next
    per_deal = _count(deal_owner + 1, groups)
    reached_codes = _distinct(deal * n + stage)
    r_deal, r_stage = reached_codes // n, reached_codes % n
    r_group = deal_owner[r_deal] + 1
    reached = _count(r_group * n + r_stage, groups * n).reshape(groups, n)
    won_mask = history.d_outcome[r_deal] == WON
    won = _count(r_group[won_mask] * n + r_stage[won_mask], groups * n).reshape(groups, n)
    done = nxt >= 0
    went_codes = _distinct((deal[done] * n + stage[done]) * n + nxt[done])
    w_deal = went_codes // (n * n)
    went = _count((deal_owner[w_deal] + 1) * n * n + went_codes % (n * n),
                  groups * n * n).reshape(groups, n, n)
    terminal = np.array([k.is_terminal for k in kinds], dtype=bool)
    live = done & ~terminal[stage]  # days in stage: terminal stages have none
    days = _days(history.v_left[live] - history.v_in[live])
    d_stage, d_group = stage[live], deal_owner[deal[live]] + 1
    medians, team_medians, stays = _medians(d_stage, d_group, days, n, groups)
    total_reached, total_won, total_went = reached.sum(0), won.sum(0), went.sum(0)
    total_stays = stays.sum(0)
    out_owners = []
    for k, name in enumerate(owners, start=1):
        stages = []
        for s in range(n):
            mine = {sids[t]: int(went[k, s, t]) for t in range(n) if went[k, s, t]}
            team = {sids[t]: int(total_went[s, t] - went[k, s, t]) for t in range(n)
                    if total_went[s, t] - went[k, s, t]}
            stages.append(OwnerStage(
                sids[s], int(reached[k, s]), int(total_reached[s] - reached[k, s]),
                mine, team, int(won[k, s]), int(total_won[s] - won[k, s]),
                int(stays[k, s]), int(total_stays[s] - stays[k, s]),
                medians.get((k, s)), team_medians.get((k, s))))
        out_owners.append(OwnerStats(name, int(per_deal[k]), tuple(stages)))
    out_owners.sort(key=lambda o: (-o.deals, o.owner))
    comparisons = _tests(owners, sids, kinds, reached, went, alpha, min_gap)
    findings = sorted((c for c in comparisons if c.flagged),
                      key=lambda c: (c.p_value, c.owner, c.stage_id, c.target))
    return OwnerComparison(process.name, process.language, sids,
                           {s.id: s.name for s in process.stages},
                           {s.id: StageKind(s.kind).value for s in process.stages},
                           len(history.deal_ids),
                           int(per_deal[0]), tuple(out_owners), tuple(comparisons),
                           tuple(findings), alpha, min_gap)


def _medians(stage: Any, group: Any, days: Any, n: int, groups: int,
             ) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float], Any]:
    """Median days per (owner row, stage), of the rest of the team, and stays counted.

    One sort per stage: an owner's stays are their positions ``P`` in the stage's sorted
    days, and the rest's r-th smallest sits at ``r + #{t: P[t] − t ≤ r}`` (``P[t] − t`` other
    stays come before the owner's t-th), so no owner needs a pass over every stay.
    """
    import numpy as np

    stays = _count(group * n + stage, groups * n).reshape(groups, n)
    mine: dict[tuple[int, int], float] = {}
    rest: dict[tuple[int, int], float] = {}
    order = np.lexsort((days, stage))
    cuts = np.searchsorted(stage[order], np.arange(n + 1))
    for s in range(n):
        part = order[cuts[s]:cuts[s + 1]]
        total = len(part)
        if not total:
            continue
        values, who = days[part], group[part]
        by_owner = np.argsort(who, kind="stable")   # positions, ascending within an owner
        bounds = np.searchsorted(who[by_owner], np.arange(groups + 1))
        for k in range(1, groups):
            positions = by_owner[bounds[k]:bounds[k + 1]]
            count = len(positions)
            if count:
                own = values[positions]
                mine[(k, s)] = float((own[(count - 1) // 2] + own[count // 2]) / 2)
            others = total - count
            if others:
                before = positions - np.arange(count)
                low, high = (others - 1) // 2, others // 2
                at_low = low + int(np.searchsorted(before, low, side="right"))
                at_high = high + int(np.searchsorted(before, high, side="right"))
                rest[(k, s)] = float((values[at_low] + values[at_high]) / 2)
    return mine, rest, stays


def _tests(owners: Sequence[str], sids: Sequence[str], kinds: Sequence[StageKind],
           reached: Any, went: Any, alpha: float, min_gap: float) -> list[Comparison]:
    """Fisher's test for every owner × testable move, BH within each move's family."""
    n = len(sids)
    total_reached, total_went = reached.sum(0), went.sum(0)
    out: list[Comparison] = []
    for s in range(n):
        if kinds[s].is_terminal:
            continue
        for t in range(n):
            if not total_went[s, t] or kinds[t] in (StageKind.LOST, StageKind.END):
                continue
            family = []
            for k in range(1, len(owners) + 1):
                mine, theirs = int(reached[k, s]), int(total_reached[s] - reached[k, s])
                if not mine or not theirs:
                    continue
                hits = int(went[k, s, t])
                team_hits = int(total_went[s, t]) - hits
                successes = hits + team_hits
                if successes == mine + theirs:
                    continue  # every deal moved on: one possible table, nothing to test
                family.append(Comparison(owners[k - 1], sids[s], sids[t], hits, mine,
                                         team_hits, theirs,
                                         fisher_exact(hits, mine, team_hits, theirs)))
            if not family:
                continue
            passed, q = benjamini_hochberg([c.p_value for c in family], alpha)
            for c, ok, qv in zip(family, passed, q, strict=True):
                gap = abs(c.rate - c.team_rate)
                out.append(Comparison(c.owner, c.stage_id, c.target, c.hits, c.reached,
                                      c.team_hits, c.team_reached, c.p_value, qv,
                                      ok and gap >= min_gap - 1e-12))
    return out


__all__ = ["ALPHA", "MIN_GAP", "Comparison", "OwnerComparison", "OwnerStage", "OwnerStats",
           "compare_history", "compare_owners", "deal_owners"]
