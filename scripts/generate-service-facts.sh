#!/usr/bin/env bash
# Regenerates every service's facts (success statuses and required members, as committed Java sources) from the
# AWS SDK for JavaScript v3 client versions pinned in tools/service-facts/targets.json. Installs exactly those
# packages from the npm registry into a temporary directory, which it removes afterwards; needs node and npm, and
# is never part of the build. Idempotent: a second run writes nothing.
#
#   scripts/generate-service-facts.sh            write the facts files
#   scripts/generate-service-facts.sh --check    write nothing; exit 1 when a committed file differs
#
# SERVICE_FACTS_PACKAGES=DIR uses the packages already installed in DIR (DIR/node_modules) and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=tools/service-facts/targets.json
command -v node >/dev/null || { echo "[service-facts] node is needed (Node.js 18 or later)" >&2; exit 2; }

packages="${SERVICE_FACTS_PACKAGES:-}"
if [ -z "$packages" ]; then
  command -v npm >/dev/null || { echo "[service-facts] npm is needed" >&2; exit 2; }
  packages="$(mktemp -d "${TMPDIR:-/tmp}/service-facts.XXXXXX")"
  trap 'rm -rf "$packages"' EXIT
  mapfile -t specs < <(node -e '
    const { services } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const s of services) console.log(`${s.npm}@${s.version}`);' "$targets")
  echo "[service-facts] installing ${#specs[@]} pinned client packages into $packages" >&2
  printf '{"private":true}\n' > "$packages/package.json"
  (cd "$packages" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "${specs[@]}" >&2)
fi

node tools/service-facts/generate.mjs --packages "$packages" "$@"
