#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (build.spec) and check that the frozen app works:
#   1. python -m PyInstaller --noconfirm --clean build.spec   -> dist/openday/openday
#   2. dist/openday/openday demo --db TMP/demo.sqlite3 --date 2026-12-20   (CLI, schema, demo data, translations)
#   3. QT_QPA_PLATFORM=offscreen dist/openday/openday --db TMP/demo.sqlite3 --smoke   must print exactly "ready"
#   4. dist/openday/openday export plan|announcement|signup-form|route|survey   (Word, Excel, Qt-drawn pictures)
#   5. dist/openday/openday bundle export, then bundle merge into a new database   (encryption bundled)
#   6. dist/openday/openday import-roster --dry-run tests/fixtures/roster_wjx.xls   (python-calamine, a 问卷星 .xls)
#
# Usage: scripts/build.sh   (from anywhere; uses $PYTHON if set, else the python on PATH, which must have the
# project installed with pyinstaller: pip install -e ".[build]").
# The self-check writes only to a temporary folder (OPENDAY_DATA_DIR too), never to the user's data folder.
set -euo pipefail

fail() {
    echo "build.sh: FAILED: $*" >&2
    exit 1
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYTHON="${PYTHON:-python}"
command -v "$PYTHON" >/dev/null 2>&1 || fail "no Python interpreter '$PYTHON' (set PYTHON or put python on PATH)"
PYTHON_EXE="$("$PYTHON" -c 'import sys; print(sys.executable)')" || fail "'$PYTHON' does not run"
"$PYTHON" -c "import PyInstaller" 2>/dev/null \
    || fail "PyInstaller is not installed for $PYTHON_EXE (pip install -e \".[build]\")"

APP_NAME="openday"
APP="$ROOT/dist/$APP_NAME/$APP_NAME"
case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*) APP="$APP.exe" ;;  # Git Bash on Windows
esac

echo "build.sh: building with $PYTHON_EXE ..."
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean build.spec || fail "PyInstaller did not finish (see its output above)"
end=$(date +%s)
[[ -x "$APP" ]] || fail "the build did not produce $APP"
echo "build.sh: built $APP in $((end - start)) s ($(du -sh "$ROOT/dist/$APP_NAME" | cut -f1))"

# --- frozen self-check ----------------------------------------------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/openday-build-check.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
export OPENDAY_DATA_DIR="$TMP/data"

echo "build.sh: self-check: $APP_NAME demo ..."
if ! demo_out="$("$APP" demo --db "$TMP/demo.sqlite3" --date 2026-12-20 2>"$TMP/demo.err")"; then
    cat "$TMP/demo.err" >&2
    fail "the frozen app could not create the demo database ('$APP_NAME demo' exited non-zero)"
fi
[[ "$demo_out" =~ ^[0-9]+$ ]] || fail "'$APP_NAME demo' printed '$demo_out', expected the new event id"
[[ -s "$TMP/demo.sqlite3" ]] || fail "'$APP_NAME demo' did not create $TMP/demo.sqlite3"

echo "build.sh: self-check: $APP_NAME --smoke (offscreen) ..."
if ! smoke_out="$(QT_QPA_PLATFORM=offscreen "$APP" --db "$TMP/demo.sqlite3" --smoke 2>"$TMP/smoke.err")"; then
    cat "$TMP/smoke.err" >&2
    fail "the frozen app's smoke test exited non-zero"
fi
if [[ "$smoke_out" != "ready" ]]; then
    cat "$TMP/smoke.err" >&2
    fail "the frozen app's smoke test printed '$smoke_out', expected exactly 'ready'"
fi
echo "$smoke_out"

echo "build.sh: self-check: $APP_NAME export (Word and Excel documents) ..."
# route and survey draw their pictures with Qt (fonts, offscreen platform) inside the frozen app.
for kind in plan announcement signup-form route survey; do
    if ! "$APP" export "$kind" --db "$TMP/demo.sqlite3" --event "$demo_out" --out "$TMP/docs" >"$TMP/export.out" \
            2>"$TMP/export.err"; then
        cat "$TMP/export.err" >&2
        fail "the frozen app could not export '$kind'"
    fi
done
count=$(find "$TMP/docs" -name '*.docx' -o -name '*.xlsx' | wc -l)
[[ "$count" -eq 7 ]] || fail "the frozen export wrote $count documents, expected 7"
[[ -n "$(find "$TMP/docs" -name '*.png')" ]] || fail "the frozen export drew no survey chart"

echo "build.sh: self-check: $APP_NAME bundle export and merge (encryption) ..."
export OPENDAY_BUNDLE_CHECK="self-check passphrase"
if ! "$APP" bundle export --db "$TMP/demo.sqlite3" --event "$demo_out" --out "$TMP/check.odbundle" \
        --passphrase-env OPENDAY_BUNDLE_CHECK >"$TMP/bundle.out" 2>"$TMP/bundle.err" \
    || ! "$APP" bundle merge --db "$TMP/laptop.sqlite3" "$TMP/check.odbundle" --passphrase-env OPENDAY_BUNDLE_CHECK \
        --json >"$TMP/merge.out" 2>>"$TMP/bundle.err"; then
    cat "$TMP/bundle.err" >&2
    fail "the frozen app could not export and open a bundle"
fi
grep -q '"conflicts": \[\]' "$TMP/merge.out" || fail "the frozen bundle merge printed: $(cat "$TMP/merge.out")"
echo "build.sh: self-check: $APP_NAME import-roster of a .xls (python-calamine) ..."
if ! "$APP" import-roster --db "$TMP/demo.sqlite3" --event "$demo_out" "$ROOT/tests/fixtures/roster_wjx.xls" \
        --dry-run --json >"$TMP/import.out" 2>"$TMP/import.err"; then
    cat "$TMP/import.err" >&2
    fail "the frozen app could not read tests/fixtures/roster_wjx.xls"
fi
grep -q '"valid": 2' "$TMP/import.out" && grep -q '"platform": "wjx"' "$TMP/import.out" \
    || fail "the frozen import-roster of roster_wjx.xls printed: $(cat "$TMP/import.out")"
echo "build.sh: OK: $APP (demo event $demo_out, smoke ready, $count documents exported, bundle round trip, .xls read)"
