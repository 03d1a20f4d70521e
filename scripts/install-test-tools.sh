#!/usr/bin/env bash
# The clients the tests drive besides the SDK: AWS CLI v1 (preinstalled on this kind of machine, on PATH),
# AWS CLI v2 (Debian's awscli package, /usr/bin/aws), and for the web console's browser test (ConsoleBrowserTest)
# Debian's chromium with playwright-core from the npm registry in tools/browser-test (its package-lock.json is
# committed; Playwright's own browser download is never used). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y --no-install-recommends "$@"; }
}

if [ ! -x /usr/bin/aws ]; then
  apt_install awscli
fi
if ! command -v aws >/dev/null 2>&1; then
  echo "[install-test-tools] no 'aws' on PATH (AWS CLI v1 expected)" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
if [ ! -d tools/browser-test/node_modules/playwright-core ]; then
  (cd tools/browser-test && npm ci --no-audit --no-fund --loglevel=error)
fi
