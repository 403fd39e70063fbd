"""The team repository in the designer, against a real PostgreSQL server (the cluster of
tests/repository): the connection in Preferences (no password in the settings file),
File ▸ Open from Team Repository…, Save back with optimistic locking, the conflict
dialog's three choices losing nothing, and one dialog per failure."""

from __future__ import annotations

import socket
import sys
import types

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from salesdesigner.edits import SetStage
from salesdesigner.storage.repository.store import Repository
from salesdesigner.storage.templates import load_template
from salesdesigner.ui.repository import connection as repo_connection
from salesdesigner.ui.repository.conflict import ConflictDialog
from salesdesigner.ui.repository.connection import ConnectionSettings, remember_password
from salesdesigner.ui.repository.open_dialog import RepositoryOpenDialog
from tests.repository import conftest as server
from tests.repository.conftest import PEOPLE

# the real PostgreSQL server of the repository tests (its cluster, database, people)
pg_cluster, _repo_database, repo = server.pg_cluster, server._repo_database, server.repo

HOSTILE = "<b>提案</b> & \"改訂\" '😀' '; DROP TABLE salesdesigner.processes; --"


@pytest.fixture(autouse=True)
def no_remembered_passwords(monkeypatch):
    """Each test starts without a password typed earlier and without a credential store
    (none is installed here; a test that wants one puts a fake in sys.modules)."""
    monkeypatch.setattr(repo_connection, "_session_passwords", {})
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring → ImportError


def _connect_as(repo, person: str, *, password: str | None = None) -> ConnectionSettings:
    conn = ConnectionSettings("127.0.0.1", repo.cluster.port, repo.database, person)
    conn.store()
    remember_password(conn, PEOPLE[person][0] if password is None else password)
    return conn


def _seeded(repo, name: str = "Enterprise deals") -> tuple[Repository, object]:
    process = load_template("eight-step", "en")
    process.name = name
    store = Repository(repo.url("alice"))
    store.save(process, base=None)
    return store, process


@pytest.fixture
def pick(monkeypatch):
    """Answer the Open dialog: select the row of a process id and press Open."""
    seen: list[RepositoryOpenDialog] = []

    def choose(process_id: str | None):
        def exec_(dialog: RepositoryOpenDialog) -> int:
            seen.append(dialog)
            if process_id is None:
                dialog.buttons.rejected.emit()
                return QDialog.DialogCode.Rejected
            for row in range(dialog.list.topLevelItemCount()):
                item = dialog.list.topLevelItem(row)
                if item.data(0, 256) == process_id:
                    dialog.list.setCurrentItem(item)
            dialog.open_button.click()
            return dialog.result()
        monkeypatch.setattr(RepositoryOpenDialog, "exec", exec_)
        return seen
    return choose


@pytest.fixture
def on_conflict(monkeypatch):
    """Answer the conflict dialog by clicking one of its buttons."""
    seen: list[ConflictDialog] = []

    def choose(button: str):
        def exec_(dialog: ConflictDialog) -> int:
            seen.append(dialog)
            getattr(dialog, f"{button}_button").click()
            return dialog.result()
        monkeypatch.setattr(ConflictDialog, "exec", exec_)
        return seen
    return choose


# ====================================================================== preferences
def test_preferences_keep_the_connection_but_never_the_password(qtbot, private_settings,
                                                                dialogs):
    from salesdesigner.ui.dialogs.preferences import PreferencesDialog
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    fields = dialog.repository
    fields.host.setText("db.example.com")
    fields.port.setValue(6543)
    fields.database.setText("sales")
    fields.user.setText("alice")
    fields.password.setText("s3cret-Ωé")
    dialog.accept()
    conn = ConnectionSettings.load()
    assert conn == ConnectionSettings("db.example.com", 6543, "sales", "alice")
    written = "".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in private_settings.rglob("*") if p.is_file())
    assert "db.example.com" in written and "s3cret" not in written
    assert repo_connection.stored_password(conn) == "s3cret-Ωé"  # this session only
    assert fields.password.text() == ""


def test_the_password_goes_to_the_credential_store_when_keyring_is_there(monkeypatch):
    kept: dict = {}
    fake = types.SimpleNamespace(
        get_password=lambda service, name: kept.get((service, name)),
        set_password=lambda service, name, pw: kept.__setitem__((service, name), pw),
        delete_password=lambda service, name: kept.pop((service, name)))
    monkeypatch.setitem(sys.modules, "keyring", fake)
    conn = ConnectionSettings("db", 5432, "sales", "bob")
    remember_password(conn, "pw")
    assert kept == {("salesdesigner", "bob@db:5432/sales"): "pw"}  # the CLI's entry too
    monkeypatch.setattr(repo_connection, "_session_passwords", {})
    assert repo_connection.stored_password(conn) == "pw"
    repo_connection.forget_password(conn)
    assert kept == {} and repo_connection.stored_password(conn) is None


def test_without_a_stored_password_it_is_asked_once_per_session(repo, make_window, pick,
                                                                monkeypatch):
    _seeded(repo)
    ConnectionSettings("127.0.0.1", repo.cluster.port, repo.database, "alice").store()
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *a, **k: (asked.append(a[2]) or PEOPLE["alice"][0], True)))
    window = make_window(None)
    pick(None)
    window.open_from_repository()
    window.open_from_repository()
    assert len(asked) == 1 and "alice" in asked[0]


# ====================================================================== open
def test_open_lists_the_processes_and_opens_the_draft_into_the_window(repo, make_window,
                                                                      pick):
    store, process = _seeded(repo, HOSTILE)
    _connect_as(repo, "alice")
    window = make_window(None)
    seen = pick(process.id)
    assert window.open_from_repository()
    dialog = seen[0]
    assert dialog.list.topLevelItemCount() == 1
    row = dialog.list.topLevelItem(0)
    assert row.text(0) == HOSTILE and row.text(1).startswith("alice") and row.text(2) == "1"
    assert window.process == store.pull(process.id).process
    assert window.document.remote.version == 1 and not window.isWindowModified()
    title = window.windowTitle()
    assert f"Team Repository 127.0.0.1:{repo.cluster.port}/{repo.database}" in title
    assert store.editing_notice(process.id) is None  # alice's own notice


def test_cancelling_the_open_dialog_leaves_the_window_alone(repo, make_window, pick):
    _seeded(repo)
    _connect_as(repo, "alice")
    window = make_window(load_template("eight-step", "en"))
    before = window.process.copy()
    pick(None)
    assert not window.open_from_repository()
    assert window.process == before and window.document.remote is None


# ====================================================================== save
def _opened(repo, make_window, pick, person="alice"):
    store, process = _seeded(repo)
    _connect_as(repo, person)
    window = make_window(None)
    pick(process.id)
    assert window.open_from_repository()
    return store, window


def test_ctrl_s_saves_a_repository_process_back_with_the_next_version(repo, make_window,
                                                                      pick):
    store, window = _opened(repo, make_window, pick)
    window.editor.push(SetStage("proposal", {"name": "Proposal v2"}))
    window.actions_.save.trigger()
    pulled = store.pull(window.process.id)
    assert pulled.version == 2 and pulled.process.stage("proposal").name == "Proposal v2"
    assert window.document.remote.version == 2 and not window.isWindowModified()


def _bob_saves_first(repo, window) -> object:
    bob = Repository(repo.url("bob"))
    theirs = bob.pull(window.process.id).process
    theirs.name = "Bob's name"
    bob.save(theirs, base=1)
    window.editor.push(SetStage("proposal", {"name": "Alice's proposal"}))
    return theirs


def test_a_conflict_reload_shows_theirs_and_keeps_ours_in_a_new_window(repo, make_window,
                                                                       pick, on_conflict):
    store, window = _opened(repo, make_window, pick)
    _bob_saves_first(repo, window)
    ours = window.process.copy()
    seen = on_conflict("reload")
    assert not window.document.save()
    assert "bob" in seen[0].message.text() and "version 2" in seen[0].message.text()
    assert window.process.name == "Bob's name" and window.document.remote.version == 2
    from salesdesigner.ui import main_window
    (kept,) = main_window._extra_windows
    assert kept.process == ours and kept.isWindowModified()  # nothing lost
    assert store.pull(ours.id).process.name == "Bob's name"


def test_a_conflict_save_as_copy_puts_ours_beside_theirs(repo, make_window, pick,
                                                         on_conflict):
    store, window = _opened(repo, make_window, pick)
    theirs = _bob_saves_first(repo, window)
    original_id = window.process.id
    on_conflict("copy")
    assert window.document.save()
    assert store.pull(original_id).process.name == "Bob's name"  # theirs untouched
    copy_id = window.process.id
    assert copy_id != original_id
    copied = store.pull(copy_id).process
    assert copied.stage("proposal").name == "Alice's proposal"
    assert copied.stage_ids == theirs.stage_ids and "(copy)" in copied.name
    assert not window.isWindowModified() and window.document.remote.process_id == copy_id


def test_a_conflict_compare_shows_theirs_and_the_next_save_replaces_it(repo, make_window,
                                                                       pick, on_conflict):
    store, window = _opened(repo, make_window, pick)
    _bob_saves_first(repo, window)
    on_conflict("compare")
    assert not window.document.save()
    assert window.compare is not None and "bob" in window.compare.session.label
    assert store.pull(window.process.id).process.name == "Bob's name"  # not yet
    window.end_compare()
    assert window.document.save()
    saved = store.pull(window.process.id)
    assert saved.version == 3 and saved.process.stage("proposal").name == "Alice's proposal"


def test_a_cancelled_conflict_changes_nothing(repo, make_window, pick, on_conflict):
    store, window = _opened(repo, make_window, pick)
    _bob_saves_first(repo, window)
    on_conflict("cancel")
    assert not window.document.save()
    assert window.isWindowModified() and window.document.remote.version == 1
    assert window.process.stage("proposal").name == "Alice's proposal"
    assert store.pull(window.process.id).process.name == "Bob's name"


def test_a_local_document_is_uploaded_and_then_saves_there(repo, make_window):
    _connect_as(repo, "alice")
    window = make_window(load_template("eight-step", "en"))
    assert window.save_to_repository()
    store = Repository(repo.url("alice"))
    assert store.pull(window.process.id).process == window.process
    window.editor.push(SetStage("proposal", {"name": "again"}))
    assert window.document.save() and store.pull(window.process.id).version == 2


# ====================================================================== errors
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_server_is_one_dialog(repo, make_window, dialogs):
    conn = ConnectionSettings("127.0.0.1", _free_port(), repo.database, "alice")
    conn.store()
    remember_password(conn, "x")
    dialogs.answer("critical", None)
    assert not make_window(None).open_from_repository()
    (shown,) = dialogs.of("critical")
    assert shown[1] == "Cannot Reach the Repository Server" and "Traceback" not in shown[2]


def test_a_wrong_password_is_one_dialog_and_is_asked_again(repo, make_window, dialogs,
                                                           monkeypatch):
    conn = _connect_as(repo, "alice", password="wrong")
    dialogs.answer("critical", None)
    window = make_window(None)
    assert not window.open_from_repository()
    (shown,) = dialogs.of("critical")
    assert shown[1] == "Authentication Failed" and "wrong" not in shown[2]
    assert repo_connection.stored_password(conn) is None  # forgotten: asked next time


def test_a_reader_saving_gets_permission_denied(repo, make_window, dialogs):
    _connect_as(repo, "rita")
    dialogs.answer("critical", None)
    window = make_window(load_template("eight-step", "en"))
    assert not window.save_to_repository()
    (shown,) = dialogs.of("critical")
    assert shown[1] == "Permission Denied"
    assert window.document.remote is None


# ====================================================================== languages
def _tr_calls(path) -> list[tuple[str, str]]:
    """(context, source) of every ``self.tr("…")`` (context: the class) and ``_tr("…")``
    (context TeamRepository) in a module; implicit concatenation resolved by the parser."""
    import ast
    found: list[tuple[str, str]] = []

    def walk(node, cls):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call) and child.args \
                    and isinstance(child.args[0], ast.Constant):
                f = child.func
                if isinstance(f, ast.Attribute) and f.attr == "tr":
                    found.append((cls, child.args[0].value))
                elif isinstance(f, ast.Name) and f.id == "_tr":
                    found.append(("TeamRepository", child.args[0].value))
            walk(child, inner)
    walk(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_every_repository_string_has_a_japanese_translation():
    from pathlib import Path
    from xml.etree import ElementTree
    root = Path(__file__).resolve().parents[3]
    tree = ElementTree.parse(root / "resources/i18n/salesdesigner_ja.ts")
    known = {(c.findtext("name"), m.findtext("source"))
             for c in tree.getroot() for m in c.iter("message")
             if (m.findtext("translation") or "").strip()}
    calls = [call for path in sorted((root / "salesdesigner/ui/repository").glob("*.py"))
             for call in _tr_calls(path)]
    assert len(calls) > 30
    assert [call for call in calls if call not in known] == []


def test_the_conflict_dialog_speaks_japanese(repo, make_window, pick, on_conflict):
    from salesdesigner.ui.app import application
    store, window = _opened(repo, make_window, pick)
    _bob_saves_first(repo, window)
    application("ja")
    seen = on_conflict("cancel")
    assert not window.document.save()
    dialog = seen[0]
    assert dialog.windowTitle() == "他の人が先に保存しました"
    assert dialog.reload_button.text() == "再読み込み(&R)"
    assert "bob" in dialog.message.text() and "バージョン 2" in dialog.message.text()
    assert "チームリポジトリ" in window.windowTitle()
