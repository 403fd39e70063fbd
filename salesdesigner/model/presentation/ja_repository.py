"""The Japanese words of the team repository (keys as in :mod:`.en_repository`)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- the reader following
    "follow.connecting": "{where} に接続して最新の公開版を取得しています…",
    "follow.checking": "{where} に新しい版がないか確認しています…",
    "follow.online": "第{number}版「{title}」（{date}公開）：{where} の最新版です",
    "follow.updated": "第{previous}版から第{number}版「{title}」（{date}公開）に更新しました：{changes}",
    "follow.offline": "オフライン — {date}に公開された版を表示しています（この端末に保存：{age}）",
    "follow.stale": "更新できません（{reason}） — {date}に公開された版を表示しています"
                    "（この端末に保存：{age}）",
    "follow.unavailable": "プレイブックを表示できません：{reason}。この端末にはまだ保存された版が"
                          "ありません（サーバーに初めて接続できたときに保存されます）。",
    "follow.not_saved": "（{reason}）",
    "follow.changed_one": "変更 1ステージ",
    "follow.changed_many": "変更 {n}ステージ",
    "follow.added_one": "新規 1ステージ",
    "follow.added_many": "新規 {n}ステージ",
    "follow.removed_one": "削除 1ステージ",
    "follow.removed_many": "削除 {n}ステージ",
    "follow.no_stage_changes": "ステージの変更はありません",
    "follow.age_now": "たった今",
    "follow.age_minute": "1分前",
    "follow.age_minutes": "{n}分前",
    "follow.age_hour": "1時間前",
    "follow.age_hours": "{n}時間前",
    "follow.age_day": "1日前",
    "follow.age_days": "{n}日前",
}
