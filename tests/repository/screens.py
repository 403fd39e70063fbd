"""Look at the team repository in the designer on a real screen, against a throwaway
PostgreSQL server (the tests' cluster): ::

    /work/shared/tools/screenshot open-ja.png 25 -- .venv/bin/python -m \
        tests.repository.screens open ja

SCENE: ``open`` (File ▸ Open from Team Repository…), ``notice`` (a process someone else
is editing), ``conflict`` (someone saved first), ``publish`` (the publish dialog),
``published`` (the status line after publishing), ``busy`` (a server that never answers),
``reader`` (a reader's publish refused by the database), ``menu`` (the File menu on a
repository process).  The parent process owns the
cluster and removes it when it is stopped; the child runs the app.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile

SCENES = ("open", "notice", "conflict", "publish", "published", "busy", "reader", "menu")


def _serve(scene: str, language: str) -> int:
    """Start a cluster with a repository and three processes, run the app, clean up."""
    from salesdesigner.storage.repository.admin import init_repository
    from salesdesigner.storage.repository.store import Repository
    from salesdesigner.storage.templates import load_template
    from tests.repository.cluster import remove_cluster, start_cluster
    from tests.repository.conftest import PEOPLE
    cluster = start_cluster()
    child = None

    def stop(*_: object) -> None:
        if child is not None and child.poll() is None:
            child.terminate()
        remove_cluster(cluster)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        for name, (password, _group) in PEOPLE.items():
            cluster.sql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        cluster.sql("CREATE DATABASE sales")
        init_repository(cluster.url(database="sales"))
        for name, (_password, group) in PEOPLE.items():
            if group:
                cluster.sql(f"GRANT {group} TO {name}")
        alice = Repository(cluster.url("alice", PEOPLE["alice"][0], "sales"))
        bob = Repository(cluster.url("bob", PEOPLE["bob"][0], "sales"))
        names = {"en": ("Enterprise deals", "Renewals <Q3> & \"upsell\"", "SMB inbound"),
                 "ja": ("大口商談プロセス", "更新・アップセル <第3四半期> & \"拡販\"",
                        "中小企業インバウンド")}[language]
        ids = []
        for name, template in zip(names, ("eight-step", "eight-step", "eight-step"),
                                  strict=True):
            process = load_template(template, language, fresh_id=True)
            process.name = name
            alice.save(process, base=None)
            ids.append(process.id)
        alice.publish(ids[0], title="Q2" if language == "en" else "第2四半期版",
                      author="Alice")
        bob.mark_editing(ids[1])
        env = dict(os.environ, SD_SCREEN_PORT=str(cluster.port),
                   SD_SCREEN_IDS=",".join(ids))
        child = subprocess.Popen([sys.executable, "-m", "tests.repository.screens",
                                  "--app", scene, language], env=env)
        return child.wait()
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
        remove_cluster(cluster)


def _app(scene: str, language: str) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from salesdesigner.storage.repository.store import Repository
    from salesdesigner.ui.app import application
    from salesdesigner.ui.main_window import MainWindow
    from salesdesigner.ui.repository.connection import ConnectionSettings, remember_password
    from tests.repository.conftest import PEOPLE
    settings = tempfile.mkdtemp(prefix="sd-screen-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    port = int(os.environ["SD_SCREEN_PORT"])
    ids = os.environ["SD_SCREEN_IDS"].split(",")
    app = application(language)
    person = "rita" if scene == "reader" else "alice"
    conn = ConnectionSettings("127.0.0.1", port, "sales", person)
    if scene == "busy":  # a port that accepts and never answers (for two minutes here)
        import socket

        from salesdesigner.storage.repository import connection
        connection.CONNECT_TIMEOUT = 120
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        conn = ConnectionSettings("127.0.0.1", silent.getsockname()[1], "sales", person)
    conn.store()
    remember_password(conn, PEOPLE[person][0])
    window = MainWindow(autosave_dir=tempfile.mkdtemp(prefix="sd-screen-autosave-"))
    window.document.set_autosave_interval(0)
    window.resize(1400, 900)
    window.show()
    # the status line stays until the shot (the app's lasts five seconds)
    window.show_status = window.statusBar().showMessage  # type: ignore[method-assign]

    def later() -> None:
        from salesdesigner.ui import repository
        if scene in ("open", "busy"):
            window.open_from_repository()
            return
        target = ids[1] if scene == "notice" else ids[0]
        repository.open_from_repository(window, target)
        if scene == "conflict":
            bob = Repository(f"postgresql://bob:{PEOPLE['bob'][0].replace(' ', '%20')}"
                             f"@127.0.0.1:{port}/sales")
            theirs = bob.pull(ids[0]).process
            theirs.name += " (Bob)"
            bob.save(theirs, base=1)
            from salesdesigner.edits import SetStage
            stage = window.process.stage_ids[1]
            window.editor.push(SetStage(stage, {"name": window.process.stage(stage).name
                                                + " ✓"}))
            window.document.save()
        elif scene == "menu":
            from PySide6.QtCore import QPoint
            window.actions_.menus["file"].popup(window.mapToGlobal(QPoint(4, 24)))
        elif scene == "publish":
            window.actions_.publish_repository.trigger()
        elif scene in ("published", "reader"):
            from salesdesigner.ui.revisions.publish_dialog import PublishDialog

            def answer(dialog: PublishDialog) -> int:
                dialog.title_edit.setText("Q3 scripts" if language == "en" else "第3四半期版")
                dialog.accept()
                return dialog.result()
            PublishDialog.exec = answer  # type: ignore[method-assign]
            window.actions_.publish_repository.trigger()

    QTimer.singleShot(800, later)
    return app.exec()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--app":
        return _app(argv[1], argv[2])
    scene = argv[0] if argv else "open"
    language = argv[1] if len(argv) > 1 else "ja"
    if scene not in SCENES or language not in ("en", "ja"):
        print(f"usage: python -m tests.repository.screens {{{','.join(SCENES)}}} {{en,ja}}",
              file=sys.stderr)
        return 2
    return _serve(scene, language)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
