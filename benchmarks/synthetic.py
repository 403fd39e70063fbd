"""Large, realistic-looking generated processes for the benchmarks and the stress tests (kept
out of the product package: nothing in the app uses them).

A main path through four lanes with a decision every few stages (a lost branch and a
nurture loop back), each stage filled like a real one: KPIs, actions, a script, tips.
Deterministic for a given size and seed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.entities import (
    Action,
    Direction,
    Kpi,
    Lane,
    Material,
    Position,
    Script,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.layout import COLUMN_SPACING, LEFT_MARGIN, ROW_SPACING
from salesdesigner.model.process import Process

LANES = (("mkt", "Marketing", "#4C78A8"), ("is", "Inside Sales", "#F58518"),
         ("fs", "Field Sales", "#54A24B"), ("cs", "Customer Success", "#B279A2"))


def synthetic_process(n_stages: int, seed: int = 0) -> Process:
    """A valid process with exactly ``n_stages`` stages (at least 4)."""
    rng = random.Random(seed)
    n_stages = max(4, n_stages)
    process = Process(id=f"synthetic-{n_stages}", name=f"Synthetic process ({n_stages} stages)",
                      language="en", currency="USD", revision="1.0")
    for lane_id, name, color in LANES:
        process.add_lane(Lane(lane_id, name, color))
    band = process.lanes[0].height
    stages: list[Stage] = []
    body = n_stages - 3  # start, won and lost are added around the body
    per_lane = max(1, -(-body // len(LANES)))
    for i in range(body):
        lane_index = min(i // per_lane, len(LANES) - 1)
        kind = StageKind.DECISION if i % 7 == 6 or i == body - 1 else StageKind.STAGE
        stages.append(Stage(
            id=f"s{i}",
            name=(f"Stage {i}: "
                  f"{rng.choice(['Qualify', 'Discover', 'Propose', 'Negotiate', 'Onboard'])}"),
            kind=kind, lane=LANES[lane_index][0],
            position=Position(LEFT_MARGIN + (i + 1) * COLUMN_SPACING,
                              band * lane_index + band / 2 + (ROW_SPACING / 3) * (i % 2)),
            goal=f"Move the deal past step {i} with a clear next step agreed.",
            description="Work the account as described below. " * rng.randint(1, 4),
            exit_criteria=("Next meeting booked", "Decision maker identified"),
            duration_days=float(rng.randint(1, 30)),
            kpis=(Kpi("Conversion rate", float(rng.randint(5, 60)), "%", Direction.HIGHER,
                      "Deals moved on ÷ deals entered", id="conversion"),
                  Kpi("Lead time", float(rng.randint(1, 20)), "days", Direction.LOWER,
                      "Median days in stage", id="lead-time")),
            actions=(Action("Call the champion", "Rep", "Day 1", "Confirm the agenda."),
                     Action("Send summary", "Rep", "Same day", "Recap decisions and owners.")),
            scripts=(Script("Opening", "First call",
                            "Thank you for your time today. " * rng.randint(2, 8)),),
            materials=(Material("Case study", "https://example.com/case", "PDF"),),
            tips=("Listen more than you talk.",)))
    start = Stage("start", "Lead created", StageKind.START, LANES[0][0],
                  Position(LEFT_MARGIN, band / 2))
    won = Stage("won", "Won", StageKind.WON, LANES[-1][0],
                Position(LEFT_MARGIN + (body + 1) * COLUMN_SPACING, band * 3.5))
    lost = Stage("lost", "Lost", StageKind.LOST, LANES[-1][0],
                 Position(LEFT_MARGIN + (body + 1) * COLUMN_SPACING, band * 3.5 + ROW_SPACING))
    for stage in [start, *stages, won, lost]:
        process.add_stage(stage)
    chain = ["start", *(s.id for s in stages), "won"]
    for n, (a, b) in enumerate(zip(chain, chain[1:], strict=False)):
        process.add_transition(Transition(f"t{n}", a, b, "next"))
    for i, stage in enumerate(stages):
        if stage.kind is StageKind.DECISION:
            process.add_transition(Transition(f"lost{i}", stage.id, "lost", "no fit",
                                              "Budget or need not confirmed"))
            back = stages[max(0, i - 3)].id
            if back != stage.id and process.can_connect(stage.id, back) is None:
                process.add_transition(Transition(f"loop{i}", stage.id, back, "not yet",
                                                  "Revisit in the next quarter"))
    return process


def chain_deals(steps: dict[str, dict[str, float]], n_deals: int, *, start: str,
                seed: int = 0, days: dict[str, float] | None = None,
                open_share: float = 0.0, begin: datetime | None = None,
                spread_days: int = 365) -> list[DealEvent]:
    """Deals walking a known absorbing chain: ``steps`` maps a stage to {next stage:
    probability}; a stage without steps ends the deal (won / lost stages).  Each deal
    starts at ``start`` on a day within ``spread_days`` of ``begin``, stays
    ``days[stage]`` days (exponential around it, default 5) and, with ``open_share``,
    stops somewhere on the way (still open).  Deterministic for a seed."""
    rnd = random.Random(seed)
    begin = begin or datetime(2026, 1, 1)
    days = days or {}
    out: list[DealEvent] = []
    for k in range(n_deals):
        deal = f"SIM-{k:06d}"
        stage = start
        at = begin + timedelta(minutes=rnd.randrange(spread_days * 24 * 60))
        amount = float(rnd.randrange(10, 100) * 10_000)
        stays_open = rnd.random() < open_share
        for _ in range(10_000):
            out.append(DealEvent(deal, stage, at, amount, owner=f"rep{k % 7}",
                                 deal_name=f"Deal {k}"))
            nexts = steps.get(stage)
            if not nexts or (stays_open and rnd.random() < 0.5):
                break
            at += timedelta(days=rnd.expovariate(1.0 / max(days.get(stage, 5.0), 0.01)))
            stage = rnd.choices(list(nexts), weights=list(nexts.values()))[0]
    return out
