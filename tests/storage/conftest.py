"""Shared helpers for the document tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from salesdesigner.model import (
    Action,
    Attachment,
    Kpi,
    Lane,
    Material,
    Position,
    Process,
    Script,
    Stage,
    StageKind,
    Transition,
)


def fingerprint(path: Path) -> tuple[str, int]:
    """Content hash and modification time: both must survive a failed open untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def sample_process() -> Process:
    """A small but complete process touching every table, in Japanese."""
    p = Process(id="p-1", name="法人営業プロセス", description="説明 <b>&amp;</b>\x00末尾",
                language="ja", currency="JPY", company="株式会社サンプル", revision="v2",
                logo="logo", extensions={"x-owner": {"team": ["営業", 1, None, True]}})
    p.add_lane(Lane("is", "インサイドセールス", "#F58518", 240.0, {"x-note": [1, "a"]}))
    p.add_lane(Lane("fs", "フィールドセールス", "#54A24B"))
    p.add_attachment(Attachment("logo", "会社 案内.pdf", b"%PDF-1.4\x00\xff", "application/pdf"))
    p.add_attachment(Attachment("empty", "empty.bin", b""))
    p.add_stage(Stage("start", "開始", StageKind.START, "is", Position(100.0, 80.0)))
    p.add_stage(Stage(
        "approach", "アプローチ", lane="fs", position=Position(360.5, -0.0), goal="アポ獲得",
        description="電話\tと\nメール", exit_criteria=("日程確定", "決裁者判明"),
        duration_days=7.0,
        kpis=(Kpi("アポ率", 10.0, "%", id="appointment-rate", extensions={"x-src": "crm"}),
              Kpi("リードタイム", 2.25, "日", "lower", "中央値"), Kpi("未設定")),
        actions=(Action("電話", "担当", "初日", "アジェンダ確認"),),
        scripts=(Script("冒頭", "初回", "お時間ありがとうございます。"),),
        materials=(Material("会社案内", "attachment:logo", "PDF"),
                   Material("事例", "https://example.com/case")),
        tips=("朝に電話",), extensions={"x-color": "#fff"}))
    p.add_stage(Stage("won", "受注", StageKind.WON, None, Position(600, 80), duration_days=None))
    p.add_stage(Stage("lost", "失注", StageKind.LOST))
    p.add_transition(Transition("t2", "approach", "won", "アポ獲得", "日程確定"))
    p.add_transition(Transition("t1", "start", "approach"))
    p.add_transition(Transition("t3", "approach", "lost", "見送り", extensions={"x-w": 2}))
    return p


def approach_kpis_as_released(p: Process) -> Process:
    """Give ``p`` (the Japanese eight-step template) the approach stage's KPIs as the
    files in ``data/`` were written: アポイント獲得率 measured as the conversion to
    hearing, then キーパーソン接触率 and 初回商談の設定数 (the template changed since)."""
    import dataclasses

    from salesdesigner.model.entities import Direction, Kpi, Measure
    approach = p.stage("approach")
    booked, _outreach, connect = approach.kpis
    p.replace_stage(dataclasses.replace(approach, kpis=(
        dataclasses.replace(booked, measure=Measure.CONVERSION, measure_to="hearing"),
        connect, Kpi("初回商談の設定数", 12.0, "件/月", Direction.HIGHER,
                     "当月に新たに設定した初回商談の数（担当者1人あたり）", id="appointments"))))
    return p


def eight_step_as_released(lang: str = "ja") -> Process:
    """The eight-step template as the layout 2 and 3 files in ``data/`` were written from
    it: no KPI measured anything then (issue 10), the approach KPIs as they were."""
    import dataclasses

    from salesdesigner.storage.templates import load_template
    p = approach_kpis_as_released(load_template("eight-step", lang))
    for stage in p.stages:
        p.replace_stage(dataclasses.replace(stage, kpis=tuple(
            dataclasses.replace(k, measure=None, measure_to="") for k in stage.kpis)))
    return p
