"""``salesdesigner repo …`` speaks Japanese or English like the rest of the command line:
``--lang``, else the system locale; progress lines and the one-line errors alike, from the
presentation catalogue (no English left in a Japanese run but the server's own words)."""

from __future__ import annotations

import pytest

from salesdesigner.cli.repo import system_language
from salesdesigner.storage.document import save_document
from tests.repository.test_repo_cli import run
from tests.storage.conftest import sample_process

EXPECTED = {
    "en": {"pushed": "as process 'p-1', version 1, to 127.0.0.1:",
           "not_published": "error: process 'p-1' is not published yet (an editor publishes",
           "published": "published revision 1 of process 'p-1' in 127.0.0.1:",
           "pulled": "pulled revision 1 (published) of process 'p-1' to ",
           "listed": "p-1  法人営業プロセス  revision 1 (初版)\n",
           "denied": "error: permission denied at 127.0.0.1:",
           "unreachable": "error: cannot reach the repository server at 127.0.0.1:1/",
           "no_process": "error: the repository at 127.0.0.1:"},
    "ja": {"pushed": "をプロセス 'p-1'（版 1）として 127.0.0.1:",
           "not_published": "error: プロセス 'p-1' はまだ発行されていません（編集者が",
           "published": "のプロセス 'p-1' の第1版を発行しました",
           "pulled": "プロセス 'p-1' の第1版（発行版）を ",
           "listed": "p-1  法人営業プロセス  第1版（初版）\n",
           "denied": "error: 127.0.0.1:",
           "unreachable": "error: リポジトリのサーバー 127.0.0.1:1/",
           "no_process": "にプロセス 'nope' はありません"},
}


@pytest.fixture
def locale(monkeypatch):
    def use(name: str) -> None:
        for var in ("LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setenv("LANG", name)
    use("C.UTF-8")
    return use


@pytest.mark.parametrize(("language", "how"), [("en", "--lang"), ("ja", "--lang"),
                                               ("ja", "locale")])
def test_progress_and_errors_speak_the_chosen_language(capsys, repo, tmp_path, locale,
                                                       language, how):
    doc = tmp_path / "p.salesdesign"
    save_document(sample_process(), doc)
    lang = ["--lang", language] if how == "--lang" else []
    if how == "locale":
        locale("ja_JP.UTF-8")
    want = EXPECTED[language]
    code, out, _ = run(capsys, "repo", "push", str(doc), "--to", repo.url("alice"), *lang)
    assert code == 0 and want["pushed"] in out
    out_file = str(tmp_path / "rep.salesdesign")
    code, _, err = run(capsys, "repo", "pull", repo.url("rita"), "p-1", "-o", out_file, *lang)
    assert code == 1 and err.startswith(want["not_published"]) and err.count("\n") == 1
    code, out, _ = run(capsys, "repo", "publish", repo.url("alice"), "p-1", "--title", "初版",
                       *lang)
    assert code == 0 and want["published"] in out
    code, out, _ = run(capsys, "repo", "pull", repo.url("rita"), "p-1", "-o", out_file, *lang)
    assert code == 0 and out.startswith(want["pulled"])
    code, out, _ = run(capsys, "repo", "list", repo.url("rita"), *lang)
    assert out == want["listed"]
    code, _, err = run(capsys, "repo", "push", str(doc), "--to", repo.url("rita"), *lang)
    assert code == 1 and err.startswith(want["denied"]) and err.count("\n") == 1
    code, _, err = run(capsys, "repo", "list",
                       repo.url("rita").replace(f":{repo.cluster.port}/", ":1/"), *lang)
    assert code == 1 and err.startswith(want["unreachable"])
    code, _, err = run(capsys, "repo", "pull", repo.url("rita"), "nope", "-o", out_file, *lang)
    assert code == 1 and want["no_process"] in err


def test_a_japanese_run_prints_no_english_sentence(capsys, repo, tmp_path):
    doc = tmp_path / "p.salesdesign"
    save_document(sample_process(), doc)
    lines = []
    for argv in (["push", str(doc), "--to", repo.url("alice")],
                 ["publish", repo.url("alice"), "p-1", "--title", "初版"],
                 ["pull", repo.url("alice"), "p-1", "-o", str(tmp_path / "d.salesdesign")],
                 ["list", repo.url("alice")],
                 ["push", str(doc), "--to", repo.url("bob"), "--base", "0"]):
        _code, out, err = run(capsys, "repo", *argv, "--lang", "ja")
        lines += (out + err).splitlines()
    english = ("pushed", "published revision", "pulled", "version conflict", "saved by",
               "not published", "draft v")
    assert lines and not [line for line in lines if any(e in line for e in english)]
    conflict = [line for line in lines if "版の競合" in line]
    assert conflict and "を保存しました（20" in conflict[0]  # when, in Japanese too


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"), ({"LANG": "ja_JP.UTF-8"}, "ja"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "ja_JP.eucJP"}, "ja"),
    ({"LANG": "ja_JP.UTF-8", "LC_MESSAGES": "C"}, "en"), ({"LC_ALL": "", "LANG": "ja"}, "ja")])
def test_the_system_language_follows_posix_locale_order(environ, expected):
    assert system_language(environ) == expected


def test_an_unknown_language_is_a_usage_error(capsys, repo):
    code, _, err = run(capsys, "repo", "list", repo.url("rita"), "--lang", "fr")
    assert code == 1 and err.startswith("error: unknown language 'fr': use ja or en.")
