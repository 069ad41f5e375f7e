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

# The web console's build needs Node.js (src/Web/package.json engines).
# shellcheck source=scripts/node-check.sh
source scripts/node-check.sh
gridcase_check_node test.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
gridcase_start_postgres || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
# In CI a test that needs PostgreSQL must run, never skip.
if [ "${CI:-}" = "true" ]; then export GRIDCASE_REQUIRE_POSTGRES=1; fi

# The console (src/Web, Node.js; the .NET build ran `npm ci`): ESLint, then the Vitest suite. Vitest's counts join
# the closing line; a lint failure counts as one failed test. Either failing fails the script.
web_passed=0 web_failed=0 web_skipped=0 web_status=0
run_console_checks() {
  local report vitest passed=0 failed=0 skipped=0
  if ! (cd src/Web && npm run --silent lint); then
    echo "test.sh: npm run lint failed" >&2
    web_failed=1 web_status=1
  fi
  report="$(mktemp --suffix=.json)"
  (cd src/Web && npm test --silent -- --reporter=default --reporter=json --outputFile.json="$report")
  vitest=$?
  if [ -s "$report" ]; then
    read -r passed failed skipped < <(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);' "$report")
  fi
  rm -f "$report"
  if [ "$vitest" -ne 0 ]; then
    web_status=1
    # A suite that could not load has no failed test to count.
    [ "$failed" -eq 0 ] && failed=1
  fi
  web_passed=$passed web_failed=$((web_failed + failed)) web_skipped=$skipped
}

log="$(mktemp)"
# Build once with every core, then run the test assemblies one after another: the browser tests, the
# clustered-timer test and the API suites each start servers, and on 2 cores they disturb each other's timing.
dotnet build GridCase.sln --nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  run_console_checks
  dotnet test GridCase.sln --nologo --no-build -m:1 "$@" 2>&1 | tee -a "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then status=$web_status; fi
fi

read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), *Passed: *([0-9]+), *Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
passed=$((passed + web_passed)) failed=$((failed + web_failed)) skipped=$((skipped + web_skipped))
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
