"""File ▸ Export ▸ Manual: the optional plan page, its goal starting as the window's last
plan, typeset by the same chapter builder as ``export pdf --plan-won``.

The process (tests.model.plan.test_backcalc.linear): call → meeting 10 %, meeting →
proposal 50 %, proposal wins 30 %; by hand 30 won deals need 30 ÷ 0.015 = 2,000 calls,
200 meetings and 100 proposals."""

from __future__ import annotations

import datetime

import pytest
from pypdf import PdfReader

from salesdesigner.export.pdf.builder import render_pdf
from salesdesigner.model.plan import back_calculate
from salesdesigner.model.plan.onscreen import PlanGoal
from salesdesigner.ui.manual_dialog import ManualDialog
from tests.model.plan.test_backcalc import linear


def _text(data: bytes) -> list[str]:
    import io
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def dialog(qtbot):
    dlg = ManualDialog(linear(), plan_goal=PlanGoal(won=30.0))
    qtbot.addWidget(dlg)
    return dlg


def test_the_plan_page_starts_from_the_windows_plan_and_is_off_until_ticked(dialog):
    assert not dialog.plan_page.isChecked() and not dialog.plan_goal.isEnabled()
    assert dialog.plan_kind.currentData() == "won" and dialog.plan_goal.value() == 30
    assert dialog.plan_rates.currentData() == "targets"
    assert "plan_goal" not in dialog.section_options()
    dialog.plan_page.setChecked(True)
    assert dialog.plan_goal.isEnabled() and not dialog.plan_size.isEnabled()
    assert dialog.section_options()["plan_goal"] == PlanGoal(won=30.0)
    dialog.plan_kind.setCurrentIndex(1)
    assert dialog.plan_size.isEnabled()
    revenue = ManualDialog(linear(), plan_goal=PlanGoal(won=None, goal=9e6, deal_size=3e5,
                                                        source="actual"))
    assert revenue.plan_kind.currentData() == "revenue"
    assert (revenue.plan_goal.value(), revenue.plan_size.value()) == (9e6, 3e5)
    assert revenue.plan_rates.currentData() == "actual"
    revenue.deleteLater()


def test_the_plan_page_is_the_one_export_pdf_makes(qtbot, dialog):
    dialog.plan_page.setChecked(True)
    with qtbot.waitSignal(dialog.previewReady, timeout=90_000):
        dialog.render()
    pages = _text(dialog.data)
    plan = next(p for p in pages if "2,000" in p and "Plan" in p)
    assert "200" in plan and "100" in plan
    process = linear()
    cli = render_pdf(process, plan=back_calculate(process, won=30),
                     today=datetime.date.today())
    assert pages == _text(cli.data)         # the same builder: the same pages, word for word


def test_a_goal_the_plan_cannot_work_with_is_said_and_nothing_is_typeset(dialog):
    dialog.plan_page.setChecked(True)
    dialog.plan_kind.setCurrentIndex(1)       # revenue, deal size "from the actuals": none
    dialog.plan_goal.setValue(3_000_000)
    dialog.render()
    assert not dialog.is_rendering()
    assert dialog.status.text().startswith("Plan page: a revenue goal needs the average "
                                           "deal size")
    assert dialog.data is None
