"""The manual's own words, in Japanese and English (the document's language picks)."""

from __future__ import annotations

import datetime

from salesdesigner.model.entities import StageKind
from salesdesigner.model.numbers import display_number
from salesdesigner.model.vocabulary import kind_name, vocabulary

_EN_WORDS, _JA_WORDS = vocabulary("en"), vocabulary("ja")  # headings shared by every medium

_EN: dict[str, str] = {
    "subtitle": "Sales onboarding manual",
    "company": "Company",
    "revision": "Revision",
    "date": "Issued",
    "edition": "This edition covers: {what}",
    "lanes": "lanes {names}",
    "stages": "{count} selected stages",
    "contents": "Contents",
    "how_to_read": "How to read this manual",
    "how_1": "This manual walks you through our sales process in the order a deal moves through "
             "it: from the first contact to the won deal, with every branch right after the "
             "stage it leaves from.",
    "how_2": "Start with the process overview: it shows every stage, the team (lane) responsible "
             "for it and the arrows a deal follows. The numbers on the stages are the chapters "
             "of this manual.",
    "how_3": "Each stage chapter tells you the goal of the stage, when a deal is ready to move "
             "on (exit criteria), the KPIs you are measured by, the actions to take (tick them "
             "off), what to say (talk scripts), the materials to use, tips from experienced "
             "reps, and what comes next.",
    "how_legend": "Shapes in the diagram",
    "about_process": "About this process",
    "overview": "Process overview",
    "overview_map": "The diagram is split over {n} pages; the frames show which part each "
                    "page holds.",
    "overview_part": "Part {i} of {n}",
    "overview_too_big": "This process is too large to print legibly on a few pages; the "
                        "chapter numbers on the shapes lead to the details.",
    "kpi_summary": "KPI summary",
    "kpi_none": "No KPIs are defined for the stages in this manual.",
    "col_stage": "Stage",
    "col_kpi": "KPI",
    "col_target": "Target",
    "col_definition": "Definition",
    "goal": _EN_WORDS["goal"],
    "description": _EN_WORDS["description"],
    "exit": _EN_WORDS["exit_criteria"],
    "kpis": _EN_WORDS["kpis"],
    "actions": _EN_WORDS["actions"],
    "scripts": _EN_WORDS["scripts"],
    "situation": _EN_WORDS["situation"],
    "materials": _EN_WORDS["materials"],
    "tips": _EN_WORDS["tips"],
    "next": _EN_WORDS["next_steps"],
    "next_end": "This stage ends the process for the deal.",
    "next_outside": "(not in this edition)",
    "handoff": "Hand-off to {lane}",
    "condition": "Condition",
    "owner": _EN_WORDS["owner"],
    "timing": _EN_WORDS["timing"],
    "lane": _EN_WORDS["lane"],
    "no_lane": _EN_WORDS["no_lane"],
    "duration": "Typical duration: {days} days",
    "attachment": "Embedded file: {name}",
    "chapter": "Chapter {n}",
    "page": "Page {x} of {y}",
    "target_higher": "≥ {value}",
    "target_lower": "≤ {value}",
    "no_target": "—",
    "untitled": _EN_WORDS["untitled"],
    "field": "{name}: {value}",
}

_JA: dict[str, str] = {
    "subtitle": "営業オンボーディングマニュアル",
    "company": "会社",
    "revision": "改訂",
    "date": "発行日",
    "edition": "この版の対象：{what}",
    "lanes": "レーン {names}",
    "stages": "選択した{count}ステージ",
    "contents": "目次",
    "how_to_read": "このマニュアルの読み方",
    "how_1": "このマニュアルは、商談が進む順番に沿って営業プロセスを説明します。最初の接点から受注まで、"
             "分岐はその分岐元のステージのすぐ後に続きます。",
    "how_2": "まずプロセス全体図をご覧ください。すべてのステージ、担当するチーム（レーン）、商談がたどる"
             "矢印が示されています。ステージに付いた番号は、このマニュアルの章番号です。",
    "how_3": "各ステージの章には、そのステージの目標、次へ進む条件（完了条件）、評価されるKPI、"
             "実施するアクション（チェックして使います）、話す内容（トークスクリプト）、使う資料、"
             "先輩からのコツ、そして次のステップが書かれています。",
    "how_legend": "全体図の図形",
    "about_process": "このプロセスについて",
    "overview": "プロセス全体図",
    "overview_map": "全体図は{n}ページに分かれています。枠は各ページに載っている範囲です。",
    "overview_part": "{i} / {n}",
    "overview_too_big": "このプロセスは大きすぎて数ページでは読みやすく印刷できません。図形の番号から各章の詳細をご覧ください。",
    "kpi_summary": "KPI一覧",
    "kpi_none": "このマニュアルのステージにはKPIが設定されていません。",
    "col_stage": "ステージ",
    "col_kpi": "KPI",
    "col_target": "目標値",
    "col_definition": "定義",
    "goal": _JA_WORDS["goal"],
    "description": _JA_WORDS["description"],
    "exit": _JA_WORDS["exit_criteria"],
    "kpis": _JA_WORDS["kpis"],
    "actions": _JA_WORDS["actions"],
    "scripts": _JA_WORDS["scripts"],
    "situation": _JA_WORDS["situation"],
    "materials": _JA_WORDS["materials"],
    "tips": _JA_WORDS["tips"],
    "next": _JA_WORDS["next_steps"],
    "next_end": "このステージで商談のプロセスは終了します。",
    "next_outside": "（この版には含まれません）",
    "handoff": "{lane}へ引き継ぎ",
    "condition": "条件",
    "owner": _JA_WORDS["owner"],
    "timing": _JA_WORDS["timing"],
    "lane": _JA_WORDS["lane"],
    "no_lane": _JA_WORDS["no_lane"],
    "duration": "目安期間：{days}日",
    "attachment": "添付ファイル：{name}",
    "chapter": "第{n}章",
    "page": "{x} / {y} ページ",
    "target_higher": "{value} 以上",
    "target_lower": "{value} 以下",
    "no_target": "—",
    "untitled": _JA_WORDS["untitled"],
    "field": "{name}：{value}",
}



class Labels:
    """Look up a label by key, formatted with keyword arguments."""

    def __init__(self, language: str) -> None:
        self.japanese = (language or "").lower().startswith("ja")
        self.code = "ja" if self.japanese else "en"
        self._table = _JA if self.japanese else _EN

    def __call__(self, key: str, **values: object) -> str:
        text = self._table[key]
        return text.format(**values) if values else text

    def kind(self, kind: StageKind) -> str:
        return kind_name(kind, self.code)

    def date(self, day: datetime.date) -> str:
        if self.japanese:
            return f"{day.year}年{day.month}月{day.day}日"
        return day.strftime("%d %B %Y").lstrip("0")

    def number(self, value: float) -> str:
        """A KPI target without a pointless ``.0`` (the rule every view shares)."""
        return display_number(value)
