"""The bundled templates say what their KPIs measure, the same in Japanese and English,
so a team starting from one can set its CRM history against the targets at once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from salesdesigner.model.actuals import DealEvent, analyze
from salesdesigner.model.entities import Measure
from salesdesigner.storage.templates import load_template

TEMPLATES = ("eight-step", "the-model")


def _measures(name: str, lang: str) -> dict[str, tuple[Measure | None, str]]:
    p = load_template(name, lang)
    return {k.id: (k.measure, k.measure_to) for s in p.stages for k in s.kpis}


@pytest.mark.parametrize("name", TEMPLATES)
def test_japanese_and_english_templates_measure_the_same_kpis(name):
    ja, en = _measures(name, "ja"), _measures(name, "en")
    assert ja == en
    measured = {m for m, _ in ja.values() if m is not None}
    assert {Measure.CONVERSION, Measure.WIN_RATE, Measure.ENTRIES} <= measured


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_conversion_names_a_stage_after_its_own_and_rates_are_percent(name):
    p = load_template(name, "ja")
    for stage in p.stages:
        for k in stage.kpis:
            if k.measure in (Measure.CONVERSION, Measure.WIN_RATE):
                assert k.unit == "%"
            if k.measure is Measure.CONVERSION:
                assert p.has_stage(k.measure_to) and k.measure_to != stage.id


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_measured_template_kpi_gets_an_actual_from_a_history_along_its_arrows(name):
    p = load_template(name, "en")
    at, events = datetime(2026, 10, 1), []
    # one deal per measured KPI stage: enter it and move on along the measured arrow
    for i, stage in enumerate(p.stages):
        for k in stage.kpis:
            if k.measure is None:
                continue
            nxt = k.measure_to or next(s.id for s in p.stages if s.kind.value == "won")
            events += [DealEvent(f"{stage.id}-{k.id}", stage.id, at + timedelta(days=i)),
                       DealEvent(f"{stage.id}-{k.id}", nxt, at + timedelta(days=i + 3))]
    a = analyze(p, events, "2026-10")
    measured = [k for k in a.kpis if k.measure is not None]
    assert measured and all(k.actual is not None for k in measured), \
        [(k.name, k.reason) for k in measured if k.actual is None]
