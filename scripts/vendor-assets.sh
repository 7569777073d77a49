#!/usr/bin/env bash
# Refresh the vendored front-end assets from the npm registry at the pinned versions.
# Pages never load anything from the internet: these files are committed and served by
# whitenoise. To upgrade, change a version below, run this script, test, commit.
set -euo pipefail
cd "$(dirname "$0")/.."

BOOTSTRAP=5.3.9
HTMX=2.0.11
ECHARTS=6.1.0

DEST=chidao/static/vendor
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fetch() {  # package version -> unpacked into $WORK/<package>
    mkdir -p "$WORK/$1"
    (cd "$WORK" && npm pack --silent "$1@$2" >/dev/null)
    tar -xzf "$WORK/${1//\//-}-$2.tgz" -C "$WORK/$1" --strip-components=1
}

fetch bootstrap "$BOOTSTRAP"
fetch htmx.org "$HTMX"
fetch echarts "$ECHARTS"

rm -rf "$DEST"
mkdir -p "$DEST/bootstrap" "$DEST/htmx" "$DEST/echarts"
cp "$WORK/bootstrap/dist/css/bootstrap.min.css" "$WORK/bootstrap/dist/js/bootstrap.bundle.min.js" \
   "$WORK/bootstrap/LICENSE" "$DEST/bootstrap/"
cp "$WORK/htmx.org/dist/htmx.min.js" "$WORK/htmx.org/LICENSE" "$DEST/htmx/"
cp "$WORK/echarts/dist/echarts.min.js" "$WORK/echarts/LICENSE" "$DEST/echarts/"
# Source maps point at files we do not ship; browsers would request them.
sed -i '/sourceMappingURL/d' "$DEST"/*/*.js "$DEST"/*/*.css

cat > "$DEST/VERSIONS" <<VERSIONS
bootstrap $BOOTSTRAP
htmx.org $HTMX
echarts $ECHARTS
VERSIONS
echo "vendored into $DEST:"; cat "$DEST/VERSIONS"
