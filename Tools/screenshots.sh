#!/usr/bin/env bash
# Screenshots of the pages a tour wrote, as a browser draws them (headless Chromium), for a reader who
# wants to look at every page without opening each: the tour's front page and each lesson's page, cut
# into 1280×2400 views from the top down.
#   bash run.sh tour --quick && bash Tools/screenshots.sh [out/tour] [views per page, default 3]
# Writes <tour>/screenshots/<page>-<n>.png. Needs chromium (Debian: apt-get install chromium); it is
# not part of the test suite, since not every machine has a browser.
set -euo pipefail
tour=${1:-out/tour}
views=${2:-3}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "screenshots: chromium is not installed (apt-get install chromium)" >&2; exit 1; }
[ -f "$tour/index.html" ] || { echo "screenshots: no $tour/index.html (run: bash run.sh tour)" >&2; exit 1; }
tour=$(cd "$tour" && pwd)
mkdir -p "$tour/screenshots"

# One view of `page` starting `offset` pixels down: the page in a frame moved up by the offset.
shoot() {
    local page=$1 offset=$2 png=$3 frame
    frame=$(mktemp --suffix=.html -p "$(dirname "$page")")
    printf '<html><body style="margin:0;overflow:hidden"><iframe src="%s" style="border:0;width:1280px;height:%dpx;margin-top:-%dpx"></iframe></body></html>\n' \
        "$(basename "$page")" $((offset + 2400)) "$offset" > "$frame"
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
        --screenshot="$png" "file://$frame" >/dev/null 2>&1 || echo "screenshots: $png failed" >&2
    rm -f "$frame"
}

for page in "$tour/index.html" "$tour"/*/index.html; do
    [ -f "$page" ] || continue
    name=$(basename "$(dirname "$page")")
    [ "$page" = "$tour/index.html" ] && name=tour
    for ((n = 0; n < views; n++)); do
        shoot "$page" $((n * 2300)) "$tour/screenshots/$name-$((n + 1)).png"
    done
    echo "screenshots: $name ($views views)"
done
