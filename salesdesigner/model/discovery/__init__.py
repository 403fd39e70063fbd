"""The process as it really runs, found in the deal history (no Qt, no SQL).

* :mod:`.flow` — the discovered flow: a directly-follows graph of every stage-to-stage move
  (count, deals, median days), classified against the design (designed arrows with their
  use, arrows nobody takes, skips, moves backwards, other moves the design lacks).
* :mod:`.conformance` — the share of deals whose path the design allows, the top
  deviations with example deals, the stages deals skip.
* :mod:`.owners` — top performers: each owner's reach, conversions and days per stage
  against the rest of the team, with the differences chance hardly explains
  (:mod:`.fisher`: Fisher's exact test, Benjamini–Hochberg); :mod:`.owners_report` words
  them.

Light on import: the modules (numpy, networkx) load when a name is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salesdesigner.model.discovery.conformance import (
        Conformance,
        Deviation,
        check_conformance,
    )
    from salesdesigner.model.discovery.flow import (
        DiscoveredFlow,
        Move,
        deals_taking,
        discover,
        discover_history,
    )
    from salesdesigner.model.discovery.report import discovery_to_json, render_discovery

_LAZY = {
    "DiscoveredFlow": "flow", "Move": "flow", "discover": "flow", "discover_history": "flow",
    "deals_taking": "flow",
    "Conformance": "conformance", "Deviation": "conformance", "check_conformance": "conformance",
    "discovery_to_json": "report", "render_discovery": "report",
}

__all__ = ["Conformance", "Deviation", "DiscoveredFlow", "Move", "check_conformance",
           "deals_taking", "discover", "discover_history", "discovery_to_json",
           "render_discovery"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib
    return getattr(importlib.import_module(f"salesdesigner.model.discovery.{module}"), name)
