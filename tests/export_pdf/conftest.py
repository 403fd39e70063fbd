"""Shared helpers for the PDF manual tests: sample processes and text extraction."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from salesdesigner.model import (
    Action,
    Direction,
    Kpi,
    Lane,
    Material,
    Process,
    Script,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.layout import apply_layout


def build_process(language: str = "en") -> Process:
    """Three lanes, a decision, a loop, won/lost outcomes, a hand-off to another lane."""
    ja = language == "ja"
    p = Process(id="p", name="法人営業プロセス" if ja else "B2B sales process", language=language,
                company="サンプル株式会社" if ja else "Sample Inc.", revision="2",
                description="PROCESS-DESCRIPTION: how we sell.")
    p.add_lane(Lane("is", "インサイドセールス" if ja else "Inside sales", "#4C78A8"))
    p.add_lane(Lane("fs", "フィールドセールス" if ja else "Field sales", "#F58518"))
    p.add_lane(Lane("cs", "カスタマーサクセス" if ja else "Customer success", "#54A24B"))

    def stage(sid: str, name: str, kind: StageKind, lane: str, **kw: object) -> None:
        p.add_stage(Stage(sid, name, kind, lane, **kw))

    stage("start", "Lead in" if not ja else "問い合わせ", StageKind.START, "is")
    stage("call", "First call" if not ja else "初回コール", StageKind.STAGE, "is",
          goal="Qualify the lead", exit_criteria=("Budget confirmed",),
          kpis=(Kpi("Appointment rate", 30, "%", Direction.HIGHER, "Meetings per call"),
                Kpi("Response time", 2, "hours", Direction.LOWER)),
          actions=(Action("Check the CRM", "IS", "before the call", "Earlier contacts"),),
          scripts=(Script("Opening", "first 30 s", "Thanks for reaching out, OPENING-SCRIPT."),),
          materials=(Material("Deck", "https://example.com/deck"),), tips=("Listen more",))
    stage("qual", "Qualified?" if not ja else "商談化判定", StageKind.DECISION, "is")
    stage("demo", "Demo" if not ja else "デモ", StageKind.STAGE, "fs",
          kpis=(Kpi("Proposals", 10, "", Direction.HIGHER, "per month"),),
          scripts=(Script("Demo talk", "", "DEMO-SCRIPT body"),))
    stage("nurture", "Nurture" if not ja else "ナーチャリング", StageKind.STAGE, "is")
    stage("won", "Won" if not ja else "受注", StageKind.WON, "fs")
    stage("lost", "Lost" if not ja else "失注", StageKind.LOST, "fs")
    stage("onb", "Onboarding" if not ja else "導入支援", StageKind.STAGE, "cs",
          kpis=(Kpi("Activation", 80, "%"),))
    edges = [("start", "call", ""), ("call", "qual", ""), ("qual", "demo", "yes"),
             ("qual", "nurture", "no"), ("nurture", "call", "later"), ("demo", "won", "signed"),
             ("demo", "lost", "declined"), ("won", "onb", "")]
    for n, (s, t, label) in enumerate(edges):
        p.add_transition(Transition(f"t{n}", s, t, label, "after review" if label else ""))
    apply_layout(p)
    return p


def page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def outline_entries(data: bytes) -> list[tuple[str, int]]:
    """(title, 1-based page) of every outline entry, flattened in order."""
    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


@pytest.fixture
def sample_en() -> Process:
    return build_process("en")


@pytest.fixture
def sample_ja() -> Process:
    return build_process("ja")
