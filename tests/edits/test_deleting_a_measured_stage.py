"""Deleting a stage that another stage's KPI measures the move to: the KPI stops measuring
(a conversion to a stage that is gone cannot be computed, and an empty target would mean
"to won"), undo restores every KPI exactly; a file that still holds such a KPI is
flagged by validation, and the analysis says why it has no actual."""

from __future__ import annotations

import dataclasses

from salesdesigner.edits import History
from salesdesigner.edits.structure import remove_items
from salesdesigner.model.actuals import analyze
from salesdesigner.model.entities import Measure
from salesdesigner.model.validation import validate
from salesdesigner.storage.templates import load_template


def _kpi(process, stage_id: str, index: int):
    return process.stage(stage_id).kpis[index]


def test_deleting_the_stage_a_conversion_kpi_measures_to_clears_it_and_undo_restores_it():
    process = load_template("eight-step", "en")
    before = process.copy()
    rate = _kpi(process, "hearing", 0)
    assert (rate.measure, rate.measure_to) == (Measure.CONVERSION, "proposal")
    history = History(process)
    history.push(remove_items(["proposal"]))
    rate = _kpi(process, "hearing", 0)
    assert (rate.measure, rate.measure_to) == (None, "")
    assert rate.name == "Discovery-to-proposal rate" and rate.target == 50
    assert not any(k.measure_to == "proposal" for s in process.stages for k in s.kpis)
    history.undo()
    assert process == before
    assert _kpi(process, "hearing", 0).measure_to == "proposal"
    history.redo()
    assert _kpi(process, "hearing", 0).measure is None


def test_a_stale_target_on_another_measure_is_dropped_but_the_measure_kept():
    process = load_template("eight-step", "en")
    stage = process.stage("proposal")
    stale = dataclasses.replace(stage.kpis[0], measure_to="closing")  # a win rate
    process.update_stage("proposal", kpis=(stale, *stage.kpis[1:]))
    before = process.copy()
    history = History(process)
    history.push(remove_items(["closing"]))
    kpi = _kpi(process, "proposal", 0)
    assert (kpi.measure, kpi.measure_to) == (Measure.WIN_RATE, "")
    history.undo()
    assert process == before


def test_a_file_with_a_dangling_measure_is_flagged_and_analysed_without_a_number():
    process = load_template("eight-step", "ja")
    stage = process.stage("hearing")
    dangling = dataclasses.replace(stage.kpis[0], measure_to="gone-stage")
    process.update_stage("hearing", kpis=(dangling, *stage.kpis[1:]))
    findings = [f for f in validate(process) if f.code == "measure-missing-stage"]
    assert len(findings) == 1 and findings[0].stage_ids == ("hearing",)
    assert "gone-stage" in findings[0].message and "提案移行率" in findings[0].message
    analysis = analyze(process, ())
    kpi = next(k for k in analysis.kpis if k.kpi_id == dangling.id)
    assert kpi.actual is None and kpi.reason == "unknown_stage"
