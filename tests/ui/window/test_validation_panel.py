"""The validation dock follows edits (debounced), marks stages and leads to them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from salesdesigner.model import Stage, StageKind, Transition
from salesdesigner.model.validation import Severity
from salesdesigner.ui.validation_panel import DEBOUNCE_MS
from tests.ui.edit_commands import add_items_command, stage_command


def messages(panel) -> list[str]:
    return panel.rows()


def test_findings_update_live_after_an_edit(window, qtbot):
    panel = window.validation
    assert not any("Orphan" in m for m in messages(panel))
    window.undo_stack.push(add_items_command(window.process, [Stage("orphan", "Orphan")]))
    assert not any("Orphan" in m for m in messages(panel))  # not before the debounce
    qtbot.waitUntil(lambda: any("“Orphan” is not connected" in m for m in messages(panel)),
                    timeout=DEBOUNCE_MS * 10)
    assert panel.summary.text().startswith("Errors: 1 ")  # one stage, one problem
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not any("Orphan" in m for m in messages(panel)))


def test_a_burst_of_edits_validates_once(window, qtbot, monkeypatch):
    import salesdesigner.ui.validation_panel as vp
    calls = []
    real = vp.validate
    monkeypatch.setattr(vp, "validate", lambda p: calls.append(1) or real(p))
    for n in range(5):
        window.undo_stack.push(stage_command(window.process, "hearing", {"name": f"n{n}"}))
    qtbot.waitUntil(lambda: len(calls) == 1)
    qtbot.wait(DEBOUNCE_MS + 100)
    assert len(calls) == 1


def test_clicking_a_finding_selects_and_centres_its_stage(window, qtbot):
    window.undo_stack.push(add_items_command(
        window.process, [Stage("orphan", "Orphan", StageKind.STAGE)],
        [Transition("t-orphan", "orphan", "won")]))
    window.validation.revalidate()
    panel = window.validation
    row = next(i for i, m in enumerate(messages(panel)) if "Orphan" in m)
    centred = []
    window.view.center_on_stage = lambda sid: centred.append(sid)
    panel.tree.itemClicked.emit(panel.tree.topLevelItem(row), 0)
    assert window.scene.selected_stage_ids() == ["orphan"]
    assert centred == ["orphan"]
    qtbot.waitUntil(lambda: window.inspector.ctx.stage_id == "orphan")


def test_error_findings_mark_stages_on_the_canvas(window, qtbot):
    marked = []
    window.scene.set_findings = lambda findings: marked.append(findings)
    window.validation.findingsChanged.disconnect()
    window.validation.findingsChanged.connect(window.scene.set_findings)
    window.undo_stack.push(add_items_command(window.process, [Stage("orphan", "Orphan")]))
    qtbot.waitUntil(lambda: bool(marked))
    errors = [f for f in marked[-1] if f.severity is Severity.ERROR]
    assert any(f.stage_ids == ("orphan",) for f in errors)


def test_no_findings_says_so(make_window):
    from salesdesigner.model import Process, Stage, StageKind, Transition

    sound = Process(name="Sound", language="en")
    sound.add_stage(Stage("s", "Lead", StageKind.START))
    sound.add_stage(Stage("w", "Won", StageKind.WON))
    sound.add_transition(Transition("t", "s", "w"))
    window = make_window(sound)
    assert window.validation.summary.text() == "No problems found."


def test_a_blank_document_is_told_where_to_begin(make_window):
    window = make_window()
    assert window.validation.summary.text().startswith("Errors: 2 ")


def test_a_deleted_arrow_is_reported_at_its_dead_end_with_what_it_strands_folded_under_it(
        window, qtbot):
    from salesdesigner.edits import remove_items
    from salesdesigner.ui.commands import EditCommand

    arrow = next(t.id for t in window.process.transitions
                 if (t.source, t.target) == ("hearing", "proposal"))
    window.undo_stack.push(EditCommand(window.process, remove_items((), [arrow])))
    panel = window.validation
    qtbot.waitUntil(lambda: panel.summary.text().startswith("Errors: 2 "),
                    timeout=DEBOUNCE_MS * 10)
    first = panel.tree.topLevelItem(0)
    assert first.text(0).startswith("“Discovery & needs analysis” leads nowhere")
    assert not first.isExpanded()  # what it strands is folded under it
    stranded = [first.child(i).text(0) for i in range(first.childCount())]
    assert stranded == ["Lead identified", "Prospecting", "Outreach & first meeting"]
    # the canvas marks the two causes, not the ten stages they strand
    marked = {sid for sid, item in window.scene.stage_items().items() if item.severity}
    assert marked == {"hearing", "proposal", "closing", "agreement"}
    panel.tree.itemClicked.emit(first.child(1), 0)  # a folded stage leads to it
    assert window.scene.selected_stage_ids() == ["prospecting"]


def test_the_panel_opens_tall_enough_to_show_six_findings(make_window, qtbot):
    from salesdesigner.model import Process, Stage, StageKind, Transition

    process = Process(name="Loose ends", language="en")
    process.add_stage(Stage("s", "Lead", StageKind.START))
    process.add_stage(Stage("w", "Won", StageKind.WON))
    process.add_transition(Transition("t", "s", "w"))
    for n in range(8):
        process.add_stage(Stage(f"x{n}", f"Loose {n}"))
    window = make_window(process)
    window.show()
    qtbot.waitExposed(window)
    tree = window.validation.tree
    assert tree.topLevelItemCount() >= 8  # 8 errors (and hints after them)
    viewport = tree.viewport().rect()
    whole = [i for i in range(tree.topLevelItemCount())
             if viewport.contains(tree.visualItemRect(tree.topLevelItem(i)))]
    assert len(whole) >= 6, (len(whole), viewport)


def test_the_bundled_templates_open_without_findings(make_window):
    from salesdesigner.storage.templates import load_template

    for name in ("eight-step", "the-model"):
        for lang in ("en", "ja"):
            window = make_window(load_template(name, lang))
            assert window.validation.summary.text() == "No problems found."
            assert window.validation.tree.topLevelItemCount() == 0


def test_an_opened_document_is_painted_first_and_checked_right_after(window, qtbot, tmp_path):
    from salesdesigner.storage.document import save_document

    process = window.process.copy()
    process.add_stage(Stage("orphan", "Orphan"))
    path = tmp_path / "orphan.salesdesign"
    save_document(process, path)
    window.show()
    qtbot.waitExposed(window)
    paints: list[int] = []

    class CountPaints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    counter = CountPaints(window)
    window.view.viewport().installEventFilter(counter)
    checked_after: list[int] = []
    window.validation.findingsChanged.connect(lambda _f: checked_after.append(len(paints)))
    window.document.open_path(str(path), ask=False)
    paints.clear()  # from here on: paints of the opened document
    assert not any("Orphan" in m for m in messages(window.validation))  # not yet …
    qtbot.waitUntil(lambda: any("“Orphan” is not connected" in m
                                for m in messages(window.validation)), timeout=3000)
    assert len(checked_after) == 1 and checked_after[0] >= 1  # … once, after a paint
    window.view.viewport().removeEventFilter(counter)
