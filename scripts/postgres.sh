#!/usr/bin/env bash
# Starts (installing if missing) a local PostgreSQL server for the tests and exports
# GRIDCASE_TEST_POSTGRES, a connection string for a role that may create databases.
# Idempotent; needs root to install or start the server. Sourced by test.sh.

gridcase_start_postgres() {
  local role=gridcase password=gridcase
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres: not root; expecting GRIDCASE_TEST_POSTGRES to point at a running server" >&2
    return 0
  fi
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgres: installing the server package..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  local version port
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    port=5432
    while ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; do port=$((port + 1)); done
    pg_createcluster "$version" main --port "$port" >/dev/null
  fi
  port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
  if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    if ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
      echo "postgres: port $port is taken by another process; cannot start the cluster" >&2
      return 1
    fi
    pg_ctlcluster "$version" main start
  fi
  local i
  for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres: server did not become ready on port $port" >&2; return 1; }
  su postgres -c "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$role'\"" | grep -q 1 \
    || su postgres -c "psql -q -p $port -c \"CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'\"" >/dev/null
  export GRIDCASE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
  echo "postgres: $version ready on 127.0.0.1:$port"
}
