#!/usr/bin/env bash
# Runs GridCase on the embedded default (SQLite in ./data) with the demo city (晋城市, 城区, 沁水县).
# Extra arguments are passed to the server, e.g. ./run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=scripts/node-check.sh
source scripts/node-check.sh
gridcase_check_node run.sh || exit 1
# This machine's runtime identifier (linux-x64, linux-arm64, osx-arm64 …), as the SDK names it; uname -m as a fallback.
rid="$(dotnet --info 2>/dev/null | awk '$1 == "RID:" { print $2; exit }')"
if [ -z "$rid" ]; then
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    armv7l) arch=arm ;;
    *) arch="$(uname -m)" ;;
  esac
  case "$(uname -s)" in Darwin) os=osx ;; *) os=linux ;; esac
  rid="$os-$arch"
fi
# Published as deployed: Release, ReadyToRun (compiled ahead of time, so a start does not wait for the JIT).
dotnet publish src/Api -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true --nologo -v quiet -o "$PWD/artifacts/run"
echo "GridCase: starting; open http://127.0.0.1:5080/swagger (or the --urls you gave). Demo users: admin / demo."
# The content root (appsettings.json, the web console in wwwroot) stays the project folder.
exec dotnet artifacts/run/GridCase.Api.dll --contentRoot "$PWD/src/Api" --GridCase:Demo=true --GridCase:DataDirectory="$PWD/data" "$@"
