"""The team repository sub-commands (``salesdesigner repo init|list|push|pull|publish``).

A repository is named by its URL, ``postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE``;
without a password in it, ``PGPASSWORD`` or the credential store (keyring) supplies one.
Messages name the place as ``HOST:PORT/DATABASE`` and never print the password; hints
say ``URL`` rather than repeating the one given.  They speak ``--lang`` (ja or en), else
the system locale's language (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), from the
presentation catalogue's ``repo.`` words: the repository is not one document, so no
document's language decides.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from salesdesigner.model.errors import UserError


def _cli():  # type: ignore[no-untyped-def]
    import salesdesigner.cli as cli
    return cli


def add_parser(sub: argparse._SubParsersAction, parser_class: type) -> None:
    """``repo`` and its sub-commands on the command parser."""
    repo = sub.add_parser("repo", help="the team repository on a PostgreSQL server: init, "
                          "list, push, pull, publish")
    cmds = repo.add_subparsers(dest="repo_command", required=True, parser_class=parser_class)
    init = cmds.add_parser("init", help="create the repository's tables and the roles "
                           "salesdesigner_editor and salesdesigner_reader (administrator)")
    init.add_argument("url", metavar="URL")

    ls = cmds.add_parser("list", help="the processes in the repository (readers: the "
                         "published ones)")
    ls.add_argument("url", metavar="URL")
    ls.add_argument("--json", action="store_true", help="print the list as JSON")

    push = cmds.add_parser("push", help="upload a .salesdesign file as the draft of its "
                           "process (the process keeps its id)")
    push.add_argument("file", metavar="FILE")
    push.add_argument("--to", required=True, metavar="URL", dest="url")
    push.add_argument("--base", type=int, default=None, metavar="VERSION",
                      help="the version the file was pulled at (repo pull prints it); a "
                           "newer one in the repository is a version conflict")
    push.add_argument("--replace", action="store_true",
                      help="overwrite the repository's draft whatever its version")

    pull = cmds.add_parser("pull", help="download a process: editors get the draft, "
                           "readers the latest published revision")
    pull.add_argument("url", metavar="URL")
    pull.add_argument("process_id", metavar="PROCESS_ID")
    pull.add_argument("-o", "--output", required=True, metavar="FILE",
                      help="the .salesdesign file to write")
    pull.add_argument("--published", action="store_true",
                      help="the latest published revision even for an editor")
    pull.add_argument("--force", action="store_true", help="overwrite a read-only file")
    pull.add_argument("--edit", action="store_true",
                      help="tell the other editors you are editing it (a notice that runs "
                           "out after 30 minutes; it never locks anyone out)")

    pub = cmds.add_parser("publish", help="publish the repository's draft of a process as "
                          "its next revision")
    pub.add_argument("url", metavar="URL")
    pub.add_argument("process_id", metavar="PROCESS_ID")
    pub.add_argument("--title", required=True, help="what this revision is")
    pub.add_argument("--note", default="", help="why it changed")
    pub.add_argument("--author", default=None,
                     help="who publishes (default: your database user name)")
    for command in (init, ls, push, pull, pub):
        command.add_argument("--lang", default=None,
                             help="language of the messages: ja or en (default: the "
                                  "system's)")


def _flat(text: str | None, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _open(url: str):  # type: ignore[no-untyped-def]
    from salesdesigner.storage.repository.store import Repository
    return Repository(url)


def system_language(environ: Any = os.environ) -> str:
    """``ja`` when the locale the environment names is Japanese, else ``en`` (POSIX order:
    ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``)."""
    from salesdesigner.model.presentation import language_code
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return language_code(environ[name].split(".")[0])
    return "en"


def _words(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from salesdesigner.model.presentation import words_for
    return words_for(args.lang, "repo")


def cmd_repo(args: argparse.Namespace) -> int:
    from salesdesigner.storage.repository.errors import RepositoryError
    _cli()._lang(args.lang)
    args.lang = args.lang or system_language()
    try:
        return {"init": _init, "list": _list, "push": _push, "pull": _pull,
                "publish": _publish}[args.repo_command](args)
    except RepositoryError as exc:
        raise RepositoryError(exc.localized(args.lang)) from None


def _init(args: argparse.Namespace) -> int:
    from salesdesigner.storage.repository.admin import init_repository
    print(init_repository(args.url, args.lang))
    print(_words(args)("grant_hint"))
    return _cli().EXIT_OK


def _list(args: argparse.Namespace) -> int:
    repo = _open(args.url)
    entries = repo.processes()
    w = _words(args)
    if args.json:
        data = [{"process_id": e.process_id, "name": e.name, "version": e.version,
                 "saved_by": e.saved_by,
                 "saved_at": e.saved_at.isoformat() if e.saved_at else None,
                 "revision": e.revision, "revision_title": e.revision_title,
                 "editing_by": e.editing_by,
                 "editing_until": e.editing_until.isoformat() if e.editing_until else None}
                for e in entries]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return _cli().EXIT_OK
    if not entries:
        print(w("no_processes", where=repo.where))
        return _cli().EXIT_OK
    for e in entries:
        published = (w("list_revision", number=e.revision, title=_flat(e.revision_title, 60))
                     if e.revision is not None else w("list_unpublished"))
        line = f"{_flat(e.process_id, 60)}  {_flat(e.name, 60)}  {published}"
        if e.version is not None:
            line += "  " + w("list_draft", version=e.version, who=_flat(e.saved_by, 40),
                             when=f"{e.saved_at:%Y-%m-%d %H:%M}")
        if e.editing_by:
            line += "  " + w("list_editing", who=_flat(e.editing_by, 40),
                             until=f"{e.editing_until:%H:%M}")
        print(line)
    return _cli().EXIT_OK


def _push(args: argparse.Namespace) -> int:
    process = _cli()._open(args.file)
    repo = _open(args.url)
    version = repo.save(process, base=args.base, replace=args.replace)
    print(_words(args)("pushed", file=args.file, process=repr(_flat(process.id, 60)),
                       version=version, where=repo.where))
    return _cli().EXIT_OK


def _pull(args: argparse.Namespace) -> int:
    from salesdesigner.storage.document import save_document
    repo = _open(args.url)
    pulled = repo.pull(args.process_id, published=True if args.published else None)
    save_document(pulled.process, args.output, force=args.force)
    pid = repr(_flat(args.process_id, 60))
    w = _words(args)
    if pulled.version is not None:
        other = (repo.mark_editing(args.process_id) if args.edit
                 else repo.editing_notice(args.process_id))
        if other is not None:
            print(w("editing_note", who=_flat(other.who, 40), process=pid,
                    until=f"{other.until.astimezone():%H:%M}"), file=sys.stderr)
    if pulled.version is None:
        print(w("pulled_revision", number=pulled.revision, process=pid, file=args.output))
    else:
        print(w("pulled_draft", process=pid, version=pulled.version, file=args.output))
    return _cli().EXIT_OK


def _publish(args: argparse.Namespace) -> int:
    repo = _open(args.url)
    info = repo.publish(args.process_id, title=args.title, note=args.note,
                        author=args.author)
    print(_words(args)("published", number=info.number,
                       process=repr(_flat(args.process_id, 60)), where=repo.where))
    return _cli().EXIT_OK


def export_from_repository(args: argparse.Namespace) -> int:
    """``export html --from URL/PROCESS_ID``: the playbook of the latest published revision
    (for an intranet page or a nightly job); readers and editors alike get the revision."""
    from salesdesigner.storage.repository.connection import split_process_url
    cli = _cli()
    usage = cli._UsageError  # exit 2, like argparse's own complaints
    if args.source is None:
        raise usage("export needs a document (or, for html, --from URL/PROCESS_ID).")
    if args.file is not None:
        raise usage("give either a document or --from, not both.")
    if args.format != "html":
        raise usage("--from applies to html exports only.")
    if args.output == "-":
        raise usage("only json can be written to standard output (-o -).")
    cli._refuse_clobbering_a_document(args.output, args.force)
    cli._check_output(args.output, args.force)
    from salesdesigner.model.presentation import words_for
    from salesdesigner.storage.repository.errors import RepositoryError
    language = system_language()
    try:
        url, process_id = split_process_url(args.source)
        pulled = _open(url).pull(process_id, published=True)
    except RepositoryError as exc:
        raise RepositoryError(exc.localized(language)) from None
    from salesdesigner.export.html import export_html
    export_html(pulled.process, args.output, attachments=args.attachments or "folder",
                force=args.force)
    print(words_for(language, "repo")("exported", file=args.output, number=pulled.revision,
                                      process=repr(_flat(process_id, 60))))
    return cli.EXIT_OK


__all__ = ["UserError", "add_parser", "cmd_repo", "export_from_repository", "system_language"]
