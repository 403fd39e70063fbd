"""``salesdesigner repo …`` against the real server: what an administrator and a script see.
Every failure is one ``error:`` line and a non-zero exit; the password never shows."""

from __future__ import annotations

import sys
import types

import pytest

from salesdesigner.cli import main
from salesdesigner.storage.document import open_document, save_document
from tests.repository.conftest import PEOPLE, Repo, new_database
from tests.storage.conftest import fingerprint, sample_process

SECRETS = [password for password, _group in PEOPLE.values()]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    for secret in SECRETS:
        assert secret not in out and secret not in err
    return code, out, err


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """The messages follow the system locale: these tests read the English ones."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "process.salesdesign"
    save_document(sample_process(), path)
    return path


def test_init_creates_a_repository_and_running_it_again_changes_nothing(capsys, pg_cluster):
    url = Repo(pg_cluster, new_database(pg_cluster)).url()
    code, out, err = run(capsys, "repo", "init", url)
    assert code == 0 and out.startswith("created the repository at 127.0.0.1:") and not err
    code, out, _ = run(capsys, "repo", "init", url)
    assert code == 0 and "is up to date" in out
    assert "admin-pw" not in out


def test_push_then_pull_gives_back_the_same_document(capsys, repo, doc, tmp_path):
    code, out, _ = run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"))
    assert code == 0 and "as process 'p-1', version 1" in out
    out_file = tmp_path / "pulled.salesdesign"
    code, out, _ = run(capsys, "repo", "pull", repo.url("bob"), "p-1", "-o", str(out_file))
    assert code == 0 and "--base 1" in out and "--to URL" in out
    assert open_document(out_file) == open_document(doc)
    code, out, _ = run(capsys, "repo", "list", repo.url("bob"))
    assert code == 0 and out.startswith("p-1  法人営業プロセス  not published  draft v1 "
                                        "saved by alice")


def test_reader_pull_before_and_after_publishing(capsys, repo, doc, tmp_path):
    run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"))
    out_file = tmp_path / "rep.salesdesign"
    code, _, err = run(capsys, "repo", "pull", repo.url("rita"), "p-1", "-o", str(out_file))
    assert code == 1 and err.startswith("error: process 'p-1' is not published yet")
    assert not out_file.exists()
    code, out, _ = run(capsys, "repo", "publish", repo.url("alice"), "p-1", "--title", "初版")
    assert code == 0 and out.startswith("published revision 1 of process 'p-1'")
    code, out, _ = run(capsys, "repo", "pull", repo.url("rita"), "p-1", "-o", str(out_file))
    assert code == 0 and "pulled revision 1 (published)" in out
    pulled = open_document(out_file)
    assert [r.info.title for r in pulled.revisions] == ["初版"]
    assert [r.info.author for r in pulled.revisions] == ["alice"]
    code, out, _ = run(capsys, "repo", "list", repo.url("rita"))
    assert out == "p-1  法人営業プロセス  revision 1 (初版)\n"


def test_second_push_from_an_old_version_is_a_version_conflict(capsys, repo, doc):
    run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"))
    run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"), "--base", "1")
    before = fingerprint(doc)
    code, _, err = run(capsys, "repo", "push", str(doc), "--to", repo.url("bob"),
                       "--base", "1")
    assert code == 1 and err.startswith("error: version conflict: alice saved process 'p-1'")
    assert err.count("\n") == 1 and fingerprint(doc) == before
    code, _, err = run(capsys, "repo", "push", str(doc), "--to", repo.url("bob"))
    assert code == 1 and "already holds process 'p-1'" in err


@pytest.mark.parametrize(("person", "password", "expected"), [
    ("rita", None, "error: permission denied at 127.0.0.1:"),
    ("nobody", None, "error: permission denied at 127.0.0.1:"),
    ("alice", "not-her-password", "error: authentication failed for alice at 127.0.0.1:"),
])
def test_refusals_are_one_line_errors(capsys, repo, doc, person, password, expected):
    code, _, err = run(capsys, "repo", "push", str(doc), "--to", repo.url(person, password))
    assert code == 1 and err.startswith(expected) and err.count("\n") == 1
    assert "not-her-password" not in err


def test_unreachable_server_and_a_database_that_is_no_repository(capsys, repo, pg_cluster):
    url = repo.url("alice").replace(f":{pg_cluster.port}/", ":1/")
    code, _, err = run(capsys, "repo", "list", url)
    assert code == 1 and err.startswith("error: cannot reach the repository server at "
                                        "127.0.0.1:1/")
    code, _, err = run(capsys, "repo", "list", pg_cluster.url(database="postgres"))
    assert code == 1 and "is not a SalesDesigner repository" in err
    assert "admin-pw" not in err


def test_password_from_pgpassword_or_the_credential_store(capsys, repo, monkeypatch):
    bare = repo.url("alice").replace(":" + PEOPLE["alice"][0], "")
    assert "alice@" in bare
    code, _, err = run(capsys, "repo", "list", bare)
    assert code == 1 and "authentication failed" in err
    monkeypatch.setenv("PGPASSWORD", PEOPLE["alice"][0])
    assert run(capsys, "repo", "list", bare)[0] == 0
    monkeypatch.delenv("PGPASSWORD")
    asked = []

    def get_password(service, name):
        asked.append((service, name))
        return PEOPLE["alice"][0]

    monkeypatch.setitem(sys.modules, "keyring", types.SimpleNamespace(get_password=get_password))
    assert run(capsys, "repo", "list", bare)[0] == 0
    assert asked == [("salesdesigner", f"alice@127.0.0.1:{repo.cluster.port}/{repo.database}")]


def test_export_html_from_the_repository_builds_the_latest_published_revision(
        capsys, repo, doc, tmp_path):
    from tests.actuals.strategies import sample_actuals
    process = open_document(doc)
    process.set_actuals(sample_actuals())
    save_document(process, doc)
    run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"))
    page = tmp_path / "playbook.html"
    source = repo.url("rita") + "/p-1"
    code, _, err = run(capsys, "export", "html", "--from", source, "-o", str(page))
    assert code == 1 and "not published yet" in err and not page.exists()
    run(capsys, "repo", "publish", repo.url("alice"), "p-1", "--title", "初版")
    process.update_process(name="下書きの名前")
    save_document(process, doc)
    run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"), "--base", "1")
    code, out, _ = run(capsys, "export", "html", "--from", source, "-o", str(page),
                       "--attachments", "inline")
    assert code == 0 and out == f"wrote {page} (revision 1 of process 'p-1')\n"
    html = page.read_text(encoding="utf-8")
    assert "法人営業プロセス" in html and "下書きの名前" not in html
    assert "OPP-0001" not in html and "山田太郎" not in html  # deal data never published
    code, _, err = run(capsys, "export", "pdf", "--from", source, "-o", str(tmp_path / "x"))
    assert code == 2 and "--from applies to html exports only" in err
    code, _, err = run(capsys, "export", "html", "--from", repo.url("rita"), "-o",
                       str(tmp_path / "y.html"))
    assert code == 1 and "name the process after the database" in err


def test_init_by_a_manager_without_rights_is_refused(capsys, pg_cluster):
    url = Repo(pg_cluster, new_database(pg_cluster)).url("alice")
    code, _, err = run(capsys, "repo", "init", url)
    assert code == 1 and err.startswith("error: permission denied at 127.0.0.1:")


def test_a_repository_of_a_newer_layout_is_refused_not_misread(capsys, pg_cluster):
    database = new_database(pg_cluster)
    url = Repo(pg_cluster, database).url()
    run(capsys, "repo", "init", url)
    pg_cluster.sql("UPDATE salesdesigner.repository SET schema_version = 99", database=database)
    for argv in (["repo", "list", url], ["repo", "init", url]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "has layout 99, newer than this version" in err


def test_pull_with_edit_leaves_a_notice_the_next_editor_and_the_list_see(
        capsys, repo, doc, tmp_path):
    run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"))
    code, _, err = run(capsys, "repo", "pull", repo.url("alice"), "p-1", "-o",
                       str(tmp_path / "a.salesdesign"), "--edit")
    assert code == 0 and not err
    code, _, err = run(capsys, "repo", "pull", repo.url("bob"), "p-1", "-o",
                       str(tmp_path / "b.salesdesign"))
    assert code == 0 and err.startswith("note: alice is editing process 'p-1'")
    code, out, _ = run(capsys, "repo", "list", repo.url("bob"))
    assert "being edited by alice until" in out
