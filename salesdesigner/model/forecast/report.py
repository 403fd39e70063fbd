"""The win probabilities, the forecast and the levers as text (the CLI's ``analyze
--forecast`` / ``--levers``) and as plain JSON data — words from the presentation
catalogue's ``analysis.fc_*`` keys; aggregates only (no deal id, name, owner or amount)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from salesdesigner.model.actuals.bottleneck import WON
from salesdesigner.model.forecast.levers import POINT, Lever
from salesdesigner.model.forecast.odds import Estimate
from salesdesigner.model.forecast.pipeline import Forecast, PeriodForecast
from salesdesigner.model.presentation import Words, display_number, with_unit, words_for

JSON_VERSION = 1


def _pct(x: float) -> str:
    return f"{display_number(round(x * 100, 1))}%"


def _count(x: float) -> str:
    return display_number(round(x, 1))


def _money(x: float, currency: str) -> str:
    return with_unit(round(x), currency)


def _names(words: Words, estimate: Estimate) -> dict[str, str]:
    names = {s.id: words.name(s.name) for s in estimate.process.stages}
    names[WON] = words("fc_closed_won")
    return names


def funnel_stages(estimate: Estimate) -> list[str]:
    """The stages a deal stands in on its way to the sale, in process order (no decisions,
    terminal stages or after-sale stages: :func:`onscreen.funnel_order`)."""
    from salesdesigner.model.actuals.onscreen import funnel_order
    return [sid for sid in funnel_order(estimate.process)
            if estimate.odds(sid).kind not in ("won", "lost", "end")]


def render_odds(estimate: Estimate, language: str | None = None) -> str:
    """One line per stage that is not terminal: chance, interval, deals seen, days."""
    words = words_for(language or estimate.process.language, "analysis")
    names = _names(words, estimate)
    lines = [words("fc_odds_title", process=words.name(estimate.process.name)),
             "  " + words("fc_prior", strength=display_number(estimate.prior_strength),
                          level=_pct(estimate.level))]
    for sid in funnel_stages(estimate):
        s = estimate.odds(sid)
        text = words("fc_odds_line", name=names[s.stage_id], win=_pct(s.win),
                     low=_pct(s.low), high=_pct(s.high), seen=s.observed)
        if s.days_to_win is not None and s.win > 0:
            text += words.list_sep + words("fc_days_to_win",
                                           days=words.days(round(s.days_to_win, 1)))
        if s.days_to_close is not None:
            text += words.list_sep + words("fc_days_to_close",
                                           days=words.days(round(s.days_to_close, 1)))
        lines.append("  " + text)
    return "\n".join(lines) + "\n"


def render_forecast(estimate: Estimate, forecast: Forecast, language: str | None = None) -> str:
    """The odds, then the open pipeline's expected won deals and revenue per period."""
    words = words_for(language or estimate.process.language, "analysis")
    currency = estimate.process.currency
    lines = [render_odds(estimate, language).rstrip("\n"), "",
             *forecast_lines(words, forecast, currency, indent="  ", size=True)]
    return "\n".join(lines) + "\n"


def forecast_lines(words: Words, forecast: Forecast, currency: str, *, indent: str = "",
                   size: bool = False) -> list[str]:
    """The forecast's title, the deals left out as quiet, (the deal size,) one line per
    period and the total — for the CLI and the dashboard alike."""
    from salesdesigner.model.actuals import quiet
    left_out = [indent + words("fc_quiet", n=forecast.quiet, factor=display_number(
        quiet.FACTOR), days=words.days(quiet.MIN_DAYS))] if forecast.quiet else []
    if forecast.as_of is None or not forecast.open_deals:
        return [words("fc_no_open"), *left_out]
    lines = [words("fc_title", n=forecast.open_deals,
                   date=words.date(forecast.as_of.date())), *left_out]
    if size and forecast.deal_size is None:
        lines.append(indent + words("fc_size_none"))
    elif size and forecast.deal_size is not None:
        lines.append(indent + words(f"fc_size_{forecast.deal_size_source}",
                                    amount=_money(forecast.deal_size, currency)))
    for p in (*forecast.periods, forecast.total):
        label = words("fc_later") if p.label == "later" else \
            words("fc_total") if p.label == "total" else p.label
        lines.append(indent + period_line(words, label, p, currency))
    return lines


def period_line(words: Words, label: str, p: PeriodForecast, currency: str) -> str:
    if not p.deals:
        return words("fc_period_none", period=label)
    text = words("fc_period", period=label, won=_count(p.won), low=_count(p.won_low),
                 high=_count(p.won_high), deals=p.deals)
    if p.revenue is not None and p.revenue_low is not None and p.revenue_high is not None:
        text += words.list_sep + words("fc_revenue", amount=_money(p.revenue, currency),
                                       low=_money(p.revenue_low, currency),
                                       high=_money(p.revenue_high, currency))
    return text


def render_levers(estimate: Estimate, found: tuple[Lever, ...], language: str | None = None,
                  limit: int = 10) -> str:
    """The ranked levers, ``limit`` of them, one a line."""
    words = words_for(language or estimate.process.language, "analysis")
    names = _names(words, estimate)
    currency = estimate.process.currency
    lines = [words("fc_levers_title")]
    if not found:
        lines.append("  " + words("fc_no_levers"))
    for rank, lv in enumerate(found[:limit], start=1):
        if lv.kind == "rate":
            head = words("fc_lever_rate", source=names[lv.stage_id],
                         target=names.get(lv.to, lv.to), now=_pct(lv.current),
                         then=_pct(min(1.0, lv.current + POINT)))
        else:
            head = words("fc_lever_days", stage=names[lv.stage_id],
                         days=words.days(round(lv.current, 1)))
        once = "" if lv.kind == "rate" else "_once"
        gain = words(f"fc_gain{once}", won=_signed(lv.won_per_month))
        if lv.revenue_per_month is not None:
            gain += words.list_sep + words(f"fc_gain_revenue{once}", amount=(
                "+" if lv.revenue_per_month >= 0 else "") + _money(lv.revenue_per_month,
                                                                   currency))
        lines.append(f"  {rank}. {head}{words.colon}{gain}")
    return "\n".join(lines) + "\n"


def _signed(x: float) -> str:
    value = round(x, 3)
    return ("+" if value >= 0 else "") + display_number(value)


# ---------------------------------------------------------------------- JSON
def _num(value: float | None, digits: int = 6) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


def odds_to_json(estimate: Estimate) -> dict[str, Any]:
    funnel = set(funnel_stages(estimate))
    return {
        "prior_strength": _num(estimate.prior_strength), "level": _num(estimate.level),
        "interval_method": estimate.method, "draws": int(len(estimate.draws)),
        "stages": [{"id": s.stage_id, "name": s.name, "kind": s.kind, "win": _num(s.win),
                    "low": _num(s.low), "high": _num(s.high),
                    "days_to_close": _num(s.days_to_close, 2),
                    "days_to_win": _num(s.days_to_win, 2), "observed": s.observed,
                    "in_funnel": s.stage_id in funnel,
                    "steps": {(k or "lost_here"): _num(v) for k, v in
                              estimate.rows.get(s.stage_id, {}).items()}}
                   for s in estimate.stages],
    }


def _period_json(p: PeriodForecast) -> dict[str, Any]:
    return {"label": p.label, "start": p.start.isoformat() if p.start else None,
            "end": p.end.isoformat() if p.end else None, "deals": p.deals,
            "won": _num(p.won, 4), "won_low": _num(p.won_low, 4),
            "won_high": _num(p.won_high, 4), "revenue": _num(p.revenue, 2),
            "revenue_low": _num(p.revenue_low, 2), "revenue_high": _num(p.revenue_high, 2)}


def odds_json_head(estimate: Estimate, as_of: datetime | None) -> dict[str, Any]:
    """The JSON document's head and the odds (the forecast and levers go beside)."""
    return {"version": JSON_VERSION, "process": estimate.process.name,
            "currency": estimate.process.currency,
            "as_of": as_of.isoformat() if as_of else None, "odds": odds_to_json(estimate)}


def forecast_to_json(estimate: Estimate, forecast: Forecast) -> dict[str, Any]:
    """Plain data for ``json.dumps``: the odds and the forecast (aggregates only)."""
    return {**odds_json_head(estimate, forecast.as_of),
            "forecast": {"open_deals": forecast.open_deals, "quiet_deals": forecast.quiet,
                         "deal_size": _num(forecast.deal_size, 2),
                         "deal_size_source": forecast.deal_size_source,
                         "by_stage": [{"stage": sid, "open": n, "won": _num(won, 4)}
                                      for sid, (n, won) in forecast.by_stage.items()],
                         "periods": [_period_json(p) for p in forecast.periods],
                         "total": _period_json(forecast.total)}}


def levers_to_json(estimate: Estimate, found: tuple[Lever, ...]) -> dict[str, Any]:
    return {"version": JSON_VERSION, "process": estimate.process.name,
            "currency": estimate.process.currency, "point": POINT,
            "levers": [{"kind": lv.kind, "stage": lv.stage_id,
                        "to": lv.to or None,
                        "current": _num(lv.current), "won_per_month": _num(lv.won_per_month),
                        "revenue_per_month": _num(lv.revenue_per_month, 2)}
                       for lv in found]}
