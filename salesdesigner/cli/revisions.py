"""The revision sub-commands (``revisions``, ``publish``) and the manual's optional sections
of ``export pdf`` (``--performance``, ``--changes-since FILE[@REV]``, ``--plan-goal`` …), and
``diff``, which compares any two of a document's versions."""

from __future__ import annotations

import argparse
import os
import sys

from salesdesigner.model.errors import UserError


def _cli():  # type: ignore[no-untyped-def]
    """The command module's shared helpers (opening a document, the language, exit codes)."""
    import salesdesigner.cli as cli
    return cli


def _manual_extras(args: argparse.Namespace, process) -> dict:  # type: ignore[no-untyped-def]
    """The manual's optional sections from ``export pdf``'s options, checked before the
    (long) layout: a performance section needs actuals, a period needs the section."""
    pdf_only = [name for name, given in (("--performance", args.performance),
                                         ("--period", args.period is not None),
                                         ("--changes-since", args.changes_since is not None),
                                         ("--mark-changes", args.mark_changes)) if given]
    if pdf_only and args.format != "pdf":
        raise UserError(f"{pdf_only[0]} applies to pdf exports only.")
    if args.period is not None and not args.performance:
        raise UserError("--period applies to the performance section: add --performance.")
    if args.mark_changes and args.changes_since is None:
        raise UserError("--mark-changes needs --changes-since FILE (the previous revision).")
    extras: dict = {}
    if args.performance:
        if not process.actuals.events:
            raise UserError(f"{args.file} holds no actuals, so the manual has no performance "
                            "to show: import a CRM export first (salesdesigner import "
                            "actuals FILE EXPORT.csv).")
        from salesdesigner.model.actuals import parse_period
        extras.update(performance=True,
                      period=parse_period(args.period).label if args.period else None)
    from salesdesigner.cli.plan import manual_plan
    plan = manual_plan(args, process)
    if plan is not None:
        extras["plan"] = plan
    if args.changes_since is not None:
        previous, label, published = _previous_revision(args.changes_since, process.language)
        extras.update(previous=previous, previous_label=label, previous_date=published,
                      mark_changes=args.mark_changes)
    return extras


def _previous_revision(spec: str, language: str):  # type: ignore[no-untyped-def]
    """(process, label, publication date or None) of the revision ``--changes-since``
    names: ``FILE@3`` / ``FILE@latest`` (a published revision, labelled "Revision 3" with
    its date) or any file storage reads (.salesdesign, .json; named in the manual by its
    revision field, else its file name).  The manual dialog's revision choice calls
    ``ManualDialog.set_previous`` with the same three values (HOOK for the lead)."""
    from salesdesigner.model.presentation import words_for
    from salesdesigner.storage.any_format import read_process
    from salesdesigner.storage.revisions import LATEST, load_ref, split_ref
    path, ref = split_ref(spec)
    if ref is None:
        previous = read_process(path)
        # no label: the manual names it by its revision field, in the manual's language
        return previous, "" if previous.revision.strip() else os.path.basename(path), None
    previous = load_ref(path, ref)
    if ref == LATEST or isinstance(ref, int):
        from salesdesigner.storage.document import open_document
        infos = [r.info for r in open_document(path).revisions]
        number = infos[-1].number if ref == LATEST else ref
        info = next(i for i in infos if i.number == number)
        label = words_for(language)("revision_number", number=info.number)
        return previous, label, info.published_at.date()
    return previous, os.path.basename(path), None  # FILE@draft


def cmd_revisions(args: argparse.Namespace) -> int:
    """One block per revision, oldest first, then whether the draft changed since."""
    import json

    from salesdesigner.model.presentation import words_for
    from salesdesigner.storage.revisions import revision_state

    _cli()._lang(args.lang)
    process = _cli()._open(args.file)
    infos = [r.info for r in process.revisions]
    state = revision_state(process)
    if args.json:
        data = {"revisions": [{"number": i.number, "title": i.title,
                               "published_at": i.published_at.isoformat(),
                               "author": i.author, "note": i.note} for i in infos],
                "draft_is": state.shown.number if state.shown else None}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return _cli().EXIT_OK
    w = words_for(args.lang or process.language)
    if not infos:
        print(w("revision_none", file=args.file))
        return _cli().EXIT_OK
    for info in infos:
        author = f"  {_flat(info.author, 80)}" if info.author.strip() else ""
        print(f"{info.number:>3}  {info.published_at:%Y-%m-%d %H:%M}{author}  "
              f"{_flat(info.title, 200)}")
        if info.note.strip():
            print(f"     {w.revision_note}{w.colon}{_flat(info.note, 400)}")
    key = "revision_draft_same" if state.shown else "revision_draft_changed"
    number = (state.shown or state.latest).number  # type: ignore[union-attr]
    print(w(key, number=number))
    return _cli().EXIT_OK


def _flat(text: str, limit: int) -> str:
    """A user's text on one line of a listing: line breaks and tabs as spaces, cut short."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def cmd_publish(args: argparse.Namespace) -> int:
    from salesdesigner.model.presentation import words_for
    from salesdesigner.storage.revisions import default_author, publish_revision

    _cli()._lang(args.lang)
    process = _cli()._open(args.file)
    author = default_author() if args.author is None else args.author
    info = publish_revision(process, args.file, title=args.title, note=args.note,
                            author=author)
    print(words_for(args.lang or process.language)("revision_published",
                                                   number=info.number, file=args.file))
    return _cli().EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Like diff(1): 0 when the content is the same (layout may differ), 1 when it differs."""
    import json

    from salesdesigner.model.compare import compare, comparison_to_json, report_text

    if args.lang is not None and args.lang not in ("ja", "en"):
        raise UserError(f"unknown language {args.lang[:40]!r}: use ja or en.")
    old, new = _read_side(args.old), _read_side(args.new)
    comparison = compare(old, new)
    if args.json:
        data = comparison_to_json(comparison, include_layout=args.include_layout,
                                  old_label=args.old, new_label=args.new)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = report_text(comparison, old, new, old_label=args.old, new_label=args.new,
                           include_layout=args.include_layout, language=args.lang)
    sys.stdout.write(text)
    cli = _cli()
    return cli.EXIT_FINDINGS if comparison else cli.EXIT_OK


def _read_side(arg: str):
    """A file (.salesdesign or JSON), or ``FILE@3`` / ``FILE@latest`` / ``FILE@draft``."""
    from salesdesigner.storage.any_format import read_process
    from salesdesigner.storage.revisions import load_ref, split_ref
    path, ref = split_ref(arg)
    return read_process(path) if ref is None else load_ref(path, ref)
