"""Properties of the odds, forecast and levers on generated histories (any order of
events, outcomes stated or not, stages the process lacks): chances in [0, 1] inside their
ranges, the forecast bounded by the open deals, the same answer whatever order the events
arrive in, and no deal id, name or owner in the JSON."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.forecast.levers import levers
from salesdesigner.model.forecast.odds import estimate
from salesdesigner.model.forecast.pipeline import forecast
from salesdesigner.model.forecast.report import forecast_to_json, levers_to_json
from tests.model.actuals.history_samples import funnel_process
from tests.model.actuals.test_properties import histories


@settings(max_examples=40, deadline=None)
@given(histories, st.randoms(use_true_random=False))
def test_odds_forecast_and_levers_stay_in_bounds_and_ignore_event_order(evs, rnd: random.Random):
    process = funnel_process("en")
    history = build_history(process, evs)
    found = estimate(history, draws=50)
    for s in found.stages:
        assert 0 <= s.low <= s.win <= s.high <= 1
        assert s.days_to_close is None or s.days_to_close >= 0
    fc = forecast(history, found)
    assert 0 <= fc.total.won <= fc.open_deals
    assert fc.total.won_low <= fc.total.won <= fc.total.won_high <= fc.open_deals
    assert sum(p.deals for p in fc.periods) == fc.open_deals
    ranked = levers(history, found)
    gains = [lv.won_per_month for lv in ranked]
    assert gains == sorted(gains, reverse=True)
    text = json.dumps([forecast_to_json(found, fc), levers_to_json(found, ranked)])
    for e in evs:
        assert f'"{e.deal_id}"' not in text
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    again = estimate(build_history(process, shuffled), draws=50)
    assert [(s.win, s.low, s.high) for s in again.stages] == \
        [(s.win, s.low, s.high) for s in found.stages]
