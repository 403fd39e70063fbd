"""Deal history from the CRM and what it says about the process (no Qt, no SQL).

Light on import: the analysis modules load when :func:`analyze` and friends are first
used (the window's start-up imports this package for :class:`DealEvent` only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from salesdesigner.model.actuals.events import DealEvent, Outcome

if TYPE_CHECKING:
    from salesdesigner.model.actuals.analysis import (
        Analysis,
        analysis_to_json,
        analyze,
        analyze_history,
        monthly,
    )
    from salesdesigner.model.actuals.periods import Period, parse_period
    from salesdesigner.model.actuals.report import bottleneck_sentence, render_text

_LAZY = {
    "Analysis": "analysis", "analyze": "analysis", "analyze_history": "analysis",
    "analysis_to_json": "analysis", "monthly": "analysis",
    "Period": "periods", "parse_period": "periods",
    "render_text": "report", "bottleneck_sentence": "report",
}

__all__ = ["Analysis", "DealEvent", "Outcome", "Period", "analysis_to_json", "analyze",
           "analyze_history", "bottleneck_sentence", "monthly", "parse_period", "render_text"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib
    return getattr(importlib.import_module(f"salesdesigner.model.actuals.{module}"), name)
