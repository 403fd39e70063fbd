"""What a KPI measures travels in the JSON interchange: written only when set, read back
exactly, checked on import, and files written before it existed still load."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.entities import Measure
from salesdesigner.storage.json_format import InterchangeError, process_from_json, process_to_json
from tests.interchange.test_json_roundtrip import sample


def _with_measure(measure, to=""):
    p = sample()
    stage = p.stage("approach")
    kpi = dataclasses.replace(stage.kpis[0], measure=measure, measure_to=to)
    p.update_stage("approach", kpis=(kpi, *stage.kpis[1:]))
    return p


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(list(Measure)), st.sampled_from(["", "hearing", "no-such-stage"]))
def test_a_kpis_measure_round_trips(measure, to):
    p = _with_measure(measure, to)
    back = process_from_json(process_to_json(p))
    assert back.stages == p.stages
    assert back.stage("approach").kpis[0].measure is measure
    assert back.stage("approach").kpis[0].measure_to == to


def test_the_measure_is_written_after_the_definition_and_only_when_set():
    doc = json.loads(process_to_json(_with_measure(Measure.CONVERSION, "hearing")))
    kpi = doc["stages"][1]["kpis"][0]
    assert list(kpi)[-2:] == ["measure", "measure_to"]
    assert (kpi["measure"], kpi["measure_to"]) == ("conversion", "hearing")
    plain = json.loads(process_to_json(sample()))["stages"][1]["kpis"][0]
    assert "measure" not in plain and "measure_to" not in plain
    win = json.loads(process_to_json(_with_measure(Measure.WIN_RATE)))["stages"][1]["kpis"][0]
    assert win["measure"] == "win_rate" and "measure_to" not in win


def test_a_file_without_measures_loads_with_kpis_not_measured():
    p = process_from_json(process_to_json(sample()))
    assert all(k.measure is None and k.measure_to == "" for s in p.stages for k in s.kpis)


def test_a_null_measure_reads_as_not_measured():
    doc = json.loads(process_to_json(sample()))
    doc["stages"][1]["kpis"][0].update(measure=None, measure_to=None)
    assert process_from_json(json.dumps(doc)).stage("approach").kpis[0].measure is None


@pytest.mark.parametrize("bad", ["revenue", 3, ["conversion"]])
def test_an_unknown_measure_is_one_clear_error(bad):
    doc = json.loads(process_to_json(sample()))
    doc["stages"][1]["kpis"][0]["measure"] = bad
    with pytest.raises(InterchangeError, match="'measure'.*expected one of conversion"):
        process_from_json(json.dumps(doc))
