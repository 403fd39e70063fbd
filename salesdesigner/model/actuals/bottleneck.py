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
from functools import cached_property
from typing import Any

from salesdesigner.model.actuals.funnel import StageStats
from salesdesigner.model.actuals.history import LOST as LOST_CODE
from salesdesigner.model.actuals.history import WON as WON_CODE
from salesdesigner.model.actuals.history import History
from salesdesigner.model.actuals.kpis import KpiActual
from salesdesigner.model.entities import Direction, Measure, StageKind

WON = "__won__"  # the deal closed as won without entering a won stage
DENSE_UP_TO = 150  # stages solved in one dense system (see Chain.solve)


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
    """Stage id → probability that a deal in it ends won (see the module doc); a deal gone
    quiet (:mod:`.quiet`) counts as lost where it stands."""
    from salesdesigner.model.actuals.quiet import settled_moves
    process = history.process
    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    return chances_from_moves(kinds, settled_moves(history))


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

    def solve(self, rhs: Any, *, transposed: bool = False) -> Any:
        """``(I − Q)⁻¹ rhs`` (``(I − Q)⁻ᵀ rhs`` when ``transposed``; a vector or a matrix
        of columns): the one linear solve.  Up to :data:`DENSE_UP_TO` stages one dense
        solve; above, block by block over the strongly connected parts of the steps in
        reverse topological order (a process is nearly a chain: its loops are short, so
        a 1,000-stage system costs its arrows, not n³) — exact either way."""
        import numpy as np
        n = len(self.live)
        if not n:
            return np.zeros(np.shape(rhs))
        if n <= DENSE_UP_TO:
            a = np.eye(n) - self.q
            return np.linalg.solve(a.T if transposed else a, rhs)
        return self._by_blocks(np.asarray(rhs, dtype=np.float64), transposed)

    @cached_property
    def _blocks(self) -> list[tuple[list[int], Any, list[int], Any, list[int], Any]]:
        """The strongly connected parts of the steps, sinks first, each as (members,
        I − Q on them, the stages after it, Q from it to them, the stages before it, Q
        from them into it): everything a solve needs, cut once."""
        import networkx as nx
        import numpy as np
        rows, cols = np.nonzero(self.q)
        graph = nx.DiGraph()
        graph.add_nodes_from(range(len(self.live)))
        graph.add_edges_from(zip(rows.tolist(), cols.tolist(), strict=True))
        dag = nx.condensation(graph)
        part = dag.graph["mapping"]  # stage index → its part
        outs: dict[int, set[int]] = {}
        ins: dict[int, set[int]] = {}
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if part[i] != part[j]:
                outs.setdefault(part[i], set()).add(j)
                ins.setdefault(part[j], set()).add(i)
        q = self.q
        out = []
        for node in reversed(list(nx.topological_sort(dag))):
            members = sorted(dag.nodes[node]["members"])
            after = sorted(outs.get(node, ()))
            before = sorted(ins.get(node, ()))
            if len(members) == 1:
                i = members[0]
                block = np.array([[1.0 - q[i, i]]])
                out.append((members, block, after, q[i, after][None, :], before,
                            q[before, i][None, :]))
                continue
            block = np.eye(len(members)) - q[np.ix_(members, members)]
            out.append((members, block, after, q[np.ix_(members, after)], before,
                        q[np.ix_(before, members)].T))
        return out

    def within(self, i: int) -> tuple[list[int], Any]:
        """The stages that can come back to stage ``i`` (its strongly connected part, all
        stages when solved densely) and ``(I − Q)⁻¹`` restricted to them: the expected
        visits to ``i`` from any other stage are 0 (what cannot come back never gets
        there again).  The levers' exact one-row change needs only these entries."""
        import numpy as np
        n = len(self.live)
        if n <= DENSE_UP_TO:
            return list(range(n)), self._inverse
        members, block = self._part[i]
        return members, np.linalg.inv(block)

    @cached_property
    def _inverse(self) -> Any:
        return self.solve(__import__("numpy").eye(len(self.live)))

    @cached_property
    def _part(self) -> dict[int, tuple[list[int], Any]]:
        return {m: (members, block) for members, block, *_ in self._blocks for m in members}

    def _by_blocks(self, rhs: Any, transposed: bool) -> Any:
        """Block substitution: sinks first for ``(I − Q) x = b`` (a part needs the
        stages after it), sources first for the transpose (the stages before it)."""
        import numpy as np
        x = np.zeros_like(rhs)
        blocks = self._blocks if not transposed else reversed(self._blocks)
        for members, block, after, q_after, before, q_before in blocks:
            near, q_near = (before, q_before) if transposed else (after, q_after)
            b = rhs[members] + q_near @ x[near] if near else rhs[members]
            if len(members) == 1:
                x[members] = b / block[0, 0]
            else:
                x[members] = np.linalg.solve(block.T if transposed else block, b)
        return x


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


def solve_chain(live: list[str], q: dict[str, dict[str, float]], b: dict[str, float], *,
                transposed: bool = False) -> dict[str, float]:
    """``x`` solving ``(I − Q) x = b`` — or ``(I − Q)ᵀ x = b`` when ``transposed`` — where
    ``q[s][t]`` is the step probability between two of the ``live`` stages: the one
    solver, :meth:`Chain.solve`, for steps given by stage id (the plan's rates)."""
    import numpy as np

    index = {sid: i for i, sid in enumerate(live)}
    m = np.zeros((len(live), len(live)))
    for s, row in q.items():
        for t, p in row.items():
            m[index[s], index[t]] += p
    chain = Chain(tuple(live), index, m, np.zeros(len(live)), {})
    x = chain.solve(np.array([b.get(sid, 0.0) for sid in live]), transposed=transposed)
    return dict(zip(live, np.asarray(x).tolist(), strict=True))


def expected_visits(kinds: dict[str, StageKind], steps: dict[str, dict[str, float]],
                    entry: dict[str, float]) -> dict[str, float]:
    """Expected entries into each stage of deals that enter at ``entry`` (stage → deals)
    and move by ``steps`` (stage → next stage or :data:`WON` → probability; what a row
    leaves short of 1 closes there, lost).  Terminal kinds absorb.

    The same absorbing chain as :func:`chances_from_moves`, asked the other way round: the
    transient stages' visits ``v`` solve ``(I − Q)ᵀ v = entry``, i.e. ``v = entry · N`` with
    ``N = (I − Q)⁻¹`` the chain's fundamental matrix — one linear solve, exact for loops (a
    nurture loop's geometric series summed in closed form).  A terminal stage's (and
    :data:`WON`'s) entries are the flow into it.  Only stages the entry can reach are in the
    system; ValueError (naming them) when some of those can never be left — a loop whose
    every rate is 1 — which would make ``I − Q`` singular."""

    def transient(sid: str) -> bool:
        return sid in kinds and not kinds[sid].is_terminal

    reach = [sid for sid in entry if transient(sid)]
    seen = set(reach)
    while reach:
        for nxt, p in steps.get(reach.pop(), {}).items():
            if p > 0 and transient(nxt) and nxt not in seen:
                seen.add(nxt)
                reach.append(nxt)
    live = [sid for sid in kinds if sid in seen]  # in the caller's (process) order
    _check_leaves(live, steps, transient)
    visits = {sid: 0.0 for sid in kinds}
    for sid, n in entry.items():
        if sid == WON or (sid in kinds and kinds[sid].is_terminal):
            visits[sid] = visits.get(sid, 0.0) + n
    if not live:
        return visits
    alive = set(live)
    q: dict[str, dict[str, float]] = {}
    for sid in live:
        for nxt, p in steps.get(sid, {}).items():
            if nxt in alive and p:
                q.setdefault(sid, {})[nxt] = q.get(sid, {}).get(nxt, 0.0) + p
    start = {sid: n for sid, n in entry.items() if sid in alive}
    solved = solve_chain(live, q, start, transposed=True)
    for sid in live:
        visits[sid] = float(max(0.0, solved[sid]))
    for sid in live:
        for nxt, p in steps.get(sid, {}).items():
            if nxt not in alive and p > 0:
                visits[nxt] = visits.get(nxt, 0.0) + visits[sid] * p
    return visits


def _check_leaves(live: list[str], steps: dict[str, dict[str, float]], transient) -> None:  # type: ignore[no-untyped-def]
    """ValueError unless every live stage's deals can leave the transient stages."""
    back: dict[str, list[str]] = {}
    leaving = []
    for sid in live:
        row = steps.get(sid, {})
        if sum(row.values()) < 1 - 1e-12 or any(p > 0 and not transient(t)
                                                 for t, p in row.items()):
            leaving.append(sid)
        for nxt, p in row.items():
            if p > 0 and transient(nxt):
                back.setdefault(nxt, []).append(sid)
    found = set(leaving)
    while leaving:
        for prev in back.get(leaving.pop(), ()):
            if prev not in found:
                found.add(prev)
                leaving.append(prev)
    stuck = [sid for sid in live if sid not in found]
    if stuck:
        raise ValueError(f"deals never leave {', '.join(stuck[:5])}"
                         + (" …" if len(stuck) > 5 else ""))


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
