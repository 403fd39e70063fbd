"""Conformance: how much of the real flow the design allows, and where deals leave it.

Rules (pinned by tests/model/discovery with hand-worked numbers):

* A deal **conforms** when every move it made is designed (:mod:`.flow`: an arrow, or a
  way through decisions).  Where its path begins is not judged: an export often starts
  after deals were opened, so a first stage other than the start is no deviation.  A deal
  that never moved conforms.  ``share`` = conforming deals / deals.
* A **deviation** is one move the design lacks, with the moves and distinct deals that
  made it and a few example deal ids (confidential: the designer and, when asked, the
  CLI show them; exports never do).  Most deals first.
* **Skipped stages**: per working stage, the distinct deals that made a skip whose every
  designed way passes through that stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np  # loaded with the discovery, never at start-up

from salesdesigner.model.actuals.funnel import _distinct
from salesdesigner.model.actuals.history import History
from salesdesigner.model.discovery.flow import DiscoveredFlow, _pairs, discover_history

#: example deal ids kept per deviation
EXAMPLES = 3


@dataclass(frozen=True)
class Deviation:
    """A move the design lacks, as the deals made it."""

    source: str
    target: str
    kind: str                          # "skip" | "backward" | "exit" | "other"
    moves: int
    deals: int
    examples: tuple[str, ...]          # the first deal ids (sorted), confidential
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conformance:
    deals: int
    conforming: int
    deviations: tuple[Deviation, ...]  # most deals first
    skipped: dict[str, int]            # stage id → deals that skipped it (process order)

    @property
    def share(self) -> float | None:
        """Conforming deals / deals (None without deals)."""
        return self.conforming / self.deals if self.deals else None


def check_conformance(history: History, flow: DiscoveredFlow | None = None,
                      examples: int = EXAMPLES) -> Conformance:
    """The conformance of ``history`` to its process (``flow``: its discovered flow, when
    already made)."""
    flow = discover_history(history) if flow is None else flow
    sids = history.stage_ids
    n = len(sids)
    index = {sid: i for i, sid in enumerate(sids)}
    pair, deal, _ = _pairs(history)
    undesigned = np.zeros(n * n, dtype=bool)
    for m in flow.observed_only:
        undesigned[index[m.source] * n + index[m.target]] = True
    off = undesigned[pair] if len(pair) else np.zeros(0, dtype=bool)
    off_deal, off_pair = deal[off], pair[off]
    deviating = len(_distinct(off_deal))
    deviations = []
    skip_codes = []
    for m in flow.observed_only:
        code = index[m.source] * n + index[m.target]
        who = _distinct(off_deal[off_pair == code])
        deviations.append(Deviation(m.source, m.target, m.kind, m.moves, m.deals,
                                    tuple(history.deal_ids[d] for d in who[:examples].tolist()),
                                    m.skipped))
        for sid in m.skipped:
            skip_codes.append(who * n + index[sid])
    skipped: dict[str, int] = {}
    if skip_codes:
        per_stage = np.bincount(_distinct(np.concatenate(skip_codes)) % n, minlength=n)
        skipped = {sids[i]: int(k) for i, k in enumerate(per_stage.tolist()) if k}
    deviations.sort(key=lambda d: (-d.deals, -d.moves, d.source, d.target))
    deals = len(history.deal_ids)
    return Conformance(deals, deals - deviating, tuple(deviations), skipped)


__all__ = ["EXAMPLES", "Conformance", "Deviation", "check_conformance"]
