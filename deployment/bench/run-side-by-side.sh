#!/usr/bin/env bash
# TriageBot, the floor (Kestrel + System.Text.Json, canned reply) and the official Bot Framework JS SDK peer in one
# run of the reference protocol (run-peer-bench.sh), then the ratios the project is judged on:
#   TriageBot (memory) turns/s / SDK turns/s, TriageBot CPU-ms per turn / floor CPU-ms per turn,
#   SQLite turns/s / memory turns/s, p99 of each, and (with PostgreSQL) two instances / one.
#
#   deployment/bench/run-side-by-side.sh                       # floor, SDK, TriageBot memory + SQLite (~15 min)
#   deployment/bench/run-side-by-side.sh --postgres            # + PostgreSQL, 1 and 2 instances
#   deployment/bench/run-side-by-side.sh --quick               # 1 run of 10 s each, no c=8 run, 1,000-conversation memory test
#   Any other option is passed to run-peer-bench.sh (e.g. --runs 1 --mem-convs 0 --pg-conn '...').
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

targets=(floor botbuilder-js triagebot-memory triagebot-sqlite)
pass=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) targets+=(triagebot-postgres triagebot-postgres-2); shift ;;
    --quick) pass+=(--runs 1 --duration 10 --low-concurrency 0 --mem-convs 1000); shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) pass+=("$1"); shift ;;
  esac
done
OUT="${OUT:-$HERE/bench-out/side-by-side-$(date +%Y%m%d-%H%M%S)}"

"$HERE/run-peer-bench.sh" --out "$OUT" "${pass[@]}" "${targets[@]}"

# Medians of the c=64 runs per target, from the machine-readable RESULT lines.
med() { # target field
  grep "^RESULT label=$1/c64/r" "$OUT/results.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k{print $2}' | sort -g \
    | awk '{a[NR]=$1} END{if(NR==0){print "nan"} else if(NR%2){print a[(NR+1)/2]} else {printf "%.3f\n",(a[NR/2]+a[NR/2+1])/2}}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a=="nan"||b=="nan"||b==0) print "n/a"; else printf "%.2f", a/b }'; }

{
  echo
  echo "## Side by side (c=64, medians, one run of the protocol: $(date -u +%Y-%m-%dT%H:%M:%SZ))"
  echo
  echo "| target | turns/s | server CPU-ms/turn | p99 ms | CPU/turn vs floor |"
  echo "|---|---|---|---|---|"
  floor_cpu=$(med floor server_cpu_ms_per_turn)
  for t in "${targets[@]}"; do
    echo "| $t | $(med "$t" turns_per_s) | $(med "$t" server_cpu_ms_per_turn) | $(med "$t" p99_ms) | $(ratio "$(med "$t" server_cpu_ms_per_turn)" "$floor_cpu")x |"
  done
  echo
  echo "| ratio | value | target |"
  echo "|---|---|---|"
  echo "| TriageBot memory turns/s / SDK turns/s | $(ratio "$(med triagebot-memory turns_per_s)" "$(med botbuilder-js turns_per_s)") | >= 10 |"
  echo "| TriageBot memory CPU-ms/turn / floor CPU-ms/turn | $(ratio "$(med triagebot-memory server_cpu_ms_per_turn)" "$floor_cpu") | <= 3 |"
  echo "| TriageBot SQLite turns/s / memory turns/s | $(ratio "$(med triagebot-sqlite turns_per_s)" "$(med triagebot-memory turns_per_s)") | >= 0.70 |"
  echo "| TriageBot memory p99 ms | $(med triagebot-memory p99_ms) | <= 10 |"
  echo "| TriageBot SQLite p99 ms | $(med triagebot-sqlite p99_ms) | <= 10 |"
  if [[ " ${targets[*]} " == *" triagebot-postgres-2 "* ]]; then
    echo "| TriageBot PostgreSQL turns/s / memory turns/s | $(ratio "$(med triagebot-postgres turns_per_s)" "$(med triagebot-memory turns_per_s)") | |"
    echo "| TriageBot PostgreSQL 2 instances / 1 instance turns/s | $(ratio "$(med triagebot-postgres-2 turns_per_s)" "$(med triagebot-postgres turns_per_s)") | >= 1.6 (needs cores for both) |"
  fi
  echo
  echo "TriageBot plays its own 41-turn conversation (triagebot-flow.script), the SDK peer its 9-turn waterfall, the"
  echo "floor answers 'ok': compare per-turn figures. Other CPU (machine load not from server or client) per run is in"
  echo "$OUT/results.txt; runs above the threshold were repeated and the disturbed ones kept as DISCARDED."
} | tee -a "$OUT/summary.md"
