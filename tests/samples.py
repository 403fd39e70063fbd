"""Small hand-made processes shared by tests of different layers."""

from __future__ import annotations

from salesdesigner.model import Lane, Position, Process, Stage, StageKind, Transition


def blocked_process(label: str = "signed") -> Process:
    """A → B along one row with C right between them: the arrow must go around C."""
    p = Process(id="blocked", name="Blocked", language="en")
    p.add_lane(Lane("l", "Sales", "#4C78A8", 400))
    p.add_stage(Stage("a", "Appointment", StageKind.STAGE, "l", Position(200, 200)))
    p.add_stage(Stage("c", "In the way", StageKind.STAGE, "l", Position(460, 200)))
    p.add_stage(Stage("b", "Won", StageKind.WON, "l", Position(720, 200)))
    p.add_transition(Transition("ab", "a", "b", label))
    return p
