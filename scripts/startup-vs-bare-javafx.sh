#!/usr/bin/env bash
# Time from launch until the workbench window shows an open file, against the smallest JavaFX window on the same
# jars, measured in the same run. Needs: mvn -B -DskipTests package; apt-get install xvfb xauth xdotool.
# Usage: scripts/startup-vs-bare-javafx.sh [RUNS]   (prints key=value lines; quote the ratio, not the seconds)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1440x900x24" "$0" "$@"
fi
fx="$(ls target/libs/javafx-*.jar | tr '\n' ':')"
mkdir -p target/startup-baseline
javac -cp "$fx" -d target/startup-baseline scripts/BareWindow.java
home="$(mktemp -d)"
export CUSTODIAN_HOME="$home"
java -jar target/custodian.jar sample load > /dev/null

measure() { # $1 window title, rest: command
  local title="$1"; shift
  local start end pid
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 &
  pid=$!
  xdotool search --sync --name "$title" > /dev/null
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

best_app=999999; best_bare=999999
for _ in $(seq "$runs"); do
  t=$(measure "BareWindow" java -cp "target/startup-baseline:$fx" 'BareWindow$Main'); (( t < best_bare )) && best_bare=$t
  t=$(measure "Custodian — workbench.db" java -jar target/custodian.jar); (( t < best_app )) && best_app=$t
done
echo "runs=$runs"
echo "bare_javafx_window_ms=$best_bare"
echo "workbench_open_window_ms=$best_app"
echo "startup_vs_bare_javafx=$(awk "BEGIN { printf \"%.2f\", $best_app / $best_bare }")"
rm -rf "$home"
