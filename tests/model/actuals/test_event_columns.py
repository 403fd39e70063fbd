"""Events held as columns (what an import and an open hand over) give exactly what the same
events as objects give: the same sequence, the same merge into the document, the same
history and the same analysis (the stalled list too), whatever order they come in."""

from __future__ import annotations

import pickle
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals import DealEvent, analysis_to_json, analyze
from salesdesigner.model.actuals.events import FIELDS, EventColumns, events_of
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.actuals.record import _ORDER, EMPTY_ACTUALS
from tests.model.actuals.history_samples import funnel_process
from tests.model.actuals.test_vectorised_equals_plain import _deal, periods, walks


def _columns(events: list[DealEvent], *, micros: bool = False) -> EventColumns:
    """``events`` as an importer makes them: one list per field, no object."""
    made = EventColumns(*([getattr(e, f) for e in events] for f in FIELDS))
    if micros:
        made.micros()  # as the reader hands them over, moments already counted
    return made


def _as_imported(events: list[DealEvent]) -> EventColumns:
    return _columns(events, micros=True)


@settings(max_examples=60, deadline=None)
@given(walks(), periods, st.booleans())
def test_an_analysis_of_columns_equals_the_analysis_of_the_same_events(evs, period, sort):
    if sort:  # the document's order (its columns then pass through untouched)
        evs = sorted(evs, key=_ORDER)
    process = funnel_process()
    plain = analyze(process, list(evs), period)
    columns = analyze(process, _as_imported(evs), period)
    assert analysis_to_json(columns, include_deals=True) == \
        analysis_to_json(plain, include_deals=True)
    assert columns.stalled == plain.stalled
    new, old = build_history(process, _columns(evs)), build_history(process, list(evs))
    assert [_deal(d) for d in new.deals] == [_deal(d) for d in old.deals]
    assert (new.first, new.last, new.used_events, new.ignored_events) == \
        (old.first, old.last, old.used_events, old.ignored_events)


@settings(max_examples=60, deadline=None)
@given(walks(), st.booleans())
def test_merging_columns_keeps_the_events_and_order_a_tuple_gives(evs, sort):
    if sort:
        evs = sorted(evs, key=_ORDER)
    columns = _as_imported(evs)
    merged = EMPTY_ACTUALS.merged(columns)
    assert merged.events == EMPTY_ACTUALS.merged(list(evs)).events
    assert tuple(merged.events) == EMPTY_ACTUALS.merged(list(evs)).events
    keys = list(map(_ORDER, evs))
    assert columns.in_key_order() == all(a < b for a, b in zip(keys, keys[1:], strict=False))
    # kept as columns exactly when they came in the document's order
    assert isinstance(merged.events, EventColumns) == columns.in_key_order()


@settings(max_examples=40, deadline=None)
@given(walks(), st.data())
def test_columns_are_the_sequence_of_their_events(evs, data):
    columns = _columns(evs)
    assert len(columns) == len(evs) and bool(columns) == bool(evs)
    assert columns == tuple(evs) and columns == list(evs) and tuple(evs) == columns
    assert list(columns) == evs and hash(columns) == hash(tuple(evs))
    assert _columns(evs) == columns  # compared column by column, no object made
    if evs:
        i = data.draw(st.integers(0, len(evs) - 1))
        assert columns[i] == evs[i] and columns[-1] == evs[-1]
        order = data.draw(st.permutations(range(len(evs))))
        assert list(columns.taken(order)) == [evs[k] for k in order]
        assert list(EventColumns.of(evs).taken(order)) == [evs[k] for k in order]
    assert pickle.loads(pickle.dumps(columns)) == columns
    assert pickle.loads(pickle.dumps(EventColumns.of(evs))) == columns


def test_events_made_from_columns_are_the_dataclass_events():
    at = datetime(2026, 4, 1, 10, 30)
    made = events_of(["D1"], ["lead"], [at], [1.5], ["Lee"], ["A社"], [None], [""])
    assert made == [DealEvent("D1", "lead", at, 1.5, "Lee", "A社")]
    with pytest.raises(AttributeError):
        made[0].owner = "x"  # type: ignore[misc]  # still frozen
    with pytest.raises(ValueError):
        events_of(["D1"], [], [at], [1.5], ["Lee"], ["A社"], [None], [""])
    with pytest.raises(ValueError):
        EventColumns(["D1", "D2"], ["lead"], [at], [1.5], ["Lee"], ["A社"], [None], [""])


def test_a_tie_in_time_is_in_key_order_by_stage_id_and_never_twice():
    at = datetime(2026, 4, 1)
    later = datetime(2026, 4, 2)

    def cols(*rows: tuple[str, str, datetime]) -> EventColumns:
        return _as_imported([DealEvent(d, s, t) for d, s, t in rows])

    assert cols(("A", "lead", at), ("A", "prop", at), ("B", "lead", at)).in_key_order()
    assert not cols(("A", "prop", at), ("A", "lead", at)).in_key_order()
    assert not cols(("A", "lead", at), ("A", "lead", at)).in_key_order()
    assert not cols(("A", "lead", later), ("A", "prop", at)).in_key_order()
    assert not cols(("B", "lead", at), ("A", "lead", later)).in_key_order()
    assert cols(("A", "prop", at), ("A", "lead", later)).in_key_order()


def test_stalled_deals_longest_first_then_by_deal_id_as_text():
    # three deals enter 提案 (prop, 14 designed days) at the same moment, one a day later;
    # the data's last event is 50 days after the first: 50, 50, 50 and 49 days waited
    at = datetime(2026, 10, 1)
    evs = [DealEvent(deal, "prop", at) for deal in ("D9", "D10", "D2x")]
    evs += [DealEvent("A", "prop", datetime(2026, 10, 2)),
            DealEvent("Z", "lead", datetime(2026, 11, 20))]
    for events in (evs, _as_imported(sorted(evs, key=_ORDER))):
        stalled = analyze(funnel_process(), events).stalled
        assert [(s.deal_id, s.days) for s in stalled] == [
            ("D10", 50.0), ("D2x", 50.0), ("D9", 50.0), ("A", 49.0)]
