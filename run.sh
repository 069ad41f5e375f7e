#!/usr/bin/env bash
# Runs GridCase on the embedded default (SQLite in ./data) with the demo city (晋城市, 城区, 沁水县).
# Extra arguments are passed to the server, e.g. ./run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Api -c Release --nologo -v quiet
echo "GridCase: starting; open http://127.0.0.1:5080/swagger (or the --urls you gave). Demo users: admin / demo."
exec dotnet run --no-build -c Release --project src/Api -- --GridCase:Demo=true --GridCase:DataDirectory="$PWD/data" "$@"
