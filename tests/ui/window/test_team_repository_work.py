"""The team repository in the designer, continued, against the real PostgreSQL server of
tests/repository: calls off the GUI thread (a server that never answers does not freeze
the window; Cancel returns at once), the "being edited by …" notice withdrawn and renewed,
File ▸ Publish to Team Repository… and Save a Local Copy…, and a machine with keyring
but no credential store behind it."""

from __future__ import annotations

import socket
import sys
import time

import keyring  # a runtime dependency (imported here: the tests below hide it)
import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QProgressDialog, QPushButton

from salesdesigner.edits import SetStage
from salesdesigner.storage.repository import connection as storage_connection
from salesdesigner.storage.repository.store import EDITING_MINUTES, Repository
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.repository import background
from salesdesigner.ui.repository import connection as repo_connection
from salesdesigner.ui.repository.connection import ConnectionSettings, remember_password
from salesdesigner.ui.revisions.publish_dialog import PublishDialog
from tests.repository import conftest as server
from tests.repository.conftest import PEOPLE
from tests.ui.window import test_team_repository as base

pg_cluster, _repo_database, repo = server.pg_cluster, server._repo_database, server.repo
# the designer's repository fixtures: no remembered password or credential store, and the
# Open and conflict dialogs answered
no_remembered_passwords, pick, on_conflict = (base.no_remembered_passwords, base.pick,
                                              base.on_conflict)
_connect_as, _seeded = base._connect_as, base._seeded


@pytest.fixture(autouse=True)
def jobs_end_with_the_test():
    """Every worker job and queued notice is over before the next test starts."""
    yield
    background.wait_for_jobs()
    assert background.drain(30)


@pytest.fixture
def silent_server(monkeypatch):
    """A port that accepts connections and never says a word (a hung or firewalled
    server: the client waits for the connection timeout, here libpq's minimum of 2 s)."""
    monkeypatch.setattr(storage_connection, "CONNECT_TIMEOUT", 2)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


class Ticks:
    """Counts GUI-thread timer ticks and watches the busy dialog while a call runs."""

    def __init__(self, window, on_busy=None) -> None:
        self.count, self.busy_seen, self.window, self.on_busy = 0, False, window, on_busy
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(20)

    def _tick(self) -> None:
        self.count += 1
        busy = self.window.findChild(QProgressDialog, "RepositoryBusyDialog")
        if busy is not None and busy.isVisible():
            self.busy_seen = True
            if self.on_busy is not None:
                self.on_busy(busy)

    def stop(self) -> None:
        self.timer.stop()


def _press_cancel(busy: QProgressDialog) -> None:
    (button,) = busy.findChildren(QPushButton)
    assert button.text() == "Cancel"
    button.click()


# ====================================================================== off the GUI thread
def test_a_server_that_never_answers_does_not_freeze_the_window(silent_server, make_window,
                                                                 dialogs):
    conn = ConnectionSettings("127.0.0.1", silent_server, "sales", "alice")
    conn.store()
    remember_password(conn, "pw")
    dialogs.answer("critical", None)
    window = make_window(None)
    ticks = Ticks(window)
    started = time.monotonic()
    try:
        assert not window.open_from_repository()
    finally:
        ticks.stop()
    waited = time.monotonic() - started
    assert waited >= 1.5  # it did wait for the timeout ...
    assert ticks.count >= waited / 0.02 * 0.5  # ... with the event loop running all along
    assert ticks.busy_seen  # and the busy dialog (with Cancel) on screen
    (shown,) = dialogs.of("critical")
    assert shown[1] == "Cannot Reach the Repository Server"
    assert f"127.0.0.1:{silent_server}/sales" in shown[2] and "\n" not in shown[2]
    assert "Traceback" not in shown[2] and "pw" not in shown[2].split("/sales")[1]


def test_cancel_stops_the_waiting_at_once_and_the_late_failure_is_dropped(silent_server,
                                                                          make_window,
                                                                          dialogs):
    conn = ConnectionSettings("127.0.0.1", silent_server, "sales", "alice")
    conn.store()
    remember_password(conn, "pw")
    window = make_window(None)
    ticks = Ticks(window, on_busy=_press_cancel)
    started = time.monotonic()
    try:
        assert not window.open_from_repository()
    finally:
        ticks.stop()
    assert time.monotonic() - started < 1.5  # the 2 s timeout was not waited for
    assert background.running_jobs() == 1  # the job still ends on its own ...
    background.wait_for_jobs()
    assert background.running_jobs() == 0 and dialogs.of("critical") == []  # ... unheard
    assert "Cancelled" in window.statusBar().currentMessage()


def test_a_cancelled_save_that_reaches_the_server_is_recorded(repo, make_window, pick,
                                                              monkeypatch):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    window.editor.push(SetStage("proposal", {"name": "Slow but sure"}))
    real_save = Repository.save

    def slow_save(self, *args, **kwargs):
        time.sleep(1.0)  # the user gives up waiting; the save still goes through
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Repository, "save", slow_save)
    ticks = Ticks(window, on_busy=_press_cancel)
    try:
        assert not window.document.save()
    finally:
        ticks.stop()
    assert window.isWindowModified() and window.document.remote.version == 1
    background.wait_for_jobs()
    assert store.pull(process.id).process.stage("proposal").name == "Slow but sure"
    assert window.document.remote.version == 2 and not window.isWindowModified()
    assert "after all" in window.statusBar().currentMessage()


# ====================================================================== editing notice
def _notice(repo, process_id, person="bob"):
    assert background.drain(30)
    return Repository(repo.url(person)).editing_notice(process_id)


@pytest.mark.parametrize("leave", ["close the window", "open another document",
                                   "save as a local file"])
def test_the_editing_notice_is_withdrawn_when_the_document_is_left(repo, make_window, pick,
                                                                    dialogs, tmp_path, leave):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    assert _notice(repo, process.id).who == "alice"
    if leave == "close the window":
        assert window.close()
    elif leave == "open another document":
        window.open_sample()
    else:
        dialogs.answer("save-file", str(tmp_path / "mine.salesdesign"))
        assert window.document.save_as()
    assert _notice(repo, process.id) is None


def test_the_editing_notice_is_renewed_while_the_document_is_open(repo, make_window, pick):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    renewal = window.document.remote.renewal
    assert renewal.isActive() and renewal.interval() < EDITING_MINUTES * 60_000 / 2
    assert _notice(repo, process.id) is not None
    sql = repo.cluster.sql
    sql("UPDATE salesdesigner.processes SET editing_until = now() + interval '1 minute'",
        database=repo.database)  # as if most of the half hour had gone by
    renewal.timeout.emit()
    assert _notice(repo, process.id) is not None
    ((left,),) = sql("SELECT extract(epoch FROM editing_until - now()) "
                     "FROM salesdesigner.processes", database=repo.database)
    assert left > (EDITING_MINUTES - 2) * 60


def test_a_reader_sets_no_notice(repo, make_window, pick):
    store, process = _seeded(repo)
    store.publish(process.id, title="Q3")
    _connect_as(repo, "rita")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    assert window.document.remote.version is None and window.document.remote.renewal is None


# ====================================================================== publish
@pytest.fixture
def publish_answers(monkeypatch):
    """Answer the publish dialog: a title and a note, then Publish."""
    seen: list[PublishDialog] = []

    def answer(title: str = "Q3 scripts", note: str = "won deals moved <b>faster</b> 😀"):
        def exec_(dialog: PublishDialog) -> int:
            seen.append(dialog)
            dialog.title_edit.setText(title)
            dialog.note.setPlainText(note)
            dialog.ok.click()
            return dialog.result()
        monkeypatch.setattr(PublishDialog, "exec", exec_)
        return seen
    return answer


def test_publish_saves_then_publishes_what_the_window_shows(repo, make_window, pick,
                                                           publish_answers):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    window.editor.push(SetStage("proposal", {"name": "Proposal with ROI"}))
    seen = publish_answers()
    window.actions_.publish_repository.trigger()
    dialog = seen[0]
    assert dialog.windowTitle() == "Publish to Team Repository"
    assert not dialog.number.isVisibleTo(dialog) and dialog.note.isVisibleTo(dialog)
    published = Repository(repo.url("rita")).pull(process.id)  # what readers get now
    assert published.revision == 1
    assert published.process.stage("proposal").name == "Proposal with ROI"
    assert published.process.revisions[-1].info.note == "won deals moved <b>faster</b> 😀"
    assert not window.isWindowModified() and window.document.remote.version == 2
    assert [r.number for r in window.process.revisions] == [1]  # the window knows it too
    assert window.statusBar().currentMessage() == \
        "Published revision 1 “Q3 scripts” to the team repository"


def test_process_publish_revision_on_a_repository_process_publishes_there(
        repo, make_window, pick, publish_answers):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    publish_answers("From the Process menu")
    window.actions_.publish_revision.trigger()
    assert Repository(repo.url("rita")).pull(process.id).revision == 1


def test_a_reader_sees_the_publish_command_and_the_database_refuses_it(
        repo, make_window, pick, publish_answers, dialogs):
    store, process = _seeded(repo)
    store.publish(process.id, title="Q3")
    _connect_as(repo, "rita")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    action = window.actions_.publish_repository
    assert action.isEnabled() and action in window.actions_.menus["file"].actions()
    publish_answers("Rita's revision")
    dialogs.answer("critical", None)
    action.trigger()
    (shown,) = dialogs.of("critical")
    assert shown[1] == "Permission Denied" and "salesdesigner_editor" in shown[2]
    assert Repository(repo.url("alice")).pull(process.id, published=True).revision == 1


def test_publishing_after_someone_else_saved_offers_the_conflict_choices(
        repo, make_window, pick, publish_answers, on_conflict):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    bob = Repository(repo.url("bob"))
    theirs = bob.pull(process.id).process
    theirs.name = "Bob's unreviewed draft"
    bob.save(theirs, base=1)
    publish_answers()
    seen = on_conflict("cancel")
    window.actions_.publish_repository.trigger()
    assert "bob" in seen[0].message.text()
    assert [e.revision for e in store.processes()] == [None]  # bob's draft not published


def test_a_local_copy_is_written_and_the_window_stays_on_the_repository(
        repo, make_window, pick, dialogs, tmp_path):
    from salesdesigner.storage.document import open_document
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(load_template("eight-step", "en"))
    assert not window.actions_.save_local_copy.isEnabled()  # a local file: Save As
    pick(process.id)
    assert window.open_from_repository()
    assert window.actions_.save_local_copy.isEnabled()
    window.editor.push(SetStage("proposal", {"name": "unsaved here"}))
    dialogs.answer("save-file", str(tmp_path / "copy"))
    window.actions_.save_local_copy.trigger()
    assert open_document(tmp_path / "copy.salesdesign") == window.process
    assert window.document.remote is not None and window.document.path is None
    assert window.isWindowModified()  # the repository still lacks the change


# ====================================================================== no credential store
def test_without_a_keyring_backend_the_password_is_asked_each_session_never_written(
        repo, make_window, pick, private_settings, monkeypatch, caplog):
    from salesdesigner.ui.dialogs.preferences import PreferencesDialog
    monkeypatch.setitem(sys.modules, "keyring", keyring)  # installed, but no backend:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store, process = _seeded(repo)
        password = PEOPLE["alice"][0]
        dialog = PreferencesDialog()
        fields = dialog.repository
        assert "never written to disk" in fields.note.text()
        fields.host.setText("127.0.0.1")
        fields.port.setValue(repo.cluster.port)
        fields.database.setText(repo.database)
        fields.user.setText("alice")
        fields.password.setText(password)
        dialog.accept()
        dialog.deleteLater()
        asked: list[str] = []
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(
            lambda *a, **k: (asked.append(a[2]) or password, True)))
        window = make_window(None)
        pick(process.id)
        assert window.open_from_repository() and asked == []  # this session knows it
        monkeypatch.setattr(repo_connection, "_session_passwords", {})  # next session
        pick(None)
        window.open_from_repository()
        assert len(asked) == 1
        written = "".join(p.read_text(encoding="utf-8", errors="replace")
                          for p in private_settings.rglob("*") if p.is_file())
        assert "127.0.0.1" in written and password not in written
        assert password not in caplog.text
    finally:
        keyring.set_keyring(before)


def test_the_busy_dialog_is_window_modal_and_says_what_it_waits_for(silent_server,
                                                                     make_window, dialogs):
    conn = ConnectionSettings("127.0.0.1", silent_server, "sales", "alice")
    conn.store()
    remember_password(conn, "pw")
    window = make_window(None)
    found: list[tuple] = []

    def look(busy: QProgressDialog) -> None:
        found.append((busy.labelText(), busy.isModal(), busy.windowModality()))
        _press_cancel(busy)

    ticks = Ticks(window, on_busy=look)
    try:
        window.open_from_repository()
    finally:
        ticks.stop()
    text, modal, modality = found[0]
    assert text == f"Asking 127.0.0.1:{silent_server}/sales for its processes…"
    assert modal and modality.name == "WindowModal"


def test_a_failure_in_the_japanese_ui_is_said_in_japanese_in_one_line(repo, make_window,
                                                                           dialogs):
    from salesdesigner.ui.app import application
    _connect_as(repo, "alice", password="wrong")
    application("ja")
    dialogs.answer("critical", None)
    assert not make_window(None).open_from_repository()
    (shown,) = dialogs.of("critical")
    assert shown[1] == "認証に失敗しました"
    assert shown[2] == (f"127.0.0.1:{repo.cluster.port}/{repo.database} で alice の認証に"
                        "失敗しました：ユーザー名とパスワードを確認してください")
    assert "\n" not in shown[2] and "wrong" not in shown[2]


def test_quitting_waits_for_the_notices_of_the_closing_windows(repo, make_window, pick, qapp):
    store, process = _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    assert _notice(repo, process.id).who == "alice"
    background.later(lambda: time.sleep(0.5))  # the notice thread is busy a moment
    assert window.close()  # the withdrawal waits in the queue behind it
    qapp.aboutToQuit.emit()  # what File ▸ Quit ends with
    assert Repository(repo.url("bob")).editing_notice(process.id) is None
