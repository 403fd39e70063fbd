"""The forecast: the open pipeline weighted by how deals really convert.

* **Open deals**: deals neither won nor lost as of the data's last event, each at the
  stage of its last visit — a stage on the way to the sale (a deal in a stage after a won
  stage, onboarding, was won and is left out).  Each is worth its stage's win
  probability (:mod:`.odds`) in expected won deals.
  A deal gone quiet (:mod:`~salesdesigner.model.actuals.quiet`: open far longer than its
  stage takes) is left out, and counted in :attr:`Forecast.quiet`.
* **Revenue** is won deals × one **deal size**: the mean latest amount of the open deals
  that have one, else the mean amount of the won deals — each only when it rests on at
  least :data:`MIN_AMOUNTS` deals, else no revenue is given.  Never a deal's own amount:
  with the chances published, a period's revenue from one deal would be that deal's
  amount (deal data is confidential), and a pooled size is what the manager plans with.
* **When**: a deal that wins is placed at ``as_of + days to win − the days it has already
  spent in its stage`` (at most the stage's mean stay is taken off; never before
  ``as_of``).  Periods are calendar months: the rest of the month of ``as_of``, then the
  following ones; what falls after the last is "later".
* **Range** (the estimate's level, 80 % by default): for each of the estimate's draws of
  the chances, how many deals of each stage and period win is drawn as a binomial (so the
  range holds both the uncertainty of the rates and the luck of a few deals); revenue is
  that count × the deal size.  Fixed seed: the same data gives the same range.

Aggregates only: no deal id, name, owner or single amount leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from salesdesigner.model.actuals.history import OPEN, SECONDS_PER_DAY, WON, History, micro
from salesdesigner.model.actuals.periods import Period
from salesdesigner.model.forecast.odds import SEED, Estimate

HORIZON = 3  # months forecast one by one (then "later")
MIN_AMOUNTS = 3  # deals a deal size must rest on to be shown (see the module doc)


@dataclass(frozen=True)
class PeriodForecast:
    """Expected won deals and revenue closing in one period, with their range."""

    label: str                    # "2026-12", or "later"
    start: datetime | None
    end: datetime | None
    deals: int                    # open deals expected (if they win) to close in it
    won: float
    won_low: float
    won_high: float
    revenue: float | None         # None: no amount known at all
    revenue_low: float | None
    revenue_high: float | None


@dataclass(frozen=True)
class Forecast:
    as_of: datetime | None
    open_deals: int
    by_stage: dict[str, tuple[int, float]]     # stage → (open deals, expected won)
    periods: tuple[PeriodForecast, ...]         # the coming months, then "later"
    total: PeriodForecast
    level: float
    deal_size: float | None = None            # what revenue is priced at (None: withheld)
    deal_size_source: str | None = None       # "open" | "won" | None
    quiet: int = 0                            # open deals left out as gone quiet


def coming_months(as_of: datetime, horizon: int) -> list[Period]:
    """The month of ``as_of`` and the ``horizon − 1`` after it."""
    out = []
    year, month = as_of.year, as_of.month
    for _ in range(horizon):
        out.append(Period.month(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def forecast(history: History, estimate: Estimate, *, horizon: int = HORIZON,
             seed: int = SEED) -> Forecast:
    """The open deals of ``history`` weighted by ``estimate`` (see the module doc)."""
    import numpy as np

    as_of = history.as_of
    open_ = np.flatnonzero(history.d_outcome == OPEN)
    if len(open_):  # a deal in onboarding (after the sale) was won: not the pipeline
        from salesdesigner.model.actuals.onscreen import funnel_order
        steps = set(funnel_order(history.process))
        on_the_way = np.array([sid in steps for sid in history.stage_ids], dtype=bool)
        open_ = open_[on_the_way[history.v_stage[history.deal_visits[open_ + 1] - 1]]]
    quiet = 0
    if len(open_):
        from salesdesigner.model.actuals.quiet import quiet_deals
        gone = quiet_deals(history)[open_]
        quiet, open_ = int(gone.sum()), open_[~gone]
    if as_of is None or not len(open_):
        empty = _period("total", None, None, 0, np.zeros((0,)), np.zeros((0, 0)),
                        np.zeros(0), False, estimate.level)
        return Forecast(as_of, 0, {}, (), empty, estimate.level, quiet=quiet)
    last = history.deal_visits[open_ + 1] - 1
    stage = history.v_stage[last]
    age = (micro(as_of) - history.v_in[last]).astype(np.float64) / 1e6 / SECONDS_PER_DAY
    sids = history.stage_ids
    win = np.array([estimate.odds(s).win for s in sids])
    to_win = np.array([estimate.odds(s).days_to_win or 0.0 for s in sids])
    stay = np.array([estimate.days.get(s, 0.0) for s in sids])
    remaining = np.maximum(to_win[stage] - np.minimum(age, stay[stage]), 0.0)
    months = coming_months(as_of, horizon)
    edges = [micro(p.end) for p in months]
    at = micro(as_of) + (remaining * SECONDS_PER_DAY * 1e6).astype(np.int64)
    period = np.searchsorted(np.array(edges), at, side="right")   # horizon = later
    size, source = deal_size(history, open_)
    # groups: (stage, period) share a chance; draws of the chance per group
    n_periods = horizon + 1
    group = stage * n_periods + period
    codes, inverse, count = np.unique(group, return_inverse=True, return_counts=True)
    g_stage, g_period = codes // n_periods, codes % n_periods
    g_amount = np.full(len(codes), size or 0.0)
    priced = size is not None
    g_win = win[g_stage]
    draws = _group_draws(estimate, [sids[i] for i in g_stage.tolist()], g_win)
    rng = np.random.default_rng(seed)
    won_draws = rng.binomial(count[None, :], np.clip(draws, 0.0, 1.0))
    periods = []
    for k, p in enumerate([*months, None]):
        mine = g_period == k
        periods.append(_period(p.label if p else "later", p.start if p else None,
                               p.end if p else None, int(count[mine].sum()), g_win[mine] *
                               count[mine], won_draws[:, mine], g_amount[mine],
                               priced, estimate.level))
    total = _period("total", None, None, int(count.sum()), g_win * count, won_draws,
                    g_amount, priced, estimate.level)
    by_stage: dict[str, tuple[int, float]] = {}
    for i, n in zip(*np.unique(stage, return_counts=True), strict=True):
        by_stage[sids[int(i)]] = (int(n), float(win[int(i)] * n))
    ordered = {s: by_stage[s] for s in sids if s in by_stage}
    return Forecast(as_of, len(open_), ordered, tuple(periods), total, estimate.level, size,
                    source, quiet)


def deal_size(history: History, open_: Any) -> tuple[float | None, str | None]:
    """The pooled deal size revenue is priced at, and where it comes from (module doc)."""
    import numpy as np
    has = history.d_has_amount[open_]
    if int(has.sum()) >= MIN_AMOUNTS:
        return float(np.mean(history.d_amount[open_][has])), "open"
    won = (history.d_outcome == WON) & history.d_has_amount
    if int(won.sum()) >= MIN_AMOUNTS:
        return float(np.mean(history.d_amount[won])), "won"
    return None, None


def _group_draws(estimate: Estimate, stages: list[str], mean: Any) -> Any:
    """(draws × groups) chances: the estimate's draws of each group's stage (its fixed
    chance where the stage is outside the chain, the mean when there are no draws)."""
    import numpy as np
    drawn = estimate.draws
    if not len(drawn):
        return mean[None, :]
    cols = [estimate.chain.index.get(s, -1) for s in stages]
    out = np.repeat(mean[None, :], len(drawn), axis=0)
    for j, c in enumerate(cols):
        if c >= 0:
            out[:, j] = drawn[:, c]
    return out


def _period(label: str, start: datetime | None, end: datetime | None, deals: int,
            expected: Any, won_draws: Any, amounts: Any, priced: bool,
            level: float) -> PeriodForecast:
    import numpy as np
    lo_q, hi_q = (1 - level) / 2, (1 + level) / 2
    won = float(np.sum(expected))
    if won_draws.size:
        per_draw = won_draws.sum(axis=1)
        won_low, won_high = (float(x) for x in np.quantile(per_draw, [lo_q, hi_q]))
        revenue_draws = won_draws @ amounts
    else:
        won_low = won_high = 0.0
        revenue_draws = np.zeros(1)
    # a few deals' count range can miss its own mean (one deal at 16 %: 0–0): widen it
    won_low, won_high = min(won_low, won), max(won_high, won)
    if not priced:
        return PeriodForecast(label, start, end, deals, won, won_low, won_high, None, None,
                              None)
    revenue = float(np.sum(expected * amounts)) if len(amounts) else 0.0
    low, high = (float(x) for x in np.quantile(revenue_draws, [lo_q, hi_q]))
    return PeriodForecast(label, start, end, deals, won, won_low, won_high, revenue,
                          min(low, revenue), max(high, revenue))

