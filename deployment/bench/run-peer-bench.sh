#!/usr/bin/env bash
# Builds the performance peers and the load generator, then measures throughput, latency and
# memory of one or more Bot Framework /api/messages endpoints (deliveryMode=expectReplies).
#
#   ./run-peer-bench.sh                                   # floor + botbuilder-js, full protocol
#   ./run-peer-bench.sh http://127.0.0.1:3978/api/messages --server-pid 12345
#   ./run-peer-bench.sh http://127.0.0.1:3978/api/messages \
#        --server-cmd 'dotnet /path/to/OurBot/bin/Release/net10.0/OurBot.dll'   # started pinned, fresh per run
#   ./run-peer-bench.sh --runs 1 --duration 5 --mem-convs 1000 botbuilder-js  # quick look
#
# Run with --help for all options. Everything it writes goes to bench-out/<timestamp>/ (or --out).
#
# Copied from ../shared/bench/run-peer-bench.sh (the project's reference method, see README.md) with TriageBot's own
# targets added: triagebot-memory, triagebot-sqlite, triagebot-postgres and triagebot-postgres-2 (two instances on
# one database, turns of each conversation alternating between them). They play triagebot-flow.script.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
TRIAGEBOT_DLL="$REPO/artifacts/bin/TriageBot.Host/release/TriageBot.Host.dll"
TRIAGEBOT_SCRIPT="$HERE/triagebot-flow.script"
PG_CONN=""

RUNS=3
DURATION=20
WARMUP=10
MAX_OTHER=15
CONC=64
LOW_CONC=8
MEM_CONVS=10000
SERVER_CORE=0
CLIENT_CORE=1
PIN=1
BUILD=1
OUT=""
SERVER_CMD=""
SERVER_PID_ARG=""
CONTENT_CHECK=1
CHANNEL="emulator"
WRK=0
SCRIPT_FILE=""
HEAP_TOOLS=""
TARGETS=()

usage() {
  cat <<'EOF'
usage: run-peer-bench.sh [options] [TARGET...]

TARGET is one of
  floor                    minimal Kestrel endpoint (HTTP + JSON only), port 3980
  botbuilder-js            Bot Framework JS SDK 4.23 triage bot, port 3979
  botbuilder-js-rundialog  same bot using the SDK's runDialog() helper (adds a BotState trace per turn), port 3981
  triagebot-memory         TriageBot (Release build of src/TriageBot.Host), Storage:Provider=InMemory, port 3978
  triagebot-sqlite         TriageBot on SQLite (the default provider), a fresh data folder per run
  triagebot-postgres       TriageBot on PostgreSQL: a throwaway initdb cluster pinned with the server (or --pg-conn),
                           a fresh database per run; the server CPU includes PostgreSQL's backends
  triagebot-postgres-2     two TriageBot instances (ports 3978, 3977) on one PostgreSQL database; each
                           conversation's turns alternate between them
  http(s)://HOST:PORT/PATH any running (or --server-cmd-started) endpoint, e.g. our C# service
default: floor botbuilder-js

options
  --runs N             measured runs at --concurrency (default 3)
  --duration S         measured seconds per run (default 20)
  --warmup S           unmeasured warm-up seconds at the start of each run (default 10)
  --max-other-cpu PCT  repeat a run (at most twice) when processes other than server and load generator
                       used more than PCT % of a core during it (default 15; 0 = never repeat)
  --concurrency C      virtual users for the main runs (default 64)
  --low-concurrency C  one extra run at this concurrency (default 8; 0 = skip)
  --mem-convs N        memory test: RSS after N and after 2N whole conversations on a fresh server
                       (default 10000; 0 = skip)
  --server-core LIST   taskset CPU list for servers (default 0)
  --client-core LIST   taskset CPU list for the load generator (default 1)
  --no-pin             do not use taskset
  --no-build           skip npm ci / dotnet build
  --out DIR            output folder (default bench-out/<timestamp> next to this script)
  --server-cmd CMD     for URL targets: command that starts the server, pinned, fresh for every run and
                       for the memory test, stopped afterwards; it gets PORT=<url port> and
                       ASPNETCORE_URLS=<url scheme://host:port>. Start the built program itself (e.g.
                       'dotnet bin/Release/net10.0/X.dll'), not 'dotnet run', so the pid is the server's.
  --server-pid PID     for URL targets already running: server pid, to report its CPU and RSS
  --no-content-check   URL targets: only --check (non-empty text replies), not per-turn keywords
  --channel ID         channelId the load generator sends (default emulator)
  --script FILE        conversation script for the load generator ('user text|kw1,kw2' per line),
                       e.g. when a service words its prompts so that the built-in keywords miss
  --wrk                also drive 'floor' with wrk (C, one thread) as a check that the C# client is not the limit
  --pg-conn CONN       triagebot-postgres*: use this PostgreSQL server (Npgsql connection string of a role that may
                       CREATE DATABASE) instead of a throwaway cluster
  --triagebot-dll PATH TriageBot.Host.dll to run (default: the repo's Release build, built unless --no-build)
  --heap-tools DIR     memory test of .NET servers (TriageBot, floor, --server-cmd dotnet ...): also snapshot the live managed heap at idle, after
                       N and after 2N conversations with DIR/dotnet-gcdump (a full collection first; required) and
                       DIR/dotnet-dump if there (exact bytes per type), and write the growth per conversation by type.
                       Install: dotnet tool install --tool-path DIR dotnet-gcdump (and dotnet-dump)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --max-other-cpu) MAX_OTHER="$2"; shift 2 ;;
    --concurrency) CONC="$2"; shift 2 ;;
    --low-concurrency) LOW_CONC="$2"; shift 2 ;;
    --mem-convs) MEM_CONVS="$2"; shift 2 ;;
    --server-core) SERVER_CORE="$2"; shift 2 ;;
    --client-core) CLIENT_CORE="$2"; shift 2 ;;
    --no-pin) PIN=0; shift ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    --server-cmd) SERVER_CMD="$2"; shift 2 ;;
    --server-pid) SERVER_PID_ARG="$2"; shift 2 ;;
    --no-content-check) CONTENT_CHECK=0; shift ;;
    --channel) CHANNEL="$2"; shift 2 ;;
    --script) SCRIPT_FILE="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --wrk) WRK=1; shift ;;
    --pg-conn) PG_CONN="$2"; shift 2 ;;
    --triagebot-dll) TRIAGEBOT_DLL="$2"; shift 2 ;;
    --heap-tools) HEAP_TOOLS="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) TARGETS+=("$1"); shift ;;
  esac
done
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=(floor botbuilder-js)

OUT="${OUT:-$HERE/bench-out/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS"

pin_server() { if [[ $PIN == 1 ]]; then echo "taskset -c $SERVER_CORE"; fi; }
pin_client() { if [[ $PIN == 1 ]]; then echo "taskset -c $CLIENT_CORE"; fi; }
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/bench.log"; }

# ------------------------------------------------------------------------------------------------
# build
# ------------------------------------------------------------------------------------------------
need_npm=0; need_floor=0; need_triagebot=0; need_pg=0
for t in "${TARGETS[@]}"; do
  case "$t" in
    floor) need_floor=1 ;;
    triagebot-postgres*) need_triagebot=1; need_pg=1 ;;
    triagebot-*) need_triagebot=1 ;;
    botbuilder-js|botbuilder-js-rundialog) need_npm=1 ;;
  esac
done

if [[ $BUILD == 1 ]]; then
  log "building loadgen (Release)"
  dotnet build -c Release -nologo -v q "$HERE/loadgen/LoadGen.csproj" > "$OUT/build-loadgen.log" 2>&1 \
    || { cat "$OUT/build-loadgen.log"; exit 1; }
  if [[ $need_floor == 1 ]]; then
    log "building floor (Release)"
    dotnet build -c Release -nologo -v q "$HERE/floor/Floor.csproj" > "$OUT/build-floor.log" 2>&1 \
      || { cat "$OUT/build-floor.log"; exit 1; }
  fi
  if [[ $need_npm == 1 && ( ! -d "$HERE/botbuilder-js/node_modules" || "$HERE/botbuilder-js/package-lock.json" -nt "$HERE/botbuilder-js/node_modules" ) ]]; then
    log "installing botbuilder-js dependencies (npm ci)"
    # --ignore-scripts: botbuilder-dialogs' postinstall shells out to 'npx rimraf', which needs a
    # download prompt; it only deletes three nested copies of recognizers-text-number, done below.
    (cd "$HERE/botbuilder-js" && npm ci --ignore-scripts --no-audit --no-fund) > "$OUT/npm-ci.log" 2>&1 \
      || { cat "$OUT/npm-ci.log"; exit 1; }
    for p in recognizers-text-suite recognizers-text-date-time recognizers-text-number-with-unit; do
      rm -rf "$HERE/botbuilder-js/node_modules/@microsoft/$p/node_modules/@microsoft/recognizers-text-number"
    done
    touch "$HERE/botbuilder-js/node_modules"
  fi
  if [[ $need_triagebot == 1 ]]; then
    log "building TriageBot.Host (Release)"
    dotnet build -c Release -nologo -v q "$REPO/src/TriageBot.Host" > "$OUT/build-triagebot.log" 2>&1 \
      || { cat "$OUT/build-triagebot.log"; exit 1; }
  fi
  dotnet build-server shutdown > /dev/null 2>&1 || true   # no idle compiler servers during measurements
fi
LOADGEN_DLL="$HERE/loadgen/bin/Release/net10.0/loadgen.dll"
[[ -f "$LOADGEN_DLL" ]] || { echo "missing $LOADGEN_DLL (build first)" >&2; exit 1; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(uname -srm), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "mem: $(free -g | awk '/Mem:/{print $2" GiB"}')"
  echo "dotnet: $(dotnet --version)  node: $(node --version 2>/dev/null || echo n/a)"
  echo "botbuilder: $(node -p "require('$HERE/botbuilder-js/node_modules/botbuilder/package.json').version" 2>/dev/null || echo n/a)"
  echo "pinning: $( [[ $PIN == 1 ]] && echo "server taskset -c $SERVER_CORE, loadgen taskset -c $CLIENT_CORE" || echo none)"
  echo "protocol: runs=$RUNS duration=${DURATION}s warmup=${WARMUP}s concurrency=$CONC low=$LOW_CONC mem_convs=$MEM_CONVS channel=$CHANNEL"
} | tee "$OUT/env.txt"

# ------------------------------------------------------------------------------------------------
# server control
# ------------------------------------------------------------------------------------------------
SRV_PID=""
SRV_PIDS=()   # every server process of the current target (TriageBot may run two instances)
PG_DIR=""; PG_PID=""; PG_PORT=5499; PG_BIN=""
stop_pg() {
  if [[ -n "$PG_DIR" ]]; then
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$PG_DIR"; PG_DIR=""; PG_PID=""
  fi
}
cleanup() {
  local p
  for p in "${SRV_PIDS[@]}" $SRV_PID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  stop_pg
}
trap cleanup EXIT

probe_body() {
  printf '{"type":"message","id":"probe-%s","serviceUrl":"http://localhost:1","channelId":"%s","from":{"id":"bench-probe-user"},"conversation":{"id":"bench-probe-%s"},"recipient":{"id":"bot"},"text":"hi","locale":"en-US","deliveryMode":"expectReplies"}' "$1" "$CHANNEL" "$1"
}

wait_ready() { # url, seconds
  local url="$1" deadline=$((SECONDS + $2)) code
  while (( SECONDS < deadline )); do
    if [[ -n "$SRV_PID" ]] && ! kill -0 "$SRV_PID" 2>/dev/null; then return 1; fi
    code=$(probe_body "$RANDOM" | curl -s -o /dev/null -w '%{http_code}' -m 5 -H 'Content-Type: application/json' --data-binary @- "$url" || true)
    [[ "$code" == "200" ]] && return 0
    sleep 0.25
  done
  return 1
}

port_of() { echo "$1" | sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#'; }

start_server() { # name cmd url logfile [env...]
  local name="$1" cmd="$2" url="$3" logf="$4"; shift 4
  local port; port=$(port_of "$url")
  if ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
    echo "port $port is already in use; stop whatever listens there first" >&2; exit 1
  fi
  # exec keeps the pid: $! is the server process itself (taskset/env/bash all exec).
  env "$@" $(pin_server) bash -c "exec $cmd" > "$logf" 2>&1 &
  SRV_PID=$!
  if ! wait_ready "$url" 60; then
    echo "$name did not become ready at $url; log:" >&2; cat "$logf" >&2; exit 1
  fi
  sleep 0.5
}

stop_server() {
  local p
  for p in "${SRV_PIDS[@]}" $SRV_PID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  SRV_PID=""; SRV_PIDS=()
}

# ---- TriageBot and its PostgreSQL ---------------------------------------------------------------------------
# initdb refuses root: under root the cluster belongs to (and runs as) the package's 'postgres' user.
pg_run() { if [[ $(id -u) == 0 ]]; then runuser -u "${TRIAGEBOT_PG_USER:-postgres}" -- "$@"; else "$@"; fi; }

start_pg() { # a throwaway cluster, pinned with the servers; fsync stays on (durability as deployed)
  [[ -n "$PG_CONN" || -n "$PG_DIR" ]] && return 0
  PG_BIN="${TRIAGEBOT_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
  [[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL's initdb was not found (install Debian's 'postgresql' package, or set TRIAGEBOT_PG_BIN, or pass --pg-conn)" >&2; exit 1; }
  PG_DIR="$(mktemp -d /tmp/triagebot-bench-pg-XXXXXX)"
  [[ $(id -u) == 0 ]] && chown -R "${TRIAGEBOT_PG_USER:-postgres}" "$PG_DIR"
  pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U bench -A trust -E UTF8 --locale=C > "$OUT/pg-initdb.log" 2>&1 \
    || { cat "$OUT/pg-initdb.log"; exit 1; }
  pg_run $(pin_server) "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" > /dev/null \
    || { cat "$PG_DIR/server.log"; exit 1; }
  PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (pid $PG_PID, $(pin_server))"
}

fresh_database() { # prints a connection string to a new empty database
  local db="bench_$(date +%s%N)"
  if [[ -n "$PG_CONN" ]]; then
    # Reuse the given server: the database name is swapped in the connection string by the app's own parser rules.
    psql "$(echo "$PG_CONN" | sed -E 's/;/ /g; s/Host=/host=/I; s/Port=/port=/I; s/Username=/user=/I; s/Password=/password=/I; s/Database=[^ ]*//I')" \
      -q -c "CREATE DATABASE $db" > /dev/null
    echo "$(echo "$PG_CONN" | sed -E 's/Database=[^;]*;?//I');Database=$db"
  else
    pg_run "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U bench -d postgres -q -c "CREATE DATABASE $db" > /dev/null
    echo "Host=127.0.0.1;Port=$PG_PORT;Username=bench;Database=$db;Maximum Pool Size=100"
  fi
}

# The server-wide rate limit (500 turns/s sustained by default, a deployment's choice) is lifted: the bench measures
# what a turn costs, not the limiter.
start_triagebot() { # kind (memory|sqlite|postgres|postgres-2), tag, logdir; sets SRV_PIDS and PID_FOR_LOADGEN
  local kind="$1" tag="$2" dir="$3" data conn="" provider n=1 i port
  data="$(mktemp -d "$OUT/data-XXXXXX")"
  case "$kind" in
    memory) provider=InMemory ;;
    sqlite) provider=Sqlite ;;
    postgres) provider=Postgres; start_pg; conn="$(fresh_database)" ;;
    postgres-2) provider=Postgres; n=2; start_pg; conn="$(fresh_database)" ;;
  esac
  local pids=()
  # One Direct Line secret for every instance of a run: a PostgreSQL fleet refuses to start without a shared one.
  local dl_secret; dl_secret="bench-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
  for i in $(seq 1 $n); do
    port=$((3979 - i))
    start_server "triagebot-$kind" "dotnet '$TRIAGEBOT_DLL'" "http://127.0.0.1:$port/api/messages" "$dir/server-$tag-$i.log" \
      DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Channels__BotConnector__AllowAnonymous=true Storage__Provider="$provider" Storage__DataDirectory="$data/$i" \
      DataProtection__KeysPath="$data/keys" ConnectionStrings__TriageBot="$conn" Channels__DirectLine__Secret="$dl_secret" \
      RateLimiting__Global__TokenLimit=100000000 RateLimiting__Global__TokensPerPeriod=100000000
    SRV_PIDS+=("$SRV_PID"); pids+=("$SRV_PID"); SRV_PID=""
  done
  [[ -n "$PG_PID" && "$kind" == postgres* ]] && pids+=("$PG_PID")
  PID_FOR_LOADGEN="$(IFS=,; echo "${pids[*]}")"
}

rss_kb() { # pid[,pid...]: summed VmRSS in KiB
  local p t=0 v
  for p in ${1//,/ }; do v=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || true); t=$((t + ${v:-0})); done
  echo "$t"
}
# Live managed heap of the current .NET server(s) (summed), after the full collection dotnet-gcdump induces; also
# writes <prefix>.gcdump.txt (and <prefix>.dumpheap.txt with dotnet-dump) for heap-diff.awk. Prints the bytes
# gcdump counted and, with dotnet-dump, the bytes of its exact live-object walk (else the gcdump figure again).
heap_snapshot() { # prefix
  local p t=0 v d=0 w
  : > "$1.gcdump.txt"; : > "$1.dumpheap.txt"
  for p in "${SRV_PIDS[@]}" $SRV_PID; do
    "$HEAP_TOOLS/dotnet-gcdump" collect -p "$p" -o "$1-$p.gcdump" > /dev/null 2>&1 || true
    "$HEAP_TOOLS/dotnet-gcdump" report "$1-$p.gcdump" 2> /dev/null >> "$1.gcdump.txt" || true
    v=$("$HEAP_TOOLS/dotnet-gcdump" report "$1-$p.gcdump" 2> /dev/null | awk '/GC Heap bytes/{gsub(",","",$1); print $1; exit}')
    t=$((t + ${v:-0}))
    if [[ -x "$HEAP_TOOLS/dotnet-dump" ]]; then
      "$HEAP_TOOLS/dotnet-dump" collect --type Heap -p "$p" -o "$1-$p.dmp" > /dev/null 2>&1 || true
      "$HEAP_TOOLS/dotnet-dump" analyze "$1-$p.dmp" -c "dumpheap -stat -live" -c exit 2> /dev/null > "$1-$p.dumpheap.txt" || true
      cat "$1-$p.dumpheap.txt" >> "$1.dumpheap.txt"
      w=$(awk '/^Total .* objects, .* bytes/{gsub(",","",$4); print $4}' "$1-$p.dumpheap.txt")
      d=$((d + ${w:-0})); rm -f "$1-$p.dmp" "$1-$p.dumpheap.txt"
    fi
  done
  [[ $d == 0 ]] && d=$t
  echo "$t $d"
}
kv() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k{print $2}'; }
jsonnum() { grep -o "\"$1\":[0-9.]*" "$2" | head -1 | cut -d: -f2; }

loadgen() { # logfile, args...
  local logf="$1"; shift
  local extra=()
  [[ -n "$SCRIPT_FILE" ]] && extra=(--script "$SCRIPT_FILE")
  $(pin_client) dotnet "$LOADGEN_DLL" "$@" "${extra[@]}" > "$logf" 2>&1 || true
  grep '^RESULT ' "$logf" | tail -1
}

# ------------------------------------------------------------------------------------------------
# protocol for one target
# ------------------------------------------------------------------------------------------------
bench_target() {
  local target="$1" name url cmd="" content=1 tb=""
  local envs=()
  local script_saved="$SCRIPT_FILE"
  case "$target" in
    triagebot-memory|triagebot-sqlite|triagebot-postgres|triagebot-postgres-2)
      name="$target"; tb="${target#triagebot-}"; url="http://127.0.0.1:3978/api/messages"; cmd="triagebot"
      [[ "$tb" == postgres-2 ]] && url="http://127.0.0.1:3978/api/messages,http://127.0.0.1:3977/api/messages"
      SCRIPT_FILE="$TRIAGEBOT_SCRIPT"
      [[ -f "$TRIAGEBOT_DLL" ]] || { echo "missing $TRIAGEBOT_DLL (build first)" >&2; exit 1; } ;;
    floor) name=floor; url="http://127.0.0.1:3980/api/messages"; cmd="dotnet '$HERE/floor/bin/Release/net10.0/floor.dll'"; envs=(PORT=3980); content=0 ;;
    botbuilder-js) name=botbuilder-js; url="http://127.0.0.1:3979/api/messages"; cmd="node '$HERE/botbuilder-js/index.js'"; envs=(PORT=3979 BOT_RUN_MODE=sample) ;;
    botbuilder-js-rundialog) name=botbuilder-js-rundialog; url="http://127.0.0.1:3981/api/messages"; cmd="node '$HERE/botbuilder-js/index.js'"; envs=(PORT=3981 BOT_RUN_MODE=runDialog) ;;
    http://*|https://*) name="$(echo "$target" | sed -E 's#^[a-z]+://##; s#[^A-Za-z0-9._-]+#_#g')"; url="$target"; cmd="$SERVER_CMD"; content=$CONTENT_CHECK
      envs=(PORT="$(port_of "$url")" ASPNETCORE_URLS="$(echo "$url" | sed -E 's#^([a-z]+://[^/]+).*#\1#')") ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  [[ ${#envs[@]} -eq 0 ]] && envs=(BENCH_TARGET="$name")
  local dir="$OUT/$name"; mkdir -p "$dir"
  log "=== $name  ($url)"

  local ext_pid="${SERVER_PID_ARG}"
  if [[ -z "$cmd" ]]; then
    wait_ready "$url" 30 || { echo "$url is not answering 200 to an expectReplies message" >&2; exit 1; }
  fi

  fresh() { # start a fresh server when we own it; sets PID_FOR_LOADGEN
    if [[ -n "$tb" ]]; then start_triagebot "$tb" "$1" "$dir"
    elif [[ -n "$cmd" ]]; then start_server "$name" "$cmd" "$url" "$dir/server-$1.log" "${envs[@]}"; PID_FOR_LOADGEN="$SRV_PID"
    else PID_FOR_LOADGEN="$ext_pid"; fi
  }
  pidargs() { if [[ -n "$PID_FOR_LOADGEN" ]]; then echo "--server-pid $PID_FOR_LOADGEN"; fi; }

  # 1. functional check: a few whole conversations with content checks, no errors allowed
  fresh verify
  local chk="--check"; [[ $content == 1 ]] && chk="--check-content"
  local r
  r=$(loadgen "$dir/verify.log" --url "$url" --channel "$CHANNEL" -c 2 -w 0 -d 30 -n 6 $chk --label "$name/verify")
  log "verify ($chk): $(echo "$r" | grep -o 'turns=[0-9]* conversations=[0-9]*') $(echo "$r" | grep -o 'errors=[0-9]*')"
  if ! echo "$r" | grep -q ' errors=0 '; then
    echo "functional check failed for $name; see $dir/verify.log" >&2; sed -n '1,40p' "$dir/verify.log" >&2; stop_server; exit 1
  fi
  stop_server

  # 2. timed runs (fresh server each; repeated when something else on the box disturbed it)
  timed_run() { # conc, run index
    local c="$1" i="$2" try res other
    for try in 1 2 3; do
      fresh "c$c-r$i"
      res=$(loadgen "$dir/c$c-r$i.log" --url "$url" --channel "$CHANNEL" -c "$c" -w "$WARMUP" -d "$DURATION" --check $(pidargs) --label "$name/c$c/r$i")
      stop_server
      other=$(kv "$res" other_cpu_pct)
      if [[ "$MAX_OTHER" != "0" && $try -lt 3 ]] && awk -v o="${other:-0}" -v m="$MAX_OTHER" 'BEGIN{exit !(o > m)}'; then
        echo "DISCARDED (other_cpu_pct=$other > $MAX_OTHER) $res" >> "$RESULTS"; log "discarded, other CPU $other%: $res"
        cp "$dir/c$c-r$i.log" "$dir/c$c-r$i.discarded$try.log"
        sleep 5
        continue
      fi
      echo "$res" >> "$RESULTS"; log "$res"
      return 0
    done
  }
  local i
  for i in $(seq 1 "$RUNS"); do timed_run "$CONC" "$i"; done
  if [[ "$LOW_CONC" != "0" ]]; then timed_run "$LOW_CONC" 1; fi

  # 3. optional wrk cross-check (floor only): is the C# client the limit?
  if [[ $WRK == 1 && "$name" == floor ]] && command -v wrk > /dev/null; then
    fresh wrk
    cat > "$dir/wrk-post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$(probe_body wrk)'
EOF
    $(pin_client) wrk -t1 -c"$CONC" -d"${WARMUP}s" -s "$dir/wrk-post.lua" "$url" > "$dir/wrk-warmup.log" 2>&1 || true
    $(pin_client) wrk -t1 -c"$CONC" -d"${DURATION}s" --latency -s "$dir/wrk-post.lua" "$url" > "$dir/wrk.log" 2>&1 || true
    log "wrk floor c=$CONC: $(grep -E 'Requests/sec' "$dir/wrk.log" | tr -s ' ') | p50 $(awk '$1=="50%"{print $2}' "$dir/wrk.log") p99 $(awk '$1=="99%"{print $2}' "$dir/wrk.log") | non-2xx: $(grep -c 'Non-2xx' "$dir/wrk.log" || true)"
    stop_server
  fi

  # 4. memory: fresh server; RSS idle -> after MEM_CONVS whole conversations -> after MEM_CONVS more.
  #    Per-conversation = growth over the SECOND batch / MEM_CONVS: the first batch also grows the GC
  #    heaps to their working size under load (the stateless floor shows how big that effect is).
  #    botbuilder-js targets also report V8 heapUsed after a forced GC and the MemoryStorage size.
  if [[ "$MEM_CONVS" != "0" ]]; then
    local dbg=""
    if [[ -n "$cmd" && "$name" == botbuilder-js* ]]; then
      local cmd_saved="$cmd" envs_saved=("${envs[@]}")
      cmd="node --expose-gc '$HERE/botbuilder-js/index.js'"; envs+=(BOT_DEBUG=1)
      dbg="${url%/api/messages}/debug/memory"
    fi
    fresh mem
    if [[ -n "$PID_FOR_LOADGEN" ]]; then
      local p="$PID_FOR_LOADGEN" idle r1 r2 h1="" h2="" s1="" s2="" g0="" g1="" g2="" heap=""
      [[ -n "$HEAP_TOOLS" && ( -n "$tb" || "$name" == floor || "$cmd" == dotnet* ) ]] && heap="$dir/heap"
      sleep 1; idle=$(rss_kb "$p")
      [[ -n "$heap" ]] && g0=$(heap_snapshot "$heap-idle")
      # -d is only a cap: a batch is N whole conversations however long a busy machine takes to play them.
      r=$(loadgen "$dir/mem-fill1.log" --url "$url" --channel "$CHANNEL" -c "$CONC" -w 0 -d 14400 -n "$MEM_CONVS" --check --server-pid "$p" --label "$name/mem1")
      local e1 n1 n2; e1=$(kv "$r" errors); n1=$(kv "$r" conversations)
      sleep 1; r1=$(rss_kb "$p")
      [[ -n "$heap" ]] && g1=$(heap_snapshot "$heap-1")
      if [[ -n "$dbg" ]]; then curl -s "$dbg" > "$dir/mem-debug1.json"; h1=$(jsonnum heapUsed "$dir/mem-debug1.json"); s1=$(jsonnum storageJsonChars "$dir/mem-debug1.json"); fi
      r=$(loadgen "$dir/mem-fill2.log" --url "$url" --channel "$CHANNEL" -c "$CONC" -w 0 -d 14400 -n "$MEM_CONVS" --check --server-pid "$p" --label "$name/mem2")
      local e2; e2=$(kv "$r" errors); n2=$(kv "$r" conversations); n1=${n1:-$MEM_CONVS}; n2=${n2:-$MEM_CONVS}
      sleep 1; r2=$(rss_kb "$p")
      [[ -n "$heap" ]] && g2=$(heap_snapshot "$heap-2")
      if [[ -n "$dbg" ]]; then curl -s "$dbg" > "$dir/mem-debug2.json"; h2=$(jsonnum heapUsed "$dir/mem-debug2.json"); s2=$(jsonnum storageJsonChars "$dir/mem-debug2.json"); fi
      local line
      line="MEM label=$name convs=$MEM_CONVS convs1=$n1 convs2=$n2 idle_rss_mb=$(awk -v k="$idle" 'BEGIN{printf "%.1f",k/1024}') rss1_mb=$(awk -v k="$r1" 'BEGIN{printf "%.1f",k/1024}') rss2_mb=$(awk -v k="$r2" 'BEGIN{printf "%.1f",k/1024}')"
      line+=" kib_per_conv_rss=$(awk -v a="$r1" -v b="$r2" -v n="$n2" 'BEGIN{printf "%.2f",(b-a)/n}')"
      line+=" kib_per_conv_rss_from_idle=$(awk -v a="$idle" -v b="$r1" -v n="$n1" 'BEGIN{printf "%.2f",(b-a)/n}')"
      if [[ -n "$h1" && -n "$h2" ]]; then
        line+=" heap1_mb=$(awk -v k="$h1" 'BEGIN{printf "%.1f",k/1048576}') heap2_mb=$(awk -v k="$h2" 'BEGIN{printf "%.1f",k/1048576}')"
        line+=" kib_per_conv_heap=$(awk -v a="$h1" -v b="$h2" -v n="$n2" 'BEGIN{printf "%.2f",(b-a)/n/1024}')"
        line+=" storage_chars_per_conv=$(awk -v a="$s1" -v b="$s2" -v n="$n2" 'BEGIN{printf "%.0f",(b-a)/n}')"
      fi
      if [[ -n "$heap" ]]; then
        # gcheap: what dotnet-gcdump counts after its forced collection; liveheap: dotnet-dump's exact live objects.
        local gc0 gc1 gc2 lv0 lv1 lv2; read -r gc0 lv0 <<< "$g0"; read -r gc1 lv1 <<< "$g1"; read -r gc2 lv2 <<< "$g2"
        line+=" gcheap0_mb=$(awk -v k="$gc0" 'BEGIN{printf "%.1f",k/1048576}') gcheap1_mb=$(awk -v k="$gc1" 'BEGIN{printf "%.1f",k/1048576}') gcheap2_mb=$(awk -v k="$gc2" 'BEGIN{printf "%.1f",k/1048576}')"
        line+=" kib_per_conv_gcheap=$(awk -v a="$gc1" -v b="$gc2" -v n="$n2" 'BEGIN{printf "%.2f",(b-a)/n/1024}')"
        line+=" kib_per_conv_gcheap_from_idle=$(awk -v a="$gc0" -v b="$gc1" -v n="$n1" 'BEGIN{printf "%.2f",(b-a)/n/1024}')"
        line+=" liveheap0_mb=$(awk -v k="$lv0" 'BEGIN{printf "%.2f",k/1048576}') liveheap1_mb=$(awk -v k="$lv1" 'BEGIN{printf "%.2f",k/1048576}') liveheap2_mb=$(awk -v k="$lv2" 'BEGIN{printf "%.2f",k/1048576}')"
        line+=" kib_per_conv_liveheap=$(awk -v a="$lv1" -v b="$lv2" -v n="$n2" 'BEGIN{printf "%.3f",(b-a)/n/1024}')"
        line+=" kib_per_conv_liveheap_from_idle=$(awk -v a="$lv0" -v b="$lv1" -v n="$n1" 'BEGIN{printf "%.3f",(b-a)/n/1024}')"
        local fmt=gcdump; [[ -s "$heap-2.dumpheap.txt" ]] && fmt=dumpheap
        awk -v n="$n2" -f "$HERE/heap-diff.awk" "$heap-1.$fmt.txt" "$heap-2.$fmt.txt" | sort -gr > "$dir/heap-growth-per-conv.txt"
        line+=" heap_types=$dir/heap-growth-per-conv.txt"
      fi
      line+=" fill_errors=$(( ${e1:-0} + ${e2:-0} ))"
      echo "$line" >> "$RESULTS"; log "$line"
    else
      log "memory test skipped for $name (no --server-cmd / --server-pid)"
    fi
    stop_server
    if [[ -n "$dbg" ]]; then cmd="$cmd_saved"; envs=("${envs_saved[@]}"); fi
  fi
  SCRIPT_FILE="$script_saved"
}

for t in "${TARGETS[@]}"; do bench_target "$t"; done

# ------------------------------------------------------------------------------------------------
# summary (medians over runs)
# ------------------------------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{if(NR==0){print "-"} else if(NR%2){print a[(NR+1)/2]} else {printf "%.2f\n",(a[NR/2]+a[NR/2+1])/2}}'; }

{
  echo "| target | conc | runs | turns/s | conv/s | p50 ms | p90 ms | p99 ms | max ms | errors | server cpu-ms/turn | server CPU % | client CPU % | other CPU % | RSS after run MiB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for key in $(grep '^RESULT ' "$RESULTS" | sed -E 's/.*label=([^ ]*)\/r[0-9]+ .*/\1/' | awk '!seen[$0]++'); do
    mapfile -t lines < <(grep "^RESULT label=$key/r" "$RESULTS")
    declare -A col=()
    for f in turns_per_s convs_per_s p50_ms p90_ms p99_ms max_ms errors server_cpu_ms_per_turn server_cpu_pct client_cpu_pct other_cpu_pct server_rss_mb; do
      vals=(); for l in "${lines[@]}"; do v=$(kv "$l" "$f"); vals+=("${v:-nan}"); done
      col[$f]=$(median "${vals[@]}")
    done
    errs=0; for l in "${lines[@]}"; do errs=$((errs + $(kv "$l" errors))); done
    maxmax=$(for l in "${lines[@]}"; do kv "$l" max_ms; done | sort -g | tail -1)
    echo "| ${key%/c*} | ${key##*/c} | ${#lines[@]} | ${col[turns_per_s]} | ${col[convs_per_s]} | ${col[p50_ms]} | ${col[p90_ms]} | ${col[p99_ms]} | $maxmax | $errs | ${col[server_cpu_ms_per_turn]} | ${col[server_cpu_pct]} | ${col[client_cpu_pct]} | ${col[other_cpu_pct]} | ${col[server_rss_mb]} |"
    unset col
  done
  echo
  echo "(medians over runs; max ms = max over runs; errors = sum; other CPU = machine busy time used by neither server nor client)"
  if grep -q '^MEM ' "$RESULTS"; then
    echo
    echo "| target | RSS idle MiB | RSS after $MEM_CONVS conv MiB | RSS after $((2 * MEM_CONVS)) conv MiB | KiB/conv (RSS, 2nd batch) | KiB/conv (RSS from idle) | KiB/conv (JS heap after GC) | stored JSON chars/conv | .NET heap after GC idle / N / 2N MiB (gcdump) | KiB/conv (gcdump, 2nd batch) | KiB/conv (live objects, dotnet-dump, 2nd batch) |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    grep '^MEM ' "$RESULTS" | while read -r l; do
      g="-"; [[ -n "$(kv "$l" gcheap2_mb)" ]] && g="$(kv "$l" gcheap0_mb) / $(kv "$l" gcheap1_mb) / $(kv "$l" gcheap2_mb)"
      echo "| $(kv "$l" label) | $(kv "$l" idle_rss_mb) | $(kv "$l" rss1_mb) | $(kv "$l" rss2_mb) | $(kv "$l" kib_per_conv_rss) | $(kv "$l" kib_per_conv_rss_from_idle) | $(kv "$l" kib_per_conv_heap) | $(kv "$l" storage_chars_per_conv) | $g | $(kv "$l" kib_per_conv_gcheap) | $(kv "$l" kib_per_conv_liveheap) |"
    done
  fi
} | tee "$OUT/summary.md"
log "raw results: $RESULTS ; logs: $OUT"
