# Sourced by scripts/launch and scripts/test: installs what Gongwen Desk needs, then returns.
# Debian packages Qt needs (when missing and we may install them), a venv in .venv, pip packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Qt's runtime libraries, a CJK font (without one Chinese shows as boxes), xcb for a real window.
QT_DEBS="libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 fonts-wqy-microhei fonts-arphic-ukai fonts-arphic-gbsn00lp"

# What the tests need besides: LibreOffice and poppler render DOCX to PDF and read it back; Liberation
# Serif measures Latin as Times New Roman; Xvfb runs the window's tests on a real X server too.
TEST_DEBS="libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2 xvfb xauth"

say() { printf '[gongwen-desk] %s\n' "$*" >&2; }

install_debs() {
    local wanted="$1" missing=() pkg
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "Not a Debian/Ubuntu system: make sure the Qt 6 runtime libraries and a Chinese font are installed."
        return 0
    fi
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            say "Missing Debian packages: ${missing[*]}"
            say "Install them with:  sudo apt-get install -y ${missing[*]}"
            return 1
        fi
    fi
    say "Installing Debian packages: ${missing[*]}"
    if ! { apt_wait $sudo apt-get update -qq && apt_wait $sudo env DEBIAN_FRONTEND=noninteractive apt-get install \
            -y -qq --no-install-recommends "${missing[@]}"; }; then
        say "Could not install: ${missing[*]} (apt-get failed; see the messages above)."
        return 1
    fi
}

# apt_wait COMMAND…: run an apt command; while another process holds the apt or dpkg lock, wait and retry
# (up to APT_LOCK_WAIT seconds, default 600) instead of failing.
apt_wait() {
    local waited=0 limit="${APT_LOCK_WAIT:-600}" out
    while true; do
        if out="$("$@" -o DPkg::Lock::Timeout=60 2>&1)"; then
            return 0
        fi
        if grep -qiE "lock|resource temporarily unavailable" <<<"$out" && [ "$waited" -lt "$limit" ]; then
            [ "$waited" -eq 0 ] && say "Another program is using apt; waiting for it to finish…"
            sleep 10
            waited=$((waited + 10))
            continue
        fi
        printf '%s\n' "$out" >&2
        return 1
    done
}

# setup_python EXTRAS: the package in .venv (editable), with the optional extras named ("" for the app alone).
setup_python() {
    local extras="$1"
    local python="${PYTHON:-python3}"
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        say "Python 3.11 or newer is needed (found: $("$python" --version 2>&1 || echo none))."
        exit 1
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        say "Creating the virtual environment in .venv"
        "$python" -m venv "$VENV" || { say "python3 -m venv failed: install the python3-venv package."; exit 1; }
    fi
    local hash target="$ROOT"
    hash="$(sha1sum < "$ROOT/pyproject.toml" | cut -c1-12)"
    [ -n "$extras" ] && target="$ROOT[$extras]"
    local stamp="$VENV/.installed-$hash-${extras:-app}"
    if [ ! -f "$stamp" ]; then
        say "Installing Python packages (pip install -e ${target#"$ROOT"})"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$target"
        find "$VENV" -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash-*" -delete
        touch "$stamp"
    fi
    # Our sources compiled here (only what changed): where PYTHONDONTWRITEBYTECODE is set, as on some
    # machines, Python would otherwise compile them again at every start (0.17 s of a 0.6 s start).
    "$VENV/bin/python" -m compileall -q "$ROOT/app" "$ROOT/phrasebank" >/dev/null || true
}
