"""A small process with a hand-made deal history, for the manual's performance chapter.

October 2026, worked by hand (the tests' expected numbers):

* Lead: D1–D5 entered (reached 5); D1–D4 moved on to Meeting (80 %).  KPI "New leads"
  (entries, target ≥ 5 a month): 5, met.
* Meeting: D1–D4 (reached 4); D1, D2 went on to Proposal: 2 / 4 = 50 %.  KPI "Meeting to
  proposal" (conversion, target ≥ 60 %): 50 %, below target — the bottleneck.
* Proposal: D1, D2 (reached 2); D1 won: 50 %.  KPI "Win rate" (≥ 40 %): 50 %, met.  KPI
  "Won amount" (≥ 1,000,000 JPY): one won deal, so its amount is left out.
* Won: D1 (1); Lost: D2, D3 (2).
* September: D6 went lead → meeting → proposal → won (all 100 %), so the trend of
  "Meeting to proposal" is [100, 50].  D7 enters Lead on 3 November: the data's latest
  full month is October.
"""

from __future__ import annotations

from datetime import datetime

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.model.entities import Measure
from salesdesigner.model.layout import apply_layout

DEAL_IDS = [f"DQX-{n:04d}" for n in range(1, 8)]
OWNERS = [f"OWNERZK{n}" for n in range(1, 8)]
NAMES = [f"Secret Deal {n} 秘密商事{n}" for n in range(1, 8)]
AMOUNTS = [1_111_111, 2_222_223, 3_333_337, 4_444_447, 5_555_557, 6_666_667, 7_777_781]


def amount_texts() -> list[str]:
    """Every way a per-deal amount could be printed."""
    out = []
    for a in AMOUNTS:
        out += [str(a), f"{a:,}", f"{a / 10_000:g}", f"{a / 1_000_000:.2f}"]
    return out


def sample_process(language: str = "en") -> Process:
    ja = language == "ja"
    p = Process(id="perf", name="営業プロセス" if ja else "Sales process", language=language)

    def kpi(name: str, target: float, unit: str, measure: Measure, to: str = "") -> Kpi:
        return Kpi(name, target, unit, id=f"k-{name}", measure=measure, measure_to=to)

    p.add_stage(Stage("lead", "リード" if ja else "Lead", StageKind.STAGE,
                      kpis=(kpi("New leads", 5, "", Measure.ENTRIES),)))
    p.add_stage(Stage("meet", "初回面談" if ja else "Meeting", StageKind.STAGE,
                      kpis=(kpi("Meeting to proposal", 60, "%", Measure.CONVERSION, "prop"),
                            Kpi("Notes kept", 90, "%"))))
    p.add_stage(Stage("prop", "提案" if ja else "Proposal", StageKind.STAGE,
                      kpis=(kpi("Win rate", 40, "%", Measure.WIN_RATE),
                            kpi("Won amount", 1_000_000, "JPY", Measure.WON_AMOUNT))))
    p.add_stage(Stage("won", "受注" if ja else "Won", StageKind.WON))
    p.add_stage(Stage("lost", "失注" if ja else "Lost", StageKind.LOST))
    for n, (s, t) in enumerate((("lead", "meet"), ("meet", "prop"), ("prop", "won"),
                                ("prop", "lost"), ("meet", "lost"))):
        p.add_transition(Transition(f"t{n}", s, t))
    apply_layout(p)
    p.set_actuals(actuals_of(sample_events()))
    return p


def sample_events() -> list[DealEvent]:
    paths = {
        1: [("lead", 10, 1), ("meet", 10, 3), ("prop", 10, 6), ("won", 10, 20)],
        2: [("lead", 10, 2), ("meet", 10, 5), ("prop", 10, 8), ("lost", 10, 15)],
        3: [("lead", 10, 4), ("meet", 10, 9), ("lost", 10, 12)],
        4: [("lead", 10, 5), ("meet", 10, 10)],
        5: [("lead", 10, 6)],
        6: [("lead", 9, 3), ("meet", 9, 5), ("prop", 9, 10), ("won", 9, 25)],
        7: [("lead", 11, 3)],
    }
    return [DealEvent(DEAL_IDS[n - 1], sid, datetime(2026, month, day, 10), AMOUNTS[n - 1],
                      OWNERS[n - 1], NAMES[n - 1])
            for n, steps in paths.items() for sid, month, day in steps]
