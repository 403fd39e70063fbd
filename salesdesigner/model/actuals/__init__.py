"""Deal history from the CRM and what it says about the process (no Qt, no SQL)."""

from salesdesigner.model.actuals.events import DealEvent, Outcome

__all__ = ["DealEvent", "Outcome"]
