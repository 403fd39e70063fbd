"""A seven-stage design and six hand-made deals: every expected number of the discovery
tests is worked out by hand from this history (see each test).

Design: lead → hear → prop → nego → "agreed?" (a decision) → won / lost; nego → prop (a
designed loop back); hear → lost (an arrow nobody takes).

Deals (day of November 2026 each stage was entered):

* A: lead 1, hear 3, prop 6, nego 10, won 20 — straight through (nego → won passes the
  decision).
* B: lead 1, hear 2, hear 4 (the CRM saved it again: no move), prop 5, nego 7, prop 8,
  nego 12, won 13 — the designed loop, prop → nego twice.
* C: lead 1, hear 4, nego 6, lost 8 — skips prop.
* D: lead 1, prop 2, hear 5, prop 6, nego 9 — skips hear, then goes back prop → hear.
* E: lead 1 — never moved.
* F: hear 1, prop 3 — the export starts after it was opened.
"""

from __future__ import annotations

from datetime import datetime

from salesdesigner.model import Position, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals import DealEvent


def design(language: str = "en") -> Process:
    ja = language == "ja"
    p = Process(id="disc", name="営業" if ja else "Sales", language=language)
    for sid, en, jp, kind, x, y in [
            ("lead", "Lead", "リード", StageKind.START, 0, 0),
            ("hear", "Hearing", "ヒアリング", StageKind.STAGE, 260, 0),
            ("prop", "Proposal", "提案", StageKind.STAGE, 520, 0),
            ("nego", "Negotiation", "交渉", StageKind.STAGE, 780, 0),
            ("agreed", "Agreed?", "合意?", StageKind.DECISION, 1040, 0),
            ("won", "Won", "受注", StageKind.WON, 1300, -120),
            ("lost", "Lost", "失注", StageKind.LOST, 1300, 220)]:
        p.add_stage(Stage(sid, jp if ja else en, kind, position=Position(x, y)))
    for s, t in [("lead", "hear"), ("hear", "prop"), ("prop", "nego"), ("nego", "agreed"),
                 ("agreed", "won"), ("agreed", "lost"), ("nego", "prop"), ("hear", "lost")]:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


PATHS: dict[str, list[tuple[str, int]]] = {
    "A": [("lead", 1), ("hear", 3), ("prop", 6), ("nego", 10), ("won", 20)],
    "B": [("lead", 1), ("hear", 2), ("hear", 4), ("prop", 5), ("nego", 7), ("prop", 8),
          ("nego", 12), ("won", 13)],
    "C": [("lead", 1), ("hear", 4), ("nego", 6), ("lost", 8)],
    "D": [("lead", 1), ("prop", 2), ("hear", 5), ("prop", 6), ("nego", 9)],
    "E": [("lead", 1)],
    "F": [("hear", 1), ("prop", 3)],
}


def events() -> list[DealEvent]:
    return [DealEvent(deal, stage, datetime(2026, 11, day), owner="rep",
                      deal_name=f"Deal {deal}")
            for deal, path in PATHS.items() for stage, day in path]
