"""The team repository on a real PostgreSQL server: lossless push and pull, optimistic
locking, the reader role enforced by the server, crafted names, a server stopped
mid-save, the soft editing notice."""

from __future__ import annotations

import threading
from datetime import datetime

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.model import Kpi, Position, Stage
from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.storage.repository import transfer
from salesdesigner.storage.repository.errors import (
    AuthenticationFailed,
    ConnectionLost,
    NoSuchProcess,
    NotPublished,
    PermissionDenied,
    Unreachable,
    VersionConflict,
)
from salesdesigner.storage.repository.store import Repository
from salesdesigner.storage.repository.tables import from_pg, to_pg
from salesdesigner.storage.revisions import add_revision, make_revision
from tests.actuals.strategies import actuals, sample_actuals
from tests.storage.conftest import sample_process
from tests.strategies import processes

ROUND_TRIP = settings(max_examples=15, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
INJECTIONS = ["'; DROP TABLE salesdesigner.revisions; --", "x') OR 1=1 --",
              "\"; GRANT salesdesigner_editor TO rita; --", "$$; DELETE FROM processes; $$",
              "Robert'); DROP ROLE salesdesigner_editor;--"]


def _forget(repo, process_id: str) -> None:
    """Remove a process outright (as the administrator: editors cannot delete)."""
    repo.cluster.sql("DELETE FROM salesdesigner.processes WHERE process_id = %s",
                     to_pg(process_id), database=repo.database)


def _with_history():
    process = sample_process()
    process.set_actuals(sample_actuals())
    add_revision(process, make_revision(process, title="初版", author="山田",
                                        published_at=datetime(2026, 4, 1, 9, 0)))
    return process


# ====================================================================== round trips
@st.composite
def documents(draw):
    process = draw(processes(max_stages=6))
    process.set_actuals(draw(actuals))
    return process


@ROUND_TRIP
@given(documents())
def test_any_process_with_actuals_pushes_and_pulls_back_exactly(repo, process):
    store = Repository(repo.url("alice"))
    _forget(repo, process.id)
    version = store.save(process, base=None)
    pulled = store.pull(process.id)
    assert (pulled.version, pulled.revision) == (version, None)
    assert pulled.process == process
    assert pulled.process.stage_ids == process.stage_ids
    assert [t.id for t in pulled.process.transitions] == [t.id for t in process.transitions]
    assert list(pulled.process.attachments) == list(process.attachments)


def test_text_escape_keeps_nul_and_the_marker_and_leaves_plain_text_alone():
    for text in ["", "plain 営業", "\x00", "a\x00b", "\ufdd0", "\ufdd00", "\ufdd0\x00\ufdd0",
                 "x\ufdd0", "\x00\x00\ufdd0\ufdd0"]:
        stored = to_pg(text)
        assert "\x00" not in stored and from_pg(stored) == text
    assert to_pg("plain 営業") == "plain 営業" and to_pg("x\ufdd0") == "x\ufdd0"


def test_revisions_actuals_extreme_numbers_and_nul_survive_a_push_and_pull(repo):
    process = _with_history()
    stage = process.stage("approach")
    process.replace_stage(Stage(stage.id, "名\x00前", position=Position(-0.0, 5e-324),
                                kpis=(Kpi("tiny", -2.5e-300), Kpi("big", 1.7976931348623157e308)),
                                lane=stage.lane))
    store = Repository(repo.url("alice"))
    store.save(process, base=None)
    back = store.pull(process.id).process
    assert back.revisions == process.revisions and back.actuals == process.actuals
    kpis = back.stage("approach").kpis
    assert (kpis[0].target, kpis[1].target) == (-2.5e-300, 1.7976931348623157e308)
    assert back.stage("approach").name == "名\x00前"
    assert back.description.endswith("\x00末尾")


# ====================================================================== optimistic locking
def test_second_editor_saving_an_old_version_is_refused_and_nothing_is_lost(repo):
    alice, bob = Repository(repo.url("alice")), Repository(repo.url("bob"))
    first = alice.save(sample_process(), base=None)
    mine, theirs = alice.pull("p-1"), bob.pull("p-1")
    mine.process.update_process(name="Alice's version")
    theirs.process.update_process(name="Bob's version")
    assert alice.save(mine.process, base=mine.version) == first + 1
    with pytest.raises(VersionConflict) as caught:
        bob.save(theirs.process, base=theirs.version)
    conflict = caught.value
    assert (conflict.yours, conflict.theirs, conflict.saved_by) == (first, first + 1, "alice")
    assert "alice saved process 'p-1'" in str(conflict)
    kept = bob.pull("p-1")
    assert kept.process.name == "Alice's version" and kept.version == first + 1
    assert theirs.process.name == "Bob's version"  # still in Bob's hands
    copy = theirs.process.copy()
    copy.update_process(id="p-1-bob")
    bob.save(copy, base=None)  # "save as a copy": both versions kept
    assert {e.process_id: e.name for e in bob.processes()} == {
        "p-1": "Alice's version", "p-1-bob": "Bob's version"}


def test_a_save_waiting_on_another_in_flight_gets_the_conflict_not_a_lost_update(
        repo, monkeypatch):
    alice, bob = Repository(repo.url("alice")), Repository(repo.url("bob"))
    alice.save(sample_process(), base=None)
    a, b = alice.pull("p-1"), bob.pull("p-1")
    inside, release = threading.Event(), threading.Event()
    real = transfer.copy_table

    def slow_copy(*args, **kwargs):
        if threading.current_thread().name == "alice":
            inside.set()
            release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(transfer, "copy_table", slow_copy)
    results: dict[str, object] = {}

    def save(name, store, pulled):
        try:
            results[name] = store.save(pulled.process, base=pulled.version)
        except VersionConflict as exc:
            results[name] = exc

    ta = threading.Thread(target=save, args=("alice", alice, a), name="alice")
    ta.start()
    assert inside.wait(10)  # alice holds the row lock now
    tb = threading.Thread(target=save, args=("bob", bob, b), name="bob")
    tb.start()
    tb.join(0.5)
    assert tb.is_alive()  # bob waits for alice's transaction
    release.set()
    ta.join(10)
    tb.join(10)
    assert results["alice"] == 2 and isinstance(results["bob"], VersionConflict)


def test_pushing_a_file_over_an_existing_process_without_its_version_is_a_conflict(repo):
    store = Repository(repo.url("alice"))
    store.save(sample_process(), base=None)
    with pytest.raises(VersionConflict, match="already holds process 'p-1'"):
        store.save(sample_process(), base=None)
    assert store.save(sample_process(), base=None, replace=True) == 2


# ====================================================================== readers
def test_reader_gets_the_latest_published_revision_never_the_draft(repo):
    alice, rita = Repository(repo.url("alice")), Repository(repo.url("rita"))
    process = sample_process()
    alice.save(process, base=None)
    with pytest.raises(NotPublished, match="not published yet"):
        rita.pull("p-1")
    assert rita.processes() == []
    alice.publish("p-1", title="Q3 playbook")
    pulled = alice.pull("p-1")
    pulled.process.update_process(name="draft name, confidential")
    alice.save(pulled.process, base=pulled.version)
    got = rita.pull("p-1")
    assert got.process.name == process.name and got.revision == 1 and got.version is None
    assert [e.name for e in rita.processes()] == [process.name]
    assert rita.processes()[0].version is None
    with pytest.raises(PermissionDenied):
        rita.pull("p-1", published=False)
    with pytest.raises(NoSuchProcess):
        rita.pull("nope")


@pytest.mark.parametrize("statement", [
    "SELECT name FROM salesdesigner.stages",
    "SELECT deal_id FROM salesdesigner.deal_events",
    "SELECT version FROM salesdesigner.processes",
    "INSERT INTO salesdesigner.revisions VALUES ('p-1', 9, 't', '2026-01-01T00:00:00', "
    "'a', 'n', '{}')",
    "UPDATE salesdesigner.revisions SET title = 'x'",
    "DELETE FROM salesdesigner.revision_files",
    "GRANT salesdesigner_editor TO rita",
    "CREATE TABLE salesdesigner.mine (x int)",
])
def test_the_server_refuses_a_reader_anything_but_published_revisions(repo, statement):
    Repository(repo.url("alice")).save(_with_history(), base=None)
    with psycopg.connect(repo.url("rita")) as conn, pytest.raises(
            psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def test_editors_cannot_rewrite_or_delete_a_published_revision(repo):
    Repository(repo.url("alice")).save(_with_history(), base=None)
    for statement in ("UPDATE salesdesigner.revisions SET title = 'x'",
                      "DELETE FROM salesdesigner.revisions",
                      "DELETE FROM salesdesigner.processes"):
        with psycopg.connect(repo.url("alice")) as conn, pytest.raises(
                psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)


def test_reader_cannot_save_or_publish(repo):
    Repository(repo.url("alice")).save(sample_process(), base=None)
    rita = Repository(repo.url("rita"))
    with pytest.raises(PermissionDenied):
        rita.save(sample_process(), base=1)
    with pytest.raises(PermissionDenied):
        rita.publish("p-1", title="sneaky")


@pytest.mark.parametrize("crafted", INJECTIONS)
def test_sql_injection_strings_as_ids_and_names_are_just_text(repo, crafted):
    process = sample_process()
    process.update_process(id=crafted, name=crafted)
    stage = process.stage("approach")
    process.replace_stage(Stage(stage.id, crafted, lane=stage.lane))
    alice, rita = Repository(repo.url("alice")), Repository(repo.url("rita"))
    alice.save(process, base=None)
    alice.publish(crafted, title=crafted, note=crafted)
    got = rita.pull(crafted)
    assert got.process.id == crafted and got.process.stage("approach").name == crafted
    assert [e.process_id for e in rita.processes()] == [crafted]
    roles = repo.cluster.sql("SELECT rolname FROM pg_roles WHERE pg_has_role('rita', oid, "
                             "'MEMBER')")
    assert sorted(r[0] for r in roles) == ["rita", "salesdesigner_reader"]
    with pytest.raises(NoSuchProcess):
        rita.pull("' OR '1'='1")


# ====================================================================== failures
def test_wrong_password_and_closed_port_are_one_line_errors_without_the_password(repo):
    with pytest.raises(AuthenticationFailed) as caught:
        Repository(repo.url("alice", password="wrong-secret")).processes()
    assert "wrong-secret" not in str(caught.value) and "alice" in str(caught.value)
    url = repo.url("alice").replace(f":{repo.cluster.port}/", ":1/")
    with pytest.raises(Unreachable, match="cannot reach the repository server at "
                                          "127.0.0.1:1/"):
        Repository(url).processes()


def test_server_stopped_mid_save_keeps_the_last_good_version(repo, monkeypatch):
    alice = Repository(repo.url("alice"))
    process = sample_process()
    alice.save(process, base=None)
    pulled = alice.pull("p-1")
    changed = pulled.process
    changed.update_process(name="half-saved")
    real = transfer.copy_table
    calls = []

    def copy_then_stop(cur, orm, *args):
        real(cur, orm, *args)
        calls.append(orm.__tablename__)
        if orm.__tablename__ == "stages":  # process row and stages sent, transitions not
            repo.cluster.stop("immediate")

    monkeypatch.setattr(transfer, "copy_table", copy_then_stop)
    try:
        with pytest.raises(ConnectionLost, match="keeps its last saved version"):
            alice.save(changed, base=pulled.version)
    finally:
        monkeypatch.setattr(transfer, "copy_table", real)
        repo.cluster.start()
        repo.cluster.wait_ready()
    assert "stages" in calls
    after = alice.pull("p-1")
    assert after.version == pulled.version and after.process == process


def test_the_editing_notice_is_soft_and_runs_out(repo):
    alice, bob = Repository(repo.url("alice")), Repository(repo.url("bob"))
    alice.save(sample_process(), base=None)
    assert alice.mark_editing("p-1") is None
    notice = bob.editing_notice("p-1")
    assert notice is not None and notice.who == "alice"
    assert alice.editing_notice("p-1") is None  # one's own notice is no warning
    assert bob.mark_editing("p-1").who == "alice"  # shown to bob, who may go on
    pulled = bob.pull("p-1")
    assert bob.save(pulled.process, base=pulled.version) == 2  # nothing is locked
    bob.release_editing("p-1")
    alice.mark_editing("p-1", minutes=0)  # expired at once: like a crashed laptop's
    assert bob.editing_notice("p-1") is None
    entry = bob.processes()[0]
    assert entry.editing_by is None and entry.saved_by == "bob"


def test_a_big_history_of_deal_events_round_trips(repo):
    process = sample_process()
    events = [DealEvent(f"D{n:05d}", "approach" if n % 3 else "won",
                        datetime(2026, 1, 1 + n % 28, n % 24), float(n) if n % 5 else None,
                        "担当\x00者" if n == 7 else "山田", "案件", None, "")
              for n in range(5000)]
    process.set_actuals(actuals_of(events, [], {}))
    store = Repository(repo.url("alice"))
    store.save(process, base=None)
    assert store.pull("p-1").process.actuals == process.actuals
