"""A small, realistic process for the reader tests: two lanes, a decision, a loop, hostile text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from salesdesigner.model import (
    Action,
    Attachment,
    Direction,
    Kpi,
    Lane,
    Material,
    Process,
    Script,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.ui.playbook import PlaybookWindow

HOSTILE = "<img src=x onerror=alert(1)> & <b>bold</b>"
SCRIPT_BODY = "お世話になっております。\n本日は「15分」だけお時間を👍🏽ください。\tThank you!"


def build_process(language: str = "en") -> Process:
    p = Process(id="p1", name="Test playbook", language=language)
    p.add_lane(Lane("is", "Inside Sales", "#F58518"))
    p.add_lane(Lane("fs", "Field Sales", "#54A24B"))
    p.add_attachment(Attachment("att1", "price list.pdf", b"%PDF-1.4 \x00\xff bytes",
                                "application/pdf"))
    p.add_stage(Stage("start", "Lead in", StageKind.START, "is"))
    p.add_stage(Stage(
        "call", "First call", lane="is", goal="Book a meeting",
        description="Call the lead within a day.",
        exit_criteria=("Meeting booked", "Budget owner named"),
        kpis=(Kpi("Appointment rate", 10.0, "%", Direction.HIGHER, "Meetings ÷ calls"),
              Kpi("Lead time", 2.0, "days", Direction.LOWER, "Days to first call")),
        actions=(Action("Call the lead", "SDR", "Day 1", "Use the opening script."),),
        scripts=(Script("Opening", "First 30 seconds", SCRIPT_BODY),
                 Script("Voicemail", "", "Please call me back at 555-0100.")),
        materials=(Material("Price list", "attachment:att1", "current prices"),
                   Material("Case study", "https://example.com/case", ""),
                   Material("Bad link", "javascript:alert(1)", "")),
        tips=("Smile while you dial.",)))
    p.add_stage(Stage("fit", "Good fit?", StageKind.DECISION, "is",
                      goal="Decide whether to hand over"))
    p.add_stage(Stage("visit", HOSTILE, lane="fs", goal="Run the discovery visit",
                      scripts=(Script(HOSTILE, HOSTILE, HOSTILE),),
                      tips=("Bring the <script>demo</script> laptop",)))
    p.add_stage(Stage("won", "Won", StageKind.WON, "fs"))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST, "is"))
    p.add_transition(Transition("t1", "start", "call", "new lead"))
    p.add_transition(Transition("t2", "call", "fit", "meeting booked"))
    p.add_transition(Transition("t3", "fit", "visit", "Yes", "Budget and need confirmed"))
    p.add_transition(Transition("t4", "fit", "lost", "No", "No budget this year"))
    p.add_transition(Transition("t5", "fit", "call", "Not yet", "Call again next quarter"))
    p.add_transition(Transition("t6", "visit", "won", "signed"))
    return p


@pytest.fixture
def process() -> Process:
    return build_process()


@pytest.fixture
def window(qtbot, process) -> PlaybookWindow:
    w = PlaybookWindow(process, "test.salesdesign")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    return w


@pytest.fixture
def clipboard():
    board = QApplication.clipboard()
    board.clear()
    yield board
    board.clear()
