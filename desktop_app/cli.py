"""The ``openday`` command. Exit status: 0 success, 1 input refused (one line on stderr), 2 usage.

Commands never import Qt widgets; only opening the GUI does, lazily.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import os
import sys
from pathlib import Path

from . import i18n, logs, paths
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("openday.cli")

MUST_EXIST = QT_TRANSLATE_NOOP("core", "The database {path} does not exist. Check the path, or create it with "
                               "'openday demo --db {path}' or by opening it in the app.")
OUT_DIR = QT_TRANSLATE_NOOP("core", "Cannot write into the folder {path}: {error}. Choose a folder you can write "
                            "to (a USB stick may be full or read-only).")
UNEXPECTED = QT_TRANSLATE_NOOP("core", "An unexpected error stopped the command ({error}). Details are in the log "
                               "file {log}.")
CODES_FILE = QT_TRANSLATE_NOOP("core", "Cannot read the codes file {path}: {error}. Check the path.")
NOT_CONFIRMED = QT_TRANSLATE_NOOP("core", "{code}: the holder is {status}, not confirmed; not admitted. Admit them "
                                          "in the check-in tab if they may come in.")
NO_PASSPHRASE = QT_TRANSLATE_NOOP("core", "No passphrase: give --passphrase-env VAR (the name of an environment "
                                          "variable holding it), or run the command in a terminal to type it.")
EMPTY_PASSPHRASE_ENV = QT_TRANSLATE_NOOP("core", "The environment variable {var} is not set or is empty; it should "
                                                 "hold the bundle's passphrase.")
PASSPHRASE_PROMPT = QT_TRANSLATE_NOOP("core", "Passphrase of the bundle: ")
PASSPHRASE_AGAIN = QT_TRANSLATE_NOOP("core", "The same passphrase again: ")
SHEET_READ = QT_TRANSLATE_NOOP("core", "Sheet read: {sheet}")
MERGE_SUMMARY = QT_TRANSLATE_NOOP("core", "{title}: {added} added, {updated} updated, {unchanged} unchanged, "
                                          "{checkins} check-ins added, {conflicts} conflicts (the values here were "
                                          "kept), {duplicates} people admitted on two devices (counted once)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


IMPORT_FIELDS = ("name", "gender", "id_number", "phone", "organisation", "position", "category", "registered_at",
                 "notes")


def _column(text: str) -> tuple[str, str]:
    """``表头=field`` of ``import-roster --column``; the header may itself hold "=" (the last one splits)."""
    header, sep, field = text.rpartition("=")
    field = field.strip()
    if not sep or not header.strip() or field not in IMPORT_FIELDS:
        raise argparse.ArgumentTypeError(f"expected HEADER=FIELD with FIELD one of {', '.join(IMPORT_FIELDS)}: "
                                         f"{text!r}")
    return header.strip(), field


def _category(text: str) -> tuple[str, str]:
    """``值=类别`` of ``import-roster --category``: rows whose 类别 is 值 go into the event's category 类别."""
    value, sep, category = text.rpartition("=")
    if not sep or not value.strip() or not category.strip():
        raise argparse.ArgumentTypeError(f"expected VALUE=CATEGORY (e.g. 群众代表=市民代表): {text!r}")
    return value.strip(), category.strip()


class _VersionAction(argparse.Action):
    """``--version``, with the version looked up only when asked for."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="the database file (default: openday.sqlite3 in the data folder)")
    parser = argparse.ArgumentParser(prog="openday", parents=[common],
                                     description="Open Day Desk (政府开放日工作台). Without a command: open the window.")
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--smoke", action="store_true", help="open the window, print 'ready' once shown, exit 0")
    parser.add_argument("--event", type=int, default=None, metavar="ID", help="open the window on this event")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", parents=[common], help="add the demo event to PATH; print the new event id")
    demo.add_argument("--date", type=_date, default=None, help="the event's date (default: 30 days from today)")
    demo.add_argument("--held", action="store_true",
                      help="an event that took place (10 days ago unless --date), with check-ins, meeting notes, "
                           "suggestions and survey forms")

    events = sub.add_parser("events", parents=[common], help="list the events")
    events.add_argument("--json", action="store_true", help='print [{"id", "uuid", "unit", "title", "date"}]')

    check = sub.add_parser("check", parents=[common], help="the Open Day rule check of an event")
    check.add_argument("--event", type=int, required=True, metavar="ID")
    check.add_argument("--json", action="store_true", help='print {"findings": [{"rule", "severity", "message"}]}')

    export = sub.add_parser("export", parents=[common], help="write an event's documents into a folder")
    export.add_argument("kind", metavar="KIND",
                        help="plan, announcement, signup-form, roster, signin-sheet, passes, implementation, "
                             "summary, route, notes, feedback-ledger, feedback-report, survey, survey-form, "
                             "or package (the whole filing package)")
    export.add_argument("--event", type=int, required=True, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--json", action="store_true", help='print {"files": [...]}')
    export.add_argument("--masked", action="store_true", help="roster: ID numbers and phones masked")
    export.add_argument("--internal", action="store_true",
                        help="package: the invitee list with full ID numbers and phones (default: masked)")
    export.add_argument("--draft", action="store_true",
                        help="notes, feedback-report, implementation, summary, package: write them before the "
                             "event day, marked 草稿 (otherwise refused until the day)")

    checkin = sub.add_parser("checkin", parents=[common], help="check people in by pass code, one code per line")
    checkin.add_argument("--event", type=int, required=True, metavar="ID")
    checkin.add_argument("--codes", required=True, metavar="FILE|-",
                         help="a file of codes, or - for standard input; prints ok/again/unknown CODE after each "
                              "commit")
    stats = sub.add_parser("stats", parents=[common], help="check-in counts of an event")
    stats.add_argument("--event", type=int, required=True, metavar="ID")
    stats.add_argument("--json", action="store_true",
                       help='print {"invitees", "confirmed", "checked_in", "walk_ins", "by_category"}')

    verify = sub.add_parser("verify-package", help="read a filing package back and compare it with its manifest")
    verify.add_argument("folder", type=Path, metavar="DIR")
    verify.add_argument("--key", metavar="FINGERPRINT", default=None,
                        help="insist that the manifest was signed by the key with this fingerprint (as the "
                             "package's 归档目录 prints it; spaces ignored)")
    verify.add_argument("--json", action="store_true",
                        help='print {"ok", "files", "mismatched", "missing", "extra", "wrong_kind", '
                             '"kinds_missing", "signature", "fingerprint", "signer", "signer_name"}; exit 1 when '
                             'not ok (also when the signer is neither this installation nor a trusted key, unless '
                             '--key names it)')

    keys = sub.add_parser("keys", help="this installation's package signing key and the keys it trusts")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    k_list = keys_sub.add_parser("list", help="the keys this installation knows")
    k_list.add_argument("--json", action="store_true", help='print [{"fingerprint", "name", "own"}]')
    k_trust = keys_sub.add_parser("trust", help="trust the key with this fingerprint or public key file")
    k_trust.add_argument("key", metavar="FINGERPRINT|FILE")
    k_trust.add_argument("--name", required=True, help="whose key it is (a unit, an earlier installation)")
    k_forget = keys_sub.add_parser("forget", help="no longer trust a key")
    k_forget.add_argument("key", metavar="FINGERPRINT")
    k_export = keys_sub.add_parser("export", help="write this installation's public key (for whoever verifies "
                                                  "its packages)")
    k_export.add_argument("--out", type=Path, required=True, metavar="FILE")
    keys_sub.add_parser("new", help="make a new signing key when the one made here is lost (refused while it "
                                    "exists); the next package's 归档目录 prints the change")

    roster_import = sub.add_parser("import-roster", parents=[common],
                                   help="import people from a spreadsheet (.xlsx, .xls, .ods, an HTML table saved "
                                        "as .xls, or .csv in UTF-8 or GBK; survey-platform exports too)")
    roster_import.add_argument("file", type=Path, metavar="FILE")
    roster_import.add_argument("--event", type=int, required=True, metavar="ID")
    roster_import.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    roster_import.add_argument("--sheet", metavar="NAME", default=None,
                               help="read this sheet of a workbook (default: the first visible sheet with a name "
                                    "column; hidden sheets are read only when named)")
    roster_import.add_argument("--column", action="append", type=_column, default=[], metavar="HEADER=FIELD",
                               help="the column headed HEADER holds FIELD (repeatable), for a file whose headers "
                                    "are not recognised; FIELD: " + ", ".join(IMPORT_FIELDS))
    roster_import.add_argument("--category", action="append", type=_category, default=[], metavar="VALUE=CATEGORY",
                               help="rows whose 类别 is VALUE go into the event's category CATEGORY (repeatable), "
                                    "e.g. a survey form's 群众代表=市民代表")
    roster_import.add_argument("--json", action="store_true",
                               help='print {"rows", "valid", "imported", "rejected": [{"row", "name", "reasons"}]}')

    template = sub.add_parser("template", help="export an event as a template, or create an event from one")
    template_sub = template.add_subparsers(dest="template_command", metavar="ACTION", required=True)
    t_export = template_sub.add_parser("export", parents=[common], help="write the event's plan as JSON")
    t_export.add_argument("--event", type=int, required=True, metavar="ID")
    t_export.add_argument("--out", type=Path, required=True, metavar="FILE")
    t_apply = template_sub.add_parser("apply", parents=[common], help="create an event from FILE; print its id")
    t_apply.add_argument("file", type=Path, metavar="FILE")

    bundle = sub.add_parser("bundle", help="carry an event to the venue laptop and back in an encrypted file")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    passphrase_help = ("the name of an environment variable holding the passphrase (default: type it; never "
                       "give the passphrase itself on the command line)")
    b_export = bundle_sub.add_parser("export", parents=[common], help="write the event as an encrypted bundle")
    b_export.add_argument("--event", type=int, required=True, metavar="ID")
    b_export.add_argument("--out", type=Path, required=True, metavar="FILE")
    b_export.add_argument("--passphrase-env", metavar="VAR", default=None, help=passphrase_help)
    b_export.add_argument("--json", action="store_true", help='print {"file", "bytes"}')
    b_merge = bundle_sub.add_parser("merge", parents=[common],
                                    help="open a bundle (the event is added) or merge it into the event here; "
                                         "conflicts keep the values here and are reported")
    b_merge.add_argument("file", type=Path, metavar="FILE")
    b_merge.add_argument("--passphrase-env", metavar="VAR", default=None, help=passphrase_help)
    b_merge.add_argument("--json", action="store_true",
                         help='print {"event", "added", "updated", "unchanged", "conflicts": [{"table", "uuid", '
                              '"fields"}], "checkins_added", "duplicate_admissions"}')
    return parser


def _open(args, *, create: bool, auto_backup: bool = False):
    from .workspace import open_workspace

    path = Path(getattr(args, "db", None) or paths.default_db_path()).expanduser()
    if not create and not path.exists():
        raise UserError(MUST_EXIST, path=str(path))
    return open_workspace(path, auto_backup=auto_backup)


def cmd_demo(args) -> int:
    from .demo import create_demo_event

    workspace = _open(args, create=True)
    try:
        event = create_demo_event(args.date, held=args.held)
    finally:
        workspace.close()
    print(event.id)
    return 0


def cmd_events(args) -> int:
    from .services import events

    workspace = _open(args, create=False)
    try:
        rows = events.list_events()
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r.id}\t{r.date.isoformat() if r.date else '-'}\t{r.title}\t{r.unit}")
    return 0


def cmd_check(args) -> int:
    from .services import checks

    workspace = _open(args, create=False)
    try:
        findings = checks.run_checks(args.event, today=dt.date.today())
    finally:
        workspace.close()
    if args.json:
        print(json.dumps({"findings": [f.as_json() for f in findings]}, ensure_ascii=False))
    else:
        for finding in findings:
            print(f"{finding.severity}\t{finding.rule}\t{finding.text()}")
    return 0


def cmd_export(args) -> int:
    from .documents import export
    from .services import feedback, plan, roster, route, summary

    if args.kind == "package":
        return _export_package(args)
    if args.kind not in export.KINDS:
        _parser().error(f"unknown KIND {args.kind!r}; choose from {', '.join(export.KINDS)}, package")
    workspace = _open(args, create=False)
    try:
        snapshot, fonts = plan.snapshot(args.event), plan.doc_fonts()
        people = roster.roster_snapshot(args.event) if args.kind in export.ROSTER_KINDS else None
        summary_snapshot = summary.summary_snapshot(args.event) if args.kind in export.SUMMARY_KINDS else None
        feedback_snapshot = feedback.feedback_snapshot(args.event) if args.kind in export.FEEDBACK_KINDS else None
        programme = route.route_snapshot(args.event) if args.kind in export.ROUTE_KINDS else None
    finally:
        workspace.close()
    out = _out_dir(args.out)
    try:
        files = export.export(args.kind, snapshot, fonts, out, today=dt.date.today(), roster=people,
                              masked=args.masked, summary=summary_snapshot, feedback=feedback_snapshot,
                              route=programme, draft=args.draft)
    except OSError as exc:
        if not export.is_target_error(exc, out):
            raise  # not the folder's fault: an unexpected error, logged with its traceback
        raise UserError(OUT_DIR, path=str(out), error=exc.strerror or str(exc)) from None
    if args.json:
        print(json.dumps({"files": [str(f) for f in files]}, ensure_ascii=False))
    else:
        for path in files:
            print(path)
    return 0


def _export_package(args) -> int:
    from . import package
    from .documents import export
    from .services import summary

    workspace = _open(args, create=False)
    try:
        snapshot = summary.package_snapshot(args.event)
    finally:
        workspace.close()
    out = _out_dir(args.out)
    try:
        result = package.write_package(snapshot, out, masked=not args.internal, today=dt.date.today(),
                                       draft=args.draft)
    except OSError as exc:
        if not export.is_target_error(exc, out):
            raise
        raise UserError(OUT_DIR, path=str(out), error=exc.strerror or str(exc)) from None
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(result.folder)
    return 0


def cmd_checkin(args) -> int:
    """Each code is committed before its line is printed (and flushed), so a line on screen is a check-in on
    disk even if the process is killed right after."""
    from .services import checkin

    source = sys.stdin if args.codes == "-" else None
    if source is None:
        try:
            source = open(args.codes, encoding="utf-8-sig")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise UserError(CODES_FILE, path=args.codes, error=exc.strerror or str(exc)) from None
    workspace = _open(args, create=False)
    try:
        index = checkin.search_index(args.event)
        for line in source:
            code = line.strip()
            if not code:
                continue
            result = checkin.check_in_code(args.event, code, index)
            word = {"ok": "ok", "again": "again"}.get(result.outcome, "unknown")
            if result.outcome == "decide":  # a pass of someone no longer confirmed: not admitted here
                print(i18n.text(NOT_CONFIRMED, code=code, status=result.person.status_label), file=sys.stderr,
                      flush=True)
            print(f"{word} {code}", flush=True)
    finally:
        if source is not sys.stdin:
            source.close()
        workspace.close()
    return 0


def cmd_stats(args) -> int:
    from .services import checkin

    workspace = _open(args, create=False)
    try:
        counts = checkin.stats(args.event)
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(counts, ensure_ascii=False))
    else:
        print(f"{counts['checked_in']}/{counts['confirmed']} ({counts['walk_ins']} walk-ins)")
        for name, c in counts["by_category"].items():
            print(f"{name}\t{c['checked_in']}/{c['confirmed']}/{c['quota']}")
    return 0


def cmd_verify_package(args) -> int:
    from . import package

    report = package.verify_package(args.folder, key=args.key)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        for label, names in (("mismatched", report.mismatched), ("missing", report.missing),
                             ("extra", report.extra), ("wrong-kind", report.wrong_kind),
                             ("kind-missing", report.kinds_missing)):
            for name in names:
                print(f"{label}\t{name}")
        print(f"signature\t{report.signature}" + (f"\t{report.fingerprint}" if report.fingerprint else ""))
        if report.signer:
            print(f"signer\t{report.signer}" + (f"\t{report.signer_name}" if report.signer_name else ""))
        print("ok" if report.ok else "NOT OK", report.files)
    return 0 if report.ok else 1


def cmd_keys(args) -> int:
    from . import signing

    if args.keys_command == "list":
        known = signing.known_keys()
        if args.json:
            print(json.dumps([k.as_json() for k in known], ensure_ascii=False))
        else:
            for k in known:
                print(f"{k.fingerprint}\t{'this-installation' if k.own else k.name}")
    elif args.keys_command == "trust":
        print(signing.trust(args.key, args.name).fingerprint)
    elif args.keys_command == "forget":
        signing.forget(args.key)
    elif args.keys_command == "export":
        path = args.out.expanduser()
        _out_dir(path.parent)
        try:
            path.write_bytes(signing.public_key_pem())
        except OSError as exc:
            raise UserError(OUT_DIR, path=str(path.parent), error=exc.strerror or str(exc)) from None
        print(path)
    else:
        old, new = signing.new_key()
        log.warning("a new package signing key was made on the command line (%s replaces %s)", new, old or "none")
        print(new)
    return 0


def _out_dir(path: Path) -> Path:
    path = path.expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(OUT_DIR, path=str(path), error=exc.strerror or str(exc)) from None
    return path


def cmd_template(args) -> int:
    from . import templates

    if args.template_command == "export":
        workspace = _open(args, create=False)
        try:
            path = args.out.expanduser()
            _out_dir(path.parent)
            try:
                written = templates.export_template(args.event, path)
            except OSError as exc:
                raise UserError(OUT_DIR, path=str(path.parent), error=exc.strerror or str(exc)) from None
            print(written)
        finally:
            workspace.close()
        return 0
    templates.read_template(args.file)  # refuse a bad file before touching the database
    workspace = _open(args, create=True)
    try:
        print(templates.apply_template(args.file))
    finally:
        workspace.close()
    return 0


def cmd_import_roster(args) -> int:
    """Import the valid rows of FILE in one transaction and report the refused ones (which, unless --dry-run, are
    also written to <stem>_未导入.xlsx beside FILE). A file that cannot be read is refused: nothing is written."""
    from .importers import roster as importer

    workspace = _open(args, create=False)
    try:
        report = importer.run_import(args.event, args.file.expanduser(), dry_run=args.dry_run,
                                     save_rejected=not args.dry_run, columns=dict(args.column) or None,
                                     sheet=args.sheet, categories=dict(args.category) or None)
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return 0
    counts = {"rows": len(report.rows), "valid": len(report.valid_rows), "imported": report.imported,
              "rejected": len(report.rejected_rows)}
    if report.table.sheet:
        print(i18n.text(SHEET_READ, sheet=report.table.sheet))
    if importer.platform_note(report.table):
        print(importer.platform_note(report.table))
    print(i18n.text(importer.DRY_RUN_SUMMARY if report.dry_run else importer.SUMMARY, **counts))
    for row in report.rejected_rows:
        print(f"{row.row_number}\t{row.draft.name or '-'}\t{', '.join(row.reasons)}")
    if report.rejected_file is not None:
        print(i18n.text(importer.REJECTED_FILE, path=str(report.rejected_file)))
    return 0


def _passphrase(args, *, twice: bool) -> str:
    """From the environment variable named by --passphrase-env, or typed (twice for a new bundle) on a terminal."""
    import os

    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env, "")
        if not value:
            raise UserError(EMPTY_PASSPHRASE_ENV, var=args.passphrase_env)
        return value
    if not sys.stdin.isatty():
        raise UserError(NO_PASSPHRASE)
    import getpass

    value = getpass.getpass(i18n.text(PASSPHRASE_PROMPT))
    if twice:
        from .bundle import check_passphrase

        check_passphrase(value, getpass.getpass(i18n.text(PASSPHRASE_AGAIN)))
    return value


def cmd_bundle(args) -> int:
    from . import bundle

    if args.bundle_command == "export":
        passphrase = _passphrase(args, twice=True)
        bundle.check_passphrase(passphrase)
        path = args.out.expanduser()
        workspace = _open(args, create=False)
        try:
            _out_dir(path.parent)
            info = bundle.export_bundle(args.event, path, passphrase)
        finally:
            workspace.close()
        print(json.dumps(info.as_json(), ensure_ascii=False) if args.json else info.path)
        return 0
    passphrase = _passphrase(args, twice=False)
    opened = bundle.read_bundle(args.file, passphrase)  # refused before the database is created or touched
    workspace = _open(args, create=True)
    try:
        report = bundle.merge_bundle(opened)
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return 0
    print(i18n.text(MERGE_SUMMARY, title=report.title, added=report.added, updated=report.updated,
                    unchanged=report.unchanged, checkins=report.checkins_added, conflicts=len(report.conflicts),
                    duplicates=report.duplicate_admissions))
    for conflict in report.conflicts:
        print(f"{conflict.table}\t{conflict.uuid}\t{','.join(conflict.fields)}")
    return 0


NO_DISPLAY = QT_TRANSLATE_NOOP(
    "core", "No display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): start openday from the "
            "desktop, or set QT_QPA_PLATFORM (e.g. offscreen).")


def no_display() -> bool:
    """On Linux, whether Qt would find no display: it aborts then ("could not connect to display")."""
    env = os.environ
    return (sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")
            and not env.get("QT_QPA_PLATFORM"))


def cmd_gui(args) -> int:
    if no_display():
        print(f"openday: {i18n.text(NO_DISPLAY)}", file=sys.stderr)
        return 2
    gc.disable()  # until the window is up and checked: see ui.app.run_gui
    from ui.app import run_gui  # the only place the core reaches the GUI, lazily

    return run_gui(db_path=getattr(args, "db", None), smoke=args.smoke, event_id=args.event)


COMMANDS = {"demo": cmd_demo, "events": cmd_events, "check": cmd_check, "export": cmd_export,
            "template": cmd_template, "import-roster": cmd_import_roster, "verify-package": cmd_verify_package,
            "checkin": cmd_checkin, "stats": cmd_stats, "bundle": cmd_bundle, "keys": cmd_keys,
            None: cmd_gui}


def main(argv: list[str] | None = None) -> int:
    from .child import redirect_output

    redirect_output()  # a child of the window writes its result where the window reads it
    args = _parser().parse_args(argv)
    log_file = logs.setup_logging()
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        from .child import report_refusal

        print(f"openday: {exc}", file=sys.stderr)
        report_refusal(exc)  # for the window that started this command, when it did
        return 1
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user; it goes to the log
        from .workspace import storage_error

        storage = storage_error(exc, Path(getattr(args, "db", None) or paths.default_db_path()).expanduser())
        if storage is not None:  # a full disk mid-command: the database is fine, the disk is not
            log.warning("command %s stopped by the storage: %s", args.command, exc)
            print(f"openday: {storage}", file=sys.stderr)
            return 1
        log.exception("command %s failed", args.command)
        print(f"openday: {i18n.text(UNEXPECTED, error=type(exc).__name__, log=str(log_file))}", file=sys.stderr)
        return 1
