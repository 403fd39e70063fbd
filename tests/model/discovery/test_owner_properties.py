"""Properties of the per-owner comparison on generated histories: no crash, p and q in
[0, 1], each owner plus the team adds up to the funnel's own counts, anonymising hides
every name, and the answer does not depend on the order of the events."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals import DealEvent, Outcome, analyze
from salesdesigner.model.discovery.owners import compare_owners
from salesdesigner.model.discovery.owners_report import owners_to_json, render_owners
from tests.model.actuals.history_samples import funnel_process

BASE = datetime(2026, 9, 25)
OWNERS = ["", "田中", "Sato", "<b>&amp;\"x\"", "🙂 林"]

event = st.builds(
    DealEvent,
    deal_id=st.sampled_from([f"D{i}" for i in range(14)]),
    stage_id=st.sampled_from(["lead", "prop", "nego", "won", "lost", "elsewhere"]),
    entered=st.integers(0, 60 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m)),
    owner=st.sampled_from(OWNERS),
    outcome=st.one_of(st.none(), st.sampled_from(list(Outcome))),
)
histories = st.lists(event, max_size=60)


@settings(max_examples=40, deadline=None)
@given(histories)
def test_each_owner_and_the_team_add_up_to_the_funnel(evs):
    process = funnel_process()
    c = compare_owners(process, evs)
    funnel = {s.stage_id: s for s in analyze(process, evs).stages}
    assert c.deals == len({e.deal_id for e in evs if e.stage_id in funnel})
    assert sum(o.deals for o in c.owners) + c.unowned_deals == c.deals
    for owner in c.owners:
        for s in owner.stages:
            whole = funnel[s.stage_id]
            assert s.reached + s.team_reached == whole.reached
            assert s.won + s.team_won == whole.won
            moved = {t: s.moved_on.get(t, 0) + s.team_moved_on.get(t, 0)
                     for t in {*s.moved_on, *s.team_moved_on}}
            assert moved == whole.moved_on
            assert s.stays + s.team_stays == whole.stays
            assert s.days_median is None or s.days_median >= 0
    for x in c.comparisons:
        assert 0 <= x.p_value <= 1 and x.p_value <= x.q_value <= 1
        assert 0 <= x.hits <= x.reached and 0 <= x.team_hits <= x.team_reached
        assert not x.flagged or x.q_value <= c.alpha
    assert set(c.findings) <= set(c.comparisons)


@settings(max_examples=40, deadline=None)
@given(histories, st.sampled_from(["ja", "en"]))
def test_anonymised_text_and_json_name_no_owner(evs, language):
    c = compare_owners(funnel_process(), evs)
    text = render_owners(c, language, anonymise=True)
    data = json.dumps(owners_to_json(c, language, anonymise=True), ensure_ascii=False)
    for owner in c.owners:
        assert owner.owner not in text
        assert f'"{owner.owner}"' not in data


@settings(max_examples=30, deadline=None)
@given(histories, st.randoms(use_true_random=False))
def test_the_comparison_does_not_depend_on_the_order_of_the_events(evs, rnd):
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    assert owners_to_json(compare_owners(funnel_process(), evs)) == \
        owners_to_json(compare_owners(funnel_process(), shuffled))


@settings(max_examples=40, deadline=None)
@given(histories)
def test_days_medians_equal_the_plain_median_of_each_group(evs):
    import statistics

    from salesdesigner.model.actuals.history import build_history

    process = funnel_process()
    history = build_history(process, evs)
    c = compare_owners(process, evs)
    paths = history.deals
    for owner in c.owners:
        for s in owner.stages:
            if not c.open_stage(s.stage_id):
                continue
            mine, theirs = [], []
            for path in paths:
                days = [v.days for v in path.visits if v.stage_id == s.stage_id
                        and v.days is not None]
                (mine if " ".join(path.owner.split()) == owner.owner else theirs).extend(days)
            assert s.days_median == (statistics.median(mine) if mine else None)
            assert s.team_days_median == (statistics.median(theirs) if theirs else None)
