"""An import is one undoable edit: applying it merges (same key replaced, never twice),
undoing it restores exactly the events, records and mapping before; reading an export
changes nothing until the edit is applied; stripping is one edit too."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from operator import attrgetter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.edits import ImportActuals, SetActuals, strip_actuals
from salesdesigner.edits.history import History
from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.record import EMPTY_ACTUALS
from salesdesigner.storage.actuals_import import read_actuals
from salesdesigner.storage.templates import load_template
from tests.actuals.exports import histories, long_csv
from tests.actuals.strategies import actuals, deal_events, sample_actuals


@settings(max_examples=30, deadline=None)
@given(before=actuals, new=deal_events.map(lambda e: (e,)))
def test_importing_then_undoing_restores_exactly_what_was_there(before, new):
    process = load_template("eight-step", "ja")
    process.set_actuals(before)
    edit = ImportActuals(new + tuple(before.events[:2]), None, (("CRM", "lead"),))
    inverse = edit.apply(process)
    assert len(process.actuals.events) == len({e.key for e in (*before.events, *new)})
    assert process.actuals.stage_mapping["CRM"] == "lead"
    inverse.apply(process)
    assert process.actuals == before


def test_re_importing_an_overlapping_export_replaces_and_never_duplicates(tmp_path):
    first = [DealEvent("D1", "lead", datetime(2026, 4, 1), 100.0),
             DealEvent("D1", "proposal", datetime(2026, 4, 9), 100.0)]
    second = [dataclasses.replace(first[1], amount=250.0),
              DealEvent("D1", "won", datetime(2026, 5, 1), 250.0)]
    process = load_template("eight-step", "ja")
    for n, history in enumerate((first, second, second)):
        path = tmp_path / f"export{n}.csv"
        path.write_text(long_csv(history, [0] * len(history)), encoding="utf-8")
        read_actuals(path, process).edit().apply(process)
    assert [(e.stage_id, e.amount) for e in process.actuals.events] == [
        ("lead", 100.0), ("proposal", 250.0), ("won", 250.0)]
    assert [r.rows_used for r in process.actuals.imports] == [2, 2, 2]
    read_actuals(path, process).edit(replace=True).apply(process)
    assert [e.stage_id for e in process.actuals.events] == ["proposal", "won"]


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories())
def test_reading_an_export_changes_nothing_until_its_edit_is_applied(tmp_path, history):
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    before = process.copy()
    heard = []
    process.events.connect(heard.append)
    path = tmp_path / "export.csv"
    path.write_text(long_csv(history, list(range(len(history)))), encoding="utf-8")
    plan = read_actuals(path, process)
    assert process == before and heard == []
    assert len(plan.events) == len(history)


def test_the_import_is_one_undo_step_in_the_history_and_redo_brings_it_back(tmp_path):
    process = load_template("eight-step", "ja")
    history = History(process)
    path = tmp_path / "export.csv"
    path.write_text(long_csv([DealEvent("D1", "lead", datetime(2026, 4, 1), 5.0)], [0]),
                    encoding="utf-8")
    history.push(read_actuals(path, process).edit())
    imported = process.actuals
    assert len(imported.events) == 1 and len(imported.imports) == 1
    history.undo()
    assert process.actuals == EMPTY_ACTUALS
    history.redo()
    assert process.actuals == imported


def test_stripping_removes_everything_and_its_undo_brings_it_back():
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    inverse = strip_actuals().apply(process)
    assert process.actuals == EMPTY_ACTUALS and not process.actuals
    assert isinstance(inverse, SetActuals)
    inverse.apply(process)
    assert process.actuals == sample_actuals()


def test_a_copy_and_a_reset_carry_the_actuals_and_equality_sees_them():
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    assert process.copy().actuals == sample_actuals()
    other = load_template("eight-step", "ja")
    assert other != process
    other.reset(process)
    assert other == process


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(deal_events, max_size=10), st.booleans(), st.booleans())
def test_merging_keeps_one_event_per_key_in_deal_time_stage_order_however_they_come(
        events, presorted, replace):
    """The shortcut for events already in order (a first import of a sorted export) gives
    what keying and sorting gives: the last event of each key, by (deal, time, stage)."""
    order = attrgetter("deal_id", "entered", "stage_id")
    if presorted:
        events = sorted({order(e): e for e in events}.values(), key=order)
    expected = {}
    for e in events:
        expected[order(e)] = e
    merged = EMPTY_ACTUALS.merged(events, replace=replace).events
    assert merged == tuple(expected[k] for k in sorted(expected))
    assert all(a is b for a, b in zip(merged, (expected[k] for k in sorted(expected)),
                                      strict=True))
