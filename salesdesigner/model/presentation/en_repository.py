"""The English words of the team repository: the reader following a process (``follow.``)
and the ``salesdesigner repo`` command's messages (``repo.``); part of :mod:`.en`'s table,
kept apart only to keep each module readable."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- the reader following
    "follow.connecting": "Connecting to {where} for the latest published revision…",
    "follow.checking": "Checking {where} for a newer revision…",
    "follow.online": "Revision {number} “{title}”, published {date}: the latest in {where}",
    "follow.updated": "Updated from revision {previous} to revision {number} “{title}”, "
                      "published {date}: {changes}",
    "follow.offline": "Offline — showing the version published on {date}, saved here {age}",
    "follow.stale": "Not updated ({reason}) — showing the version published on {date}, "
                    "saved here {age}",
    "follow.unavailable": "Cannot show the playbook: {reason}. No copy is saved on this "
                          "computer yet (it is saved the first time the server answers).",
    "follow.not_saved": " ({reason})",
    "follow.changed_one": "1 stage changed",
    "follow.changed_many": "{n} stages changed",
    "follow.added_one": "1 new stage",
    "follow.added_many": "{n} new stages",
    "follow.removed_one": "1 stage removed",
    "follow.removed_many": "{n} stages removed",
    "follow.no_stage_changes": "no stage changed",
    "follow.age_now": "just now",
    "follow.age_minute": "1 minute ago",
    "follow.age_minutes": "{n} minutes ago",
    "follow.age_hour": "1 hour ago",
    "follow.age_hours": "{n} hours ago",
    "follow.age_day": "1 day ago",
    "follow.age_days": "{n} days ago",
    # ---------------------------------------------------------------- the repository's messages
    # (errors of salesdesigner.storage.repository and the repo command's progress lines)
    "repo.unreachable": "cannot reach the repository server at {where} ({reason})",
    "repo.connection_lost": "the connection to {where} was lost ({reason}); nothing of this "
                            "operation was saved, the repository keeps its last saved version",
    "repo.auth_failed": "authentication failed{who} at {where}: check the user name and "
                        "password",
    "repo.auth_who": " for {user}",
    "repo.permission_denied": "permission denied at {where}: {reason} (ask the administrator "
                              "for the salesdesigner_editor role)",
    "repo.server_said": "{where}: {reason}",
    "repo.not_a_repository": "{where} is not a SalesDesigner repository (an administrator "
                             "creates one with: salesdesigner repo init URL)",
    "repo.newer_layout": "the repository at {where} has layout {version}, newer than this "
                         "version of SalesDesigner reads; please update",
    "repo.older_layout": "the repository at {where} has the older layout {version}: an "
                         "administrator upgrades it with salesdesigner repo init URL",
    "repo.no_such_process": "the repository at {where} holds no process {process}",
    "repo.not_published": "process {process} is not published yet (an editor publishes it "
                          "with: salesdesigner repo publish URL PROCESS_ID --title …)",
    "repo.saving_needs_editor": "permission denied at {where}: saving needs the "
                                "salesdesigner_editor role",
    "repo.publishing_needs_editor": "permission denied at {where}: publishing needs the "
                                    "salesdesigner_editor role",
    "repo.drafts_need_editor": "permission denied at {where}: drafts are for the "
                               "salesdesigner_editor role; readers get the latest published "
                               "revision",
    "repo.conflict_exists": "version conflict: the repository already holds process {process} "
                            "(version {theirs}, saved by {saved_by}{when}); pull it first, or "
                            "replace it on purpose",
    "repo.conflict": "version conflict: {saved_by} saved process {process}{when} (version "
                     "{theirs}) after your version {yours}; nothing was saved — reload it, "
                     "or save yours as a copy",
    "repo.conflict_when": " at {when}",
    "repo.name_the_process": "name the process after the database: postgresql://USER@HOST:"
                             "PORT/DATABASE/PROCESS_ID",
    "repo.bad_url": "not a repository URL: give postgresql://USER@HOST:PORT/DATABASE",
    "repo.not_postgresql": "not a PostgreSQL URL ({scheme}://…): give postgresql://USER@"
                           "HOST:PORT/DATABASE",
    "repo.no_database": "the URL names no database: give postgresql://USER@HOST:PORT/DATABASE",
    "repo.no_driver": "the PostgreSQL driver is missing (pip install 'psycopg[binary]')",
    # the repo command's progress and listing
    "repo.created": "created the repository at {where}",
    "repo.upgraded": "upgraded the repository at {where} from layout {version}",
    "repo.up_to_date": "the repository at {where} is up to date",
    "repo.grant_hint": "grant people access with: GRANT salesdesigner_editor TO manager; "
                       "GRANT salesdesigner_reader TO rep;",
    "repo.no_processes": "no processes in the repository at {where}",
    "repo.list_revision": "revision {number} ({title})",
    "repo.list_unpublished": "not published",
    "repo.list_draft": "draft v{version} saved by {who} {when}",
    "repo.list_editing": "being edited by {who} until {until}",
    "repo.pushed": "pushed {file} as process {process}, version {version}, to {where}",
    "repo.pulled_revision": "pulled revision {number} (published) of process {process} to "
                            "{file}",
    "repo.pulled_draft": "pulled the draft of process {process}, version {version}, to {file}; "
                         "push your changes with: salesdesigner repo push {file} --to URL "
                         "--base {version}",
    "repo.editing_note": "note: {who} is editing process {process} (said so until {until}); "
                         "saving over their work will be refused as a version conflict, not "
                         "lost",
    "repo.published": "published revision {number} of process {process} in {where}",
    "repo.exported": "wrote {file} (revision {number} of process {process})",
    "repo.createrole": "permission denied at {where}: creating the group role {role} needs an "
                       "administrator with CREATEROLE (or create it first: CREATE ROLE {role} "
                       "NOLOGIN)",
}
