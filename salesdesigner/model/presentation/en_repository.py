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
}
