"""The reader window following a repository process (real server, real widgets): it opens at
once and fetches in the background, shows the published revision, falls back to its copy
when the server is stopped, asks for a missing password (never saving it), and says why
there is nothing to show when there is neither server nor copy."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from salesdesigner.model.process import Process  # noqa: E402
from salesdesigner.storage.repository import following  # noqa: E402
from salesdesigner.storage.repository.store import Repository  # noqa: E402
from tests.repository.conftest import PEOPLE  # noqa: E402
from tests.storage.conftest import sample_process  # noqa: E402

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def english(qapp):
    from salesdesigner.ui.i18n import install_translators
    install_translators("en")
    yield
    install_translators("en")


@pytest.fixture
def reader(qtbot, english):
    from salesdesigner.ui.playbook import PlaybookWindow
    from salesdesigner.ui.playbook.follow import install_file_menu
    window = PlaybookWindow(Process(language="en"))
    install_file_menu(window)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


@pytest.fixture
def published(repo):
    alice = Repository(repo.url("alice"))
    alice.save(sample_process(), base=None)
    alice.publish("p-1", title="初版")
    pulled = alice.pull("p-1")
    pulled.process.update_process(name="draft name, confidential")
    alice.save(pulled.process, base=pulled.version)
    return repo


def _follow(window, url: str, cache):
    from salesdesigner.ui.playbook.follow import follow_source
    return follow_source(window, url, str(cache))


def _settled(qtbot, follower) -> None:
    qtbot.waitUntil(lambda: not follower.busy, timeout=WAIT_MS)


def test_window_shows_the_published_revision_then_its_copy_when_the_server_stops(
        qtbot, reader, published, tmp_path, private_settings):
    follower = _follow(reader, published.url("rita") + "/p-1", tmp_path)
    _settled(qtbot, follower)
    assert reader.title_label.full_text() == "法人営業プロセス"
    assert follower.banner.kind == "info" and follower.banner.text().startswith(
        "Revision 1 “初版”, published ")
    assert reader.current_stage_id is not None
    reader.go_to("approach")
    with published.cluster.stopped():
        reader.follow_actions[1].trigger()  # File ▸ Check for a Newer Revision
        _settled(qtbot, follower)
        assert follower.banner.kind == "offline"
        assert follower.banner.text().startswith("Offline — showing the version published on")
        assert follower.banner.text().endswith("saved here just now")
        assert reader.title_label.full_text() == "法人営業プロセス"
        assert reader.current_stage_id == "approach"  # the rep keeps their place
    kept = "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in private_settings.rglob("*") if p.is_file())
    assert "/p-1" in kept and PEOPLE["rita"][0] not in kept  # the address, never the password


def test_window_opens_from_its_copy_before_the_check_ends_and_never_blocks(
        qtbot, reader, published, tmp_path, monkeypatch):
    source = following.Source.parse(published.url("rita") + "/p-1")
    following.follow(source, following.PlaybookCache(tmp_path))  # a copy from yesterday
    gate = threading.Event()
    real = following.follow

    finished = []

    def slow_follow(source, cache):  # a dead host: the connection waits for its timeout
        gate.wait(5)
        finished.append(True)
        return real(source, cache)

    monkeypatch.setattr(following, "follow", slow_follow)
    follower = _follow(reader, published.url("rita") + "/p-1", tmp_path)
    assert follower.busy and not finished  # returned while the check still waits
    assert reader.title_label.full_text() == "法人営業プロセス"  # the copy, at once
    assert follower.banner.text().startswith("Checking 127.0.0.1:")
    qtbot.wait(100)  # the window goes on handling events meanwhile
    gate.set()
    _settled(qtbot, follower)
    assert follower.banner.text().startswith("Revision 1 “初版”")


def test_no_server_and_no_copy_says_so_in_the_window(qtbot, reader, repo, tmp_path):
    url = repo.url("rita").replace(f":{repo.cluster.port}/", ":1/") + "/p-1"
    follower = _follow(reader, url, tmp_path)
    assert reader.page.stage_id is None and reader.empty_message.startswith("Connecting to ")
    _settled(qtbot, follower)
    assert follower.banner.kind == "error" and follower.banner.isHidden()  # said once:
    text = reader.empty_message  # on the page, instead of "This playbook has no stages yet"
    assert text.startswith("Cannot show the playbook: cannot reach the repository server")
    from PySide6.QtWidgets import QLabel
    shown = [label.text() for label in reader.page.findChildren(QLabel)]
    assert text in shown and not reader.process.stage_ids


def test_a_missing_password_is_asked_for_and_kept_in_memory_only(
        qtbot, reader, published, tmp_path, monkeypatch, private_settings):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    bare = published.url("rita").replace(":" + PEOPLE["rita"][0], "") + "/p-1"
    asked = []

    def ask(source):
        asked.append(source.where)
        return PEOPLE["rita"][0]

    from salesdesigner.ui.playbook.follow import ProcessFollower
    monkeypatch.setattr(ProcessFollower, "_ask_password", lambda self, source: ask(source))
    follower = _follow(reader, bare, tmp_path)
    qtbot.waitUntil(lambda: follower.last is not None, timeout=WAIT_MS)
    assert asked == [f"127.0.0.1:{published.cluster.port}/{published.database}"]
    assert follower.last.state == following.ONLINE
    assert reader.title_label.full_text() == "法人営業プロセス"
    for path in [*tmp_path.rglob("*"), *private_settings.rglob("*")]:
        if path.is_file():
            assert PEOPLE["rita"][0].encode() not in path.read_bytes()


def test_the_banner_speaks_japanese_when_the_ui_does(qtbot, reader, published, tmp_path):
    from salesdesigner.ui.i18n import install_translators
    follower = _follow(reader, published.url("rita") + "/p-1", tmp_path)
    _settled(qtbot, follower)
    install_translators("ja")
    assert follower.banner.text().startswith("第1版「初版」（")
    assert reader.menuBar().actions()[0].text() == "ファイル(&F)"


def test_salesdesigner_playbook_with_a_repository_address_follows_it(
        qtbot, english, published, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from salesdesigner.ui.playbook import PlaybookWindow, run_playbook
    from salesdesigner.ui.playbook.follow import ProcessFollower
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    seen = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, PlaybookWindow) and w.isVisible()]
        follower = windows[0].findChild(ProcessFollower) if windows else None
        if follower is None or follower.busy:
            QTimer.singleShot(50, look_and_close)
            return
        seen.append((windows[0].title_label.full_text(), follower.banner.text()))
        windows[0].close()

    QTimer.singleShot(0, look_and_close)
    assert run_playbook(published.url("rita") + "/p-1", "en") == 0
    assert seen and seen[0][0] == "法人営業プロセス"
    assert seen[0][1].startswith("Revision 1 “初版”")
    assert list((tmp_path / "cache").rglob("*.salesdesign"))  # the copy, in the cache folder


def test_a_playbook_address_without_a_process_is_one_error_line(capsys):
    from salesdesigner.cli import main
    assert main(["--playbook", "postgresql://rita@127.0.0.1:1/sales"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: name the process after the database") and err.count("\n") == 1


def test_every_string_of_the_followers_menu_and_dialogs_has_a_japanese_translation():
    import ast
    from pathlib import Path
    from xml.etree import ElementTree

    import salesdesigner.ui.playbook.follow as module
    root = Path(module.__file__).resolve().parents[3]
    tree = ElementTree.parse(root / "resources/i18n/salesdesigner_ja.ts")
    known = {m.findtext("source") for c in tree.getroot() if c.findtext("name") == module.CONTEXT
             for m in c.iter("message") if (m.findtext("translation") or "").strip()}
    calls = [node.args[0].value
             for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
             and node.func.id == "_tr" and node.args and isinstance(node.args[0], ast.Constant)]
    assert len(calls) >= 9 and [c for c in calls if c not in known] == []
