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
