"""What the app shows of the forecast: the odds from the data, the odds with the
manager's what-if rate, and the open deals' forecast under them (Qt-free; the dashboard's
panel and the canvas overlay's chance pills read it)."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesigner.model.actuals.history import History
from salesdesigner.model.forecast.odds import Estimate, estimate
from salesdesigner.model.forecast.pipeline import Forecast, forecast

#: (stage id, exit, rate 0..1): one exit rate set by hand
Change = tuple[str, str, float]


@dataclass(frozen=True, eq=False)
class Outlook:
    history: History
    base: Estimate                 # from the data
    base_forecast: Forecast
    estimate: Estimate             # with ``change`` (``base`` without one)
    forecast: Forecast
    change: Change | None = None

    def chances(self) -> dict[str, float]:
        """Stage id → chance to end won, as the overlay's pills show it."""
        return self.estimate.win


def outlook(history: History, change: Change | None = None,
            base: Estimate | None = None, base_forecast: Forecast | None = None) -> Outlook:
    """The odds and forecast of ``history``, and under ``change`` when given (a change
    naming an exit the chain no longer has is dropped)."""
    from salesdesigner.model.forecast.whatif import exits, with_rate

    base = base if base is not None else estimate(history)
    base_forecast = base_forecast if base_forecast is not None else forecast(history, base)
    if change is not None and (change[0], change[1]) in {(s, t) for s, t, _ in exits(base)}:
        moved = with_rate(base, *change)
        return Outlook(history, base, base_forecast, moved, forecast(history, moved), change)
    return Outlook(history, base, base_forecast, base, base_forecast, None)
