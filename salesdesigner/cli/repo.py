"""The team repository sub-commands (``salesdesigner repo init|list|push|pull|publish``).

A repository is named by its URL, ``postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE``;
without a password in it, ``PGPASSWORD`` or the credential store (keyring) supplies one.
Messages name the place as ``HOST:PORT/DATABASE`` and never print the password; hints
say ``URL`` rather than repeating the one given.
"""

from __future__ import annotations

import argparse
import json
import sys

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


def _flat(text: str | None, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _open(url: str):  # type: ignore[no-untyped-def]
    from salesdesigner.storage.repository.store import Repository
    return Repository(url)


def cmd_repo(args: argparse.Namespace) -> int:
    return {"init": _init, "list": _list, "push": _push, "pull": _pull,
            "publish": _publish}[args.repo_command](args)


def _init(args: argparse.Namespace) -> int:
    from salesdesigner.storage.repository.admin import init_repository
    print(init_repository(args.url))
    print("grant people access with: GRANT salesdesigner_editor TO manager; "
          "GRANT salesdesigner_reader TO rep;")
    return _cli().EXIT_OK


def _list(args: argparse.Namespace) -> int:
    repo = _open(args.url)
    entries = repo.processes()
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
        print(f"no processes in the repository at {repo.where}")
        return _cli().EXIT_OK
    for e in entries:
        published = (f"revision {e.revision} ({_flat(e.revision_title, 60)})"
                     if e.revision is not None else "not published")
        line = f"{_flat(e.process_id, 60)}  {_flat(e.name, 60)}  {published}"
        if e.version is not None:
            line += (f"  draft v{e.version} saved by {_flat(e.saved_by, 40)}"
                     f" {e.saved_at:%Y-%m-%d %H:%M}")
        if e.editing_by:
            line += f"  being edited by {_flat(e.editing_by, 40)} until " \
                    f"{e.editing_until:%H:%M}"
        print(line)
    return _cli().EXIT_OK


def _push(args: argparse.Namespace) -> int:
    process = _cli()._open(args.file)
    repo = _open(args.url)
    version = repo.save(process, base=args.base, replace=args.replace)
    print(f"pushed {args.file} as process {_flat(process.id, 60)!r}, version {version}, to "
          f"{repo.where}")
    return _cli().EXIT_OK


def _pull(args: argparse.Namespace) -> int:
    from salesdesigner.storage.document import save_document
    repo = _open(args.url)
    pulled = repo.pull(args.process_id, published=True if args.published else None)
    save_document(pulled.process, args.output, force=args.force)
    pid = _flat(args.process_id, 60)
    if pulled.version is not None:
        other = (repo.mark_editing(args.process_id) if args.edit
                 else repo.editing_notice(args.process_id))
        if other is not None:
            print(f"note: {_flat(other.who, 40)} is editing process {pid!r} (said so until "
                  f"{other.until.astimezone():%H:%M}); saving over their work will be "
                  "refused as a version conflict, not lost", file=sys.stderr)
    if pulled.version is None:
        print(f"pulled revision {pulled.revision} (published) of process {pid!r} to "
              f"{args.output}")
    else:
        print(f"pulled the draft of process {pid!r}, version {pulled.version}, to "
              f"{args.output}; push your changes with: salesdesigner repo push "
              f"{args.output} --to URL --base {pulled.version}")
    return _cli().EXIT_OK


def _publish(args: argparse.Namespace) -> int:
    repo = _open(args.url)
    info = repo.publish(args.process_id, title=args.title, note=args.note,
                        author=args.author)
    print(f"published revision {info.number} of process {_flat(args.process_id, 60)!r} "
          f"in {repo.where}")
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
    url, process_id = split_process_url(args.source)
    pulled = _open(url).pull(process_id, published=True)
    from salesdesigner.export.html import export_html
    export_html(pulled.process, args.output, attachments=args.attachments or "folder",
                force=args.force)
    print(f"wrote {args.output} (revision {pulled.revision} of process "
          f"{_flat(process_id, 60)!r})")
    return cli.EXIT_OK


__all__ = ["UserError", "add_parser", "cmd_repo", "export_from_repository"]
