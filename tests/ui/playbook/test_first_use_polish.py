"""Reading polish found by driving the real reader: targets that wrap inside their unit,
stray double spaces."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from salesdesigner.model import Direction, Kpi, Process, Stage, StageKind
from salesdesigner.ui.playbook import PlaybookWindow
from salesdesigner.ui.playbook.stage_page import WORD_JOINER


def _reader(qtbot) -> PlaybookWindow:
    process = Process(id="p", name="KPI units", language="en")
    process.add_stage(Stage("s", "Outreach", StageKind.STAGE, kpis=(
        Kpi("First meetings booked", 12.0, "meetings/month", Direction.HIGHER,
            "New first meetings per rep"),)))
    reader = PlaybookWindow(process, "KPI units")
    qtbot.addWidget(reader)
    reader.go_to("s")
    return reader


def test_a_kpi_target_never_wraps_inside_a_unit_with_a_slash(qtbot):
    reader = _reader(qtbot)
    targets = [label.text() for label in reader.page.widget().findChildren(QLabel)
               if "meetings/" in label.text()]
    assert targets == [f"≥ 12 meetings/{WORD_JOINER}month"]
    assert "≥ 12 meetings/month" in reader.page.texts()  # what a reader copies or hears


def test_the_direction_hint_follows_the_definition_after_one_space(qtbot):
    reader = _reader(qtbot)
    assert "New first meetings per rep (higher is better)" in reader.page.texts()


def test_the_japanese_reader_uses_the_designers_words_for_stages_and_tips(qtbot):
    from salesdesigner.model import Stage as S

    process = Process(id="p", name="用語", language="ja")
    process.add_stage(S("s", "ヒアリング", StageKind.STAGE, tips=("最後まで聞く",)))
    reader = PlaybookWindow(process, "用語")
    qtbot.addWidget(reader)
    reader.go_to("s")
    texts = reader.page.texts()
    assert "コツ" in texts and "ヒント" not in texts  # ヒント is the validation panel's word
    assert any("ステージ" in t for t in texts) and not any(t == "ステップ" for t in texts)
