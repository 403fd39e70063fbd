"""The discovered flow equals a plain oracle on generated histories: events in any order,
the same moment twice, re-saves, loops, skips, stages the process lacks.  The oracle walks
each deal's events one by one (the directly-follows relation as process-mining tools
count it, with a CRM's re-saves folded) and asks the funnel's own ``designed_arrow`` —
a second implementation of "the design allows this move" — for conformance."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.actuals.funnel import designed_arrow
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.discovery.conformance import check_conformance
from salesdesigner.model.discovery.flow import discover_history
from tests.model.discovery.samples import design

PROCESS = design()
STAGES = [*PROCESS.stage_ids, "gone"]  # "gone": a stage the process does not have
ORDER = {sid: i for i, sid in enumerate(PROCESS.stage_ids)}

events_strategy = st.lists(
    st.builds(DealEvent, deal_id=st.sampled_from(["a", "b", "c", "d", "é", "甲"]),
              stage_id=st.sampled_from(STAGES),
              entered=st.integers(0, 40).map(
                  lambda h: datetime(2026, 1, 1) + timedelta(hours=6 * h))),
    max_size=40)


def oracle(events: list[DealEvent]):
    per_deal: dict[str, dict[tuple, DealEvent]] = defaultdict(dict)
    for e in events:
        if e.stage_id in ORDER:
            per_deal[e.deal_id][(e.stage_id, e.entered)] = e
    moves: dict[tuple[str, str], int] = defaultdict(int)
    deals: dict[tuple[str, str], set[str]] = defaultdict(set)
    days: dict[tuple[str, str], list[float]] = defaultdict(list)
    conforming = 0
    for deal, by_key in per_deal.items():
        path: list[tuple[str, datetime]] = []
        for stage, at in sorted(by_key, key=lambda k: (k[1], ORDER[k[0]])):
            if not path or path[-1][0] != stage:
                path.append((stage, at))
        ok = True
        for (a, ta), (b, tb) in zip(path, path[1:], strict=False):
            moves[(a, b)] += 1
            deals[(a, b)].add(deal)
            days[(a, b)].append((tb - ta).total_seconds() / 86400)
            ok = ok and designed_arrow(PROCESS, a, b) is not None
        conforming += ok
    return ({k: (n, len(deals[k]), statistics.median(days[k])) for k, n in moves.items()},
            len(per_deal), conforming)


@settings(max_examples=30, deadline=None)
@given(events_strategy)
def test_discovered_moves_and_conformance_equal_the_plain_oracle(events):
    history = build_history(PROCESS, events)
    flow = discover_history(history)
    expected, deals, conforming = oracle(events)
    got = {(m.source, m.target): (m.moves, m.deals, m.median_days) for m in flow.moves}
    assert got == expected
    conf = check_conformance(history, flow)
    assert (conf.deals, conf.conforming) == (deals, conforming)
    # every move is on the diagram or a deviation, once
    assert {(d.source, d.target) for d in conf.deviations} == {
        (m.source, m.target) for m in flow.moves if not m.designed}
    assert sum(flow.arrows.values()) >= sum(m.moves for m in flow.moves if m.designed)
