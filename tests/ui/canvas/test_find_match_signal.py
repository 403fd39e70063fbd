"""The find bar tells who shows details (the inspector) which stage matched, in which
field and for what query, each time it steps to a match."""

from __future__ import annotations

from salesdesigner.ui.canvas.find import FindBar


def test_each_step_reports_the_stage_the_field_that_matched_and_the_query(canvas, qtbot):
    c = canvas()
    bar = FindBar(c.editor, c.view)
    qtbot.addWidget(bar)
    bar.show()
    shown: list[tuple[str, str, str]] = []
    bar.matchShown.connect(lambda *args: shown.append(args))
    bar.set_query("appointment")  # a KPI name of "prospect" only
    assert shown == [("prospect", "kpi", "appointment")]
    bar.set_query("pro")  # Prospecting and Proposal by their names
    assert shown[-1] == ("prospect", "name", "pro")
    bar.find_next()
    assert shown[-1] == ("propose", "name", "pro")
    count = len(shown)
    bar.set_query("no such text")
    assert len(shown) == count  # nothing found: nothing to show
