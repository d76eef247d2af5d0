#!/usr/bin/env bash
# Runs every test suite of VcService: .NET (xunit), node interop and browser tests (Chromium) against
# a running service.
# Installs what the tests need (idempotently) first. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
OUT=$(mktemp -d /tmp/vcservice-test.XXXXXX)
PASSED=0
FAILED=0
SUITE_ERRORS=0

log() { printf '\n== %s\n' "$*"; }

# --- 1. prerequisites -------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
need_apt=()
ldconfig -p 2>/dev/null | grep -q 'libsodium.so.23' || need_apt+=(libsodium23)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || need_apt+=(chromium)
# PostgreSQL server binaries for the throwaway cluster of tests/VcService.Storage.Tests (initdb, pg_ctl).
find_pg_bin() {
  for d in ${VCSERVICE_TEST_PG_BIN:-} /usr/local/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}
find_pg_bin >/dev/null || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if PG_BIN=$(find_pg_bin); then
  export VCSERVICE_TEST_PG_BIN="$PG_BIN"
else
  echo "no PostgreSQL binaries: the PostgreSQL storage tests will be skipped"
fi
for dir in tests/interop tests/browser; do
  if [ ! -d $dir/node_modules ] || [ $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]; then
    log "npm ci ($dir)"
    (cd $dir && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $dir"; SUITE_ERRORS=$((SUITE_ERRORS+1)); }
  fi
done

# --- 2. build ---------------------------------------------------------------------------------
log "dotnet build"
if ! dotnet build VcService.sln -c Release -v q -nologo > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 3. .NET tests ----------------------------------------------------------------------------
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  log "$name"
  dotnet test "$project" -c Release --no-build -nologo -v q \
    --logger "trx;LogFileName=$OUT/$name.trx" --logger "console;verbosity=minimal" 2>&1 | tail -n 30
  if [ -f "$OUT/$name.trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$OUT/$name.trx" | head -1)
    p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-0}))
    t=$(echo "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p'); x=$(echo "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
    [ $(( ${t:-0} - ${x:-0} )) -gt 0 ] && echo "$name: $(( ${t:-0} - ${x:-0} )) skipped (reasons in $OUT/$name.trx)"
  else
    echo "$name produced no results"; SUITE_ERRORS=$((SUITE_ERRORS+1))
  fi
done

# --- 4. node suites (interop with npm peers, browser) against one running service --------------
# Runs one node --test suite from a folder; adds its TAP counts to the totals.
run_node_suite() {
  local name=$1 dir=$2
  log "$name (node) against a running service"
  (cd "$dir" && node --test --test-reporter=tap ./*.test.mjs) > "$OUT/$name.tap" 2>&1
  grep -E '^(not ok|# (pass|fail|tests))' "$OUT/$name.tap" | head -n 40
  grep -q '^not ok' "$OUT/$name.tap" && grep -B2 -A25 '^not ok' "$OUT/$name.tap" | head -n 80
  local p f
  p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$OUT/$name.tap" | tail -1); f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$OUT/$name.tap" | tail -1)
  [ -z "$p" ] && { echo "$name produced no summary"; cat "$OUT/$name.tap" | tail -n 20; SUITE_ERRORS=$((SUITE_ERRORS+1)); }
  PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-0}))
}

if compgen -G "tests/interop/*.test.mjs" >/dev/null || compgen -G "tests/browser/*.test.mjs" >/dev/null; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5199)
  DATA="$OUT/service-data"
  export VCSERVICE_URL="http://127.0.0.1:$PORT"
  export VCSERVICE_API_KEY="vck_interop_$(date +%s%N)"
  export VCSERVICE_CLI="$ROOT/src/VcService.Cli/bin/Release/net10.0/vcservice.dll"
  export CHROMIUM_PATH="$CHROMIUM"
  # The suites verify far more often than a real client: lift the per-IP verify rate limit.
  ASPNETCORE_ENVIRONMENT=Development VcService__DataDirectory="$DATA" VcService__Demo__ApiKey="$VCSERVICE_API_KEY" \
    VcService__RateLimit__Verify__PermitLimit=1000000 VcService__RateLimit__PublicRead__PermitLimit=1000000 \
    dotnet src/VcService.Api/bin/Release/net10.0/VcService.Api.dll --urls "$VCSERVICE_URL" > "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 60); do curl -fs "$VCSERVICE_URL/health" >/dev/null 2>&1 && break; sleep 0.5; done
  if ! curl -fs "$VCSERVICE_URL/health" >/dev/null 2>&1; then
    echo "service did not start:"; cat "$OUT/service.log"; SUITE_ERRORS=$((SUITE_ERRORS+1))
  fi
  compgen -G "tests/interop/*.test.mjs" >/dev/null && run_node_suite interop tests/interop
  compgen -G "tests/browser/*.test.mjs" >/dev/null && run_node_suite browser tests/browser
  kill "$SERVICE_PID" 2>/dev/null; wait "$SERVICE_PID" 2>/dev/null
fi

# --- 5. summary -------------------------------------------------------------------------------
echo
[ "$SUITE_ERRORS" -gt 0 ] && echo "$SUITE_ERRORS suite(s) could not run (counted as failures)"
FAILED=$((FAILED + SUITE_ERRORS))
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
