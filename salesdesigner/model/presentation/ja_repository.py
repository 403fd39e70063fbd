"""The Japanese words of the team repository (keys as in :mod:`.en_repository`)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- the reader following
    "follow.connecting": "{where} に接続して最新の発行版を取得しています…",
    "follow.checking": "{where} に新しい版がないか確認しています…",
    "follow.online": "第{number}版「{title}」（{date}発行）：{where} の最新版です",
    "follow.updated": "第{previous}版から第{number}版「{title}」（{date}発行）に更新しました：{changes}",
    "follow.offline": "オフライン — {date}に発行された版を表示しています（この端末に保存：{age}）",
    "follow.stale": "更新できません（{reason}） — {date}に発行された版を表示しています"
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
    # ---------------------------------------------------------------- the repository's messages
    "repo.unreachable": "リポジトリのサーバー {where} に接続できません（{reason}）",
    "repo.connection_lost": "{where} との接続が切れました（{reason}）。この操作は何も保存されて"
                            "いません。リポジトリには最後に保存された版が残っています",
    "repo.auth_failed": "{where} で{who}認証に失敗しました：ユーザー名とパスワードを確認してください",
    "repo.auth_who": " {user} の",
    "repo.permission_denied": "{where} で権限がありません：{reason}（管理者に "
                              "salesdesigner_editor ロールを依頼してください）",
    "repo.server_said": "{where}：{reason}",
    "repo.not_a_repository": "{where} は SalesDesigner のリポジトリではありません（管理者が "
                             "salesdesigner repo init URL で作成します）",
    "repo.newer_layout": "{where} のリポジトリは形式 {version} で、この版の SalesDesigner より"
                         "新しいものです。SalesDesigner を更新してください",
    "repo.older_layout": "{where} のリポジトリは古い形式 {version} です。管理者が "
                         "salesdesigner repo init URL で更新します",
    "repo.no_such_process": "{where} のリポジトリにプロセス {process} はありません",
    "repo.not_published": "プロセス {process} はまだ発行されていません（編集者が "
                          "salesdesigner repo publish URL PROCESS_ID --title … で発行します）",
    "repo.saving_needs_editor": "{where} で権限がありません：保存には salesdesigner_editor "
                                "ロールが必要です",
    "repo.publishing_needs_editor": "{where} で権限がありません：発行には salesdesigner_editor "
                                    "ロールが必要です",
    "repo.drafts_need_editor": "{where} で権限がありません：下書きは salesdesigner_editor "
                               "ロール用です。閲覧者は最新の発行版を取得します",
    "repo.conflict_exists": "版の競合：リポジトリにはすでにプロセス {process} があります（版 "
                            "{theirs}、{saved_by} が保存{when}）。先に pull するか、意図して"
                            "置き換えてください",
    "repo.conflict": "版の競合：あなたの版 {yours} の後に {saved_by} がプロセス {process} を"
                     "保存しました{when}（版 {theirs}）。何も保存していません。読み込み直すか、"
                     "コピーとして保存してください",
    "repo.conflict_when": "（{when}）",
    "repo.name_the_process": "データベースの後にプロセスを指定してください：postgresql://USER@"
                             "HOST:PORT/DATABASE/PROCESS_ID",
    "repo.bad_url": "リポジトリの URL ではありません：postgresql://USER@HOST:PORT/DATABASE "
                    "の形で指定してください",
    "repo.not_postgresql": "PostgreSQL の URL ではありません（{scheme}://…）：postgresql://"
                           "USER@HOST:PORT/DATABASE の形で指定してください",
    "repo.no_database": "URL にデータベースがありません：postgresql://USER@HOST:PORT/DATABASE "
                        "の形で指定してください",
    "repo.no_driver": "PostgreSQL のドライバーがありません（pip install 'psycopg[binary]'）",
    "repo.created": "{where} にリポジトリを作成しました",
    "repo.upgraded": "{where} のリポジトリを形式 {version} から更新しました",
    "repo.up_to_date": "{where} のリポジトリは最新です",
    "repo.grant_hint": "利用者への権限付与：GRANT salesdesigner_editor TO manager; "
                       "GRANT salesdesigner_reader TO rep;",
    "repo.no_processes": "{where} のリポジトリにプロセスはありません",
    "repo.list_revision": "第{number}版（{title}）",
    "repo.list_unpublished": "未発行",
    "repo.list_draft": "下書き v{version}（{who} が {when} に保存）",
    "repo.list_editing": "{who} が {until} まで編集中",
    "repo.pushed": "{file} をプロセス {process}（版 {version}）として {where} に送信しました",
    "repo.pulled_revision": "プロセス {process} の第{number}版（発行版）を {file} に取得しました",
    "repo.pulled_draft": "プロセス {process} の下書き（版 {version}）を {file} に取得しました。"
                         "変更の送信：salesdesigner repo push {file} --to URL --base {version}",
    "repo.editing_note": "注意：{who} がプロセス {process} を編集中です（{until} まで）。その"
                         "作業に上書きする保存は版の競合として拒否され、失われることはありません",
    "repo.published": "{where} のプロセス {process} の第{number}版を発行しました",
    "repo.exported": "{file} を書き出しました（プロセス {process} の第{number}版）",
    "repo.createrole": "{where} で権限がありません：グループロール {role} の作成には CREATEROLE "
                       "を持つ管理者が必要です（または先に作成してください：CREATE ROLE {role} "
                       "NOLOGIN）",
}
