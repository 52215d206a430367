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
NOT_PROCESSED = QT_TRANSLATE_NOOP("core", "{error} The check-ins printed as \"ok\" are saved; these lines of "
                                          "the codes file were not processed: {lines}. Run the command again "
                                          "with them.")
SHEET_READ = QT_TRANSLATE_NOOP("core", "Sheet read: {sheet}")
NO_NETWORK = QT_TRANSLATE_NOOP("core", "This computer has no address on a local network: connect it to the venue's "
                                       "router or hotspot, or give the address to listen on with --bind.")
CANNOT_LISTEN = QT_TRANSLATE_NOOP("core", "The hub cannot listen on {address} ({error}). Choose another port with "
                                          "--port, or an address of this computer with --bind.")
SYNC_SUMMARY = QT_TRANSLATE_NOOP("core", "{sent} check-in actions sent to the hub, {received} received")
JOINED = QT_TRANSLATE_NOOP("core", "Joined the hub: event {event} is on this device.")
DEFAULT_HUB_PORT = 47631  # desktop_app.bundle.hub.DEFAULT_PORT (not imported: the parser is built at every start)
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
    from .documents import kinds

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
                        help=f"{', '.join(kinds.KEYS)}, or package (the whole filing package)")
    export.add_argument("--event", type=int, required=True, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--json", action="store_true", help='print {"files": [...]}')
    export.add_argument("--masked", action="store_true",
                        help="roster, attendance: ID numbers and phones masked")
    export.add_argument("--internal", action="store_true",
                        help="package: the invitee list and the 签到记录 with full ID numbers and phones "
                             "(default: masked)")
    export.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                        help=f"the document's 成文日期 ({', '.join(kinds.DATED_KEYS)}), kept for the event; without "
                             "it the date chosen before, else the rule's (the 实施情况: the day after the event)")
    export.add_argument("--draft", action="store_true",
                        help="write the documents marked 草稿 (in their header and their names): those reporting on "
                             f"the day ({', '.join(k.key for k in kinds.KINDS if k.on_the_day)}, package) before "
                             "it, a published one with facts missing (otherwise refused)")
    export.add_argument("--overwrite", action="store_true",
                        help="replace files (a package folder) of the same name; without it they are left as they "
                             "are and the command refuses")

    checkin = sub.add_parser("checkin", parents=[common], help="check people in by pass code, one code per line")
    checkin.add_argument("--event", type=int, required=True, metavar="ID")
    checkin.add_argument("--codes", required=True, metavar="FILE|-",
                         help="a file of codes, or - for standard input; prints ok/again/unknown CODE after each "
                              "commit")
    walk_in = sub.add_parser("walk-in", parents=[common],
                             help="register someone at the door (现场报名) and admit them at once")
    walk_in.add_argument("--event", type=int, required=True, metavar="ID")
    walk_in.add_argument("--name", required=True, metavar="N")
    walk_in.add_argument("--id-number", required=True, metavar="X")
    walk_in.add_argument("--phone", required=True, metavar="P")
    walk_in.add_argument("--organisation", default="", metavar="O")
    walk_in.add_argument("--category", default="", metavar="C",
                         help="the category's name (default: the event's first public category)")
    walk_in.add_argument("--json", action="store_true",
                         help='print {"outcome", "invitee", "checked_in_at"} (invitee: the person\'s uuid)')
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
                             '"kinds_missing", "signature", "fingerprint", "signer", "signer_name", "draft"}; '
                             'exit 1 when not ok (also when the signer is neither this installation nor a trusted key, unless '
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
    roster_import.add_argument("--include-hidden-rows", action="store_true",
                               help="also import the rows the sheet hides (filtered out or hidden by hand); "
                                    "without it they are named and not imported")
    roster_import.add_argument("--json", action="store_true",
                               help='print {"rows", "valid", "imported", "rejected": [{"row", "name", "reasons"}]}, '
                                    'and "hidden_rows": [{"row", "name"}] and "hidden_rows_imported" when the '
                                    'sheet hides rows')

    district = sub.add_parser("district", help="the district's view: units' signed packages and the year's report")
    district_sub = district.add_subparsers(dest="district_command", metavar="ACTION", required=True)
    d_add = district_sub.add_parser("add", parents=[common],
                                    help="add filing packages (folders, zips, or a folder or stick holding many)")
    d_add.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    d_add.add_argument("--trust", action="append", default=[], metavar="FINGERPRINT",
                       help="trust this signing key for the unit whose first package it signed (as the unit "
                            "reported it on paper; repeatable)")
    d_add.add_argument("--json", action="store_true",
                       help='print {"added": [{"unit", "event", "date"}], "replaced": [...], "refused": '
                            '[{"source", "reason"}]}')
    d_units = district_sub.add_parser("units", parents=[common],
                                      help="set the units expected to report from a spreadsheet (column 单位)")
    d_units.add_argument("file", type=Path, metavar="FILE")
    d_units.add_argument("--json", action="store_true", help='print {"units"}')
    d_report = district_sub.add_parser("report", parents=[common], help="write the year's 汇总表, charts and "
                                                                        "情况报告")
    d_report.add_argument("--year", type=int, required=True, metavar="YYYY")
    d_report.add_argument("--out", type=Path, required=True, metavar="DIR")
    d_report.add_argument("--json", action="store_true", help='print {"files": [...], "units", "events"}')

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
                              '"fields"}], "checkins_added", "duplicate_admissions", "findings": [{"kind", '
                              '"message"}]}')

    hub = sub.add_parser("hub", parents=[common],
                         help="switch on the venue hub for an event: print pairing codes, then serve the devices "
                              "until interrupted (Ctrl+C)")
    hub.add_argument("--event", type=int, required=True, metavar="ID")
    hub.add_argument("--bind", default=None, metavar="ADDR",
                     help="listen on this address only (default: this computer's address on the local network)")
    hub.add_argument("--port", type=int, default=DEFAULT_HUB_PORT, metavar="P",
                     help=f"the port (default {DEFAULT_HUB_PORT}; 0: any free port)")
    hub.add_argument("--pairing-codes", type=int, default=1, metavar="N",
                     help='print N one-time codes (valid ten minutes), one JSON line each: {"pairing", "url", '
                          '"fingerprint", "expires"}')
    join = sub.add_parser("join", parents=[common],
                          help="pair this device with a venue hub by its code and receive the event")
    join.add_argument("code", metavar="CODE", help="the pairing code shown by the hub (ODHUB1:…)")
    join.add_argument("--name", default="", metavar="NAME", help="this device's name on the hub's list "
                                                                  "(default: the computer's name)")
    join.add_argument("--json", action="store_true", help='print {"event", "uuid", "device", "findings"}')
    sync = sub.add_parser("sync", parents=[common],
                          help="exchange check-ins with the venue hub; without --once, keep doing so until "
                               "interrupted")
    sync.add_argument("--event", type=int, required=True, metavar="ID")
    sync.add_argument("--once", action="store_true", help="one exchange (as many requests as it takes), then exit")
    sync.add_argument("--json", action="store_true",
                      help='print {"sent", "received", "findings": [{"kind", "message"}]} (without --once: one '
                           'line for each exchange that moved something)')
    return parser


def _open(args, *, create: bool, write: bool, auto_backup: bool = False):
    """The command's database: ``write`` for a command that changes it (refused while a window holds the file),
    else read-only beside a window (see ``db.connection``)."""
    from .workspace import open_workspace

    path = Path(getattr(args, "db", None) or paths.default_db_path()).expanduser()
    if not create and not path.exists():
        raise UserError(MUST_EXIST, path=str(path))
    return open_workspace(path, auto_backup=auto_backup, access="write" if write else "read")


def _reading(args, read):
    """``read()`` in the command's database opened for reading; beside a window (read-only) a read that met the
    window mid-write is made again (see ``db.connection.transient``), on a fresh open."""
    import time

    from db.connection import READ_ATTEMPTS, READ_PAUSE_S, transient

    attempt = 0
    while True:
        workspace = _open(args, create=False, write=False)
        try:
            return read()
        except Exception as exc:
            attempt += 1
            if not (workspace.opened.read_only and transient(exc)) or attempt == READ_ATTEMPTS:
                raise
        finally:
            workspace.close()
        time.sleep(READ_PAUSE_S * attempt)


def cmd_demo(args) -> int:
    from .demo import create_demo_event

    workspace = _open(args, create=True, write=True)
    try:
        event = create_demo_event(args.date, held=args.held)
    finally:
        workspace.close()
    print(event.id)
    return 0


def cmd_events(args) -> int:
    from .services import events

    rows = _reading(args, events.list_events)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r.id}\t{r.date.isoformat() if r.date else '-'}\t{r.title}\t{r.unit}")
    return 0


def cmd_check(args) -> int:
    from .services import checks

    findings = _reading(args, lambda: checks.run_checks(args.event, today=dt.date.today()))
    if args.json:
        print(json.dumps({"findings": [f.as_json() for f in findings]}, ensure_ascii=False))
    else:
        for finding in findings:
            print(f"{finding.severity}\t{finding.rule}\t{finding.text()}")
    return 0


def cmd_export(args) -> int:
    from .documents import export, kinds
    from .services import exports, record

    if args.date is not None and args.kind not in kinds.DATED_KEYS:
        _parser().error(f"--date is for the dated documents: {', '.join(kinds.DATED_KEYS)}")
    if args.kind == "package":
        return _export_package(args)
    if args.kind not in kinds.KEYS:
        _parser().error(f"unknown KIND {args.kind!r}; choose from {', '.join(kinds.KEYS)}, package")
    if args.date is not None:  # the chosen 成文日期 is kept: a write (refused while a window holds the file)
        workspace = _open(args, create=False, write=True)
        try:
            record.set_document_date(args.event, args.kind, args.date)
        finally:
            workspace.close()
    sources = _reading(args, lambda: exports.sources(args.kind, args.event))
    out = _out_dir(args.out)
    try:
        files = export.export(args.kind, out_dir=out, today=dt.date.today(), masked=args.masked, draft=args.draft,
                              overwrite=args.overwrite, **sources)
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

    snapshot = _reading(args, lambda: summary.package_snapshot(args.event))
    out = _out_dir(args.out)
    try:
        result = package.write_package(snapshot, out, masked=not args.internal, today=dt.date.today(),
                                       draft=args.draft, pages=True, overwrite=args.overwrite)
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
    disk even if the process is killed right after. Commands that write wait for each other's transactions; if
    the database stays busy (or the disk fails) the lines not processed are named, and the command stops."""
    from .services import checkin

    source = sys.stdin if args.codes == "-" else None
    if source is None:
        try:
            source = open(args.codes, encoding="utf-8-sig")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise UserError(CODES_FILE, path=args.codes, error=exc.strerror or str(exc)) from None
    workspace = _open(args, create=False, write=True)
    number, code = 0, ""
    try:
        index = checkin.search_index(args.event)
        for number, line in enumerate(source, start=1):  # noqa: B007 - the number names where it stopped
            code = line.strip()
            if not code:
                continue
            result = checkin.check_in_code(args.event, code, index)
            word = {"ok": "ok", "again": "again"}.get(result.outcome, "unknown")
            if result.outcome == "decide":  # a pass of someone no longer confirmed: not admitted here
                print(i18n.text(NOT_CONFIRMED, code=code, status=result.person.status_label), file=sys.stderr,
                      flush=True)
            print(f"{word} {code}", flush=True)
    except Exception as exc:
        from .workspace import storage_error

        stopped = storage_error(exc, workspace.path)
        if stopped is None or source is sys.stdin:
            raise
        left = _not_processed(source, number, code)
        raise UserError(NOT_PROCESSED, error=str(stopped), lines=left) from None
    finally:
        if source is not sys.stdin:
            source.close()
        workspace.close()
    return 0


def _not_processed(source, number: int, code: str) -> str:
    """Line ``number`` (holding ``code``) and the lines after it that hold a code, as "3 (CODE), 4 (CODE)…"
    (pass codes are not personal data)."""
    rest = [(number, code)]
    try:
        rest += [(n, line.strip()) for n, line in enumerate(source, start=number + 1) if line.strip()]
    except (OSError, UnicodeDecodeError):
        pass
    named = [f"{n} ({c})" for n, c in rest if c]
    return ", ".join(named[:50]) + (" …" if len(named) > 50 else "")


def cmd_walk_in(args) -> int:
    """A walk-in registered with the roster's one check (ID number and age rule, duplicates) and admitted; a
    refusal names the field and what to do."""
    from .domain.roster import InviteeDraft
    from .services import checkin

    workspace = _open(args, create=False, write=True)
    try:
        category = args.category or checkin.walk_in_category(args.event)
        result = checkin.walk_in(args.event, InviteeDraft(name=args.name, id_number=args.id_number, phone=args.phone,
                                                          organisation=args.organisation, category=category))
        uuid = checkin.person_uuid(result.person.id) if result.person else ""
    finally:
        workspace.close()
    arrived = result.person.checked_in_at if result.person else None
    if args.json:
        print(json.dumps({"outcome": result.outcome, "invitee": uuid,
                          "checked_in_at": arrived.isoformat(timespec="seconds") if arrived else None},
                         ensure_ascii=False))
    else:
        print(f"{result.outcome} {uuid}")
    return 0


def cmd_stats(args) -> int:
    from .services import record

    counts = _reading(args, lambda: record.build(args.event).stats())
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
        if report.draft:
            print("draft\tthe documents are marked 草稿: not for filing")
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
        workspace = _open(args, create=False, write=False)
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
    workspace = _open(args, create=True, write=True)
    try:
        print(templates.apply_template(args.file))
    finally:
        workspace.close()
    return 0


def cmd_import_roster(args) -> int:
    """Import the valid rows of FILE in one transaction and report the refused ones (which, unless --dry-run, are
    also written to <stem>_未导入.xlsx beside FILE). A file that cannot be read is refused: nothing is written."""
    from .importers import roster as importer

    workspace = _open(args, create=False, write=not args.dry_run)
    try:
        report = importer.run_import(args.event, args.file.expanduser(), dry_run=args.dry_run,
                                     save_rejected=not args.dry_run, columns=dict(args.column) or None,
                                     sheet=args.sheet, categories=dict(args.category) or None,
                                     include_hidden=args.include_hidden_rows)
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
    if report.hidden:
        print(importer.hidden_note(report, cli=True))
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
        workspace = _open(args, create=False, write=True)  # it records what was sent (the merge's base)
        try:
            _out_dir(path.parent)
            info = bundle.export_bundle(args.event, path, passphrase)
        finally:
            workspace.close()
        print(json.dumps(info.as_json(), ensure_ascii=False) if args.json else info.path)
        return 0
    passphrase = _passphrase(args, twice=False)
    opened = bundle.read_bundle(args.file, passphrase)  # refused before the database is created or touched
    workspace = _open(args, create=True, write=True)
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
    for finding in report.findings:
        print(f"{finding.kind}\t{finding.message}")
    return 0


def cmd_district(args) -> int:
    from .district import figures, packages

    if args.district_command == "add":
        workspace = _open(args, create=True, write=True)
        try:
            report = packages.add_packages(args.sources, trust=args.trust)
        finally:
            workspace.close()
        if args.json:
            print(json.dumps(report.as_json(), ensure_ascii=False))
        else:
            for item in report.added + report.replaced:
                print(f"{item.unit}\t{item.date or '-'}\t{item.event}")
            for refused in report.refused:
                print(f"{refused.source}\t{refused.reason}", file=sys.stderr)
        return 0
    if args.district_command == "units":
        names = packages.read_unit_names(args.file.expanduser())
        workspace = _open(args, create=True, write=True)
        try:
            count = packages.set_expected_units(names)
        finally:
            workspace.close()
        print(json.dumps({"units": count}) if args.json else count)
        return 0
    from .district import report as district_report
    from .services import plan

    year, fonts = _reading(args, lambda: (figures.year_figures(args.year), plan.doc_fonts()))
    out = _out_dir(args.out)
    try:
        files = district_report.write_report(year, out, fonts)
    except OSError as exc:
        raise UserError(OUT_DIR, path=str(out), error=exc.strerror or str(exc)) from None
    if args.json:
        print(json.dumps({"files": [str(f) for f in files], "units": len(year.reporting), "events": year.total.events},
                         ensure_ascii=False))
    else:
        for path in files:
            print(path)
    return 0


def _until_signalled():
    """A threading.Event set by SIGINT or SIGTERM (the command then ends as asked, exit 0)."""
    import signal
    import threading

    stop = threading.Event()

    def handler(_signum, _frame):
        stop.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    return stop


def cmd_hub(args) -> int:
    """The hub serves until SIGINT/SIGTERM; the database is held for writing meanwhile (as a window would)."""
    from .bundle import hub as venue

    bind = args.bind or venue.lan_address()
    if not bind:
        raise UserError(NO_NETWORK)
    if not 0 <= args.port < 65536 or args.pairing_codes < 0:
        _parser().error("--port is 0 to 65535, --pairing-codes 0 or more")
    stop = _until_signalled()
    workspace = _open(args, create=False, write=True)
    try:
        hub = venue.Hub(args.event, bind=bind, port=args.port)
        try:
            hub.start()
        except OSError as exc:
            hub.stop()
            raise UserError(CANNOT_LISTEN, address=f"{bind}:{args.port}", error=exc.strerror or str(exc)) from None
        try:
            for code in hub.issue_codes(args.pairing_codes):
                print(json.dumps(code.as_json(), ensure_ascii=False), flush=True)
            log.info("hub serving event %s on %s", args.event, hub.url)
            stop.wait()
        finally:
            hub.stop()
    finally:
        workspace.close()
    return 0


def cmd_join(args) -> int:
    """The code is read before anything is touched; for a new database the hub is asked before the file is made
    (an unreachable hub leaves nothing behind)."""
    from .bundle import client, pairing
    from .workspace import device_id

    code = pairing.decode(args.code)
    path = Path(getattr(args, "db", None) or paths.default_db_path()).expanduser()
    answer = None
    if not path.exists():
        answer = client.request_join(code, args.name, device_id())
    workspace = _open(args, create=True, write=True)
    try:
        joined = client.complete_join(answer or client.request_join(code, args.name, device_id()))
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(joined.as_json(), ensure_ascii=False))
    else:
        print(i18n.text(JOINED, event=joined.event_id))
        for finding in joined.findings:
            print(f"{finding.kind}\t{finding.message}")
    return 0


def cmd_sync(args) -> int:
    """``--once``: one exchange (exit 1 when the hub cannot be reached, saying how many entries stay queued).
    Otherwise the exchanges go on until SIGINT/SIGTERM; an unreachable hub is said once on stderr and tried
    again; a refusal (a revoked device) ends the command with exit 1."""
    from .bundle import client

    def show(exchange) -> None:
        if args.json:
            print(json.dumps(exchange.as_json(), ensure_ascii=False), flush=True)
        else:
            print(i18n.text(SYNC_SUMMARY, sent=exchange.sent, received=exchange.received), flush=True)
            for finding in exchange.findings:
                print(f"{finding['kind']}\t{finding['message']}", flush=True)

    def trouble(error) -> None:
        print(f"openday: {error}", file=sys.stderr, flush=True)

    stop = None if args.once else _until_signalled()
    workspace = _open(args, create=False, write=True)
    try:
        if args.once:
            show(client.sync_once(args.event))
        else:
            client.run(args.event, stop, report=show, trouble=trouble)
    finally:
        workspace.close()
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
            "district": cmd_district, "checkin": cmd_checkin, "walk-in": cmd_walk_in, "stats": cmd_stats,
            "bundle": cmd_bundle, "keys": cmd_keys, "hub": cmd_hub, "join": cmd_join, "sync": cmd_sync,
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
