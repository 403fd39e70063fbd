"""The ``salesdesigner`` command: the GUI by default, sub-commands for headless work.

User errors print one line, ``error: …``, on stderr and exit non-zero; no traceback.
Each sub-command imports only what it needs, so ``salesdesigner check`` never loads Qt
and the GUI never loads reportlab until the user exports.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from salesdesigner import __version__
from salesdesigner.model.errors import UserError

SUBCOMMANDS = ("new", "check", "export", "import", "screenshot", "strip-actuals", "diff",
               "analyze", "revisions", "publish", "repo", "plan")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but its complaints are one ``error:`` line like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{message} (see '{self.prog} --help')")


class _UsageError(UserError):
    pass


def _document_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="salesdesigner", description=(
        "Design a sales process, print it as a manual, hand it to reps as a playbook. "
        f"Without a sub-command, opens the designer. Sub-commands: {', '.join(SUBCOMMANDS)} "
        "(salesdesigner SUBCOMMAND --help)."))
    parser.add_argument("file", nargs="?", help="a .salesdesign document to open (with "
                        "--playbook also a team repository's process, postgresql://USER@"
                        "HOST:PORT/DATABASE/PROCESS_ID)")
    parser.add_argument("--playbook", action="store_true",
                        help="open the document read-only in the rep's playbook reader; "
                             "given a repository process, the reader follows its latest "
                             "published revision and keeps a copy for offline use")
    parser.add_argument("--template", metavar="NAME",
                        help="start a new document from a bundled template: eight-step or "
                             "the-model")
    parser.add_argument("--lang", help="language: ja or en (UI, and the template's content)")
    parser.add_argument("--version", action="version", version=f"SalesDesigner {__version__}")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="salesdesigner")
    parser.add_argument("--version", action="version", version=f"SalesDesigner {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    new = sub.add_parser("new", help="create a document from a template")
    new.add_argument("out", help="the .salesdesign file to create")
    new.add_argument("--template", default="eight-step", help="eight-step or the-model")
    new.add_argument("--lang", default="en", help="ja or en")
    new.add_argument("--force", action="store_true",
                     help="overwrite an existing file (even a read-only one)")

    check = sub.add_parser("check", help="validate a document; exit 1 if it has errors")
    check.add_argument("file")

    export = sub.add_parser("export", help="write a document as JSON, GraphML, PDF or HTML")
    export.add_argument("format", choices=("json", "graphml", "pdf", "html"))
    export.add_argument("file", nargs="?", help="the document (or --from for html)")
    export.add_argument("--from", dest="source", default=None, metavar="URL/PROCESS_ID",
                        help="html only: the latest published revision of a process in a "
                             "team repository, postgresql://USER@HOST:PORT/DB/PROCESS_ID")
    export.add_argument("-o", "--output", required=True,
                        help="the file to write; - writes json to standard output")
    export.add_argument("--paper", choices=("a4", "letter"), default="a4", help="pdf only")
    export.add_argument("--lane", action="append", default=None, metavar="NAME",
                        help="pdf only: include only stages of this lane, by name or id "
                             "(repeatable)")
    export.add_argument("--stage", action="append", default=None, metavar="ID",
                        help="pdf only: include only this stage (repeatable)")
    export.add_argument("--force", action="store_true",
                        help="overwrite OUT even when it is a SalesDesigner document or "
                             "read-only")
    export.add_argument("--performance", action="store_true",
                        help="pdf only: add the 'Current performance' chapter from the "
                             "document's actuals (aggregates only: no deal, owner or amount)")
    export.add_argument("--period", default=None,
                        help="pdf --performance: 2026-10 (a month), 2026-W44 or "
                             "2026-10-01..2026-10-15 (default: the data's latest full month)")
    export.add_argument("--changes-since", default=None, metavar="FILE",
                        help="pdf only: add a page listing what changed since FILE (the "
                             "previous revision: FILE@3, FILE@latest, or a .salesdesign or "
                             ".json file)")
    export.add_argument("--mark-changes", action="store_true",
                        help="pdf --changes-since: mark the chapters that changed "
                             "('Changed' / 'New'), so only they need handing out again")
    export.add_argument("--attachments", default=None,
                        help="json: beside|omit (default beside); "
                             "html: folder|inline (default folder)")

    imp = sub.add_parser("import", help="build a document from JSON or a CSV stage list; "
                         "'import actuals FILE EXPORT' adds deal history from a CRM export "
                         "(salesdesigner import actuals --help)")
    imp.add_argument("format", choices=("json", "csv"))
    imp.add_argument("input")
    imp.add_argument("-o", "--output", required=True)
    imp.add_argument("--lang", default=None, help="csv only: language of the content")
    imp.add_argument("--force", action="store_true",
                     help="overwrite an existing file (even a read-only one)")

    strip = sub.add_parser("strip-actuals", help="remove the deal history (actuals) from a "
                           "document, e.g. before handing it to a rep")
    strip.add_argument("file")
    strip.add_argument("--lang", default=None, help="language of the messages: ja or en "
                       "(default: the document's)")

    shot = sub.add_parser("screenshot", help="render the designer window with a document to PNG")
    shot.add_argument("file")
    shot.add_argument("-o", "--output", required=True)
    shot.add_argument("--size", default="1400x900", help="WIDTHxHEIGHT (default 1400x900)")
    shot.add_argument("--lang", default=None, help="UI language: ja or en")
    shot.add_argument("--force", action="store_true", help="overwrite OUT even when read-only")

    diff = sub.add_parser("diff", help="what changed between two versions of a document; "
                                       "exit 1 if the content differs, 2 on errors")
    diff.add_argument("old", help="the older .salesdesign or .json file; FILE@3 is revision 3 "
                      "of FILE, FILE@latest its last published one, FILE@draft the draft")
    diff.add_argument("new", help="the newer .salesdesign or .json file (or FILE@REV)")
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")
    diff.add_argument("--include-layout", action="store_true",
                      help="also list layout changes (positions, bend points, lane heights)")
    diff.add_argument("--lang", default=None,
                      help="language of the report: ja or en (default: the document's)")

    revs = sub.add_parser("revisions", help="list the revisions published in a document")
    revs.add_argument("file")
    revs.add_argument("--json", action="store_true", help="print the list as JSON")
    revs.add_argument("--lang", default=None,
                      help="language of the listing: ja or en (default: the document's)")

    pub = sub.add_parser("publish", help="publish the document's draft as its next revision "
                         "(saves the document)")
    pub.add_argument("file")
    pub.add_argument("--title", required=True, help="what this revision is")
    pub.add_argument("--note", default="", help="why it changed")
    pub.add_argument("--author", default=None,
                     help="who publishes (default: this account's full or login name)")
    pub.add_argument("--lang", default=None,
                     help="language of the message: ja or en (default: the document's)")

    ana = sub.add_parser("analyze", help="the deal history against the process: funnel, "
                         "flows, KPI actuals against targets, stalled deals, the bottleneck")
    ana.add_argument("file")
    ana.add_argument("--period", default=None,
                     help="2026-10 (a month), 2026-W44 (a week) or 2026-10-01..2026-10-15 "
                          "(default: the whole history)")
    ana.add_argument("--by", choices=("won", "revenue"), default="won",
                     help="rank the bottleneck by won deals (default) or revenue")
    ana.add_argument("--json", action="store_true", help="print the analysis as JSON")
    ana.add_argument("--discover", action="store_true",
                     help="the flow deals really took: every move between stages, how much "
                          "of it the diagram allows, the top deviations, skipped stages")
    ana.add_argument("--deal-ids", action="store_true",
                     help="with --discover: name example deals of each deviation "
                          "(confidential; left out by default)")
    ana.add_argument("--lang", default=None,
                     help="language of the report: ja or en (default: the document's)")
    from salesdesigner.cli import forecast as forecast_cli
    forecast_cli.add_arguments(ana)
    ana.add_argument("--anonymise", "--anonymize", dest="anonymise", action="store_true",
                     help="with --discover: name owners Rep A, Rep B … in the per-owner "
                          "findings (the default)")
    ana.add_argument("--owner-names", action="store_true",
                     help="with --discover: print owners' names in the per-owner findings "
                          "(confidential; left out by default)")

    from salesdesigner.cli.repo import add_parser as add_repo_parser
    add_repo_parser(sub, _Parser)
    from salesdesigner.cli.plan import add_manual_options, add_parser
    add_manual_options(export)
    add_parser(sub)
    return parser


def _actuals_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="salesdesigner import actuals", description=(
        "Add deal stage history from a CRM export (CSV in UTF-8, UTF-16 or Shift_JIS; "
        ".xlsx) to a document. Long exports (one row per deal per stage) and wide ones "
        "('Date entered <stage>' columns) are detected; rows with the same deal, stage and "
        "date as earlier imports replace them. Prints what was used and rejected; the "
        "document is saved only when at least one row was imported."))
    parser.add_argument("file", help="the .salesdesign document to add the actuals to")
    parser.add_argument("export", help="the CRM export: .csv or .xlsx")
    parser.add_argument("--map", action="append", default=[], metavar='"CRM STAGE=STAGE ID"',
                        help="map a CRM stage name to a process stage (id or name), or to "
                             "'ignore' to leave its rows out; remembered in the document "
                             "(repeatable)")
    parser.add_argument("--replace", action="store_true",
                        help="drop every event imported before (keep the import records)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be imported; change nothing")
    parser.add_argument("--lang", default=None, help="language of the messages: ja or en "
                        "(default: the document's)")
    return parser


# ---------------------------------------------------------------- helpers
def _open(path: str):
    from salesdesigner.storage.document import open_document
    return open_document(path)


def _check_output(path: str, force: bool) -> None:
    """The output rules of :mod:`salesdesigner.storage.files`, checked before any work."""
    from salesdesigner.storage.files import check_output
    check_output(path, force=force)


def _refuse_overwrite(path: str, force: bool) -> None:
    if os.path.lexists(path) and not force:
        if os.path.islink(path) and not os.path.exists(path):
            _check_output(path, force)  # a dangling link: say so, not "already exists"
        raise UserError(f"{path} already exists; use --force to overwrite it.")
    _check_output(path, force)


def _refuse_clobbering_a_document(output: str, force: bool) -> None:
    """An export may replace an old export, but not a document someone mistyped as OUT."""
    if force or not os.path.isfile(output):
        return
    try:
        with open(output, "rb") as handle:
            is_sqlite = handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return
    if is_sqlite or output.endswith(".salesdesign"):
        raise UserError(f"{output} is a document, not an old export; choose another name or "
                        "use --force to overwrite it.")


def _refuse_same_file(source: str, output: str) -> None:
    try:
        if os.path.exists(output) and os.path.samefile(source, output):
            raise UserError(f"the output {output} is the input document; choose another name.")
    except OSError:
        pass


def _print_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- sub-commands
def cmd_new(args: argparse.Namespace) -> int:
    from salesdesigner.model.ids import new_id
    from salesdesigner.storage.document import save_document
    from salesdesigner.storage.templates import load_template

    _refuse_overwrite(args.out, args.force)
    process = load_template(args.template, args.lang)
    process.update_process(id=new_id("process"))
    save_document(process, args.out, force=args.force)
    print(f"created {args.out} from template {args.template} ({args.lang})")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from salesdesigner.model.validation import Severity, validate

    process = _open(args.file)
    findings = validate(process)
    for f in findings:
        where = f" [{', '.join(f.stage_ids)}]" if f.stage_ids else ""
        print(f"{f.severity.value}: {f.message}{where}")
    counts = {s: sum(f.severity is s for f in findings) for s in Severity}
    print(f"{args.file}: {len(process.stage_ids)} stages, "
          f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
          f"{counts[Severity.HINT]} hints")
    return EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.source is not None or args.file is None:
        from salesdesigner.cli.repo import export_from_repository
        return export_from_repository(args)
    if args.output == "-":
        return _export_to_stdout(args)
    _refuse_same_file(args.file, args.output)
    _refuse_clobbering_a_document(args.output, args.force)
    _check_output(args.output, args.force)
    process = _open(args.file)
    if args.format != "pdf" and (args.lane or args.stage):
        raise UserError("--lane and --stage apply to pdf exports only.")
    extras = _manual_extras(args, process)
    if args.format == "json":
        from salesdesigner.storage.json_format import export_json
        export_json(process, args.output, attachments=args.attachments or "beside",
                    force=args.force)
    elif args.format == "graphml":
        from salesdesigner.storage.graphml import export_graphml
        export_graphml(process, args.output, force=args.force)
    elif args.format == "pdf":
        from salesdesigner.export.pdf import export_pdf
        export_pdf(process, args.output, paper=args.paper, lanes=args.lane, stages=args.stage,
                   progress=_print_progress, force=args.force, **extras)
    else:
        from salesdesigner.export.html import export_html
        export_html(process, args.output, attachments=args.attachments or "folder",
                    force=args.force)
    print(f"wrote {args.output}")
    return EXIT_OK


def _export_to_stdout(args: argparse.Namespace) -> int:
    """``-o -``: the interchange JSON on stdout, attachments listed without their bytes;
    what Git's textconv needs to show a document's changes line by line."""
    if args.format != "json":
        raise UserError("only json can be written to standard output (-o -).")
    from salesdesigner.storage.any_format import read_process
    from salesdesigner.storage.json_format import process_to_json
    sys.stdout.write(process_to_json(read_process(args.file)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from salesdesigner.storage.document import save_document

    _refuse_overwrite(args.output, args.force)
    _refuse_same_file(args.input, args.output)
    if args.format == "json":
        from salesdesigner.storage.json_format import import_json
        process = import_json(args.input)
    else:
        from salesdesigner.storage.csv_import import import_csv
        process = import_csv(args.input, language=args.lang)
    save_document(process, args.output, force=args.force)
    print(f"created {args.output} ({len(process.stage_ids)} stages)")
    return EXIT_OK


def _words(lang: str | None, process) -> object:
    from salesdesigner.model.presentation import words_for
    if lang is not None and lang not in ("ja", "en"):
        raise UserError(f"unknown language {lang!r}: use ja or en.")
    return words_for(lang or process.language, "import")


#: What ``--map "CRM stage=…"`` says to leave that stage's rows out.
IGNORE_WORDS = ("ignore", "-")


def _names_a_stage(process, text: str) -> bool:
    return process.has_stage(text) or any(s.name.strip().casefold() == text.casefold()
                                          for s in process.stages)


def cmd_import_actuals(args: argparse.Namespace) -> int:
    from salesdesigner.storage.actuals_import import read_actuals
    from salesdesigner.storage.document import save_document

    given = {}
    for item in args.map:
        crm, sep, target = item.partition("=")
        if not sep or not crm.strip() or not target.strip():
            raise _UsageError(f"--map {item[:60]!r} must look like \"CRM stage=stage id\".")
        given[crm.strip()] = target.strip()
    process = _open(args.file)
    from salesdesigner.storage.actuals_import import IGNORE
    for crm, target in given.items():  # a stage really named "ignore" keeps its name
        if target.casefold() in IGNORE_WORDS and not _names_a_stage(process, target):
            given[crm] = IGNORE
    w = _words(args.lang, process)
    plan = read_actuals(args.export, process, stage_map=given)
    print(w("summary", source=plan.source, shape=w(f"shape_{plan.shape}"),
            encoding=plan.encoding, rows=f"{plan.rows:,}", used=f"{len(plan.events):,}",
            ignored=f"{plan.ignored_rows:,}", rejected=f"{len(plan.problems):,}"))
    print(w.text("columns") + w.colon + w.list_sep.join(
        f"{w(f'field_{name}')} ← {header!r}" for name, header in plan.columns.items()))
    used_rows = plan.stage_rows
    if plan.stages.mapping:
        print(w.text("stages") + w.colon)
        for crm, sid in plan.stages.mapping.items():
            how = "ignored" if not sid else plan.stages.how[crm]
            print(f"  {crm!r} → {sid or '-'} ({w(f'how_{how}')}){w.list_sep}"
                  + w("rows", rows=f"{used_rows.get(crm, 0):,}"))
    unmapped = plan.unmapped_rows()
    for crm, near in plan.stages.unmapped.items():
        print("  " + w("unmapped", name=crm, rows=f"{unmapped.get(crm, 0):,}")
              + (w("near", ids=", ".join(near)) if near else ""))
    if plan.stages.unmapped:
        print("  " + w("stage_ids", ids=w.list_sep.join(
            f"{s.id} ({s.name})" if s.name.strip() else s.id for s in process.stages)))
    if plan.ignored_rows:
        print(w("ignored", rows=f"{plan.ignored_rows:,}",
                names=w.list_sep.join(repr(n) for n in plan.stages.ignored)))
    problems = plan.problems
    if problems:
        print(f"{w.text('rejected')} ({len(problems):,}){w.colon}")
        wide = plan.shape == "wide"
        for r in problems:
            where = w("line", line=r.line) + (f" [{r.stage}]" if wide and r.stage else "")
            value = f": {r.value!r}" if r.value else ""
            print(f"  {where}: {w(f'reason_{r.reason}')}{value}")
    if not plan.events:
        raise UserError(w("nothing", source=plan.source))
    if args.dry_run:
        return EXIT_OK
    plan.edit(replace=args.replace).apply(process)
    save_document(process, args.file)
    print(w("saved", file=args.file, events=f"{len(process.actuals.events):,}",
            imports=len(process.actuals.imports)))
    if plan.stages.unmapped:
        print(w("rerun"))
    return EXIT_OK


def cmd_strip_actuals(args: argparse.Namespace) -> int:
    from salesdesigner.edits.actuals import strip_actuals
    from salesdesigner.storage.document import save_document

    process = _open(args.file)
    w = _words(args.lang, process)
    before = process.actuals
    if not before:
        print(w("no_actuals", file=args.file))
        return EXIT_OK
    strip_actuals().apply(process)
    save_document(process, args.file)
    print(w("stripped", file=args.file, events=f"{len(before.events):,}",
            imports=len(before.imports)))
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise UserError(f"--size must look like 1400x900, not {args.size!r}.") from None
    if not 1 <= width <= 10000 or not 1 <= height <= 10000:
        raise UserError(f"--size must be between 1x1 and 10000x10000, not {args.size[:40]!r}.")
    if not os.path.lexists(args.file):
        raise UserError(f"{args.file} does not exist.")
    _check_output(args.output, args.force)
    _open(args.file)  # a bad file is reported here, as a one-line error
    from salesdesigner.ui.screenshot import render_screenshot
    render_screenshot(args.file, args.output, size=(width, height), language=args.lang,
                      force=args.force)
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    """Aggregates only (like the manual's section): no deal id, name, owner or amount."""
    import json

    from salesdesigner.cli import forecast as forecast_cli
    from salesdesigner.model.actuals import analysis_to_json, analyze, render_text

    if args.lang is not None and args.lang not in ("ja", "en"):
        raise UserError(f"unknown language {args.lang[:40]!r}: use ja or en.")
    forecasting = forecast_cli.wanted(args)
    process = _open(args.file)
    if not process.actuals:
        raise UserError(f"{args.file} holds no actuals: import a CRM export first "
                        "(salesdesigner import actuals FILE EXPORT.csv).")
    if (args.anonymise or args.owner_names) and not args.discover:
        raise _UsageError("--anonymise and --owner-names go with --discover.")
    if args.anonymise and args.owner_names:
        raise _UsageError("give either --anonymise or --owner-names, not both.")
    if args.discover:
        from salesdesigner.cli.discover import print_discovery
        return print_discovery(args, process)
    if forecasting:
        return forecast_cli.run(args, process)
    analysis = analyze(process, process.actuals.events, args.period, by=args.by)
    if args.json:
        sys.stdout.write(json.dumps(analysis_to_json(analysis), ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(render_text(analysis, args.lang).rstrip("\n") + "\n")
    return EXIT_OK


def _lang(lang: str | None) -> None:
    if lang is not None and lang not in ("ja", "en"):
        raise UserError(f"unknown language {lang[:40]!r}: use ja or en.")


from salesdesigner.cli.plan import cmd_plan  # noqa: E402 - after the helpers it uses
from salesdesigner.cli.repo import cmd_repo  # noqa: E402 - after the helpers it uses
from salesdesigner.cli.revisions import (  # noqa: E402 - after the helpers they use
    _manual_extras,
    cmd_diff,
    cmd_publish,
    cmd_revisions,
)

COMMANDS = {"new": cmd_new, "check": cmd_check, "export": cmd_export, "import": cmd_import,
            "screenshot": cmd_screenshot, "strip-actuals": cmd_strip_actuals, "diff": cmd_diff,
            "analyze": cmd_analyze, "revisions": cmd_revisions, "publish": cmd_publish,
            "repo": cmd_repo, "plan": cmd_plan}


def _check_display() -> None:
    """On Linux, Qt aborts the process when there is no display: say so in one line instead."""
    env = os.environ
    if (sys.platform.startswith("linux") and not env.get("QT_QPA_PLATFORM")
            and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))):
        raise UserError("there is no display to open a window on (DISPLAY is not set); run "
                        "SalesDesigner in a desktop session, or use its sub-commands for "
                        "headless work (salesdesigner --help).")


def _gui(args: argparse.Namespace) -> int:
    if args.lang is not None and args.lang not in ("ja", "en"):
        raise UserError(f"unknown language {args.lang!r}: use ja or en.")
    if args.playbook:
        if not args.file:
            raise UserError("--playbook needs a document to open.")
        if "://" in args.file:  # a team repository's process: check the address first
            from salesdesigner.storage.repository.connection import split_process_url
            split_process_url(args.file)
        _check_display()
        from salesdesigner.ui.playbook import run_playbook
        return run_playbook(args.file, args.lang)
    if args.template:
        from salesdesigner.storage.templates import TEMPLATE_NAMES
        if args.file:
            raise UserError("give either a document or --template, not both.")
        if args.template not in TEMPLATE_NAMES:
            raise UserError(f"unknown template {args.template!r}: use "
                            f"{' or '.join(TEMPLATE_NAMES)}.")
    _check_display()
    from salesdesigner.gc_pause import start_up_paused
    with start_up_paused():  # the imports too; run_gui ends it at the first paint
        from salesdesigner.ui.app import run_gui
        return run_gui(args.file, template=args.template, language=args.lang)


def _parse_command(argv: list[str]) -> argparse.Namespace:
    """The sub-command's arguments.  ``export``'s FILE is optional (``--from`` names a
    repository instead), and argparse gives an optional positional nothing when options
    come first (``export json -o - FILE``): a FILE left over is taken as that FILE."""
    parser = _command_parser()
    args, extra = parser.parse_known_args(argv)
    if (args.command == "export" and args.file is None and len(extra) == 1
            and not extra[0].startswith("-")):
        args.file, extra = extra[0], []
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _one_line(text: str, limit: int = 800) -> str:
    """An error message as one line of bounded length, whatever a crafted input put in it
    (the messages cut values short themselves; this is the last guard)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    trouble = EXIT_USAGE if argv[:1] == ["diff"] else None  # diff(1): 1 means "differ"
    try:
        if argv[:2] == ["import", "actuals"]:
            return cmd_import_actuals(_actuals_parser().parse_args(argv[2:]))
        if argv and argv[0] in SUBCOMMANDS:
            return COMMANDS[(args := _parse_command(argv)).command](args)
        return _gui(_document_parser().parse_args(argv))
    except UserError as exc:
        from salesdesigner.model.revision import RevisionError
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        usage = isinstance(exc, (_UsageError, RevisionError))  # a bad FILE@REV is usage
        return EXIT_USAGE if usage else trouble or EXIT_FINDINGS
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(_one_line(f"error: cannot access{where}: {exc.strerror or exc}"), file=sys.stderr)
        return trouble or EXIT_FINDINGS
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, with what to report
        print(f"error: internal error ({type(exc).__name__}: {' '.join(str(exc).split())}); "
              "please report it", file=sys.stderr)
        return trouble or 70
