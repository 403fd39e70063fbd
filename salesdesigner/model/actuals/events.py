"""One deal entering one stage: the unit of the actuals a manager imports from the CRM.

Every import shape (long history reports, wide "Date entered <stage>" sheets, Excel)
becomes a sequence of these, and every analysis starts from such a sequence.  Deal
ids, names, owners and amounts are the company's confidential customer data: nothing
outside the document and the analysis may carry them (exports show aggregates only).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Outcome(str, enum.Enum):
    """How the CRM says a deal ended, when it says so on the row."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(frozen=True, slots=True)
class DealEvent:
    """Deal ``deal_id`` entered process stage ``stage_id`` at ``entered`` (naive local time)."""

    deal_id: str
    stage_id: str
    entered: datetime
    amount: float | None = None
    owner: str = ""
    deal_name: str = ""
    outcome: Outcome | None = None
    lost_reason: str = ""

    @property
    def key(self) -> tuple[str, str, datetime]:
        """What makes two events the same: re-importing it replaces, never duplicates."""
        return (self.deal_id, self.stage_id, self.entered)


def _fast_init() -> None:
    """Give :class:`DealEvent` an ``__init__`` that fills its slots through their
    descriptors: a frozen dataclass's own goes through ``object.__setattr__`` by name for
    each field, and an import or an open builds a million events (it was the largest single
    cost of both).  Same parameters and defaults; still frozen (assignment afterwards
    raises), and ``dataclasses.replace`` goes through it."""
    slots = tuple(DealEvent.__dict__[name].__set__ for name in DealEvent.__slots__)
    assert DealEvent.__slots__ == ("deal_id", "stage_id", "entered", "amount", "owner",
                                   "deal_name", "outcome", "lost_reason")

    def __init__(self: DealEvent, deal_id: str, stage_id: str, entered: datetime,
                 amount: float | None = None, owner: str = "", deal_name: str = "",
                 outcome: Outcome | None = None, lost_reason: str = "") -> None:
        a, b, c, d, e, f, g, h = slots
        a(self, deal_id)
        b(self, stage_id)
        c(self, entered)
        d(self, amount)
        e(self, owner)
        f(self, deal_name)
        g(self, outcome)
        h(self, lost_reason)

    __init__.__qualname__ = "DealEvent.__init__"
    DealEvent.__init__ = __init__  # type: ignore[method-assign]


_fast_init()
