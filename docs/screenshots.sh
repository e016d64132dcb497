#!/usr/bin/env bash
# Regenerates the app screenshots of every bundled preset (presets/index.txt) at the projector sizes the
# README shows: docs/images/presets/WxH/NAME.png. Needs the jar (mvn -B -o -q -DskipTests package) and
# xvfb-run (a virtual screen of exactly that size). Usage: docs/screenshots.sh [WxH ...] (default 1280x800 1600x1000)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/dln-explorer.jar
[ -f "$jar" ] || { echo "screenshots: $jar missing (mvn -B -o -q -DskipTests package)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run missing (apt-get install xvfb)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 1600x1000)
status=0
for size in "${sizes[@]}"; do
  out=docs/images/presets/$size
  mkdir -p "$out"
  while read -r preset; do
    case "$preset" in ''|\#*) continue ;; esac
    name=${preset%.json}
    if xvfb-run -a -s "-screen 0 ${size}x24" java -jar "$jar" gui "presets/$preset" --size "$size" \
         --screenshot "$out/$name.png" --after-ms 500 >/dev/null 2>"$out/$name.err"; then
      rm -f "$out/$name.err"
      echo "$out/$name.png"
    else
      echo "screenshots: $preset at $size failed: $(tail -1 "$out/$name.err")" >&2
      status=1
    fi
  done < presets/index.txt
done
exit $status
