#!/usr/bin/env bash
# gridcase_check_node CALLER: checks that Node.js (with npm) meets src/Web/package.json's "engines.node" (">=X.Y"),
# which the web console's build needs; prints one line saying what to do and returns 1 when it does not.
# Sourced by run.sh and test.sh.

gridcase_check_node() {
  local caller="$1" root want have
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  want="$(sed -nE 's/^[[:space:]]*"node":[[:space:]]*">=[[:space:]]*([0-9]+(\.[0-9]+)*)".*/\1/p' "$root/src/Web/package.json" | head -1)"
  want="${want:-20.19}"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "$caller: Node.js >= $want with npm is needed to build the web console and none was found: install Node.js $want or later (Debian 12's own nodejs is 18, too old)." >&2
    return 1
  fi
  have="$(node --version 2>/dev/null | sed 's/^v//')"
  if [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -1)" != "$want" ]; then
    echo "$caller: Node.js $have is too old; the web console needs >= $want (src/Web/package.json engines): install Node.js $want or later and run again." >&2
    return 1
  fi
}
