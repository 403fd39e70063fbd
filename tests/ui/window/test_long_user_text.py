"""User text of any length never widens the window: a 2,000-character stage name, a long
URL-like name or a long Japanese name keeps the inspector dock, the main window and its
minimum size sane, in every inspector tab and in both UI languages; the inspector header
shows at most two lines, elided with "…", and the full name is its tooltip."""

from __future__ import annotations

import dataclasses
import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesigner.model import Lane
from salesdesigner.ui.i18n import install_translators
from salesdesigner.ui.inspector.elided import ElidedLabel
from tests.ui.edit_commands import stage_command

NAMES = {
    "unbreakable": "x" * 2000,
    "url": "https://example.com/" + "/".join(["segment-with-no-spaces"] * 13) + "?q=1",
    "japanese": "お客様の課題を深掘りして予算と決裁者と導入時期を確認する段階" * 40,
}
WINDOW_WIDTH = 1200


@pytest.fixture(params=["en", "ja"])
def language(request):
    install_translators(request.param)
    yield request.param
    install_translators("en")


def settle(window) -> None:
    for _ in range(3):
        QApplication.processEvents()


def assert_window_sane(window) -> None:
    settle(window)
    dock = window.docks["inspector"]
    assert dock.minimumSizeHint().width() < 500
    assert window.inspector.minimumSizeHint().width() < 500
    assert dock.width() < 700
    assert window.minimumSizeHint().width() < 1100
    assert window.width() == WINDOW_WIDTH
    inspector = window.inspector  # nor a page inside its scroll areas (no sideways scrolling)
    for page in (inspector.overview, inspector.kpis, inspector.actions, inspector.scripts,
                 inspector.materials, inspector.tips, inspector.transition_form,
                 inspector.document_form):
        assert page.minimumSizeHint().width() < 500, type(page).__name__


def header_is_two_lines_at_most(label: ElidedLabel) -> bool:
    margins = label.contentsMargins()
    return (len(label.shown_lines()) <= 2
            and label.height() <= 2 * label.line_height() + margins.top() + margins.bottom())


def tooltip_text(label) -> str:
    """The tooltip is escaped rich text (Qt would otherwise interpret markup in a name)."""
    tip = label.toolTip()
    return html.unescape(tip.replace("<p style='white-space:pre-wrap'>", "").replace("</p>", ""))


def shown_window(make_window, sample):
    window = make_window(sample)
    window.resize(WINDOW_WIDTH, 800)
    window.show()
    window.scene.select_ids(["hearing"])
    settle(window)
    return window


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_a_long_stage_name_typed_in_the_inspector_keeps_the_window_and_header_sane(
        make_window, sample, language, kind):
    window = shown_window(make_window, sample)
    inspector, name = window.inspector, NAMES[kind]
    depth = window.undo_stack.count()
    inspector.overview.name.setText(name)  # what typing or pasting the name does
    assert window.process.stage("hearing").name == name
    assert window.undo_stack.count() == depth + 1

    assert_window_sane(window)
    header = inspector.header
    assert header_is_two_lines_at_most(header)
    assert header.is_elided() and "…" in "".join(header.shown_lines())
    assert header.shown_lines()[-1].endswith(inspector.tr("Stage") if language == "en"
                                             else "ステージ")  # the kind stays readable
    assert tooltip_text(header).startswith(name + " · ")
    assert header.text().startswith(name)  # screen readers get the whole name

    window.undo_stack.undo()
    assert_window_sane(window)
    assert header.shown_lines() == ["Discovery & needs analysis  ·  "
                                    + ("Stage" if language == "en" else "ステージ")]
    assert not header.is_elided() and header.toolTip() == ""


def test_the_header_follows_the_dock_width(make_window, sample):
    window = shown_window(make_window, sample)
    window.undo_stack.push(stage_command(window.process, "hearing",
                                              {"name": NAMES["japanese"]}))
    settle(window)
    header = window.inspector.header
    narrow = "".join(header.shown_lines())
    window.resizeDocks([window.docks["inspector"]], [640], Qt.Orientation.Horizontal)
    settle(window)
    wide = "".join(header.shown_lines())
    assert header.width() > 450
    assert len(wide) > len(narrow)  # elided by its actual width, not a fixed count
    assert header_is_two_lines_at_most(header)


def test_long_text_in_every_tab_and_on_an_arrow_never_widens_the_inspector(
        make_window, sample, language):
    long = NAMES["unbreakable"]
    window = shown_window(make_window, sample)
    process = window.process
    stage = process.stage("hearing")
    process.add_lane(Lane("huge", long))
    window.undo_stack.push(stage_command(process, "hearing", {
        "name": long, "lane": "huge", "goal": long, "description": long,
        "exit_criteria": (long, "short"),
        "kpis": tuple(dataclasses.replace(k, name=long, unit=long[:300]) for k in stage.kpis),
        "actions": tuple(dataclasses.replace(a, title=long, owner=long) for a in stage.actions),
        "scripts": tuple(dataclasses.replace(s, title=long, body=long) for s in stage.scripts),
        "materials": tuple(dataclasses.replace(m, title=long, uri=long)
                           for m in stage.materials),
        "tips": (long,) * 3,
    }))
    inspector = window.inspector
    for index in range(inspector.tabs.count()):
        inspector.tabs.setCurrentIndex(index)
        assert_window_sane(window)

    caption = inspector.kpis.definition_label
    assert len(caption.shown_lines()) <= 2 and caption.is_elided()
    assert caption.shown_lines()[-1].endswith("”:" if language == "en" else "」の定義：")
    assert long in tooltip_text(caption)

    arrow = process.outgoing("hearing")[0]
    window.scene.select_ids(transition_ids=[arrow.id])
    assert_window_sane(window)
    route = inspector.transition_form.route
    assert len(route.shown_lines()) <= 2
    assert route.shown_lines()[-1].endswith("→ " + process.stage(arrow.target).name)
    assert tooltip_text(route) == f"{long} → {process.stage(arrow.target).name}"


def test_the_validation_panel_and_status_bar_take_a_long_name_without_widening(
        make_window, sample, language):
    window = shown_window(make_window, sample)
    long = NAMES["unbreakable"]
    window.undo_stack.push(stage_command(window.process, "hearing", {"name": long}))
    window.undo_stack.push(stage_command(window.process, "proposal", {"name": long}))
    window.validation.revalidate()
    window.docks["validation"].raise_()
    window.show_status(long)
    assert_window_sane(window)
    assert window.docks["validation"].minimumSizeHint().width() < 500
    assert window.statusBar().minimumSizeHint().width() < 500


def test_an_elided_label_shows_markup_and_emoji_literally_and_cuts_only_user_values(qtbot):
    label = ElidedLabel(max_lines=2)
    qtbot.addWidget(label)
    label.resize(200, 60)
    label.set_template("Definition of “{name}”:", name="<b>😀</b>" * 200)
    lines = label.shown_lines()
    assert len(lines) <= 2 and lines[-1].endswith("…”:")
    assert "".join(lines).startswith("Definition of")
    assert "<b>😀</b>" in "".join(lines)  # drawn as characters, never as HTML
    assert "\ufffd" not in "".join(lines)  # no emoji cut in half
    assert "&lt;b&gt;" in label.toolTip()
    assert label.minimumSizeHint().width() < 80
    label.setText("short")
    assert label.shown_lines() == ["short"] and not label.is_elided()


@pytest.mark.parametrize("content", ["en", "ja"])
def test_findings_cut_long_names_to_a_readable_length_and_keep_the_message_whole_in_tooltips(
        make_window, content):
    from salesdesigner.storage.templates import load_template
    window = make_window(load_template("eight-step", content))
    long = NAMES["unbreakable"] + "<b>"
    window.undo_stack.push(stage_command(window.process, "hearing", {"name": long}))
    window.process.remove_transition(next(t.id for t in window.process.transitions
                                          if t.source == "hearing"))  # "… leads nowhere"
    window.validation.revalidate()
    panel = window.validation
    tree = panel.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    mentioning = [item for item in items if long in tooltip_text(_Row(item))]
    assert mentioning, [item.text(0) for item in items]
    for item in mentioning:
        assert len(item.text(0)) < 400 and "…" in item.text(0)
        assert "&lt;b&gt;" in item.toolTip(0)  # markup in a name is shown, not applied
    untouched = [f.message for f in panel.findings if long not in f.message]
    assert untouched == [item.text(0) for item in items if item not in mentioning]


@dataclasses.dataclass
class _Row:
    """A tree row seen as a label (its first column)."""

    item: object

    def toolTip(self) -> str:  # noqa: N802 - Qt's name, for tooltip_text
        return self.item.toolTip(0)


@pytest.mark.parametrize("kind", ["unbreakable", "japanese"])
def test_record_lists_show_a_long_title_in_about_two_lines_with_the_whole_title_as_tooltip(
        make_window, sample, kind):
    window = shown_window(make_window, sample)
    long = NAMES[kind]
    stage = window.process.stage("hearing")
    window.undo_stack.push(stage_command(window.process, "hearing", {
        "actions": (dataclasses.replace(stage.actions[0], title=long),) + stage.actions[1:]}))
    actions = window.inspector.actions
    window.inspector.tabs.setCurrentWidget(actions)
    settle(window)
    item = actions.list.item(0)
    assert item.text().endswith("…") and len(item.text()) <= 111
    assert tooltip_text(item) == long
    short = actions.list.item(1)
    assert short.text() == stage.actions[1].title and short.toolTip() == ""
    assert (actions.list.visualItemRect(item).height()
            <= 3 * actions.list.fontMetrics().lineSpacing() + 12)
