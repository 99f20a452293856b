#!/usr/bin/env bash
# AlignFuse's one entry point. On a fresh Debian machine with Swift it installs what is missing
# (libgd-dev, a CJK font, DejaVu Sans) and then:
#   bash run.sh tour [options]   run every lesson in order, writing figures, notebooks and pages to out/tour
#   bash run.sh test             run the test suite (what CI runs)
#   bash run.sh gallery          draw one chart of every kind into out/gallery
#   bash run.sh bench            run the benchmark and print its JSON
set -euo pipefail
cd "$(dirname "$0")"

# `grep -i … >/dev/null` rather than `grep -q`: -q stops reading at the first match, and under pipefail
# the SIGPIPE that fc-list may then get would count as "not installed" on a machine with many fonts.
need_packages() {
    local missing=()
    pkg-config --exists gdlib 2>/dev/null || missing+=(libgd-dev pkg-config)
    [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null \
        || missing+=(fonts-wqy-microhei)
    fc-list 2>/dev/null | grep -i 'DejaVu Sans' >/dev/null || missing+=(fonts-dejavu-core fontconfig)
    # The test command checks a notebook with nbformat in a virtual environment: Debian splits venv
    # (and ensurepip) out of python3, and a machine with only Swift may have neither.
    if [ "${1:-}" = test ]; then
        python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
    fi
    echo "${missing[@]:-}"
}

setup() {
    local missing
    missing=$(need_packages "${1:-}")
    [ -z "${missing// /}" ] && return 0
    echo "run.sh: installing $missing" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

# A real lesson run's notebook.ipynb must validate against the nbformat 4 schema (nbformat lives in a
# virtual environment under .build, so nothing is installed into the system's Python).
check_notebook() {
    local venv=.build/nbcheck out=.build/nbcheck-run
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv" && "$venv/bin/pip" install -q nbformat
    fi
    rm -rf "$out"
    swift run -c release --skip-build lesson01 --quick --no-color --out "$out" >/dev/null
    "$venv/bin/python" Tools/check_notebook.py "$out/notebook.ipynb" --figures 4 && echo "notebook.ipynb: valid nbformat 4, figures embedded"
}

# On a clone where nobody has started the exercises yet (CI's), run the exercises command as a new
# learner would: it copies the starters to Lessons/Exercises/Mine, builds the checker with them (the
# one build that compiles Lessons/Exercises/Checker) and must list the ten exercises, none done.
check_exercises() {
    if [ -d Lessons/Exercises/Mine ]; then
        echo "exercises: not run (Lessons/Exercises/Mine holds a learner's own files)"
        return 0
    fi
    local listing status=0
    listing=$(swift run -c release --skip-build exercises 2>&1) || status=$?
    rm -rf Lessons/Exercises/Mine
    if [ "$status" -ne 1 ] || ! grep -q "0 of 10 done" <<<"$listing" || [ "$(grep -c 'not written yet' <<<"$listing")" -ne 10 ]; then
        echo "$listing" >&2
        echo "exercises: a fresh start should list 10 exercises, none done, all not written yet" >&2
        return 1
    fi
    echo "exercises: a fresh start lists 10 exercises, none done"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    tour)    setup; swift run -c release tour "$@" ;;
    # The tests train real (tiny) models: they are built optimised, like the lessons (and share their build).
    test)    setup test; swift build -c release --build-tests && swift test -c release --skip-build "$@" \
                 && check_notebook && check_exercises ;;
    gallery) setup; swift run -c release figures-gallery "${@:-out/gallery}" ;;
    bench)   setup; swift run -c release benchmark "$@" ;;
    *) echo "usage: bash run.sh tour|test|gallery|bench [options]" >&2; exit 2 ;;
esac
