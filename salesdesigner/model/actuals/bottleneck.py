"""The bottleneck: the KPI shortfall that costs the team the most won deals (or revenue).

Each shortfall is carried through the process graph to won:

* the **chance to win from each stage**, ``w``, comes from an absorbing Markov chain whose
  step probabilities are the deals' observed moves over the whole history (visits that
  ended, by moving on or by the deal closing; visits still open are censored, not counted
  as failures).  Won stages absorb with ``w = 1``, lost and end stages with 0; ``w`` solves
  ``(I − Q) w = r`` with numpy (exact for loops: a deal sent back to an earlier stage wins
  with that stage's chance).  Stages that cannot reach won get 0 and stay out of the system,
  which keeps it non-singular.
* a **conversion** S→T below target would, at target, have sent ``reached(S) × gap`` more
  deals to T, each winning with ``w(T)`` (to won directly: 1); a **win rate** gap at S adds
  ``reached(S) × gap`` wins; too few **entries** into S add ``gap × w(S)``.
* gains are **per month** (a period's gain divided by its months) and revenue is that times
  the average won amount; the largest gain is the bottleneck (ties: process order).
Other measures (days in stage, won count or amount) are outcomes, not causes, and rank
nothing; higher-is-better rates and entries only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from salesdesigner.model.actuals.funnel import StageStats
from salesdesigner.model.actuals.history import LOST as LOST_CODE
from salesdesigner.model.actuals.history import WON as WON_CODE
from salesdesigner.model.actuals.history import History
from salesdesigner.model.actuals.kpis import KpiActual
from salesdesigner.model.entities import Direction, Measure, StageKind

WON = "__won__"  # the deal closed as won without entering a won stage


@dataclass(frozen=True)
class Candidate:
    """One KPI's shortfall carried to won."""

    kpi: KpiActual
    stage_id: str
    to_stage: str              # the conversion's next stage ("" for won / other measures)
    win_chance: float          # w of where the extra deals land
    won_per_month: float       # extra won deals a month were the KPI on target
    revenue_per_month: float | None


def win_chances(history: History) -> dict[str, float]:
    """Stage id → probability that a deal in it ends won (see the module doc)."""
    process = history.process
    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    return chances_from_moves(kinds, observed_moves(history))


def chances_from_moves(kinds: dict[str, StageKind],
                       counts: dict[str, dict[str, float]]) -> dict[str, float]:
    """The absorbing chain's answer for observed moves (stage → next stage → deals, or
    pseudo-counts: any non-negative weights): each transient stage's chance of ending won,
    from ``(I − Q) w = r``."""
    chain = build_chain(kinds, counts)
    chance = dict(chain.fixed)
    for sid, value in zip(chain.live, chain.solve(chain.r).tolist(), strict=True):
        chance[sid] = float(min(1.0, max(0.0, value)))
    return chance


@dataclass(frozen=True, eq=False)
class Chain:
    """The absorbing chain of :func:`chances_from_moves` as matrices, for callers that
    need more than ``w`` (the forecast's draws, days to close, levers): ``q[i, j]`` is the
    step from ``live[i]`` to ``live[j]``, ``r[i]`` the step to won; ``fixed`` holds the
    chance of every stage outside the system (terminal, or no observed way to won)."""

    live: tuple[str, ...]
    index: dict[str, int]
    q: Any
    r: Any
    fixed: dict[str, float]

    def solve(self, rhs: Any) -> Any:
        """``(I − Q)⁻¹ rhs`` (a vector or a matrix of columns): the one linear solve."""
        import numpy as np
        if not self.live:
            return np.zeros(np.shape(rhs))
        return np.linalg.solve(np.eye(len(self.live)) - self.q, rhs)


def is_won(kinds: dict[str, StageKind], target: str) -> bool:
    """Whether a move to ``target`` (a stage id or :data:`WON`) closes the deal as won."""
    return target == WON or (target in kinds and kinds[target] is StageKind.WON)


def build_chain(kinds: dict[str, StageKind], counts: dict[str, dict[str, float]]) -> Chain:
    """Step probabilities from ``counts`` (each row divided by its total), restricted to
    the transient stages that can reach won (the rest get chance 0 and stay out, which
    keeps ``I − Q`` non-singular)."""
    import numpy as np  # lazily: start-up and the rest of the model do without it

    fixed = {sid: (1.0 if kind is StageKind.WON else 0.0)
             for sid, kind in kinds.items() if kind.is_terminal}
    transient = [sid for sid, kind in kinds.items() if not kind.is_terminal]
    winning = _can_win(transient, counts, kinds)
    live = [sid for sid in transient if sid in winning]
    for sid in transient:
        if sid not in winning:
            fixed[sid] = 0.0
    index = {sid: i for i, sid in enumerate(live)}
    q = np.zeros((len(live), len(live)))
    r = np.zeros(len(live))
    for sid in live:
        row = counts.get(sid, {})
        total = sum(row.values())
        for nxt, n in row.items():
            if is_won(kinds, nxt):
                r[index[sid]] += n / total
            elif nxt in index:
                q[index[sid], index[nxt]] += n / total
    return Chain(tuple(live), index, q, r, fixed)


def observed_moves(history: History) -> dict[str, dict[str, int]]:
    """Stage id → {where its finished visits went: next stage id, :data:`WON` for a deal
    closed as won there, "" for one closed lost there: how many}, both levels in the order
    each was first seen (deal by deal, visit by visit); open visits and terminal stages
    are left out."""
    import numpy as np

    n = len(history.stage_ids)
    terminal = np.array([StageKind(history.process.stage(sid).kind).is_terminal
                         for sid in history.stage_ids] + [False], dtype=bool)
    nxt = history.v_next.copy()
    last = history.deal_visits[1:] - 1
    ends = history.d_outcome[history.v_deal[last]]
    nxt[last] = np.where(nxt[last] >= 0, nxt[last],
                         np.where(ends == WON_CODE, n, np.where(ends == LOST_CODE, n + 1, -1)))
    keep = (nxt >= 0) & ~terminal[history.v_stage]
    codes = history.v_stage[keep] * (n + 2) + nxt[keep]
    if not len(codes):
        return {}
    unique, first, count = np.unique(codes, return_index=True, return_counts=True)
    names = [*history.stage_ids, WON, ""]
    counts: dict[str, dict[str, int]] = {}
    for k in np.argsort(first, kind="stable").tolist():
        code = int(unique[k])
        counts.setdefault(names[code // (n + 2)], {})[names[code % (n + 2)]] = int(count[k])
    return counts


def _can_win(transient: list[str], counts: dict[str, dict[str, float]],
             kinds: dict[str, StageKind]) -> set[str]:
    """Transient stages from which some observed path reaches won."""
    back: dict[str, set[str]] = {}
    frontier = []
    for sid in transient:
        for nxt, n in counts.get(sid, {}).items():
            if n <= 0:
                continue
            if is_won(kinds, nxt):
                frontier.append(sid)
            elif nxt in kinds and not kinds[nxt].is_terminal:
                back.setdefault(nxt, set()).add(sid)
    found = set(frontier)
    while frontier:
        for prev in back.get(frontier.pop(), ()):
            if prev not in found:
                found.add(prev)
                frontier.append(prev)
    return found


def average_won_amount(history: History) -> float | None:
    chosen = (history.d_outcome == WON_CODE) & history.d_has_amount
    amounts = history.d_amount[chosen].tolist()  # added in order, as a loop would
    return sum(amounts) / len(amounts) if amounts else None


def candidates(history: History, stages: tuple[StageStats, ...], kpis: tuple[KpiActual, ...],
               months: float, chances: dict[str, float] | None = None) -> tuple[Candidate, ...]:
    """Every measurable shortfall with its cost, largest first (wins, then process order)."""
    stats = {s.stage_id: s for s in stages}
    order = {sid: i for i, sid in enumerate(history.process.stage_ids)}
    chances = win_chances(history) if chances is None else chances
    amount = average_won_amount(history)
    out = []
    for actual in kpis:
        if (actual.actual is None or actual.target is None or actual.met
                or Direction(actual.direction) is not Direction.HIGHER):
            continue
        measure = Measure(actual.measure) if actual.measure else None
        reached = stats[actual.stage_id].reached
        to_stage = ""
        gap = (actual.target - actual.actual) / (100.0 if actual.percent else 1.0)
        if measure is Measure.CONVERSION and actual.measure_to:
            to_stage = actual.measure_to
            chance = chances.get(to_stage, 0.0)
            extra = reached * gap * chance
        elif measure in (Measure.CONVERSION, Measure.WIN_RATE):
            chance = 1.0
            extra = reached * gap
        elif measure is Measure.ENTRIES:
            chance = chances.get(actual.stage_id, 0.0)
            extra = (actual.target - actual.actual) * months * chance
        else:
            continue
        per_month = extra / months
        out.append(Candidate(actual, actual.stage_id, to_stage, chance, per_month,
                             per_month * amount if amount is not None else None))
    out.sort(key=lambda c: (-c.won_per_month, order.get(c.stage_id, 0), c.kpi.name))
    return tuple(out)


def choose(found: tuple[Candidate, ...], by: str = "won") -> Candidate | None:
    """The costliest shortfall by won deals (``by="won"``) or revenue (``"revenue"``)."""
    if by == "revenue":
        priced = [c for c in found if c.revenue_per_month is not None]
        best = max(priced, key=lambda c: c.revenue_per_month or 0.0, default=None)
        return best if best is not None and (best.revenue_per_month or 0) > 0 else None
    return found[0] if found and found[0].won_per_month > 0 else None
