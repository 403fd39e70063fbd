"""The few texts the canvas shows itself (default names, menus, messages), in en and ja."""

from __future__ import annotations

from salesdesigner.model.entities import StageKind

_TEXTS: dict[str, dict[str, str]] = {
    "new-stage": {"en": "New stage", "ja": "新しいステージ"},
    "new-start": {"en": "Start", "ja": "開始"},
    "new-end": {"en": "End", "ja": "終了"},
    "new-won": {"en": "Won", "ja": "受注"},
    "new-lost": {"en": "Lost", "ja": "失注"},
    "new-decision": {"en": "Decision?", "ja": "判断"},
    "new-lane": {"en": "Lane", "ja": "レーン"},
    "rename-lane": {"en": "Rename Lane…", "ja": "レーン名を変更…"},
    "recolour-lane": {"en": "Change Colour…", "ja": "色を変更…"},
    "lane-up": {"en": "Move Lane Up", "ja": "レーンを上へ"},
    "lane-down": {"en": "Move Lane Down", "ja": "レーンを下へ"},
    "delete-lane": {"en": "Delete Lane", "ja": "レーンを削除"},
    "add-lane": {"en": "Add Lane", "ja": "レーンを追加"},
    "add-stage-here": {"en": "Add Stage Here", "ja": "ここにステージを追加"},
    "lane-name": {"en": "Lane name:", "ja": "レーン名："},
    "add-kind": {"en": "Add", "ja": "追加"},
    "kind-stage": {"en": "Stage", "ja": "ステージ"},
    "kind-start": {"en": "Start", "ja": "開始"},
    "kind-decision": {"en": "Decision", "ja": "分岐"},
    "kind-won": {"en": "Won", "ja": "受注"},
    "kind-lost": {"en": "Lost", "ja": "失注"},
    "kind-end": {"en": "End", "ja": "終了"},
    "rename": {"en": "Rename", "ja": "名前を変更"},
    "duplicate": {"en": "Duplicate", "ja": "複製"},
    "delete": {"en": "Delete", "ja": "削除"},
    "copy": {"en": "Copy", "ja": "コピー"},
    "no-target": {"en": "Drop the arrow on a stage to connect.",
                  "ja": "矢印はステージの上で離すと接続されます。"},
    "bad-clipboard": {"en": "The clipboard does not hold stages SalesDesigner can paste.",
                      "ja": "クリップボードに貼り付けできるステージがありません。"},
    "need-two": {"en": "Select at least two stages to align.",
                 "ja": "整列するには2つ以上のステージを選択してください。"},
    "need-three": {"en": "Select at least three stages to distribute.",
                   "ja": "等間隔に並べるには3つ以上のステージを選択してください。"},
    "find-placeholder": {"en": "Find stages…", "ja": "ステージを検索…"},
    "find-count": {"en": "{i} of {n}", "ja": "{i} / {n} 件"},
    "find-none": {"en": "No matches", "ja": "該当なし"},
    "found-in-goal": {"en": "in the goal", "ja": "目標に一致"},
    "found-in-description": {"en": "in the description", "ja": "説明に一致"},
    "found-in-exit_criteria": {"en": "in the exit criteria", "ja": "完了条件に一致"},
    "found-in-kpi": {"en": "in a KPI", "ja": "KPIに一致"},
    "found-in-action": {"en": "in an action", "ja": "アクションに一致"},
    "found-in-script": {"en": "in a talk script", "ja": "トークスクリプトに一致"},
    "found-in-material": {"en": "in a material", "ja": "資料に一致"},
    "found-in-tip": {"en": "in a tip", "ja": "コツに一致"},
}

def text(key: str, lang: str, **values: object) -> str:
    table = _TEXTS[key]
    return table.get(_lang(lang), table["en"]).format(**values)


def _lang(lang: str) -> str:
    return "ja" if lang.lower().startswith("ja") else "en"


# the text key a new stage of each kind is named by
DEFAULT_NAMES = {StageKind.STAGE: "new-stage", StageKind.START: "new-start",
                 StageKind.END: "new-end", StageKind.WON: "new-won",
                 StageKind.LOST: "new-lost", StageKind.DECISION: "new-decision"}
MODEL_MESSAGES_JA = {  # the model's refusals, as the status bar says them in Japanese
    "An arrow cannot lead from a stage back to itself.": "矢印を同じステージに戻すことはできません。",
    "These stages are already connected by an arrow.": "これらのステージはすでに矢印でつながっています。",
    "An arrow must connect two existing stages.": "矢印は既存の2つのステージをつなぐ必要があります。",
}
