"""The discovered-flow overlay and panel in a real window, on the hand-made history of
tests/model/discovery/samples.py (numbers worked out there and in test_flow.py): arrows
as wide as their moves, the unused one faded, the skips and the move back dashed with
their counts, the slider hiding rare moves, a move adopted into the design and undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.ui.canvas.discovered import ObservedMoveItem
from tests.model.discovery.samples import design, events

MAX = 14.0  # onscreen.MAX_WIDTH: the widest arrow (4 moves here)


@pytest.fixture
def deals_window(make_window):
    process = design("en")
    process.set_actuals(actuals_of(events()))
    window = make_window(process)
    window.show()
    return window


def _on(window):
    window.actions_.discovered_flow.setChecked(True)
    window.discovery_views.wait()
    window.scene.flush()


def _observed(window) -> dict[tuple[str, str], ObservedMoveItem]:
    return {(i.source.stage_id, i.target.stage_id): i for i in window.scene.items()
            if isinstance(i, ObservedMoveItem)}


def test_without_actuals_the_toggle_is_disabled_and_says_why(window):
    action = window.actions_.discovered_flow
    assert not action.isEnabled() and "no deal history" in action.statusTip()
    assert action in window.actions_.menus["view"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+D"


def test_the_overlay_draws_use_faded_arrows_and_dashed_observed_moves(deals_window):
    window = deals_window
    before = window.process.snapshot()
    _on(window)
    widths = {tid: (item.flow_width, item.flow_deals)
              for tid, item in window.scene.transition_items().items()}
    # moves per arrow: hear→prop 4, prop→nego 4 (the widest), lead→hear 3, hear→lost 0
    assert widths["hear-prop"] == (MAX, 4)
    assert widths["lead-hear"] == (pytest.approx(MAX * 3 / 4), 3)
    assert widths["nego-prop"] == (pytest.approx(MAX / 4), 1)
    assert widths["hear-lost"] == (1.0, 0)          # nobody took it: faded
    items = window.scene.transition_items()
    assert items["hear-prop"].toolTip().count("Hearing → Proposal: 4 moves") == 1
    assert "no deal took this arrow" in items["hear-lost"].toolTip()
    observed = _observed(window)
    assert set(observed) == {("hear", "nego"), ("lead", "prop"), ("prop", "hear")}
    assert observed[("prop", "hear")].count == "1"
    assert "backwards" in observed[("prop", "hear")].toolTip()
    panel = window.discovery_views.panel
    assert panel.share.text() == "66.7% of deals (4 of 6) followed the diagram"
    assert panel.table.rowCount() == 3
    assert window.process.snapshot() == before and window.undo_stack.count() == 0


def test_the_slider_hides_rare_moves(deals_window):
    window = deals_window
    _on(window)
    panel = window.discovery_views.panel
    # every observed move was made once: the slider's top is 1, nothing to hide; a deal
    # more on the skip hear → nego makes it 2 and lets the slider hide the others
    from datetime import datetime

    from salesdesigner.model.actuals import DealEvent
    extra = [DealEvent("G", "hear", datetime(2026, 11, 1)),
             DealEvent("G", "nego", datetime(2026, 11, 2))]
    window.process.set_actuals(actuals_of([*events(), *extra]))
    window.discovery_views.wait()
    assert panel.slider.maximum() == 2
    panel.slider.setValue(2)
    window.scene.flush()
    assert set(_observed(window)) == {("hear", "nego")}
    assert panel.table.rowCount() == 1
    # designed arrows made fewer times than that are faded
    assert window.scene.transition_items()["nego-prop"].flow_deals == 0
    panel.slider.setValue(1)
    assert len(_observed(window)) == 3


def test_adopting_a_move_adds_an_arrow_undoably_and_redraws_it(deals_window, qtbot):
    window = deals_window
    _on(window)
    views = window.discovery_views
    clicked = []
    views.overlay.moveClicked.connect(lambda s, t, p: clicked.append((s, t)))
    item = _observed(window)[("hear", "nego")]
    view = window.view
    view.centerOn(item.path.pointAtPercent(0.5))
    point = view.mapFromScene(item.path.pointAtPercent(0.5))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked == [("hear", "nego")]
    assert views.menu is not None and [a.text() for a in views.menu.actions()] == [
        "Add to Design as an Arrow", "Show the Deals That Took It…"]
    views.menu.hide()
    assert views.panel.selected_move() == ("hear", "nego")
    qtbot.mouseClick(views.panel.adopt, Qt.MouseButton.LeftButton)
    added = window.process.transition_between("hear", "nego")
    assert added is not None and window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Adopt Observed Move"
    views.wait()
    window.scene.flush()
    assert ("hear", "nego") not in _observed(window)
    assert window.scene.transition_items()[added.id].flow_deals == 1  # C's move, now drawn
    assert views.panel.share.text() == "83.3% of deals (5 of 6) followed the diagram"
    window.undo_stack.undo()
    views.wait()
    window.scene.flush()
    assert window.process.transition_between("hear", "nego") is None
    assert ("hear", "nego") in _observed(window)
    window.undo_stack.redo()
    views.wait()
    assert window.process.transition_between("hear", "nego").id == added.id


def test_show_deals_lists_the_deals_that_made_the_move(deals_window):
    window = deals_window
    _on(window)
    dialog = window.discovery_views.show_deals("prop", "hear")
    table = dialog.table
    assert [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())] == [
        ["D", "Deal D", "rep"]]
    assert dialog.windowTitle() == "Deals: Proposal → Hearing"
    dialog.close()


def test_the_two_overlays_take_turns(deals_window):
    window = deals_window
    _on(window)
    window.actions_.performance_overlay.setChecked(True)
    assert not window.actions_.discovered_flow.isChecked()
    assert not _observed(window)
    window.actions_.discovered_flow.setChecked(True)
    window.discovery_views.wait()
    assert not window.actions_.performance_overlay.isChecked()
    window.performance_views.performance.wait()
    window.scene.flush()
    assert window.scene.transition_items()["hear-prop"].flow_deals == 4
    window.actions_.discovered_flow.setChecked(False)
    assert all(i.flow_width is None for i in window.scene.transition_items().values())


def test_clicking_outside_an_observed_move_offers_nothing(deals_window, qtbot):
    window = deals_window
    _on(window)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert window.discovery_views.menu is None


def test_a_language_switch_rewrites_the_panel_overlay_and_menu(deals_window):
    from salesdesigner.ui.i18n import install_translators

    window = deals_window
    _on(window)
    views = window.discovery_views
    try:
        install_translators("ja")
        assert window.actions_.discovered_flow.text() == "実際の流れ(&F)"
        assert window.docks["discovery"].windowTitle() == "実際の流れ"
        assert views.panel.share.text() == "商談の66.7%（6件中4件）が図のとおりに進みました"
        assert views.panel.slider_label.text() == "表示する移行：1回以上"
        assert views.panel.table.item(0, 1).text() == "飛ばし"
        assert "差し戻し" in _observed(window)[("prop", "hear")].toolTip()
    finally:
        install_translators("en")
    assert views.panel.table.item(0, 1).text() == "skip"


def test_every_ui_text_of_the_discovered_flow_has_a_japanese_translation():
    import re
    from pathlib import Path
    from xml.etree import ElementTree

    root = Path(__file__).resolve().parents[3]
    tree = ElementTree.parse(root / "resources/i18n/salesdesigner_ja.ts")
    known = {(c.findtext("name"), m.findtext("source"))
             for c in tree.getroot() for m in c.iter("message")
             if (m.findtext("translation") or "").strip()}
    missing, seen = [], 0
    for name in ("ui/performance/discovery.py", "ui/canvas/discovered.py"):
        source = (root / "salesdesigner" / name).read_text(encoding="utf-8")
        for block in re.split(r"\nclass ", source)[1:]:
            cls = block.split("(")[0]
            for text in re.findall(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"(?:\s*"((?:[^"\\]|\\.)*)")?',
                                   block):
                seen += 1
                if (cls, text[0] + text[1]) not in known:
                    missing.append((cls, text[0] + text[1]))
    assert missing == [] and seen >= 15
    assert ("EditNames", "Adopt Observed Move") in known


def test_a_large_history_is_discovered_off_the_gui_thread_with_the_same_result(
        deals_window, monkeypatch):
    from salesdesigner.ui.performance import discovery

    monkeypatch.setattr(discovery, "LARGE", 0)
    window = deals_window
    window.actions_.discovered_flow.setChecked(True)
    views = window.discovery_views
    assert views._jobs  # running on a worker thread
    views.wait()
    window.scene.flush()
    assert set(_observed(window)) == {("hear", "nego"), ("lead", "prop"), ("prop", "hear")}
    assert views.found.flow.process is not window.process  # it read a copy
    assert views.panel.share.text() == "66.7% of deals (4 of 6) followed the diagram"
