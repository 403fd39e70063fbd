"""A rep's reader following a process in the real repository: the published revision (never
the draft), a copy kept for offline use, the copy when the server is down (saying how old
it is), a clear line when there is neither, and a newer publish updating the copy."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from salesdesigner.model.entities import Stage
from salesdesigner.storage.repository.following import (
    OFFLINE,
    ONLINE,
    STALE,
    UNAVAILABLE,
    UPDATED,
    Changes,
    PlaybookCache,
    Source,
    follow,
    follow_line,
)
from salesdesigner.storage.repository.store import Repository
from tests.repository.conftest import PEOPLE
from tests.storage.conftest import sample_process

PUBLISHED_NAME = "法人営業プロセス"


@pytest.fixture
def published(repo):
    """p-1 published as revision 1 (「初版」), then its draft renamed (readers never see it)."""
    alice = Repository(repo.url("alice"))
    alice.save(sample_process(), base=None)
    alice.publish("p-1", title="初版")
    pulled = alice.pull("p-1")
    pulled.process.update_process(name="draft name, confidential")
    alice.save(pulled.process, base=pulled.version)
    return repo


def _source(repo, person: str = "rita", password: str | None = None) -> Source:
    return Source.parse(repo.url(person, password) + "/p-1")


def _age(cache: PlaybookCache, source: Source, days: float) -> None:
    """Pretend the copy was saved ``days`` ago."""
    then = time.time() - days * 86400
    os.utime(cache.path(source), (then, then))


def test_reader_gets_the_published_revision_and_keeps_a_copy_without_the_password(
        published, tmp_path):
    cache = PlaybookCache(tmp_path / "cache")
    got = follow(_source(published), cache)
    assert got.state == ONLINE and got.error is None
    assert got.process.name == PUBLISHED_NAME and got.revision.number == 1
    stored = cache.load(_source(published))
    assert stored is not None and stored.process.name == PUBLISHED_NAME
    assert [r.info.title for r in stored.process.revisions] == ["初版"]
    files = list((tmp_path / "cache").iterdir())
    assert [f.suffix for f in files] == [".salesdesign"]
    raw = files[0].read_bytes()
    assert PEOPLE["rita"][0].encode() not in raw and b"127.0.0.1" not in raw
    assert b"draft name" not in raw
    by_editor = follow(_source(published, "alice"), PlaybookCache(tmp_path / "alice"))
    assert by_editor.process.name == PUBLISHED_NAME  # an editor's reader: not the draft either
    # the same process followed with another password (or none) finds the same copy
    assert cache.path(_source(published, password="other")) == files[0]


def test_a_stopped_server_shows_the_copy_and_says_how_old_it_is(published, tmp_path):
    cache, source = PlaybookCache(tmp_path), _source(published)
    first = follow(source, cache)
    _age(cache, source, 3.2)
    day = first.revision.published_at.date()
    with published.cluster.stopped():
        got = follow(source, cache)
    assert got.state == OFFLINE and got.process == first.process
    now = datetime.now(UTC)
    assert follow_line(got, "en", now) == (
        f"Offline — showing the version published on {day.day} {day:%B} {day.year}, "
        "saved here 3 days ago")
    assert follow_line(got, "ja", now) == (
        f"オフライン — {day.year}年{day.month}月{day.day}日に発行された版を表示しています"
        "（この端末に保存：3日前）")


def test_no_copy_and_no_server_is_one_clear_line(repo, tmp_path):
    source = Source.parse(repo.url("rita").replace(f":{repo.cluster.port}/", ":1/") + "/p-1")
    got = follow(source, PlaybookCache(tmp_path))
    assert got.state == UNAVAILABLE and got.process is None
    line = follow_line(got, "en")
    assert line.startswith("Cannot show the playbook: cannot reach the repository server "
                           "at 127.0.0.1:1/")
    assert "No copy is saved on this computer yet" in line and "\n" not in line
    assert PEOPLE["rita"][0] not in line and "Traceback" not in line
    assert follow_line(got, "ja").startswith("プレイブックを表示できません：リポジトリのサーバー "
                                             "127.0.0.1:1/")


def test_a_refusal_with_a_copy_shows_the_copy_and_why_it_was_not_updated(
        published, tmp_path):
    cache = PlaybookCache(tmp_path)
    follow(_source(published), cache)
    got = follow(_source(published, password="wrong"), cache)
    assert got.state == STALE and got.process.name == PUBLISHED_NAME
    assert follow_line(got, "en").startswith("Not updated (authentication failed for rita")


def test_a_newer_publish_updates_the_copy_and_says_what_changed(published, tmp_path):
    cache, source = PlaybookCache(tmp_path), _source(published)
    follow(source, cache)
    alice = Repository(published.url("alice"))
    pulled = alice.pull("p-1")
    process = pulled.process
    approach = process.stage("approach")
    process.replace_stage(Stage(approach.id, "アプローチ（改訂）", lane=approach.lane,
                                goal="面談獲得"))
    process.add_stage(Stage("demo", "デモ", lane="fs"))
    alice.save(process, base=pulled.version)
    alice.publish("p-1", title="第二版")
    got = follow(source, cache)
    assert got.state == UPDATED and got.previous.number == 1 and got.revision.number == 2
    assert got.changes == Changes(changed=1, added=1, removed=0)
    assert cache.load(source).process.stage("demo").name == "デモ"
    assert follow_line(got, "en") == ("Updated from revision 1 to revision 2 “第二版”, "
                                      f"published {_en_date(got)}: 1 stage changed, "
                                      "1 new stage")
    assert follow_line(got, "ja").endswith("に更新しました：変更 1ステージ、新規 1ステージ")
    again = follow(source, cache)  # nothing newer: the copy is confirmed, not rewritten
    assert again.state == ONLINE and again.revision.number == 2


def _en_date(got) -> str:
    day = got.revision.published_at.date()
    return f"{day.day} {day:%B} {day.year}"


@pytest.mark.parametrize(("seconds", "en", "ja"), [
    (5, "just now", "たった今"), (60, "1 minute ago", "1分前"), (7260, "2 hours ago", "2時間前"),
    (86400 * 1.5, "1 day ago", "1日前"), (86400 * 40, "40 days ago", "40日前")])
def test_the_copys_age_in_words(seconds, en, ja):
    from salesdesigner.storage.repository.following import age_text
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    saved = now - timedelta(seconds=seconds)
    assert (age_text(saved, now, "en"), age_text(saved, now, "ja")) == (en, ja)
