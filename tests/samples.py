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



def shared_channel_process(label: str = "disqualified — no budget",
                           language: str = "en") -> Process:
    """Three stages in a row (unlabelled arrows between them), each with an arrow to "Lost"
    below and right of them: the three run along one channel, so the default spots of
    their labels are only 110 apart and wide labels crowd each other."""
    p = Process(id="shared", name="Shared channel", language=language)
    p.add_lane(Lane("l", "Sales", "#4C78A8", 400))
    for i in range(3):
        p.add_stage(Stage(f"s{i}", f"Stage {i}", StageKind.STAGE, "l",
                          Position(200 + 220 * i, 175)))
        if i:
            p.add_transition(Transition(f"f{i}", f"s{i - 1}", f"s{i}"))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST, "l", Position(1080, 250)))
    for i in range(3):
        p.add_transition(Transition(f"x{i}", f"s{i}", "lost", label))
    return p
