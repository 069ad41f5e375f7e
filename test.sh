#!/usr/bin/env bash
# The whole test suite: starts what the tests need (PostgreSQL), runs every test project,
# and ends with one line "N passed, N failed, N skipped". Fails when a test fails or none ran.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Browser tests drive Debian's Chromium (tests/Web.Tests/chromium.runsettings); Playwright never downloads one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Chromium and a CJK font for the browser tests, installed as root only when missing (so CI runs them, never skips).
if [ "$(id -u)" -eq 0 ]; then
  dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q 'install ok installed' \
    || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
  dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed' \
    || { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: /usr/bin/chromium is missing (run as root once to install it)" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
gridcase_start_postgres || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
# In CI a test that needs PostgreSQL must run, never skip.
if [ "${CI:-}" = "true" ]; then export GRIDCASE_REQUIRE_POSTGRES=1; fi

log="$(mktemp)"
# Build once with every core, then run the test assemblies one after another: the browser tests, the
# clustered-timer test and the API suites each start servers, and on 2 cores they disturb each other's timing.
dotnet build GridCase.sln --nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  dotnet test GridCase.sln --nologo --no-build -m:1 "$@" 2>&1 | tee -a "$log"
  status=${PIPESTATUS[0]}
fi

read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), *Passed: *([0-9]+), *Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
