"""An embedded file goes with the last thing that points at it, and Undo brings it back:
a deleted material's bytes must not stay in the document, unseen, for good."""

from __future__ import annotations

from salesdesigner.edits import AddAttachment, History, RemoveItems, SetProcess, SetStage
from salesdesigner.model import Attachment, Material, Position, Process, Stage


def _process() -> Process:
    p = Process(id="p", name="P")
    for aid in ("price", "deck", "case", "logo"):
        p.add_attachment(Attachment(aid, f"{aid}.pdf", aid.encode() * 1000))
    p.add_stage(Stage("a", "A", position=Position(0, 0), materials=(
        Material("Price list", "attachment:price"), Material("Deck", "attachment:deck"),
        Material("Site", "https://example.com"))))
    p.add_stage(Stage("b", "B", position=Position(300, 0), materials=(
        Material("Deck again", "attachment:deck"), Material("Case", "attachment:case"))))
    p.update_process(logo="logo")
    return p


def test_removing_a_material_removes_its_file_and_undo_puts_it_back_in_place():
    process = _process()
    stack = History(process)
    before = process.snapshot()
    stage = process.stage("a")
    stack.push(SetStage("a", {"materials": stage.materials[1:]}))
    assert list(process.attachments) == ["deck", "case", "logo"]
    stack.undo()
    assert process.snapshot() == before
    assert list(process.attachments) == ["price", "deck", "case", "logo"]
    stack.redo()
    assert "price" not in process.attachments


def test_a_file_another_material_still_uses_stays():
    process = _process()
    stack = History(process)
    stack.push(SetStage("a", {"materials": ()}))
    assert list(process.attachments) == ["deck", "case", "logo"]  # "deck" is used by b


def test_deleting_stages_takes_their_files_and_undo_restores_stages_and_files():
    process = _process()
    stack = History(process)
    before = process.snapshot()
    stack.push(RemoveItems(("a", "b")))
    assert list(process.attachments) == ["logo"]
    stack.undo()
    assert process.snapshot() == before


def test_replacing_the_logo_drops_the_old_logo_file():
    process = _process()
    stack = History(process)
    before = process.snapshot()
    stack.push(AddAttachment(Attachment("logo2", "new.png", b"png")))
    stack.push(SetProcess({"logo": "logo2"}))
    assert "logo" not in process.attachments and "logo2" in process.attachments
    stack.undo()
    stack.undo()
    assert process.snapshot() == before


def test_attaching_a_file_then_its_material_keeps_the_file():
    process = _process()
    stack = History(process)
    stack.push(AddAttachment(Attachment("new", "new.pdf", b"x")))
    stage = process.stage("b")
    stack.push(SetStage("b", {
        "materials": stage.materials + (Material("New", "attachment:new"),)}))
    assert "new" in process.attachments
