"""Small processes whose chains are worked out by hand in the forecast tests."""

from __future__ import annotations

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.entities import Measure


def conv(to: str, target: float) -> Kpi:
    return Kpi(f"to {to}", target, "%", id=f"c-{to}", measure=Measure.CONVERSION,
               measure_to=to)


def loop_process(a_to_b: float = 50, b_to_won: float = 40, b_to_a: float | None = None,
                 language: str = "en") -> Process:
    """a → b → won, b → a (a loop back), a / b → lost; targets: a→b, b→won (and b→a)."""
    p = Process(id="loop", name="Loop", language=language, currency="USD")
    b_kpis = (conv("won", b_to_won),) + ((conv("a", b_to_a),) if b_to_a is not None else ())
    p.add_stage(Stage("a", "Appointment", kpis=(conv("b", a_to_b),)))
    p.add_stage(Stage("b", "Proposal", kpis=b_kpis))
    p.add_stage(Stage("won", "Won", StageKind.WON))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST))
    for s, t in [("a", "b"), ("b", "won"), ("b", "lost"), ("a", "lost"), ("b", "a")]:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def line_process(rates: dict[str, float], language: str = "en") -> Process:
    """a → b → c → won, each → lost; targets ``rates`` (stage → % to the next)."""
    p = Process(id="line", name="Line", language=language, currency="USD")
    order = ["a", "b", "c", "won"]
    for sid, nxt in zip(order, order[1:], strict=False):
        p.add_stage(Stage(sid, sid.upper(), kpis=(conv(nxt, rates.get(sid, 50)),)))
    p.add_stage(Stage("won", "Won", StageKind.WON))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST))
    for sid, nxt in zip(order, order[1:], strict=False):
        p.add_transition(Transition(f"{sid}-{nxt}", sid, nxt))
        p.add_transition(Transition(f"{sid}-lost", sid, "lost"))
    return p
