#!/usr/bin/env bash
# The system packages Saual needs, checked and (where the user can) installed: one script for
# `make run`, `make test` and CI (.ci/run).
#
#   scripts/system-deps.sh venv   $PYTHON can make a virtual environment (Debian: python3-venv)
#   scripts/system-deps.sh run    tesseract with Kazakh and Russian data (OCR of scanned PDFs)
#   scripts/system-deps.sh test   the same plus PostgreSQL server binaries, Chromium, poppler-utils
#   --check                       only report what is missing, never install
#
# Fast and silent when everything is there (command -v / file checks; no apt-get update). When
# something is missing it runs apt-get as root or through non-interactive sudo; otherwise it stops
# with the exact command to run. Exit 0: all present; 1: something is still missing.
set -euo pipefail

PYTHON="${PYTHON:-python3}"
CHROMIUM="${SAUAL_CHROMIUM:-/usr/bin/chromium}"
profile=""
check_only=0
for arg in "$@"; do
    case "$arg" in
        venv|run|test) profile="$arg" ;;
        --check) check_only=1 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "system-deps: unknown argument '$arg' (expected venv, run or test, and --check)" >&2; exit 2 ;;
    esac
done
if [ -z "$profile" ]; then
    echo "system-deps: say which set: venv, run or test" >&2
    exit 2
fi

has_venv() {  # Debian's python3 leaves out ensurepip until python3-venv is installed
    "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1
}

has_tesseract() {  # the binary and both language data files (kaz, rus)
    command -v tesseract >/dev/null 2>&1 || return 1
    local langs
    langs="$(tesseract --list-langs 2>&1)" || return 1
    grep -qx kaz <<<"$langs" && grep -qx rus <<<"$langs"
}

has_postgres() {  # server binaries as tests/fixtures_db.py looks for them, or a server given by URL
    [ -n "${SAUAL_TEST_DATABASE_URL:-}" ] && return 0
    local dir
    for dir in /usr/lib/postgresql/*/bin "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
    done
    return 1
}

has_chromium() {  # the browser tests drive $SAUAL_CHROMIUM, default Debian's /usr/bin/chromium
    [ -x "$CHROMIUM" ]
}

has_pdftotext() {
    command -v pdftotext >/dev/null 2>&1
}

# what is checked for each set, and the Debian packages that provide it
case "$profile" in
    venv) needs=(venv) ;;
    run) needs=(tesseract) ;;
    test) needs=(tesseract postgres chromium pdftotext) ;;
esac

packages_for() {
    case "$1" in
        venv) echo python3-venv ;;
        tesseract) echo tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus ;;
        postgres) echo postgresql ;;
        chromium) echo chromium ;;
        pdftotext) echo poppler-utils ;;
    esac
}

missing_packages() {
    local need
    for need in "${needs[@]}"; do
        if ! "has_$need"; then packages_for "$need"; fi
    done | tr '\n' ' ' | sed 's/ *$//'
}

missing="$(missing_packages)"
[ -z "$missing" ] && exit 0

command_line="apt-get update && apt-get install -y --no-install-recommends $missing"
if [ "$profile" = venv ] && [ "$("$PYTHON" -c 'import sys; print(sys.prefix)' 2>/dev/null)" != /usr ]; then
    echo "system-deps: $PYTHON cannot create a virtual environment (no ensurepip);" \
         "install its venv module, or run with PYTHON=/usr/bin/python3" >&2
    exit 1
fi
if [ "$check_only" = 1 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: missing system packages for '$profile': $missing" >&2
    if command -v apt-get >/dev/null 2>&1; then
        echo "  install them with: sudo sh -c '$command_line'" >&2
    else
        echo "  (Debian/Ubuntu names; install the same with your system's package manager)" >&2
    fi
    exit 1
fi

if [ "$(id -u)" = 0 ]; then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
else
    echo "system-deps: missing system packages for '$profile': $missing" >&2
    echo "  installing them needs root; run this once, then run make again:" >&2
    echo "  sudo sh -c '$command_line'" >&2
    exit 1
fi

echo "system-deps: installing $missing" >&2
# shellcheck disable=SC2086  # one word per package
"${as_root[@]}" apt-get update -q
# shellcheck disable=SC2086
"${as_root[@]}" apt-get install -y -q --no-install-recommends $missing

still="$(missing_packages)"
if [ -n "$still" ]; then
    echo "system-deps: still missing after apt-get install: $still" >&2
    exit 1
fi
