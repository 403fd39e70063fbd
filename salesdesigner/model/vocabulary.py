"""The product's words for the parts of a stage, in English and Japanese.

The PDF manual, the HTML playbook and the in-app reader all print these headings in the
document's language.  One table keeps a rep from reading 目標 in the playbook and ゴール
in the manual, and keeps both in line with what the manager saw in the designer (whose
own UI says the same words through Qt Linguist, resources/i18n).
"""

from __future__ import annotations

from salesdesigner.model.entities import StageKind

_EN: dict[str, str] = {
    "goal": "Goal",
    "description": "About this stage",
    "exit_criteria": "Exit criteria",
    "kpis": "KPIs",
    "actions": "Actions",
    "scripts": "Talk scripts",
    "materials": "Materials",
    "tips": "Tips",
    "next_steps": "Next steps",
    "comes_from": "Comes from",
    "lane": "Lane",
    "lanes": "Lanes",
    "no_lane": "No lane",
    "owner": "Who",
    "timing": "When",
    "situation": "Situation",
    "higher_is_better": "higher is better",
    "lower_is_better": "lower is better",
    "duration": "Typically {days} days",
    "step_of": "Step {n} of {m}",
    "untitled": "(untitled)",
    # what a newly added item is called until the manager names it (it ends up in the
    # manual and the playbook, so it is in the document's language, not the menus')
    "new_kpi": "New KPI",
    "new_action": "New action",
    "new_script": "New script",
    "new_link": "New link",
    "new_tip": "New tip",
    "new_exit_criterion": "New exit criterion",
}

_JA: dict[str, str] = {
    "goal": "目標",
    "description": "このステージについて",
    "exit_criteria": "完了条件",
    "kpis": "KPI",
    "actions": "アクション",
    "scripts": "トークスクリプト",
    "materials": "資料",
    "tips": "コツ",
    "next_steps": "次のステップ",
    "comes_from": "前のステップ",
    "lane": "レーン",
    "lanes": "レーン",
    "no_lane": "レーンなし",
    "owner": "担当",
    "timing": "タイミング",
    "situation": "場面",
    "higher_is_better": "高いほど良い",
    "lower_is_better": "低いほど良い",
    "duration": "目安 {days} 日",
    "step_of": "ステップ {n} / {m}",
    "untitled": "（無題）",
    "new_kpi": "新しいKPI",
    "new_action": "新しいアクション",
    "new_script": "新しいトークスクリプト",
    "new_link": "新しいリンク",
    "new_tip": "新しいコツ",
    "new_exit_criterion": "新しい完了条件",
}

_KINDS: dict[str, dict[StageKind, str]] = {
    "en": {StageKind.START: "Start", StageKind.STAGE: "Stage", StageKind.DECISION: "Decision",
           StageKind.WON: "Won", StageKind.LOST: "Lost", StageKind.END: "End"},
    "ja": {StageKind.START: "開始", StageKind.STAGE: "ステージ", StageKind.DECISION: "分岐",
           StageKind.WON: "受注", StageKind.LOST: "失注", StageKind.END: "終了"},
}


def language_code(language: str) -> str:
    """``ja`` for a Japanese document language (``ja``, ``ja-JP``, ``ja_JP``), else ``en``."""
    base = (language or "").replace("_", "-").split("-")[0].strip().lower()
    return "ja" if base == "ja" else "en"


def vocabulary(language: str) -> dict[str, str]:
    """The shared words for a document language (a copy: callers may extend it)."""
    return dict(_JA if language_code(language) == "ja" else _EN)


def kind_name(kind: StageKind, language: str) -> str:
    return _KINDS[language_code(language)][StageKind(kind)]
