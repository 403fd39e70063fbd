"""Hand-made histories for the per-owner comparison: every count in the tests is set here."""

from __future__ import annotations

from datetime import datetime, timedelta

from salesdesigner.model import Process, Stage, StageKind, Transition
from salesdesigner.model.actuals import DealEvent


def sales_process(language: str = "ja") -> Process:
    """lead → prop → nego → won; prop / nego → lost."""
    ja = language == "ja"
    p = Process(id="o", name="営業" if ja else "Sales", language=language)
    p.add_stage(Stage("lead", "リード" if ja else "Lead"))
    p.add_stage(Stage("prop", "提案" if ja else "Proposal"))
    p.add_stage(Stage("nego", "交渉" if ja else "Negotiation"))
    p.add_stage(Stage("won", "受注" if ja else "Won", StageKind.WON))
    p.add_stage(Stage("lost", "失注" if ja else "Lost", StageKind.LOST))
    for s, t in [("lead", "prop"), ("prop", "nego"), ("nego", "won"), ("prop", "lost"),
                 ("nego", "lost")]:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


START = datetime(2026, 1, 5, 9)


def deals(owner: str, count: int, to_nego: int, *, first: int, prop_days: int = 10,
          ) -> list[DealEvent]:
    """``count`` deals of ``owner``: lead → prop (2 days) → nego (``prop_days``) → won for
    ``to_nego`` of them, lead → prop → lost for the rest."""
    out = []
    for i in range(count):
        deal = f"D{first + i:04d}"
        t = START + timedelta(days=i)
        out.append(DealEvent(deal, "lead", t, owner=owner))
        out.append(DealEvent(deal, "prop", t + timedelta(days=2), owner=owner))
        if i < to_nego:
            out.append(DealEvent(deal, "nego", t + timedelta(days=2 + prop_days), owner=owner))
            out.append(DealEvent(deal, "won", t + timedelta(days=20), owner=owner))
        else:
            out.append(DealEvent(deal, "lost", t + timedelta(days=2 + prop_days), owner=owner))
    return out


def team_history() -> list[DealEvent]:
    """田中 16 of 20 from proposal to negotiation; 鈴木 12 of 25, 佐藤 11 of 25 (the rest
    of the team for 田中: 23 of 50)."""
    return (deals("田中", 20, 16, first=0, prop_days=6) + deals("鈴木", 25, 12, first=100)
            + deals("佐藤", 25, 11, first=200))
