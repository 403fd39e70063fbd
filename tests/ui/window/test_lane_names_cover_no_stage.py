"""A lane's name never hides a stage: not in the view a template opens with (60 %), not
after Fit to Window, not while panning sideways at any zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from salesdesigner.storage.templates import load_template
from salesdesigner.ui.canvas.pinned_titles import LEGIBLE_ZOOM
from salesdesigner.ui.main_window import READABLE_ZOOM

TEMPLATES = [("the-model", "ja"), ("eight-step", "ja"), ("the-model", "en"),
             ("eight-step", "en")]


def _hidden_cards(window) -> list[tuple[str, str]]:
    """(lane name, stage name) of each stage card an opaque pinned title is drawn over."""
    view, scene = window.view, window.scene
    hidden = []
    for t in view.pinned_titles():
        if getattr(t, "faint", False):  # see-through
            continue
        for item in scene.stage_items().values():
            card = view.mapFromScene(item.scene_body_rect()).boundingRect()
            if t.area.toAlignedRect().intersects(card):
                hidden.append((t.lane.lane.name, item.stage.name))
    return hidden


@pytest.fixture
def opened(make_window, qtbot):
    def open_(name: str, lang: str):
        window = make_window(load_template(name, lang))
        window.resize(1600, 1000)
        window.show()
        qtbot.waitExposed(window)
        window.show_whole_process()
        return window
    return open_


@pytest.mark.parametrize(("name", "lang"), TEMPLATES)
def test_a_template_opens_with_its_lane_names_beside_the_lanes(opened, name, lang):
    window = opened(name, lang)
    assert window.view.zoom_level() == pytest.approx(READABLE_ZOOM)
    assert READABLE_ZOOM < LEGIBLE_ZOOM  # the names are tabs at screen size
    titles = window.view.pinned_titles()
    assert [t.lane.lane.name for t in titles] == [lane.name for lane in window.process.lanes]
    lanes_left = window.view.mapFromScene(QPointF(0, 0)).x()
    for t in titles:  # in a gutter left of the lanes, wholly visible
        assert (not getattr(t, "faint", False) and t.area.left() >= 0
                and t.area.right() <= lanes_left + 1)
    assert _hidden_cards(window) == []


@pytest.mark.parametrize(("name", "lang"), TEMPLATES)
@pytest.mark.parametrize("zoom", [READABLE_ZOOM, 0.4, 1.0, 1.5])
def test_panning_sideways_never_puts_a_lane_name_over_a_stage(opened, name, lang, zoom):
    window = opened(name, lang)
    window.view.set_zoom(zoom)
    bar = window.view.horizontalScrollBar()
    start = bar.value()
    seen = 0
    for step in range(0, 1400, 70):  # the stages slide under the left edge one by one
        bar.setValue(start + step)
        titles = window.view.pinned_titles()
        seen += len(titles)
        assert _hidden_cards(window) == [], (step, bar.value())
    assert seen  # the names stayed in sight while panning


@pytest.mark.parametrize(("name", "lang"), TEMPLATES)
def test_fit_to_window_keeps_the_gutter(opened, name, lang):
    window = opened(name, lang)
    window.view.zoom_fit()
    assert all(not getattr(t, "faint", False) for t in window.view.pinned_titles())
    assert _hidden_cards(window) == []
