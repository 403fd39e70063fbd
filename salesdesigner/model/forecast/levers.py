"""Levers (what-if): what +1 point of one exit rate, or one day less in one stage, adds.

The team's **intake** is the deals that start at each stage per month (each deal's first
visit, over the months the history covers).  Through the estimate's chain, intake ``e``
makes ``v = (I − Q)⁻ᵀ e`` visits per month to each stage, and ``vᵀ r`` won deals a month.

* **Rate lever** S → T (T a stage that can still win, or won): S's step to T rises by one
  point (0.01) and its other exits give it up in proportion to their size.  The change of
  a single row is exact through the Sherman–Morrison formula: every stage's chance moves by
  ``N[:, S] (δr + δq·w) / (1 − δq·N[:, S])``, so won deals a month rise by
  ``v_S (δr + δq·w) / (1 − δq·N[:, S])`` (a loop back through S is counted in full).
* **Days lever** S: one day less per visit to S (at most its mean stay).  Rates do not
  change, so won deals a month do not either in the long run; but every deal that wins
  after passing S closes a day sooner, which brings ``v_S · w_S / 30.44`` won deals into
  the coming month once.
* Revenue is won deals × the average won amount (only when it rests on at least
  :data:`~.pipeline.MIN_AMOUNTS` won deals: fewer would publish a deal's own amount).
* Levers are ranked by won deals gained in the coming month (ties: process order, rates
  before days).
"""

from __future__ import annotations

from dataclasses import dataclass

from salesdesigner.model.actuals.bottleneck import average_won_amount, is_won
from salesdesigner.model.actuals.history import WON, History
from salesdesigner.model.actuals.kpis import span_months
from salesdesigner.model.actuals.periods import DAYS_PER_MONTH
from salesdesigner.model.entities import StageKind
from salesdesigner.model.forecast.odds import Estimate
from salesdesigner.model.forecast.pipeline import MIN_AMOUNTS

POINT = 0.01
DAY = 1.0


@dataclass(frozen=True)
class Lever:
    kind: str                     # "rate" | "days"
    stage_id: str
    to: str                       # the exit raised (a stage id, or "__won__"); "" for days
    current: float                # the rate now (0..1), or the mean days per visit
    won_per_month: float          # won deals gained in the coming month
    revenue_per_month: float | None


def intake(history: History) -> dict[str, float]:
    """Stage id → deals starting there per month over the history's months."""
    import numpy as np
    if not len(history.deal_ids):
        return {}
    first = history.v_stage[history.deal_visits[:-1]]
    counts = np.bincount(first, minlength=len(history.stage_ids))
    months = span_months(history, None)
    return {sid: float(counts[i]) / months for i, sid in enumerate(history.stage_ids)
            if counts[i]}


def levers(history: History, estimate: Estimate) -> tuple[Lever, ...]:
    """Every rate and days lever of ``history``'s process, ranked (see the module doc)."""
    return levers_from_intake(estimate, intake(history), won_deal_size(history))


def won_deal_size(history: History) -> float | None:
    """The average won amount when it rests on at least :data:`MIN_AMOUNTS` won deals
    (fewer would publish a deal's own amount), else None."""
    won = (history.d_outcome == WON) & history.d_has_amount
    return average_won_amount(history) if int(won.sum()) >= MIN_AMOUNTS else None


def levers_from_intake(estimate: Estimate, entries: dict[str, float],
                       amount: float | None) -> tuple[Lever, ...]:
    """:func:`levers` for a given intake per month and average won amount."""
    import numpy as np

    chain = estimate.chain
    n = len(chain.live)
    if not n:
        return ()
    kinds = {s.id: StageKind(s.kind) for s in estimate.process.stages}
    e = np.zeros(n)
    for sid, per_month in entries.items():
        if sid in chain.index:
            e[chain.index[sid]] += per_month
    w = chain.solve(chain.r)
    visits = chain.solve(e, transposed=True)  # eᵀN
    order = {sid: i for i, sid in enumerate(estimate.process.stage_ids)}
    out = []
    for sid in chain.live:
        s = chain.index[sid]
        row = estimate.rows[sid]
        for to, rate in row.items():
            target = -1 if is_won(kinds, to) else chain.index.get(to)
            if target is None or rate >= 1.0:
                continue
            raised = min(1.0, rate + POINT)
            scale = (1.0 - raised) / (1.0 - rate)
            dq = np.zeros(n)
            dr = 0.0
            for other, p in row.items():
                delta = (raised - rate) if other == to else p * (scale - 1.0)
                j = -1 if is_won(kinds, other) else chain.index.get(other)
                if j == -1:
                    dr += delta
                elif j is not None:
                    dq[j] += delta
            members, inverse = chain.within(s)  # N[t, s] is 0 outside s's loops
            back = dq[members] @ inverse[:, members.index(s)]
            gain = visits[s] * (dr + dq @ w) / (1.0 - back)
            out.append(_lever("rate", sid, to, rate, float(gain), amount))
        stay = estimate.days.get(sid, 0.0)
        if stay > 0:
            gain = visits[s] * w[s] * min(DAY, stay) / DAYS_PER_MONTH
            out.append(_lever("days", sid, "", stay, float(gain), amount))
    out.sort(key=lambda lv: (-round(lv.won_per_month, 12), order.get(lv.stage_id, 0),
                             lv.kind != "rate", order.get(lv.to, -1)))
    return tuple(out)


def _lever(kind: str, sid: str, to: str, current: float, gain: float,
           amount: float | None) -> Lever:
    return Lever(kind, sid, to, current, gain, gain * amount if amount is not None else None)


def monthly_wins(estimate: Estimate, entries: dict[str, float]) -> float:
    """Won deals a month at this intake: ``Σ e_i w_i``."""
    return sum(per_month * estimate.odds(sid).win for sid, per_month in entries.items())

