"""The manual's optional "Current performance" chapter: off by default, the period's funnel
in process order, KPI actuals against targets, the bottleneck's sentence, a trend chart per
measured KPI — numbers worked out by hand in :mod:`tests.export_pdf.actuals_sample`."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest

from salesdesigner.export.pdf import PdfExportError, render_pdf
from salesdesigner.export.pdf.performance import _Chart, performance_of
from salesdesigner.model.actuals import analyze, bottleneck_sentence
from salesdesigner.model.actuals.periods import latest_full_month
from tests.export_pdf.actuals_sample import sample_process
from tests.export_pdf.conftest import page_texts


def _text(data: bytes) -> str:
    return " ".join(" ".join(page_texts(data)).split())


@pytest.fixture(scope="module")
def manual_en() -> str:
    return _text(render_pdf(sample_process("en"), performance=True, stages=["lead"]).data)


def test_the_section_is_off_by_default(manual_en) -> None:
    plain = _text(render_pdf(sample_process("en"), stages=["lead"]).data)
    assert "Current performance" not in plain and "Funnel" not in plain
    assert "Current performance" in manual_en


def test_the_latest_full_month_is_the_default_period(manual_en) -> None:
    assert "Period: October 2026" in manual_en
    assert "Deals in the period: 5" in manual_en
    assert "Data up to: 3 November 2026" in manual_en


@pytest.mark.parametrize(("first", "last", "expected"), [
    (datetime(2026, 1, 5), datetime(2026, 11, 3), "2026-10"),
    (datetime(2026, 1, 5), datetime(2026, 10, 31, 18), "2026-10"),   # its last day
    (datetime(2025, 6, 5), datetime(2026, 1, 10), "2025-12"),         # across the year
    (datetime(2026, 11, 1), datetime(2026, 11, 20), "2026-11"),       # no full month yet
])
def test_latest_full_month(first, last, expected) -> None:
    assert latest_full_month(first, last).label == expected


def test_funnel_follows_the_process_order_with_hand_counted_numbers(manual_en) -> None:
    funnel = manual_en[manual_en.index("Funnel, in the order"):manual_en.index("KPIs: target")]
    # stage, reached, moved on, won, median days
    rows = re.findall(r"(Lead|Meeting|Proposal|Won|Lost) (\d+) (\S+) (\S+) (\S+(?: days)?)",
                      funnel)
    assert [r[0] for r in rows] == ["Lead", "Meeting", "Proposal", "Won", "Lost"]
    assert rows[0][1:] == ("5", "80%", "20%", "4 days")
    assert rows[1][1:] == ("4", "75%", "25%", "3 days")
    assert rows[2][1:] == ("2", "100%", "50%", "10.5 days")
    assert rows[3][1:3] == ("1", "—") and rows[4][1] == "2"


def test_kpis_show_actual_against_target_and_whether_met(manual_en) -> None:
    table = manual_en[manual_en.index("KPIs: target and actual"):]
    assert re.search(r"New leads ≥ ?5 5 met", table)
    assert re.search(r"Meeting to proposal ≥ 60% 50% below target", table)
    assert re.search(r"Win rate ≥ 40% 50% met", table)
    assert "Notes kept" not in table  # no measure: counted in a note, not a row of dashes
    assert "KPIs left out because they do not say what they measure: 1." in table


def test_a_won_amount_over_too_few_deals_is_not_printed(manual_en) -> None:
    assert "1,111,111" not in manual_en
    assert "not shown: fewer than 3 won deals" in manual_en


def test_the_bottleneck_sentence_is_the_analysis_one() -> None:
    process = sample_process("ja")
    text = _text(render_pdf(process, performance=True, stages=["lead"]).data).replace(" ", "")
    sentence = bottleneck_sentence(analyze(process, process.actuals.events, "2026-10"))
    assert sentence.startswith("初回面談→提案の移行率が目標60%に対し50%")
    assert sentence.replace(" ", "") in text
    assert "期間：2026年10月" in text


def test_a_chosen_period_replaces_the_default() -> None:
    text = _text(render_pdf(sample_process("en"), performance=True, period="2026-09",
                            stages=["lead"]).data)
    assert "Period: September 2026" in text and "Deals in the period: 1" in text


def test_one_trend_chart_per_measured_kpi_with_the_monthly_actuals() -> None:
    from salesdesigner.export.pdf.performance import performance_chapter
    from salesdesigner.export.pdf.sections import Manual
    from salesdesigner.export.pdf.styles import Typesetter
    from salesdesigner.model.presentation import Words

    process = sample_process("en")
    perf = performance_of(process)
    assert [p.period.label for p in perf.trend] == ["2026-09", "2026-10"]
    manual = Manual(process, Words("en", "manual"), Typesetter(False), list(process.stages))

    def anchor(*_args, **_kw):
        from salesdesigner.export.pdf.sections import Anchor
        return Anchor("k", 0, "", "", "")

    charts = []
    for flowable in performance_chapter(manual, perf, anchor, 450):
        for row in getattr(flowable, "_cellvalues", []):
            cells = [c for cell in row for c in (cell if isinstance(cell, list) else [cell])]
            charts += [c for c in cells if isinstance(c, _Chart)]
    # entries, conversion, win rate: the won amount never has enough deals to show
    assert len(charts) == 3
    series = [chart.drawing.contents[0].data[0] for chart in charts]
    assert [100.0, 50.0] in series          # Meeting → Proposal: September, October
    assert [1.0, 5.0] in series             # new leads a month


def test_without_actuals_the_section_is_refused_in_one_line() -> None:
    from tests.export_pdf.conftest import build_process
    with pytest.raises(PdfExportError, match="no actuals"):
        render_pdf(build_process("en"), performance=True)
    with pytest.raises(PdfExportError, match="performance"):
        render_pdf(sample_process("en"), period="2026-10")


def test_a_period_without_deals_says_so() -> None:
    text = _text(render_pdf(sample_process("en"), performance=True, period="2026-03",
                            stages=["lead"]).data)
    assert "No deal moved in this period." in text


HEADINGS = ("The bottleneck", "Funnel, in the order of the process",
            "KPIs: target and actual", "KPI trend by month")


@pytest.mark.parametrize("extra_stages", [0, 7, 12, 18, 25])
def test_headings_never_end_a_page_and_no_table_row_is_left_alone(extra_stages) -> None:
    """The funnel grows a row per stage, so each count moves the later headings down the
    page; whatever the position, a heading has its content under it on the same page."""
    from salesdesigner.model import Kpi, Stage, StageKind, Transition
    from salesdesigner.model.entities import Measure

    process = sample_process("en")
    previous = "lead"
    for n in range(extra_stages):
        sid = f"x{n}"
        process.add_stage(Stage(sid, f"Extra step {n}", StageKind.STAGE,
                                kpis=(Kpi(f"Extra KPI {n}", 50, "%", id=f"xk{n}",
                                          measure=Measure.CONVERSION, measure_to="meet"),)))
        process.add_transition(Transition(f"xt{n}", previous, sid))
        previous = sid
    pages = page_texts(render_pdf(process, performance=True, stages=["lead"]).data)
    for page in pages:
        lines = [x.strip() for x in page.split("\n") if x.strip()]
        body = [x for x in lines if not x.startswith("Page ") and x != "Sales process"
                and x != "Current performance"]
        for heading in HEADINGS:
            if heading in body:
                after = body[body.index(heading) + 1:]
                assert len(after) >= 3, (heading, extra_stages, after)


def test_hostile_stage_and_kpi_names_print_literally_in_every_part_of_the_section() -> None:
    from tests.strategies import HOSTILE

    process = sample_process("en")
    joined = "".join(HOSTILE)
    meet = process.stage("meet")
    process.update_stage("meet", name="<b>Meeting</b> & <i>co" + joined + "長" * 3000,
                         kpis=(dataclasses.replace(meet.kpis[0],
                                                   name='<font color="red">Conv</font> 😀'),
                               *meet.kpis[1:]))
    result = render_pdf(process, performance=True, stages=["lead"])
    text = "".join("".join(page_texts(result.data)).split())  # table cells wrap anywhere
    assert text.count("<b>Meeting</b>&<i>co") >= 3   # funnel, KPI table, trend, bottleneck
    assert '<fontcolor="red">Conv</font>😀' in text


def test_progress_counts_the_optional_chapters_and_ends_at_its_total() -> None:
    process = sample_process("en")
    calls: list[tuple[int, int]] = []
    render_pdf(process, performance=True, previous=process.copy(),
               progress=lambda done, total: calls.append((done, total)))
    assert calls and all(done <= total for done, total in calls)
    assert calls[-1][0] == calls[-1][1]
