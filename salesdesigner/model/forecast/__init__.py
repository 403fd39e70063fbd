"""Win probability per stage, the forecast of the open pipeline and the levers worth
pulling, from the team's own history on its own process graph (no Qt, no SQL).

Light on import: the modules load on first use (numpy with them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salesdesigner.model.forecast.levers import Lever, levers
    from salesdesigner.model.forecast.odds import Estimate, StageOdds, estimate
    from salesdesigner.model.forecast.pipeline import Forecast, forecast

_LAZY = {"Estimate": "odds", "StageOdds": "odds", "estimate": "odds",
         "Forecast": "pipeline", "forecast": "pipeline", "Lever": "levers", "levers": "levers"}

__all__ = ["Estimate", "Forecast", "Lever", "StageOdds", "estimate", "forecast", "levers"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib
    return getattr(importlib.import_module(f"salesdesigner.model.forecast.{module}"), name)
